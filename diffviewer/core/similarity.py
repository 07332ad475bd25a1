"""Paragraph similarity weighted by rarity, and sub-quadratic candidate generation.

Rewordings keep names, numbers and rare content words while swapping common ones, so a shared
rare word counts for much more than a shared common one (inverse document frequency over the
paragraphs of both documents).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from diffviewer.core.tokens import WORD_RE as _WORD_RE

_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "out",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "ye",
        "thee",
        "thou",
        "thy",
        "unto",
        "shall",
        "hath",
    ]
)

# Terms shared by more paragraphs than this are skipped when looking for candidates: they add
# little evidence and would make candidate generation quadratic.
_MAX_POSTING = 60


@lru_cache(maxsize=1 << 18)
def _term(word: str) -> str | None:
    """The term a (casefolded) word counts as, or None for stopwords and short words.

    Cached: a book's vocabulary is a few tens of thousands of words, its text millions.
    """
    w = word.replace("’", "'").removesuffix("'s")
    if w in _STOPWORDS or (len(w) < 3 and not w.isdigit()):
        return None
    # A crude stem: inflections ("sources", "sourcing") share their first letters.
    return w[:7] if len(w) > 7 else w.rstrip("s") if len(w) > 4 else w


def terms(text: str) -> frozenset[str]:
    found = set(map(_term, _WORD_RE.findall(text.casefold())))
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Candidate:
    original: int
    derivative: int
    score: float  # cosine of the idf-weighted term sets, 0..1
    shared: float  # idf weight of the shared terms


class SimilarityIndex:
    def __init__(self, original: Sequence[str], derivative: Sequence[str]) -> None:
        self.a_terms = [terms(t) for t in original]
        self.b_terms = [terms(t) for t in derivative]
        df: dict[str, int] = defaultdict(int)
        for term_set in (*self.a_terms, *self.b_terms):
            for term in term_set:
                df[term] += 1
        n = len(self.a_terms) + len(self.b_terms) + 1
        self.idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self.a_weight = [sum(self.idf[t] for t in ts) for ts in self.a_terms]
        self.b_weight = [sum(self.idf[t] for t in ts) for ts in self.b_terms]
        self.df = df

    def score(self, i: int, j: int) -> float:
        shared = sum(self.idf[t] for t in self.a_terms[i] & self.b_terms[j])
        return self._cosine(shared, i, j)

    def containment(self, i: int, j: int) -> float:
        """How much of the smaller paragraph the other covers (for split/merged parts)."""
        shared = sum(self.idf[t] for t in self.a_terms[i] & self.b_terms[j])
        smaller = min(self.a_weight[i], self.b_weight[j])
        return shared / smaller if smaller else 0.0

    def _cosine(self, shared: float, i: int, j: int) -> float:
        denom = math.sqrt(self.a_weight[i] * self.b_weight[j])
        return shared / denom if denom else 0.0

    def candidates(self, min_score: float, per_paragraph: int = 8) -> list[Candidate]:
        """The best-scoring pairs, found through an inverted index of rare terms."""
        postings: dict[str, list[int]] = defaultdict(list)
        for i, term_set in enumerate(self.a_terms):
            for term in term_set:
                postings[term].append(i)
        cap = max(_MAX_POSTING, int(math.sqrt(len(self.a_terms))))
        found: list[Candidate] = []
        for j, term_set in enumerate(self.b_terms):
            shared: dict[int, float] = defaultdict(float)
            shared_count: dict[int, int] = defaultdict(int)
            for term in term_set:
                posting = postings.get(term)
                if posting is None or len(posting) > cap:
                    continue
                weight = self.idf[term]
                for i in posting:
                    shared[i] += weight
                    shared_count[i] += 1
            # One shared word links two paragraphs only when that is all either of them has
            # ("Related Articles" must not match "This article originally appeared...").
            scored = [
                Candidate(i, j, self._cosine(s, i, j), s)
                for i, s in shared.items()
                if shared_count[i] >= 2 or min(len(self.a_terms[i]), len(term_set)) <= 1
            ]
            scored = [c for c in scored if c.score >= min_score]
            scored.sort(key=lambda c: -c.score)
            found.extend(scored[:per_paragraph])
        # Keep each original paragraph's best few as well, so neither side floods the other.
        by_original: dict[int, list[Candidate]] = defaultdict(list)
        for cand in found:
            by_original[cand.original].append(cand)
        kept: list[Candidate] = []
        for cands in by_original.values():
            cands.sort(key=lambda c: -c.score)
            kept.extend(cands[:per_paragraph])
        return kept
