"""Text as the engine compares it with typography, and case, set aside: one table for all of it.

The word diff (tokens.py), the copy test and the changed names (insight.py), the moved phrases
(moved.py) and the quotation check (quotes.py) all read words through these two functions, so a
curly apostrophe or a decomposed accent is the same thing to every one of them.
"""

from __future__ import annotations

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


def typographic(text: str) -> str:
    """Composed accents, plain quotes, apostrophes and hyphens."""
    if text.isascii():  # nothing to compose or to translate
        return text
    return unicodedata.normalize("NFC", text).translate(TYPOGRAPHY)


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """`typographic`, and case set aside (casefolded): how words are matched across documents."""
    return typographic(text).casefold()


__all__ = ["TYPOGRAPHY", "folded", "typographic"]
