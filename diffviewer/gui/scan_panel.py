"""The Derivatives panel: what File ▸ Find Derivatives… found in a folder, best first.

A header line says what was searched; while a search runs, its phase and progress with a Cancel
button. The table has a row per derivative (what it is, the share of the original it holds, the
share of it that comes from the original, its quotations); the other documents compared, judged
not to derive, follow greyed when asked for; the files that could not be read are listed with
their reasons below. A double click (or Enter) opens that comparison; "Add as Derivatives" adds
the selected rows as tabs, so the Overview shows them together.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diffviewer.core.model import QuoteStatus
from diffviewer.gui.labels import counts, derivation_name, fill, number, percent, quote_status_name
from diffviewer.gui.scan_view import ScanRow, ScanView
from diffviewer.scan.model import Phase, Progress, QuoteCounts


class Column(IntEnum):
    # The shares, right-aligned numbers, come last: beside a left-aligned column a right-aligned
    # header ran into the next one's words.
    DOCUMENT = 0
    KIND = 1
    QUOTATIONS = 2
    OF_ORIGINAL = 3
    FROM_ORIGINAL = 4


_ROW = Qt.ItemDataRole.UserRole


def share_text(share: float) -> str:
    """A share as the panel shows it: "93%" (in German "93 %")."""
    return fill(QCoreApplication.translate("ScanPanel", "%1%"), percent(share))


def quotations_text(quotes: QuoteCounts) -> str:
    """ "2 verbatim, 1 altered, 1 no source", the kinds with none left out; "—" for none at all."""
    parts = [
        f"{number(n)} {quote_status_name(status)}"
        for status, n in (
            (QuoteStatus.VERBATIM, quotes.verbatim),
            (QuoteStatus.ALTERED, quotes.altered),
            (QuoteStatus.UNSOURCED, quotes.unsourced),
        )
        if n
    ]
    return ", ".join(parts) if parts else "—"


def phase_text(progress: Progress) -> str:
    """ "Reading files 1,200 of 6,500", "Comparing 12 of 50"."""
    done, total = number(progress.done), number(progress.total)
    match progress.phase:
        case Phase.FINDING:
            return QCoreApplication.translate("ScanPanel", "Finding files…")
        case Phase.READING:
            return fill(QCoreApplication.translate("ScanPanel", "Reading files %1 of %2"), done, total)
        case Phase.SEARCHING:
            return QCoreApplication.translate("ScanPanel", "Looking for candidates…")
        case Phase.COMPARING:
            return fill(QCoreApplication.translate("ScanPanel", "Comparing %1 of %2"), done, total)


def header_text(view: ScanView) -> str:
    """ "12 derivatives of report.txt among 6,500 documents (3 files skipped)"."""
    said = counts()
    text = f"{said.derivatives_of(len(view.derivatives), view.original.name)} {said.among_documents(view.documents)}"
    if view.skipped:
        text += f" ({said.files_skipped(len(view.skipped))})"
    return text


class ScanPanel(QWidget):
    open_requested = Signal(object)  # Path: the document to compare with the original
    add_requested = Signal(object)  # list[Path]: documents to add as derivatives
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.header, 1)
        self.phase = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(240)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the search; the documents read so far stay in the index"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        for widget in (self.phase, self.progress, self.cancel_button):
            top.addWidget(widget)
        layout.addLayout(top)

        self.table = QTreeWidget(self)
        self.table.setColumnCount(5)
        self.table.setHeaderLabels(
            [
                self.tr("Document"),
                self.tr("What it is"),
                self.tr("Quotations"),
                self.tr("Of the original"),
                self.tr("From the original"),
            ]
        )
        head = self.table.headerItem()
        head.setToolTip(Column.OF_ORIGINAL, self.tr("How much of the original the document holds"))
        head.setToolTip(Column.FROM_ORIGINAL, self.tr("How much of the document comes from the original"))
        head.setToolTip(Column.QUOTATIONS, self.tr("Its quotations, checked against the original"))
        for column in (Column.OF_ORIGINAL, Column.FROM_ORIGINAL):
            head.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self.table.itemActivated.connect(self.on_item_activated)
        self.table.itemSelectionChanged.connect(self.on_selection_changed)

        self.skipped = QTreeWidget(self)
        self.skipped.setColumnCount(2)
        self.skipped.setHeaderLabels([self.tr("File"), self.tr("Why it was skipped")])
        self.skipped.setRootIsDecorated(False)
        self.skipped.setUniformRowHeights(True)
        self.skipped.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.skipped.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.skipped)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

        bottom = QHBoxLayout()
        self.show_others = QCheckBox(self)
        self.show_others.setToolTip(self.tr("The closest documents that were compared and judged not to derive"))
        self.show_others.toggled.connect(self.on_show_others_toggled)
        bottom.addWidget(self.show_others)
        self.skipped_toggle = QToolButton(self)
        self.skipped_toggle.setCheckable(True)
        self.skipped_toggle.setAutoRaise(True)
        self.skipped_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.skipped_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.skipped_toggle.toggled.connect(self.on_skipped_toggled)
        bottom.addWidget(self.skipped_toggle)
        bottom.addStretch(1)
        self.open_button = QPushButton(self.tr("Open Comparison"), self)
        self.open_button.setToolTip(self.tr("Compare the original with the selected document (double click)"))
        self.open_button.clicked.connect(self.on_open_clicked)
        self.add_button = QPushButton(self.tr("Add as Derivatives"), self)
        self.add_button.setToolTip(
            self.tr("Add the selected documents (or, with none selected, every derivative) as tabs")
        )
        self.add_button.clicked.connect(self.on_add_clicked)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.add_button)
        layout.addLayout(bottom)

        self._view: ScanView | None = None
        self.show_view(None)
        self.show_idle()

    # what it shows ---------------------------------------------------------------------
    @property
    def view(self) -> ScanView | None:
        return self._view

    @property
    def is_searching(self) -> bool:
        return not self.cancel_button.isHidden()

    def show_view(self, view: ScanView | None) -> None:
        self._view = view
        if view is None:
            self.header.setText(
                self.tr("File ▸ Find Derivatives… searches a folder for documents derived from the original.")
            )
        else:
            self.header.setText(header_text(view))
            self.header.setToolTip(
                fill(
                    self.tr("Searched %1 in %2 s: %3 files read, %4 unchanged since the last search"),
                    str(view.folder),
                    QLocale().toString(view.seconds, "f", 1),
                    number(view.index.added),
                    number(view.index.unchanged),
                )
            )
        others = len(view.others) if view is not None else 0
        self.show_others.setText(counts().compared_not_derived(others))
        self.show_others.setVisible(others > 0)
        skipped = len(view.skipped) if view is not None else 0
        self.skipped_toggle.setText(counts().files_skipped(skipped))
        self.skipped_toggle.setVisible(skipped > 0)
        if not skipped:
            self.skipped_toggle.setChecked(False)
        self._fill()

    def show_searching(self, original: Path, folder: Path) -> None:
        """A search has started: the header says so; the table keeps what it showed until it ends."""
        self.header.setText(
            fill(self.tr("Searching %1 for derivatives of %2…"), folder.name or str(folder), original.name)
        )
        self.header.setToolTip(str(folder))
        self.show_progress(None)

    def show_progress(self, progress: Progress | None) -> None:
        """A search runs (None: it has just started); the table keeps what it showed until it ends."""
        for widget in (self.phase, self.progress, self.cancel_button):
            widget.show()
        if progress is None:
            self.phase.setText(self.tr("Starting…"))
            self.progress.setRange(0, 0)
            return
        self.phase.setText(phase_text(progress))
        if progress.total > 0 and progress.phase in (Phase.READING, Phase.COMPARING):
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        else:
            self.progress.setRange(0, 0)  # busy: no count to show

    def show_idle(self) -> None:
        for widget in (self.phase, self.progress, self.cancel_button):
            widget.hide()

    def _fill(self) -> None:
        self.table.clear()
        view = self._view
        if view is None:
            self.skipped.clear()
            self._fit_columns()
            self.on_selection_changed()
            return
        greyed = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        rows = list(view.derivatives) + (list(view.others) if self.show_others.isChecked() else [])
        items = [self._item(row, greyed) for row in rows]
        self.table.addTopLevelItems(items)
        self.skipped.clear()
        skipped = []
        for row in view.skipped:
            item = QTreeWidgetItem([row.name, row.reason])
            item.setToolTip(0, str(row.path))
            item.setToolTip(1, row.reason)
            skipped.append(item)
        self.skipped.addTopLevelItems(skipped)
        self._fit_columns()
        self.on_selection_changed()

    def _fit_columns(self) -> None:
        """Every column but the name as wide as its header or its widest cell, with room to breathe;
        the name takes the rest."""
        header = self.table.header()
        room = 2 * self.fontMetrics().horizontalAdvance("M")
        for column in (Column.KIND, Column.OF_ORIGINAL, Column.FROM_ORIGINAL, Column.QUOTATIONS):
            self.table.resizeColumnToContents(column)
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, wanted + room)

    def _item(self, row: ScanRow, greyed: QBrush) -> QTreeWidgetItem:
        finding = row.finding
        item = QTreeWidgetItem(
            [
                row.name,
                derivation_name(finding.derivation if finding.derives else None),
                quotations_text(finding.quotes),
                share_text(finding.share_of_original),
                share_text(finding.share_from_original),
            ]
        )
        item.setData(Column.DOCUMENT, _ROW, row)
        item.setToolTip(
            Column.DOCUMENT,
            fill(
                self.tr("%1\nParagraphs linked with the original: %2\nThe original's words kept word for word: %3"),
                str(row.path),
                number(finding.paragraphs_linked),
                share_text(finding.original_verbatim),
            ),
        )
        for column in (Column.OF_ORIGINAL, Column.FROM_ORIGINAL):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not finding.derives and finding.closer_to:
            # It shares text with the original, but another document of the folder explains it
            # far better: that one's derivative (say which, so the reader can follow it).
            item.setText(Column.KIND, self.tr("derives from another"))
            item.setToolTip(
                Column.KIND,
                fill(
                    self.tr("Shares text with the original, but is far closer to %1"),
                    Path(finding.closer_to).name,
                ),
            )
        if not finding.derives:
            for cell in Column:
                item.setForeground(cell, greyed)
        return item

    # what the user does ----------------------------------------------------------------
    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.table.topLevelItem(n) for n in range(self.table.topLevelItemCount()))
        return [item for item in found if item is not None]

    def selected_paths(self) -> list[Path]:
        """The selected rows' documents, in the table's order."""
        return [item.data(Column.DOCUMENT, _ROW).path for item in self._items() if item.isSelected()]

    def row_paths(self) -> list[Path]:
        """Every row's document, in the table's order."""
        return [item.data(Column.DOCUMENT, _ROW).path for item in self._items()]

    def on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = item.data(Column.DOCUMENT, _ROW)
        if isinstance(row, ScanRow):
            self.open_requested.emit(row.path)

    def on_selection_changed(self) -> None:
        selected = self.selected_paths()
        self.open_button.setEnabled(len(selected) == 1)
        has_derivatives = self._view is not None and bool(self._view.derivatives)
        self.add_button.setEnabled(bool(selected) or has_derivatives)

    def on_open_clicked(self) -> None:
        selected = self.selected_paths()
        if selected:
            self.open_requested.emit(selected[0])

    def on_add_clicked(self) -> None:
        chosen = self.selected_paths()
        if not chosen and self._view is not None:
            chosen = [row.path for row in self._view.derivatives]
        if chosen:
            self.add_requested.emit(chosen)

    def on_show_others_toggled(self, _checked: bool) -> None:
        self._fill()

    def on_skipped_toggled(self, checked: bool) -> None:
        self.skipped.setVisible(checked)
        self.skipped_toggle.setArrowType(Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)


__all__ = ["ScanPanel", "header_text", "phase_text", "quotations_text", "share_text"]
