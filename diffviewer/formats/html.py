"""HTML loader (optionally preceded by YAML front matter). Never fetches anything."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

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
        """Collect the text under `node`, a paragraph per block element. Iterative: a hostile page
        nests elements hundreds of thousands deep, past any recursion limit."""
        # Each frame: the children still to visit, their role, and the role to flush with when
        # the frame ends (a block element's), or None.
        stack: list[tuple[Iterator[PageElement], Role, Role | None]] = [(iter(node.children), role, None)]
        while stack:
            children, role, closing = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if closing is not None:
                    self.flush(closing)
                continue
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
            elif name in _BLOCKS:
                self.flush(role)
                if name in _HEADINGS:
                    inner = Role.HEADING
                elif name == "li":
                    inner = Role.LIST
                elif name == "blockquote":
                    inner = Role.QUOTE
                else:
                    inner = role
                stack.append((iter(child.children), inner, inner))
            else:
                stack.append((iter(child.children), role, None))


def html_items(
    body: str, meta_title_text: str | None = None, remove: tuple[str, ...] = _REMOVE
) -> tuple[list[tuple[str, Role]], str | None]:
    """An HTML text's paragraphs with their roles, and its title (the given one, else its first
    h1, else its <title>). `remove`: the elements dropped with their text (a web page's
    navigation and furniture, by default)."""
    # lxml's parser (libxml2, in C): linear on malformed input where Python's html.parser is
    # quadratic (100,000 unclosed "<a" took it 16 s), and it caps nesting depth. It never fetches.
    soup = BeautifulSoup(body, "lxml")
    title = meta_title_text
    if title is None:
        h1 = soup.find("h1")
        if h1 is not None:
            title = " ".join(h1.get_text(" ").split()) or None
    if title is None:
        t = soup.find("title")
        if t is not None:
            title = " ".join(t.get_text(" ").split()) or None
    for tag in soup.find_all(remove):
        tag.decompose()
    collector = _Collector()
    collector.walk(soup, Role.BODY)
    collector.flush(Role.BODY)
    return collector.items, title


def load_html(data: bytes, path: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    meta, body = split_front_matter(decode_bytes(data, path))
    items, title = html_items(body, meta_title(meta))
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.HTML, paragraphs=paragraphs, title=title)
