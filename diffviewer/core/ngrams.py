"""Units as character n-grams: each word's n-grams numbered once, and a side's units' n-gram sets
laid end to end in numpy arrays, which batches of unit pairs are matched from.

A word is padded with boundary marks and cut into its character 4-grams (pairs of characters in
scripts written without spaces). Words and n-grams are numbered in order of first appearance in
reading order, never by a string's hash (which changes from run to run), so every run numbers
them alike and aligns alike.
"""

from __future__ import annotations

import re
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

# Letters, digits and ideographs; apostrophes and hyphens split words, so elided articles
# ("l'", "d'") and hyphenated parts stand apart.
_WORD_RE = re.compile(r"\w+")
NGRAM = 4
# From here on (U+2E80, CJK radicals) Unicode's scripts are written without spaces between words,
# Hangul aside; an approximation that errs towards finer n-grams.
_UNSPACED_FROM = "\u2e80"
_START, _END = "\x02", "\x03"
# shared_by_table() takes the pairs holding this many entries at a time, at most...
ENTRIES_AT_ONCE = 1 << 18
# ...and marks the n-grams of this many (unit, n-gram) cells at a time, at most.
TABLE_CELLS = 1 << 22

# An n-gram is a small integer (its order of first appearance): sets of them intersect at C
# speed, and the documents' statistics are numpy sums over them.
Features = frozenset[int]
_Ints = npt.NDArray[np.int64]
_Ints32 = npt.NDArray[np.int32]
_Floats = npt.NDArray[np.float64]


class FeatureCache:
    """N-grams per distinct word: a book has tens of thousands of words but millions of tokens.
    Words are numbered in order of first appearance, n-grams too."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._numbers: dict[str, int] = {}  # each word's number
        self._grams: list[list[int]] = []  # each word's n-grams, by its number
        self.words = 0  # distinct words per unit, summed over the units seen

    def of_word(self, word: str) -> list[int]:
        """A word's n-grams (a word may hold one twice: a unit's entries are kept once each)."""
        number = self._numbers.get(word)
        if number is not None:
            return self._grams[number]
        padded = f"{_START}{word}{_END}"
        # Scripts written without spaces (Chinese, Japanese, Thai...) give whole clauses as one
        # "word", each character nearly a word itself: there, pairs of characters.
        size = 2 if max(word) >= _UNSPACED_FROM else NGRAM
        grams = [padded] if len(padded) <= size else [padded[k : k + size] for k in range(len(padded) - size + 1)]
        ids = self.ids
        found = [ids.setdefault(gram, len(ids)) for gram in grams]
        self._numbers[word] = len(self._grams)
        self._grams.append(found)
        return found

    def of_text(self, text: str) -> list[int]:
        """The numbers of a text's distinct words, in reading order: the union of their n-grams
        is the text's."""
        # In reading order, not as a set of strings (whose order changes from run to run with
        # Python's string hashing): word and n-gram numbers are then the same in every run.
        words = dict.fromkeys(_WORD_RE.findall(text.casefold()))
        self.words += len(words)
        numbers = self._numbers
        for word in [word for word in words if word not in numbers]:  # only new words cost more
            self.of_word(word)
        return list(map(numbers.__getitem__, words))

    def take(self, alone: Alone) -> Words:
        """A side featurised by itself, numbered as if featurised here: its n-grams and words new
        here are numbered in its order of first appearance, as of_text() would have (an n-gram
        new here can only be in a word new here), and its units renumbered."""
        ids = self.ids
        gram_numbers = [ids.setdefault(gram, len(ids)) for gram in alone.grams]
        numbers, grams = self._numbers, self._grams
        word_numbers = []
        for word, its_grams in zip(alone.words, alone.word_grams, strict=True):
            number = numbers.get(word)
            if number is None:
                number = numbers[word] = len(grams)
                grams.append([gram_numbers[gram] for gram in its_grams])
            word_numbers.append(number)
        self.words += alone.count
        renumbered = np.asarray(word_numbers, dtype=np.int32)[alone.units.numbers]
        return Words(renumbered, alone.units.starts)

    def laid_out(self) -> tuple[_Ints32, _Ints]:
        """Every word's n-grams end to end, by word number, and where each word's start."""
        lengths = np.fromiter(map(len, self._grams), dtype=np.int64, count=len(self._grams))
        grams = np.fromiter(chain.from_iterable(self._grams), dtype=np.int32, count=int(lengths.sum()))
        return grams, np.concatenate(([0], np.cumsum(lengths)))


