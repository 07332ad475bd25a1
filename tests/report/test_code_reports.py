"""Reports of code comparisons: syntax colours in HTML under the diff marks, lines in the unified diff."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from diffviewer.core.compare import compare
from diffviewer.core.model import Comparison
from diffviewer.formats import load
from diffviewer.report import html_report, text_report, unified_report
from diffviewer.report.html_report import Layout
from tests.conftest import SAMPLES
from tests.core.helpers import code

DATA = Path(__file__).resolve().parents[1] / "data" / "code"


def python_pair() -> Comparison:
    return compare(load(DATA / "original.py"), load(DATA / "derivative.py"))


class _Nesting(HTMLParser):
    """Checks that every end tag closes the innermost open element (no overlapping tags)."""

    VOID = frozenset({"meta", "br", "img", "link", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def assert_well_nested(report: str) -> None:
    checker = _Nesting()
    checker.feed(report)
    checker.close()
    assert checker.errors == [] and checker.stack == []


class _CellText(HTMLParser):
    """The exact text of each block cell (BeautifulSoup folds whitespace-only strings to one newline,
    which would hide lost indentation)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td" and ("class", "kind") not in attrs:
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.current is not None:
            self.cells.append("".join(self.current))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def cell_texts(report: str) -> list[str]:
    parser = _CellText()
    parser.feed(report)
    parser.close()
    return parser.cells


def cells(report: str) -> list[tuple[Tag, Tag]]:
    page = BeautifulSoup(report, "html.parser")
    rows = [row for row in page.select("tr.block") if not row.select("td.kind")]
    return [(row.find_all("td")[0], row.find_all("td")[1]) for row in rows]


def test_code_cells_carry_pygments_classes_and_both_stylesheets() -> None:
    report = html_report.render([python_pair()])
    page = BeautifulSoup(report, "html.parser")
    (style,) = page.find_all("style")
    css = style.get_text()
    # The light style ("default") and, for dark systems, the dark one ("github-dark").
    assert ".code span.k { color: #008000; font-weight: bold }" in css
    dark = css[css.index("@media (prefers-color-scheme: dark) {\n  .code span[class]") :]
    assert ".code span.k { color: #FF7B72 }" in dark  # after the reset of the light colours
    assert "white-space: pre-wrap" in css and "monospace" in css
    # Inside a change the normal text colour wins.
    assert ".code del span[class], .code ins span[class] { color: inherit;" in css
    assert page.select("td.code") and len(page.select("td.code")) == 2 * len(python_pair().blocks)
    keywords = [span.get_text() for span in page.select("td.code span.k")]
    assert "def" in keywords and "return" in keywords
    assert {"nf", "k", "p"} <= {cls for span in page.select("td.code span") for cls in span.get("class", [])}


def test_cells_keep_lines_and_indentation_and_round_trip() -> None:
    comparison = python_pair()
    texts = cell_texts(html_report.render([comparison]))
    assert len(texts) == 2 * len(comparison.blocks)
    for block, left, right in zip(comparison.blocks, texts[::2], texts[1::2], strict=True):
        assert left == "\n".join(comparison.original.paragraphs[i].text for i in block.original)
        assert right == "\n".join(comparison.derivative.paragraphs[j].text for j in block.derivative)
    assert "\n    for item in items:\n        subtotal +=" in texts[4]


@pytest.mark.parametrize("layout", list(Layout))
def test_marks_and_token_spans_nest_without_overlapping(layout: Layout) -> None:
    report = html_report.render([python_pair()], layout)
    assert_well_nested(report)
    page = BeautifulSoup(report, "html.parser")
    for mark in page.find_all(["del", "ins"]):
        assert mark.parent is not None and mark.parent.name in ("td", "div")  # never inside a token span
        assert not mark.find_all(["del", "ins"])


