"""Print the table of contents of a 公文, one line per numbered heading, with line numbers.

    python examples/toc.py [FILE]          (default: examples/notice.txt)

Attached and forwarded documents get their own block under their title.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govdoc

HERE = Path(__file__).parent


def main(path: Path) -> None:
    doc = govdoc.parse_file(path)
    documents = list(doc.documents())
    print(doc.title or path.name)
    current = 0
    for entry in govdoc.outline(doc):
        if entry["document"] != current:
            current = entry["document"]
            sub = documents[current]
            print(f"\n[{sub.kind}] {sub.title or ''}")
        indent = "  " * entry["depth"]
        print(f"{indent}{entry['marker']} {entry['title']}  (line {entry['line']})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "notice.txt")
