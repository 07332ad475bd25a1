"""Laying out one cell's text with QTextLayout: wrapped lines, change marks, paragraph positions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextLine, QTextOption

from diffviewer.core.model import ChangeOp, Role
from diffviewer.core.syntax import SyntaxSpan, TextStyle
from diffviewer.gui.colors import Scheme
from diffviewer.gui.rows import TAB_COLUMNS, Cell, Utf16Offsets
from diffviewer.gui.spans import Span

# QTextLayout breaks lines at U+2028 but not at "\n"; both are one UTF-16 unit, so offsets hold.
_LINE_SEPARATOR = "\u2028"
NO_WRAP_WIDTH = 1_000_000.0
# A wrapped line of code continues this many columns deeper than the line it belongs to: off the
# grid of 4-column indentation, so it never reads as a nested statement.
HANGING_COLUMNS = 2
# Room around a cell's text: left and right, above and below.
PAD_X = 10
PAD_Y = 5


@dataclass(slots=True)
class LaidOutCell:
    cell: Cell
    layout: QTextLayout
    height: float
    natural_width: float
    to_qt: Utf16Offsets
    paragraph_spans: list[tuple[float, float]]  # top and bottom (in layout coords) of each paragraph

    def paragraph_extent(self, paragraph: int) -> tuple[float, float] | None:
        try:
            position = self.cell.paragraphs.index(paragraph)
        except ValueError:
            return None
        return self.paragraph_spans[position]


def _char_format(scheme: Scheme, span: Span, code: bool, inline: bool) -> QTextCharFormat:
    op = span.op
    fmt = QTextCharFormat()
    fmt.setBackground(scheme.word_background(op, span.paired, span.moved is not None))
    if code:
        # Syntax colours are chosen for the plain base, not for a tint over it: a changed word is
        # drawn in the text colour so it reads on every tint (bold and italic stay as cues).
        fmt.setForeground(scheme.text)
    if span.moved is not None:
        # Kept words in another place: neither struck nor underlined. Inline, where both ends
        # show, the place they left is drawn muted.
        if inline and op is ChangeOp.DELETE:
            fmt.setForeground(scheme.muted_text)
        return fmt
    # A second cue besides colour: struck out when removed, underlined when added.
    if op is ChangeOp.DELETE:
        fmt.setFontStrikeOut(True)
    elif code:
        # A solid underline hides the underscores of identifiers ("read_orders" reads "read orders").
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    else:
        fmt.setFontUnderline(True)
    return fmt


@lru_cache(maxsize=256)
def _syntax_format(style: TextStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style.color is not None:
        fmt.setForeground(QColor(style.color))
    if style.bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if style.italic:
        fmt.setFontItalic(True)
    return fmt


def _role_format(role: Role, scheme: Scheme) -> QTextCharFormat | None:
    fmt = QTextCharFormat()
    if role is Role.HEADING:
        fmt.setFontWeight(QFont.Weight.Bold)
    elif role is Role.QUOTE:
        fmt.setFontItalic(True)
    elif role in (Role.BOILERPLATE, Role.METADATA):
        fmt.setForeground(scheme.muted_text)
    else:
        return None
    return fmt


def lay_out(
    cell: Cell,
    roles: list[Role],
    font: QFont,
    width: float,
    wrap: bool,
    scheme: Scheme,
    code: bool = False,
    syntax: Sequence[SyntaxSpan] = (),
    inline: bool = False,
) -> LaidOutCell:
    """Lay `cell` out at `width`; `roles` gives each paragraph's role (same order as cell.paragraphs).

    `code`: the cell is source code: tab stops every TAB_COLUMNS columns, wrapped lines hanging
    below their own line's indentation, change marks that keep identifiers readable. `syntax`: its
    colour spans (cell text offsets), painted under the change marks, which win where both apply.
    `inline`: the cell is the inline view's, showing both sides' changes.
    """
    text = cell.text.replace("\n", _LINE_SEPARATOR)
    to_qt = Utf16Offsets(cell.text)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.NoWrap)
    column = QFontMetricsF(font).horizontalAdvance(" ") if code else 0.0  # prose needs no columns
    if code:
        option.setTabStopDistance(TAB_COLUMNS * column)
    layout.setTextOption(option)
    starts = cell.paragraph_starts
    ends = [cell.paragraph_end(n) for n in range(len(starts))]
    # Later ranges win where ranges overlap (Qt merges them in order): syntax first, changes last.
    formats: list[QTextLayout.FormatRange] = [
        _range(to_qt(span.start), to_qt(span.end), _syntax_format(span.style)) for span in syntax
    ]
    for start, end, role in zip(starts, ends, roles, strict=False):
        fmt = _role_format(role, scheme)
        if fmt is not None and end > start:
            formats.append(_range(to_qt(start), to_qt(end), fmt))
    for span in cell.spans:
        if span.end > span.start:
            fmt = _char_format(scheme, span, code, inline)
            formats.append(_range(to_qt(span.start), to_qt(span.end), fmt))
    if inline:
        formats.extend(_gaps(cell, to_qt, QFontMetricsF(font).horizontalAdvance(" ") / 2))
    layout.setFormats(formats)
    indents = _line_indents(cell.text, to_qt, column) if wrap and code else None
    layout.beginLayout()
    y = 0.0
    line_width = width if wrap else NO_WRAP_WIDTH
    hang = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        indent = 0.0
        if indents is not None:
            own = indents.get(line.textStart())
            if own is None:
                indent = hang  # the rest of a wrapped line: under its start, a little deeper
            else:
                hang = min(own, line_width / 2)  # a deep indent in a narrow pane still leaves room
        line.setLineWidth(max(10.0, line_width - indent))
        line.setPosition(QPointF(indent, y))
        y += line.height()
    layout.endLayout()
    natural = layout.maximumWidth() if not wrap else min(width, layout.maximumWidth())
    if layout.lineCount() == 0:  # an empty paragraph still takes one line
        y = float(font.pointSizeF() * 1.6)
    paragraph_spans: list[tuple[float, float]] = []
    for start, end in zip(starts, ends, strict=False):
        first = layout.lineForTextPosition(to_qt(start))
        last = layout.lineForTextPosition(to_qt(max(start, end - 1)) if end > start else to_qt(start))
        top = first.y() if first.isValid() else 0.0
        bottom = last.y() + last.height() if last.isValid() else y
        paragraph_spans.append((top, bottom))
    return LaidOutCell(cell, layout, y, natural, to_qt, paragraph_spans)


def _gaps(cell: Cell, to_qt: Utf16Offsets, gap: float) -> list[QTextLayout.FormatRange]:
    """Inline, a removal and the addition right after it would touch ("usuallygenerally"): the
    removal's last character is given room after it, without a character added to the text."""
    ranges = []
    text = cell.text
    for removed, added in zip(cell.spans, cell.spans[1:], strict=False):
        if (
            removed.op is ChangeOp.DELETE
            and added.op is ChangeOp.INSERT
            and removed.end == added.start
            and removed.end > removed.start
            and not text[removed.end - 1].isspace()
            and added.end > added.start
            and not text[added.start].isspace()
        ):
            fmt = QTextCharFormat()
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(gap)
            ranges.append(_range(to_qt(removed.end - 1), to_qt(removed.end), fmt))
    return ranges


