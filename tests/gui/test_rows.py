"""The row layout rules, without a display: level rows, moved paragraphs in their original place."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, ChangeOp, Document, Paragraph, Role
from diffviewer.gui.rows import (
    TAB_COLUMNS,
    Cell,
    GutterLabel,
    Row,
    Side,
    Span,
    inline_rows,
    side_by_side_rows,
    single_document_rows,
)
from tests.core.helpers import code, doc

WORDS = ["harbour", "lantern", "orchard", "council", "budget", "memo", "safety", "open", "source", "models"]
paragraphs = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraphs, max_size=10), st.lists(paragraphs, max_size=10))
def test_every_paragraph_shows_once_on_its_own_side(a: list[str], b: list[str]) -> None:
    comparison = compare(doc(*a), doc(*b))
    rows = side_by_side_rows(comparison)
    left = [i for row in rows if row.left for i in row.left.paragraphs]
    right = [j for row in rows if row.right for j in row.right.paragraphs]
    assert sorted(left) == list(range(len(a)))
    assert sorted(right) == list(range(len(b)))
    # The derivative reads top to bottom in its own order.
    assert right == sorted(right)
    assert all(row.left is None or row.left.side is Side.ORIGINAL for row in rows)
    inline = inline_rows(comparison)
    assert len(inline) == len(comparison.blocks)


def test_moved_paragraph_is_shown_where_the_original_had_it() -> None:
    texts = [f"Paragraph {n} names the harbour{n} lantern{n} orchard{n} council{n} budget{n}." for n in range(8)]
    moved = [t for n, t in enumerate(texts) if n != 2] + [texts[2]]
    comparison = compare(doc(*texts), doc(*moved))
    assert [b.kind for b in comparison.blocks].count(BlockKind.MOVED) == 1
    rows = side_by_side_rows(comparison)
    left_order = [row.left.paragraphs[0] for row in rows if row.left]
    assert left_order == list(range(8))  # the original reads in its own order
    moved_rows = [n for n, row in enumerate(rows) if row.left and row.left.kind is BlockKind.MOVED]
    assert len(moved_rows) == 1 and rows[moved_rows[0]].right is None


def test_replacements_are_paired_across_the_sides() -> None:
    comparison = compare(doc("The memo was rigorous about safety."), doc("The memo was tough about safety."))
    row = side_by_side_rows(comparison)[0]
    assert row.left is not None and row.right is not None
    (deleted,) = row.left.spans
    (inserted,) = row.right.spans
    assert row.left.text[deleted.start : deleted.end] == "rigorous"
    assert row.right.text[inserted.start : inserted.end] == "tough"
    assert deleted.paired and inserted.paired


lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
# Blocks of code: several lines each, some indented, as the code loader makes them.
code_paragraphs = st.lists(lines.map(lambda line: "    " + line) | lines, min_size=1, max_size=4).map("\n".join)


def _without(text: str, spans: tuple[Span, ...], op: ChangeOp, offset: int) -> str:
    """`text` (which starts at `offset` in its cell) with the spans of one kind cut out."""
    kept, at = [], 0
    for span in spans:
        if span.op is op:
            start, end = max(0, span.start - offset), max(0, span.end - offset)
            kept.append(text[at:start])
            at = max(at, end)
    kept.append(text[at:])
    return "".join(kept)


@settings(max_examples=80, deadline=None)
@given(st.lists(code_paragraphs, min_size=1, max_size=6), st.lists(code_paragraphs, min_size=1, max_size=6))
def test_paragraph_starts_hold_for_paragraphs_with_line_breaks(a: list[str], b: list[str]) -> None:
    comparison = compare(doc(*a), doc(*b))
    documents = {Side.ORIGINAL: comparison.original, Side.DERIVATIVE: comparison.derivative}
    for row in side_by_side_rows(comparison):
        for cell in (row.left, row.right):
            if cell is None:
                continue
            for position, paragraph in enumerate(cell.paragraphs):
                start, end = cell.paragraph_starts[position], cell.paragraph_end(position)
                assert cell.text[start:end] == documents[cell.side].paragraphs[paragraph].text
    for row in inline_rows(comparison):
        cell = row.inline
        assert cell is not None
        # The inline text mixes both sides: without the other side's words, each paragraph reads
        # exactly as in its own document.
        other = ChangeOp.DELETE if cell.side is Side.DERIVATIVE else ChangeOp.INSERT
        for position, paragraph in enumerate(cell.paragraphs):
            start, end = cell.paragraph_starts[position], cell.paragraph_end(position)
            own = _without(cell.text[start:end], cell.spans, other, start)
            assert own == documents[cell.side].paragraphs[paragraph].text


def test_a_split_block_of_code_starts_its_second_paragraph_after_the_break() -> None:
    original = doc("def f(x):\n    y = x + 1\n    return y\nprint(f(2))")
    derivative = doc("def f(x):\n    y = x + 1\n    return y", "print(f(2))")
    comparison = compare(original, derivative)
    (row,) = [r for r in side_by_side_rows(comparison) if r.right is not None and len(r.right.paragraphs) == 2]
    assert row.right is not None
    assert row.right.paragraph_starts == (0, len("def f(x):\n    y = x + 1\n    return y") + 1)
    assert row.left is not None and row.left.paragraph_starts == (0,)


def test_a_cell_refuses_starts_that_do_not_match_its_paragraphs() -> None:
    with pytest.raises(ValueError):
        Cell(Side.ORIGINAL, None, None, (0, 1), "a\nb\nc", (), (0,))


def test_cells_measure_their_lines_once_tabs_as_whole_stops() -> None:
    cell = Cell(Side.ORIGINAL, 0, BlockKind.EQUAL, (0,), "if x:\n\treturn 1\n")
    assert cell.line_lengths == (5, len("\treturn 1") + TAB_COLUMNS - 1, 0)
    assert cell.widest_line == len("return 1") + TAB_COLUMNS
    row = Row(left=cell, right=None)
    assert row.cells == (cell,)


def _with_roles(document: Document, *roles: Role) -> Document:
    return replace(
        document, paragraphs=tuple(replace(p, role=r) for p, r in zip(document.paragraphs, roles, strict=True))
    )


def test_cells_carry_their_paragraphs_roles_from_the_documents() -> None:
    original = _with_roles(
        doc("Harbour news", "The lantern was lit.", "Old orchard."), Role.HEADING, Role.BODY, Role.QUOTE
    )
    derivative = _with_roles(doc("Harbour news", "The lantern was lit at dusk."), Role.HEADING, Role.LIST)
    comparison = compare(original, derivative)
    documents = {Side.ORIGINAL: original, Side.DERIVATIVE: derivative}
    for rows in (side_by_side_rows(comparison), inline_rows(comparison), single_document_rows(original, Side.ORIGINAL)):
        for row in rows:
            for cell in row.cells:
                expected = tuple(documents[cell.side].paragraphs[p].role for p in cell.paragraphs)
                assert cell.paragraph_roles == expected


def test_the_gutter_numbers_paragraphs_and_brackets_the_dropped_ones_inline() -> None:
    comparison = compare(
        doc("One harbour.", "Two lanterns.", "Three orchards."), doc("One harbour.", "Three orchards.")
    )
    side = [label.text for row in side_by_side_rows(comparison) for cell in row.cells for label in cell.gutter_labels]
    assert sorted(side) == ["1", "1", "2", "2", "3"]  # original 1-3, derivative 1-2
    inline = [label.text for row in inline_rows(comparison) for label in row.cells[0].gutter_labels]
    assert inline == ["1", "(2)", "2"]  # the derivative's numbers; the original's 2nd, dropped, in brackets


def test_the_gutter_of_code_numbers_the_files_lines() -> None:
    # Code keeps each block's first line in its file; blank lines between blocks are not kept.
    lines = (Paragraph(0, "def f():\n    return 1", line=3), Paragraph(1, "print(f())", line=7))
    document = replace(code(), paragraphs=lines)
    (first, second) = single_document_rows(document, Side.ORIGINAL)
    assert first.cells[0].gutter_labels == (GutterLabel(0, "3", 0), GutterLabel(0, "4", len("def f():") + 1))
    assert second.cells[0].gutter_labels == (GutterLabel(0, "7", 0),)
    # A cell built without them numbers its paragraphs plainly.
    assert Cell(Side.ORIGINAL, None, None, (4, 5), "a\nb", (), (0, 2)).gutter_labels == (
        GutterLabel(0, "5"),
        GutterLabel(1, "6"),
    )
