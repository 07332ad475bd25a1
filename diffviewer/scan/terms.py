"""The terms a collection is searched by: each paragraph's distinct words, matched as the engine matches them.

Words are read as the rest of the engine reads them (typography and case set aside, see
core/normalise.py), so "We’ve" in one document finds "we've" in another. Scripts written without
spaces between words (Chinese, Japanese) have no words to split on: there a run of such letters
gives its overlapping pairs of characters, the usual unit of search in those languages. Nothing
here knows a language: how much a term counts comes from the collection (how many of its
paragraphs hold it), never from a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from diffviewer.core.normalise import typographic

_WORD = re.compile(r"\w+")
# From U+2E80 (CJK radicals) on, Unicode's scripts are written without spaces between words
# (Hangul aside, which is rare enough here to be searched by pairs too).
_UNSPACED = re.compile(r"[\u2e80-\ud7ff\uf900-\ufaff\U00020000-\U0003ffff]+")


def _pairs(run: str) -> Iterable[str]:
    if len(run) == 1:
        yield run
    for start in range(len(run) - 1):
        yield run[start : start + 2]


def paragraph_terms(text: str) -> frozenset[str]:
    """The distinct terms of one paragraph."""
    terms: set[str] = set()
    for word in _WORD.findall(typographic(text).casefold()):
        if word.isascii() or not _UNSPACED.search(word):
            terms.add(word)
            continue
        rest = _UNSPACED.sub(" ", word).split()
        terms.update(rest)
        for run in _UNSPACED.findall(word):
            terms.update(_pairs(run))
    return frozenset(terms)


__all__ = ["paragraph_terms"]
