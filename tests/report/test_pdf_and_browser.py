"""PDF reports read back with pypdf; the HTML report rendered by a real browser (Debian's chromium)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import SAMPLES

ORIGINAL = SAMPLES / "original.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "diffviewer", *args], capture_output=True, text=True, timeout=180)


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pdf_of_a_short_pair_is_one_page_with_the_findings(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved the harbour budget on Monday.\n", encoding="utf-8")
    b.write_text("The council approved the harbour budget on Tuesday.\n", encoding="utf-8")
    result = run("compare", str(a), str(b), "--format", "pdf", "-o", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "r.pdf")
    assert len(reader.pages) == 1
    text = _text(reader)
    assert "Similarity" in text and "Monday" in text and "Tuesday" in text


def test_pdf_of_a_long_pair_spans_pages_and_keeps_all_text(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n} tells of harbour{n} lanterns and orchard{n} grants in detail." for n in range(240)]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(paragraphs), encoding="utf-8")
    b.write_text("\n\n".join(p.replace("detail", "depth") for p in paragraphs), encoding="utf-8")
    result = run("compare", str(a), str(b), "--format", "pdf", "--layout", "inline", "-o", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "r.pdf")
    # 240 blocks of two short lines each: more than a few A4 pages, far fewer than one per block.
    assert 4 <= len(reader.pages) <= 40
    text = _text(reader)
    assert "harbour0" in text and "harbour239" in text


def test_pdf_needs_an_output_file() -> None:
    result = run("compare", str(ORIGINAL), str(SAMPLES / "spun-copy.txt"), "--format", "pdf")
    assert result.returncode == 2
    assert "needs -o" in result.stderr


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = run("compare", str(ORIGINAL), str(SAMPLES / "spun-copy.txt"), "--format", "html", "-o", str(report))
    assert result.returncode == 0, result.stderr
    shot = tmp_path / "report.png"
    browser = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,2000",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists(), browser.stderr
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, highlights and rules were drawn
    # The deleted-word tint (vermillion wash) appears somewhere on the page.
    assert any(abs(r - 0xF3) < 12 and abs(g - 0xCF) < 12 and abs(b - 0xB3) < 12 for _, (r, g, b) in colours)
    keep = Path("/tmp/diffviewer-report-chromium.png")
    keep.write_bytes(shot.read_bytes())  # kept for a person to look at
