"""Find in the panes, Qt-free: every match of a text in the rows, in reading order, and stepping
through them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from diffviewer.gui.rows import Row, Side, Utf16Offsets


@dataclass(frozen=True, slots=True)
class FindMatch:
    row: int
    side: Side | None  # None: the inline cell
    start: int  # UTF-16 offsets in the cell's layout text
    end: int


@dataclass(slots=True)
class FindMatches:
    """The matches of the text being looked for, and the one Enter/F3 is on (-1: none yet)."""

    matches: list[FindMatch] = field(default_factory=list)
    by_row: dict[int, list[int]] = field(default_factory=dict)  # row -> numbers of its matches
    current: int = -1

    def search(self, rows: Sequence[Row], text: str, case_sensitive: bool = False) -> int:
        """Find every occurrence of `text` in the rows' cells; returns how many there are."""
        self.matches, self.by_row, self.current = [], {}, -1
        if text:
            needle = text if case_sensitive else text.casefold()
            for row_index, row in enumerate(rows):
                for cell in row.cells:
                    haystack = cell.text if case_sensitive else cell.text.casefold()
                    if len(haystack) != len(cell.text):  # casefold changed lengths: search as typed
                        haystack, needle_here = cell.text, text
                    else:
                        needle_here = needle
                    to_qt = Utf16Offsets(cell.text)
                    side = None if cell is row.inline else cell.side
                    start = haystack.find(needle_here)
                    while start >= 0:
                        end = start + len(needle_here)
                        self.matches.append(FindMatch(row_index, side, to_qt(start), to_qt(end)))
                        start = haystack.find(needle_here, end)
        self.matches.sort(key=lambda m: (m.row, m.side is Side.DERIVATIVE, m.start))
        for number, match in enumerate(self.matches):
            self.by_row.setdefault(match.row, []).append(number)
        return len(self.matches)

    def step(self, forward: bool, top_row: int) -> int:
        """Move to the next (or previous) match, wrapping around; the first step goes to the first
        match at or below `top_row` (what is on screen). Returns its 0-based number or -1."""
        if not self.matches:
            return -1
        if self.current < 0:
            following = [n for n, m in enumerate(self.matches) if m.row >= max(0, top_row)]
            self.current = (following[0] if following else 0) if forward else len(self.matches) - 1
        else:
            self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        return self.current

    def clear(self) -> None:
        self.matches, self.by_row, self.current = [], {}, -1


__all__ = ["FindMatch", "FindMatches"]
