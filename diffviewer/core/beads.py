"""Unit (sentence) alignment: anchors, a banded dynamic programme over beads, merges and moves.

1. Anchors: unit pairs sharing n-grams rare in both documents (names, figures, rare words),
   kept where they form the heaviest in-order chain (a Fenwick tree: O(P log P)) and where
   each is significant. Inside each wide gap between anchors the search runs again with what
   is rare *in that gap*, as patience diff looks for unique lines inside each gap, so even a
   book is anchored every few sentences, and each pass is linear. Anchors out of order with
   that chain that chain among themselves are passages moved whole (passages.py: a chapter put
   elsewhere): the alignment in place leaves their units alone, and each is aligned on its own
   anchors as text in place is, its beads moves.
2. Beads (band.py): a monotone dynamic programme in a band around the anchor path puts every unit in a
   bead (1:1, 1:2, 2:1, 2:2) or leaves it alone, as Gale-Church, Bleualign and vecalign do.
   A bead's gain is (weight of its text) × (chance-corrected Dice − threshold), the threshold
   being what unrelated units of these documents reach (measured on pairs far off the path).
   A bead must also be significant: what its sides share must be unlikely by chance among the
   alternatives its unit had (Bonferroni: between two close anchors a weak match suffices,
   in a wide-open stretch it must be strong). So nothing pairs with what it merely resembles.
3. Merges (merges.py): a lone unit joins a neighbouring bead when that raises the bead's gain or when most
   of it is found on the other side (a fragment of a sentence the other side says at length).
4. Moves (merges.py): units left alone on both sides that match strongly out of order. Moves
   that keep their order among units left alone on both sides (a passage moved whole that its
   anchors did not show) go through the same dynamic programme between them (passages.py), so
   a moved passage is aligned as finely as one in place, its weaker sentences included.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from diffviewer.core.band import Region, band_dp, prefill_band
from diffviewer.core.merges import grow, in_step, move_minimum, moves
from diffviewer.core.model import Side
from diffviewer.core.ngrams import Elsewhere
from diffviewer.core.passages import AnchoredPassage, anchored_passages, moved_passages
from diffviewer.core.scoring import Bead, Scorer, needed
from diffviewer.core.similarity import GapPairs, PairScores, UnitSimilarity

# An n-gram found in at most this many units of each document (or gap) is an anchor's evidence.
ANCHOR_MAX_DF = 3
# Gaps between anchors with more cells than this are searched again for anchors of their own.
REFINE_MIN_AREA = 16
REFINE_ROUNDS = 3
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
    far = []
    for k in range(count):  # a fixed pseudo-random sample: the same inputs give the same output
        i = (k * 7919) % n
        j = (k * 104729 + m // 2) % m
        if abs(j - expected(i)) > near:
            far.append((i, j))
    # Matched in one batch: one by one, each pair built two units' sets that nothing else reads.
    samples = sim.unit_scores(
        np.array([i for i, _ in far], dtype=np.int64), np.array([j for _, j in far], dtype=np.int64)
    ).score.tolist()
    if len(samples) < 20:
        return SHORT_THRESHOLD
    samples.sort()
    return min(MAX_THRESHOLD, max(0.0, samples[int(UNRELATED_QUANTILE * (len(samples) - 1))]))


def _significant(
    sim: UnitSimilarity,
    candidates: GapPairs,
    threshold: float,
    needs: np.ndarray,
    score: Callable[[np.ndarray, np.ndarray], PairScores] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs that beat the threshold and are significant in their gap (needs[gap]):
    their gaps, original and derivative units, and weights (the text's weight × the score²).
    `score` matches the candidates (by default sim.unit_scores)."""
    found_scores = (score or sim.unit_scores)(candidates.original, candidates.derivative)
    scores = found_scores.score
    keep = (scores > threshold) & (found_scores.surprise >= needs[candidates.gap])
    gaps, original, derivative = candidates.gap[keep], candidates.original[keep], candidates.derivative[keep]
    weights = sim.unit_weights(Side.ORIGINAL)[original] + sim.unit_weights(Side.DERIVATIVE)[derivative]
    return gaps, original, derivative, weights * np.maximum(0.0, scores[keep]) ** 2


def _chains(
    sim: UnitSimilarity,
    candidates: GapPairs,
    threshold: float,
    needs: np.ndarray,
    on_step: Callable[[], None],
    score: Callable[[np.ndarray, np.ndarray], PairScores] | None = None,
) -> list[tuple[int, int]]:
    """In each gap, the heaviest in-order chain of the significant candidate pairs (_significant)."""
    gaps, original, derivative, weights = _significant(sim, candidates, threshold, needs, score)
    found: list[tuple[int, int]] = []
    cuts = np.flatnonzero(np.diff(gaps)) + 1
    runs = zip(np.split(original, cuts), np.split(derivative, cuts), np.split(weights, cuts), strict=True)
    for count, (i_run, j_run, w_run) in enumerate(runs):
        if count % 1024 == 1023:
            on_step()
        found.extend(heaviest_chain(list(zip(i_run.tolist(), j_run.tolist(), w_run.tolist(), strict=True))))
    return found


