"""Diff units: the pieces word_diff compares one by one — words for prose, lexer tokens for code.

Every function here is lossless: the units of a text join back to that text exactly.
"""

from __future__ import annotations

import re

from pygments.token import Comment, Generic, Punctuation, String, Text, _TokenType

from diffviewer.core.model import Granularity
from diffviewer.core.syntax import lex
from diffviewer.core.tokens import split_tokens

# Prose characters: letters one by one, a run of spaces as one unit so ignored spacing can match.
_CHARACTERS = re.compile(r"\s+|.", re.DOTALL)
# Code characters: a line break is a unit of its own, apart from the indentation after it, so a
# re-indented line does not look like a changed line break.
_CODE_CHARACTERS = re.compile(r"\n|[^\S\n]+|.", re.DOTALL)
_SPACES = re.compile(r"\n|[^\S\n]+")
# Token kinds whose text is words rather than one symbol: a string's or a comment's words, the
# prose of markup (Markdown/rST Text, headings, emphasis), punctuation runs such as "]}" or "::".
_WORDY: tuple[_TokenType, ...] = (String, Comment, Generic, Text, Punctuation)


def _spaces(text: str) -> list[str]:
    return _SPACES.findall(text)


def _quoted(piece: str) -> bool:
    # A quoted name is a string to the reader whatever the lexer calls it (JSON keys are
    # Name.Tag): its quotes stay equal when the name inside changes.
    return len(piece) >= 2 and piece[0] == piece[-1] and piece[0] in "\"'`"


def _token_units(kind: _TokenType, piece: str) -> list[str]:
    if piece.isspace():
        return _spaces(piece)
    # An identifier, keyword, number or operator is one unit however it is spelled (`a-b`
    # stays three tokens, `==` and `1.5` one), so a renamed identifier is one replacement.
    # Words inside strings, comments and markup prose are diffed word by word instead, and so
    # is any token with spaces in it (YAML plain scalars, Makefile recipes...).
    atomic = not any(kind in wordy for wordy in _WORDY) and not _quoted(piece)
    if atomic and not any(ch.isspace() for ch in piece):
        return [piece]
    units: list[str] = []
    for unit in split_tokens(piece):
        if unit[0].isspace():
            units.extend(_spaces(unit))
        else:
            units.append(unit)
    return units


def code_units(text: str, language: str) -> list[str]:
    """The lexer's tokens of `text`, strings, comments and prose split further into words."""
    units: list[str] = []
    for kind, piece in lex(text, language):
        units.extend(_token_units(kind, piece))
    return units


def diff_units(text: str, language: str | None, granularity: Granularity) -> list[str]:
    """What `text` is diffed as: `language` is the Pygments alias of a code document, else None."""
    if granularity is Granularity.CHARACTER:
        return (_CODE_CHARACTERS if language else _CHARACTERS).findall(text)
    if language:
        return code_units(text, language)
    return split_tokens(text)


__all__ = ["code_units", "diff_units"]
