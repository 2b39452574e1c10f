"""The ``govdoc`` command: ``parse``, ``outline`` and ``meta`` on files or standard input.

Exit status: 0 success, 1 an input could not be read or parsed (the others are still
processed), 2 usage error. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from .errors import GovdocError

__all__ = ["main"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as for every other error; `govdoc --help` has the full usage.
        self.exit(EXIT_USAGE, f"govdoc: {message} (see govdoc --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="govdoc", description="Parse Chinese official documents (公文).")
    parser.add_argument("--version", action="version", version=f"govdoc {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument("files", nargs="+", metavar="FILE", help="input file, or - for stdin")
    common.add_argument("--encoding", help="decode input with this codec instead of detecting")
    common.add_argument(
        "--simplified",
        action="store_true",
        help="print text values in simplified script (opencc t2s)",
    )
    p = sub.add_parser("parse", parents=[common], help="print the whole Document as JSON")
    p.add_argument("--indent", type=int, default=None, help="indent JSON by N spaces")
    o = sub.add_parser("outline", parents=[common], help="print the table of contents")
    o.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    sub.add_parser("meta", parents=[common], help="print the metadata as a JSON object")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govdoc")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (`govdoc parse x | head -1`): stop quietly, like cat does.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    from .api import parse, parse_file
    from .nodes import Document

    status = EXIT_OK
    many = len(args.files) > 1
    render = _renderer(args)
    for name in args.files:
        try:
            if name == "-":
                doc: Document = parse(sys.stdin.buffer.read(), encoding=args.encoding)
            else:
                doc = parse_file(name, encoding=args.encoding)
        except GovdocError as exc:
            print(f"govdoc: {_one_line(str(exc))}", file=sys.stderr)
            status = EXIT_INPUT
            if many:
                _write(
                    json.dumps({"path": name, "ok": False, "error": str(exc)}, ensure_ascii=False)
                    + "\n"
                )
            continue
        if many:
            _write(
                json.dumps(
                    {"path": name, "ok": True, "result": render(doc, None)}, ensure_ascii=False
                )
                + "\n"
            )
        else:
            _write(
                _dump(render(doc, None), args) + "\n"
                if args.command != "outline" or args.json
                else render(doc, "text")
            )
    return status


def _renderer(args: argparse.Namespace) -> Callable[[Any, str | None], Any]:
    from .script import to_simplified
    from .serialize import meta, outline, to_dict

    convert = to_simplified if args.simplified else None

    def render(doc: Any, mode: str | None) -> Any:
        if args.command == "parse":
            return to_dict(doc, convert=convert)
        if args.command == "meta":
            return meta(doc, convert=convert)
        entries = outline(doc, convert=convert)
        if mode == "text":
            return "".join(
                "  " * (e["depth"] - 1) + f"{e['marker']} {e['title']}\n" for e in entries
            )
        return entries

    return render


def _dump(value: Any, args: argparse.Namespace) -> str:
    indent = getattr(args, "indent", None)
    if args.command != "parse":
        indent = 2 if indent is None else indent
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write(s: str) -> None:
    sys.stdout.write(s)
    sys.stdout.flush()


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
