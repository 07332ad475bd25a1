"""Writing a report in a chosen format: the one place the command line and the window both use."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path

from diffviewer.core.model import Comparison
from diffviewer.report import html_report, json_report, text_report, unified_report
from diffviewer.report.html_report import Layout
from diffviewer.report.output import write_atomically


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"
    UNIFIED = "unified"


# What a file's extension asks for (anything else: HTML, the report a browser shows).
_BY_SUFFIX = {
    ".json": ReportFormat.JSON,
    ".txt": ReportFormat.TEXT,
    ".text": ReportFormat.TEXT,
    ".pdf": ReportFormat.PDF,
    ".diff": ReportFormat.UNIFIED,
    ".patch": ReportFormat.UNIFIED,
}


def format_for(path: Path) -> ReportFormat:
    return _BY_SUFFIX.get(path.suffix.lower(), ReportFormat.HTML)


def rendered(
    comparisons: Sequence[Comparison], report: ReportFormat, layout: Layout = Layout.SIDE_BY_SIDE, colour: bool = False
) -> str | bytes:
    """The report's text (JSON as UTF-8 bytes: a book's report is tens of megabytes). Not PDF."""
    match report:
        case ReportFormat.JSON:
            return json_report.render_bytes(comparisons)
        case ReportFormat.HTML:
            return html_report.render(comparisons, layout)
        case ReportFormat.UNIFIED:
            return unified_report.render(comparisons)
        case ReportFormat.TEXT:
            return text_report.render(comparisons, colour=colour)
        case ReportFormat.PDF:
            raise ValueError("a PDF is written to a file: use write_report")


def streamed(
    comparisons: Sequence[Comparison], report: ReportFormat, layout: Layout = Layout.SIDE_BY_SIDE, colour: bool = False
) -> Iterator[bytes]:
    """The report as UTF-8, in pieces to write as they come (JSON a few hundred blocks at a time,
    so a book's report is never all in memory at once). Not PDF."""
    if report is ReportFormat.JSON:
        return json_report.chunks(comparisons)
    text = rendered(comparisons, report, layout, colour)
    return iter([text if isinstance(text, bytes) else text.encode("utf-8")])


def write_report(
    comparisons: Sequence[Comparison],
    path: Path,
    report: ReportFormat,
    layout: Layout = Layout.SIDE_BY_SIDE,
    colour: bool = False,
) -> None:
    """Write the report to `path` atomically (an interrupted write never leaves half a file over
    an old one). Raises OSError when it cannot be written. PDF needs a QGuiApplication."""
    if report is ReportFormat.PDF:
        from diffviewer.gui.pdf_export import ensure_gui_application, write_pdf  # Qt only for PDF

        ensure_gui_application()
        write_pdf(html_report.render(comparisons, layout), path)
        return
    write_atomically(path, streamed(comparisons, report, layout, colour))


__all__ = ["ReportFormat", "format_for", "rendered", "streamed", "write_report"]
