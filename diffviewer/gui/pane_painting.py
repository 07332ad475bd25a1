"""Painting the panes: each visible row's cells with their marks, the link map between the
panes, the empty panes' invitations and the header. The view lays rows out; this draws them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QWidget

from diffviewer.core.model import BlockKind, QuoteStatus
from diffviewer.gui.cell_layout import PAD_X, PAD_Y, LaidOutCell, span_rects
from diffviewer.gui.colors import quote_colour
from diffviewer.gui.header_text import fitted
from diffviewer.gui.link_map import Band, paint_bands
from diffviewer.gui.moved_marks import paint_moved_link
from diffviewer.gui.rows import Side

if TYPE_CHECKING:
    from diffviewer.gui.comparison_view import ComparisonView


def paint_panes(view: ComparisonView, painter: QPainter) -> None:
    """Paint what is on screen: each visible row's cells, the link map between the panes, the
    invitation in an empty pane, and the separators."""
    scheme = view._scheme
    painter.fillRect(view.viewport().rect(), scheme.base)
    columns = view.columns()
    y_offset = float(view.verticalScrollBar().value())
    x_offset = float(view.horizontalScrollBar().value())
    height = float(view.viewport().height())
    tops = view.row_layout.tops
    if not view._rows:
        _paint_empty(view, painter, columns)
    else:
        first = max(0, view.row_at(y_offset))
        view.lay_out_span(first, tops[first] - y_offset + height)
        tops = view.row_layout.tops  # laying out may have moved the rows below
        row = first
        while row < len(view._rows) and tops[row] - y_offset < height:
            _paint_row(view, painter, row, columns, y_offset, x_offset)
            row += 1
        if None not in columns and view._comparison is not None:
            _paint_link_map(view, painter, columns, y_offset, height, range(first, row))
        elif None not in columns:
            # One document loaded: invite the other in its empty pane.
            empty = Side.DERIVATIVE if view._documents[Side.ORIGINAL] is not None else Side.ORIGINAL
            _paint_empty(view, painter, {empty: columns[empty]})
    painter.setPen(QPen(scheme.separator, 1))
    for side, (left, width) in columns.items():
        if side is Side.ORIGINAL:
            painter.drawLine(QPointF(left + width, 0), QPointF(left + width, height))
        elif side is Side.DERIVATIVE:
            painter.drawLine(QPointF(left, 0), QPointF(left, height))


def _paint_empty(view: ComparisonView, painter: QPainter, columns: dict[Side | None, tuple[float, float]]) -> None:
    painter.setPen(view._scheme.muted_text)
    hints = {
        Side.ORIGINAL: QCoreApplication.translate(
            "ComparisonView", "Drop the original here\nor choose File ▸ Open Original… (Ctrl+O)"
        ),
        Side.DERIVATIVE: view._pending
        or QCoreApplication.translate(
            "ComparisonView", "Drop the derivative here\nor choose File ▸ Open Derivative… (Ctrl+Shift+O)"
        ),
    }
    for side, (left, width) in columns.items():
        if side is None:
            continue
        rect = QRectF(left, 0, width, view.viewport().height())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, hints[side])


def _paint_row(
    view: ComparisonView,
    painter: QPainter,
    row: int,
    columns: dict[Side | None, tuple[float, float]],
    y_offset: float,
    x_offset: float,
) -> None:
    scheme = view._scheme
    layout = view.row_layout
    top = layout.tops[row] - y_offset
    row_height = layout.heights[row]
    gutter = view._gutter_width()
    for side, laid in layout.laid_out(row).items():
        left, width = columns.get(side, (0.0, 0.0))
        cell = laid.cell
        rect = QRectF(left, top, width, row_height)
        tint = scheme.row_tint(cell.kind)
        if tint is not None:
            painter.fillRect(rect, tint)
        # Paragraph numbers (for code, the file's line numbers) in a gutter, muted, to find
        # one's place and to read the links.
        painter.setFont(view._small_font())
        painter.setPen(scheme.muted_text)
        first_line = QFontMetricsF(laid.layout.font()).height()  # centred on the line it numbers
        for label_top, label in view.gutter_labels(laid):
            number_rect = QRectF(left + 2, top + PAD_Y + label_top, gutter - 4, first_line)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.save()
        text_left = left + PAD_X + gutter
        painter.setClipRect(QRectF(text_left, top, max(0.0, width - PAD_X - gutter), row_height))
        painter.setPen(scheme.text)
        selections = find_formats(view, row, side) + _text_selection(view, row, side)
        origin = QPointF(text_left - x_offset, top + PAD_Y)
        laid.layout.draw(painter, origin, selections)
        if view._hovered_move is not None:
            paint_moved_link(painter, laid, origin, view._hovered_move, scheme)
        if side is not None and view._quote_marks:
            _paint_quote_marks(view, painter, laid, side, origin)
        painter.restore()
        if cell.block is not None and cell.block == view._current_block:
            pen = QPen(scheme.current_block, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))


def _paint_quote_marks(view: ComparisonView, painter: QPainter, laid: LaidOutCell, side: Side, origin: QPointF) -> None:
    """Outline altered (solid) and unsourced (dashed) quotations, and the sources of altered ones."""
    cell = laid.cell
    dark = view._scheme.dark
    for position, paragraph in enumerate(cell.paragraphs):
        for mark in view._quote_marks.get((side, paragraph), []):
            offset = cell.paragraph_starts[position]
            start, end = laid.to_qt(offset + mark.start), laid.to_qt(offset + mark.end)
            focused = mark.quote == view._focused_quote
            pen = QPen(quote_colour(mark.status, dark), 2.5 if focused else 1.5)
            if mark.status is QuoteStatus.UNSOURCED:
                pen.setStyle(Qt.PenStyle.DashLine)
            if side is Side.ORIGINAL:
                pen.setStyle(Qt.PenStyle.DotLine)  # the source of an altered quote
            painter.setPen(pen)
            fill = QColor(quote_colour(mark.status, dark))
            fill.setAlpha(70 if focused else 0)
            painter.setBrush(fill)
            for rect in span_rects(laid.layout, start, end):
                painter.drawRoundedRect(rect.translated(origin).adjusted(-1, 0, 1, 0), 3, 3)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _text_selection(view: ComparisonView, row: int, side: Side | None) -> list[QTextLayout.FormatRange]:
    selection = view.selection
    if selection is None or selection.row != row or selection.key != side:
        return []
    anchor, cursor = selection.anchor, selection.cursor
    if anchor == cursor:
        return []
    fmt = QTextCharFormat()
    palette = view.palette()
    fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
    fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
    item = QTextLayout.FormatRange()
    item.start, item.length, item.format = min(anchor, cursor), abs(cursor - anchor), fmt
    return [item]


def find_formats(view: ComparisonView, row: int, side: Side | None) -> list[QTextLayout.FormatRange]:
    """How the find matches of a row's cell are painted: the current one apart from the others."""
    selections = []
    for n in view._find.by_row.get(row, ()):  # a common word can match thousands of times
        match = view._find.matches[n]
        if match.side != side:
            continue
        fmt = QTextCharFormat()
        current = n == view._find.current
        fmt.setBackground(view._scheme.find_current if current else view._scheme.find_match)
        if current:
            fmt.setForeground(view._scheme.find_current_text)
        item = QTextLayout.FormatRange()
        item.start, item.length, item.format = match.start, match.end - match.start, fmt
        selections.append(item)
    return selections


