"""Hostile files: XML bombs and external entities in DOCX, zip bombs, HTML that tries to reach out."""

from __future__ import annotations

import builtins
import io
import socket
import zipfile
from pathlib import Path

import pytest

from diffviewer.core.model import Document
from diffviewer.formats import LoadError, load
from tests.formats.fuzzing import load_within, valid_docx


def _docx_with_document_xml(document_xml: str) -> bytes:
    """A valid DOCX whose main part is replaced by `document_xml`."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = document_xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    return buffer.getvalue()


_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"
)


def test_an_xml_entity_bomb_in_a_docx_is_refused_quickly() -> None:
    entities = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>' + _BODY.format("&a9;")
    result = load_within("bomb.docx", _docx_with_document_xml(bomb))  # under the fuzzers' time limit
    if isinstance(result, Document):
        assert sum(len(p.text) for p in result.paragraphs) < 1_000_000  # never expanded to a billion
    else:
        assert "bomb.docx" in str(result)


def test_an_external_entity_in_a_docx_reads_no_other_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>' + _BODY.format("&x;")
    result = load_within("xxe.docx", _docx_with_document_xml(xxe))
    if isinstance(result, Document):
        assert all("TOP-SECRET" not in p.text for p in result.paragraphs)


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 300_000_000)  # 300 MB of zeros, a few hundred KB zipped
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(LoadError, match="exceeds limit|zip bomb"):
        load(path)


def test_hostile_html_is_read_as_text_without_reaching_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>document.write('INJECTED')</script><link rel=stylesheet href=http://x.invalid/s.css>"
        "<meta http-equiv=refresh content='0;url=http://x.invalid'></head><body>"
        "<p>First real paragraph.</p><iframe src='http://x.invalid/frame'>FRAME</iframe>"
        "<img src='http://x.invalid/pixel.png' onerror='alert(1)'><a href='file:///etc/passwd'>local link</a>"
        "<p>Second real paragraph.</p><style>p{display:none}</style></body></html>",
        encoding="utf-8",
    )
    opened: list[str] = []
    real_open = builtins.open

    def watching_open(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(builtins, "open", watching_open)
    document = load(page)
    text = [p.text for p in document.paragraphs]
    assert "First real paragraph." in text and "Second real paragraph." in text
    assert not any("INJECTED" in t or "display:none" in t for t in text)
    assert all(Path(name) == page for name in opened if not name.endswith((".py", ".pyc")))


def test_a_file_over_the_size_limit_says_so(tmp_path: Path) -> None:
    from diffviewer.formats import FileTooLarge

    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(FileTooLarge, match=r"big.txt: file is too large \(5,000 bytes; the limit is 1,000\)"):
        load(big, max_bytes=1000)


_LAUGHS = "\n".join(
    [
        "---",
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True)),
        "title: *i",
        "---",
        "The body of the note, which is all a reader wrote.",
    ]
)


@pytest.mark.parametrize("name", ["note.md", "note.txt"])
def test_a_billion_laughs_in_front_matter_is_not_expanded(name: str) -> None:
    found = load_within(name, _LAUGHS.encode("utf-8"))
    assert isinstance(found, Document)
    assert found.title is None  # the aliased title is not read
    assert [p.text for p in found.paragraphs] == ["The body of the note, which is all a reader wrote."]


def test_front_matter_still_gives_the_title() -> None:
    found = load_within("note.md", b"---\ntitle: Harbour report\ndate: 2026-01-02\n---\n# Heading\n\nBody.\n")
    assert isinstance(found, Document) and found.title == "Harbour report"


@pytest.mark.parametrize("opener", ["[", "![", "*", "_ ", "**", "x`", "[a]("])
def test_a_million_unclosed_inline_marks_load_at_once(opener: str) -> None:
    text = "# Notes\n\n" + opener * (1_000_000 // len(opener)) + " end of it."
    found = load_within("marks.md", text.encode("utf-8"))
    assert isinstance(found, Document)
    assert found.paragraphs[-1].text.endswith("end of it.")


def test_links_and_emphasis_are_still_read_as_text() -> None:
    found = load_within("links.md", b"See [the report](http://x) and ![a map](m.png), **bold**, *it*, `code`.\n")
    assert isinstance(found, Document)
    assert [p.text for p in found.paragraphs] == ["See the report and a map, bold, it, code."]


def _lying_docx(inflated: int) -> bytes:
    """A DOCX whose document.xml declares 2,000 bytes but inflates to `inflated` bytes."""
    import struct

    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            payload = b"<" + b" " * inflated if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item.filename, payload)
    data = bytearray(buffer.getvalue())
    name = b"word/document.xml"
    for signature, size_at, name_length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack("<H", data[at + name_length_at : at + name_length_at + 2])[0]
            if data[at + name_at : at + name_at + length] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", 2000)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_zip_entry_lying_about_its_size_is_refused_before_any_xml_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffviewer.formats import docx

    def never(*_: object, **__: object) -> None:
        raise AssertionError("the XML parser was asked to read the bomb")

    monkeypatch.setattr(docx.etree, "iterparse", never)
    found = load_within("bomb.docx", _lying_docx(16 << 20))
    assert isinstance(found, LoadError)
    assert "corrupt DOCX: word/document.xml is not the size it declares" in str(found)


def test_a_lying_entry_past_the_limit_is_refused_without_inflating_it_all() -> None:
    # 300 MB of spaces in a 300 KB file: refused once 200 MB have come out, a chunk at a time.
    found = load_within("bomb.docx", _lying_docx(300 << 20))
    assert isinstance(found, LoadError)
    assert "exceeds" in str(found) and "zip bomb" in str(found)


@pytest.mark.parametrize(
    ("name", "page", "last"),
    [
        ("spaces.html", "<p>Start." + " " * 1_000_000 + "End.</p>", "Start. End."),
        ("opened.html", "<p>Kept text.</p>" + "<a" * 500_000, "Kept text."),
        ("closed.html", "<p>Kept text.</p>" + "</x>" * 500_000, "Kept text."),
        ("deep.html", "<body>" + "<div>" * 200_000 + "Deep text.", "Deep text."),
        ("breaks.html", "<p>One." + (" " * 1000 + "<br>") * 2 + "Two.</p>", "Two."),
    ],
)
def test_malformed_html_loads_at_once(name: str, page: str, last: str) -> None:
    found = load_within(name, page.encode("utf-8"))
    assert isinstance(found, Document)
    assert found.paragraphs[-1].text == last


def test_an_entry_just_past_a_megabyte_is_its_true_size() -> None:
    # zlib can hold output back after taking all the input: an entry of 1,048,577 spaces once
    # counted short and was refused as "not the size it declares".
    from diffviewer.formats.archive import open_checked

    for size in (1_048_576, 1_048_577, 1_048_590, 3_000_000):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", "<w/>")
            archive.writestr("word/media/blank.txt", " " * size)
        open_checked(buffer.getvalue(), "x.docx", "DOCX", "word/document.xml").close()


def test_a_lying_mimetype_entry_is_never_inflated_whole() -> None:
    import struct
    import tracemalloc

    from diffviewer.formats import load_data

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b" " * (64 << 20))  # declared below as 20 bytes
    data = bytearray(buffer.getvalue())
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        data[at + size_at : at + size_at + 4] = struct.pack("<I", 20)
    tracemalloc.start()
    try:
        with pytest.raises(LoadError):
            load_data(bytes(data), "<stdin>")  # no name: the zip is looked into to tell its format
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


_WP = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def _document(body: str) -> bytes:
    return _docx_with_document_xml(f"<w:document {_WP}><w:body>{body}</w:body></w:document>")


def test_docx_text_reads_as_word_shows_it() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Box words</w:t></w:r></w:p></w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>known</w:t><w:cr/><w:t>one</w:t>"
        "<w:ptab/><w:t>two</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Outer text</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:p><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:r><w:t>Kept.</w:t></w:r></w:p>"
        "<w:p><w:moveTo><w:r><w:t>moved away</w:t></w:r></w:moveTo></w:p>"
    )
    found = load_within("words.docx", _document(body))
    assert isinstance(found, Document)
    assert [p.text for p in found.paragraphs] == [
        "well-known one two",
        "Box words",  # the text box, once, as a paragraph of its own
        "Outer text",
        "Kept.",
        "moved away",  # where it was moved to, not also where it was
    ]
