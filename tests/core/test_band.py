"""The banded dynamic programme: every unit in at most one bead, in order, within its band."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.band import BAND_HALF_WIDTH, BAND_MARGIN, Region, band_dp, prefill_band, region_band
from diffviewer.core.scoring import Scorer
from diffviewer.core.similarity import UnitSimilarity

SENTENCES = [
    f"The {noun} of {place} reported {count} new {thing} on {day}."
    for noun, place, count, thing, day in zip(
        ["council", "museum", "harbour", "library", "school", "hospital", "station", "market", "bakery", "theatre"],
        ["Kellmouth", "Tarrow", "Bradwick", "Penhallow", "Skerry", "Lanford", "Orrin", "Welby", "Fennick", "Carrow"],
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"],
        ["ferries", "paintings", "boats", "readers", "pupils", "beds", "trains", "stalls", "loaves", "plays"],
        ["Monday", "Tuesday", "Friday", "Sunday", "Monday", "Tuesday", "Friday", "Sunday", "Monday", "Friday"],
        strict=True,
    )
]


def _scorer(original: list[str], derivative: list[str]) -> Scorer:
    sim = UnitSimilarity(original, derivative)
    return Scorer(sim, 0.1, [True] * (len(original) + 1), [True] * (len(derivative) + 1))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 60), st.integers(1, 60)), min_size=1, max_size=8),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_the_band_reaches_from_the_first_anchor_to_the_last(steps: list[tuple[int, int]], a0: int, b0: int) -> None:
    bounds = [(a0, b0)]
    for da, db in steps:
        bounds.append((bounds[-1][0] + da, bounds[-1][1] + db))
    n, m = bounds[-1][0] + 5, bounds[-1][1] + 5
    lo, hi, need = region_band(bounds, n, m)
    assert len(lo) == len(hi) == len(need) == bounds[-1][0] + 1 - a0 + 1
    assert lo[0] == b0 and hi[-1] == bounds[-1][1] + 1  # from the first anchor's state to past the last
    assert all(low <= high for low, high in zip(lo, hi, strict=True))
    # Monotone and connected: each row's band reaches the next one's start.
    assert all(lo[r] <= lo[r + 1] and hi[r] >= lo[r + 1] for r in range(len(lo) - 1))
    # Every anchor between lies in the band, the states before and after it: the DP can take it
    # into a bead.
    for i, j in bounds[1:-1]:
        assert lo[i - a0] <= j <= hi[i - a0] and lo[i + 1 - a0] <= j + 1 <= hi[i + 1 - a0]
    # A long stretch without anchors is searched along its diagonal, not whole.
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        if (i1 - i0) * (j1 - j0) > (2 * BAND_HALF_WIDTH) ** 2:
            middle = (i0 + i1) // 2 + 1 - a0
            slope = (j1 - j0) // (i1 - i0) + 1  # (a row's band may reach the next row's start)
            assert hi[middle] - lo[middle] <= 2 * (BAND_HALF_WIDTH + BAND_MARGIN) + slope


def test_the_dp_pairs_the_same_sentences_in_order_and_leaves_placed_units_alone() -> None:
    scorer = _scorer(SENTENCES, SENTENCES)
    n = len(SENTENCES)
    region = Region.of([(-1, -1), (n, n)], n, n)
    beads = band_dp(scorer, region, lambda: None)
    assert [(b.original, b.derivative) for b in beads] == [((k,), (k,)) for k in range(n)]
    # Units 3 and 4 of the original are placed elsewhere already: no bead takes them.
    free = (set(range(n)) - {3, 4}, set(range(n)))
    beads = band_dp(scorer, region, lambda: None, free)
    assert [(b.original, b.derivative) for b in beads] == [((k,), (k,)) for k in range(n) if k not in (3, 4)]


def test_the_band_is_scored_ahead_only_where_units_are_unplaced_and_the_dp_is_unchanged() -> None:
    # A band beside a passage moved whole crosses the passage's units, which the DP never pairs:
    # scoring their cells ahead was most of a reordered book's alignment in place.
    n = len(SENTENCES)
    region = Region.of([(-1, -1), (n, n)], n, n)
    placed_a, placed_b = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    placed_a[3:5], placed_b[6:8] = True, True
    free = (set(np.flatnonzero(~placed_a).tolist()), set(np.flatnonzero(~placed_b).tolist()))
    scorer = _scorer(SENTENCES, SENTENCES)
    prefill_band(scorer, [region], n, (placed_a, placed_b))
    scored = scorer.matched()
    assert scored and all(not placed_a[i] and not placed_b[j] for i, j in scored)
    # Every cell of two unplaced units in the band was scored: the DP asks for nothing more...
    beads = band_dp(scorer, region, lambda: None, free)
    assert scorer.matched() == scored
    # ...and pairs as it does without the cells scored ahead.
    fresh = _scorer(SENTENCES, SENTENCES)
    assert beads == band_dp(fresh, region, lambda: None, free)
    assert [(b.original, b.derivative) for b in beads] == [((k,), (k,)) for k in range(n) if k not in (3, 4, 6, 7)]
