"""What the panes paint: the link map's bands, the empty-pane hints, rows for a moved paragraph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.gui.comparison_view import MAP_WIDTH
from diffviewer.gui.main_window import MainWindow
from tests.gui.conftest import compared, write


def _map_strip(window: MainWindow) -> QImage:
    viewport = window.view.viewport()
    image = viewport.grab().toImage()
    left = (viewport.width() - MAP_WIDTH) // 2
    return image.copy(left + 2, 0, MAP_WIDTH - 4, image.height())


def _distinct_colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_link_map_paints_bands_between_matched_paragraphs(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = _distinct_colours(_map_strip(window))
    assert len(empty) == 1  # nothing loaded: the map is blank

    original = write(tmp_path / "a.txt", "Alpha paragraph about harbours and lanterns.", "Beta paragraph on orchards.")
    derivative = write(
        tmp_path / "b.txt", "Alpha paragraph about harbours and bright lanterns.", "Beta paragraph on orchards."
    )
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    strip = _map_strip(window)
    colours = _distinct_colours(strip)
    assert len(colours) > 3  # filled bands with anti-aliased edges
    # The rewritten pair's band is tinted with the rewrite colour (orange, from the Okabe–Ito set).
    base = window.view.palette().base().color()
    centre = QColor(strip.pixel(strip.width() // 2, 20))
    assert centre != base
    assert centre.red() > centre.blue()


def test_empty_panes_invite_a_drop(qtbot: QtBot, window: MainWindow) -> None:
    image = window.view.viewport().grab().toImage()
    base = window.view.palette().base().color().rgb()
    left_half = image.copy(0, 0, image.width() // 2 - MAP_WIDTH, image.height())
    # Hint text is drawn in each empty pane.
    assert any(
        left_half.pixel(x, y) != base for x in range(0, left_half.width(), 2) for y in range(0, left_half.height(), 2)
    )
