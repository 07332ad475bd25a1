"""The window is translatable for real: every string reaches pyside6-lupdate, the German
translation is complete and compiled, and a German user sees German."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.gui import translations
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.settings import Settings

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "resources" / "translations"
GERMAN = FOLDER / "diffviewer_de.ts"
_PLACEHOLDER = re.compile(r"%\d+|%p%|%n")


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} comes with PySide6"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_string_of_the_window_is_in_the_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "diffviewer" / "gui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    extracted, committed = set(_messages(fresh)), set(_messages(GERMAN))
    assert extracted, "lupdate found the window's strings"
    assert extracted - committed == set(), "run `make translations` (strings missing from the .ts)"
    assert committed - extracted == set(), "run `make translations` (strings the window no longer has)"


def test_the_german_translation_is_complete_and_keeps_placeholders() -> None:
    for (context, source), message in _messages(GERMAN).items():
        translation = message.find("translation")
        assert translation is not None and translation.text, (context, source)
        assert translation.get("type") != "unfinished", (context, source)
        assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation.text)), source


def test_the_compiled_translation_is_the_source_compiled(tmp_path: Path) -> None:
    compiled = tmp_path / "de.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(GERMAN), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (FOLDER / "diffviewer_de.qm").read_bytes(), "run `make translations`"


@pytest.fixture
def german(qtbot: QtBot) -> object:
    app = QApplication.instance()
    assert app is not None
    installed = translations.install(app, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield installed
    for translator in installed:
        app.removeTranslator(translator)


def test_a_german_user_sees_german(qtbot: QtBot, settings: Settings, pool: QThreadPool, german: object) -> None:
    window = MainWindow(settings, pool)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Datei" in menus and "&File" not in menus
    german_texts = {m.findtext("translation") for m in _messages(GERMAN).values()}
    english_texts = {source for _, source in _messages(GERMAN)}
    # Every action a menu or the tool bar shows is in German.
    shown = [a.text() for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text()]
    assert shown
    untranslated = [text for text in shown if text in english_texts and text not in german_texts]
    assert untranslated == []


def test_english_needs_no_translation(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    assert [
        t for t in translations.install(app, QLocale(QLocale.Language.English)) if "diffviewer" in t.filePath()
    ] == []


def test_counts_are_written_as_the_users_locale_writes_them(qtbot: QtBot) -> None:
    from diffviewer.gui.labels import fill, number

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert number(1234567) == "1.234.567"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert number(1234567) == "1,234,567"
    finally:
        QLocale.setDefault(before)
    # Placeholders are filled in one pass: a value holding "%1" is left as it is.
    assert fill("Comparing %1 with %2…", "a.txt", "100%1.txt") == "Comparing a.txt with 100%1.txt…"


def test_an_english_user_who_also_reads_german_gets_the_english_window(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None

    class EnglishFirst(QLocale):
        def uiLanguages(self, *_: object) -> list[str]:  # noqa: N802
            return ["en-GB", "de-DE"]

    installed = translations.install(app, EnglishFirst(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in installed:
        app.removeTranslator(translator)
    assert installed == []
