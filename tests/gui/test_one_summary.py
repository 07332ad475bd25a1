"""The status bar, the Summary panel and every report give the same numbers in the same words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diffviewer.core.compare import compare
from diffviewer.formats import load
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from diffviewer.report import html_report, text_report
from tests.gui.conftest import compared

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
_WORDS = re.compile(
    r"Words: ([\d,]+) kept(?: \(([\d,]+) of them moved\))?, ([\d,]+) changed, ([\d,]+) added, ([\d,]+) removed"
)
_PARAGRAPHS = re.compile(r"Paragraphs: ([\d,]+) moved, ([\d,]+) added, ([\d,]+) removed")


def _numbers(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words, paragraphs = _WORDS.search(text), _PARAGRAPHS.search(text)
    assert words and paragraphs, text
    return words.groups(), paragraphs.groups()


@pytest.mark.parametrize("name", ["ai-rewrite.txt", "spun-copy.txt", "forum-comment.txt"])
def test_every_place_gives_the_same_counts(qtbot: QtBot, window: MainWindow, name: str) -> None:
    pair = (SAMPLES / "original.txt", SAMPLES / name)
    compared(qtbot, window, lambda: window.open_paths(*pair))
    comparison = compare(load(pair[0]), load(pair[1]))
    shown = {
        "status bar": window.summary_label.text(),
        "summary panel": window.summary_panel.text(),
        "text report": text_report.render([comparison]),
        "html report": re.sub(r"<[^>]+>", "", html_report.render([comparison])),
    }
    counts = {place: _numbers(text) for place, text in shown.items()}
    assert len(set(counts.values())) == 1, counts
    (kept, _, changed, added, removed), _ = counts["status bar"]
    # Every original word is kept, changed or removed.
    assert sum(int(n.replace(",", "")) for n in (kept, changed, removed)) == comparison.stats.words_original


def test_the_window_and_the_reports_name_each_kind_alike(qtbot: QtBot) -> None:
    from diffviewer.core.model import BlockKind, FactKind, QuoteStatus, Treatment
    from diffviewer.gui import labels
    from diffviewer.report import vocabulary

    assert {t: labels.treatment_name(t) for t in Treatment} == vocabulary.TREATMENT
    assert {k: labels.kind_name(k) for k in BlockKind} == vocabulary.KIND
    assert {s: labels.quote_status_name(s) for s in QuoteStatus} == vocabulary.QUOTE_STATUS
    assert {k: labels.fact_kind_name(k) for k in FactKind} == vocabulary.FACT_KIND


def test_no_raw_enum_value_names_a_kind_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    compared(qtbot, window, lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "forum-comment.txt"))
    tree = window.quotes_panel.tree
    statuses = {tree.model().index(n, 0).data() for n in range(tree.model().rowCount())}
    assert statuses and statuses <= {"verbatim", "altered", "no source"}
    header = window.view.header_label(Side.ORIGINAL)
    assert header == "Original: original.txt (HTML, 10 paragraphs)"  # a saved web page, read as one


def test_a_quotation_is_never_put_in_quotation_marks_twice(qtbot: QtBot) -> None:
    from diffviewer.gui.labels import quoted

    assert quoted("Never put a dog in a box") == "“Never put a dog in a box”"
    assert quoted('"Never put a dog in a box"') == '"Never put a dog in a box"'
    assert quoted("«Jamais»") == "«Jamais»"
    assert quoted('"People often ask, he wrote') == "“People often ask, he wrote”"  # one mark: ours instead


def test_the_legend_names_every_mark_the_panes_draw(qtbot: QtBot, window: MainWindow) -> None:
    labels = [label for _, label in window.legend._items]
    assert "shares text across blocks" in labels
    assert "A dashed band" in window.legend.toolTip()
