from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.scan.terms import paragraph_terms


def test_words_are_matched_as_the_engine_matches_them() -> None:
    assert paragraph_terms("We’ve SEEN the “Light”") == paragraph_terms('we\'ve seen the "light"')
    assert paragraph_terms("We’ve seen") == frozenset({"we", "ve", "seen"})


def test_each_term_once() -> None:
    assert paragraph_terms("the the THE") == frozenset({"the"})


def test_unspaced_scripts_are_searched_by_pairs_of_characters() -> None:
    terms = paragraph_terms("北京大学 in 2024")
    assert {"北京", "京大", "大学", "in", "2024"} <= terms
    assert "北京大学" not in terms  # a whole run would only ever match itself


def test_a_lone_ideograph_is_a_term() -> None:
    assert "山" in paragraph_terms("山")


@given(st.text(max_size=60), st.text(max_size=60))
def test_more_text_never_loses_a_term(first: str, second: str) -> None:
    assert paragraph_terms(first) <= paragraph_terms(first + " " + second)
