"""Finding quotations (core/quote_spans.py): every mark style, apostrophes that are no marks,
nesting, quotations across lines and paragraphs, blockquotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import Paragraph, QuoteStatus, Role
from diffviewer.core.quotes import extract

VERBATIM, ALTERED, UNSOURCED = QuoteStatus.VERBATIM, QuoteStatus.ALTERED, QuoteStatus.UNSOURCED


def quoted(text: str, role: Role = Role.BODY) -> list[str]:
    return [text[s.start : s.end] for s in extract(Paragraph(0, text, role))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will ship it” on Monday.", ["we will ship it"]),
        ('He said "we will ship it" on Monday.', ["we will ship it"]),
        ("Er sagte „wir liefern es“ am Montag.", ["wir liefern es"]),
        ("Er sagte „wir liefern es” am Montag.", ["wir liefern es"]),
        ("Il a dit « nous le livrerons » lundi.", ["nous le livrerons"]),
        ("She called it ‘a turning point’ twice.", ["a turning point"]),
        ("She called it 'a turning point' twice.", ["a turning point"]),
        ('She said:"hello there" and left.', ["hello there"]),
        ("(“bracketed quote”) and “another one”", ["bracketed quote", "another one"]),
    ],
)
def test_every_quotation_mark_style_is_found(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We don't think Meta's plan works.",
        "It was rock 'n' roll in the '90s, the students' favourite.",
        "It was rock ’n’ roll in the ’90s, the students’ favourite.",
        "Don’t take the company’s word for it; it’s the users’ call.",
        "The '80s and ‘90s were fun, and we'll rock 'em.",
        "'Tis the season, the boss' car and the bosses’ cars.",
        'A 12" screen beside a 15" one.',
        'Empty marks "" and “ ” say nothing.',
    ],
)
def test_apostrophes_and_stray_marks_are_not_quotations(text: str) -> None:
    assert quoted(text) == []


def test_apostrophes_inside_a_quotation_do_not_end_it() -> None:
    assert quoted("“It’s the students’ turn,” he said.") == ["It’s the students’ turn,"]
    assert quoted("‘Everyone knows the students’ books are here,’ he said.") == [
        "Everyone knows the students’ books are here,"
    ]
    assert quoted("The students’ ‘rights’ were discussed.") == ["rights"]
    assert quoted("He called it ‘a turning point’ and the students’ reaction was ‘mixed’.") == [
        "a turning point",
        "mixed",
    ]


def test_nested_quotes_count_once_as_the_outer_quotation() -> None:
    # The outer quotation holds the inner one; reporting both would check the same words twice.
    assert quoted("He wrote: “They told me ‘no’ twice, and ‘never’ once.” Then he left.") == [
        "They told me ‘no’ twice, and ‘never’ once."
    ]
    assert quoted("‘He said “no” twice,’ she recalled.") == ["He said “no” twice,"]  # British order
    assert quoted("He said, « Je pense que “oui” » hier.") == ["Je pense que “oui”"]
    assert quoted("“Nested “same” marks” here") == ["Nested “same” marks"]


def test_a_quotation_spanning_a_paragraph_break_is_found_in_each_paragraph() -> None:
    first = "He went on: “We will keep sharing our research with everyone"
    second = "“And we will keep our models open where it is safe.”"
    assert quoted(first) == ["We will keep sharing our research with everyone"]
    assert quoted(second) == ["And we will keep our models open where it is safe."]
    # A single mark opening a paragraph and left open does the same; in mid-paragraph it was an
    # apostrophe, and the quotations inside it still count.
    assert quoted("‘We will keep sharing our research") == ["We will keep sharing our research"]
    assert quoted("We'll rock 'em till they're 'done'") == ["done"]


def test_a_quotation_may_wrap_across_a_line_break() -> None:
    assert quoted("plain “wrapped\nacross” line") == ["wrapped\nacross"]


def test_blockquotes_and_lines_starting_with_a_marker() -> None:
    assert quoted("> We need to protect our data.") == ["We need to protect our data."]
    assert quoted(">> nested marker") == ["nested marker"]
    assert quoted("Intro line\n> quoted line one\nplain line\n> quoted line two") == [
        "quoted line one",
        "quoted line two",
    ]
    assert quoted("We need to protect our data.", Role.QUOTE) == ["We need to protect our data."]
    # Marks around the whole blockquote are not part of it; an attribution after them is.
    assert quoted("“We need to protect our data.”", Role.QUOTE) == ["We need to protect our data."]
    assert quoted("> “I don't think so,” he said.") == ["“I don't think so,” he said."]


@given(st.text(alphabet=st.sampled_from(list("ab1 '’‘\"“”„«»>\n.,(")), max_size=60), st.sampled_from(list(Role)))
def test_extraction_never_fails_and_offsets_slice_the_text(text: str, role: Role) -> None:
    spans = extract(Paragraph(0, text, role))
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        inside = text[span.start : span.end]
        assert inside.strip() == inside
        assert sum(ch.isalnum() for ch in inside) >= 2
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.end <= after.start  # in reading order, never overlapping
