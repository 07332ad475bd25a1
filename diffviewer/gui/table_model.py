"""A read-only table of items for a QTreeView, each cell asked for when it is painted.

A whole book has thousands of quotations and changed figures: as QTreeWidgetItems they cost the
window tens of milliseconds to build every time a result is shown, on the GUI thread and while
other comparisons hold the interpreter. A model holds the items as they are and says what a
cell shows only for the rows on screen.

Only `data` and `multiData` answer in Python. A tree view lays out every row when its model is reset, asking for each
row's index; a model of Python's own answers that with two calls into Python a row (`rowCount`
and `columnCount`), and each call waits for the interpreter lock while a comparison runs in a
worker thread: a book's 4,455 quotations stalled the window a second. QStandardItemModel's rows
(holding no items) answer in C++, so a reset calls Python only for the cells painted (and, in a
list of rows of their own heights, for the rows measured on a long jump).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QStandardItemModel
from PySide6.QtWidgets import QStyle, QTreeView

Index = QModelIndex | QPersistentModelIndex


class TableModel(QStandardItemModel):
    """Items as rows; `text(item, column)` says what each cell shows. Optional: a font for some
    columns, and `background(item)` for the first column's cells. Its views must not edit
    (setEditTriggers(NoEditTriggers)): the rows hold no items to edit."""

    def __init__(
        self,
        headers: Sequence[str],
        text: Callable[[Any, int], str],
        parent: QObject | None = None,
        background: Callable[[Any], QBrush | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self._text = text
        self._background = background
        self._fonts: dict[int, QFont] = {}
        self._items: Sequence[Any] = ()

    def set_items(self, items: Sequence[Any]) -> None:
        # The rows are removed and inserted, not reset: a reset around setRowCount nests one
        # change in another, which Qt does not allow (it crashes with a current row).
        self.setRowCount(0)
        self._items = items
        self.setRowCount(len(items))

    def set_column_font(self, column: int, font: QFont) -> None:
        self._fonts[column] = font

    def item_at(self, row: int) -> Any:
        return self._items[row]

    def items(self) -> Sequence[Any]:
        return self._items

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._value(index.row(), index.column(), role) if index.isValid() else None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802, N803
        """Every role a painted cell asks for, in one call: an item view asks for seven at a
        time (text, font, colours, ...), and each call into Python waits for the interpreter lock."""
        span = roleDataSpan if isinstance(roleDataSpan, QModelRoleDataSpan) else QModelRoleDataSpan(roleDataSpan)
        valid = index.isValid()
        # A span is a sequence of its roles (PySide's stubs do not say so).
        for wanted in cast("Iterable[QModelRoleData]", span):
            value = self._value(index.row(), index.column(), wanted.role()) if valid else None
            if value is None:
                wanted.clearData()
            else:
                wanted.setData(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Nothing is written: an empty row's flags say it is editable, but a list is to be read."""
        return False

    def _value(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self._items[row], column)
        if role == Qt.ItemDataRole.FontRole:
            return self._fonts.get(column)
        if role == Qt.ItemDataRole.BackgroundRole and column == 0 and self._background is not None:
            return self._background(self._items[row])
        return None


def fit_column(view: QTreeView, column: int, texts: Iterable[str], font: QFont | None = None) -> None:
    """Make a column as wide as the widest of `texts` (and its header): what resizeColumnToContents
    finds, without asking the model for every row of a long list."""
    metrics = QFontMetrics(font if font is not None else view.font())
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    # The delegate's text margins on both sides, as the style draws an item view's cells.
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    view.setColumnWidth(column, max(widest + margin, view.header().sectionSizeHint(column)))
