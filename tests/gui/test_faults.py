"""Faults while working: files deleted, emptied, replaced or unreadable; exports that cannot be written.

And the promise behind them all: the user's files are never modified.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.gui.rows import Side
from tests.gui.conftest import COMPARE_TIMEOUT_MS, compared, write


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "documents"
    folder.mkdir()
    original = write(folder / "original.txt", "The memo was rigorous about safety.", "Harbour lanterns were fixed.")
    derivative = write(folder / "derivative.txt", "The memo was tough about safety.", "Harbour lanterns were fixed.")
    return original, derivative


def _fingerprint(path: Path) -> tuple[str, int, int]:
    status = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), status.st_mtime_ns, status.st_mode


def test_the_users_files_are_never_modified(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    before = {path: _fingerprint(path) for path in pair}
    compared(qtbot, window, lambda: window.open_paths(*pair))
    compared(qtbot, window, window.reload_action.trigger)
    compared(qtbot, window, window.ignore_case_action.trigger)
    compared(qtbot, window, window.swap_action.trigger)
    for name in ("r.html", "r.pdf", "r.json", "r.txt"):
        assert window.export.export_to(tmp_path / name)
    window.close()
    assert {path: _fingerprint(path) for path in pair} == before
    assert sorted(p.name for p in pair[0].parent.iterdir()) == ["derivative.txt", "original.txt"]


def test_a_file_deleted_while_open_keeps_the_comparison_with_a_warning(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    shown = compared(qtbot, window, lambda: window.open_paths(*pair))
    pair[1].unlink()
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=COMPARE_TIMEOUT_MS)
    assert window.message_bar.level is MessageLevel.WARNING
    assert "derivative.txt was removed or renamed" in window.message_bar.text
    assert window.comparison is shown


def test_a_file_emptied_while_open_is_a_message_and_the_comparison_stays(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    shown = compared(qtbot, window, lambda: window.open_paths(*pair))
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS) as failure:
        pair[1].write_bytes(b"")
    assert "derivative.txt: file is empty" in failure.args[0]
    assert window.comparison is shown
    assert window.message_bar.level is MessageLevel.ERROR


def test_a_file_replaced_while_open_is_reloaded(qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]) -> None:
    compared(qtbot, window, lambda: window.open_paths(*pair))

    def save_as_editors_do() -> None:
        replacement = pair[1].with_name(".derivative.txt.swp")
        replacement.write_text("The memo was lax about safety.\n\nHarbour lanterns were fixed.\n", encoding="utf-8")
        os.replace(replacement, pair[1])  # a new file under the old name

    comparison = compared(qtbot, window, save_as_editors_do)
    assert isinstance(comparison, Comparison)
    assert "lax" in comparison.derivative.paragraphs[0].text
    assert str(pair[1]) in window.file_watch.files()  # still watched after the swap of files


def test_an_unreadable_file_is_a_message(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = builtins.open

    def locked(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == pair[1]:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", locked)
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS) as failure:
        window.open_paths(*pair)
    assert failure.args[0] == f"{pair[1]}: permission denied"
    assert window.paths[Side.DERIVATIVE] is None  # nothing half-loaded stays behind


def test_an_export_to_a_read_only_place_leaves_nothing_behind(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*pair))
    target = tmp_path / "exports" / "report.html"
    target.parent.mkdir()
    target.write_text("an older report", encoding="utf-8")

    def read_only(source: object, destination: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    assert not window.export.export_to(target)
    assert "Read-only file system" in window.message_bar.text
    assert target.read_text(encoding="utf-8") == "an older report"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert window.comparison is not None  # the window carries on


def test_a_broken_derivative_leaves_the_original_shown(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    broken = pair[0].parent / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is no zip archive")
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS):
        window.open_paths(pair[0], broken)
    # The error says which file and why, and the original that did load stays on screen.
    assert window.message_bar.level is MessageLevel.ERROR
    assert "broken.docx" in window.message_bar.text
    qtbot.waitUntil(lambda: bool(window.view.rows), timeout=COMPARE_TIMEOUT_MS)
    shown = window.view.document(Side.ORIGINAL)
    assert shown is not None and shown.path == str(pair[0])
    assert window.windowTitle().startswith("original.txt ↔")
    assert "broken.docx" in window.summary_label.text()
