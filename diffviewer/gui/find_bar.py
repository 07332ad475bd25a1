"""Find in both documents (Ctrl+F): every match marked, Enter/F3 steps through them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from diffviewer.gui.comparison_view import ComparisonView


class FindBar(QWidget):
    def __init__(self, view: ComparisonView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Text in either document"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.on_text_changed)
        self.field.returnPressed.connect(self.find_next)
        layout.addWidget(self.field, 1)
        previous = QToolButton(self)
        previous.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.clicked.connect(self.find_previous)
        following = QToolButton(self)
        following.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        following.setToolTip(self.tr("Next match (F3)"))
        following.clicked.connect(self.find_next)
        layout.addWidget(previous)
        layout.addWidget(following)
        self.case_sensitive = QCheckBox(self.tr("Match case"), self)
        self.case_sensitive.toggled.connect(self.on_text_changed)
        layout.addWidget(self.case_sensitive)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        view.layout_changed.connect(self.on_content_changed)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.on_text_changed()

    def close_bar(self) -> None:
        self.hide()
        self._view.set_find_text("")
        self._view.setFocus()

    def on_text_changed(self, *_: object) -> None:
        count = self._view.set_find_text(self.field.text(), self.case_sensitive.isChecked())
        if not self.field.text():
            self.count_label.setText("")
        elif count == 0:
            self.count_label.setText(self.tr("No matches"))
        else:
            self._view.find_step(forward=True)
            self._show_position()

    def on_content_changed(self) -> None:
        # A new comparison or layout: matches are recomputed for what is now shown.
        if self.isVisible() and self.field.text() and self._view.find_match_count == 0:
            self.on_text_changed()

    def find_next(self) -> None:
        if self._view.find_step(forward=True) >= 0:
            self._show_position()

    def find_previous(self) -> None:
        if self._view.find_step(forward=False) >= 0:
            self._show_position()

    def _show_position(self) -> None:
        self.count_label.setText(
            self.tr("%1 of %2")
            .replace("%1", str(self._view.current_match + 1))
            .replace("%2", str(self._view.find_match_count))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
