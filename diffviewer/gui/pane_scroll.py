"""Jumps in the panes: to the next change or moved paragraph, to a row, to a quotation and its
source. The view model says where the targets are (gui/view_model.py); this brings them into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffviewer.core.model import Quote
from diffviewer.gui.rows import Side
from diffviewer.gui.view_model import Navigation, Target

if TYPE_CHECKING:
    from diffviewer.gui.comparison_view import ComparisonView

# A jump puts its row this far down the view, as editors do.
JUMP_SHARE = 1 / 3


def step(view: ComparisonView, targets: tuple[Target, ...], forward: bool) -> bool:
    """Go to the next (or previous) target from the current block, or from the top of the view
    when no block is current; False at the end."""
    if not targets:
        return False
    anchor = view.anchor_row(view.current_block)
    if anchor >= 0:
        here = anchor
    else:
        # Nothing selected: start from what is on screen.
        top = view.row_at(view.verticalScrollBar().value())
        here = top - 1 if forward else top + 1
        if top < 0:
            here = -1 if forward else len(view.rows)
    found = Navigation.step(targets, here, forward)
    if found is None:
        return False
    view.set_current_block(found.block)
    scroll_to_row(view, found.row)
    return True


def scroll_to_row(view: ComparisonView, row: int) -> None:
    """Bring a row into view, a third of the way down, unless it is in view already."""
    if not 0 <= row < len(view.rows):
        return
    visible = view.viewport().height()
    # Real heights around the target first, so estimates cannot push it out of view.
    layout = view.row_layout
    above, filled = row, 0.0
    while above > 0 and filled < visible * JUMP_SHARE:
        above -= 1
        layout.laid_out(above)
        filled += layout.heights[above]
    view.lay_out_span(row, visible)
    view.update_tops()
    top, bottom = layout.row_extent(row)
    bar = view.verticalScrollBar()
    if top >= bar.value() and bottom <= bar.value() + visible:
        return
    bar.setValue(round(max(0.0, top - visible * JUMP_SHARE)))


def show_quote(view: ComparisonView, quote: Quote) -> None:
    """Bring a quotation into view, and its source too when both fit."""
    row = view.paragraph_row(Side.DERIVATIVE, quote.paragraph)
    source_row = (
        view.paragraph_row(Side.ORIGINAL, quote.source_paragraph) if quote.source_paragraph is not None else -1
    )
    if row < 0:
        return
    block = view.rows[row].block
    if block is not None:
        view.set_current_block(block)
    scroll_to_row(view, row)
    if source_row >= 0 and not view.row_in_view(source_row):
        # The source sits elsewhere (a moved or distant paragraph): show both when they fit.
        first, last = sorted((row, source_row))
        tops = view.row_layout.tops
        if tops[last + 1] - tops[first] <= view.viewport().height():
            view.verticalScrollBar().setValue(round(tops[first]))


__all__ = ["scroll_to_row", "show_quote", "step"]
