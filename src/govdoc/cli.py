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


def _terminal_columns() -> int:
    """The terminal width as ``shutil.get_terminal_size().columns`` reads it ($COLUMNS, else
    the terminal of standard output, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = (os.get_terminal_size(stdout.fileno()).columns if stdout else 0) or 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns


class _HelpFormatter(argparse.HelpFormatter):
    # argparse makes a formatter for every add_argument, and its own imports shutil (with
    # bz2, lzma and fnmatch, ~3 ms of start-up) to read the width; this one reads it alike.
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2  # as argparse.HelpFormatter does
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # One line, as for every other error; `govdoc --help` has the full usage.
        self.exit(EXIT_USAGE, f"govdoc: {message} (see govdoc --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="govdoc", description="Parse Chinese official documents (公文).")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument("files", nargs="+", metavar="FILE", help="input file, or - for stdin")
    common.add_argument("--encoding", help="decode input with this codec instead of detecting")
    common.add_argument(
        "--format-in",
        choices=("auto", "text", "html", "docx"),
        default="auto",
        help="input format (default auto: judged by content; html/docx need govdoc[html]/[docx])",
    )
    common.add_argument(
        "--simplified",
        action="store_true",
        help="print text values in simplified script (opencc t2s)",
    )
    p = sub.add_parser("parse", parents=[common], help="print the whole Document as JSON")
    p.add_argument("--indent", type=int, default=None, help="indent JSON by N spaces")
    p.add_argument(
        "--format",
        choices=("json", "markdown", "text"),
        default="json",
        help="json (default), markdown with YAML front matter, or plain text",
    )
    _add_batch_options(p)
    o = sub.add_parser("outline", parents=[common], help="print the table of contents")
    o.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    sub.add_parser("meta", parents=[common], help="print the metadata as a JSON object")
    from .tools_cli import add_tool_parsers

    add_tool_parsers(sub, common)
    return parser


def _add_batch_options(p: argparse.ArgumentParser) -> None:
    b = p.add_argument_group("batch (many files, one JSON line each)")
    b.add_argument("--jsonl", action="store_true", help="one JSON line per file, in input order")
    b.add_argument("--recursive", "-r", action="store_true", help="parse files in directories")
    b.add_argument("--glob", metavar="PATTERN", help="only files in directories matching this")
    b.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = all cores)")


class _VersionAction(argparse.Action):
    # Looked up only when asked for: importlib.metadata costs more than a whole parse.
    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        parser.exit(EXIT_OK, f"govdoc {_version()}\n")


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
    if args.command in ("chunk", "check"):
        from .tools_cli import run_tool

        return run_tool(args)
    if args.command == "parse" and (args.jsonl or args.recursive or args.glob or args.jobs != 1):
        return _run_batch(args)
    from .api import parse, parse_file
    from .nodes import Document

    status = EXIT_OK
    many = len(args.files) > 1
    render = _renderer(args)
    for name in args.files:
        try:
            if name == "-":
                doc: Document = parse(
                    sys.stdin.buffer.read(), encoding=args.encoding, format=args.format_in
                )
            else:
                doc = parse_file(name, encoding=args.encoding, format=args.format_in)
        except GovdocError as exc:
            print(f"govdoc: {_one_line(_about(name, exc))}", file=sys.stderr)
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
                if (args.command != "outline" or args.json) and _format(args) == "json"
                else render(doc, "text")
            )
    return status


def _run_batch(args: argparse.Namespace) -> int:
    from .batch_cli import BatchOptions, run_jsonl

    if not args.jsonl:
        _Parser(prog="govdoc parse").error("--recursive, --glob and --jobs need --jsonl")
    if "-" in args.files:
        _Parser(prog="govdoc parse").error("--jsonl reads files, not standard input (-)")
    if _format(args) != "json":
        _Parser(prog="govdoc parse").error("--jsonl writes JSON: leave out --format")
    options = BatchOptions(
        encoding=args.encoding, simplified=args.simplified, format=args.format_in
    )
    try:
        return run_jsonl(
            args.files, options, recursive=args.recursive, pattern=args.glob, jobs=args.jobs
        )
    except GovdocError as exc:  # a directory without --recursive, a negative --jobs
        print(f"govdoc: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE


def _renderer(args: argparse.Namespace) -> Callable[[Any, str | None], Any]:
    from .script import to_simplified
    from .serialize import meta, outline, to_dict

    convert = to_simplified if args.simplified else None

    def render(doc: Any, mode: str | None) -> Any:
        if args.command == "parse" and args.format != "json":
            from .render import to_markdown, to_text

            as_text = to_markdown if args.format == "markdown" else to_text
            return as_text(doc, convert=convert)
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


def _format(args: argparse.Namespace) -> str:
    return str(getattr(args, "format", "json"))


def _dump(value: Any, args: argparse.Namespace) -> str:
    indent = getattr(args, "indent", None)
    if args.command != "parse":
        indent = 2 if indent is None else indent
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write(s: str) -> None:
    sys.stdout.write(s)
    sys.stdout.flush()


def _about(name: str, exc: GovdocError) -> str:
    """The error with the input it concerns: a decoding error does not know its file, and a
    directory gets the options that read the files in it."""
    message = str(exc)
    if name != "-" and not message.startswith(name):
        message = f"{name}: {message}"
    if os.path.isdir(name):
        message += " (govdoc parse --jsonl --recursive reads the files in it)"
    return message


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
