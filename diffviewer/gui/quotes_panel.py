"""The Quotes panel: every quotation of the derivative, altered and invented ones first; click to jump."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QToolTip, QTreeView, QVBoxLayout, QWidget

from diffviewer.core.drafting import checks_prose
from diffviewer.core.model import Comparison, Quote, QuoteStatus
from diffviewer.gui.colors import quote_colour
from diffviewer.gui.labels import quote_status_name, quoted
from diffviewer.gui.table_model import TableModel, fit_column

_ORDER = {QuoteStatus.UNSOURCED: 0, QuoteStatus.ALTERED: 1, QuoteStatus.VERBATIM: 2}


class QuoteColumn(IntEnum):
    STATUS = 0
    PARAGRAPH = 1
    TEXT = 2


class QuotesPanel(QWidget):
    quote_activated = Signal(object)  # Quote

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # A short label: the panel shares a narrow window's right-hand column, and a check box
        # is as wide as its text (it never wraps), so a long one would narrow the text columns.
        self.flagged_only = QCheckBox(self.tr("Only altered or unsourced"), self)
        self.flagged_only.setToolTip(self.tr("Show only the quotations that were altered and those with no source"))
        self.flagged_only.toggled.connect(self.on_filter_toggled)
        layout.addWidget(self.flagged_only)
        # One brush and one label a status: a whole book has thousands of quotations.
        self._brushes: dict[QuoteStatus, QBrush] = {}
        self._labels = {status: quote_status_name(status) for status in QuoteStatus}
        self.tree = QTreeView(self)
        self.model = TableModel(
            [self.tr("Status"), self.tr("¶"), self.tr("Quotation")], self._cell_text, self, self._brush
        )
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a list to read, not to edit
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.activated.connect(self.on_index_activated)
        self.tree.clicked.connect(self.on_index_activated)
        self.tree.viewport().installEventFilter(self)  # tooltips made when asked for: see eventFilter
        layout.addWidget(self.tree, 1)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self._quotes: tuple[Quote, ...] = ()
        self.set_comparison(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._quotes = comparison.quotes if comparison is not None else ()
        counts = {status: sum(1 for q in self._quotes if q.status is status) for status in QuoteStatus}
        if comparison is None:
            self.summary.setText(self.tr("Quotations appear here once two documents are compared."))
        elif not checks_prose(comparison.original, comparison.derivative):
            self.summary.setText(self.tr("Quotations not checked: string literals in a program are not quotations."))
        else:
            self.summary.setText(
                # How many quotations decides the plural (%n); the kinds' counts follow it.
                self.tr("%n quotations: %1 verbatim, %2 altered, %3 with no source", "", len(self._quotes))
                .replace("%1", str(counts[QuoteStatus.VERBATIM]))
                .replace("%2", str(counts[QuoteStatus.ALTERED]))
                .replace("%3", str(counts[QuoteStatus.UNSOURCED]))
            )
        self.detail.clear()
        self._fill()

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self._quotes

    def _fill(self) -> None:
        dark = self.palette().base().color().lightness() < 128
        for status in QuoteStatus:
            colour = QColor(quote_colour(status, dark))
            colour.setAlpha(70)
            self._brushes[status] = QBrush(colour)
        flagged_only = self.flagged_only.isChecked()
        shown = sorted(
            (q for q in self._quotes if not (flagged_only and q.status is QuoteStatus.VERBATIM)),
            key=lambda q: (_ORDER[q.status], q.paragraph, q.start),
        )
        self.model.set_items(shown)
        fit_column(self.tree, QuoteColumn.STATUS, self._labels.values())
        digits = len(str(max((q.paragraph + 1 for q in shown), default=1)))
        fit_column(self.tree, QuoteColumn.PARAGRAPH, [digit * digits for digit in "0123456789"])  # any widest

    def _cell_text(self, quote: Quote, column: int) -> str:
        if column == QuoteColumn.STATUS:
            return self._labels[quote.status]
        if column == QuoteColumn.PARAGRAPH:
            return str(quote.paragraph + 1)
        return quote.text

    def _brush(self, quote: Quote) -> QBrush | None:
        return self._brushes.get(quote.status)

    def shown_quotes(self) -> list[Quote]:
        """The quotations listed, in their order."""
        return list(self.model.items())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A quotation's tooltip (what the original says there), made when it is asked for: a
        whole book has thousands of quotations, and making them all stalled the window."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.tree.indexAt(event.pos())
            if index.isValid() and index.column() == QuoteColumn.TEXT:
                QToolTip.showText(event.globalPos(), describe(self.model.item_at(index.row())), self.tree.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def on_filter_toggled(self, _checked: bool) -> None:
        self._fill()

    def on_index_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            quote = self.model.item_at(index.row())
            self.detail.setText(describe(quote))
            self.quote_activated.emit(quote)


def describe(quote: Quote) -> str:
    """What a quotation's tooltip and the detail line say of it."""
    lines = [quoted(quote.text)]
    if quote.source_paragraph is None:
        lines.append(QCoreApplication.translate("QuotesPanel", "The original never says this."))
    elif quote.status is QuoteStatus.VERBATIM:
        lines.append(
            QCoreApplication.translate("QuotesPanel", "Word for word in original ¶%1.").replace(
                "%1", str(quote.source_paragraph + 1)
            )
        )
    else:
        where = QCoreApplication.translate("QuotesPanel", "Original ¶%1 says:").replace(
            "%1", str(quote.source_paragraph + 1)
        )
        lines.append(f"{where} {quoted(quote.source_text or '')}")
    return "\n".join(lines)
