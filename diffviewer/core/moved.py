"""Moved phrases inside a block: words a rewrite kept but put somewhere else.

The word diff is in order: a clause moved to the end of its sentence comes out as removed where
it was and added where it went. `mark_moved` finds such phrases — at least MIN_MOVED_WORDS words
that one removed run and one added run of the block share (casefolded, whatever the spacing and
punctuation between them) — and cuts each out into its own DELETE and INSERT change carrying the
same `moved` id, so the views can show one phrase in two places. Each side's text stays its own:
the changes still rebuild both sides exactly.

A shared phrase only moved if it changed place relative to something kept: to an equal run
between its two places, or to another shared phrase of the same run of edits ("a, b" → "b, a").
Otherwise it is an edit in place ("The Big Dog" → "the big dog") and stays one.

Cost is linear in the block's changed words: phrases grow from shared word trigrams, trigrams
too common to be telling are not used as seeds, and a block with more changed words than
MAX_CHANGED_WORDS is left as it is.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from diffviewer.core.model import Change, ChangeOp
from diffviewer.core.normalise import folded
from diffviewer.core.tokens import WORD_RE

MIN_MOVED_WORDS = 3
# Blocks with more removed and added words than this together are not searched (book-sized
# rewrites): the search is linear, but such a block is a rewrite, not a reordering.
MAX_CHANGED_WORDS = 20_000
# A trigram found more often than this on one side says little about where a phrase went.
MAX_SEED_OCCURRENCES = 32
# Growing phrases from their seeds may take this many word comparisons per changed word.
WORK_PER_WORD = 32


# What words of a moved phrase are compared by: case and typography set aside. (folded itself,
# not a function calling it: a book's blocks key a million words.)
word_key = folded


@dataclass(frozen=True, slots=True)
class _Words:
    """One side's phrase words in order, field by field (a block has thousands: an object for
    each word cost more than finding them). Its lists grow while _words finds the words (add),
    and are only read after."""

    change: list[int] = field(default_factory=list)  # index of its change in the block
    start: list[int] = field(default_factory=list)  # offsets in that change's text
    end: list[int] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    segment: list[int] = field(default_factory=list)  # consecutive words of one segment sit in one change, on one line
    hunk: list[int] = field(default_factory=list)  # which run of edits between equal words it belongs to

    def __len__(self) -> int:
        return len(self.key)

    def add(self, change: int, start: int, end: int, key: str, segment: int, hunk: int) -> None:
        self.change.append(change)
        self.start.append(start)
        self.end.append(end)
        self.key.append(key)
        self.segment.append(segment)
        self.hunk.append(hunk)

    def only(self, kept: Iterable[int]) -> _Words:
        """These words alone (indexes in order)."""
        found = _Words()
        for k in kept:
            found.add(self.change[k], self.start[k], self.end[k], self.key[k], self.segment[k], self.hunk[k])
        return found


# Each unmoved change of one op: the keys of its words in order, by the change's index.
_Keys = dict[int, list[str]]


@dataclass(frozen=True, slots=True)
class _Match:
    size: int
    a: int  # first word on side A
    b: int  # first word on side B


def is_replacement(changes: Sequence[Change], n: int) -> bool:
    """Whether change n is half of a replacement: a removal right before an addition, neither
    of them part of a moved phrase."""
    change = changes[n]
    if change.moved is not None:
        return False
    if change.op is ChangeOp.DELETE:
        return n + 1 < len(changes) and changes[n + 1].op is ChangeOp.INSERT and changes[n + 1].moved is None
    if change.op is ChangeOp.INSERT:
        return n > 0 and changes[n - 1].op is ChangeOp.DELETE and changes[n - 1].moved is None
    return False


def replacements(changes: Sequence[Change]) -> list[bool]:
    """is_replacement() of every change, in one pass (a book has hundreds of thousands)."""
    flags = [False] * len(changes)
    previous_removal = False  # whether the change before is a removal outside any moved phrase
    for n, change in enumerate(changes):
        plain = change.moved is None
        if previous_removal and plain and change.op is ChangeOp.INSERT:
            flags[n - 1] = flags[n] = True
        previous_removal = plain and change.op is ChangeOp.DELETE
    return flags


def _neighbour(changes: Sequence[Change], n: int, step: int, original: bool) -> str:
    """The character just before (step -1) or just after (step 1) change n on one side: the edge
    of the nearest change with text on that side, or "" at an end."""
    k = n + step
    while 0 <= k < len(changes):
        text = changes[k].original_side if original else changes[k].derivative_side
        if text:
            return text[-1] if step < 0 else text[0]
        k += step
    return ""


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _words(
    changes: Sequence[Change],
    op: ChangeOp,
    hunks: Sequence[int],
    shared: set[str],
    keys: _Keys,
    within: range | None = None,
) -> _Words:
    """The whole words of the block's unmoved `op` changes (`keys`: theirs, see _keyed), in
    order (of the changes `within`, or of all). A word cut by the change's edge (letters on
    either side of it, as a character diff leaves them) is no phrase word, and a word the other
    side's changes lack (not in `shared`) only ends phrases."""
    original = op is ChangeOp.DELETE
    out = _Words()
    segment = -1
    for n in within if within is not None else keys:
        mine = keys.get(n)
        if mine is None:
            continue
        segment += 1
        if shared.isdisjoint(mine):
            continue  # the usual case: not one word here can be in a phrase
        text = changes[n].text
        previous_end = -1
        for match, key in zip(WORD_RE.finditer(text), mine, strict=True):
            start, end = match.span()
            if (start == 0 and _is_word_char(_neighbour(changes, n, -1, original))) or (
                end == len(text) and _is_word_char(_neighbour(changes, n, 1, original))
            ):
                segment += 1  # a fragment: no phrase runs through it
                previous_end = -1
                continue
            if key not in shared:
                segment += 1
                previous_end = -1
                continue
            if previous_end >= 0 and "\n" in text[previous_end:start]:
                segment += 1  # phrases stay inside one paragraph (or one line)
            out.add(n, start, end, key, segment, hunks[n])
            previous_end = end
    return out


