"""Finding quotations in a paragraph: which marks open and close one, and what a blockquote is.

What counts as a quotation
--------------------------
- Text between double marks: “…”, "…", „…“ (or „…”), «…».
- Text between single marks used as quotation marks: ‘…’ and '…'. An apostrophe is never a mark:
  one between letters (don't, Meta's), one before a digit (the '90s), one in a common elision
  ('n', 'em, 'tis) and a closing one that is not preceded by a quote it could close (students').
  An opening single mark follows the start, a space or punctuation (never a letter or digit) and
  precedes a letter; a closing one follows a non-space and precedes the end, a space or
  punctuation. Straight double marks follow the same rules, so an inch mark (12") is no quote.
- A blockquote paragraph (Role.QUOTE), or a line starting with `>`: the whole of it.
- Nesting: only the outermost quotation counts (“He said ‘no’ twice” is one quotation), in either
  order (‘He said “no” twice’ in the British style too). A quotation holds what it quotes; the
  inner marks only say who said it first, so reporting them again would count words twice.
- An opening double mark left unclosed runs to the end of its paragraph, as the convention for a
  quotation spanning paragraphs has it (each paragraph opens, only the last closes): each
  paragraph's piece is its own quotation. An unclosed single mark does the same only where it
  opens the paragraph; elsewhere it was an apostrophe, and the quotations inside it still count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from diffviewer.core.model import Paragraph, Role


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation's text within its paragraph, quotation marks excluded (end exclusive)."""

    start: int
    end: int


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------

_MARKS = re.compile(r"[\"'“”„«»‘’]")
# Which marks close an opened one. Typographic openers are unambiguous; straight marks and the
# single ones need the context rules below.
_CLOSERS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’'", "'": "'’"}
_SINGLE = "'‘’"
_AMBIGUOUS = "\"'’"  # marks whose role depends on what surrounds them
# Elided words that start with an apostrophe: never an opening mark ('n', 'em, 'tis, 'cause).
_ELISION = re.compile(r"(?:n|em|tis|twas|cause|til|bout)\b", re.IGNORECASE)


def _char_before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _char_after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _can_open(text: str, i: int) -> bool:
    mark = text[i]
    if mark in "“„«":
        return True
    if mark == "’" or mark in "”»":
        return False  # closing marks (and apostrophes) never open
    before, after = _char_before(text, i), _char_after(text, i)
    if before.isalnum() or before == "_":
        return False  # after a letter or a digit: an apostrophe (don't) or an inch mark (12")
    if mark == '"':
        return not after.isspace()
    # A single mark opens only before a letter or another opening mark: not the '90s.
    if not (after.isalpha() or after in '"“„«('):
        return False
    return not _ELISION.match(text, i + 1)


def _can_close(text: str, i: int) -> bool:
    mark = text[i]
    if mark not in _AMBIGUOUS:
        return True
    before, after = _char_before(text, i), _char_after(text, i)
    # A closing mark follows a non-space and is not followed by a letter or digit: don't, Meta's.
    return not before.isspace() and not (after.isalnum() or after == "_")


def _looks_possessive(text: str, i: int) -> bool:
    """students’ / boss' — a plural possessive looks like a closing mark."""
    return text[i] in "'’" and _char_before(text, i) in "sS" and _char_after(text, i).isspace()


# At least two letters or digits: what makes the text between two marks a quotation.
_TWO_ALNUM = re.compile(r"[^\W_](?:.*?)[^\W_]", re.DOTALL)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces, or None when no words are inside."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not _TWO_ALNUM.search(text, start, end):
        return None  # a stray mark, or the "n" of rock 'n' roll
    return Span(start, end)


@dataclass(slots=True)
class _Open:
    """A quotation mark waiting for its closer, and the quotations completed inside it."""

    at: int
    mark: str
    inner: list[Span] = field(default_factory=list)


