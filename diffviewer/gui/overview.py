"""The overview ruler beside the panes: where the changes are in the whole document; click to jump."""

from __future__ import annotations

from collections import defaultdict
from enum import Enum, auto

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from diffviewer.core.model import BlockKind
from diffviewer.gui.colors import scheme_for
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.rows import Cell, Row, Side

RULER_WIDTH = 22
MIN_MARK = 2.0


class _Lane(Enum):
    ORIGINAL = auto()
    DERIVATIVE = auto()
    INLINE = auto()


def _lane(cell: Cell, row: Row) -> _Lane:
    if row.inline is not None:
        return _Lane.INLINE
    return _Lane.ORIGINAL if cell.side is Side.ORIGINAL else _Lane.DERIVATIVE


class OverviewRuler(QWidget):
    def __init__(self, view: ComparisonView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setFixedWidth(RULER_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Where the changes are: click to jump there"))
        self._marks: QPixmap | None = None  # the change marks, drawn once per layout and size
        # The changed cells of the view's rows (row, kind, lane), found once per set of rows: a
        # book's rows are tens of thousands, walked in Python at every layout change otherwise.
        self._changed_of: list[Row] | None = None
        self._changed: list[tuple[int, BlockKind, _Lane]] = []
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
        tops = self._view.row_layout.tops
        # Left half marks the original's side, right half the derivative's (full width inline).
        lanes = {
            _Lane.ORIGINAL: (1.0, half - 1),
            _Lane.DERIVATIVE: (half, half - 1),
            _Lane.INLINE: (1.0, self.width() - 2.0),
        }
        for row, kind, lane in self._changed_cells():
            top, bottom = tops[row], tops[row + 1]
            x, width = lanes[lane]
            marks[kind].append(QRectF(x, top * scale, width, max(MIN_MARK, (bottom - top) * scale)))
        painter = QPainter(pixmap)
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, rects in marks.items():
            painter.setBrush(QColor(scheme.kind_edge[kind]))
            painter.drawRects(rects)
        painter.end()
        return pixmap

    def _changed_cells(self) -> list[tuple[int, BlockKind, _Lane]]:
        rows = self._view.rows
        if self._changed_of is not rows:
            self._changed_of = rows
            self._changed = [
                (number, cell.kind, _lane(cell, row))
                for number, row in enumerate(rows)
                for cell in row.cells
                if cell.kind is not None and cell.kind is not BlockKind.EQUAL
            ]
        return self._changed

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
