"""The aligner's fast paths give what the plain definitions give: batch matches, merged beads by
inclusion and exclusion (core/scoring.py), rare pairs of many gaps at once (core/similarity.py)."""

from __future__ import annotations

import math
from collections import Counter
from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import ngrams
from diffviewer.core.model import Side
from diffviewer.core.scoring import Scorer
from diffviewer.core.similarity import UnitSimilarity, _among_best

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
@given(_side, _side, st.data(), st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=400))
def test_batch_shares_of_pairs_in_any_order_are_the_single_shares(
    a: list[str], b: list[str], data: st.DataObject, entries_at_once: int, table_cells: int
) -> None:
    # Pairs shuffled and repeated, taken a few entries at a time as a book's batches are.
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, len(a) - 1), st.integers(0, len(b) - 1)), max_size=30), label="pairs"
    )
    sim = UnitSimilarity(a, b)
    with (
        patch.object(ngrams, "ENTRIES_AT_ONCE", entries_at_once),
        patch.object(ngrams, "TABLE_CELLS", table_cells),
    ):
        found = sim.unit_scores(
            np.array([i for i, _ in pairs], dtype=np.int64), np.array([j for _, j in pairs], dtype=np.int64)
        )
    assert len(found.shared) == len(pairs)
    for k, (i, j) in enumerate(pairs):
        assert _close(found.shared[k], sim.shared(i, j)), (a[i], b[j])
        assert _close(found.score[k], sim.unit_match(i, j).score), (a[i], b[j])


def _plain_nearest(
    sim: UnitSimilarity, probes: list[int], targets: list[int], probe_terms: int, max_posting: int, keep: int
) -> dict[int, list[int]]:
    """nearest() by its definition: postings, then each probe's rarest n-grams and their hits."""
    post: dict[int, list[int]] = {}
    for i in targets:
        for f in sim.a[i]:
            post.setdefault(f, []).append(i)
    found = {}
    for j in probes:
        rare = sorted((len(post[f]), f) for f in sim.b[j] if 0 < len(post.get(f, ())) <= max_posting)
        hits: Counter[int] = Counter()
        for _, f in rare[:probe_terms]:
            hits.update(post[f])
        found[j] = sorted(i for i, _ in hits.most_common(keep))
    return found


# (More examples: the order among tied targets shows only when more of them tie than are kept.)
@settings(max_examples=300, deadline=None)
@given(_side, _side, st.data(), st.integers(1, 6), st.integers(1, 6), st.integers(1, 4))
def test_the_nearest_targets_are_those_of_the_plain_definition(
    a: list[str], b: list[str], data: st.DataObject, probe_terms: int, max_posting: int, keep: int
) -> None:
    sim = UnitSimilarity(a, b)
    probes = sorted(data.draw(st.sets(st.integers(0, len(b) - 1)), label="probes"))
    targets = sorted(data.draw(st.sets(st.integers(0, len(a) - 1)), label="targets"))
    assert sim.nearest(probes, targets, probe_terms, max_posting, keep) == _plain_nearest(
        sim, probes, targets, probe_terms, max_posting, keep
    )


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


@FAST
@given(st.lists(_unit, min_size=4, max_size=16), st.lists(_unit, min_size=4, max_size=16), st.data())
def test_rare_pairs_of_gaps_sorted_a_batch_at_a_time_are_those_of_one_sort(
    a: list[str], b: list[str], data: st.DataObject
) -> None:
    # A book's gaps go a batch of entries at a time (similarity.ENTRIES_AT_ONCE), not all in one
    # sort: whatever the batches, in whatever order the gaps are given, the pairs are the same.
    from diffviewer.core import similarity

    sim = UnitSimilarity(a, b)
    count = data.draw(st.integers(1, 4))
    cuts_a = sorted(data.draw(st.lists(st.integers(0, len(a)), min_size=count + 1, max_size=count + 1)))
    cuts_b = sorted(data.draw(st.lists(st.integers(0, len(b)), min_size=count + 1, max_size=count + 1)))
    gaps = [(range(cuts_a[k], cuts_a[k + 1]), range(cuts_b[k], cuts_b[k + 1])) for k in range(count)]
    gaps = data.draw(st.permutations(gaps))
    whole = similarity.ENTRIES_AT_ONCE
    try:
        similarity.ENTRIES_AT_ONCE = 10**9
        once = sim.rare_pairs_within(2, gaps)
        similarity.ENTRIES_AT_ONCE = data.draw(st.sampled_from([0, 1, 20, 60]))
        batched = sim.rare_pairs_within(2, gaps)
    finally:
        similarity.ENTRIES_AT_ONCE = whole
    for field in ("gap", "original", "derivative"):
        assert getattr(batched, field).tolist() == getattr(once, field).tolist()
    for number, (a_range, b_range) in enumerate(gaps):
        in_gap = batched.gap == number
        found = set(zip(batched.original[in_gap].tolist(), batched.derivative[in_gap].tolist(), strict=True))
        assert found == (sim.rare_pairs(2, a_range, b_range) if a_range and b_range else set())


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
