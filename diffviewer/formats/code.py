"""Source code, configuration and markup source: Pygments picks the language, blank lines the blocks."""

from __future__ import annotations

import os

from pygments.lexers import get_lexer_by_name, get_lexer_for_filename, guess_lexer
from pygments.modeline import get_filetype_from_buffer
from pygments.util import ClassNotFound

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import normalise_newlines
from diffviewer.core.syntax import is_markup

# Prose formats keep their own loaders; Pygments also claims these names (.txt is "Text only",
# .html is an HTML lexer), but a user loading them wants the words compared, not markup tokens.
PROSE_EXTENSIONS = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".odt", ".epub", ".rtf"}
)
# Languages whose files are prose to a reader (mail, Org notes, LaTeX papers, man pages): their
# words are compared, with quotations checked, rather than their tokens.
_PROSE_LANGUAGES = frozenset({"text", "output", "email", "org", "tex", "groff"})
# Lexers Pygments returns for text it does not recognise, or guesses wrongly on prose.
_NOT_CODE = frozenset({"markdown", "rst", "restructuredtext", "md", "latex", *_PROSE_LANGUAGES})
# Content is trusted only when it says what it is (a shebang Pygments is sure of, a modeline, an
# XML declaration): Pygments' guesses score prose highly too ("[citation needed]" reads as
# Objective-C, "the import tariffs" as Python).
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
    return None if alias in _PROSE_LANGUAGES else alias


def language_for_content(text: str) -> str | None:
    """The lexer alias when the content leaves no doubt, else None: a vim modeline naming the
    language, an XML declaration, or a shebang Pygments recognises."""
    sample = text[:_SNIFF_CHARACTERS].lstrip("\ufeff")
    named = get_filetype_from_buffer(sample + "\n" + text[-_SNIFF_CHARACTERS:])
    if named:
        try:
            alias = get_lexer_by_name(named).aliases[0]
        except (ClassNotFound, IndexError):
            alias = None
        return None if alias is None or alias in _NOT_CODE else alias
    if sample.startswith("<?xml"):
        return "xml"
    if not sample.startswith("#!"):
        return None
    try:
        lexer = guess_lexer(sample)
    except ClassNotFound:
        return None
    alias = lexer.aliases[0] if lexer.aliases else None
    if alias is None or alias in _NOT_CODE or type(lexer).analyse_text(sample) < _CONTENT_CONFIDENCE:
        return None
    return alias


# A block longer than this is cut at its outermost statements (or entries): one giant block (a
# JSON file has no blank lines at all) would defeat the alignment and the window alike.
MAX_BLOCK_LINES = 60
_MAX_CUT_DEPTH = 8
_CLOSERS = tuple(")]}")
_OPENERS = frozenset("([{")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continues(block_start: str, line: str) -> bool:
    """Whether `line`, after blank lines, still belongs to the block that began with `block_start`.

    In a program a blank line inside a function, a docstring or a nested mapping is followed by
    a line indented deeper than the block's first one, or by the bracket that closes the block.
    A block that is only an opening bracket (a JSON document's "{") is a container whose
    blank-line-separated entries are blocks of their own, as their author spaced them.
    """
    if line.lstrip().startswith(_CLOSERS):
        return True
    return block_start.strip() not in _OPENERS and _indent(line) > _indent(block_start)


def _cut_long(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """`lines` (starting at file line `first`) as blocks of at most MAX_BLOCK_LINES where it can.

    Cuts go before each line at the block's outermost inner level (a top-level JSON entry, a
    statement of a long function body), so the same content cuts the same way in both files.
    Parts still too long are cut again, one level deeper, down to _MAX_CUT_DEPTH levels (data can
    nest thousands of levels deep; past a few levels a block is kept as it is).
    """
    blocks: list[tuple[int, list[str]]] = []
    pending = [(first, lines, 0)]
    while pending:
        start, part, depth = pending.pop()
        if len(part) <= MAX_BLOCK_LINES or depth >= _MAX_CUT_DEPTH:
            blocks.append((start, part))
            continue
        levels = [_indent(line) for line in part[1:] if line.strip() and not line.lstrip().startswith(_CLOSERS)]
        if not levels:
            blocks.append((start, part))
            continue
        outer = min(levels)
        cuts = [
            n
            for n in range(1, len(part))
            if part[n].strip() and _indent(part[n]) == outer and not part[n].lstrip().startswith(_CLOSERS)
        ]
        pieces = [(start + b, part[b:e]) for b, e in zip([0, *cuts], [*cuts, len(part)], strict=True) if b < e]
        if len(pieces) == 1:  # nothing to cut at: the block stays as it is
            blocks.append((start, part))
            continue
        pending.extend((piece_start, piece, depth + 1) for piece_start, piece in reversed(pieces))
    return blocks


_TRIPLE_QUOTES = ('"""', "'''")


def _open_string_after(line: str, open_string: str | None) -> str | None:
    """Which triple-quoted string (Python, Kotlin, Julia...) is still open at the end of `line`.

    A blank line inside one (a module docstring's paragraphs) must not cut the block in two,
    which would leave the second half to be lexed as code.
    """
    position = 0
    while True:
        if open_string is not None:
            end = line.find(open_string, position)
            if end < 0:
                return open_string
            position, open_string = end + 3, None
            continue
        starts = [(found, quote) for quote in _TRIPLE_QUOTES if (found := line.find(quote, position)) >= 0]
        if not starts:
            return None
        found, open_string = min(starts)
        position = found + 3


def code_paragraphs(text: str, program: bool = True) -> tuple[Paragraph, ...]:
    """Blocks of lines between blank lines, each kept line for line (indentation and all,
    trailing spaces off), and each knowing the file line it starts on.

    In a `program`, a blank line inside an indented body (or before the closing bracket) does not
    end the block, so a function with blank lines or a docstring with paragraphs stays whole;
    markup source keeps plain blank-line blocks. Very long blocks are cut at their outermost level.
    """
    raw: list[tuple[int, list[str]]] = []
    current: list[str] = []
    blanks = 0
    open_string: str | None = None  # the triple quote of a string still open at this line
    for number, line in enumerate(normalise_newlines(text).split("\n"), start=1):
        line = line.rstrip()
        if not line.strip():
            blanks += 1 if current else 0
            continue
        if current and blanks and not (program and (open_string is not None or _continues(current[0], line))):
            current = []
        if not current:
            raw.append((number, current))
        else:
            current.extend([""] * blanks)
        current.append(line)
        blanks = 0
        if program:
            open_string = _open_string_after(line, open_string)
    blocks = [cut for first, lines in raw for cut in _cut_long(lines, first)]
    return tuple(Paragraph(index=n, text="\n".join(lines), line=first) for n, (first, lines) in enumerate(blocks))


def load_code(data: bytes, path: str, language: str) -> Document:
    from diffviewer.formats.text import decode_bytes

    text = decode_bytes(data, path)
    paragraphs = code_paragraphs(text, program=not is_markup(language))
    return Document(path=path, format=DocumentFormat.CODE, paragraphs=paragraphs, language=language)


__all__ = ["PROSE_EXTENSIONS", "code_paragraphs", "language_for_content", "language_for_name", "load_code"]
