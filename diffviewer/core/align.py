"""Alignment at sentence grain, shown as paragraph blocks.

Each paragraph is cut into sentences (code: kept whole), the sentences of both documents are
aligned (beads.py), and the beads are lifted to paragraphs: a block joins the paragraphs its
beads link, so a split, a merge, or two sides cut in different places become one block, and its
word diff runs bead by bead (`pieces`), so a sentence is marked removed only when it has no
counterpart. A paragraph matched only out of order is a move; a sentence moved into a paragraph
aligned elsewhere is linked without tying the two blocks together.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from diffviewer.core.beads import Bead, align_units, heaviest_chain
from diffviewer.core.collector import paused_collector
from diffviewer.core.model import Piece, Side
from diffviewer.core.ngrams import Elsewhere, forget_sides
from diffviewer.core.sentences import Unit, split_units


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
class Group:
    original: tuple[int, ...]
    derivative: tuple[int, ...]
    moved: bool
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class Crossing:
    """Text of one paragraph moved into a paragraph aligned elsewhere (a CROSS link): where it
    is in each, as offsets in the paragraphs' texts."""

    original: int
    original_start: int
    original_end: int
    derivative: int
    derivative_start: int
    derivative_end: int


@dataclass(frozen=True, slots=True)
class Alignment:
    links: tuple[Link, ...]
    groups: tuple[Group, ...]  # in derivative reading order; deletions where they were lost
    crossings: tuple[Crossing, ...] = ()


def align(
    original: Sequence[str],
    derivative: Sequence[str],
    on_step: Callable[[], None] = lambda: None,
    overlaps: bool = True,
    keys: tuple[Sequence[str], Sequence[str]] | None = None,
    on_progress: Callable[[float], None] = lambda fraction: None,
    elsewhere: Elsewhere | None = None,
) -> Alignment:
    """Align paragraph texts; `on_step` is called between stages (for cancel checks).

    `overlaps`: prose, aligned sentence by sentence, so paragraphs cut in different places
    link where they share sentences. Off for code, whose blocks are aligned whole.
    `keys`: each paragraph's text as the user's options see it (case, punctuation, spacing);
    a paragraph whose key the other side has too is one unit, so it meets its twin whole.
    `on_progress` hears the share of the alignment done (0 → 1). `elsewhere`: another process
    may featurise the units of first_units() meanwhile (see ngrams.featurised_pair).

    The last few alignments are kept, by what decides them (see _decided_by): changing an option
    only the word diffs see (case, punctuation, spacing, granularity) aligns nothing again.
    """
    decided_by = _decided_by(original, derivative, overlaps, keys)
    with _recent_lock:
        found = _recent.get(decided_by)
        if found is not None:
            _recent.move_to_end(decided_by)
    if found is not None:
        on_progress(1.0)
        return found
    with paused_collector():  # (see collector.py)
        result = _align(original, derivative, on_step, overlaps, keys, on_progress, elsewhere)
    with _recent_lock:
        _recent[decided_by] = result
        while len(_recent) > KEEP_ALIGNMENTS:
            _recent.popitem(last=False)
    return result


# A book's alignment is a few megabytes; the window shows one original against a few derivatives.
KEEP_ALIGNMENTS = 4
_recent: OrderedDict[tuple[object, ...], Alignment] = OrderedDict()
_recent_lock = threading.Lock()  # the window aligns several derivatives at once


def knows(original: Sequence[str], derivative: Sequence[str], overlaps: bool = True) -> bool:
    """Whether an alignment of these texts is kept: comparing them again (another option) will
    most likely align nothing (unless the option changes which paragraphs are twins)."""
    texts = (tuple(original), tuple(derivative), overlaps)
    with _recent_lock:
        return any(decided_by[:3] == texts for decided_by in _recent)


def forget_alignments() -> None:
    """Drop the kept alignments, and the sides featurised (a test that times or cancels one must
    meet it uncomputed)."""
    with _recent_lock:
        _recent.clear()
    forget_sides()


def _decided_by(
    original: Sequence[str],
    derivative: Sequence[str],
    overlaps: bool,
    keys: tuple[Sequence[str], Sequence[str]] | None,
) -> tuple[object, ...]:
    """All an alignment depends on: the texts, whether prose, and which paragraphs have a twin
    under the user's options (the keys themselves change with every option; the twins rarely)."""
    a_keys, b_keys = keys or (original, derivative)
    twins = set(a_keys).intersection(b_keys)
    return (
        tuple(original),
        tuple(derivative),
        overlaps,
        frozenset(i for i, key in enumerate(a_keys) if key in twins),
        frozenset(j for j, key in enumerate(b_keys) if key in twins),
    )


