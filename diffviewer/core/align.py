"""Alignment at sentence grain, shown as paragraph blocks.

1. Units: each paragraph's sentences (code: whole paragraphs), with language-neutral n-gram
   features weighted by the documents' own rarity (see similarity.py).
2. Anchors: unit pairs that share n-grams rare in both documents (names, figures, rare words),
   kept where they form the heaviest in-order chain (a Fenwick tree: O(P log P)). They need no
   threshold tuned to a size: rare stays rare in a book as in a page.
3. Beads: a monotone dynamic programme over units, in a band around the anchor path, places
   every unit in a bead (1:1, 1:2, 2:1, 2:2, or alone), as Gale-Church, Bleualign and vecalign
   do. A bead's gain is (weight of its text) × (Dice - threshold): units pair when they share
   more than unrelated text of the same documents does (the threshold is measured on pairs far
   off the path), and never when they share nothing. Longer merges grow from beads whose gain a
   neighbouring lone unit raises.
4. Moves: units left alone on both sides that match strongly out of order.
5. Paragraphs: a block joins the paragraphs its beads link (a split, a merge, or two sides cut
   in different places become one block); its word diff runs bead by bead (`pieces`), so a
   sentence is marked removed only when it has no counterpart.
"""

from __future__ import annotations

import bisect
import math
from functools import lru_cache
from statistics import NormalDist
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diffviewer.core.sentences import Unit, split_units
from diffviewer.core.similarity import Features, UnitSimilarity, corrected

# An n-gram found in at most this many units of each document is an anchor's evidence.
ANCHOR_MAX_DF = 3
# Gaps between anchors wider than this many cells are searched again for anchors of their own.
REFINE_MIN_AREA = 16
REFINE_ROUNDS = 3
# Band around the anchor path: units this far off it may still pair (a wrong or missing anchor).
BAND_MARGIN = 2
# Between anchors this far apart, the band follows the diagonal at this half-width.
BAND_HALF_WIDTH = 20
# The pairing threshold is the Dice that this share of unrelated unit pairs stays under.
UNRELATED_QUANTILE = float(__import__("os").environ.get("DV_Q", "0.95"))
THRESHOLD_SAMPLES = 4000
# Documents too short to measure chance on (a few units a side) pair units above this Dice.
SHORT_THRESHOLD = 0.12
# ...nor higher than this (a text made of one template, whose unrelated units look alike).
MAX_THRESHOLD = 0.5
# A move has no order to support it: it must clear the pairing threshold by far.
MOVE_FACTOR = 2.0
# Units pair only when what they share is this unlikely by chance, among the alternatives each had
# (a Bonferroni correction: a unit free to pair with any of a thousand must clear a higher bar
# than one alone between two anchors).
FALSE_PAIR_RATE = float(__import__("os").environ.get("DV_ALPHA", "0.05"))
MAX_BEAD_UNITS = 8
# A lone unit joins a neighbouring bead when the bead's other side holds this share of it
# beyond chance ("most of it").
BELONGING = 0.5  # longest run of units a merge grows to on one side


class LinkKind(StrEnum):
    ORDERED = "ordered"  # found by the in-order alignment
    MOVED = "moved"  # a paragraph placed elsewhere
    CROSS = "cross"  # a sentence moved into a paragraph aligned elsewhere: linked, not merged


