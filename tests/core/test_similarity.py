"""Unit similarity (core/similarity.py): n-gram Dice corrected for chance, and its surprise."""

from __future__ import annotations

import pytest
from hypothesis import settings

from diffviewer.core import ngrams, similarity
from diffviewer.core.model import Side
from diffviewer.core.similarity import UnitSimilarity

FAST = settings(max_examples=40, deadline=None)

# --------------------------------------------------------------------------------------------
# similarity
# --------------------------------------------------------------------------------------------

# Ten units a side (enough for the chance model), mostly unrelated across the sides.
SIM_A = (
    "The council approved the harbour budget on Monday.",
    "Ottoline Brackwater painted the lighthouse in 1921.",
    "Fishermen landed a record catch of mackerel last week.",
    "The school hall will reopen after the summer holidays.",
    "L'Himalaya est haut.",
    "Volunteers repaired the footpath along the river.",
    "A new bus route links the station with the hospital.",
    "The library has extended its opening hours on Saturdays.",
    "Bees prefer lavender to almost any other flower.",
    "Snow closed the mountain pass for three days.",
)
SIM_B = (
    "The council approved the harbour budget on Monday.",
    "A portrait of the quay by Ottoline Brackwater was sold.",
    "A record mackerel catch was landed by fishermen.",
    "After the summer holidays the school hall reopens.",
    "L'Himalaya est très haut.",
    "Frost damaged the tennis courts in the park.",
    "Traders on the high street want cheaper parking.",
    "The choir will sing carols at the market in December.",
    "Wind turbines were installed on the northern ridge.",
    "Rents in the old town rose again this spring.",
)


@pytest.fixture(scope="module")
def sim() -> UnitSimilarity:
    return UnitSimilarity(SIM_A, SIM_B)


def test_identical_units_score_one(sim: UnitSimilarity) -> None:
    assert sim.measurable
    assert sim.unit_match(0, 0).score == pytest.approx(1.0)


def test_unrelated_units_score_near_zero_or_below(sim: UnitSimilarity) -> None:
    # Bees vs turbines, the footpath vs tennis courts, the pass vs rents: nothing in common.
    for i, j in [(8, 8), (5, 5), (9, 9), (6, 7), (2, 9)]:
        assert sim.unit_match(i, j).score < 0.1, (SIM_A[i], SIM_B[j], sim.unit_match(i, j))


def test_elided_and_inflected_pair_beats_an_unrelated_pair(sim: UnitSimilarity) -> None:
    elided = sim.unit_match(4, 4).score  # "L'Himalaya est haut." / "L'Himalaya est très haut."
    assert elided > 0.5
    assert elided > max(sim.unit_match(4, j).score for j in range(len(SIM_B)) if j != 4)
    assert elided > sim.unit_match(8, 8).score


def test_rare_pairs_find_the_pair_sharing_a_rare_name(sim: UnitSimilarity) -> None:
    pairs = sim.rare_pairs(1)
    assert (1, 1) in pairs  # Ottoline Brackwater
    assert not any(i == 1 and j != 1 for i, j in pairs)


# Units of one template: every word of the two "common" units below is in every unit of the
# other side, so they resemble anything; the "rare" pair shares a name nobody else has.
_FILLER_A = (
    "The council said that the budget of the harbour was agreed and that it was fair.",
    "The fishermen said that the catch of the week was large and that it was sold.",
    "The school said that the hall of the village was repaired and that it was open.",
    "The volunteers said that the path of the river was cleared and that it was safe.",
    "The library said that the hours of the week were longer and that it was busy.",
    "The traders said that the parking of the street was dear and that it was full.",
    "The choir said that the carols of the season were chosen and that it was ready.",
    "The engineers said that the roof of the hall was leaking and that it was old.",
)
_FILLER_B = (
    "The mayor said that the road of the town was closed and that it was muddy.",
    "The farmers said that the price of the milk was low and that it was unfair.",
    "The nurses said that the ward of the hospital was full and that it was cold.",
    "The drivers said that the route of the bus was longer and that it was slow.",
    "The pupils said that the test of the term was hard and that it was long.",
    "The bakers said that the cost of the flour was high and that it was rising.",
    "The rowers said that the race of the year was close and that it was fun.",
    "The builders said that the wall of the yard was cracked and that it was unsafe.",
)
COMMON_A, COMMON_B = "It was said that it was.", "And that was said of it."
RARE_A, RARE_B = "Ottoline Brackwater painted the lighthouse.", "Ottoline Brackwater sold a portrait."


def _raw_dice(sim: UnitSimilarity, i: int, j: int) -> float:
    a, b = sim.a_units[i], sim.b_units[j]
    return 2 * sim.weight(a.features & b.features) / (a.weight + b.weight)


