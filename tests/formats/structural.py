"""Structural fuzzing: inputs that vary a document's *structure* (deep nesting, many siblings, long
runs of one markup character, huge attributes, alias and entity expansion), where byte fuzzing
varies bytes. Shared by the suite (a short share) and benchmarks/fuzz.py (`make fuzz`).

Each family is a function of a size and a seed giving (file name, bytes), deterministic, for one
loader's format. The accepted outcomes are a Document or a one-line LoadError within the budget.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable

Family = Callable[[int, random.Random], tuple[str, bytes]]

_MARKS = ["[", "![", "*", "**", "_", "__", "`", "``", "<", "&", "#", ">", "|", "\\", "~", "=", "-", ":", "{", "%"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(["the", "harbour", "ferry", "noon", "lantern", "report"]) for _ in range(n))


def markdown_runs(size: int, rng: random.Random) -> tuple[str, bytes]:
    mark = rng.choice(_MARKS)
    return "runs.md", (f"# Notes\n\n{_words(rng, 5)} " + mark * size + f" {_words(rng, 5)}\n").encode()


def markdown_nesting(size: int, rng: random.Random) -> tuple[str, bytes]:
    prefix = rng.choice(["> ", "- ", "1. ", "    ", "* > "])
    lines = [prefix * (n % 500 + 1) + _words(rng, 3) for n in range(size // 20 + 1)]
    return "nested.md", "\n".join(lines).encode()


def front_matter_aliases(size: int, rng: random.Random) -> tuple[str, bytes]:
    depth = 3 + size % 12
    lines = ["---", "a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, depth)]
    lines += [f"title: *a{depth - 1}", "---", _words(rng, 8)]
    return rng.choice(["front.md", "front.txt", "front.html"]), "\n".join(lines).encode()


def html_nesting(size: int, rng: random.Random) -> tuple[str, bytes]:
    tag = rng.choice(["div", "p", "li", "blockquote", "table", "span", "b", "ul", "td", "section"])
    closed = rng.random() < 0.5
    page = f"<html><body><p>{_words(rng, 4)}</p>" + f"<{tag}>" * size + _words(rng, 3)
    return "deep.html", (page + (f"</{tag}>" * size if closed else "")).encode()


def html_siblings(size: int, rng: random.Random) -> tuple[str, bytes]:
    piece = rng.choice(["<br>", "<p></p>", "<a", "<?x?>", "<!-- c -->", "</x>", "<![CDATA[x]]>", "&amp;", "&#1;", " "])
    return "many.html", (f"<p>{_words(rng, 4)}</p>" + piece * size + f"<p>{_words(rng, 4)}</p>").encode()


def html_attributes(size: int, rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        attributes = " ".join(f'a{n}="{n}"' for n in range(size // 8 + 1))
    else:
        attributes = f'title="{"x" * size}"'
    return "attrs.html", f"<p {attributes}>{_words(rng, 5)}</p>".encode()


def rst_structures(size: int, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["substitutions", "indent", "targets", "table", "roles"])
    if kind == "substitutions":
        depth = 2 + size % 20
        lines = [".. |s0| replace:: lol lol"] + [
            f".. |s{n}| replace:: " + " ".join([f"|s{n - 1}|"] * 4) for n in range(1, depth)
        ]
        text = f"Title\n=====\n\nText |s{depth - 1}| end.\n\n" + "\n".join(lines)
    elif kind == "indent":
        text = "\n\n".join("  " * (n % 300) + "* " + _words(rng, 2) for n in range(size // 10 + 1))
    elif kind == "targets":
        text = "\n".join(f".. _t{n}: http://example.invalid/{n}\n\nsee t{n}_" for n in range(size // 30 + 1))
    elif kind == "table":
        rows = "\n".join(f"   * - {n}\n     - {_words(rng, 2)}" for n in range(size // 30 + 1))
        text = f".. list-table::\n\n{rows}\n"
    else:
        text = (":ref:`" + "x" * 3) * (size // 8 + 1)
    return "doc.rst", text.encode()


def text_shapes(size: int, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["blank", "line", "tiny", "nul", "utf16"])
    if kind == "blank":
        text = "\n" * size + _words(rng, 3) + "\n" * size
    elif kind == "line":
        text = _words(rng, size // 6 + 1)
    elif kind == "tiny":
        text = "\n".join(rng.choice("ab.") for _ in range(size))
    elif kind == "nul":
        return "nul.txt", (_words(rng, 20) + "\x00" * (size // 100 + 1)).encode()
    else:
        return "wide.txt", (_words(rng, size // 6 + 1)).encode("utf-16-le")
    return "shape.txt", text.encode()


def zipped(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_structures(size: int, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["paragraphs", "tables", "runs", "entity", "attribute"])
    if kind == "paragraphs":
        body = "".join(f"<w:p><w:r><w:t>{_words(rng, 4)}</w:t></w:r></w:p>" for _ in range(size // 10 + 1))
    elif kind == "tables":
        depth = size // 100 % 200 + 1
        body = (
            "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * depth
        )
    elif kind == "runs":
        body = "<w:p>" + "<w:r><w:t>a</w:t></w:r>" * size + "</w:p>"
    elif kind == "entity":
        entities = '<!ENTITY a0 "lol lol">' + "".join(
            f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 9)
        )
        return "entity.docx", zipped(
            {
                "[Content_Types].xml": "<Types/>",
                "word/document.xml": f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document {_W}>'
                "<w:body><w:p><w:r><w:t>&a8;</w:t></w:r></w:p></w:body></w:document>",
            }
        )
    else:
        body = f'<w:p w:rsidR="{"0" * size}"><w:r><w:t>{_words(rng, 3)}</w:t></w:r></w:p>'
    document = f"<w:document {_W}><w:body>{body}</w:body></w:document>"
    return rng.choice(["s.docx", "s.bin"]), zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def odt_epub_structures(size: int, rng: random.Random) -> tuple[str, bytes]:
    namespaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    if rng.random() < 0.5:
        depth = size // 50 % 2000 + 1
        body = "<text:list><text:list-item>" * depth + "<text:p>deep</text:p>" + "</text:list-item></text:list>" * depth
        body += "<text:p>" + "<text:span>" * depth + "x" + "</text:span>" * depth + "</text:p>"
        content = (
            f"<office:document-content {namespaces}><office:body><office:text>{body}</office:text>"
            "</office:body></office:document-content>"
        )
        return "s.odt", zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})
    chapters = size // 200 + 1
    manifest = "".join(
        f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>' for n in range(chapters)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(chapters))
    entries: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="content.opf"/></rootfiles></container>',
        "content.opf": f'<package xmlns="http://www.idpf.org/2007/opf"><manifest>{manifest}</manifest>'
        f"<spine>{spine}</spine></package>",
    }
    for n in range(chapters):
        entries[f"c{n}.xhtml"] = f"<html><body><h1>Chapter {n}</h1><p>{_words(rng, 6)}</p></body></html>"
    return "s.epub", zipped(entries)


def rtf_structures(size: int, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["groups", "controls", "unclosed", "binary"])
    if kind == "groups":
        depth = size // 4 + 1
        text = "{\\rtf1 " + "{" * depth + _words(rng, 3) + "}" * depth + "}"
    elif kind == "controls":
        text = "{\\rtf1 " + "\\b\\i\\ul " * (size // 8 + 1) + _words(rng, 3) + "\\par}"
    elif kind == "unclosed":
        text = "{\\rtf1 " + "{\\*\\x " * (size // 8 + 1) + _words(rng, 3)
    else:
        text = "{\\rtf1 \\bin" + str(size) + " " + "x" * 10 + " " + _words(rng, 3) + "\\par}"
    return "s.rtf", text.encode()


FAMILIES: dict[str, Family] = {
    "markdown runs": markdown_runs,
    "markdown nesting": markdown_nesting,
    "front matter aliases": front_matter_aliases,
    "html nesting": html_nesting,
    "html siblings": html_siblings,
    "html attributes": html_attributes,
    "rst structures": rst_structures,
    "text shapes": text_shapes,
    "docx structures": docx_structures,
    "odt and epub structures": odt_epub_structures,
    "rtf structures": rtf_structures,
}


def inputs(family: Family, count: int, largest: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """`count` inputs of one family, their sizes spread up to `largest` (small ones first)."""
    rng = random.Random(seed)
    sizes = [max(1, int(largest * ((n + 1) / count) ** 2)) for n in range(count)]
    return [family(size, rng) for size in sizes]


__all__ = ["FAMILIES", "Family", "inputs", "zipped"]
