"""compare(original, derivative) -> Comparison: the one entry point of the engine."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import cache

from diffviewer.core import quotes
from diffviewer.core.align import Alignment, Group, align, knows
from diffviewer.core.collector import paused_collector
from diffviewer.core.crossing import Draft, across, numbered
from diffviewer.core.drafting import Drafts, checks_prose, drafts_of, made
from diffviewer.core.facts import DocumentCases, changed_facts
from diffviewer.core.helper import Helper
from diffviewer.core.insight import BlockWords, summarise
from diffviewer.core.model import (
    Block,
    BlockKind,
    CompareOptions,
    Comparison,
    Document,
    DocumentFormat,
    Granularity,
    Quote,
    Stats,
)
from diffviewer.core.tokens import count_words, identity_keys


class CompareError(Exception):
    """The comparison could not be done; the message is one line for the user."""


class LimitExceeded(CompareError):
    pass


class Cancelled(CompareError):
    pass


def _check_limits(doc: Document, options: CompareOptions) -> None:
    if len(doc.paragraphs) > options.max_paragraphs:
        raise LimitExceeded(
            f"{doc.path}: {len(doc.paragraphs):,} paragraphs exceeds the limit of {options.max_paragraphs:,}"
        )
    size = sum(len(p.text) for p in doc.paragraphs)
    if size > options.max_characters:
        raise LimitExceeded(f"{doc.path}: {size:,} characters exceeds the limit of {options.max_characters:,}")


def _block(draft: Draft) -> Block:
    group, verdict = draft.group, draft.verdict
    return Block(verdict.kind, group.original, group.derivative, verdict.similarity, draft.changes, verdict.treatment)


def _stats(
    blocks: tuple[Block, ...],
    block_words: list[BlockWords],
    original: Document,
    derivative: Document,
    granularity: Granularity,
) -> Stats:
    prose_units = DocumentFormat.CODE not in (original.format, derivative.format)
    if granularity is Granularity.WORD and prose_units:
        # Every paragraph lies in exactly one block and every word in exactly one of its changes,
        # so the blocks' tallies count both documents (no second pass over the text).
        words_original = sum(tally.original_words for tally in block_words)
        words_derivative = sum(tally.derivative_words for tally in block_words)
    else:  # letters, or lexer tokens ("a-b" is three), may cut a word in two
        words_original = sum(count_words(p.text) for p in original.paragraphs)
        words_derivative = sum(count_words(p.text) for p in derivative.paragraphs)
    summary = summarise(blocks, block_words, words_original, words_derivative)
    return Stats(
        words_original=words_original,
        words_derivative=words_derivative,
        words_equal=summary.words_equal,
        words_inserted=summary.words_inserted,
        words_deleted=summary.words_deleted,
        words_replaced=summary.words_replaced,
        words_moved=summary.words_moved,
        paragraphs_moved=sum(len(b.derivative) for b in blocks if b.kind is BlockKind.MOVED),
        paragraphs_inserted=sum(len(b.derivative) for b in blocks if b.kind is BlockKind.INSERTED),
        paragraphs_deleted=sum(len(b.original) for b in blocks if b.kind is BlockKind.DELETED),
        original_verbatim=summary.original_verbatim,
        original_reworded=summary.original_reworded,
        original_dropped=summary.original_dropped,
        derivative_new=summary.derivative_new,
        longest_verbatim_words=summary.longest_verbatim_words,
        longest_verbatim_text=summary.longest_verbatim_text,
    )


def _cases(
    original: Document, derivative: Document, helping: _Help, step: Callable[[], None]
) -> Callable[[], DocumentCases]:
    """Both documents' case counts, asked for the first time a block swaps a name: the helper's,
    counted while the alignment ran (or since it came), or else counted here."""

    def counted() -> DocumentCases:
        found = helping.helper.cases(step) if helping.helper is not None else None
        return found or DocumentCases.of_documents(original, derivative)

    return cache(counted)


class _Help:
    """The comparison's helper process: started with it, or on the way the first time the caller
    says a core is free (`may_help`: comparisons side by side, the last of which is left alone)."""

    def __init__(self, helper: Helper | None, may_help: Callable[[], bool] | None, start: Callable[[], Helper | None]):
        self.helper = helper
        self._may_help = may_help
        self._start = start

    def later(self) -> Helper | None:
        """The helper, started now if it may be (and was not yet)."""
        if self.helper is None and self._may_help is not None and self._may_help():
            self._may_help = None  # (asked no more: started, or it could not start)
            self.helper = self._start()
        return self.helper

    def close(self) -> None:
        if self.helper is not None:
            self.helper.close()


# A comparison alone asks whether it may take a helper after this many groups drafted.
GROUPS_AT_ONCE = 64


def _drafts(
    groups: Sequence[Group],
    original: Document,
    derivative: Document,
    options: CompareOptions,
    helping: _Help,
    cases: Callable[[], DocumentCases] | None,
    step: Callable[[], None],
    on_progress: Callable[[float], None],
) -> Drafts:
    """The groups' drafts: made here from the first on, and by the helper from the last until the
    two meet, once there is a helper (the helper's share made here too if it could not)."""
    parts: list[Drafts] = []
    done = 0
    while done < len(groups) and helping.later() is None:
        step()
        on_progress(0.4 + 0.5 * done / len(groups))
        parts.append(drafts_of(groups[done : done + GROUPS_AT_ONCE], original, derivative, options, cases=cases))
        done += GROUPS_AT_ONCE
    helper = helping.helper
    if helper is not None and done < len(groups):

        def on_group(n: int) -> None:
            if n % GROUPS_AT_ONCE == 0:
                step()
                on_progress(0.4 + 0.5 * helper.taken / len(groups))

        helper.draft(groups, first=done)
        parts.append(drafts_of(helper.claimed(groups), original, derivative, options, on_group, cases))
        theirs = helper.drafts(step)
        if theirs is None:
            theirs = drafts_of(groups[helper.met :], original, derivative, options, lambda n: step(), cases)
        parts.append(theirs)
    return Drafts([d for part in parts for d in part.drafts], set().union(*(part.unpaired for part in parts)))


def compare(
    original: Document,
    derivative: Document,
    options: CompareOptions = CompareOptions(),
    should_cancel: Callable[[], bool] = lambda: False,
    on_progress: Callable[[float], None] = lambda fraction: None,
    *,
    helped: bool = True,
    may_help: Callable[[], bool] | None = None,
) -> Comparison:
    """Align paragraphs, diff words inside each block, and check quotations.

    Raises LimitExceeded for inputs past the options' limits and Cancelled when should_cancel()
    turns true; progress goes 0 → 1 through on_progress. `helped`: a big comparison may take a
    second core (helper.py); a caller running comparisons side by side says False, and may say
    through `may_help` when a core has come free: the comparison then takes a helper for the
    blocks it has yet to draft.
    """
    for doc in (original, derivative):
        _check_limits(doc, options)
    if not checks_prose(original, derivative):
        # In a program a curly quote or a dash is another character, never typography.
        options = dataclasses.replace(options, show_typography=True)
    # Given the options as they are diffed by: the helper's drafts must be this process's.
    helping = _Help(None, may_help, lambda: Helper.start(original, derivative, options, late=True))
    try:
        if helped:
            # Compared again under other options, the documents are most likely aligned already:
            # the helper then has nothing to featurise, and prepares the quotations while this
            # process drafts, then drafts from the other end. (Should the option change which
            # paragraphs are twins, the alignment runs, without a side featurised elsewhere.)
            texts = ([p.text for p in original.paragraphs], [p.text for p in derivative.paragraphs])
            aligned = knows(*texts, checks_prose(original, derivative))
            helping.helper = Helper.start(original, derivative, options, late=aligned)
        with paused_collector():
            return _compare(original, derivative, options, should_cancel, on_progress, helping)
    finally:
        helping.close()


def _compare(
    original: Document,
    derivative: Document,
    options: CompareOptions,
    should_cancel: Callable[[], bool],
    on_progress: Callable[[float], None],
    helping: _Help,
) -> Comparison:
    first = helping.helper  # (started with the comparison, early or late)

    def step() -> None:
        if should_cancel():
            raise Cancelled("comparison cancelled")

    on_progress(0.0)
    # Quotations, swapped names/numbers and sentences shared across paragraphs are prose matters.
    # In a program, string literals are not quotations, every identifier or constant would be a
    # "name" or a "number" (the token diff already shows each), and blocks share identifiers,
    # never sentences. Markup source (Markdown, rST) is prose with its syntax visible: it keeps them.
    prose = checks_prose(original, derivative)
    alignment: Alignment = align(
        # Similarity ignores case, punctuation and spacing anyway (n-grams of casefolded words),
        # so the texts go in as they are and sentence offsets stay offsets in the paragraphs;
        # the keys tell which paragraphs are twins under the user's options.
        [p.text for p in original.paragraphs],
        [p.text for p in derivative.paragraphs],
        on_step=step,
        overlaps=prose,
        keys=(
            identity_keys([p.text for p in original.paragraphs], options),
            identity_keys([p.text for p in derivative.paragraphs], options),
        ),
        on_progress=lambda fraction: on_progress(0.4 * fraction),
        # The helper featurises the side the alignment starts from meanwhile.
        elsewhere=(lambda texts, patience: first.featurised(texts, patience, step)) if first is not None else None,
    )
    on_progress(0.4)
    if first is not None:
        first.aligned()
    groups = alignment.groups
    cases = _cases(original, derivative, helping, step) if prose else None
    found = _drafts(groups, original, derivative, options, helping, cases, step, on_progress)
    helper = helping.helper
    links = [link for link in alignment.links if (link.original, link.derivative) not in found.unpaired]
    partners: dict[int, list[int]] = {}
    for link in links:
        partners.setdefault(link.derivative, []).append(link.original)
    if prose and helper is not None:
        helper.check_quotes(partners)  # while the blocks are judged here
    drafts = numbered(found.drafts)
    if prose:
        texts = ([p.text for p in original.paragraphs], [p.text for p in derivative.paragraphs])
        drafts = across(
            drafts, alignment.crossings, *texts, lambda draft, changes: made(draft.group, changes, prose, cases)
        )
    frozen_blocks = tuple(map(_block, drafts))
    block_words = [draft.verdict.words for draft in drafts]
    step()
    facts = changed_facts(frozen_blocks, [draft.swaps for draft in drafts]) if prose else ()
    found_quotes: tuple[Quote, ...] = ()
    if prose:
        from_helper = helper.quotes(step) if helper is not None else None
        found_quotes = (
            quotes.check(original.paragraphs, derivative.paragraphs, partners) if from_helper is None else from_helper
        )
    stats = _stats(frozen_blocks, block_words, original, derivative, options.granularity)
    similarity = stats.words_equal / stats.words_original if stats.words_original else 1.0
    on_progress(1.0)
    return Comparison(
        original=original,
        derivative=derivative,
        similarity=round(min(1.0, similarity), 4),
        blocks=frozen_blocks,
        quotes=found_quotes,
        stats=stats,
        links=tuple((link.original, link.derivative) for link in links),
        changed_facts=facts,
    )


__all__ = ["Cancelled", "CompareError", "LimitExceeded", "checks_prose", "compare"]
