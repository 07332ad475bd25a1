"""PDF loader via pypdf, with paragraph reflow."""

from __future__ import annotations

import io
import logging
import re

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import guess_role, normalise_newlines, split_blocks

# pypdf reports recoverable damage through logging, which would print a second, raw line
# beside our one-line message; the LoadError says what matters.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def _error(path: str, detail: str) -> Exception:
    from diffviewer.formats import LoadError

    return LoadError(path, f"corrupt or encrypted PDF: {detail}")


def _dehyphenate(text: str) -> str:
    return re.sub(r"(\w)-\n[ \t]*(\w)", r"\1\2", text)


def reflow(lines: list[str]) -> list[str]:
    lines = [ln.strip() for ln in lines if ln.strip()]
    if not lines:
        return []
    longest = max(len(ln) for ln in lines)
    paras: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None:
            break
        ends_sentence = line[-1] in ".!?:\"'”’"
        short = len(line) < 0.8 * longest
        if (ends_sentence and nxt[:1].isupper() and short) or (
            guess_role(line).value == "heading" and len(line) < 0.6 * longest and nxt[:1].isupper()
        ):
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


def pdf_paragraphs(text: str) -> list[str]:
    text = _dehyphenate(normalise_newlines(text))
    blocks = split_blocks(text)
    if len(blocks) > 1:
        return [" ".join(" ".join(block).split()) for block in blocks if " ".join(block).strip()]
    return [" ".join(p.split()) for p in reflow(text.split("\n"))]


def load_pdf(data: bytes, path: str) -> Document:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except Exception:
                ok = False
            if not ok:
                raise _error(path, "document is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        try:
            meta = reader.metadata
            if meta is not None and meta.title:
                title = " ".join(str(meta.title).split()) or None
        except Exception:
            title = None
    except Exception as exc:
        from diffviewer.formats import LoadError

        if isinstance(exc, LoadError):
            raise
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _error(path, msg) from None
    texts = pdf_paragraphs("\n\n".join(p.strip("\n") for p in pages if p.strip()))
    paragraphs = tuple(Paragraph(index=i, text=t, role=guess_role(t)) for i, t in enumerate(texts) if t)
    paragraphs = tuple(Paragraph(index=i, text=p.text, role=p.role) for i, p in enumerate(paragraphs))
    return Document(path=path, format=DocumentFormat.PDF, paragraphs=paragraphs, title=title)
