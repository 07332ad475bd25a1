"""Paragraph groups (core/align.py): cover every paragraph once, tile their texts, and the cases a
review found."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import align as align_module
from diffviewer.core.align import Alignment, align, first_units, forget_alignments
from diffviewer.core.beads import Bead, align_units
from diffviewer.core.compare import compare
from diffviewer.core.similarity import UnitSimilarity
from tests.core.helpers import doc
from tests.core.test_alignment_cases import (
    FERRY_DERIVATIVE,
    FERRY_ORIGINAL,
    FORUM,
    LIBRARY_DERIVATIVE,
    LIBRARY_ORIGINAL,
)
from tests.core.test_beads import POOL

FAST = settings(max_examples=40, deadline=None)

# --------------------------------------------------------------------------------------------
# align.align
# --------------------------------------------------------------------------------------------


def _check_groups(alignment: Alignment, original: Sequence[str], derivative: Sequence[str]) -> None:
    seen_a = Counter(i for g in alignment.groups for i in g.original)
    seen_b = Counter(j for g in alignment.groups for j in g.derivative)
    assert seen_a == Counter(range(len(original))), seen_a
    assert seen_b == Counter(range(len(derivative))), seen_b
    for g in alignment.groups:
        assert g.original or g.derivative
        a_len = len("\n".join(original[i] for i in g.original))
        b_len = len("\n".join(derivative[j] for j in g.derivative))
        assert g.pieces, g
        at_a = at_b = 0
        for piece in g.pieces:
            assert (piece.original_start, piece.derivative_start) == (at_a, at_b), g
            assert piece.original_end >= piece.original_start and piece.derivative_end >= piece.derivative_start
            at_a, at_b = piece.original_end, piece.derivative_end
        assert (at_a, at_b) == (a_len, b_len), g
        assert sum(p.original_end - p.original_start for p in g.pieces) == a_len
        assert sum(p.derivative_end - p.derivative_start for p in g.pieces) == b_len


@pytest.mark.parametrize(
    ("original", "derivative"),
    [
        (FERRY_ORIGINAL, FERRY_DERIVATIVE),
        (LIBRARY_ORIGINAL, LIBRARY_DERIVATIVE),
        (FERRY_ORIGINAL, FORUM),
        (FERRY_ORIGINAL, FERRY_ORIGINAL),
    ],
)
def test_groups_cover_every_paragraph_once_and_pieces_tile(original: Sequence[str], derivative: Sequence[str]) -> None:
    _check_groups(align(original, derivative), original, derivative)
    _check_groups(align(derivative, original), derivative, original)


_paragraph = st.lists(st.sampled_from(POOL), min_size=1, max_size=3).map(" ".join)


@FAST
@given(st.lists(_paragraph, min_size=1, max_size=6), st.lists(_paragraph, min_size=1, max_size=6))
def test_groups_cover_and_tile_on_random_documents(original: list[str], derivative: list[str]) -> None:
    _check_groups(align(original, derivative), original, derivative)


# --------------------------------------------------------------------------------------------
# Cases a review found
# --------------------------------------------------------------------------------------------


def test_a_refrain_rewritten_the_same_way_on_every_line_pairs_in_order() -> None:
    # Every line is like every other, so chance cannot tell pairs apart: order must.
    for count in (3, 8, 200):
        original, derivative = ["The cat sat on the mat today."] * count, ["The cat sat on a mat today."] * count
        result = compare(doc(*original), doc(*derivative))
        assert set(result.links) == {(k, k) for k in range(count)}


def test_scripts_without_spaces_and_one_word_headings_still_pair() -> None:
    chinese = compare(doc("我们今天去学校了，天气很好。"), doc("我们今天去公园了，天气不错。"))
    assert chinese.links == ((0, 0),)
    body = "Der Text ist lang und gut."
    heading = compare(doc("Intro.", "Quellen", body), doc("Intro.", "Quelle", body))
    assert (1, 1) in heading.links


def test_a_lone_unit_is_scored_against_a_few_candidates_only() -> None:
    # Unrelated documents whose rarest n-grams are still common: no probe may collect them all.
    texts = [f"the people of the land went up to the city number {k % 7}." for k in range(300)]
    sim = UnitSimilarity(texts, list(reversed(texts)))
    near = sim.nearest(range(300), range(300), probe_terms=16, max_posting=8, keep=4)
    assert all(len(found) <= 4 for found in near.values())


def test_a_long_stretch_without_anchors_can_be_cancelled() -> None:
    calls = 0

    def step() -> None:
        nonlocal calls
        calls += 1

    lines = [f"Line {k} of the log: the job ran and the job ended." for k in range(3000)]
    align_units(lines, [line.replace("ended", "stopped") for line in lines], step)
    assert calls >= 5  # a cancel check at least every few thousand units, inside the DP too


def test_alignment_reports_its_progress_in_order() -> None:
    seen: list[float] = []
    texts = [f"Sentence {k} tells of the harbour, the lanterns and orchard {k}." for k in range(40)]
    compare(doc(*texts), doc(*texts[::-1]), on_progress=seen.append)
    inside = [f for f in seen if 0 < f < 0.4]
    assert len(inside) >= 3  # the aligner's stages, before the word diffs
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_an_option_only_the_word_diffs_see_aligns_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffviewer.core import align as align_module
    from diffviewer.core.model import CompareOptions

    calls: list[int] = []
    real = align_module.align_units

    def counting(*args: object, **kwargs: object) -> list[Bead]:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(align_module, "align_units", counting)
    original, derivative = doc(*LIBRARY_ORIGINAL), doc(*LIBRARY_DERIVATIVE)
    plain = compare(original, derivative)
    ignoring = compare(original, derivative, CompareOptions(ignore_punctuation=True))
    assert len(calls) == 1  # the second comparison reused the alignment
    assert plain.links == ignoring.links
    # A paragraph that becomes a twin under an option does change the alignment: aligned again.
    twin_original, twin_derivative = (
        doc("The Ferry Sails.", *LIBRARY_ORIGINAL),
        doc("the ferry sails", *LIBRARY_DERIVATIVE),
    )
    compare(twin_original, twin_derivative)
    compare(twin_original, twin_derivative, CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert len(calls) == 3
    # And what is kept is what aligning again gives.
    align_module.forget_alignments()
    assert compare(original, derivative).links == plain.links
    assert len(calls) == 4


def test_the_alignment_is_the_same_when_few_units_are_kept_built(monkeypatch: pytest.MonkeyPatch) -> None:
    # The aligner keeps only the n-gram sets of units it read lately and rebuilds the others
    # (similarity.KEPT_UNITS, scoring.KEPT_SPANS): with one kept, every set is rebuilt again and
    # again, and the alignment must not change by a link. A rewrite with paragraphs moved, so
    # that moves, merges and the band are all read out of order.
    from pathlib import Path

    from diffviewer.core import align as align_module
    from diffviewer.core import scoring, similarity
    from diffviewer.formats import load

    samples = Path(__file__).parents[2] / "resources" / "samples"
    original = [p.text for p in load(samples / "original.txt").paragraphs]
    rewrite = [p.text for p in load(samples / "ai-rewrite.txt").paragraphs]
    derivative = rewrite[len(rewrite) // 2 :] + rewrite[: len(rewrite) // 2]
    align_module.forget_alignments()
    kept = align(original, derivative)
    align_module.forget_alignments()
    monkeypatch.setattr(similarity, "KEPT_UNITS", 1)
    monkeypatch.setattr(scoring, "KEPT_SPANS", 1)
    rebuilt = align(original, derivative)
    align_module.forget_alignments()
    assert len(kept.links) > 5
    assert rebuilt == kept


@pytest.mark.parametrize("swapped", [False, True])
def test_first_units_are_the_texts_the_alignment_featurises_first(
    monkeypatch: pytest.MonkeyPatch, swapped: bool
) -> None:
    # What a helper featurises for the alignment must be its first side's units exactly:
    # whichever document comes first (the alignment runs in one canonical direction), with
    # a paragraph that has a twin kept whole.
    original = ["The ferry leaves at nine. It returns at noon.", "A shared paragraph. Kept whole.", "Fares rise."]
    derivative = ["The ferry leaves at ten. It comes back at noon.", "A shared paragraph. Kept whole."]
    if swapped:
        original, derivative = derivative, original
    seen: list[list[str]] = []
    real = align_module.align_units

    def recording(a_texts: list[str], *args: Any, **kwargs: Any) -> Any:
        seen.append(list(a_texts))
        return real(a_texts, *args, **kwargs)

    monkeypatch.setattr(align_module, "align_units", recording)
    forget_alignments()
    align(original, derivative)
    assert seen == [first_units(original, derivative)]
    assert "A shared paragraph. Kept whole." in seen[0]
