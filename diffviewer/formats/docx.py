"""DOCX loader via python-docx, with zip sanity and zip-bomb checks."""

from __future__ import annotations

import io

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role
from diffviewer.formats.archive import open_checked


def _error(path: str, detail: str) -> Exception:
    from diffviewer.formats import LoadError

    return LoadError(path, f"corrupt DOCX: {detail}")


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


def load_docx(data: bytes, path: str) -> Document:
    check_zip(data, path)
    try:
        import docx
        from docx.enum.style import WD_STYLE_TYPE
        from docx.table import Table
        from docx.text.paragraph import Paragraph as DocxParagraph

        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _error(path, msg) from None

    items: list[tuple[str, Role]] = []
    first_title: str | None = None
    # Style names by style id, read once: python-docx looks a paragraph's style up among all the
    # document's styles each time it is asked, which made a 50,000-paragraph book take a minute.
    names: dict[str, str] = {}
    try:
        for style in doc.styles:
            if style.style_id is not None:
                names[style.style_id] = style.name or ""
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        default_name = (default.name or "") if default is not None else ""
    except Exception:
        default_name = ""

    def style_name(p: DocxParagraph) -> str:
        try:
            properties = p._p.pPr
            style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
        except Exception:
            return ""
        return names.get(style_id, "") if style_id is not None else default_name

    def add_paragraph(p: DocxParagraph) -> None:
        nonlocal first_title
        text = " ".join(p.text.split())
        if not text:
            return
        name = style_name(p)
        if first_title is None and name.startswith("Title"):
            first_title = text
        items.append((text, _role(name)))

    def add_table(t: Table) -> None:
        seen: set[int] = set()
        for row in t.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                for block in _iter_blocks(cell._tc, cell):
                    if isinstance(block, Table):
                        add_table(block)
                    else:
                        add_paragraph(block)

    def _iter_blocks(element, parent):
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield DocxParagraph(child, parent)
            elif tag == "tbl":
                yield Table(child, parent)

    for block in _iter_blocks(doc.element.body, doc):
        if isinstance(block, Table):
            add_table(block)
        else:
            add_paragraph(block)

    title = None
    try:
        title = " ".join((doc.core_properties.title or "").split()) or None
    except Exception:
        title = None
    title = title or first_title
    paragraphs = tuple(Paragraph(index=i, text=t, role=r) for i, (t, r) in enumerate(items))
    return Document(path=path, format=DocumentFormat.DOCX, paragraphs=paragraphs, title=title)