def _keyed(changes: Sequence[Change], op: ChangeOp) -> _Keys:
    """The keys of the words of each of a side's unmoved `op` changes (each word keyed once a
    block: the trigram test and the phrases' words read the same keys)."""
    return {n: _keys(change.text) for n, change in enumerate(changes) if change.op is op and change.moved is None}


def _keys(text: str) -> list[str]:
    """word_key() of each word of a text."""
    if text.isascii():
        # ASCII has no typography to set aside, and lower case is its case folding, letter for
        # letter: the words of the text in lower case are the keys (found in one call).
        return WORD_RE.findall(text.lower())
    return list(map(word_key, WORD_RE.findall(text)))


def _trigrams(keys: list[str]) -> set[tuple[str, str, str]]:
    return set(zip(keys, keys[1:], keys[2:], strict=False))


def _shared(removed: _Keys, added: _Keys) -> set[str]:
    """The words both the removed and the added text have, or none when no phrase can be moved:
    fewer than MIN_MOVED_WORDS of them, or no word trigram the two share (a phrase of three words
    or more is one). Most blocks leave at the trigram test, before any word is placed."""
    # The trigram test first: it alone sends most blocks away. (Trigrams across two changes
    # count too: a superset is safe here.)
    removed_keys = list(chain.from_iterable(removed.values()))
    removed_trigrams = _trigrams(removed_keys)
    if not removed_trigrams:
        return set()
    added_keys = list(chain.from_iterable(added.values()))
    if removed_trigrams.isdisjoint(_trigrams(added_keys)):
        return set()
    shared = set(removed_keys).intersection(added_keys)
    return shared if len(shared) >= MIN_MOVED_WORDS else set()


def _hunks(changes: Sequence[Change]) -> list[int]:
    """For each change, the number of the run of edits it belongs to: a new run starts after
    every equal change with a word in it (an equal comma or space separates nothing)."""
    hunks: list[int] = []
    hunk = 0
    for change in changes:
        if change.op is ChangeOp.EQUAL and (
            WORD_RE.search(change.text) or (change.derivative_text and WORD_RE.search(change.derivative_text))
        ):
            hunk += 1
            hunks.append(hunk)
            hunk += 1
        else:
            hunks.append(hunk)
    return hunks


def _trigram(words: _Words, at: int) -> tuple[str, str, str] | None:
    segment = words.segment
    if at < 0 or at + 2 >= len(segment) or not segment[at] == segment[at + 1] == segment[at + 2]:
        return None
    key = words.key
    return key[at], key[at + 1], key[at + 2]


