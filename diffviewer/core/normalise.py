"""Text as the engine compares it with typography, and case, set aside: one table for all of it.

The word diff (tokens.py), the copy test (insight.py), the changed names (facts.py), the moved
phrases (moved.py) and the quotation check (quotes.py) all read words through these functions,
so a curly apostrophe or a decomposed accent is the same thing to every one of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic marks and their plain forms: quotes and apostrophes, dashes.
TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)


# A regular expression run over a whole book is one call of tens of milliseconds in C, all of it
# with the interpreter lock held, so the window's thread waits for it: long texts are scanned a
# slice at a time, and other threads run in between.
SCAN_SLICE = 1 << 18


def scan_slices(text: str) -> range:
    """Where each slice of a text to scan begins (see SCAN_SLICE)."""
    return range(0, len(text), SCAN_SLICE)


# The marks TYPOGRAPHY replaces, to find which a text holds.
_MARKS = re.compile("[" + re.escape("".join(map(chr, TYPOGRAPHY))) + "]")
_PLAIN = {chr(code): plain for code, plain in TYPOGRAPHY.items()}


def typographic(text: str) -> str:
    """Composed accents, plain quotes, apostrophes and hyphens."""
    if text.isascii():  # nothing to compose or to translate
        return text
    text = unicodedata.normalize("NFC", text)
    # str.translate looks every character up in a dictionary, in Python's slow path for a
    # non-ASCII table: a dozen times slower than replacing the few marks a text holds in C.
    if len(text) <= SCAN_SLICE:  # a word or a sentence (millions of calls): one scan, no slices
        marks = set(_MARKS.findall(text))
    else:
        marks = set().union(*(_MARKS.findall(text, at, at + SCAN_SLICE) for at in scan_slices(text)))
    for mark in marks:
        text = text.replace(mark, _PLAIN[mark])
    return text


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """`typographic`, and case set aside (casefolded): how words are matched across documents."""
    return typographic(text).casefold()


# Texts up to this long go through folded()'s cache (a block's names and runs recur); longer
# ones would only push those out of it.
_CACHED = 256


def folded_text(text: str) -> str:
    """folded(), its cache kept for short texts."""
    return folded(text) if len(text) < _CACHED else typographic(text).casefold()


__all__ = ["SCAN_SLICE", "TYPOGRAPHY", "folded", "folded_text", "scan_slices", "typographic"]
