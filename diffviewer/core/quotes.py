"""Quotations: find them in both documents and tell whether the derivative kept, altered or invented them.

Where quotations are (core/quote_spans.py): between quotation marks, or a whole blockquote.

How a derivative quotation is judged (words are compared casefolded, without punctuation, so
case, commas and typographic marks never matter; an ellipsis (… or ...) or an editor's
[bracketed words] in the quotation may stand for words left out):
1. verbatim — its words appear in order in a linked original paragraph, or anywhere in the
   original (quoting a fragment of a longer quotation is still verbatim);
2. altered — it corresponds to a quotation of a linked paragraph (the one left in its place among
   that paragraph's quotations, or one sharing most words), to a passage of a linked paragraph it
   mostly repeats in order, or to such a quotation or passage found anywhere in the original.
   A short quotation changed in its place ("rigorous" → "tough") is altered even when its new
   word happens to occur somewhere else in the original;
3. unsourced — otherwise: words the original never has, or a paraphrase turned into a quote.
The source is the matching quotation of the original (narrowed to the passage quoted when the
derivative quotes only part of a long one) or the matching passage, never a whole paragraph.
Looking anywhere in the original goes through an index of word positions, built on first use, so
a book with thousands of quotations costs a few look-ups per quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from cydifflib import SequenceMatcher  # difflib's, compiled: the same matches, several times faster

from diffviewer.core.model import Paragraph, Quote, QuoteStatus
from diffviewer.core.normalise import typographic
from diffviewer.core.quote_spans import Span, extract
from diffviewer.core.worddiff import word_diff

# Share of words two quotations have in common (Dice) that makes them versions of one another.
QUOTE_MATCH_MIN = 0.5
# The same, for the one quotation left in the same place among a linked paragraph's quotations:
# its position is evidence too, so fewer shared words suffice.
IN_PLACE_MATCH_MIN = 0.3
# Share of a quotation's words a passage of the original must repeat, in order, to be its source.
PASSAGE_MATCH_MIN = 0.7
# Quotations this short that changed in their place are altered even with no word in common
# ("rigorous" → "tough"); they are also too short to look for elsewhere as altered passages.
SHORT_QUOTE_WORDS = 3
# An original quotation is narrowed to the passage the derivative actually quotes from it (a
# sentence out of a long blockquote) when more than this share of it lies outside that passage.
NARROW_SHARE = 0.25
# Searching the whole original for an altered quotation: words seen more often than this say
# little about where a quotation comes from; the best few paragraphs are examined in full.
COMMON_WORD = 64
VOTERS = 8
GLOBAL_CANDIDATES = 3
# Occurrences of a word sequence checked before a search of the whole original gives up: only a
# quotation made of nothing but the commonest words of a huge original gets that far.
MAX_OCCURRENCES = 1 << 16
# Paragraphs longer than this (in words) get a word-position index instead of being scanned, and
# linked paragraphs with more quotations than this are compared only with the likeliest ones.
LONG_PARAGRAPH = 2000
MANY_QUOTES = 64


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

# A hyphen separates ("open-source" quotes "open source"); an apostrophe does not ("I'm").
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# What an editor may put in a quotation for words left out or replaced: … / ... / [bracketed].
_GAP = re.compile(r"\[[^\[\]\n]*\]|…|\.(?:\s?\.){2}")


def _norms(text: str) -> list[str]:
    """The words of text as compared: case and typography set aside (core/normalise.py)."""
    return _WORD.findall(typographic(text).casefold())


def _pieces(text: str) -> list[list[str]]:
    """A quotation's words, split where an ellipsis or [editor's words] stands for others."""
    pieces = [words for part in _GAP.split(text) if (words := _norms(part))]
    return pieces or ([words] if (words := _norms(text)) else [])


class _Words:
    """A paragraph's normalised words and where each sits in its text."""

    __slots__ = ("norms", "_text", "_starts", "_ends", "_positions")

    def __init__(self, text: str) -> None:
        self._text = text
        # Folding the whole text at once is fast; word by word only if that split the words
        # differently (ASCII folds letter for letter: the same words).
        self.norms = _norms(text)
        if not text.isascii() and len(self.norms) != len(_WORD.findall(text)):
            self.norms = [(_norms(m.group()) or [m.group()])[0] for m in _WORD.finditer(text)]
        self._starts: list[int] | None = None  # where each word starts and ends: see _locate
        self._ends: list[int] = []
        self._positions: dict[str, list[int]] | None = None

    def _locate(self) -> list[int]:
        """Where each word starts (and, in _ends, ends): found only for the paragraphs a quotation
        is placed in, as most are only searched by their words."""
        if self._starts is None:
            found = list(_WORD.finditer(self._text))
            self._starts, self._ends = [m.start() for m in found], [m.end() for m in found]
        return self._starts

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, first: int, stop: int) -> Span:
        return Span(self._locate()[first], self._ends[stop - 1])

    def within(self, span: Span) -> tuple[int, int]:
        """The range of words lying inside span."""
        return bisect_left(self._locate(), span.start), bisect_right(self._ends, span.end)

    def positions(self) -> dict[str, list[int]]:
        """Where each word occurs: built only for long paragraphs, where scanning would be slow."""
        if self._positions is None:
            self._positions = defaultdict(list)
            for k, word in enumerate(self.norms):
                self._positions[word].append(k)
        return self._positions

    def find(self, needle: list[str], lo: int = 0) -> int | None:
        """The first index at or after lo where needle occurs."""
        size = len(needle)
        if len(self.norms) <= LONG_PARAGRAPH:
            first, last = needle[0], len(self.norms) - size
            while lo <= last:
                try:
                    lo = self.norms.index(first, lo, last + 1)  # C speed to the next candidate
                except ValueError:
                    return None
                if self.norms[lo : lo + size] == needle:
                    return lo
                lo += 1
            return None
        # A long paragraph: try only where the needle's rarest word is.
        positions = self.positions()
        k = min(range(size), key=lambda k: len(positions.get(needle[k], ())))
        places = positions.get(needle[k], [])
        for place in places[bisect_left(places, lo + k) :]:
            if self.norms[place - k : place - k + size] == needle:
                return place - k
        return None

    def find_pieces(self, pieces: list[list[str]]) -> tuple[int, int] | None:
        """The word range (first, stop) where the pieces occur in order, gaps allowed between them."""
        first = stop = -1
        lo = 0
        for piece in pieces:
            at = self.find(piece, lo)
            if at is None:
                return None
            first = at if first < 0 else first
            stop = lo = at + len(piece)
        return first, stop

    def region(self, needle: list[str]) -> tuple[int, int]:
        """Where in a long paragraph the needle most likely sits, as a word range to align in.

        Each occurrence of a needle word votes for where the needle would start; the busiest
        stretch wins. Short paragraphs are aligned whole.
        """
        if len(self.norms) <= LONG_PARAGRAPH:
            return 0, len(self.norms)
        positions = self.positions()
        width = max(8, len(needle))
        votes: Counter[int] = Counter()
        for k, word in enumerate(needle):
            places = positions.get(word, [])
            if len(places) <= COMMON_WORD:
                votes.update((place - k) // width for place in places)
        if not votes:
            return 0, 0
        bucket = votes.most_common(1)[0][0]
        return max(0, (bucket - 1) * width), min(len(self.norms), (bucket + 2) * width + len(needle))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    """Share of words two bags have in common (2·shared / total)."""
    total = a.total() + b.total()
    return 2 * (a & b).total() / total if total else 0.0


@dataclass(frozen=True, slots=True)
class _Aligned:
    """Where a word sequence sits in a stretch of words: matched words, and the range they cover."""

    matched: int
    start: int
    stop: int


def _align(norms: list[str], needle: list[str]) -> _Aligned | None:
    """The needle's best in-order match in norms (a word-level alignment window)."""
    matcher = SequenceMatcher(None, norms, needle, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # Matches far apart belong to different passages (a common word repeated elsewhere).
    gap = max(3, len(needle) // 2)
    clusters = [[blocks[0]]]
    for block in blocks[1:]:
        last = clusters[-1][-1]
        if block.a - (last.a + last.size) > gap:
            clusters.append([])
        clusters[-1].append(block)
    best = max(clusters, key=lambda c: sum(b.size for b in c))
    start, stop = best[0].a, best[-1].a + best[-1].size
    # Words replaced at the needle's edges belong to the passage: widen by what the needle has there.
    lead = min(start, best[0].b)
    trail = min(len(norms) - stop, len(needle) - (best[-1].b + best[-1].size))
    return _Aligned(sum(b.size for b in best), start - lead, stop + trail)


# ---------------------------------------------------------------------------------------------
# The original, indexed
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _OriginalQuote:
    """A quotation of the original paragraph, with its words (a bag of them too, for Dice)."""

    paragraph: int
    span: Span
    first: int  # word range within the paragraph
    stop: int
    words: tuple[str, ...]
    bag: Counter[str]


@dataclass(frozen=True, slots=True)
class _Source:
    """Where a derivative quotation comes from, and how well it matches there (higher is better)."""

    paragraph: int
    span: Span
    score: float


class _Original:
    """The original's words and quotations, computed per paragraph on first use, and indexes of
    word positions and quoted words for searching the whole of it (built the first time one is needed).
    """

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._words: dict[int, _Words] = {}
        self._quotes: dict[int, list[_OriginalQuote]] = {}
        self._flat: list[str] = []  # all the words, paragraph after paragraph
        self._paragraph_of: list[int] = []  # the paragraph of each word in _flat
        self._positions: dict[str, list[int]] | None = None
        self._quoted: dict[str, list[_OriginalQuote]] | None = None
        self._holders: dict[str, list[int]] = {}  # word → the paragraphs it occurs in

    def words(self, paragraph: int) -> _Words:
        found = self._words.get(paragraph)
        if found is None:
            found = self._words[paragraph] = _Words(self.paragraphs[paragraph].text)
        return found

    def quotes(self, paragraph: int) -> list[_OriginalQuote]:
        found = self._quotes.get(paragraph)
        if found is None:
            words = self.words(paragraph)
            found = []
            for span in extract(self.paragraphs[paragraph]):
                first, stop = words.within(span)
                if first < stop:
                    quoted = words.norms[first:stop]
                    found.append(_OriginalQuote(paragraph, span, first, stop, tuple(quoted), Counter(quoted)))
            self._quotes[paragraph] = found
        return found

    def text(self, paragraph: int, span: Span) -> str:
        return self.paragraphs[paragraph].text[span.start : span.end]

    # -- exact matches ------------------------------------------------------------------------

    def find_in(self, paragraph: int, pieces: list[list[str]]) -> _Source | None:
        """The quotation's words in this paragraph, in order; widened to a quotation they fill."""
        words = self.words(paragraph)
        found = words.find_pieces(pieces)
        if found is None:
            return None
        quotes = self.quotes(paragraph)
        at = bisect_left(quotes, found[0], key=lambda q: q.first)
        if at < len(quotes) and (quotes[at].first, quotes[at].stop) == found:
            return _Source(paragraph, quotes[at].span, 1.0)  # keep the quotation's own punctuation
        return _Source(paragraph, words.span(*found), 1.0)

    def find_anywhere(self, pieces: list[list[str]]) -> _Source | None:
        """find_in over the whole original, visiting only paragraphs where its rarest piece is."""
        index = self._index()
        # The piece whose rarest word is rarest: counted first, its positions listed only then
        # (a piece of common words would list tens of thousands for nothing).
        piece = min(pieces, key=lambda piece: min(len(index.get(word, ())) for word in piece))
        size, flat = len(piece), self._flat
        checked: set[int] = set()
        for position in self._occurrences(piece):
            if flat[position : position + size] != piece:
                continue  # the rarest word is there, the piece is not
            paragraph = self._paragraph_of[position]
            if paragraph not in checked:
                checked.add(paragraph)
                found = self.find_in(paragraph, pieces)
                if found is not None:
                    return found
        return None

    def _index(self) -> dict[str, list[int]]:
        """The global positions of every word of the original (paragraph after paragraph)."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            start = 0
            for paragraph in range(len(self.paragraphs)):
                norms = self.words(paragraph).norms
                self._flat.extend(norms)
                self._paragraph_of.extend([paragraph] * len(norms))
                for position, word in enumerate(norms, start):
                    places = positions.get(word)
                    if places is None:
                        positions[word] = [position]
                    else:
                        places.append(position)
                start += len(norms)
            self._positions = positions
        return self._positions

    def _occurrences(self, piece: list[str]) -> list[int]:
        """Global positions where the piece may start (the first MAX_OCCURRENCES): those of its
        rarest word, shifted."""
        index = self._index()
        rarest = min(range(len(piece)), key=lambda k: len(index.get(piece[k], ())))
        places = index.get(piece[rarest], [])
        return [p - rarest for p in places[: MAX_OCCURRENCES + rarest] if p >= rarest][:MAX_OCCURRENCES]

    # -- approximate matches ------------------------------------------------------------------

    def passage(
        self, paragraph: int, pieces: list[list[str]], first: int = 0, stop: int | None = None
    ) -> _Source | None:
        """The stretch of the paragraph (or of its words first:stop) that repeats most of the
        quotation's words in order, scored by the share of its words it repeats.

        Pieces an ellipsis separates are aligned one by one: a piece from somewhere else ("…[...]
        As long as…" stitching two sources) must not drag the source into unrelated words.
        """
        words = self.words(paragraph)
        needle = [word for piece in pieces for word in piece]
        if stop is None:
            first, stop = words.region(needle)
        norms = words.norms[first:stop]
        present: list[_Aligned] = []
        if len(pieces) > 1:
            for piece in pieces:
                aligned = _align(norms, piece)
                if aligned is not None and aligned.matched >= len(piece) / 2:
                    present.append(aligned)
        if not present:  # one piece, or none of them clearly there: align the words as a whole
            whole = _align(norms, needle)
            present = [whole] if whole is not None else []
        if not present:
            return None
        start, end = min(a.start for a in present), max(a.stop for a in present)
        score = min(1.0, sum(a.matched for a in present) / len(needle))
        return _Source(paragraph, words.span(first + start, first + end), score)

    def candidates(self, needle: list[str]) -> list[int]:
        """The few paragraphs holding the most of the needle's distinctive words.

        The needle's rarest words vote for the paragraphs they occur in. Words found everywhere say
        nothing about where a quotation comes from and would cost a vote per occurrence, but the
        rarest three always vote, so a quotation of plain words can still be placed.
        """
        index = self._index()
        distinct = sorted(dict.fromkeys(needle), key=lambda w: len(index.get(w, ())))  # ties: reading order
        votes: Counter[int] = Counter()
        for rank, word in enumerate(distinct[:VOTERS]):
            places = index.get(word, [])
            if len(places) > COMMON_WORD and (rank >= 3 or len(places) > MAX_OCCURRENCES):
                break
            votes.update(self._paragraphs_with(word, places))
        return [paragraph for paragraph, _ in votes.most_common(GLOBAL_CANDIDATES)]

    def _paragraphs_with(self, word: str, places: list[int]) -> list[int]:
        """The paragraphs a word occurs in, each once: kept, as quotations ask again for the
        same plain words (a quotation of common words votes with them)."""
        found = self._holders.get(word)
        if found is None:
            found = self._holders[word] = list(set(map(self._paragraph_of.__getitem__, places)))
        return found

    def quotes_like(self, paragraphs: list[int], needle: list[str]) -> list[_OriginalQuote]:
        """The quotations of these paragraphs worth comparing with the needle: all of them when
        there are few, else those sharing the most distinctive words with it."""
        quotes = [q for i in paragraphs for q in self.quotes(i)]
        if len(quotes) <= MANY_QUOTES:
            return quotes
        if self._quoted is None:
            self._quoted = defaultdict(list)
            for index in range(len(self.paragraphs)):
                for quote in self.quotes(index):
                    for word in set(quote.words):
                        self._quoted[word].append(quote)
        wanted = set(paragraphs)
        votes: Counter[int] = Counter()
        by_id: dict[int, _OriginalQuote] = {}
        for word in dict.fromkeys(needle):  # reading order: ties break the same way every run
            holders = self._quoted.get(word, [])
            if len(holders) <= COMMON_WORD:
                for quote in holders:
                    if quote.paragraph in wanted:
                        votes[id(quote)] += 1
                        by_id[id(quote)] = quote
        return [by_id[key] for key, _ in votes.most_common(GLOBAL_CANDIDATES)]


# ---------------------------------------------------------------------------------------------
# Judging the derivative's quotations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Derived:
    """A derivative quotation and its words, as compared."""

    span: Span
    pieces: list[list[str]]
    needle: list[str]  # all the words, pieces joined
    bag: Counter[str]

    @property
    def short(self) -> bool:
        return len(self.needle) <= SHORT_QUOTE_WORDS


def _anchors(verbatim: list[_Source | None], theirs: list[_OriginalQuote]) -> dict[int, int]:
    """Derivative quotations found verbatim inside an original quotation, kept in reading order."""
    keys = [(q.paragraph, q.span.start) for q in theirs]  # reading order already
    anchors: dict[int, int] = {}
    last = -1
    for k, source in enumerate(verbatim):
        if source is None:
            continue
        # The last original quotation starting before the found words end: the one they lie in, if any.
        t = bisect_left(keys, (source.paragraph, source.span.end)) - 1
        inside = t >= 0 and theirs[t].paragraph == source.paragraph and theirs[t].span.end > source.span.start
        if inside and t > last:
            anchors[k] = last = t
    return anchors


def _pair(ours: list[_Derived], theirs: list[_OriginalQuote], verbatim: list[_Source | None]) -> dict[int, int]:
    """Pair the derivative's changed quotations with the linked paragraphs' quotations.

    Quotations found verbatim are anchors; between two anchors the changed quotations pair with
    the original's unmatched ones there — by shared words, and what is left one for one in order
    when as many remain on both sides (a changed word in quotes sits where the old one was).
    """
    anchors = _anchors(verbatim, theirs)
    pairs: dict[int, int] = {}
    bounds = [(-1, -1), *sorted(anchors.items()), (len(ours), len(theirs))]
    for (k0, t0), (k1, t1) in pairwise(bounds):
        mine = [k for k in range(k0 + 1, k1) if verbatim[k] is None]
        others = list(range(t0 + 1, t1))
        if len(mine) * len(others) <= MANY_QUOTES:  # a huge gap (no anchors at all) keeps only the order
            pairs.update(_pair_by_words(ours, theirs, mine, others))
        if len(mine) == len(others):
            for k, t in zip(mine, others, strict=True):
                both_short = ours[k].short and len(theirs[t].words) <= SHORT_QUOTE_WORDS
                if both_short or _dice(ours[k].bag, theirs[t].bag) >= IN_PLACE_MATCH_MIN:
                    pairs[k] = t
    return pairs


def _pair_by_words(
    ours: list[_Derived], theirs: list[_OriginalQuote], mine: list[int], others: list[int]
) -> dict[int, int]:
    """Best-first pairs sharing most words; the paired ones leave mine and others."""
    scored = sorted(((_dice(ours[k].bag, theirs[t].bag), k, t) for k in mine for t in others), reverse=True)
    pairs: dict[int, int] = {}
    for score, k, t in scored:
        if score >= QUOTE_MATCH_MIN and k in mine and t in others:
            pairs[k] = t
            mine.remove(k)
            others.remove(t)
    return pairs


def _from_quote(original: _Original, quote: _OriginalQuote, item: _Derived, score: float) -> _Source:
    """A source quotation, narrowed to the passage the derivative quotes when that is much less."""
    narrowed = original.passage(quote.paragraph, item.pieces, quote.first, quote.stop)
    if narrowed is not None:
        first, stop = original.words(quote.paragraph).within(narrowed.span)
        if len(quote.words) - (stop - first) > max(SHORT_QUOTE_WORDS, NARROW_SHARE * len(quote.words)):
            return _Source(quote.paragraph, narrowed.span, score)
    return _Source(quote.paragraph, quote.span, score)


def _best(sources: list[_Source | None], minimum: float) -> _Source | None:
    good = [s for s in sources if s is not None and s.score >= minimum]
    return max(good, key=lambda s: s.score, default=None)


def _similar_in(original: _Original, paragraphs: list[int], item: _Derived) -> _Source | None:
    """A quotation sharing most words with the item, or else a passage repeating most of it."""
    quotes = original.quotes_like(paragraphs, item.needle)
    best_quote = max(quotes, key=lambda q: _dice(item.bag, q.bag), default=None)
    if best_quote is not None and (score := _dice(item.bag, best_quote.bag)) >= QUOTE_MATCH_MIN:
        return _from_quote(original, best_quote, item, score)
    return _best([original.passage(i, item.pieces) for i in paragraphs], PASSAGE_MATCH_MIN)


def _judge(
    original: _Original, item: _Derived, verbatim: _Source | None, paired: _OriginalQuote | None, sources: list[int]
) -> tuple[QuoteStatus, _Source | None]:
    """The status and source of one derivative quotation, strongest evidence first."""
    if verbatim is not None:
        return QuoteStatus.VERBATIM, verbatim
    # A short quotation changed in its place: the pairing is surer than a common word found elsewhere.
    if paired is not None and item.short:
        return QuoteStatus.ALTERED, _from_quote(original, paired, item, 1.0)
    anywhere = original.find_anywhere(item.pieces)
    if anywhere is not None:
        return QuoteStatus.VERBATIM, anywhere
    if paired is not None:
        return QuoteStatus.ALTERED, _from_quote(original, paired, item, 1.0)
    nearby = _similar_in(original, sources, item)
    if nearby is None and not item.short:
        nearby = _similar_in(original, original.candidates(item.needle), item)
    if nearby is not None:
        return QuoteStatus.ALTERED, nearby
    return QuoteStatus.UNSOURCED, None


def _quote(paragraph: Paragraph, span: Span, status: QuoteStatus, original: _Original, source: _Source | None) -> Quote:
    text = paragraph.text[span.start : span.end]
    if source is None:
        return Quote(paragraph.index, text, status, start=span.start, end=span.end)
    source_text = original.text(source.paragraph, source.span)
    return Quote(
        paragraph.index,
        text,
        status,
        source.paragraph,
        source_text,
        start=span.start,
        end=span.end,
        source_start=source.span.start,
        source_end=source.span.end,
        changes=word_diff(source_text, text) if status is QuoteStatus.ALTERED else (),
    )


def _derived(paragraph: Paragraph) -> list[_Derived]:
    ours: list[_Derived] = []
    for span in extract(paragraph):
        pieces = _pieces(paragraph.text[span.start : span.end])
        needle = [word for piece in pieces for word in piece]
        if needle:
            ours.append(_Derived(span, pieces, needle, Counter(needle)))
    return ours


def _check_paragraph(original: _Original, paragraph: Paragraph, sources: list[int]) -> list[Quote]:
    """Judge one derivative paragraph's quotations against its linked original paragraphs."""
    ours = _derived(paragraph)
    if not ours:
        return []
    theirs = [q for i in sources for q in original.quotes(i)]  # in reading order
    verbatim = [next((s for i in sources if (s := original.find_in(i, item.pieces))), None) for item in ours]
    pairs = _pair(ours, theirs, verbatim)
    found = []
    for k, item in enumerate(ours):
        paired = theirs[pairs[k]] if k in pairs else None
        status, source = _judge(original, item, verbatim[k], paired, sources)
        found.append(_quote(paragraph, item.span, status, original, source))
    return found


def check(
    original: Sequence[Paragraph],
    derivative: Sequence[Paragraph],
    partners: dict[int, list[int]],
) -> tuple[Quote, ...]:
    """Classify each quotation of the derivative; `partners` maps a derivative paragraph to the
    original paragraphs the alignment linked it with."""
    indexed = _Original(original)
    found: list[Quote] = []
    for paragraph in derivative:
        found.extend(_check_paragraph(indexed, paragraph, sorted(set(partners.get(paragraph.index, [])))))
    return tuple(found)
