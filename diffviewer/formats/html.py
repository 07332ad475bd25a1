"""HTML loader (optionally preceded by YAML front matter). Never fetches anything."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.markdown import meta_title, split_front_matter

_REMOVE = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "svg",
    "template",
    "button",
    "head",
    "title",
    "meta",
    "link",
    "object",
    "embed",
)
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "caption",
    "center",
    "fieldset",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BR = "\x00BR\x00"
_MULTI_BR = re.compile(r"(?:\s*\x00BR\x00\s*){2,}")


class _Collector:
    def __init__(self) -> None:
        self.items: list[tuple[str, Role]] = []
        self.buffer: list[str] = []

    def flush(self, role: Role) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        for part in _MULTI_BR.split(raw):
            text = " ".join(part.replace(_BR, " ").split())
            if text:
                self.items.append((text, role))

    def walk(self, node: Tag, role: Role) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = (child.name or "").lower()
            if name == "br":
                self.buffer.append(_BR)
                continue
            if name in _BLOCKS:
                self.flush(role)
                if name in _HEADINGS:
                    inner = Role.HEADING
                elif name == "li":
                    inner = Role.LIST
                elif name == "blockquote":
                    inner = Role.QUOTE
                else:
                    inner = role
                self.walk(child, inner)
                self.flush(inner)
            else:
                self.walk(child, role)


def load_html(data: bytes, path: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    meta, body = split_front_matter(decode_bytes(data, path))
    soup = BeautifulSoup(body, "html.parser")
    title = meta_title(meta)
    if title is None:
        h1 = soup.find("h1")
        if h1 is not None:
            title = " ".join(h1.get_text(" ").split()) or None
    if title is None:
        t = soup.find("title")
        if t is not None:
            title = " ".join(t.get_text(" ").split()) or None
    for tag in soup.find_all(_REMOVE):
        tag.decompose()
    collector = _Collector()
    collector.walk(soup, Role.BODY)
    collector.flush(Role.BODY)
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(collector.items))
    return Document(path=path, format=DocumentFormat.HTML, paragraphs=paragraphs, title=title)
