"""DOCX: word/document.xml streamed with lxml from a checked archive (no python-docx: it builds
the whole document in memory and looked every paragraph's style up among all styles)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.archive import corrupt, open_checked, read_member


def check_zip(data: bytes, path: str) -> None:
    open_checked(data, path, "DOCX", "word/document.xml").close()


def _role(style_name: str) -> Role:
    if style_name.startswith(("Heading", "Title")):
        return Role.HEADING
    if style_name in ("Quote", "Intense Quote") or "Quote" in style_name:
        return Role.QUOTE
    if style_name.startswith("List") or "List" in style_name:
        return Role.LIST
    return Role.BODY


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARAGRAPH, _TEXT = f"{_W}p", f"{_W}t"
# What a reader sees for these run elements.
_SHOWN_AS = {f"{_W}tab": " ", f"{_W}ptab": " ", f"{_W}br": " ", f"{_W}cr": " ", f"{_W}noBreakHyphen": "-"}
# Subtrees that are not this paragraph's own text: a text box's paragraphs (read as paragraphs
# of their own), the fallback copy of content Word also gives in a newer form, tracked text
# moved away or deleted, field instructions.
_NOT_OWN = {
    f"{_W}txbxContent",
    f"{_MC}Fallback",
    f"{_W}moveFrom",
    f"{_W}del",
    f"{_W}delText",
    f"{_W}instrText",
    _PARAGRAPH,
}
# A Word document never has a DTD: one is refused, so no entity is ever defined, let alone expanded.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _xml(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    data = read_member(archive, name, path, "DOCX")
    if _DOCTYPE.search(data):
        raise corrupt(path, "DOCX", f"{name}: a DTD (entities) refused")
    return data


# Nothing fetched, nothing resolved, libxml2's own size limits kept.
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _style_names(archive: zipfile.ZipFile, path: str) -> tuple[dict[str, str], str]:
    """Paragraph style names by id, and the default paragraph style's name."""
    if "word/styles.xml" not in archive.namelist():
        return {}, ""
    root = etree.fromstring(_xml(archive, "word/styles.xml", path), etree.XMLParser(**_PARSER_OPTIONS))
    names: dict[str, str] = {}
    default = ""
    for style in root.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        name_element = style.find(f"{_W}name")
        name = (name_element.get(f"{_W}val") or "") if name_element is not None else ""
        # Word stores built-in names in lower case ("heading 1"); python-docx showed them capitalised.
        name = name[:1].upper() + name[1:]
        if style_id is not None:
            names[style_id] = name
        if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
            default = name
    return names, default


def _paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's own text: its runs, without the subtrees of _NOT_OWN (walked iteratively)."""
    parts: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _NOT_OWN:
            continue
        if tag == _TEXT:
            parts.append(element.text or "")
        elif tag in _SHOWN_AS:
            parts.append(_SHOWN_AS[tag])
        else:
            stack.extend(reversed(element))
    return " ".join("".join(parts).split())


def _in_fallback(element: etree._Element) -> bool:
    return any(ancestor.tag == f"{_MC}Fallback" for ancestor in element.iterancestors())


def _paragraphs(data: bytes, names: dict[str, str], default: str) -> Iterator[tuple[str, str]]:
    """Each paragraph's text and style name, streamed: the tree is cleared behind the reader, so a
    document.xml of a hundred megabytes is read in bounded memory. Table cells' paragraphs come in
    order; a text box's paragraphs come as paragraphs of their own, before the one they sit in;
    the fallback copy of content Word also writes in a newer form is not read twice."""
    for _, element in etree.iterparse(io.BytesIO(data), events=("end",), tag=_PARAGRAPH, **_PARSER_OPTIONS):
        if _in_fallback(element):
            continue
        properties = element.find(f"{_W}pPr/{_W}pStyle")
        style_id = properties.get(f"{_W}val") if properties is not None else None
        yield _paragraph_text(element), names.get(style_id, "") if style_id is not None else default
        # Free what was read, unless the paragraph is inside another (which still needs its tree).
        if not any(ancestor.tag == _PARAGRAPH for ancestor in element.iterancestors()):
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def _core_title(archive: zipfile.ZipFile, path: str) -> str | None:
    if "docProps/core.xml" not in archive.namelist():
        return None
    root = etree.fromstring(_xml(archive, "docProps/core.xml", path), etree.XMLParser(**_PARSER_OPTIONS))
    found = root.find(f"{_DC}title")
    return " ".join((found.text or "").split()) or None if found is not None else None


def load_docx(data: bytes, path: str) -> Document:
    archive = open_checked(data, path, "DOCX", "word/document.xml")
    items: list[tuple[str, Role]] = []
    first_title: str | None = None
    try:
        with archive:
            names, default = _style_names(archive, path)
            for text, style in _paragraphs(_xml(archive, "word/document.xml", path), names, default):
                if not text:
                    continue
                if first_title is None and style.startswith("Title"):
                    first_title = text
                items.append((text, _role(style)))
            title = _core_title(archive, path) or first_title
    except etree.XMLSyntaxError as exc:
        raise corrupt(path, "DOCX", f"not well-formed XML ({exc})") from None
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.DOCX, paragraphs=paragraphs, title=title)
