"""Unit (sentence) alignment: anchors, a banded dynamic programme over beads, merges and moves.

1. Anchors: unit pairs sharing n-grams rare in both documents (names, figures, rare words),
   kept where they form the heaviest in-order chain (a Fenwick tree: O(P log P)) and where
   each is significant. Inside each wide gap between anchors the search runs again with what
   is rare *in that gap*, as patience diff looks for unique lines inside each gap, so even a
   book is anchored every few sentences, and each pass is linear.
2. Beads: a monotone dynamic programme in a band around the anchor path puts every unit in a
   bead (1:1, 1:2, 2:1, 2:2) or leaves it alone, as Gale-Church, Bleualign and vecalign do.
   A bead's gain is (weight of its text) × (chance-corrected Dice − threshold), the threshold
   being what unrelated units of these documents reach (measured on pairs far off the path).
   A bead must also be significant: what its sides share must be unlikely by chance among the
   alternatives its unit had (Bonferroni: between two close anchors a weak match suffices,
   in a wide-open stretch it must be strong). So nothing pairs with what it merely resembles.
3. Merges (merges.py): a lone unit joins a neighbouring bead when that raises the bead's gain or when most
   of it is found on the other side (a fragment of a sentence the other side says at length).
4. Moves (merges.py): units left alone on both sides that match strongly out of order. Moves
   that keep their order among units left alone on both sides (a section moved whole) go
   through the same dynamic programme between them, so a moved passage is aligned as finely
   as one in place, its weaker sentences included.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from diffviewer.core.merges import MOVE_FACTOR, grow, in_step, moves
from diffviewer.core.model import Side
from diffviewer.core.scoring import Bead, Scorer, needed
from diffviewer.core.similarity import GapPairs, Match, PairScores, UnitSimilarity

# An n-gram found in at most this many units of each document (or gap) is an anchor's evidence.
ANCHOR_MAX_DF = 3
# Gaps between anchors with more cells than this are searched again for anchors of their own.
REFINE_MIN_AREA = 16
REFINE_ROUNDS = 3
# Band around the anchor path: units this far off it may still pair (a wrong or missing anchor).
BAND_MARGIN = 2
# Between anchors this far apart, the band follows the diagonal at this half-width.
BAND_HALF_WIDTH = 20
# Moves this close on both sides (units) are one passage moved whole, when chained (see _chained)...
PASSAGE_GAP = 2 * BAND_HALF_WIDTH
# ...and a move may follow any of the moves this far before it, the others strays in between.
PASSAGE_LOOKBACK = 16
# The pairing threshold: the chance-corrected Dice that this share of unrelated pairs stays under...
UNRELATED_QUANTILE = 0.95
THRESHOLD_SAMPLES = 4000
# ...but where too few pairs lie off the path to measure it, it is this...
SHORT_THRESHOLD = 0.12
# ...and documents too short for a chance model (a few units a side), whose Dice is not corrected
# for chance, pair above this Dice...
TINY_THRESHOLD = 0.2
# ...and a text made of one template, whose unrelated units look alike, never needs more than this.
MAX_THRESHOLD = 0.5
_SKIP_A, _SKIP_B = -1, -2
_SHAPES = {1: (1, 1), 2: (1, 2), 3: (2, 1), 4: (2, 2)}


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
    """The chain of (i, j, weight) pairs strictly increasing in i and j with the greatest weight."""
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


def _threshold(sim: UnitSimilarity, path: list[tuple[int, int]]) -> float:
    """What unrelated units of these documents reach: a high quantile over pairs far off the path.

    Measured on the documents themselves, so a language whose words share many n-grams, or a
    text whose sentences are all alike, raises it by itself.
    """
    n, m = len(sim.a), len(sim.b)
    if not sim.measurable:
        return TINY_THRESHOLD
    rows = [p[0] for p in path]

    def expected(i: int) -> float:  # the derivative position the path puts unit i at
        if not path:
            return i * m / n
        i0, j0 = path[min(bisect.bisect_left(rows, i), len(path) - 1)]
        return j0 + (i - i0) * m / n

    count = min(THRESHOLD_SAMPLES, n * m // 4)
    near = max(8.0, 0.05 * m)
    samples = []
    for k in range(count):  # a fixed pseudo-random sample: the same inputs give the same output
        i = (k * 7919) % n
        j = (k * 104729 + m // 2) % m
        if abs(j - expected(i)) > near:
            samples.append(sim.unit_match(i, j).score)
    if len(samples) < 20:
        return SHORT_THRESHOLD
    samples.sort()
    return min(MAX_THRESHOLD, max(0.0, samples[int(UNRELATED_QUANTILE * (len(samples) - 1))]))


def _chains(
    sim: UnitSimilarity,
    candidates: GapPairs,
    threshold: float,
    needs: np.ndarray,
    on_step: Callable[[], None],
    score: Callable[[np.ndarray, np.ndarray], PairScores] | None = None,
) -> list[tuple[int, int]]:
    """In each gap, the heaviest in-order chain of the candidate pairs that beat the threshold and
    are significant there (needs[gap]); a pair weighs its text's weight × its score².
    `score` matches the candidates (by default sim.unit_scores)."""
    found_scores = (score or sim.unit_scores)(candidates.original, candidates.derivative)
    scores = found_scores.score
    keep = (scores > threshold) & (found_scores.surprise >= needs[candidates.gap])
    gaps, original, derivative = candidates.gap[keep], candidates.original[keep], candidates.derivative[keep]
    weights = sim.unit_weights(Side.ORIGINAL)[original] + sim.unit_weights(Side.DERIVATIVE)[derivative]
    weights = weights * np.maximum(0.0, scores[keep]) ** 2
    found: list[tuple[int, int]] = []
    cuts = np.flatnonzero(np.diff(gaps)) + 1
    runs = zip(np.split(original, cuts), np.split(derivative, cuts), np.split(weights, cuts), strict=True)
    for count, (i_run, j_run, w_run) in enumerate(runs):
        if count % 1024 == 1023:
            on_step()
        found.extend(heaviest_chain(list(zip(i_run.tolist(), j_run.tolist(), w_run.tolist(), strict=True))))
    return found


def _anchors(sim: UnitSimilarity, on_step: Callable[[], None]) -> list[tuple[int, int]]:
    """The heaviest in-order chain of pairs sharing n-grams rare in both documents, kept where a
    pair is significant against the whole other side (no threshold yet: it is measured off them)."""
    candidates = sim.rare_pairs_within(ANCHOR_MAX_DF, [(range(len(sim.a)), range(len(sim.b)))])
    return _chains(sim, candidates, -math.inf, np.array([needed(len(sim.b))]), on_step)


def _refine(scorer: Scorer, anchors: list[tuple[int, int]], on_step: Callable[[], None]) -> list[tuple[int, int]]:
    """More anchors inside each wide gap, from n-grams rare within the gap (the cells matched on
    the way stay in the scorer, for the DP)."""
    sim, threshold = scorer.sim, scorer.threshold
    n, m = len(sim.a), len(sim.b)
    for _ in range(REFINE_ROUNDS):
        bounds = [(-1, -1), *anchors, (n, m)]
        wide = [
            ((a0, b0), (a1, b1))
            for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False)
            if (a1 - a0 - 1) * (b1 - b0 - 1) > REFINE_MIN_AREA
        ]
        if not wide:
            break
        candidates = sim.rare_pairs_within(
            ANCHOR_MAX_DF, [(range(a0 + 1, a1), range(b0 + 1, b1)) for (a0, b0), (a1, b1) in wide]
        )
        on_step()
        needs = np.array([needed(b1 - b0 - 1) for (_, b0), (_, b1) in wide])
        found = _chains(sim, candidates, threshold, needs, on_step, scorer.prefill)
        if not found:
            break
        anchors = sorted([*anchors, *found])
    return anchors


def _region_band(bounds: list[tuple[int, int]], n: int, m: int) -> tuple[list[int], list[int], list[float]]:
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


def _dp(
    scorer: Scorer,
    first: int,
    lo: list[int],
    hi: list[int],
    needs: list[float],
    on_step: Callable[[], None],
    free: tuple[set[int], set[int]] | None = None,
) -> list[Bead]:
    """The best monotone sequence of beads in a band, from state (first, lo[0]) to (last, hi[-1]).

    A state (p, q) has consumed p original and q derivative units; row p of the band is
    lo[p - first]..hi[p - first]. See the module docstring for the gains. With `free`, only
    those units (original, derivative) may go into a bead: the others are placed already.
    """
    threshold = scorer.threshold
    part = threshold  # each unit of a merged bead must be at least this like the other side
    gain, agreement = scorer.gain, scorer.agreement
    cells, compute = scorer.cells, scorer.cell

    def cell(i: int, j: int) -> Match:  # scorer.cell, its lookup inlined: the DP asks for millions
        found = cells.get((i, j))
        return compute(i, j) if found is None else found

    if free is not None:
        free_a, free_b = free
        placed = Match(-math.inf, -math.inf)
        unplaced = cell

        # Every bead reads the cell of each of its units (see the merges below), so a placed
        # unit in no cell is in no bead.
        def cell(i: int, j: int) -> Match:
            return unplaced(i, j) if i in free_a and j in free_b else placed

    a_units, b_units = scorer.sim.a_units, scorer.sim.b_units
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
                    total = a_units[p - 1].weight + b_units[q - 1].weight
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


def _touching(anchor: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether no unit of either side lies between two anchors."""
    (a0, b0), (a1, b1) = anchor, after
    return a1 - a0 == 1 and b1 - b0 == 1


