"""What a scan of a collection finds: each document that derives from the original, and how.

Frozen dataclasses and StrEnums, like the comparison's model; the command line's JSON, text and
HTML reports and the window's panel all print these, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from diffviewer.core.model import CompareOptions

DEFAULT_CANDIDATES = 50


class Phase(StrEnum):
    """What a scan is doing (its progress reports say)."""

    FINDING = "finding files"
    READING = "reading files"
    SEARCHING = "searching"
    COMPARING = "comparing"


@dataclass(frozen=True, slots=True)
class Progress:
    phase: Phase
    done: int
    total: int


class ScanCancelled(Exception):
    """The scan was stopped (should_cancel turned true); the index keeps what was finished."""


@dataclass(frozen=True, slots=True)
class ScanOptions:
    candidates: int = DEFAULT_CANDIDATES  # how many of the likeliest documents the engine compares
    compare: CompareOptions = CompareOptions()


class Derivation(StrEnum):
    """What a derivative did with the original, in a reader's words."""

    COPY = "copy"  # the original's words, nearly all kept as they were
    LIGHT_EDIT = "light edit"  # most of the original, most of its words kept
    REWRITE = "rewrite"  # most of the original, in other words (a paraphrase, a translation)
    EXCERPT = "excerpt"  # a passage of the original inside other text (a quotation, a digest)


@dataclass(frozen=True, slots=True)
class QuoteCounts:
    """The derivative's quotations checked against the original (see core/quotes.py)."""

    verbatim: int = 0
    altered: int = 0
    unsourced: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    """One candidate the engine compared with the original."""

    path: str
    derives: bool  # the scan's decision
    derivation: Derivation | None  # what it is, when it derives
    # How much of the original the document holds, and how much of the document comes from the
    # original: the share of each side's content in aligned paragraphs, weighted by how alike
    # the two paragraphs of each pair are (1.0 is a whole copy).
    share_of_original: float
    share_from_original: float
    # The engine's word-level shares of the original: kept word for word, and reworded.
    original_verbatim: float
    original_reworded: float
    # How far the evidence stands above what the other candidates share with the original,
    # in robust standard deviations (the decision's measure; see scan/decide.py).
    evidence: float
    paragraphs_linked: int
    quotes: QuoteCounts = QuoteCounts()
    # The candidate search's score: the share of the original's paragraphs found in it (0–1).
    candidate_score: float = 0.0
    # The share of the document's own words that are the original's, word for word.
    derivative_verbatim: float = 0.0
    # For a document that stands out but is far closer to another document of the collection
    # than to the original: that document (it derives from that one, which shares text with
    # the original).
    closer_to: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file of the collection that could not be read, and why (one line, as the loaders say it)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class IndexSummary:
    documents: int
    paragraphs: int
    added: int  # read this run (new or changed)
    removed: int
    unchanged: int
    location: str | None  # the index file, or None when it lived in memory for this run


@dataclass(frozen=True, slots=True)
class ScanResult:
    original: str
    findings: tuple[Finding, ...]  # every candidate compared, best first (derivatives first)
    skipped: tuple[SkippedFile, ...]
    index: IndexSummary
    candidates_compared: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def derivatives(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.derives)


__all__ = [
    "DEFAULT_CANDIDATES",
    "Derivation",
    "Finding",
    "IndexSummary",
    "Phase",
    "Progress",
    "QuoteCounts",
    "ScanCancelled",
    "ScanOptions",
    "ScanResult",
    "SkippedFile",
]
