"""What the panes show besides the rows, worked out with them off the GUI thread, Qt-free: where
next/previous lands, which change the reader is on, and which quotations to outline where.

The view only lays out and paints; these rules are tested without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from diffviewer.core.model import BlockKind, Comparison, Quote, QuoteStatus, Side

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


__all__ = ["CHANGE_KINDS", "ChangePosition", "Navigation", "QuoteMark", "Target", "quote_marks"]
