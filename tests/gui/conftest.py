from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.gui import translations
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.settings import Settings

COMPARE_TIMEOUT_MS = 30_000


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    own = QThreadPool()
    yield own
    own.waitForDone(COMPARE_TIMEOUT_MS)


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, pool: QThreadPool) -> MainWindow:
    main = MainWindow(settings, pool)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


def write(path: Path, *paragraphs: str) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def compared(qtbot: QtBot, window: MainWindow, action: object) -> object:
    """Run `action` (a callable) and wait until the window reports the comparison it started."""
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS) as blocker:
        action()  # type: ignore[operator]
    return blocker.args[0] if blocker.args else None


def drop_files(widget: object, paths: list[Path], position: QPointF) -> bool:
    """Drag local files over `widget` and drop them at `position`, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(round(position.x()), round(position.y())),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)  # type: ignore[arg-type]
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)  # type: ignore[arg-type]
    return drop.isAccepted()


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp: QApplication) -> Iterator[None]:
    """The English plural forms, installed as the application installs them (gui/app.py): the
    window reads "1 paragraph", not "1 paragraphs". A test installing German puts it on top."""
    installed = translations.install(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
