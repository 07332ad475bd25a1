"""Laying out one cell's text with QTextLayout: wrapped lines, change marks, paragraph positions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QTextCharFormat, QTextLayout, QTextOption

from diffviewer.core.model import ChangeOp, Role
from diffviewer.gui.colors import Scheme
from diffviewer.gui.rows import Cell

# QTextLayout breaks lines at U+2028 but not at "\n"; both are one UTF-16 unit, so offsets hold.
_LINE_SEPARATOR = "\u2028"
NO_WRAP_WIDTH = 1_000_000.0


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


def _char_format(scheme: Scheme, op: ChangeOp, paired: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(scheme.word_background(op, paired))
    # A second cue besides colour: struck out when removed, underlined when added.
    if op is ChangeOp.DELETE:
        fmt.setFontStrikeOut(True)
    else:
        fmt.setFontUnderline(True)
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


def lay_out(cell: Cell, roles: list[Role], font: QFont, width: float, wrap: bool, scheme: Scheme) -> LaidOutCell:
    """Lay `cell` out at `width`; `roles` gives each paragraph's role (same order as cell.paragraphs)."""
    text = cell.text.replace("\n", _LINE_SEPARATOR)
    to_qt = Utf16Offsets(cell.text)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    starts = cell.paragraph_starts
    ends = [*(s - 1 for s in starts[1:]), len(cell.text)]
    formats: list[QTextLayout.FormatRange] = []
    for start, end, role in zip(starts, ends, roles, strict=False):
        fmt = _role_format(role, scheme)
        if fmt is not None and end > start:
            formats.append(_range(to_qt(start), to_qt(end), fmt))
    for span in cell.spans:
        if span.end > span.start:
            formats.append(_range(to_qt(span.start), to_qt(span.end), _char_format(scheme, span.op, span.paired)))
    layout.setFormats(formats)
    layout.beginLayout()
    y = 0.0
    line_width = width if wrap else NO_WRAP_WIDTH
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(10.0, line_width))
        line.setPosition(QPointF(0.0, y))
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


def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    item = QTextLayout.FormatRange()
    item.start = start
    item.length = end - start
    item.format = fmt
    return item
