"""The engine's look at one candidate: align it with the original and measure what they share.

Each paragraph the aligner links is weighed by how much of it its counterparts hold between
them, with the collection's own weights (a term most paragraphs hold counts for nearly nothing,
a name held by few counts for much): a paragraph split in two is held whole by its halves, a
verse whole by the paragraph it was merged into. Summed over the paragraphs, each counted by its
weight, that gives how much of the original the candidate holds and how much of the candidate
is the original's. The aligner links loosely related paragraphs too (it is built
to miss nothing in documents known to be related); weighing each link by its likeness is what
keeps a neighbouring text on the same subject from looking like a rewrite.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.compare import CompareError, compare
from diffviewer.core.model import CompareOptions, Comparison, Document, QuoteStatus
from diffviewer.formats import LoadError, load
from diffviewer.scan.candidates import TermWeights
from diffviewer.scan.model import QuoteCounts
from diffviewer.scan.terms import paragraph_terms


@dataclass(frozen=True, slots=True)
class Judged:
    """What the engine measured between the original and one candidate (or why it could not)."""

    path: str
    candidate_score: float
    error: str | None = None
    share_of_original: float = 0.0
    share_from_original: float = 0.0
    original_verbatim: float = 0.0
    original_reworded: float = 0.0
    # The share of the candidate's words that are the original's, word for word (the engine's count).
    derivative_verbatim: float = 0.0
    paragraphs_linked: int = 0
    quotes: QuoteCounts = QuoteCounts()
    # Each original paragraph's best likeness to a paragraph of the candidate, and its weight
    # (its content: the sum of its terms' weights); what a share of the original is made of.
    likeness: tuple[float, ...] = ()
    weight: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class JudgeTask:
    """One candidate to compare: everything a worker process (or a Dask worker) needs."""

    path: str
    candidate_score: float


@dataclass(frozen=True, slots=True)
class _Vector:
    weights: dict[str, float]
    norm: float
    mass: float  # the paragraph's content: the sum of its terms' weights

    @staticmethod
    def of(text: str, weights: TermWeights) -> _Vector:
        # fsum: exact whatever the order a set gives its terms in, which differs between
        # processes, so a scan gives the same numbers on a cluster as here.
        terms = {term: weights.idf(term) for term in paragraph_terms(text)}
        return _Vector(terms, math.sqrt(math.fsum(w * w for w in terms.values())), math.fsum(terms.values()))


@dataclass(frozen=True, slots=True)
class _Shares:
    of_original: float
    from_original: float
    linked: int
    likeness: tuple[float, ...]
    weight: tuple[float, ...]


class _OriginalVectors:
    """The original's paragraph vectors, made once for all the candidates a process judges (a
    book-sized original has thousands of paragraphs): the last original and weights seen, kept
    with them so their identities stay theirs."""

    def __init__(self) -> None:
        self._key: tuple[Document, TermWeights] | None = None
        self._vectors: list[_Vector] = []

    def of(self, original: Document, weights: TermWeights) -> list[_Vector]:
        if self._key is None or self._key[0] is not original or self._key[1] is not weights:
            self._vectors = [_Vector.of(p.text, weights) for p in original.paragraphs]
            self._key = (original, weights)
        return self._vectors


_ORIGINAL_VECTORS = _OriginalVectors()


def _covered(vector: _Vector, others: Sequence[_Vector]) -> float:
    """How much of a paragraph (by weight) its counterparts hold between them: a paragraph split
    in two is held whole by its two halves, a verse whole by the paragraph it was merged into."""
    if not vector.mass:
        return 0.0
    held = math.fsum(w for t, w in vector.weights.items() if any(t in other.weights for other in others))
    return held / vector.mass


def _shares(comparison: Comparison, weights: TermWeights, original_document: Document) -> _Shares:
    original = _ORIGINAL_VECTORS.of(original_document, weights)
    derivative = [_Vector.of(p.text, weights) for p in comparison.derivative.paragraphs]
    counterparts_of_original: dict[int, list[int]] = {}
    counterparts_of_derivative: dict[int, list[int]] = {}
    for a, b in comparison.links:
        counterparts_of_original.setdefault(a, []).append(b)
        counterparts_of_derivative.setdefault(b, []).append(a)
    best_original = {
        a: _covered(original[a], [derivative[b] for b in bs]) for a, bs in counterparts_of_original.items()
    }
    best_derivative = {
        b: _covered(derivative[b], [original[a] for a in sources]) for b, sources in counterparts_of_derivative.items()
    }

    def share(vectors: Sequence[_Vector], best: dict[int, float]) -> float:
        total = math.fsum(v.mass for v in vectors)
        return math.fsum(vectors[i].mass * s for i, s in best.items()) / total if total else 0.0

    return _Shares(
        share(original, best_original),
        share(derivative, best_derivative),
        len(best_original),
        tuple(best_original.get(i, 0.0) for i in range(len(original))),
        tuple(v.mass for v in original),
    )


def _quotes(comparison: Comparison) -> QuoteCounts:
    statuses = [quote.status for quote in comparison.quotes]
    return QuoteCounts(
        verbatim=statuses.count(QuoteStatus.VERBATIM),
        altered=statuses.count(QuoteStatus.ALTERED),
        unsourced=statuses.count(QuoteStatus.UNSOURCED),
    )


def judge(original: Document, task: JudgeTask, weights: TermWeights, options: CompareOptions) -> Judged:
    try:
        derivative = load(task.path)
        comparison = compare(original, derivative, options, helped=False)  # candidates fill the cores
    except (LoadError, CompareError) as error:
        reason = error.reason if isinstance(error, LoadError) else str(error)
        return Judged(task.path, task.candidate_score, error=reason)
    except Exception as error:  # noqa: BLE001 (one candidate's failure must not end a scan of thousands)
        return Judged(task.path, task.candidate_score, error=f"could not be compared ({type(error).__name__})")
    shares = _shares(comparison, weights, original)
    stats = comparison.stats
    return Judged(
        path=task.path,
        candidate_score=task.candidate_score,
        share_of_original=shares.of_original,
        share_from_original=shares.from_original,
        original_verbatim=stats.original_verbatim,
        original_reworded=stats.original_reworded,
        derivative_verbatim=stats.words_equal / stats.words_derivative if stats.words_derivative else 0.0,
        paragraphs_linked=shares.linked,
        quotes=_quotes(comparison),
        likeness=shares.likeness,
        weight=shares.weight,
    )


def judge_many(
    original: Document, weights: TermWeights, options: CompareOptions, tasks: Sequence[JudgeTask]
) -> list[Judged]:
    """A chunk of candidates judged in one task (a worker process, or a Dask worker): the chunk
    comes last, as runners pass it."""
    return [judge(original, task, weights, options) for task in tasks]


__all__ = ["JudgeTask", "Judged", "judge", "judge_many"]
