"""How the derivative treats the original, in a reader's terms: copied, edited, reworded, new, dropped.

Also the document summary: how much of the original survives word for word, how much was
reworded or dropped, how much of the derivative is new, and which names and numbers were swapped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from diffviewer.core.model import Block, BlockKind, Change, ChangeOp, FactChange, FactKind, Treatment
from diffviewer.core.normalise import folded, typographic
from diffviewer.core.tokens import count_words, words

# A block keeping at least this share of its words (Dice) is an edit rather than a paraphrase.
LIGHT_EDIT_MIN = 0.7
# A capitalised word right after one of these (or at the very start) opens a sentence or a quote.
_SENTENCE_OPENERS = frozenset(".!?:;\"'“”‘’«»([—–-")


# Texts up to this long go through folded()'s cache (a block's names and runs recur); longer
# ones would only push those out of it.
_CACHED = 256


def _normalised_words(text: str) -> list[str]:
    return words(_folded(text))


def _folded(text: str) -> str:
    return folded(text) if len(text) < _CACHED else typographic(text).casefold()


def _same_words(changes: Sequence[Change]) -> bool:
    deleted = words("\n".join(c.text for c in changes if c.op is ChangeOp.DELETE))
    inserted = words("\n".join(c.text for c in changes if c.op is ChangeOp.INSERT))
    # Typography never splits or joins a word, so unequal counts settle it before any sorting.
    if len(deleted) != len(inserted):
        return False
    if sorted(_normalised_words(" ".join(deleted))) != sorted(_normalised_words(" ".join(inserted))):
        return False
    original = "".join(c.original_side for c in changes)
    derivative = "".join(c.derivative_side for c in changes)
    return _normalised_words(original) == _normalised_words(derivative)


def treatment(
    kind: BlockKind,
    similarity: float,
    changes: Sequence[Change],
    normalised_copy: bool = True,
    unchanged: bool = False,
) -> Treatment:
    """`normalised_copy`: a block whose words are the same after normalising case, punctuation and
    typography counts as copied (prose); off for code, where those differences are changes.
    `unchanged`: the diff found no insert or delete (a moved block can still be a plain copy).
    """
    if kind is BlockKind.INSERTED:
        return Treatment.NEW
    if kind is BlockKind.DELETED:
        return Treatment.DROPPED
    if kind is BlockKind.EQUAL or unchanged:
        return Treatment.COPIED
    # A copy has the same words on both sides once case and typography are set aside. The words
    # only one side has must then be the same multiset: a cheap test on the short changed runs
    # that rules out nearly every block before both whole texts are compared.
    if normalised_copy and _same_words(changes):
        return Treatment.COPIED
    return Treatment.LIGHTLY_EDITED if similarity >= LIGHT_EDIT_MIN else Treatment.REWORDED


@dataclass(frozen=True, slots=True)
class Summary:
    words_equal: int
    words_inserted: int
    words_deleted: int
    words_replaced: int
    original_verbatim: float
    original_reworded: float
    original_dropped: float
    derivative_new: float
    longest_verbatim_words: int
    longest_verbatim_text: str
    words_moved: int = 0


@dataclass(frozen=True, slots=True)
class BlockWords:
    """Word counts of one block's changes, counted once and shared by every statistic."""

    equal: int
    inserted: int
    deleted: int
    longest_equal: int
    longest_equal_text: str
    # The derivative's words in the equal runs: as many as `equal`, unless ignored differences
    # (punctuation joining or splitting words) made them count differently.
    equal_derivative: int
    # Original words swapped for others: in each delete→insert pair, the smaller side's count.
    replaced: int
    # Of the `equal` words, those kept in a moved phrase (a delete and an insert sharing a
    # `moved` id): the phrase is counted once a side, as kept, not as removed and added.
    moved: int = 0

    @property
    def original_words(self) -> int:
        return self.equal + self.deleted

    @property
    def derivative_words(self) -> int:
        return self.equal_derivative + self.inserted

    @staticmethod
    def of(changes: Sequence[Change]) -> BlockWords:
        counts = {ChangeOp.EQUAL: 0, ChangeOp.INSERT: 0, ChangeOp.DELETE: 0}
        equal_derivative = replaced = moved = 0
        longest, longest_text = 0, ""
        deleted_just_before = 0
        for change in changes:
            count = count_words(change.text)
            if change.moved is not None:  # a moved phrase: kept words, in another place
                if change.op is ChangeOp.DELETE:
                    counts[ChangeOp.EQUAL] += count
                    moved += count
                else:
                    equal_derivative += count
                deleted_just_before = 0
                continue
            counts[change.op] += count
            if change.op is ChangeOp.INSERT:
                replaced += min(deleted_just_before, count)
            deleted_just_before = count if change.op is ChangeOp.DELETE else 0
            if change.op is ChangeOp.EQUAL:
                other = change.derivative_text
                equal_derivative += count if other is None else count_words(other)
                if count > longest:
                    longest, longest_text = count, change.text
        return BlockWords(
            counts[ChangeOp.EQUAL],
            counts[ChangeOp.INSERT],
            counts[ChangeOp.DELETE],
            longest,
            longest_text,
            equal_derivative,
            replaced,
            moved,
        )