@dataclass(frozen=True, slots=True)
class _Region:
    """A run of anchors with gaps between them, and its DP band (see _region_band)."""

    first: int
    lo: list[int]
    hi: list[int]
    need: list[float]


def _in_order(scorer: Scorer, anchors: list[tuple[int, int]], on_step: Callable[[], None]) -> list[Bead]:
    """In-order beads: anchors with no gap beside them stay 1:1 beads; each run of anchors with
    gaps between them goes through the DP, anchors included."""
    n, m = len(scorer.sim.a), len(scorer.sim.b)
    bounds = [(-1, -1), *anchors, (n, m)]
    plan: list[tuple[int, int] | _Region] = []  # in order: a lone anchor, or a region for the DP
    k = 0
    while k < len(bounds) - 1:
        if _touching(bounds[k], bounds[k + 1]):  # no gap: the next anchor is a bead of its own...
            a1, b1 = bounds[k + 1]
            opens_region = k + 2 < len(bounds) and not _touching(bounds[k + 1], bounds[k + 2])
            if a1 < n and not opens_region:  # ...unless the DP of the gaps after it takes it in
                plan.append((a1, b1))
            k += 1
            continue
        end = k + 1  # the run of gaps goes on while the next one is not empty either
        while end < len(bounds) - 1 and not _touching(bounds[end], bounds[end + 1]):
            end += 1
        region = bounds[k : end + 1]
        plan.append(_Region(max(0, region[0][0]), *_region_band(region, n, m)))
        k = end
    _prefill(scorer, [step for step in plan if isinstance(step, _Region)], m)
    on_step()
    beads: list[Bead] = []
    for count, step in enumerate(plan):
        if count % 1024 == 1023:
            on_step()
        if isinstance(step, _Region):
            beads.extend(_dp(scorer, step.first, step.lo, step.hi, step.need, on_step))
        else:
            beads.append(Bead((step[0],), (step[1],), scorer.cell(*step).score, moved=False))
    return beads


