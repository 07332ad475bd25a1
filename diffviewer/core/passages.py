"""Moved passages: moves that follow one another closely on both sides (a revised edition that
reorders its chapters), aligned as finely as text in place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from diffviewer.core.band import BAND_HALF_WIDTH, Region, band_dp, prefill_band
from diffviewer.core.merges import move_minimum
from diffviewer.core.scoring import Bead, Scorer

# Moves this close on both sides (units) are one passage moved whole, when chained (see _chains)...
PASSAGE_GAP = 2 * BAND_HALF_WIDTH
# ...and a move may follow any of the moves this far before it, the others strays in between.
PASSAGE_LOOKBACK = 16


def moved_passages(
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
    passages = passages_of(sorted(moved, key=lambda bead: bead.original[0]))
    placed = giving_way(scorer, passages, placed, free_a, free_b)
    regions = [Region.of([(b.original[0], b.derivative[0]) for b in run], n, m) for run in passages]
    # Only units free now or the runs' own can be free when a DP reads them (free only shrinks).
    taken_a, taken_b = np.ones(n, dtype=bool), np.ones(m, dtype=bool)
    taken_a[list(free_a)], taken_b[list(free_b)] = False, False
    for run in passages:
        for bead in run:
            taken_a[list(bead.original)], taken_b[list(bead.derivative)] = False, False
    prefill_band(scorer, regions, m, (taken_a, taken_b))
    chained = {id(bead) for run in passages for bead in run}
    found = [bead for bead in moved if id(bead) not in chained]
    for run, region in zip(passages, regions, strict=True):
        on_step()
        for bead in run:  # the run's own moves are the DP's to place again
            free_a.update(bead.original)
            free_b.update(bead.derivative)
        for bead in band_dp(scorer, region, on_step, (free_a, free_b)):
            free_a.difference_update(bead.original)
            free_b.difference_update(bead.derivative)
            found.append(Bead(bead.original, bead.derivative, bead.score, moved=True))
    return placed, found


def giving_way(
    scorer: Scorer, passages: list[list[Bead]], placed: list[Bead], free_a: set[int], free_b: set[int]
) -> list[Bead]:
    """The beads in place that stay beside these passages (see moved_passages); the units of
    those that give way are free again."""
    if not passages:
        return placed
    minimum = move_minimum(scorer.threshold)
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


def passages_of(moves: list[Bead]) -> list[list[Bead]]:
    """The moves (sorted by original unit) that form passages (see _chains), each move counting one."""
    chains = _chains([(bead.original[0], bead.derivative[0]) for bead in moves], [1.0] * len(moves))
    return [[moves[k] for k in chain] for chain in chains]


def _chains(points: list[tuple[int, int]], weights: list[float]) -> list[list[int]]:
    """Of points (i, j) sorted by i, the chains in which each follows the one before on both sides
    by at most PASSAGE_GAP units, as indexes in reading order, sorted by where they start.
    Chaining as genome aligners do it (minimap2): each point extends the heaviest chain among the
    PASSAGE_LOOKBACK points before it, so a stray point in between (a refrain found elsewhere)
    does not break the passage; then the heaviest chains are taken first, each point in one."""
    weight = list(weights)
    before = [-1] * len(points)
    for k, (i, j) in enumerate(points):
        for p in range(max(0, k - PASSAGE_LOOKBACK), k):
            di, dj = i - points[p][0], j - points[p][1]
            # (of equally heavy chains, the nearest predecessor's: `>=` lets a later one win ties)
            if 0 < di <= PASSAGE_GAP and 0 < dj <= PASSAGE_GAP and weight[p] + weights[k] >= weight[k]:
                weight[k], before[k] = weight[p] + weights[k], p
    taken = [False] * len(points)
    chains = []
    for k in sorted(range(len(points)), key=lambda k: (-weight[k], k)):
        chain = []
        while k >= 0 and not taken[k]:
            taken[k] = True
            chain.append(k)
            k = before[k]
        if len(chain) > 1:
            chains.append(chain[::-1])
    return sorted(chains, key=lambda chain: points[chain[0]][0])


@dataclass(frozen=True, slots=True)
class AnchoredPassage:
    """A passage moved whole, found by its anchors before anything is aligned in place: they chain
    out of order with the document's in-order anchors, and outweigh those they contradict."""

    anchors: tuple[tuple[int, int], ...]  # in reading order on both sides

    @property
    def original(self) -> range:
        return range(self.anchors[0][0], self.anchors[-1][0] + 1)

    @property
    def derivative(self) -> range:
        return range(self.anchors[0][1], self.anchors[-1][1] + 1)


