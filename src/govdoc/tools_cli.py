"""The ``govdoc chunk`` and ``govdoc check`` commands (wired into :mod:`govdoc.cli`).

``chunk`` prints section-aware chunks as a JSON array, or one JSON line per chunk with
``--jsonl``; every chunk names the file it came from. ``check`` prints one finding per line as
``path:line:col: code severity: message`` (or a JSON array with ``--json``) and exits 0 when
no finding is an error, 1 when one is, 2 when an input could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from .errors import GovdocError

__all__ = ["add_tool_parsers", "run_tool"]

# check: clean / an error found / unreadable input; chunk: ok / unreadable input / usage.
EXIT_CLEAN, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def add_tool_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``chunk`` and ``check`` subcommands to the subparsers ``sub``."""
    c = sub.add_parser("chunk", parents=[common], help="print section-aware chunks for retrieval")
    c.add_argument("--max-chars", type=int, default=500, metavar="N", help="chunk size bound")
    c.add_argument("--overlap", type=int, default=0, metavar="N", help="characters repeated")
    c.add_argument("--jsonl", action="store_true", help="one JSON line per chunk")
    k = sub.add_parser("check", parents=[common], help="lint numbering and format (GB/T 9704)")
    k.add_argument("--json", action="store_true", help="a JSON array of findings")


def run_tool(args: argparse.Namespace) -> int:
    """Run ``chunk`` or ``check`` on ``args.files``; returns the exit status."""
    return _run_chunk(args) if args.command == "chunk" else _run_check(args)


def _documents(args: argparse.Namespace) -> Iterator[tuple[str, Any]]:
    """(name, Document) for every file; an unreadable one is reported and yields None."""
    from .api import parse, parse_file

    options = {"encoding": args.encoding, "format": args.format_in}
    for name in args.files:
        try:
            if name == "-":
                yield name, parse(sys.stdin.buffer.read(), **options)
            else:
                yield name, parse_file(name, **options)
        except GovdocError as exc:
            print(f"govdoc: {' '.join(str(exc).split())}", file=sys.stderr)
            yield name, None


def _run_chunk(args: argparse.Namespace) -> int:
    from .chunker import chunk
    from .script import to_simplified

    if not 0 <= args.overlap < args.max_chars:
        print("govdoc: need 0 <= --overlap < --max-chars (see govdoc --help)", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_CLEAN
    everything: list[dict[str, Any]] = []
    for name, doc in _documents(args):
        if doc is None:
            status = EXIT_ERRORS
            continue
        for piece in chunk(doc, max_chars=args.max_chars, overlap=args.overlap):
            entry: dict[str, Any] = {"path": name, **piece.to_dict()}
            if args.simplified:
                entry = _simplified(entry, to_simplified)
            if args.jsonl:
                sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
            else:
                everything.append(entry)
    if not args.jsonl:
        sys.stdout.write(json.dumps(everything, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    return status


def _simplified(entry: dict[str, Any], convert: Any) -> dict[str, Any]:
    out = dict(entry, text=convert(entry["text"]))
    out["title"] = None if entry["title"] is None else convert(entry["title"])
    out["headings"] = [[m, convert(t)] for m, t in entry["headings"]]
    return out


def _run_check(args: argparse.Namespace) -> int:
    from .checker import check

    status = EXIT_CLEAN
    report: list[dict[str, Any]] = []
    for name, doc in _documents(args):
        if doc is None:
            status = EXIT_UNREADABLE
            continue
        for f in check(doc):
            if f.severity == "error" and status == EXIT_CLEAN:
                status = EXIT_ERRORS
            if args.json:
                report.append(
                    {
                        "path": name,
                        "line": f.line,
                        "column": f.column,
                        "code": f.code,
                        "severity": f.severity,
                        "message": f.message,
                        "span": [f.span.start, f.span.end],
                    }
                )
            else:
                print(f"{name}:{f.line}:{f.column}: {f.code} {f.severity}: {f.message}")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    sys.stdout.flush()
    return status
