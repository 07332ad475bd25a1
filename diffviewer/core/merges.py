"""After the DP: lone units that join a bead (long merges, fragments, refrains) and moves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from diffviewer.core.model import Side
from diffviewer.core.scoring import TIE, Bead, Scorer, needed
from diffviewer.core.similarity import UnitSimilarity

# A move has no order to support it: it must clear the pairing threshold by far (move_minimum).
MOVE_FACTOR = 2.0
MOVE_PROBES = 16  # rarest n-grams a lone derivative unit looks through for a moved source...
MOVE_MAX_POSTING = 8  # ...among those at most this many lone original units have...
MOVE_CANDIDATES = 4  # ...and the lone original units sharing most of them it is scored against
MAX_BEAD_UNITS = 8  # longest run of units a merge grows to on one side
# A lone unit joins a neighbouring bead when the bead's other side holds this share of it beyond
# chance ("most of it").
BELONGING = 0.5
_GROWN_NEED = needed(1)  # a placed bead growing only has to stay clear of chance (FALSE_PAIR_RATE)
_LONE_NEED = needed(1)  # so has the one unit a side between two beads


def in_step(sim: UnitSimilarity, beads: list[Bead], free: tuple[set[int], set[int]] | None = None) -> list[Bead]:
    """Lone units in equal numbers between the same two beads pair in order when each pair shares
    most of its text: what a table or a refrain rewritten the same way on every line looks
    like, where every unit is so like every other that chance cannot tell them apart. And one
    lone unit a side between the same two beads pairs when it shares more than chance.
    With `free`, only between two beads with no unit outside `free` between them (the units of
    a passage moved whole would put the counts out of step)."""
    found: list[Bead] = []
    ends = [(-1, -1), *((b.original[-1], b.derivative[-1]) for b in beads)]
    starts = [*((b.original[0], b.derivative[0]) for b in beads), (len(sim.a), len(sim.b))]
    for (a_end, b_end), (a_start, b_start) in zip(ends, starts, strict=True):
        if free is not None and not (
            free[0].issuperset(range(a_end + 1, a_start)) and free[1].issuperset(range(b_end + 1, b_start))
        ):
            continue
        pairs = list(zip(range(a_end + 1, a_start), range(b_end + 1, b_start), strict=False))
        if pairs and a_start - a_end == b_start - b_end and all(sim.overlap(i, j) >= BELONGING for i, j in pairs):
            found.extend(Bead((i,), (j,), sim.unit_match(i, j).score, moved=False) for i, j in pairs)
        elif a_start - a_end == 2 and b_start - b_end == 2:
            # One lone unit a side, in the same place: order leaves each no other partner, so
            # sharing more than chance, significantly, is enough (Gale-Church pairs it by length).
            i, j = pairs[0]
            match = sim.unit_match(i, j)
            if match.score > 0 and match.surprise >= _LONE_NEED:
                found.append(Bead((i,), (j,), match.score, moved=False))
    return found


@dataclass(slots=True)
class _Growing:
    """A bead being grown: units a0:a1 against b0:b1 (mutable: it grows in place)."""

    a0: int
    a1: int
    b0: int
    b1: int
    moved: bool


@dataclass(frozen=True, slots=True)
class _Offer:
    """A run of lone units (often one) that could join the bead next to it."""

    crosses: bool  # it would join across a paragraph break
    belongs: float
    gain: float
    side: Side
    start: int  # the run's units, start:end
    end: int
    bead: int


def grow(
    beads: list[Bead], scorer: Scorer, free_a: set[int], free_b: set[int], on_step: Callable[[], None]
) -> list[Bead]:
    """Lone units join a neighbouring bead (long merges, fragments), best offers first.

    A unit joins when that raises the bead's gain, or when most of it is found on the other
    side: a fragment ("L'accueil fut cordial ;") of a sentence the other side says at length
    shares little with the whole, yet has no other home. So does a run of lone units beside the
    bead when most of the run is found there (one of them may be found only weakly, but it lies
    between the others and the bead). Between two neighbours, one in its own paragraph wins;
    then the one that holds more of it.
    """
    spans = [_Growing(b.original[0], b.original[-1] + 1, b.derivative[0], b.derivative[-1] + 1, b.moved) for b in beads]
    ends_a = {u: k for k, sp in enumerate(spans) for u in (sp.a0, sp.a1 - 1)}
    ends_b = {u: k for k, sp in enumerate(spans) for u in (sp.b0, sp.b1 - 1)}
    # An offer depends only on its run and its bead: it is worked out again only for beads that grew.
    known: dict[int, dict[tuple[Side, int, int], _Offer | None]] = defaultdict(dict)

    def offers_of(side: Side, free: set[int], unit: int, k: int) -> list[_Offer]:
        """Offers of the runs of lone units that start at `unit`, beside bead k, and go away from it."""
        sp = spans[k]
        mine = (sp.a0, sp.a1) if side is Side.ORIGINAL else (sp.b0, sp.b1)
        step = -1 if unit < mine[0] else 1
        found, far = [], unit
        while far in free and abs(far - unit) < MAX_BEAD_UNITS - (mine[1] - mine[0]):
            run = (min(unit, far), max(unit, far) + 1)
            key = (side, *run)
            if key not in known[k]:
                known[k][key] = _offer(scorer, sp, side, run, k)
            if (offer := known[k][key]) is not None:
                found.append(offer)
            far += step
        return found

    # offers_of(side, free, unit, k) as last worked out: it changes only when bead k grows or a
    # unit within its reach (MAX_BEAD_UNITS) is taken. A book with its chapters moved has thousands
    # of beads growing over dozens of rounds, each of which would otherwise walk every lone unit.
    listed: dict[tuple[Side, int, int], list[_Offer]] = {}

    def listed_offers(side: Side, free: set[int], unit: int, k: int) -> list[_Offer]:
        found = listed.get((side, unit, k))
        if found is None:
            found = listed[side, unit, k] = offers_of(side, free, unit, k)
        return found

    while True:
        on_step()
        offers = [
            offer
            for side, free, ends in ((Side.ORIGINAL, free_a, ends_a), (Side.DERIVATIVE, free_b, ends_b))
            # The lone units beside a bead's end, in order: the only ones with offers.
            for unit in sorted({u for end in ends for u in (end - 1, end + 1) if u in free})
            for k in {ends.get(unit - 1, -1), ends.get(unit + 1, -1)} - {-1}
            for offer in listed_offers(side, free, unit, k)
        ]
        if not offers:
            break
        offers.sort(key=lambda o: (o.crosses, -o.belongs, -o.gain, o.side, o.start, o.end))
        if not offers[0].crosses:
            # Offers across a break wait a round: the unit may yet be offered a home in its own
            # paragraph, by a bead that grows to reach it.
            offers = [o for o in offers if not o.crosses]
        touched: set[int] = set()
        near_taken: dict[Side, set[int]] = {Side.ORIGINAL: set(), Side.DERIVATIVE: set()}
        for offer in offers:
            free, ends = (free_a, ends_a) if offer.side is Side.ORIGINAL else (free_b, ends_b)
            run = range(offer.start, offer.end)
            if offer.bead in touched or not free.issuperset(run):
                continue
            touched.add(offer.bead)
            free.difference_update(run)
            near_taken[offer.side].update(range(offer.start - MAX_BEAD_UNITS, offer.end + MAX_BEAD_UNITS))
            sp = spans[offer.bead]
            start, end = (sp.a0, sp.a1) if offer.side is Side.ORIGINAL else (sp.b0, sp.b1)
            before = offer.end == start
            if end - start > 1:  # the end it grows from is no end any more
                ends.pop(start if before else end - 1, None)
            start, end = (offer.start, end) if before else (start, offer.end)
            ends[start if before else end - 1] = offer.bead
            if offer.side is Side.ORIGINAL:
                sp.a0, sp.a1 = start, end
            else:
                sp.b0, sp.b1 = start, end
        for k in touched:
            known.pop(k, None)
        listed = {
            key: found for key, found in listed.items() if key[2] not in touched and key[1] not in near_taken[key[0]]
        }
    return [
        Bead(
            tuple(range(sp.a0, sp.a1)),
            tuple(range(sp.b0, sp.b1)),
            scorer.match((sp.a0, sp.a1), (sp.b0, sp.b1)).score,
            sp.moved,
        )
        for sp in spans
    ]


def _offer(scorer: Scorer, sp: _Growing, side: Side, run: tuple[int, int], k: int) -> _Offer | None:
    a, b = (sp.a0, sp.a1), (sp.b0, sp.b1)
    mine, starts = (a, scorer.a_starts) if side is Side.ORIGINAL else (b, scorer.b_starts)
    before = run[1] == mine[0]
    if not (before or run[0] == mine[1]):
        return None
    grown = (min(mine[0], run[0]), max(mine[1], run[1]))
    if grown[1] - grown[0] > MAX_BEAD_UNITS:
        return None
    na, nb = (grown, b) if side is Side.ORIGINAL else (a, grown)
    belongs = scorer.belonging(side, run, b if side is Side.ORIGINAL else a)
    if belongs <= 0:
        return None
    # The bead is placed already: growing it only has to stay clear of chance.
    gain = scorer.gain(na, nb, _GROWN_NEED)
    if belongs < BELONGING and gain < scorer.gain(a, b, _GROWN_NEED) - TIE / 2:
        return None
    # Paragraph breaks it would join across: before each unit of the run but its first, and
    # between the run and the bead.
    crosses = any(starts[run[0] + 1 : mine[0] + 1]) if before else any(starts[run[0] : run[1]])
    return _Offer(crosses, belongs, gain, side, run[0], run[1], k)


def move_minimum(threshold: float) -> float:
    """The score a move must reach where `threshold` pairs units in place (never above 0.9: a
    near copy moved is a move, however high the threshold of a text made of one template)."""
    return min(0.9, threshold * MOVE_FACTOR)


def moves(scorer: Scorer, free_a: set[int], free_b: set[int], on_step: Callable[[], None]) -> list[Bead]:
    """Units alone on both sides that match strongly out of order, each used once, best first."""
    if not free_a or not free_b:
        return []
    minimum = move_minimum(scorer.threshold)
    need = needed(len(scorer.sim.a))  # a moved unit could have come from anywhere
    near = scorer.sim.nearest(sorted(free_b), sorted(free_a), MOVE_PROBES, MOVE_MAX_POSTING, MOVE_CANDIDATES)
    on_step()
    pairs = [(i, j) for j, targets in near.items() for i in targets]
    scores = scorer.sim.unit_scores(
        np.array([i for i, _ in pairs], dtype=np.int64), np.array([j for _, j in pairs], dtype=np.int64)
    )
    found = sorted(
        zip(scores.score.tolist(), scores.surprise.tolist(), pairs, strict=True),
        key=lambda found: (-found[0], found[2]),
    )
    moves: list[Bead] = []
    for score, surprise, (i, j) in found:
        if score < minimum:
            break
        if i in free_a and j in free_b and surprise >= need:
            free_a.discard(i)
            free_b.discard(j)
            moves.append(Bead((i,), (j,), score, moved=True))
    return moves
