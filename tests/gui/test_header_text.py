"""Pane headers fit their width: the file name's middle gives way first, then the details, whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from diffviewer.gui.header_text import HeaderText, fit, fitted


def _advance(text: str) -> float:
    return float(len(text))  # one unit a character


def _elide_middle(text: str, room: float) -> str:
    if len(text) <= room:
        return text
    keep = max(0, int(room) - 1)
    return text[: (keep + 1) // 2] + "…" + text[len(text) - keep // 2 :] if keep else ""


HEADER = HeaderText("Original: ", "a-rather-long-report-name.html", " (HTML, 10 paragraphs)")


def test_a_header_that_fits_is_whole() -> None:
    assert fit(HEADER, _advance, _elide_middle, 200) == HEADER.whole


def test_the_name_gives_way_before_the_details() -> None:
    shown = fit(HEADER, _advance, _elide_middle, 50)
    assert shown.startswith("Original: a-r")
    assert shown.endswith(".html (HTML, 10 paragraphs)")  # the extension stays, and the details
    assert "…" in shown


def test_then_the_details_go_whole_never_half_a_bracket() -> None:
    shown = fit(HEADER, _advance, _elide_middle, 30)
    assert "(" not in shown and ")" not in shown
    assert shown.startswith("Original: ") and "…" in shown


@given(st.integers(min_value=0, max_value=120))
def test_brackets_always_balance_and_the_text_fits(width: int) -> None:
    shown = fit(HEADER, _advance, _elide_middle, width)
    assert shown.count("(") == shown.count(")")
    assert len(shown) <= max(width, 0)


def test_with_a_real_font(qtbot: QtBot) -> None:
    font = QFont()
    font.setBold(True)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance("Original: a-rather-lo…me.html (HTML, 10 paragraphs)")
    shown = fitted(HEADER, metrics, width)
    assert shown.endswith(" (HTML, 10 paragraphs)")
    assert metrics.horizontalAdvance(shown) <= width
