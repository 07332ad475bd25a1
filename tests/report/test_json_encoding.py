"""The JSON report's two encoders: orjson (fast) and the standard library write the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.formats import load
from diffviewer.report import json_report
from tests.core.helpers import doc

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _stdlib(comparisons: list) -> str:  # type: ignore[type-arg]
    encoder = json_report.orjson
    json_report.orjson = None  # type: ignore[assignment]
    try:
        return json_report.render(comparisons)
    finally:
        json_report.orjson = encoder


def test_orjson_is_what_writes_the_report() -> None:
    assert json_report.orjson is not None, "orjson is a dependency"


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt") if p.name != "original.txt"))
def test_both_encoders_write_the_same_report_of_each_sample(name: str) -> None:
    comparison = compare(load(SAMPLES / "original.txt"), load(SAMPLES / name))
    fast = json_report.render([comparison])
    assert fast == _stdlib([comparison])
    assert json.loads(fast)["comparisons"][0]["stats"]["words_original"] == comparison.stats.words_original


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(_text, min_size=1, max_size=5), st.lists(_text, min_size=1, max_size=5))
def test_both_encoders_write_the_same_bytes_for_any_text(original: list[str], derivative: list[str]) -> None:
    comparisons = [compare(doc(*original), doc(*derivative))]
    assert json_report.render(comparisons) == _stdlib(comparisons)


def test_a_lone_surrogate_orjson_refuses_is_written_by_the_standard_library() -> None:
    comparisons = [compare(doc("Café \udcff menu"), doc("Café menu"))]
    report = json_report.render(comparisons)
    assert report == _stdlib(comparisons)
    assert "\udcff" in json.loads(report)["original"]["paragraphs"][0]["text"]


def test_a_report_with_a_lone_surrogate_is_still_valid_utf8() -> None:
    data = json_report.render_bytes([compare(doc("Café \udcff menu"), doc("Café menu"))])
    text = data.decode("utf-8")  # strict: the surrogate is written as its JSON escape
    assert "\\udcff" in text
    assert json.loads(text)["original"]["paragraphs"][0]["text"] == "Café \udcff menu"


def test_a_kept_run_with_an_empty_side_writes_no_empty_entry() -> None:
    from diffviewer.core.model import CompareOptions

    comparisons = [
        compare(doc("Open source, matters."), doc("Open source matters."), CompareOptions(ignore_punctuation=True))
    ]
    changes = [c for b in json.loads(json_report.render(comparisons))["comparisons"][0]["blocks"] for c in b["changes"]]
    assert all(c["text"] for c in changes)
