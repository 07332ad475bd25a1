"""A monkey drives the window with random actions: no exception may escape, no Qt warning be logged.

The suite runs a short walk; `make monkey` runs a long one (MONKEY_STEPS=3000).
pytest-qt fails the test on an exception raised inside a Qt slot or event handler, and the
project's pytest settings fail it on any Qt warning.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from tests.conftest import SAMPLES
from tests.gui.conftest import COMPARE_TIMEOUT_MS

STEPS = int(os.environ.get("MONKEY_STEPS", "150"))
# Actions that open modal dialogs or quit are driven by their own tests.
SKIPPED = ("Quit", "About", "Print", "Export", "Open", "Add Derivatives", "Find Derivatives", "Limits")


@pytest.mark.parametrize("seed", [1, 2])
def test_random_actions_never_break_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path, seed: int) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    files = [SAMPLES / n for n in ("original.txt", "spun-copy.txt", "ai-rewrite.txt", "syndicated-rewrite.txt")]
    files += [binary, empty, tmp_path / "missing.txt"]
    actions = [
        a
        for a in window.findChildren(QAction)
        if a.text() and not a.isSeparator() and not any(word in a.text().replace("&", "") for word in SKIPPED)
    ]
    rng = random.Random(seed)
    for _ in range(STEPS):
        roll = rng.random()
        if roll < 0.15:
            window.open_paths(rng.choice(files), *rng.sample(files, rng.randint(0, 3)))
        elif roll < 0.2:
            window.files.on_files_dropped(
                rng.sample(files, rng.randint(1, 3)), rng.choice([Side.ORIGINAL, Side.DERIVATIVE, None])
            )
        elif roll < 0.55:
            action = rng.choice(actions)
            if action.isEnabled():
                action.trigger()
        elif roll < 0.62:
            window.resize(rng.randint(500, 1600), rng.randint(400, 1000))
        elif roll < 0.72:
            viewport = window.view.viewport()
            point = viewport.rect().center()
            point.setX(rng.randint(0, max(1, viewport.width() - 1)))
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
        elif roll < 0.77 and window.tabs.count():
            window.tabs.setCurrentIndex(rng.randrange(window.tabs.count()))
        elif roll < 0.82:
            window.cancel_comparison()
        elif roll < 0.87 and window.heat_map.column_count:
            window.heat_map.cell_clicked.emit(rng.randrange(window.heat_map.column_count), rng.randrange(8))
        else:
            bar = window.view.verticalScrollBar()
            bar.setValue(rng.randint(0, max(1, bar.maximum())))
        for _ in range(rng.randint(0, 4)):
            QApplication.processEvents()
        if rng.random() < 0.05:
            window.view.viewport().repaint()
            window.heat_map.repaint()
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    window.view.viewport().repaint()