def summarise(
    blocks: Sequence[Block], block_words: Sequence[BlockWords], words_original: int, words_derivative: int
) -> Summary:
    """Word counts by change and by treatment, from each block's counts."""
    counts = {ChangeOp.EQUAL: 0, ChangeOp.INSERT: 0, ChangeOp.DELETE: 0}
    verbatim = dropped = new = replaced = moved = 0
    longest_words, longest_text = 0, ""
    for block, tally in zip(blocks, block_words, strict=True):
        counts[ChangeOp.EQUAL] += tally.equal
        counts[ChangeOp.INSERT] += tally.inserted
        counts[ChangeOp.DELETE] += tally.deleted
        replaced += tally.replaced
        moved += tally.moved
        if block.treatment is Treatment.DROPPED:
            dropped += tally.equal + tally.deleted
        elif block.treatment is Treatment.NEW:
            new += tally.equal + tally.inserted
        else:
            # Moved phrases are among the equal words: kept word for word, only elsewhere.
            verbatim += tally.equal
            if tally.longest_equal > longest_words:
                longest_words, longest_text = tally.longest_equal, tally.longest_equal_text.strip()
    verbatim = min(verbatim, words_original)
    dropped = min(dropped, words_original - verbatim)
    reworded = words_original - verbatim - dropped
    total = words_original or 1
    return Summary(
        words_equal=counts[ChangeOp.EQUAL],
        words_inserted=counts[ChangeOp.INSERT],
        words_deleted=counts[ChangeOp.DELETE],
        words_replaced=replaced,
        original_verbatim=round(verbatim / total, 4),
        original_reworded=round(reworded / total, 4),
        original_dropped=round(dropped / total, 4),
        derivative_new=round(new / (words_derivative or 1), 4),
        longest_verbatim_words=longest_words,
        longest_verbatim_text=longest_text,
        words_moved=moved,
    )


_WORD_RE = re.compile(r"\w+(?:['’\-.,]\w+)*")
_DIGIT = re.compile(r"\d")
# Only the last mark before a word tells whether it opens a sentence: a short tail of the text
# before a run is all _facts needs.
_CONTEXT = 32
# A swap is a short replacement; longer runs are paraphrase, where names merely move around.
SWAP_MAX_WORDS = 6
# A word is a name when nearly all its uses inside sentences are capitalised: at most one in
# this many may be lower case, so that a name which is also a common word ("Rose", "rose")
# survives a stray common use, while "Behold" or "Blessed", also written in lower case inside
# sentences now and then, do not pass.
LOWER_CASE_ONE_IN = 10
# Two spellings are one name when what follows their common start is at most this share of
# it: an ending (plural, case, possessive) rather than another name ("Paris", "Parma").
SAME_NAME_ENDING = 0.5
# Marks that join the parts of one name ("Seth's", "Beth-el"), set aside to compare names.
_JOINERS = re.compile(r"['’‘\-‐‑]")
# A thousands separator: between digits, before exactly three of them ("42,000", "42.000").
_THOUSANDS = re.compile(r"(?<=\d)[,.'’\u00a0\u202f](?=\d{3}(?!\d))")
# A figure: digits, with their decimal marks.
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# A whitespace-separated token that opens a sentence: one after a sentence mark and spaces, or
# a line's first. The token itself is only looked at, so a mark ending it can open the next.
# (Starting with a set of characters lets the regex engine skip ahead: twice as fast.)
_OPENING = re.compile(r"[" + re.escape("".join(sorted(_SENTENCE_OPENERS))) + r"\n](?:(?<=\n)|(?=\s))\s*(?=(\S+))")


