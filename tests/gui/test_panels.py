"""The Summary and Quotes panels: what they say about the seed sample, and jumping to a quotation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison, QuoteStatus
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from tests.conftest import SAMPLES
from tests.gui.conftest import compared


def test_summary_panel_tells_how_the_spun_copy_treats_the_original(qtbot: QtBot, window: MainWindow) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "spun-copy.txt"))
    assert isinstance(comparison, Comparison)
    text = window.summary_panel.text()
    assert f"{comparison.stats.original_verbatim:.0%} kept word for word" in text
    assert "Llama → Lilama (name)" in text
    assert "Longest verbatim run: 14 words" in text


def test_clicking_a_quote_jumps_to_it_and_outlines_it(qtbot: QtBot, window: MainWindow) -> None:
    comparison = compared(
        qtbot,
        window,
        lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "syndicated-rewrite.txt"),
    )
    assert isinstance(comparison, Comparison)
    panel = window.quotes_panel
    model = panel.tree.model()
    assert model.rowCount() == len(comparison.quotes)
    flagged = [q for q in comparison.quotes if q.status is not QuoteStatus.VERBATIM]
    assert flagged
    # Flagged quotes are listed first; the filter hides the verbatim ones.
    assert model.index(0, 0).data() in {"no source", "altered"}
    panel.flagged_only.setChecked(True)
    assert model.rowCount() == len(flagged)
    assert {q.status for q in panel.shown_quotes()} <= {QuoteStatus.ALTERED, QuoteStatus.UNSOURCED}

    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    # A click on the first quotation, as the reader does it.
    window.quotes_dock.raise_()
    qtbot.wait(20)
    cell = panel.tree.visualRect(model.index(0, 2))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    quote = window.view.focused_quote
    assert quote is not None and quote.text == model.index(0, 2).data()
    row = window.view.anchor_row(window.view.current_block)
    assert window.view.row_in_view(row)
    assert quote.paragraph in (window.view.rows[row].right.paragraphs if window.view.rows[row].right else ())
    assert quote.text in panel.detail.text()


def test_hovering_tells_the_treatment_beside_the_similarity(qtbot: QtBot, window: MainWindow) -> None:
    compared(qtbot, window, lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "spun-copy.txt"))
    view = window.view
    tip = view.tooltip_at(view.viewport().rect().center().toPointF())
    assert "Similarity:" in tip
    assert any(word in tip for word in ("copied", "lightly edited", "reworded"))
    assert view.document(Side.DERIVATIVE) is not None


def test_hovering_a_quotation_tells_what_the_original_says(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    comparison = compared(
        qtbot,
        window,
        lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "syndicated-rewrite.txt"),
    )
    assert isinstance(comparison, Comparison)
    window.quotes_dock.raise_()
    qtbot.wait(20)
    tree = window.quotes_panel.tree
    quote = window.quotes_panel.shown_quotes()[0]
    rect = tree.visualRect(tree.model().index(0, 0))
    at = QPoint(tree.header().sectionPosition(2) + 5, rect.center().y())
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, tree.viewport().mapToGlobal(at)))
    assert QToolTip.isVisible()
    assert quote.text in QToolTip.text()
    assert ("never says this" in QToolTip.text()) is (quote.source_paragraph is None)


def test_without_changed_names_the_summary_stays_at_the_top(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from tests.gui.conftest import write

    text = "The council met on Monday and approved the new ferry timetable for the island."
    compared(qtbot, window, lambda: window.open_paths(write(tmp_path / "a.txt", text), write(tmp_path / "b.txt", text)))
    panel = window.summary_panel
    qtbot.wait(20)
    assert not panel.facts.isVisibleTo(panel)
    # The bars keep their height; the space below the text is left empty, not shared out.
    assert panel.original_bar.height() <= 2 * panel.original_bar.sizeHint().height()
    assert panel.details.height() <= panel.details.heightForWidth(panel.details.width()) + 2
    assert panel.details.geometry().bottom() < panel.height() * 0.6
