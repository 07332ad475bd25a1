"""What the window says about where things stand: the status bar's numbers and progress, the
"change 3 of 41" counter, what the panes say while comparing, and the title.

Strings keep the MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from diffviewer.core.model import Comparison
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.labels import (
    change_count,
    fill,
    number,
    paragraphs_line,
    similarity_line,
    treatment_name,
    words_line,
)
from diffviewer.gui.session import ComparisonSession
from diffviewer.gui.window_part import WindowPart

# The progress bar counts in thousandths: smooth enough, and an int as QProgressBar wants.
PROGRESS_STEPS = 1000
# Below this share of the work the comparison has not started: the files are still being read.
READING_SHARE = 0.1


class WindowStatus(WindowPart[QMainWindow]):
    """The status bar's widgets and the change counter, kept up to date from the session and the
    view. The window calls `update_busy` whenever a job starts, progresses or ends."""

    def __init__(self, window: QMainWindow, session: ComparisonSession, view: ComparisonView) -> None:
        super().__init__(window)
        self._session = session
        self._view = view
        bar = window.statusBar()
        self.summary_label = QLabel(window)
        self.summary_label.setText(
            QCoreApplication.translate("MainWindow", "Open or drop two documents to compare them.")
        )
        bar.addWidget(self.summary_label, 1)
        self.progress = QProgressBar(window)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("MainWindow", "Cancel"), window)
        self.cancel_button.setToolTip(QCoreApplication.translate("MainWindow", "Stop the comparison (Esc)"))
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.change_counter: QLabel | None = None  # on the tool bar, once the window has built it

    def make_change_counter(self, parent: QWidget) -> QLabel:
        """ "Change 3 of 41": where the reader is among the changes (the tool bar shows it)."""
        self.change_counter = QLabel(parent)
        self.change_counter.setContentsMargins(6, 0, 6, 0)
        return self.change_counter

    def update_busy(self) -> None:
        session = self._session
        busy = session.is_busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self._update_progress()
        # While the shown pair is being compared, say so where the result will appear.
        current = session.current
        comparing = busy and current is not None and current.job is not None and self._view.comparison is None
        if comparing and current is not None:
            note = fill(QCoreApplication.translate("MainWindow", "Comparing with %1…"), current.path.name)
            self._view.set_pending(note)
            original = session.original
            shown = original.name if original is not None else "—"
            self.summary_label.setText(
                fill(QCoreApplication.translate("MainWindow", "Comparing %1 with %2…"), shown, current.path.name)
            )
        else:
            self._view.set_pending(None)

    def _update_progress(self) -> None:
        # QProgressBar.setValue repaints at once whenever its text changes, and a repaint at once
        # paints whatever else of the window is waiting to be painted too: the comparison view,
        # the overview, 8-14 ms a progress report (40 ms when four derivatives start). With its
        # updates off meanwhile it only asks to be painted, with the rest, when the loop is idle.
        self.progress.setUpdatesEnabled(False)
        try:
            self._set_progress()
        finally:
            self.progress.setUpdatesEnabled(True)

    def _set_progress(self) -> None:
        entries = self._session.entries
        running = [e for e in entries if e.job is not None]
        if not running:
            self.progress.setValue(0)
            self.progress.setFormat(QCoreApplication.translate("MainWindow", "Reading…"))
            return
        fraction = sum(e.progress for e in running) / len(running)
        self.progress.setValue(round(fraction * PROGRESS_STEPS))
        if len(entries) > 1:
            done = len(entries) - len(running)
            self.progress.setFormat(
                QCoreApplication.translate("MainWindow", "Comparing %1 of %2… %p%")
                .replace("%1", str(done + 1))
                .replace("%2", str(len(entries)))
            )
        elif fraction < READING_SHARE:
            self.progress.setFormat(QCoreApplication.translate("MainWindow", "Reading…"))
        else:
            self.progress.setFormat(QCoreApplication.translate("MainWindow", "Comparing… %p%"))

    def update_change_counter(self) -> None:
        counter = self.change_counter
        if counter is None:
            return
        if self._view.comparison is None:
            counter.setText("")
            return
        position = self._view.change_position()
        if position.number:
            text = fill(
                QCoreApplication.translate("MainWindow", "Change %1 of %2"),
                number(position.number),
                number(position.total),
            )
        elif position.total:
            text = change_count(position.total)
        else:
            text = QCoreApplication.translate("MainWindow", "No changes")
        counter.setText(text)

    def show_block(self, block: int) -> None:
        """Say in the status bar what the block the reader chose is."""
        self.update_change_counter()
        comparison = self._view.comparison
        if comparison is None or block < 0:
            return
        found = comparison.blocks[block]
        treatment = treatment_name(found.treatment)
        if found.original and found.derivative:
            message = (
                QCoreApplication.translate("MainWindow", "Block similarity %1% (%2)")
                .replace("%1", f"{found.similarity * 100:.0f}")
                .replace("%2", treatment)
            )
        else:
            message = QCoreApplication.translate("MainWindow", "Block: %1").replace("%1", treatment)
        self._window.statusBar().showMessage(message, 4000)

    def show_summary(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.summary_label.setText(
                QCoreApplication.translate("MainWindow", "Open or drop a second document to compare.")
            )
            return
        # The same numbers, in the same words, as the Summary panel and every report (core/tally.py).
        self.summary_label.setText(
            " · ".join([similarity_line(comparison), words_line(comparison), paragraphs_line(comparison)])
        )
        self.summary_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Similarity: the share of the original's words that survive in the derivative."
            )
        )

    def update_title(self) -> None:
        session = self._session
        original = session.shown_original
        current = session.current.shown_path if session.current is not None else None
        names = [p.name if p else "—" for p in (original, current)]
        self._window.setWindowTitle(f"{names[0]} ↔ {names[1]} — diffviewer")


__all__ = ["WindowStatus"]
