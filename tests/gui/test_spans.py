"""A cell's spans, made from its block's changes when first read (gui/spans.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, Change, ChangeOp
from diffviewer.core.moved import is_replacement, mark_moved
from diffviewer.gui import spans as spans_module
from diffviewer.gui.rows import inline_rows, side_by_side_rows
from diffviewer.gui.spans import ChangeSpans, Span, SpanView, spans_of
from tests.core.helpers import doc

texts = st.text(alphabet="ab c.\n", min_size=1, max_size=6)
# Equal runs with the derivative's own spelling too (what the options ignore, typography).
changes_lists = st.lists(
    st.one_of(
        st.builds(Change, st.sampled_from(list(ChangeOp)), texts),
        st.builds(Change, st.just(ChangeOp.EQUAL), texts, texts),
    ),
    max_size=10,
).map(mark_moved)


def _shown(changes: list[Change], view: SpanView) -> str:
    if view is SpanView.ORIGINAL:
        return "".join(c.original_side for c in changes)
    if view is SpanView.DERIVATIVE:
        return "".join(c.derivative_side for c in changes)
    return "".join(c.text for c in changes)


@settings(max_examples=200, deadline=None)
@given(changes_lists, st.sampled_from(list(SpanView)))
def test_each_span_is_a_change_where_its_view_shows_it(changes: tuple[Change, ...], view: SpanView) -> None:
    ops = {
        SpanView.ORIGINAL: {ChangeOp.DELETE},
        SpanView.DERIVATIVE: {ChangeOp.INSERT},
        SpanView.INLINE: {ChangeOp.DELETE, ChangeOp.INSERT},
    }[view]
    marked = [(n, c) for n, c in enumerate(changes) if c.op in ops]
    found = spans_of(changes, view)
    text = _shown(list(changes), view)
    assert len(found) == len(marked)
    for span, (n, change) in zip(found, marked, strict=True):
        assert text[span.start : span.end] == change.text
        assert (span.op, span.moved, span.paired) == (change.op, change.moved, is_replacement(changes, n))
    # Read lazily or made at once, they are the same spans (equal to them only as a tuple).
    lazy = ChangeSpans(changes, view)
    assert lazy == found and tuple(lazy) == found and len(lazy) == len(found)
    assert list(lazy[1:]) == list(found[1:]) and hash(lazy) == hash(found)
    assert lazy != list(found)


def test_rows_make_no_spans_until_a_cell_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[SpanView] = []
    real = spans_module.spans_of

    def counted(changes: tuple[Change, ...], view: SpanView) -> tuple[Span, ...]:
        made.append(view)
        return real(changes, view)

    monkeypatch.setattr(spans_module, "spans_of", counted)
    comparison = compare(
        doc("The council met on Monday.", "It approved the timetable."),
        doc("The council met on Tuesday.", "It approved the new timetable."),
    )
    rows = side_by_side_rows(comparison) + inline_rows(comparison)
    assert made == []  # a book's hundreds of thousands of changes: none turned into spans yet
    cell = rows[0].right
    assert cell is not None and cell.kind is not BlockKind.EQUAL
    assert [cell.text[s.start : s.end] for s in cell.spans] == ["Tuesday"]
    assert made == [SpanView.DERIVATIVE]
    list(cell.spans)
    assert made == [SpanView.DERIVATIVE]  # made once, then kept
