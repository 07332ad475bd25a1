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
