"""EPUB books: the container read with the same limits as DOCX, the chapters in the spine's
reading order, each chapter's XHTML read as HTML (headings kept as headings)."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.archive import open_checked, read_member

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
MIMETYPE = b"application/epub+zip"
_CHAPTER_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


def _error(path: str, detail: str) -> Exception:
    from diffviewer.formats import LoadError

    return LoadError(path, f"corrupt EPUB: {detail}")


def _parse(data: bytes, name: str, path: str) -> Element:
    try:
        root: Element = SafeTree.fromstring(data)
    except DefusedXmlException as exc:  # entities, external references: never resolved
        raise _error(path, f"{name}: {type(exc).__name__} refused") from None
    except SafeTree.ParseError as exc:
        raise _error(path, f"{name} is not well-formed XML ({exc})") from None
    return root


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
            raise _error(path, f"the spine names {reference.get('idref')!r}, which the manifest lacks")
        if (item.get("media-type") or "application/xhtml+xml") not in _CHAPTER_TYPES:
            continue
        names.append(posixpath.normpath(posixpath.join(folder, unquote(item.get("href") or ""))))
    return names


def load_epub(data: bytes, path: str) -> Document:
    from diffviewer.formats.html import BOOK_REMOVE, html_items

    archive = open_checked(data, path, "EPUB", "META-INF/container.xml")
    with archive:
        container = _parse(read_member(archive, "META-INF/container.xml", path, "EPUB"), "container.xml", path)
        rootfile = container.find(f"{_CONTAINER}rootfiles/{_CONTAINER}rootfile")
        opf_name = rootfile.get("full-path") if rootfile is not None else None
        if not opf_name:
            raise _error(path, "META-INF/container.xml names no package document")
        opf = _parse(read_member(archive, opf_name, path, "EPUB"), opf_name, path)
        items: list[tuple[str, Role]] = []
        for name in _chapters(opf, posixpath.dirname(opf_name), path):
            chapter = read_member(archive, name, path, "EPUB").decode("utf-8", errors="replace")
            items.extend(html_items(chapter, "", BOOK_REMOVE)[0])
    title_element = opf.find(f"{_OPF}metadata/{_DC}title")
    title = " ".join((title_element.text or "").split()) if title_element is not None else ""
    if not items:
        raise _error(path, "no text in its chapters")
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.EPUB, paragraphs=paragraphs, title=title or None)


__all__ = ["MIMETYPE", "load_epub"]
