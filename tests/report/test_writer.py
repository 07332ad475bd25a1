"""One report writer for the command line and the window: the format follows the request or the
file's extension, and every format writes what its renderer gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diffviewer.core.compare import compare
from diffviewer.report import text_report
from diffviewer.report.writer import ReportFormat, format_for, rendered, write_report
from tests.core.helpers import doc


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("r.json", ReportFormat.JSON),
        ("r.TXT", ReportFormat.TEXT),
        ("r.pdf", ReportFormat.PDF),
        ("r.diff", ReportFormat.UNIFIED),
        ("r.html", ReportFormat.HTML),
        ("report", ReportFormat.HTML),
    ],
)
def test_the_extension_chooses_the_format(name: str, expected: ReportFormat) -> None:
    assert format_for(Path(name)) is expected


def test_each_format_is_written_as_rendered(tmp_path: Path) -> None:
    comparisons = [compare(doc("The memo was rigorous."), doc("The memo was tough."))]
    for report in (ReportFormat.JSON, ReportFormat.TEXT, ReportFormat.HTML, ReportFormat.UNIFIED):
        path = tmp_path / f"r.{report}"
        write_report(comparisons, path, report)
        text = rendered(comparisons, report)
        assert path.read_bytes() == (text if isinstance(text, bytes) else text.encode("utf-8"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["format"] == "diffviewer-comparison"
    assert (tmp_path / "r.text").read_text(encoding="utf-8") == text_report.render(comparisons)
    with pytest.raises(ValueError):
        rendered(comparisons, ReportFormat.PDF)


def test_a_new_report_gets_ordinary_file_modes_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    import os
    import stat

    comparisons = [compare(doc("The memo was rigorous."), doc("The memo was tough."))]
    before = os.umask(0o022)
    try:
        fresh = tmp_path / "new.json"
        write_report(comparisons, fresh, ReportFormat.JSON)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # what the umask gives, not mkstemp's 0600
        kept = tmp_path / "kept.html"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        write_report(comparisons, kept, ReportFormat.HTML)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
        assert kept.read_text(encoding="utf-8") != "old"
    finally:
        os.umask(before)
