"""Parse every .txt file of a folder and print one summary line per file as JSON Lines:
title, 发文字号, date, number of sections, diagnostics and check findings — or the error
for a file that cannot be read. A bad file never stops the others.

    python examples/batch_folder.py [FOLDER] [--jobs N]     (default: examples/)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import govdoc

HERE = Path(__file__).parent


def summary(result: govdoc.ParseResult) -> dict[str, object]:
    if not result.ok or result.document is None:
        return {"path": result.path, "ok": False, "error": result.error}
    doc = result.document
    meta = govdoc.meta(doc)
    number = meta["doc_number"]
    return {
        "path": result.path,
        "ok": True,
        "title": meta["title"],
        "doc_number": number["text"] if isinstance(number, dict) else None,
        "date": meta["date"],
        "sections": sum(1 for sub in doc.documents() for s in sub.sections for _ in s.walk()),
        "diagnostics": len(doc.diagnostics),
        "findings": len(govdoc.check(doc)),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (0 = all cores)")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.rglob("*.txt"))
    for result in govdoc.parse_many(paths, jobs=args.jobs):
        sys.stdout.write(json.dumps(summary(result), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
