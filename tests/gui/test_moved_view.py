"""Moved phrases in the window: tinted at both ends in the panes and inline, linked on hover."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.core.compare import compare
from diffviewer.core.model import ChangeOp, Comparison
from diffviewer.gui.cell_layout import span_rects
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.legend import Legend
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side, inline_rows, side_by_side_rows
from diffviewer.gui.spans import Span
from diffviewer.gui.view_mode import ViewMode
from tests.core.helpers import doc
from tests.gui.conftest import compared, write

QUOTE_FIRST = "“We will not back down,” the mayor told reporters at the town hall."
QUOTE_LAST = "The mayor told reporters at the town hall: “we will not back down.”"


def _open(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Comparison:
    original = write(tmp_path / "a.txt", QUOTE_FIRST)
    derivative = write(tmp_path / "b.txt", QUOTE_LAST)
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    return comparison


def _moved_spans(view: ComparisonView, key: Side | None) -> list[Span]:
    laid = view.laid_out_cell(0, key)
    assert laid is not None
    return [span for span in laid.cell.spans if span.moved is not None]


def _span_rect(view: ComparisonView, key: Side | None, span: Span) -> QRectF:
    """Where a span's first line is painted, in viewport coordinates."""
    laid = view.laid_out_cell(0, key)
    assert laid is not None
    rect = span_rects(laid.layout, laid.to_qt(span.start), laid.to_qt(span.end))[0]
    return rect.translated(view.cell_origin(0, key))


def _background(image: QImage, rect: QRectF) -> QColor:
    """The commonest colour inside a rectangle: the tint behind the glyphs."""
    inner = rect.adjusted(2, 2, -2, -2)
    counts = Counter(
        image.pixel(x, y)
        for x in range(int(inner.left()), int(inner.right()))
        for y in range(int(inner.top()), int(inner.bottom()))
    )
    return QColor(counts.most_common(1)[0][0])


