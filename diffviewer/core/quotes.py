"""Quotation extraction and a first integrity check against the original."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diffviewer.core.model import Paragraph, Quote, QuoteStatus, Role
from diffviewer.core.tokens import words

# Double quotes in their common typographic forms; single quotes are left for a later pass
# because they double as apostrophes.
_QUOTE_RE = re.compile(r'"([^"\n]{2,}?)"|“([^”\n]{2,}?)”|„([^“”\n]{2,}?)[“”]|«\s?([^»\n]{2,}?)\s?»')


def _norm_words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in words(text)]


def extract(paragraph: Paragraph) -> list[str]:
    if paragraph.role is Role.QUOTE:
        return [paragraph.text.lstrip("> ").strip()]
    return [next(g for g in m.groups() if g is not None).strip() for m in _QUOTE_RE.finditer(paragraph.text)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return False
    return f" {' '.join(needle)} " in f" {' '.join(haystack)} "


def _overlap(a: list[str], b: list[str]) -> float:
    if not a:
        return 0.0
    bag = set(b)
    return sum(1 for w in a if w in bag) / len(a)


def check(
    original: Sequence[Paragraph],
    derivative: Sequence[Paragraph],
    partners: dict[int, list[int]],
) -> tuple[Quote, ...]:
    """Classify each derivative quotation; `partners` maps a derivative paragraph to its sources."""
    original_words = [_norm_words(p.text) for p in original]
    found: list[Quote] = []
    for para in derivative:
        for text in extract(para):
            needle = _norm_words(text)
            if not needle:
                continue
            sources = partners.get(para.index, [])
            verbatim = next((i for i in sources if _contains(original_words[i], needle)), None)
            if verbatim is None:
                verbatim = next((i for i, ws in enumerate(original_words) if _contains(ws, needle)), None)
            if verbatim is not None:
                found.append(Quote(para.index, text, QuoteStatus.VERBATIM, verbatim, text))
                continue
            best = max(sources, key=lambda i: _overlap(needle, original_words[i]), default=None)
            if best is not None and _overlap(needle, original_words[best]) >= 0.5:
                found.append(Quote(para.index, text, QuoteStatus.ALTERED, best, original[best].text))
            else:
                found.append(Quote(para.index, text, QuoteStatus.UNSOURCED))
    return tuple(found)
