"""Syntax of code documents with Pygments: lossless lexer tokens and colour spans per theme.

Qt-free on purpose: the window and the HTML report paint the same spans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import STANDARD_TYPES, Token, _TokenType
from pygments.util import ClassNotFound

K = TypeVar("K")


class SyntaxTheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


# Markup languages: their documents are prose written in a syntax, not programs (see is_markup).
MARKUP_LANGUAGES = frozenset({"markdown", "md", "rst", "rest", "restructuredtext"})

# Styles chosen for contrast on a plain light / dark base, where translucent diff tints go on top.
STYLE_FOR_THEME = {SyntaxTheme.LIGHT: "default", SyntaxTheme.DARK: "github-dark"}


@dataclass(frozen=True, slots=True)
class TextStyle:
    color: str | None = None  # "#rrggbb", or None for the pane's own text colour
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class SyntaxSpan:
    """Code points [start, end) of a text drawn in one style."""

    start: int
    end: int
    style: TextStyle


def is_markup(language: str | None) -> bool:
    """True for the Pygments alias of a markup language (Markdown, reStructuredText)."""
    return language is not None and language.lower() in MARKUP_LANGUAGES


# Past these sizes a block is not lexed (see lex()); blocks of real code are far smaller.
MAX_LEX_CHARACTERS = 100_000
MAX_LEX_LINE = 2_000


@lru_cache(maxsize=64)
def lexer_for(language: str) -> Lexer | None:
    """A lexer that leaves the text as it is (no stripping, no added newline), or None."""
    try:
        return get_lexer_by_name(language, stripnl=False, stripall=False, ensurenl=False, tabsize=0)
    except ClassNotFound:
        return None


def lex(text: str, language: str | None) -> list[tuple[_TokenType, str]]:
    """Lexer tokens whose texts join back to `text` exactly; one Text token when that cannot be."""
    lexer = lexer_for(language) if language else None
    if lexer is None or not text:
        return [(Token.Text, text)] if text else []
    if len(text) > MAX_LEX_CHARACTERS or max(map(len, text.split("\n"))) > MAX_LEX_LINE:
        # Some lexers are quadratic on long lines (INI on a 60 kB line: 9 s): minified data and
        # giant blocks are diffed as words and shown without colours instead.
        return [(Token.Text, text)]
    # Lexers are written for whole files, whose lines end in a newline: a paragraph's last line
    # lacks one, and rules such as Markdown's headings (`^#.+\n`) then miss it. Lex with the
    # newline, then take it off the last token again.
    tokens = [(kind, piece) for kind, piece in lexer.get_tokens(text + "\n") if piece]
    if "".join(piece for _, piece in tokens) != text + "\n":  # a lexer that rewrote its input
        return [(Token.Text, text)]
    kind, last = tokens.pop()
    if last != "\n":
        tokens.append((kind, last[:-1]))
    return tokens


def css_class(kind: _TokenType) -> str:
    """The short class Pygments' own HTML formatter uses ('k', 's2', 'c1'...), walking up parents."""
    while kind not in STANDARD_TYPES and kind.parent is not None:
        kind = kind.parent
    return STANDARD_TYPES.get(kind, "")


@lru_cache(maxsize=4)
def _style(theme: SyntaxTheme) -> StyleMeta:
    return get_style_by_name(STYLE_FOR_THEME[theme])


@lru_cache(maxsize=1024)
def token_style(kind: _TokenType, theme: SyntaxTheme) -> TextStyle:
    found = _style(theme).style_for_token(kind)
    color = found.get("color")
    return TextStyle(f"#{color}" if color else None, bool(found.get("bold")), bool(found.get("italic")))


def _runs(text: str, language: str | None, key: Callable[[_TokenType], K | None]) -> list[tuple[int, int, K]]:
    """(start, end, key) of the tokens with a key, neighbours with the same key joined; spaces and
    tokens without a key (plain text) are left out."""
    runs: list[tuple[int, int, K]] = []
    position = 0
    for kind, piece in lex(text, language):
        end = position + len(piece)
        value = key(kind)
        if value is not None and not piece.isspace():
            if runs and runs[-1][1] == position and runs[-1][2] == value:
                runs[-1] = (runs[-1][0], end, value)  # '"', 'text', '"' of a string: one span
            else:
                runs.append((position, end, value))
        position = end
    return runs


def highlight(text: str, language: str | None, theme: SyntaxTheme) -> tuple[SyntaxSpan, ...]:
    """Spans covering every coloured token of `text` (plain tokens are left out)."""

    def style(kind: _TokenType) -> TextStyle | None:
        found = token_style(kind, theme)
        return None if found == TextStyle() else found

    return tuple(SyntaxSpan(start, end, found) for start, end, found in _runs(text, language, style))


@dataclass(frozen=True, slots=True)
class ClassSpan:
    """Code points [start, end) of a text in one Pygments token class ('k', 's2', 'c1'...)."""

    start: int
    end: int
    css_class: str


def class_spans(text: str, language: str | None) -> tuple[ClassSpan, ...]:
    """Spans of `text` by token class, for HTML styled by a stylesheet rather than one theme.

    Unlike highlight(), neighbours merge only when their classes match, so a light and a dark
    stylesheet can each colour them their own way.
    """
    return tuple(ClassSpan(*run) for run in _runs(text, language, lambda kind: css_class(kind) or None))


__all__ = [
    "MARKUP_LANGUAGES",
    "STYLE_FOR_THEME",
    "ClassSpan",
    "SyntaxSpan",
    "SyntaxTheme",
    "TextStyle",
    "class_spans",
    "css_class",
    "highlight",
    "is_markup",
    "lex",
    "lexer_for",
]
