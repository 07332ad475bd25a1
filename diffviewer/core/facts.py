"""Names and numbers a rewrite swapped for others inside matched blocks: the changed facts.

A block's swaps (block_swaps) are found from its changes alone and the two documents' case counts
(DocumentCases: whether a word is a name is for its own document to say), so each block's can be
found wherever it is drafted, a helper process included; changed_facts lists each once.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from diffviewer.core.model import Block, Change, ChangeOp, Document, FactChange, FactKind
from diffviewer.core.normalise import folded_text
from diffviewer.core.tokens import words

# A capitalised word right after one of these (or at the very start) opens a sentence or a quote.
_SENTENCE_OPENERS = frozenset(".!?:;\"'“”‘’«»([—–-")


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
    Whether a capitalised word is a name is for its document to say (`CaseCounts`).
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
    return folded_text(text)


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


# Texts joined and counted at once by CaseCounts.of: a few milliseconds of a book.
_TEXTS_AT_ONCE = 1024


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """How often one document writes each word of interest capitalised inside a sentence, and
    in lower case. Capitals that open a sentence say nothing about a word and are not counted."""

    capitalised: Mapping[str, int]
    lower: Mapping[str, int]

    def is_name(self, word: str) -> bool:
        key = _key(word)
        lower, capitalised = self.lower.get(key, 0), self.capitalised.get(key, 0)
        return capitalised > 0 and lower * LOWER_CASE_ONE_IN <= lower + capitalised

    @staticmethod
    def of(texts: Iterable[str]) -> CaseCounts:
        """Counted over a whole document, for every word. Splitting at spaces and
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
        return CaseCounts(capitalised, lower)


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
class Swap:
    """What one replacement in a block took out (`gone`) and put in (`came`): numbers the other
    side of the block lacks, or capitalised words, which _renamed narrows to changed names."""

    kind: FactKind
    gone: tuple[str, ...]
    came: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentCases:
    """Both documents' case counts."""

    original: CaseCounts
    derivative: CaseCounts

    @staticmethod
    def of(original: Iterable[str], derivative: Iterable[str]) -> DocumentCases:
        """Counted over each document's texts (its paragraphs, or its blocks' sides: the same
        words, each text starting a line), for every word."""
        return DocumentCases(CaseCounts.of(original), CaseCounts.of(derivative))

    @staticmethod
    def of_documents(original: Document, derivative: Document) -> DocumentCases:
        return DocumentCases.of([p.text for p in original.paragraphs], [p.text for p in derivative.paragraphs])


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


def _swaps(changes: Sequence[Change], sides: _Sides) -> Iterator[Swap]:
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
            yield Swap(FactKind.NAME, tuple(old_names), tuple(new_names))
        if old_numbers and new_numbers:
            # A number is gone when some figure of it is: "17" and "17ème" are one figure.
            gone = tuple(w for w in old_numbers if not _figures(w) <= sides.derivative_figures)
            came = tuple(w for w in new_numbers if not _figures(w) <= sides.original_figures)
            if gone and came:
                before = changes[n - 1] if n else None
                after = changes[n + 2] if n + 2 < len(changes) else None
                yield Swap(
                    FactKind.NUMBER,
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


def _renamed(swap: Swap, sides: _Sides, original: CaseCounts, derivative: CaseCounts) -> Swap:
    """The swap's words that are names in their own document, that the other side of the block
    lacks in any form, and that are not merely another form of a name on the other side of the
    swap. (The document counts are asked first: a dictionary look-up, where looking through the
    block is a search.)"""
    # Each name once: "Josaphat Josaphat" in one run is one changed name.
    gone = [w for w in dict.fromkeys(swap.gone) if original.is_name(w) and not sides.derivative_has(w)]
    came = [w for w in dict.fromkeys(swap.came) if derivative.is_name(w) and not sides.original_has(w)]
    return Swap(
        swap.kind,
        tuple(w for w in gone if not any(_same_name(w, other) for other in came)),
        tuple(w for w in came if not any(_same_name(w, other) for other in gone)),
    )


def block_swaps(changes: Sequence[Change], cases: Callable[[], DocumentCases]) -> tuple[Swap, ...]:
    """A block's short replacements of numbers and names, the names narrowed to changed ones:
    names in their own document (`cases()`, asked only when a block has a name swap) that the
    other side of the block never has, in any form. A one-sided block has none."""
    sides = _Sides(changes)
    found: list[Swap] = []
    for swap in _swaps(changes, sides):
        if swap.kind is FactKind.NAME:
            known = cases()
            swap = _renamed(swap, sides, known.original, known.derivative)
        found.append(swap)
    return tuple(found)


def changed_facts(blocks: Sequence[Block], swaps: Sequence[tuple[Swap, ...]] | None = None) -> tuple[FactChange, ...]:
    """Names and numbers swapped for different ones inside matched blocks, each pair once.

    A name only counts as changed when the other side of the block never has it, in any form:
    a rewrite that merely moves "Meta" to another sentence, or writes "Seth's" for "Seth",
    changed no fact. And it must be a name in its own document: capitalised nearly wherever that
    document uses it inside a sentence ("Behold" is also written "behold").
    `swaps`: each block's block_swaps, where they were found as the blocks were drafted.
    """
    if swaps is None:
        sides = [_Sides(block.changes) for block in blocks]
        cases = cache(lambda: DocumentCases.of([s.original for s in sides], [s.derivative for s in sides]))
        swaps = [block_swaps(block.changes, cases) for block in blocks]
    found: dict[tuple[FactKind, str, str], FactChange] = {}
    # Renames listed so far, by the first letters of their first names: "Lord’s → Jehovah's"
    # after "Lord → Jehovah" is the same rename, and only names that start alike can be alike.
    listed: dict[tuple[str, str], list[Swap]] = {}
    for index, of_block in enumerate(swaps):
        for swap in of_block:
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
            found[swap.kind, old, new] = FactChange(swap.kind, old, new, index)
    return tuple(found.values())


def _same_renaming(a: Swap, b: Swap) -> bool:
    """Whether two renames change the same names, each perhaps in another form."""
    return (
        len(a.gone) == len(b.gone)
        and len(a.came) == len(b.came)
        and all(_same_name(x, y) for x, y in zip(a.gone, b.gone, strict=True))
        and all(_same_name(x, y) for x, y in zip(a.came, b.came, strict=True))
    )


__all__ = ["CaseCounts", "DocumentCases", "Swap", "block_swaps", "changed_facts"]
