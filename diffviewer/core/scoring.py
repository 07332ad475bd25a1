"""What the bead aligner scores with: beads, their gains, and how surprising a match must be.

A bead's gain is (weight of its text) × (chance-corrected Dice − threshold); a pair must also be
significant: what it shares must be unlikely by chance among the alternatives its unit had
(needed()). Ties between equal gains go to beads that keep to the paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from diffviewer.core.collector import let_go
from diffviewer.core.model import Side
from diffviewer.core.recent import Recent
from diffviewer.core.similarity import MAX_CHANCE, Extent, Match, PairScores, Span, UnitSimilarity

# The chance that a unit, among all the units it could have paired with, pairs with one only by
# chance: each pair must be that unlikely under the chance model (see needed()).
FALSE_PAIR_RATE = 0.05
TIE = 1e-6  # far below any real difference in gain: only breaks ties
# Spans of several units kept with their n-grams' union (twice this at most: recent.Recent); the
# dynamic programme reads a few at a time, in the order of its path.
KEPT_SPANS = 512


@dataclass(frozen=True, slots=True)
class Bead:
    original: tuple[int, ...]  # unit indexes, consecutive
    derivative: tuple[int, ...]
    score: float  # chance-corrected Dice of the two sides
    moved: bool


@lru_cache(maxsize=4096)
def needed(alternatives: int) -> float:
    """The surprise (standard deviations above chance) a pair needs when its unit had this many
    units to pair with: the chance that any of them gets there by chance is FALSE_PAIR_RATE."""
    return NormalDist().inv_cdf(1 - FALSE_PAIR_RATE / max(1, alternatives))


class Scorer:
    """Matches and gains of candidate beads, cached."""

    def __init__(
        self,
        sim: UnitSimilarity,
        threshold: float,
        a_starts: Sequence[bool],
        b_starts: Sequence[bool],
    ) -> None:
        self.sim = sim
        self.threshold = threshold
        # Whether each unit opens a paragraph: between equal gains, a bead that keeps to the
        # paragraphs is the better reading ("the . the" beside "the": the dot stays home).
        self.a_starts = a_starts
        self.b_starts = b_starts
        # Cells by original unit × width + derivative unit: an int key takes a third of the memory
        # of a tuple of two (a book's alignment matches some 150,000 cells).
        self.width = len(sim.b) + 1
        self.cells: dict[int, Match] = {}
        self._shared: dict[int, float] = {}
        self._spans: Recent[tuple[Side, int, int], Span] = Recent(KEPT_SPANS)
        self._pairs: dict[tuple[Side, int], tuple[Extent, float]] = {}
        self._matches: dict[tuple[int, int, int, int], Match] = {}

    def release(self) -> None:
        """Free what was matched, and the similarity, a slice at a time (collector.let_go): the
        scorer is of no use after."""
        let_go(self.cells, self._shared, self._pairs, self._matches)
        self._spans.release()
        self.sim.release()

    def cell(self, i: int, j: int) -> Match:
        key = i * self.width + j
        found = self.cells.get(key)
        if found is None:
            shared = self._shared[key] = self.sim.shared(i, j)
            found = self.cells[key] = self.sim.unit_judge(i, j, shared)
        return found

    def prefill(self, original: npt.NDArray[np.int64], derivative: npt.NDArray[np.int64]) -> PairScores:
        """Match these pairs of units in one batch, ahead of cell() asking for them one by one."""
        found = self.sim.unit_scores(original, derivative)
        keys = (original.astype(np.int64) * self.width + derivative).tolist()  # (64 bits: a book's keys pass 2**31)
        self._shared.update(zip(keys, found.shared.tolist(), strict=True))
        self.cells.update(zip(keys, map(Match, found.score.tolist(), found.surprise.tolist()), strict=True))
        return found

    def unknown(self, original: npt.NDArray[np.int64], derivative: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Which of these pairs no cell has been matched for yet."""
        cells = self.cells
        keys = (original.astype(np.int64) * self.width + derivative).tolist()
        return np.fromiter((key not in cells for key in keys), dtype=bool, count=len(original))

    def matched(self) -> set[tuple[int, int]]:
        """The unit pairs whose cells have been matched."""
        return {divmod(key, self.width) for key in self.cells}

    def shared(self, i: int, j: int) -> float:
        """The weight of the n-grams units i and j share (what cell() judged)."""
        key = i * self.width + j
        found = self._shared.get(key)
        if found is None:
            self.cell(i, j)
            found = self._shared[key]
        return found

    def span(self, side: Side, start: int, end: int) -> Span:
        if end - start == 1:  # single units: the similarity's own two-generation cache holds them
            return self.sim.span(side, start, end)
        key = (side, start, end)
        found = self._spans.get(key)
        if found is None:
            found = self.sim.span(side, start, end)
            self._spans.put(key, found)
        return found

    def _pair(self, side: Side, start: int) -> tuple[Extent, float]:
        key = (side, start)
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self.sim.pair_extent(side, start)
        return found

    def extent(self, side: Side, start: int, end: int) -> Extent:
        if end - start == 2:
            return self._pair(side, start)[0]
        return self.span(side, start, end)

    def match(self, a: tuple[int, int], b: tuple[int, int]) -> Match:
        if a[1] - a[0] == 1 and b[1] - b[0] == 1:
            return self.cell(a[0], b[0])
        key = (*a, *b)
        found = self._matches.get(key)
        if found is None:
            if a[1] - a[0] == 2 and b[1] - b[0] == 1:
                found = self._merged(Side.ORIGINAL, a[0], b[0])
            elif a[1] - a[0] == 1 and b[1] - b[0] == 2:
                found = self._merged(Side.DERIVATIVE, b[0], a[0])
            else:
                found = self.sim.match(self.span(Side.ORIGINAL, *a), self.span(Side.DERIVATIVE, *b))
            self._matches[key] = found
        return found

    def _merged(self, side: Side, start: int, lone: int) -> Match:
        """Two units of `side` against one of the other, by inclusion and exclusion: what the two
        share with it, less what they share with it twice (the DP asks for tens of thousands)."""
        pair, pair_raw = self._pair(side, start)
        sim = self.sim
        if side is Side.ORIGINAL:
            both = self.shared(start, lone) + self.shared(start + 1, lone)
            other = sim.b_units[lone]
            twice = sim.shared_with_next(side, start, other.features)
        else:
            both = self.shared(lone, start) + self.shared(lone, start + 1)
            other = sim.a_units[lone]
            twice = sim.shared_with_next(side, start, other.features)
        shared = both - twice
        other_raw = sim.raw_weight(side.other, lone)
        if _same(shared, pair_raw) and _same(shared, other_raw):
            return Match(1.0, math.inf)  # the same n-grams on both sides (or none)
        return sim.judge(shared, pair, other) if side is Side.ORIGINAL else sim.judge(shared, other, pair)

    def gain(self, a: tuple[int, int], b: tuple[int, int], need: float) -> float:
        """The bead's gain, or -inf when its sides are not `need` deviations above chance."""
        found = self.match(a, b)
        if found.surprise < need:
            return -math.inf
        total = self.extent(Side.ORIGINAL, *a).weight + self.extent(Side.DERIVATIVE, *b).weight
        # Between equal gains, beads that keep to paragraphs: one that starts where both sides
        # start (or continue) a paragraph, and crosses no paragraph break.
        crossed = sum(self.a_starts[a[0] + 1 : a[1]]) + sum(self.b_starts[b[0] + 1 : b[1]])
        return total * (found.score - self.threshold) - TIE * crossed + self.agreement(a[0], a[1], b[0], b[1])

    def agreement(self, a0: int, a1: int, b0: int, b1: int) -> float:
        """A tie-breaker for beads that begin and end where both sides begin and end paragraphs."""
        starts = self.a_starts[a0] == self.b_starts[b0]
        ends = self.a_starts[a1] == self.b_starts[b1]  # (each list has an extra True at its end)
        return TIE / 4 * (starts + ends)

    def belonging(self, side: Side, run: tuple[int, int], other: tuple[int, int]) -> float:
        """How much of a run of lone units of `side` a span of the other side holds, beyond chance:
        1 when all its n-grams are there, 0 when no more than a random span of that length would
        hold. A run without words belongs anywhere (1)."""
        lone = self.span(side, *run)
        if not lone.features:
            return 1.0
        there = self.span(side.other, *other).features
        held = self.sim.weight(lone.features & there) / lone.weight
        if not self.sim.measurable:
            return held
        chance = min(MAX_CHANCE, (other[1] - other[0]) * lone.share / lone.weight)
        return (held - chance) / (1 - chance)


def _same(shared: float, weight: float) -> bool:
    """Whether n-grams of weight `shared`, found in a side of weight `weight`, are all of it. Sums
    in another order differ by rounding; a missing n-gram weighs at least log(1 + 1/units)."""
    return abs(weight - shared) <= 1e-9 * max(1.0, weight)