@pytest.fixture(scope="module")
def template_sim() -> UnitSimilarity:
    return UnitSimilarity((*_FILLER_A, COMMON_A, RARE_A), (*_FILLER_B, COMMON_B, RARE_B))


def test_common_words_pair_is_less_surprising_than_a_rare_word_pair(template_sim: UnitSimilarity) -> None:
    common, rare = len(_FILLER_A), len(_FILLER_A) + 1
    assert template_sim.unit_match(common, common).surprise < template_sim.unit_match(rare, rare).surprise


def test_common_words_pair_is_no_surprise_where_a_rare_word_pair_is(template_sim: UnitSimilarity) -> None:
    common, rare = len(_FILLER_A), len(_FILLER_A) + 1
    # Before correcting for chance the common pair looks at least as alike...
    assert _raw_dice(template_sim, common, common) >= _raw_dice(template_sim, rare, rare)
    # ...but units made of words every unit has share nothing unlikely: no surprise, no pair.
    assert template_sim.unit_match(common, common).surprise < 1.0
    assert template_sim.unit_match(rare, rare).surprise > 3.0
    # Chance is taken off the score too, more for the common pair than for the rare one.
    common_drop = _raw_dice(template_sim, common, common) - template_sim.unit_match(common, common).score
    rare_drop = _raw_dice(template_sim, rare, rare) - template_sim.unit_match(rare, rare).score
    assert common_drop >= 0 and rare_drop >= 0


def test_units_laid_end_to_end_a_slice_at_a_time_are_laid_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # (One pass over a book's millions of entries held the interpreter lock too long.)
    whole = UnitSimilarity(SIM_A, SIM_B)
    monkeypatch.setattr(ngrams, "_UNITS_AT_ONCE", 3)
    sliced = UnitSimilarity(SIM_A, SIM_B)
    for side in ("_flat_a", "_flat_b"):
        assert getattr(sliced, side).grams.tolist() == getattr(whole, side).grams.tolist()
        assert getattr(sliced, side).owners().tolist() == getattr(whole, side).owners().tolist()
    assert [sliced.unit_match(i, j) for i in range(10) for j in range(10)] == [
        whole.unit_match(i, j) for i in range(10) for j in range(10)
    ]


def test_units_rebuilt_from_their_words_match_as_units_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a few units' n-gram sets are kept built at once (a book's, all held, were most of its
    # alignment's memory): a unit rebuilt after it was dropped must give the same figures, to
    # the last bit, and hold its n-grams in the same order, as one kept all along.
    pairs = [(i, j) for i in range(10) for j in range(10)]
    kept = UnitSimilarity(SIM_A, SIM_B)  # (10 units a side, all kept by the default)
    first = [kept.unit_match(i, j) for i, j in pairs]
    first_order = [list(kept.a[i]) for i in range(10)] + [list(kept.b[j]) for j in range(10)]
    first_spans = {
        (side, start, size): kept.span(side, start, start + size)
        for side in (Side.ORIGINAL, Side.DERIVATIVE)
        for size in (2, 3)
        for start in range(11 - size)
    }
    monkeypatch.setattr(similarity, "KEPT_UNITS", 1)
    rebuilt = UnitSimilarity(SIM_A, SIM_B)
    assert [rebuilt.unit_match(i, j) for i, j in pairs] == first
    assert [rebuilt.unit_match(i, j) for i, j in reversed(pairs)] == first[::-1]
    assert [list(rebuilt.a[i]) for i in range(10)] + [list(rebuilt.b[j]) for j in range(10)] == first_order
    for (side, start, size), span in first_spans.items():
        again = rebuilt.span(side, start, start + size)
        assert again == span and list(again.features) == list(span.features)
    # However many were read, at most two generations of one unit are held per side.
    for units in (rebuilt.a_units, rebuilt.b_units):
        assert len(units) == 10
        assert dict.__len__(units) + len(units._old) <= 2


def test_the_scorer_gives_every_span_however_few_it_keeps(monkeypatch: pytest.MonkeyPatch) -> None:
    # The scorer keeps only the spans read lately (scoring.KEPT_SPANS): read in a shuffled order,
    # each must still be the span of exactly those units.
    import random

    from diffviewer.core import scoring

    monkeypatch.setattr(scoring, "KEPT_SPANS", 1)
    sim = UnitSimilarity(SIM_A, SIM_B)
    scorer = scoring.Scorer(sim, 0.1, [True] * 11, [True] * 11)
    wanted = [
        (side, start, start + size)
        for side in (Side.ORIGINAL, Side.DERIVATIVE)
        for size in range(1, 5)
        for start in range(11 - size)
    ]
    random.Random(7).shuffle(wanted)
    for side, start, end in wanted * 2:
        assert scorer.span(side, start, end) == sim.span(side, start, end)
