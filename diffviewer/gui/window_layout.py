"""Where the window's bars and panels go: the tool bars (commands, change counter, legend), the
panes' context menu, and the first window's size and dock placement.

Strings keep the MainWindow context of the translation: they are the main window's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QToolBar

from diffviewer.gui.legend import Legend

if TYPE_CHECKING:
    from diffviewer.gui.main_window import MainWindow

# The first window takes this share of the screen, up to this size.
FIRST_RUN_SHARE = 0.9
FIRST_RUN_MAX = QSize(1800, 1200)
# Narrower than this, the first window keeps one column of panels, not one each side.
ROOMY_WIDTH = 1400
# The right-hand panels' share of the first window's width.
PANEL_SHARE = 0.22


def build_tool_bars(window: MainWindow) -> Legend:
    """The commands' tool bar with the change counter, and below it the legend; returns the legend."""
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), window)
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
    for action in (window.open_original_action, window.open_derivative_action, window.swap_action):
        bar.addAction(action)
    bar.addSeparator()
    bar.addAction(window.previous_change_action)
    bar.addAction(window.next_change_action)
    bar.addWidget(window.status.make_change_counter(bar))
    bar.addSeparator()
    bar.addAction(window.side_by_side_action)
    bar.addAction(window.inline_action)
    window.addToolBar(bar)
    # What the colours mean, on a row of its own: beside the buttons it was cut off.
    window.addToolBarBreak()
    legend_bar = QToolBar(QCoreApplication.translate("MainWindow", "Legend"), window)
    legend_bar.setObjectName("legendToolBar")
    legend_bar.setMovable(False)
    legend = Legend(legend_bar)
    legend_bar.addWidget(legend)
    window.addToolBar(legend_bar)
    return legend


def build_context_menu(window: MainWindow) -> None:
    """What a right click on the panes offers."""
    separator = QAction(window)
    separator.setSeparator(True)
    for action in (
        window.copy_action,
        separator,
        window.previous_change_action,
        window.next_change_action,
        window.find_action,
    ):
        window.view.addAction(action)
    window.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def place_window(window: MainWindow) -> None:
    """Where the user left the window and its docks, or on a first run, a place that suits the screen."""
    settings = window.settings
    if settings.geometry is not None:
        window.restoreGeometry(settings.geometry)
    else:
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(first_run_geometry(screen.availableGeometry()))
    if settings.window_state is not None:
        window.restoreState(settings.window_state)
        return
    if window.width() < ROOMY_WIDTH:
        # On a small screen the two text columns need the width: the Overview shares the
        # right-hand panels' place as one more tab, instead of a column of its own.
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.overview_dock)
        window.tabifyDockWidget(window.quotes_dock, window.overview_dock)
        window.summary_dock.raise_()
    # A set share of the window, not whatever the first comparison's text asks for, so
    # the panes keep their width from one document to the next (the user may then drag).
    window.resizeDocks([window.summary_dock], [round(window.width() * PANEL_SHARE)], Qt.Orientation.Horizontal)


def first_run_geometry(available: QRect) -> QRect:
    """Where the window opens before the user has placed it: most of the screen (text columns
    need the width), capped so a huge screen does not get a huge window, centred."""
    width = min(round(available.width() * FIRST_RUN_SHARE), FIRST_RUN_MAX.width())
    height = min(round(available.height() * FIRST_RUN_SHARE), FIRST_RUN_MAX.height())
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


__all__ = ["build_context_menu", "build_tool_bars", "first_run_geometry", "place_window"]
