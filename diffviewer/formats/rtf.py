"""RTF (WordPad, older mail and legal files): control words stripped by striprtf, a paragraph
per \\par."""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import guess_role


def load_rtf(data: bytes, path: str) -> Document:
    # RTF is 7-bit ASCII by definition (other characters are \\'hh or \\uN escapes); cp1252 reads
    # the stray 8-bit bytes older writers leave.
    text = rtf_to_text(data.decode("cp1252", errors="replace"), errors="replace")
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = tuple(
        Paragraph(index=i, text=line, role=guess_role(line)) for i, line in enumerate(line for line in lines if line)
    )
    return Document(path=path, format=DocumentFormat.RTF, paragraphs=paragraphs, title=None)


__all__ = ["load_rtf"]
