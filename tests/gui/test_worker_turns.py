"""Jobs take turns at work that is Python from end to end (gui/worker.py, INTERPRETER_TURN): two
threads reading files or building rows at once would leave the window's thread waiting behind both
for every turn on the interpreter lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from diffviewer.gui import worker
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.pane_model import Preview
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.settings import Settings
from tests.gui.conftest import COMPARE_TIMEOUT_MS, write

Interval = tuple[str, float, float, str]  # what, started, ended, which thread


def _timed(what: str, call: Callable[..., Any], spans: list[Interval]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        time.sleep(0.02)  # long enough for another thread to come in, were it let in
        try:
            return call(*args, **kwargs)
        finally:
            spans.append((what, started, time.perf_counter(), threading.current_thread().name))

    return timed


def test_jobs_read_files_and_build_rows_one_at_a_time(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spans: list[Interval] = []
    monkeypatch.setattr(worker, "load", _timed("read", worker.load, spans))
    monkeypatch.setattr(Preview, "of", staticmethod(_timed("preview", Preview.of, spans)))
    monkeypatch.setattr(PreparedRows, "both", staticmethod(_timed("rows", PreparedRows.both, spans)))
    pool = QThreadPool()
    pool.setMaxThreadCount(4)  # every job at once, whatever the machine's cores
    window = MainWindow(settings, pool)
    qtbot.addWidget(window)
    window.show()
    original = write(tmp_path / "original.txt", "The council met on Monday.", "It approved the ferry timetable.")
    derivatives = [
        write(tmp_path / f"copy-{n}.txt", f"The council met on day {n}.", "It approved the new ferry timetable.")
        for n in range(4)
    ]
    finished: set[int] = set()
    window.session.entry_finished.connect(finished.add)
    window.open_paths(original, *derivatives)
    qtbot.waitUntil(lambda: len(finished) == len(derivatives), timeout=COMPARE_TIMEOUT_MS)
    pool.waitForDone(COMPARE_TIMEOUT_MS)
    # Every tab has its comparison: taking turns made no job wait for ever.
    assert all(entry.comparison is not None for entry in window.session.entries)
    assert {what for what, *_ in spans} == {"read", "preview", "rows"}
    assert len({thread for *_, thread in spans}) > 1  # the jobs did run in several threads
    ordered = sorted(spans, key=lambda span: span[1])
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        assert later[1] >= earlier[2], f"{earlier} and {later} ran at once"


def test_opening_big_files_makes_their_helper_ready_while_they_are_read(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # (core/processes.py: the server helpers are forked from starts with the reading, not after it.)
    events: list[str] = []
    monkeypatch.setattr(worker, "warm_up", lambda: events.append("warm up") or True)
    read = worker.load

    def reading(path: Path, **kwargs: Any) -> Any:
        events.append(f"read {path.name}")
        return read(path, **kwargs)

    monkeypatch.setattr(worker, "load", reading)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    for n, warmed in enumerate((False, True)):
        original = write(tmp_path / f"original-{n}.txt", "The council met on Monday.", "It approved the timetable.")
        copy = write(tmp_path / f"copy-{n}.txt", "The council met on Tuesday.", "It approved the timetable.")
        size = original.stat().st_size + copy.stat().st_size
        monkeypatch.setattr(worker, "HELPED_MIN_CHARACTERS", size if warmed else size + 1)
        events.clear()
        with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
            window.open_paths(original, copy)
        assert events == (["warm up"] if warmed else []) + [f"read original-{n}.txt", f"read copy-{n}.txt"]


def test_the_big_files_of_a_big_pair_are_read_in_processes_of_their_own(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # (formats/apart.py: a book read in a thread takes the interpreter from the window's thread.)
    from diffviewer.formats import apart

    here: list[str] = []
    read = worker.load
    monkeypatch.setattr(worker, "load", lambda path, **kwargs: here.append(path.name) or read(path, **kwargs))
    rebuilt: list[int] = []
    rebuild = worker._rebuilt
    monkeypatch.setattr(worker, "_rebuilt", lambda data: rebuilt.append(len(data)) or rebuild(data))
    original = write(tmp_path / "original.txt", "The council met on Monday.", "It approved the timetable.")
    copy = write(tmp_path / "copy.txt", "The council met on Tuesday.", "It approved the timetable.")
    monkeypatch.setattr(worker, "HELPED_MIN_CHARACTERS", 1)
    monkeypatch.setattr(worker, "warm_up", lambda: True)  # (a server made ready)
    monkeypatch.setattr(apart, "READ_APART_MIN_BYTES", copy.stat().st_size)  # the copy is "big", the original not
    window = MainWindow(settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS) as finished:
        window.open_paths(original, copy)
    assert here == ["original.txt"] and len(rebuilt) == 1  # the copy came from a process
    assert finished.args[0].derivative.paragraphs[0].text == "The council met on Tuesday."
