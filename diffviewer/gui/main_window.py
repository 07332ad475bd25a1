"""The main window: menus, loading, the background comparison, and the numbers in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from diffviewer import __version__
from diffviewer.core.model import Comparison, Document, Granularity, Quote
from diffviewer.core.tally import word_tally
from diffviewer.gui.comparison_view import ComparisonView, treatment_label
from diffviewer.gui.find_bar import FindBar
from diffviewer.gui.legend import Legend
from diffviewer.gui.message_bar import MessageBar, MessageLevel
from diffviewer.gui.overview import OverviewRuler
from diffviewer.gui.quotes_panel import QuotesPanel
from diffviewer.gui.rows import Side
from diffviewer.gui.settings import DEFAULT_FONT_SIZE, Settings
from diffviewer.gui.summary_panel import SummaryPanel
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.worker import CompareJob, CompareRequest

DEFAULT_MAX_BYTES = 100_000_000
OPTIONS_DEBOUNCE_MS = 150
WATCH_DEBOUNCE_MS = 300


def file_filters() -> str:
    """The open dialog's filters, one per format the loaders read."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    return ";;".join(
        [
            tr("Documents") + " (*.txt *.text *.md *.markdown *.mdown *.html *.htm *.xhtml *.docx *.pdf)",
            tr("Plain text") + " (*.txt *.text)",
            tr("Markdown") + " (*.md *.markdown *.mdown)",
            tr("HTML") + " (*.html *.htm *.xhtml)",
            tr("Word documents") + " (*.docx)",
            tr("PDF") + " (*.pdf)",
            tr("All files") + " (*)",
        ]
    )