@dataclass(frozen=True, slots=True)
class Words:
    """One side's units as the numbers of their distinct words, laid end to end."""

    numbers: _Ints32  # unit k's words: numbers[starts[k]:starts[k + 1]]
    starts: _Ints

    @property
    def units(self) -> int:
        return len(self.starts) - 1


def featurised(cache: FeatureCache, texts: Sequence[str], on_step: Callable[[], None]) -> Words:
    found: list[list[int]] = []
    for k, text in enumerate(texts):
        if k % 8192 == 8191:
            on_step()
        found.append(cache.of_text(text))
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    numbers = np.fromiter(chain.from_iterable(found), dtype=np.int32, count=int(lengths.sum()))
    return Words(numbers, np.concatenate(([0], np.cumsum(lengths))))


@dataclass(frozen=True, slots=True)
class Alone:
    """One side featurised by itself (FeatureCache.take numbers it as part of a pair)."""

    words: list[str]  # its distinct words, numbered by their place here
    grams: list[str]  # its n-grams, numbered by their place here
    word_grams: list[list[int]]  # each word's n-grams, by those numbers
    units: Words  # its units, by those word numbers
    count: int  # distinct words per unit, summed


# The sides featurised last: one original compared with many documents (a scan's candidates, a
# batch, the derivatives of the window) is featurised once, not once a comparison.
KEEP_SIDES = 2
# A side of fewer units is featurised in a few milliseconds, faster than kept and taken again.
KEPT_SIDE_UNITS = 1024
_sides: OrderedDict[tuple[str, ...], Alone] = OrderedDict()
_sides_lock = threading.Lock()  # (comparisons run in several threads at once)


def _alone(texts: Sequence[str], on_step: Callable[[], None]) -> Alone:
    key = tuple(texts)
    with _sides_lock:
        found = _sides.get(key)
        if found is not None:
            _sides.move_to_end(key)
            return found
    cache = FeatureCache()
    units = featurised(cache, texts, on_step)
    found = Alone(list(cache._numbers), list(cache.ids), cache._grams, units, cache.words)
    _keep(key, found)
    return found


def _keep(key: tuple[str, ...], side: Alone) -> None:
    with _sides_lock:
        _sides[key] = side
        _sides.move_to_end(key)
        while len(_sides) > KEEP_SIDES:
            _sides.popitem(last=False)


# Another process's featurisation of a side (a comparison's helper): given the side's texts and
# how long it may wait for it, that side alone, or None (featurised here then).
Elsewhere = Callable[[Sequence[str], float], Alone | None]


def featurised_pair(
    original: Sequence[str],
    derivative: Sequence[str],
    on_step: Callable[[], None],
    elsewhere: Elsewhere | None = None,
) -> tuple[FeatureCache, Words, Words]:
    """Both sides' units as word numbers, the original's words and n-grams numbered first, then
    the derivative's new ones: what featurising them in turn gives, each side's own work kept
    for the next comparison of its texts.

    `elsewhere`: the original may be featurised in another process meanwhile; the derivative is
    then featurised here first, and the original is waited for about as long as featurising it
    here would take."""
    cache = FeatureCache()
    if elsewhere is not None and min(len(original), len(derivative)) >= KEPT_SIDE_UNITS and not kept(original):
        started = time.perf_counter()
        theirs = _alone(derivative, on_step)
        patience = (time.perf_counter() - started) * len(original) / len(derivative)
        ours = elsewhere(original, patience)
        if ours is not None:
            _keep(tuple(original), ours)
        else:
            ours = _alone(original, on_step)
        return cache, cache.take(ours), cache.take(theirs)
    sides = [
        cache.take(_alone(texts, on_step)) if len(texts) >= KEPT_SIDE_UNITS else featurised(cache, texts, on_step)
        for texts in (original, derivative)
    ]
    return cache, sides[0], sides[1]


