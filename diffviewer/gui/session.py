"""One original and its derivatives: which files, which comparisons, which background jobs.

The window shows what the session holds; the session owns the jobs. Every job carries a fresh
generation number, and a report whose generation no longer belongs to an entry is dropped, so a
slow, outdated comparison never replaces a newer one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from diffviewer.core.model import CompareOptions, Comparison, Document
from diffviewer.formats import MarkupView
from diffviewer.gui.pane_model import Preview
from diffviewer.gui.release import release_later
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.worker import CompareJob, CompareRequest, FailedSide

DEFAULT_MAX_BYTES = 100_000_000
UNLIMITED = 1 << 62


class EntryState(StrEnum):
    WAITING = "waiting"  # queued behind other comparisons
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(eq=False)
class DerivativeEntry:
    """A derivative as the window tracks it (mutable GUI state, unlike the core's frozen model)."""

    path: Path
    shown_path: Path | None = None  # the file behind `comparison`, kept when a reload fails
    comparison: Comparison | None = None
    prepared: PreparedRows | None = field(default=None, repr=False)  # rows built with the comparison
    preview: Preview | None = field(default=None, repr=False)  # what the panes show before the comparison
    documents: tuple[Document | None, Document | None] = (None, None)
    state: EntryState = EntryState.WAITING
    progress: float = 0.0
    error: str = ""
    over_limit: bool = False  # the last failure was a size limit the user may lift
    generation: int = 0
    job: CompareJob | None = field(default=None, repr=False)

    @property
    def similarity(self) -> float | None:
        return self.comparison.similarity if self.comparison is not None else None


class ComparisonSession(QObject):
    entries_changed = Signal()  # added, removed or reordered
    entry_updated = Signal(int)  # state or progress of one entry
    entry_documents_loaded = Signal(int)  # both files read; the comparison follows
    entry_finished = Signal(int)  # a comparison (or a lone document) is ready
    entry_failed = Signal(int, str)  # index, one-line message
    entry_cancelled = Signal(int)
    # the original Document, when there is no derivative yet, and its Preview (built by the job)
    preview_ready = Signal(object, object)
    preview_failed = Signal(str)
    current_changed = Signal(object)  # the derivative entry now shown, or None

    def __init__(
        self,
        pool: QThreadPool,
        options: Callable[[], CompareOptions],
        max_bytes: Callable[[], int] = lambda: DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__()
        self._pool = pool
        self._options = options
        self._max_bytes = max_bytes
        # How Markdown and rST are read by the jobs started from now on.
        self.markup = MarkupView.TEXT
        self.view_mode = ViewMode.SIDE_BY_SIDE  # the window's: jobs prepare rows for it
        # Set when the user chose to go on past a size limit; cleared when other files are opened.
        self.limits_lifted = False
        self.original: Path | None = None
        self.shown_original: Path | None = None
        self.entries: list[DerivativeEntry] = []
        self._current: DerivativeEntry | None = None  # the derivative the window shows
        self._generation = 0
        self._preview_job: CompareJob | None = None
        self._finished_jobs: list[CompareJob] = []

    # state ----------------------------------------------------------------------------------
    @property
    def current(self) -> DerivativeEntry | None:
        """The derivative shown: the session owns the choice, the window follows it."""
        return self._current

    def set_current(self, entry: DerivativeEntry | None) -> None:
        if entry is not self._current:
            self._current = entry
            self.current_changed.emit(entry)

    @property
    def is_busy(self) -> bool:
        return self._preview_job is not None or any(e.job is not None for e in self.entries)

    def index_of_generation(self, generation: int) -> int:
        return next((n for n, e in enumerate(self.entries) if e.generation == generation), -1)

    # changing what is compared ----------------------------------------------------------------
    def set_original(self, path: Path) -> None:
        self.original = Path(path)
        self.recompute()

    def set_derivative(self, index: int, path: Path) -> int:
        """Replace a derivative (or add the first one); returns its index."""
        if 0 <= index < len(self.entries):
            self.entries[index].path = Path(path)
            self.recompute([index])
            return index
        return self.add_derivatives([path])[0]

    def add_derivatives(self, paths: Sequence[Path]) -> list[int]:
        start = len(self.entries)
        self.entries.extend(DerivativeEntry(Path(p)) for p in paths)
        self.entries_changed.emit()
        added = list(range(start, len(self.entries)))
        self.recompute(added)
        return added

    def remove(self, index: int) -> None:
        entry = self.entries.pop(index)
        _let_go_of(entry)
        if entry.job is not None:
            entry.job.cancel()
            entry.job = None
        entry.generation = 0
        self.entries_changed.emit()

    def sort_by_similarity(self) -> list[DerivativeEntry]:
        """Most similar first; entries still computing go last, in their current order."""
        self.entries.sort(key=lambda e: -1.0 if e.similarity is None else -e.similarity)
        self.entries_changed.emit()
        return self.entries

    def swap(self, index: int) -> None:
        """The derivative at `index` becomes the original and the original takes its place."""
        if not 0 <= index < len(self.entries) or self.original is None:
            return
        entry = self.entries[index]
        self.original, entry.path = entry.path, self.original
        self.shown_original, entry.shown_path = entry.shown_path, self.shown_original
        for other in self.entries:
            _let_go_of(other)
        self.recompute()

    # running ----------------------------------------------------------------------------------
    def recompute(self, indices: Sequence[int] | None = None) -> None:
        """Compare again (all entries by default); with no derivative, just read the original."""
        if not self.entries:
            if self.original is not None:
                self._start_preview()
            return
        jobs = [self._prepare(index) for index in (range(len(self.entries)) if indices is None else indices)]
        # Every job is counted (worker.UNFINISHED) before any starts: the first to run must see
        # the others to go to a process of its own (started one by one, the first could read its
        # files before the next job was even made, and stay in its thread).
        for job in jobs:
            self._pool.start(job)

    def cancel_all(self) -> None:
        if self._preview_job is not None:
            self._preview_job.cancel()
        for entry in self.entries:
            if entry.job is not None:
                entry.job.cancel()

    def _request(self, derivative: Path | None) -> CompareRequest:
        self._generation += 1
        options, max_bytes = self._options(), self._max_bytes()
        if self.limits_lifted:
            options = replace(options, max_paragraphs=UNLIMITED, max_characters=UNLIMITED)
            max_bytes = UNLIMITED
        return CompareRequest(
            self._generation,
            self.original,
            derivative,
            options,
            max_bytes,
            self.markup,
            self.view_mode,
        )

    def _prepare(self, index: int) -> CompareJob:
        """A job for this entry, its signals connected (the caller starts it)."""
        entry = self.entries[index]
        if entry.job is not None:
            entry.job.cancel()
        job = CompareJob(self._request(entry.path))
        entry.generation = job.request.generation
        entry.job = job
        entry.state = EntryState.WAITING
        entry.progress = 0.0
        entry.error = ""
        signals = job.signals
        signals.progressed.connect(self.on_job_progressed)
        signals.documents_loaded.connect(self.on_job_documents_loaded)
        signals.finished.connect(self.on_job_finished)
        signals.failed.connect(self.on_job_failed)
        signals.cancelled.connect(self.on_job_cancelled)
        self.entry_updated.emit(index)
        return job

    def _start_preview(self) -> None:
        if self._preview_job is not None:
            self._preview_job.cancel()
        job = CompareJob(self._request(None))
        job.signals.finished.connect(self.on_preview_finished)
        job.signals.failed.connect(self.on_preview_failed)
        job.signals.cancelled.connect(self.on_preview_cancelled)
        self._preview_job = job
        self._pool.start(job)

    def _retire(self, job: CompareJob | None) -> None:
        if job is not None:
            # Keep the job's QObject alive until Qt has delivered its queued signals.
            self._finished_jobs.append(job)
            del self._finished_jobs[:-8]

    def _entry_for(self, generation: int) -> tuple[int, DerivativeEntry | None]:
        index = self.index_of_generation(generation)
        return index, (self.entries[index] if index >= 0 else None)

    def on_job_progressed(self, generation: int, fraction: float, _file_name: str) -> None:
        index, entry = self._entry_for(generation)
        if entry is not None:
            entry.state = EntryState.RUNNING
            entry.progress = fraction
            self.entry_updated.emit(index)

    def on_job_documents_loaded(
        self,
        generation: int,
        original: Document | None,
        derivative: Document | None,
        preview: Preview | None,
    ) -> None:
        index, entry = self._entry_for(generation)
        if entry is not None:
            entry.documents = (original, derivative)
            entry.preview = preview
            self.entry_documents_loaded.emit(index)

    def _report_for(self, generation: int) -> tuple[int, DerivativeEntry | None]:
        """The entry a job reports for (None when it is stale), its job now retired."""
        index, entry = self._entry_for(generation)
        if entry is not None:
            self._retire(entry.job)
            entry.job = None
        return index, entry

    def on_job_finished(self, generation: int, comparison: Comparison | None, prepared: PreparedRows | None) -> None:
        index, entry = self._report_for(generation)
        if entry is None:
            return
        if entry.comparison is not comparison:
            _let_go_of(entry)
        entry.comparison = comparison
        entry.prepared = prepared
        entry.shown_path = entry.path
        self.shown_original = self.original
        entry.state = EntryState.DONE
        entry.progress = 1.0
        self.entry_updated.emit(index)
        self.entry_finished.emit(index)

    def on_job_failed(self, generation: int, message: str, side: str, over_limit: bool) -> None:
        index, entry = self._report_for(generation)
        if entry is None:
            return
        entry.error = message
        entry.over_limit = over_limit
        # What was shown stays, and so do the files that produced it.
        if side == FailedSide.ORIGINAL and self.shown_original is not None:
            self.original = self.shown_original
        if side == FailedSide.DERIVATIVE and entry.shown_path is not None:
            entry.path = entry.shown_path
        entry.state = EntryState.DONE if entry.comparison is not None else EntryState.FAILED
        self.entry_updated.emit(index)
        self.entry_failed.emit(index, message)

    def on_job_cancelled(self, generation: int) -> None:
        index, entry = self._report_for(generation)
        if entry is None:
            return
        if entry.shown_path is not None:
            entry.path = entry.shown_path
        if self.shown_original is not None:
            self.original = self.shown_original
        entry.state = EntryState.DONE if entry.comparison is not None else EntryState.CANCELLED
        self.entry_updated.emit(index)
        self.entry_cancelled.emit(index)

    def _preview_done(self, generation: int) -> bool:
        job = self._preview_job
        if job is None or job.request.generation != generation:
            return False
        self._retire(job)
        self._preview_job = None
        return True

    def on_preview_finished(self, generation: int, _comparison: Comparison | None, _prepared: object) -> None:
        job = self._preview_job
        if job is not None and self._preview_done(generation):
            self.shown_original = self.original
            self.preview_ready.emit(job.loaded_original, job.preview)

    def on_preview_failed(self, generation: int, message: str, _side: str, _over_limit: bool) -> None:
        if self._preview_done(generation):
            self.original = self.shown_original
            self.preview_failed.emit(message)

    def on_preview_cancelled(self, generation: int) -> None:
        if self._preview_done(generation):
            self.original = self.shown_original


def _let_go_of(entry: DerivativeEntry) -> None:
    """The entry keeps no comparison; the one it kept is freed off the window's thread."""
    release_later(entry.comparison, [entry.prepared])
    entry.comparison = None
    entry.prepared = None
