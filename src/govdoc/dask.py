"""Parsing mapped over a :mod:`dask.bag`, for archives larger than one machine (extra ``dask``).

The bag runs wherever its scheduler is: threads by default, a
``dask.distributed.Client`` when one is active (a ``LocalCluster`` or a real cluster, see
docs/dask.md). Each worker parses the files it is given by path, so the paths must be readable
on the workers (a shared file system). Results are the :class:`~govdoc.batch.ParseResult`
values of :func:`govdoc.parse_many`, in the same order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import dask.bag as db
from dask import compute, delayed

from .batch import ParseResult, parse_one, to_row

__all__ = ["parse_bag", "to_rows", "write_jsonl", "write_parquet"]

#: Files per partition when the bag is made here: one task costs ~1 ms of scheduling, one file
#: ~1-10 ms of parsing, so a few hundred files per task keep the overhead small.
DEFAULT_PARTITION_SIZE = 256


def parse_bag(
    paths_or_bag: Iterable[str | os.PathLike[str]] | db.Bag,
    *,
    encoding: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> db.Bag:
    """A bag of :class:`~govdoc.batch.ParseResult`, one per path, lazily (call ``.compute()``
    or write it with :func:`write_jsonl` / :func:`write_parquet`).

    ``paths_or_bag`` is a bag of paths (for example from ``db.from_sequence``) or any iterable
    of paths, which is split into partitions of ``partition_size`` files.
    """
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        names = [os.fspath(p) for p in paths_or_bag]
        bag = db.from_sequence(names, partition_size=max(1, partition_size))
    return bag.map(partial(_parse_path, encoding=encoding))


def _parse_path(path: str | os.PathLike[str], encoding: str | None) -> ParseResult:
    return parse_one(os.fspath(path), encoding)


def to_rows(results: db.Bag) -> db.Bag:
    """The bag of results as JSON-ready rows, the shape of ``govdoc parse --jsonl``."""
    return results.map(to_row)


def write_jsonl(results: db.Bag, directory: str | os.PathLike[str]) -> list[str]:
    """Write one JSONL file per partition (``part-00000.jsonl`` …) into ``directory``, which
    may be any URL dask can write (``s3://…`` with s3fs). Returns the paths written."""
    lines = to_rows(results).map(partial(json.dumps, ensure_ascii=False))
    target = os.path.join(os.fspath(directory), "part-*.jsonl")
    written: list[str] = lines.to_textfiles(target, name_function=_part_name, encoding="utf-8")
    return written


def write_parquet(results: db.Bag, directory: str | os.PathLike[str]) -> list[str]:
    """Write one Parquet file per partition (``part-00000.parquet`` …) into the local or
    shared ``directory``; needs pyarrow. Columns: path, ok, encoding, error, and document as a
    JSON string (the tree's nodes differ in shape, which a Parquet schema cannot hold)."""
    import pyarrow  # noqa: F401 - fail here, before any task runs, when it is missing

    Path(directory).mkdir(parents=True, exist_ok=True)
    parts = to_rows(results).to_delayed()
    tasks = [
        delayed(_write_parquet_part)(part, os.path.join(os.fspath(directory), _part_file(i)))
        for i, part in enumerate(parts)
    ]
    written: Sequence[str] = compute(*tasks)
    return list(written)


def _part_name(index: int) -> str:
    return f"{index:05d}"


def _part_file(index: int) -> str:
    return f"part-{_part_name(index)}.parquet"


def _flat(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        doc = row.get("document")
        yield {
            "path": row["path"],
            "ok": row["ok"],
            "encoding": row["encoding"],
            "error": row.get("error"),
            "document": None if doc is None else json.dumps(doc, ensure_ascii=False),
        }


def _write_parquet_part(rows: list[dict[str, Any]], path: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("path", pa.string()),
            ("ok", pa.bool_()),
            ("encoding", pa.string()),
            ("error", pa.string()),
            ("document", pa.string()),
        ]
    )
    pq.write_table(pa.Table.from_pylist(list(_flat(rows)), schema=schema), path)
    return path
