"""Whose derivative is it? The original's, or another document's that explains it better.

A collection holds families: an article and its copies, a chapter and its translations. Texts
also share passages across families (a report quotes an earlier one; the Bible retells its own
stories), so a neighbouring family's members can stand out from chance as clearly as the
original's own derivatives do. What tells them apart is which document each one is closest to:
a copy of the neighbouring text is far more like that text than like the original. So each
candidate's likeness to the original is set against its likeness to the best of the other
candidates: how much of it each holds, as whole documents (term weights from the index: no
engine run per pair; a chapter is wholly held by the book it comes from), and a candidate the
original explains less than half as well as some other document does is that document's
derivative, not the original's.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diffviewer.scan.index import ScanIndex

_Vector = dict[int, float]


@dataclass(frozen=True, slots=True)
class Attribution:
    """How much of a candidate the original holds, and how much the other candidate holding most of it does."""

    to_original: float
    to_closest: float
    closest: str | None  # that other candidate's path (None when there is none)

    @property
    def explained_by_original(self) -> float:
        """How well the original explains it against its best explanation (1.0: nothing does better)."""
        best = max(self.to_original, self.to_closest)
        return self.to_original / best if best > 0 else 1.0


def _weighted(counts: Mapping[int, int], df: Mapping[int, int], paragraphs: int) -> _Vector:
    """A document's terms by how many of its paragraphs hold them, sublinearly, times their rarity."""
    return {
        term: (1.0 + math.log(count)) * math.log(max(paragraphs, 1) / max(df.get(term, 1), 1))
        for term, count in counts.items()
    }


def _held_in(document: _Vector, other: _Vector) -> float:
    """How much of `document` the other holds: its weight, term by term, as far as the other has
    the term (a chapter is wholly held by the book it comes from, whatever else the book holds)."""
    total = math.fsum(document.values())
    if not total:
        return 0.0
    return math.fsum(min(w, other[t]) for t, w in document.items() if t in other) / total


def attribute(
    index: ScanIndex, query: Sequence[frozenset[str]], counts: Mapping[str, Mapping[int, int]]
) -> dict[str, Attribution]:
    """For each candidate (by path): how much of it the original holds, and its closest other candidate.

    `counts`: each candidate's terms (by id) and how many of its paragraphs hold each
    (ScanIndex.own_counts), read once by the caller."""
    known = index.term_frequencies(set().union(*query) if query else set())
    query_counts: Counter[int] = Counter()
    for terms in query:
        query_counts.update(known[t].id for t in terms if t in known)
    df = index.frequencies_of_ids(set(query_counts).union(*counts.values()))
    paragraphs = index.paragraph_count()
    original = _weighted(query_counts, df, paragraphs)
    vectors = {path: _weighted(c, df, paragraphs) for path, c in counts.items()}
    found: dict[str, Attribution] = {}
    for path, vector in vectors.items():
        closest, best = None, 0.0
        for other, other_vector in vectors.items():
            if other != path:
                held = _held_in(vector, other_vector)
                if held > best:
                    closest, best = other, held
        found[path] = Attribution(_held_in(vector, original), best, closest)
    return found


__all__ = ["Attribution", "attribute"]
