"""reStructuredText read as prose: docutils parses it, and its tree gives the paragraphs.

docutils runs locked down: no file inclusion, no raw passthrough, no configuration files, no
reports printed, never halting on errors, exceptions raised rather than `sys.exit`. Its inline
parser is quadratic on some inputs (a long paragraph full of unmatched `*` or `a_`), so input
that would cost it more than a budget, or that nests deeper than Python can recurse, is read by
a small linear fallback instead: the same paragraphs and roles, with the markup stripped by
patterns. Either way a document comes back, or a LoadError.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.core.segment import normalise_newlines, split_blocks

# Past these, docutils is not trusted to finish in reasonable time (see `_docutils_cost`).
DOCUTILS_MAX_CHARACTERS = 2_000_000
DOCUTILS_MAX_COST = 200_000_000
DOCUTILS_MAX_LINE = 10_000  # docutils' own limit; a longer line would make it drop everything
DOCUTILS_MAX_TARGETS = 1_500
# Explicit targets (".. _x:", footnotes, citations, substitutions) and references ("x_", "`x`_").
_TARGETS_AND_REFERENCES = re.compile(r"^\s*\.\. (?:_|\[|\|)|\w_(?!\w)|`_", re.MULTILINE)
_MARKUP_STARTS = re.compile(r"[*`_|\[:]")


def _settings() -> dict[str, Any]:
    return {
        "file_insertion_enabled": False,  # no `include`, no `csv-table :file:`/`:url:`
        "raw_enabled": False,  # no `raw` passthrough
        "_disable_config": True,  # no docutils.conf from the working folder or home
        "report_level": 5,  # report nothing...
        "halt_level": 5,  # ...and never stop on an error
        "warning_stream": io.StringIO(),  # a fresh sink per parse: nothing reaches stderr
        "traceback": True,  # raise exceptions instead of calling sys.exit()
        "line_length_limit": DOCUTILS_MAX_LINE,
        "doctitle_xform": False,  # keep the title a heading paragraph, as Markdown does
        "docinfo_xform": False,
        "sectsubtitle_xform": False,
        "syntax_highlight": "none",  # code blocks are prose here: no lexing
        "pep_references": False,
        "rfc_references": False,
        "smart_quotes": False,
    }


def _docutils_cost(text: str) -> int:
    """A bound on docutils' work: per block, its length times its inline markup characters.

    The inline parser rescans a paragraph for every markup start it cannot close, so this
    product is what grows (a 30 kB paragraph of `a_ ` costs 300M and takes seconds).
    """
    return sum(
        len(chunk) * len(_MARKUP_STARTS.findall(chunk)) for chunk in re.split(r"\n[ \t]*\n", text) if chunk.strip()
    )


def _safe_for_docutils(text: str) -> bool:
    if len(text) > DOCUTILS_MAX_CHARACTERS:
        return False
    # Docutils resolves targets and references against each other, quadratically in their number
    # (16,000 duplicate targets: 38 s); documents with more are read by the linear reader.
    if len(_TARGETS_AND_REFERENCES.findall(text)) > DOCUTILS_MAX_TARGETS:
        return False
    if any(len(line) > DOCUTILS_MAX_LINE for line in text.split("\n")):
        return False
    return _docutils_cost(text) <= DOCUTILS_MAX_COST


# --- inline markup ---------------------------------------------------------------------------

# :role:`text`, `text`:role: — Sphinx's `title <target>`, `~a.b.c` (shows "c") and `!text`.
_ROLE = re.compile(r"\A:[\w:+.-]+:`(.*)`\Z|\A`(.*)`:[\w:+.-]+:\Z", re.DOTALL)
_TARGET = re.compile(r"\A(.*?)\s*<[^<>]*>\Z", re.DOTALL)


_REFERENCE = re.compile(r"\A`(.*?)(?:\s*<[^<>]*>)?`__?\Z|\A(\w[\w.+-]*)__?\Z|\A\|(.+)\|(?:__?)?\Z", re.DOTALL)


def role_text(source: str) -> str:
    """The text a reader sees for markup docutils could not resolve: an unknown (Sphinx) role
    such as :ref:`x`, or a reference or substitution whose target is missing."""
    reference = _REFERENCE.match(source)
    if reference:
        return next(group for group in reference.groups() if group is not None)
    match = _ROLE.match(source)
    if not match:
        return source
    text = match.group(1) if match.group(1) is not None else match.group(2)
    titled = _TARGET.match(text)
    if titled and titled.group(1):
        return titled.group(1)
    text = text.removeprefix("!")
    if text.startswith("~"):
        return text[1:].rsplit(".", 1)[-1]
    return text


# A span never crosses its own mark and is at most `_SPAN` characters long, so an unclosed mark
# costs a scan to the next mark, not to the end of the paragraph: the fallback stays linear.
_SPAN = 1000
_INLINE_PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"``([^`]{{1,{_SPAN}}})``"), r"\1"),  # inline literal
    (re.compile(rf":[\w:+.-]{{1,64}}:`[^`]{{1,{_SPAN}}}`"), lambda m: role_text(m.group(0))),  # :role:`text`
    (re.compile(rf"`[^`]{{1,{_SPAN}}}`:[\w:+.-]{{1,64}}:"), lambda m: role_text(m.group(0))),  # `text`:role:
    (re.compile(rf"`[^`]{{1,{_SPAN}}}`__?"), lambda m: role_text(m.group(0))),  # `text <url>`_, `text`_
    (re.compile(rf"`([^`]{{1,{_SPAN}}})`"), r"\1"),  # `title reference`
    (re.compile(rf"\*\*([^*]{{1,{_SPAN}}})\*\*"), r"\1"),  # **strong**
    (re.compile(rf"(?<![\w*])\*(?=\S)([^*]{{1,{_SPAN}}})(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(rf"\|([^|\s][^|]{{0,{_SPAN}}})\|_{{0,2}}"), r"\1"),  # |substitution|
    (re.compile(r" ?\[(?:#[\w-]*|\*|\d+)\]_"), ""),  # footnote references
    (re.compile(r"\b(\w+)__?(?!\w)"), r"\1"),  # word_ references
    (re.compile(r"\\(.)"), r"\1"),  # backslash escapes
]


def strip_inline(text: str) -> str:
    """Inline markup reduced to its text by patterns (the fallback reader; linear time)."""
    text = " ".join(text.split())  # first: long runs of spaces would make some patterns rescan
    for pattern, replacement in _INLINE_PATTERNS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


# --- docutils --------------------------------------------------------------------------------

# Nodes that carry no prose: comments, unknown directives and roles reported as errors, disabled
# `raw`/`include`, link targets, substitution definitions, images.
_SKIPPED = frozenset(
    {
        "comment",
        "system_message",
        "raw",
        "target",
        "substitution_definition",
        "pending",
        "image",
        "label",
        "meta",
        "decoration",
        "transition",
    }
)
# Nodes whose text is one paragraph.
_LEAVES = frozenset(
    {
        "paragraph",
        "title",
        "subtitle",
        "rubric",
        "term",
        "classifier",
        "attribution",
        "literal_block",
        "doctest_block",
        "math_block",
        "line_block",
        "caption",
        "option_group",
        "field",
    }
)
_ROLE_OF_CONTAINER = {
    "block_quote": Role.QUOTE,
    "list_item": Role.LIST,
    "definition_list_item": Role.LIST,
    "option_list_item": Role.LIST,
}


def _inline_text(node: Any) -> str:
    """A node's text as a reader sees it; block-level children (lines, paragraphs) kept apart."""
    from docutils import nodes

    if node.tagname == "field":  # `:Author: Jane` reads "Author: Jane"
        name, body = (_inline_text(child) for child in node.children[:2])
        return f"{name}: {body}" if body else name
    parts: list[str] = []
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):  # a separator between block-level pieces
            parts.append(current)
        elif isinstance(current, nodes.Text):
            parts.append(current.astext())
        elif current.tagname in _SKIPPED:
            continue
        elif current.tagname == "problematic":  # an unknown role such as :ref:`x`, or unclosed markup
            parts.append(role_text(current.astext()))
        elif current.tagname in ("footnote_reference", "citation_reference"):
            parts.append(f"[{current.astext()}]")
        else:
            block = not isinstance(current, nodes.Inline)
            stack.extend([" "] if block else [])
            stack.extend(reversed(current.children))
            stack.extend([" "] if block else [])
    return " ".join("".join(parts).split())


