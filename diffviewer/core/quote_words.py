"""A quotation's words as they are compared, and a paragraph's words to find them in.

Words are compared casefolded and without punctuation, so case, commas and typographic marks
never matter; an ellipsis (… or ...) or an editor's [bracketed words] in a quotation may stand
for words left out, and splits it into pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from cydifflib import SequenceMatcher  # difflib's, compiled: the same matches, several times faster

from diffviewer.core.normalise import typographic
from diffviewer.core.quote_spans import Span

# Paragraphs longer than this (in words) get a word-position index instead of being scanned.
LONG_PARAGRAPH = 2000
# Words seen more often than this (in a paragraph, or in the original) say little about where a
# quotation sits.
COMMON_WORD = 64


# A hyphen separates ("open-source" quotes "open source"); an apostrophe does not ("I'm").
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# What an editor may put in a quotation for words left out or replaced: … / ... / [bracketed].
_GAP = re.compile(r"\[[^\[\]\n]*\]|…|\.(?:\s?\.){2}")


def norms(text: str) -> list[str]:
    """The words of text as compared: case and typography set aside (core/normalise.py)."""
    return _WORD.findall(typographic(text).casefold())


def pieces_of(text: str) -> list[list[str]]:
    """A quotation's words, split where an ellipsis or [editor's words] stands for others."""
    pieces = [words for part in _GAP.split(text) if (words := norms(part))]
    return pieces or ([words] if (words := norms(text)) else [])


class Words:
    """A paragraph's normalised words and where each sits in its text."""

    __slots__ = ("norms", "_text", "_starts", "_ends", "_positions")

    def __init__(self, text: str) -> None:
        self._text = text
        # Folding the whole text at once is fast; word by word only if that split the words
        # differently (ASCII folds letter for letter: the same words).
        self.norms = norms(text)
        if not text.isascii() and len(self.norms) != len(_WORD.findall(text)):
            self.norms = [(norms(m.group()) or [m.group()])[0] for m in _WORD.finditer(text)]
        self._starts: list[int] | None = None  # where each word starts and ends: see _locate
        self._ends: list[int] = []
        self._positions: dict[str, list[int]] | None = None

    def _locate(self) -> list[int]:
        """Where each word starts (and, in _ends, ends): found only for the paragraphs a quotation
        is placed in, as most are only searched by their words."""
        if self._starts is None:
            found = list(_WORD.finditer(self._text))
            self._starts, self._ends = [m.start() for m in found], [m.end() for m in found]
        return self._starts

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, first: int, stop: int) -> Span:
        return Span(self._locate()[first], self._ends[stop - 1])

    def within(self, span: Span) -> tuple[int, int]:
        """The range of words lying inside span."""
        return bisect_left(self._locate(), span.start), bisect_right(self._ends, span.end)

    def positions(self) -> dict[str, list[int]]:
        """Where each word occurs: built only for long paragraphs, where scanning would be slow."""
        if self._positions is None:
            self._positions = defaultdict(list)
            for k, word in enumerate(self.norms):
                self._positions[word].append(k)
        return self._positions

    def find(self, needle: list[str], lo: int = 0) -> int | None:
        """The first index at or after lo where needle occurs."""
        size = len(needle)
        if len(self.norms) <= LONG_PARAGRAPH:
            first, last = needle[0], len(self.norms) - size
            while lo <= last:
                try:
                    lo = self.norms.index(first, lo, last + 1)  # C speed to the next candidate
                except ValueError:
                    return None
                if self.norms[lo : lo + size] == needle:
                    return lo
                lo += 1
            return None
        # A long paragraph: try only where the needle's rarest word is.
        positions = self.positions()
        k = min(range(size), key=lambda k: len(positions.get(needle[k], ())))
        places = positions.get(needle[k], [])
        for place in places[bisect_left(places, lo + k) :]:
            if self.norms[place - k : place - k + size] == needle:
                return place - k
        return None

    def find_pieces(self, pieces: list[list[str]]) -> tuple[int, int] | None:
        """The word range (first, stop) where the pieces occur in order, gaps allowed between them."""
        first = stop = -1
        lo = 0
        for piece in pieces:
            at = self.find(piece, lo)
            if at is None:
                return None
            first = at if first < 0 else first
            stop = lo = at + len(piece)
        return first, stop

    def region(self, needle: list[str]) -> tuple[int, int]:
        """Where in a long paragraph the needle most likely sits, as a word range to align in.

        Each occurrence of a needle word votes for where the needle would start; the busiest
        stretch wins. Short paragraphs are aligned whole.
        """
        if len(self.norms) <= LONG_PARAGRAPH:
            return 0, len(self.norms)
        positions = self.positions()
        width = max(8, len(needle))
        votes: Counter[int] = Counter()
        for k, word in enumerate(needle):
            places = positions.get(word, [])
            if len(places) <= COMMON_WORD:
                votes.update((place - k) // width for place in places)
        if not votes:
            return 0, 0
        bucket = votes.most_common(1)[0][0]
        return max(0, (bucket - 1) * width), min(len(self.norms), (bucket + 2) * width + len(needle))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Share of words two bags have in common (2·shared / total)."""
    total = a.total() + b.total()
    return 2 * (a & b).total() / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Aligned:
    """Where a word sequence sits in a stretch of words: matched words, and the range they cover."""

    matched: int
    start: int
    stop: int


def align_words(norms: list[str], needle: list[str]) -> Aligned | None:
    """The needle's best in-order match in norms (a word-level alignment window)."""
    matcher = SequenceMatcher(None, norms, needle, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # Matches far apart belong to different passages (a common word repeated elsewhere).
    gap = max(3, len(needle) // 2)
    clusters = [[blocks[0]]]
    for block in blocks[1:]:
        last = clusters[-1][-1]
        if block.a - (last.a + last.size) > gap:
            clusters.append([])
        clusters[-1].append(block)
    best = max(clusters, key=lambda c: sum(b.size for b in c))
    start, stop = best[0].a, best[-1].a + best[-1].size
    # Words replaced at the needle's edges belong to the passage: widen by what the needle has there.
    lead = min(start, best[0].b)
    trail = min(len(norms) - stop, len(needle) - (best[-1].b + best[-1].size))
    return Aligned(sum(b.size for b in best), start - lead, stop + trail)


__all__ = ["COMMON_WORD", "LONG_PARAGRAPH", "Aligned", "Words", "align_words", "dice", "norms", "pieces_of"]
