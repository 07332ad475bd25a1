"""Hypothesis properties of the core: lossless tokens and diffs, partition, symmetry."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import worddiff
from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, Change, ChangeOp, CompareOptions, Granularity
from diffviewer.core.tokens import count_words, tokenize
from diffviewer.core.worddiff import word_diff
from tests.core.helpers import doc, option_sets

VOCAB = [
    "the",
    "memo",
    "Meta",
    "open",
    "source",
    "safety",
    "models",
    "Llama",
    "said",
    "wrote",
    "AI",
    "2024",
    "café",
    "naïve",
    "—",
    ",",
    ".",
    "“",
    "”",
    "don't",
    "open-source",
    "-",
    "'",
    "’",
    "超",
    "😀",
]
paragraph_text = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=25).map(" ".join)
documents = st.lists(paragraph_text, min_size=0, max_size=12)


@given(st.text())
def test_tokens_join_back_to_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.start + len(t.text)] == t.text for t in tokens)


@given(st.text(), st.text(), option_sets)
def test_word_diff_rebuilds_both_sides(a: str, b: str, options: CompareOptions) -> None:
    changes = word_diff(a, b, options)
    assert "".join(c.original_side for c in changes) == a
    assert "".join(c.derivative_side for c in changes) == b


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


def test_character_granularity_shows_the_changed_letters_only() -> None:
    changes = word_diff(
        "the rigorous review", "the rigourous review", CompareOptions(granularity=Granularity.CHARACTER)
    )
    assert [c for c in changes if c.op is not ChangeOp.EQUAL] == [Change(ChangeOp.INSERT, "u")]
    word_changes = word_diff("the rigorous review", "the rigourous review")
    assert Change(ChangeOp.DELETE, "rigorous") in word_changes


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


def test_ignored_case_keeps_each_sides_own_text() -> None:
    changes = word_diff("The Memo", "the memo", CompareOptions(ignore_case=True))
    assert changes == (Change(ChangeOp.EQUAL, "The Memo", "the memo"),)


_token_strings = st.text(alphabet="abcde \U000f0000\U000f0001", max_size=80)


@settings(max_examples=300, deadline=None)
@given(_token_strings, _token_strings)
def test_the_token_diff_keeps_a_longest_common_subsequence(a: str, b: str) -> None:
    # The diff runs on strings of one character per token: rapidfuzz's LCS must keep as many
    # tokens as diff_match_patch's own diff_main without a time limit (an exact Myers diff), and
    # rebuild both sides.
    from diff_match_patch import diff_match_patch

    from diffviewer.core.worddiff import token_diff

    exact = diff_match_patch()
    exact.Diff_Timeout = 0
    fast = token_diff(a, b)
    assert "".join(t for op, t in fast if op <= 0) == a
    assert "".join(t for op, t in fast if op >= 0) == b
    kept = sum(len(t) for op, t in fast if op == 0)
    assert kept == sum(len(t) for op, t in exact.diff_main(a, b, False) if op == 0)
    # Merged as diff_match_patch's cleanups expect: no two runs of one kind in a row, nothing empty.
    assert all(t for _, t in fast)
    assert all(x[0] != y[0] for x, y in zip(fast, fast[1:], strict=False))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcXYZ .,", max_size=60), st.text(alphabet="abcXYZ .,", max_size=60), option_sets)
def test_tokens_beyond_the_private_alphabet_still_diff_losslessly(a: str, b: str, options: CompareOptions) -> None:
    # With room for only 3 distinct tokens, most tokens share characters: still lossless.
    with patch.object(worddiff, "_ALPHABET_SIZE", 3):
        changes = word_diff(a, b, options)
    assert "".join(c.original_side for c in changes) == a
    assert "".join(c.derivative_side for c in changes) == b


def test_tokens_sharing_a_character_are_never_called_equal() -> None:
    options = CompareOptions(ignore_case=True)
    with patch.object(worddiff, "_ALPHABET_SIZE", 2):
        changes = word_diff("Alpha beta delta", "alpha gamma epsilon", options)
    deleted = " ".join(c.text for c in changes if c.op is ChangeOp.DELETE)
    inserted = " ".join(c.text for c in changes if c.op is ChangeOp.INSERT)
    assert "beta" in deleted and "delta" in deleted and "gamma" in inserted and "epsilon" in inserted
    # Equal runs differ at most in case, which the options ignore.
    assert all(c.original_side.casefold() == c.derivative_side.casefold() for c in changes if c.op is ChangeOp.EQUAL)


def test_minified_data_with_more_tokens_than_the_alphabet_compares() -> None:
    a = ",".join(str(100_000 + n) for n in range(140_000))
    b = a.replace("100077", "999999")
    changes = word_diff(a, b)
    assert [(c.op, c.text) for c in changes if c.op is not ChangeOp.EQUAL] == [
        (ChangeOp.DELETE, "100077"),
        (ChangeOp.INSERT, "999999"),
    ]
