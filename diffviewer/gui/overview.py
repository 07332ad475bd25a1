"""The overview ruler beside the panes: where the changes are in the whole document; click to jump."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from diffviewer.core.model import BlockKind
from diffviewer.gui.colors import scheme_for
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.rows import Side

RULER_WIDTH = 22
MIN_MARK = 2.0


class OverviewRuler(QWidget):
    def __init__(self, view: ComparisonView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setFixedWidth(RULER_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Where the changes are: click to jump there"))
        self._marks: QPixmap | None = None  # the change marks, drawn once per layout and size
        view.layout_changed.connect(self.on_layout_changed)
        view.current_block_changed.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().rangeChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(RULER_WIDTH, 200)

    def _scale(self) -> float:
        total = self._view.content_height()
        return self.height() / total if total > 0 else 0.0

    def on_layout_changed(self) -> None:
        self._marks = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._marks = None

    def _paint_marks(self) -> QPixmap:
        pixmap = QPixmap(self.size())
        pixmap.fill(self.palette().color(QPalette.ColorRole.Window))
        scheme = scheme_for(self.palette())
        scale = self._scale()
        half = self.width() / 2
        # Rectangles gathered by kind and drawn with one call per colour: thousands of separate
        # painter calls would each wait for the interpreter lock while a comparison runs.
        marks: dict[BlockKind, list[QRectF]] = defaultdict(list)
        for row_index, row in enumerate(self._view.rows):
            top, bottom = self._view.row_extent(row_index)
            y, h = top * scale, max(MIN_MARK, (bottom - top) * scale)
            for cell in row.cells:
                if cell.kind is None or cell.kind is BlockKind.EQUAL:
                    continue
                # Left half marks the original's side, right half the derivative's (full width inline).
                if cell.side is Side.ORIGINAL and row.inline is None:
                    marks[cell.kind].append(QRectF(1, y, half - 1, h))
                elif row.inline is None:
                    marks[cell.kind].append(QRectF(half, y, half - 1, h))
                else:
                    marks[cell.kind].append(QRectF(1, y, self.width() - 2, h))
        painter = QPainter(pixmap)
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, rects in marks.items():
            painter.setBrush(QColor(scheme.kind_edge[kind]))
            painter.drawRects(rects)
        painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._marks is None or self._marks.size() != self.size():
            self._marks = self._paint_marks()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._marks)
        scale = self._scale()
        # The visible part of the document.
        bar = self._view.verticalScrollBar()
        visible = QRectF(0.5, bar.value() * scale, self.width() - 1, max(4.0, self._view.viewport().height() * scale))
        shade = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        shade.setAlpha(45)
        painter.fillRect(visible, shade)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
        painter.drawRect(visible)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())

    def _jump(self, y: float) -> None:
        scale = self._scale()
        if scale <= 0:
            return
        bar = self._view.verticalScrollBar()
        # Centre the clicked spot in the panes.
        bar.setValue(round(y / scale - self._view.viewport().height() / 2))
