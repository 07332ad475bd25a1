"""The lists of the Quotes and Summary panels: a book's thousands of rows cost the window only the
rows on screen, and a list is read, never edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeView
from pytestqt.qtbot import QtBot

from diffviewer.gui.quotes_panel import QuotesPanel
from diffviewer.gui.summary_panel import SummaryPanel
from diffviewer.gui.table_model import TableModel

ROWS = 5000


def _shown(qtbot: QtBot, model: QAbstractItemModel) -> QTreeView:
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_long_list_calls_python_only_for_the_rows_on_screen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call into Python waits for the interpreter lock while a comparison runs in a worker
    thread: a tree view asking Python about every row of a book's quotations stalled the window."""
    calls = 0
    # Every method Qt may call that the model answers in Python, counted.
    ours = [cls for cls in TableModel.__mro__ if not cls.__module__.startswith(("PySide6", "Shiboken", "builtins"))]
    for name in ("data", "multiData", "rowCount", "columnCount", "index", "parent", "flags", "hasChildren"):
        answer = next((cls.__dict__[name] for cls in ours if name in cls.__dict__), None)
        if callable(answer):

            def counted(*args: Any, _answer: Callable[..., Any] = answer, **kwargs: Any) -> Any:
                nonlocal calls
                calls += 1
                return _answer(*args, **kwargs)

            monkeypatch.setattr(TableModel, name, counted)
    model = TableModel(["Item", "Twice"], lambda item, column: f"{item}" if column == 0 else f"{2 * item}")
    view = _shown(qtbot, model)
    calls = 0
    model.set_items(list(range(ROWS)))
    for _ in range(3):
        QApplication.processEvents()
    view.viewport().repaint()
    assert model.rowCount() == ROWS
    assert view.model().index(ROWS - 1, 1).data() == str(2 * (ROWS - 1))
    # What is painted asks for each cell on screen, all its roles at once; a model answering in
    # Python for every row would be called twice a row (rowCount, columnCount).
    assert 0 < calls < ROWS // 10


def test_the_panels_lists_show_their_headers_and_are_not_edited(qtbot: QtBot) -> None:
    quotes, summary = QuotesPanel(), SummaryPanel()
    for panel in (quotes, summary):
        qtbot.addWidget(panel)
        panel.show()
    header = quotes.model.headerData
    assert [header(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Status", "¶", "Quotation"]
    for view in (quotes.tree, summary.facts):
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    model = TableModel(["Only"], lambda item, column: str(item))
    view = _shown(qtbot, model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    model.set_items(["kept as it is"])
    cell = view.visualRect(model.index(0, 0))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() is not QAbstractItemView.State.EditingState
    # Whatever writes to it (an editor opened by code, a drop), the list stays as it is.
    assert model.setData(model.index(0, 0), "changed") is False
    assert model.index(0, 0).data() == "kept as it is"


def test_new_items_replace_the_old_while_one_of_them_is_current(qtbot: QtBot) -> None:
    model = TableModel(["Item"], lambda item, column: str(item))
    view = _shown(qtbot, model)
    model.set_items(["a", "b", "c"])
    view.setCurrentIndex(model.index(2, 0))
    model.set_items(["only"])
    QApplication.processEvents()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "only"
    assert model.item_at(0) == "only"
    assert not view.currentIndex().isValid() or view.currentIndex().row() == 0