@dataclass(frozen=True, slots=True)
class Link:
    original: int
    derivative: int
    score: float
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a block diffed on its own: a bead's sentences, or sentences one side alone has.

    Offsets are code points in the block's texts (its paragraphs joined by "\\n"); a block's
    pieces tile both texts in order.
    """

    original_start: int
    original_end: int
    derivative_start: int
    derivative_end: int


@dataclass(frozen=True, slots=True)
class Group:
    original: tuple[int, ...]
    derivative: tuple[int, ...]
    moved: bool
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment:
    links: tuple[Link, ...]
    groups: tuple[Group, ...]  # in derivative reading order; deletions where they were lost


@dataclass(frozen=True, slots=True)
class Bead:
    original: tuple[int, ...]  # unit indexes, consecutive
    derivative: tuple[int, ...]
    score: float  # Dice of the two sides
    moved: bool


class _MaxFenwick:
    def __init__(self, size: int) -> None:
        self.value = [0.0] * (size + 1)
        self.index = [-1] * (size + 1)

    def update(self, pos: int, value: float, index: int) -> None:
        pos += 1
        while pos < len(self.value):
            if value > self.value[pos]:
                self.value[pos], self.index[pos] = value, index
            pos += pos & -pos

    def query(self, pos: int) -> tuple[float, int]:
        """Best value at positions < pos, and its index."""
        best, at = 0.0, -1
        while pos > 0:
            if self.value[pos] > best:
                best, at = self.value[pos], self.index[pos]
            pos -= pos & -pos
        return best, at


def heaviest_chain(pairs: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The strictly increasing (in both coordinates) chain of pairs with the greatest total weight."""
    usable = sorted((p for p in pairs if p[2] > 0), key=lambda p: (p[0], p[1]))
    if not usable:
        return []
    tree = _MaxFenwick(max(p[1] for p in usable) + 1)
    best = [0.0] * len(usable)
    back = [-1] * len(usable)
    start = 0
    while start < len(usable):
        end = start
        while end < len(usable) and usable[end][0] == usable[start][0]:
            end += 1
        for k in range(start, end):  # query all of one row before inserting any: strict in i
            value, back[k] = tree.query(usable[k][1])
            best[k] = value + usable[k][2]
        for k in range(start, end):
            tree.update(usable[k][1], best[k], k)
        start = end
    k = max(range(len(usable)), key=best.__getitem__)
    chain: list[tuple[int, int]] = []
    while k >= 0:
        chain.append((usable[k][0], usable[k][1]))
        k = back[k]
    chain.reverse()
    return chain


