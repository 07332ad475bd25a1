"""What the colours mean, always in view: rows of swatches in the tool bar, as many as the
window's width needs (a narrow window wraps them rather than cut the last ones off)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from diffviewer.core.model import BlockKind, ChangeOp
from diffviewer.gui.colors import scheme_for
from diffviewer.gui.labels import kind_name

SWATCH = 12
GAP = 6
SPACING = 14


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = self._labels()
        # The tool bar's width is the room there is: the legend re-flows when it changes.
        if parent is not None:
            parent.installEventFilter(self)
        self.setToolTip(
            self.tr(
                "Blocks: the band colour between the panes. Words: removed words are struck out, "
                "added words underlined; a replacement is shown in orange on both sides; words the "
                "derivative kept but moved are shown in green at both places (hover one to outline both). "
                "A dashed band joins two paragraphs in different blocks that share text (a sentence moved "
                "between them, or a paragraph split across two)."
            )
        )

    def _labels(self) -> list[tuple[str, str]]:
        return [
            ("rewrite", kind_name(BlockKind.REWRITE)),
            ("moved", kind_name(BlockKind.MOVED)),
            ("inserted", kind_name(BlockKind.INSERTED)),
            ("deleted", kind_name(BlockKind.DELETED)),
            ("word-deleted", self.tr("removed word")),
            ("word-inserted", self.tr("added word")),
            ("word-moved", self.tr("moved words")),
            ("shared", self.tr("shares text across blocks")),
        ]

    def _widths(self) -> list[float]:
        metrics = QFontMetricsF(self.font())
        return [SWATCH + GAP + metrics.horizontalAdvance(label) + SPACING for _, label in self._items]

    def _row_height(self) -> float:
        return max(SWATCH, QFontMetricsF(self.font()).height()) + 4

    def _room(self) -> float:
        """The width the tool bar can give: all of it, less its margins."""
        bar = self.parentWidget()
        layout = bar.layout() if bar is not None else None
        if bar is None or layout is None or not bar.isVisible():
            return sum(self._widths())
        margins = layout.contentsMargins()
        room = bar.contentsRect().width() - margins.left() - margins.right()
        return max(room, max(self._widths()))

    def _places(self, width: float) -> list[QPointF]:
        """Where each item starts, in rows no wider than `width` (an item never splits)."""
        places: list[QPointF] = []
        x = y = 0.0
        for item_width in self._widths():
            if x > 0 and x + item_width - SPACING > width:
                x, y = 0.0, y + self._row_height()
            places.append(QPointF(x, y))
            x += item_width
        return places

    def sizeHint(self) -> QSize:  # noqa: N802
        widths = self._widths()
        room = self._room()
        rows = len({place.y() for place in self._places(room)})
        width = min(sum(widths), room) if rows == 1 else room
        return QSize(round(width), round(rows * self._row_height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(round(max(self._widths())), round(self._row_height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.updateGeometry()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        scheme = scheme_for(self.palette())
        metrics = QFontMetricsF(self.font())
        row = self._row_height()
        for (key, label), place in zip(self._items, self._places(self.width()), strict=True):
            x, middle = place.x(), place.y() + row / 2
            swatch = QRectF(x, middle - SWATCH / 2, SWATCH, SWATCH)
            font = QFont(self.font())
            if key == "word-moved":  # kept words: tinted, neither struck nor underlined
                painter.fillRect(swatch, scheme.word_moved)
            elif key == "shared":  # the gutter's dashed outline, unfilled
                pen = QPen(scheme.kind_edge[BlockKind.EQUAL], 1, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawRect(swatch.adjusted(0, 0, -1, -1))
            elif key.startswith("word-"):
                op = ChangeOp.DELETE if key == "word-deleted" else ChangeOp.INSERT
                painter.fillRect(swatch, scheme.word_background(op, False))
                font.setStrikeOut(op is ChangeOp.DELETE)
                font.setUnderline(op is ChangeOp.INSERT)
            else:
                kind = BlockKind(key)
                painter.fillRect(swatch, scheme.kind_fill[kind])
                painter.setPen(scheme.kind_edge[kind])
                painter.drawRect(swatch.adjusted(0, 0, -1, -1))
            x += SWATCH + GAP
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            width = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(x, place.y(), width + 2, row), Qt.AlignmentFlag.AlignVCenter, label)
