"""Pygments lexing and colours for code documents: lossless tokens, spans, themes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pygments.token import Token

from diffviewer.core.syntax import SyntaxTheme, class_spans, highlight, is_markup, lex

LANGUAGES = ["python", "json", "markdown", "rst", "yaml", "c", "html", "text", "no-such-language", None]


@given(st.text(), st.sampled_from(LANGUAGES))
def test_lexer_tokens_join_back_to_the_text(text: str, language: str | None) -> None:
    tokens = lex(text, language)
    assert "".join(piece for _, piece in tokens) == text
    assert all(piece for _, piece in tokens)


@given(st.text(), st.sampled_from(LANGUAGES))
def test_class_spans_are_ordered_disjoint_and_never_blank(text: str, language: str | None) -> None:
    spans = class_spans(text, language)
    position = 0
    for span in spans:
        assert position <= span.start < span.end <= len(text)
        assert span.css_class and not text[span.start : span.end].isspace()
        position = span.end


def test_a_paragraph_without_a_final_newline_is_lexed_like_a_whole_file() -> None:
    # Markdown headings need their line's newline; a paragraph's last line has none.
    assert [str(kind) for kind, _ in lex("# A heading", "markdown")] == ["Token.Generic.Heading"]
    assert lex("x = 1", "python")[-1][1] == "1"
    assert lex("x = 1\n", "python")[-1][1] == "\n"


def test_classes_and_colours_for_each_theme() -> None:
    assert [(s.start, s.end, s.css_class) for s in class_spans('def f(): return "a b"', "python")] == [
        (0, 3, "k"),
        (4, 5, "nf"),
        (5, 8, "p"),
        (9, 15, "k"),
        (16, 21, "s2"),
    ]
    light = highlight("def f(): pass", "python", SyntaxTheme.LIGHT)
    dark = highlight("def f(): pass", "python", SyntaxTheme.DARK)
    assert (light[0].start, light[0].end) == (dark[0].start, dark[0].end) == (0, 3)  # "def" in both
    assert light[0].style.color != dark[0].style.color


def test_markup_languages_are_told_apart_from_programs() -> None:
    assert is_markup("markdown") and is_markup("rst") and is_markup("RST")
    assert not is_markup("python") and not is_markup(None)


def test_giant_lines_and_blocks_are_not_lexed() -> None:
    # The INI lexer is quadratic on a long line (9 s for 60 kB): such text is one plain token.
    line = "key = " + "a: " * 20_000
    assert lex(line, "ini") == [(Token.Text, line)]
    assert highlight(line, "ini", SyntaxTheme.LIGHT) == ()
    assert len(lex("key = value\n" * 10, "ini")) > 1  # ordinary code is still lexed
