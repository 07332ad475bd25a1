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

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from diffviewer.core.model import Paragraph, Quote, QuoteStatus
from diffviewer.core.quote_spans import Span, extract
from diffviewer.core.quote_words import COMMON_WORD, Aligned, Words, align_words, dice, pieces_of
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
# Searching the whole original for an altered quotation: words seen more often than COMMON_WORD
# (quote_words.py) say little about where a quotation comes from; the best few paragraphs are
# examined in full.
VOTERS = 8
GLOBAL_CANDIDATES = 3
# Occurrences of a word sequence checked before a search of the whole original gives up: only a
# quotation made of nothing but the commonest words of a huge original gets that far.
MAX_OCCURRENCES = 1 << 16
# Linked paragraphs with more quotations than this are compared only with the likeliest ones.
MANY_QUOTES = 64


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
        self._words: dict[int, Words] = {}
        self._quotes: dict[int, list[_OriginalQuote]] = {}
        self._flat: list[str] = []  # all the words, paragraph after paragraph
        self._paragraph_of: list[int] = []  # the paragraph of each word in _flat
        self._positions: dict[str, list[int]] | None = None
        self._quoted: dict[str, list[_OriginalQuote]] | None = None
        self._holders: dict[str, list[int]] = {}  # word → the paragraphs it occurs in
        self._anywhere: dict[tuple[tuple[str, ...], ...], _Source | None] = {}  # see find_anywhere
        self._like: dict[tuple[tuple[str, ...], ...], _Source | None] = {}  # see similar_anywhere

    def words(self, paragraph: int) -> Words:
        found = self._words.get(paragraph)
        if found is None:
            found = self._words[paragraph] = Words(self.paragraphs[paragraph].text)
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
        """find_in over the whole original, visiting only paragraphs where its rarest piece is
        (each quotation's once: Quotations.prepare may have looked already)."""
        key = tuple(map(tuple, pieces))
        if key not in self._anywhere:
            self._anywhere[key] = self._search_anywhere(pieces)
        return self._anywhere[key]

    def _search_anywhere(self, pieces: list[list[str]]) -> _Source | None:
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
        present: list[Aligned] = []
        if len(pieces) > 1:
            for piece in pieces:
                aligned = align_words(norms, piece)
                if aligned is not None and aligned.matched >= len(piece) / 2:
                    present.append(aligned)
        if not present:  # one piece, or none of them clearly there: align the words as a whole
            whole = align_words(norms, needle)
            present = [whole] if whole is not None else []
        if not present:
            return None
        start, end = min(a.start for a in present), max(a.stop for a in present)
        score = min(1.0, sum(a.matched for a in present) / len(needle))
        return _Source(paragraph, words.span(first + start, first + end), score)

    def similar_anywhere(self, item: _Derived) -> _Source | None:
        """_similar_in the paragraphs likeliest to hold the item (each item's once: see find_anywhere)."""
        key = tuple(map(tuple, item.pieces))
        if key not in self._like:
            self._like[key] = _similar_in(self, self.candidates(item.needle), item)
        return self._like[key]

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
                if both_short or dice(ours[k].bag, theirs[t].bag) >= IN_PLACE_MATCH_MIN:
                    pairs[k] = t
    return pairs


def _pair_by_words(
    ours: list[_Derived], theirs: list[_OriginalQuote], mine: list[int], others: list[int]
) -> dict[int, int]:
    """Best-first pairs sharing most words; the paired ones leave mine and others."""
    scored = sorted(((dice(ours[k].bag, theirs[t].bag), k, t) for k in mine for t in others), reverse=True)
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
    best_quote = max(quotes, key=lambda q: dice(item.bag, q.bag), default=None)
    if best_quote is not None and (score := dice(item.bag, best_quote.bag)) >= QUOTE_MATCH_MIN:
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
        nearby = original.similar_anywhere(item)
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
        pieces = pieces_of(paragraph.text[span.start : span.end])
        needle = [word for piece in pieces for word in piece]
        if needle:
            ours.append(_Derived(span, pieces, needle, Counter(needle)))
    return ours


def _check_paragraph(
    original: _Original, paragraph: Paragraph, ours: list[_Derived], sources: list[int]
) -> list[Quote]:
    """Judge one derivative paragraph's quotations against its linked original paragraphs."""
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


class Quotations:
    """Both documents' quotations, judged once the alignment has linked their paragraphs. What
    needs no links can be done before (prepare): the original indexed, the derivative's quotations
    found, and each looked for anywhere in the original, word for word and as an altered passage
    (a helper process does it while the alignment runs; some of it only a quotation found nowhere
    in its linked paragraphs would have needed)."""

    def __init__(self, original: Sequence[Paragraph], derivative: Sequence[Paragraph]) -> None:
        self._original = _Original(original)
        self._derivative = derivative
        self._derived: dict[int, list[_Derived]] = {}

    def prepare(self) -> None:
        for paragraph in self._derivative:
            for item in self._quotations(paragraph):
                self._original.find_anywhere(item.pieces)
                if not item.short:
                    self._original.similar_anywhere(item)

    def check(self, partners: dict[int, list[int]]) -> tuple[Quote, ...]:
        """Classify each quotation of the derivative; `partners` maps a derivative paragraph to
        the original paragraphs the alignment linked it with."""
        found: list[Quote] = []
        for paragraph in self._derivative:
            sources = sorted(set(partners.get(paragraph.index, [])))
            found.extend(_check_paragraph(self._original, paragraph, self._quotations(paragraph), sources))
        return tuple(found)

    def _quotations(self, paragraph: Paragraph) -> list[_Derived]:
        found = self._derived.get(paragraph.index)
        if found is None:
            found = self._derived[paragraph.index] = _derived(paragraph)
        return found


def check(
    original: Sequence[Paragraph],
    derivative: Sequence[Paragraph],
    partners: dict[int, list[int]],
) -> tuple[Quote, ...]:
    """Classify each quotation of the derivative; `partners` maps a derivative paragraph to the
    original paragraphs the alignment linked it with."""
    return Quotations(original, derivative).check(partners)