def _line_indents(text: str, to_qt: Utf16Offsets, column: float) -> dict[int, float]:
    """For each line of `text` (by its UTF-16 start), how far its wrapped continuation hangs."""
    indents: dict[int, float] = {}
    start = 0
    for line in text.split("\n"):
        columns = 0
        for ch in line:
            if ch == " ":
                columns += 1
            elif ch == "\t":
                columns = (columns // TAB_COLUMNS + 1) * TAB_COLUMNS
            else:
                break
        indents[to_qt(start)] = (columns + HANGING_COLUMNS) * column
        start += len(line) + 1
    return indents


def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    item = QTextLayout.FormatRange()
    item.start = start
    item.length = end - start
    item.format = fmt
    return item


def span_rects(layout: QTextLayout, start: int, end: int) -> list[QRectF]:
    """Rectangles (layout coordinates) covering the text from start to end, one per line."""
    rects = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        line_start, line_end = line.textStart(), line.textStart() + line.textLength()
        if line_end <= start or line_start >= end:
            continue
        left, right = _cursor_x(line, max(start, line_start)), _cursor_x(line, min(end, line_end))
        rects.append(QRectF(left, line.y(), max(2.0, right - left), line.height()))
    return rects


def _cursor_x(line: QTextLine, position: int) -> float:
    # PySide6 returns (x, position) for this C++ in/out argument.
    result: tuple[float, int] = line.cursorToX(position)  # type: ignore[assignment]
    return float(result[0])