def _paragraph_extent(view: ComparisonView, side: Side, paragraph: int) -> tuple[float, float] | None:
    """Top and bottom of a paragraph in content coordinates."""
    row = view._paragraph_row.get((side, paragraph))
    if row is None:
        return None
    current = view._rows[row]
    cell = current.left if side is Side.ORIGINAL else current.right
    if cell is None:
        return None
    base = view.row_layout.tops[row] + PAD_Y
    laid = view.row_layout.cached(row)
    if laid is not None and side in laid:
        extent = laid[side].paragraph_extent(paragraph)
    else:
        # Not laid out (off screen): place it by its share of the cell's characters.
        position = cell.paragraphs.index(paragraph)
        starts = cell.paragraph_starts
        total = max(1, len(cell.text))
        end = cell.paragraph_end(position)
        inner = view.row_layout.heights[row] - 2 * PAD_Y
        extent = (inner * starts[position] / total, inner * end / total)
    if extent is None:
        return None
    return base + extent[0], base + extent[1]


def _paint_link_map(
    view: ComparisonView,
    painter: QPainter,
    columns: dict[Side | None, tuple[float, float]],
    y_offset: float,
    height: float,
    visible_rows: range,
) -> None:
    scheme = view._scheme
    left_x, left_w = columns[Side.ORIGINAL]
    x0, x1 = left_x + left_w, columns[Side.DERIVATIVE][0]
    bands: list[Band] = []

    def visible(a: float, b: float, c: float, d: float) -> bool:
        return min(a, c) - y_offset < height and max(b, d) - y_offset > 0

    first, last = visible_rows.start, visible_rows.stop
    for link in view._link_rows:
        if link.upper >= last:
            break  # sorted by their upper row: no later link reaches the screen
        if link.lower < first:
            continue
        left = _paragraph_extent(view, Side.ORIGINAL, link.original)
        right = _paragraph_extent(view, Side.DERIVATIVE, link.derivative)
        if left is None or right is None or not visible(left[0], left[1], right[0], right[1]):
            continue
        # The view model says which block the band is in (its kind), or that it joins two.
        same_block = link.kind is not None
        kind = link.kind if link.kind is not None else BlockKind.EQUAL
        bands.append(
            Band(
                left[0] - y_offset,
                left[1] - y_offset,
                right[0] - y_offset,
                right[1] - y_offset,
                scheme.kind_fill[kind] if same_block else QColor(0, 0, 0, 0),
                scheme.kind_edge[kind],
                dashed=not same_block,
            )
        )
    # Inserted and dropped paragraphs: a wedge from the point where they were added or lost.
    tops = view.row_layout.tops
    for row in visible_rows:
        top, bottom = tops[row] + PAD_Y, tops[row + 1] - PAD_Y
        for side, cell in ((Side.ORIGINAL, view._rows[row].left), (Side.DERIVATIVE, view._rows[row].right)):
            if cell is None or cell.kind not in (BlockKind.INSERTED, BlockKind.DELETED):
                continue
            tip = tops[row] - y_offset
            fill, edge = scheme.kind_fill[cell.kind], scheme.kind_edge[cell.kind]
            if side is Side.DERIVATIVE:
                bands.append(Band(tip, tip, top - y_offset, bottom - y_offset, fill, edge))
            else:
                bands.append(Band(top - y_offset, bottom - y_offset, tip, tip, fill, edge))
    painter.save()
    painter.setClipRect(QRectF(x0, 0, x1 - x0, height))
    paint_bands(painter, bands, x0, x1)
    painter.restore()


def paint_header(view: ComparisonView, painter: QPainter, rect: QRectF) -> None:
    palette = view.palette()
    painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    bold = QFont(view.font())
    bold.setBold(True)
    for side, (left, width) in view.columns().items():
        area = QRectF(left + PAD_X, rect.top(), max(0.0, width - 2 * PAD_X), rect.height())
        painter.setFont(bold)
        elided = fitted(view.header_text(side), QFontMetricsF(bold), area.width())
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())


HEADER_PADDING = 6


class PaneHeader(QWidget):
    """The fixed strip above the panes naming each document (the view's margin keeps it clear)."""

    def __init__(self, view: ComparisonView) -> None:
        super().__init__(view)
        self._view = view

    def fitted_height(self) -> int:
        return round(QFontMetricsF(self._view.font()).height() + 2 * HEADER_PADDING)

    def place(self) -> None:
        frame = self._view.frameWidth()
        self.setGeometry(frame, frame, self._view.viewport().width(), self.fitted_height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        self._view.paint_header(painter, self.rect().toRectF())


__all__ = ["PaneHeader", "find_formats", "paint_header", "paint_panes"]
