"""The main window: it composes the panes, the panels and the window's parts, and loads.

Its parts each have one job: the file commands (gui/window_files.py), export and print
(gui/window_export.py), the view options (gui/window_options.py), going to changes
(gui/window_navigation.py), the status bar and title (gui/window_status.py), the bars and the
first placement (gui/window_layout.py); the commands are declared in gui/window_actions.py and
the panels in gui/window_panels.py. The window itself keeps the loaded documents, the tabs and
the panels in step with what the session reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

from diffviewer import __version__
from diffviewer.core.model import Comparison, Document
from diffviewer.formats import MarkupView
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.derivative_tabs import DerivativeTabs
from diffviewer.gui.find_bar import FindBar
from diffviewer.gui.heat_map import Column
from diffviewer.gui.limits_dialog import LimitsDialog
from diffviewer.gui.message_bar import MessageBar, MessageLevel
from diffviewer.gui.overview import OverviewRuler
from diffviewer.gui.pane_model import Preview
from diffviewer.gui.rows import Side
from diffviewer.gui.session import ComparisonSession, DerivativeEntry
from diffviewer.gui.settings import Settings
from diffviewer.gui.window_actions import ACTIONS, build_actions, build_menus
from diffviewer.gui.window_export import ReportExport
from diffviewer.gui.window_files import FileCommands
from diffviewer.gui.window_layout import build_context_menu, build_tool_bars, place_window
from diffviewer.gui.window_navigation import WindowNavigation
from diffviewer.gui.window_options import ViewOptions
from diffviewer.gui.window_panels import build_panels
from diffviewer.gui.window_scan import ScanCommands
from diffviewer.gui.window_status import WindowStatus


class MainWindow(QMainWindow):
    # The window's commands (gui/window_actions.py declares them).
    open_original_action: QAction
    open_derivative_action: QAction
    swap_action: QAction
    reload_action: QAction
    cancel_action: QAction
    add_derivatives_action: QAction
    find_derivatives_action: QAction
    remove_derivative_action: QAction
    sort_action: QAction
    next_derivative_action: QAction
    previous_derivative_action: QAction
    export_action: QAction
    print_action: QAction
    quit_action: QAction
    copy_action: QAction
    find_action: QAction
    find_next_action: QAction
    find_previous_action: QAction
    next_change_action: QAction
    previous_change_action: QAction
    next_moved_action: QAction
    previous_moved_action: QAction
    side_by_side_action: QAction
    inline_action: QAction
    ignore_case_action: QAction
    ignore_punctuation_action: QAction
    ignore_whitespace_action: QAction
    show_typography_action: QAction
    word_granularity_action: QAction
    character_granularity_action: QAction
    markup_source_action: QAction
    wrap_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    limits_action: QAction
    about_action: QAction
    mode_group: QActionGroup
    granularity_group: QActionGroup
    comparison_finished = Signal(object)  # Comparison, or None when only one side is loaded
    comparison_failed = Signal(str)

    def __init__(
        self, settings: Settings | None = None, pool: QThreadPool | None = None, markup: MarkupView | None = None
    ) -> None:
        """`markup`: how this window reads Markdown and rST (the command line's `--markup`).

        None takes the remembered choice; a given one holds for this window and is remembered only
        once the user toggles View ▸ Show Markup Source.
        """
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.session = ComparisonSession(
            pool if pool is not None else QThreadPool.globalInstance(),
            self.settings.compare_options,
            self.settings.max_bytes,
        )
        # A value, not a callback into the window: a reference cycle through the window would leave
        # it to Python's cycle collector, which may run (and destroy Qt objects) in a worker thread.
        self.session.markup = markup if markup is not None else self.settings.markup_view
        self.setWindowTitle("diffviewer")
        self.setAcceptDrops(True)

        self.view = ComparisonView(self)
        self.view.set_mode(self.settings.view_mode)
        self.session.view_mode = self.settings.view_mode
        self.view.set_wrap(self.settings.wrap)
        self.view.set_font_point_size(self.settings.font_size)
        self.ruler = OverviewRuler(self.view, self)
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self.view, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        self.tabs = DerivativeTabs(central)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.tabs.tabCloseRequested.connect(self.on_tab_close_requested)
        column.addWidget(self.tabs)
        panes = QHBoxLayout()
        panes.setSpacing(0)
        panes.addWidget(self.view, 1)
        panes.addWidget(self.ruler)
        column.addLayout(panes, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        panels = build_panels(self)
        self.summary_panel, self.summary_scroller = panels.summary_panel, panels.summary_scroller
        self.quotes_panel, self.heat_map = panels.quotes_panel, panels.heat_map
        self._heat_map_scroller, self.heat_map_legend = panels.heat_map_scroller, panels.heat_map_legend
        self.summary_dock, self.quotes_dock = panels.summary_dock, panels.quotes_dock
        self.overview_dock = panels.overview_dock
        self.scan_panel, self.scan_dock = panels.scan_panel, panels.scan_dock

        self.session.entries_changed.connect(self.on_entries_changed)
        self.session.entry_updated.connect(self.on_entry_updated)
        self.session.entry_documents_loaded.connect(self.on_entry_documents_loaded)
        self.session.entry_finished.connect(self.on_entry_finished)
        self.session.entry_failed.connect(self.on_entry_failed)
        self.session.entry_cancelled.connect(self.on_entry_cancelled)
        self.session.preview_ready.connect(self.on_preview_ready)
        self.session.preview_failed.connect(self.on_preview_failed)

        # The window's parts, each with one job; the actions' table names their slots.
        self.status = WindowStatus(self, self.session, self.view)
        self.summary_label, self.progress = self.status.summary_label, self.status.progress
        self.cancel_button = self.status.cancel_button
        self.cancel_button.clicked.connect(self.cancel_comparison)
        self.files = FileCommands(self)
        self.recent_menu, self.file_watch = self.files.recent_menu, self.files.watch
        self.export = ReportExport(self, self.view, self.settings, self.message_bar)
        self.options = ViewOptions(self)
        self.navigation = WindowNavigation(self)
        self.scan = ScanCommands(self, self.scan_panel, self.scan_dock)  # File ▸ Find Derivatives…
        self.quotes_panel.quote_activated.connect(self.navigation.on_quote_activated)
        self.heat_map.cell_clicked.connect(self.navigation.on_heat_map_clicked)
        self._build_actions()
        self._build_menus()
        self.legend = build_tool_bars(self)
        self.change_counter = self.status.change_counter
        build_context_menu(self)

        self.view.files_dropped.connect(self.files.on_files_dropped)
        self.view.zoom_requested.connect(self.options.on_zoom_requested)
        self.view.current_block_changed.connect(self.status.show_block)

        place_window(self)
        self._update_actions()

    # construction ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        # The commands are declared in gui/window_actions.py; here they get the settings' states.
        for name, action in build_actions(self).items():
            setattr(self, name, action)
        self.options.check_actions()

    def _build_menus(self) -> None:
        docks = [
            dock.toggleViewAction()
            for dock in (self.summary_dock, self.quotes_dock, self.overview_dock, self.scan_dock)
        ]
        entries: dict[str, QAction | QMenu | list[QAction]] = {spec.name: getattr(self, spec.name) for spec in ACTIONS}
        build_menus(self.menuBar(), {**entries, "recent_menu": self.recent_menu, "docks": docks})

    # loading -----------------------------------------------------------------------------
    @property
    def paths(self) -> dict[Side, Path | None]:
        current = self.session.current
        return {Side.ORIGINAL: self.session.original, Side.DERIVATIVE: current.path if current else None}

    @property
    def comparison(self) -> Comparison | None:
        return self.view.comparison

    @property
    def markup_view(self) -> MarkupView:
        return self.session.markup

    @property
    def is_busy(self) -> bool:
        return self.session.is_busy

    @property
    def current_index(self) -> int:
        return self._index(self.session.current)

    def _index(self, entry: DerivativeEntry | None) -> int:
        return next((n for n, e in enumerate(self.session.entries) if e is entry), -1)

    def open_paths(self, original: Path | None, *derivatives: Path | None, lift_limits: bool = False) -> None:
        """Load and compare. None keeps what that side has; several derivatives are all compared.

        `lift_limits`: the user chose to go on past the size limits for these files.
        """
        self.session.limits_lifted = lift_limits
        given = [Path(d) for d in derivatives if d is not None]
        original_changed = original is not None and Path(original) != self.session.original
        if original is not None:
            self.session.original = Path(original)
        if len(given) > 1:
            self._replace_derivatives(given)
            return
        if given:
            if self.session.current is not None:
                self.session.current.path = given[0]
                if not original_changed:
                    self.session.recompute([self.current_index])
                    self.update_busy()
                    return
            else:
                added = self.session.add_derivatives(given)[0]  # compared with the original as it is now
                self.session.set_current(self.session.entries[added])
                self._refresh_tabs()
                if original_changed:  # the other tabs compare with the new original too
                    self.session.recompute([n for n in range(len(self.session.entries)) if n != added])
                self.update_busy()
                return
        self.start_comparison()

    def _replace_derivatives(self, paths: list[Path]) -> None:
        for index in reversed(range(len(self.session.entries))):
            self.session.remove(index)
        self.session.set_current(None)
        added = self.session.add_derivatives(paths)
        self.session.set_current(self.session.entries[added[0]])
        self._refresh_tabs()
        self.update_busy()

    def add_derivatives(self, paths: list[Path]) -> None:
        """Compare more derivatives with the current original; the first one added is shown."""
        added = self.session.add_derivatives([Path(p) for p in paths])
        self.session.set_current(self.session.entries[added[0]])
        self._refresh_tabs()
        self._show_current()
        self.update_busy()

    def set_side(self, side: Side, path: Path) -> None:
        if side is Side.ORIGINAL:
            self.open_paths(path)
        else:
            self.open_paths(None, path)

    def start_comparison(self) -> None:
        self.session.recompute()
        self.update_busy()

    def cancel_comparison(self) -> None:
        self.session.cancel_all()

    def select_derivative(self, index: int) -> None:
        if 0 <= index < len(self.session.entries):
            self.tabs.setCurrentIndex(index)

    def remove_derivative(self, index: int) -> None:
        if not 0 <= index < len(self.session.entries):
            return
        entries = self.session.entries
        if entries[index] is self.session.current:
            # The neighbour that slides into its place is shown next.
            remaining = entries[:index] + entries[index + 1 :]
            self.session.set_current(remaining[min(index, len(remaining) - 1)] if remaining else None)
        self.session.remove(index)
        self._refresh_tabs()
        self._show_current()
        self.files.watch_shown_files()
        self.update_busy()

    def sort_derivatives_by_similarity(self) -> None:
        self.session.sort_by_similarity()

    def update_busy(self) -> None:
        """Progress, the panes' note and the commands, after a job started, moved on or ended."""
        self.status.update_busy()
        self._update_actions()

    # session reports ---------------------------------------------------------------------
    def _refresh_tabs(self) -> None:
        self.tabs.show_entries(self.session.entries, self._index(self.session.current))
        self._refresh_heat_map()

    def _refresh_heat_map(self) -> None:
        entries = self.session.entries
        paragraphs = 0
        for entry in entries:
            if entry.comparison is not None:
                paragraphs = len(entry.comparison.original.paragraphs)
                break
        columns = [Column(str(e.path.name), e.comparison) for e in entries]
        self.heat_map.set_columns(paragraphs, columns, self._index(self.session.current))
        # The panel is as wide as the map: every derivative's column in view.
        scrollbar = self._heat_map_scroller.verticalScrollBar().sizeHint().width()
        self._heat_map_scroller.setMinimumWidth(self.heat_map.sizeHint().width() + scrollbar + 4)

    def on_entries_changed(self) -> None:
        if self.session.current is not None and self._index(self.session.current) < 0:
            self.session.set_current(self.session.entries[0] if self.session.entries else None)
        self._refresh_tabs()

    def on_entry_updated(self, index: int) -> None:
        self.tabs.show_entry(index, self.session.entries[index])
        self.update_busy()

    def on_entry_documents_loaded(self, index: int) -> None:
        entry = self.session.entries[index]
        # Show what was read at once; the comparison follows. An older comparison stays on screen
        # instead when only the options changed, so recomputing does not flicker.
        if entry is self.session.current and self.view.comparison is None:
            self.view.set_documents(*entry.documents, preview=entry.preview)

    def on_entry_finished(self, index: int) -> None:
        entry = self.session.entries[index]
        if self.session.current is None:
            self.session.set_current(entry)
        self._refresh_tabs()
        if entry is self.session.current:
            self._show_current()
            if self.message_bar.level is MessageLevel.ERROR:
                self.message_bar.hide()
        original = self.session.original
        if original is not None and entry.comparison is not None:
            done = [str(e.path.resolve()) for e in self.session.entries if e.comparison is not None]
            self.settings.add_recent_set([str(original.resolve()), *done])
        self.files.watch_shown_files()
        self.update_busy()
        self.comparison_finished.emit(entry.comparison)

    def on_entry_failed(self, index: int, message: str) -> None:
        entry = self.session.entries[index]
        text = self.tr("Cannot compare: %1").replace("%1", message)
        original = self.session.original
        if entry.over_limit and original is not None:
            retry = (original, entry.path)
            self.message_bar.show_message(
                text,
                MessageLevel.WARNING,
                self.tr("Compare Anyway"),
                lambda: self.open_paths(*retry, lift_limits=True),
            )
        else:
            self.message_bar.show_message(text, MessageLevel.ERROR)
        if entry.comparison is None:
            # Nothing to show for it: a derivative that never loaded does not keep a tab.
            status = self.tr("%1 could not be compared. Open or drop another derivative.")
            self._drop_unfinished(index, status.replace("%1", entry.path.name))
        else:
            self._refresh_tabs()
        self.update_busy()
        self.comparison_failed.emit(message)

    def _drop_unfinished(self, index: int, status: str) -> None:
        """Close the tab of a derivative that has no comparison to show. The original, if it
        loaded, stays on screen (a bad derivative never empties the window), `status` below it."""
        entry = self.session.entries[index]
        loaded, preview = entry.documents[0], entry.preview
        self.remove_derivative(index)
        if self.session.current is None and loaded is not None:
            self.session.shown_original = self.session.original
            self.view.set_documents(loaded, None, preview=preview)
            self.status.update_title()
            self.files.watch_shown_files()
            self.summary_label.setText(status)

    def on_entry_cancelled(self, index: int) -> None:
        entry = self.session.entries[index]
        if entry.comparison is None:
            status = self.tr("Comparison with %1 cancelled. Open or drop another derivative.")
            self._drop_unfinished(index, status.replace("%1", entry.path.name))
        self._refresh_tabs()
        self.update_busy()
        self.statusBar().showMessage(self.tr("Comparison cancelled."), 5000)

    def on_preview_ready(self, document: Document | None, preview: Preview | None) -> None:
        self.view.set_comparison(None)
        self.view.set_documents(document, None, preview=preview)
        self.status.show_summary(None)
        self.status.update_title()
        self.files.watch_shown_files()
        self.update_busy()
        self.comparison_finished.emit(None)

    def on_preview_failed(self, message: str) -> None:
        self.message_bar.show_message(self.tr("Cannot open: %1").replace("%1", message), MessageLevel.ERROR)
        self.update_busy()
        self.comparison_failed.emit(message)

    def _show_current(self) -> None:
        entry = self.session.current
        comparison = entry.comparison if entry is not None else None
        self.view.set_comparison(comparison, entry.prepared if entry is not None else None)
        if comparison is None and entry is not None:
            self.view.set_documents(*entry.documents, preview=entry.preview)
        self.status.show_summary(comparison)
        self.status.update_change_counter()
        self.summary_panel.set_comparison(comparison)
        self.quotes_panel.set_comparison(comparison)
        self._refresh_heat_map()
        self.status.update_title()
        self._update_actions()

    def on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.session.entries) and self.session.entries[index] is not self.session.current:
            self.session.set_current(self.session.entries[index])
            self._show_current()

    def on_tab_close_requested(self, index: int) -> None:
        self.remove_derivative(index)

    def on_heat_map_clicked(self, column: int, paragraph: int) -> None:
        self.select_derivative(column)
        self.view.scroll_to_paragraph(Side.ORIGINAL, paragraph)
        row = self.view.paragraph_row(Side.ORIGINAL, paragraph)
        block = self.view.rows[row].block if row >= 0 else None
        if block is not None:
            self.view.set_current_block(block)

    def _update_actions(self) -> None:
        has_pair = self.view.comparison is not None
        has_any = self.session.original is not None or bool(self.session.entries)
        # Enabled only while comparing, so Esc stays free for the find bar otherwise.
        self.cancel_action.setEnabled(self.session.is_busy)
        self.swap_action.setEnabled(self.session.original is not None and self.session.current is not None)
        self.reload_action.setEnabled(has_any)
        for action in (
            self.next_change_action,
            self.previous_change_action,
            self.next_moved_action,
            self.previous_moved_action,
        ):
            action.setEnabled(has_pair)
        several = len(self.session.entries) > 1
        for action in (self.sort_action, self.next_derivative_action, self.previous_derivative_action):
            action.setEnabled(several)
        self.remove_derivative_action.setEnabled(self.session.current is not None)
        self.export_action.setEnabled(has_pair)
        self.print_action.setEnabled(has_pair)

    # slots for actions -------------------------------------------------------------------
    def on_remove_derivative(self) -> None:
        self.remove_derivative(self.current_index)

    def on_next_derivative(self) -> None:
        if self.session.entries:
            self.select_derivative((self.current_index + 1) % len(self.session.entries))

    def on_previous_derivative(self) -> None:
        if self.session.entries:
            self.select_derivative((self.current_index - 1) % len(self.session.entries))

    def on_limits(self) -> None:
        LimitsDialog(self.settings, self).exec()

    def on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About diffviewer"),
            self.tr("diffviewer %1\n\nSee how a document was reworded.").replace("%1", __version__),
        )

    # window events -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.on_files_dropped(paths, None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.cancel_comparison()
        self.scan.close()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        super().closeEvent(event)


def application_icon() -> QIcon:
    from diffviewer.resources import resource

    return QIcon(str(resource("icons", "diffviewer.svg")))
