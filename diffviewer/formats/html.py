"""HTML loader (optionally preceded by YAML front matter). Never fetches anything."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

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
# A book's chapter is all text: only what is never text goes (its header holds the chapter's
# heading, an aside a sidebar of the book's own).
BOOK_REMOVE = ("script", "style", "noscript", "iframe", "svg", "template", "head", "title", "meta", "link", "object")
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
# Two or more line breaks in a row end a paragraph. Anchored on a break: starting at any space
# (as "(?:\s*BR\s*){2,}" did) made a long run of spaces backtrack quadratically.
_MULTI_BR = re.compile(r"\x00BR\x00(?:\s*\x00BR\x00)+")


# Text that is not the page's prose even where the element stays: ruby annotations (readings
# printed above the characters, and the brackets around them for browsers without ruby), and
# code or templates wherever they sit (inside a heading, say).
_NOT_PROSE = {"rt", "rp", "script", "style", "template"}


@dataclass(slots=True)
class _Open:
    """An element the parser is inside: the role its text takes, the role to end a paragraph
    with when it closes (a block element's), and whether its text is dropped."""

    role: Role
    closing: Role | None
    dropped: bool


@dataclass(slots=True)
class _FirstText:
    """The text of the document's first element named `name`, wherever it is (the <title> lives
    in the dropped head, an h1 may sit in a dropped header); its strings separated by spaces."""

    name: str
    pieces: list[str] | None = None
    depth: int = 0

    def start(self, name: str) -> None:
        if self.pieces is not None and self.depth:
            self.pieces.append(" ")
        if name == self.name and (self.pieces is None or self.depth):
            self.pieces = self.pieces if self.pieces is not None else []
            self.depth += 1

    def end(self, name: str) -> None:
        if self.pieces is not None and self.depth:
            self.pieces.append(" ")
            if name == self.name:
                self.depth -= 1

    def data(self, text: str) -> None:
        if self.pieces is not None and self.depth:
            self.pieces.append(text)

    @property
    def text(self) -> str | None:
        return " ".join("".join(self.pieces or ()).split()) or None


class _Collector:
    """lxml's parser target: paragraphs are built from the parser's events as they come, with no
    tree (a tree would cap nesting depth, and a hostile page nests hundreds of thousands deep)."""

    def __init__(self, remove: tuple[str, ...], wants_title: bool) -> None:
        self.items: list[tuple[str, Role]] = []
        self.buffer: list[str] = []
        self.remove = frozenset(remove)
        self.open: list[_Open] = [_Open(Role.BODY, None, dropped=False)]
        self.not_prose_depth = 0
        # The title, in the order asked for: the first h1, else the <title>.
        self.titles = (_FirstText("h1"), _FirstText("title")) if wants_title else ()

    def flush(self, role: Role) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        for part in _MULTI_BR.split(raw):
            text = " ".join(part.replace(_BR, " ").split())
            if text:
                self.items.append((text, role))

    def start(self, tag: str, attrib: object) -> None:
        name = tag.lower()
        if name in _NOT_PROSE:
            self.not_prose_depth += 1
        for title in self.titles:
            title.start(name)
        outer = self.open[-1]
        if outer.dropped or name in self.remove:
            self.open.append(_Open(outer.role, None, dropped=True))
        elif name == "br":
            self.buffer.append(_BR)
            self.open.append(_Open(outer.role, None, dropped=False))
        elif name in _BLOCKS:
            self.flush(outer.role)
            if name in _HEADINGS:
                inner = Role.HEADING
            elif name == "li":
                inner = Role.LIST
            elif name == "blockquote":
                inner = Role.QUOTE
            else:
                inner = outer.role
            self.open.append(_Open(inner, inner, dropped=False))
        else:
            self.open.append(_Open(outer.role, None, dropped=False))

    def end(self, tag: str) -> None:
        name = tag.lower()
        if name in _NOT_PROSE:
            self.not_prose_depth -= 1
        for title in self.titles:
            title.end(name)
        # The parser closes every element it opened (the document's end closes the rest); the
        # first frame is the document's own and stays.
        if len(self.open) > 1:
            closing = self.open.pop().closing
            if closing is not None:
                self.flush(closing)

    def data(self, text: str) -> None:
        if self.not_prose_depth:
            return
        if not self.open[-1].dropped:
            self.buffer.append(text)
        for title in self.titles:
            title.data(text)

    def close(self) -> None:
        self.flush(Role.BODY)

    def found_title(self) -> str | None:
        return next((title.text for title in self.titles if title.text), None)


def html_items(
    body: str, meta_title_text: str | None = None, remove: tuple[str, ...] = _REMOVE
) -> tuple[list[tuple[str, Role]], str | None]:
    """An HTML text's paragraphs with their roles, and its title (the given one, else its first
    h1, else its <title>). `remove`: the elements dropped with their text (a web page's
    navigation and furniture, by default)."""
    collector = _Collector(remove, wants_title=meta_title_text is None)
    # lxml's parser (libxml2, in C): linear on malformed input where Python's html.parser is
    # quadratic (100,000 unclosed "<a" took it 16 s). It never fetches (no_network), and with a
    # target it builds no tree, so the size limits huge_tree lifts guard nothing here (without
    # it a paragraph over 10 MB would be silently dropped). The text goes in as UTF-8, declared:
    # the page's own declaration named the bytes' encoding, which decoding has already used.
    parser = etree.HTMLParser(target=collector, encoding="utf-8", recover=True, no_network=True, huge_tree=True)
    etree.fromstring(body.encode("utf-8", errors="replace"), parser)
    title = meta_title_text if meta_title_text is not None else collector.found_title()
    return collector.items, title


def load_html(data: bytes, path: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    meta, body = split_front_matter(decode_bytes(data, path))
    items, title = html_items(body, meta_title(meta))
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.HTML, paragraphs=paragraphs, title=title)