def _candidates(a: _Words, b: _Words) -> list[_Match]:
    """Maximal shared runs of at least MIN_MOVED_WORDS words, grown from shared trigrams."""
    seeds: dict[tuple[str, str, str], list[int]] = {}
    for at in range(len(b) - 2):
        key = _trigram(b, at)
        if key is not None:
            seeds.setdefault(key, []).append(at)
    common = {key for key, places in seeds.items() if len(places) > MAX_SEED_OCCURRENCES}
    budget = WORK_PER_WORD * (len(a) + len(b))
    a_keys, a_segments, b_keys, b_segments = a.key, a.segment, b.key, b.segment
    found: list[_Match] = []
    for i in range(len(a) - 2):
        key = _trigram(a, i)
        if key is None or key in common:
            continue
        for j in seeds.get(key, ()):
            # Only runs that start here: one a word earlier on both sides was grown from there.
            earlier = _trigram(a, i - 1)
            if earlier is not None and earlier not in common and earlier == _trigram(b, j - 1):
                continue
            size = MIN_MOVED_WORDS
            while (
                i + size < len(a_keys)
                and j + size < len(b_keys)
                and a_keys[i + size] == b_keys[j + size]
                and a_segments[i + size] == a_segments[i]
                and b_segments[j + size] == b_segments[j]
            ):
                size += 1
            found.append(_Match(size, i, j))
            budget -= size
            if budget <= 0:
                return found
    return found


def _chosen(candidates: list[_Match], a_size: int, b_size: int) -> list[_Match]:
    """Longest runs first, each word used once: a run that overlaps one already taken gives up
    those words and competes again with what is left of it."""
    used_a, used_b = [False] * a_size, [False] * b_size
    heap = [(-m.size, m.a, m.b) for m in candidates]
    heapq.heapify(heap)
    chosen: list[_Match] = []
    while heap:
        negative, i, j = heapq.heappop(heap)
        size = -negative
        free = [not used_a[i + k] and not used_b[j + k] for k in range(size)]
        if all(free):
            for k in range(size):
                used_a[i + k] = used_b[j + k] = True
            chosen.append(_Match(size, i, j))
            continue
        k = 0
        while k < size:  # the free stretches that are still long enough
            if not free[k]:
                k += 1
                continue
            first = k
            while k < size and free[k]:
                k += 1
            if k - first >= MIN_MOVED_WORDS:
                heapq.heappush(heap, (first - k, i + first, j + first))
    return chosen


def _moves(chosen: list[_Match], a: _Words, b: _Words) -> list[_Match]:
    """The chosen runs that changed place: across an equal run, or crossing another run of
    their own run of edits. The rest are edits in place (case, punctuation)."""
    moved = [m for m in chosen if a.hunk[m.a] != b.hunk[m.b]]
    by_hunk: dict[int, list[_Match]] = {}
    for m in chosen:
        if a.hunk[m.a] == b.hunk[m.b]:
            by_hunk.setdefault(a.hunk[m.a], []).append(m)
    for group in by_hunk.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda m: m.a)
        # A run crosses another when one before it on side A comes after it on side B, or the reverse.
        highest_before = [-1] * len(group)
        for n in range(1, len(group)):
            highest_before[n] = max(highest_before[n - 1], group[n - 1].b)
        lowest_after = len(b)
        for n in range(len(group) - 1, -1, -1):
            m = group[n]
            if highest_before[n] > m.b or lowest_after < m.b:
                moved.append(m)
            lowest_after = min(lowest_after, m.b)
    return moved


def _cut(changes: Sequence[Change], cuts: dict[int, list[tuple[int, int, int]]]) -> tuple[Change, ...]:
    out: list[Change] = []
    for n, change in enumerate(changes):
        pieces = cuts.get(n)
        if not pieces:
            out.append(change)
            continue
        at = 0
        for start, end, move in sorted(pieces):
            if start > at:
                out.append(Change(change.op, change.text[at:start]))
            out.append(Change(change.op, change.text[start:end], moved=move))
            at = end
        if at < len(change.text):
            out.append(Change(change.op, change.text[at:]))
    return tuple(out)


def mark_moved(changes: Sequence[Change]) -> tuple[Change, ...]:
    """`changes` with each moved phrase cut out of its removed and its added run, the two pieces
    sharing one `moved` id (1, 2... in the original's order). Equal+delete texts still rebuild
    the original and equal+insert the derivative, change for change as before."""
    changes = tuple(changes)
    removed, added = _keyed(changes, ChangeOp.DELETE), _keyed(changes, ChangeOp.INSERT)
    shared = _shared(removed, added)
    if not shared:
        return changes
    hunks = _hunks(changes)
    deleted = _words(changes, ChangeOp.DELETE, hunks, shared, removed)
    inserted = _words(changes, ChangeOp.INSERT, hunks, shared, added)
    if min(len(deleted), len(inserted)) < MIN_MOVED_WORDS or len(deleted) + len(inserted) > MAX_CHANGED_WORDS:
        return changes
    # Searched in one canonical direction (as word_diff diffs), so that swapping the documents
    # marks the same phrases, whatever ties the longest-first choice meets.
    original = "".join(c.original_side for c in changes)
    derivative = "".join(c.derivative_side for c in changes)
    flipped = derivative < original
    a, b = (inserted, deleted) if flipped else (deleted, inserted)
    moves = _moves(_chosen(_candidates(a, b), len(a), len(b)), a, b)
    if not moves:
        return changes
    if flipped:
        moves = [_Match(m.size, m.b, m.a) for m in moves]
        a, b = b, a
    moves.sort(key=lambda m: m.a)
    cuts: dict[int, list[tuple[int, int, int]]] = {}
    for number, m in enumerate(moves, start=1):
        for words, first in ((a, m.a), (b, m.b)):
            _cut_at(cuts, words, first, m.size, number)
    return _cut(changes, cuts)


