"""The bands between the panes: one curved band per linked paragraph pair, as Meld draws them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen


@dataclass(frozen=True, slots=True)
class Band:
    """Left extent (top, bottom) joined to right extent (top, bottom), in viewport y coordinates.

    A zero-height extent is a wedge tip: where an inserted or dropped paragraph would sit.
    """

    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float
    fill: QColor
    edge: QColor
    dashed: bool = False


def band_path(band: Band, x0: float, x1: float) -> QPainterPath:
    middle = (x0 + x1) / 2
    path = QPainterPath(QPointF(x0, band.left_top))
    path.cubicTo(QPointF(middle, band.left_top), QPointF(middle, band.right_top), QPointF(x1, band.right_top))
    path.lineTo(QPointF(x1, band.right_bottom))
    path.cubicTo(QPointF(middle, band.right_bottom), QPointF(middle, band.left_bottom), QPointF(x0, band.left_bottom))
    path.closeSubpath()
    return path


def paint_bands(painter: QPainter, bands: list[Band], x0: float, x1: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for band in bands:
        path = band_path(band, x0, x1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, band.fill)
        pen = QPen(band.edge, 1.0)
        if band.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.strokePath(path, pen)
    painter.restore()
