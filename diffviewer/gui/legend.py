"""What the colours mean, always in view: a row of swatches in the tool bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
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

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetricsF(self.font())
        width = sum(SWATCH + GAP + metrics.horizontalAdvance(label) + SPACING for _, label in self._items)
        return QSize(round(width), round(max(SWATCH, metrics.height()) + 4))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        scheme = scheme_for(self.palette())
        metrics = QFontMetricsF(self.font())
        x = 0.0
        middle = self.height() / 2
        for key, label in self._items:
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
            painter.drawText(QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x += width + SPACING
