"""``govdoc parse PATH... --jsonl``: one JSON line per file, in input order, for archives.

Workers parse *and* serialise, so the main process only writes finished lines. A progress bar
goes to stderr when stderr is a terminal and tqdm is installed (the ``progress`` extra); the
last line on stderr is a summary. Exit status 1 when any file failed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .batch import DEFAULT_CHUNKSIZE, expand_paths, ordered_map, parse_one, to_row
from .formats import Format

__all__ = ["BatchOptions", "JsonLine", "json_line", "run_jsonl"]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What the command line asked for, in a picklable form for the workers."""

    encoding: str | None = None
    simplified: bool = False
    format: Format = "auto"  # of the input files, as --format-in


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One file's finished line, with what the summary needs."""

    text: str  # the JSON line, newline included
    ok: bool
    size: int  # bytes of input read


def json_line(path: str, options: BatchOptions) -> JsonLine:
    """The JSON line for one file (see :func:`~govdoc.batch.to_row`)."""
    convert = None
    if options.simplified:
        from .script import to_simplified

        convert = to_simplified
    result = parse_one(path, options.encoding, options.format)
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    row = json.dumps(to_row(result, convert), ensure_ascii=False)
    return JsonLine(row + "\n", result.ok, size)


def run_jsonl(
    inputs: list[str],
    options: BatchOptions,
    *,
    recursive: bool = False,
    pattern: str | None = None,
    jobs: int = 1,
) -> int:
    """Write one line per file to stdout; returns the exit status (1 when any file failed).

    Raises :class:`~govdoc.errors.InputError` before writing anything when an input is a
    directory and ``recursive`` is false.
    """
    paths = list(expand_paths(inputs, recursive=recursive, pattern=pattern))
    started = time.perf_counter()
    files = failed = size = 0
    lines = ordered_map(
        partial(json_line, options=options), paths, jobs=jobs, chunksize=DEFAULT_CHUNKSIZE
    )
    out = sys.stdout
    for line in _with_progress(lines, len(paths)):
        out.write(line.text)
        files += 1
        failed += not line.ok
        size += line.size
    out.flush()
    seconds = time.perf_counter() - started
    print(
        f"govdoc: {files} files, {files - failed} ok, {failed} failed, "
        f"{size / 1e6:.1f} MB, {seconds:.1f} s",
        file=sys.stderr,
    )
    return 1 if failed else 0


def _with_progress(lines: Iterator[JsonLine], total: int) -> Iterator[JsonLine]:
    """``lines`` unchanged, drawing a bar on stderr when it is a terminal and tqdm exists."""
    if not sys.stderr.isatty():
        return lines
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a nicety: without tqdm the run is the same
        return lines
    return iter(tqdm(lines, total=total, unit="file", file=sys.stderr, leave=False))
