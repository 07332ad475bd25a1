"""The aligner's fast paths give what the plain definitions give: batch matches, merged beads by
inclusion and exclusion, rare pairs of many gaps at once; and the paused collector."""

from __future__ import annotations

import gc
import math
import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.collector import paused_collector
from diffviewer.core.compare import Cancelled, compare
from diffviewer.core.model import Side
from diffviewer.core.scoring import Scorer
from diffviewer.core.similarity import UnitSimilarity, _among_best
from tests.core.helpers import doc

FAST = settings(max_examples=40, deadline=None)

_WORDS = ["harbour", "ferry", "council", "sailings", "Brackwater", "l'été", "42,000", "the", "and", "市政府", ""]
_unit = st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join)
_side = st.lists(_unit, min_size=1, max_size=12)


def _close(x: float, y: float) -> bool:
    return (math.isinf(x) and math.isinf(y)) or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


@FAST
@given(_side, _side)
def test_batch_matches_are_the_single_matches(a: list[str], b: list[str]) -> None:
    sim = UnitSimilarity(a, b)
    pairs = [(i, j) for i in range(len(a)) for j in range(len(b))]
    found = sim.unit_scores(np.array([i for i, _ in pairs]), np.array([j for _, j in pairs]))
    for k, (i, j) in enumerate(pairs):
        single = sim.unit_match(i, j)
        assert _close(found.score[k], single.score), (a[i], b[j])
        assert _close(found.surprise[k], single.surprise), (a[i], b[j])
        assert _close(found.shared[k], sim.shared(i, j))


@FAST
@given(_side, _side)
def test_a_merged_bead_by_inclusion_and_exclusion_is_the_merged_span(a: list[str], b: list[str]) -> None:
    sim = UnitSimilarity(a, b)
    scorer = Scorer(sim, 0.1, [True] * (len(a) + 1), [True] * (len(b) + 1))
    for i in range(len(a) - 1):
        for j in range(len(b)):
            fast = scorer.match((i, i + 2), (j, j + 1))
            plain = sim.match(sim.span(Side.ORIGINAL, i, i + 2), sim.span(Side.DERIVATIVE, j, j + 1))
            assert _close(fast.score, plain.score) and _close(fast.surprise, plain.surprise), (a[i : i + 2], b[j])
            assert math.isclose(
                scorer.extent(Side.ORIGINAL, i, i + 2).weight, sim.span(Side.ORIGINAL, i, i + 2).weight, rel_tol=1e-9
            )
    for j in range(len(b) - 1):
        for i in range(len(a)):
            fast = scorer.match((i, i + 1), (j, j + 2))
            plain = sim.match(sim.span(Side.ORIGINAL, i, i + 1), sim.span(Side.DERIVATIVE, j, j + 2))
            assert _close(fast.score, plain.score) and _close(fast.surprise, plain.surprise), (a[i], b[j : j + 2])


def test_the_same_words_split_in_two_are_the_same_text() -> None:
    # "the . the" beside "the": the wordless unit adds nothing, the merge is the same n-grams.
    sim = UnitSimilarity(["The ferry sails.", "."], ["The ferry sails."])
    assert Scorer(sim, 0.1, [True] * 3, [True] * 2).match((0, 2), (0, 1)).score == 1.0


@FAST
@given(st.lists(_unit, min_size=4, max_size=16), st.lists(_unit, min_size=4, max_size=16), st.data())
def test_rare_pairs_of_many_gaps_are_each_gaps_own(a: list[str], b: list[str], data: st.DataObject) -> None:
    sim = UnitSimilarity(a, b)
    cut_a = data.draw(st.integers(1, len(a) - 1))
    cut_b = data.draw(st.integers(1, len(b) - 1))
    gaps = [(range(0, cut_a), range(0, cut_b)), (range(cut_a, len(a)), range(cut_b, len(b)))]
    together = sim.rare_pairs_within(2, gaps)
    for number, (a_range, b_range) in enumerate(gaps):
        in_gap = together.gap == number
        found = set(zip(together.original[in_gap].tolist(), together.derivative[in_gap].tolist(), strict=True))
        assert found == sim.rare_pairs(2, a_range, b_range)
        assert all(i in a_range and j in b_range for i, j in found)


def test_rare_pairs_share_a_rare_n_gram() -> None:
    a = ["Ottoline Brackwater painted it.", "The ferry left.", "The council met."]
    b = ["Brackwater sold a portrait.", "The ferry sailed.", "Nothing else."]
    sim = UnitSimilarity(a, b)
    assert (0, 0) in sim.rare_pairs(1)
    for i, j in sim.rare_pairs(1):
        assert sim.a[i] & sim.b[j]


def test_each_unit_keeps_its_best_candidates_and_their_ties() -> None:
    units = np.array([0, 0, 0, 0, 1, 1])
    hits = np.array([5, 1, 3, 3, 2, 2])
    assert _among_best(units, hits, 2).tolist() == [True, False, True, True, True, True]
    assert _among_best(units, hits, 1).tolist() == [True, False, False, False, True, True]


# --------------------------------------------------------------------------------------------
# the collector
# --------------------------------------------------------------------------------------------


@pytest.fixture
def collector_on() -> object:
    was = gc.isenabled()
    gc.enable()
    yield None
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_resumed_after(collector_on: object) -> None:
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_on: object) -> None:
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()
    gc.enable()


def test_the_collector_resumes_only_when_the_last_comparison_ends(collector_on: object) -> None:
    inside, release = threading.Event(), threading.Event()

    def long_comparison() -> None:
        with paused_collector():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=long_comparison)
    other.start()
    inside.wait(5)
    with paused_collector():
        pass
    assert not gc.isenabled()  # the other comparison still runs
    release.set()
    other.join(5)
    assert gc.isenabled()


def test_a_cancelled_comparison_resumes_the_collector(collector_on: object) -> None:
    original = doc("The council met on Monday.", "The ferry will sail twice a day.")
    derivative = doc("On Monday the council met.", "Twice a day, the ferry sails.")
    with pytest.raises(Cancelled):
        compare(original, derivative, should_cancel=lambda: True)
    assert gc.isenabled()


def test_what_a_comparison_leaves_alive_is_not_walked_and_is_put_back_at_the_next(collector_on: object) -> None:
    with paused_collector():
        made = [[n] for n in range(10_000)]  # objects the collector would walk
    assert gc.get_freeze_count() >= len(made)  # set aside: the next collections skip them
    with paused_collector():
        assert gc.get_freeze_count() == 0  # back among the collected, while the collector is off
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()


def test_a_cycle_made_after_a_comparison_is_still_collected(collector_on: object) -> None:
    import weakref

    with paused_collector():
        pass

    class Node:
        pass

    node = Node()
    node.me = node  # type: ignore[attr-defined]
    alive = weakref.ref(node)
    del node
    gc.collect()
    assert alive() is None
    gc.unfreeze()
