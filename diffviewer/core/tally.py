"""How many words a rewrite kept, changed, added and removed: the numbers in a summary line."""

from __future__ import annotations

from dataclasses import dataclass

from diffviewer.core.model import ChangeOp, Comparison
from diffviewer.core.tokens import words


@dataclass(frozen=True, slots=True)
class WordTally:
    kept: int
    changed: int  # original words replaced by other words (a delete paired with an insert)
    added: int  # derivative words with no counterpart
    removed: int  # original words with no counterpart


def word_tally(comparison: Comparison) -> WordTally:
    kept = changed = added = removed = 0
    for block in comparison.blocks:
        changes = block.changes
        i = 0
        while i < len(changes):
            change = changes[i]
            count = len(words(change.text))
            if change.op is ChangeOp.EQUAL:
                kept += count
            elif change.op is ChangeOp.DELETE and i + 1 < len(changes) and changes[i + 1].op is ChangeOp.INSERT:
                # A replacement: the words swapped in count as changed, any surplus as added/removed.
                inserted = len(words(changes[i + 1].text))
                paired = min(count, inserted)
                changed += paired
                removed += count - paired
                added += inserted - paired
                i += 1
            elif change.op is ChangeOp.DELETE:
                removed += count
            else:
                added += count
            i += 1
    return WordTally(kept=kept, changed=changed, added=added, removed=removed)
