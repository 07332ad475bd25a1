"""Starting the window: the QApplication, its identity, and what the command line asked to open."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from diffviewer import __version__
from diffviewer.formats import MarkupView
from diffviewer.gui import translations
from diffviewer.gui.main_window import MainWindow, application_icon

DEMO_ORIGINAL = "original.txt"
# The syndicated rewrite first: it is the one shown; the other derivatives fill the overview.
DEMO_DERIVATIVES = ("syndicated-rewrite.txt", "spun-copy.txt", "ai-rewrite.txt", "forum-comment.txt")


def demo_paths() -> tuple[Path, Path]:
    """The bundled sample's canonical pair: the seed article and its syndicated rewrite."""
    original, first, *_ = demo_set()
    return original, first


def demo_set() -> list[Path]:
    """The bundled sample: the seed article, then each of its derivatives."""
    from diffviewer.resources import resource

    return [Path(str(resource("samples", name))) for name in (DEMO_ORIGINAL, *DEMO_DERIVATIVES)]


GUI_SWITCH_INTERVAL_SECONDS = 0.001


def application(argv: Sequence[str] | None = None) -> QApplication:
    # Comparisons run in worker threads that hold the interpreter lock; every Qt call the GUI
    # thread makes while painting hands the lock over and waits up to this long to get it back.
    # Python's 5 ms default made painting a big document's overview take seconds during a
    # comparison; 1 ms keeps the window smooth and costs the workers next to nothing.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_SECONDS)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("diffviewer")
    app.setApplicationDisplayName("diffviewer")
    app.setOrganizationName("diffviewer")
    app.setOrganizationDomain("diffviewer.org")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.diffviewer.DiffViewer")
    app.setWindowIcon(application_icon())
    # The window in the system's language where a translation exists (German ships).
    app.setProperty("translators", translations.install(app))
    return app


def run(
    files: Sequence[str], demo: bool = False, quit_after_ms: int | None = None, markup: MarkupView | None = None
) -> int:
    """Open the window. `markup`: the command line's `--markup` (None: the remembered choice)."""
    app = application()
    window = MainWindow(markup=markup)
    window.show()
    if demo:
        window.open_paths(*demo_set())
    elif files:
        window.open_paths(*(Path(f) for f in files))
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, window.close)
    launched = os.environ.get("DIFFVIEWER_LAUNCHED_AT")
    if launched:
        _report_first_paint(window, float(launched))
    return app.exec()


def _report_first_paint(window: MainWindow, launched: float) -> None:
    """For benchmarks/gui_speed.py: print when the first comparison has been painted."""

    def on_comparison_finished(comparison: object) -> None:
        if comparison is None:
            return
        window.comparison_finished.disconnect(on_comparison_finished)
        window.view.viewport().repaint()
        print(f"first-paint-ms {(time.time() - launched) * 1000:.0f}", file=sys.stderr, flush=True)

    window.comparison_finished.connect(on_comparison_finished)
