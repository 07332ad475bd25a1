"""Source code, configuration and markup source: Pygments picks the language, blank lines the blocks."""

from __future__ import annotations

import os

from pygments.lexers import get_lexer_for_filename, guess_lexer
from pygments.util import ClassNotFound

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import normalise_newlines

# Prose formats keep their own loaders; Pygments also claims these names (.txt is "Text only",
# .html is an HTML lexer), but a user loading them wants the words compared, not markup tokens.
PROSE_EXTENSIONS = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf"})
# Lexers Pygments returns for text it does not recognise, or guesses wrongly on prose.
_NOT_CODE = frozenset({"text", "output", "markdown", "rst", "restructuredtext", "md", "tex", "latex"})
# How sure Pygments' content sniffing must be before a file without a known name becomes code:
# a shebang or an XML/JSON-like opening scores 1.0, prose scores nothing or a low hint.
_CONTENT_CONFIDENCE = 0.8
_SNIFF_CHARACTERS = 8_000


def language_for_name(path: str) -> str | None:
    """The lexer alias for a file name Pygments knows, unless it is a prose format."""
    name = os.path.basename(path)
    if os.path.splitext(name)[1].lower() in PROSE_EXTENSIONS:
        return None
    try:
        lexer = get_lexer_for_filename(name)
    except ClassNotFound:
        return None
    alias = lexer.aliases[0] if lexer.aliases else None
    return None if alias in {"text", "output"} else alias


def language_for_content(text: str) -> str | None:
    """The lexer alias when the content leaves no doubt (a shebang, a modeline...), else None."""
    sample = text[:_SNIFF_CHARACTERS]
    try:
        lexer = guess_lexer(sample)
    except ClassNotFound:
        return None
    alias = lexer.aliases[0] if lexer.aliases else None
    if alias is None or alias in _NOT_CODE:
        return None
    if type(lexer).analyse_text(sample) < _CONTENT_CONFIDENCE:
        return None
    return alias


def code_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blank-line-separated blocks, each kept line for line (indentation and all, trailing spaces off).

    Each paragraph knows the file line it starts on, since the blank lines between them are gone.
    """
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    first_line = 1

    def flush() -> None:
        if current:
            paragraphs.append(Paragraph(index=len(paragraphs), text="\n".join(current), line=first_line))
            current.clear()

    for number, line in enumerate(normalise_newlines(text).split("\n"), start=1):
        if line.strip():
            if not current:
                first_line = number
            current.append(line.rstrip())
        else:
            flush()
    flush()
    return tuple(paragraphs)


def load_code(data: bytes, path: str, language: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    text = decode_bytes(data, path)
    return Document(path=path, format=DocumentFormat.CODE, paragraphs=code_paragraphs(text), language=language)


__all__ = ["PROSE_EXTENSIONS", "code_paragraphs", "language_for_content", "language_for_name", "load_code"]
