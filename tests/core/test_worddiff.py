"""Word diffs (core/worddiff.py): lossless for any text and options, a longest common
subsequence, and the private alphabet's limits."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import worddiff
from diffviewer.core.model import Change, ChangeOp, CompareOptions, Granularity
from diffviewer.core.worddiff import word_diff
from tests.core.helpers import option_sets


@given(st.text(), st.text(), option_sets)
def test_word_diff_rebuilds_both_sides(a: str, b: str, options: CompareOptions) -> None:
    changes = word_diff(a, b, options)
    assert "".join(c.original_side for c in changes) == a
    assert "".join(c.derivative_side for c in changes) == b


def test_character_granularity_shows_the_changed_letters_only() -> None:
    changes = word_diff(
        "the rigorous review", "the rigourous review", CompareOptions(granularity=Granularity.CHARACTER)
    )
    assert [c for c in changes if c.op is not ChangeOp.EQUAL] == [Change(ChangeOp.INSERT, "u")]
    word_changes = word_diff("the rigorous review", "the rigourous review")
    assert Change(ChangeOp.DELETE, "rigorous") in word_changes


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
