"""Lossless word/space/punctuation tokens with code-point offsets, and normalisation keys."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from diffviewer.core.model import CompareOptions

# Words keep inner apostrophes and hyphens ("don't", "open-source") so a rewrite of one shows
# as one replacement; everything else that is not space is a one-character punctuation token.
_TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]", re.UNICODE)


class TokenKind(StrEnum):
    WORD = "word"
    SPACE = "space"
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    kind: TokenKind


def tokenize(text: str) -> list[Token]:
    """Split text so that ''.join(t.text for t in tokens) == text, always."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        piece = match.group()
        if piece[0].isspace():
            kind = TokenKind.SPACE
        elif piece[0].isalnum() or piece[0] == "_":
            kind = TokenKind.WORD
        else:
            kind = TokenKind.PUNCT
        tokens.append(Token(piece, match.start(), kind))
    return tokens


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                              "–": "-", "—": "-"})


def token_key(token: Token, options: CompareOptions) -> str:
    """The string two tokens are compared by; options decide what differences are ignored."""
    text = token.text
    if token.kind is TokenKind.SPACE:
        return " " if options.ignore_whitespace else text
    if token.kind is TokenKind.PUNCT and options.ignore_punctuation:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHIC)
    if options.ignore_case:
        text = text.casefold()
    return text


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text) if t.kind is TokenKind.WORD]
