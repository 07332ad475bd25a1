"""Comparison → a terminal-readable report with wdiff-style [-deleted-]{+inserted+} marks.

A moved phrase is marked where it was, `[<moved 1: words>]`, and where it went,
`{>moved 1: words<}`: the same number at both ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.drafting import checks_prose
from diffviewer.core.model import BlockKind, Change, ChangeOp, Comparison, Document, QuoteStatus
from diffviewer.core.tally import word_tally
from diffviewer.report.vocabulary import FACT_KIND, KIND, QUOTE_STATUS, TREATMENT, quoted

QUOTES_NOT_CHECKED = "Quotations not checked: string literals in a program are not quotations."


def file_lines(document: Document, indexes: Sequence[int]) -> str | None:
    """Where a block's paragraphs lie as file lines ("lines 6–11"), when the loader knew them (code)."""
    if not indexes:
        return None
    first, last = document.paragraphs[indexes[0]], document.paragraphs[indexes[-1]]
    if first.line is None or last.line is None:
        return None
    end = last.line + last.text.count("\n")
    return f"line {first.line}" if end == first.line else f"lines {first.line}–{end}"


def _place(document: Document, indexes: Sequence[int]) -> str:
    return file_lines(document, indexes) or "¶" + (",".join(str(i + 1) for i in indexes) or "-")


_MARK = {ChangeOp.EQUAL: ("", ""), ChangeOp.DELETE: ("[-", "-]"), ChangeOp.INSERT: ("{+", "+}")}
# With colour on (a terminal): removed words in vermillion and struck, added in blue and underlined,
# the wdiff marks kept so the meaning never rests on colour alone.
_COLOUR = {
    ChangeOp.EQUAL: ("", ""),
    ChangeOp.DELETE: ("\x1b[9;38;5;166m[-", "-]\x1b[0m"),
    ChangeOp.INSERT: ("\x1b[4;38;5;32m{+", "+}\x1b[0m"),
}
# A moved phrase: bluish green, neither struck nor underlined (its words are kept).
_MOVED_MARK = {ChangeOp.DELETE: ("[<moved {}: ", ">]"), ChangeOp.INSERT: ("{{>moved {}: ", "<}}")}
_MOVED_COLOUR = {
    ChangeOp.DELETE: ("\x1b[38;5;36m[<moved {}: ", ">]\x1b[0m"),
    ChangeOp.INSERT: ("\x1b[38;5;36m{{>moved {}: ", "<}}\x1b[0m"),
}


def _marked(change: Change, colour: bool) -> str:
    if change.moved is not None and change.op is not ChangeOp.EQUAL:
        start, end = (_MOVED_COLOUR if colour else _MOVED_MARK)[change.op]
        return f"{start.format(change.moved)}{change.text}{end.format()}"
    start, end = (_COLOUR if colour else _MARK)[change.op]
    return f"{start}{change.text}{end}"


def _comparison(c: Comparison, colour: bool) -> list[str]:
    s, tally = c.stats, word_tally(c)
    moved = f" ({tally.moved} of them moved)" if tally.moved else ""
    lines = [
        f"Original:   {c.original.path}" + (f" — {c.original.title}" if c.original.title else ""),
        f"Derivative: {c.derivative.path}" + (f" — {c.derivative.title}" if c.derivative.title else ""),
        f"Similarity: {c.similarity:.0%} of the original's words survive",
        f"Words: {tally.kept} kept{moved}, {tally.changed} changed, {tally.added} added, {tally.removed} removed "
        f"(original {s.words_original}, derivative {s.words_derivative})",
        f"Paragraphs: {s.paragraphs_moved} moved, {s.paragraphs_inserted} added, {s.paragraphs_deleted} removed",
        f"Of the original: {s.original_verbatim:.0%} kept word for word, {s.original_reworded:.0%} reworded, "
        f"{s.original_dropped:.0%} dropped; {s.derivative_new:.0%} of the derivative is new",
    ]
    if s.longest_verbatim_words:
        lines.append(f"Longest verbatim run: {s.longest_verbatim_words} words, {quoted(s.longest_verbatim_text)}")
    if c.changed_facts:
        lines.append("Changed names and numbers:")
        lines.extend(f"  {FACT_KIND[f.kind]}: {f.original} → {f.derivative}" for f in c.changed_facts)
    lines.append("")
    for block in c.blocks:
        where = f"original {_place(c.original, block.original)} → derivative {_place(c.derivative, block.derivative)}"
        header = f"== {KIND[block.kind].upper()} ({where}): {TREATMENT[block.treatment]}"
        if block.kind not in (BlockKind.INSERTED, BlockKind.DELETED):
            header += f", similarity {block.similarity:.0%}"
        lines.append(header)
        if block.kind is BlockKind.EQUAL or block.kind is BlockKind.INSERTED or block.kind is BlockKind.DELETED:
            lines.append("".join(ch.text for ch in block.changes))
        else:
            lines.append("".join(_marked(ch, colour) for ch in block.changes))
        lines.append("")
    if not checks_prose(c.original, c.derivative):
        lines.extend([QUOTES_NOT_CHECKED, ""])
        return lines
    flagged = [q for q in c.quotes if q.status is not QuoteStatus.VERBATIM]
    lines.append(f"Quotations: {len(c.quotes)} found, {len(flagged)} altered or with no source")
    for q in flagged:
        lines.append(f"  [{QUOTE_STATUS[q.status]}] derivative ¶{q.paragraph + 1}: {quoted(q.text)}")
        if q.source_paragraph is not None:
            lines.append(f"      source ¶{q.source_paragraph + 1}: {q.source_text}")
    lines.append("")
    return lines


def render(comparisons: Sequence[Comparison], colour: bool = False) -> str:
    out: list[str] = []
    for c in comparisons:
        out.extend(_comparison(c, colour))
    return "\n".join(out)