def _anchor_pairs(sim: UnitSimilarity) -> list[tuple[int, int, float]]:
    """Pairs sharing n-grams rare in both documents, with their weights, kept where a pair is
    significant against the whole other side (no threshold yet: it is measured off the anchors)."""
    candidates = sim.rare_pairs_within(ANCHOR_MAX_DF, [(range(len(sim.a)), range(len(sim.b)))])
    _, original, derivative, weights = _significant(sim, candidates, -math.inf, np.array([needed(len(sim.b))]))
    return list(zip(original.tolist(), derivative.tolist(), weights.tolist(), strict=True))


def _movable(
    sim: UnitSimilarity, pairs: list[tuple[int, int, float]], threshold: float
) -> list[tuple[int, int, float]]:
    """The pairs as strong as a move must be (merges.moves): out of order with the in-order
    anchors, an anchor is a move."""
    if not pairs:
        return []
    original, derivative = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    scores = sim.unit_scores(original, derivative).score
    least = move_minimum(threshold)
    return [pair for pair, score in zip(pairs, scores.tolist(), strict=True) if score >= least and score > threshold]


@dataclass(frozen=True, slots=True)
class _Outside:
    """Units the alignment in place leaves alone (those of passages moved whole): each side as a
    mask, and the units it may pair, as sets for the dynamic programme."""

    a: np.ndarray
    b: np.ndarray
    free: tuple[set[int], set[int]]

    @staticmethod
    def of(n: int, m: int, passages: list[AnchoredPassage]) -> _Outside | None:
        if not passages:
            return None
        a, b = np.zeros(n, dtype=bool), np.zeros(m, dtype=bool)
        for passage in passages:
            a[passage.original.start : passage.original.stop] = True
            b[passage.derivative.start : passage.derivative.stop] = True
        return _Outside(a, b, (set(np.flatnonzero(~a).tolist()), set(np.flatnonzero(~b).tolist())))

    def keeps(self, candidates: GapPairs) -> GapPairs:
        """The candidate pairs neither of whose units is left alone."""
        keep = ~(self.a[candidates.original] | self.b[candidates.derivative])
        return GapPairs(candidates.gap[keep], candidates.original[keep], candidates.derivative[keep])


def _refine(
    scorer: Scorer,
    runs: list[list[tuple[int, int]]],
    on_step: Callable[[], None],
    outside: _Outside | None = None,
) -> list[list[tuple[int, int]]]:
    """More anchors inside each wide gap of each run of anchors (its first and last bound it),
    from n-grams rare within the gap, all runs' gaps searched at once; the cells matched on the
    way stay in the scorer, for the DP. `outside`: units no anchor may have."""
    sim, threshold = scorer.sim, scorer.threshold
    runs = [list(run) for run in runs]
    for _ in range(REFINE_ROUNDS):
        wide = [
            (number, (a0, b0), (a1, b1))
            for number, run in enumerate(runs)
            for (a0, b0), (a1, b1) in zip(run, run[1:], strict=False)
            if (a1 - a0 - 1) * (b1 - b0 - 1) > REFINE_MIN_AREA
        ]
        if not wide:
            break
        candidates = sim.rare_pairs_within(
            ANCHOR_MAX_DF, [(range(a0 + 1, a1), range(b0 + 1, b1)) for _, (a0, b0), (a1, b1) in wide]
        )
        if outside is not None:
            candidates = outside.keeps(candidates)
        on_step()
        needs = np.array([needed(b1 - b0 - 1) for _, (_, b0), (_, b1) in wide])
        found = _chains(sim, candidates, threshold, needs, on_step, scorer.prefill)
        if not found:
            break
        # The gaps are disjoint and in reading order within a run: a found anchor's run is that of
        # the gap holding its original unit.
        starts = [a0 for _, (a0, _), _ in wide]
        for i, j in found:
            runs[wide[bisect.bisect_left(starts, i) - 1][0]].append((i, j))
        runs = [sorted(run) for run in runs]
    return runs


