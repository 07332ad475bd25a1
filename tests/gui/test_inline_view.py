"""The inline view reads as prose: a removal never touches the addition after it, headings stay
headings, and a dropped paragraph's number says it is the original's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from diffviewer.core.model import BlockKind, Comparison, Role
from diffviewer.gui.cell_layout import lay_out
from diffviewer.gui.colors import scheme_for
from diffviewer.gui.main_window import MainWindow
from tests.gui.conftest import compared, write


def _inline_cell(window: MainWindow, needle: str):  # type: ignore[no-untyped-def]
    view = window.view
    for row, shown in enumerate(view.rows):
        if shown.inline is not None and needle in shown.inline.text:
            laid = view.laid_out_cell(row, None)
            assert laid is not None
            return laid
    raise AssertionError(needle)


def _x(laid, position: int) -> float:  # type: ignore[no-untyped-def]
    line = laid.layout.lineForTextPosition(laid.to_qt(position))
    return float(line.cursorToX(laid.to_qt(position))[0])


def test_a_removal_and_the_addition_after_it_stand_apart(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    original = write(tmp_path / "a.txt", "The ferry usually leaves at noon from the old pier.")
    derivative = write(tmp_path / "b.txt", "The ferry generally leaves at noon from the old pier.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    window.inline_action.trigger()
    laid = _inline_cell(window, "usually")
    text = laid.cell.text
    assert "usuallygenerally" in text  # the text itself is untouched (copy and find see it as is)
    removed_end = text.index("usually") + len("usually")
    # Laid out without the inline view's room, the addition would start where the removal ends.
    view = window.view
    touching = lay_out(laid.cell, [Role.BODY], view.cell_font(0, None), 2000, True, scheme_for(view.palette()))
    room = _x(laid, removed_end) - _x(touching, removed_end)
    assert room >= view.fontMetrics().horizontalAdvance(" ") / 3
    spaced = [f for f in laid.layout.formats() if f.format.fontLetterSpacing() > 0]
    assert [(f.start, f.length) for f in spaced] == [(laid.to_qt(removed_end - 1), 1)]


def test_headings_keep_their_weight_inline(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    original = write(tmp_path / "a.md", "# Harbour report", "The ferry usually leaves at noon.")
    derivative = write(tmp_path / "b.md", "# Harbour report, revised", "The ferry generally leaves at noon.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    window.inline_action.trigger()
    laid = _inline_cell(window, "Harbour report")
    weights = [f.format.fontWeight() for f in laid.layout.formats() if f.start == 0]
    assert QFont.Weight.Bold in weights


def test_a_dropped_paragraph_is_numbered_as_the_originals(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    kept = [f"Paragraph {n} tells of the harbour{n} and its lantern{n} in some detail." for n in range(5)]
    original = write(
        tmp_path / "a.txt", *kept[:2], "A paragraph the rewrite leaves out entirely, about orchards.", *kept[2:]
    )
    derivative = write(tmp_path / "b.txt", *kept)
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    assert any(b.kind is BlockKind.DELETED for b in comparison.blocks)
    window.inline_action.trigger()
    laid = _inline_cell(window, "orchards")
    assert [label for _, label in window.view.gutter_labels(laid)] == ["(3)"]
    assert "dropped" in window.view.header_label(None)
