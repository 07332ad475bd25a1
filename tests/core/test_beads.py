"""Beads (core/beads.py): the heaviest chain of anchors, and sentence beads of units."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.beads import Bead, align_units, heaviest_chain

FAST = settings(max_examples=40, deadline=None)

# --------------------------------------------------------------------------------------------
# beads.heaviest_chain
# --------------------------------------------------------------------------------------------


def _brute_force_chain_weight(pairs: dict[tuple[int, int], float]) -> float:
    items = sorted((i, j, w) for (i, j), w in pairs.items() if w > 0)
    best = 0.0
    for size in range(1, len(items) + 1):
        for subset in combinations(items, size):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(subset, subset[1:], strict=False)):
                best = max(best, sum(w for _, _, w in subset))
    return best


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 5), st.integers(0, 5)),
        st.integers(-3, 9).map(float),
        max_size=9,
    )
)
def test_heaviest_chain_is_strictly_increasing_and_heaviest(pairs: dict[tuple[int, int], float]) -> None:
    chain = heaviest_chain([(i, j, w) for (i, j), w in pairs.items()])
    for (i0, j0), (i1, j1) in zip(chain, chain[1:], strict=False):
        assert i0 < i1 and j0 < j1, chain
    assert all(p in pairs and pairs[p] > 0 for p in chain)
    assert sum(pairs[p] for p in chain) == pytest.approx(_brute_force_chain_weight(pairs))


def test_heaviest_chain_of_nothing_is_empty() -> None:
    assert heaviest_chain([]) == []
    assert heaviest_chain([(0, 0, 0.0), (1, 1, -2.0)]) == []


# --------------------------------------------------------------------------------------------
# beads.align_units
# --------------------------------------------------------------------------------------------

STORY = (
    "The county council approved a new winter timetable for the Kellmouth ferry on Tuesday.",
    "Four evening crossings will be added between the harbour and Tarrow Island.",
    "Island residents had complained for two years about the lack of late boats.",
    "The vessel Marigold will run the late crossings while the Skerry is refitted.",
    "The refit at the Penhallow yard is expected to take eleven weeks.",
    "Café owners on the quay said the consultation had been rushed.",
    "The harbour master promised brighter lights on the slipway before March.",
    "Season ticket prices will stay the same, although single fares rise slightly.",
    "Hospital staff in Bradwick said the last crossing was still too early for them.",
    "Passenger figures will be published after the first twelve months.",
)
SPLIT_HALVES = ("The vessel Marigold will run the late crossings.", "Meanwhile the Skerry is refitted.")
UNRELATED = "Bees prefer lavender to almost any other flower in the garden."


def _pairs(beads: Sequence[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.original, b.derivative) for b in beads}


def _beads_with(beads: Sequence[Bead], side: str, unit: int) -> list[Bead]:
    return [b for b in beads if unit in (b.original if side == "a" else b.derivative)]


def test_identical_sequences_align_one_to_one() -> None:
    beads = align_units(STORY, STORY)
    assert sorted(_pairs(beads)) == [((k,), (k,)) for k in range(len(STORY))]
    assert len(beads) == len(STORY)
    assert not any(b.moved for b in beads)


def test_split_sentence_is_one_bead_of_one_and_two_units() -> None:
    derivative = (*STORY[:3], *SPLIT_HALVES, *STORY[4:])
    beads = align_units(STORY, derivative)
    assert _beads_with(beads, "a", 3) == [b for b in beads if b.original == (3,) and b.derivative == (3, 4)]
    assert len(_beads_with(beads, "a", 3)) == 1
    # The rest stays 1:1, shifted by one.
    for k in [*range(3), *range(4, len(STORY))]:
        (bead,) = _beads_with(beads, "a", k)
        assert bead.derivative == ((k,) if k < 3 else (k + 1,))


def test_swapped_far_apart_units_are_moved_beads() -> None:
    derivative = (STORY[0], STORY[8], *STORY[2:8], STORY[1], *STORY[9:])
    beads = align_units(STORY, derivative)
    assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", 1)] == [((8,), True)]
    assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", 8)] == [((1,), True)]
    for k in [0, *range(2, 8), 9]:
        assert [(b.derivative, b.moved) for b in _beads_with(beads, "a", k)] == [((k,), False)]


def test_unrelated_inserted_unit_stays_alone() -> None:
    derivative = (*STORY[:5], UNRELATED, *STORY[5:])
    beads = align_units(STORY, derivative)
    assert _beads_with(beads, "b", 5) == []
    assert len(beads) == len(STORY)
    assert all(len(b.original) == 1 and len(b.derivative) == 1 for b in beads)


def test_a_fragment_that_says_little_joins_with_the_fragment_beyond_it() -> None:
    # Three sentences of the derivative from one: the middle one alone is hardly found in the
    # original sentence, but it lies between the other two, and the two together mostly are.
    fragments = (
        "The vessel Marigold will run the late crossings.",
        "That is the plan.",
        "Meanwhile the Skerry is refitted.",
    )
    beads = align_units(STORY, (*STORY[:3], *fragments, *STORY[4:]))
    assert _beads_with(beads, "a", 3) == _beads_with(beads, "b", 4) == _beads_with(beads, "b", 5)
    assert _beads_with(beads, "a", 3)[0].derivative == (3, 4, 5)


_PARAPHRASE = "The refit at the yard should last about three months."  # of STORY[4], loosely


def _check_bead_properties(beads: Sequence[Bead], n: int, m: int) -> None:
    used_a = Counter(u for b in beads for u in b.original)
    used_b = Counter(u for b in beads for u in b.derivative)
    assert all(c == 1 for c in used_a.values()), f"original units in two beads: {used_a}"
    assert all(c == 1 for c in used_b.values()), f"derivative units in two beads: {used_b}"
    for b in beads:
        assert b.original and b.derivative, b
        assert b.original == tuple(range(b.original[0], b.original[-1] + 1)), b
        assert b.derivative == tuple(range(b.derivative[0], b.derivative[-1] + 1)), b
        assert b.original[0] >= 0 and b.derivative[0] >= 0, b
        assert b.original[-1] < n and b.derivative[-1] < m, b
    ordered = sorted((b for b in beads if not b.moved), key=lambda b: b.original)
    for x, y in zip(ordered, ordered[1:], strict=False):
        assert x.original[-1] < y.original[0] and x.derivative[-1] < y.derivative[0], (x, y)


def test_bead_properties_on_the_fixed_cases() -> None:
    cases = [
        (STORY, STORY),
        (STORY, (*STORY[:3], *SPLIT_HALVES, *STORY[4:])),
        (STORY, (STORY[0], STORY[8], *STORY[2:8], STORY[1], *STORY[9:])),
        (STORY, (*STORY[:5], UNRELATED, *STORY[5:])),
    ]
    for a, b in cases:
        _check_bead_properties(align_units(a, b), len(a), len(b))


# A pool the random documents draw on: the story's sentences, lightly edited forms of some,
# the halves of a split one, and unrelated sentences.
POOL = (
    *STORY,
    *SPLIT_HALVES,
    UNRELATED,
    "The council approved a winter timetable for the ferry at Kellmouth on Tuesday.",
    "Island residents complained for two years that there were no late boats.",
    "Passenger figures are to be published after twelve months.",
    "Rents in the old town rose again this spring.",
    "The choir will sing carols at the market in December.",
)


@FAST
@given(
    st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=14),
    st.lists(st.sampled_from(range(len(POOL))), min_size=1, max_size=14),
)
def test_beads_never_share_units_and_keep_order(a: list[int], b: list[int]) -> None:
    a_texts, b_texts = [POOL[k] for k in a], [POOL[k] for k in b]
    _check_bead_properties(align_units(a_texts, b_texts), len(a_texts), len(b_texts))


@FAST
@given(st.permutations(range(len(STORY))), st.sets(st.sampled_from(range(len(STORY))), max_size=4))
def test_beads_of_a_reordered_story_never_share_units(order: list[int], dropped: set[int]) -> None:
    derivative = [STORY[k] for k in order if k not in dropped] or [UNRELATED]
    _check_bead_properties(align_units(STORY, derivative), len(STORY), len(derivative))
