"""Language-neutral similarity of text units: character n-grams weighed by the documents themselves.

A unit (a sentence, or a whole block of code) is the set of the character 4-grams of its words,
each word padded with boundary marks. N-grams survive what defeats whole words: inflection
("Quelle" / "Quellen"), elision ("l'Himalaya" gives the n-grams of "himalaya"), compounds
("Bahnhofsuhr" shares "bahn", "uhr"), tokenisation and OCR noise. There is no word list and no
stemmer: how much an n-gram counts comes from the two documents, by inverse document frequency
over their units, so the commonest words of any language ("the", "und", "les") weigh next to
nothing and names, figures and content words carry a match.

Two units are compared by the idf-weighted Dice coefficient of their n-gram sets, corrected for
chance: what a unit shares with a random unit of the other document is expected (an n-gram of
weight w that a share p of the other side's units have adds w·p), so a unit made of common words,
which resembles everything, must share more to count (as kappa corrects agreement for chance).
The same model gives the variance of what chance shares, so a match has a surprise: how many
standard deviations it lies above chance, which the aligner turns into a significance test.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from diffviewer.core.model import Side

# Letters, digits and ideographs; apostrophes and hyphens split words, so elided articles
# ("l'", "d'") and hyphenated parts stand apart.
_WORD_RE = re.compile(r"\w+")
NGRAM = 4
# From here on (U+2E80, CJK radicals) Unicode's scripts are written without spaces between words,
# Hangul aside; an approximation that errs towards finer n-grams.
_UNSPACED_FROM = "\u2e80"
_START, _END = "\x02", "\x03"
# A unit without words weighs a token amount, so that pairing it with its twin gains something.
_WORDLESS = 0.01
# With fewer units than this on a side, the documents cannot say what is common: no chance model.
MEASURABLE_UNITS = 8
MAX_CHANCE = 0.99  # chance never explains all of a match: the correction stays finite

Features = frozenset[str]


class _FeatureCache:
    """N-grams per distinct word: a book has tens of thousands of words but millions of tokens."""

    def __init__(self) -> None:
        self._by_word: dict[str, Features] = {}
        self.words = 0  # distinct words per unit, summed over the units seen

    def of_word(self, word: str) -> Features:
        found = self._by_word.get(word)
        if found is None:
            padded = f"{_START}{word}{_END}"
            # Scripts written without spaces (Chinese, Japanese, Thai...) give whole clauses as one
            # "word", each character nearly a word itself: there, pairs of characters.
            size = 2 if any(ch >= _UNSPACED_FROM for ch in word) else NGRAM
            if len(padded) <= size:
                found = frozenset([padded])
            else:
                found = frozenset(padded[k : k + size] for k in range(len(padded) - size + 1))
            self._by_word[word] = found
        return found

    def of_text(self, text: str) -> Features:
        words = set(_WORD_RE.findall(text.casefold()))
        self.words += len(words)
        if not words:
            return frozenset()
        for word in words.difference(self._by_word):  # only new words cost Python-level work
            self.of_word(word)
        return frozenset().union(*map(self._by_word.__getitem__, words))


def _featurised(cache: _FeatureCache, texts: Sequence[str], on_step: Callable[[], None]) -> list[Features]:
    found = []
    for k, text in enumerate(texts):
        if k % 8192 == 8191:
            on_step()
        found.append(cache.of_text(text))
    return found


@dataclass(frozen=True, slots=True)
class Span:
    """A run of consecutive units of one side, as the chance model sees it."""

    features: Features
    weight: float
    share: float  # the weight it shares, in expectation, with one random unit of the other side
    spread: float  # the variance of that
    units: int


@dataclass(frozen=True, slots=True)
class Match:
    # Dice corrected for chance: 1 for the same text, 0 for a unit as alike to the other as to a
    # random unit of typical length there. (Two short units of common words can still score
    # high: it is `surprise` that tells they share nothing unlikely.)
    score: float
    surprise: float  # standard deviations above chance of what they share (inf for the same text)


class UnitSimilarity:
    """Both documents' units as weighted n-gram sets, and the chance model for comparing them."""

    def __init__(
        self, original: Sequence[str], derivative: Sequence[str], on_step: Callable[[], None] = lambda: None
    ) -> None:
        cache = _FeatureCache()
        self.a = _featurised(cache, original, on_step)
        self.b = _featurised(cache, derivative, on_step)
        self.df_a = Counter(chain.from_iterable(self.a))
        self.df_b = Counter(chain.from_iterable(self.b))
        n, m = max(1, len(self.a)), max(1, len(self.b))
        df = self.df_a + self.df_b
        self.idf = {f: math.log((n + m + 1) / count) for f, count in df.items()}
        self.measurable = min(len(self.a), len(self.b)) >= MEASURABLE_UNITS
        # The n-grams of one word come and go together: the variance of a sum over n-grams is
        # that many times the sum of their variances (the documents' mean n-grams per word).
        grams = sum(map(len, self.a)) + sum(map(len, self.b))
        together = grams / cache.words if cache.words else 1.0
        share_in_a, spread_in_a = self._chance_maps(self.df_a, n, together)
        share_in_b, spread_in_b = self._chance_maps(self.df_b, m, together)
        self.a_units = [self._span(fs, share_in_b, spread_in_b) for fs in self.a]
        self.b_units = [self._span(fs, share_in_a, spread_in_a) for fs in self.b]
        self.mean_a = sum(u.weight for u in self.a_units) / n
        self.mean_b = sum(u.weight for u in self.b_units) / m

    def _chance_maps(self, df: Counter[str], units: int, together: float) -> tuple[dict[str, float], dict[str, float]]:
        """For every n-gram: its expected weight in one random unit of a side, and the variance."""
        share: dict[str, float] = {}
        spread: dict[str, float] = {}
        for f, idf in self.idf.items():
            p = df.get(f, 0) / units
            share[f] = idf * p
            spread[f] = together * idf * idf * p * (1 - p)
        return share, spread

    def _span(self, features: Features, share: dict[str, float], spread: dict[str, float]) -> Span:
        weight = sum(map(self.idf.__getitem__, features)) or _WORDLESS
        return Span(features, weight, sum(map(share.__getitem__, features)), sum(map(spread.__getitem__, features)), 1)

    def weight(self, features: Iterable[str]) -> float:
        return sum(map(self.idf.__getitem__, features))

    def span(self, side: Side, start: int, end: int) -> Span:
        """Units start:end of a side as one span. Its chance figures are its units' summed (an
        n-gram two of them have counts twice: a merge is judged a little more strictly)."""
        units = (self.a_units if side is Side.ORIGINAL else self.b_units)[start:end]
        if len(units) == 1:
            return units[0]
        features = frozenset().union(*(u.features for u in units))
        return Span(
            features,
            self.weight(features) or _WORDLESS,
            sum(u.share for u in units),
            sum(u.spread for u in units),
            len(units),
        )

    def match(self, a: Span, b: Span) -> Match:
        """How alike two spans are beyond chance (each against random spans of the other's length)."""
        if a.features == b.features:
            return Match(1.0, math.inf)  # the same words (or none on either side)
        shared = self.weight(a.features & b.features)
        total = a.weight + b.weight
        dice = 2 * shared / total
        if not self.measurable:
            return Match(dice, math.inf if shared > 0 else 0.0)
        # A span of k units meets about k times the n-grams one unit meets.
        to_b = 2 * b.units * a.share / (a.weight + b.units * self.mean_b)
        to_a = 2 * a.units * b.share / (b.weight + a.units * self.mean_a)
        chance = min(MAX_CHANCE, (to_a + to_b) / 2)
        expected = (b.units * a.share + a.units * b.share) / 2
        variance = (b.units * a.spread + a.units * b.spread) / 2
        if variance <= 0:  # nothing varies by chance: whatever is shared beyond it is certain
            return Match((dice - chance) / (1 - chance), math.inf if shared > expected else 0.0)
        return Match((dice - chance) / (1 - chance), (shared - expected) / math.sqrt(variance))

    def overlap(self, i: int, j: int) -> float:
        """Plain Dice of units i and j's n-gram sets: how much of their text they share, however
        common it is."""
        a, b = self.a[i], self.b[j]
        return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0

    def unit_match(self, i: int, j: int) -> Match:
        return self.match(self.a_units[i], self.b_units[j])

    def rare_pairs(
        self, max_df: int, a_range: range | None = None, b_range: range | None = None
    ) -> set[tuple[int, int]]:
        """Unit pairs sharing an n-gram found in at most `max_df` units of each side.

        Such n-grams (names, figures, rare words) anchor an alignment whatever the documents' size:
        each yields at most max_df² pairs, so this is linear in the input. With ranges, only
        those units count, and rarity is judged among them alone.
        """
        a_units = range(len(self.a)) if a_range is None else a_range
        b_units = range(len(self.b)) if b_range is None else b_range
        if a_range is None and b_range is None:
            df_a, df_b = self.df_a, self.df_b
        else:
            df_a = Counter(chain.from_iterable(self.a[i] for i in a_units))
            df_b = Counter(chain.from_iterable(self.b[j] for j in b_units))
        rare = frozenset(f for f, count in df_a.items() if count <= max_df and 0 < df_b.get(f, 0) <= max_df)
        post_a: dict[str, list[int]] = defaultdict(list)
        for i in a_units:
            for f in self.a[i] & rare:  # the intersection runs at C speed; few n-grams are rare
                post_a[f].append(i)
        pairs: set[tuple[int, int]] = set()
        for j in b_units:
            for f in self.b[j] & rare:
                pairs.update((i, j) for i in post_a[f])
        return pairs

    def nearest(
        self, probes: Sequence[int], targets: Sequence[int], probe_terms: int, max_posting: int, keep: int
    ) -> dict[int, list[int]]:
        """For derivative units `probes`, the few original units among `targets` most likely theirs.

        Each probe looks through the postings of its `probe_terms` n-grams that are rarest among
        the targets, skipping any that more than `max_posting` targets have, and keeps the `keep`
        targets that share most of them: the cost stays linear in the probes whatever the text.
        """
        post: dict[str, list[int]] = defaultdict(list)
        for i in targets:
            for f in self.a[i]:
                post[f].append(i)
        found: dict[int, list[int]] = {}
        for j in probes:
            rare = sorted((len(post[f]), f) for f in self.b[j] if 0 < len(post.get(f, ())) <= max_posting)
            hits: Counter[int] = Counter()
            for _, f in rare[:probe_terms]:
                hits.update(post[f])
            found[j] = sorted(i for i, _ in hits.most_common(keep))
        return found
