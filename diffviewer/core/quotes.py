"""Quotations: find them in both documents and tell whether the derivative kept, altered or invented them.

A quotation is the text between double quotation marks (“…”, "…", „…“, «…»), between single
quotation marks used as such (‘…’, '…' — never an apostrophe: don't, Meta's, rock 'n' roll, the
'90s), a blockquote paragraph, or a line starting with `>`. Quotes nest: only the outermost one
counts. An opening mark left unclosed runs to the end of its paragraph, as the convention for a
quotation spanning several paragraphs has it (each paragraph opens, only the last closes).

For each quotation of the derivative, in order of evidence:
1. verbatim: its words (ignoring case, punctuation and typographic quotes) appear in a linked
   original paragraph, or anywhere in the original;
2. altered: it corresponds to a quotation of a linked paragraph (same place among that
   paragraph's quotes, or most words shared), to a passage of a linked paragraph that it mostly
   repeats, or to a quotation elsewhere in the original that shares most of its words;
3. unsourced: otherwise — words the original never has, or a paraphrase turned into a quote.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.model import Paragraph, Quote, QuoteStatus, Role
from diffviewer.core.worddiff import word_diff

# Shares of words in common (Dice) that make two quotations versions of one another.
QUOTE_MATCH_MIN = 0.5
# Share of a quotation's words a passage must repeat, in a window as long as the quote.
PASSAGE_MATCH_MIN = 0.7
# A quotation this short that changed in its place is altered even with no word in common
# ("rigorous" → "tough").
SHORT_QUOTE_WORDS = 3

_OPENERS = {"“": "”", "„": "“”", "«": "»", '"': '"'}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–-]))['‘](?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])['’](?=$|[\s.,;:!?)\]}”\"—–-])")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    norm: str
    start: int
    end: int


# Words for comparing quotations: a hyphen separates ("open-source" is "open source" quoted
# another way); an apostrophe does not ("I'm").
_QUOTE_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _words(text: str) -> list[_Word]:
    return [_Word(m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in _QUOTE_WORD.finditer(text)]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    content = text[start:end]
    if sum(ch.isalnum() for ch in content) < 2:
        return None  # no words inside: not a quotation (a stray mark, "n" of rock 'n' roll)
    return Span(start, end)


_DOUBLE_MARKS = re.compile(r'[“”„«»"]')


def _double_quotes(text: str) -> list[Span]:
    spans: list[Span] = []
    opened_at = -1
    closers = ""
    for mark in _DOUBLE_MARKS.finditer(text):  # only the marks, not every character
        position, char = mark.start(), mark.group()
        if opened_at < 0:
            if char in _OPENERS:
                opened_at, closers = position, _OPENERS[char]
        elif char in closers:
            span = _trimmed(text, opened_at + 1, position)
            if span is not None:
                spans.append(span)
            opened_at = -1
    if opened_at >= 0:  # runs on into the next paragraph
        span = _trimmed(text, opened_at + 1, len(text))
        if span is not None:
            spans.append(span)
    return spans


def _single_quotes(text: str, outside: list[Span]) -> list[Span]:
    """‘…’ and '…' pairs that are not apostrophes and not inside a double-quoted span."""

    if "'" not in text and "‘" not in text:
        return []

    def free(position: int) -> bool:
        return not any(span.start <= position < span.end for span in outside)

    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text) if free(m.start())]
    spans: list[Span] = []
    after = -1
    for opening in _SINGLE_OPEN.finditer(text):
        start = opening.start()
        if start <= after or not free(start):
            continue
        end = next((c for c in closes if c > start + 1), None)
        if end is None or any(s.start < end and start < s.end for s in outside):
            continue
        span = _trimmed(text, start + 1, end)
        if span is not None:
            spans.append(span)
            after = end
    return spans


def extract(paragraph: Paragraph) -> list[Span]:
    """The quotations of one paragraph, as spans of its text (quotation marks excluded)."""
    text = paragraph.text
    if paragraph.role is Role.QUOTE:
        start = len(text) - len(text.lstrip("> \t"))
        span = _trimmed(text, start, len(text))
        return [span] if span is not None else []
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if line.lstrip().startswith(">"):
            start = offset + len(line) - len(line.lstrip("> \t"))
            span = _trimmed(text, start, offset + len(line))
            if span is not None:
                spans.append(span)
        else:
            doubles = [Span(s.start + offset, s.end + offset) for s in _double_quotes(line)]
            local = [Span(s.start - offset, s.end - offset) for s in doubles]
            singles = [Span(s.start + offset, s.end + offset) for s in _single_quotes(line, local)]
            spans.extend(sorted([*doubles, *singles], key=lambda s: s.start))
        offset += len(line) + 1
    return spans


def _dice(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


@dataclass(frozen=True, slots=True)
class _OriginalQuote:
    paragraph: int
    span: Span
    words: tuple[str, ...]


class _Original:
    """The original, indexed for finding a quotation's words anywhere without scanning it all.

    Everything is built on first use: a derivative without quotations costs nothing here.
    """

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._words: dict[int, list[_Word]] = {}
        self._positions: dict[str, list[tuple[int, int]]] | None = None
        self._quotes: dict[int, list[_OriginalQuote]] = {}
        self._quotes_with: dict[str, list[_OriginalQuote]] | None = None

    def words(self, paragraph: int) -> list[_Word]:
        found = self._words.get(paragraph)
        if found is None:
            found = self._words[paragraph] = _words(self.paragraphs[paragraph].text)
        return found

    def quotes(self, paragraph: int) -> list[_OriginalQuote]:
        found = self._quotes.get(paragraph)
        if found is None:
            text = self.paragraphs[paragraph].text
            found = []
            for span in extract(self.paragraphs[paragraph]):
                quoted = tuple(w.norm for w in _words(text[span.start : span.end]))
                if quoted:
                    found.append(_OriginalQuote(paragraph, span, quoted))
            self._quotes[paragraph] = found
        return found

    def span_of(self, paragraph: int, first: int, count: int) -> Span:
        words = self.words(paragraph)
        return Span(words[first].start, words[first + count - 1].end)

    def find_in(self, paragraph: int, needle: list[str]) -> Span | None:
        words = self.words(paragraph)
        size = len(needle)
        for first in range(len(words) - size + 1):
            if words[first].norm == needle[0] and [w.norm for w in words[first : first + size]] == needle:
                return self.span_of(paragraph, first, size)
        return None

    def find_anywhere(self, needle: list[str]) -> tuple[int, Span] | None:
        if self._positions is None:
            self._positions = defaultdict(list)
            for index in range(len(self.paragraphs)):
                for position, word in enumerate(self.words(index)):
                    self._positions[word.norm].append((index, position))
        positions = self._positions
        # Start from the needle's rarest word: few places to check.
        rarest = min(range(len(needle)), key=lambda k: len(positions.get(needle[k], ())))
        for paragraph, position in positions.get(needle[rarest], ()):
            first = position - rarest
            words = self.words(paragraph)
            fits = first >= 0 and first + len(needle) <= len(words)
            if fits and [w.norm for w in words[first : first + len(needle)]] == needle:
                return paragraph, self.span_of(paragraph, first, len(needle))
        return None

    def best_passage(self, paragraph: int, needle: list[str]) -> tuple[float, Span] | None:
        """The window of the paragraph, as long as the needle, sharing most of its words."""
        words = self.words(paragraph)
        size = len(needle)
        if not words or size == 0:
            return None
        wanted = Counter(needle)
        window = Counter(w.norm for w in words[:size])
        best = (sum((window & wanted).values()), 0)
        for first in range(1, max(1, len(words) - size + 1)):
            window[words[first - 1].norm] -= 1
            window[words[first + size - 1].norm] += 1
            shared = sum((window & wanted).values())
            if shared > best[0]:
                best = (shared, first)
        shared, first = best
        count = min(size, len(words) - first)
        return shared / size, self.span_of(paragraph, first, count)

    def similar_quotes(self, needle: list[str]) -> list[_OriginalQuote]:
        if self._quotes_with is None:
            self._quotes_with = defaultdict(list)
            for index in range(len(self.paragraphs)):
                for quote in self.quotes(index):
                    for term in set(quote.words):
                        self._quotes_with[term].append(quote)
        seen: dict[int, _OriginalQuote] = {}
        for word in set(needle):
            for quote in self._quotes_with.get(word, ()):
                seen[id(quote)] = quote
        return list(seen.values())


def _quote(
    paragraph: Paragraph, span: Span, status: QuoteStatus, original: _Original, source: tuple[int, Span] | None
) -> Quote:
    text = paragraph.text[span.start : span.end]
    if source is None:
        return Quote(paragraph.index, text, status, start=span.start, end=span.end)
    index, where = source
    source_text = original.paragraphs[index].text[where.start : where.end]
    changes = word_diff(source_text, text) if status is QuoteStatus.ALTERED else ()
    return Quote(
        paragraph.index,
        text,
        status,
        index,
        source_text,
        start=span.start,
        end=span.end,
        source_start=where.start,
        source_end=where.end,
        changes=changes,
    )


def _altered_source(
    original: _Original, needle: list[str], ordinal: int, count: int, sources: list[int]
) -> tuple[int, Span] | None:
    """Where an altered quotation comes from, or None when it has no source."""
    partner_quotes = [q for i in sources for q in original.quotes(i)]
    # The same place among a linked paragraph's quotations: a changed quote, however short.
    if partner_quotes and len(partner_quotes) == count:
        same_place = partner_quotes[ordinal]
        if _dice(needle, same_place.words) >= QUOTE_MATCH_MIN or (
            len(needle) <= SHORT_QUOTE_WORDS and len(same_place.words) <= SHORT_QUOTE_WORDS
        ):
            return same_place.paragraph, same_place.span
    best = max(partner_quotes, key=lambda q: _dice(needle, q.words), default=None)
    if best is not None and _dice(needle, best.words) >= QUOTE_MATCH_MIN:
        return best.paragraph, best.span
    # A passage of a linked paragraph that the quote mostly repeats (put in quotes, words changed).
    passages = [(found, i) for i in sources if (found := original.best_passage(i, needle)) is not None]
    if passages:
        (share, span), index = max(passages, key=lambda item: item[0][0])
        if share >= PASSAGE_MATCH_MIN:
            return index, span
    # A quotation elsewhere in the original sharing most of its words.
    elsewhere = max(original.similar_quotes(needle), key=lambda q: _dice(needle, q.words), default=None)
    if elsewhere is not None and _dice(needle, elsewhere.words) >= QUOTE_MATCH_MIN:
        return elsewhere.paragraph, elsewhere.span
    return None


def check(
    original: Sequence[Paragraph],
    derivative: Sequence[Paragraph],
    partners: dict[int, list[int]],
) -> tuple[Quote, ...]:
    """Classify each quotation of the derivative; `partners` maps a derivative paragraph to its sources."""
    indexed = _Original(original)
    found: list[Quote] = []
    for paragraph in derivative:
        spans = extract(paragraph)
        sources = sorted(partners.get(paragraph.index, []))
        for ordinal, span in enumerate(spans):
            needle = [w.norm for w in _words(paragraph.text[span.start : span.end])]
            if not needle:
                continue
            verbatim = next(
                ((i, where) for i in sources if (where := indexed.find_in(i, needle)) is not None),
                None,
            ) or indexed.find_anywhere(needle)
            if verbatim is not None:
                found.append(_quote(paragraph, span, QuoteStatus.VERBATIM, indexed, verbatim))
                continue
            source = _altered_source(indexed, needle, ordinal, len(spans), sources)
            status = QuoteStatus.ALTERED if source is not None else QuoteStatus.UNSOURCED
            found.append(_quote(paragraph, span, status, indexed, source))
    return tuple(found)