class _Scorer:
    """Gains of candidate beads, with the unions of neighbouring units' n-grams cached."""

    def __init__(
        self,
        sim: UnitSimilarity,
        threshold: float,
        a_starts: Sequence[bool],
        b_starts: Sequence[bool],
        need: Sequence[float] | None = None,
    ) -> None:
        self.sim = sim
        self.threshold = threshold
        # The significance each original unit's pairs need (see needed()): by default, as if
        # it could pair with any unit of the other side.
        self.need = need or [needed(len(sim.b))] * len(sim.a)
        # Whether each unit opens a paragraph: between equal gains, a bead that keeps to the
        # paragraphs is the better reading ("the . the" beside "the": the dot stays home).
        self.a_starts = a_starts
        self.b_starts = b_starts
        self._dice: dict[tuple[int, int], float] = {}
        self._spans: dict[tuple[str, int, int], tuple[Features, float, float, float]] = {}
        self._significant: dict[tuple[int, int], bool] = {}

    def dice(self, i: int, j: int) -> float:
        """The chance-corrected Dice of units i and j (see UnitSimilarity.score)."""
        key = (i, j)
        found = self._dice.get(key)
        if found is None:
            found = self._dice[key] = self.sim.score(i, j)
        return found

    def significant(self, i: int, j: int) -> bool:
        """Whether units i and j share more than chance would give them, among i's alternatives."""
        key = (i, j)
        found = self._significant.get(key)
        if found is None:
            found = self._significant[key] = self.sim.significance(i, j) >= self.need[i]
        return found

    def gain(self, i: int, j: int) -> float:
        agree = self.a_starts[i] == self.b_starts[j]
        return (self.sim.a_weight[i] + self.sim.b_weight[j]) * (self.dice(i, j) - self.threshold) + _TIE / 2 * agree

    def _span(self, side: str, start: int, end: int) -> tuple[Features, float, float, float]:
        """A span's n-grams, their weight, and what it shares by chance with one unit over there
        (expectation and variance)."""
        key = (side, start, end)
        found = self._spans.get(key)
        if found is None:
            units = self.sim.a if side == "a" else self.sim.b
            features = frozenset().union(*units[start:end])
            found = (
                features,
                self.sim.weight(features),
                self.sim.expected_share(side, features),
                self.sim.expected_spread(side, features),
            )
            self._spans[key] = found
        return found

    def span_dice(self, a: tuple[int, int], b: tuple[int, int]) -> tuple[float, float]:
        """Chance-corrected Dice of units a[0]:a[1] against b[0]:b[1], and the weight of both sides."""
        if a[1] - a[0] == 1 and b[1] - b[0] == 1:
            return self.dice(a[0], b[0]), self.sim.a_weight[a[0]] + self.sim.b_weight[b[0]]
        fa, wa, sa, _ = self._span("a", *a)
        fb, wb, sb, _ = self._span("b", *b)
        total = wa + wb
        dice = 2 * self.sim.weight(fa & fb) / total if total else 0.0
        return corrected(dice, self.sim.chance(sa, wa, a[1] - a[0], sb, wb, b[1] - b[0])), total

    def span_significant(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        if a[1] - a[0] == 1 and b[1] - b[0] == 1:
            return self.significant(a[0], b[0])
        fa, _, sa, va = self._span("a", *a)
        fb, _, sb, vb = self._span("b", *b)
        if fa == fb:
            return True
        shared = self.sim.weight(fa & fb)
        need = max(self.need[a[0] : a[1]])
        return self.sim.surprise(shared, (sa, va, a[1] - a[0]), (sb, vb, b[1] - b[0])) >= need

    def belonging(self, side: str, unit: int, other: tuple[int, int]) -> float:
        """How much of a lone unit of `side` a span of the other side holds, beyond chance: 1 when
        all its n-grams are there, 0 when no more than a random span of that length would hold.
        A unit without words belongs anywhere (1)."""
        lone = (self.sim.a if side == "a" else self.sim.b)[unit]
        if not lone:
            return 1.0
        there = self._span("b" if side == "a" else "a", *other)[0]
        weight = (self.sim.a_weight if side == "a" else self.sim.b_weight)[unit]
        share = (self.sim.a_share if side == "a" else self.sim.b_share)[unit]
        chance = min(0.99, (other[1] - other[0]) * share / weight)
        return corrected(self.sim.weight(lone & there) / weight, chance)

    def span_gain(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """The bead's gain, or -inf when its sides share no more than chance would give them."""
        if not self.span_significant(a, b):
            return -math.inf
        dice, total = self.span_dice(a, b)
        # Between equal gains, beads that keep to paragraphs: one that starts where both sides
        # start (or continue) a paragraph, and crosses no paragraph break.
        crossed = sum(self.a_starts[a[0] + 1 : a[1]]) + sum(self.b_starts[b[0] + 1 : b[1]])
        agree = self.a_starts[a[0]] == self.b_starts[b[0]]
        return total * (dice - self.threshold) - _TIE * crossed + _TIE / 2 * agree


def _threshold(sim: UnitSimilarity, path: list[tuple[int, int]]) -> float:
    """The Dice unrelated units of these documents reach: a high quantile over pairs far off the path.

    Measured on the documents themselves, so a language whose function words share many
    n-grams, or a text whose sentences are all alike, raises it by itself.
    """
    n, m = len(sim.a), len(sim.b)
    if not sim.measurable:
        return SHORT_THRESHOLD
    where = sorted(path)
    rows = [p[0] for p in where]

    def expected(i: int) -> float:  # the derivative position the path puts unit i at
        k = bisect.bisect_left(rows, i)
        if not where:
            return i * m / n
        k = min(k, len(where) - 1)
        return where[k][1] + (i - where[k][0]) * m / n

    if n * m <= THRESHOLD_SAMPLES:  # a short pair: every pair off the path
        cells = ((i, j) for i in range(n) for j in range(m))
    else:  # a fixed pseudo-random sample (deterministic, so the same inputs give the same output)
        cells = (((k * 7919) % n, (k * 104729 + m // 2) % m) for k in range(THRESHOLD_SAMPLES))
    near = max(2.0, 0.02 * m)
    samples = [sim.score(i, j) for i, j in cells if abs(j - expected(i)) > near]
    if len(samples) < 20:
        return SHORT_THRESHOLD
    samples.sort()
    return min(MAX_THRESHOLD, max(0.0, samples[int(UNRELATED_QUANTILE * (len(samples) - 1))]))


@lru_cache(maxsize=4096)
def needed(alternatives: int) -> float:
    """The surprise (standard deviations above chance) a pair needs when its unit had this many
    other units to pair with: the chance that any of them reaches it stays FALSE_PAIR_RATE."""
    return NormalDist().inv_cdf(1 - FALSE_PAIR_RATE / max(1, alternatives))


def _anchors(sim: UnitSimilarity) -> list[tuple[int, int]]:
    """The heaviest in-order chain of unit pairs that share n-grams rare in both documents,
    kept where a pair is significant against the whole other side."""
    chain = heaviest_chain([(i, j, _anchor_weight(sim, i, j)) for i, j in sim.rare_pairs(ANCHOR_MAX_DF)])
    need = needed(len(sim.b))
    return [(i, j) for i, j in chain if sim.significance(i, j) >= need]


def _anchor_weight(sim: UnitSimilarity, i: int, j: int) -> float:
    dice = max(0.0, sim.score(i, j))
    return (sim.a_weight[i] + sim.b_weight[j]) * dice * dice


def _refine(sim: UnitSimilarity, anchors: list[tuple[int, int]], threshold: float) -> list[tuple[int, int]]:
    """More anchors inside each wide gap, from n-grams rare *within the gap* (recursively).

    What is common in a whole book ("light", "said") is often unique between two neighbouring
    anchors, as patience diff finds unique lines inside each gap. Each gap costs time linear
    in its units, so the whole stays linear.
    """
    n, m = len(sim.a), len(sim.b)
    for _ in range(REFINE_ROUNDS):
        bounds = [(-1, -1), *anchors, (n, m)]
        found: list[tuple[int, int]] = []
        for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False):
            if (a1 - a0 - 1) * (b1 - b0 - 1) > REFINE_MIN_AREA:
                pairs = sim.rare_pairs(ANCHOR_MAX_DF, range(a0 + 1, a1), range(b0 + 1, b1))
                weighted = [
                    (i, j, _anchor_weight(sim, i, j))
                    for i, j in pairs
                    if sim.score(i, j) > threshold and sim.significance(i, j) >= needed(b1 - b0 - 1)
                ]
                found.extend(heaviest_chain(weighted))
        if not found:
            break
        anchors = sorted([*anchors, *found])
    return anchors


def _band(n: int, m: int, anchors: list[tuple[int, int]]) -> tuple[list[int], list[int], list[int]]:
    """For each DP row p (original units consumed), the lowest and highest q allowed, and how many
    derivative units the original unit p-1 could pair with there (its gap's width)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    choices = [1] * (n + 1)
    bounds = [(-1, -1), *anchors, (n, m)]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False):
        rows, cols = a1 - a0, b1 - b0
        for p in range(a0 + 1, a1 + 1):
            if rows * cols <= (2 * BAND_HALF_WIDTH) ** 2:
                low, high = b0 + 1, b1
                choices[p] = max(1, cols - 1)
            else:  # a long stretch with no anchor: follow its diagonal
                centre = b0 + 1 + (p - a0 - 1) * cols / max(1, rows)
                low, high = int(centre) - BAND_HALF_WIDTH, int(centre) + BAND_HALF_WIDTH
                choices[p] = 2 * BAND_HALF_WIDTH + 1
            lo[p] = max(0, min(lo[p], low - BAND_MARGIN))
            hi[p] = min(m, max(hi[p], high + BAND_MARGIN))
    lo[0], hi[n] = 0, m
    for p in range(n - 1, -1, -1):  # lo never decreasing, and each row reaches the next
        lo[p] = min(lo[p], lo[p + 1])
    for p in range(1, n + 1):
        hi[p] = max(hi[p], hi[p - 1])
    for p in range(n):
        hi[p] = max(hi[p], lo[p + 1])
    return lo, hi, choices


_TIE = 1e-6  # far below any real difference in gain
_SKIP_A, _SKIP_B = -1, -2


def _dp(scorer: _Scorer, lo: list[int], hi: list[int], on_step: Callable[[], None]) -> list[Bead]:
    n = len(lo) - 1
    threshold = scorer.threshold
    part = threshold / 2  # a merged bead needs one of its units this like the other side
    score: list[list[float]] = []
    back: list[list[int]] = []
    neg = float("-inf")
    for p in range(n + 1):
        if p % 2048 == 0:
            on_step()
        low, high = lo[p], hi[p]
        row = [neg] * (high - low + 1)
        row_back = [0] * (high - low + 1)
        prev_rows = [(score[p - d], lo[p - d]) if p - d >= 0 else None for d in (1, 2)]
        for q in range(low, high + 1):
            best, how = (0.0, 0) if p == 0 and q == 0 else (neg, 0)
            if q > low and row[q - 1 - low] > best:  # derivative unit q-1 alone
                best, how = row[q - 1 - low], _SKIP_B
            above = prev_rows[0]
            if above is not None:
                prev, prev_lo = above
                k = q - prev_lo
                if 0 <= k < len(prev) and prev[k] > best:  # original unit p-1 alone
                    best, how = prev[k], _SKIP_A
                if 1 <= k <= len(prev) and q >= 1:
                    dice11 = scorer.dice(p - 1, q - 1)
                    if dice11 > threshold and prev[k - 1] > neg and scorer.significant(p - 1, q - 1):
                        value = prev[k - 1] + scorer.gain(p - 1, q - 1)
                        if value > best:
                            best, how = value, 1
                    if q >= 2 and 2 <= k <= len(prev) + 1 and prev[k - 2] > neg:
                        if dice11 > part or scorer.dice(p - 1, q - 2) > part:
                            value = prev[k - 2] + scorer.span_gain((p - 1, p), (q - 2, q))
                            if value > best:
                                best, how = value, 2
            two_up = prev_rows[1]
            if two_up is not None and q >= 1:
                prev, prev_lo = two_up
                for db, code in ((1, 3), (2, 4)):
                    k = q - db - prev_lo
                    if q - db < 0 or not 0 <= k < len(prev) or prev[k] == neg:
                        continue
                    if db == 2 and scorer.dice(p - 1, q - 1) > threshold and scorer.dice(p - 2, q - 2) > threshold:
                        continue  # two 1:1 beads say it more finely than one 2:2
                    if scorer.dice(p - 1, q - 1) > part or scorer.dice(p - 2, q - db) > part:
                        value = prev[k] + scorer.span_gain((p - 2, p), (q - db, q))
                        if value > best:
                            best, how = value, code
            row[q - low] = best
            row_back[q - low] = how
        score.append(row)
        back.append(row_back)
    beads: list[Bead] = []
    p, q = n, hi[n]
    while p > 0 or q > 0:
        how = back[p][q - lo[p]]
        if how == _SKIP_B:
            q -= 1
        elif how == _SKIP_A:
            p -= 1
        else:
            da, db = ((1, 1), (1, 2), (2, 1), (2, 2))[how - 1]
            a, b = (p - da, p), (q - db, q)
            beads.append(Bead(tuple(range(*a)), tuple(range(*b)), scorer.span_dice(a, b)[0], moved=False))
            p, q = p - da, q - db
    beads.reverse()
    return beads


@dataclass(slots=True)
class _Span:
    """A bead being grown: units a0:a1 against b0:b1."""

    a0: int
    a1: int
    b0: int
    b1: int
    moved: bool


@dataclass(frozen=True, slots=True)
class _Offer:
    """A lone unit that could join the bead next to it."""

    crosses: bool  # it would join across a paragraph break
    belongs: float
    gain: float
    side: str
    unit: int
    bead: int


def _grow(beads: list[Bead], scorer: _Scorer, free_a: set[int], free_b: set[int]) -> list[Bead]:
    """Lone units join a neighbouring bead (long merges, fragments), best offers first.

    A unit joins when that raises the bead's gain, or when most of it is found on the other
    side: a fragment ("L'accueil fut cordial ;") of a sentence the other side says at length
    shares little with the whole, yet has no other home. Between two neighbours, one in its own
    paragraph wins; then the one that holds more of it.
    """
    spans = [_Span(b.original[0], b.original[-1] + 1, b.derivative[0], b.derivative[-1] + 1, b.moved) for b in beads]
    while True:
        owner_a = {u: k for k, sp in enumerate(spans) for u in (sp.a0, sp.a1 - 1)}
        owner_b = {u: k for k, sp in enumerate(spans) for u in (sp.b0, sp.b1 - 1)}
        offers = [
            offer
            for side, free, owner in (("a", free_a, owner_a), ("b", free_b, owner_b))
            for unit in sorted(free)
            for k in {owner.get(unit - 1), owner.get(unit + 1)} - {None}
            if (offer := _offer(scorer, spans, side, unit, k)) is not None  # type: ignore[arg-type]
        ]
        if not offers:
            break
        offers.sort(key=lambda o: (o.crosses, -o.belongs, -o.gain, o.side, o.unit))
        if not offers[0].crosses:
            # Offers across a break wait a round: the unit may yet be offered a home in its own
            # paragraph, by a bead that grows to reach it.
            offers = [o for o in offers if not o.crosses]
        touched: set[int] = set()
        for offer in offers:
            free = free_a if offer.side == "a" else free_b
            if offer.bead in touched or offer.unit not in free:
                continue
            touched.add(offer.bead)
            free.discard(offer.unit)
            sp = spans[offer.bead]
            if offer.side == "a":
                sp.a0, sp.a1 = min(sp.a0, offer.unit), max(sp.a1, offer.unit + 1)
            else:
                sp.b0, sp.b1 = min(sp.b0, offer.unit), max(sp.b1, offer.unit + 1)
    return [
        Bead(tuple(range(sp.a0, sp.a1)), tuple(range(sp.b0, sp.b1)), scorer.span_dice((sp.a0, sp.a1), (sp.b0, sp.b1))[0], sp.moved)
        for sp in spans
    ]


def _offer(scorer: _Scorer, spans: list[_Span], side: str, unit: int, k: int) -> _Offer | None:
    sp = spans[k]
    a, b = (sp.a0, sp.a1), (sp.b0, sp.b1)
    mine, starts = (a, scorer.a_starts) if side == "a" else (b, scorer.b_starts)
    if mine[1] - mine[0] >= MAX_BEAD_UNITS or not (unit == mine[0] - 1 or unit == mine[1]):
        return None
    grown = (min(mine[0], unit), max(mine[1], unit + 1))
    na, nb = (grown, b) if side == "a" else (a, grown)
    belongs = scorer.belonging(side, unit, b if side == "a" else a)
    gain = scorer.span_gain(na, nb)
    if not (belongs >= BELONGING or (belongs > 0 and gain >= scorer.span_gain(a, b) - _TIE / 2)):
        return None
    crosses = starts[mine[0]] if unit < mine[0] else starts[unit]
    return _Offer(bool(crosses), belongs, gain, side, unit, k)


def _moves(scorer: _Scorer, free_a: set[int], free_b: set[int]) -> list[Bead]:
    """Units alone on both sides that match strongly out of order, each used once, best first."""
    if not free_a or not free_b:
        return []
    minimum = min(0.9, scorer.threshold * MOVE_FACTOR)
    need = needed(len(free_b))  # a moved unit could have gone anywhere still free
    near = scorer.sim.nearest(sorted(free_b), sorted(free_a), probe_terms=16)
    found = sorted(
        ((scorer.dice(i, j), i, j) for j, targets in near.items() for i in targets),
        reverse=True,
    )
    moves: list[Bead] = []
    for dice, i, j in found:
        if dice < minimum:
            break
        if i in free_a and j in free_b and scorer.sim.significance(i, j) >= need:
            free_a.discard(i)
            free_b.discard(j)
            moves.append(Bead((i,), (j,), dice, moved=True))
    return moves


def align_units(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    a_starts: Sequence[bool] | None = None,
    b_starts: Sequence[bool] | None = None,
) -> list[Bead]:
    """Beads over two sequences of units (sentences), in-order ones and moves.

    `a_starts[k]` tells whether unit k opens a paragraph (by default each unit does).
    """
    if not a_texts or not b_texts:
        return []
    sim = UnitSimilarity(a_texts, b_texts)
    on_step()
    anchors = _anchors(sim)
    threshold = _threshold(sim, anchors)
    anchors = _refine(sim, anchors, threshold)
    on_step()
    lo, hi, choices = _band(len(a_texts), len(b_texts), anchors)
    need = [needed(c) for c in choices[1:]]
    scorer = _Scorer(sim, threshold, a_starts or [True] * len(a_texts), b_starts or [True] * len(b_texts), need)
    beads = _dp(scorer, lo, hi, on_step)
    on_step()
    free_a = set(range(len(a_texts))).difference(*(b.original for b in beads))
    free_b = set(range(len(b_texts))).difference(*(b.derivative for b in beads))
    beads = _grow(beads, scorer, free_a, free_b)
    moves = _moves(scorer, free_a, free_b)
    return beads + _grow(moves, scorer, free_a, free_b)


def align(
    original: Sequence[str],
    derivative: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    overlaps: bool = True,
) -> Alignment:
    """Align paragraph texts; `on_step` is called between stages (for cancel checks).

    `overlaps`: prose, aligned sentence by sentence, so paragraphs cut in different places
    link where they share sentences. Off for code, whose blocks are aligned whole.
    """
    if list(derivative) < list(original):
        # Align in one canonical direction so that swapping the sides mirrors the result.
        mirrored = align(derivative, original, on_step, overlaps)
        return Alignment(
            tuple(sorted((Link(k.derivative, k.original, k.score, k.kind) for k in mirrored.links), key=_link_order)),
            _mirror_groups(mirrored.groups, len(original)),
        )
    a_units = split_units(list(original), by_sentence=overlaps)
    b_units = split_units(list(derivative), by_sentence=overlaps)
    beads = align_units(
        [original[u.paragraph][u.start : u.end] for u in a_units],
        [derivative[u.paragraph][u.start : u.end] for u in b_units],
        on_step,
        [u.start == 0 for u in a_units],
        [u.start == 0 for u in b_units],
    )
    return _paragraphs(original, derivative, a_units, b_units, beads)


def _link_order(link: Link) -> tuple[int, int]:
    return (link.derivative, link.original)


def _mirror_groups(groups: Sequence[Group], n_original: int) -> tuple[Group, ...]:
    flipped = [
        Group(
            g.derivative,
            g.original,
            g.moved,
            tuple(Piece(p.derivative_start, p.derivative_end, p.original_start, p.original_end) for p in g.pieces),
        )
        for g in groups
    ]
    return _reading_order(flipped, n_original)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(self, x: tuple[str, int]) -> tuple[str, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        self.parent[self.find(a)] = self.find(b)


def _paragraphs(
    original: Sequence[str],
    derivative: Sequence[str],
    a_units: list[Unit],
    b_units: list[Unit],
    beads: list[Bead],
) -> Alignment:
    """Lift unit beads to paragraph links and blocks."""
    ordered_a = {a_units[u].paragraph for bead in beads if not bead.moved for u in bead.original}
    ordered_b = {b_units[u].paragraph for bead in beads if not bead.moved for u in bead.derivative}
    uf = _UnionFind()
    best: dict[tuple[int, int], Link] = {}
    merging: list[Bead] = []
    for bead in beads:
        pas = {a_units[u].paragraph for u in bead.original}
        pbs = {b_units[u].paragraph for u in bead.derivative}
        if not bead.moved:
            kind = LinkKind.ORDERED
        elif pas <= ordered_a and pbs <= ordered_b:
            # Both paragraphs are aligned elsewhere: joining them would tie two distant blocks.
            kind = LinkKind.CROSS
        else:  # a paragraph moved, whole or into another one
            kind = LinkKind.MOVED
        if kind is not LinkKind.CROSS:
            merging.append(bead)
            first = ("a", min(pas))
            for pa in pas:
                uf.union(("a", pa), first)
            for pb in pbs:
                uf.union(("b", pb), first)
        for pa in pas:
            for pb in pbs:
                old = best.get((pa, pb))
                if old is None or bead.score > old.score:
                    best[(pa, pb)] = Link(pa, pb, round(bead.score, 4), kind)
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(original)):
        members[uf.find(("a", i))][0].append(i)
    for j in range(len(derivative)):
        members[uf.find(("b", j))][1].append(j)
    in_order = {uf.find(("a", a_units[b.original[0]].paragraph)) for b in merging if not b.moved}
    moved_roots = {uf.find(("a", a_units[b.original[0]].paragraph)) for b in merging if b.moved} - in_order
    beads_of: dict[tuple[str, int], list[Bead]] = defaultdict(list)
    for bead in merging:
        beads_of[uf.find(("a", a_units[bead.original[0]].paragraph))].append(bead)
    a_of = _units_by_paragraph(a_units)
    b_of = _units_by_paragraph(b_units)
    groups = [
        Group(
            tuple(a),
            tuple(b),
            root in moved_roots,
            _pieces(a, b, beads_of.get(root, []), original, derivative, a_units, b_units, a_of, b_of),
        )
        for root, (a, b) in members.items()
    ]
    links = tuple(sorted(best.values(), key=_link_order))
    return Alignment(links, _reading_order(groups, len(original)))


def _units_by_paragraph(units: list[Unit]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for k, unit in enumerate(units):
        found[unit.paragraph].append(k)
    return found


def _offsets(
    paragraphs: list[int], texts: Sequence[str], units: list[Unit], of: dict[int, list[int]]
) -> dict[int, tuple[int, int]]:
    """Each of the block's units' span in the block's text (paragraphs joined by "\\n", the
    newline counted with the paragraph's last unit)."""
    span: dict[int, tuple[int, int]] = {}
    base = 0
    for n, paragraph in enumerate(paragraphs):
        mine = of.get(paragraph, [])
        for k in mine:
            unit = units[k]
            end = base + unit.end + (1 if k == mine[-1] and n < len(paragraphs) - 1 else 0)
            span[k] = (base + unit.start, end)
        base += len(texts[paragraph]) + 1
    return span


def _pieces(
    a_paras: list[int],
    b_paras: list[int],
    beads: list[Bead],
    original: Sequence[str],
    derivative: Sequence[str],
    a_units: list[Unit],
    b_units: list[Unit],
    a_of: dict[int, list[int]],
    b_of: dict[int, list[int]],
) -> tuple[Piece, ...]:
    """Bead by bead, the stretches of the block's texts to diff; one piece if beads cross."""
    a_span = _offsets(a_paras, original, a_units, a_of)
    b_span = _offsets(b_paras, derivative, b_units, b_of)
    a_len = sum(len(original[p]) for p in a_paras) + max(0, len(a_paras) - 1)
    b_len = sum(len(derivative[p]) for p in b_paras) + max(0, len(b_paras) - 1)
    whole = (Piece(0, a_len, 0, b_len),)
    if not a_paras or not b_paras:
        return whole
    beads = sorted(beads, key=lambda bead: bead.original[0])
    pieces: list[Piece] = []
    at_a = at_b = 0  # offsets in the block's texts reached so far
    for bead in beads:
        start_a, end_a = a_span[bead.original[0]][0], a_span[bead.original[-1]][1]
        start_b, end_b = b_span[bead.derivative[0]][0], b_span[bead.derivative[-1]][1]
        if start_a < at_a or start_b < at_b:
            return whole  # beads out of order inside one block: diff it whole
        if start_a > at_a:
            pieces.append(Piece(at_a, start_a, at_b, at_b))
        if start_b > at_b:
            pieces.append(Piece(start_a, start_a, at_b, start_b))
        pieces.append(Piece(start_a, end_a, start_b, end_b))
        at_a, at_b = end_a, end_b
    if at_a < a_len:
        pieces.append(Piece(at_a, a_len, at_b, at_b))
    if at_b < b_len:
        pieces.append(Piece(a_len, a_len, at_b, b_len))
    return tuple(pieces)


def _reading_order(groups: Sequence[Group], n_original: int) -> tuple[Group, ...]:
    # Reading order: by derivative position; a deleted original paragraph goes right after the
    # block holding the nearest earlier original paragraph that survived.
    position_of_original: dict[int, int] = {}
    for g in groups:
        if g.derivative:
            for i in g.original:
                position_of_original[i] = g.derivative[0]
    anchor_before: list[int] = []
    anchor = -1
    for i in range(n_original):
        anchor_before.append(anchor)
        anchor = position_of_original.get(i, anchor)

    def sort_key(g: Group) -> tuple[int, int, int]:
        if g.derivative:
            return (g.derivative[0], 0, 0)
        return (anchor_before[g.original[0]], 1, g.original[0])

    return tuple(sorted(groups, key=sort_key))
