"""Code is drawn in a font whose characters all take the same width, whatever fontconfig says."""

from __future__ import annotations

from unittest.mock import patch

from PySide6.QtGui import QFont, QFontDatabase
from pytestqt.qtbot import QtBot

from diffviewer.gui import fonts
from diffviewer.gui.fonts import code_font, has_equal_advances


def test_the_code_font_has_equal_advances_at_the_size_asked(qtbot: QtBot) -> None:
    font = code_font(13)
    assert has_equal_advances(font)
    assert font.pointSize() == 13


def test_a_proportional_font_is_told_apart(qtbot: QtBot) -> None:
    proportional = [f for f in ("DejaVu Sans", "Liberation Sans", "Noto Sans") if f in QFontDatabase.families()]
    assert proportional, "a desktop has some proportional family"
    assert not has_equal_advances(QFont(proportional[0], 12))


def test_a_system_fixed_font_that_is_not_monospaced_gives_way_to_one_that_is(qtbot: QtBot) -> None:
    # As on a machine where "monospace" resolves to a proportional font.
    proportional = next(f for f in ("DejaVu Sans", "Liberation Sans", "Noto Sans") if f in QFontDatabase.families())
    with patch.object(fonts.QFontDatabase, "systemFont", return_value=QFont(proportional, 10)):
        font = code_font(11)
    assert font.family() != proportional
    assert font.family() in fonts.FALLBACK_FAMILIES
    assert has_equal_advances(font)
    assert font.pointSize() == 11
