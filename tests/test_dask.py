"""govdoc.dask on a local cluster of two worker processes: the same results as parse_many."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from govdoc import parse_many  # noqa: E402
from govdoc.batch import to_row  # noqa: E402
from govdoc.dask import parse_bag, write_jsonl, write_parquet  # noqa: E402
from tests.archive import write_archive  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_cluster_results_equal_parse_many(client: object, tmp_path: Path) -> None:
    paths = write_archive(tmp_path / "in", 300, broken=(17, 250))
    expected = list(parse_many(paths))
    bag = parse_bag(paths, partition_size=40)
    assert bag.npartitions == 8
    assert bag.compute() == expected

    written = write_jsonl(bag, tmp_path / "jsonl")
    assert len(written) == 8
    rows = [json.loads(line) for f in sorted(written) for line in Path(f).read_text().splitlines()]
    assert rows == [to_row(r) for r in expected]


def test_parquet_partitions(client: object, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    paths = write_archive(tmp_path / "in", 20, broken=(3,))
    written = write_parquet(parse_bag(paths, partition_size=8), tmp_path / "pq")
    table = pq.read_table(sorted(written)).to_pylist()
    expected = [to_row(r) for r in parse_many(paths)]
    assert [r["path"] for r in table] == [r["path"] for r in expected]
    assert [r["ok"] for r in table] == [r["ok"] for r in expected]
    assert json.loads(table[0]["document"]) == expected[0]["document"]
    assert table[3]["error"] == expected[3]["error"] and table[3]["document"] is None
