"""The panes: original and derivative side by side (or one inline column), level, linked, marked.

One scroll area paints both panes and the link map between them, so matched blocks stay level and
scrolling is synchronised by construction. Each row is as tall as its taller cell.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from diffviewer.core.model import Comparison, Document, Quote
from diffviewer.gui import pane_hits, pane_scroll, pane_text
from diffviewer.gui.cell_layout import PAD_X, PAD_Y, LaidOutCell
from diffviewer.gui.colors import Scheme, scheme_for
from diffviewer.gui.find_matches import FindMatch, FindMatches
from diffviewer.gui.fonts import code_font
from diffviewer.gui.header_text import HeaderText
from diffviewer.gui.moved_marks import MoveKey, moved_key
from diffviewer.gui.pane_hits import TextSelection
from diffviewer.gui.pane_model import PaneModel, Preview
from diffviewer.gui.pane_painting import PaneHeader, paint_header, paint_panes
from diffviewer.gui.release import release_later
from diffviewer.gui.row_layout import CellKey, LayoutStyle, RowLayout
from diffviewer.gui.row_measures import RowMeasures
from diffviewer.gui.rows import LinkRow, PreparedRows, Row, Side
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.view_model import (
    BlockFacts,
    ChangePosition,
    MoveEnd,
    Navigation,
    PaneDocument,
    QuoteMark,
    Target,
)

MAP_WIDTH = 72


class ComparisonView(QAbstractScrollArea):
    current_block_changed = Signal(int)  # block index, -1 for none
    files_dropped = Signal(list, object)  # list[Path], the Side dropped on (None: inline view)
    layout_changed = Signal()
    zoom_requested = Signal(int)  # +1 / -1 steps (Ctrl+wheel)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._mode = ViewMode.SIDE_BY_SIDE
        # Rows of the other view mode once built, so switching back and forth builds each once.
        self._prepared_by_mode: dict[ViewMode, PreparedRows] = {}
        # What the worker built for the documents before comparing them (their rows and headers).
        self._preview: Preview | None = None
        self._wrap = True
        self._pending: str | None = None  # what the empty derivative pane says while comparing
        self._font = QFont(self.font())
        # Code reads in a truly monospaced font (gui/fonts.py), at the same zoom as prose.
        self._code_font = code_font(self._font.pointSize())
        self._scheme: Scheme = scheme_for(self.palette())
        self._comparison: Comparison | None = None
        self._documents: dict[Side, Document | None] = {Side.ORIGINAL: None, Side.DERIVATIVE: None}
        # What the headers say of each side's document, and the lexer of each side that is code.
        self._panes: dict[Side, PaneDocument] = {}
        self._languages: dict[Side, str | None] = {}
        self._rows: list[Row] = []
        self._measures: RowMeasures | None = None  # the rows' lines, as their model took them
        # Heights and tops of the rows, and their cells laid out once shown (gui/row_layout.py).
        self.row_layout = RowLayout(self._layout_style())
        self._anchor_row: dict[int, int] = {}  # block -> the row navigation lands on
        self._link_rows: tuple[LinkRow, ...] = ()  # sorted by their upper row
        self._paragraph_row: dict[tuple[Side, int], int] = {}
        self._blocks: tuple[BlockFacts, ...] = ()  # what hovering or copying each block tells
        self._current_block = -1
        self._find = FindMatches()
        self._selection: TextSelection | None = None
        self._quote_marks: Mapping[tuple[Side, int], tuple[QuoteMark, ...]] = {}
        self._navigation = Navigation((), ())
        self._focused_quote: Quote | None = None
        self._hovered_move: MoveKey | None = None  # the moved phrase under the mouse: both ends outlined
        self._moved_elsewhere: Mapping[MoveEnd, int] = {}  # moved phrases' ends in other blocks
        self._header = PaneHeader(self)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self._layout_width = -1.0
        self.verticalScrollBar().setSingleStep(20)
        self.horizontalScrollBar().setSingleStep(20)
        self._update_header_geometry()

    # content -----------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    @property
    def rows(self) -> list[Row]:
        return self._rows

    @property
    def mode(self) -> ViewMode:
        return self._mode

    @property
    def current_block(self) -> int:
        return self._current_block

    def document(self, side: Side) -> Document | None:
        return self._documents[side]

    def pane_document(self, side: Side) -> PaneDocument | None:
        """What a pane says of its document (its header); None while it has none."""
        return self._panes.get(side)

    @property
    def quote_marks(self) -> Mapping[tuple[Side, int], tuple[QuoteMark, ...]]:
        return self._quote_marks

    def moved_elsewhere(self, end: MoveEnd) -> int | None:
        """The paragraph of the other document holding a moved phrase's other end, when that end
        is in another block."""
        return self._moved_elsewhere.get(end)

    def set_documents(
        self, original: Document | None, derivative: Document | None, preview: Preview | None = None
    ) -> None:
        """Show documents without a comparison (one side loaded, or while the comparison runs).

        `preview`: their rows and headers, as the worker built them off the GUI thread.
        """
        self._documents = {Side.ORIGINAL: original, Side.DERIVATIVE: derivative}
        if original is None or derivative is None or self._comparison is None:
            self._comparison = None
        self._preview = preview
        self._rebuild_rows()

    def set_comparison(self, comparison: Comparison | None, prepared: PreparedRows | None = None) -> None:
        """Show `comparison`; `prepared` rows (built off the GUI thread) are used when they fit it."""
        given = [prepared, prepared.alternate] if prepared is not None and prepared.comparison is comparison else []
        if comparison is not self._comparison:
            release_later(self._comparison, list(self._prepared_by_mode.values()))
        self._prepared_by_mode = {rows.mode: rows for rows in given if rows is not None}
        keep_position = self._comparison is not None and comparison is not None
        fraction = self._scroll_fraction() if keep_position else 0.0
        self._comparison = comparison
        self._focused_quote = None
        if comparison is not None:
            self._documents = {Side.ORIGINAL: comparison.original, Side.DERIVATIVE: comparison.derivative}
        self._rebuild_rows()
        if keep_position:
            bar = self.verticalScrollBar()
            bar.setValue(round(fraction * bar.maximum()))

    def set_mode(self, mode: ViewMode) -> None:
        """Show the rows of `mode`, keeping the reader's place: the block at the top of the view
        stays at the top."""
        if mode is not self._mode:
            bar = self.verticalScrollBar()
            row = self.row_at(bar.value())
            block = self._rows[row].block if row >= 0 else None
            self._mode = mode
            self._rebuild_rows()
            at = self._anchor_row.get(block, -1) if block is not None else -1
            if at >= 0:
                self.lay_out_span(at, self.viewport().height())
                self.update_tops()
                bar.setValue(math.ceil(self.row_layout.tops[at]))  # (rounded down, it would show the row above)

    def set_wrap(self, wrap: bool) -> None:
        if wrap != self._wrap:
            self._wrap = wrap
            self._relayout()

    def set_font_point_size(self, size: int) -> None:
        if size != self._font.pointSize():
            self._font.setPointSize(size)
            self._code_font.setPointSize(size)
            self._relayout()

    def font_point_size(self) -> int:
        return self._font.pointSize()

    def cell_font(self, row: int, key: Side | None) -> QFont:
        """The font a cell is drawn in: fixed-pitch for code, the view's font for prose."""
        current = self._rows[row]
        cell = current.inline if key is None else current.left if key is Side.ORIGINAL else current.right
        return self._code_font if cell is not None and self.row_layout.is_code(cell, current) else self._font

    def laid_out_cell(self, row: int, key: CellKey) -> LaidOutCell | None:
        """A row's cell as it is painted (laid out now if it was not yet); `key` None: the inline cell."""
        if not 0 <= row < len(self._rows):
            return None
        laid = self.row_layout.laid_out(row)
        self.update_tops()
        return laid.get(key)

    def _rebuild_rows(self) -> None:
        prepared = None
        if self._comparison is not None:
            prepared = self._prepared_by_mode.get(self._mode)
            if prepared is None or prepared.comparison is not self._comparison:
                prepared = PreparedRows.of(self._comparison, self._mode)
                self._prepared_by_mode[self._mode] = prepared
        # The rows come with their index, navigation, marks and headers (gui/pane_model.py).
        model = PaneModel.of(self._documents, prepared, self._preview)
        self._rows = model.rows
        self._measures = model.measures
        self._panes, self._languages = dict(model.panes), dict(model.languages)
        self._navigation, self._quote_marks = model.navigation, model.quote_marks
        self._moved_elsewhere, self._blocks = model.moved_elsewhere, model.blocks
        self._anchor_row = model.index.anchor_row
        self._paragraph_row = model.index.paragraph_row
        self._link_rows = model.index.link_rows
        if self._current_block >= len(self._blocks):
            self._current_block = -1
        self._find.clear()
        self._selection = None
        self._hovered_move = None
        self._relayout()

    # geometry ----------------------------------------------------------------------------
    def columns(self) -> dict[Side | None, tuple[float, float]]:
        """x and width of each text column in the viewport; None keys the inline column."""
        width = float(self.viewport().width())
        if self._mode is ViewMode.INLINE and self._comparison is not None:
            return {None: (0.0, width)}
        column = max(80.0, (width - MAP_WIDTH) / 2)
        return {Side.ORIGINAL: (0.0, column), Side.DERIVATIVE: (column + MAP_WIDTH, column)}

    def text_column_width(self, side: Side | None) -> float:
        """The width of a pane's text column (None: the inline one), 0 when it is not shown."""
        column = self.columns().get(side)
        return column[1] if column is not None else 0.0

    def _gutter_width(self) -> float:
        return QFontMetricsF(self._small_font()).horizontalAdvance("00000") + 6

    def _small_font(self) -> QFont:
        small = QFont(self._font)
        small.setPointSizeF(max(6.0, self._font.pointSizeF() * 0.8))
        return small

    def _text_width(self, column_width: float) -> float:
        return max(40.0, column_width - 2 * PAD_X - self._gutter_width())

    def _layout_style(self) -> LayoutStyle:
        widths = {key: self._text_width(width) for key, (_, width) in self.columns().items()}
        return LayoutStyle(self._font, self._code_font, self._wrap, self._scheme, self._languages, widths)

    def _relayout(self) -> None:
        """Forget laid-out text and estimate every row's height; rows are laid out when shown."""
        style = self._layout_style()
        self.row_layout.relayout(self._rows, style, self._measures)
        self._layout_width = float(self.viewport().width())
        self.update_tops()
        hbar = self.horizontalScrollBar()
        if self._wrap or not style.text_widths:
            hbar.setRange(0, 0)
        else:
            text_width = min(style.text_widths.values())
            hbar.setPageStep(round(text_width))
            hbar.setRange(0, max(0, round(self.row_layout.widest_line() * 1.1 - text_width)))
        self.viewport().update()
        self._header.update()
        self.layout_changed.emit()

    def update_tops(self) -> None:
        """The rows' tops again after laying some out, and the scroll bar's range to match."""
        self.row_layout.update_tops()
        self._update_scroll_range()

    def _update_scroll_range(self) -> None:
        viewport_height = self.viewport().height()
        bar = self.verticalScrollBar()
        bar.setPageStep(viewport_height)
        bar.setRange(0, max(0, round(self.row_layout.content_height()) - viewport_height))

    def lay_out_span(self, first: int, height: float) -> None:
        """Lay out rows from `first` on until they fill `height` pixels."""
        if self.row_layout.lay_out_span(first, height):
            self._update_scroll_range()

    def content_height(self) -> float:
        return self.row_layout.content_height()

    def row_extent(self, row: int) -> tuple[float, float]:
        """Top and bottom of a row in content coordinates (what the overview ruler maps)."""
        return self.row_layout.row_extent(row)

    def row_at(self, content_y: float) -> int:
        """The row at a height in content coordinates, or -1."""
        return self.row_layout.row_at(content_y)

    def side_at(self, x: float) -> Side | None:
        """The pane at a viewport x (None between them, or inline)."""
        for side, (left, width) in self.columns().items():
            if left <= x < left + width:
                return side
        return None

    def _scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def _update_header_geometry(self) -> None:
        self.setViewportMargins(0, self._header.fitted_height(), 0, 0)
        self._header.place()

    # events ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_header_geometry()
        if self.viewport().width() != self._layout_width:
            self._relayout()
        else:
            bar = self.verticalScrollBar()
            bar.setPageStep(self.viewport().height())
            self._update_scroll_range()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._scheme = scheme_for(self.palette())
            self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1
            self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        bar = self.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_Home and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            bar.setValue(0)
        elif key == Qt.Key.Key_End and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        row = self.row_at(event.position().y() + self.verticalScrollBar().value())
        block = self._rows[row].block if row >= 0 else None
        self.set_current_block(-1 if block is None else block)
        hit = self.text_position_at(event.position())
        self._selection = TextSelection(hit.row, hit.key, hit.position, hit.position) if hit is not None else None
        self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hovered = pane_hits.moved_at(self, event.position())
        move = None if hovered is None else moved_key(hovered.laid, hovered.span)
        if move != self._hovered_move:
            self._hovered_move = move
            self.viewport().update()
        selection = self._selection
        if selection is not None and event.buttons() & Qt.MouseButton.LeftButton:
            cursor = pane_hits.position_in_cell(self, event.position(), selection.row, selection.key)
            self._selection = selection.moved_to(cursor)
            self.viewport().update()
        super().mouseMoveEvent(event)

    def text_position_at(self, point: QPointF) -> pane_hits.TextPosition | None:
        """The text under a viewport point, if any (gui/pane_hits.py)."""
        return pane_hits.text_position_at(self, point)

    @property
    def selection(self) -> TextSelection | None:
        return self._selection

    @property
    def hovered_move(self) -> MoveKey | None:
        """The moved phrase under the mouse (its id): both its ends are outlined."""
        return self._hovered_move

    def cell_origin(self, row: int, key: Side | None) -> QPointF:
        """Where a cell's text layout is drawn, in viewport coordinates (scrolling included)."""
        left, _ = self.columns().get(key, (0.0, 0.0))
        return QPointF(
            left + PAD_X + self._gutter_width() - self.horizontalScrollBar().value(),
            self.row_layout.tops[row] + PAD_Y - self.verticalScrollBar().value(),
        )

    def selected_text(self) -> str:
        return pane_hits.selected_text(self, self._selection)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.Leave and self._hovered_move is not None:
            self._hovered_move = None
            self.viewport().update()
        return super().viewportEvent(event)

    # drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]  # noqa: N802
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = _local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths, self.side_at(event.position().x()))

    # navigation --------------------------------------------------------------------------
    def set_current_block(self, block: int) -> None:
        if block != self._current_block:
            self._current_block = block
            self.viewport().update()
            self.current_block_changed.emit(block)

    def _step(self, targets: tuple[Target, ...], forward: bool) -> bool:
        return pane_scroll.step(self, targets, forward)

    def next_change(self) -> bool:
        return self._step(self._navigation.changes, forward=True)

    def previous_change(self) -> bool:
        return self._step(self._navigation.changes, forward=False)

    def change_position(self) -> ChangePosition:
        """Which change (in reading order) the current block is, of how many."""
        return self._navigation.position(self._current_block)

    def next_moved(self) -> bool:
        return self._step(self._navigation.moved, forward=True)

    def previous_moved(self) -> bool:
        return self._step(self._navigation.moved, forward=False)

    def scroll_to_row(self, row: int) -> None:
        """Bring a row into view, a third of the way down, as editors do for a jump."""
        pane_scroll.scroll_to_row(self, row)

    def scroll_to_paragraph(self, side: Side, paragraph: int) -> None:
        row = self._paragraph_row.get((side, paragraph))
        if row is not None:
            self.scroll_to_row(row)

    def paragraph_row(self, side: Side, paragraph: int) -> int:
        """The row showing a paragraph of one side, or -1."""
        return self._paragraph_row.get((side, paragraph), -1)

    def row_in_view(self, row: int) -> bool:
        bar = self.verticalScrollBar()
        top, bottom = self.row_layout.row_extent(row)
        return bottom > bar.value() and top < bar.value() + self.viewport().height()

    def anchor_row(self, block: int) -> int:
        return self._anchor_row.get(block, -1)

    # find --------------------------------------------------------------------------------
    def set_find_text(self, text: str, case_sensitive: bool = False) -> int:
        """Mark every occurrence of `text`; returns how many there are."""
        count = self._find.search(self._rows, text, case_sensitive)
        self.viewport().update()
        return count

    def find_step(self, forward: bool = True) -> int:
        """Move to the next (or previous) match, wrapping around; returns its 0-based number or -1."""
        found = self._find.step(forward, self.row_at(self.verticalScrollBar().value()))
        if found >= 0:
            self.scroll_to_row(self._find.matches[found].row)
            self.viewport().update()
        return found

    @property
    def matches(self) -> tuple[FindMatch, ...]:
        return tuple(self._find.matches)

    @property
    def find_match_count(self) -> int:
        return len(self._find.matches)

    @property
    def current_match(self) -> int:
        return self._find.current

    # what the panes say ------------------------------------------------------------------
    def gutter_labels(self, laid: LaidOutCell) -> list[tuple[float, str]]:
        """Where each number of a cell's gutter goes (gui/pane_text.py)."""
        return pane_text.gutter_labels(laid)

    def tooltip_at(self, point: QPointF) -> str:
        return pane_text.tooltip_at(self, point)

    def header_text(self, side: Side | None) -> HeaderText:
        return pane_text.header_text(self, side)

    # painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        paint_panes(self, QPainter(self.viewport()))

    def paint_header(self, painter: QPainter, rect: QRectF) -> None:
        paint_header(self, painter, rect)

    @property
    def pending_note(self) -> str | None:
        return self._pending

    def set_pending(self, note: str | None) -> None:
        """What the empty pane says while its document is being read and compared (None: the
        invitation to drop one)."""
        if note != self._pending:
            self._pending = note
            self.viewport().update()

    def show_quote(self, quote: Quote) -> None:
        """Jump to a quotation and outline it and its source."""
        self._focused_quote = quote
        pane_scroll.show_quote(self, quote)
        self.viewport().update()

    @property
    def focused_quote(self) -> Quote | None:
        return self._focused_quote

    def header_label(self, side: Side | None) -> str:
        """What a pane's header says, given room: the document, its kind and its length."""
        return self.header_text(side).whole

    def block_facts(self, block: int | None) -> BlockFacts | None:
        """What the view model tells of a block (its tooltip's facts, its text); None for no block."""
        return self._blocks[block] if block is not None and 0 <= block < len(self._blocks) else None

    def block_text(self, block: int) -> str:
        """What a block says: the derivative's words, or the original's for a dropped paragraph."""
        facts = self.block_facts(block)
        return facts.text if facts is not None else ""

    def copy_current_block(self) -> bool:
        """Copy the selected text, or the whole selected block when nothing is selected."""
        text = self.selected_text() or self.block_text(self._current_block)
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)


def _local_paths(urls: list) -> list[Path]:  # type: ignore[type-arg]
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
