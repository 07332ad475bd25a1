"""Which candidates derive from the original: those that stand out from the rest.

A candidate search returns the documents that look most like the original; nearly all of them
are only on the same subject (a neighbouring chapter, another report of the same event), and
what those share with the original is the measure of chance for this original in this
collection. A derivative is a document whose share (of the original, or from it, whichever is
larger: an excerpt holds little of the original but is mostly the original's) lies far above
that: by the usual test for an outlier (Iglewicz and Hoaglin's modified z-score above 3.5:
distance from the median, in units of the median absolute deviation scaled to a standard
deviation). The level is the published convention, not one chosen on any collection.

With fewer candidates than MEASURABLE there is no measure of chance: then a document derives when
at least half of one of the two is the other's.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diffviewer.scan.attribution import Attribution
from diffviewer.scan.judge import Judged
from diffviewer.scan.model import Derivation, Finding

OUTLIER_Z = 3.5  # Iglewicz & Hoaglin (1993): a modified z-score above 3.5 marks an outlier
MAD_TO_SD = 1.4826  # the median absolute deviation of a normal sample, times this, is its deviation
MEAN_AD_TO_SD = 1.2533  # the same for the mean absolute deviation (used when the median one is 0)
MEASURABLE = 8
HALF = 0.5
# What a derivative did with the part of the original it holds: the share of those words the
# engine found kept as they were.
COPY_VERBATIM = 0.95  # nearly every word
LIGHT_EDIT_VERBATIM = 0.5  # most words


def _score(judged: Judged) -> float:
    return max(judged.share_of_original, judged.share_from_original)


@dataclass(frozen=True, slots=True)
class _Chance:
    """What the candidates share with the original by chance: its centre and spread."""

    centre: float
    spread: float

    def evidence(self, score: float) -> float:
        return (score - self.centre) / self.spread


def _chance(scores: Sequence[float]) -> _Chance | None:
    if len(scores) < MEASURABLE:
        return None
    centre = statistics.median(scores)
    spread = MAD_TO_SD * statistics.median(abs(s - centre) for s in scores)
    if spread <= 0:
        spread = MEAN_AD_TO_SD * statistics.fmean(abs(s - centre) for s in scores)
    return _Chance(centre, spread) if spread > 0 else None


def _held(judged: Judged) -> float:
    """How much of the original the candidate holds, counting each paragraph whole once it has a
    counterpart as alike as the candidate's counterparts typically are.

    The share of the original is each paragraph's weight times its likeness to its counterpart.
    Divided by the typical likeness of those counterparts (their mean, each weighed by what it
    contributes), what is left is the part of the original covered: near 1 for a rewrite, whose
    every paragraph has a moderately alike counterpart, and small for an excerpt, whose few
    counterparts are close and the rest absent. Nothing here is a threshold on likeness.
    """
    total = math.fsum(judged.weight)
    share = math.fsum(w * like for w, like in zip(judged.weight, judged.likeness, strict=True))
    square = math.fsum(w * like * like for w, like in zip(judged.weight, judged.likeness, strict=True))
    return share * share / (total * square) if total and square else 0.0


def derivation(judged: Judged) -> Derivation:
    # An excerpt holds less than half of the original.
    if _held(judged) < HALF:
        return Derivation.EXCERPT
    kept = judged.original_verbatim + judged.original_reworded
    verbatim = judged.original_verbatim / kept if kept else 0.0
    if verbatim >= COPY_VERBATIM:
        return Derivation.COPY
    if verbatim >= LIGHT_EDIT_VERBATIM:
        return Derivation.LIGHT_EDIT
    return Derivation.REWRITE


def decide(judged: Sequence[Judged], attributions: Mapping[str, Attribution] | None = None) -> list[Finding]:
    """Every compared candidate with the decision, derivatives first, each group best first.

    With `attributions` (see attribution.py), a candidate that stands out but is explained less
    than half as well by the original as by another candidate is that one's, not a derivative.
    """
    attributions = attributions or {}
    measured = [j for j in judged if j.error is None]
    chance = _chance([_score(j) for j in measured])
    evidence: dict[str, float] = {}
    derives: dict[str, bool] = {}
    for j in measured:
        if chance is None:
            evidence[j.path], derives[j.path] = 0.0, _score(j) >= HALF
        else:
            evidence[j.path] = chance.evidence(_score(j))
            derives[j.path] = evidence[j.path] > OUTLIER_Z
    for j in measured:
        # Word for word nearly all of one of the two is the other: no chance explains that, and
        # when every candidate is such a copy (a book, and a folder of its chapters) none stands
        # out from the rest, so this needs no comparison with them.
        if max(j.original_verbatim, j.derivative_verbatim) >= COPY_VERBATIM:
            derives[j.path] = True
    closer_to: dict[str, str | None] = {}
    for j in measured:
        attribution = attributions.get(j.path)
        if derives[j.path] and attribution is not None and attribution.explained_by_original < HALF:
            derives[j.path] = False
            closer_to[j.path] = attribution.closest
    findings = [
        Finding(
            path=j.path,
            derives=derives[j.path],
            derivation=derivation(j) if derives[j.path] else None,
            share_of_original=j.share_of_original,
            share_from_original=j.share_from_original,
            original_verbatim=j.original_verbatim,
            original_reworded=j.original_reworded,
            evidence=evidence[j.path],
            paragraphs_linked=j.paragraphs_linked,
            quotes=j.quotes,
            candidate_score=j.candidate_score,
            derivative_verbatim=j.derivative_verbatim,
            closer_to=closer_to.get(j.path),
        )
        for j in measured
    ]
    findings.sort(key=lambda f: (not f.derives, -max(f.share_of_original, f.share_from_original), f.path))
    return findings


__all__ = ["OUTLIER_Z", "decide", "derivation"]
