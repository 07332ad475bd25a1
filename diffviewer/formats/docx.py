"""DOCX loader via python-docx, with zip sanity and zip-bomb checks."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from diffviewer.core.model import Document, DocumentFormat, Paragraph, Role

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
INFLATE_CHUNK = 1 << 20


def _error(path: str, detail: str) -> Exception:
    from diffviewer.formats import LoadError

    return LoadError(path, f"corrupt DOCX: {detail}")


def check_zip(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise _error(path, "missing word/document.xml")
            _check_sizes(infos, path)
            # The declared sizes can lie (a 1 MB file whose document.xml says 2,000 bytes and
            # inflates to a gigabyte; zipfile trusts them and inflates it all at once): every
            # entry's data is inflated here, a chunk at a time, and what comes out is counted,
            # before any XML parser reads a byte.
            room = MAX_UNCOMPRESSED
            for info in infos:
                inflated = _inflated_size(data, info, room, path)
                if inflated != info.file_size:
                    raise _error(path, f"{info.filename} is not the size it declares (zip bomb?)")
                room -= inflated
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, struct.error) as exc:
        raise _error(path, f"not a valid zip archive ({exc})") from None


def _inflated_size(data: bytes, info: zipfile.ZipInfo, limit: int, path: str) -> int:
    """How many bytes an entry really inflates to, refusing past `limit` (read from the local
    header, as an unzipper does, not from what the central directory claims)."""
    header = data[info.header_offset : info.header_offset + 30]
    if header[:4] != b"PK\x03\x04":
        raise _error(path, f"{info.filename}: no local header")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + name_length + extra_length
    stream = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(stream)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _error(path, f"{info.filename}: unsupported compression")
    inflater = zlib.decompressobj(-15)
    inflated = 0
    pending: bytes | memoryview = stream
    while pending:
        chunk = inflater.decompress(pending, INFLATE_CHUNK)
        inflated += len(chunk)
        if inflated > limit:
            raise _error(path, f"uncompressed size exceeds {MAX_UNCOMPRESSED:,} bytes (zip bomb?)")
        pending = inflater.unconsumed_tail
        if not chunk and not pending:
            break
    return inflated


def _check_sizes(infos: list[zipfile.ZipInfo], path: str) -> None:
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise _error(path, f"uncompressed size {total} bytes exceeds limit")
    if compressed and total / compressed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise _error(path, "suspicious compression ratio (zip bomb?)")


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
