"""The window's panels, as docks: Summary and Quotes on the right (tabbed), the Overview's heat
map on the left, and below the panes the derivatives a folder search found (hidden until the
first search). Built here; the window connects and fills them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from diffviewer.gui.heat_map import HeatMap, heat_map_legend
from diffviewer.gui.quotes_panel import QuotesPanel
from diffviewer.gui.scan_panel import ScanPanel
from diffviewer.gui.summary_panel import SummaryPanel


@dataclass(frozen=True, slots=True)
class Panels:
    summary_panel: SummaryPanel
    summary_scroller: QScrollArea
    summary_dock: QDockWidget
    quotes_panel: QuotesPanel
    quotes_dock: QDockWidget
    heat_map: HeatMap
    heat_map_scroller: QScrollArea
    heat_map_legend: QLabel
    overview_dock: QDockWidget
    scan_panel: ScanPanel
    scan_dock: QDockWidget


# Areas where a dock spans the window's width (a table of several columns wants it).
_WIDE = (Qt.DockWidgetArea.BottomDockWidgetArea,)


def _dock(
    window: QMainWindow,
    title: str,
    name: str,
    widget: QWidget,
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState() finds docks by name
    dock.setWidget(widget)
    sides = Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    dock.setAllowedAreas((sides | Qt.DockWidgetArea.BottomDockWidgetArea) if area in _WIDE else sides)
    window.addDockWidget(area, dock)
    return dock


def _scroller(parent: QWidget, content: QWidget) -> QScrollArea:
    scroller = QScrollArea(parent)
    scroller.setWidget(content)
    scroller.setWidgetResizable(True)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroller


def build_panels(window: QMainWindow) -> Panels:
    summary_panel = SummaryPanel(window)
    quotes_panel = QuotesPanel(window)
    # The Summary scrolls: on a whole book its list of changed names and numbers runs to
    # hundreds of lines, which as a plain widget made the window as tall as the list (tens of
    # thousands of pixels, off the screen, every repaint covering all of it).
    summary_scroller = _scroller(window, summary_panel)
    summary_scroller.setFrameShape(QFrame.Shape.NoFrame)
    summary_dock = _dock(window, QCoreApplication.translate("MainWindow", "Summary"), "summaryDock", summary_scroller)
    quotes_dock = _dock(window, QCoreApplication.translate("MainWindow", "Quotes"), "quotesDock", quotes_panel)
    window.tabifyDockWidget(summary_dock, quotes_dock)
    summary_dock.raise_()
    heat_map = HeatMap(window)
    overview = QWidget(window)
    overview_layout = QVBoxLayout(overview)
    overview_layout.setContentsMargins(0, 0, 0, 0)
    heat_map_scroller = _scroller(overview, heat_map)  # rows stretch to the panel's height
    overview_layout.addWidget(heat_map_scroller, 1)
    legend = QLabel(heat_map_legend(window.palette()), overview)
    legend.setWordWrap(True)
    overview_layout.addWidget(legend)
    overview_dock = _dock(
        window,
        QCoreApplication.translate("MainWindow", "Overview"),
        "overviewDock",
        overview,
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    # The derivatives a search found: a table of five columns, so below the panes, across the window.
    scan_panel = ScanPanel(window)
    scan_dock = _dock(
        window,
        QCoreApplication.translate("MainWindow", "Derivatives Found"),
        "scanDock",
        scan_panel,
        Qt.DockWidgetArea.BottomDockWidgetArea,
    )
    scan_dock.hide()
    return Panels(
        summary_panel,
        summary_scroller,
        summary_dock,
        quotes_panel,
        quotes_dock,
        heat_map,
        heat_map_scroller,
        legend,
        overview_dock,
        scan_panel,
        scan_dock,
    )


__all__ = ["Panels", "build_panels"]
