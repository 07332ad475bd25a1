"""Quotations' words (core/quote_words.py): compared casefolded without punctuation, split at
an editor's gaps, found in order in a paragraph, and aligned with a passage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import quote_words
from diffviewer.core.quote_words import Words, align_words, norms, pieces_of


def test_words_are_compared_casefolded_without_punctuation() -> None:
    assert norms("“Open-Source,” he SAID: don’t.") == ["open", "source", "he", "said", "don't"]


def test_an_ellipsis_or_brackets_split_a_quotation_into_pieces() -> None:
    assert pieces_of("we will … build [the new] harbour ... soon") == [["we", "will"], ["build"], ["harbour"], ["soon"]]
    assert pieces_of("…") == []


def test_pieces_are_found_in_order_with_gaps_between_them() -> None:
    words = Words("The council, after a long debate, approved the harbour budget on Friday.")
    first, stop = words.find_pieces([["the", "council"], ["approved", "the", "harbour"]]) or (0, 0)
    assert (first, stop) == (0, 9)
    span = words.span(first, stop)
    assert words._text[span.start : span.end] == "The council, after a long debate, approved the harbour"
    assert words.find_pieces([["approved"], ["the", "council"]]) is None  # out of order


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=80), st.lists(st.sampled_from("abcde"), min_size=1, max_size=4))
def test_a_long_paragraph_s_index_finds_what_scanning_finds(text: list[str], needle: list[str]) -> None:
    words = Words(" ".join(text))
    scanned = [words.find(needle, lo) for lo in range(len(text) + 1)]
    long = quote_words.LONG_PARAGRAPH
    try:
        quote_words.LONG_PARAGRAPH = 0  # every paragraph long: found through its positions
        assert [words.find(needle, lo) for lo in range(len(text) + 1)] == scanned
    finally:
        quote_words.LONG_PARAGRAPH = long


def test_a_needle_aligns_with_the_passage_that_repeats_it() -> None:
    passage = norms("far away the harbour budget was approved on friday by the council and then nothing")
    aligned = align_words(passage, norms("the harbour budget was passed on friday"))
    assert aligned is not None and aligned.matched == 6
    assert passage[aligned.start : aligned.stop] == norms("the harbour budget was approved on friday")
    assert align_words(passage, ["zebra"]) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from("abcdefg"), max_size=60), st.lists(st.sampled_from("abcdefg"), max_size=30))
def test_the_compiled_matcher_finds_difflibs_matches(passage: list[str], needle: list[str]) -> None:
    import difflib

    import cydifflib

    compiled = cydifflib.SequenceMatcher(None, passage, needle, autojunk=False).get_matching_blocks()
    plain = difflib.SequenceMatcher(None, passage, needle, autojunk=False).get_matching_blocks()
    assert [tuple(b) for b in compiled] == [tuple(b) for b in plain]
