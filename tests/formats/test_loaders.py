from __future__ import annotations

import os
from pathlib import Path

import pytest

from diffviewer.core.model import DocumentFormat, Role
from diffviewer.core.segment import guess_role, split_paragraphs
from diffviewer.formats import LoadError, load

# The bundled sample is seed 002 byte for byte, so this test never depends on ../shared.
SEED = Path(__file__).resolve().parents[2] / "resources" / "samples" / "original.txt"


def texts(doc):
    return [p.text for p in doc.paragraphs]


def check_indices(doc):
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))


def test_split_paragraphs_and_roles():
    assert split_paragraphs("a b\r\nc d\r\n  \r\ne f\n") == ["a b c d", "e f"]
    assert split_paragraphs("one\ntwo\nthree\n") == ["one", "two", "three"]
    assert guess_role("A Short Title") is Role.HEADING
    assert guess_role("> quoted text here.") is Role.QUOTE
    assert guess_role("- item") is Role.LIST
    assert guess_role("3. item") is Role.LIST
    assert guess_role("This is a sentence.") is Role.BODY


def test_plain_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title Line\n\nFirst paragraph is\nhard wrapped here.\n\n> A quote.\n", encoding="utf-8")
    doc = load(f)
    assert doc.format is DocumentFormat.TEXT
    assert doc.path == str(f)
    assert texts(doc) == ["Title Line", "First paragraph is hard wrapped here.", "> A quote."]
    assert [p.role for p in doc.paragraphs] == [Role.HEADING, Role.BODY, Role.QUOTE]
    check_indices(doc)


def test_one_paragraph_per_line(tmp_path):
    f = tmp_path / "lines.txt"
    f.write_text("First sentence.\nSecond sentence.\nThird sentence.\n", encoding="utf-8")
    assert texts(load(f)) == ["First sentence.", "Second sentence.", "Third sentence."]


@pytest.mark.parametrize(
    "encoding,data",
    [
        ("utf-16", "café – naïve text.\n\nSecond para.".encode("utf-16")),
        ("utf-8-sig", "café – naïve text.\n\nSecond para.".encode("utf-8-sig")),
        ("cp1252", "café – naïve text.\n\nSecond para.".encode("cp1252")),
    ],
)
def test_encodings(tmp_path, encoding, data):
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(data)
    doc = load(f)
    assert texts(doc) == ["café – naïve text.", "Second para."]


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(
        "---\ntitle: My Title\nauthor: X\n---\n# Heading One\n\nSome **bold** and *em* and `code` "
        "and [link](http://x).\n\n> Quoted words.\n\n- item one\n- item two\n",
        encoding="utf-8",
    )
    doc = load(f)
    assert doc.format is DocumentFormat.MARKDOWN
    assert doc.title == "My Title"
    assert all("title:" not in t and "author" not in t for t in texts(doc))
    assert texts(doc) == [
        "Heading One",
        "Some bold and em and code and link.",
        "Quoted words.",
        "item one",
        "item two",
    ]
    assert [p.role for p in doc.paragraphs] == [
        Role.HEADING,
        Role.BODY,
        Role.QUOTE,
        Role.LIST,
        Role.LIST,
    ]
    check_indices(doc)