class MainWindow(QMainWindow):
    comparison_finished = Signal(object)  # Comparison, or None when only one side is loaded
    comparison_failed = Signal(str)

    def __init__(self, settings: Settings | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._paths: dict[Side, Path | None] = {Side.ORIGINAL: None, Side.DERIVATIVE: None}
        self._shown_paths: dict[Side, Path | None] = {Side.ORIGINAL: None, Side.DERIVATIVE: None}
        self._generation = 0
        self._job: CompareJob | None = None
        self._finished_jobs: list[CompareJob] = []
        self.setWindowTitle("diffviewer")
        self.setAcceptDrops(True)

        self.view = ComparisonView(self)
        self.view.set_mode(self.settings.view_mode)
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
        panes = QHBoxLayout()
        panes.setSpacing(0)
        panes.addWidget(self.view, 1)
        panes.addWidget(self.ruler)
        column.addLayout(panes, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.summary_panel = SummaryPanel(self)
        self.quotes_panel = QuotesPanel(self)
        self.summary_dock = self._dock(self.tr("Summary"), "summaryDock", self.summary_panel)
        self.quotes_dock = self._dock(self.tr("Quotes"), "quotesDock", self.quotes_panel)
        self.tabifyDockWidget(self.summary_dock, self.quotes_dock)
        self.summary_dock.raise_()
        self.quotes_panel.quote_activated.connect(self.on_quote_activated)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_tool_bar()
        self._build_context_menu()

        self._options_timer = QTimer(self, singleShot=True, interval=OPTIONS_DEBOUNCE_MS)
        self._options_timer.timeout.connect(self.on_options_settled)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DEBOUNCE_MS)
        self._watch_timer.timeout.connect(self.on_watched_file_settled)
        self._changed_on_disk: set[str] = set()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.on_file_changed)

        self.view.files_dropped.connect(self.on_files_dropped)
        self.view.zoom_requested.connect(self.on_zoom_requested)
        self.view.current_block_changed.connect(self.on_current_block_changed)

        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1200, 800)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        self._update_actions()

    # construction ------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() finds docks by name
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.summary_label = QLabel(self)
        self.summary_label.setText(self.tr("Open or drop two documents to compare them."))
        bar.addWidget(self.summary_label, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the comparison (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_comparison)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _action(self, text: str, slot: object, shortcuts: list[QKeySequence] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        style = self.style()
        keys = QKeySequence
        self.open_original_action = self._action(
            self.tr("Open &Original…"),
            self.on_open_original,
            [keys(keys.StandardKey.Open)],
            self.tr("Choose the original document"),
        )
        self.open_original_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.open_derivative_action = self._action(
            self.tr("Open &Derivative…"),
            self.on_open_derivative,
            [keys("Ctrl+Shift+O")],
            self.tr("Choose the derivative document"),
        )
        self.open_derivative_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogStart))
        self.swap_action = self._action(
            self.tr("&Swap Sides"),
            self.on_swap,
            [keys("Ctrl+Shift+S")],
            self.tr("Make the derivative the original and back"),
        )
        self.swap_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reload_action = self._action(
            self.tr("&Reload"),
            self.on_reload,
            [keys(keys.StandardKey.Refresh), keys("Ctrl+R")],
            self.tr("Read both files again"),
        )
        self.reload_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.cancel_action = self._action(self.tr("&Cancel Comparison"), self.cancel_comparison, [keys("Esc")])
        self.quit_action = self._action(self.tr("&Quit"), self.close, [keys(keys.StandardKey.Quit), keys("Ctrl+Q")])

        self.copy_action = self._action(
            self.tr("&Copy Block"),
            self.view.copy_current_block,
            [keys(keys.StandardKey.Copy)],
            self.tr("Copy the selected block's text"),
        )
        self.find_action = self._action(self.tr("&Find…"), self.find_bar.open_bar, [keys(keys.StandardKey.Find)])
        self.find_next_action = self._action(
            self.tr("Find &Next"), self.find_bar.find_next, [keys(keys.StandardKey.FindNext)]
        )
        self.find_previous_action = self._action(
            self.tr("Find Pre&vious"), self.find_bar.find_previous, [keys(keys.StandardKey.FindPrevious)]
        )

        self.next_change_action = self._action(
            self.tr("&Next Change"),
            self.on_next_change,
            [keys("Alt+Down"), keys("F7")],
            self.tr("Go to the next change"),
        )
        self.next_change_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.previous_change_action = self._action(
            self.tr("&Previous Change"),
            self.on_previous_change,
            [keys("Alt+Up"), keys("Shift+F7")],
            self.tr("Go to the previous change"),
        )
        self.previous_change_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.next_moved_action = self._action(
            self.tr("Next &Moved Block"),
            self.on_next_moved,
            [keys("Ctrl+Alt+Down")],
            self.tr("Go to the next moved paragraph"),
        )
        self.previous_moved_action = self._action(
            self.tr("Previous Mo&ved Block"),
            self.on_previous_moved,
            [keys("Ctrl+Alt+Up")],
            self.tr("Go to the previous moved paragraph"),
        )

        self.mode_group = QActionGroup(self)
        self.side_by_side_action = self._action(self.tr("&Side by Side"), self.on_view_mode_chosen, [keys("Ctrl+1")])
        self.inline_action = self._action(self.tr("&Inline"), self.on_view_mode_chosen, [keys("Ctrl+2")])
        for action, mode in ((self.side_by_side_action, ViewMode.SIDE_BY_SIDE), (self.inline_action, ViewMode.INLINE)):
            action.setCheckable(True)
            action.setData(mode.value)
            action.setChecked(self.settings.view_mode is mode)
            self.mode_group.addAction(action)

        self.ignore_case_action = self._toggle(self.tr("Ignore &Case"), self.settings.ignore_case)
        self.ignore_punctuation_action = self._toggle(self.tr("Ignore &Punctuation"), self.settings.ignore_punctuation)
        self.ignore_whitespace_action = self._toggle(self.tr("Ignore &Whitespace"), self.settings.ignore_whitespace)
        self.granularity_group = QActionGroup(self)
        self.word_granularity_action = self._action(self.tr("Compare &Words"), self.on_option_toggled)
        self.character_granularity_action = self._action(self.tr("Compare C&haracters"), self.on_option_toggled)
        for action, granularity in (
            (self.word_granularity_action, Granularity.WORD),
            (self.character_granularity_action, Granularity.CHARACTER),
        ):
            action.setCheckable(True)
            action.setData(granularity.value)
            action.setChecked(self.settings.granularity is granularity)
            self.granularity_group.addAction(action)

        self.wrap_action = self._action(self.tr("&Wrap Lines"), self.on_wrap_toggled)
        self.wrap_action.setCheckable(True)
        self.wrap_action.setChecked(self.settings.wrap)
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"), self.on_zoom_in, [keys(keys.StandardKey.ZoomIn), keys("Ctrl+=")]
        )
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.on_zoom_out, [keys(keys.StandardKey.ZoomOut)])
        self.zoom_reset_action = self._action(self.tr("&Reset Zoom"), self.on_zoom_reset, [keys("Ctrl+0")])
        self.about_action = self._action(self.tr("&About diffviewer"), self.on_about)

    def _toggle(self, text: str, checked: bool) -> QAction:
        action = self._action(text, self.on_option_toggled)
        action.setCheckable(True)
        action.setChecked(checked)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_original_action)
        file_menu.addAction(self.open_derivative_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self.on_recent_menu_about_to_show)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.swap_action)
        file_menu.addAction(self.reload_action)
        file_menu.addAction(self.cancel_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        for action in (self.copy_action, self.find_action, self.find_next_action, self.find_previous_action):
            edit_menu.addAction(action)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addAction(self.side_by_side_action)
        view_menu.addAction(self.inline_action)
        view_menu.addSeparator()
        for action in (self.ignore_case_action, self.ignore_punctuation_action, self.ignore_whitespace_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.word_granularity_action)
        view_menu.addAction(self.character_granularity_action)
        view_menu.addSeparator()
        for action in (self.wrap_action, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.summary_dock.toggleViewAction())
        view_menu.addAction(self.quotes_dock.toggleViewAction())
        go_menu = menus.addMenu(self.tr("&Go"))
        for action in (
            self.next_change_action,
            self.previous_change_action,
            self.next_moved_action,
            self.previous_moved_action,
        ):
            go_menu.addAction(action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_context_menu(self) -> None:
        separator = QAction(self)
        separator.setSeparator(True)
        for action in (
            self.copy_action,
            separator,
            self.previous_change_action,
            self.next_change_action,
            self.find_action,
        ):
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _build_tool_bar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
        for action in (self.open_original_action, self.open_derivative_action, self.swap_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.previous_change_action)
        bar.addAction(self.next_change_action)
        bar.addSeparator()
        bar.addAction(self.side_by_side_action)
        bar.addAction(self.inline_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        bar.addWidget(spacer)
        self.legend = Legend(bar)
        bar.addWidget(self.legend)
        self.addToolBar(bar)

    # loading -----------------------------------------------------------------------------
    @property
    def paths(self) -> dict[Side, Path | None]:
        return dict(self._paths)

    @property
    def comparison(self) -> Comparison | None:
        return self.view.comparison

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def open_paths(self, original: Path | None, derivative: Path | None) -> None:
        """Load and compare; None keeps what that side has."""
        if original is not None:
            self._paths[Side.ORIGINAL] = Path(original)
        if derivative is not None:
            self._paths[Side.DERIVATIVE] = Path(derivative)
        self.start_comparison()

    def set_side(self, side: Side, path: Path) -> None:
        self._paths[side] = Path(path)
        self.start_comparison()

    def start_comparison(self) -> None:
        if self._paths[Side.ORIGINAL] is None and self._paths[Side.DERIVATIVE] is None:
            return
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        request = CompareRequest(
            generation=self._generation,
            original=self._paths[Side.ORIGINAL],
            derivative=self._paths[Side.DERIVATIVE],
            options=self.settings.compare_options(),
            max_bytes=DEFAULT_MAX_BYTES,
        )
        job = CompareJob(request)
        job.signals.progressed.connect(self.on_job_progressed)
        job.signals.documents_loaded.connect(self.on_job_documents_loaded)
        job.signals.finished.connect(self.on_job_finished)
        job.signals.failed.connect(self.on_job_failed)
        job.signals.cancelled.connect(self.on_job_cancelled)
        self._job = job
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Reading…"))
        self.progress.show()
        self.cancel_button.show()
        self._update_actions()
        self._pool.start(job)

    def cancel_comparison(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _job_done(self, generation: int) -> bool:
        """True when the report is for the current request; a stale one is dropped."""
        if generation != self._generation or self._job is None:
            return False
        self._finished_jobs.append(self._job)  # keep the QObject alive until its queued signals are handled
        del self._finished_jobs[:-4]
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()
        return True

    def on_job_progressed(self, generation: int, fraction: float, file_name: str) -> None:
        if generation != self._generation:
            return
        self.progress.setValue(round(fraction * 1000))
        if file_name:
            self.progress.setFormat(self.tr("Reading %1…").replace("%1", file_name))
        else:
            self.progress.setFormat(self.tr("Comparing… %p%"))

    def on_job_documents_loaded(self, generation: int, original: Document | None, derivative: Document | None) -> None:
        if generation != self._generation:
            return
        # Show what was read at once; the comparison follows. Keep an older comparison on screen
        # instead when only the options changed, so recomputing does not flicker.
        if self.view.comparison is None:
            self.view.set_documents(original, derivative)

    def on_job_finished(self, generation: int, comparison: Comparison | None) -> None:
        if not self._job_done(generation):
            return
        self._shown_paths = dict(self._paths)
        self.view.set_comparison(comparison)
        self._show_summary(comparison)
        self.summary_panel.set_comparison(comparison)
        self.quotes_panel.set_comparison(comparison)
        if comparison is not None:
            original, derivative = self._paths[Side.ORIGINAL], self._paths[Side.DERIVATIVE]
            if original is not None and derivative is not None:
                self.settings.add_recent_pair(str(original.resolve()), str(derivative.resolve()))
        if self.message_bar.level is MessageLevel.ERROR:
            self.message_bar.hide()
        self._watch_shown_files()
        self._update_title()
        self._update_actions()
        self.comparison_finished.emit(comparison)

    def on_job_failed(self, generation: int, message: str) -> None:
        if not self._job_done(generation):
            return
        # The previous comparison stays; so do the paths that produced it.
        self._paths = dict(self._shown_paths)
        self.message_bar.show_message(self.tr("Cannot compare: %1").replace("%1", message), MessageLevel.ERROR)
        self._update_actions()
        self.comparison_failed.emit(message)

    def on_job_cancelled(self, generation: int) -> None:
        if not self._job_done(generation):
            return
        self._paths = dict(self._shown_paths)
        self.statusBar().showMessage(self.tr("Comparison cancelled."), 5000)

    def _show_summary(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.summary_label.setText(self.tr("Open or drop a second document to compare."))
            return
        stats, tally = comparison.stats, word_tally(comparison)
        text = self.tr(
            "Similarity %1% · words: %2 kept, %3 changed, %4 added, %5 removed · "
            "paragraphs: %6 moved, %7 added, %8 removed"
        )
        values = [
            f"{comparison.similarity * 100:.0f}",
            f"{tally.kept:,}",
            f"{tally.changed:,}",
            f"{tally.added:,}",
            f"{tally.removed:,}",
            f"{stats.paragraphs_moved:,}",
            f"{stats.paragraphs_inserted:,}",
            f"{stats.paragraphs_deleted:,}",
        ]
        for number, value in reversed(list(enumerate(values, start=1))):
            text = text.replace(f"%{number}", value)
        self.summary_label.setText(text)
        self.summary_label.setToolTip(
            self.tr("Similarity: the share of the original's words that survive in the derivative.")
        )

    def _update_title(self) -> None:
        names = [p.name if p else "—" for p in (self._shown_paths[Side.ORIGINAL], self._shown_paths[Side.DERIVATIVE])]
        self.setWindowTitle(f"{names[0]} ↔ {names[1]} — diffviewer")

    def _update_actions(self) -> None:
        has_pair = self.view.comparison is not None
        has_any = any(self._paths.values())
        # Enabled only while comparing, so Esc stays free for the find bar otherwise.
        self.cancel_action.setEnabled(self._job is not None)
        self.swap_action.setEnabled(has_any)
        self.reload_action.setEnabled(has_any)
        for action in (
            self.next_change_action,
            self.previous_change_action,
            self.next_moved_action,
            self.previous_moved_action,
        ):
            action.setEnabled(has_pair)

    # watching files ----------------------------------------------------------------------
    def _watch_shown_files(self) -> None:
        watched = self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        for path in self._shown_paths.values():
            if path is not None and path.exists():
                self.watcher.addPath(str(path))

    def on_file_changed(self, path: str) -> None:
        self._changed_on_disk.add(path)
        self._watch_timer.start()  # editors write in bursts: wait until they are done

    def on_watched_file_settled(self) -> None:
        changed = sorted(self._changed_on_disk)
        self._changed_on_disk.clear()
        names = ", ".join(Path(p).name for p in changed)
        missing = [p for p in changed if not Path(p).exists()]
        if missing:
            self.message_bar.show_message(
                self.tr("%1 was removed or renamed on disk; showing the version read before.").replace(
                    "%1", ", ".join(Path(p).name for p in missing)
                ),
                MessageLevel.WARNING,
            )
            return
        self.message_bar.show_message(
            self.tr("%1 changed on disk and was reloaded.").replace("%1", names), MessageLevel.INFO
        )
        self.start_comparison()

    # slots for actions -------------------------------------------------------------------
    def _ask_for_file(self, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, title, self.settings.last_directory, file_filters())
        if not chosen:
            return None
        path = Path(chosen)
        self.settings.last_directory = str(path.parent)
        return path

    def on_open_original(self) -> None:
        path = self._ask_for_file(self.tr("Open Original"))
        if path is not None:
            self.set_side(Side.ORIGINAL, path)

    def on_open_derivative(self) -> None:
        path = self._ask_for_file(self.tr("Open Derivative"))
        if path is not None:
            self.set_side(Side.DERIVATIVE, path)

    def on_swap(self) -> None:
        self._paths = {Side.ORIGINAL: self._paths[Side.DERIVATIVE], Side.DERIVATIVE: self._paths[Side.ORIGINAL]}
        self._shown_paths = {
            Side.ORIGINAL: self._shown_paths[Side.DERIVATIVE],
            Side.DERIVATIVE: self._shown_paths[Side.ORIGINAL],
        }
        self.view.set_comparison(None)
        self.start_comparison()

    def on_reload(self) -> None:
        self.start_comparison()

    def on_files_dropped(self, paths: list[Path], side: Side | None) -> None:
        if not paths:
            return
        directories = [p for p in paths if p.is_dir()]
        if directories:
            self.message_bar.show_message(
                self.tr("%1 is a folder; drop files to compare.").replace("%1", directories[0].name), MessageLevel.ERROR
            )
            return
        if len(paths) >= 2:
            if len(paths) > 2:
                self.message_bar.show_message(
                    self.tr("Comparing the first two of the %1 dropped files.").replace("%1", str(len(paths))),
                    MessageLevel.INFO,
                )
            self.open_paths(paths[0], paths[1])
            return
        if side is None:
            side = Side.ORIGINAL if self._paths[Side.ORIGINAL] is None else Side.DERIVATIVE
        self.set_side(side, paths[0])

    def on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        pairs = self.settings.recent_pairs
        if not pairs:
            empty = self.recent_menu.addAction(self.tr("No recent comparisons"))
            empty.setEnabled(False)
            return
        for number, (original, derivative) in enumerate(pairs, start=1):
            label = f"&{number % 10} {Path(original).name} ↔ {Path(derivative).name}"
            action = self.recent_menu.addAction(label)
            action.setToolTip(f"{original}\n{derivative}")
            action.setStatusTip(f"{original} ↔ {derivative}")
            action.triggered.connect(lambda _=False, a=original, b=derivative: self.open_paths(Path(a), Path(b)))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear Recent"), self.settings.clear_recent_pairs)

    def on_next_change(self) -> None:
        if not self.view.next_change():
            self.statusBar().showMessage(self.tr("No more changes below."), 3000)

    def on_previous_change(self) -> None:
        if not self.view.previous_change():
            self.statusBar().showMessage(self.tr("No more changes above."), 3000)

    def on_next_moved(self) -> None:
        if not self.view.next_moved():
            self.statusBar().showMessage(self.tr("No moved paragraph below."), 3000)

    def on_previous_moved(self) -> None:
        if not self.view.previous_moved():
            self.statusBar().showMessage(self.tr("No moved paragraph above."), 3000)

    def on_current_block_changed(self, block: int) -> None:
        comparison = self.view.comparison
        if comparison is None or block < 0:
            return
        found = comparison.blocks[block]
        treatment = treatment_label(found.treatment)
        if found.original and found.derivative:
            message = (
                self.tr("Block similarity %1% (%2)")
                .replace("%1", f"{found.similarity * 100:.0f}")
                .replace("%2", treatment)
            )
        else:
            message = self.tr("Block: %1").replace("%1", treatment)
        self.statusBar().showMessage(message, 4000)

    def on_quote_activated(self, quote: Quote) -> None:
        if self.view.mode is not ViewMode.SIDE_BY_SIDE:
            self.side_by_side_action.trigger()  # both places are only visible side by side
        self.view.show_quote(quote)

    def on_view_mode_chosen(self) -> None:
        mode = ViewMode.INLINE if self.inline_action.isChecked() else ViewMode.SIDE_BY_SIDE
        self.settings.view_mode = mode
        self.view.set_mode(mode)

    def on_option_toggled(self) -> None:
        self.settings.ignore_case = self.ignore_case_action.isChecked()
        self.settings.ignore_punctuation = self.ignore_punctuation_action.isChecked()
        self.settings.ignore_whitespace = self.ignore_whitespace_action.isChecked()
        self.settings.granularity = (
            Granularity.CHARACTER if self.character_granularity_action.isChecked() else Granularity.WORD
        )
        self._options_timer.start()  # several quick toggles make one recomputation

    def on_options_settled(self) -> None:
        if self._paths[Side.ORIGINAL] is not None and self._paths[Side.DERIVATIVE] is not None:
            self.start_comparison()

    def on_wrap_toggled(self, checked: bool) -> None:
        self.settings.wrap = checked
        self.view.set_wrap(checked)

    def _set_font_size(self, size: int) -> None:
        self.settings.font_size = size
        self.view.set_font_point_size(self.settings.font_size)

    def on_zoom_in(self) -> None:
        self._set_font_size(self.view.font_point_size() + 1)

    def on_zoom_out(self) -> None:
        self._set_font_size(self.view.font_point_size() - 1)

    def on_zoom_reset(self) -> None:
        self._set_font_size(DEFAULT_FONT_SIZE)

    def on_zoom_requested(self, steps: int) -> None:
        self._set_font_size(self.view.font_point_size() + steps)

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
            self.on_files_dropped(paths, None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.cancel_comparison()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        super().closeEvent(event)


def application_icon() -> QIcon:
    from diffviewer.resources import resource

    return QIcon(str(resource("icons", "diffviewer.svg")))
