"""ODT (LibreOffice, Google Docs export): content.xml read with defusedxml from a checked archive.

Headings (text:h, or a paragraph in a Heading or Title style) are headings, list items lists,
paragraphs in a Quotations style quotes; tables give a paragraph per cell paragraph. Notes,
tracked deletions and the like are not the document's text and are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.archive import corrupt, open_checked, read_xml

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Inside a paragraph: elements whose text is not the paragraph's (notes, deleted changes,
# annotations), and the ones that stand for white space.
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SKIPPED = {
    f"{_TEXT}note",
    f"{_TEXT}tracked-changes",
    f"{_OFFICE}annotation",
    f"{_SVG}title",  # an image's alternative text: not the paragraph's
    f"{_SVG}desc",
}
# A frame's text box holds paragraphs of its own: read as paragraphs, after the one it sits in.
_FRAME = f"{_DRAW}frame"
_SPACE, _TAB, _BREAK = f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"


def _text_of(paragraph: Element) -> str:
    """A paragraph's text: its spans and links, spaces and tabs, without notes. Iterative, so no
    nesting depth is too deep."""
    parts: list[str] = [paragraph.text or ""]
    # Each entry: an element to enter, or the tail text to add once its element is done.
    stack: list[Element | str] = [*reversed(list(paragraph))]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tail = item.tail or ""
        if item.tag == _SPACE:
            parts.append(" " * max(1, min(1000, int(item.get(f"{_TEXT}c", "1") or 1))))
        elif item.tag in (_TAB, _BREAK):
            parts.append(" ")
        elif item.tag not in _SKIPPED and item.tag != _FRAME:
            parts.append(item.text or "")
            stack.append(tail)
            stack.extend(reversed(list(item)))
            continue
        parts.append(tail)
    return " ".join("".join(parts).split())


def _styles(root: Element) -> dict[str, str]:
    """Automatic style names to the style they derive from ("P3" → "Quotations")."""
    found: dict[str, str] = {}
    for style in root.iter(f"{_STYLE}style"):
        name, parent = style.get(f"{_STYLE}name"), style.get(f"{_STYLE}parent-style-name")
        if name and parent:
            found[name] = parent
    return found


def _role(element: Element, styles: dict[str, str], in_list: bool) -> Role:
    if element.tag == f"{_TEXT}h":
        return Role.HEADING
    style = element.get(f"{_TEXT}style-name") or ""
    style = styles.get(style, style)
    if style.startswith(("Heading", "Title")):
        return Role.HEADING
    if "Quot" in style:
        return Role.QUOTE
    return Role.LIST if in_list else Role.BODY


def _paragraphs(body: Element, styles: dict[str, str]) -> Iterator[tuple[str, Role]]:
    """The text body's paragraphs in reading order, walked without recursion."""
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(list(body))]
    paragraph_tags = (f"{_TEXT}p", f"{_TEXT}h")
    while stack:
        element, in_list = stack.pop()
        if element.tag in paragraph_tags:
            text = _text_of(element)
            if text:
                yield text, _role(element, styles, in_list)
            # Its frames' text boxes, next: pushed so they come before what follows the paragraph.
            frames = [frame for frame in element.iter(_FRAME)]
            stack.extend((child, in_list) for frame in reversed(frames) for child in reversed(list(frame)))
            continue
        if element.tag in _SKIPPED:
            continue
        nested = in_list or element.tag in (f"{_TEXT}list", f"{_TEXT}list-item")
        stack.extend((child, nested) for child in reversed(list(element)))


def load_odt(data: bytes, path: str) -> Document:
    archive = open_checked(data, path, "ODT", "content.xml")
    with archive:
        content = read_xml(archive, "content.xml", path, "ODT")
        names = set(archive.namelist())
        meta = read_xml(archive, "meta.xml", path, "ODT") if "meta.xml" in names else None
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise corrupt(path, "ODT", "no text body (a spreadsheet or a presentation?)")
    items = list(_paragraphs(body, _styles(content)))
    title_element = meta.find(f"{_OFFICE}meta/{_DC}title") if meta is not None else None
    title = " ".join((title_element.text or "").split()) if title_element is not None else ""
    if not title:
        title = next((text for text, role in items if role is Role.HEADING), "")
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.ODT, paragraphs=paragraphs, title=title or None)


__all__ = ["MIMETYPE", "load_odt"]
