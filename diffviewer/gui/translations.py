"""The window in the user's language: diffviewer's own translation and Qt's, for the system locale.

Translations live in resources/translations as Qt Linguist files: `diffviewer_<lang>.ts` (the
source, kept up to date by `make translations`, which runs pyside6-lupdate over the GUI) and the
`.qm` that pyside6-lrelease compiles from it, which is what is loaded.

The source strings are English, but a count has one source string ("%Ln paragraphs") and English
two forms of it: `plurals_en.ts` holds just those forms (pyside6-lupdate -pluralonly), loaded for
whoever reads the English window, English users and those of a language with no translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from diffviewer.resources import resource

DOMAIN = "diffviewer"
ENGLISH_PLURALS = "plurals_en"  # .qm of the English plural forms, in the translations folder


def translations_folder() -> str:
    return str(resource("translations"))


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for `locale` (the system's by default) that exist; return them
    (the application must keep them alive). English, and a language diffviewer has no
    translation for, get the English plural forms alone: the other source strings are English."""
    locale = locale or QLocale.system()
    # The user's first language decides: QTranslator would otherwise go down the list of their
    # languages and give an English user who also reads German the German window.
    languages = locale.uiLanguages()
    first = QLocale(languages[0]) if languages else locale
    installed: list[QTranslator] = []
    translated = False
    if first.language() not in (QLocale.Language.English, QLocale.Language.C):
        # Qt's own strings (standard dialogs, context menus), then diffviewer's.
        for name, folder in (
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (DOMAIN, translations_folder()),
        ):
            translator = QTranslator(app)
            if translator.load(first, name, "_", folder) and app.installTranslator(translator):
                installed.append(translator)
                translated = translated or name == DOMAIN
    if not translated:
        plurals = QTranslator(app)
        if plurals.load(ENGLISH_PLURALS, translations_folder()) and app.installTranslator(plurals):
            installed.append(plurals)
    return installed


__all__ = ["DOMAIN", "ENGLISH_PLURALS", "install", "translations_folder"]
