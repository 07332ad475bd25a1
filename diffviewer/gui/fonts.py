"""The font code is read in: one whose characters really are all the same width.

Qt's fixed-pitch system font is whatever fontconfig answers for "monospace", and what Qt then
reports about it is metadata: Noto Sans Mono, which common desktops install, has equal advances
but is not tagged fixed-pitch, while on other machines "monospace" can resolve to a proportional
font. So the font is chosen by what a reader sees: the widths of its characters.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF

# Narrow, wide and blank characters: a proportional font gives them different advances.
_PROBE = "iIl1WMm0._ "
# Tried in order after the system's own choice: families that are monospaced wherever they exist.
FALLBACK_FAMILIES = (
    "DejaVu Sans Mono",
    "Liberation Mono",
    "Noto Sans Mono",
    "Noto Mono",
    "Cascadia Mono",
    "Consolas",
    "Menlo",
    "SF Mono",
    "Ubuntu Mono",
    "Courier New",
    "Courier",
)


def has_equal_advances(font: QFont) -> bool:
    """Whether every character of a sample of narrow and wide ones takes the same width."""
    metrics = QFontMetricsF(font)
    return len({round(metrics.horizontalAdvance(ch), 2) for ch in _PROBE}) == 1


def code_font(point_size: int) -> QFont:
    """A monospaced font at this size: the system's fixed font if it really is one, else the
    first installed family of FALLBACK_FAMILIES that is, else the system's answer after all."""
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    system.setPointSize(point_size)
    if has_equal_advances(system):
        return system
    installed = set(QFontDatabase.families())
    for family in FALLBACK_FAMILIES:
        if family not in installed:
            continue
        font = QFont(family, point_size)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        if QFontInfo(font).family() == family and has_equal_advances(font):
            return font
    return system


__all__ = ["FALLBACK_FAMILIES", "code_font", "has_equal_advances"]
