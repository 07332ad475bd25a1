"""A pane header that fits its width without cutting a word or a bracket in two.

"Original: a-long-file-name.html (HTML, 10 paragraphs)" gives up, in this order: the middle of
the file name (the start and the extension stay), then the details in brackets, whole; only a
pane too narrow for even "Original: x…" has its title cut at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

# A name elided to fewer characters than this says too little: the details give way first.
MIN_NAME_CHARACTERS = 8


@dataclass(frozen=True, slots=True)
class HeaderText:
    title: str  # "Original: "
    name: str  # the file's name
    details: str = ""  # " (HTML, 10 paragraphs)"

    @property
    def whole(self) -> str:
        return f"{self.title}{self.name}{self.details}"


def fitted(header: HeaderText, metrics: QFontMetricsF, width: float) -> str:
    """The header as it fits `width` pixels in this font."""
    return fit(header, metrics.horizontalAdvance, lambda text, room: _elided(metrics, text, room), width)


def fit(
    header: HeaderText,
    advance: Callable[[str], float],
    elide_middle: Callable[[str, float], str],
    width: float,
) -> str:
    """`fitted`, with the measuring passed in (so the rule is testable without fonts)."""
    if advance(header.whole) <= width:
        return header.whole
    for details in (header.details, ""):
        room = width - advance(header.title) - advance(details)
        name = elide_middle(header.name, room) if room > 0 else ""
        if len(name) >= min(MIN_NAME_CHARACTERS, len(header.name)) and name:
            return f"{header.title}{name}{details}"
    return elide_middle(header.title + header.name, width) if width > 0 else ""


def _elided(metrics: QFontMetricsF, text: str, room: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)


__all__ = ["HeaderText", "fit", "fitted"]
