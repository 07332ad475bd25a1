"""What is under a point of the panes: a text position, a moved phrase; and the selected text.

The view keeps the selection (which cell, from where to where); this finds positions in its laid-out
rows, in Qt's UTF-16 units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from diffviewer.gui.cell_layout import LaidOutCell
from diffviewer.gui.moved_marks import moved_span_at
from diffviewer.gui.row_layout import CellKey
from diffviewer.gui.spans import Span

if TYPE_CHECKING:
    from diffviewer.gui.comparison_view import ComparisonView


@dataclass(frozen=True, slots=True)
class TextPosition:
    row: int
    key: CellKey  # the cell: its side, or None for the inline one
    position: int  # UTF-16 units into the cell's text


@dataclass(frozen=True, slots=True)
class TextSelection:
    """Text selected by dragging in one cell: from `anchor` (where the drag began) to `cursor`."""

    row: int
    key: CellKey
    anchor: int
    cursor: int

    def moved_to(self, cursor: int) -> TextSelection:
        return TextSelection(self.row, self.key, self.anchor, cursor)


@dataclass(frozen=True, slots=True)
class MovedHit:
    """A moved phrase under the mouse, and the laid-out cell it is in."""

    laid: LaidOutCell
    span: Span


def _row_and_key(view: ComparisonView, point: QPointF) -> tuple[int, CellKey]:
    row = view.row_at(point.y() + view.verticalScrollBar().value())
    columns = view.columns()
    return row, None if None in columns else view.side_at(point.x())


def text_position_at(view: ComparisonView, point: QPointF) -> TextPosition | None:
    """The text under a viewport point, if any."""
    row, key = _row_and_key(view, point)
    if row < 0 or key not in view.row_layout.laid_out(row):
        return None
    return TextPosition(row, key, position_in_cell(view, point, row, key))


def moved_at(view: ComparisonView, point: QPointF) -> MovedHit | None:
    """The moved phrase under a viewport point, if any."""
    row, key = _row_and_key(view, point)
    laid = view.row_layout.laid_out(row).get(key) if row >= 0 and view.comparison is not None else None
    span = None if laid is None else moved_span_at(laid, point - view.cell_origin(row, key))
    return None if laid is None or span is None else MovedHit(laid, span)


def position_in_cell(view: ComparisonView, point: QPointF, row: int, key: CellKey) -> int:
    """The text position in one cell nearest to a viewport point (clamped to the cell)."""
    layout = view.row_layout.laid_out(row)[key].layout
    origin = view.cell_origin(row, key)
    local_x, local_y = point.x() - origin.x(), point.y() - origin.y()
    if layout.lineCount() == 0 or local_y < 0:
        return 0
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        if local_y < line.y() + line.height():
            return line.xToCursor(max(0.0, local_x))
    last = layout.lineAt(layout.lineCount() - 1)
    return last.textStart() + last.textLength()


def selected_text(view: ComparisonView, selection: TextSelection | None) -> str:
    if selection is None:
        return ""
    laid = view.row_layout.laid_out(selection.row).get(selection.key)
    if laid is None or selection.anchor == selection.cursor:
        return ""
    start, end = sorted((selection.anchor, selection.cursor))
    # Positions are UTF-16 units (Qt's), the cell's text is code points: slice the UTF-16 form.
    units = laid.cell.text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le", errors="ignore")


__all__ = [
    "MovedHit",
    "TextPosition",
    "TextSelection",
    "moved_at",
    "position_in_cell",
    "selected_text",
    "text_position_at",
]
