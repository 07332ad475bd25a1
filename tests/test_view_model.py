"""The window's view model without a display: rows, where next/previous lands, which change the
reader is on, which quotations are outlined where. (Outside tests/gui: no QApplication here.)"""

from __future__ import annotations

import subprocess
import sys

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, QuoteStatus, Side
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.view_model import Navigation, Target
from tests.core.helpers import doc

PARAGRAPHS = [f"Section {n} tells of the harbour{n} and its lantern{n}, kept in good order." for n in range(8)]


def _pair() -> PreparedRows:
    derivative = list(PARAGRAPHS)
    derivative[2] = derivative[2].replace("good", "fine")
    derivative[5] = "A new paragraph about orchards, which the original never had."
    derivative.append('He said "the harbour is closed", which no one had said.')
    return PreparedRows.both(compare(doc(*PARAGRAPHS), doc(*derivative)), ViewMode.SIDE_BY_SIDE)


def test_the_view_model_imports_no_qt() -> None:
    code = (
        "import sys, diffviewer.gui.view_model, diffviewer.gui.rows\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


def test_navigation_stops_at_every_change_in_reading_order() -> None:
    prepared = _pair()
    blocks = prepared.comparison.blocks
    changes = prepared.navigation.changes
    assert [blocks[t.block].kind is not BlockKind.EQUAL for t in changes] == [True] * len(changes)
    assert len(changes) == sum(1 for b in blocks if b.kind is not BlockKind.EQUAL)
    assert [t.row for t in changes] == sorted(t.row for t in changes)
    assert all(prepared.index.anchor_row[t.block] == t.row for t in changes)


def test_a_step_goes_to_the_next_or_previous_target_and_stops_at_the_ends() -> None:
    targets = (Target(2, 10), Target(5, 11), Target(9, 12))
    assert Navigation.step(targets, -1, forward=True) == Target(2, 10)
    assert Navigation.step(targets, 2, forward=True) == Target(5, 11)
    assert Navigation.step(targets, 9, forward=True) is None
    assert Navigation.step(targets, 9, forward=False) == Target(5, 11)
    assert Navigation.step(targets, 2, forward=False) is None


def test_the_position_counts_changes_from_one() -> None:
    prepared = _pair()
    first, *_, last = prepared.navigation.changes
    total = len(prepared.navigation.changes)
    assert prepared.navigation.position(first.block).number == 1
    assert prepared.navigation.position(last.block).number == total
    unchanged = next(n for n, b in enumerate(prepared.comparison.blocks) if b.kind is BlockKind.EQUAL)
    assert prepared.navigation.position(unchanged).number == 0


def test_flagged_quotations_are_marked_where_the_panes_outline_them() -> None:
    prepared = _pair()
    flagged = [q for q in prepared.comparison.quotes if q.status is not QuoteStatus.VERBATIM]
    assert flagged
    for quote in flagged:
        marks = prepared.quote_marks[Side.DERIVATIVE, quote.paragraph]
        assert any(m.quote is quote and (m.start, m.end) == (quote.start, quote.end) for m in marks)
    # Both view modes share one set of marks.
    assert prepared.alternate is not None and prepared.alternate.quote_marks is prepared.quote_marks


def test_find_lists_matches_in_reading_order_and_steps_round() -> None:
    from diffviewer.gui.find_matches import FindMatches

    prepared = _pair()
    found = FindMatches()
    count = found.search(prepared.rows, "HARBOUR1")  # case set aside
    assert count == 2  # the original's paragraph and the derivative's, on one row
    assert [m.side for m in found.matches] == [Side.ORIGINAL, Side.DERIVATIVE]
    assert found.matches[0].row == found.matches[1].row
    assert found.step(forward=True, top_row=0) == 0
    assert found.step(forward=True, top_row=0) == 1
    assert found.step(forward=True, top_row=0) == 0  # wraps round
    assert found.search(prepared.rows, "HARBOUR1", case_sensitive=True) == 0
    emoji = FindMatches()
    rows = PreparedRows.of(compare(doc("🙂 harbour"), doc("🙂 harbour!")), ViewMode.INLINE).rows
    emoji.search(rows, "harbour")
    assert emoji.matches[0].start == 3  # UTF-16: the emoji takes two units