def _prefill(scorer: Scorer, regions: list[_Region], m: int) -> None:
    """Every cell the DP of these regions may read, matched in one batch (see unit_scores):
    original unit p - 1 of row p against q - 2 .. q - 1 for q in its row and in the next."""
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
    unknown = scorer.unknown(original, derivative)
    scorer.prefill(original[unknown], derivative[unknown])


def align_units(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    a_starts: Sequence[bool] | None = None,
    b_starts: Sequence[bool] | None = None,
    on_progress: Callable[[float], None] = lambda fraction: None,
) -> list[Bead]:
    """Beads over two sequences of units (sentences): in-order ones, then moves.

    `a_starts[k]` tells whether unit k opens a paragraph (by default each unit does);
    `on_progress` hears the share of the work done after each stage (0 → 1).
    """
    if not a_texts or not b_texts:
        return []
    sim = UnitSimilarity(a_texts, b_texts, on_step)
    on_step()
    on_progress(0.25)  # the stages' shares of the time on a whole book
    anchors = _anchors(sim, on_step)
    threshold = _threshold(sim, anchors)
    # An anchor with no gap beside it becomes a bead as it is: it must clear the threshold too.
    anchors = [(i, j) for i, j in anchors if sim.unit_match(i, j).score > threshold]
    starts_a = [*(a_starts or [True] * len(a_texts)), True]
    starts_b = [*(b_starts or [True] * len(b_texts)), True]
    scorer = Scorer(sim, threshold, starts_a, starts_b)
    anchors = _refine(scorer, anchors, on_step)
    on_step()
    on_progress(0.45)
    beads = _in_order(scorer, anchors, on_step)
    on_step()
    on_progress(0.85)
    beads = sorted([*beads, *in_step(sim, beads)], key=lambda bead: bead.original[0])
    free_a = set(range(len(a_texts))).difference(*(b.original for b in beads))
    free_b = set(range(len(b_texts))).difference(*(b.derivative for b in beads))
    beads = grow(beads, scorer, free_a, free_b, on_step)
    beads, moved = _moved_passages(scorer, moves(scorer, free_a, free_b, on_step), beads, free_a, free_b, on_step)
    return beads + grow(moved, scorer, free_a, free_b, on_step)