def _align(
    original: Sequence[str],
    derivative: Sequence[str],
    on_step: Callable[[], None],
    overlaps: bool,
    keys: tuple[Sequence[str], Sequence[str]] | None,
    on_progress: Callable[[float], None],
    elsewhere: Elsewhere | None = None,
) -> Alignment:
    a_keys, b_keys = keys or (original, derivative)
    if _mirrored(original, derivative):
        # Align in one canonical direction so that swapping the sides mirrors the result.
        mirrored = _align(derivative, original, on_step, overlaps, (b_keys, a_keys), on_progress, elsewhere)
        return Alignment(
            tuple(sorted((Link(k.derivative, k.original, k.score, k.kind) for k in mirrored.links), key=_link_order)),
            _mirror_groups(mirrored.groups, len(original)),
            tuple(sorted(_mirror_crossing(c) for c in mirrored.crossings)),
        )
    a_units = _side_units(original, overlaps, a_keys, b_keys)
    b_units = _side_units(derivative, overlaps, b_keys, a_keys)
    beads = align_units(
        [original[u.paragraph][u.start : u.end] for u in a_units],
        [derivative[u.paragraph][u.start : u.end] for u in b_units],
        on_step,
        [u.start == 0 for u in a_units],
        [u.start == 0 for u in b_units],
        on_progress,
        elsewhere,
    )
    return _paragraphs(original, derivative, a_units, b_units, beads)


def _mirrored(original: Sequence[str], derivative: Sequence[str]) -> bool:
    return list(derivative) < list(original)


def _side_units(texts: Sequence[str], overlaps: bool, keys: Sequence[str], other_keys: Sequence[str]) -> list[Unit]:
    """One side's units: its sentences, a paragraph with a twin on the other side whole."""
    others = set(other_keys)
    return split_units(list(texts), overlaps, {i for i, key in enumerate(keys) if key in others})


def first_units(
    original: Sequence[str],
    derivative: Sequence[str],
    overlaps: bool = True,
    keys: tuple[Sequence[str], Sequence[str]] | None = None,
) -> list[str]:
    """The texts of the units align() featurises first (the side it aligns from): what another
    process can featurise for it (see `elsewhere`)."""
    a_keys, b_keys = keys or (original, derivative)
    if _mirrored(original, derivative):
        original, a_keys, b_keys = derivative, b_keys, a_keys
    return [original[u.paragraph][u.start : u.end] for u in _side_units(original, overlaps, a_keys, b_keys)]


def _link_order(link: Link) -> tuple[int, int]:
    return (link.derivative, link.original)


