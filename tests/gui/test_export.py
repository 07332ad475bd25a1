"""File ▸ Export and Print from the window, with the current view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.report import writer
from tests.conftest import SAMPLES
from tests.gui.conftest import compared


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    compared(qtbot, window, lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "spun-copy.txt"))
    return window


def test_export_writes_each_format_from_its_extension(shown: MainWindow, tmp_path: Path) -> None:
    for name in ("r.html", "r.pdf", "r.json", "r.txt"):
        assert shown.export.export_to(tmp_path / name)
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert '<table class="blocks">' in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["format"] == "diffviewer-comparison"
    assert "[-" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert len(PdfReader(tmp_path / "r.pdf").pages) >= 2


def test_export_follows_the_inline_view(shown: MainWindow, tmp_path: Path) -> None:
    shown.inline_action.trigger()
    shown.export.export_to(tmp_path / "inline.html")
    report = (tmp_path / "inline.html").read_text(encoding="utf-8")
    assert '<div class="inline">' in report and '<table class="blocks">' not in report


def test_export_action_asks_where_and_adds_the_chosen_extension(
    shown: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(tmp_path / "report"), "JSON (*.json)"))
    )
    shown.export_action.trigger()
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["comparisons"]


def test_a_failed_export_is_a_message_and_the_window_carries_on(
    shown: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, content: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "write_atomically", full_disk)  # the writer the command line uses too
    assert not shown.export.export_to(tmp_path / "r.html")
    assert shown.message_bar.level is MessageLevel.ERROR
    assert "No space left on device" in shown.message_bar.text
    assert shown.comparison is not None


def test_print_lays_the_report_out_on_the_printer(shown: MainWindow, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    shown.export.print_to(printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) >= 1
    assert "Lilama" in " ".join((page.extract_text() or "") for page in reader.pages)


def test_the_pdf_report_uses_the_width_of_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    from diffviewer.core.compare import compare
    from diffviewer.formats import load
    from diffviewer.gui.pdf_export import write_pdf
    from diffviewer.report import html_report

    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    comparison = compare(load(samples / "original.txt"), load(samples / "spun-copy.txt"))
    write_pdf(html_report.render([comparison]), tmp_path / "r.pdf")
    page = PdfReader(tmp_path / "r.pdf").pages[1]
    width = float(page.mediabox.width)
    lefts: list[float] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            lefts.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    page.extract_text(visitor_text=seen)
    # Side-by-side text reaches well into the right half, and starts near the left margin.
    assert max(lefts) > 0.5 * width
    assert min(lefts) < 0.15 * width
