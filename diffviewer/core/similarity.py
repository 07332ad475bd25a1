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

A unit is kept as its n-grams in one array of a side's entries (32 bits each); its set is built
when the aligner reads the unit and kept only while it reads nearby (a book's sets, all held at
once, took 170 MB); batches of pairs are matched from the arrays themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
import numpy.typing as npt

from diffviewer.core.collector import let_go
from diffviewer.core.model import Side
from diffviewer.core.ngrams import Elsewhere, Features, Flat, Neighbours, featurised_pair, runs, shared_by_table

# A unit without words weighs a token amount, so that pairing it with its twin gains something.
_WORDLESS = 0.01
# With fewer units than this on a side, the documents cannot say what is common: no chance model.
MEASURABLE_UNITS = 8
MAX_CHANCE = 0.99  # chance never explains all of a match: the correction stays finite
# Of the pairs sharing rare n-grams, each unit keeps those that share the most of them: its best
# two (and any tied with them). The rest would be scored only to lose to these.
RARE_CANDIDATES = 2
# rare_pairs_within() sorts the entries of this many units' n-grams at a time, at most (or one gap's).
ENTRIES_AT_ONCE = 1 << 18

_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Extent:
    """A run of consecutive units of one side, as the chance model sees it."""

    weight: float
    share: float  # the weight it shares, in expectation, with one random unit of the other side
    spread: float  # the variance of that
    units: int


@dataclass(frozen=True, slots=True)
class Span(Extent):
    """A run of units with its n-grams."""

    features: Features


# How many units' n-gram sets a side keeps built (twice this at most: see _UnitSpans). The aligner
# reads units near its path, a band or a gap at a time; the sets of a whole book held at once were
# most of its alignment's memory.
KEPT_UNITS = 1024


class _UnitSpans(dict[int, Span]):
    """A side's units as spans (`spans[k]`), each unit's n-gram set rebuilt from its entries in
    the flat arrays when it is not among those read lately.

    The dict holds the spans built or read since the last turn of generation, and finding one
    there is a lookup in C (the aligner reads units millions of times). When it is full it
    becomes the old generation and the older is dropped; a span found in the old one moves back.
    So at most 2 × KEPT_UNITS sets are held, and what is read again soon stays built.

    Only indexing is list-like: `len()` is the number of units, but `in`, iteration and `.get`
    see only the built ones.
    """

    def __init__(self, flat: Flat, weights: _Floats, shares: _Floats, spreads: _Floats) -> None:
        super().__init__()
        self._flat = flat
        self._starts: list[int] = flat.starts.tolist()
        self.count = flat.units
        self.weights: list[float] = weights.tolist()
        self.shares: list[float] = shares.tolist()
        self.spreads: list[float] = spreads.tolist()
        self._old: dict[int, Span] = {}

    def __missing__(self, unit: int) -> Span:
        found = self._old.pop(unit, None)
        if found is None:
            if not 0 <= unit < self.count:
                raise IndexError(unit)
            features = self._flat.features(unit, self._starts)
            found = Span(self.weights[unit], self.shares[unit], self.spreads[unit], 1, features)
        if dict.__len__(self) >= KEPT_UNITS:
            self._old = dict(self)
            self.clear()
        self[unit] = found
        return found

    def __len__(self) -> int:
        return self.count

    def run(self, start: int, end: int) -> list[Span]:
        """Units start:end."""
        return [self[unit] for unit in range(start, end)]

    def release(self) -> None:
        let_go(self._old)
        self.clear()  # (at most KEPT_UNITS, few enough to free at once)


