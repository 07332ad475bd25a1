"""Comparison → a unified diff, one line per line of text, as `diff -U0` prints it.

Hunks come from the aligner's blocks, not from a line diff, so reflowed, split, merged and
moved paragraphs read as what they are; building it is linear in the size of the changed blocks.
A prose paragraph is one line; a code block is as many lines as it has, numbered as in its file.
Inside a rewritten block the lines both sides share are context (" "); a moved block is all
removed here and all added there.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from diffviewer.core.model import Block, BlockKind, Comparison, Document


def _range(start: int, count: int, before: int) -> str:
    # Unified diff ranges are 1-based "start,count"; an empty side points just before its place.
    if not count:
        return f"{before},0"
    return str(start) if count == 1 else f"{start},{count}"


class _Numbering:
    """Line numbers of a document's paragraphs: from the file when the loader kept them (code),
    else counted through the paragraphs (a one-line paragraph is one line)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts: list[int] = []
        running = 1
        for paragraph in doc.paragraphs:
            start = paragraph.line if paragraph.line is not None else running
            self.starts.append(start)
            running = start + paragraph.text.count("\n") + 1

    def lines(self, indices: tuple[int, ...]) -> list[str]:
        return [line for i in indices for line in self.doc.paragraphs[i].text.split("\n")]

    def end(self, index: int) -> int:
        """The number of the last line of paragraph `index`."""
        return self.starts[index] + self.doc.paragraphs[index].text.count("\n")


def _body(block: Block, old: list[str], new: list[str]) -> list[str]:
    if block.kind is not BlockKind.REWRITE:  # moved, inserted, deleted: whole sides
        return [f"-{line}" for line in old] + [f"+{line}" for line in new]
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(f" {line}" for line in old[i1:i2])
        else:
            out.extend(f"-{line}" for line in old[i1:i2])
            out.extend(f"+{line}" for line in new[j1:j2])
    return out


def _comparison(c: Comparison) -> list[str]:
    lines = [f"--- {c.original.path}", f"+++ {c.derivative.path}"]
    a, b = _Numbering(c.original), _Numbering(c.derivative)
    last_a = last_b = 0
    for block in c.blocks:
        before_a, before_b = last_a, last_b
        if block.original:
            last_a = a.end(max(block.original))
        if block.derivative:
            last_b = b.end(max(block.derivative))
        if block.kind is BlockKind.EQUAL:
            continue
        old, new = a.lines(block.original), b.lines(block.derivative)
        start_a = a.starts[block.original[0]] if block.original else 0
        start_b = b.starts[block.derivative[0]] if block.derivative else 0
        header = f"@@ -{_range(start_a, len(old), before_a)} +{_range(start_b, len(new), before_b)} @@"
        if block.kind is BlockKind.MOVED:
            header += " moved"
        lines.append(header)
        lines.extend(_body(block, old, new))
    return lines


def render(comparisons: Sequence[Comparison]) -> str:
    out: list[str] = []
    for comparison in comparisons:
        out.extend(_comparison(comparison))
    return "\n".join(out) + "\n"
