"""Markdown loader (with optional YAML front matter)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.core.segment import normalise_newlines, split_blocks

_FRONT_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_RE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_QUOTE_RE = re.compile(r"^\s{0,3}>\s?")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_RULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """Return (metadata or None, body). Malformed YAML is tolerated (metadata {})."""
    text = normalise_newlines(text)
    m = _FRONT_RE.match(text)
    if not m:
        return None, text
    meta: dict[str, Any] = {}
    front = m.group(1) or ""
    if len(front) <= MAX_FRONT_MATTER:
        try:
            loaded = yaml.load(front, Loader=_PlainLoader)  # noqa: S506 (a SafeLoader, aliases refused)
            if isinstance(loaded, dict):
                meta = loaded
        except Exception:
            meta = {}
    return meta, text[m.end() :]


# Front matter past this size is no metadata a reader wrote: it is skipped, not parsed.
MAX_FRONT_MATTER = 64 * 1024


class _PlainLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases: "billion laughs" front matter (anchors referring to
    anchors) would expand to gigabytes; no title or date needs one."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not read")
        return super().compose_node(parent, index)


def meta_title(meta: dict[str, Any] | None) -> str | None:
    title = meta.get("title") if meta else None
    if isinstance(title, str | int | float) and not isinstance(title, bool):
        return " ".join(str(title).split())[:1000] or None
    return None


# Inline markup, each pattern bounded: an unclosed "[" or "**" must not make every later one
# scan to the end of the paragraph (quadratic: 200,000 of them never finished).
_INLINE = [
    # Link text stops at the next "[" too: a run of unclosed ones fails at once, one by one.
    (re.compile(r"!\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]{0,1000})\]\[[^\[\]\n]{0,1000}\]"), r"\1"),
    (re.compile(r"`([^`]{0,2000})`"), r"\1"),
    (re.compile(r"(\*\*|__)(.{1,2000}?)\1"), r"\2"),
    # Emphasis spans a phrase, not a page: a run of unclosed "*" or "_" each look this far.
    (re.compile(r"(?<![\w*])\*(?!\s)(.{1,300}?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.{1,300}?)(?<!\s)_(?![\w_])"), r"\1"),
]


def strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def markdown_paragraphs(body: str) -> list[tuple[str, Role]]:
    out: list[tuple[str, Role]] = []
    # Drop code fence markers (keep code text as body).
    lines = [ln for ln in normalise_newlines(body).split("\n") if not _FENCE_RE.match(ln)]
    for block in split_blocks("\n".join(lines)):
        current: list[str] = []
        role = Role.BODY

        def flush() -> None:
            nonlocal current
            text = strip_inline(" ".join(current))  # role is read at call time, on purpose
            if text:
                out.append((text, role))  # noqa: B023 - flush() runs inside the loop, before role changes
            current = []

        for line in block:
            if _RULE_RE.match(line):
                flush()
                continue
            h = _HEADING_RE.match(line)
            if h:
                flush()
                role = Role.HEADING
                current = [h.group(2)]
                flush()
                role = Role.BODY
                continue
            q = _QUOTE_RE.match(line)
            if q:
                if role is not Role.QUOTE:
                    flush()
                    role = Role.QUOTE
                rest = line[q.end() :]
                if not rest.strip():
                    flush()
                    continue
                current.append(rest)
                continue
            li = _LIST_RE.match(line)
            if li:
                flush()
                role = Role.LIST
                current = [line[li.end() :]]
                continue
            if role is Role.HEADING:
                role = Role.BODY
            current.append(line)
        flush()
    return out


def load_markdown(data: bytes, path: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    meta, body = split_front_matter(decode_bytes(data, path))
    items = markdown_paragraphs(body)
    title = meta_title(meta)
    if title is None:
        m = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", body, re.MULTILINE)
        if m:
            title = strip_inline(m.group(1)) or None
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.MARKDOWN, paragraphs=paragraphs, title=title)
