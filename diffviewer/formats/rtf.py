"""RTF (WordPad, older mail and legal files): control words stripped by striprtf, a paragraph
per \\par."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import guess_role

_LINE = re.compile(r"\\line\b ?")


def load_rtf(data: bytes, path: str) -> Document:
    # RTF is 7-bit ASCII by definition (other characters are \\'hh or \\uN escapes); cp1252 reads
    # the stray 8-bit bytes older writers leave.
    source = data.decode("cp1252", errors="replace")
    # \line breaks a line inside a paragraph (striprtf makes it a new paragraph); \cell ends a
    # table cell (striprtf writes "|", which is not in the document).
    source = _LINE.sub(" ", source)
    text = (
        rtf_to_text(source, errors="replace").replace("|", " ")
        if "\\cell" in source
        else rtf_to_text(source, errors="replace")
    )
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = tuple(
        Paragraph(index=i, text=line, role=guess_role(line)) for i, line in enumerate(line for line in lines if line)
    )
    return Document(path=path, format=DocumentFormat.RTF, paragraphs=paragraphs, title=None)


__all__ = ["load_rtf"]
