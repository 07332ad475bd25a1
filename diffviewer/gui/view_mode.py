"""How the comparison is laid out on screen."""

from enum import StrEnum


class ViewMode(StrEnum):
    SIDE_BY_SIDE = "side-by-side"
    INLINE = "inline"
