"""Guards against a Qt binding release that breaks the text layout we paint with."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QTextLayout
from pytestqt.qtbot import QtBot


def test_text_layout_keeps_reference_counts(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped a reference to None on each beginLayout/endLayout, which crashes the
    # interpreter at exit on Python 3.11 (pyproject pins below it); this catches a repeat.
    layout = QTextLayout("a few words", QFont())
    before = sys.getrefcount(None)
    for _ in range(200):
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
    assert sys.getrefcount(None) >= before
