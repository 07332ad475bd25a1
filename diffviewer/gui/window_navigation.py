"""Go ▸ Next/Previous Change and Moved Paragraph, and the jumps the panels ask for (a quotation
chosen in the Quotes panel, a cell of the Overview's heat map). The view finds the places; this
says so in the status bar when there is none.

Strings keep the MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from diffviewer.core.model import Quote
from diffviewer.gui.rows import Side
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.window_part import WindowPart

if TYPE_CHECKING:
    # Named as a string in the base class below, which ruff does not count as a use.
    from diffviewer.gui.main_window import MainWindow  # noqa: F401

# How long "no more changes" stays in the status bar.
NOTICE_MS = 3000


class WindowNavigation(WindowPart["MainWindow"]):
    def _notice(self, text: str) -> None:
        self._window.statusBar().showMessage(text, NOTICE_MS)

    def on_next_change(self) -> None:
        if not self._window.view.next_change():
            self._notice(QCoreApplication.translate("MainWindow", "No more changes below."))

    def on_previous_change(self) -> None:
        if not self._window.view.previous_change():
            self._notice(QCoreApplication.translate("MainWindow", "No more changes above."))

    def on_next_moved(self) -> None:
        if not self._window.view.next_moved():
            self._notice(QCoreApplication.translate("MainWindow", "No moved paragraph below."))

    def on_previous_moved(self) -> None:
        if not self._window.view.previous_moved():
            self._notice(QCoreApplication.translate("MainWindow", "No moved paragraph above."))

    def on_quote_activated(self, quote: Quote) -> None:
        window = self._window
        if window.view.mode is not ViewMode.SIDE_BY_SIDE:
            window.side_by_side_action.trigger()  # both places are only visible side by side
        window.view.show_quote(quote)

    def on_heat_map_clicked(self, column: int, paragraph: int) -> None:
        window = self._window
        window.select_derivative(column)
        view = window.view
        view.scroll_to_paragraph(Side.ORIGINAL, paragraph)
        row = view.paragraph_row(Side.ORIGINAL, paragraph)
        block = view.rows[row].block if row >= 0 else None
        if block is not None:
            view.set_current_block(block)


__all__ = ["WindowNavigation"]
