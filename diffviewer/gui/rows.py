"""What the panes show, row by row: blocks turned into level rows of text with marked spans.

Qt-free on purpose (plain data), so the layout rules can be tested without a display. Offsets are
code points, as in the core; the painting code converts them to Qt's UTF-16 positions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from diffviewer.core.model import Block, BlockKind, Change, Comparison, Document, DocumentFormat, Role, Side
from diffviewer.gui.row_measures import RowMeasures
from diffviewer.gui.spans import ChangeSpans, Span, SpanView
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.view_model import (
    BlockFacts,
    MoveEnd,
    Navigation,
    PaneDocument,
    QuoteMark,
    block_facts,
    moved_elsewhere,
    quote_marks,
)

TAB_COLUMNS = 4  # code's tab stops are four spaces apart


class Utf16Offsets:
    """Code-point offsets (the core's) to UTF-16 offsets (Qt's); identity for BMP-only text."""

    def __init__(self, text: str) -> None:
        self._table: list[int] | None = None
        # The UTF-16 length equals the code-point count exactly when nothing is outside the BMP.
        if len(text.encode("utf-16-le")) != 2 * len(text):
            table = [0]
            for ch in text:
                table.append(table[-1] + (2 if ord(ch) > 0xFFFF else 1))
            self._table = table

    def __call__(self, offset: int) -> int:
        return offset if self._table is None else self._table[offset]


@dataclass(frozen=True, slots=True)
class GutterLabel:
    """A number in a cell's gutter: a paragraph's (at its top) or, for code, a source line's."""

    position: int  # which of the cell's paragraphs it belongs to
    text: str  # "12", or "(12)" for an original paragraph the inline view shows as dropped
    offset: int | None = None  # a source line's start in the cell's text; None: the paragraph's top


@dataclass(frozen=True, slots=True)
class Cell:
    side: Side
    block: int | None  # index into comparison.blocks; None when only one document is loaded
    kind: BlockKind | None
    paragraphs: tuple[int, ...]
    text: str  # the paragraphs joined by "\n" (a paragraph of code has "\n"s of its own)
    spans: Sequence[Span] = ()  # (a comparison's cells make theirs when first read: gui/spans.py)
    # Offset in `text` where each of `paragraphs` begins. Given by whoever joined the paragraphs:
    # the text alone cannot tell a paragraph break from a line break inside a block of code.
    paragraph_starts: tuple[int, ...] = (0,)
    # Each paragraph's role (heading, quotation...) in its document; () when all are body text.
    roles: tuple[Role, ...] = ()
    # The gutter's numbers, from the document (its paragraph numbers, or a code file's line
    # numbers); () numbers the paragraphs plainly. Where they go in pixels is the view's business.
    gutter: tuple[GutterLabel, ...] = ()
    # Each line's length in columns (a tab counts as a whole tab stop), and the longest: what the
    # view estimates heights from, so resizing or zooming never walks the text again.
    line_lengths: tuple[int, ...] = field(init=False, compare=False, repr=False)
    widest_line: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.paragraph_starts) != max(1, len(self.paragraphs)):
            raise ValueError(f"{len(self.paragraphs)} paragraphs but {len(self.paragraph_starts)} starts")
        if self.roles and len(self.roles) != len(self.paragraphs):
            raise ValueError(f"{len(self.paragraphs)} paragraphs but {len(self.roles)} roles")
        lines = self.text.split("\n")
        if "\t" in self.text:
            lengths = tuple(len(line) + (TAB_COLUMNS - 1) * line.count("\t") for line in lines)
        else:
            lengths = tuple(map(len, lines))
        object.__setattr__(self, "line_lengths", lengths)
        object.__setattr__(self, "widest_line", max(lengths))

    @property
    def paragraph_roles(self) -> tuple[Role, ...]:
        return self.roles or (Role.BODY,) * len(self.paragraphs)

    @property
    def gutter_labels(self) -> tuple[GutterLabel, ...]:
        return self.gutter or tuple(GutterLabel(n, str(p + 1)) for n, p in enumerate(self.paragraphs))

    def paragraph_end(self, position: int) -> int:
        """Where the paragraph at `position` (in `paragraphs`) ends in `text`, its joining "\n" excluded."""
        starts = self.paragraph_starts
        return starts[position + 1] - 1 if position + 1 < len(starts) else len(self.text)


def roles_of(document: Document, paragraphs: Sequence[int]) -> tuple[Role, ...]:
    return tuple(document.paragraphs[p].role for p in paragraphs)


def gutter_of(document: Document, paragraphs: Sequence[int], starts: Sequence[int]) -> tuple[GutterLabel, ...]:
    """A side's cell's gutter numbers: for code, the file's number of every source line (wrapped
    lines get none); otherwise each paragraph's number, at its first line."""
    labels: list[GutterLabel] = []
    code = document.format is DocumentFormat.CODE
    for position, paragraph in enumerate(paragraphs):
        found = document.paragraphs[paragraph]
        first = found.line if code else None
        if first is None:
            labels.append(GutterLabel(position, str(paragraph + 1)))
            continue
        offset = starts[position]
        for number, line in enumerate(found.text.split("\n"), start=first):
            labels.append(GutterLabel(position, str(number), offset))
            offset += len(line) + 1
    return tuple(labels)


