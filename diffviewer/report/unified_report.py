"""Comparison → a unified diff of paragraphs (one paragraph per line), as `diff -U0` prints it.

Hunks come from the aligner's blocks, not from a line diff, so reflowed, split, merged and
moved paragraphs read as what they are; building it is linear in the number of blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from diffviewer.core.model import BlockKind, Comparison


def _range(indices: tuple[int, ...], before: int) -> str:
    # Unified diff ranges are 1-based "start,count"; an empty side points just before its place.
    if not indices:
        return f"{before},0"
    return f"{indices[0] + 1},{len(indices)}" if len(indices) != 1 else str(indices[0] + 1)


def _comparison(c: Comparison) -> list[str]:
    lines = [f"--- {c.original.path}", f"+++ {c.derivative.path}"]
    last_original = last_derivative = 0
    for block in c.blocks:
        if block.original:
            last_original = max(block.original) + 1
        if block.derivative:
            last_derivative = max(block.derivative) + 1
        if block.kind is BlockKind.EQUAL:
            continue
        header = f"@@ -{_range(block.original, last_original)} +{_range(block.derivative, last_derivative)} @@"
        if block.kind is BlockKind.MOVED:
            header += " moved"
        lines.append(header)
        lines.extend("-" + " ".join(c.original.paragraphs[i].text.split("\n")) for i in block.original)
        lines.extend("+" + " ".join(c.derivative.paragraphs[j].text.split("\n")) for j in block.derivative)
    return lines


def render(comparisons: Sequence[Comparison]) -> str:
    out: list[str] = []
    for comparison in comparisons:
        out.extend(_comparison(comparison))
    return "\n".join(out) + "\n"