def alone(texts: Sequence[str]) -> Alone:
    """One side featurised by itself (for a helper process to send: see Elsewhere)."""
    return _alone(texts, lambda: None)


def kept(texts: Sequence[str]) -> bool:
    """Whether a side of these texts is kept (featurised already)."""
    with _sides_lock:
        return tuple(texts) in _sides


def forget_sides() -> None:
    """Drop the sides kept (a test that cancels a comparison must meet it unfeaturised)."""
    with _sides_lock:
        _sides.clear()


_UNITS_AT_ONCE = 4096


class Flat:
    """One side's units' n-gram sets laid end to end: every (unit, n-gram) entry, for numpy, each
    unit's n-grams in ascending order."""

    def __init__(self, units: Words, word_grams: _Ints32, word_starts: _Ints, vocabulary: int) -> None:
        # 32 bits a number (n-gram ids and unit numbers stay far below 2**31): a book has millions
        # of entries, and these arrays live as long as the alignment. A slice of the units at a
        # time, so that only a slice's entries are held twice. Each unit's entries are its words'
        # n-grams, sorted and each kept once (a unit's set built from its words' sets, a union
        # for each unit, took three times as long).
        vocabulary = max(1, vocabulary)
        parts, lengths = [], []
        for start in range(0, units.units, _UNITS_AT_ONCE):
            end = min(units.units, start + _UNITS_AT_ONCE)
            words = units.numbers[units.starts[start] : units.starts[end]]
            per_word = word_starts[words + 1] - word_starts[words]
            grams = word_grams[runs(word_starts[words], per_word)]
            owner = np.repeat(
                np.repeat(np.arange(end - start, dtype=np.int64), np.diff(units.starts[start : end + 1])), per_word
            )
            keys = owner * vocabulary + grams
            keys.sort()
            first = np.concatenate(([True], keys[1:] != keys[:-1])) if len(keys) else np.zeros(0, dtype=bool)
            keys = keys[first]
            parts.append((keys % vocabulary).astype(np.int32))
            lengths.append(np.bincount(keys // vocabulary, minlength=end - start))
        self.grams: _Ints32 = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
        counts = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
        self.starts: _Ints = np.concatenate(([0], np.cumsum(counts)))  # unit k's entries: starts[k]:starts[k + 1]
        self.units = units.units

    def features(self, unit: int, starts: list[int]) -> Features:
        """A unit's n-gram set (`starts`: self.starts as a list, for speed)."""
        return frozenset(self.grams[starts[unit] : starts[unit + 1]].tolist())

    def owners(self, start: int = 0, end: int | None = None) -> _Ints32:
        """The unit of each entry of units start:end. (Made when asked: held, a book's took 17 MB.)"""
        end = self.units if end is None else end
        return np.repeat(np.arange(start, end, dtype=np.int32), np.diff(self.starts[start : end + 1]))

    def sums(self, *per_gram: _Floats) -> list[_Floats]:
        """Each unit's sum of each per-n-gram value."""
        owner = self.owners()
        return [np.bincount(owner, weights=v[self.grams], minlength=self.units).astype(np.float64) for v in per_gram]


@dataclass(frozen=True, slots=True)
class Neighbours:
    """What each unit of a side shares with the next: its weight, and the n-grams themselves
    (laid end to end, 32 bits each: as sets, a book's would take tens of megabytes)."""

    weights: list[float]
    grams: array[int]
    starts: list[int]  # unit k's common n-grams: grams[starts[k]:starts[k + 1]]

    @staticmethod
    def of(flat: Flat, idf: _Floats) -> Neighbours:
        units = np.arange(max(0, flat.units - 1), dtype=np.int64)
        parts: list[_Ints] = []
        weights = shared_by_table(flat, units, flat, units + 1, idf, parts).tolist()
        pairs = np.concatenate(parts[0::2]) if parts else np.zeros(0, dtype=np.int64)
        grams = np.concatenate(parts[1::2]) if parts else np.zeros(0, dtype=np.int32)
        order = np.argsort(pairs, kind="stable")
        starts = np.searchsorted(pairs[order], np.arange(len(units) + 1))
        return Neighbours(weights, array("i", grams[order].astype(np.int32).tobytes()), starts.tolist())

    def common(self, unit: int) -> array[int]:
        return self.grams[self.starts[unit] : self.starts[unit + 1]]


def shared_by_table(
    rows: Flat, row_units: _Ints, looked: Flat, looked_units: _Ints, idf: _Floats, hits: list[_Ints] | None = None
) -> _Floats:
    """The weight of the n-grams each pair of units (row_units[k] of `rows`, looked_units[k] of
    `looked`) shares, from the flat entries: no unit's set is built (building them was a third
    of a book's batches). A few row units at a time are marked in a table of their n-grams, which
    each entry of their pairs' other units looks up. With `hits`, the shared entries are added to
    it too: (pair, n-gram) arrays, a chunk at a time."""
    shared = np.zeros(len(row_units), dtype=np.float64)
    vocabulary = max(1, len(idf))
    order = np.argsort(row_units, kind="stable")
    units_a, units_b = row_units[order].astype(np.int64), looked_units[order].astype(np.int64)
    lengths_b = looked.starts[units_b + 1] - looked.starts[units_b]
    ends = np.cumsum(lengths_b)
    distinct = np.cumsum(np.concatenate(([True], units_a[1:] != units_a[:-1])))
    # (No bigger than the units there are: zeroing a table of millions of cells for a few
    # units was most of a short document's batches.)
    per_table = max(1, min(TABLE_CELLS // vocabulary, int(distinct[-1]) if len(distinct) else 1))
    table = np.zeros(per_table * vocabulary, dtype=bool)
    start = 0
    while start < len(order):
        # Pairs of at most per_table row units and about ENTRIES_AT_ONCE looked-up entries at a
        # time (at least one pair).
        done = int(ends[start - 1]) if start else 0
        end = min(
            int(np.searchsorted(ends, done + ENTRIES_AT_ONCE, side="right")),
            int(np.searchsorted(distinct, distinct[start] - 1 + per_table, side="right")),
        )
        end = max(start + 1, end)
        units, rank = np.unique(units_a[start:end], return_inverse=True)
        counts_a = rows.starts[units + 1] - rows.starts[units]
        marks = (
            np.repeat(np.arange(len(units), dtype=np.int64) * vocabulary, counts_a)
            + rows.grams[runs(rows.starts[units], counts_a)]
        )
        table[marks] = True
        counts_b = lengths_b[start:end]
        grams = looked.grams[runs(looked.starts[units_b[start:end]], counts_b)]
        pair = np.repeat(np.arange(end - start), counts_b)
        hit = table[rank.astype(np.int64)[pair] * vocabulary + grams]
        shared[order[start:end]] = np.bincount(pair[hit], weights=idf[grams[hit]], minlength=end - start)
        if hits is not None:
            hits.extend((order[start:end][pair[hit]], grams[hit]))
        table[marks] = False
        start = end
    return shared


def runs(starts: _Ints, lengths: _Ints) -> _Ints:
    """The numbers start, start + 1, ... of each run, the runs laid end to end."""
    total = int(lengths.sum()) if len(lengths) else 0
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total, dtype=np.int64)