def _walk(document: Any) -> Iterator[tuple[str, Role]]:
    # Iterative, so a deeply nested tree cannot overflow the stack here (docutils itself may:
    # that RecursionError sends the text to the fallback reader).
    seen_section = False
    opened = False  # a paragraph other than metadata was seen
    stack: list[tuple[Any, Role]] = [(child, Role.BODY) for child in reversed(document.children)]
    while stack:
        node, role = stack.pop()
        name = getattr(node, "tagname", "")
        if name == "system_message" and _malformed_table(node):
            # docutils gives up on a table it cannot parse, keeping its source: its words are
            # still the document's, read a line at a time without the table's rules.
            for block in node.children[1:]:
                for line in block.astext().split("\n"):
                    if not _TABLE_RULE.match(line):
                        yield " ".join(line.replace("|", " ").split()), role
            continue
        if not name or name in _SKIPPED:
            continue
        if name == "section":
            seen_section = True
        if name in _LEAVES:
            if name in ("title", "subtitle", "rubric"):
                leaf_role = Role.HEADING
            elif name == "field" and not (seen_section or opened) and node.parent.parent is document:
                leaf_role = Role.METADATA  # `:Author: ...` fields opening the document
            else:
                leaf_role = role
            text = _inline_text(node)
            if text:
                opened = opened or leaf_role is not Role.METADATA
                yield text, leaf_role
            continue
        inner = _ROLE_OF_CONTAINER.get(name, role)
        stack.extend((child, inner) for child in reversed(node.children))


