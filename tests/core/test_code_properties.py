"""Hypothesis properties of code diff units on generated code-like text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import (
    BlockKind,
    Change,
    ChangeOp,
    CompareOptions,
    Granularity,
)
from diffviewer.core.units import code_units, diff_units
from diffviewer.core.worddiff import word_diff
from tests.core.helpers import code, option_sets

FRAGMENTS = [
    "def", "return", "if", "for", "in", "class", "import", "total", "subtotal", "items", "item", "self", "x",
    "price", "_private", "CamelCase", " ", "  ", "    ", "\n", "\n    ", "\t", "(", ")", "[", "]", "{", "}",
    ":", ",", ".", "=", "==", "+=", "-", "->", "*", "**", "0", "1.5", "2024", "0x1f", '"', "'", '"a b c"',
    "'it''s'", '"“quoted” words"', "# a comment here", "// note", "/* block */", "`code`", "<tag>", "café",
    "naïve", "超", "😀", "\\", "@decorator", "true", "null", "- item", "> quote", "## Heading", "key: value",
]  # fmt: skip
LANGUAGES = ["python", "json", "markdown", "rst", "yaml", "c", "javascript", "text", "no-such-language", None]

code_text = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=40).map("".join)
# A paragraph of a code document: never a blank line inside (the loader cuts blocks there).
code_paragraph = code_text.map(lambda t: "\n".join(line for line in t.split("\n") if line.strip())).filter(bool)
code_documents = st.lists(code_paragraph, min_size=0, max_size=8)
languages = st.sampled_from(LANGUAGES)


def swapped(changes: tuple[Change, ...]) -> list[Change]:
    """The changes as seen from the other side: inserts and deletes swapped, deletes first."""
    out: list[Change] = []
    run: list[Change] = []

    def flush() -> None:
        out.extend(c for c in run if c.op is ChangeOp.DELETE)
        out.extend(c for c in run if c.op is ChangeOp.INSERT)
        run.clear()

    for change in changes:
        if change.op is ChangeOp.EQUAL:
            flush()
            out.append(
                change
                if change.derivative_text is None
                else Change(ChangeOp.EQUAL, change.derivative_side, change.text)
            )
        else:
            run.append(Change(ChangeOp.INSERT if change.op is ChangeOp.DELETE else ChangeOp.DELETE, change.text))
    flush()
    return out


@given(st.one_of(st.text(), code_text), languages, st.sampled_from(Granularity))
def test_code_units_join_back_to_the_text(text: str, language: str | None, granularity: Granularity) -> None:
    assert "".join(diff_units(text, language, granularity)) == text
    if language is not None:
        assert "".join(code_units(text, language)) == text
        assert all(unit for unit in code_units(text, language))


@given(code_text, code_text, languages, languages, option_sets)
def test_code_diffs_rebuild_both_sides(
    a: str, b: str, a_language: str | None, b_language: str | None, options: CompareOptions
) -> None:
    changes = word_diff(a, b, options, a_language, b_language)
    assert "".join(c.original_side for c in changes) == a
    assert "".join(c.derivative_side for c in changes) == b


@given(code_text, code_text, languages, languages, option_sets)
def test_swapping_sides_of_a_code_diff_swaps_inserts_and_deletes(
    a: str, b: str, a_language: str | None, b_language: str | None, options: CompareOptions
) -> None:
    forward = word_diff(a, b, options, a_language, b_language)
    backward = word_diff(b, a, options, b_language, a_language)
    assert list(backward) == swapped(forward)


@settings(max_examples=60, deadline=None)
@given(code_documents, languages)
def test_comparing_code_with_itself_changes_nothing(texts: list[str], language: str | None) -> None:
    result = compare(code(*texts, language=language), code(*texts, language=language))
    assert all(block.kind is BlockKind.EQUAL for block in result.blocks)
    assert all(change.op is ChangeOp.EQUAL for block in result.blocks for change in block.changes)


@settings(max_examples=60, deadline=None)
@given(code_documents, code_documents, languages, option_sets)
# Found by the property: a kept run with a word on one side only ("(def" kept as '"' when
# punctuation is ignored) paired the blocks one way round and not the other.
@example(
    ["defdef@decoratordef", "defreturn", '"'],
    ["return@decorator", "(def"],
    "yaml",
    CompareOptions(ignore_punctuation=True, granularity=Granularity.WORD),
)
@example(
    ["defdef", "def (return"],
    ['"defdefreturn"a b c"'],
    "yaml",
    CompareOptions(ignore_punctuation=True, granularity=Granularity.WORD),
)
def test_code_comparisons_partition_rebuild_and_swap(
    a: list[str], b: list[str], language: str | None, options: CompareOptions
) -> None:
    forward = compare(code(*a, language=language), code(*b, language=language), options)
    for block in forward.blocks:
        assert "".join(c.original_side for c in block.changes) == "\n".join(a[i] for i in block.original)
        assert "".join(c.derivative_side for c in block.changes) == "\n".join(b[j] for j in block.derivative)
    assert sorted(i for block in forward.blocks for i in block.original) == list(range(len(a)))
    assert sorted(j for block in forward.blocks for j in block.derivative) == list(range(len(b)))
    backward = compare(code(*b, language=language), code(*a, language=language), options)
    assert forward.stats.words_inserted == backward.stats.words_deleted
    assert forward.stats.words_deleted == backward.stats.words_inserted
