"""Where each row of the panes is, in pixels: heights estimated for all, laid out for the shown.

Laying out a megabyte of text takes seconds; estimating takes milliseconds. Only rows that are
painted (or jumped to) get a real QTextLayout, so opening and resizing stay instant. The view owns
one RowLayout and keeps its scroll bars in step with `content_height`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from PySide6.QtGui import QFont, QFontMetricsF

from diffviewer.gui.cell_layout import PAD_Y, LaidOutCell, lay_out
from diffviewer.gui.colors import Scheme
from diffviewer.gui.row_measures import CellKey, LineMetrics, RowMeasures
from diffviewer.gui.rows import Cell, Row, Side
from diffviewer.gui.syntax_colours import cell_syntax, theme_for

# A cell whose column is unknown (not shown in this mode) is measured as if this wide.
FALLBACK_WIDTH = 400.0


@dataclass(frozen=True, slots=True)
class LayoutStyle:
    """Everything besides the rows that decides how tall a row is."""

    font: QFont
    code_font: QFont  # truly fixed-pitch (gui/fonts.py), at the same zoom as `font`
    wrap: bool
    scheme: Scheme
    languages: Mapping[Side, str | None]  # the lexer of each side that is code
    text_widths: Mapping[CellKey, float]  # each text column's width for its text


def cell_key(cell: Cell, row: Row) -> CellKey:
    return None if cell is row.inline else cell.side


class RowLayout:
    """The rows' heights and tops, and their cells' QTextLayouts once they are needed."""

    def __init__(self, style: LayoutStyle) -> None:
        self._style = style
        self._rows: Sequence[Row] = ()
        self._cells: list[dict[CellKey, LaidOutCell] | None] = []  # None: not laid out yet
        self._heights: list[float] = []
        self._tops: list[float] = [0.0]
        self._line_height = 16.0
        self._char_width = 7.0
        self._code_line_height = 16.0
        self._code_char_width = 7.0
        self._measures = RowMeasures.of(())

    @property
    def style(self) -> LayoutStyle:
        return self._style

    @property
    def tops(self) -> list[float]:
        """Each row's top in content coordinates, and after them the bottom of the last one."""
        return self._tops

    @property
    def heights(self) -> list[float]:
        return self._heights

    def is_laid_out(self, row: int, key: CellKey) -> bool:
        laid = self._cells[row]
        return laid is not None and key in laid

    def cached(self, row: int) -> dict[CellKey, LaidOutCell] | None:
        """The row's cells if they are laid out already (never lays out)."""
        return self._cells[row]

    def relayout(self, rows: Sequence[Row], style: LayoutStyle, measures: RowMeasures | None = None) -> None:
        """Forget laid-out text and estimate every row's height in `style` (from `measures` of
        these rows, when they were taken where the rows were built)."""
        self._rows = rows
        self._style = style
        metrics = QFontMetricsF(style.font)
        self._line_height = metrics.lineSpacing()
        self._char_width = max(1.0, metrics.averageCharWidth())
        code_metrics = QFontMetricsF(style.code_font)
        self._code_line_height = code_metrics.lineSpacing()
        self._code_char_width = max(1.0, code_metrics.horizontalAdvance(" "))
        self._measures = measures if measures is not None and measures.rows == len(rows) else RowMeasures.of(rows)
        self._cells = [None] * len(rows)
        heights = self._measures.heights(
            self._line_metrics(), style.text_widths, style.wrap, FALLBACK_WIDTH, self._line_height
        )
        self._heights = (heights + 2 * PAD_Y).tolist()
        self.update_tops()

    def _line_metrics(self) -> dict[CellKey, LineMetrics]:
        prose = LineMetrics(self._line_height, self._char_width)
        code = LineMetrics(self._code_line_height, self._code_char_width)
        return {key: code if self._is_code_key(key) else prose for key in (None, *Side)}

    def _is_code_key(self, key: CellKey) -> bool:
        # An inline cell is code when either side is; a side's cell when that side is.
        languages = self._style.languages
        return bool(languages) if key is None else key in languages

    def is_code(self, cell: Cell, row: Row) -> bool:
        return self._is_code_key(cell_key(cell, row))

    def widest_line(self) -> float:
        """The widest line of any row, in pixels (estimated): what unwrapped text scrolls across."""
        # Lines, not paragraphs: a block of code has many lines, and the widest one counts.
        return self._measures.widest(self._line_metrics())

    def update_tops(self) -> None:
        self._tops = [0.0, *accumulate(self._heights)]

    def laid_out(self, row: int) -> dict[CellKey, LaidOutCell]:
        """The row's cells laid out (doing it now if needed); call update_tops after a batch."""
        laid = self._cells[row]
        if laid is None:
            laid = {}
            style = self._style
            current = self._rows[row]
            for cell in current.cells:
                key = cell_key(cell, current)
                width = style.text_widths.get(key, FALLBACK_WIDTH)
                roles = list(cell.paragraph_roles)
                if self.is_code(cell, current):
                    theme = theme_for(style.scheme.dark)
                    syntax = cell_syntax(cell, dict(style.languages), theme, inline=key is None)
                    laid[key] = lay_out(
                        cell,
                        roles,
                        style.code_font,
                        width,
                        style.wrap,
                        style.scheme,
                        code=True,
                        syntax=syntax,
                        inline=key is None,
                    )
                else:
                    laid[key] = lay_out(cell, roles, style.font, width, style.wrap, style.scheme, inline=key is None)
            self._cells[row] = laid
            self._heights[row] = max((c.height for c in laid.values()), default=self._line_height) + 2 * PAD_Y
        return laid

    def lay_out_span(self, first: int, height: float) -> bool:
        """Lay out rows from `first` on until they fill `height` pixels; True if any was new
        (the tops are then up to date again)."""
        changed = False
        filled = 0.0
        row = max(0, first)
        while row < len(self._rows) and filled < height:
            if self._cells[row] is None:
                self.laid_out(row)
                changed = True
            filled += self._heights[row]
            row += 1
        if changed:
            self.update_tops()
        return changed

    def content_height(self) -> float:
        return self._tops[-1]

    def row_extent(self, row: int) -> tuple[float, float]:
        """Top and bottom of a row in content coordinates."""
        return self._tops[row], self._tops[row + 1]

    def row_at(self, content_y: float) -> int:
        """The row at a height in content coordinates, or -1 below the last (or with none)."""
        row = bisect_right(self._tops, content_y) - 1
        return row if 0 <= row < len(self._rows) else -1


__all__ = ["CellKey", "LayoutStyle", "RowLayout", "cell_key"]
