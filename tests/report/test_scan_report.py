from __future__ import annotations

import json

import pytest

from diffviewer.report import json_report
from diffviewer.report.scan_report import listed, scan_html, scan_json, scan_text
from diffviewer.scan.model import Derivation, Finding, IndexSummary, QuoteCounts, ScanResult, SkippedFile


def _finding(path: str, share: float, derives: bool = True, kind: Derivation | None = Derivation.REWRITE) -> Finding:
    return Finding(
        path=path,
        derives=derives,
        derivation=kind if derives else None,
        share_of_original=share,
        share_from_original=share,
        original_verbatim=share / 2,
        original_reworded=share / 2,
        evidence=12.345678,
        paragraphs_linked=3,
        quotes=QuoteCounts(1, 0, 2),
        candidate_score=0.5,
    )


RESULT = ScanResult(
    original="reports/original.txt",
    findings=(
        _finding("a.txt", 0.9, kind=Derivation.COPY),
        _finding("b ü.txt", 0.3, kind=Derivation.EXCERPT),
        _finding("c.txt", 0.1, derives=False),
    ),
    skipped=(SkippedFile("bad.docx", "corrupt DOCX: not a valid zip archive"),),
    index=IndexSummary(documents=1200, paragraphs=30000, added=5, removed=1, unchanged=1195, location=None),
    candidates_compared=3,
)


def test_json_is_the_contract_and_the_stdlib_writes_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = scan_json(RESULT)
    report = json.loads(data)
    assert [d["path"] for d in report["derivatives"]] == ["a.txt", "b ü.txt"]
    assert report["derivatives"][1]["kind"] == "excerpt" and report["derivatives"][0]["evidence"] == 12.35
    assert [d["path"] for d in report["not_derived"]] == ["c.txt"] and report["not_derived"][0]["kind"] is None
    assert report["skipped"] == [{"path": "bad.docx", "reason": "corrupt DOCX: not a valid zip archive"}]
    assert report["collection"] == {
        "documents": 1200,
        "paragraphs": 30000,
        "read": 5,
        "unchanged": 1195,
        "removed": 1,
        "index": None,
    }
    monkeypatch.setattr(json_report, "orjson", None)
    assert scan_json(RESULT) == data


def test_filters_keep_the_best_first() -> None:
    assert [f.path for f in listed(RESULT, min_share=0.5)] == ["a.txt"]
    assert [f.path for f in listed(RESULT, top=1)] == ["a.txt"]
    assert json.loads(scan_json(RESULT, top=1))["derivatives"][0]["path"] == "a.txt"


def test_text_says_what_was_found_and_what_was_skipped() -> None:
    text = scan_text(RESULT)
    assert text.startswith("2 derivatives of original.txt among 1,200 documents (1 file could not be read)")
    assert "copy: holds 90% of the original" in text and "quotations: 1 verbatim, 2 unsourced" in text
    assert "skipped bad.docx: corrupt DOCX: not a valid zip archive" in text
    assert "\033[" not in text and "\033[1m" in scan_text(RESULT, colour=True)


def test_html_escapes_every_name_and_reason() -> None:
    hostile = ScanResult(
        original="<b>o</b>.txt",
        findings=(_finding('"><script>x()</script>', 0.8),),
        skipped=(SkippedFile("<i>s</i>", "<bad & worse>"),),
        index=RESULT.index,
    )
    page = scan_html(hostile)
    assert "<script>x()" not in page and "<b>o</b>" not in page and "<i>s</i>" not in page
    assert "&lt;bad &amp; worse&gt;" in page and "&quot;&gt;&lt;script&gt;" in page
