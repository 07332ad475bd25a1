"""Loading and comparing off the GUI thread: a QRunnable per job, a generation number per request.

The window bumps the generation for every new request; results of an older generation are
dropped when they arrive, so a slow comparison can never overwrite a newer one.
"""

from __future__ import annotations

import contextlib
import pickle
import threading
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal
from shiboken6 import Shiboken

from diffviewer.core.collector import paused_collector
from diffviewer.core.compare import Cancelled, CompareError, LimitExceeded, compare
from diffviewer.core.elsewhere import compare_elsewhere
from diffviewer.core.helper import HELPED_MIN_CHARACTERS, cores, warm_up
from diffviewer.core.model import CompareOptions, Comparison, Document, DocumentFormat
from diffviewer.core.syntax import lexer_for
from diffviewer.formats import FileTooLarge, LoadError, MarkupView, load
from diffviewer.formats.apart import load_apart, worth_reading_apart
from diffviewer.gui.pane_model import Preview
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.shared_loads import LOADS
from diffviewer.gui.view_mode import ViewMode


class FailedSide(StrEnum):
    """Which input a failure is about, so the window can keep the other one."""

    ORIGINAL = "original"
    DERIVATIVE = "derivative"
    COMPARISON = "comparison"


@dataclass(frozen=True, slots=True)
class CompareRequest:
    generation: int
    original: Path | None  # one side alone is loaded and shown, without a comparison
    derivative: Path | None
    options: CompareOptions
    max_bytes: int
    markup: MarkupView = MarkupView.TEXT  # Markdown and rST read as prose or as source code
    view_mode: ViewMode = ViewMode.SIDE_BY_SIDE  # the rows to prepare for the window


class CompareSignals(QObject):
    # Emitted from the worker thread; Qt queues them to the receiver's (GUI) thread.
    progressed = Signal(int, float, str)  # generation, fraction 0..1, file being read ("" while comparing)
    # generation, original Document, derivative Document, Preview: what the panes show of them
    documents_loaded = Signal(int, object, object, object)
    # generation, Comparison (None when only one side was given), PreparedRows for it (or None)
    finished = Signal(int, object, object)
    failed = Signal(int, str, str, bool)  # generation, one-line message, FailedSide, past a limit
    cancelled = Signal(int)


# Below this much text (both documents) a comparison takes well under a second: less than starting
# a process for it and sending the result back costs, even beside others.
WORTH_A_PROCESS = 300_000


