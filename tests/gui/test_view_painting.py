"""What the panes paint: the link map's bands, the empty-pane hints, rows for a moved paragraph."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.gui.app import GUI_SWITCH_INTERVAL_SECONDS, application
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


def test_the_overview_ruler_marks_each_sides_changes_where_they_are(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    kept = [f"Paragraph {n} about harbours, lanterns and the orchard number {n}." for n in range(40)]
    rewritten = list(kept)
    rewritten[30] = "Paragraph 30 about harbours, bright lanterns and the orchard number 30."
    comparison = compared(
        qtbot,
        window,
        lambda: window.open_paths(write(tmp_path / "a.txt", *kept), write(tmp_path / "b.txt", *rewritten)),
    )
    assert isinstance(comparison, Comparison)
    ruler = window.ruler
    image = ruler.grab().toImage()
    background = ruler.palette().window().color().rgb()
    row = next(n for n, r in enumerate(window.view.rows) if r.right is not None and 30 in r.right.paragraphs)
    top, bottom = window.view.row_extent(row)
    scale = ruler.height() / window.view.content_height()
    y = int((top + bottom) / 2 * scale)
    orange = QColor(image.pixel(ruler.width() * 3 // 4, y))  # the derivative's half
    assert orange.rgb() != background and orange.red() > orange.blue()
    assert QColor(image.pixel(ruler.width() // 4, y)).red() > QColor(image.pixel(ruler.width() // 4, y)).blue()
    # Unchanged paragraphs leave the ruler bare, away from the visible-part frame at the top.
    assert QColor(image.pixel(ruler.width() * 3 // 4, ruler.height() - 3)).rgb() == background
    # Another comparison's rows give the ruler their own marks (not the last rows' it found).
    rewritten = list(kept)
    rewritten[38] = "Paragraph 38 about harbours, dim lanterns and the orchard number 38."
    compared(
        qtbot,
        window,
        lambda: window.open_paths(write(tmp_path / "a.txt", *kept), write(tmp_path / "c.txt", *rewritten)),
    )
    image = ruler.grab().toImage()
    assert QColor(image.pixel(ruler.width() * 3 // 4, y)).rgb() == background
    row = next(n for n, r in enumerate(window.view.rows) if r.right is not None and 38 in r.right.paragraphs)
    top, bottom = window.view.row_extent(row)
    changed = QColor(image.pixel(ruler.width() * 3 // 4, int((top + bottom) / 2 * scale)))
    assert changed.rgb() != background and changed.red() > changed.blue()


def test_the_gui_hands_the_interpreter_lock_over_quickly(qtbot: QtBot) -> None:
    application()
    assert sys.getswitchinterval() == GUI_SWITCH_INTERVAL_SECONDS < 0.005
