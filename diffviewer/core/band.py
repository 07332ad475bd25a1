"""The banded dynamic programme over beads (Gale-Church, Bleualign, vecalign): between anchors, in
place or in a moved passage, every unit goes into a bead (1:1, 1:2, 2:1, 2:2) or stays alone.

A bead's gain is (weight of its text) × (chance-corrected Dice − threshold), and it must be
significant: what its sides share must be unlikely by chance among the alternatives its unit had
in the band (see scoring.needed). The band follows the anchors, and a long stretch without any
follows its diagonal.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from diffviewer.core.scoring import Bead, Scorer, needed
from diffviewer.core.similarity import Match

# Band around the anchor path: units this far off it may still pair (a wrong or missing anchor).
BAND_MARGIN = 2
# Between anchors this far apart, the band follows the diagonal at this half-width.
BAND_HALF_WIDTH = 20
_SKIP_A, _SKIP_B = -1, -2
Masks = tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]  # a flag for each unit of each side
_SHAPES = {1: (1, 1), 2: (1, 2), 3: (2, 1), 4: (2, 2)}


def region_band(bounds: list[tuple[int, int]], n: int, m: int) -> tuple[list[int], list[int], list[float]]:
    """The DP band over a run of anchors bounds[0..-1] with gaps between them: for each row p from
    the first anchor's start to the last one's end (original units consumed), the lowest and
    highest q, and the surprise a pair of original unit p-1 needs there (see needed()).

    The anchors themselves are inside the band, so a bead may take them into a merge (a split
    sentence beside an anchor); a small gap is searched whole, a long stretch with no anchor
    follows its diagonal.
    """
    first, last = max(0, bounds[0][0]), min(n, bounds[-1][0] + 1)
    col_first, col_last = max(0, bounds[0][1]), min(m, bounds[-1][1] + 1)
    rows = last - first + 1
    lo, hi = [col_last] * rows, [col_first] * rows
    need = [needed(1)] * rows
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False):
        height, width = a1 - a0, b1 - b0
        for p in range(max(first, a0), min(last, a1 + 1) + 1):
            if height * width <= (2 * BAND_HALF_WIDTH) ** 2:
                low, high, choices = b0, b1 + 1, max(1, width - 1)
            else:
                centre = b0 + 1 + (p - a0 - 1) * width / max(1, height)
                low, high = int(centre) - BAND_HALF_WIDTH, int(centre) + BAND_HALF_WIDTH
                choices = 2 * BAND_HALF_WIDTH + 1
            r = p - first
            lo[r] = max(col_first, min(lo[r], low - BAND_MARGIN))
            hi[r] = min(col_last, max(hi[r], high + BAND_MARGIN))
            need[r] = max(need[r], needed(choices))
    lo[0], hi[-1] = col_first, col_last
    for r in range(rows - 2, -1, -1):  # lo never decreasing, and each row reaches the next
        lo[r] = min(lo[r], lo[r + 1])
    for r in range(1, rows):
        hi[r] = max(hi[r], hi[r - 1])
    for r in range(rows - 1):
        hi[r] = max(hi[r], lo[r + 1])
    return lo, hi, need


@dataclass(frozen=True, slots=True)
class Region:
    """A run of anchors with gaps between them, and its DP band (see region_band)."""

    first: int
    lo: list[int]
    hi: list[int]
    need: list[float]

    @staticmethod
    def of(bounds: list[tuple[int, int]], n: int, m: int) -> Region:
        """The region of a run of anchors (bounds[0] may be (-1, -1), the documents' start)."""
        return Region(max(0, bounds[0][0]), *region_band(bounds, n, m))


def band_dp(
    scorer: Scorer, region: Region, on_step: Callable[[], None], free: tuple[set[int], set[int]] | None = None
) -> list[Bead]:
    """The best monotone sequence of beads in a region's band, from state (first, lo[0]) to
    (last, hi[-1]).

    A state (p, q) has consumed p original and q derivative units; row p of the band is
    lo[p - first]..hi[p - first]. See the module docstring for the gains. With `free`, only
    those units (original, derivative) may go into a bead: the others are placed already.
    """
    first, lo, hi, needs = region.first, region.lo, region.hi, region.need
    threshold = scorer.threshold
    part = threshold  # each unit of a merged bead must be at least this like the other side
    gain, agreement = scorer.gain, scorer.agreement
    cells, compute, width = scorer.cells, scorer.cell, scorer.width

    def cell(i: int, j: int) -> Match:  # scorer.cell, its lookup inlined: the DP asks for millions
        found = cells.get(i * width + j)
        return compute(i, j) if found is None else found

    if free is not None:
        free_a, free_b = free
        placed = Match(-math.inf, -math.inf)
        unplaced = cell

        # Every bead reads the cell of each of its units (see the merges below), so a placed
        # unit in no cell is in no bead.
        def cell(i: int, j: int) -> Match:
            return unplaced(i, j) if i in free_a and j in free_b else placed

    a_weights, b_weights = scorer.sim.a_units.weights, scorer.sim.b_units.weights
    neg = -math.inf
    score: list[list[float]] = []
    back: list[list[int]] = []
    start_q = lo[0]
    for r in range(len(lo)):
        if r % 512 == 511:
            on_step()
        p = first + r
        low, high = lo[r], hi[r]
        row = [neg] * (high - low + 1)
        row_back = [0] * (high - low + 1)
        up, up_lo = (score[r - 1], lo[r - 1]) if r >= 1 else ([], 0)
        up2, up2_lo = (score[r - 2], lo[r - 2]) if r >= 2 else ([], 0)
        need = needs[r]
        for q in range(low, high + 1):
            best, how = (0.0, 0) if r == 0 and q == start_q else (neg, 0)
            if q > low and row[q - 1 - low] > best:  # derivative unit q-1 alone
                best, how = row[q - 1 - low], _SKIP_B
            k = q - up_lo
            if 0 <= k < len(up) and up[k] > best:  # original unit p-1 alone
                best, how = up[k], _SKIP_A
            if r >= 1 and 1 <= k <= len(up):
                one = cell(p - 1, q - 1)
                if up[k - 1] > neg and one.score > threshold and one.surprise >= need:
                    total = a_weights[p - 1] + b_weights[q - 1]
                    value = up[k - 1] + total * (one.score - threshold) + agreement(p - 1, p, q - 1, q)
                    if value > best:
                        best, how = value, 1
                if one.score > part:
                    if k >= 2 and up[k - 2] > neg and cell(p - 1, q - 2).score > part:
                        value = up[k - 2] + gain((p - 1, p), (q - 2, q), need)
                        if value > best:
                            best, how = value, 2
                    if r >= 2:
                        for db, code in ((1, 3), (2, 4)):
                            k2 = q - db - up2_lo
                            if not 0 <= k2 < len(up2) or up2[k2] == neg:
                                continue
                            other = cell(p - 2, q - db)
                            if other.score <= part:
                                continue
                            if db == 2 and (
                                (one.score > threshold and other.score > threshold)
                                or (cell(p - 1, q - 2).score > threshold and cell(p - 2, q - 1).score > threshold)
                            ):
                                continue  # two 1:1 beads (or a swap, which is a move) say it more finely
                            value = up2[k2] + gain((p - 2, p), (q - db, q), need)
                            if value > best:
                                best, how = value, code
            row[q - low] = best
            row_back[q - low] = how
        score.append(row)
        back.append(row_back)
    beads: list[Bead] = []
    r, q = len(lo) - 1, hi[-1]
    while r > 0 or q > start_q:
        how = back[r][q - lo[r]]
        if how == _SKIP_B:
            q -= 1
        elif how == _SKIP_A:
            r -= 1
        else:
            da, db = _SHAPES[how]
            p = first + r
            a, b = (p - da, p), (q - db, q)
            beads.append(Bead(tuple(range(*a)), tuple(range(*b)), scorer.match(a, b).score, moved=False))
            r, q = r - da, q - db
    beads.reverse()
    return beads


def prefill_band(scorer: Scorer, regions: list[Region], m: int, left_alone: Masks | None = None) -> None:
    """Every cell the DP of these regions may read, matched in one batch (see unit_scores):
    original unit p - 1 of row p against q - 2 .. q - 1 for q in its row and in the next.
    `left_alone`: masks of the units (original, derivative) the DP does not pair, whose cells it
    never reads (a band beside a passage moved whole crosses the passage's units)."""
    rows, lows, highs = [], [], []
    for region in regions:
        count = len(region.lo)
        units = np.arange(region.first, region.first + count - 1)
        rows.append(units)
        lows.append(np.asarray(region.lo[1:]) - 2)
        highs.append(np.asarray([*region.hi[2:], region.hi[-1]]) - 1)
    if not rows:
        return
    units, low, high = (
        np.concatenate(rows),
        np.maximum(0, np.concatenate(lows)),
        np.minimum(m - 1, np.concatenate(highs)),
    )
    widths = np.maximum(0, high - low + 1)
    original = np.repeat(units, widths)
    derivative = np.repeat(low, widths) + np.arange(int(widths.sum())) - np.repeat(np.cumsum(widths) - widths, widths)
    if left_alone is not None:
        read = ~(left_alone[0][original] | left_alone[1][derivative])
        original, derivative = original[read], derivative[read]
    unknown = scorer.unknown(original, derivative)
    scorer.prefill(original[unknown], derivative[unknown])


__all__ = ["BAND_HALF_WIDTH", "BAND_MARGIN", "Region", "band_dp", "prefill_band", "region_band"]
