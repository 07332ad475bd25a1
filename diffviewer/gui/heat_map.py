"""The overview of many derivatives: the original's paragraphs down, one column per derivative.

Each cell is coloured by what that derivative did with the paragraph (copied, edited, reworded,
dropped); a corner mark flags a quotation the derivative altered there; the footer counts each
derivative's own additions and invented quotations. Clicking a cell opens that pair there.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from diffviewer.core.model import BlockKind, Comparison, QuoteStatus, Treatment
from diffviewer.gui.colors import Scheme, quote_colour, scheme_for
from diffviewer.gui.labels import treatment_name

MIN_ROW_HEIGHT = 4.0  # a book's thousands of paragraphs still fit a few screens
MAX_ROW_HEIGHT = 26.0  # a short article's rows grow to fill the panel
COLUMN_WIDTH = 32.0
COLUMN_GAP = 4.0
GUTTER = 30.0


@dataclass(frozen=True, slots=True)
class Column:
    """What the map needs to know about one derivative."""

    label: str  # full file name, for tooltips
    comparison: Comparison | None  # None while it is being compared


@dataclass(frozen=True, slots=True)
class _Cell:
    treatment: Treatment
    block: int
    moved: bool
    similarity: float
    altered_quotes: int


def _cells(comparison: Comparison) -> dict[int, _Cell]:
    altered: dict[int, int] = {}
    for quote in comparison.quotes:
        if quote.status is QuoteStatus.ALTERED and quote.source_paragraph is not None:
            altered[quote.source_paragraph] = altered.get(quote.source_paragraph, 0) + 1
    cells = {}
    for index, block in enumerate(comparison.blocks):
        for paragraph in block.original:
            cells[paragraph] = _Cell(
                block.treatment, index, block.kind is BlockKind.MOVED, block.similarity, altered.get(paragraph, 0)
            )
    return cells


class HeatMap(QWidget):
    cell_clicked = Signal(int, int)  # derivative index, original paragraph index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = []
        self._cells: list[dict[int, _Cell]] = []
        # Each comparison's cells, kept while it has a column: when one of several book-sized
        # derivatives finishes, the others' columns are not worked out again.
        self._cells_of: dict[int, tuple[Comparison, dict[int, _Cell]]] = {}
        self._paragraphs = 0
        self._current = -1
        self._row_height = MIN_ROW_HEIGHT
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_columns(self, paragraphs: int, columns: list[Column], current: int) -> None:
        self._paragraphs = paragraphs
        self._columns = columns
        self._cells_of = {id(c.comparison): self._cells_for(c.comparison) for c in columns if c.comparison is not None}
        self._cells = [self._cells_of[id(c.comparison)][1] if c.comparison is not None else {} for c in columns]
        self._current = current
        self._fit_rows()
        self.updateGeometry()
        self.update()

    def _cells_for(self, comparison: Comparison) -> tuple[Comparison, dict[int, _Cell]]:
        known = self._cells_of.get(id(comparison))
        # (Keyed by identity: the cached comparison is held, so its id is not reused meanwhile.)
        return known if known is not None and known[0] is comparison else (comparison, _cells(comparison))

    @property
    def column_count(self) -> int:
        return len(self._columns)

    def _header_height(self) -> float:
        return QFontMetricsF(self._small_font()).height() * 2 + 6

    def _footer_height(self) -> float:
        return QFontMetricsF(self._small_font()).height() * 2 + 6

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(self) -> QSize:  # noqa: N802
        width = GUTTER + len(self._columns) * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_GAP
        height = self._header_height() + self._paragraphs * MIN_ROW_HEIGHT + self._footer_height()
        return QSize(round(max(width, 120)), round(height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        # Rows share the height the panel gives, within limits.
        free = self.height() - self._header_height() - self._footer_height()
        self._row_height = max(MIN_ROW_HEIGHT, min(MAX_ROW_HEIGHT, free / max(1, self._paragraphs)))

    def cell_rect(self, column: int, paragraph: int) -> QRectF:
        x = GUTTER + COLUMN_GAP + column * (COLUMN_WIDTH + COLUMN_GAP)
        return QRectF(x, self._header_height() + paragraph * self._row_height, COLUMN_WIDTH, self._row_height - 1)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        row = int((point.y() - self._header_height()) // self._row_height)
        column = int((point.x() - GUTTER - COLUMN_GAP) // (COLUMN_WIDTH + COLUMN_GAP))
        inside = 0 <= row < self._paragraphs and 0 <= column < len(self._columns)
        if inside and self.cell_rect(column, row).adjusted(0, 0, COLUMN_GAP, 1).contains(point):
            return column, row
        return None

    @staticmethod
    def _colours(scheme: Scheme) -> dict[Treatment, QColor]:
        return {
            Treatment.COPIED: QColor(scheme.kind_edge[BlockKind.EQUAL]),
            Treatment.LIGHTLY_EDITED: QColor(scheme.kind_fill[BlockKind.REWRITE]),
            Treatment.REWORDED: QColor(scheme.kind_edge[BlockKind.REWRITE]),
            Treatment.DROPPED: QColor(scheme.kind_edge[BlockKind.DELETED]),
            Treatment.NEW: QColor(scheme.kind_edge[BlockKind.INSERTED]),
        }

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        scheme = scheme_for(palette)
        colours = self._colours(scheme)  # once per paint, not once per cell
        no_cell = QColor(scheme.separator)
        small = self._small_font()
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        header = self._header_height()
        clip = QRectF(event.rect())
        first = max(0, int((clip.top() - header) // self._row_height))
        last = min(self._paragraphs, int((clip.bottom() - header) // self._row_height) + 1)
        # Paragraph numbers every few rows, to find one's place.
        painter.setPen(palette.placeholderText().color())
        step = max(1, round(metrics.height() * 1.5 / self._row_height))
        for paragraph in range(first - first % step, last, step):
            rect = QRectF(0, header + paragraph * self._row_height - 2, GUTTER - 4, metrics.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, str(paragraph + 1))
        for column, info in enumerate(self._columns):
            cells = self._cells[column]
            pending = info.comparison is None
            for paragraph in range(first, last):
                rect = self.cell_rect(column, paragraph)
                if pending:
                    painter.fillRect(rect, QBrush(palette.mid().color(), Qt.BrushStyle.BDiagPattern))
                    continue
                cell = cells.get(paragraph)
                painter.fillRect(rect, colours[cell.treatment] if cell is not None else no_cell)
                if cell is not None and cell.moved:
                    painter.fillRect(
                        QRectF(rect.left(), rect.top(), 3, rect.height()), scheme.kind_edge[BlockKind.MOVED]
                    )
                if cell is not None and cell.altered_quotes:
                    self._paint_quote_flag(painter, rect, QuoteStatus.ALTERED, scheme.dark)
            self._paint_header(painter, column, info, metrics)
            self._paint_footer(painter, column, info, metrics, scheme.dark)
        if 0 <= self._current < len(self._columns):
            top = self.cell_rect(self._current, 0)
            frame = QRectF(top.left() - 2, 1, COLUMN_WIDTH + 4, self.height() - 2)
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(frame)

    def _paint_quote_flag(self, painter: QPainter, rect: QRectF, status: QuoteStatus, dark: bool) -> None:
        size = min(rect.height(), 7.0)
        corner = rect.topRight()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 0, 0, 160), 0.8))
        painter.setBrush(quote_colour(status, dark))
        painter.drawPolygon([corner, corner + QPointF(-size, 0), corner + QPointF(0, size)])
        painter.restore()

    def _paint_header(self, painter: QPainter, column: int, info: Column, metrics: QFontMetricsF) -> None:
        rect = self.cell_rect(column, 0)
        painter.setPen(self.palette().windowText().color())
        number = QRectF(rect.left() - 2, 2, COLUMN_WIDTH + 4, metrics.height())
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(column + 1))
        share = "…" if info.comparison is None else f"{info.comparison.similarity:.0%}"
        painter.drawText(number.translated(0, metrics.height()), Qt.AlignmentFlag.AlignCenter, share)

    def _paint_footer(self, painter: QPainter, column: int, info: Column, metrics: QFontMetricsF, dark: bool) -> None:
        if info.comparison is None:
            return
        top = self._header_height() + self._paragraphs * self._row_height + 3
        rect = QRectF(self.cell_rect(column, 0).left() - 2, top, COLUMN_WIDTH + 4, metrics.height())
        added = info.comparison.stats.paragraphs_inserted
        invented = sum(1 for q in info.comparison.quotes if q.status is QuoteStatus.UNSOURCED)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{added}")
        if invented:
            painter.setPen(quote_colour(QuoteStatus.UNSOURCED, dark))
            painter.drawText(rect.translated(0, metrics.height()), Qt.AlignmentFlag.AlignCenter, f"“{invented}”")

    def tooltip_at(self, point: QPointF) -> str:
        hit = self.cell_at(point)
        if hit is None:
            return ""
        column, paragraph = hit
        info = self._columns[column]
        name = info.label
        if info.comparison is None:
            return (
                QCoreApplication.translate("HeatMap", "¶%1 in %2: still comparing…")
                .replace("%1", str(paragraph + 1))
                .replace("%2", name)
            )
        cell = self._cells[column].get(paragraph)
        if cell is None:
            return ""
        text = (
            QCoreApplication.translate("HeatMap", "¶%1 in %2: %3").replace("%1", str(paragraph + 1)).replace("%2", name)
        )
        text = text.replace("%3", treatment_name(cell.treatment))
        if cell.treatment not in (Treatment.DROPPED, Treatment.NEW):
            text += " " + QCoreApplication.translate("HeatMap", "(similarity %1%)").replace(
                "%1", f"{cell.similarity * 100:.0f}"
            )
        if cell.moved:
            text += "\n" + QCoreApplication.translate("HeatMap", "moved to another place")
        if cell.altered_quotes:
            text += "\n" + QCoreApplication.translate("HeatMap", "a quotation from it was altered")
        return text

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.cell_at(event.position())
        if hit is not None:
            self.cell_clicked.emit(hit[0], hit[1])


def heat_map_legend(palette: QPalette) -> str:
    """Rich text naming the map's colours."""
    scheme = scheme_for(palette)
    items = [
        (scheme.kind_edge[BlockKind.EQUAL], treatment_name(Treatment.COPIED)),
        (scheme.kind_fill[BlockKind.REWRITE], treatment_name(Treatment.LIGHTLY_EDITED)),
        (scheme.kind_edge[BlockKind.REWRITE], treatment_name(Treatment.REWORDED)),
        (scheme.kind_edge[BlockKind.DELETED], treatment_name(Treatment.DROPPED)),
        (scheme.kind_edge[BlockKind.MOVED], QCoreApplication.translate("HeatMap", "moved (left edge)")),
    ]
    swatches = " ".join(f'<span style="color:{c.name()}">■</span>&nbsp;{html.escape(label)}' for c, label in items)
    footer = QCoreApplication.translate(
        "HeatMap",
        "Corner flag: a quotation from that paragraph was altered. Below each column: +N new paragraphs, "
        "“N” quotations with no source in the original.",
    )
    return f"{swatches}<br>{html.escape(footer)}"
