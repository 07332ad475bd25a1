"""Quotation extraction and the verbatim / altered / unsourced check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import Paragraph, Quote, QuoteStatus, Role
from diffviewer.core.quotes import extract
from diffviewer.formats import load
from tests.conftest import SAMPLES
from tests.core.helpers import doc


def quoted(text: str, role: Role = Role.BODY) -> list[str]:
    return [text[s.start : s.end] for s in extract(Paragraph(0, text, role))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will ship it” on Monday.", ["we will ship it"]),
        ('He said "we will ship it" on Monday.', ["we will ship it"]),
        ("Er sagte „wir liefern es“ am Montag.", ["wir liefern es"]),
        ("Il a dit « nous le livrerons » lundi.", ["nous le livrerons"]),
        ("She called it ‘a turning point’ twice.", ["a turning point"]),
        ("She called it 'a turning point' twice.", ["a turning point"]),
    ],
)
def test_every_quotation_mark_style_is_found(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We don't think Meta's plan works.",
        "It was rock 'n' roll in the '90s, the students' favourite.",
        "Don’t take the company’s word for it; it’s the users’ call.",
    ],
)
def test_apostrophes_are_not_quotations(text: str) -> None:
    assert quoted(text) == []


def test_nested_quotes_count_once_as_the_outer_quotation() -> None:
    assert quoted("He wrote: “They told me ‘no’ twice, and ‘never’ once.” Then he left.") == [
        "They told me ‘no’ twice, and ‘never’ once."
    ]


def test_a_quotation_spanning_a_paragraph_break_is_found_in_each_paragraph() -> None:
    first = "He went on: “We will keep sharing our research with everyone"
    second = "“And we will keep our models open where it is safe.”"
    assert quoted(first) == ["We will keep sharing our research with everyone"]
    assert quoted(second) == ["And we will keep our models open where it is safe."]


def test_blockquotes_and_lines_starting_with_a_marker() -> None:
    assert quoted("> We need to protect our data.") == ["We need to protect our data."]
    assert quoted("Intro line\n> quoted line one\nplain line") == ["quoted line one"]
    assert quoted("We need to protect our data.", Role.QUOTE) == ["We need to protect our data."]


def only(original: list[str], derivative: list[str]) -> Quote:
    result = compare(doc(*original), doc(*derivative))
    (quote,) = result.quotes
    return quote


def test_verbatim_allows_case_punctuation_and_typographic_quotes() -> None:
    quote = only(
        ['The memo said "Open source AI is the path forward" and nothing else about it.'],
        ["According to the memo, “open-source AI is the path forward!” it said."],
    )
    assert quote.status is QuoteStatus.VERBATIM
    assert quote.source_paragraph == 0 and quote.source_text == "Open source AI is the path forward"


def test_a_one_word_quote_changed_in_its_place_is_altered() -> None:
    result = compare(
        doc('Citing "safety concerns" he wrote that Meta would need to be "rigorous" about such decisions.'),
        doc("Citing “safety concerns” he wrote that Meta would need to be “tough” about such decisions."),
    )
    statuses = {q.text: q for q in result.quotes}
    assert statuses["safety concerns"].status is QuoteStatus.VERBATIM
    tough = statuses["tough"]
    assert tough.status is QuoteStatus.ALTERED and tough.source_text == "rigorous"


def test_a_changed_title_in_quotes_is_altered_and_shows_which_words_differ() -> None:
    quote = only(
        ['In a memo titled "Open Source AI is the Path Forward" he praised open models.'],
        ["In a memo titled “Open Source AI is a way forward” he praised open models."],
    )
    assert quote.status is QuoteStatus.ALTERED
    assert quote.source_text == "Open Source AI is the Path Forward"
    deleted = " ".join(c.text for c in quote.changes if c.op.value == "delete")
    inserted = " ".join(c.text for c in quote.changes if c.op.value == "insert")
    assert "the Path" in deleted and "a way" in inserted
    assert all("Open Source AI is" not in c.text for c in quote.changes if c.op.value != "equal")


def test_a_paraphrase_turned_into_a_quote_is_unsourced() -> None:
    quote = only(
        ['Citing "safety concerns" he wrote that Meta would need to be careful about such decisions.'],
        ["The founder cited safety. “We need to be rigorous about which models we release,” he wrote."],
    )
    assert quote.status is QuoteStatus.UNSOURCED and quote.source_paragraph is None


def test_a_verbatim_quote_is_found_anywhere_in_the_original() -> None:
    original = [
        "Harbour lanterns were repaired in spring by the volunteer crew.",
        "The mayor later told reporters the repairs cost far less than planned.",
    ]
    derivative = ["Officials were pleased. “The repairs cost far less than planned,” one of them said on Friday."]
    quote = only(original, derivative)
    assert quote.status is QuoteStatus.VERBATIM and quote.source_paragraph == 1


@given(st.text(alphabet=st.sampled_from(list("ab '’‘\"“”„«»>\n.,"))), st.sampled_from(list(Role)))
def test_extraction_never_fails_and_offsets_slice_the_text(text: str, role: Role) -> None:
    for span in extract(Paragraph(0, text, role)):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]


@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab cd'’“”\"."))), max_size=4),
    st.lists(st.text(alphabet=st.sampled_from(list("ab cd'’“”\"."))), max_size=4),
)
def test_every_quote_points_at_its_own_text_and_its_source(a: list[str], b: list[str]) -> None:
    result = compare(doc(*a), doc(*b))
    for quote in result.quotes:
        assert result.derivative.paragraphs[quote.paragraph].text[quote.start : quote.end] == quote.text
        if quote.source_paragraph is not None:
            source = result.original.paragraphs[quote.source_paragraph].text
            assert source[quote.source_start : quote.source_end] == quote.source_text
        else:
            assert quote.status is QuoteStatus.UNSOURCED


@pytest.fixture(scope="module")
def original():  # type: ignore[no-untyped-def]
    return load(SAMPLES / "original.txt")


def quotes_of(original, name: str) -> dict[str, QuoteStatus]:  # type: ignore[no-untyped-def]
    return {q.text: q.status for q in compare(original, load(SAMPLES / name)).quotes}


def test_syndicated_rewrite_flags_its_invented_and_changed_quotes(original) -> None:  # type: ignore[no-untyped-def]
    found = quotes_of(original, "syndicated-rewrite.txt")
    assert found["We need to be rigorous about which models we release,"] is QuoteStatus.UNSOURCED
    ending = next(t for t in found if t.startswith("I expect AI development will continue"))
    assert found[ending] is QuoteStatus.ALTERED  # "…at that point in time" became "…then"
    people = next(t for t in found if t.startswith("People often ask"))
    assert found[people] is QuoteStatus.VERBATIM
    assert found["safety concerns"] is QuoteStatus.VERBATIM
    assert found["Open Source AI is the Path Forward,"] is QuoteStatus.VERBATIM


def test_spun_copy_flags_its_one_word_quote_title_and_llama_quote(original) -> None:  # type: ignore[no-untyped-def]
    result = compare(original, load(SAMPLES / "spun-copy.txt"))
    by_text = {q.text: q for q in result.quotes}
    assert by_text["tough"].status is QuoteStatus.ALTERED and by_text["tough"].source_text == "rigorous"
    title = by_text["Open Source AI is a way forward."]
    assert title.status is QuoteStatus.ALTERED and title.source_text == "Open Source AI is the Path Forward."
    llama = next(q for q in result.quotes if q.text.startswith("People often ask"))
    assert llama.status is QuoteStatus.ALTERED and "Llama" in (llama.source_text or "")
    assert by_text["safety concerns"].status is QuoteStatus.VERBATIM


def test_forum_comment_quoted_lines_are_found(original) -> None:  # type: ignore[no-untyped-def]
    found = quotes_of(original, "forum-comment.txt")
    verbatim = [t for t, s in found.items() if s is QuoteStatus.VERBATIM]
    assert any(t.startswith("There is an ongoing debate about the safety of open source AI models") for t in verbatim)
    assert "We need to protect our data." in found
