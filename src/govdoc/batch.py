"""Many files at once: :func:`parse_many` and the ordered, bounded parallel map beneath it.

Archives hold hundreds of thousands of files, so nothing here holds more than a fixed window of
work: paths are taken from the input lazily, at most ``jobs * _WINDOW_PER_JOB`` chunks are in
flight, and results are yielded in input order as soon as the oldest chunk is done. One file
that cannot be read or parsed becomes a failed :class:`ParseResult`; the run goes on.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from .errors import GovdocError, InputError
from .formats import Format
from .nodes import Document

__all__ = [
    "ParseResult",
    "expand_paths",
    "ordered_map",
    "parse_many",
    "parse_one",
    "to_row",
    "worker_count",
]

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Chunks in flight per worker: enough to keep every worker busy while the oldest chunk is
#: written out, few enough that memory does not grow with the size of the input.
_WINDOW_PER_JOB = 4
#: Files per task: large enough to amortise the cost of sending a task to a worker process.
DEFAULT_CHUNKSIZE = 8


@dataclass(frozen=True, slots=True)
class ParseResult:
    """The outcome for one path: ``document`` when ``ok``, else the one-line ``error``."""

    path: str
    ok: bool
    error: str | None = None
    document: Document | None = None


def parse_one(path: str, encoding: str | None = None, format: Format = "auto") -> ParseResult:
    """Parse one file into a :class:`ParseResult`; never raises for a bad file."""
    from .api import parse_file

    try:
        doc = parse_file(path, encoding=encoding, format=format)
        return ParseResult(path, True, document=doc)
    except GovdocError as exc:
        return ParseResult(path, False, error=" ".join(str(exc).split()))
    except Exception as exc:  # one faulty file must not end an archive run
        return ParseResult(path, False, error=f"internal error: {type(exc).__name__}: {exc}")


def to_row(result: ParseResult, convert: Callable[[str], str] | None = None) -> dict[str, Any]:
    """``result`` as one JSON-ready row: path, ok, encoding, and the document (see
    :func:`~govdoc.serialize.to_dict`) or the error. The shape of ``govdoc parse --jsonl``."""
    from .serialize import to_dict

    doc = result.document
    row: dict[str, Any] = {"path": result.path, "ok": result.ok}
    row["encoding"] = doc.encoding if doc is not None else None
    if doc is not None:
        row["document"] = to_dict(doc, convert=convert)
    else:
        row["error"] = result.error
    return row


def worker_count(jobs: int) -> int:
    """``jobs`` worker processes; 0 means one per core available to this process."""
    if jobs < 0:
        raise InputError(f"jobs must be 0 (all cores) or more, not {jobs}")
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _apply(fn: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [fn(item) for item in chunk]


def ordered_map(
    fn: Callable[[_T], _R],
    items: Iterable[_T],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[_R]:
    """``fn`` over ``items`` in ``jobs`` processes (0 = all cores), yielded in input order.

    With one job everything runs in this process, lazily. ``fn`` must be picklable (a
    module-level function or a :func:`functools.partial` of one) when ``jobs`` is not 1.
    Raises :class:`InputError` at once for a negative ``jobs``.
    """
    workers = worker_count(jobs)
    if workers == 1:
        return map(fn, items)
    return _in_processes(fn, _chunks(items, max(1, chunksize)), workers)


def _in_processes(fn: Callable[[_T], _R], chunks: Iterator[list[_T]], workers: int) -> Iterator[_R]:
    # Fresh worker processes (forkserver or spawn), not forks of this one: a fork would copy
    # whatever threads the caller runs (a progress bar's monitor, a web server) in an unknown
    # state.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    window = workers * _WINDOW_PER_JOB
    pending: deque[Future[list[_R]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for chunk in chunks:
                pending.append(pool.submit(_apply, fn, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # the caller stopped early (or was interrupted): drop the work not started
            for future in pending:
                future.cancel()


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    encoding: str | None = None,
    format: Format = "auto",
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[ParseResult]:
    """Parse every file of ``paths`` and yield a :class:`ParseResult` per path, lazily and in
    input order, using ``jobs`` worker processes (0 = all cores; 1 = this process only).
    ``encoding`` and ``format`` apply to every file (see :func:`govdoc.parse`).

    A file that cannot be read or parsed yields a result with ``ok`` false and the reason in
    ``error``; the other files are still parsed.
    """
    from functools import partial

    names = (os.fspath(p) for p in paths)
    one = partial(parse_one, encoding=encoding, format=format)
    return ordered_map(one, names, jobs=jobs, chunksize=chunksize)


def expand_paths(
    inputs: Iterable[str], *, recursive: bool = False, pattern: str | None = None
) -> Iterator[str]:
    """The files named by ``inputs``: a file as given, a directory's files (matching
    ``pattern``, every file when None) in sorted order when ``recursive``.

    Raises :class:`InputError` at once, before any file is yielded, for a directory without
    ``recursive``. Directories are walked lazily; hidden files and directories (names starting
    with ``.``) inside them are skipped.
    """
    names = list(inputs)
    if not recursive:
        for name in names:
            if os.path.isdir(name):
                raise InputError(
                    f"{name}: is a directory (add --recursive to parse the files in it)"
                )
    return _expand(names, pattern)


def _expand(names: list[str], pattern: str | None) -> Iterator[str]:
    for name in names:
        if os.path.isdir(name):
            yield from _walk(Path(name), pattern)
        else:
            yield name  # a missing file is reported when it is parsed, like any unreadable one


def _walk(root: Path, pattern: str | None) -> Iterator[str]:
    for top, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or (pattern is not None and not fnmatch.fnmatch(f, pattern)):
                continue
            yield os.path.join(top, f)