def anchored_passages(
    in_order: list[tuple[int, int, float]], others: list[tuple[int, int, float]]
) -> tuple[list[tuple[int, int]], list[AnchoredPassage]]:
    """The passages moved whole among the anchor pairs (i, j, weight) left out of the in-order
    chain (`others`), and the in-order anchors that stay.

    In a revised edition that reorders its chapters, the heaviest in-order chain of anchors keeps
    the chapters that stayed in order, and each moved chapter's anchors chain among themselves,
    out of order with it. Found first, such a passage is kept out of the alignment in place,
    whose dynamic programme between two distant anchors would pair its sentences with whatever
    resembles them there, and is aligned on its own anchors. A chain is such a passage when it
    outweighs the in-order anchors its span holds on either side (a parallel passage, the same
    text told twice, loses to the anchors of its own place), and overlaps no heavier passage.
    """
    weight_of = {(i, j): w for i, j, w in [*in_order, *others]}
    chained = sorted((i, j) for i, j, _ in in_order)
    rest = sorted((i, j) for i, j, _ in others)
    rows, columns = [i for i, _ in chained], [j for _, j in chained]
    dropped: set[int] = set()  # in-order anchors a passage outweighs

    def against(span_a: range, span_b: range) -> set[int]:
        """The in-order anchors (not yet dropped) with a unit in either span."""
        found = set(range(bisect_left(rows, span_a.start), bisect_left(rows, span_a.stop)))
        found.update(range(bisect_left(columns, span_b.start), bisect_left(columns, span_b.stop)))
        return found - dropped

    def weight(anchors: set[int]) -> float:
        return sum(weight_of[chained[k]] for k in anchors)

    def contradicted(points: list[tuple[int, int]]) -> set[int]:
        """The in-order anchors a chain's span holds on either side."""
        return against(range(points[0][0], points[-1][0] + 1), range(points[0][1], points[-1][1] + 1))

    taken_a: list[range] = []
    taken_b: list[range] = []
    found: list[AnchoredPassage] = []
    chains = _chains(rest, [weight_of[point] for point in rest])
    for chain in sorted(chains, key=lambda chain: -sum(weight_of[rest[k]] for k in chain)):
        points = [rest[k] for k in chain]
        # A stray pair at an end (a name both places happen to share) would stretch the passage
        # over text in place: an end goes while it weighs less than the in-order anchors that
        # only its stretch contradicts.
        while len(points) > 1 and weight_of[points[0]] < weight(contradicted(points) - contradicted(points[1:])):
            points.pop(0)
        while len(points) > 1 and weight_of[points[-1]] < weight(contradicted(points) - contradicted(points[:-1])):
            points.pop()
        if len(points) < 2:
            continue
        passage = AnchoredPassage(tuple(points))
        span_a, span_b = passage.original, passage.derivative
        if any(_overlap(span_a, other) for other in taken_a) or any(_overlap(span_b, other) for other in taken_b):
            continue
        outweighed = contradicted(points)
        if sum(weight_of[point] for point in passage.anchors) <= weight(outweighed):
            continue
        dropped |= outweighed
        taken_a.append(span_a)
        taken_b.append(span_b)
        found.append(passage)
    kept = [anchor for k, anchor in enumerate(chained) if k not in dropped]
    return kept, sorted(found, key=lambda passage: passage.anchors[0])


def _overlap(one: range, other: range) -> bool:
    return one.start < other.stop and other.start < one.stop


__all__ = [
    "PASSAGE_GAP",
    "PASSAGE_LOOKBACK",
    "AnchoredPassage",
    "anchored_passages",
    "giving_way",
    "moved_passages",
    "passages_of",
]
