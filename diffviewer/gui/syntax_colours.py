"""Syntax colours for cells of code: Pygments spans per theme, cached, placed on a cell's text.

Qt-free (plain spans); cell_layout turns them into text formats. Lexing is the costly part and
layouts are rebuilt on every resize and zoom, so results are cached by text, language and theme;
only cells that are laid out (on screen) are ever lexed, and prose never is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from diffviewer.core.model import ChangeOp
from diffviewer.core.syntax import SyntaxSpan, SyntaxTheme, highlight
from diffviewer.gui.rows import Cell, Side
from diffviewer.gui.spans import Span

# A screenful is a few dozen cells; this many keeps scrolling back and forth, resizing and the
# other view mode free of lexing without holding on to a large document's every block.
_CACHE_SIZE = 2048


def theme_for(dark: bool) -> SyntaxTheme:
    return SyntaxTheme.DARK if dark else SyntaxTheme.LIGHT


@lru_cache(maxsize=_CACHE_SIZE)
def cached_highlight(text: str, language: str, theme: SyntaxTheme) -> tuple[SyntaxSpan, ...]:
    return highlight(text, language, theme)


def cell_syntax(
    cell: Cell, languages: dict[Side, str | None], theme: SyntaxTheme, inline: bool
) -> tuple[SyntaxSpan, ...]:
    """The coloured spans of a cell's text; () when neither side is code.

    A side's cell is its own document's text. An inline cell interleaves both sides' words, which
    would lex as neither language, so each side's text is lexed on its own and its colours placed
    back: deleted words coloured as the original has them, the rest as the derivative has them.
    """
    if not inline:
        language = languages.get(cell.side)
        return cached_highlight(cell.text, language, theme) if language else ()
    original, derivative = languages.get(Side.ORIGINAL), languages.get(Side.DERIVATIVE)
    if original is None and derivative is None:
        return ()
    # (A tuple for the cache's key: a cell's lazy spans would keep their block's changes in it.)
    return _inline_syntax(cell.text, tuple(cell.spans), original, derivative, theme)


@lru_cache(maxsize=_CACHE_SIZE)
def _inline_syntax(
    text: str, spans: tuple[Span, ...], original: str | None, derivative: str | None, theme: SyntaxTheme
) -> tuple[SyntaxSpan, ...]:
    # Runs of the inline text: (start, end, op); equal runs are the gaps between changes.
    runs: list[tuple[int, int, ChangeOp]] = []
    at = 0
    for span in spans:
        if span.start > at:
            runs.append((at, span.start, ChangeOp.EQUAL))
        if span.end > span.start:
            runs.append((span.start, span.end, span.op))
        at = max(at, span.end)
    if at < len(text):
        runs.append((at, len(text), ChangeOp.EQUAL))
    # Each side's own text, and where each of its runs sits in it.
    own: dict[Side, list[str]] = {Side.ORIGINAL: [], Side.DERIVATIVE: []}
    placed: list[tuple[int, int, Side, int]] = []  # inline start, inline end, side coloured from, side offset
    lengths = {Side.ORIGINAL: 0, Side.DERIVATIVE: 0}
    for start, end, op in runs:
        piece = text[start:end]
        sides = [Side.ORIGINAL] if op is ChangeOp.DELETE else [Side.DERIVATIVE] if op is ChangeOp.INSERT else list(Side)
        # Equal words take the derivative's colours when it has a language, the original's otherwise.
        from_original = op is ChangeOp.DELETE or (op is ChangeOp.EQUAL and derivative is None)
        source = Side.ORIGINAL if from_original else Side.DERIVATIVE
        placed.append((start, end, source, lengths[source]))
        for side in sides:
            own[side].append(piece)
            lengths[side] += len(piece)
    coloured = {
        side: cached_highlight("".join(own[side]), language, theme) if language else ()
        for side, language in ((Side.ORIGINAL, original), (Side.DERIVATIVE, derivative))
    }
    result: list[SyntaxSpan] = []
    cursor = {Side.ORIGINAL: 0, Side.DERIVATIVE: 0}
    for start, end, source, offset in placed:
        result.extend(_project(coloured[source], cursor, source, offset, offset + end - start, start))
    return tuple(result)


def _project(
    spans: Sequence[SyntaxSpan], cursor: dict[Side, int], side: Side, low: int, high: int, to: int
) -> list[SyntaxSpan]:
    """The parts of `spans` inside [low, high) of a side's text, moved to start at `to`.

    Runs come in increasing order on each side, so `cursor` (the first span not yet passed) only
    moves forward: placing a whole block is linear.
    """
    found: list[SyntaxSpan] = []
    n = cursor[side]
    while n < len(spans) and spans[n].end <= low:
        n += 1
    cursor[side] = n
    while n < len(spans) and spans[n].start < high:
        span = spans[n]
        start, end = max(span.start, low), min(span.end, high)
        if end > start:
            found.append(SyntaxSpan(start - low + to, end - low + to, span.style))
        n += 1
    return found
