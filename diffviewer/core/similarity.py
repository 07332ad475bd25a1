"""Paragraph similarity weighted by rarity, and sub-quadratic candidate generation.

Rewordings keep names, numbers and rare content words while swapping common ones, so a shared
rare word counts for much more than a shared common one (inverse document frequency over the
paragraphs of both documents).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

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
# How many of a paragraph's rarest terms look for its partners (see candidates()).
_PROBE_TERMS = 12
_PROBE_MIN = 2  # ...at least this many, while they touch at most _PROBE_VOLUME paragraphs in all
_PROBE_VOLUME = 60


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
    # Each distinct word is looked up once; stopwords come back as None and are taken out.
    return frozenset(map(_term, set(_WORD_RE.findall(text.casefold())))) - _NO_TERM  # type: ignore[return-value]


_NO_TERM = frozenset([None])


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
        df = Counter(chain.from_iterable((*self.a_terms, *self.b_terms)))  # counted at C speed
        n = len(self.a_terms) + len(self.b_terms) + 1
        self.idf = {term: math.log(1 + n / count) for term, count in df.items()}
        weight = self.idf.__getitem__  # map() with a bound getter sums at C speed
        self.a_weight = [sum(map(weight, ts)) for ts in self.a_terms]
        self.b_weight = [sum(map(weight, ts)) for ts in self.b_terms]
        self.df = df

    def score(self, i: int, j: int) -> float:
        shared = sum(map(self.idf.__getitem__, self.a_terms[i] & self.b_terms[j]))
        return self._cosine(shared, i, j)

    def containment(self, i: int, j: int) -> float:
        """How much of the smaller paragraph the other covers (for split/merged parts)."""
        shared = sum(map(self.idf.__getitem__, self.a_terms[i] & self.b_terms[j]))
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
        cap = _MAX_POSTING
        a_terms, weight = self.a_terms, self.idf.__getitem__
        found: list[Candidate] = []
        for j, term_set in enumerate(self.b_terms):
            # Probe with the rarest terms only: they find the partners; common ones only add noise
            # and cost. Every pair found is then scored exactly over all its terms.
            usable = [
                (len(posting), term) for term in term_set if (posting := postings.get(term)) and len(posting) <= cap
            ]
            usable.sort()
            hits: dict[int, int] = defaultdict(int)
            volume = 0
            for probed, (size, term) in enumerate(usable[:_PROBE_TERMS]):
                if probed >= _PROBE_MIN and volume + size > _PROBE_VOLUME:
                    break  # enough rare evidence already; commoner terms would only add work
                volume += size
                for i in postings[term]:
                    hits[i] += 1
            lone = len(term_set) <= 1
            scored = []
            for i, count in hits.items():
                # One shared word links two paragraphs only when that is all either of them has
                # ("Related Articles" must not match "This article originally appeared...").
                if count < 2 and not lone and len(a_terms[i]) > 1:
                    continue
                shared = sum(map(weight, a_terms[i] & term_set))
                score = self._cosine(shared, i, j)
                if score >= min_score:
                    scored.append(Candidate(i, j, score, shared))
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
