"""Code comparisons: lexer tokens as diff units, blocks of code aligned, prose checks kept off."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffviewer.core import units
from diffviewer.core.compare import compare
from diffviewer.core.model import (
    BlockKind,
    Change,
    ChangeOp,
    CompareOptions,
    Comparison,
    Document,
    DocumentFormat,
    Granularity,
    Paragraph,
    QuoteStatus,
    Treatment,
)
from diffviewer.core.tokens import count_words
from diffviewer.core.units import code_units, diff_units
from diffviewer.core.worddiff import word_diff
from diffviewer.formats import MarkupView, load
from tests.core.helpers import code

DATA = Path(__file__).resolve().parents[1] / "data" / "code"


def edits(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    return [(str(c.op), c.text) for c in changes if c.op is not ChangeOp.EQUAL]


def pair(name: str, markup: MarkupView = MarkupView.TEXT) -> Comparison:
    return compare(load(DATA / f"original.{name}", markup=markup), load(DATA / f"derivative.{name}", markup=markup))


def rebuilds(comparison: Comparison) -> bool:
    for block in comparison.blocks:
        a = "\n".join(comparison.original.paragraphs[i].text for i in block.original)
        b = "\n".join(comparison.derivative.paragraphs[j].text for j in block.derivative)
        if "".join(c.original_side for c in block.changes) != a:
            return False
        if "".join(c.derivative_side for c in block.changes) != b:
            return False
    return True


# --- diff units ---------------------------------------------------------------------------


def test_code_units_are_lexer_tokens_with_strings_and_comments_split_into_words() -> None:
    text = 'x = a-b == 1.5  # the sum\ns = "hello world"'
    assert code_units(text, "python") == (
        ["x", " ", "=", " ", "a", "-", "b", " ", "==", " ", "1.5", "  ", "#", " ", "the", " ", "sum", "\n"]
        + ["s", " ", "=", " ", '"', "hello", " ", "world", '"']
    )
    # Prose tokens would glue `a-b` into one word and split `==` and `1.5`.
    assert "a-b" in diff_units(text, None, Granularity.WORD)


def test_line_breaks_are_units_apart_from_the_indentation() -> None:
    assert code_units("if x:\n        y()", "python") == ["if", " ", "x", ":", "\n", "        ", "y", "(", ")"]


def test_markup_prose_is_split_into_words() -> None:
    assert code_units("# A new heading\nSome *words* here.", "markdown") == [
        "#", " ", "A", " ", "new", " ", "heading", "\n", "Some", " ", "*", "words", "*", " ", "here", ".",
    ]  # fmt: skip


def test_character_granularity_on_code_keeps_line_breaks_apart() -> None:
    assert diff_units("ab\n  c", "python", Granularity.CHARACTER) == ["a", "b", "\n", "  ", "c"]
    assert diff_units("ab\n  c", None, Granularity.CHARACTER) == ["a", "b", "\n  ", "c"]


# --- word diffs of code --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("call(old_name, 2)", "call(new_name, 2)"),
        ("self.old_name.x = 1", "self.new_name.x = 1"),
        ("old_name", "new_name"),
        ('{"old_name": 1}', '{"new_name": 1}'),
    ],
)
def test_a_renamed_identifier_is_one_replacement_of_that_identifier(before: str, after: str) -> None:
    language = "json" if before.startswith("{") else "python"
    changes = word_diff(before, after, CompareOptions(), language, language)
    assert edits(changes) == [("delete", "old_name"), ("insert", "new_name")]


def test_each_use_of_a_renamed_identifier_is_its_own_replacement() -> None:
    changes = word_diff("y = total+total", "y = acc+acc", CompareOptions(), "python", "python")
    assert edits(changes) == [("delete", "total"), ("insert", "acc")] * 2


def test_an_operator_change_is_a_token_change() -> None:
    changes = word_diff("x = a-b", "x = a+b", CompareOptions(), "python", "python")
    assert edits(changes) == [("delete", "-"), ("insert", "+")]
    # As prose, `a-b` is one hyphenated word.
    assert edits(word_diff("x = a-b", "x = a+b")) == [("delete", "a-b"), ("insert", "a+b")]


def test_edits_inside_strings_and_comments_are_word_level() -> None:
    before = 'raise ValueError("the rate must be between 0 and 1")  # keep it simple'
    after = 'raise ValueError("the rate must lie between 0 and 1")  # keep it short'
    changes = word_diff(before, after, CompareOptions(), "python", "python")
    assert edits(changes) == [("delete", "be"), ("insert", "lie"), ("delete", "simple"), ("insert", "short")]


def test_ignored_spacing_makes_a_reindented_block_equal() -> None:
    before, after = "if x:\n    y = 1", "if x:\n        y  =  1"
    assert edits(word_diff(before, after, CompareOptions(), "python", "python")) != []
    changes = word_diff(before, after, CompareOptions(ignore_whitespace=True), "python", "python")
    assert edits(changes) == []
    assert "".join(c.derivative_side for c in changes) == after


def test_ignored_case_on_code() -> None:
    changes = word_diff("SELECT name FROM t", "select name from t", CompareOptions(ignore_case=True), "sql", "sql")
    assert edits(changes) == []


def test_character_granularity_shows_the_changed_letters_of_an_identifier() -> None:
    options = CompareOptions(granularity=Granularity.CHARACTER)
    changes = word_diff("subtotal = 0", "subtitle = 0", options, "python", "python")
    assert edits(changes) == [("delete", "otal"), ("insert", "itle")]
    words = word_diff("subtotal = 0", "subtitle = 0", CompareOptions(), "python", "python")
    assert edits(words) == [("delete", "subtotal"), ("insert", "subtitle")]


def test_each_side_is_lexed_in_its_own_language() -> None:
    # The original is Python (`a-b` is three tokens), the derivative prose (`a-b` is one word),
    # so the two spellings of `a-b` do not match, while `x` and `y` are tokens on both sides.
    changes = word_diff("y = a-b", "x = a-b", CompareOptions(), "python", None)
    assert edits(changes) == [("delete", "y"), ("insert", "x"), ("delete", "a-b"), ("insert", "a-b")]
    swapped = word_diff("x = a-b", "y = a-b", CompareOptions(), None, "python")
    assert edits(swapped) == [("delete", "x"), ("insert", "y"), ("delete", "a-b"), ("insert", "a-b")]


def test_equal_blocks_are_never_lexed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = units.lex

    def counting(text: str, language: str | None):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text, language)

    monkeypatch.setattr(units, "lex", counting)
    source = load(DATA / "original.py")
    result = compare(source, source)
    assert all(block.kind is BlockKind.EQUAL for block in result.blocks)
    assert calls == []
    compare(source, load(DATA / "derivative.py"))
    assert calls  # lexed when there is something to diff


# --- the Python pair -----------------------------------------------------------------------


def test_python_pair_blocks() -> None:
    result = pair("py")
    assert result.original.language == "python" and result.original.format is DocumentFormat.CODE
    kinds = [(b.kind, b.original, b.derivative) for b in result.blocks]
    assert kinds == [
        (BlockKind.EQUAL, (0,), (0,)),  # module docstring
        (BlockKind.EQUAL, (1,), (1,)),  # import
        (BlockKind.REWRITE, (2,), (2,)),  # total_price: a renamed local
        (BlockKind.REWRITE, (4,), (3,)),  # apply_discount: an edited message
        (BlockKind.EQUAL, (5,), (4,)),  # load_items
        (BlockKind.MOVED, (3,), (5,)),  # format_report, moved to the end
    ]
    assert rebuilds(result)


def test_python_pair_renamed_identifier_is_replaced_at_each_use_and_nowhere_else() -> None:
    block = pair("py").blocks[2]
    assert edits(block.changes) == [("delete", "subtotal"), ("insert", "running")] * 3
    assert block.treatment is Treatment.LIGHTLY_EDITED


def test_python_pair_edited_string_is_one_word() -> None:
    block = pair("py").blocks[3]
    assert edits(block.changes) == [("delete", "be"), ("insert", "lie")]
    original_text = "".join(c.original_side for c in block.changes)
    assert '"the rate must be between 0 and 1"' in original_text


def test_python_pair_moved_function_is_a_copied_move() -> None:
    moved = pair("py").blocks[-1]
    assert moved.kind is BlockKind.MOVED and moved.similarity == 1.0
    assert moved.treatment is Treatment.COPIED
    assert moved.changes[0].text.startswith("def format_report(items):")
    assert pair("py").stats.paragraphs_moved == 1


def test_programs_get_no_quotation_or_changed_fact_checks() -> None:
    original = code('MESSAGE = "He said “we will ship in 2024” at Meta"', "TIMEOUT = 30")
    derivative = code('MESSAGE = "He said “we never ship” at Lilama"', "TIMEOUT = 60")
    result = compare(original, derivative)
    assert result.quotes == () and result.changed_facts == ()
    # The same words as prose are checked.
    prose = compare(
        Document("a.txt", DocumentFormat.TEXT, original.paragraphs),
        Document("b.txt", DocumentFormat.TEXT, derivative.paragraphs),
    )
    assert prose.quotes and prose.changed_facts


def test_an_operator_change_in_code_is_not_a_copy() -> None:
    (block,) = compare(code("total = price - discount"), code("total = price + discount")).blocks
    assert block.kind is BlockKind.REWRITE and block.treatment is not Treatment.COPIED


def test_renamed_function_still_pairs_as_a_rewrite() -> None:
    body = "    total = 0\n    for item in items:\n        total += item.price\n    return total"
    original = code("import os", f"def basket_total(items):\n{body}", "def other():\n    return os.sep")
    derivative = code("import os", f"def cart_total(items):\n{body}", "def other():\n    return os.sep")
    blocks = compare(original, derivative).blocks
    assert [(b.kind, b.original, b.derivative) for b in blocks] == [
        (BlockKind.EQUAL, (0,), (0,)),
        (BlockKind.REWRITE, (1,), (1,)),
        (BlockKind.EQUAL, (2,), (2,)),
    ]
    assert edits(blocks[1].changes) == [("delete", "basket_total"), ("insert", "cart_total")]


# --- the JSON pair -------------------------------------------------------------------------


def test_json_pair_changed_value_renamed_key_and_moved_object() -> None:
    result = pair("json")
    assert result.original.language == "json"
    by_kind = [(b.kind, b.original, b.derivative, edits(b.changes)) for b in result.blocks]
    assert by_kind == [
        (BlockKind.REWRITE, (0,), (0,), [("delete", "30"), ("insert", "60")]),  # a changed value
        (BlockKind.EQUAL, (2,), (1,), []),  # "repository"
        (BlockKind.MOVED, (1,), (2,), [("delete", "email"), ("insert", "mail")]),  # moved, a key renamed
        (BlockKind.EQUAL, (3,), (3,), []),
    ]
    assert rebuilds(result)


# --- the Markdown pair ---------------------------------------------------------------------


def test_markdown_source_view_diffs_heading_and_sentence_with_markup_tokens() -> None:
    result = pair("md", MarkupView.SOURCE)
    assert result.original.format is DocumentFormat.CODE and result.original.language == "markdown"
    heading, sentence, *rest = result.blocks
    assert edits(heading.changes) == [("insert", " for 0.2")]
    assert heading.changes[0].text == "# Release notes"
    # The emphasis marks stay equal tokens around the replaced word.
    assert edits(sentence.changes) == [("delete", "derivatives"), ("insert", "rewrites")]
    assert "**" in "".join(c.text for c in sentence.changes if c.op is ChangeOp.EQUAL)
    assert all(b.kind is BlockKind.EQUAL for b in rest)
    assert rebuilds(result)


def test_markdown_text_view_diffs_the_words_without_markup() -> None:
    result = pair("md", MarkupView.TEXT)
    assert result.original.format is DocumentFormat.MARKDOWN and result.original.language is None
    heading, sentence, *_ = result.blocks
    assert heading.changes[0].text == "Release notes"
    assert edits(sentence.changes) == [("delete", "derivatives"), ("insert", "rewrites")]
    assert "**" not in "".join(c.text for c in sentence.changes)


def test_markup_change_shows_in_source_view_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("An *important* step.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("An **important** step.\n", encoding="utf-8")

    def blocks(markup: MarkupView) -> list[list[tuple[str, str]]]:
        result = compare(load(tmp_path / "a.md", markup=markup), load(tmp_path / "b.md", markup=markup))
        return [edits(b.changes) for b in result.blocks]

    assert blocks(MarkupView.SOURCE) == [[("insert", "*"), ("insert", "*")]]
    assert blocks(MarkupView.TEXT) == [[]]


def test_markdown_source_keeps_the_quotation_check() -> None:
    original = code("The mayor spoke about the harbour.", language="markdown")
    derivative = code('The mayor said "we will rebuild the harbour by May".', language="markdown")
    (quote,) = compare(original, derivative).quotes
    assert quote.status is QuoteStatus.UNSOURCED


def test_a_moved_and_edited_function_is_still_a_move() -> None:
    original = load(DATA / "original.py")
    edited = load(DATA / "derivative.py").paragraphs
    renamed = edited[5].text.replace("lines = [", "rows = [").replace("join(lines)", "join(rows)")
    derivative = Document(
        "b.py", DocumentFormat.CODE, (*edited[:5], Paragraph(5, renamed, line=edited[5].line)), language="python"
    )
    moved = compare(original, derivative).blocks[-1]
    assert (moved.kind, moved.original, moved.derivative) == (BlockKind.MOVED, (3,), (5,))
    assert edits(moved.changes) == [("delete", "lines"), ("insert", "rows")] * 2


def test_ignored_punctuation_on_code_ignores_operators() -> None:
    changes = word_diff("x = a-b", "x = a+b", CompareOptions(ignore_punctuation=True), "python", "python")
    assert edits(changes) == []
    assert "".join(c.derivative_side for c in changes) == "x = a+b"


def test_program_blocks_link_only_to_their_own_partners() -> None:
    # Blocks of a program share identifiers everywhere but never a sentence: the link map gets
    # no secondary overlap links between neighbouring blocks, only each block's own pairs.
    comparison = pair("py")
    in_blocks = {(i, j) for block in comparison.blocks for i in block.original for j in block.derivative}
    assert comparison.links and set(comparison.links) <= in_blocks


def test_a_documents_word_count_does_not_depend_on_what_it_is_compared_with() -> None:
    # Lexer tokens cut "a-b" in three; the totals still count the file's own words.
    original = code("x = a-b\ny = foo.bar")
    for other in (original, code("x = a+b\ny = foo.baz"), code("")):
        assert compare(original, other).stats.words_original == count_words("x = a-b\ny = foo.bar")
