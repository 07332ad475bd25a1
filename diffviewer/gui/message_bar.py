"""A dismissable strip above the panes for errors and notices: never a modal box, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget


class MessageLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_TINTS = {MessageLevel.INFO: (0, 114, 178), MessageLevel.WARNING: (230, 159, 0), MessageLevel.ERROR: (213, 94, 0)}
_ICONS = {
    MessageLevel.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    MessageLevel.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    MessageLevel.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(self)
        self._action.hide()
        self._action.clicked.connect(self.on_action_clicked)
        self._on_action: Callable[[], None] | None = None
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action)
        layout.addWidget(close)
        self.level = MessageLevel.INFO
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    @property
    def action_button(self) -> QPushButton:
        return self._action

    def on_action_clicked(self) -> None:
        callback = self._on_action
        self.hide()
        if callback is not None:
            callback()

    def show_message(
        self,
        text: str,
        level: MessageLevel = MessageLevel.INFO,
        action: str = "",
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show one line; with `action`, a button offering what the user can do about it."""
        self.level = level
        self._text.setText(text)
        self._on_action = on_action
        self._action.setText(action)
        self._action.setVisible(bool(action) and on_action is not None)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(size, size))
        palette = self.palette()
        base = QPalette().color(QPalette.ColorRole.Window)
        red, green, blue = _TINTS[level]
        # A light wash of the level's colour over the window colour: readable in light and dark themes.
        mix = QColor(
            round(base.red() * 0.8 + red * 0.2),
            round(base.green() * 0.8 + green * 0.2),
            round(base.blue() * 0.8 + blue * 0.2),
        )
        palette.setColor(QPalette.ColorRole.Window, mix)
        self.setPalette(palette)
        self.show()
