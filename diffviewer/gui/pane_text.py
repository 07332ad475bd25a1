"""What the panes say in words: the headers, the gutter's numbers and the hover tooltips."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF

from diffviewer.core.model import ChangeOp, DocumentFormat, Quote, QuoteStatus
from diffviewer.gui.cell_layout import LaidOutCell
from diffviewer.gui.header_text import HeaderText
from diffviewer.gui.labels import (
    block_count,
    format_name,
    kind_name,
    paragraph_count,
    quote_status_name,
    quoted,
    treatment_name,
)
from diffviewer.gui.moved_marks import move_places, moved_tooltip
from diffviewer.gui.pane_hits import moved_at
from diffviewer.gui.rows import Side, Span

if TYPE_CHECKING:
    from diffviewer.gui.comparison_view import ComparisonView


def gutter_labels(laid: LaidOutCell) -> list[tuple[float, str]]:
    """Where each of a cell's gutter numbers (the view model's, gui/rows.py) goes: a paragraph's
    at its first line, a source line's at the line its text starts on."""
    labels: list[tuple[float, str]] = []
    spans = laid.paragraph_spans
    for label in laid.cell.gutter_labels:
        if label.position >= len(spans):
            continue
        para_top = spans[label.position][0]
        if label.offset is None:
            labels.append((para_top, label.text))
            continue
        text_line = laid.layout.lineForTextPosition(laid.to_qt(label.offset))
        labels.append((text_line.y() if text_line.isValid() else para_top, label.text))
    return labels


def _moved_elsewhere(view: ComparisonView, block: int, span: Span) -> int | None:
    """The paragraph of the other document holding a moved phrase's other end, when that end
    is in another block (a sentence moved into a paragraph aligned elsewhere)."""
    if view._comparison is None or span.moved is None:
        return None
    if view._move_places is None:
        view._move_places = move_places(view._comparison)
    place = view._move_places.get(span.moved)
    if place is None or place.removed == place.added:
        return None
    removed_here = span.op is ChangeOp.DELETE
    other = view._comparison.blocks[place.added if removed_here else place.removed]
    document = view._comparison.derivative if removed_here else view._comparison.original
    wanted = ChangeOp.INSERT if removed_here else ChangeOp.DELETE
    at = 0  # where the other end starts in the other block's side (paragraphs joined by "\n")
    for change in other.changes:
        if change.moved == span.moved and change.op is wanted:
            break
        at += len(change.derivative_side if removed_here else change.original_side)
    paragraphs = other.derivative if removed_here else other.original
    for paragraph in paragraphs:
        at -= len(document.paragraphs[paragraph].text) + 1
        if at < 0:
            return paragraph
    return paragraphs[-1] if paragraphs else None


def tooltip_at(view: ComparisonView, point: QPointF) -> str:
    """What hovering at a viewport point tells: the block's kind, its paragraphs, its similarity."""
    if view._comparison is None:
        return ""
    row = view.row_at(point.y() + view.verticalScrollBar().value())
    if row < 0 or view._rows[row].block is None:
        return ""
    block_index = view._rows[row].block
    assert block_index is not None
    block = view._comparison.blocks[block_index]
    kind = kind_name(block.kind).capitalize()
    original = ", ".join(str(i + 1) for i in block.original) or "—"
    derivative = ", ".join(str(j + 1) for j in block.derivative) or "—"
    lines = [
        kind,
        QCoreApplication.translate("ComparisonView", "Original ¶ %1 → derivative ¶ %2")
        .replace("%1", original)
        .replace("%2", derivative),
    ]
    treatment = treatment_name(block.treatment)
    if block.original and block.derivative:
        lines.append(
            QCoreApplication.translate("ComparisonView", "Similarity: %1% (%2)")
            .replace("%1", f"{block.similarity * 100:.0f}")
            .replace("%2", treatment)
        )
    else:
        lines.append(treatment)
    moved = moved_at(view, point)
    if moved is not None:
        elsewhere = _moved_elsewhere(view, block_index, moved.span)
        lines.append(moved_tooltip(moved.span, inline=moved.laid.cell is view._rows[row].inline, elsewhere=elsewhere))
    for quote in _quotes_in_row(view, row):
        status = quote_status_name(quote.status)
        lines.append(
            QCoreApplication.translate("ComparisonView", "Quotation (%1): %2")
            .replace("%1", status)
            .replace("%2", quoted(quote.text))
        )
    return "\n".join(lines)


def _quotes_in_row(view: ComparisonView, row: int) -> list[Quote]:
    right = view._rows[row].right or view._rows[row].inline
    if view._comparison is None or right is None or right.side is not Side.DERIVATIVE:
        return []
    return [
        q for q in view._comparison.quotes if q.paragraph in right.paragraphs and q.status is not QuoteStatus.VERBATIM
    ]


def header_text(view: ComparisonView, side: Side | None) -> HeaderText:
    if side is None:
        original, derivative = view._documents[Side.ORIGINAL], view._documents[Side.DERIVATIVE]
        names = [Path(d.path).name if d else "—" for d in (original, derivative)]
        return HeaderText(
            QCoreApplication.translate("ComparisonView", "Inline: "),
            f"{names[0]} → {names[1]}",
            QCoreApplication.translate(
                "ComparisonView", " (paragraph numbers are the derivative's; (n): an original paragraph it dropped)"
            ),
        )
    document = view._documents[side]
    title = (
        QCoreApplication.translate("ComparisonView", "Original")
        if side is Side.ORIGINAL
        else QCoreApplication.translate("ComparisonView", "Derivative")
    )
    if document is None:
        return HeaderText(title, "")
    if document.format is DocumentFormat.CODE:  # runs of lines between blank lines
        count = block_count(len(document.paragraphs))
    else:
        count = paragraph_count(len(document.paragraphs))
    # Code is named by its language ("python", "markdown"): "code" alone says little.
    kind = format_name(document.format)
    if document.format is DocumentFormat.CODE and document.language:
        kind = document.language
    return HeaderText(
        QCoreApplication.translate("ComparisonView", "%1: ").replace("%1", title),
        Path(document.path).name,
        f" ({kind}, {count})",
    )


__all__ = ["gutter_labels", "header_text", "tooltip_at"]