def _may_hold_facts(run: str) -> bool:
    """A cheap necessary test: a name has a capital letter, a number a digit. (islower() first:
    unlike lower() it makes no copy.)"""
    return (not run.islower() and run.lower() != run) or _DIGIT.search(run) is not None


def _facts(run: str, before: str) -> tuple[list[str], list[str]]:
    """Capitalised words not opening a sentence, and numbers, in a changed run of text.

    `before` is the text before the run on its side; only its last non-space character counts.
    Whether a capitalised word is a name is for its document to say (`_CaseCounts`).
    """
    names: list[str] = []
    numbers: list[str] = []
    for match in _WORD_RE.finditer(run):
        token = match.group()
        if _DIGIT.search(token):
            numbers.append(token)
        # One capital alone ("I", "A", an initial) is too short to tell a name by.
        elif token[:1].isupper() and len(token) > 1:
            context = (before + run[: match.start()]).rstrip()
            if context and context[-1] not in _SENTENCE_OPENERS:
                names.append(token)
    return names, numbers


def _key(text: str) -> str:
    """Text as names are compared: case and typography set aside."""
    return _folded(text)


def _figures(text: str) -> set[str]:
    """The figures in a text, without thousands separators and whatever letters are glued to
    them: "£42,000" holds 42000 as "42.000" does, "17ème" and "17th" hold 17."""
    return set(_FIGURE.findall(_THOUSANDS.sub("", text)))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _occurs(text: str, word: str) -> bool:
    """Whether `word` is a word of `text`, or a part of one joined by a mark ("seth" in "seth's",
    "ammon" in "beni-ammon")."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and _is_word_char(text[start - 1])) and not (end < len(text) and _is_word_char(text[end])):
            return True
        start = text.find(word, start + 1)
    return False


def _common_start(a: str, b: str) -> int:
    """How many characters a and b share from the start: found by halving, so that slices are
    compared in C rather than characters one by one in Python."""
    same, differ = 0, min(len(a), len(b)) + 1
    while differ - same > 1:
        middle = (same + differ) // 2
        if a[:middle] == b[:middle]:
            same = middle
        else:
            differ = middle
    return same


def _same_name(a: str, b: str) -> bool:
    """Two forms of one name: one is a part of the other joined by an apostrophe or a hyphen
    ("Seth's", "Beth-el"), or they differ only in a short ending ("Amorites", "Bethel",
    "Jerusalems"), which is how languages inflect and derive names: the start is the name."""
    parts_a, parts_b = _JOINERS.split(_key(a)), _JOINERS.split(_key(b))
    bare_a, bare_b = "".join(parts_a), "".join(parts_b)
    if bare_a in parts_b or bare_b in parts_a:
        return True
    start = _common_start(bare_a, bare_b)
    return start > 0 and max(len(bare_a), len(bare_b)) - start <= SAME_NAME_ENDING * start


def _has_name(text: str, name: str) -> bool:
    """Whether `text` (a block side as `_key` makes it) has `name` in some form: as it is, as a
    part of a joined word, or as a word `_same_name` takes for another form of it ("Jacob" for
    "Jacob’s", "Amorite" for "Amorites")."""
    key = _key(name)
    if _occurs(text, key):
        return True
    bare = _JOINERS.sub("", key)
    # Any other form starts with this much of it: _same_name allows an ending of at most
    # SAME_NAME_ENDING of the common start.
    stem = bare[: math.ceil(len(bare) / (1 + SAME_NAME_ENDING))]
    start = text.find(stem)
    while start >= 0:
        if not (start and _is_word_char(text[start - 1])):
            word = _WORD_RE.match(text, start)
            if word and _same_name(key, word.group()):
                return True
        start = text.find(stem, start + 1)
    return False


# Texts joined and counted at once by _CaseCounts.of: a few milliseconds of a book.
_TEXTS_AT_ONCE = 1024


@dataclass(frozen=True, slots=True)
class _CaseCounts:
    """How often one document writes each word of interest capitalised inside a sentence, and
    in lower case. Capitals that open a sentence say nothing about a word and are not counted."""

    capitalised: Mapping[str, int]
    lower: Mapping[str, int]

    def is_name(self, word: str) -> bool:
        key = _key(word)
        lower, capitalised = self.lower.get(key, 0), self.capitalised.get(key, 0)
        return capitalised > 0 and lower * LOWER_CASE_ONE_IN <= lower + capitalised

    @staticmethod
    def of(texts: Iterable[str], wanted: set[str]) -> _CaseCounts:
        """Counted over a whole document, for the `wanted` keys only. Splitting at spaces and
        counting run in Python's C code, a slice of the texts at a time (over a whole book at
        once, one such call held the interpreter lock for a seventh of a second, which the
        window's thread waited out); only the distinct tokens are read here."""
        listed = list(texts)
        # Each slice starts a line, as each text does: a text's first token opens a sentence.
        slices = ["\n" + "\n".join(listed[k : k + _TEXTS_AT_ONCE]) for k in range(0, len(listed), _TEXTS_AT_ONCE)]
        tokens: Counter[str] = Counter()
        for text in slices:
            tokens.update(text.split())
        capitalised: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        # Capitalised tokens that might open a sentence, by the word they hold.
        leading: dict[str, list[str]] = {}
        for token, count in tokens.items():
            found = _words_in(token)
            for key, word, start in found:
                if key not in wanted:
                    continue
                if word[0].islower():
                    lower[key] += count
                # A capital counts only on a word standing alone between spaces: one glued to
                # others ("<FI>is<Fi>") is a fragment of markup or of a code, not a name.
                elif not word[0].isupper() or len(found) > 1 or (start and token[start - 1] in _SENTENCE_OPENERS):
                    continue
                else:
                    capitalised[key] += count
                    if not start:
                        leading.setdefault(key, []).append(token)
        # Setting aside the capitals that open sentences can only take a word's name-ness away,
        # and only from a word also written in lower case: find the openings only if some such
        # word would pass without that.
        doubtful = [k for k in leading if lower[k] and lower[k] * LOWER_CASE_ONE_IN <= lower[k] + capitalised[k]]
        if doubtful:
            openings: Counter[str] = Counter()
            for text in slices:
                openings.update(_OPENING.findall(text))
            for key in doubtful:
                capitalised[key] -= sum(openings[token] for token in leading[key])
        return _CaseCounts(capitalised, lower)


