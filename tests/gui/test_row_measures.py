"""Row heights estimated from every row's lines at once (gui/row_measures.py)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.model import BlockKind
from diffviewer.gui.row_measures import LineMetrics, RowMeasures
from diffviewer.gui.rows import Cell, Row, Side

PROSE, CODE = LineMetrics(14.0, 6.5), LineMetrics(15.5, 8.0)
lines = st.lists(st.text(alphabet="ab \t", max_size=90), min_size=1, max_size=5).map("\n".join)


def _cell(side: Side, text: str) -> Cell:
    return Cell(side, 0, BlockKind.REWRITE, (0,), text)


@st.composite
def rows(draw: st.DrawFn) -> list[Row]:
    found = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            found.append(Row(inline=_cell(Side.DERIVATIVE, draw(lines))))
        else:
            left = _cell(Side.ORIGINAL, draw(lines)) if draw(st.booleans()) else None
            right = _cell(Side.DERIVATIVE, draw(lines)) if draw(st.booleans()) else None
            found.append(Row(left=left, right=right))
    return found


@settings(max_examples=80, deadline=None)
@given(rows(), st.booleans(), st.floats(10, 400), st.booleans())
def test_a_row_is_as_tall_as_its_tallest_cell_wrapped_at_its_column(
    shown: list[Row], wrap: bool, width: float, code_on_the_right: bool
) -> None:
    metrics = {None: PROSE, Side.ORIGINAL: PROSE, Side.DERIVATIVE: CODE if code_on_the_right else PROSE}
    widths = {Side.ORIGINAL: width, Side.DERIVATIVE: width / 2}  # the inline column: the fallback
    heights = RowMeasures.of(shown).heights(metrics, widths, wrap, 300.0, 14.0).tolist()
    expected = []
    for row in shown:
        tallest = 14.0
        for cell in row.cells:
            key = None if cell is row.inline else cell.side
            metric = metrics[key]
            per_line = max(1, int(widths.get(key, 300.0) / metric.char_width))
            # A tab counts as a whole tab stop; a line wraps every per_line columns, an empty one is one line.
            counted = cell.line_lengths
            screen_lines = sum(max(1, math.ceil(n / per_line)) for n in counted) if wrap else len(counted)
            tallest = max(tallest, screen_lines * metric.line_height)
        expected.append(tallest)
    assert heights == expected


def test_the_widest_line_is_measured_in_its_cells_characters() -> None:
    shown = [Row(left=_cell(Side.ORIGINAL, "x" * 30), right=_cell(Side.DERIVATIVE, "short\n" + "y" * 20))]
    measures = RowMeasures.of(shown)
    assert measures.widest({None: PROSE, Side.ORIGINAL: PROSE, Side.DERIVATIVE: CODE}) == max(30 * 6.5, 20 * 8.0)
    assert RowMeasures.of([]).widest({None: PROSE, Side.ORIGINAL: PROSE, Side.DERIVATIVE: CODE}) == 0.0
