"""Each group's changes: moved phrases marked in prose, pairs with no word in common unpaired."""

from __future__ import annotations

from diffviewer.core.align import Group
from diffviewer.core.drafting import checks_prose, draft, drafts_of
from diffviewer.core.model import ChangeOp, CompareOptions, Document, DocumentFormat, Paragraph


def _doc(*texts: str, fmt: DocumentFormat = DocumentFormat.TEXT, language: str | None = None) -> Document:
    return Document("x", fmt, tuple(Paragraph(n, t) for n, t in enumerate(texts)), language=language)


def test_a_draft_rebuilds_both_sides_and_marks_a_moved_clause() -> None:
    original = _doc("At dawn the tired soldiers crossed the river in silence.")
    derivative = _doc("The tired soldiers crossed the river in silence at dawn.")
    found = draft(Group((0,), (0,), False), original, derivative, CompareOptions())
    assert "".join(c.original_side for c in found.changes) == original.paragraphs[0].text
    assert "".join(c.derivative_side for c in found.changes) == derivative.paragraphs[0].text
    assert not any(c.moved for c in found.changes)  # "at dawn" is two words: too short to be a phrase
    moved = _doc("In the cold grey light the tired soldiers crossed the river.")
    moved_b = _doc("The tired soldiers crossed the river in the cold grey light.")
    found = draft(Group((0,), (0,), False), moved, moved_b, CompareOptions())
    assert {c.op for c in found.changes if c.moved is not None} == {ChangeOp.DELETE, ChangeOp.INSERT}


def test_a_program_has_no_moved_phrases() -> None:
    a = _doc("total = price * count + tax * rate", fmt=DocumentFormat.CODE, language="python")
    b = _doc("price * count + tax * rate == total", fmt=DocumentFormat.CODE, language="python")
    assert not checks_prose(a, b)
    assert all(c.moved is None for c in draft(Group((0,), (0,), False), a, b, CompareOptions()).changes)


def test_a_pair_with_no_word_in_common_stands_alone_and_is_unpaired() -> None:
    original = _doc("Visit example dot org for the annual report.", "Same words here today.")
    derivative = _doc("Kittens sleep through thunderstorms quietly.", "Same words here today.")
    groups = [Group((0,), (0,), False), Group((1,), (1,), False)]
    seen: list[int] = []
    found = drafts_of(groups, original, derivative, CompareOptions(), seen.append)
    assert seen == [0, 1]
    assert [(d.group.original, d.group.derivative) for d in found.drafts] == [((0,), ()), ((), (0,)), ((1,), (1,))]
    assert found.unpaired == {(0, 0)}
