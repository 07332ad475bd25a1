"""Moved phrases across blocks, and moved ids numbered over the whole comparison.

A sentence moved into a paragraph that is aligned elsewhere (a CROSS link of the alignment) is
not pulled into that paragraph's block: the two blocks would tie distant parts of the documents
together. Its words would then show as removed in one block and added in the other, though the
derivative kept them. Here the phrases such a sentence shares with the place it went are marked
as moved at both ends, as inside a block (moved.py), with one id for both ends: ids run over the
whole comparison, so an id names one phrase wherever its ends are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from diffviewer.core.align import Crossing, Group
from diffviewer.core.facts import Swap
from diffviewer.core.insight import Verdict
from diffviewer.core.model import Change, ChangeOp
from diffviewer.core.moved import BlockSide, mark_moved_across


@dataclass(frozen=True, slots=True)
class Draft:
    """A block before it is built: its paragraphs, its changes, what they make of it, and the
    names and numbers they swap (facts.block_swaps, for prose). Made where the block was drafted
    (drafting.py), in this process or a helper."""

    group: Group
    changes: tuple[Change, ...]
    verdict: Verdict
    swaps: tuple[Swap, ...] = ()


# A draft with new changes: judged again, its swaps found again.
Redraft = Callable[[Draft, tuple[Change, ...]], Draft]


def numbered(drafts: Sequence[Draft]) -> list[Draft]:
    """The drafts with their blocks' moved ids (1, 2... in each) made unique: block by block.
    (Their verdicts and swaps stand: neither reads an id.)"""
    out: list[Draft] = []
    offset = 0
    for draft in drafts:
        ids = {c.moved for c in draft.changes if c.moved is not None}
        if ids:
            draft = replace(
                draft,
                changes=tuple(c if c.moved is None else replace(c, moved=c.moved + offset) for c in draft.changes),
            )
            offset += max(ids)
        out.append(draft)
    return out


def across(
    drafts: Sequence[Draft],
    crossings: Sequence[Crossing],
    original_texts: Sequence[str],
    derivative_texts: Sequence[str],
    redraft: Redraft,
) -> list[Draft]:
    """`drafts` (numbered) with the phrases of each crossing marked moved between its two blocks,
    each block cut anew remade by `redraft` (once, however many crossings cut it)."""
    changes = [d.changes for d in drafts]
    next_id = 1 + max((c.moved for d in drafts for c in d.changes if c.moved is not None), default=0)
    holds_a = {i: k for k, d in enumerate(drafts) for i in d.group.original}
    holds_b = {j: k for k, d in enumerate(drafts) for j in d.group.derivative}
    sides: dict[tuple[int, ChangeOp], BlockSide] = {}

    def side(block: int, op: ChangeOp) -> BlockSide:
        """The block's side as last read, while its changes are the same."""
        found = sides.get((block, op))
        if found is None or found.changes is not changes[block]:
            found = sides[block, op] = BlockSide.of(changes[block], op)
        return found

    for crossing in crossings:
        x, y = holds_a.get(crossing.original), holds_b.get(crossing.derivative)
        if x is None or y is None or x == y:
            continue
        base_a = _base(drafts[x].group.original, crossing.original, original_texts)
        base_b = _base(drafts[y].group.derivative, crossing.derivative, derivative_texts)
        changes[x], changes[y], next_id = mark_moved_across(
            side(x, ChangeOp.DELETE),
            (base_a + crossing.original_start, base_a + crossing.original_end),
            side(y, ChangeOp.INSERT),
            (base_b + crossing.derivative_start, base_b + crossing.derivative_end),
            next_id,
        )
    return [d if now is d.changes else redraft(d, now) for d, now in zip(drafts, changes, strict=True)]


def _base(paragraphs: Sequence[int], paragraph: int, texts: Sequence[str]) -> int:
    """Where `paragraph` starts in its block's side (paragraphs joined by one newline)."""
    return sum(len(texts[p]) + 1 for p in paragraphs[: list(paragraphs).index(paragraph)])
