"""What the panes say in words: the headers, the gutter's numbers and the hover tooltips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF

from diffviewer.core.model import Quote
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
from diffviewer.gui.moved_marks import moved_tooltip
from diffviewer.gui.pane_hits import moved_at
from diffviewer.gui.rows import Side
from diffviewer.gui.view_model import BlockFacts, MoveEnd

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


def tooltip_at(view: ComparisonView, point: QPointF) -> str:
    """What hovering at a viewport point tells: the block's kind, its paragraphs, its similarity
    (the view model's facts, gui/view_model.py), a moved phrase under the mouse, flagged quotations."""
    row = view.row_at(point.y() + view.verticalScrollBar().value())
    facts = view.block_facts(view.rows[row].block) if row >= 0 else None
    if facts is None:
        return ""
    lines = block_lines(facts)
    moved = moved_at(view, point)
    if moved is not None:
        span = moved.span
        elsewhere = view.moved_elsewhere(MoveEnd(span.moved, span.op)) if span.moved is not None else None
        lines.append(moved_tooltip(moved.span, inline=moved.laid.cell is view.rows[row].inline, elsewhere=elsewhere))
    for quote in _quotes_in_row(view, row):
        status = quote_status_name(quote.status)
        lines.append(
            QCoreApplication.translate("ComparisonView", "Quotation (%1): %2")
            .replace("%1", status)
            .replace("%2", quoted(quote.text))
        )
    return "\n".join(lines)


def block_lines(facts: BlockFacts) -> list[str]:
    """A block's facts in words: what the alignment did, which paragraphs, how similar."""
    original = ", ".join(map(str, facts.original_numbers)) or "—"
    derivative = ", ".join(map(str, facts.derivative_numbers)) or "—"
    lines = [
        kind_name(facts.kind).capitalize(),
        QCoreApplication.translate("ComparisonView", "Original ¶ %1 → derivative ¶ %2")
        .replace("%1", original)
        .replace("%2", derivative),
    ]
    treatment = treatment_name(facts.treatment)
    if facts.similarity_percent is not None:
        lines.append(
            QCoreApplication.translate("ComparisonView", "Similarity: %1% (%2)")
            .replace("%1", str(facts.similarity_percent))
            .replace("%2", treatment)
        )
    else:
        lines.append(treatment)
    return lines


def _quotes_in_row(view: ComparisonView, row: int) -> list[Quote]:
    """The flagged quotations of a row's derivative paragraphs, as the view model marks them."""
    right = view.rows[row].right or view.rows[row].inline
    if right is None or right.block is None or right.side is not Side.DERIVATIVE:
        return []
    marks = view.quote_marks
    return [mark.quote for paragraph in right.paragraphs for mark in marks.get((Side.DERIVATIVE, paragraph), ())]


def header_text(view: ComparisonView, side: Side | None) -> HeaderText:
    if side is None:
        panes = (view.pane_document(Side.ORIGINAL), view.pane_document(Side.DERIVATIVE))
        names = [pane.name if pane else "—" for pane in panes]
        return HeaderText(
            QCoreApplication.translate("ComparisonView", "Inline: "),
            f"{names[0]} → {names[1]}",
            QCoreApplication.translate(
                "ComparisonView", " (paragraph numbers are the derivative's; (n): an original paragraph it dropped)"
            ),
        )
    document = view.pane_document(side)
    title = (
        QCoreApplication.translate("ComparisonView", "Original")
        if side is Side.ORIGINAL
        else QCoreApplication.translate("ComparisonView", "Derivative")
    )
    if document is None:
        return HeaderText(title, "")
    # Code is read in runs of lines between blank lines: blocks, not paragraphs.
    count = block_count(document.paragraphs) if document.is_code else paragraph_count(document.paragraphs)
    # Code is named by its language ("python", "markdown"): "code" alone says little.
    kind = format_name(document.format)
    if document.is_code and document.language:
        kind = document.language
    return HeaderText(
        QCoreApplication.translate("ComparisonView", "%1: ").replace("%1", title),
        document.name,
        f" ({kind}, {count})",
    )


__all__ = ["block_lines", "gutter_labels", "header_text", "tooltip_at"]
