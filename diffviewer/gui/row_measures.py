"""Every row's lines as flat arrays, so all rows' heights come out of a few numpy operations.

A book has tens of thousands of rows. Estimating each row's height in Python took the GUI thread
15–45 ms at every relayout (a resize, a zoom, a new comparison), and several times that while
other comparisons held the interpreter. The measures are taken once, where the rows are built
(off the GUI thread), and a relayout is then arithmetic on them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from diffviewer.core.model import Side

if TYPE_CHECKING:
    from diffviewer.gui.rows import Row

_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]

CellKey = Side | None  # a row's cell: its side's, or None for the inline one


@dataclass(frozen=True, slots=True)
class CellLines:
    """The lines of every cell of one key: the row each line is in, and its length in columns."""

    row: _Ints
    length: _Ints


@dataclass(frozen=True, slots=True)
class LineMetrics:
    """How one kind of cell (prose or code) is set: its line height and mean character width."""

    line_height: float
    char_width: float


@dataclass(frozen=True, slots=True)
class RowMeasures:
    rows: int
    lines: Mapping[CellKey, CellLines]

    @staticmethod
    def of(rows: Sequence[Row]) -> RowMeasures:
        owners: dict[CellKey, list[int]] = {}
        lengths: dict[CellKey, list[int]] = {}
        for number, row in enumerate(rows):
            for cell in row.cells:
                key = None if cell is row.inline else cell.side
                counted = cell.line_lengths
                owners.setdefault(key, []).extend(repeat(number, len(counted)))
                lengths.setdefault(key, []).extend(counted)
        return RowMeasures(
            len(rows),
            {
                key: CellLines(np.asarray(owners[key], dtype=np.int64), np.asarray(lengths[key], dtype=np.int64))
                for key in owners
            },
        )

    def heights(
        self,
        metrics: Mapping[CellKey, LineMetrics],
        widths: Mapping[CellKey, float],
        wrap: bool,
        fallback_width: float,
        minimum: float,
    ) -> _Floats:
        """Each row's estimated height: its tallest cell's lines (wrapped at the column's width in
        characters, when wrapping) times that cell's line height, and at least `minimum`."""
        heights = np.full(self.rows, minimum)
        for key, lines in self.lines.items():
            metric = metrics[key]
            if wrap:
                per_line = max(1, int(widths.get(key, fallback_width) / metric.char_width))
                # A line takes ceil(length / per_line) screen lines, an empty one one.
                count = np.maximum(1, -(-lines.length // per_line))
                per_row = np.bincount(lines.row, weights=count, minlength=self.rows)
            else:
                per_row = np.bincount(lines.row, minlength=self.rows).astype(np.float64)
            np.maximum(heights, per_row * metric.line_height, out=heights)
        return heights

    def widest(self, metrics: Mapping[CellKey, LineMetrics]) -> float:
        """The widest line of any row, in pixels (estimated)."""
        found = [float(lines.length.max()) * metrics[key].char_width for key, lines in self.lines.items()]
        return max(found, default=0.0)
