"""After the DP: lone units that join a bead (long merges, fragments, refrains) and moves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from diffviewer.core.model import Side
from diffviewer.core.scoring import TIE, Bead, Scorer, needed
from diffviewer.core.similarity import UnitSimilarity

# A move has no order to support it: it must clear the pairing threshold by far.
MOVE_FACTOR = 2.0
MOVE_PROBES = 16  # rarest n-grams a lone derivative unit looks through for a moved source...
MOVE_MAX_POSTING = 8  # ...among those at most this many lone original units have...
MOVE_CANDIDATES = 4  # ...and the lone original units sharing most of them it is scored against
MAX_BEAD_UNITS = 8  # longest run of units a merge grows to on one side
# A lone unit joins a neighbouring bead when the bead's other side holds this share of it beyond
# chance ("most of it").
BELONGING = 0.5
_GROWN_NEED = needed(1)  # a placed bead growing only has to stay clear of chance (FALSE_PAIR_RATE)


def in_step(sim: UnitSimilarity, beads: list[Bead]) -> list[Bead]:
    """Lone units in equal numbers between the same two beads pair in order when each pair shares
    most of its text: what a table or a refrain rewritten the same way on every line looks
    like, where every unit is so like every other that chance cannot tell them apart."""
    found: list[Bead] = []
    ends = [(-1, -1), *((b.original[-1], b.derivative[-1]) for b in beads)]
    starts = [*((b.original[0], b.derivative[0]) for b in beads), (len(sim.a), len(sim.b))]
    for (a_end, b_end), (a_start, b_start) in zip(ends, starts, strict=True):
        pairs = list(zip(range(a_end + 1, a_start), range(b_end + 1, b_start), strict=False))
        if pairs and a_start - a_end == b_start - b_end and all(sim.overlap(i, j) >= BELONGING for i, j in pairs):
            found.extend(Bead((i,), (j,), sim.unit_match(i, j).score, moved=False) for i, j in pairs)
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
    """A lone unit that could join the bead next to it."""

    crosses: bool  # it would join across a paragraph break
    belongs: float
    gain: float
    side: Side
    unit: int
    bead: int


def grow(
    beads: list[Bead], scorer: Scorer, free_a: set[int], free_b: set[int], on_step: Callable[[], None]
) -> list[Bead]:
    """Lone units join a neighbouring bead (long merges, fragments), best offers first.

    A unit joins when that raises the bead's gain, or when most of it is found on the other
    side: a fragment ("L'accueil fut cordial ;") of a sentence the other side says at length
    shares little with the whole, yet has no other home. Between two neighbours, one in its own
    paragraph wins; then the one that holds more of it.
    """
    spans = [_Growing(b.original[0], b.original[-1] + 1, b.derivative[0], b.derivative[-1] + 1, b.moved) for b in beads]
    ends_a = {u: k for k, sp in enumerate(spans) for u in (sp.a0, sp.a1 - 1)}
    ends_b = {u: k for k, sp in enumerate(spans) for u in (sp.b0, sp.b1 - 1)}
    # An offer depends only on its unit and its bead: it is worked out again only for beads that grew.
    known: dict[int, dict[tuple[Side, int], _Offer | None]] = defaultdict(dict)

    def offer_of(side: Side, unit: int, k: int) -> _Offer | None:
        of_bead = known[k]
        if (side, unit) not in of_bead:
            of_bead[(side, unit)] = _offer(scorer, spans[k], side, unit, k)
        return of_bead[(side, unit)]

    while True:
        on_step()
        offers = [
            offer
            for side, free, ends in ((Side.ORIGINAL, free_a, ends_a), (Side.DERIVATIVE, free_b, ends_b))
            for unit in sorted(free)
            for k in {ends.get(unit - 1, -1), ends.get(unit + 1, -1)} - {-1}
            if (offer := offer_of(side, unit, k)) is not None
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
            free, ends = (free_a, ends_a) if offer.side is Side.ORIGINAL else (free_b, ends_b)
            if offer.bead in touched or offer.unit not in free:
                continue
            touched.add(offer.bead)
            free.discard(offer.unit)
            sp = spans[offer.bead]
            if offer.side is Side.ORIGINAL:
                if sp.a1 - sp.a0 > 1:  # the end it grows from is no end any more
                    ends.pop(sp.a0 if offer.unit < sp.a0 else sp.a1 - 1, None)
                sp.a0, sp.a1 = min(sp.a0, offer.unit), max(sp.a1, offer.unit + 1)
            else:
                if sp.b1 - sp.b0 > 1:
                    ends.pop(sp.b0 if offer.unit < sp.b0 else sp.b1 - 1, None)
                sp.b0, sp.b1 = min(sp.b0, offer.unit), max(sp.b1, offer.unit + 1)
            ends[offer.unit] = offer.bead
        for k in touched:
            known.pop(k, None)
    return [
        Bead(
            tuple(range(sp.a0, sp.a1)),
            tuple(range(sp.b0, sp.b1)),
            scorer.match((sp.a0, sp.a1), (sp.b0, sp.b1)).score,
            sp.moved,
        )
        for sp in spans
    ]


def _offer(scorer: Scorer, sp: _Growing, side: Side, unit: int, k: int) -> _Offer | None:
    a, b = (sp.a0, sp.a1), (sp.b0, sp.b1)
    mine, starts = (a, scorer.a_starts) if side is Side.ORIGINAL else (b, scorer.b_starts)
    if mine[1] - mine[0] >= MAX_BEAD_UNITS or not (unit == mine[0] - 1 or unit == mine[1]):
        return None
    grown = (min(mine[0], unit), max(mine[1], unit + 1))
    na, nb = (grown, b) if side is Side.ORIGINAL else (a, grown)
    belongs = scorer.belonging(side, unit, b if side is Side.ORIGINAL else a)
    if belongs <= 0:
        return None
    # The bead is placed already: growing it only has to stay clear of chance.
    gain = scorer.gain(na, nb, _GROWN_NEED)
    if belongs < BELONGING and gain < scorer.gain(a, b, _GROWN_NEED) - TIE / 2:
        return None
    crosses = starts[mine[0]] if unit < mine[0] else starts[unit]
    return _Offer(bool(crosses), belongs, gain, side, unit, k)


def moves(scorer: Scorer, free_a: set[int], free_b: set[int], on_step: Callable[[], None]) -> list[Bead]:
    """Units alone on both sides that match strongly out of order, each used once, best first."""
    if not free_a or not free_b:
        return []
    minimum = min(0.9, scorer.threshold * MOVE_FACTOR)
    need = needed(len(scorer.sim.a))  # a moved unit could have come from anywhere
    near = scorer.sim.nearest(sorted(free_b), sorted(free_a), MOVE_PROBES, MOVE_MAX_POSTING, MOVE_CANDIDATES)
    on_step()
    found = sorted(
        ((scorer.sim.unit_match(i, j), i, j) for j, targets in near.items() for i in targets),
        key=lambda found: (-found[0].score, found[1], found[2]),
    )
    moves: list[Bead] = []
    for match, i, j in found:
        if match.score < minimum:
            break
        if i in free_a and j in free_b and match.surprise >= need:
            free_a.discard(i)
            free_b.discard(j)
            moves.append(Bead((i,), (j,), match.score, moved=True))
    return moves
