"""Colours for changes, taken from the Okabe–Ito palette so they read for colour-blind people.

Every colour is a translucent tint laid over the system palette's base, so the same hues work in a
light and a dark theme; words also get a second cue besides colour (strike, underline).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from diffviewer.core.model import BlockKind, ChangeOp, QuoteStatus

_BLUE = (0, 114, 178)  # inserted
_SKY = (86, 180, 233)
_VERMILLION = (213, 94, 0)  # deleted
_ORANGE = (230, 159, 0)  # replaced / rewritten
_PURPLE = (204, 121, 167)  # moved
_GREY = (140, 140, 140)  # unchanged
_YELLOW = (240, 228, 66)  # find
_GREEN = (0, 158, 115)  # moved words; a verbatim quotation


def _rgba(rgb: tuple[int, int, int], alpha: int) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


@dataclass(frozen=True, slots=True)
class Scheme:
    dark: bool
    text: QColor
    muted_text: QColor
    base: QColor
    separator: QColor
    kind_fill: dict[BlockKind, QColor]
    kind_edge: dict[BlockKind, QColor]
    word_deleted: QColor
    word_inserted: QColor
    word_replaced: QColor
    word_moved: QColor  # both ends of a phrase the derivative kept but moved
    word_moved_edge: QColor  # the outline linking them while one is hovered
    find_match: QColor
    find_current: QColor  # the match Enter/F3 is on: the selection's colours, apart from the others' yellow
    find_current_text: QColor
    current_block: QColor

    def word_background(self, op: ChangeOp, paired: bool, moved: bool = False) -> QColor:
        if moved:
            return self.word_moved
        if paired:
            return self.word_replaced
        return self.word_deleted if op is ChangeOp.DELETE else self.word_inserted

    def row_tint(self, kind: BlockKind | None) -> QColor | None:
        if kind is None or kind is BlockKind.EQUAL:
            return None
        tint = QColor(self.kind_fill[kind])
        tint.setAlpha(22 if not self.dark else 34)
        return tint


def scheme_for(palette: QPalette) -> Scheme:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    fill_alpha, edge_alpha, word_alpha = (110, 230, 120) if dark else (80, 200, 70)
    inserted = _SKY if dark else _BLUE
    kinds = {
        BlockKind.EQUAL: _GREY,
        BlockKind.REWRITE: _ORANGE,
        BlockKind.MOVED: _PURPLE,
        BlockKind.INSERTED: inserted,
        BlockKind.DELETED: _VERMILLION,
    }
    return Scheme(
        dark=dark,
        text=palette.color(QPalette.ColorRole.Text),
        muted_text=palette.color(QPalette.ColorRole.PlaceholderText),
        base=palette.color(QPalette.ColorRole.Base),
        separator=palette.color(QPalette.ColorRole.Mid),
        kind_fill={
            kind: _rgba(rgb, fill_alpha if kind is not BlockKind.EQUAL else fill_alpha // 2)
            for kind, rgb in kinds.items()
        },
        kind_edge={kind: _rgba(rgb, edge_alpha) for kind, rgb in kinds.items()},
        word_deleted=_rgba(_VERMILLION, word_alpha),
        word_inserted=_rgba(inserted, word_alpha),
        word_replaced=_rgba(_ORANGE, word_alpha + 20),
        word_moved=_rgba(_GREEN, word_alpha + 10),
        word_moved_edge=_rgba(_GREEN, 255 if dark else 235),
        find_match=_rgba(_YELLOW, 150 if dark else 170),
        find_current=palette.color(QPalette.ColorRole.Highlight),
        find_current_text=palette.color(QPalette.ColorRole.HighlightedText),
        current_block=palette.color(QPalette.ColorRole.Highlight),
    )


def quote_colour(status: QuoteStatus, dark: bool) -> QColor:
    """Invented quotes in vermillion, altered in orange, faithful ones in bluish green."""
    rgb = {QuoteStatus.UNSOURCED: _VERMILLION, QuoteStatus.ALTERED: _ORANGE, QuoteStatus.VERBATIM: _GREEN}[status]
    return _rgba(rgb, 255 if dark else 235)