def _closable(stack: list[_Open], text: str, i: int, next_single_closes: bool) -> int | None:
    """The depth of the opened mark this mark closes, or None when it closes nothing."""
    mark = text[i]
    if not _can_close(text, i):
        return None
    for depth in range(len(stack) - 1, -1, -1):
        if mark in _CLOSERS[stack[depth].mark]:
            if stack[depth].mark in _SINGLE and _looks_possessive(text, i) and next_single_closes:
                return None  # ‘the students’ books’: the next single mark is the real closer
            return depth
    return None


def _scan(text: str, start: int, end: int) -> list[Span]:
    """The outermost quotations between quotation marks in text[start:end]."""
    chunk = text[start:end]
    marks = [m.start() for m in _MARKS.finditer(chunk)]
    if not marks:
        return []
    # For each single mark: is the next one that can be a mark at all a closer? (possessive
    # look-ahead; apostrophes between letters, as in don’t, are skipped)
    singles = [i for i in marks if chunk[i] in _SINGLE and (_can_open(chunk, i) or _can_close(chunk, i))]
    next_closes = {a: not _can_open(chunk, b) for a, b in pairwise(singles)}
    stack: list[_Open] = []
    found: list[Span] = []
    for i in marks:
        depth = _closable(stack, chunk, i, next_closes.get(i, False))
        if depth is not None:
            opened = stack[depth]
            del stack[depth:]  # marks opened inside and never closed were apostrophes
            span = _trimmed(chunk, opened.at + 1, i)
            completed = [span] if span is not None else opened.inner
            (stack[-1].inner if stack else found).extend(completed)
        elif _can_open(chunk, i):
            stack.append(_Open(i, chunk[i]))
    found.extend(_unclosed(stack, chunk))
    return [Span(s.start + start, s.end + start) for s in found]


def _unclosed(stack: list[_Open], chunk: str) -> list[Span]:
    """What marks still open at the end of the text amount to, innermost first."""
    carried: list[Span] = []
    first_text = len(chunk) - len(chunk.lstrip())
    for opened in reversed(stack):
        runs_on = opened.mark not in _SINGLE or opened.at == first_text
        span = _trimmed(chunk, opened.at + 1, len(chunk)) if runs_on else None
        carried = [span] if span is not None else opened.inner + carried
    return carried


def _whole(text: str, start: int, end: int) -> Span | None:
    """A blockquote or `>` line: all of it, without the `>` markers or marks around the whole."""
    while start < end and (text[start].isspace() or text[start] == ">"):
        start += 1
    span = _trimmed(text, start, end)
    if span is None:
        return None
    inside = _scan(text, span.start, span.end)
    if len(inside) == 1:
        only = inside[0]
        opens = text[span.start] in _CLOSERS and not text[span.start + 1 : only.start].strip()
        closes = only.end == span.end or (text[span.end - 1] in "\"'”»“’" and not text[only.end : span.end - 1].strip())
        if opens and closes:
            return only  # > “I don't think so.” — the quotation is what the marks enclose
    return span


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a `>` line): `>` lines one by one, other consecutive lines together."""
    out: list[tuple[int, int, bool]] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        marked = line.lstrip().startswith(">")
        if not marked and out and not out[-1][2]:
            out[-1] = (out[-1][0], end, False)  # a quotation may wrap across a line break
        else:
            out.append((offset, end, marked))
        offset = end + 1
    return out


def extract(paragraph: Paragraph) -> list[Span]:
    """The quotations of one paragraph, in reading order, as spans of its text (marks excluded)."""
    text = paragraph.text
    if paragraph.role is Role.QUOTE:
        span = _whole(text, 0, len(text))
        return [span] if span is not None else []
    spans: list[Span] = []
    for start, end, marked in _lines(text):
        if marked:
            span = _whole(text, start, end)
            spans.extend([span] if span is not None else [])
        else:
            spans.extend(_scan(text, start, end))
    return spans


__all__ = ["Span", "extract"]