def _mirror_crossing(c: Crossing) -> Crossing:
    return Crossing(c.derivative, c.derivative_start, c.derivative_end, c.original, c.original_start, c.original_end)


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
    """Paragraphs of both sides joined into blocks, each block knowing which sides it holds."""

    def __init__(self) -> None:
        self.parent: dict[tuple[Side, int], tuple[Side, int]] = {}
        self._sides: dict[tuple[Side, int], frozenset[Side]] = {}  # of each root

    def find(self, x: tuple[Side, int]) -> tuple[Side, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[Side, int], b: tuple[Side, int]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_a] = root_b
            self._sides[root_b] = self.sides(root_b) | self._sides.pop(root_a, frozenset((root_a[0],)))

    def sides(self, root: tuple[Side, int]) -> frozenset[Side]:
        return self._sides.get(root, frozenset((root[0],)))

    def would_tie_pairs(self, members: Sequence[tuple[Side, int]]) -> bool:
        """Whether joining these paragraphs would join two blocks that each pair both sides already."""
        roots = {self.find(member) for member in members}
        return sum(1 for root in roots if len(self.sides(root)) == 2) > 1


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
    crossings: list[Crossing] = []
    # The blocks in order first: a move is judged against them; then the moves in reading order
    # (the order they were found in would make the blocks depend on it).
    for bead in sorted(beads, key=lambda bead: (bead.moved, bead.original[0])):
        pas = {a_units[u].paragraph for u in bead.original}
        pbs = {b_units[u].paragraph for u in bead.derivative}
        if not bead.moved:
            kind = LinkKind.ORDERED
        elif (pas <= ordered_a and pbs <= ordered_b) or uf.would_tie_pairs(
            [*((Side.ORIGINAL, pa) for pa in pas), *((Side.DERIVATIVE, pb) for pb in pbs)]
        ):
            # Both paragraphs are aligned elsewhere, or belong to two blocks pairing text each
            # (a sentence of a paragraph moved in two pieces): joining them would tie two
            # distant blocks, and moved passages would chain into one block across the book.
            kind = LinkKind.CROSS
        else:  # a paragraph moved, whole or into another one
            kind = LinkKind.MOVED
        if kind is LinkKind.CROSS:
            crossings.extend(_crossings(bead, a_units, b_units))
        else:
            merging.append(bead)
            first = (Side.ORIGINAL, min(pas))
            for pa in pas:
                uf.union((Side.ORIGINAL, pa), first)
            for pb in pbs:
                uf.union((Side.DERIVATIVE, pb), first)
        for pa in pas:
            for pb in pbs:
                old = best.get((pa, pb))
                if old is None or bead.score > old.score:
                    best[(pa, pb)] = Link(pa, pb, round(bead.score, 4), kind)
    members: dict[tuple[Side, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(original)):
        members[uf.find((Side.ORIGINAL, i))][0].append(i)
    for j in range(len(derivative)):
        members[uf.find((Side.DERIVATIVE, j))][1].append(j)
    in_order = {uf.find((Side.ORIGINAL, a_units[b.original[0]].paragraph)) for b in merging if not b.moved}
    moved_roots = {uf.find((Side.ORIGINAL, a_units[b.original[0]].paragraph)) for b in merging if b.moved} - in_order
    beads_of: dict[tuple[Side, int], list[Bead]] = defaultdict(list)
    for bead in merging:
        beads_of[uf.find((Side.ORIGINAL, a_units[bead.original[0]].paragraph))].append(bead)
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
    return Alignment(links, _reading_order(groups, len(original)), tuple(sorted(crossings)))


def _crossings(bead: Bead, a_units: list[Unit], b_units: list[Unit]) -> list[Crossing]:
    """A cross bead's text in each pair of the paragraphs it touches."""

    def extents(units: list[Unit], indexes: tuple[int, ...]) -> dict[int, tuple[int, int]]:
        found: dict[int, tuple[int, int]] = {}
        for k in indexes:
            unit = units[k]
            start, end = found.get(unit.paragraph, (unit.start, unit.end))
            found[unit.paragraph] = (min(start, unit.start), max(end, unit.end))
        return found

    a_extents, b_extents = extents(a_units, bead.original), extents(b_units, bead.derivative)
    return [
        Crossing(pa, a_start, a_end, pb, b_start, b_end)
        for pa, (a_start, a_end) in a_extents.items()
        for pb, (b_start, b_end) in b_extents.items()
    ]


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
    """Bead by bead, the stretches of the block's texts to diff, never one quadratic whole: where
    beads cross (text moved inside the block), those of the heaviest in-order chain (by text) are
    the pieces, and the others' text falls between them, deleted on one side and inserted on
    the other, where the moved pass finds it (core/moved.py)."""
    a_span = _offsets(a_paras, original, a_units, a_of)
    b_span = _offsets(b_paras, derivative, b_units, b_of)
    a_len = sum(len(original[p]) for p in a_paras) + max(0, len(a_paras) - 1)
    b_len = sum(len(derivative[p]) for p in b_paras) + max(0, len(b_paras) - 1)
    if not a_paras or not b_paras:
        return (Piece(0, a_len, 0, b_len),)
    spans = sorted(
        (
            a_span[bead.original[0]][0],
            a_span[bead.original[-1]][1],
            b_span[bead.derivative[0]][0],
            b_span[bead.derivative[-1]][1],
        )
        for bead in beads
    )
    if any(later[2] < earlier[3] for earlier, later in zip(spans, spans[1:], strict=False)):
        kept = set(heaviest_chain([(a0, b0, (a1 - a0) + (b1 - b0) + 1.0) for a0, a1, b0, b1 in spans]))
        spans = [span for span in spans if (span[0], span[2]) in kept]
    pieces: list[Piece] = []
    at_a = at_b = 0  # offsets in the block's texts reached so far
    for start_a, end_a, start_b, end_b in spans:
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
