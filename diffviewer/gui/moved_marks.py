"""Moved phrases in the panes: which one is under the mouse, what its tooltip says, and the
outline that links its two ends while it is hovered.

Both ends of a moved phrase carry the same id, unique in the comparison (core/moved.py,
core/crossing.py): in one block, or in two when a sentence moved into a paragraph aligned
elsewhere. cell_layout tints them, this module links them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter, QPen

from diffviewer.core.model import ChangeOp
from diffviewer.gui.cell_layout import LaidOutCell, span_rects
from diffviewer.gui.colors import Scheme
from diffviewer.gui.spans import Span

# A hovered moved phrase: its id.
MoveKey = int


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
    return span.moved


def moved_tooltip(span: Span, inline: bool, elsewhere: int | None = None) -> str:
    """What hovering one end of a moved phrase says: where its other end is. `elsewhere`: the
    paragraph (0-based) of the other document that holds it, when that is in another block."""
    number = str(span.moved)
    if elsewhere is not None:
        found = (
            QCoreApplication.translate("ComparisonView", "Moved phrase %1: kept by the derivative, in its paragraph %2")
            if span.op is ChangeOp.DELETE
            else QCoreApplication.translate(
                "ComparisonView", "Moved phrase %1: moved here from paragraph %2 of the original"
            )
        )
        return found.replace("%1", number).replace("%2", str(elsewhere + 1))
    if span.op is not ChangeOp.DELETE:
        text = QCoreApplication.translate(
            "ComparisonView", "Moved phrase %1: moved here from elsewhere in the original"
        )
    elif inline:
        text = QCoreApplication.translate(
            "ComparisonView",
            "Moved phrase %1: the original had these words here; the derivative has them elsewhere in this block",
        )
    else:
        text = QCoreApplication.translate(
            "ComparisonView", "Moved phrase %1: kept by the derivative, elsewhere in this block"
        )
    return text.replace("%1", number)


def paint_moved_link(painter: QPainter, laid: LaidOutCell, origin: QPointF, move: int, scheme: Scheme) -> None:
    """Outline the ends of moved phrase `move` in this cell, if it holds any."""
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
