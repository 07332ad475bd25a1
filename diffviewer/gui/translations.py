"""The window in the user's language: diffviewer's own translation and Qt's, for the system locale.

Translations live in resources/translations as Qt Linguist files: `diffviewer_<lang>.ts` (the
source, kept up to date by `make translations`, which runs pyside6-lupdate over the GUI) and the
`.qm` that pyside6-lrelease compiles from it, which is what is loaded. English needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from diffviewer.resources import resource

DOMAIN = "diffviewer"


def translations_folder() -> str:
    return str(resource("translations"))


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for `locale` (the system's by default) that exist; return them
    (the application must keep them alive). Nothing is installed for English or an unknown
    language: the source strings are English."""
    locale = locale or QLocale.system()
    # The user's first language decides: QTranslator would otherwise go down the list of their
    # languages and give an English user who also reads German the German window.
    languages = locale.uiLanguages()
    first = QLocale(languages[0]) if languages else locale
    if first.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    locale = first
    installed: list[QTranslator] = []
    # Qt's own strings (standard dialogs, context menus), then diffviewer's.
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (DOMAIN, translations_folder()),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed


__all__ = ["DOMAIN", "install", "translations_folder"]