class _UnitFeatures(Sequence[Features]):
    """A side's units' n-gram sets, as a sequence (of _UnitSpans). Iterating it or asking `in`
    builds every unit's set in turn."""

    def __init__(self, spans: _UnitSpans) -> None:
        self._spans = spans

    def __len__(self) -> int:
        return self._spans.count

    @overload
    def __getitem__(self, unit: int) -> Features: ...
    @overload
    def __getitem__(self, unit: slice) -> list[Features]: ...
    def __getitem__(self, unit: int | slice) -> Features | list[Features]:
        if isinstance(unit, slice):
            return [self._spans[k].features for k in range(*unit.indices(self._spans.count))]
        return self._spans[unit if unit >= 0 else unit + self._spans.count].features


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
        self,
        original: Sequence[str],
        derivative: Sequence[str],
        on_step: Callable[[], None] = lambda: None,
        elsewhere: Elsewhere | None = None,
    ) -> None:
        cache, words_a, words_b = featurised_pair(original, derivative, on_step, elsewhere)
        self._vocabulary = len(cache.ids)
        word_grams, word_starts = cache.laid_out()
        self._flat_a = Flat(words_a, word_grams, word_starts, self._vocabulary)
        self._flat_b = Flat(words_b, word_grams, word_starts, self._vocabulary)
        self.df_a = np.bincount(self._flat_a.grams, minlength=self._vocabulary)
        self.df_b = np.bincount(self._flat_b.grams, minlength=self._vocabulary)
        n, m = max(1, words_a.units), max(1, words_b.units)
        idf = np.log((n + m + 1) / np.maximum(1, self.df_a + self.df_b))
        self._idf: list[float] = idf.tolist()  # indexed from Python, a list is the fastest
        self._idf_array: _Floats = idf  # and from numpy, an array
        self.measurable = min(words_a.units, words_b.units) >= MEASURABLE_UNITS
        # The n-grams of one word come and go together: the variance of a sum over n-grams is
        # that many times the sum of their variances (the documents' mean n-grams per word).
        grams = len(self._flat_a.grams) + len(self._flat_b.grams)
        together = grams / cache.words if cache.words else 1.0
        # Per n-gram: its expected weight in one random unit of a side, and the variance of that.
        in_a, in_b = self.df_a / n, self.df_b / m
        weight_a, self._share_a, self._spread_a = self._flat_a.sums(
            idf, idf * in_b, together * idf * idf * in_b * (1 - in_b)
        )
        weight_b, self._share_b, self._spread_b = self._flat_b.sums(
            idf, idf * in_a, together * idf * idf * in_a * (1 - in_a)
        )
        # A unit without words weighs a token amount, so that pairing it with its twin gains something.
        self._weight_a = np.where(weight_a > 0, weight_a, _WORDLESS)
        self._weight_b = np.where(weight_b > 0, weight_b, _WORDLESS)
        self.a_units = _UnitSpans(self._flat_a, self._weight_a, self._share_a, self._spread_a)
        self.b_units = _UnitSpans(self._flat_b, self._weight_b, self._share_b, self._spread_b)
        self.a, self.b = _UnitFeatures(self.a_units), _UnitFeatures(self.b_units)
        self._raw_weight_a, self._raw_weight_b = weight_a, weight_b  # 0 for a unit without words
        self._raw_a: list[float] = weight_a.tolist()
        self._raw_b: list[float] = weight_b.tolist()
        self._next_a: Neighbours | None = None  # see _next
        self._next_b: Neighbours | None = None
        self.mean_a = float(self._weight_a.sum()) / n
        self.mean_b = float(self._weight_b.sum()) / m
        # match() of two single units, its per-unit parts computed once: the aligner asks for
        # hundreds of thousands of them.
        self._chance_a = 2 * self._share_a / (self._weight_a + self.mean_b)
        self._chance_b = 2 * self._share_b / (self._weight_b + self.mean_a)
        self._chance_a_list: list[float] = self._chance_a.tolist()
        self._chance_b_list: list[float] = self._chance_b.tolist()

    def release(self) -> None:
        """Free the units and their n-gram sets a slice at a time (collector.let_go), once the
        alignment is done: the similarity is of no use after."""
        self.a_units.release()
        self.b_units.release()

    def weight(self, features: Iterable[int]) -> float:
        return sum(map(self._idf.__getitem__, features))

    def span(self, side: Side, start: int, end: int) -> Span:
        """Units start:end of a side as one span. Its chance figures are its units' summed (an
        n-gram two of them have counts twice: a merge is judged a little more strictly)."""
        units = (self.a_units if side is Side.ORIGINAL else self.b_units).run(start, end)
        if len(units) == 1:
            return units[0]
        features = frozenset().union(*(u.features for u in units))
        return Span(
            self.weight(features) or _WORDLESS,
            sum(u.share for u in units),
            sum(u.spread for u in units),
            len(units),
            features,
        )

    def match(self, a: Span, b: Span) -> Match:
        """How alike two spans are beyond chance (each against random spans of the other's length)."""
        if a.features == b.features:
            return Match(1.0, math.inf)  # the same words (or none on either side)
        return self.judge(self.weight(a.features & b.features), a, b)

    def judge(self, shared: float, a: Extent, b: Extent) -> Match:
        """match() of two spans that share n-grams of this weight (and are not the same text)."""
        # A span of k units meets about k times the n-grams one unit meets.
        to_b = 2 * b.units * a.share / (a.weight + b.units * self.mean_b)
        to_a = 2 * a.units * b.share / (b.weight + a.units * self.mean_a)
        expected = (b.units * a.share + a.units * b.share) / 2
        variance = (b.units * a.spread + a.units * b.spread) / 2
        return self._corrected(shared, a.weight + b.weight, (to_a + to_b) / 2, expected, variance)

    def shared(self, i: int, j: int) -> float:
        """The weight of the n-grams original unit i and derivative unit j share."""
        return sum(map(self._idf.__getitem__, self.a_units[i].features & self.b_units[j].features))

    def pair_extent(self, side: Side, start: int) -> tuple[Extent, float]:
        """Units start and start + 1 of a side as one extent, without building their union: its
        weight is theirs less what they have in common. With it, that raw weight (no token
        weight for a wordless span), which tells whether it is the same text as another."""
        units = self.a_units if side is Side.ORIGINAL else self.b_units
        raw = self._raw_a if side is Side.ORIGINAL else self._raw_b
        weight = raw[start] + raw[start + 1] - self._next_shared(side)[start]
        shares, spreads = units.shares, units.spreads
        return Extent(
            weight or _WORDLESS, shares[start] + shares[start + 1], spreads[start] + spreads[start + 1], 2
        ), weight

    def _next_shared(self, side: Side) -> list[float]:
        """For each unit of a side, the weight of the n-grams it shares with the next."""
        return self._next(side).weights

    def _next(self, side: Side) -> Neighbours:
        # Made for every unit the first time one is asked for: the DP asks for most.
        found = self._next_a if side is Side.ORIGINAL else self._next_b
        if found is None:
            flat = self._flat_a if side is Side.ORIGINAL else self._flat_b
            found = Neighbours.of(flat, self._idf_array)
            if side is Side.ORIGINAL:
                self._next_a = found
            else:
                self._next_b = found
        return found

    def shared_with_next(self, side: Side, start: int, features: Features) -> float:
        """The weight of the n-grams units start and start + 1 of a side both share with `features`."""
        idf = self._idf
        return sum([idf[gram] for gram in self._next(side).common(start) if gram in features])

    def unit_weights(self, side: Side) -> _Floats:
        """Every unit's weight on a side."""
        return self._weight_a if side is Side.ORIGINAL else self._weight_b

    def raw_weight(self, side: Side, unit: int) -> float:
        """A unit's weight, 0 for a unit without words."""
        return (self._raw_a if side is Side.ORIGINAL else self._raw_b)[unit]

    def unit_match(self, i: int, j: int) -> Match:
        """match() of original unit i and derivative unit j, the same figures by a shorter way."""
        return self.unit_judge(i, j, self.shared(i, j))

    def unit_judge(self, i: int, j: int, shared: float) -> Match:
        """unit_match() of two units known to share n-grams of this weight."""
        a, b = self.a_units[i], self.b_units[j]
        if len(a.features) == len(b.features) and a.features == b.features:
            return Match(1.0, math.inf)
        chance = (self._chance_b_list[j] + self._chance_a_list[i]) / 2
        return self._corrected(shared, a.weight + b.weight, chance, (a.share + b.share) / 2, (a.spread + b.spread) / 2)

    def _corrected(self, shared: float, total: float, chance: float, expected: float, variance: float) -> Match:
        dice = 2 * shared / total
        if not self.measurable:
            return Match(dice, math.inf if shared > 0 else 0.0)
        chance = min(MAX_CHANCE, chance)
        if variance <= 0:  # nothing varies by chance: whatever is shared beyond it is certain
            return Match((dice - chance) / (1 - chance), math.inf if shared > expected else 0.0)
        return Match((dice - chance) / (1 - chance), (shared - expected) / math.sqrt(variance))

    def overlap(self, i: int, j: int) -> float:
        """Plain Dice of units i and j's n-gram sets: how much of their text they share, however
        common it is."""
        a, b = self.a_units[i].features, self.b_units[j].features
        return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0

    def rare_pairs(
        self, max_df: int, a_range: range | None = None, b_range: range | None = None
    ) -> set[tuple[int, int]]:
        """Unit pairs sharing an n-gram found in at most `max_df` units of each side (for each
        unit, those sharing most such n-grams: see RARE_CANDIDATES).

        Such n-grams (names, figures, rare words) anchor an alignment whatever the documents' size:
        each yields at most max_df² pairs, so this is linear in the input. With ranges, only
        those units count, and rarity is judged among them alone.
        """
        gap = (range(len(self.a)) if a_range is None else a_range, range(len(self.b)) if b_range is None else b_range)
        found = self.rare_pairs_within(max_df, [gap])
        return set(zip(found.original.tolist(), found.derivative.tolist(), strict=True))

    def rare_pairs_within(self, max_df: int, gaps: Sequence[tuple[range, range]]) -> GapPairs:
        """rare_pairs() in each of many gaps (disjoint ranges of both sides) at once, rarity
        judged within each gap: a sort of the documents' entries, not a count per gap.

        The gaps go a batch at a time, in reading order, each batch about ENTRIES_AT_ONCE entries
        (a book's gaps hold all its millions of entries, and sorting them at once took 100 MB):
        what is found in a gap depends on that gap alone, so the batches give what one sort would.
        """
        if len(gaps) == 1 and gaps[0] == (range(len(self.a)), range(len(self.b))):
            # Over the whole documents rarity is known already: only the rare n-grams' entries count.
            rare = (self.df_a <= max_df) & (self.df_b > 0) & (self.df_b <= max_df)
            return self._rare_pairs(max_df, gaps, rare)
        order = sorted(range(len(gaps)), key=lambda gap: gaps[gap][0].start)
        entries = [
            self._entries(self._flat_a, gaps[gap][0]) + self._entries(self._flat_b, gaps[gap][1]) for gap in order
        ]
        found: list[GapPairs] = []
        start = 0
        while start < len(order):
            end, total = start + 1, entries[start]
            while end < len(order) and total + entries[end] <= ENTRIES_AT_ONCE:
                total += entries[end]
                end += 1
            batch = order[start:end]
            pairs = self._rare_pairs(max_df, [gaps[gap] for gap in batch], None)
            found.append(GapPairs(np.array(batch, dtype=np.int64)[pairs.gap], pairs.original, pairs.derivative))
            start = end
        if not found:
            return self._rare_pairs(max_df, gaps, None)
        return GapPairs(
            *(np.concatenate([getattr(f, name) for f in found]) for name in ("gap", "original", "derivative"))
        )

    @staticmethod
    def _entries(flat: Flat, units: range) -> int:
        return int(flat.starts[units.stop] - flat.starts[units.start]) if units else 0

    def _rare_pairs(
        self, max_df: int, gaps: Sequence[tuple[range, range]], rare: npt.NDArray[np.bool_] | None
    ) -> GapPairs:
        """rare_pairs_within() these gaps, all in one sort (`rare`: the n-grams that may count)."""
        keys_a, units_a = _at_most(*self._gap_entries(self._flat_a, [g[0] for g in gaps], rare), max_df)
        keys_b, units_b = _at_most(*self._gap_entries(self._flat_b, [g[1] for g in gaps], rare), max_df)
        # Both sorted by key: each derivative entry meets the original entries of its key.
        first = np.searchsorted(keys_a, keys_b, side="left")
        counts = np.searchsorted(keys_a, keys_b, side="right") - first  # at most max_df each
        starts = np.repeat(first, counts)
        offsets = np.arange(len(starts)) - np.repeat(np.cumsum(counts) - counts, counts)
        m = max(1, len(self.b))
        # The gaps are disjoint: a pair's original unit tells its gap, and sorting by unit sorts by gap.
        keys = units_a[starts + offsets] * m + np.repeat(units_b, counts)
        pairs, hits = np.unique(keys, return_counts=True)  # hits: how many rare n-grams a pair shares
        original, derivative = pairs // m, pairs % m
        gap = _gap_of(original, [g[0] for g in gaps])
        best = _among_best(original, hits, RARE_CANDIDATES) | _among_best(derivative, hits, RARE_CANDIDATES)
        return GapPairs(gap[best], original[best], derivative[best])

    def unit_scores(self, original: _Ints, derivative: _Ints) -> PairScores:
        """unit_match() of many pairs at once."""
        shared = self._shared_weights(original, derivative)
        raw_a, raw_b = self._raw_weight_a[original], self._raw_weight_b[derivative]
        weight = self._weight_a[original] + self._weight_b[derivative]
        dice = 2 * shared / weight
        same = (np.abs(raw_a - shared) <= 1e-9 * np.maximum(1.0, raw_a)) & (
            np.abs(raw_b - shared) <= 1e-9 * np.maximum(1.0, raw_b)
        )
        if not self.measurable:
            return PairScores(shared, np.where(same, 1.0, dice), np.where(same | (shared > 0), math.inf, 0.0))
        chance = np.minimum(MAX_CHANCE, (self._chance_b[derivative] + self._chance_a[original]) / 2)
        expected = (self._share_a[original] + self._share_b[derivative]) / 2
        variance = (self._spread_a[original] + self._spread_b[derivative]) / 2
        with np.errstate(divide="ignore", invalid="ignore"):
            surprise = np.where(
                variance > 0, (shared - expected) / np.sqrt(variance), np.where(shared > expected, math.inf, 0.0)
            )
        return PairScores(
            shared, np.where(same, 1.0, (dice - chance) / (1 - chance)), np.where(same, math.inf, surprise)
        )

    def _shared_weights(self, original: _Ints, derivative: _Ints) -> _Floats:
        """shared() of many pairs, from the flat entries (see shared_by_table)."""
        return shared_by_table(self._flat_a, original, self._flat_b, derivative, self._idf_array)

    def _gap_entries(
        self, flat: Flat, ranges: Sequence[range], rare: npt.NDArray[np.bool_] | None
    ) -> tuple[_Ints, _Ints]:
        """Every entry of a unit in one of `ranges` (of an n-gram in `rare`, if given): its key
        (gap × vocabulary + n-gram), and its unit. Only the ranges' own entries are read: a
        batch's ranges may lie far apart on a side (a passage moved whole)."""
        spanned = [members for members in ranges if members]
        first = flat.starts[np.array([r.start for r in spanned], dtype=np.int64)]
        entries = runs(first, flat.starts[np.array([r.stop for r in spanned], dtype=np.int64)] - first)
        grams = flat.grams[entries]
        if rare is not None:
            inside = rare[grams]
            entries, grams = entries[inside], grams[inside]
        owner = np.searchsorted(flat.starts, entries, side="right") - 1
        return _gap_of(owner, ranges) * self._vocabulary + grams, owner

    def nearest(
        self, probes: Sequence[int], targets: Sequence[int], probe_terms: int, max_posting: int, keep: int
    ) -> dict[int, list[int]]:
        """For derivative units `probes`, the few original units among `targets` most likely theirs.

        Each probe looks through the postings of its `probe_terms` n-grams that are rarest among
        the targets, skipping any that more than `max_posting` targets have, and keeps the `keep`
        targets that share most of them: the cost stays linear in the probes whatever the text.
        """
        found: dict[int, list[int]] = {j: [] for j in probes}
        if not probes or not targets:
            return found
        # The targets' postings: for each n-gram, the targets holding it, in the targets' order.
        fa, fb = self._flat_a, self._flat_b
        target_units = np.asarray(targets, dtype=np.int64)
        counts = fa.starts[target_units + 1] - fa.starts[target_units]
        grams = fa.grams[runs(fa.starts[target_units], counts)].astype(np.int64)
        rank = np.repeat(np.arange(len(target_units), dtype=np.int64), counts)  # a target's place
        by_gram = np.lexsort((rank, grams))
        posted, posted_at = rank[by_gram], np.searchsorted(grams[by_gram], np.arange(self._vocabulary + 1))
        df = np.diff(posted_at)  # how many targets hold each n-gram
        # Each probe's n-grams that 1..max_posting targets hold, rarest first (then by n-gram), the
        # first probe_terms of them.
        probe_units = np.asarray(probes, dtype=np.int64)
        counts = fb.starts[probe_units + 1] - fb.starts[probe_units]
        grams = fb.grams[runs(fb.starts[probe_units], counts)].astype(np.int64)
        probe = np.repeat(np.arange(len(probe_units), dtype=np.int64), counts)
        held = df[grams]
        usable = (held > 0) & (held <= max_posting)
        probe, grams, held = probe[usable], grams[usable], held[usable]
        order = np.lexsort((grams, held, probe))
        probe, grams, held = probe[order], grams[order], held[order]
        probe, grams, held = (x[_ranks(probe) < probe_terms] for x in (probe, grams, held))
        # Their postings end to end, in that order: each hit a (probe, target, position).
        hit_probe = np.repeat(probe, held)
        hit_target = posted[runs(posted_at[grams], held)]
        position = np.arange(len(hit_target), dtype=np.int64)
        # Per probe and target: how many hits, and the first (Counter.most_common's order for ties).
        order = np.lexsort((position, hit_target, hit_probe))
        hit_probe, hit_target, position = hit_probe[order], hit_target[order], position[order]
        first = (
            np.flatnonzero(
                np.concatenate(([True], (hit_probe[1:] != hit_probe[:-1]) | (hit_target[1:] != hit_target[:-1])))
            )
            if len(order)
            else np.zeros(0, dtype=np.int64)
        )
        many = np.diff(np.append(first, len(order)))
        pair_probe, pair_target, pair_first = hit_probe[first], hit_target[first], position[first]
        best = np.lexsort((pair_first, -many, pair_probe))
        kept = best[_ranks(pair_probe[best]) < keep]
        for k, target in zip(pair_probe[kept].tolist(), pair_target[kept].tolist(), strict=True):
            found[probes[k]].append(targets[target])
        for j in found:
            found[j].sort()
        return found


