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

from diffviewer.scan.index import PARAGRAPH_BITS, ScanIndex

# Terms looked up per paragraph: enough that a paraphrase which changed most of a paragraph's
# words still shares some of them, few enough that the postings read stay short.
TERMS_PER_PARAGRAPH = 8


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


def find_candidates(
    index: ScanIndex, query: Sequence[frozenset[str]], limit: int, exclude: str | None = None
) -> list[Candidate]:
    """The `limit` documents that score highest against the query's paragraphs (given as terms)."""
    if not query or limit <= 0:
        return []
    excluded = index.document(exclude) if exclude else None
    own = index.own_counts(excluded.id) if excluded else {}
    known = index.term_frequencies(set().union(*query))
    total = index.paragraph_count() - (excluded.paragraphs if excluded else 0)
    # Each paragraph's rarest terms, by how many *other* documents' paragraphs hold them.
    chosen: list[list[tuple[int, float]]] = []
    for terms in query:
        others = [(known[t][1] - own.get(known[t][0], 0), known[t][0]) for t in terms if t in known]
        rarest = sorted((df, term_id) for df, term_id in others if df > 0)[:TERMS_PER_PARAGRAPH]
        chosen.append([(term_id, math.log(max(total, 1) / df)) for df, term_id in rarest])
    postings = index.postings(
        sorted({t for row in chosen for t, _ in row}), without_document=excluded.id if excluded else None
    )
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
        return []
    row_of = np.concatenate(rows)
    paragraph = np.concatenate(paragraphs)
    share = np.concatenate(weights)
    # How much of each query paragraph each collection paragraph holds...
    pair_key = row_of * (1 << 44) + paragraph  # paragraph ids stay under 2**44 (doc ids < 2**24)
    pairs, inverse = np.unique(pair_key, return_inverse=True)
    held = np.bincount(inverse, weights=share)
    pair_rows = pairs >> 44
    documents = (pairs & ((1 << 44) - 1)) >> PARAGRAPH_BITS
    # ...the best of each document's paragraphs for each query paragraph...
    doc_key = pair_rows * (1 << 24) + documents
    order = np.lexsort((held, doc_key))
    doc_key, held = doc_key[order], held[order]
    last = np.append(doc_key[1:] != doc_key[:-1], True)
    best_key, best = doc_key[last], held[last]
    # ...squared, summed over the query's paragraphs.
    document_ids, slot = np.unique(best_key % (1 << 24), return_inverse=True)
    scores = np.bincount(slot, weights=best * best) / len(query)
    top = np.argsort(-scores, kind="stable")[:limit]
    return [Candidate(int(document_ids[i]), index.path_of(int(document_ids[i])), float(scores[i])) for i in top]


def term_weights(index: ScanIndex, terms: set[str]) -> TermWeights:
    """The collection's weights for these terms (what the decision weighs paragraph pairs by)."""
    return TermWeights(index.paragraph_count(), {t: df for t, (_, df) in index.term_frequencies(terms).items()})


__all__ = ["TERMS_PER_PARAGRAPH", "Candidate", "TermWeights", "find_candidates", "term_weights"]
