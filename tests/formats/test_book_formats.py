"""ODT, EPUB and RTF: read by content as well as by name, with headings, lists and quotes kept,
and with the same limits as DOCX for what hostile files try."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffviewer.core.model import Document, DocumentFormat, Role
from diffviewer.formats import LoadError, load
from tests.formats.fuzzing import load_within
from tests.formats.structural import zipped

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt(body: str, title: str = "Harbour report", extra: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{extra}<office:document-content {_NS}>'
        '<office:automatic-styles><style:style style:name="P1" style:parent-style-name="Quotations"/>'
        "</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = f"<office:document-meta {_NS}><office:meta><dc:title>{title}</dc:title></office:meta></office:document-meta>"
    return zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content, "meta.xml": meta})


ODT_BODY = (
    '<text:h text:outline-level="1">The harbour</text:h>'
    '<text:p>The ferry<text:s text:c="2"/>leaves at <text:span>noon</text:span>.<text:note><text:note-body>'
    "<text:p>A footnote.</text:p></text:note-body></text:note></text:p>"
    '<text:p text:style-name="P1">Never put a dog in a box.</text:p>'
    "<text:list><text:list-item><text:p>First item</text:p></text:list-item>"
    "<text:list-item><text:p>Second item</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Cell A</text:p></table:table-cell>"
    "</table:table-row></table:table>"
)


def _texts(document: Document) -> list[tuple[str, Role]]:
    return [(p.text, p.role) for p in document.paragraphs]


@pytest.mark.parametrize("name", ["report.odt", "report.bin"])
def test_an_odt_keeps_headings_quotes_and_lists(name: str) -> None:
    found = load_within(name, odt(ODT_BODY))
    assert isinstance(found, Document) and found.format is DocumentFormat.ODT
    assert found.title == "Harbour report"
    assert _texts(found) == [
        ("The harbour", Role.HEADING),
        ("The ferry leaves at noon.", Role.BODY),  # the note is not the paragraph's text
        ("Never put a dog in a box.", Role.QUOTE),
        ("First item", Role.LIST),
        ("Second item", Role.LIST),
        ("Cell A", Role.BODY),
    ]


def test_an_entity_in_an_odt_is_refused_not_expanded() -> None:
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    found = load_within("bomb.odt", odt("<text:p>&b;</text:p>", extra=bomb))
    assert isinstance(found, LoadError)
    assert "corrupt ODT: content.xml: EntitiesForbidden refused" in str(found)


def epub(chapters: dict[str, str], spine: list[str], title: str = "The Harbour Book") -> bytes:
    manifest = "".join(
        f'<item id="{name}" href="text/{name}.xhtml" media-type="application/xhtml+xml"/>' for name in chapters
    )
    itemrefs = "".join(f'<itemref idref="{name}"/>' for name in spine)
    opf = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></metadata>'
        f"<manifest>{manifest}</manifest><spine>{itemrefs}</spine></package>"
    )
    container = (
        '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    entries: dict[str, str | bytes] = {"mimetype": "application/epub+zip", "META-INF/container.xml": container}
    entries["OEBPS/content.opf"] = opf
    for name, body in chapters.items():
        entries[f"OEBPS/text/{name}.xhtml"] = f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'
    return zipped(entries)


@pytest.mark.parametrize("name", ["book.epub", "book.zip"])
def test_an_epub_reads_its_chapters_in_spine_order(name: str) -> None:
    chapters = {
        "appendix": "<h1>Appendix</h1><p>Tables of tides.</p>",
        "one": "<h1>Chapter One</h1><p>The ferry leaves at noon.</p><blockquote><p>Never again.</p></blockquote>",
        "two": "<h2>Chapter Two</h2><ul><li>A list item.</li></ul>",
    }
    found = load_within(name, epub(chapters, ["one", "two", "appendix"]))
    assert isinstance(found, Document) and found.format is DocumentFormat.EPUB
    assert found.title == "The Harbour Book"
    assert _texts(found) == [
        ("Chapter One", Role.HEADING),
        ("The ferry leaves at noon.", Role.BODY),
        ("Never again.", Role.QUOTE),
        ("Chapter Two", Role.HEADING),
        ("A list item.", Role.LIST),
        ("Appendix", Role.HEADING),
        ("Tables of tides.", Role.BODY),
    ]


def test_an_epub_spine_naming_a_missing_chapter_is_a_clear_refusal() -> None:
    found = load_within("broken.epub", epub({"one": "<p>Text.</p>"}, ["one", "ghost"]))
    assert isinstance(found, LoadError)
    assert "corrupt EPUB: the spine names 'ghost', which the manifest lacks" in str(found)


RTF = (
    rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}"
    rb"\pard The harbour report\par"
    rb"\pard The ferry leaves at noon, and the caf\'e9 opens at nine.\par"
    rb"\pard Lanterns were fixed.\par}"
)


@pytest.mark.parametrize("name", ["letter.rtf", "letter.txt"])
def test_an_rtf_is_read_as_its_text(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(RTF)
    found = load(tmp_path / name)
    assert found.format is DocumentFormat.RTF
    assert [p.text for p in found.paragraphs] == [
        "The harbour report",
        "The ferry leaves at noon, and the café opens at nine.",
        "Lanterns were fixed.",
    ]
    assert found.paragraphs[0].role is Role.HEADING


def test_a_corrupt_odt_or_epub_names_the_file_and_the_reason(tmp_path: Path) -> None:
    for name in ("broken.odt", "broken.epub"):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 not really a zip")
        with pytest.raises(LoadError) as failure:
            load(path)
        assert str(failure.value).startswith(f"{path}: corrupt {name.split('.')[1].upper()}: not a valid zip")


@pytest.mark.parametrize("kind", ["odt", "epub", "rtf"])
def test_damaged_files_are_read_or_refused_never_a_crash(kind: str) -> None:
    import random

    valid = {"odt": odt(ODT_BODY), "epub": epub({"one": "<p>Text.</p>"}, ["one"]), "rtf": RTF}[kind]
    rng = random.Random(7)
    for _ in range(150):
        damaged = bytearray(valid)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        cut = damaged[: rng.randint(1, len(damaged))] if rng.random() < 0.3 else damaged
        found = load_within(f"damaged.{kind}", bytes(cut))  # a Document or a one-line LoadError
        assert isinstance(found, Document | LoadError)


def test_an_epub_chapter_heading_in_a_header_element_is_kept() -> None:
    chapter = "<section><header><h1>Chapter One</h1><p>An epigraph.</p></header><p>It was a dark night.</p></section>"
    found = load_within("book.epub", epub({"one": chapter}, ["one"]))
    assert isinstance(found, Document)
    assert _texts(found) == [
        ("Chapter One", Role.HEADING),
        ("An epigraph.", Role.BODY),
        ("It was a dark night.", Role.BODY),
    ]


def test_odt_frames_alt_text_and_cross_references_read_as_a_reader_sees_them() -> None:
    body = (
        '<text:p>Before <draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><svg:title>Alt title</svg:title>'
        "<svg:desc>Long description</svg:desc><draw:text-box><text:p>Caption in a box</text:p></draw:text-box>"
        "</draw:frame>after.</text:p>"
        "<text:p>See <text:bookmark-ref>Chapter Three</text:bookmark-ref> now.</text:p>"
    )
    found = load_within("frames.odt", odt(body))
    assert isinstance(found, Document)
    assert [p.text for p in found.paragraphs] == ["Before after.", "Caption in a box", "See Chapter Three now."]


def test_rtf_line_breaks_and_table_cells_stay_inside_their_paragraph(tmp_path: Path) -> None:
    rtf = rb"{\rtf1\ansi \pard One line\line and the next\par \trowd A1\cell B1\cell\row \pard End.\par}"
    (tmp_path / "t.rtf").write_bytes(rtf)
    assert [p.text for p in load(tmp_path / "t.rtf").paragraphs] == ["One line and the next", "A1 B1", "End."]