def _cut_at(cuts: dict[int, list[tuple[int, int, int]]], words: _Words, first: int, size: int, number: int) -> None:
    """Where phrase `number`, `size` words from words[first] on, is cut out of its change."""
    cuts.setdefault(words.change[first], []).append((words.start[first], words.end[first + size - 1], number))


def _side_starts(changes: Sequence[Change], original: bool) -> list[int]:
    """Where each change starts in one side's text."""
    starts, at = [], 0
    for change in changes:
        starts.append(at)
        at += len(change.original_side if original else change.derivative_side)
    return starts


@dataclass(frozen=True, slots=True)
class BlockSide:
    """One side of a block's changes as the search across blocks reads it: the keys of the words
    of its `op` changes and where each change starts on that side. Made once while the changes
    stay as they are: a block crossed by many sentences (a revised edition's reordered chapters)
    is searched once for each."""

    changes: tuple[Change, ...]
    op: ChangeOp  # DELETE: the original's side, INSERT: the derivative's
    keys: _Keys
    starts: list[int]

    @staticmethod
    def of(changes: Sequence[Change], op: ChangeOp) -> BlockSide:
        changes = tuple(changes)
        return BlockSide(changes, op, _keyed(changes, op), _side_starts(changes, original=op is ChangeOp.DELETE))


def words_inside(side: BlockSide, span: tuple[int, int], shared: set[str]) -> _Words:
    """The words `_words` finds in a block side's changes that lie within `span` of it."""
    changes, starts = side.changes, side.starts
    # Only the changes the span reaches are read: a block crossed by many sentences (a revised
    # edition's reordered chapters) had all its words read again for each.
    first = max(bisect.bisect_right(starts, span[0]) - 1, 0)
    within = range(first, bisect.bisect_left(starts, span[1]))
    found = _words(changes, side.op, [0] * len(changes), shared, side.keys, within)
    return found.only(
        k
        for k, (change, start, end) in enumerate(zip(found.change, found.start, found.end, strict=True))
        if span[0] <= starts[change] + start and starts[change] + end <= span[1]
    )


def mark_moved_across(
    removed: BlockSide,
    removed_span: tuple[int, int],
    added: BlockSide,
    added_span: tuple[int, int],
    first: int,
) -> tuple[tuple[Change, ...], tuple[Change, ...], int]:
    """Moved phrases between two blocks: a sentence the alignment found moved into a paragraph
    aligned elsewhere. Phrases of at least MIN_MOVED_WORDS words removed in one block's changes
    (`removed`, DELETE: within `removed_span` of its original side) and added in the other's
    (`added`, INSERT: within `added_span` of its derivative side) are cut out with ids from
    `first` on. Both blocks' changes come back (the very tuples when nothing was cut), with the
    next free id."""
    removed_in, added_in = removed.changes, added.changes
    shared = _shared(removed.keys, added.keys)
    if not shared:
        return removed_in, added_in, first
    a = words_inside(removed, removed_span, shared)
    b = words_inside(added, added_span, shared)
    if min(len(a), len(b)) < MIN_MOVED_WORDS or len(a) + len(b) > MAX_CHANGED_WORDS:
        return removed_in, added_in, first
    # Every shared phrase moved: the two ends are in different blocks.
    moves = sorted(_chosen(_candidates(a, b), len(a), len(b)), key=lambda m: m.a)
    if not moves:
        return removed_in, added_in, first
    cuts_a: dict[int, list[tuple[int, int, int]]] = {}
    cuts_b: dict[int, list[tuple[int, int, int]]] = {}
    for number, m in enumerate(moves, start=first):
        _cut_at(cuts_a, a, m.a, m.size, number)
        _cut_at(cuts_b, b, m.b, m.size, number)
    return _cut(removed_in, cuts_a), _cut(added_in, cuts_b), first + len(moves)


__all__ = [
    "MIN_MOVED_WORDS",
    "BlockSide",
    "is_replacement",
    "mark_moved",
    "mark_moved_across",
    "replacements",
    "word_key",
]
