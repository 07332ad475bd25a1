"""Rewording insight: each block's treatment and the document summary."""

from __future__ import annotations

import pytest

from diffviewer.core.compare import compare
from diffviewer.core.model import Treatment
from tests.core.helpers import doc


def treatments(original: list[str], derivative: list[str]) -> list[Treatment]:
    return [b.treatment for b in compare(doc(*original), doc(*derivative)).blocks]


def test_identical_after_normalising_is_copied() -> None:
    assert treatments(["Meta's memo said “no”."], ['meta’s memo said "no"']) == [Treatment.COPIED]


def test_a_few_words_changed_is_lightly_edited() -> None:
    original = "The council approved the harbour budget on Monday after a long debate about lanterns."
    derivative = "The council approved the harbour budget on Tuesday after a long debate about lanterns."
    assert treatments([original], [derivative]) == [Treatment.LIGHTLY_EDITED]


def test_a_paraphrase_is_reworded() -> None:
    original = "The council approved the harbour budget on Monday after a long debate about lanterns."
    derivative = "After arguing at length over lanterns, councillors signed off the harbour budget Monday."
    assert treatments([original], [derivative]) == [Treatment.REWORDED]


def test_unsourced_and_left_out_paragraphs_are_new_and_dropped() -> None:
    result = treatments(
        ["Harbour lanterns were repaired in spring by the council.", "Orchard grants doubled this year."],
        ["Harbour lanterns were repaired in spring by the council.", "Subscribe to our newsletter today!"],
    )
    assert sorted(result) == sorted([Treatment.COPIED, Treatment.NEW, Treatment.DROPPED])


def test_summary_shares_add_up_and_name_the_longest_verbatim_run() -> None:
    original = doc(
        "The council approved the harbour budget on Monday after a long debate about lanterns.",
        "Orchard grants doubled this year, the treasurer said.",
    )
    derivative = doc(
        "The council approved the harbour budget on Tuesday after a long debate about lanterns.",
        "Read more local news on our website every day.",
    )
    stats = compare(original, derivative).stats
    assert stats.original_verbatim + stats.original_reworded + stats.original_dropped == pytest.approx(1.0, abs=1e-3)
    assert stats.original_dropped == pytest.approx(8 / 22, abs=1e-3)  # the orchard paragraph
    assert stats.derivative_new == pytest.approx(9 / 23, abs=1e-3)  # the newsletter line
    assert stats.longest_verbatim_words == 7
    assert stats.longest_verbatim_text == "The council approved the harbour budget on"
