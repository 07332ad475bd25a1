"""The changed stretches of a cell's text, made from its block's changes when first read.

A book's comparison has hundreds of thousands of changes, and rows are built for both views of it;
only the cells that come on screen are ever laid out, so only theirs are turned into spans.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import overload

from diffviewer.core.model import Change, ChangeOp
from diffviewer.core.moved import replacements


@dataclass(frozen=True, slots=True)
class Span:
    """A changed stretch of a cell's text. `paired`: one half of a replacement. `moved`: the id
    of the moved phrase it is one end of (the block's other end has the same id)."""

    start: int
    end: int
    op: ChangeOp
    paired: bool
    moved: int | None = None


class SpanView(StrEnum):
    """Which text of a block a cell shows, and so which changes are its spans."""

    ORIGINAL = "original"  # the original's side: its removals
    DERIVATIVE = "derivative"  # the derivative's side: its additions
    INLINE = "inline"  # every change's text in one column: removals and additions


# The changes each view marks.
_MARKED = {
    SpanView.ORIGINAL: (ChangeOp.DELETE,),
    SpanView.DERIVATIVE: (ChangeOp.INSERT,),
    SpanView.INLINE: (ChangeOp.DELETE, ChangeOp.INSERT),
}


def spans_of(changes: Sequence[Change], view: SpanView) -> tuple[Span, ...]:
    """The spans of `changes` in the text that `view` shows of them."""
    spans: list[Span] = []
    marked = _MARKED[view]
    at = 0
    for change, replacing in zip(changes, replacements(changes), strict=True):
        if view is SpanView.INLINE:
            size = len(change.text)
        else:
            size = len(change.original_side if view is SpanView.ORIGINAL else change.derivative_side)
        if change.op in marked:
            spans.append(Span(at, at + size, change.op, replacing, change.moved))
        at += size
    return tuple(spans)


class ChangeSpans(Sequence[Span]):
    """A cell's spans, made from the block's changes the first time they are read (a race of two
    threads only makes the same tuple twice). Equal to a tuple of the same spans, and hashed alike
    (a cell's equality and hash include its spans)."""

    __slots__ = ("_changes", "_made", "_view")

    def __init__(self, changes: tuple[Change, ...], view: SpanView) -> None:
        self._changes = changes
        self._view = view
        self._made: tuple[Span, ...] | None = None

    def _spans(self) -> tuple[Span, ...]:
        made = self._made
        if made is None:
            made = self._made = spans_of(self._changes, self._view)
        return made

    def __len__(self) -> int:
        return len(self._spans())

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Span, ...]: ...

    def __getitem__(self, index: int | slice) -> Span | tuple[Span, ...]:
        return self._spans()[index]

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChangeSpans):
            return self._spans() == other._spans()
        if isinstance(other, tuple):
            return self._spans() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._spans())

    def __repr__(self) -> str:
        return f"ChangeSpans({self._spans()!r})"


__all__ = ["ChangeSpans", "Span", "SpanView", "spans_of"]
