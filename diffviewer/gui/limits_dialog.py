"""View ▸ Limits…: how big a file and how many paragraphs are compared without asking."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from diffviewer.gui.settings import MAX_FILE_MEGABYTES, MAX_PARAGRAPHS, Settings


class LimitsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Limits"))
        self._settings = settings
        form = QFormLayout(self)
        explanation = QLabel(
            self.tr("Documents past these limits are not compared until you choose to go on anyway."), self
        )
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.megabytes = QSpinBox(self)
        self.megabytes.setRange(1, MAX_FILE_MEGABYTES)
        self.megabytes.setSuffix(self.tr(" MB"))
        self.megabytes.setValue(settings.max_file_megabytes)
        form.addRow(self.tr("Largest file:"), self.megabytes)
        self.paragraphs = QSpinBox(self)
        self.paragraphs.setRange(1, MAX_PARAGRAPHS)
        self.paragraphs.setGroupSeparatorShown(True)
        self.paragraphs.setValue(settings.max_paragraphs)
        form.addRow(self.tr("Maximum paragraphs:"), self.paragraphs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self._settings.max_file_megabytes = self.megabytes.value()
        self._settings.max_paragraphs = self.paragraphs.value()
        super().accept()