def _ranks(groups: _Ints) -> _Ints:
    """For a sorted array of group numbers, each item's place within its group (0, 1, ...)."""
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    return np.arange(len(groups)) - np.repeat(starts, np.diff(np.append(starts, len(groups))))


def _gap_of(units: _Ints, ranges: Sequence[range]) -> _Ints:
    """The number of the range each unit is in (the ranges are disjoint, and hold every unit)."""
    spanned = sorted((r.start, gap) for gap, r in enumerate(ranges) if r)
    starts = np.array([start for start, _ in spanned], dtype=np.int64)
    numbers = np.array([gap for _, gap in spanned], dtype=np.int64)
    return numbers[np.searchsorted(starts, units, side="right") - 1] if len(units) else np.zeros(0, dtype=np.int64)


def _among_best(units: _Ints, hits: _Ints, keep: int) -> npt.NDArray[np.bool_]:
    """Whether each pair is among the `keep` pairs with most hits of its unit (ties kept)."""
    order = np.lexsort((-hits, units))
    sorted_units, sorted_hits = units[order], hits[order]
    starts = np.flatnonzero(np.concatenate(([True], sorted_units[1:] != sorted_units[:-1])))
    runs = np.diff(np.append(starts, len(sorted_units)))
    rank = np.arange(len(order)) - np.repeat(starts, runs)
    # The hits of the keep-th best pair of each unit (or its last, if it has fewer).
    cutoff = sorted_hits[np.repeat(starts + np.minimum(runs, keep) - 1, runs)]
    found = np.empty(len(order), dtype=bool)
    found[order] = (rank < keep) | (sorted_hits >= cutoff)
    return found


def _at_most(keys: _Ints, units: _Ints, count: int) -> tuple[_Ints, _Ints]:
    """The entries whose key is found at most `count` times, sorted by key."""
    order = np.argsort(keys)  # (which of a key's units comes first does not matter)
    keys, units = keys[order], units[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    runs = np.diff(np.append(starts, len(keys)))
    rare = np.repeat(runs <= count, runs)
    return keys[rare], units[rare]


@dataclass(frozen=True, slots=True)
class PairScores:
    """Matches of many unit pairs: what each shares (weight), its score and its surprise."""

    shared: _Floats
    score: _Floats
    surprise: _Floats


@dataclass(frozen=True, slots=True)
class GapPairs:
    """Candidate unit pairs, each once, with the gap each lies in; sorted by gap."""

    gap: _Ints
    original: _Ints
    derivative: _Ints