# Marks often glued to a word, stripped to find it without a regular expression.
_EDGE_MARKS = ".,;:!?()[]{}\"'“”‘’«»„`—–-…*"


def _words_in(token: str) -> list[tuple[str, str, int]]:
    """The words of a space-separated token: each one's key, itself, and where it starts."""
    left = token.lstrip(_EDGE_MARKS)
    word = left.rstrip(_EDGE_MARKS)
    if word.isalpha():
        return [(word.casefold(), word, len(token) - len(left))]
    return [(_key(m.group()), m.group(), m.start()) for m in _WORD_RE.finditer(token)]


class _Sides:
    """One block's two texts, joined only once a swap or the document counts need them."""

    def __init__(self, changes: Sequence[Change]) -> None:
        self._changes = changes
        # A block names the same few people again and again: each is looked for once a side.
        self._has: dict[tuple[bool, str], bool] = {}

    def original_has(self, name: str) -> bool:
        return self._lookup(True, name)

    def derivative_has(self, name: str) -> bool:
        return self._lookup(False, name)

    def _lookup(self, original: bool, name: str) -> bool:
        found = self._has.get((original, name))
        if found is None:
            found = self._has[original, name] = _has_name(
                self.original_keys if original else self.derivative_keys, name
            )
        return found

    # Change.original_side and derivative_side, spelt out: these run over every change of a book.
    @cached_property
    def original(self) -> str:
        insert = ChangeOp.INSERT
        return "".join([c.text for c in self._changes if c.op is not insert])

    @cached_property
    def derivative(self) -> str:
        delete = ChangeOp.DELETE
        return "".join(
            [c.text if c.derivative_text is None else c.derivative_text for c in self._changes if c.op is not delete]
        )

    @cached_property
    def original_keys(self) -> str:
        return _key(self.original)

    @cached_property
    def derivative_keys(self) -> str:
        return _key(self.derivative)

    @cached_property
    def original_figures(self) -> set[str]:
        return _figures(self.original)

    @cached_property
    def derivative_figures(self) -> set[str]:
        return _figures(self.derivative)