def test_a_change_inside_a_string_cuts_the_string_span() -> None:
    comparison = compare(code('say("hello old world")'), code('say("hello new world")'))
    left, right = cells(html_report.render([comparison]))[0]
    assert [(s.get_text(), s.get("class")) for s in left.find_all("span", recursive=False)] == [
        ("say", ["n"]),
        ("(", ["p"]),
        ('"hello ', ["s2"]),  # one string token, cut where the change starts...
        (' world"', ["s2"]),  # ...and where it ends
        (")", ["p"]),
    ]
    (deleted,) = left.find_all("del")
    assert [(s.get_text(), s.get("class")) for s in deleted.find_all("span")] == [("old", ["s2"])]
    (inserted,) = right.find_all("ins")
    assert [(s.get_text(), s.get("class")) for s in inserted.find_all("span")] == [("new", ["s2"])]


def test_a_change_across_tokens_holds_each_token_span() -> None:
    comparison = compare(code("total = compute(alpha)\nprint(total)"), code("total = other[beta]\nprint(total)"))
    left, right = cells(html_report.render([comparison]))[0]
    (deleted,) = left.find_all("del")
    assert deleted.get_text() == "compute(alpha)"
    assert [s.get("class") for s in deleted.find_all("span")] == [["n"], ["p"], ["n"], ["p"]]
    (inserted,) = right.find_all("ins")
    assert inserted.get_text() == "other[beta]"


