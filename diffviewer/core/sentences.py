"""Paragraphs → sentences, the units the aligner matches, as spans that tile each paragraph.

Sentences come from sentencex (Wikimedia's segmenter: rules and abbreviations for some 300
languages, in Rust). It is run with its default rules, which every language falls back to;
a sentence cut too finely is no harm, since the aligner merges neighbouring units (1:2, 2:1,
longer runs) where the other side keeps them together.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import sentencex

_LANGUAGE = "en"  # sentencex's fallback rules; see the module docstring


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of a paragraph: text[start:end] of paragraph `paragraph` (code points)."""

    paragraph: int
    start: int
    end: int


_SURROGATE = re.compile("[\ud800-\udfff]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; together they cover `text` exactly, trailing spaces included."""
    if not text:
        return [(0, 0)]
    try:
        pieces = [piece for piece in sentencex.segment(_LANGUAGE, text) if piece]
    except UnicodeEncodeError:
        # A lone surrogate (a lenient decoding left it) is no UTF-8, which the segmenter needs:
        # it reads the text with each such one as U+FFFD, one code point for one, and the
        # pieces are cut from the text itself.
        probe = _SURROGATE.sub("\ufffd", text)
        pieces, at = [], 0
        for piece in sentencex.segment(_LANGUAGE, probe):
            pieces.append(text[at : at + len(piece)])
            at += len(piece)
        pieces = [piece for piece in pieces if piece]
    if "".join(pieces) != text:  # never seen; a segmenter that drops text must not lose ours
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0
    for piece in pieces:
        if spans and not piece.strip():  # whitespace alone joins the sentence before it
            spans[-1] = (spans[-1][0], start + len(piece))
        else:
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


def split_units(paragraphs: list[str], by_sentence: bool, whole: Collection[int] = ()) -> list[Unit]:
    """Every paragraph's sentences in reading order, or whole paragraphs (code, and those in `whole`)."""
    units: list[Unit] = []
    for index, text in enumerate(paragraphs):
        spans = sentence_spans(text) if by_sentence and index not in whole else [(0, len(text))]
        units.extend(Unit(index, start, end) for start, end in spans)
    return units
