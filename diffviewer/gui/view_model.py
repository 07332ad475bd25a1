"""What the panes show besides the rows, worked out with them off the GUI thread, Qt-free: where
next/previous lands, which change the reader is on, which quotations to outline where, where a
moved phrase's other end is, what a pane's header says of its document, and what hovering or
copying a block tells of it.

The view only lays out and paints; these rules are tested without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from diffviewer.core.model import (
    BlockKind,
    ChangeOp,
    Comparison,
    Document,
    DocumentFormat,
    Quote,
    QuoteStatus,
    Side,
    Treatment,
)

# What "next change" stops at: every block that is not an unchanged copy.
CHANGE_KINDS = frozenset({BlockKind.REWRITE, BlockKind.MOVED, BlockKind.INSERTED, BlockKind.DELETED})


@dataclass(frozen=True, slots=True, order=True)
class Target:
    row: int  # the row navigation lands on
    block: int


@dataclass(frozen=True, slots=True)
class ChangePosition:
    number: int  # 1 for the first change; 0 when the current block is no change (or none is current)
    total: int


@dataclass(frozen=True, slots=True)
class Navigation:
    """The blocks next/previous steps stop at, in reading order (by their rows)."""

    changes: tuple[Target, ...]
    moved: tuple[Target, ...]

    @staticmethod
    def of(comparison: Comparison, anchor_row: Mapping[int, int]) -> Navigation:
        blocks = comparison.blocks
        targets = sorted(Target(row, block) for block, row in anchor_row.items() if blocks[block].kind in CHANGE_KINDS)
        return Navigation(
            tuple(targets), tuple(t for t in targets if blocks[t.block].kind is BlockKind.MOVED)
        )

    def position(self, block: int) -> ChangePosition:
        numbers = {target.block: n for n, target in enumerate(self.changes, start=1)}
        return ChangePosition(numbers.get(block, 0), len(self.changes))

    @staticmethod
    def step(targets: tuple[Target, ...], here: int, forward: bool) -> Target | None:
        """The first target after row `here` (or before it, going back); None at the end."""
        if forward:
            return next((t for t in targets if t.row > here), None)
        return next((t for t in reversed(targets) if t.row < here), None)


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """An altered or unsourced quotation (or its source) to outline in a pane."""

    start: int  # code points in the paragraph
    end: int
    status: QuoteStatus
    quote: Quote


def quote_marks(comparison: Comparison) -> dict[tuple[Side, int], tuple[QuoteMark, ...]]:
    """Each paragraph's flagged quotations, and in the original the sources of altered ones."""
    found: dict[tuple[Side, int], list[QuoteMark]] = {}
    for quote in comparison.quotes:
        if quote.status is QuoteStatus.VERBATIM:
            continue
        found.setdefault((Side.DERIVATIVE, quote.paragraph), []).append(
            QuoteMark(quote.start, quote.end, quote.status, quote)
        )
        if quote.source_paragraph is not None and quote.source_start is not None:
            found.setdefault((Side.ORIGINAL, quote.source_paragraph), []).append(
                QuoteMark(quote.source_start, quote.source_end or quote.source_start, quote.status, quote)
            )
    return {place: tuple(marks) for place, marks in found.items()}


@dataclass(frozen=True, slots=True)
class MovePlace:
    """The blocks holding a moved phrase's two ends."""

    removed: int
    added: int


def move_places(comparison: Comparison) -> dict[int, MovePlace]:
    """Where each moved phrase's ends are."""
    removed: dict[int, int] = {}
    added: dict[int, int] = {}
    for index, block in enumerate(comparison.blocks):
        for change in block.changes:
            if change.moved is not None:
                (removed if change.op is ChangeOp.DELETE else added)[change.moved] = index
    return {move: MovePlace(block, added.get(move, block)) for move, block in removed.items()}


@dataclass(frozen=True, slots=True)
class MoveEnd:
    """One end of a moved phrase: its id and what it is where it is (removed or added)."""

    move: int
    op: ChangeOp


