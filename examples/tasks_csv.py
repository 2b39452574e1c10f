"""Write the tasks of a 公文 as CSV: one row per lowest-level section or dash item, with the
departments a note such as （市民政局、市商务局按职责分工负责） makes responsible.

    python examples/tasks_csv.py [FILE] > tasks.csv     (default: examples/notice.txt)

Columns: document (0 = the page's own, 1… attached), path (the markers from the top, e.g.
二、/（一）/2.), task (the heading title), departments (joined by 、; empty when none is named).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import govdoc

HERE = Path(__file__).parent


def rows(doc: govdoc.Document) -> list[list[str]]:
    out: list[list[str]] = []
    for index, sub in enumerate(doc.documents()):
        stack = [(s, ()) for s in reversed(sub.sections)]
        while stack:
            section, above = stack.pop()
            path = (*above, section.marker.raw)
            stack.extend((c, path) for c in reversed(section.children))
            items = [b for b in section.body if isinstance(b, govdoc.Item)]
            for item in items:
                out.append(
                    [
                        str(index),
                        "/".join((*path, item.marker.raw)),
                        item.title or item.text,
                        "、".join(item.departments),
                    ]
                )
            if not section.children and not items:
                departments = [d for p in section.paragraphs for d in p.departments]
                out.append([str(index), "/".join(path), section.title, "、".join(departments)])
    return out


def main(path: Path) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["document", "path", "task", "departments"])
    writer.writerows(rows(govdoc.parse_file(path)))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "notice.txt")
