"""How the derivative treats the original, in a reader's terms: copied, edited, reworded, new, dropped.

Also the document summary: how much of the original survives word for word, how much was
reworded or dropped, how much of the derivative is new, and which names and numbers were swapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.model import Block, BlockKind, Change, ChangeOp, FactChange, FactKind, Treatment
from diffviewer.core.tokens import count_words, words

# A block keeping at least this share of its words (Dice) is an edit rather than a paraphrase.
LIGHT_EDIT_MIN = 0.7
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# A capitalised word right after one of these (or at the very start) opens a sentence or a quote.
_SENTENCE_OPENERS = frozenset(".!?:;\"'“”‘’«»([—–-")


def _normalised_words(text: str) -> list[str]:
    return [w.casefold() for w in words(text.translate(_TYPOGRAPHIC))]


def _same_words(changes: Sequence[Change]) -> bool:
    deleted = sorted(_normalised_words("\n".join(c.text for c in changes if c.op is ChangeOp.DELETE)))
    inserted = sorted(_normalised_words("\n".join(c.text for c in changes if c.op is ChangeOp.INSERT)))
    if deleted != inserted:
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

    @property
    def original_words(self) -> int:
        return self.equal + self.deleted

    @property
    def derivative_words(self) -> int:
        return self.equal_derivative + self.inserted

    @staticmethod
    def of(changes: Sequence[Change]) -> BlockWords:
        counts = {ChangeOp.EQUAL: 0, ChangeOp.INSERT: 0, ChangeOp.DELETE: 0}
        equal_derivative = replaced = 0
        longest, longest_text = 0, ""
        deleted_just_before = 0
        for change in changes:
            count = count_words(change.text)
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
        )


def summarise(
    blocks: Sequence[Block], block_words: Sequence[BlockWords], words_original: int, words_derivative: int
) -> Summary:
    """Word counts by change and by treatment, from each block's counts."""
    counts = {ChangeOp.EQUAL: 0, ChangeOp.INSERT: 0, ChangeOp.DELETE: 0}
    verbatim = dropped = new = replaced = 0
    longest_words, longest_text = 0, ""
    for block, tally in zip(blocks, block_words, strict=True):
        counts[ChangeOp.EQUAL] += tally.equal
        counts[ChangeOp.INSERT] += tally.inserted
        counts[ChangeOp.DELETE] += tally.deleted
        replaced += tally.replaced
        if block.treatment is Treatment.DROPPED:
            dropped += tally.equal + tally.deleted
        elif block.treatment is Treatment.NEW:
            new += tally.equal + tally.inserted
        else:
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
    )


_WORD_RE = re.compile(r"\w+(?:['’\-.,]\w+)*")
_DIGIT = re.compile(r"\d")
# Only the last mark before a word tells whether it opens a sentence: a short tail of the text
# before a run is all _facts needs.
_CONTEXT = 32


def _may_hold_facts(run: str) -> bool:
    """A cheap necessary test: a name has a capital letter, a number a digit."""
    return not run.islower() or _DIGIT.search(run) is not None


def _facts(run: str, before: str) -> tuple[list[str], list[str]]:
    """Names (capitalised words not opening a sentence) and numbers in a changed run of text."""
    names: list[str] = []
    numbers: list[str] = []
    for match in _WORD_RE.finditer(run):
        token = match.group().rstrip(".,")
        if _DIGIT.search(token):
            numbers.append(token)
        elif token[:1].isupper() and token != "I":
            # Only the last mark before the word matters; look at a short tail, not the whole text.
            context = (before[-_CONTEXT:] + run[: match.start()]).rstrip()
            if context and context[-1] not in _SENTENCE_OPENERS:
                names.append(token)
    return names, numbers


# A swap is a short replacement; longer runs are paraphrase, where names merely move around.
SWAP_MAX_WORDS = 6


def _vocabulary(text: str) -> set[str]:
    return {token.rstrip(".,").translate(_TYPOGRAPHIC).casefold() for token in _WORD_RE.findall(text)}


def changed_facts(blocks: Sequence[Block]) -> tuple[FactChange, ...]:
    """Names and numbers swapped for different ones inside matched blocks, each pair once.

    A name only counts as changed when the other side of the block never has it: a rewrite that
    merely moves "Meta" to another sentence changed no fact.
    """
    found: dict[tuple[FactKind, str, str], FactChange] = {}
    for index, block in enumerate(blocks):
        if not block.original or not block.derivative:
            continue
        vocabularies: list[set[str]] = []  # both sides' words, made only if a swap needs them
        before_a = before_b = ""
        changes = block.changes
        for n, change in enumerate(changes):
            if change.op is ChangeOp.DELETE and n + 1 < len(changes) and changes[n + 1].op is ChangeOp.INSERT:
                inserted = changes[n + 1].text
                if (
                    _may_hold_facts(change.text)
                    and _may_hold_facts(inserted)
                    and len(words(change.text)) <= SWAP_MAX_WORDS
                    and len(words(inserted)) <= SWAP_MAX_WORDS
                ):
                    a_names, a_numbers = _facts(change.text, before_a)
                    b_names, b_numbers = _facts(inserted, before_b)
                    if (a_names or a_numbers) and (b_names or b_numbers) and not vocabularies:
                        vocabularies = [
                            _vocabulary("".join(c.original_side for c in changes)),
                            _vocabulary("".join(c.derivative_side for c in changes)),
                        ]
                    original_words, derivative_words = vocabularies or [set(), set()]
                    for kind, old, new in ((FactKind.NAME, a_names, b_names), (FactKind.NUMBER, a_numbers, b_numbers)):
                        gone = [w for w in old if w.translate(_TYPOGRAPHIC).casefold() not in derivative_words]
                        came = [w for w in new if w.translate(_TYPOGRAPHIC).casefold() not in original_words]
                        if gone and came:
                            key = (kind, " ".join(gone), " ".join(came))
                            found.setdefault(key, FactChange(kind, key[1], key[2], index))
            before_a = (before_a + change.original_side)[-_CONTEXT:]
            before_b = (before_b + change.derivative_side)[-_CONTEXT:]
    return tuple(found.values())
