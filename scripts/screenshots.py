"""Take screenshots of the real window (offscreen) in a light and a dark palette.

    .venv/bin/python scripts/screenshots.py OUTDIR [ORIGINAL DERIVATIVE ...pairs]

Without pairs: the seed sample, 002 vs 003 and 002 vs 000. Each pair gives side-by-side and inline
shots in both palettes, scrolled to the first change. Always: a Python pair (code-light.png,
code-dark.png, and inline) and a Markdown pair shown as source (markdown-source-*.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: E402

from diffviewer.formats import MarkupView  # noqa: E402
from diffviewer.gui.app import application, demo_set  # noqa: E402
from diffviewer.gui.main_window import MainWindow  # noqa: E402
from diffviewer.gui.settings import Settings  # noqa: E402
from diffviewer.gui.view_mode import ViewMode  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

# A small module and its revision: `load_orders` renamed, a message reworded, `format_total`
# moved from the end to the top, one line added; tabs in one function, spaces elsewhere.
CODE_ORIGINAL = '''"""Orders: reading them, checking them, adding them up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TAX_RATE = 0.2  # applied to every line


@dataclass(frozen=True)
class Order:
    name: str
    price: float
    count: int = 1


def load_orders(path: Path) -> list[Order]:
	"""Read the orders from a JSON file."""
	with path.open(encoding="utf-8") as handle:
		return [Order(**item) for item in json.load(handle)]


def check(order: Order) -> None:
    if order.count <= 0:
        raise ValueError(f"order {order.name!r} has no items")
    if order.price < 0:
        raise ValueError("a price cannot be negative")


def total(orders: list[Order]) -> float:
    subtotal = sum(order.price * order.count for order in orders)
    return round(subtotal * (1 + TAX_RATE), 2)


def format_total(amount: float) -> str:
    return f"Total: {amount:.2f} EUR"
'''

CODE_DERIVATIVE = '''"""Orders: reading them, checking them, adding them up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TAX_RATE = 0.2  # applied to every line


def format_total(amount: float) -> str:
    return f"Total: {amount:.2f} EUR"


@dataclass(frozen=True)
class Order:
    name: str
    price: float
    count: int = 1


def read_orders(path: Path) -> list[Order]:
	"""Read the orders from a JSON file."""
	with path.open(encoding="utf-8") as handle:
		return [Order(**item) for item in json.load(handle)]


def check(order: Order) -> None:
    if order.count <= 0:
        raise ValueError(f"order {order.name!r} is empty: nothing to ship")
    if order.price < 0:
        raise ValueError("a price cannot be negative")


def total(orders: list[Order]) -> float:
    subtotal = sum(order.price * order.count for order in orders)
    tax = subtotal * TAX_RATE
    return round(subtotal + tax, 2)
'''

MARKDOWN_ORIGINAL = """# Release notes

The **harbour** module now reads *every* lantern log, see [the guide](docs/guide.md).

- Faster start-up
- Fewer `warnings` on load
"""

MARKDOWN_DERIVATIVE = """# Release notes

The **harbour** module reads *all* lantern logs, see [the guide](docs/guide.md).

- Faster start-up
- No `warnings` on load
- A dark theme
"""


def shoot_code(app: QApplication, store: QSettings, out: Path, theme: str) -> None:
    """A Python pair (side by side, then inline) and a Markdown pair read as source."""
    folder = Path(tempfile.mkdtemp())
    for name, text in (
        ("orders.py", CODE_ORIGINAL),
        ("orders_revised.py", CODE_DERIVATIVE),
        ("NOTES.md", MARKDOWN_ORIGINAL),
        ("NOTES-revised.md", MARKDOWN_DERIVATIVE),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    shots = (
        ("orders.py", "orders_revised.py", MarkupView.TEXT, "code"),
        ("NOTES.md", "NOTES-revised.md", MarkupView.SOURCE, "markdown-source"),
    )
    for original, derivative, markup, stem in shots:
        window = MainWindow(Settings(store), markup=markup)
        window.resize(1400, 900)
        window.show()
        window.open_paths(folder / original, folder / derivative)
        while window.is_busy:
            app.processEvents()
        shoot(window, app, out / f"{stem}-{theme}.png")
        window.view.set_mode(ViewMode.INLINE)
        shoot(window, app, out / f"{stem}-{theme}-inline.png")
        window.close()


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7ab8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Mid: "#555555",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def shoot(window: MainWindow, app: QApplication, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    rest = sys.argv[2:]
    pairs = list(zip(rest[::2], rest[1::2], strict=False)) or [
        (str(SAMPLES / "original.txt"), str(SAMPLES / "syndicated-rewrite.txt")),
        (str(SAMPLES / "original.txt"), str(SAMPLES / "spun-copy.txt")),
    ]
    app = application()
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    store = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    for theme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        for original, derivative in pairs:
            window = MainWindow(Settings(store))
            window.resize(1400, 900)
            window.show()
            window.open_paths(Path(original), Path(derivative))
            while window.is_busy:
                app.processEvents()
            stem = f"{Path(original).stem}-vs-{Path(derivative).stem}-{theme}"
            shoot(window, app, out / f"{stem}.png")
            window.view.next_change()
            window.view.next_change()
            shoot(window, app, out / f"{stem}-change.png")
            window.view.set_mode(ViewMode.INLINE)
            shoot(window, app, out / f"{stem}-inline.png")
            window.close()
        # The seed set: one original, four derivatives, the overview map beside the panes.
        window = MainWindow(Settings(store))
        window.resize(1500, 950)
        window.show()
        window.open_paths(*demo_set())
        while window.is_busy:
            app.processEvents()
        window.select_derivative(2)
        shoot(window, app, out / f"seed-set-overview-{theme}.png")
        window.close()
        shoot_code(app, store, out, theme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
