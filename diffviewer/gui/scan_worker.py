"""Searching a folder for derivatives off the GUI thread: a QRunnable per scan, a generation per request.

The scan itself is the engine's (diffviewer/scan/search.py). It runs here in this process, in a
pool thread (no process pool is started from inside the window: forking a process that runs Qt's
threads is unsafe), through a runner that looks for a cancel after every chunk of files and tells
how far the reading has got, so Cancel answers within a chunk, not after a whole batch.

The index of a folder lives in the user's cache, under a hash of the folder's path: scanning the
same folder again reads only what changed, and nothing is ever written into the user's folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, Signal

from diffviewer.formats import LoadError
from diffviewer.gui.scan_view import ScanView
from diffviewer.scan.model import Phase, Progress, ScanCancelled, ScanOptions, ScanResult

if TYPE_CHECKING:
    from diffviewer.scan.runner import LocalRunner

R = TypeVar("R")

INDEX_FOLDER = "scan-indexes"
# Progress reaches the window at most this often (reading 100,000 files reports 1,500 chunks).
PROGRESS_SECONDS = 0.05


def scan_index_directory(folder: Path, cache_root: Path | None = None) -> Path | None:
    """Where the index of `folder` lives: <cache>/scan-indexes/<hash of its absolute path>/.

    None when the system has no cache folder: the index then lives in memory for one scan.
    """
    if cache_root is None:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if not location:
            return None
        cache_root = Path(location)
    key = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:24]
    return cache_root / INDEX_FOLDER / key


# Worker processes only for many chunks: a folder of thousands of files (64 files a chunk). A fresh
# process takes about a second to start, more than a small folder's whole scan; the comparisons
# (one chunk per candidate, 50 at most) stay in this thread, where a cancel is seen after each.
POOL_FROM_CHUNKS = 64


class ResponsiveRunner:
    """The engine's Runner for the window: worker processes started fresh ("spawn": a fork would
    copy the window's threads half-way), so the window's own thread keeps the interpreter, with
    a cancel looked for before every chunk and each chunk's size reported once it is done.
    `workers=1` runs everything in this thread instead."""

    def __init__(
        self, should_cancel: Callable[[], bool], on_chunk: Callable[[int], None], workers: int | None = None
    ) -> None:
        self._should_cancel = should_cancel
        self._on_chunk = on_chunk
        # The engine's search is imported when a search starts: the window's start-up does without it.
        from diffviewer.scan.runner import LocalRunner

        self._local: LocalRunner = LocalRunner(workers, start_method="spawn", pool_from=POOL_FROM_CHUNKS)

    @property
    def parallelism(self) -> int:
        # One task a candidate, so Cancel is looked for after each comparison (a book-sized
        # original's take seconds); many chunks still go to the worker processes.
        return 1

    def map(self, function: Callable[..., R], items: Sequence[Any], *shared: Any) -> Iterator[R]:
        if self._should_cancel():
            raise ScanCancelled
        for item, result in zip(items, self._local.map(function, items, *shared), strict=True):
            if self._should_cancel():
                raise ScanCancelled
            self._on_chunk(len(item) if isinstance(item, Sequence) else 1)
            yield result

    def close(self) -> None:
        self._local.close()


@dataclass(frozen=True, slots=True)
class ScanRequest:
    generation: int
    original: Path
    folder: Path  # what the results are named relative to
    index_directory: Path | None
    # The user chose an index folder (one `diffviewer scan --index` made) rather than a folder of
    # documents: it is searched in place, over the collection it was built from.
    from_index: bool = False
    options: ScanOptions = ScanOptions()


class ScanSignals(QObject):
    # Emitted from the worker thread; Qt queues them to the receiver's (GUI) thread.
    progressed = Signal(int, object)  # generation, Progress
    finished = Signal(int, object)  # generation, ScanView
    failed = Signal(int, str)  # generation, one-line message
    cancelled = Signal(int)


class ScanJob(QRunnable):
    def __init__(self, request: ScanRequest) -> None:
        super().__init__()
        self.request = request
        self.signals = ScanSignals()
        self._cancel = threading.Event()
        self._phase = Phase.FINDING
        self._total = 0
        self._read = 0
        self._last_report = 0.0
        self.setAutoDelete(False)  # the search keeps a reference until the job reports back

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        runner = ResponsiveRunner(self._cancel.is_set, self._on_chunk)
        try:
            self._scan(runner)
        finally:
            runner.close()

    def _search(self, runner: ResponsiveRunner) -> ScanResult:
        from diffviewer.scan.search import scan

        request = self.request
        return scan(
            request.original,
            [] if request.from_index else [request.folder],
            request.index_directory,
            request.options,
            runner=runner,
            on_progress=self._on_progress,
            should_cancel=self._cancel.is_set,
        )

    def _scan(self, runner: ResponsiveRunner) -> None:
        from diffviewer.scan.index import IndexUnusable

        request, signals = self.request, self.signals
        try:
            try:
                result = self._search(runner)
            except IndexUnusable:
                if request.from_index or request.index_directory is None:
                    raise
                # The window's own index, in its cache (another version's, or damaged): the
                # user never chose it, so it is made again rather than reported.
                shutil.rmtree(request.index_directory, ignore_errors=True)
                result = self._search(runner)
            view = ScanView.of(result, request.folder)
        except ScanCancelled:
            signals.cancelled.emit(request.generation)
        except (LoadError, IndexUnusable) as error:
            signals.failed.emit(request.generation, " ".join(str(error).split()))
        except OSError as error:  # the cache folder cannot be written, say
            signals.failed.emit(request.generation, f"{error.filename or request.folder}: {error.strerror or error}")
        except Exception as error:  # a bug must reach the user as a message, not kill the thread
            signals.failed.emit(request.generation, f"unexpected error: {type(error).__name__}: {error}")
        else:
            signals.finished.emit(request.generation, view)

    def _on_progress(self, progress: Progress) -> None:
        changed = progress.phase is not self._phase
        self._phase, self._total = progress.phase, progress.total
        if progress.phase is Phase.READING:
            self._read = max(self._read, progress.done)
        self._report(
            Progress(progress.phase, self._read if progress.phase is Phase.READING else progress.done, progress.total),
            force=changed or progress.done >= progress.total,
        )

    def _on_chunk(self, size: int) -> None:
        if self._phase is Phase.READING:
            self._read = min(self._total, self._read + size)
            self._report(Progress(Phase.READING, self._read, self._total), force=self._read >= self._total)

    def _report(self, progress: Progress, force: bool) -> None:
        now = time.monotonic()
        if force or now - self._last_report >= PROGRESS_SECONDS:
            self._last_report = now
            self.signals.progressed.emit(self.request.generation, progress)


class ScanSearch(QObject):
    """The window's one search at a time: starts it, drops what a replaced one reports.

    Its pool runs one scan at a time, so a search started while another winds down never opens
    the same index beside it.
    """

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # ScanView
    failed = Signal(str)  # one-line message
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._job: ScanJob | None = None
        # Every job started and not yet reported back (a replaced one winds down in the pool),
        # then the last few that reported, until Qt has delivered their queued signals.
        self._jobs: dict[int, ScanJob] = {}
        self._finished_jobs: list[ScanJob] = []

    @property
    def is_running(self) -> bool:
        return self._job is not None

    @property
    def request(self) -> ScanRequest | None:
        return self._job.request if self._job is not None else None

    def start(
        self, original: Path, folder: Path, index_directory: Path | None, from_index: bool = False
    ) -> ScanRequest:
        self.cancel()
        self._generation += 1
        request = ScanRequest(self._generation, Path(original), Path(folder), index_directory, from_index=from_index)
        job = ScanJob(request)
        job.signals.progressed.connect(self.on_job_progressed)
        job.signals.finished.connect(self.on_job_finished)
        job.signals.failed.connect(self.on_job_failed)
        job.signals.cancelled.connect(self.on_job_cancelled)
        self._job = self._jobs[request.generation] = job
        self._pool.start(job)
        return request

    def cancel(self) -> None:
        """Stop the running search; it reports `cancelled` once it has stopped."""
        if self._job is not None:
            self._job.cancel()

    def wait(self, milliseconds: int) -> bool:
        return self._pool.waitForDone(milliseconds)

    def _current(self, generation: int) -> bool:
        job = self._job
        return job is not None and job.request.generation == generation

    def _ended(self, generation: int) -> bool:
        """A job reported its end: kept a little longer, and True when it is the current one."""
        job = self._jobs.pop(generation, None)
        if job is not None:
            self._finished_jobs.append(job)
            del self._finished_jobs[:-4]
        if self._current(generation):
            self._job = None
            return True
        return False

    def on_job_progressed(self, generation: int, progress: Progress) -> None:
        if self._current(generation) and not self._job_cancelled():
            self.progressed.emit(progress)

    def _job_cancelled(self) -> bool:
        return self._job is not None and self._job.is_cancelled

    def on_job_finished(self, generation: int, view: ScanView) -> None:
        if self._ended(generation):
            self.finished.emit(view)

    def on_job_failed(self, generation: int, message: str) -> None:
        if self._ended(generation):
            self.failed.emit(message)

    def on_job_cancelled(self, generation: int) -> None:
        if self._ended(generation):
            self.cancelled.emit()


__all__ = ["ResponsiveRunner", "ScanJob", "ScanRequest", "ScanSearch", "ScanSignals", "scan_index_directory"]