def test_html(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(
        "<html><head><title>T</title><style>p{}</style><script>var x=1;</script></head><body>"
        "<nav>Menu stuff</nav><h1>Big &amp; Bold</h1><p>Caf&eacute; one.</p>"
        "<div><p>In div.</p>Loose text after.</div>"
        "<blockquote><p>Quote A.<br><br>Quote B.</p></blockquote>"
        "<p>Line one<br>line two.</p><ul><li>Item</li></ul><footer>Foot</footer></body></html>",
        encoding="utf-8",
    )
    doc = load(f)
    assert doc.format is DocumentFormat.HTML
    assert doc.title == "Big & Bold"
    assert texts(doc) == [
        "Big & Bold",
        "Café one.",
        "In div.",
        "Loose text after.",
        "Quote A.",
        "Quote B.",
        "Line one line two.",
        "Item",
    ]
    roles = [p.role for p in doc.paragraphs]
    assert roles[0] is Role.HEADING
    assert roles[4] is Role.QUOTE and roles[5] is Role.QUOTE
    assert roles[-1] is Role.LIST
    joined = " ".join(texts(doc))
    assert "var x" not in joined and "Menu" not in joined and "Foot" not in joined and "p{}" not in joined
    check_indices(doc)


def test_txt_that_is_html(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("<p>Hello &quot;world&quot;.</p><p>Two.</p>", encoding="utf-8")
    doc = load(f)
    assert doc.format is DocumentFormat.HTML
    assert texts(doc) == ['Hello "world".', "Two."]


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Doc Title", style="Title")
    d.add_heading("Section", level=1)
    d.add_paragraph("Body text here.")
    d.add_paragraph("")
    d.add_paragraph("A quote.", style="Quote")
    d.add_paragraph("Listed.", style="List Bullet")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell A"
    table.cell(0, 1).text = "Cell B"
    f = tmp_path / "a.docx"
    d.save(f)
    doc = load(f)
    assert doc.format is DocumentFormat.DOCX
    assert doc.title == "Doc Title"
    assert texts(doc) == ["Doc Title", "Section", "Body text here.", "A quote.", "Listed.", "Cell A", "Cell B"]
    assert [p.role for p in doc.paragraphs][:5] == [
        Role.HEADING,
        Role.HEADING,
        Role.BODY,
        Role.QUOTE,
        Role.LIST,
    ]
    check_indices(doc)


def test_pdf(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    f = tmp_path / "a.pdf"
    c = canvas.Canvas(str(f), pagesize=letter)
    y = 720
    lines = [
        "Introduction",
        "The first paragraph starts here and it runs along for quite a long",
        "way before it ends.",
        "The second paragraph begins on a new line and also goes on for a",
        "while until it stops.",
    ]
    for line in lines:
        c.drawString(72, y, line)
        y -= 14
    c.save()
    doc = load(f)
    assert doc.format is DocumentFormat.PDF
    assert texts(doc) == [
        "Introduction",
        "The first paragraph starts here and it runs along for quite a long way before it ends.",
        "The second paragraph begins on a new line and also goes on for a while until it stops.",
    ]
    assert doc.paragraphs[0].role is Role.HEADING
    check_indices(doc)


def _assert_error(path, fragment):
    with pytest.raises(LoadError) as info:
        load(path)
    msg = str(info.value)
    assert str(path) in msg
    assert "\n" not in msg
    assert fragment in msg
    return info.value


def test_bad_inputs(tmp_path):
    _assert_error(tmp_path / "missing.txt", "no such file")
    _assert_error(tmp_path, "is a directory")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _assert_error(empty, "file is empty")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\r\n" + b"\n" * 1_000_000)  # a million blank lines: empty, and at once
    _assert_error(blank, "file is empty (only blank space)")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00\x01\x02def\x00" * 20)
    _assert_error(binary, "binary data")
    bad_docx = tmp_path / "bad.docx"
    bad_docx.write_bytes(os.urandom(2048))
    _assert_error(bad_docx, "corrupt DOCX")
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(1024))
    err = _assert_error(bad_pdf, "PDF")
    assert err.path == str(bad_pdf)
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    with pytest.raises(LoadError, match="too large"):
        load(big, max_bytes=10)


def test_load_does_not_modify_input(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: T\n---\nHello there.\n", encoding="utf-8")
    before = (f.stat().st_mtime_ns, f.read_bytes())
    load(f)
    assert (f.stat().st_mtime_ns, f.read_bytes()) == before


def test_seed_html_with_front_matter():
    doc = load(SEED)
    assert doc.format is DocumentFormat.HTML
    assert doc.title == "Is Mark Zuckerberg flip flopping on open source AI?"
    assert all("title:" not in t and "<p>" not in t for t in texts(doc))
    quotes = [p for p in doc.paragraphs if p.role is Role.QUOTE]
    assert len(quotes) == 2
    assert quotes[0].text.startswith("I don't think that our thinking")
    assert quotes[1].text.startswith("And then obviously")
    assert quotes[1].index == quotes[0].index + 1
    assert any(t.startswith("This article originally appeared") for t in texts(doc))
    check_indices(doc)


def test_docx_is_streamed_without_python_docx(tmp_path, monkeypatch):
    # python-docx builds the whole document in memory and searched every style for every
    # paragraph (a 50,000-paragraph book took a minute): the loader streams document.xml itself.
    import docx

    d = docx.Document()
    d.add_heading("Section", level=1)
    for n in range(50):
        d.add_paragraph(f"Body {n}.")
    d.add_paragraph("A quote.", style="Quote")
    f = tmp_path / "a.docx"
    d.save(f)

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("python-docx used to read")

    monkeypatch.setattr(docx, "Document", refuse)
    doc = load(f)
    assert [p.role for p in doc.paragraphs] == [Role.HEADING] + [Role.BODY] * 50 + [Role.QUOTE]


def test_a_pipe_with_no_writer_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _assert_error(fifo, "not a regular file")
    _assert_error(Path("/dev/zero"), "not a regular file")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path, encoding):
    for name, content in (
        ("notes.txt", "The harbour report.\n\nThe café opens at nine."),
        ("page.html", "<p>Straße</p>"),
    ):
        path = tmp_path / name
        path.write_bytes(content.encode(encoding))
        doc = load(path)
        assert texts(doc) == (["The harbour report.", "The café opens at nine."] if name == "notes.txt" else ["Straße"])


def _padded_to_the_cut(tail: str) -> str:
    """Prose that runs up to just before the first slice a long text is scanned in ends, so that
    `tail` starts a few characters before the cut and runs across it."""
    from diffviewer.core.normalise import SCAN_SLICE

    line = "Plain prose about the harbour and its lanterns, nothing else.\n\n"
    body = line * (SCAN_SLICE // len(line) - 1)
    return body + "x" * (SCAN_SLICE - len(body) - 3) + "\n" + tail


def test_a_long_text_is_read_whole_though_it_is_scanned_in_slices(tmp_path: Path) -> None:
    # A Markdown heading across the cut, typographic marks past it, control characters past it.
    heading = tmp_path / "long.md.txt"
    heading.write_text(_padded_to_the_cut("## The harbour at night\n\nMore prose.\n"), encoding="utf-8")
    assert load(heading).format is DocumentFormat.MARKDOWN
    from diffviewer.core.normalise import typographic

    # (How the engine reads words: a curly apostrophe past the cut is plain too.)
    assert typographic(_padded_to_the_cut("\u00e9t\u00e9 It\u2019s \u201cquoted\u201d")).endswith('It\'s "quoted"')
    controls = tmp_path / "controls.txt"
    controls.write_text(_padded_to_the_cut("\x01\x02\x03" * 20_000), encoding="utf-8")
    _assert_error(controls, "binary data")


def test_plain_text_is_decoded_and_scanned_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Telling a .txt file's format decodes it (it might be Markdown or HTML); plain text is then
    # not decoded, nor scanned for binary data, a second time: each pass is a book's length.
    from diffviewer.formats import text

    scans: list[int] = []
    real = text._looks_binary
    monkeypatch.setattr(text, "_looks_binary", lambda decoded: scans.append(len(decoded)) or real(decoded))
    path = tmp_path / "notes.txt"
    path.write_text("Café au lait, they said.\n\nA second paragraph.\n", encoding="utf-8")
    doc = load(path)
    assert len(scans) == 1
    assert doc.format is DocumentFormat.TEXT and texts(doc) == ["Café au lait, they said.", "A second paragraph."]
    assert doc == text.load_text(path.read_bytes(), str(path))
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x01\x02\x03\x04\x05 not really text \x06\x07\x08" * 10)
    with pytest.raises(LoadError, match="binary"):
        load(binary)
