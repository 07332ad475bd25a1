from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import ChangeOp, Comparison
from diffviewer.core.tally import word_tally
from diffviewer.core.tokens import count_words
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


def _tally_by_walking_the_changes(comparison: Comparison) -> tuple[int, int, int, int]:
    """The tally counted change by change, as a reader would: the reference for the engine's."""
    kept = changed = added = removed = 0
    for block in comparison.blocks:
        changes = block.changes
        i = 0
        while i < len(changes):
            count = count_words(changes[i].text)
            if changes[i].moved is not None:
                # A moved phrase is kept words in another place: counted once, at its original end.
                kept += count if changes[i].op is ChangeOp.DELETE else 0
            elif changes[i].op is ChangeOp.EQUAL:
                kept += count
            elif (
                changes[i].op is ChangeOp.DELETE
                and i + 1 < len(changes)
                and changes[i + 1].op is ChangeOp.INSERT
                and changes[i + 1].moved is None
            ):
                inserted = count_words(changes[i + 1].text)
                changed += min(count, inserted)
                removed += count - min(count, inserted)
                added += inserted - min(count, inserted)
                i += 1
            elif changes[i].op is ChangeOp.DELETE:
                removed += count
            else:
                added += count
            i += 1
    return kept, changed, added, removed


paragraphs = st.lists(st.sampled_from(["the", "budget", "Meta", "said", "2024", ",", ".", "tough", "memo"]), min_size=1)
documents = st.lists(paragraphs.map(" ".join), max_size=8)


@settings(max_examples=80, deadline=None)
@given(documents, documents)
def test_the_engines_tally_matches_a_walk_over_the_changes(a: list[str], b: list[str]) -> None:
    comparison = compare(doc(*a), doc(*b))
    tally = word_tally(comparison)
    assert (tally.kept, tally.changed, tally.added, tally.removed) == _tally_by_walking_the_changes(comparison)
