"""HTML report → PDF through Qt's own rich-text printing (no browser, nothing fetched)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_MARGIN_MM = 15.0


def write_pdf(html_text: str, path: Path, title: str = "diffviewer report") -> None:
    """Lay the report out on A4 pages and write it atomically to `path` (needs a QGuiApplication)."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    os.close(fd)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(title)
        writer.setCreator("diffviewer")
        writer.setResolution(96)  # the report sizes text in CSS pixels: 96 of them to the inch
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)
        # Laid out on the page itself: measured at the writer's resolution, one page wide. (Left
        # to itself, print_() lays the text out for the screen's resolution and scales it down,
        # which filled barely half the width of A4.)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        document.setHtml(html_text)
        document.print_(writer)
        del writer  # flushes and closes the file
        if Path(temporary).stat().st_size == 0:
            raise OSError(f"{path}: the PDF could not be written")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_application: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Fonts and layout need a QGuiApplication; headless (no display), use the offscreen platform."""
    global _application
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication(["diffviewer"])
