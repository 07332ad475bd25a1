"""A read-only table of items for a QTreeView, each cell asked for when it is painted.

A whole book has thousands of quotations and changed figures: as QTreeWidgetItems they cost the
window tens of milliseconds to build every time a result is shown, on the GUI thread and while
other comparisons hold the interpreter. A model holds the items as they are and says what a
cell shows only for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTreeView

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """Items as rows; `text(item, column)` says what each cell shows. Optional: a font for some
    columns, and `background(item)` for the first column's cells."""

    def __init__(
        self,
        headers: Sequence[str],
        text: Callable[[Any, int], str],
        parent: QObject | None = None,
        background: Callable[[Any], QBrush | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._text = text
        self._background = background
        self._fonts: dict[int, QFont] = {}
        self._items: Sequence[Any] = ()

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def set_column_font(self, column: int, font: QFont) -> None:
        self._fonts[column] = font

    def item(self, row: int) -> Any:
        return self._items[row]

    def items(self) -> Sequence[Any]:
        return self._items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self._items[row], column)
        if role == Qt.ItemDataRole.FontRole:
            return self._fonts.get(column)
        if role == Qt.ItemDataRole.BackgroundRole and column == 0 and self._background is not None:
            return self._background(self._items[row])
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None


def fit_column(view: QTreeView, column: int, texts: Iterable[str], font: QFont | None = None) -> None:
    """Make a column as wide as the widest of `texts` (and its header): what resizeColumnToContents
    finds, without asking the model for every row of a long list."""
    metrics = QFontMetrics(font if font is not None else view.font())
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    # The delegate's text margins on both sides, as the style draws an item view's cells.
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    view.setColumnWidth(column, max(widest + margin, view.header().sectionSizeHint(column)))
