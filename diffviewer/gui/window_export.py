"""File ▸ Export and File ▸ Print: the shown comparison as a report, written by the command line's
own writer (report/writer.py), so the window and `diffviewer compare` give the same files.

Strings keep the MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMainWindow

from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.labels import fill
from diffviewer.gui.message_bar import MessageBar, MessageLevel
from diffviewer.gui.settings import Settings
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.window_part import WindowPart

if TYPE_CHECKING:
    # The report writers are imported when a report is made: the window's start-up needs none.
    from diffviewer.report.html_report import Layout


class ReportExport(WindowPart[QMainWindow]):
    """Writes or prints what the view shows, laid out as the view lays it out."""

    def __init__(self, window: QMainWindow, view: ComparisonView, settings: Settings, message_bar: MessageBar) -> None:
        super().__init__(window)
        self._view = view
        self._settings = settings
        self._message_bar = message_bar

    def _layout(self) -> Layout:
        from diffviewer.report.html_report import Layout

        return Layout.INLINE if self._view.mode is ViewMode.INLINE else Layout.SIDE_BY_SIDE

    def export_to(self, path: Path) -> bool:
        """Write the shown comparison as a report; the format follows the file's extension."""
        comparison = self._view.comparison
        if comparison is None:
            return False
        from diffviewer.report.writer import format_for, write_report

        try:
            write_report([comparison], path, format_for(path), self._layout())
        except OSError as error:
            self._message_bar.show_message(
                fill(
                    QCoreApplication.translate("MainWindow", "Cannot export to %1: %2"),
                    path,
                    error.strerror or str(error),
                ),
                MessageLevel.ERROR,
            )
            return False
        self._window.statusBar().showMessage(
            fill(QCoreApplication.translate("MainWindow", "Exported to %1"), path), 5000
        )
        return True

    def on_export(self) -> None:
        comparison = self._view.comparison
        if comparison is None:
            return
        suggested = Path(self._settings.last_directory) / f"{Path(comparison.derivative.path).stem}-comparison.html"
        filters = ";;".join(
            [
                QCoreApplication.translate("MainWindow", "HTML report") + " (*.html)",
                QCoreApplication.translate("MainWindow", "PDF") + " (*.pdf)",
                QCoreApplication.translate("MainWindow", "JSON") + " (*.json)",
                QCoreApplication.translate("MainWindow", "Text") + " (*.txt)",
            ]
        )
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window, QCoreApplication.translate("MainWindow", "Export"), str(suggested), filters
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            # The filter the user picked decides the format when the name has no extension.
            path = path.with_suffix("." + chosen_filter.split("*.")[-1].rstrip(")"))
        self._settings.last_directory = str(path.parent)
        self.export_to(path)

    def print_to(self, printer: QPrinter) -> None:
        comparison = self._view.comparison
        if comparison is None:
            return
        from diffviewer.report import html_report

        document = QTextDocument()
        document.setHtml(html_report.render([comparison], self._layout()))
        document.print_(printer)

    def on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)


__all__ = ["ReportExport"]
