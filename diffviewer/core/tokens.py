"""Lossless word/space/punctuation tokens with code-point offsets, and normalisation keys."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from diffviewer.core.model import CompareOptions
from diffviewer.core.normalise import typographic

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


def split_tokens(text: str) -> list[str]:
    """The token texts alone: the fast path for diffing, same split as tokenize()."""
    return _TOKEN_RE.findall(text)


# A hyphen, or the single space it stands for, between two letters: "open-sourced" / "open
# sourced" / "opensourced". Never next to a digit ("2-3 days" is no "23 days").
_HYPHENATION = re.compile(r"(?<=[^\W\d_])(?:[\-\u2010\u2011]|[^\S\n])(?=[^\W\d_])")


def same_but_typography(a: str, b: str) -> bool:
    """Whether two runs differ only in typography: accents composed or not (which the tokens
    may cut apart), quotes, dashes, or hyphens and the spaces they stand for ("open sourced" /
    "open-sourced", "e-mail" / "email")."""
    if typographic(a) == typographic(b):
        return True
    if "-" not in a + b and "\u2010" not in a + b and "\u2011" not in a + b:
        return False
    bare_a = _HYPHENATION.sub("", typographic(a))
    return bool(bare_a) and bare_a == _HYPHENATION.sub("", typographic(b)) and WORD_RE.search(a) is not None


@lru_cache(maxsize=1 << 18)
def token_key(text: str, options: CompareOptions) -> str:
    """The string two tokens are compared by; options decide what differences are ignored."""
    first = text[0]
    if first.isspace():
        return " " if options.ignore_whitespace else text
    if options.ignore_punctuation and not (first.isalnum() or first == "_"):
        return ""
    text = typographic(text)
    if options.ignore_case:
        text = text.casefold()
    return text


WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def identity_keys(texts: Sequence[str], options: CompareOptions) -> list[str]:
    """identity_key() of each text. Under options that ignore something, a book's paragraphs have
    millions of tokens but tens of thousands of distinct ones: each is keyed once here, where a
    token_key() call per token (its cache hashing the options every time) took 0.65 s a side
    of a book, and now 0.37 s."""
    if _plain(options):
        return [identity_key(text, options) for text in texts]
    keyed: dict[str, str] = {}
    found: list[str] = []
    for text in texts:
        tokens = split_tokens(text)
        for token in tokens:
            if token not in keyed:
                keyed[token] = token_key(token, options)
        found.append(" ".join("".join(map(keyed.__getitem__, tokens)).split()))
    return found


def _plain(options: CompareOptions) -> bool:
    return not (options.ignore_case or options.ignore_punctuation or options.ignore_whitespace)


def identity_key(text: str, options: CompareOptions) -> str:
    """A paragraph as the user's options see it: which paragraphs are twins (align.py's keys)."""
    # Paragraphs that differ only in what the user ignores must align as identical twins.
    if _plain(options):
        if options.show_typography or text.isascii():
            return text
        return typographic(text)
    # Spacing never decides which paragraphs pair up (a dropped mark leaves a stray space).
    return " ".join("".join(token_key(token, options) for token in split_tokens(text)).split())
