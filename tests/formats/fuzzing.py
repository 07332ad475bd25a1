"""Malformed inputs for every loader, shared by the fast fuzz tests and benchmarks/fuzz.py.

Each strategy yields (file name, bytes). `load_within` loads one input under a time limit; the only
acceptable outcomes are a Document or a LoadError with a one-line message naming the file.
"""

from __future__ import annotations

import io
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from diffviewer.core.model import Document
from diffviewer.formats import LoadError, load

TIME_LIMIT_SECONDS = 10


@cache
def valid_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("A memo on open models", level=1)
    for n in range(6):
        document.add_paragraph(f"Paragraph {n}: “we will keep sharing,” he wrote, and the company’s plans changed.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def valid_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for n in range(3):
        pdf.drawString(72, 760 - 20 * n, f"Paragraph {n} of a short report about harbour lanterns.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _mutate(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "both", "splice"]))
    mutable = bytearray(data)
    if kind in ("truncate", "both"):
        mutable = mutable[: draw(st.integers(0, len(mutable)))]
    if kind in ("flip", "both") and mutable:
        for _ in range(draw(st.integers(1, 16))):
            position = draw(st.integers(0, len(mutable) - 1))
            mutable[position] ^= 1 << draw(st.integers(0, 7))
    if kind == "splice" and mutable:
        start = draw(st.integers(0, len(mutable) - 1))
        mutable[start : start + draw(st.integers(0, 64))] = draw(st.binary(max_size=64))
    return bytes(mutable)


@st.composite
def broken_zips(draw: st.DrawFn) -> tuple[str, bytes]:
    return draw(st.sampled_from(["memo.docx", "memo.bin"])), _mutate(draw, valid_docx())


@st.composite
def broken_pdfs(draw: st.DrawFn) -> tuple[str, bytes]:
    return draw(st.sampled_from(["report.pdf", "report"])), _mutate(draw, valid_pdf())


_TAGS = ["p", "div", "span", "script", "style", "iframe", "img", "a", "blockquote", "table", "td", "br", "h1", "nav"]


@st.composite
def html_soup(draw: st.DrawFn) -> tuple[str, bytes]:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
                st.sampled_from(['<img src="http://example.invalid/x.png">', '<a href="file:///etc/passwd">x</a>']),
                st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "-->", "<![CDATA[", "]]>"]),
                st.text(max_size=20),
            ),
            max_size=60,
        )
    )
    return draw(st.sampled_from(["page.html", "page.txt"])), "".join(parts).encode("utf-8", "surrogatepass")


@st.composite
def bad_text(draw: st.DrawFn) -> tuple[str, bytes]:
    data = draw(
        st.one_of(
            st.binary(max_size=2000),
            st.binary(max_size=200).map(lambda b: b"\xef\xbb\xbf" + b),  # UTF-8 BOM, then anything
            st.binary(max_size=201).map(lambda b: b"\xff\xfe" + b),  # UTF-16 BOM, odd lengths too
            st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass") + b"\x00\xc3\x28"),
            st.text(max_size=300).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
        )
    )
    return draw(st.sampled_from(["notes.txt", "notes.md", "notes"])), data


_RST_PIECES = [
    "Title\n=====\n", "=====\n", "----", "\n\n", "\n", "   ", "* ", "#. ", "1. ", "| ", ":Field: ", "::\n\n    ",
    ".. ", ".. note:: ", ".. include:: /etc/passwd\n", ".. raw:: html\n\n   <script>x</script>\n",
    ".. |s| replace:: |s|\n",
    ".. _t: http://example.invalid/\n", ".. image:: http://example.invalid/x.png\n", ".. csv-table::\n   :url: http://x\n",
    "*", "**", "`", "``", "_", "__", "|", "[#]_", ":ref:`", ":func:`~a.b`", "`x <http://y>`_", "\\", "+---+---+\n",
    "| a | b |\n", "+===+\n", "=== ===\n", "-- ", "\u201cquoted\u201d", "word", "\x00", "\ufeff",
]  # fmt: skip


@st.composite
def rst_soup(draw: st.DrawFn) -> tuple[str, bytes]:
    """reStructuredText made of its own markup in any order: directives, roles, tables, nesting."""
    parts = draw(st.lists(st.one_of(st.sampled_from(_RST_PIECES), st.text(max_size=12)), max_size=80))
    return draw(st.sampled_from(["notes.rst", "notes.rest"])), "".join(parts).encode("utf-8", "surrogatepass")


def big_inputs() -> list[tuple[str, bytes]]:
    """Fixed monsters: a 1 MB line, deeply nested HTML and reST, a long line of NULs."""
    return [
        ("line.txt", b"word " * 200_000),
        ("line.rst", b"word " * 200_000),
        ("references.rst", b"a_ " * 300_000),
        ("nested.rst", "\n".join("  " * i + "x" for i in range(2000)).encode()),
        ("nested.html", b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000),
        ("nested.xhtml", b"<span><b><i>" * 30_000 + b"x"),
        ("nuls.txt", b"\x00" * 1_000_000),
    ]


def documents() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(broken_zips(), broken_pdfs(), html_soup(), bad_text(), rst_soup())


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_within(name: str, data: bytes, folder: Path | None = None) -> Document | LoadError:
    """Load one input from a file; a Document or a LoadError, anything else is a finding."""
    with tempfile.TemporaryDirectory(dir=folder) as temporary:
        path = Path(temporary) / name
        path.write_bytes(data)
        with time_limit(TIME_LIMIT_SECONDS):
            try:
                return load(path)
            except LoadError as error:
                message = str(error)
                assert "\n" not in message and message.startswith(str(path)), message
                return error
