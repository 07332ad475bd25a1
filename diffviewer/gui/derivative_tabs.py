"""The tab bar of derivatives: one tab a derivative, named whole with its similarity or progress."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTabBar, QWidget

from diffviewer.gui.session import DerivativeEntry, EntryState


def tab_label(index: int, entry: DerivativeEntry) -> str:
    name = entry.path.name
    if entry.job is not None:
        return f"{index + 1}  {name} · {entry.progress:.0%}…"
    if entry.comparison is not None:
        return f"{index + 1}  {name} · {entry.comparison.similarity:.0%}"
    if entry.state is EntryState.FAILED:
        return f"{index + 1}  {name} · " + QCoreApplication.translate("MainWindow", "failed")
    return f"{index + 1}  {name}"


class DerivativeTabs(QTabBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("derivativeTabs")
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.setExpanding(False)
        # Whole names ("spun-copy.txt · 57%"), with scroll arrows when they do not all fit.
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setUsesScrollButtons(True)
        self.setAcceptDrops(True)
        self.hide()

    def show_entries(self, entries: Sequence[DerivativeEntry], current: int) -> None:
        """One tab a derivative, `current` selected; shown only when there are several."""
        self.blockSignals(True)  # rebuilding must not look like the user picking a tab
        while self.count() > len(entries):
            self.removeTab(self.count() - 1)
        while self.count() < len(entries):
            self.addTab("")
        for index, entry in enumerate(entries):
            self.setTabText(index, tab_label(index, entry))
            self.setTabToolTip(index, str(entry.path))
        if current >= 0:
            self.setCurrentIndex(current)
        self.blockSignals(False)
        self.setVisible(len(entries) > 1)

    def show_entry(self, index: int, entry: DerivativeEntry) -> None:
        if 0 <= index < self.count():
            self.setTabText(index, tab_label(index, entry))


__all__ = ["DerivativeTabs", "tab_label"]