def _composite(view: ComparisonView, *layers: QColor) -> QColor:
    """What translucent layers over the view's base come to, painted the way the view paints them."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(view.palette().base().color())
    painter = QPainter(image)
    for layer in layers:
        painter.fillRect(QRectF(0, 0, 4, 4), layer)
    painter.end()
    return QColor(image.pixel(1, 1))


def _close(a: QColor, b: QColor, tolerance: int = 4) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _hover(view: ComparisonView, point: QPointF) -> None:
    buttons, modifiers = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    event = QMouseEvent(QEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def test_rows_carry_the_moved_id_on_both_sides_and_inline() -> None:
    comparison = compare(doc(QUOTE_FIRST), doc(QUOTE_LAST))
    (row,) = side_by_side_rows(comparison)
    assert row.left is not None and row.right is not None
    (gone,) = [s for s in row.left.spans if s.moved is not None]
    (came,) = [s for s in row.right.spans if s.moved is not None]
    assert row.left.text[gone.start : gone.end] == "We will not back down"
    assert row.right.text[came.start : came.end] == "we will not back down"
    assert gone.moved == came.moved == 1 and not gone.paired and not came.paired
    (inline,) = inline_rows(comparison)
    assert inline.inline is not None
    ends = [(s.op, inline.inline.text[s.start : s.end]) for s in inline.inline.spans if s.moved == 1]
    assert ends == [(ChangeOp.DELETE, "We will not back down"), (ChangeOp.INSERT, "we will not back down")]


def test_both_panes_paint_a_moved_phrase_in_the_moved_colour(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    _open(qtbot, window, tmp_path)
    view = window.view
    scheme = view._scheme
    image = view.viewport().grab().toImage()
    (gone,) = _moved_spans(view, Side.ORIGINAL)
    (came,) = _moved_spans(view, Side.DERIVATIVE)
    laid = view.laid_out_cell(0, Side.ORIGINAL)
    assert laid is not None
    tint = scheme.row_tint(laid.cell.kind)
    assert tint is not None
    moved = _composite(view, tint, scheme.word_moved)
    for key, span in ((Side.ORIGINAL, gone), (Side.DERIVATIVE, came)):
        assert _close(_background(image, _span_rect(view, key, span)), moved), key
    # A plain removal beside it keeps the removal's colour: the moved tint is the moved phrase's own.
    laid = view.laid_out_cell(0, Side.ORIGINAL)
    assert laid is not None
    removed = next(s for s in laid.cell.spans if s.moved is None and s.end - s.start > 3)
    colour = _background(image, _span_rect(view, Side.ORIGINAL, removed))
    assert not _close(colour, moved)
    assert _close(colour, _composite(view, tint, scheme.word_background(ChangeOp.DELETE, removed.paired)))


def test_the_inline_view_paints_both_ends_in_the_moved_colour(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    _open(qtbot, window, tmp_path)
    view = window.view
    view.set_mode(ViewMode.INLINE)
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    ends = _moved_spans(view, None)
    assert [s.op for s in ends] == [ChangeOp.DELETE, ChangeOp.INSERT]
    laid = view.laid_out_cell(0, None)
    assert laid is not None
    tint = view._scheme.row_tint(laid.cell.kind)
    assert tint is not None
    moved = _composite(view, tint, view._scheme.word_moved)
    for span in ends:
        assert _close(_background(image, _span_rect(view, None, span)), moved)


def test_hovering_one_end_outlines_both_and_says_where_the_other_is(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open(qtbot, window, tmp_path)
    view = window.view
    (gone,) = _moved_spans(view, Side.ORIGINAL)
    (came,) = _moved_spans(view, Side.DERIVATIVE)
    target = _span_rect(view, Side.ORIGINAL, gone)
    before = view.viewport().grab().toImage()
    point = _span_rect(view, Side.DERIVATIVE, came).center()
    _hover(view, point)
    assert view.hovered_move == 1
    assert "Moved phrase 1" in view.tooltip_at(point)
    after = view.viewport().grab().toImage()
    # The other end, in the other pane, is outlined now: its edge changed colour.
    edge = [(int(target.left()) + dx, int(target.center().y())) for dx in range(-2, 3)]
    assert any(before.pixel(x, y) != after.pixel(x, y) for x, y in edge)
    # Away from any moved phrase, nothing is hovered.
    away = QPointF(5, view.viewport().height() - 5)
    _hover(view, away)
    assert view.hovered_move is None
    assert "Moved phrase" not in view.tooltip_at(away)


def test_the_summary_counts_moved_words_as_kept(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    comparison = _open(qtbot, window, tmp_path)
    assert comparison.stats.words_moved == 5
    assert "(5 of them moved)" in window.summary_panel.text()
    assert "(5 of them moved)" in window.summary_label.text()


def test_the_legend_names_moved_words(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    assert "moved words" in [label for _, label in legend._items]
    assert "moved" in legend.toolTip()


def _hover_span(qtbot: QtBot, view: ComparisonView, row: int, key: Side, span: Span) -> QPointF:
    """Scroll a row into view and move the mouse onto a span of it; where the mouse is."""
    view.scroll_to_row(row)
    qtbot.wait(10)
    laid = view.laid_out_cell(row, key)
    assert laid is not None
    rect = span_rects(laid.layout, laid.to_qt(span.start), laid.to_qt(span.end))[0]
    point = rect.translated(view.cell_origin(row, key)).center()
    _hover(view, point)
    return point


def _moved_in_rows(view: ComparisonView, key: Side) -> list[tuple[int, Span]]:
    found = []
    for row in range(len(view._rows)):
        laid = view.laid_out_cell(row, key)
        if laid is not None:
            found.extend((row, span) for span in laid.cell.spans if span.moved is not None)
    return found


def test_a_sentence_moved_into_another_paragraph_is_linked_across_rows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.core.test_moved import MOVED_ACROSS_DERIVATIVE, MOVED_ACROSS_ORIGINAL

    original = write(tmp_path / "a.txt", *MOVED_ACROSS_ORIGINAL)
    derivative = write(tmp_path / "b.txt", *MOVED_ACROSS_DERIVATIVE)
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    view = window.view
    ((gone_row, gone),) = _moved_in_rows(view, Side.ORIGINAL)
    ((came_row, came),) = _moved_in_rows(view, Side.DERIVATIVE)
    assert gone_row != came_row and gone.moved == came.moved
    point = _hover_span(qtbot, view, came_row, Side.DERIVATIVE, came)
    assert view.hovered_move == came.moved
    assert "moved here from paragraph 2 of the original" in view.tooltip_at(point)
    point = _hover_span(qtbot, view, gone_row, Side.ORIGINAL, gone)
    assert "kept by the derivative, in its paragraph 5" in view.tooltip_at(point)
    window.grab().save(str(tmp_path / "moved-across.png"))


def test_the_tooltip_names_the_paragraph_of_a_block_that_holds_the_other_end(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.core.test_moved import MOVED_ACROSS_DERIVATIVE, MOVED_ACROSS_ORIGINAL, MOVED_SENTENCE

    # The original's last paragraph is split in two, and the moved sentence ends the second half:
    # the other end is in derivative paragraph 6 of a block holding paragraphs 5 and 6.
    first, second = MOVED_ACROSS_ORIGINAL[4].split(". ", 1)
    derivative_paragraphs = (*MOVED_ACROSS_DERIVATIVE[:4], f"{first}.", f"{second} {MOVED_SENTENCE}")
    original = write(tmp_path / "a.txt", *MOVED_ACROSS_ORIGINAL)
    derivative = write(tmp_path / "b.txt", *derivative_paragraphs)
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    assert (4, 5) in [b.derivative for b in comparison.blocks]
    view = window.view
    ((gone_row, gone),) = _moved_in_rows(view, Side.ORIGINAL)
    point = _hover_span(qtbot, view, gone_row, Side.ORIGINAL, gone)
    assert "kept by the derivative, in its paragraph 6" in view.tooltip_at(point)
