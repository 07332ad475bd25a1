"""A fast share of the fuzzing (benchmarks/fuzz.py runs the long one): every loader, malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import ChangeOp, Document, DocumentFormat, Paragraph
from diffviewer.formats import LoadError
from tests.formats.fuzzing import (
    bad_text,
    big_inputs,
    broken_pdfs,
    broken_zips,
    documents,
    html_soup,
    load_within,
    rst_soup,
)

PASSWD = Path("/etc/passwd")
PASSWD_LINE = PASSWD.read_text(errors="replace").split("\n", 1)[0].strip() if PASSWD.is_file() else ""
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(broken_zips())
def test_broken_docx_archives(sample: tuple[str, bytes]) -> None:
    assert isinstance(load_within(*sample), Document | LoadError)


@FAST
@given(broken_pdfs())
def test_broken_pdfs(sample: tuple[str, bytes]) -> None:
    assert isinstance(load_within(*sample), Document | LoadError)


@FAST
@given(html_soup())
def test_html_soup(sample: tuple[str, bytes]) -> None:
    result = load_within(*sample)
    assert isinstance(result, Document | LoadError)
    if isinstance(result, Document):
        text = " ".join(p.text for p in result.paragraphs)
        assert "<script" not in text.lower() or "<script" in sample[1].decode("utf-8", "replace").lower()


@FAST
@given(bad_text())
def test_invalid_encodings_and_binary(sample: tuple[str, bytes]) -> None:
    assert isinstance(load_within(*sample), Document | LoadError)


@FAST
@given(rst_soup())
def test_rst_soup(sample: tuple[str, bytes]) -> None:
    result = load_within(*sample)
    assert isinstance(result, Document | LoadError)
    if isinstance(result, Document) and PASSWD_LINE:
        # `.. include:: /etc/passwd` in the soup: never honoured. (Markup such as `<script>` may
        # rightly come through as text: it is the document's text, and reports escape it.)
        assert PASSWD_LINE not in " ".join(p.text for p in result.paragraphs)


@pytest.mark.parametrize(("name", "data"), big_inputs(), ids=[name for name, _ in big_inputs()])
def test_monster_inputs(name: str, data: bytes) -> None:
    assert isinstance(load_within(name, data), Document | LoadError)


def test_mixed_inputs_strategy_covers_every_loader() -> None:
    seen: set[str] = set()

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents())
    def run(sample: tuple[str, bytes]) -> None:
        result = load_within(*sample)
        if isinstance(result, Document):
            seen.add(result.format.value)

    run()
    assert seen & {"text", "html"}


SCRIPTS = [
    "مرحبا بالعالم",  # Arabic (right to left)
    "שלום עולם",  # Hebrew
    "开源模型很重要",  # Chinese, no spaces
    "オープンソース",  # Japanese
    "😀🚀 emoji 👩‍👩‍👧",  # emoji, with a zero-width-joined family
    "e\u0301te\u0301 cafe\u0301",  # combining accents
    "!!! ... ---",  # punctuation only
    "",  # empty
    "   ",  # spaces only
]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(SCRIPTS), max_size=4).map(" ".join), max_size=6),
    st.lists(st.lists(st.sampled_from(SCRIPTS), max_size=4).map(" ".join), max_size=6),
)
def test_engine_on_every_script(a: list[str], b: list[str]) -> None:
    def document(texts: list[str]) -> Document:
        return Document("x.txt", DocumentFormat.TEXT, tuple(Paragraph(i, t) for i, t in enumerate(texts)))

    result = compare(document(a), document(b))
    for block in result.blocks:
        assert "".join(c.original_side for c in block.changes) == "\n".join(a[i] for i in block.original)
        assert "".join(c.derivative_side for c in block.changes) == "\n".join(b[j] for j in block.derivative)
    assert sum(len(b.original) for b in result.blocks) == len(a)
    assert all(c.op in ChangeOp for b in result.blocks for c in b.changes)
