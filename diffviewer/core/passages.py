"""Moved passages: moves that follow one another closely on both sides (a revised edition that
reorders its chapters), aligned as finely as text in place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from diffviewer.core.band import BAND_HALF_WIDTH, Region, band_dp, prefill_band, region_band
from diffviewer.core.merges import MOVE_FACTOR
from diffviewer.core.scoring import Bead, Scorer

# Moves this close on both sides (units) are one passage moved whole, when chained (see chained)...
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
    regions = [
        Region(run[0].original[0], *region_band([(b.original[0], b.derivative[0]) for b in run], n, m))
        for run in passages
    ]
    prefill_band(scorer, regions, m)
    chained = {id(bead) for run in passages for bead in run}
    found = [bead for bead in moved if id(bead) not in chained]
    for run, region in zip(passages, regions, strict=True):
        on_step()
        for bead in run:  # the run's own moves are the DP's to place again
            free_a.update(bead.original)
            free_b.update(bead.derivative)
        for bead in band_dp(scorer, region.first, region.lo, region.hi, region.need, on_step, (free_a, free_b)):
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


def passages_of(moves: list[Bead]) -> list[list[Bead]]:
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


__all__ = ["PASSAGE_GAP", "PASSAGE_LOOKBACK", "giving_way", "passages_of", "moved_passages"]
