"""The row layout rules, without a display: level rows, moved paragraphs in their original place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind
from diffviewer.gui.rows import Side, inline_rows, side_by_side_rows
from tests.core.helpers import doc

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
