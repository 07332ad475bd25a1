"""How many words a rewrite kept, changed, added and removed: the numbers in a summary line."""

from __future__ import annotations

from dataclasses import dataclass

from diffviewer.core.model import Comparison


@dataclass(frozen=True, slots=True)
class WordTally:
    kept: int
    changed: int  # original words replaced by other words (a delete paired with an insert)
    added: int  # derivative words with no counterpart
    removed: int  # original words with no counterpart
    moved: int = 0  # of the kept words, those the derivative put elsewhere in their block


def word_tally(comparison: Comparison) -> WordTally:
    """From the statistics the engine counted: replaced words are "changed", the rest of the
    inserted and deleted words "added" and "removed". Moved phrases are kept words."""
    stats = comparison.stats
    return WordTally(
        kept=stats.words_equal,
        changed=stats.words_replaced,
        added=stats.words_inserted - stats.words_replaced,
        removed=stats.words_deleted - stats.words_replaced,
        moved=stats.words_moved,
    )
