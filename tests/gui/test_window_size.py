"""The first window fits the screen it opens on, and nothing in it is cut off at that size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QThreadPool
from PySide6.QtGui import QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from diffviewer.gui.app import demo_set
from diffviewer.gui.header_text import fitted
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from diffviewer.gui.settings import Settings
from diffviewer.gui.window_layout import first_run_geometry
from tests.gui.conftest import COMPARE_TIMEOUT_MS

SCREENS = [QRect(0, 0, 1600, 1000), QRect(0, 0, 1280, 720), QRect(0, 0, 800, 800)]
# The least width each text column keeps at that screen's first-run size.
COLUMN_WIDTH = {1600: 380, 1280: 300, 800: 200}


def test_the_first_window_takes_most_of_the_screen_centred() -> None:
    assert first_run_geometry(QRect(0, 0, 1600, 1000)) == QRect(80, 50, 1440, 900)
    assert first_run_geometry(QRect(0, 0, 1280, 720)) == QRect(64, 36, 1152, 648)
    # A huge screen gets a large window, not a huge one; the screen's offset is kept.
    assert first_run_geometry(QRect(1920, 0, 3840, 2160)) == QRect(1920 + 1020, 480, 1800, 1200)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def test_at_first_run_size_nothing_is_cut_off(
    qtbot: QtBot, settings: Settings, pool: QThreadPool, screen: QRect
) -> None:
    window = MainWindow(settings, pool)
    qtbot.addWidget(window)
    window.setGeometry(first_run_geometry(screen))
    window.show()
    qtbot.waitExposed(window)
    original, *derivatives = demo_set()
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
        window.open_paths(original, *derivatives)
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    # The colour legend shows every label whole (in as many rows as the width needs).
    assert window.legend.width() >= window.legend.sizeHint().width()
    assert window.legend.height() >= window.legend.sizeHint().height()
    assert window.legend.visibleRegion().boundingRect() == window.legend.rect()
    # The window stays on the screen, with room for reading.
    assert window.frameGeometry().height() <= screen.height() and window.width() <= screen.width()
    # The panels beside them never take the text columns' room (a wide check box once did).
    assert window.view.text_column_width(Side.ORIGINAL) >= COLUMN_WIDTH[screen.width()]
    assert window.view.text_column_width(Side.DERIVATIVE) >= COLUMN_WIDTH[screen.width()]
    # Each tab names its derivative whole.
    names = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    assert len(names) == len(derivatives) and all("…" not in name for name in names)
    # At 1600 px the pane header is whole; narrower, it never cuts the brackets in two.
    bold = QFont(window.view.font())
    bold.setBold(True)
    header = window.view.header_text(Side.ORIGINAL)
    shown = fitted(header, QFontMetricsF(bold), window.view.text_column_width(Side.ORIGINAL) - 16)
    assert shown.count("(") == shown.count(")")
    if screen.width() >= 1600:
        assert shown == header.whole


def test_the_panels_keep_their_width_from_one_comparison_to_the_next(
    qtbot: QtBot, settings: Settings, pool: QThreadPool
) -> None:
    window = MainWindow(settings, pool)
    qtbot.addWidget(window)
    window.setGeometry(first_run_geometry(QRect(0, 0, 1600, 1000)))
    window.show()
    qtbot.waitExposed(window)
    original, *derivatives = demo_set()
    widths = []
    for derivative in derivatives:  # short and long summaries, with and without changed names
        with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
            window.open_paths(original, derivative)
        qtbot.wait(20)
        widths.append((window.summary_dock.width(), window.view.text_column_width(Side.ORIGINAL)))
    assert len(set(widths)) == 1, widths