class _Unfinished:
    """How many comparisons the jobs of this process (its windows) have still to finish, waiting or
    running.

    Beside others, a comparison runs in a process of its own (threads would take turns on one
    core). The last one left, or one alone, stays in its thread, where a big one takes the second
    core with a helper process (core/helper.py) and no result has to be sent back.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    def add(self, change: int) -> None:
        with self._lock:
            self._count += change

    @property
    def count(self) -> int:
        with self._lock:
            return self._count


UNFINISHED = _Unfinished()

# One job at a time reads a file or builds rows (of the window's comparisons: the scan has a
# thread of its own). That work is Python from end to end, so two threads doing it take turns on
# the interpreter lock and end no sooner than one after the other would; but the window's thread
# then waits behind two of them for every turn, and four book-sized derivatives opened at once
# froze it for a quarter of a second. Only work that waits on nothing else is done holding it:
# never a comparison (a book's takes seconds; the others' previews must not wait for it), and
# never while waiting for another job's read of a file.
INTERPRETER_TURN = threading.Lock()


def _warm_up_for(*paths: Path | None) -> bool:
    """Files big enough that their comparison takes a helper (or runs in a process of its own):
    the process those are started from is made ready while they are read (core/processes.py).
    Whether it was: the big ones among them are then read in processes too (formats/apart.py)."""
    size = 0
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):  # (reading it will say what is wrong)
                size += path.stat().st_size
    return size >= HELPED_MIN_CHARACTERS and warm_up()  # (bytes for characters: near enough)


def _read(path: Path, max_bytes: int, markup: MarkupView, apart: bool = False) -> Document:
    if apart and worth_reading_apart(path):
        # Read in a process: only rebuilding the document here is the interpreter's work.
        return load_apart(path, max_bytes, markup, rebuild=_rebuilt)
    with INTERPRETER_TURN:
        return load(path, max_bytes=max_bytes, markup=markup)


def _rebuilt(data: bytes) -> object:
    with INTERPRETER_TURN:
        return pickle.loads(data)


class CompareJob(QRunnable):
    def __init__(self, request: CompareRequest) -> None:
        super().__init__()
        self.request = request
        self.signals = CompareSignals()
        self._cancel = threading.Event()
        self.loaded_original: Document | None = None
        self.preview: Preview | None = None  # what the panes show of the documents read, built here
        self._apart = False  # whether its big files are read in processes of their own
        self.setAutoDelete(False)  # the window keeps a reference until the job reports back
        # Counted from now (the session starts every job it makes) until run() ends or it is
        # cancelled (a cancelled job soon stops, and a new one for the same tab replaces it).
        self._counted = request.original is not None and request.derivative is not None
        self._count_lock = threading.Lock()
        if self._counted:
            UNFINISHED.add(1)

    def cancel(self) -> None:
        self._cancel.set()
        self._uncount()

    def _uncount(self) -> None:
        with self._count_lock:
            if self._counted:
                self._counted = False
                UNFINISHED.add(-1)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:
            # The application quit while this job ran, deleting its signals' object: there is no
            # one left to tell (and Qt would print the error from its thread at exit).
            if Shiboken.isValid(self.signals):
                raise
        finally:
            self._uncount()

    def _run(self) -> None:
        generation = self.request.generation
        signals = self.signals
        side = FailedSide.ORIGINAL
        try:
            self._apart = self.request.derivative is not None and _warm_up_for(
                self.request.original, self.request.derivative
            )
            original = self._load(self.request.original, 0.0, shared=True)
            self.loaded_original = original
            # The window shows the original at once, while the derivative loads and the comparison
            # runs, and keeps it if the derivative cannot be read: its rows and header are built
            # here, off the GUI thread (a big document has tens of thousands of rows).
            with INTERPRETER_TURN:
                preview = self.preview = LOADS.preview(original) if original is not None else Preview.of(None, None)
            if self.request.derivative is not None:
                signals.documents_loaded.emit(generation, original, None, preview)
            side = FailedSide.DERIVATIVE
            derivative = self._load(self.request.derivative, 0.05)
            side = FailedSide.COMPARISON
            if self.is_cancelled:
                signals.cancelled.emit(generation)
                return
            with INTERPRETER_TURN:
                preview = self.preview = Preview.of(original, derivative, preview)
            signals.documents_loaded.emit(generation, original, derivative, preview)
            result: Comparison | None = None
            prepared: PreparedRows | None = None
            if original is not None and derivative is not None:
                # Several long comparisons run in processes of their own, so they use several cores
                # (core/elsewhere.py); the last one left runs here (see _Unfinished).
                size = original.characters + derivative.characters
                beside_others = UNFINISHED.count > 1

                def progressed(fraction: float) -> None:
                    signals.progressed.emit(generation, 0.1 + 0.85 * fraction, "")

                # Once fewer comparisons are left than cores, one elsewhere takes a helper too.
                run = (
                    partial(compare_elsewhere, may_help=lambda: UNFINISHED.count < cores())
                    if beside_others and size >= WORTH_A_PROCESS
                    else compare
                )
                result = run(
                    original,
                    derivative,
                    self.request.options,
                    should_cancel=self._cancel.is_set,
                    on_progress=progressed,
                )
                # Both views' rows: switching views on a book then builds nothing on the GUI thread.
                # Millions of small objects again: built with the cycle collector paused.
                with INTERPRETER_TURN, paused_collector():
                    prepared = PreparedRows.both(result, self.request.view_mode)
        except Cancelled:
            signals.cancelled.emit(generation)
        except (LoadError, CompareError) as error:
            over_limit = isinstance(error, FileTooLarge | LimitExceeded)
            signals.failed.emit(generation, str(error), side.value, over_limit)
        except Exception as error:  # a bug must reach the user as a message, not kill the thread
            signals.failed.emit(generation, f"unexpected error: {type(error).__name__}: {error}", side.value, False)
        else:
            signals.finished.emit(generation, result, prepared)

    def _load(self, path: Path | None, fraction: float, shared: bool = False) -> Document | None:
        if path is None:
            return None
        self.signals.progressed.emit(self.request.generation, fraction, path.name)
        request = self.request
        # Read once for every job that asks for the same file now (gui/shared_loads.py).
        document = LOADS.load(
            path,
            request.max_bytes,
            request.markup,
            partial(_read, path, request.max_bytes, request.markup, self._apart),
        )
        if document.format is DocumentFormat.CODE and document.language:
            # Build the language's lexer here, off the GUI thread, before the panes ask for
            # colours: the first lexer of a language costs tens of milliseconds.
            lexer_for(document.language)
        return document
