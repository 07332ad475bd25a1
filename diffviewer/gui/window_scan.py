"""File ▸ Find Derivatives…: ask for a folder, search it in the background, show what it found,
and open what the user picks from the panel as derivative tabs.

The search itself runs in gui/scan_worker.py; the panel is gui/scan_panel.py. Strings keep the
MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog

from diffviewer.gui.labels import fill
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.gui.rows import Side
from diffviewer.gui.scan_panel import ScanPanel
from diffviewer.gui.scan_view import ScanView
from diffviewer.gui.scan_worker import ScanSearch, scan_index_directory
from diffviewer.gui.window_files import file_filters
from diffviewer.gui.window_part import WindowPart
from diffviewer.scan.model import Progress

if TYPE_CHECKING:
    from diffviewer.gui.main_window import MainWindow

# How long closing the window waits for a search to stop (it looks for a cancel every chunk).
CLOSE_WAIT_MS = 10_000
# The panel's share of the window's height when a search first shows it below the panes.
DOCK_SHARE = 0.36


class ScanCommands(WindowPart["MainWindow"]):
    """What Find Derivatives… does, and what the Derivatives panel's buttons open."""

    def __init__(self, window: MainWindow, panel: ScanPanel, dock: QDockWidget) -> None:
        super().__init__(window)
        self.panel, self.dock = panel, dock
        # Where the folders' indexes go: the user's cache (None); tests give a folder of their own.
        self.cache_root: Path | None = None
        self.search = ScanSearch(window)
        self.search.progressed.connect(self.on_progressed)
        self.search.finished.connect(self.on_finished)
        self.search.failed.connect(self.on_failed)
        self.search.cancelled.connect(self.on_cancelled)
        panel.cancel_requested.connect(self.cancel)
        panel.open_requested.connect(self.on_open_requested)
        panel.add_requested.connect(self.on_add_requested)
        self._dock_was_visible = False

    # starting --------------------------------------------------------------------------
    def on_find_derivatives(self) -> None:
        """Ask for the original if none is loaded, then for the folder, and search it."""
        window = self._window
        original = window.session.original
        settings = window.settings
        if original is None:
            chosen_file, _ = QFileDialog.getOpenFileName(
                window,
                QCoreApplication.translate("MainWindow", "Open Original"),
                settings.last_directory,
                file_filters(),
            )
            if not chosen_file:
                return
            original = Path(chosen_file)
            settings.last_directory = str(original.parent)
            window.set_side(Side.ORIGINAL, original)
        chosen = QFileDialog.getExistingDirectory(
            window,
            QCoreApplication.translate("MainWindow", "Find Derivatives in Folder"),
            settings.last_scan_folder or settings.last_directory,
        )
        if chosen:
            settings.last_scan_folder = chosen
            self.start(original, Path(chosen))

    def start(self, original: Path, folder: Path) -> None:
        """Search `folder` for derivatives of `original` (a search still running is replaced)."""
        window = self._window
        if not self.search.is_running:
            self._dock_was_visible = self.dock.isVisible()
        from diffviewer.scan.index import INDEX_FILE  # (the engine only once a search starts)

        if (folder / INDEX_FILE).is_file():
            # An index folder (`diffviewer scan --index DIR` made it): searched in place, over
            # the collection it was built from, the results named from that collection's root.
            self.search.start(original, _collection_root(folder), folder, from_index=True)
        else:
            self.search.start(original, folder, scan_index_directory(folder, self.cache_root))
        self.panel.show_searching(original, folder)
        if not self.dock.isVisible():
            self.dock.show()
            if (
                not self.dock.isFloating()
                and window.dockWidgetArea(self.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
            ):
                # Room for a dozen rows; the panes keep the rest (the user may then drag).
                window.resizeDocks([self.dock], [round(window.height() * DOCK_SHARE)], Qt.Orientation.Vertical)
        self.dock.raise_()

    def cancel(self) -> None:
        self.search.cancel()

    def close(self) -> None:
        """The window closes: stop the search and wait for it, so no thread outlives the window."""
        self.search.cancel()
        self.search.wait(CLOSE_WAIT_MS)

    # what the search reports -------------------------------------------------------------
    def on_progressed(self, progress: Progress) -> None:
        self.panel.show_progress(progress)

    def on_finished(self, view: ScanView) -> None:
        self.panel.show_idle()
        self.panel.show_view(view)

    def on_failed(self, message: str) -> None:
        self._restore()
        self._window.message_bar.show_message(
            fill(QCoreApplication.translate("MainWindow", "Cannot search for derivatives: %1"), message),
            MessageLevel.ERROR,
        )

    def on_cancelled(self) -> None:
        self._restore()
        self._window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Search cancelled."), 5000)

    def _restore(self) -> None:
        """The window as it was before the search: the panel's last results, the dock as it was."""
        self.panel.show_idle()
        self.panel.show_view(self.panel.view)
        if not self._dock_was_visible and self.panel.view is None:
            self.dock.hide()

    # opening what was found --------------------------------------------------------------
    def on_open_requested(self, path: Path) -> None:
        self.open_derivatives([path])

    def on_add_requested(self, paths: list[Path]) -> None:
        self.open_derivatives(paths)

    def open_derivatives(self, paths: list[Path]) -> None:
        """Compare the scan's original with `paths`, each as a derivative tab (one already open is
        shown, not added twice); the first is shown."""
        view = self.panel.view
        if view is None or not paths:
            return
        window = self._window
        session = window.session
        if session.original != view.original:
            # The window has moved on to another original: the scan's comes back, with these.
            window.open_paths(view.original, *paths)
            return
        open_ones = {entry.path: n for n, entry in enumerate(session.entries)}
        new = [p for p in dict.fromkeys(paths) if p not in open_ones]
        if new:
            window.add_derivatives(new)
            if paths[0] in open_ones:
                window.select_derivative(open_ones[paths[0]])
        else:
            window.select_derivative(open_ones[paths[0]])


__all__ = ["ScanCommands"]


def _collection_root(index_folder: Path) -> Path:
    """The folder the index's collection lies under (the index folder itself if it cannot say)."""
    from diffviewer.scan.index import INDEX_FILE, read_roots

    roots = read_roots(index_folder / INDEX_FILE)  # read-only: nothing is written in the user's folder
    if not roots:
        return index_folder
    common = Path(os.path.commonpath(roots))
    return common if common.is_dir() else common.parent