def joined_starts(texts: Sequence[str]) -> tuple[int, ...]:
    """Where each text begins once they are joined by "\n"."""
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return tuple(starts) or (0,)


@dataclass(frozen=True, slots=True)
class Row:
    """One level line of the view: what the original and the derivative show side by side.

    In the inline view only `inline` is set: the block's changes in one column.
    """

    left: Cell | None = None
    right: Cell | None = None
    inline: Cell | None = None
    cells: tuple[Cell, ...] = field(init=False, compare=False, repr=False)  # the cells present

    def __post_init__(self) -> None:
        present = tuple(cell for cell in (self.left, self.right, self.inline) if cell is not None)
        object.__setattr__(self, "cells", present)

    @property
    def block(self) -> int | None:
        for cell in self.cells:
            return cell.block
        return None


def _side_cells(index: int, block: Block, original: Document, derivative: Document) -> tuple[Cell | None, Cell | None]:
    left = right = None
    if block.original:
        texts = [original.paragraphs[i].text for i in block.original]
        # A dropped paragraph is removed as a whole: one span would only paint it all; leave it plain.
        spans: Sequence[Span] = () if block.kind is BlockKind.DELETED else ChangeSpans(block.changes, SpanView.ORIGINAL)
        starts = joined_starts(texts)
        left = Cell(
            Side.ORIGINAL,
            index,
            block.kind,
            block.original,
            "\n".join(texts),
            spans,
            starts,
            roles_of(original, block.original),
            gutter_of(original, block.original, starts),
        )
    if block.derivative:
        texts = [derivative.paragraphs[j].text for j in block.derivative]
        spans = () if block.kind is BlockKind.INSERTED else ChangeSpans(block.changes, SpanView.DERIVATIVE)
        starts = joined_starts(texts)
        right = Cell(
            Side.DERIVATIVE,
            index,
            block.kind,
            block.derivative,
            "\n".join(texts),
            spans,
            starts,
            roles_of(derivative, block.derivative),
            gutter_of(derivative, block.derivative, starts),
        )
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
        text = "".join(change.text for change in block.changes)
        side = Side.ORIGINAL if not block.derivative else Side.DERIVATIVE
        document = comparison.derivative if side is Side.DERIVATIVE else comparison.original
        paragraphs = block.derivative or block.original
        starts = _inline_starts(block.changes, [document.paragraphs[p].text for p in paragraphs], side)
        # Inline, numbers are the derivative's: a paragraph it dropped shows the original's number
        # in brackets, so "16, (10), 17" reads as what it is (the header says so too). Code is
        # numbered by paragraph here: the mixed text is neither file's lines.
        gutter = tuple(
            GutterLabel(n, f"({p + 1})" if side is Side.ORIGINAL else str(p + 1)) for n, p in enumerate(paragraphs)
        )
        roles = roles_of(document, paragraphs)
        spans = ChangeSpans(block.changes, SpanView.INLINE)
        rows.append(Row(inline=Cell(side, index, block.kind, paragraphs, text, spans, starts, roles, gutter)))
    return rows


def _inline_starts(changes: Sequence[Change], texts: Sequence[str], side: Side) -> tuple[int, ...]:
    """Where each of one side's paragraphs begins in the inline text (all changes in a row).

    A paragraph begins just after the "\n" that ends the one before it, found by walking that
    side's share of the changes; text the other side has there (a deletion at the start of a
    derivative paragraph) then reads as part of the paragraph it is drawn in.
    """
    # Offsets, in the side's own joined text, of the "\n"s between its paragraphs.
    breaks = [start - 1 for start in joined_starts(texts)[1:]]
    if not breaks:  # one paragraph, as most blocks are: nothing to look for
        return (0,)
    starts = [0]
    found = 0
    inline_at = side_at = 0
    for change in changes:
        if found == len(breaks):  # the rest of the changes hold no paragraph's start
            return tuple(starts)
        inline_size = len(change.text)
        own = change.original_side if side is Side.ORIGINAL else change.derivative_side
        while found < len(breaks) and breaks[found] < side_at + len(own):
            # An equal run may differ in length between the sides (ignored spacing): clamp into it.
            inside = min(breaks[found] - side_at, max(0, inline_size - 1))
            starts.append(inline_at + inside + 1)
            found += 1
        side_at += len(own)
        inline_at += inline_size
    starts.extend(inline_at for _ in breaks[found:])  # only if the changes do not rebuild the side
    return tuple(starts)