def _touching(anchor: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether no unit of either side lies between two anchors."""
    (a0, b0), (a1, b1) = anchor, after
    return a1 - a0 == 1 and b1 - b0 == 1


def _in_order(
    scorer: Scorer, anchors: list[tuple[int, int]], on_step: Callable[[], None], outside: _Outside | None = None
) -> list[Bead]:
    """In-order beads: anchors with no gap beside them stay 1:1 beads; each run of anchors with
    gaps between them goes through the DP, anchors included, which leaves `outside` alone."""
    n, m = len(scorer.sim.a), len(scorer.sim.b)
    bounds = [(-1, -1), *anchors, (n, m)]
    plan: list[tuple[int, int] | Region] = []  # in order: a lone anchor, or a region for the DP
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
        plan.append(Region.of(region, n, m))
        k = end
    regions = [step for step in plan if isinstance(step, Region)]
    prefill_band(scorer, regions, m, (outside.a, outside.b) if outside is not None else None)
    on_step()
    free = outside.free if outside is not None else None
    beads: list[Bead] = []
    for count, step in enumerate(plan):
        if count % 1024 == 1023:
            on_step()
        if isinstance(step, Region):
            beads.extend(band_dp(scorer, step, on_step, free))
        else:
            beads.append(Bead((step[0],), (step[1],), scorer.cell(*step).score, moved=False))
    return beads


def align_units(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    a_starts: Sequence[bool] | None = None,
    b_starts: Sequence[bool] | None = None,
    on_progress: Callable[[float], None] = lambda fraction: None,
    elsewhere: Elsewhere | None = None,
) -> list[Bead]:
    """Beads over two sequences of units (sentences): in-order ones, then moves.

    `a_starts[k]` tells whether unit k opens a paragraph (by default each unit does);
    `on_progress` hears the share of the work done after each stage (0 → 1); `elsewhere`: see
    ngrams.featurised_pair.
    """
    if not a_texts or not b_texts:
        return []
    n, m = len(a_texts), len(b_texts)
    sim = UnitSimilarity(a_texts, b_texts, on_step, elsewhere)
    on_step()
    on_progress(0.25)  # the stages' shares of the time on a whole book
    pairs = _anchor_pairs(sim)
    anchors = heaviest_chain(pairs)
    threshold = _threshold(sim, anchors)
    chain = set(anchors)
    out_of_chain = _movable(sim, [pair for pair in pairs if pair[:2] not in chain], threshold)
    anchors, passages = anchored_passages([pair for pair in pairs if pair[:2] in chain], out_of_chain)
    # An anchor with no gap beside it becomes a bead as it is: it must clear the threshold too.
    if anchors:
        scores = sim.unit_scores(
            np.array([i for i, _ in anchors], dtype=np.int64), np.array([j for _, j in anchors], dtype=np.int64)
        ).score
        anchors = [anchor for anchor, score in zip(anchors, scores.tolist(), strict=True) if score > threshold]
    starts_a = [*(a_starts or [True] * n), True]
    starts_b = [*(b_starts or [True] * m), True]
    scorer = Scorer(sim, threshold, starts_a, starts_b)
    try:
        return _beads(scorer, anchors, passages, on_step, on_progress)
    finally:
        # A slice at a time, cancelled or not: the window's thread would wait out its freeing.
        scorer.release()


def _beads(
    scorer: Scorer,
    anchors: list[tuple[int, int]],
    passages: list[AnchoredPassage],
    on_step: Callable[[], None],
    on_progress: Callable[[float], None],
) -> list[Bead]:
    """align_units() from its anchors and passages moved whole on."""
    sim, n, m = scorer.sim, len(scorer.sim.a), len(scorer.sim.b)
    outside = _Outside.of(n, m, passages)
    anchors = _refine(scorer, [[(-1, -1), *anchors, (n, m)]], on_step, outside)[0][1:-1]
    on_step()
    on_progress(0.45)
    beads = _in_order(scorer, anchors, on_step, outside)
    on_step()
    on_progress(0.85)
    paired = in_step(sim, beads, outside.free if outside is not None else None)
    beads = sorted([*beads, *paired], key=lambda bead: bead.original[0])
    moved = _anchored_beads(scorer, passages, on_step)
    free_a = set(range(n)).difference(*(b.original for b in beads), *(b.original for b in moved))
    free_b = set(range(m)).difference(*(b.derivative for b in beads), *(b.derivative for b in moved))
    beads = grow(beads, scorer, free_a, free_b, on_step)
    beads, found = moved_passages(scorer, moves(scorer, free_a, free_b, on_step), beads, free_a, free_b, on_step)
    return beads + grow([*moved, *found], scorer, free_a, free_b, on_step)


def _anchored_beads(scorer: Scorer, passages: list[AnchoredPassage], on_step: Callable[[], None]) -> list[Bead]:
    """Each passage moved whole aligned as text in place is, between its own anchors (refined
    within it), its units alone in reach: the beads are moves."""
    n, m = len(scorer.sim.a), len(scorer.sim.b)
    runs = _refine(scorer, [list(passage.anchors) for passage in passages], on_step)
    regions = [Region.of(run, n, m) for run in runs]
    prefill_band(scorer, regions, m)
    beads: list[Bead] = []
    for passage, region in zip(passages, regions, strict=True):
        on_step()
        free = (set(passage.original), set(passage.derivative))
        for bead in band_dp(scorer, region, on_step, free):
            beads.append(Bead(bead.original, bead.derivative, bead.score, moved=True))
    return beads
