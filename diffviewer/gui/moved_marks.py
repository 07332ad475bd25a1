"""Moved phrases in the panes: which one is under the mouse, what its tooltip says, and the
outline that links its two ends while it is hovered.

Both ends of a moved phrase carry the same id in one block (core/moved.py); cell_layout tints
them, this module links them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter, QPen

from diffviewer.core.model import ChangeOp
from diffviewer.gui.cell_layout import LaidOutCell, span_rects
from diffviewer.gui.colors import Scheme
from diffviewer.gui.rows import Span

# A hovered moved phrase: (block index, moved id).
MoveKey = tuple[int, int]


def moved_span_at(laid: LaidOutCell, point: QPointF) -> Span | None:
    """The moved phrase under `point` (layout coordinates) in one cell, if any."""
    for span in laid.cell.spans:
        if span.moved is None:
            continue
        rects = span_rects(laid.layout, laid.to_qt(span.start), laid.to_qt(span.end))
        if any(rect.contains(point) for rect in rects):
            return span
    return None


def moved_key(laid: LaidOutCell, span: Span) -> MoveKey | None:
    if laid.cell.block is None or span.moved is None:
        return None
    return laid.cell.block, span.moved


def moved_tooltip(span: Span, inline: bool) -> str:
    """What hovering one end of a moved phrase says: where its other end is."""
    number = str(span.moved)
    if span.op is ChangeOp.DELETE:
        text = (
            "Moved phrase %1: the original had these words here; the derivative has them elsewhere in this block"
            if inline
            else "Moved phrase %1: kept by the derivative, elsewhere in this block"
        )
    else:
        text = "Moved phrase %1: moved here from elsewhere in the original"
    return QCoreApplication.translate("ComparisonView", text).replace("%1", number)


def paint_moved_link(painter: QPainter, laid: LaidOutCell, origin: QPointF, move: int, scheme: Scheme) -> None:
    """Outline the ends of moved phrase `move` in this cell (the cell's block is the hovered one)."""
    pen = QPen(scheme.word_moved_edge, 1.5)
    pen.setStyle(Qt.PenStyle.SolidLine)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for span in laid.cell.spans:
        if span.moved != move:
            continue
        for rect in span_rects(laid.layout, laid.to_qt(span.start), laid.to_qt(span.end)):
            painter.drawRoundedRect(rect.translated(origin).adjusted(-1, 0, 1, 0), 3, 3)
    painter.restore()