def single_document_rows(document: Document, side: Side) -> list[Row]:
    """Only one side loaded: show it, paragraph by paragraph, in its own pane."""
    cells = [
        Cell(side, None, None, (p.index,), p.text, (), (0,), (p.role,), gutter_of(document, (p.index,), (0,)))
        for p in document.paragraphs
    ]
    if side is Side.ORIGINAL:
        return [Row(left=cell) for cell in cells]
    return [Row(right=cell) for cell in cells]


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows built off the GUI thread for one comparison in one view mode (big documents have
    tens of thousands: building them where the comparison ran keeps the window responsive)."""

    comparison: Comparison
    mode: ViewMode
    rows: tuple[Row, ...]
    index: RowIndex
    navigation: Navigation
    quote_marks: Mapping[tuple[Side, int], tuple[QuoteMark, ...]]  # the same in both modes
    # Where a moved phrase's other end is, when in another block (the same in both modes).
    moved_elsewhere: Mapping[MoveEnd, int]
    blocks: tuple[BlockFacts, ...]  # what hovering or copying each block tells (the same in both modes)
    panes: Mapping[Side, PaneDocument]  # what each pane's header says of its document
    measures: RowMeasures  # the rows' lines, for estimating their heights (gui/row_measures.py)
    # The other view mode's rows, when they were built too (switching views then builds nothing).
    alternate: PreparedRows | None = None

    @staticmethod
    def of(
        comparison: Comparison,
        mode: ViewMode,
        shared: PreparedRows | None = None,
    ) -> PreparedRows:
        """`shared`: the other mode's rows of the same comparison, whose marks these share."""
        builder = inline_rows if mode is ViewMode.INLINE else side_by_side_rows
        rows = tuple(builder(comparison))
        index = RowIndex.of(rows, comparison.links)
        return PreparedRows(
            comparison,
            mode,
            rows,
            index,
            Navigation.of(comparison, index.anchor_row),
            quote_marks(comparison) if shared is None else shared.quote_marks,
            moved_elsewhere(comparison) if shared is None else shared.moved_elsewhere,
            block_facts(comparison) if shared is None else shared.blocks,
            PaneDocument.sides(comparison.original, comparison.derivative) if shared is None else shared.panes,
            RowMeasures.of(rows),
        )

    @staticmethod
    def both(comparison: Comparison, mode: ViewMode) -> PreparedRows:
        """The rows of `mode`, with those of the other mode as their alternate."""
        other = ViewMode.SIDE_BY_SIDE if mode is ViewMode.INLINE else ViewMode.INLINE
        shown = PreparedRows.of(comparison, mode)
        return replace(shown, alternate=PreparedRows.of(comparison, other, shown))


@dataclass(frozen=True, slots=True, order=True)
class LinkRow:
    """A link the link map draws: the rows its ends are on and the paragraphs it joins."""

    upper: int  # the upper of the two rows
    lower: int
    original: int  # the original's paragraph (index)
    derivative: int
    # The kind of the block both ends are in (the band's colour); None when the aligner linked
    # paragraphs of two blocks (a dashed band).
    kind: BlockKind | None = field(compare=False)


@dataclass(frozen=True, slots=True)
class RowIndex:
    """Where things are among rows: each block's row, each paragraph's, and each link with the
    rows it joins (sorted by the upper one, so painting the link map visits only links that touch
    the screen). Built with the rows, off the GUI thread: a book has thousands of each."""

    anchor_row: dict[int, int]  # block → the row that shows it (its derivative side's, if any)
    paragraph_row: dict[tuple[Side, int], int]
    link_rows: tuple[LinkRow, ...]

    @staticmethod
    def of(rows: Sequence[Row], links: Sequence[tuple[int, int]]) -> RowIndex:
        anchor_row: dict[int, int] = {}
        paragraph_row: dict[tuple[Side, int], int] = {}
        paragraph_cell: dict[tuple[Side, int], Cell] = {}  # the cell showing it, on its row
        derivative = Side.DERIVATIVE
        for index, row in enumerate(rows):
            for cell in row.cells:
                if cell.block is not None and (cell.block not in anchor_row or cell.side is derivative):
                    anchor_row[cell.block] = index
                for paragraph in cell.paragraphs:
                    if (cell.side, paragraph) not in paragraph_row:
                        paragraph_row[cell.side, paragraph] = index
                        paragraph_cell[cell.side, paragraph] = cell
        link_rows = []
        for link_original, link_derivative in links:
            left = paragraph_cell.get((Side.ORIGINAL, link_original))
            right = paragraph_cell.get((Side.DERIVATIVE, link_derivative))
            if left is None or right is None:
                continue
            ends = (paragraph_row[Side.ORIGINAL, link_original], paragraph_row[Side.DERIVATIVE, link_derivative])
            same_block = left.block is not None and left.block == right.block
            kind = left.kind if same_block else None
            link_rows.append(LinkRow(min(ends), max(ends), link_original, link_derivative, kind))
        return RowIndex(anchor_row, paragraph_row, tuple(sorted(link_rows)))
