from __future__ import annotations

from diffviewer.core.compare import compare
from diffviewer.core.tally import word_tally
from tests.core.helpers import doc


def test_tally_separates_replaced_added_and_removed_words() -> None:
    original = doc("The committee approved the rigorous budget on Monday.", "This paragraph was dropped entirely.")
    derivative = doc("The committee approved the tough budget on Monday after all.")
    tally = word_tally(compare(original, derivative))
    assert tally.changed == 1  # rigorous -> tough
    assert tally.added == 2  # "after all"
    assert tally.removed == 5  # the dropped paragraph
    assert tally.kept == 7


def test_tally_of_identical_documents_keeps_every_word() -> None:
    original = doc("One two three.", "Four five.")
    tally = word_tally(compare(original, original))
    assert (tally.kept, tally.changed, tally.added, tally.removed) == (5, 0, 0, 0)
