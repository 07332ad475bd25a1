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
from diffviewer.gui.rows import Side
from diffviewer.gui.settings import Settings
from tests.gui.conftest import compared, write

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "resources" / "translations"
GERMAN = FOLDER / "diffviewer_de.ts"
ENGLISH_PLURALS = FOLDER / f"{translations.ENGLISH_PLURALS}.ts"
_PLACEHOLDER = re.compile(r"%\d+|%p%|%L?n")


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


def _extracted(tmp_path: Path, *options: str) -> set[tuple[str, str]]:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "diffviewer" / "gui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *options, "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    return set(_messages(fresh))


def _translations(message: ET.Element) -> list[str]:
    """A message's translation, or each of its plural forms."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_string_of_the_window_is_in_the_translation(tmp_path: Path) -> None:
    extracted, committed = _extracted(tmp_path), set(_messages(GERMAN))
    assert extracted, "lupdate found the window's strings"
    assert extracted - committed == set(), "run `make translations` (strings missing from the .ts)"
    assert committed - extracted == set(), "run `make translations` (strings the window no longer has)"


@pytest.mark.parametrize("ts", [GERMAN, ENGLISH_PLURALS], ids=["de", "plurals_en"])
def test_each_translation_is_complete_and_keeps_placeholders(ts: Path) -> None:
    for (context, source), message in _messages(ts).items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", (context, source)
        texts = _translations(message)
        # German and English both have a singular and a plural.
        assert len(texts) == (2 if message.get("numerus") == "yes" else 1), source
        for text in texts:
            assert text, (context, source)
            assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(text)), source


def test_every_count_of_the_window_has_its_english_plural_forms(tmp_path: Path) -> None:
    plurals = _extracted(tmp_path, "-pluralonly")
    assert plurals, "counts go through tr(text, '', n)"
    assert plurals == set(_messages(ENGLISH_PLURALS)), (
        "update resources/translations/plurals_en.ts: pyside6-lupdate -pluralonly -no-obsolete -locations none "
        "-source-language en -target-language en diffviewer/gui/*.py -ts resources/translations/plurals_en.ts"
    )
    assert all(
        message.get("numerus") == "yes"
        for message in _messages(GERMAN).values()
        if "%n" in (message.findtext("source") or "").replace("%Ln", "%n")
    ), "every count in the German translation has plural forms"
    # No count spelled the English way: "paragraph(s)", or "1 paragraph" beside "%1 paragraphs".
    english_counts = re.compile(r"\(s\)|(^|\s)1 [a-z]")
    assert [source for _, source in _extracted(tmp_path) if english_counts.search(source)] == []


@pytest.mark.parametrize("ts", [GERMAN, ENGLISH_PLURALS], ids=["de", "plurals_en"])
def test_the_compiled_translation_is_the_source_compiled(tmp_path: Path, ts: Path) -> None:
    compiled = tmp_path / "compiled.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"


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


def test_english_needs_only_its_plural_forms(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    installed = translations.install(app, QLocale(QLocale.Language.English))
    for translator in installed:
        app.removeTranslator(translator)
    assert [Path(t.filePath()).name for t in installed] == [f"{translations.ENGLISH_PLURALS}.qm"]


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
    assert [Path(t.filePath()).name for t in installed] == [f"{translations.ENGLISH_PLURALS}.qm"]


def test_a_language_without_a_translation_reads_english_with_its_plural_forms(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    installed = translations.install(app, QLocale(QLocale.Language.Icelandic, QLocale.Country.Iceland))
    for translator in installed:
        app.removeTranslator(translator)
    assert f"{translations.ENGLISH_PLURALS}.qm" in [Path(t.filePath()).name for t in installed]


def _one_and_two_paragraphs(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[str, str]:
    original = write(tmp_path / "one.txt", "The harbour lanterns burn all night.")
    # One paragraph added, the other kept: one change.
    derivative = write(tmp_path / "two.txt", "The harbour lanterns burn all night.", "Orchards line the river.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    return window.view.header_label(Side.ORIGINAL), window.view.header_label(Side.DERIVATIVE)


def test_a_german_window_counts_in_german_singular_and_plural(
    qtbot: QtBot, settings: Settings, pool: QThreadPool, german: object, tmp_path: Path
) -> None:
    window = MainWindow(settings, pool)
    qtbot.addWidget(window)
    one, two = _one_and_two_paragraphs(qtbot, window, tmp_path)
    assert one.endswith("(Klartext, 1 Absatz)") and two.endswith("(Klartext, 2 Absätze)")
    assert window.change_counter.text() == "1 Änderung"


def test_an_english_window_counts_in_english_singular_and_plural(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    one, two = _one_and_two_paragraphs(qtbot, window, tmp_path)
    assert one.endswith("(plain text, 1 paragraph)") and two.endswith("(plain text, 2 paragraphs)")
    assert window.change_counter.text() == "1 change"
