"""The Summary panel: how the derivative treats the original, as shares, a bar and a list of swaps."""

from __future__ import annotations

import html
from enum import IntEnum

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy, QTreeView, QVBoxLayout, QWidget

from diffviewer.core.drafting import checks_prose
from diffviewer.core.model import BlockKind, Comparison, FactChange, FactKind, Treatment
from diffviewer.gui.colors import scheme_for
from diffviewer.gui.labels import fact_kind_name, paragraphs_line, quoted, words_line
from diffviewer.gui.table_model import TableModel, fit_column


class ShareBar(QWidget):
    """One horizontal bar split into coloured shares."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shares: list[tuple[float, QColor]] = []
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_shares(self, shares: list[tuple[float, QColor]]) -> None:
        self._shares = shares
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 16)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, self.palette().base())
        x = rect.left()
        for share, colour in self._shares:
            width = rect.width() * max(0.0, share)
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), colour)
            x += width
        painter.setPen(self.palette().mid().color())
        painter.drawRect(rect)


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.original_label = QLabel(self)
        self.original_label.setWordWrap(True)
        self.original_bar = ShareBar(self)
        self.derivative_label = QLabel(self)
        self.derivative_label.setWordWrap(True)
        self.derivative_bar = ShareBar(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Changed names and numbers in a list of their own: a whole book has hundreds, which as
        # lines of the label above cost the window most of a second to lay out at every change
        # of its size; a list lays out only the rows on screen (and a model builds no items).
        self.facts_label = QLabel(self.tr("Changed names and numbers:"), self)
        self.facts = QTreeView(self)
        self.facts_model = TableModel([self.tr("Original"), self.tr("Derivative"), self.tr("Kind")], _fact_text, self)
        self.facts.setModel(self.facts_model)
        self.facts.setRootIsDecorated(False)
        self.facts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a list to read, not to edit
        self.facts.setUniformRowHeights(True)
        self.facts.setMinimumHeight(80)
        for widget in (self.original_label, self.original_bar, self.derivative_label, self.derivative_bar):
            layout.addWidget(widget)
        layout.addWidget(self.details)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.facts, 1)
        # Without a list of changes, what is left stays at the top (the list takes the space when shown).
        layout.addStretch(0)
        self.set_comparison(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        visible = comparison is not None
        for widget in (self.original_bar, self.derivative_bar, self.derivative_label):
            widget.setVisible(visible)
        self.facts_model.set_items(())
        listed = comparison is not None and bool(comparison.changed_facts)
        self.facts_label.setVisible(listed)
        self.facts.setVisible(listed)
        if comparison is None:
            self.original_label.setText(self.tr("The summary appears once two documents are compared."))
            self.details.clear()
            return
        stats = comparison.stats
        scheme = scheme_for(self.palette())
        kept = QColor(scheme.kind_edge[BlockKind.EQUAL])
        self.original_label.setText(
            self.tr("Of the original: %1 kept word for word, %2 reworded, %3 dropped")
            .replace("%1", f"{stats.original_verbatim:.0%}")
            .replace("%2", f"{stats.original_reworded:.0%}")
            .replace("%3", f"{stats.original_dropped:.0%}")
        )
        self.original_bar.set_shares(
            [
                (stats.original_verbatim, kept),
                (stats.original_reworded, scheme.kind_edge[BlockKind.REWRITE]),
                (stats.original_dropped, scheme.kind_edge[BlockKind.DELETED]),
            ]
        )
        self.derivative_label.setText(
            self.tr("Of the derivative: %1 is new (no source)").replace("%1", f"{stats.derivative_new:.0%}")
        )
        self.derivative_bar.set_shares(
            [(1 - stats.derivative_new, kept), (stats.derivative_new, scheme.kind_edge[BlockKind.INSERTED])]
        )
        counts = {t: sum(1 for b in comparison.blocks if b.treatment is t) for t in Treatment}
        parts = [
            # The status bar's and the reports' numbers, in their words (gui/labels.py).
            f"<p>{html.escape(words_line(comparison))}<br>{html.escape(paragraphs_line(comparison))}</p>",
            "<p>"
            + html.escape(
                self.tr("Blocks: %1 copied, %2 lightly edited, %3 reworded, %4 new, %5 dropped")
                .replace("%1", str(counts[Treatment.COPIED]))
                .replace("%2", str(counts[Treatment.LIGHTLY_EDITED]))
                .replace("%3", str(counts[Treatment.REWORDED]))
                .replace("%4", str(counts[Treatment.NEW]))
                .replace("%5", str(counts[Treatment.DROPPED]))
            )
            + "</p>",
        ]
        if stats.longest_verbatim_words:
            run = self.tr("Longest verbatim run: %n words", "", stats.longest_verbatim_words)
            parts.append(f"<p>{html.escape(run)}<br><i>{html.escape(quoted(stats.longest_verbatim_text))}</i></p>")
        if comparison.changed_facts:
            bold = self.facts.font()
            bold.setBold(True)
            self.facts_model.set_column_font(_FactColumn.DERIVATIVE, bold)
            self.facts_model.set_items(comparison.changed_facts)
            fit_column(self.facts, _FactColumn.KIND, [fact_kind_name(kind) for kind in FactKind])
        elif checks_prose(comparison.original, comparison.derivative):
            # Programs are not checked for swapped names (every identifier would be one).
            none_swapped = self.tr("No names or numbers were swapped.")
            parts.append(f"<p>{html.escape(none_swapped)}</p>")
        self.details.setText("".join(parts))

    def text(self) -> str:
        """Everything the panel says, as plain text (for tests and accessibility)."""
        facts = [
            f"{fact.original} → {fact.derivative} ({fact_kind_name(fact.kind)})" for fact in self.facts_model.items()
        ]
        labels = [self.original_label.text(), self.derivative_label.text(), self.details.text()]
        return "\n".join(labels + ([self.facts_label.text(), *facts] if facts else []))


class _FactColumn(IntEnum):
    ORIGINAL = 0
    DERIVATIVE = 1
    KIND = 2


def _fact_text(fact: FactChange, column: int) -> str:
    if column == _FactColumn.ORIGINAL:
        return fact.original
    if column == _FactColumn.DERIVATIVE:
        return fact.derivative
    return fact_kind_name(fact.kind)
