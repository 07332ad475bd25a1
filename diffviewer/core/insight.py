"""How the derivative treats the original, in a reader's terms: copied, edited, reworded, new, dropped.

Also the document summary: how much of the original survives word for word, how much was
reworded or dropped, and how much of the derivative is new. (Which names and numbers were
swapped: facts.py.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffviewer.core.model import Block, BlockKind, Change, ChangeOp, Treatment
from diffviewer.core.normalise import folded_text
from diffviewer.core.tokens import count_words, words

# A block keeping at least this share of its words (Dice) is an edit rather than a paraphrase.
LIGHT_EDIT_MIN = 0.7


def _normalised_words(text: str) -> list[str]:
    return words(folded_text(text))


def _same_words(changes: Sequence[Change], counts: Sequence[int]) -> bool:
    """`counts`: each change's words (of its text), as BlockWords.of counted them."""
    # Typography never splits or joins a word, so unequal counts settle it before any sorting.
    removed = sum(count for change, count in zip(changes, counts, strict=True) if change.op is ChangeOp.DELETE)
    added = sum(count for change, count in zip(changes, counts, strict=True) if change.op is ChangeOp.INSERT)
    if removed != added:
        return False
    deleted = words("\n".join(c.text for c in changes if c.op is ChangeOp.DELETE))
    inserted = words("\n".join(c.text for c in changes if c.op is ChangeOp.INSERT))
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
    counts: Sequence[int] | None = None,
) -> Treatment:
    """`normalised_copy`: a block whose words are the same after normalising case, punctuation and
    typography counts as copied (prose); off for code, where those differences are changes.
    `unchanged`: the diff found no insert or delete (a moved block can still be a plain copy).
    `counts`: each change's words, if counted already.
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
    if normalised_copy and _same_words(changes, [count_words(c.text) for c in changes] if counts is None else counts):
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
    def of(changes: Sequence[Change], words_of: Sequence[int] | None = None) -> BlockWords:
        """`words_of`: each change's words (of its text), if counted already."""
        if words_of is None:
            words_of = [count_words(change.text) for change in changes]
        counts = {ChangeOp.EQUAL: 0, ChangeOp.INSERT: 0, ChangeOp.DELETE: 0}
        equal_derivative = replaced = moved = 0
        longest, longest_text = 0, ""
        deleted_just_before = 0
        for change, count in zip(changes, words_of, strict=True):
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


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a block's changes make of it, before it is built: its kind, similarity and treatment,
    and its word counts. (Moved ids numbered anew leave it as it is: only whether a change is
    moved counts.)"""

    kind: BlockKind
    similarity: float
    treatment: Treatment
    words: BlockWords


def judge(
    original: Sequence[int], derivative: Sequence[int], moved: bool, changes: Sequence[Change], normalised_copy: bool
) -> Verdict:
    """The verdict on a block of these paragraphs (a group moved or not) with these changes.
    `normalised_copy`: as for treatment()."""
    unchanged = all(c.op is ChangeOp.EQUAL for c in changes)
    counts = [count_words(c.text) for c in changes]  # (once, for the tally and the copy test)
    tally = BlockWords.of(changes, counts)
    if not derivative:
        kind, similarity = BlockKind.DELETED, 0.0
    elif not original:
        kind, similarity = BlockKind.INSERTED, 0.0
    else:
        # Both sides' word counts follow from the changes: each word lies in exactly one change.
        total = 2 * tally.equal + tally.inserted + tally.deleted
        similarity = round(2 * tally.equal / total if total else 1.0, 4)
        if moved:
            kind = BlockKind.MOVED
        elif unchanged:
            kind = BlockKind.EQUAL
        else:
            kind = BlockKind.REWRITE
    verdict = treatment(kind, similarity, changes, normalised_copy=normalised_copy, unchanged=unchanged, counts=counts)
    return Verdict(kind, similarity, verdict, tally)