# A table's borders and rules: "+-----+", "=====  =====", "|" alone.
_TABLE_RULE = re.compile(r"^[\s+\-=|:]*$")


def _malformed_table(message: Any) -> bool:
    first = message.children[0].astext() if message.children else ""
    return "table" in first.lower() and "malformed" in first.lower()


def _docutils_paragraphs(text: str) -> list[tuple[str, Role]]:
    from docutils.core import publish_doctree

    document = publish_doctree(text, settings_overrides=_settings())
    return list(_walk(document))


# --- fallback --------------------------------------------------------------------------------

_ADORNMENT = re.compile(r"""^([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])\1{2,}\s*$""")
_LIST = re.compile(r"^\s*(?:[-*+•]|#\.|\d+[.)]|\(?[a-zA-Z0-9]\)|[a-zA-Z][.)])\s+")
_FIELD = re.compile(r"^\s*:[^:\s][^:]*:(?:\s|$)")
_LINE_BLOCK = re.compile(r"^\s*\|(?:\s|$)")


def _without_literal_marker(paragraph: str) -> str:
    """rST's "Example::" reads "Example:", "Example ::" reads "Example" (a literal block follows)."""
    if not paragraph.endswith("::"):
        return paragraph
    before = paragraph[:-2]
    return before.rstrip() if not before or before[-1].isspace() else before + ":"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _items(lines: list[str]) -> list[tuple[list[str], Role | None]]:
    """A block cut at list items and fields: (lines, LIST / METADATA-or-BODY / None for prose)."""
    items: list[tuple[list[str], Role | None]] = []
    for line in lines:
        if marker := _LIST.match(line):
            items.append(([line[marker.end() :]], Role.LIST))
        elif _FIELD.match(line):
            items.append(([line.strip()[1:].replace(":", ": ", 1)], Role.METADATA))
        elif items:
            items[-1][0].append(_LINE_BLOCK.sub("", line))
        else:
            items.append(([_LINE_BLOCK.sub("", line)], None))
    return items


# Directives whose body is the document's own prose (tables, admonitions, quotations): the simple
# reader keeps their text. Others (images, code, raw, comments) carry none and are skipped.
_PROSE_DIRECTIVE = re.compile(
    r"\s*\.\.\s+(list-table|csv-table|table|note|warning|tip|important|caution|attention|danger|error|hint|"
    r"admonition|topic|sidebar|epigraph|pull-quote|highlights|container|rubric|compound)::(.*)$"
)
_TABLE_CELL = re.compile(r"^\s*(?:[-*+]\s+)+")
# Of those, the ones whose argument is a title; an admonition's ("note:: Mind the tide") is text.
_TITLED = frozenset({"list-table", "csv-table", "table", "topic", "sidebar", "rubric"})