@dataclass(frozen=True, slots=True)
class _Swap:
    """What one replacement in a block took out (`gone`) and put in (`came`): numbers the other
    side of the block lacks, or capitalised words, which _renamed narrows to changed names."""

    kind: FactKind
    block: int
    gone: tuple[str, ...]
    came: tuple[str, ...]


def _too_long(run: str) -> bool:
    # Four times as many spaces as a swap has words are surely too many: a cheap answer for
    # the long runs of a paraphrase before their words are counted.
    return run.count(" ") > 4 * SWAP_MAX_WORDS or len(words(run)) > SWAP_MAX_WORDS


def _last_mark(changes: Sequence[Change], n: int, original: bool) -> str:
    """The last non-space character before change n on one side: does a word there open a sentence?"""
    for k in range(n - 1, -1, -1):
        text = changes[k].original_side if original else changes[k].derivative_side
        # The tail alone, unless it is all space: stripping a long run would copy it.
        tail = text[-_CONTEXT:].rstrip() or text.rstrip()
        if tail:
            return tail[-1]
    return ""


def _swaps(index: int, changes: Sequence[Change], sides: _Sides) -> Iterator[_Swap]:
    """Each short replacement of capitalised words or numbers in one block; of the numbers, only
    those the other side of the block lacks."""
    delete, insert = ChangeOp.DELETE, ChangeOp.INSERT
    for n, (old, new) in enumerate(zip(changes, changes[1:], strict=False)):
        if old.op is not delete or new.op is not insert or old.moved is not None or new.moved is not None:
            continue
        if not (_may_hold_facts(old.text) and _may_hold_facts(new.text)):
            continue
        if _too_long(old.text) or _too_long(new.text):
            continue
        old_names, old_numbers = _facts(old.text, _last_mark(changes, n, original=True))
        if not (old_names or old_numbers):
            continue
        new_names, new_numbers = _facts(new.text, _last_mark(changes, n, original=False))
        if old_names and new_names:
            # Which of these are names, kept by the other side or not, is for _renamed to say.
            yield _Swap(FactKind.NAME, index, tuple(old_names), tuple(new_names))
        if old_numbers and new_numbers:
            # A number is gone when some figure of it is: "17" and "17ème" are one figure.
            gone = tuple(w for w in old_numbers if not _figures(w) <= sides.derivative_figures)
            came = tuple(w for w in new_numbers if not _figures(w) <= sides.original_figures)
            if gone and came:
                before = changes[n - 1] if n else None
                after = changes[n + 2] if n + 2 < len(changes) else None
                yield _Swap(
                    FactKind.NUMBER,
                    index,
                    _whole_figure(gone, old.text, before, after, original=True),
                    _whole_figure(came, new.text, before, after, original=False),
                )


_FIGURE_BEFORE = re.compile(r"[£$€¥]?(?:\d+[.,])*$")
_FIGURE_AFTER = re.compile(r"^(?:[.,]\d+)+")