def test_hostile_code_is_escaped() -> None:
    hostile = [
        'x = "</td></tr></table><script>alert(1)</script>"',
        "# </style><img src=x onerror=alert(2)>",
        "y = '<!--' + \"&amp;\" + '-->'",
    ]
    changed = [line.replace("alert", "prompt") for line in hostile]
    comparison = compare(code(*hostile, path="<evil>.py"), code(*changed))
    for layout in Layout:
        report = html_report.render([comparison], layout)
        page = BeautifulSoup(report, "html.parser")
        assert not page.find_all(["script", "img"])
        assert len(page.find_all("style")) == 1
        assert report.count("<table") == report.count("</table>")
        assert_well_nested(report)
        if layout is Layout.SIDE_BY_SIDE:  # each side whole, character for character
            assert cell_texts(report) == [text for pair in zip(hostile, changed, strict=True) for text in pair]
    csp = BeautifulSoup(html_report.render([comparison]), "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    assert csp is not None and "default-src 'none'" in str(csp.get("content"))


def test_inline_layout_colours_each_side_from_its_own_text() -> None:
    comparison = compare(
        code("value = 1", "def f():\n    return value"), code("value = 2", "def f():\n    return value")
    )
    page = BeautifulSoup(html_report.render([comparison], Layout.INLINE), "html.parser")
    block = page.select("div.block.code")[0]
    assert [s.get_text() for s in block.select("del span.mi")] == ["1"]
    assert [s.get_text() for s in block.select("ins span.mi")] == ["2"]
    assert block.select("span.n")[0].get_text() == "value"


def test_prose_reports_carry_no_code_styles() -> None:
    comparison = compare(load(SAMPLES / "original.txt"), load(SAMPLES / "spun-copy.txt"))
    report = html_report.render([comparison])
    assert ".code span" not in report and "class=code" not in report


def test_markdown_source_is_coloured_too(tmp_path: Path) -> None:
    from diffviewer.formats import MarkupView

    comparison = compare(
        load(DATA / "original.md", markup=MarkupView.SOURCE), load(DATA / "derivative.md", markup=MarkupView.SOURCE)
    )
    page = BeautifulSoup(html_report.render([comparison]), "html.parser")
    assert [s.get_text() for s in page.select("td.code span.gh")][:1] == ["# Release notes"]


def test_unified_diff_of_code_has_one_line_per_source_line() -> None:
    lines = unified_report.render([python_pair()]).splitlines()
    assert lines[:2] == [f"--- {DATA / 'original.py'}", f"+++ {DATA / 'derivative.py'}"]
    first = lines.index("@@ -6,6 +6,6 @@")  # file line numbers: total_price starts on line 6
    assert lines[first + 1 : first + 10] == [
        " def total_price(items):",
        '     """Sum the price of every item in the basket."""',
        "-    subtotal = 0",
        "+    running = 0",
        "     for item in items:",
        '-        subtotal += item["price"] * item["quantity"]',
        "-    return subtotal",
        '+        running += item["price"] * item["quantity"]',
        "+    return running",
    ]
    moved = lines.index("@@ -14,3 +25,3 @@ moved")
    assert lines[moved + 1 : moved + 7] == [
        "-def format_report(items):",
        "-    lines = [f\"{item['name']}: {item['price']:.2f}\" for item in items]",
        '-    return "\\n".join(lines)',
        "+def format_report(items):",
        "+    lines = [f\"{item['name']}: {item['price']:.2f}\" for item in items]",
        '+    return "\\n".join(lines)',
    ]
    assert all(line[:1] in "-+ @" for line in lines[2:])


def test_unified_diff_of_an_added_code_block_points_after_the_last_line() -> None:
    before, after = code("import os", "def a():\n    return 1"), code("import os", "def a():\n    return 1", "x = 2")
    # Without file line numbers, lines are counted through the blocks: "def a()" ends on line 3.
    assert unified_report.render([compare(before, after)]).splitlines()[2:] == ["@@ -3,0 +4 @@", "+x = 2"]


def test_text_report_keeps_code_lines() -> None:
    report = text_report.render([python_pair()])
    assert "    [-subtotal-]{+running+} = 0\n    for item in items:\n" in report


def test_light_code_rules_come_before_any_media_block() -> None:
    # Qt's rich text (the PDF export) stops reading a stylesheet at its first @media block.
    css = html_report.stylesheet(True)
    assert css.index(".code span.k {") < css.index("@media")
    assert html_report.stylesheet(False) == html_report.STYLE


PLAIN = {"#000000", "#1e1e1e"}  # no colour of its own (Qt reports black), or the body text colour
_QT_FRAGMENTS = """
import json, sys
from PySide6.QtGui import QGuiApplication, QTextDocument
app = QGuiApplication([])
document = QTextDocument()
document.setHtml(open(sys.argv[1], encoding="utf-8").read())
found = {}
block = document.begin()
while block.isValid():
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        found.setdefault(fragment.text(), [fmt.foreground().color().name(), fmt.background().style().value != 0,
                                           fmt.fontFamilies() or []])
        it += 1
    block = block.next()
print(json.dumps(found))
"""


def test_pdf_export_layout_keeps_colours_and_marks(tmp_path: Path) -> None:
    """The HTML as Qt lays it out for the PDF: keywords coloured, changes highlighted in plain colour."""
    import json
    import os
    import subprocess
    import sys

    report = tmp_path / "r.html"
    report.write_text(html_report.render([python_pair()]), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _QT_FRAGMENTS, str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    fragments = json.loads(result.stdout)
    colour, highlighted, families = fragments["def"]
    assert colour == "#008000" and not highlighted and "monospace" in families
    colour, highlighted, _ = fragments["subtotal"]
    assert colour in PLAIN and highlighted  # a name inside a deletion: plain text on the highlight
    colour, highlighted, _ = fragments["be"]  # a word changed inside a string literal
    assert colour in PLAIN and highlighted


def test_reports_of_a_program_say_quotations_were_not_checked() -> None:
    program = python_pair()
    for report in (text_report.render([program]), html_report.render([program])):
        assert "Quotations not checked" in report and "0 found" not in report
    # Markdown source is prose in a syntax: its quotations are checked as usual.
    markdown = compare(load(DATA / "original.md"), load(DATA / "derivative.md"))
    for report in (text_report.render([markdown]), html_report.render([markdown])):
        assert "Quotations not checked" not in report and "found" in report


def test_code_blocks_are_placed_by_file_lines_and_prose_by_paragraphs() -> None:
    program = python_pair()
    text = text_report.render([program])
    assert "(original lines 6–11 → derivative lines 6–11)" in text  # total_price, renamed variable
    assert "MOVED (original lines 14–16 → derivative lines 25–27)" in text
    assert "· lines 6–11 → lines 6–11 ·" in html_report.render([program])
    prose = compare(load(SAMPLES / "original.txt"), load(SAMPLES / "spun-copy.txt"))
    assert "(original ¶1 → derivative ¶1)" in text_report.render([prose])
    assert "· ¶1 → ¶1 ·" in html_report.render([prose])