def _directive_body(block: list[str]) -> str:
    """A prose directive's block as text: list-table markers ("* - ") and options dropped."""
    lines = [_TABLE_CELL.sub("", line) for line in block if not _FIELD.match(line)]
    return strip_inline(" ".join(lines))


def _fallback_paragraphs(text: str) -> list[tuple[str, Role]]:
    """Blank-line blocks with the markup stripped by patterns: linear, for input docutils cannot take."""
    out: list[tuple[str, Role]] = []
    prose_indent: int | None = None  # blocks indented deeper are a prose directive's body
    nested_indent: int | None = None  # ...and deeper still, a directive's inside that body
    directive_indent: int | None = None  # blocks indented deeper are a directive's or comment's body
    literal_indent: int | None = None  # blocks indented deeper are a literal block after "::"
    opened = False  # a paragraph other than metadata was seen
    for block in split_blocks(text):
        indent = _indent(block[0])
        if prose_indent is not None and indent > prose_indent:
            if nested_indent is not None and indent > nested_indent:
                continue  # the body of a directive inside it (an image's options, code)
            nested_indent = None
            if re.match(r"\s*\.\.(?:\s|$)", block[0]):
                nested_indent = indent  # a directive or comment inside: no prose of its own
                continue
            # A table's rows, an admonition's text: each line of a list-table row is a cell.
            cells = [_directive_body([line]) for line in block] if _TABLE_CELL.match(block[0]) else []
            for paragraph in cells or [_directive_body(block)]:
                if paragraph:
                    out.append((paragraph, Role.BODY))
            continue
        prose_indent = nested_indent = None
        if directive_indent is not None and indent > directive_indent:
            continue
        directive_indent = None
        if prose := _PROSE_DIRECTIVE.match(block[0]):
            prose_indent = indent
            argument = strip_inline(prose.group(2).strip())
            if argument:  # a table's title, or the first words of an admonition
                out.append((argument, Role.HEADING if prose.group(1) in _TITLED else Role.BODY))
            rest = _directive_body(block[1:])
            if rest:
                out.append((rest, Role.BODY))
            continue
        if literal_indent is not None and indent > literal_indent:
            out.append((" ".join(" ".join(block).split()), Role.BODY))
            continue
        literal_indent = None
        if re.match(r"\s*\.\.(?:\s|$)", block[0]):
            directive_indent = indent  # a comment or a directive, and everything under it
            continue
        lines = [line for line in block if not _ADORNMENT.match(line)]
        if not lines:
            continue
        if len(lines) == 1 and len(block) > 1:  # a title over/underlined
            out.append((strip_inline(lines[0]), Role.HEADING))
            opened = True
            continue
        for item_lines, item_role in _items(lines):
            paragraph = _without_literal_marker(strip_inline(" ".join(item_lines)))
            if item_role is Role.METADATA and opened:
                item_role = Role.BODY  # fields open a document as its metadata; later they are text
            role = item_role or (Role.QUOTE if indent else Role.BODY)
            if paragraph:
                out.append((paragraph, role))
                opened = opened or role is not Role.METADATA
        if " ".join(block).rstrip().endswith("::"):
            literal_indent = indent
    return out


def rst_paragraphs(text: str) -> list[tuple[str, Role]]:
    """(text, role) of each paragraph of a reStructuredText document, markup removed."""
    text = normalise_newlines(text).replace("\x00", "")
    if _safe_for_docutils(text):
        try:
            return _docutils_paragraphs(text)
        except RecursionError:
            pass  # nested deeper than docutils can recurse: read it the simple way
    return _fallback_paragraphs(text)


def load_rst(data: bytes, path: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    items = rst_paragraphs(decode_bytes(data, path))
    title = next((text for text, role in items if role is Role.HEADING), None)
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.TEXT, paragraphs=paragraphs, title=title)


__all__ = ["load_rst", "role_text", "rst_paragraphs", "strip_inline"]
