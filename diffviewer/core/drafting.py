"""Each aligned group's word-level changes: a draft of its block, before the block is judged."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from diffviewer.core.align import Group
from diffviewer.core.crossing import Draft
from diffviewer.core.facts import DocumentCases, block_swaps
from diffviewer.core.insight import judge
from diffviewer.core.model import Change, ChangeOp, CompareOptions, Document, DocumentFormat, Piece
from diffviewer.core.moved import mark_moved
from diffviewer.core.syntax import is_markup
from diffviewer.core.tokens import WORD_RE, words
from diffviewer.core.worddiff import piecewise_diff

# Longer "words" on average are runs of a script without spaces.
_LONGEST_MEAN_WORD = 15


def diff_language(doc: Document) -> str | None:
    """The language a document's blocks are lexed in for diffing: its own, if it is code."""
    return doc.language if doc.format is DocumentFormat.CODE else None


def is_program(doc: Document) -> bool:
    """Code proper: a code document that is not markup source (Markdown, rST), which is prose."""
    return doc.format is DocumentFormat.CODE and not is_markup(doc.language)


def checks_prose(original: Document, derivative: Document) -> bool:
    """Whether quotations and swapped names are checked: not when a side is a program."""
    return not (is_program(original) or is_program(derivative))


def _share_no_word(changes: Sequence[Change]) -> bool:
    """Whether both sides are made of several words and have none in common (case aside).

    Only where words stand apart: a heading of one word ("Quellen" / "Quelle") or a script
    written without spaces (a Chinese clause is one "word") is judged by its n-grams alone.
    """
    # A word they both have is there, kept (the usual case: no need to list words). Both sides'
    # spellings are asked: what the options ignore can leave a word on one side of a kept run
    # alone ("(def" kept as '"' without punctuation), and which side is the original must not
    # decide whether two texts pair.
    if any(c.op is ChangeOp.EQUAL and WORD_RE.search(c.text) and WORD_RE.search(c.derivative_side) for c in changes):
        return False
    a_words = {w.casefold() for w in words("".join(c.original_side for c in changes))}
    b_words = {w.casefold() for w in words("".join(c.derivative_side for c in changes))}
    return _spaced(a_words) and _spaced(b_words) and a_words.isdisjoint(b_words)


def _spaced(distinct: set[str]) -> bool:
    return len(distinct) >= 3 and sum(map(len, distinct)) <= _LONGEST_MEAN_WORD * len(distinct)


def draft(
    group: Group,
    original: Document,
    derivative: Document,
    options: CompareOptions,
    cases: Callable[[], DocumentCases] | None = None,
) -> Draft:
    """One group's changes: its sentence pieces diffed word by word, moved phrases marked; with
    `cases`, the names and numbers they swap too."""
    a_text = "\n".join(original.paragraphs[i].text for i in group.original)
    b_text = "\n".join(derivative.paragraphs[j].text for j in group.derivative)
    changes = piecewise_diff(
        a_text,
        b_text,
        group.pieces or [Piece(0, len(a_text), 0, len(b_text))],
        options,
        diff_language(original),
        diff_language(derivative),
    )
    prose = checks_prose(original, derivative)
    if prose:  # a program's shared tokens are no moved phrases
        changes = mark_moved(changes)
    return made(group, tuple(changes), prose, cases)


def made(group: Group, changes: tuple[Change, ...], prose: bool, cases: Callable[[], DocumentCases] | None) -> Draft:
    """The draft of a group with these changes: judged, and its swaps found (with `cases`).
    In a program `a - b` → `a + b` is no copy, though its words are the same (`prose`)."""
    verdict = judge(group.original, group.derivative, group.moved, changes, normalised_copy=prose)
    return Draft(group, changes, verdict, () if cases is None else block_swaps(changes, cases))


@dataclass(frozen=True, slots=True)
class Drafts:
    """Some groups' drafts in order, and the paragraph pairs that were unpaired on the way."""

    drafts: list[Draft]
    unpaired: set[tuple[int, int]]


def drafts_of(
    groups: Iterable[Group],
    original: Document,
    derivative: Document,
    options: CompareOptions,
    on_group: Callable[[int], None] = lambda done: None,
    cases: Callable[[], DocumentCases] | None = None,
) -> Drafts:
    """The drafts of `groups` (see draft); `on_group(n)` is called before the nth (to cancel, to
    report)."""
    drafts: list[Draft] = []
    unpaired: set[tuple[int, int]] = set()
    for n, group in enumerate(groups):
        on_group(n)
        found = draft(group, original, derivative, options, cases)
        if group.original and group.derivative and _share_no_word(found.changes):
            # The aligner saw shared n-grams (inside a web address, say), but the two sides have
            # not one word in common: the pair would claim a rewrite where a reader sees two
            # unrelated texts. Each stands alone instead.
            unpaired.update((i, j) for i in group.original for j in group.derivative)
            for alone in (Group(group.original, (), False), Group((), group.derivative, False)):
                drafts.append(draft(alone, original, derivative, options, cases))
            continue
        drafts.append(found)
    return Drafts(drafts, unpaired)


__all__ = ["Drafts", "checks_prose", "diff_language", "draft", "drafts_of", "is_program", "made"]
