from __future__ import annotations

from pathlib import Path

import pytest

from diffviewer.scan.runner import DaskRunner, LocalRunner, chunks, make_runner
from diffviewer.scan.search import scan


def _double(factor: int, value: int) -> int:
    return factor * value


def test_a_local_runner_maps_in_order_in_this_process_and_in_a_pool() -> None:
    alone = LocalRunner(1)
    assert list(alone.map(_double, [1, 2, 3], 10)) == [10, 20, 30]
    pool = LocalRunner(2)
    try:
        assert list(pool.map(_double, list(range(20)), 3)) == [3 * i for i in range(20)]
    finally:
        pool.close()


def test_chunks_cover_every_item_once_in_order() -> None:
    assert chunks(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunks([], 3) == []


@pytest.fixture(scope="module")
def dask_runner() -> DaskRunner:
    pytest.importorskip("dask.distributed", reason="the cluster extra (pip install 'diffviewer[cluster]')")
    runner = DaskRunner(workers=2)
    yield runner  # type: ignore[misc]
    runner.close()


def test_a_scan_on_a_dask_local_cluster_finds_what_the_local_scan_finds(
    collection: Path, tmp_path: Path, dask_runner: DaskRunner
) -> None:
    original = collection / "KJV" / "revelation_009.txt"
    local = scan(original, [collection], tmp_path / "local", runner=LocalRunner(1))
    distributed = scan(original, [collection], tmp_path / "dask", runner=dask_runner)
    assert distributed.findings == local.findings
    assert distributed.skipped == local.skipped
    assert distributed.index.documents == local.index.documents
    assert list(dask_runner.map(_double, [1, 2], 5)) == [5, 10]


def test_no_choice_is_a_pool_of_every_core() -> None:
    runner = make_runner()
    assert isinstance(runner, LocalRunner) and runner.parallelism >= 1
    runner.close()