def moved_elsewhere(comparison: Comparison) -> dict[MoveEnd, int]:
    """For each end of a moved phrase whose other end is in another block (a sentence moved into a
    paragraph aligned elsewhere), the paragraph of the other document that holds the other end."""
    found: dict[MoveEnd, int] = {}
    for move, place in move_places(comparison).items():
        if place.removed == place.added:
            continue
        for here in (ChangeOp.DELETE, ChangeOp.INSERT):
            paragraph = _other_end(comparison, move, place, removed_here=here is ChangeOp.DELETE)
            if paragraph is not None:
                found[MoveEnd(move, here)] = paragraph
    return found


def _other_end(comparison: Comparison, move: int, place: MovePlace, removed_here: bool) -> int | None:
    other = comparison.blocks[place.added if removed_here else place.removed]
    document = comparison.derivative if removed_here else comparison.original
    wanted = ChangeOp.INSERT if removed_here else ChangeOp.DELETE
    at = 0  # where the other end starts in the other block's side (paragraphs joined by "\n")
    for change in other.changes:
        if change.moved == move and change.op is wanted:
            break
        at += len(change.derivative_side if removed_here else change.original_side)
    paragraphs = other.derivative if removed_here else other.original
    for paragraph in paragraphs:
        at -= len(document.paragraphs[paragraph].text) + 1
        if at < 0:
            return paragraph
    return paragraphs[-1] if paragraphs else None


@dataclass(frozen=True, slots=True)
class PaneDocument:
    """What a pane says of the document it shows (its header), and whether it shows code."""

    name: str  # the file's name, without its folder
    format: DocumentFormat
    language: str | None  # for code, the lexer the loader chose ("python"), when it knows one
    paragraphs: int  # for code, its blocks of lines

    @staticmethod
    def of(document: Document) -> PaneDocument:
        return PaneDocument(Path(document.path).name, document.format, document.language, len(document.paragraphs))

    @staticmethod
    def sides(original: Document | None, derivative: Document | None) -> dict[Side, PaneDocument]:
        """Each loaded side's."""
        given = {Side.ORIGINAL: original, Side.DERIVATIVE: derivative}
        return {side: PaneDocument.of(document) for side, document in given.items() if document is not None}

    @property
    def is_code(self) -> bool:
        return self.format is DocumentFormat.CODE

    @property
    def lexer(self) -> str | None:
        """The lexer its panes colour it with; None for prose ("text" lexes code of no known language)."""
        return (self.language or "text") if self.is_code else None


@dataclass(frozen=True, slots=True)
class BlockFacts:
    """What the panes tell of one block: its tooltip's facts (what the alignment did, the
    paragraph numbers on each side as the reader counts them, how similar the sides are) and
    what Copy takes of it with nothing selected. The view words them (gui/labels.py)."""

    kind: BlockKind  # also the colour of the block's bands in the link map
    treatment: Treatment
    original_numbers: tuple[int, ...]  # the original's paragraphs it holds, from 1
    derivative_numbers: tuple[int, ...]
    similarity: float | None  # 0..1 when both sides have paragraphs; None for a new or dropped one
    text: str  # the derivative's paragraphs, or the original's for a dropped one, a blank line apart

    @property
    def similarity_percent(self) -> int | None:
        return None if self.similarity is None else round(self.similarity * 100)


def block_facts(comparison: Comparison) -> tuple[BlockFacts, ...]:
    """Each block's facts, by block index."""
    original, derivative = comparison.original.paragraphs, comparison.derivative.paragraphs
    facts = []
    for block in comparison.blocks:
        shown = [derivative[j].text for j in block.derivative] or [original[i].text for i in block.original]
        facts.append(
            BlockFacts(
                block.kind,
                block.treatment,
                tuple(i + 1 for i in block.original),
                tuple(j + 1 for j in block.derivative),
                block.similarity if block.original and block.derivative else None,
                "\n\n".join(shown),
            )
        )
    return tuple(facts)


__all__ = [
    "CHANGE_KINDS",
    "BlockFacts",
    "ChangePosition",
    "MoveEnd",
    "MovePlace",
    "Navigation",
    "PaneDocument",
    "QuoteMark",
    "Target",
    "block_facts",
    "move_places",
    "moved_elsewhere",
    "quote_marks",
]
