"""The window's file commands: the Open and Add dialogs, files dropped on it, Swap and Reload, the
Open Recent menu, and what happens when a shown file changes on disk.

The window does the loading (MainWindow.open_paths and friends); this decides what to load.
Strings keep the MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from diffviewer.gui.file_watch import FileWatch
from diffviewer.gui.labels import fill
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.gui.rows import Side
from diffviewer.gui.window_part import WindowPart

if TYPE_CHECKING:
    from diffviewer.gui.main_window import MainWindow


def file_filters() -> str:
    """The open dialog's filters, one per format the loaders read."""

    documents = "*.txt *.text *.md *.markdown *.mdown *.rst *.rest *.html *.htm *.xhtml *.docx *.odt *.rtf *.epub *.pdf"
    return ";;".join(
        [
            QCoreApplication.translate("MainWindow", "Documents") + f" ({documents})",
            QCoreApplication.translate("MainWindow", "Plain text") + " (*.txt *.text)",
            QCoreApplication.translate("MainWindow", "Markdown") + " (*.md *.markdown *.mdown)",
            QCoreApplication.translate("MainWindow", "reStructuredText") + " (*.rst *.rest)",
            QCoreApplication.translate("MainWindow", "HTML") + " (*.html *.htm *.xhtml)",
            QCoreApplication.translate("MainWindow", "Word documents") + " (*.docx)",
            QCoreApplication.translate("MainWindow", "OpenDocument text") + " (*.odt)",
            QCoreApplication.translate("MainWindow", "RTF documents") + " (*.rtf)",
            QCoreApplication.translate("MainWindow", "EPUB books") + " (*.epub)",
            QCoreApplication.translate("MainWindow", "PDF") + " (*.pdf)",
            # Source code of any language Pygments knows is read too: there are hundreds of them.
            QCoreApplication.translate("MainWindow", "All files, source code included") + " (*)",
        ]
    )


class FileCommands(WindowPart["MainWindow"]):
    """What File ▸ Open, Add, Swap, Reload and Open Recent, and a drop on the window, load."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.recent_menu = QMenu(QCoreApplication.translate("MainWindow", "Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self.on_recent_menu_about_to_show)
        self.watch = FileWatch(window)
        self.watch.files_settled.connect(self.on_files_settled)

    def _ask_for_file(self, title: str) -> Path | None:
        settings = self._window.settings
        chosen, _ = QFileDialog.getOpenFileName(self._window, title, settings.last_directory, file_filters())
        if not chosen:
            return None
        path = Path(chosen)
        settings.last_directory = str(path.parent)
        return path

    def on_open_original(self) -> None:
        path = self._ask_for_file(QCoreApplication.translate("MainWindow", "Open Original"))
        if path is not None:
            self._window.set_side(Side.ORIGINAL, path)

    def on_open_derivative(self) -> None:
        path = self._ask_for_file(QCoreApplication.translate("MainWindow", "Open Derivative"))
        if path is not None:
            self._window.set_side(Side.DERIVATIVE, path)

    def on_add_derivatives(self) -> None:
        settings = self._window.settings
        chosen, _ = QFileDialog.getOpenFileNames(
            self._window,
            QCoreApplication.translate("MainWindow", "Add Derivatives"),
            settings.last_directory,
            file_filters(),
        )
        if chosen:
            settings.last_directory = str(Path(chosen[0]).parent)
            self._window.add_derivatives([Path(c) for c in chosen])

    def on_swap(self) -> None:
        window = self._window
        index = window.current_index
        if index < 0:
            return
        window.view.set_comparison(None)
        window.session.swap(index)
        window.update_busy()

    def on_reload(self) -> None:
        self._window.start_comparison()

    def on_files_dropped(self, paths: list[Path], side: Side | None) -> None:
        """Files dropped on a pane load that side; several files become derivatives.

        With no original yet, the first dropped file is the original; otherwise several files are
        all added as derivatives of the current original.
        """
        if not paths:
            return
        window = self._window
        directories = [p for p in paths if p.is_dir()]
        if directories:
            window.message_bar.show_message(
                QCoreApplication.translate("MainWindow", "%1 is a folder; drop files to compare.").replace(
                    "%1", directories[0].name
                ),
                MessageLevel.ERROR,
            )
            return
        session = window.session
        if session.original is None and (len(paths) > 1 or side is not Side.DERIVATIVE):
            window.open_paths(paths[0], *paths[1:])
        elif len(paths) > 1 or (side is None and session.current is not None):
            window.add_derivatives(paths)
        elif side is Side.ORIGINAL:
            window.open_paths(paths[0])
        else:
            window.open_paths(None, paths[0])

    def on_recent_menu_about_to_show(self) -> None:
        menu = self.recent_menu
        settings = self._window.settings
        menu.clear()
        sets = settings.recent_sets
        if not sets:
            empty = menu.addAction(QCoreApplication.translate("MainWindow", "No recent comparisons"))
            empty.setEnabled(False)
            return
        for place, paths in enumerate(sets, start=1):
            names = [Path(p).name for p in paths]
            label = f"&{place % 10} {names[0]} ↔ {', '.join(names[1:])}"
            action = menu.addAction(label)
            action.setToolTip("\n".join(paths))
            action.setStatusTip(" ↔ ".join(paths))
            action.triggered.connect(lambda _=False, chosen=paths: self._window.open_paths(*(Path(p) for p in chosen)))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("MainWindow", "Clear Recent"), settings.clear_recent_sets)

    # watching files ----------------------------------------------------------------------
    def watch_shown_files(self) -> None:
        session = self._window.session
        self.watch.watch([session.shown_original, *(e.shown_path for e in session.entries)])

    def on_files_settled(self, changed: list[Path], gone: list[Path]) -> None:
        window = self._window
        if gone:
            window.message_bar.show_message(
                fill(
                    QCoreApplication.translate(
                        "MainWindow", "%1 was removed or renamed on disk; showing the version read before."
                    ),
                    ", ".join(p.name for p in gone),
                ),
                MessageLevel.WARNING,
            )
            return
        names = ", ".join(p.name for p in changed)
        window.message_bar.show_message(
            fill(QCoreApplication.translate("MainWindow", "%1 changed on disk and was reloaded."), names),
            MessageLevel.INFO,
        )
        session = window.session
        changed_paths = set(changed)
        if session.original in changed_paths:
            window.start_comparison()
            return
        indices = [n for n, e in enumerate(session.entries) if e.path in changed_paths]
        session.recompute(indices)
        window.update_busy()


__all__ = ["FileCommands", "file_filters"]
