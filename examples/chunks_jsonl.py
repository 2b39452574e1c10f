"""Cut 公文 into section-aware chunks for retrieval and write them as JSON Lines.

    python examples/chunks_jsonl.py [--max-chars N] [--overlap N] [FILE...] > chunks.jsonl

(default: every .txt file in examples/, 300 characters, 30 overlap). Each line carries the
file, the document title and the heading path, so that a retrieved chunk can be cited as
“title › 二、重点任务 › （一）扩大老年助餐服务”.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import govdoc

HERE = Path(__file__).parent


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--max-chars", type=int, default=300)
    parser.add_argument("--overlap", type=int, default=30)
    args = parser.parse_args(argv)
    for path in args.files or sorted(HERE.glob("*.txt")):
        doc = govdoc.parse_file(path)
        for number, piece in enumerate(
            govdoc.chunk(doc, max_chars=args.max_chars, overlap=args.overlap)
        ):
            crumbs = " › ".join(f"{marker}{title}" for marker, title in piece.headings)
            record = {
                "id": f"{path.name}#{number}",
                "source": str(path),
                "citation": " › ".join(filter(None, [piece.title, crumbs])),
                **piece.to_dict(),
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
