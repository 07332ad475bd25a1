"""The JSON report's two encoders: orjson (fast) and the standard library write the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
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


def _as_one_payload(report: bytes) -> bytes:
    """The report read back and encoded again as one whole payload: the bytes a report must be."""
    payload = json.loads(report)
    try:
        return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a lone surrogate: what the standard library writes
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


def _whole(value: object) -> object:
    """The report's payload with every list made whole (what the pieces are made from)."""
    if isinstance(value, json_report._Lazy):
        return [_whole(value.made(item)) for item in value.items]
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    return value


def _at_once(comparisons: list) -> bytes:  # type: ignore[type-arg]
    """The report as the whole payload, made and encoded at once."""
    payload = {
        "format": json_report.FORMAT_NAME,
        "version": json_report.FORMAT_VERSION,
        "original": _whole(json_report._document_json(comparisons[0].original)),
        "comparisons": [_whole(json_report._comparison_json(c)) for c in comparisons],
    }
    return json_report.encoded(payload)  # type: ignore[arg-type]


_paragraphs = st.lists(_text, min_size=0, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    _paragraphs,
    st.lists(_paragraphs, min_size=1, max_size=3),
    st.sampled_from([1, 2, 3, json_report.ITEMS_AT_ONCE]),
    st.booleans(),
)
def test_a_report_written_in_pieces_is_the_whole_payload_encoded_at_once(
    original: list[str], derivatives: list[list[str]], at_once: int, fast: bool
) -> None:
    encoder, size = json_report.orjson, json_report.ITEMS_AT_ONCE
    comparisons = [compare(doc(*original), doc(*texts)) for texts in derivatives]
    json_report.ITEMS_AT_ONCE = at_once
    json_report.orjson = encoder if fast else None  # type: ignore[assignment]
    try:
        pieces = list(json_report.chunks(comparisons))
    finally:
        json_report.orjson, json_report.ITEMS_AT_ONCE = encoder, size
    report = b"".join(pieces)
    assert report == _as_one_payload(report) == _at_once(comparisons)
    data = json.loads(report)
    assert [p["text"] for p in data["original"]["paragraphs"]] == original
    assert [[p["text"] for p in c["derivative"]["paragraphs"]] for c in data["comparisons"]] == derivatives
    assert [len(c["blocks"]) for c in data["comparisons"]] == [len(c.blocks) for c in comparisons]
    if at_once == 1 and len(original) > 1:  # a long list really is written a few items at a time
        assert len(pieces) > len(original)


def test_a_book_sized_report_is_written_in_pieces_none_of_them_large() -> None:
    original = [f"Paragraph {k} tells of the harbour, the ship and the crew." for k in range(2000)]
    derivative = [f"Paragraph {k} tells of the harbor, a ship and its crew." for k in range(2000)]
    comparisons = [compare(doc(*original), doc(*derivative))]
    pieces = list(json_report.chunks(comparisons))
    report = b"".join(pieces)
    assert report == _as_one_payload(report) == _at_once(comparisons)
    assert max(map(len, pieces)) < len(report) / 4


def test_a_report_with_a_lone_surrogate_in_one_batch_of_many_is_still_the_whole_payload() -> None:
    texts = [f"Line {k} of the menu." for k in range(700)]
    texts[600] = "Café \udcff menu"  # in the third batch of 256 paragraphs
    comparisons = [compare(doc(*texts), doc(*texts[:650]))]
    report = json_report.render_bytes(comparisons)
    assert report == _as_one_payload(report) == _at_once(comparisons)
    assert json.loads(report)["original"]["paragraphs"][600]["text"] == "Café \udcff menu"
