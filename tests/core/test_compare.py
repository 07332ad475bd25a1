"""compare() as a whole (core/compare.py): every paragraph in one block, blocks rebuild the text,
symmetry, and what the options ignore."""

from __future__ import annotations

from hypothesis import given, settings

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, CompareOptions
from diffviewer.core.tokens import count_words
from tests.core.helpers import doc, documents, option_sets


@settings(max_examples=60, deadline=None)
@given(documents, documents, option_sets)
def test_every_paragraph_in_exactly_one_block_and_blocks_rebuild_text(
    a: list[str], b: list[str], options: CompareOptions
) -> None:
    original, derivative = doc(*a), doc(*b)
    result = compare(original, derivative, options)
    seen_a = [i for block in result.blocks for i in block.original]
    seen_b = [j for block in result.blocks for j in block.derivative]
    assert sorted(seen_a) == list(range(len(a)))
    assert sorted(seen_b) == list(range(len(b)))
    for block in result.blocks:
        assert "".join(c.original_side for c in block.changes) == "\n".join(a[i] for i in block.original)
        assert "".join(c.derivative_side for c in block.changes) == "\n".join(b[j] for j in block.derivative)
    # The totals come from the blocks' tallies: they must count each document's words exactly.
    assert result.stats.words_original == sum(count_words(text) for text in a)
    assert result.stats.words_derivative == sum(count_words(text) for text in b)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_comparing_a_document_with_itself_changes_nothing(a: list[str]) -> None:
    result = compare(doc(*a), doc(*a))
    assert all(block.kind is BlockKind.EQUAL for block in result.blocks)
    assert all(block.original == block.derivative for block in result.blocks)
    assert result.stats.words_inserted == result.stats.words_deleted == 0


@settings(max_examples=60, deadline=None)
@given(documents, documents, option_sets)
def test_swapping_sides_swaps_inserts_and_deletes(a: list[str], b: list[str], options: CompareOptions) -> None:
    forward = compare(doc(*a), doc(*b), options)
    backward = compare(doc(*b), doc(*a), options)
    assert forward.stats.words_inserted == backward.stats.words_deleted
    assert forward.stats.words_deleted == backward.stats.words_inserted
    assert forward.stats.paragraphs_inserted == backward.stats.paragraphs_deleted
    assert forward.stats.paragraphs_deleted == backward.stats.paragraphs_inserted


@given(documents, option_sets)
def test_differences_the_options_ignore_are_no_changes(a: list[str], options: CompareOptions) -> None:
    # The derivative differs from the original only in what the options ignore.
    def disguise(text: str) -> str:
        if options.ignore_case:
            text = text.upper()
        if options.ignore_punctuation:
            text = text.replace(",", ";").replace(" .", "")
        if options.ignore_whitespace:
            text = text.replace(" ", "  ")
        return text

    result = compare(doc(*a), doc(*[disguise(t) for t in a]), options)
    assert result.stats.words_inserted == result.stats.words_deleted == 0
    assert all(block.kind is BlockKind.EQUAL for block in result.blocks)
