"""Language-neutral similarity of text units: character n-grams weighted by the documents' rarity.

A unit (a sentence, or a whole paragraph of code) is the set of the character 4-grams of its
words, each word padded with boundary marks. N-grams survive what defeats whole words:
inflection ("Quelle" / "Quellen"), elision ("l'Himalaya" gives the n-grams of "himalaya"),
compounds ("Bahnhofsuhr" shares "bahn", "uhr"), tokenisation and OCR noise. No word list and no
stemmer: how much an n-gram counts comes from the two documents themselves, by inverse
document frequency over their units, so the commonest words of any language ("the", "und",
"les") weigh next to nothing and names, figures and content words carry the match.

Similarity is the idf-weighted Dice coefficient of two n-gram sets.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain

# Letters, digits and ideographs; apostrophes and hyphens split words, so elided articles
# ("l'", "d'") and hyphenated parts stand apart.
_WORD_RE = re.compile(r"\w+")
NGRAM = 4
_START, _END = "\x02", "\x03"

Features = frozenset[str]
_WORDLESS = 0.01
MEASURABLE_UNITS = 4


class _FeatureCache:
    """N-grams per distinct word: a book has tens of thousands of words but millions of tokens."""

    def __init__(self) -> None:
        self._by_word: dict[str, Features] = {}
        self.words = 0  # distinct words per unit, summed over the units seen

    def of_word(self, word: str) -> Features:
        found = self._by_word.get(word)
        if found is None:
            padded = f"{_START}{word}{_END}"
            if len(padded) <= NGRAM:
                found = frozenset([padded])
            else:
                found = frozenset(padded[k : k + NGRAM] for k in range(len(padded) - NGRAM + 1))
            self._by_word[word] = found
        return found

    def of_text(self, text: str) -> Features:
        words = set(_WORD_RE.findall(text.casefold()))
        self.words += len(words)
        if not words:
            return frozenset()
        return frozenset().union(*map(self.of_word, words))


def featurise(texts: Iterable[str]) -> list[Features]:
    cache = _FeatureCache()
    return [cache.of_text(text) for text in texts]


class UnitSimilarity:
    """Weighted n-gram sets of both documents' units, and the scores between them."""

    def __init__(self, original: Sequence[str], derivative: Sequence[str]) -> None:
        cache = _FeatureCache()
        self.a = [cache.of_text(t) for t in original]
        self.b = [cache.of_text(t) for t in derivative]
        self.df_a = Counter(chain.from_iterable(self.a))
        self.df_b = Counter(chain.from_iterable(self.b))
        units = len(self.a) + len(self.b)
        df = self.df_a + self.df_b
        self.idf = {f: math.log((units + 1) / count) for f, count in df.items()}
        weight = self.idf.__getitem__
        # A unit without words weighs a token amount, so that its identical twin is worth pairing.
        self.a_weight = [sum(map(weight, fs)) or _WORDLESS for fs in self.a]
        self.b_weight = [sum(map(weight, fs)) or _WORDLESS for fs in self.b]

        # What a unit shares with a unit of the other side picked at random, in expectation: an
        # n-gram f of weight idf(f) is in such a unit with probability df_other(f) / units there.
        # Common words make a unit look like everything; correcting for chance (as kappa does
        # for agreement) keeps such units from pairing with whatever stands near them.
        self._share_in_b = {f: self.idf[f] * count / max(1, len(self.b)) for f, count in self.df_b.items()}
        self._share_in_a = {f: self.idf[f] * count / max(1, len(self.a)) for f, count in self.df_a.items()}
        self.mean_a = sum(self.a_weight) / max(1, len(self.a))
        self.mean_b = sum(self.b_weight) / max(1, len(self.b))
        self.a_share = [self.expected_share("a", fs) for fs in self.a]
        self.b_share = [self.expected_share("b", fs) for fs in self.b]
        # ...and how far from that expectation chance alone strays (binomial variance per n-gram).
        # The n-grams of one word come and go together, so the variance is scaled by the mean
        # number of n-grams a word has in these documents.
        # A side of a few units cannot say what is common: there, no chance model is used.
        self.measurable = min(len(self.a), len(self.b)) >= MEASURABLE_UNITS
        grams = sum(map(len, self.a)) + sum(map(len, self.b))
        together = grams / cache.words if cache.words else 1.0
        self._spread_in_b = {f: together * self.idf[f] * v * (1 - p) for f, p, v in self._probabilities(self.df_b, len(self.b))}
        self._spread_in_a = {f: together * self.idf[f] * v * (1 - p) for f, p, v in self._probabilities(self.df_a, len(self.a))}
        self.a_spread = [self.expected_spread("a", fs) for fs in self.a]
        self.b_spread = [self.expected_spread("b", fs) for fs in self.b]

    def _probabilities(self, df: Counter[str], units: int) -> Iterable[tuple[str, float, float]]:
        """Each n-gram, the chance a random unit has it, and its weight times that chance."""
        for f, count in df.items():
            p = count / max(1, units)
            yield f, p, self.idf[f] * p

    def expected_spread(self, side: str, features: Features) -> float:
        """The variance of what `features` share with one random unit of the other side."""
        spread = self._spread_in_b if side == "a" else self._spread_in_a
        return sum(map(spread.__getitem__, features & spread.keys()))

    def surprise(self, shared: float, a: tuple[float, float, int], b: tuple[float, float, int]) -> float:
        """How many standard deviations `shared` lies above what chance gives two spans.

        `a` and `b` are each span's (expected share, variance, units); a span is matched
        against random spans of the other's length, in both directions, and the two averaged.
        """
        if not self.measurable:
            return math.inf if shared > 0 else 0.0
        a_share, a_spread, a_units = a
        b_share, b_spread, b_units = b
        expected = (b_units * a_share + a_units * b_share) / 2
        variance = (b_units * a_spread + a_units * b_spread) / 2
        if variance <= 0:
            return math.inf if shared > expected else 0.0
        return (shared - expected) / math.sqrt(variance)

    def significance(self, i: int, j: int) -> float:
        """surprise() of units i and j; two units without words are as alike as can be."""
        if self.a[i] == self.b[j]:
            return math.inf  # the same words (or none on both sides): no chance model needed
        shared = self.weight(self.a[i] & self.b[j])
        return self.surprise(shared, (self.a_share[i], self.a_spread[i], 1), (self.b_share[j], self.b_spread[j], 1))

    def expected_share(self, side: str, features: Features) -> float:
        """The weight `features` (of `side`) share, in expectation, with one random unit of the other side."""
        share = self._share_in_b if side == "a" else self._share_in_a
        return sum(map(share.__getitem__, features & share.keys()))

    def chance(self, a_share: float, a_weight: float, a_units: int, b_share: float, b_weight: float, b_units: int) -> float:
        """The Dice two spans reach by chance: each side against random spans of the other's length.

        A span of k units meets about k times the n-grams one unit meets, so merged spans, which
        share more by chance, must share more to pair.
        """
        if not self.measurable:
            return 0.0
        to_b = 2 * b_units * a_share / (a_weight + b_units * self.mean_b) if a_weight else 0.0
        to_a = 2 * a_units * b_share / (b_weight + a_units * self.mean_a) if b_weight else 0.0
        return min(0.99, (to_a + to_b) / 2)

    def weight(self, features: Iterable[str]) -> float:
        return sum(map(self.idf.__getitem__, features))

    def dice(self, i: int, j: int) -> float:
        if not self.a[i] and not self.b[j]:
            return 1.0  # two units without words ("* * *", "—"): separators, free to pair in order
        total = self.a_weight[i] + self.b_weight[j]
        if not total:
            return 0.0
        return 2 * sum(map(self.idf.__getitem__, self.a[i] & self.b[j])) / total

    def score(self, i: int, j: int) -> float:
        """Dice corrected for chance: 0 for units as alike as random ones, 1 for the same text."""
        chance = self.chance(self.a_share[i], self.a_weight[i], 1, self.b_share[j], self.b_weight[j], 1)
        return corrected(self.dice(i, j), chance)

    def dice_of(self, a: Features, b: Features) -> float:
        """Dice of two feature sets (unions of several units' n-grams)."""
        total = self.weight(a) + self.weight(b)
        return 2 * self.weight(a & b) / total if total else 0.0

    def rare_pairs(
        self, max_df: int, a_range: range | None = None, b_range: range | None = None
    ) -> set[tuple[int, int]]:
        """Unit pairs sharing an n-gram found in at most `max_df` units of each side.

        Such n-grams (names, figures, rare words) are the anchors of an alignment, whatever the
        documents' size: each yields at most max_df² pairs, so this is linear in the input.
        With ranges, only those units count, and rarity is judged among them alone.
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

    def nearest(self, probes: Sequence[int], targets: Sequence[int], probe_terms: int) -> dict[int, list[int]]:
        """For derivative units `probes`, the original units among `targets` sharing a rare n-gram.

        Each probe looks only through the postings of its `probe_terms` rarest n-grams, restricted
        to the targets, so the cost is bounded by the probes' count whatever the documents' size.
        """
        post: dict[str, list[int]] = defaultdict(list)
        for i in targets:
            for f in self.a[i]:
                post[f].append(i)
        found: dict[int, list[int]] = {}
        for j in probes:
            rarest = sorted((f for f in self.b[j] if f in post), key=self.idf.__getitem__, reverse=True)
            hits: set[int] = set()
            for f in rarest[:probe_terms]:
                hits.update(post[f])
            found[j] = sorted(hits)
        return found


def corrected(dice: float, chance: float) -> float:
    return (dice - chance) / (1 - chance) if chance < 1 else 0.0
