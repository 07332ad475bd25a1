"""Documents past the limits: a clear message and a choice to go on anyway; the limits are settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.gui.limits_dialog import LimitsDialog
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.gui.settings import Settings
from tests.gui.conftest import COMPARE_TIMEOUT_MS, compared, write


def test_too_many_paragraphs_asks_and_going_on_compares(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    settings.max_paragraphs = 3
    paragraphs = [f"Paragraph {n} about harbour{n} lanterns and orchard{n} grants." for n in range(5)]
    original = write(tmp_path / "long.txt", *paragraphs)
    derivative = write(tmp_path / "long2.txt", *(p.replace("grants", "funds") for p in paragraphs))
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS) as failure:
        window.open_paths(original, derivative)
    assert "exceeds the limit of 3" in failure.args[0]
    bar = window.message_bar
    assert bar.level is MessageLevel.WARNING and bar.action_button.isVisible()
    assert bar.action_button.text() == "Compare Anyway"
    comparison = compared(qtbot, window, lambda: qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton))
    assert isinstance(comparison, Comparison)
    assert len(comparison.original.paragraphs) == 5
    assert not bar.isVisible()


def test_other_files_get_the_limits_again(qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path) -> None:
    settings.max_paragraphs = 1
    a = write(tmp_path / "a.txt", "One paragraph here.", "Another paragraph here.")
    b = write(tmp_path / "b.txt", "One paragraph there.", "Another paragraph there.")
    compared(qtbot, window, lambda: window.open_paths(a, b, lift_limits=True))
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS):
        window.open_paths(b, a)


def test_limits_dialog_saves_the_settings(qtbot: QtBot, settings: Settings) -> None:
    dialog = LimitsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.megabytes.setValue(7)
    dialog.paragraphs.setValue(1234)
    dialog.accept()
    assert settings.max_file_megabytes == 7 and settings.max_bytes() == 7_000_000
    assert settings.max_paragraphs == 1234 and settings.compare_options().max_paragraphs == 1234
