"""Where a scan's work runs: this process, worker processes on this machine, or a Dask cluster.

The scan's two heavy steps (reading the collection's files, and the engine's comparisons) are
maps of a plain function over chunks of work, so any executor that maps will do: a process pool
on this machine, or `dask.distributed` for a cluster (an existing scheduler by address, or a
LocalCluster of N worker processes started for the run). The results are the same whichever
runs them; only where the work happens differs. Dask is imported only when asked for.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, Protocol, TypeVar

from diffviewer.core.collector import paused_collector

T = TypeVar("T")
R = TypeVar("R")
# Tasks queued per worker: enough to keep each busy while its last result is taken.
IN_FLIGHT_PER_WORKER = 3
CONNECT_SECONDS = 10  # how long an unanswering scheduler is waited for


class Runner(Protocol):
    """Maps a function over items, in order, possibly elsewhere."""

    @property
    def parallelism(self) -> int:
        """How many tasks run at once."""
        ...

    def map(self, function: Callable[..., R], items: Sequence[Any], *shared: Any) -> Iterator[R]: ...

    def close(self) -> None: ...


class LocalRunner:
    """This process alone (workers=1), or a pool of worker processes on this machine."""

    def __init__(self, workers: int | None = None, start_method: str | None = None, pool_from: int = 2) -> None:
        """`start_method`: how the pool's processes start ("spawn" for a caller with threads of
        its own, such as the window, which a fork would copy half-way); the platform's default
        else. A map of fewer than `pool_from` items runs here: starting processes costs more."""
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.start_method = start_method
        self.pool_from = max(2, pool_from)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def parallelism(self) -> int:
        return self.workers

    def map(self, function: Callable[..., R], items: Sequence[Any], *shared: Any) -> Iterator[R]:
        call = partial(function, *shared)
        if self.workers == 1 or len(items) < self.pool_from:
            for item in items:
                yield call(item)
            return
        if self._pool is None:
            import multiprocessing  # (only when a pool is wanted)

            context = multiprocessing.get_context(self.start_method) if self.start_method else None
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        pool = self._pool
        # A few tasks per worker in flight, no more: results wait to be consumed (written to
        # the index) in order, and a whole collection's worth of them would not fit in memory.
        pending: deque[Future[R]] = deque()
        upcoming = iter(items)
        try:
            with paused_collector():
                for item in islice(upcoming, IN_FLIGHT_PER_WORKER * self.workers):
                    pending.append(pool.submit(call, item))
                while pending:
                    result = pending.popleft().result()
                    for item in islice(upcoming, 1):
                        pending.append(pool.submit(call, item))
                    yield result
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskRunner:
    """A dask.distributed cluster: an existing scheduler, or a LocalCluster started for this run."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        if scheduler:
            self._cluster = None
            self.client = Client(scheduler, timeout=CONNECT_SECONDS)
        else:
            self._cluster = LocalCluster(
                n_workers=max(1, workers or os.cpu_count() or 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self._cluster)

    @property
    def parallelism(self) -> int:
        return max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values()))

    def map(self, function: Callable[..., R], items: Sequence[Any], *shared: Any) -> Iterator[R]:
        if not items:
            return
        # What every task shares (the original, the weights) travels to the workers once.
        scattered = [self.client.scatter(value, broadcast=True) for value in shared]
        workers = self.parallelism
        pending: deque[Any] = deque()
        upcoming = iter(items)

        def submit(item: Any) -> None:
            pending.append(self.client.submit(function, *scattered, item, pure=False))

        try:
            for item in islice(upcoming, IN_FLIGHT_PER_WORKER * workers):
                submit(item)
            while pending:
                result = pending.popleft().result()
                for item in islice(upcoming, 1):
                    submit(item)
                yield result
        finally:
            if pending:
                self.client.cancel(list(pending))

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_runner(workers: int | None = None, scheduler: str | None = None) -> Runner:
    """The command line's choice: an existing Dask cluster by address; a Dask LocalCluster of
    `workers` processes (or, without Dask installed, a pool of that many); else a process pool of
    every core. Raises ImportError for a scheduler without Dask, OSError when it does not answer."""
    if scheduler:
        return DaskRunner(scheduler)
    if workers:
        try:
            return DaskRunner(workers=workers)
        except ImportError:
            return LocalRunner(workers)
    return LocalRunner()


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


__all__ = ["DaskRunner", "LocalRunner", "Runner", "chunks", "make_runner"]
