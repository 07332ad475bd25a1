"""The HTML report: complete for the seeds, self-contained, and safe against hostile document text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from diffviewer.core.compare import compare
from diffviewer.formats import load
from diffviewer.report import html_report
from diffviewer.report.html_report import Layout
from tests.conftest import SAMPLES
from tests.core.helpers import doc

DERIVATIVES = ["spun-copy.txt", "ai-rewrite.txt", "syndicated-rewrite.txt", "forum-comment.txt"]


@pytest.mark.parametrize("name", DERIVATIVES)
def test_seed_reports_have_summary_quotes_and_every_block(name: str) -> None:
    comparison = compare(load(SAMPLES / "original.txt"), load(SAMPLES / name))
    page = BeautifulSoup(html_report.render([comparison]), "html.parser")
    text = page.get_text(" ")
    assert f"Similarity {comparison.similarity:.0%}" in text
    assert "Quotations" in text and "kept word for word" in text
    assert len(page.select("tr.block")) == 2 * len(comparison.blocks)  # a caption row and a text row each
    assert not page.find_all("script")


def test_replacements_are_struck_and_underlined_in_pairs() -> None:
    comparison = compare(doc('The memo was "rigorous" about it.'), doc("The memo was “tough” about it."))
    page = BeautifulSoup(html_report.render([comparison]), "html.parser")
    assert [d.get_text() for d in page.select("del.rep")] == ["rigorous"]
    assert [i.get_text() for i in page.select("ins.rep")] == ["tough"]


def test_hostile_document_text_is_shown_not_run() -> None:
    hostile = [
        "<script>alert('owned')</script>",
        "</td></tr></table><h1>Injected</h1>",
        '"><img src=x onerror=alert(1)>',
        "<style>body{display:none}</style> & friends",
    ]
    comparison = compare(doc(*hostile, path="<evil>.txt"), doc(*(h + " again" for h in hostile)))
    for layout in Layout:
        report = html_report.render([comparison], layout)
        page = BeautifulSoup(report, "html.parser")
        assert not page.find_all(["script", "img", "h1"]) or [h.get_text() for h in page.find_all("h1")] == [
            page.find("h1").get_text()  # type: ignore[union-attr]
        ]
        assert not page.find_all("script") and not page.find_all("img")
        assert len(page.find_all("style")) == 1  # only the report's own
        assert "Injected" not in " ".join(h.get_text() for h in page.find_all(["h1", "h2"]))
        text = page.get_text()
        for piece in hostile:
            assert piece in text  # shown as text, character for character
        assert report.count("<table") == report.count("</table>")


def test_report_is_self_contained() -> None:
    comparison = compare(load(SAMPLES / "original.txt"), load(SAMPLES / "syndicated-rewrite.txt"))
    report = html_report.render([comparison], Layout.INLINE)
    page = BeautifulSoup(report, "html.parser")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in str(csp.get("content"))
    assert not page.find_all(["link", "script", "img", "iframe", "object"])
    # Links only within the page (a moved phrase's two ends link to each other).
    assert not [tag for tag in page.find_all(True) if tag.get("src") or not str(tag.get("href", "#")).startswith("#")]
    assert "break-inside: avoid" in report  # printable: blocks never split across pages
    assert len(page.select("div.block")) == len(comparison.blocks)


def test_the_title_names_the_document_once() -> None:
    from tests.core.helpers import doc as make

    original = make("The memo was rigorous.", path="/x/original.txt")
    titled = type(original)(original.path, original.format, original.paragraphs, title="Harbour report")
    page = BeautifulSoup(html_report.render([compare(titled, make("The memo was tough."))]), "html.parser")
    assert page.h1.get_text() == "How “Harbour report” was reworded"
    assert page.title.get_text() == "How Harbour report was reworded — diffviewer"
    assert page.get_text().count("original.txt") == 1  # the path, once, below the heading
