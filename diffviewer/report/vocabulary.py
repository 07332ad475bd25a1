"""The names reports give the engine's kinds: the window's words (gui/labels.py), in English.

A test holds the two to one vocabulary; the window's go through Qt's translations, these do not.
"""

from __future__ import annotations

from diffviewer.core.model import BlockKind, FactKind, QuoteStatus, Treatment

TREATMENT = {
    Treatment.COPIED: "copied",
    Treatment.LIGHTLY_EDITED: "lightly edited",
    Treatment.REWORDED: "reworded",
    Treatment.NEW: "new",
    Treatment.DROPPED: "dropped",
}
KIND = {
    BlockKind.EQUAL: "unchanged",
    BlockKind.REWRITE: "edited or reworded",
    BlockKind.MOVED: "moved",
    BlockKind.INSERTED: "new",
    BlockKind.DELETED: "dropped",
}
QUOTE_STATUS = {QuoteStatus.VERBATIM: "verbatim", QuoteStatus.ALTERED: "altered", QuoteStatus.UNSOURCED: "no source"}
FACT_KIND = {FactKind.NAME: "name", FactKind.NUMBER: "number"}

_QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚「」『』"


def quoted(text: str) -> str:
    """Text between quotation marks, unless it has its own at both ends; a mark at one end only
    (a run of words that starts with a quotation) gives way to ours. Never “"…"”."""
    if len(text) >= 2 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        return text
    return f"“{text.strip(_QUOTE_MARKS)}”"


__all__ = ["FACT_KIND", "KIND", "QUOTE_STATUS", "TREATMENT", "quoted"]