def _moved_passages(
    scorer: Scorer,
    moved: list[Bead],
    placed: list[Bead],
    free_a: set[int],
    free_b: set[int],
    on_step: Callable[[], None],
) -> tuple[list[Bead], list[Bead]]:
    """Moves that follow one another closely on both sides (a passage moved whole, as a revised
    edition reorders its chapters): the DP between the first and the last, as between anchors in
    place, pairs what lies between, weaker sentences included (those before the first or after
    the last are left to grow()). The beads it finds are moves too; what it leaves alone stays
    free. Returns the beads in place that stay, and the moves.

    A bead in place that pairs a unit inside a passage with one outside it gives way when it is
    weaker than a move must be: between two anchors far apart in a reordered book the in-order
    pass pairs moved sentences with whatever resembles them there, while the passage's strong
    moves on both sides say where they went. Stronger beads in place stay, and the DP keeps to
    the units left free.
    """
    n, m = len(scorer.sim.a), len(scorer.sim.b)
    passages = _chained(sorted(moved, key=lambda bead: bead.original[0]))
    placed = _giving_way(scorer, passages, placed, free_a, free_b)
    regions = [
        _Region(run[0].original[0], *_region_band([(b.original[0], b.derivative[0]) for b in run], n, m))
        for run in passages
    ]
    _prefill(scorer, regions, m)
    chained = {id(bead) for run in passages for bead in run}
    found = [bead for bead in moved if id(bead) not in chained]
    for run, region in zip(passages, regions, strict=True):
        on_step()
        for bead in run:  # the run's own moves are the DP's to place again
            free_a.update(bead.original)
            free_b.update(bead.derivative)
        for bead in _dp(scorer, region.first, region.lo, region.hi, region.need, on_step, (free_a, free_b)):
            free_a.difference_update(bead.original)
            free_b.difference_update(bead.derivative)
            found.append(Bead(bead.original, bead.derivative, bead.score, moved=True))
    return placed, found


def _giving_way(
    scorer: Scorer, passages: list[list[Bead]], placed: list[Bead], free_a: set[int], free_b: set[int]
) -> list[Bead]:
    """The beads in place that stay beside these passages (see _moved_passages); the units of
    those that give way are free again."""
    if not passages:
        return placed
    minimum = min(0.9, scorer.threshold * MOVE_FACTOR)  # what a move must reach
    rows: dict[int, list[int]] = defaultdict(list)  # unit -> the passages whose spans hold it, each side
    columns: dict[int, list[int]] = defaultdict(list)
    for number, run in enumerate(passages):
        for unit in range(run[0].original[0], run[-1].original[-1] + 1):
            rows[unit].append(number)
        for unit in range(run[0].derivative[0], run[-1].derivative[-1] + 1):
            columns[unit].append(number)
    staying = []
    for bead in placed:
        touching = {p for u in bead.original for p in rows.get(u, ())} | {
            p for u in bead.derivative for p in columns.get(u, ())
        }
        within = any(
            all(p in rows.get(u, ()) for u in bead.original) and all(p in columns.get(u, ()) for u in bead.derivative)
            for p in touching
        )
        if bead.score < minimum and touching and not within:  # one side in a passage, the other not in it
            free_a.update(bead.original)
            free_b.update(bead.derivative)
        else:
            staying.append(bead)
    return staying


def _chained(moves: list[Bead]) -> list[list[Bead]]:
    """The moves (sorted by original unit) that form passages: chains in which each move follows
    the one before on both sides by at most PASSAGE_GAP units. Chaining as genome aligners do it
    (minimap2): each move extends the longest chain among the PASSAGE_LOOKBACK moves before it,
    so a stray move in between (a refrain found elsewhere) does not break the passage; then the
    longest chains are taken first, each move in one."""
    length = [1] * len(moves)
    before = [-1] * len(moves)
    for k, bead in enumerate(moves):
        i, j = bead.original[0], bead.derivative[0]
        for p in range(max(0, k - PASSAGE_LOOKBACK), k):
            di, dj = i - moves[p].original[0], j - moves[p].derivative[0]
            # (of equally long chains, the nearest predecessor's: `>=` lets a later one win ties)
            if 0 < di <= PASSAGE_GAP and 0 < dj <= PASSAGE_GAP and length[p] + 1 >= length[k]:
                length[k], before[k] = length[p] + 1, p
    taken = [False] * len(moves)
    chains = []
    for k in sorted(range(len(moves)), key=lambda k: (-length[k], k)):
        chain = []
        while k >= 0 and not taken[k]:
            taken[k] = True
            chain.append(moves[k])
            k = before[k]
        if len(chain) > 1:
            chains.append(chain[::-1])
    return sorted(chains, key=lambda chain: chain[0].original[0])
