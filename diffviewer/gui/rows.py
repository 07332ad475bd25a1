"""What the panes show, row by row: blocks turned into level rows of text with marked spans.

Qt-free on purpose (plain data), so the layout rules can be tested without a display. Offsets are
code points, as in the core; the painting code converts them to Qt's UTF-16 positions.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate

from diffviewer.core.model import Block, BlockKind, ChangeOp, Comparison, Document


class Side(StrEnum):
    ORIGINAL = "original"
    DERIVATIVE = "derivative"

    @property
    def other(self) -> Side:
        return Side.DERIVATIVE if self is Side.ORIGINAL else Side.ORIGINAL


@dataclass(frozen=True, slots=True)
class Span:
    """A changed stretch of a cell's text. `paired`: one half of a replacement."""

    start: int
    end: int
    op: ChangeOp
    paired: bool


@dataclass(frozen=True, slots=True)
class Cell:
    side: Side
    block: int | None  # index into comparison.blocks; None when only one document is loaded
    kind: BlockKind | None
    paragraphs: tuple[int, ...]
    text: str  # the paragraphs joined by "\n"
    spans: tuple[Span, ...] = ()
    # Offset in `text` where each of `paragraphs` begins (computed once: painting asks often).
    paragraph_starts: tuple[int, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        lengths = [0]
        lengths.extend(len(part) + 1 for part in self.text.split("\n")[:-1])
        object.__setattr__(self, "paragraph_starts", tuple(accumulate(lengths)))


@dataclass(frozen=True, slots=True)
class Row:
    """One level line of the view: what the original and the derivative show side by side.

    In the inline view only `inline` is set: the block's changes in one column.
    """

    left: Cell | None = None
    right: Cell | None = None
    inline: Cell | None = None

    @property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in (self.left, self.right, self.inline) if cell is not None)

    @property
    def block(self) -> int | None:
        for cell in self.cells:
            return cell.block
        return None


def _side_cells(index: int, block: Block, original: Document, derivative: Document) -> tuple[Cell | None, Cell | None]:
    left_spans: list[Span] = []
    right_spans: list[Span] = []
    left_at = right_at = 0
    changes = block.changes
    for n, change in enumerate(changes):
        size = len(change.text)
        if change.op is ChangeOp.EQUAL:
            left_at += size
            right_at += len(change.derivative_side)
        elif change.op is ChangeOp.DELETE:
            paired = n + 1 < len(changes) and changes[n + 1].op is ChangeOp.INSERT
            left_spans.append(Span(left_at, left_at + size, ChangeOp.DELETE, paired))
            left_at += size
        else:
            paired = n > 0 and changes[n - 1].op is ChangeOp.DELETE
            right_spans.append(Span(right_at, right_at + size, ChangeOp.INSERT, paired))
            right_at += size
    left = right = None
    if block.original:
        text = "\n".join(original.paragraphs[i].text for i in block.original)
        # A dropped paragraph is removed as a whole: one span would only paint it all; leave it plain.
        spans = () if block.kind is BlockKind.DELETED else tuple(left_spans)
        left = Cell(Side.ORIGINAL, index, block.kind, block.original, text, spans)
    if block.derivative:
        text = "\n".join(derivative.paragraphs[j].text for j in block.derivative)
        spans = () if block.kind is BlockKind.INSERTED else tuple(right_spans)
        right = Cell(Side.DERIVATIVE, index, block.kind, block.derivative, text, spans)
    return left, right


def side_by_side_rows(comparison: Comparison) -> list[Row]:
    """Blocks in derivative order, matched sides level; a moved paragraph keeps its original place.

    A moved block becomes two rows: the derivative text where the derivative has it and the original
    text where the original had it, so the link map draws a band that visibly crosses.
    """
    main: list[Row] = []
    moved: list[tuple[int, Cell]] = []
    for index, block in enumerate(comparison.blocks):
        left, right = _side_cells(index, block, comparison.original, comparison.derivative)
        if block.kind is BlockKind.MOVED and left is not None:
            moved.append((min(block.original), left))
            main.append(Row(right=right))
        else:
            main.append(Row(left=left, right=right))
    if not moved:
        return main
    # Highest original index shown on the left up to each row: a monotone key for placing moves.
    prefix_max: list[int] = []
    highest = -1
    for row in main:
        if row.left is not None:
            highest = max(highest, max(row.left.paragraphs))
        prefix_max.append(highest)
    after: dict[int, list[tuple[int, Cell]]] = {}
    for first, cell in moved:
        position = bisect_left(prefix_max, first) - 1
        after.setdefault(position, []).append((first, cell))
    rows = [Row(left=cell) for _, cell in sorted(after.get(-1, []), key=lambda item: item[0])]
    for position, row in enumerate(main):
        rows.append(row)
        rows.extend(Row(left=cell) for _, cell in sorted(after.get(position, []), key=lambda item: item[0]))
    return rows


def inline_rows(comparison: Comparison) -> list[Row]:
    """One column: each block's changes in reading order, deletions and insertions both shown."""
    rows: list[Row] = []
    for index, block in enumerate(comparison.blocks):
        spans: list[Span] = []
        at = 0
        for n, change in enumerate(block.changes):
            size = len(change.text)
            if change.op is ChangeOp.DELETE:
                paired = n + 1 < len(block.changes) and block.changes[n + 1].op is ChangeOp.INSERT
                spans.append(Span(at, at + size, change.op, paired))
            elif change.op is ChangeOp.INSERT:
                paired = n > 0 and block.changes[n - 1].op is ChangeOp.DELETE
                spans.append(Span(at, at + size, change.op, paired))
            at += size
        text = "".join(change.text for change in block.changes)
        side = Side.ORIGINAL if not block.derivative else Side.DERIVATIVE
        paragraphs = block.derivative or block.original
        rows.append(Row(inline=Cell(side, index, block.kind, paragraphs, text, tuple(spans))))
    return rows


def single_document_rows(document: Document, side: Side) -> list[Row]:
    """Only one side loaded: show it, paragraph by paragraph, in its own pane."""
    cells = [Cell(side, None, None, (p.index,), p.text) for p in document.paragraphs]
    if side is Side.ORIGINAL:
        return [Row(left=cell) for cell in cells]
    return [Row(right=cell) for cell in cells]