def _whole_figure(
    numbers: tuple[str, ...], run: str, before: Change | None, after: Change | None, original: bool
) -> tuple[str, ...]:
    """A lone changed number with the rest of its figure around it, as a reader writes it: the
    diff replaces "42" in "£42,000" and keeps "£" and ",000", but the fact is £42,000 → £48,000."""
    if len(numbers) != 1 or run.strip() != numbers[0]:
        return numbers
    ahead = (before.original_side if original else before.derivative_side) if before else ""
    behind = (after.original_side if original else after.derivative_side) if after else ""
    head = _FIGURE_BEFORE.search(ahead) if run[:1].isdigit() else None
    tail = _FIGURE_AFTER.match(behind) if run[-1:].isdigit() else None
    return ((head.group() if head else "") + numbers[0] + (tail.group() if tail else ""),)


def _renamed(swap: _Swap, sides: _Sides, original: _CaseCounts, derivative: _CaseCounts) -> _Swap:
    """The swap's words that are names in their own document, that the other side of the block
    lacks in any form, and that are not merely another form of a name on the other side of the
    swap. (The document counts are asked first: a dictionary look-up, where looking through the
    block is a search.)"""
    # Each name once: "Josaphat Josaphat" in one run is one changed name.
    gone = [w for w in dict.fromkeys(swap.gone) if original.is_name(w) and not sides.derivative_has(w)]
    came = [w for w in dict.fromkeys(swap.came) if derivative.is_name(w) and not sides.original_has(w)]
    return _Swap(
        swap.kind,
        swap.block,
        tuple(w for w in gone if not any(_same_name(w, other) for other in came)),
        tuple(w for w in came if not any(_same_name(w, other) for other in gone)),
    )


def changed_facts(blocks: Sequence[Block]) -> tuple[FactChange, ...]:
    """Names and numbers swapped for different ones inside matched blocks, each pair once.

    A name only counts as changed when the other side of the block never has it, in any form:
    a rewrite that merely moves "Meta" to another sentence, or writes "Seth's" for "Seth",
    changed no fact. And it must be a name in its own document: capitalised nearly wherever that
    document uses it inside a sentence ("Behold" is also written "behold").
    """
    sides = [_Sides(block.changes) for block in blocks]
    swaps = [
        swap
        for index, block in enumerate(blocks)
        if block.original and block.derivative
        for swap in _swaps(index, block.changes, sides[index])
    ]
    renames = [swap for swap in swaps if swap.kind is FactKind.NAME]
    if renames:
        # Whether a word is a name is judged from the whole document it is written in.
        original = _CaseCounts.of((s.original for s in sides), {_key(w) for swap in renames for w in swap.gone})
        derivative = _CaseCounts.of((s.derivative for s in sides), {_key(w) for swap in renames for w in swap.came})
        swaps = [
            _renamed(swap, sides[swap.block], original, derivative) if swap.kind is FactKind.NAME else swap
            for swap in swaps
        ]
    found: dict[tuple[FactKind, str, str], FactChange] = {}
    # Renames listed so far, by the first letters of their first names: "Lord’s → Jehovah's"
    # after "Lord → Jehovah" is the same rename, and only names that start alike can be alike.
    listed: dict[tuple[str, str], list[_Swap]] = {}
    for swap in swaps:
        if not (swap.gone and swap.came):
            continue
        old, new = " ".join(swap.gone), " ".join(swap.came)
        if (swap.kind, old, new) in found:
            continue
        if swap.kind is FactKind.NAME:
            alike = listed.setdefault((_key(swap.gone[0])[:2], _key(swap.came[0])[:2]), [])
            if any(_same_renaming(swap, other) for other in alike):
                continue
            alike.append(swap)
        found[swap.kind, old, new] = FactChange(swap.kind, old, new, swap.block)
    return tuple(found.values())


def _same_renaming(a: _Swap, b: _Swap) -> bool:
    """Whether two renames change the same names, each perhaps in another form."""
    return (
        len(a.gone) == len(b.gone)
        and len(a.came) == len(b.came)
        and all(_same_name(x, y) for x, y in zip(a.gone, b.gone, strict=True))
        and all(_same_name(x, y) for x, y in zip(a.came, b.came, strict=True))
    )
