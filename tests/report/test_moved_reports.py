"""Moved phrases in the reports: a `moved` key in JSON, their own marks in text, linked ends in HTML."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from diffviewer.core.compare import compare
from diffviewer.core.model import Comparison
from diffviewer.report import html_report, json_report, text_report
from diffviewer.report.html_report import Layout
from tests.core.helpers import doc

QUOTE_FIRST = "“We will not back down,” the mayor told reporters at the town hall."
QUOTE_LAST = "The mayor told reporters at the town hall: “we will not back down.”"


def _moved_pair() -> Comparison:
    return compare(doc(QUOTE_FIRST), doc(QUOTE_LAST))


def test_json_marks_both_ends_of_a_moved_phrase_and_keeps_the_contract() -> None:
    data = json.loads(json_report.render([_moved_pair()]))
    (comparison,) = data["comparisons"]
    (block,) = comparison["blocks"]
    assert {c["op"] for c in block["changes"]} <= {"equal", "insert", "delete"}
    moved = [c for c in block["changes"] if "moved" in c]
    assert [(c["op"], c["text"], c["moved"]) for c in moved] == [
        ("delete", "We will not back down", 1),
        ("insert", "we will not back down", 1),
    ]
    # Both sides still rebuild from the changes, as the contract says.
    assert "".join(c["text"] for c in block["changes"] if c["op"] != "insert") == QUOTE_FIRST
    assert "".join(c["text"] for c in block["changes"] if c["op"] != "delete") == QUOTE_LAST
    assert comparison["stats"]["words_moved"] == 5


def test_text_report_marks_where_a_phrase_was_and_where_it_went() -> None:
    report = text_report.render([_moved_pair()])
    assert "[<moved 1: We will not back down>]" in report
    assert "{>moved 1: we will not back down<}" in report
    assert "(5 of them moved)" in report
    coloured = text_report.render([_moved_pair()], colour=True)
    assert "\x1b[38;5;36m[<moved 1: We will not back down>]\x1b[0m" in coloured


def test_html_links_the_two_ends_of_a_moved_phrase_in_both_layouts() -> None:
    for layout in Layout:
        page = BeautifulSoup(html_report.render([_moved_pair()], layout), "html.parser")
        (gone,) = page.select("del.mv")
        (came,) = page.select("ins.mv")
        assert gone.get_text() == "We will not back down" and came.get_text() == "we will not back down"
        assert gone["title"] == "moved: also in the derivative" and came["title"] == "moved from the original"
        assert gone["data-move"] == came["data-move"] == "1"
        # Each end links to the other, by ids unique in the report.
        assert gone.a is not None and came.a is not None
        assert gone.a["href"] == f"#{came['id']}" and came.a["href"] == f"#{gone['id']}"
        assert gone["id"] != came["id"]
        # A moved end is no half of a replacement.
        assert "rep" not in gone.get("class", []) and "rep" not in came.get("class", [])


def test_html_ids_stay_unique_across_derivatives() -> None:
    comparison = _moved_pair()
    page = BeautifulSoup(html_report.render([comparison, comparison]), "html.parser")
    ids = [tag["id"] for tag in page.select(".mv")]
    assert len(ids) == 4 and len(set(ids)) == 4


def test_html_escapes_the_text_of_a_moved_phrase() -> None:
    original = "<b>alpha & beta gamma</b> was here, said the clerk <i>today</i>."
    derivative = "Said the clerk <i>today</i>: <b>alpha & beta gamma</b> was here."
    comparison = compare(doc(original), doc(derivative))
    assert any(c.moved for block in comparison.blocks for c in block.changes)
    for layout in Layout:
        report = html_report.render([comparison], layout)
        page = BeautifulSoup(report, "html.parser")
        # Shown as text, never as markup (the report's own <b> says the similarity).
        assert not [tag for tag in page.find_all(["b", "i"]) if "clerk" in tag.get_text() or "today" in tag.get_text()]
        moved_text = " ".join(tag.get_text() for tag in page.select(".mv"))
        assert "&" in moved_text or "<" in moved_text
        assert "&lt;" in report and "&amp;" in report
        if layout is Layout.SIDE_BY_SIDE:  # each side, character for character
            cells = [td.get_text() for td in page.select("tr.block td") if "kind" not in td.get("class", [])]
            assert cells == [original, derivative]


def test_html_links_the_ends_of_a_sentence_moved_into_another_paragraph() -> None:
    from tests.core.test_moved import MOVED_ACROSS_DERIVATIVE, MOVED_ACROSS_ORIGINAL

    comparison = compare(doc(*MOVED_ACROSS_ORIGINAL), doc(*MOVED_ACROSS_DERIVATIVE))
    for layout in Layout:
        page = BeautifulSoup(html_report.render([comparison], layout), "html.parser")
        (gone,) = page.select("del.mv")
        (came,) = page.select("ins.mv")
        # In two blocks, and still each end links to the other.
        assert gone.find_parent(class_="block") is not came.find_parent(class_="block")
        assert gone.a is not None and came.a is not None
        assert gone.a["href"] == f"#{came['id']}" and came.a["href"] == f"#{gone['id']}"
    data = json.loads(json_report.render([comparison]))
    ends = [
        (n, c["op"], c["moved"])
        for n, b in enumerate(data["comparisons"][0]["blocks"])
        for c in b["changes"]
        if "moved" in c
    ]
    assert ends == [(1, "delete", 1), (4, "insert", 1)]
