from __future__ import annotations

from diffviewer.core.model import Document, DocumentFormat, Paragraph


def doc(*texts: str, path: str = "mem.txt") -> Document:
    return Document(path, DocumentFormat.TEXT, tuple(Paragraph(i, t) for i, t in enumerate(texts)))
