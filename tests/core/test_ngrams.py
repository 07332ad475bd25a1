"""Words and n-grams numbered in reading order, and sides featurised once (core/ngrams.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import ngrams
from diffviewer.core.ngrams import FeatureCache, featurised, featurised_pair, forget_sides
from diffviewer.core.similarity import UnitSimilarity


def test_ngram_ids_follow_the_reading_order_whatever_the_string_hashing() -> None:
    # A set of strings iterates in an order that changes from run to run (PYTHONHASHSEED): ids
    # given in that order made the weights' sums, and once in a book an alignment, differ.
    cache = FeatureCache()
    words = [
        "zebra",
        "quartz",
        "mango",
        "alpha",
        "kilo",
        "yodel",
        "bravo",
        "xenon",
        "echo",
        "golf",
        "hotel",
        "india",
        "juliet",
    ]
    cache.of_text(" ".join(words))
    firsts = [min(cache.of_word(word)) for word in words]
    assert firsts == sorted(firsts)


_WORDS = ["harbour", "ferry", "council", "Brackwater", "l'été", "42,000", "the", "and", "市政府", "ferries"]
_texts = st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join), max_size=8)


def _sequential(a: list[str], b: list[str]) -> FeatureCache:
    cache = FeatureCache()
    featurised(cache, a, lambda: None)
    featurised(cache, b, lambda: None)
    return cache


@settings(max_examples=60, deadline=None)
@given(_texts, _texts, _texts)
def test_a_side_featurised_before_is_numbered_as_if_featurised_now(a: list[str], b: list[str], c: list[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ngrams, "KEPT_SIDE_UNITS", 0)  # every side kept, however short
        _numbered_as_if_featurised_now(a, b, c)


def _numbered_as_if_featurised_now(a: list[str], b: list[str], c: list[str]) -> None:
    # One original against many documents is featurised once: taken again, first or second,
    # after other sides, its words and n-grams must be numbered as featurising the pair in turn
    # numbers them (the alignment depends on the numbers' order).
    forget_sides()
    featurised_pair(c, a, lambda: None)  # a kept as a second side, c as a first
    featurised_pair(b, c, lambda: None)
    for first, second in ((a, b), (b, a), (a, a), (c, b)):
        cache, words_first, words_second = featurised_pair(first, second, lambda: None)
        plain = _sequential(first, second)
        assert cache.ids == plain.ids
        assert cache.laid_out()[0].tolist() == plain.laid_out()[0].tolist()
        assert cache.words == plain.words
        assert words_first.starts.tolist() == featurised(FeatureCache(), first, lambda: None).starts.tolist()
        again = FeatureCache()
        for texts, words in ((first, words_first), (second, words_second)):
            numbers = featurised(again, texts, lambda: None).numbers.tolist()
            assert words.numbers.tolist() == numbers, texts


def test_a_side_is_featurised_once_for_many_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    forget_sides()
    monkeypatch.setattr(ngrams, "KEPT_SIDE_UNITS", 2)  # (a long original, in short)
    original = ["The harbour council met.", "Ferry sailings were cut."]
    calls = []
    real = ngrams.featurised
    monkeypatch.setattr(
        ngrams, "featurised", lambda cache, texts, on_step: calls.append(len(texts)) or real(cache, texts, on_step)
    )
    for other in (["The council met."], ["Sailings were cut."], ["The harbour met."]):
        UnitSimilarity(original, other)
    assert calls == [2, 1, 1, 1]  # the original once, each other document once


@settings(max_examples=60, deadline=None)
@given(_texts, _texts, st.booleans())
def test_a_side_featurised_elsewhere_is_numbered_as_if_featurised_here(a: list[str], b: list[str], sent: bool) -> None:
    """A helper process may featurise the first side while this one does the second: whether
    its side comes or comes too late, the numbers are those of featurising the pair in turn."""
    asked: list[tuple[list[str], float]] = []

    def elsewhere(texts: Sequence[str], patience: float) -> ngrams.Alone | None:
        asked.append((list(texts), patience))
        return ngrams.alone(texts) if sent else None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ngrams, "KEPT_SIDE_UNITS", 1)
        forget_sides()
        cache, words_a, words_b = featurised_pair(a, b, lambda: None, elsewhere)
    if a and b:
        assert asked == [(a, asked[0][1])] and asked[0][1] >= 0
    else:
        assert not asked
    plain = _sequential(a, b)
    assert cache.ids == plain.ids and cache.words == plain.words
    again = FeatureCache()
    for texts, words in ((a, words_a), (b, words_b)):
        assert words.numbers.tolist() == featurised(again, texts, lambda: None).numbers.tolist()
    forget_sides()
