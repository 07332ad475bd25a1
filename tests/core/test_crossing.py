"""Moved ids over a whole comparison (core/crossing.py): unique across blocks, both ends of a
phrase keeping one id; a sentence moved into a paragraph aligned elsewhere is marked at both ends."""

from __future__ import annotations

from typing import Any

import pytest

from diffviewer.core import compare as compare_module
from diffviewer.core import drafting
from diffviewer.core.align import Group
from diffviewer.core.compare import compare
from diffviewer.core.crossing import Draft, numbered
from diffviewer.core.drafting import made
from diffviewer.core.model import Change, ChangeOp
from tests.core.helpers import doc


def _draft(*moved: int) -> Draft:
    changes = tuple(Change(op, f"phrase {n}", moved=n) for n in moved for op in (ChangeOp.DELETE, ChangeOp.INSERT))
    group = Group((0,), (0,), False)
    return made(group, changes, prose=True, cases=None)


def test_ids_are_made_unique_block_by_block_and_pairs_keep_theirs() -> None:
    drafts = numbered([_draft(1, 2), _draft(), _draft(1), _draft(1, 2, 3)])
    ids = [[c.moved for c in d.changes] for d in drafts]
    assert ids == [[1, 1, 2, 2], [], [3, 3], [4, 4, 5, 5, 6, 6]]


def test_a_sentence_moved_into_another_paragraph_is_moved_at_both_ends() -> None:
    moved = "The harbour master will retire after forty years of service at the port."
    original = doc(
        f"The ferry timetable changes in spring. {moved}",
        "Lanterns on the pier were repaired last week by the council.",
        "Fares stay the same for residents of the island.",
    )
    derivative = doc(
        "The ferry timetable changes in spring.",
        "Lanterns on the pier were repaired last week by the council.",
        f"Fares stay the same for residents of the island. {moved}",
    )
    comparison = compare(original, derivative)
    ends = [(c.op, c.moved) for b in comparison.blocks for c in b.changes if c.moved is not None]
    assert {op for op, _ in ends} == {ChangeOp.DELETE, ChangeOp.INSERT}
    assert len({moved_id for _, moved_id in ends}) == 1
    assert comparison.stats.words_deleted == 0


def test_a_block_cut_by_several_crossings_is_judged_again_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two sentences of the first paragraph moved into the last: two crossings cut both blocks,
    # and each block is judged anew only once, after all of them (a book's reordered chapters
    # cut one block hundreds of times).
    first = "The harbour master will retire after forty years of service at the port."
    second = "Her deputy takes over the lighthouse keys and the tide tables next month."
    stays = "The ferry timetable changes in spring. Boats leave earlier on weekdays. The night crossing is cancelled."
    fares = "Fares stay the same for residents of the island. Visitors pay two pounds more. Children travel free."
    lanterns = "Lanterns on the pier were repaired last week by the council."
    original = doc(f"{first} {stays} {second}", lanterns, fares)
    derivative = doc(stays, lanterns, f"{first} {fares} {second}")
    remade: list[tuple[int, ...]] = []

    def counting(group: Group, *args: Any, **kwargs: Any) -> Draft:
        remade.append(group.original + tuple(-1 - j for j in group.derivative))
        return drafting.made(group, *args, **kwargs)

    alone = compare(original, derivative)
    monkeypatch.setattr(compare_module, "made", counting)
    again = compare(original, derivative)
    assert again == alone
    moved = {c.moved for b in again.blocks for c in b.changes if c.moved is not None}
    assert len(moved) == 2  # both sentences cross, each marked at both ends
    assert remade and len(remade) == len(set(remade))  # each block remade at most once
