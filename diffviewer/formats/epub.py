"""EPUB books: the container read with the same limits as DOCX, the chapters in the spine's
reading order, each chapter's XHTML read as HTML (headings kept as headings)."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.archive import corrupt, open_checked, read_member, read_xml

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
MIMETYPE = b"application/epub+zip"
_CHAPTER_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


def _chapters(opf: Element, folder: str, path: str) -> list[str]:
    """The archive names of the spine's documents, in reading order."""
    manifest = {
        item.get("id"): item
        for item in opf.iter(f"{_OPF}item")
        if item.get("id") is not None and item.get("href") is not None
    }
    names: list[str] = []
    for reference in opf.iter(f"{_OPF}itemref"):
        item = manifest.get(reference.get("idref"))
        if item is None:
            raise corrupt(path, "EPUB", f"the spine names {reference.get('idref')!r}, which the manifest lacks")
        if (item.get("media-type") or "application/xhtml+xml") not in _CHAPTER_TYPES:
            continue
        names.append(posixpath.normpath(posixpath.join(folder, unquote(item.get("href") or ""))))
    return names


def load_epub(data: bytes, path: str) -> Document:
    from diffviewer.formats.html import BOOK_REMOVE, html_items

    archive = open_checked(data, path, "EPUB", "META-INF/container.xml")
    with archive:
        container = read_xml(archive, "META-INF/container.xml", path, "EPUB")
        rootfile = container.find(f"{_CONTAINER}rootfiles/{_CONTAINER}rootfile")
        opf_name = rootfile.get("full-path") if rootfile is not None else None
        if not opf_name:
            raise corrupt(path, "EPUB", "META-INF/container.xml names no package document")
        opf = read_xml(archive, opf_name, path, "EPUB")
        items: list[tuple[str, Role]] = []
        for name in _chapters(opf, posixpath.dirname(opf_name), path):
            chapter = read_member(archive, name, path, "EPUB").decode("utf-8", errors="replace")
            items.extend(html_items(chapter, "", BOOK_REMOVE)[0])
    title_element = opf.find(f"{_OPF}metadata/{_DC}title")
    title = " ".join((title_element.text or "").split()) if title_element is not None else ""
    if not items:
        raise corrupt(path, "EPUB", "no text in its chapters")
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.EPUB, paragraphs=paragraphs, title=title or None)


__all__ = ["MIMETYPE", "load_epub"]
