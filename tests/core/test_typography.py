"""Typography is no rewording: curly or straight quotes, dashes, hyphenation and composed accents
are equal by default, each side keeping its own spelling; an option shows them as changes."""

from __future__ import annotations

import unicodedata

import pytest

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, ChangeOp, CompareOptions, Document, DocumentFormat, Paragraph
from diffviewer.core.worddiff import word_diff
from tests.core.helpers import doc

PAIRS = [
    ("We've always open sourced some models.", "We’ve always open-sourced some models."),
    ('He said "rigorous" -- no, rigorous.', "He said “rigorous” -- no, rigorous."),
    ("A pause — then more.", "A pause - then more."),
    ("Sent by e-mail today.", "Sent by email today."),
    (unicodedata.normalize("NFD", "Café au lait"), "Café au lait"),
]


def _sides(changes: tuple) -> tuple[str, str]:  # type: ignore[type-arg]
    return "".join(c.original_side for c in changes), "".join(c.derivative_side for c in changes)


@pytest.mark.parametrize(("original", "derivative"), PAIRS)
def test_typography_alone_is_no_change(original: str, derivative: str) -> None:
    changes = word_diff(original, derivative)
    assert all(c.op is ChangeOp.EQUAL for c in changes), changes
    assert _sides(changes) == (original, derivative)  # each side keeps its own spelling


@pytest.mark.parametrize(("original", "derivative"), PAIRS)
def test_asked_for_typography_shows_as_changes(original: str, derivative: str) -> None:
    changes = word_diff(original, derivative, CompareOptions(show_typography=True))
    assert any(c.op is not ChangeOp.EQUAL for c in changes)
    assert _sides(changes) == (original, derivative)


def test_a_real_change_beside_typography_is_still_shown() -> None:
    changes = word_diff("We've kept the “rigorous” rule.", 'We’ve kept the "tough" rule.')
    assert [(c.op, c.text) for c in changes if c.op is not ChangeOp.EQUAL] == [
        (ChangeOp.DELETE, "rigorous"),
        (ChangeOp.INSERT, "tough"),
    ]


def test_paragraphs_differing_only_in_typography_are_kept_whole() -> None:
    comparison = compare(doc(*(p for p, _ in PAIRS)), doc(*(d for _, d in PAIRS)))
    assert all(b.kind is BlockKind.EQUAL for b in comparison.blocks)
    assert comparison.similarity == 1.0
    assert comparison.stats.words_inserted == comparison.stats.words_deleted == 0
    shown = compare(doc(*(p for p, _ in PAIRS)), doc(*(d for _, d in PAIRS)), CompareOptions(show_typography=True))
    assert shown.similarity < 1.0


def test_in_a_program_a_curly_quote_is_another_character() -> None:
    def program(text: str) -> Document:
        return Document("m.py", DocumentFormat.CODE, (Paragraph(0, text),), language="python")

    comparison = compare(program('label = "open-source"'), program("label = “open source”"))
    assert any(c.op is not ChangeOp.EQUAL for b in comparison.blocks for c in b.changes)


def test_inside_a_longer_rewrite_typography_stays_equal() -> None:
    original = "changed on this. We've always open sourced some of our models and not open sourced everything."
    derivative = (
        "changed on this.” Zuckerberg elaborated. “We’ve always open-sourced some of our models "
        "and not open-sourced everything."
    )
    changes = word_diff(original, derivative)
    assert [c.text for c in changes if c.op is not ChangeOp.EQUAL] == ["”", "Zuckerberg elaborated. “"]
    assert _sides(changes) == (original, derivative)


@pytest.mark.parametrize(
    ("original", "derivative"),
    [
        ("It lasts 2-3 days.", "It lasts 23 days."),
        ("They won 3 - 1 today.", "They won 31 today."),
        ("Rated 4-1.", "Rated 41."),
    ],
)
def test_a_hyphen_between_figures_is_no_typography(original: str, derivative: str) -> None:
    assert any(c.op is not ChangeOp.EQUAL for c in word_diff(original, derivative))
