"""The candidate search: the documents of the collection most likely to hold the original's paragraphs.

Cheap, and built never to miss a derivative: each paragraph of the original is looked up by its
rarest terms (how rare, the collection says: a term in few of its paragraphs), and a document
scores by how completely its best-matching paragraph holds each of the original's paragraphs
(the share of that paragraph's looked-up weight it contains, squared, so that a paragraph found
whole counts for more than two found in half). A rewrite keeps its names and content words, so
its paragraphs are found by them; an excerpt holds only some of the original's paragraphs but
holds those whole. The work is the postings of a few rare terms per paragraph: it follows how
often those terms occur, not how large the collection is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from diffviewer.scan.index import PARAGRAPH_BITS, ScanIndex

# Terms looked up per paragraph: enough that a paraphrase which changed most of a paragraph's
# words still shares some of them, few enough that the postings read stay short.
TERMS_PER_PARAGRAPH = 8
# The most postings one paragraph may read (see _looked_up): a bound that does not grow with the
# collection, so a query's cost does not either.
POSTINGS_PER_PARAGRAPH = 100_000
PARAGRAPHS_PER_BLOCK = 64


@dataclass(frozen=True, slots=True)
class Candidate:
    document: int
    path: str
    score: float  # 0–1: the share of the original's paragraphs found (each as completely as found)


@dataclass(frozen=True, slots=True)
class TermWeights:
    """How much each term counts in this collection: its inverse paragraph frequency."""

    paragraphs: int
    df: dict[str, int]

    def idf(self, term: str) -> float:
        return math.log(max(self.paragraphs, 1) / max(self.df.get(term, 1), 1))


def _looked_up(terms: list[tuple[int, int]], total: int) -> list[tuple[int, float]]:
    """The terms one paragraph is looked up by, rarest first: at most TERMS_PER_PARAGRAPH, and
    no more postings than POSTINGS_PER_PARAGRAPH in all. A paragraph of common words only (its
    rarest term in more paragraphs than that) is not looked up: it cannot say which document
    holds it, and reading it would cost more the larger the collection grows."""
    chosen: list[tuple[int, float]] = []
    budget = POSTINGS_PER_PARAGRAPH
    for df, term_id in sorted(terms)[:TERMS_PER_PARAGRAPH]:
        if df > budget:
            break
        budget -= df
        chosen.append((term_id, math.log(max(total, 1) / df)))
    return chosen


def _block_scores(
    chosen: Sequence[list[tuple[int, float]]], postings: dict[int, npt.NDArray[np.int64]]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """For a block of the query's paragraphs: each document touched, and the sum over the block's
    paragraphs of the square of how much of each its best paragraph holds."""
    rows, paragraphs, weights = [], [], []
    for row_index, row in enumerate(chosen):
        mass = math.fsum(weight for _, weight in row)
        for term_id, weight in row:
            ids = postings.get(term_id)
            if ids is None or not ids.size:
                continue
            rows.append(np.full(ids.size, row_index, dtype=np.int64))
            paragraphs.append(ids)
            weights.append(np.full(ids.size, weight / mass))
    if not rows:
        return np.empty(0, np.int64), np.empty(0, np.float64)
    # How much of each query paragraph each collection paragraph holds...
    pair_key = np.concatenate(rows) * (1 << 44) + np.concatenate(paragraphs)  # ids stay under 2**44
    pairs, inverse = np.unique(pair_key, return_inverse=True)
    held = np.bincount(inverse, weights=np.concatenate(weights))
    documents = (pairs & ((1 << 44) - 1)) >> PARAGRAPH_BITS
    # ...the best of each document's paragraphs for each query paragraph...
    doc_key = (pairs >> 44) * (1 << 24) + documents
    order = np.lexsort((held, doc_key))
    doc_key, held = doc_key[order], held[order]
    last = np.append(doc_key[1:] != doc_key[:-1], True)
    best_key, best = doc_key[last], held[last]
    # ...squared, summed over the block's paragraphs.
    document_ids, slot = np.unique(best_key % (1 << 24), return_inverse=True)
    return document_ids.astype(np.int64), np.bincount(slot, weights=best * best).astype(np.float64)


def find_candidates(
    index: ScanIndex, query: Sequence[frozenset[str]], limit: int, exclude: str | None = None
) -> list[Candidate]:
    """The `limit` documents that score highest against the query's paragraphs (given as terms).

    The query's paragraphs are looked up a block at a time, so a book-sized original holds in
    memory the postings of one block, never all of them."""
    if not query or limit <= 0:
        return []
    excluded = index.document(exclude) if exclude else None
    own = index.own_counts(excluded.id) if excluded else {}
    known = index.term_frequencies(set().union(*query))
    total = index.paragraph_count() - (excluded.paragraphs if excluded else 0)
    # Each paragraph's rarest terms, by how many *other* documents' paragraphs hold them.
    chosen = []
    for terms in query:
        others = [(known[t].df - own.get(known[t].id, 0), known[t].id) for t in terms if t in known]
        chosen.append(_looked_up([(df, term_id) for df, term_id in others if df > 0], total))
    found_ids, found_scores = [], []
    for start in range(0, len(chosen), PARAGRAPHS_PER_BLOCK):
        block = chosen[start : start + PARAGRAPHS_PER_BLOCK]
        postings = index.postings(
            sorted({t for row in block for t, _ in row}), without_document=excluded.id if excluded else None
        )
        ids, scores = _block_scores(block, postings)
        found_ids.append(ids)
        found_scores.append(scores)
    if not found_ids or not sum(ids.size for ids in found_ids):
        return []
    document_ids, slot = np.unique(np.concatenate(found_ids), return_inverse=True)
    totals = np.bincount(slot, weights=np.concatenate(found_scores)) / len(query)
    top = np.argsort(-totals, kind="stable")[:limit]
    return [Candidate(int(document_ids[i]), index.path_of(int(document_ids[i])), float(totals[i])) for i in top]


def term_weights(index: ScanIndex, terms: set[str]) -> TermWeights:
    """The collection's weights for these terms (what the decision weighs paragraph pairs by)."""
    return TermWeights(index.paragraph_count(), {t: info.df for t, info in index.term_frequencies(terms).items()})


__all__ = ["TERMS_PER_PARAGRAPH", "Candidate", "TermWeights", "find_candidates", "term_weights"]
