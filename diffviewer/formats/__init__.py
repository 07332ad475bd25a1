"""Document loaders: dispatch by extension, then by content sniffing."""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import BinaryIO

from diffviewer.core.model import Document, DocumentFormat
from diffviewer.core.normalise import SCAN_SLICE, scan_slices
from diffviewer.formats.budget import BudgetExpired, time_budget


class LoadError(Exception):
    """A document could not be loaded; str() is a single line 'PATH: reason'."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")

    def __str__(self) -> str:
        return " ".join(f"{self.path}: {self.reason}".splitlines())


class FileTooLarge(LoadError):
    """The file is larger than the size limit: the user may choose to go on anyway."""


class MarkupView(StrEnum):
    """How Markdown and reStructuredText are read: words with the markup removed, or the source."""

    TEXT = "text"
    SOURCE = "source"


# reStructuredText has no format of its own in the JSON contract: read as prose it is "text".
_RST_EXTENSIONS = frozenset({".rst", ".rest"})


@dataclass(frozen=True, slots=True)
class Detected:
    format: DocumentFormat
    language: str | None = None  # the Pygments alias, for code
    # For markup (Markdown, reStructuredText): prose with the markup removed in TEXT view, a
    # code document in this Pygments language in SOURCE view.
    markup: str | None = None
    # Plain text's text, where telling the format took decoding it: it is then not decoded (nor
    # checked for binary data, a pass over a whole book) a second time.
    text: str | None = field(default=None, repr=False, compare=False)


_EXTENSIONS = {
    ".md": DocumentFormat.MARKDOWN,
    ".markdown": DocumentFormat.MARKDOWN,
    ".mdown": DocumentFormat.MARKDOWN,
    ".html": DocumentFormat.HTML,
    ".htm": DocumentFormat.HTML,
    ".xhtml": DocumentFormat.HTML,
    ".docx": DocumentFormat.DOCX,
    ".pdf": DocumentFormat.PDF,
    ".odt": DocumentFormat.ODT,
    ".epub": DocumentFormat.EPUB,
    ".rtf": DocumentFormat.RTF,
}
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div|article|section|h[1-6]|"
    r"span|blockquote|ul|ol|table|main|meta|title|br|img|a)\b",
    re.IGNORECASE | re.DOTALL,
)
_MD_HINT = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)  # (within one line)


def _zip_format(data: bytes) -> DocumentFormat | None:
    """What a zip holds, by its contents: a DOCX has word/document.xml, an ODT or an EPUB says
    what it is in its first entry, `mimetype`."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return DocumentFormat.DOCX
            if "mimetype" in names:
                # At most 100 bytes, whatever the entry declares: it could inflate to a gigabyte.
                with zf.open("mimetype") as entry:
                    kind = entry.read(100).strip()
                return {_ODT_MIMETYPE: DocumentFormat.ODT, _EPUB_MIMETYPE: DocumentFormat.EPUB}.get(kind)
    except Exception:
        return None
    return None


_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_EPUB_MIMETYPE = b"application/epub+zip"


def _sniff_text(text: str) -> DocumentFormat:
    from diffviewer.formats.markdown import split_front_matter

    meta, body = split_front_matter(text)
    if _HTML_START.match(body):
        return DocumentFormat.HTML
    if meta is not None or _has_heading(body):
        return DocumentFormat.MARKDOWN
    return DocumentFormat.TEXT


def _has_heading(body: str) -> bool:
    """Whether a line of `body` is a Markdown heading, a slice at a time (see SCAN_SLICE), each
    read on to the end of its last line, so that a heading across the cut is found whole."""
    for at in scan_slices(body):
        end = body.find("\n", at + SCAN_SLICE)
        if _MD_HINT.search(body, at, len(body) if end < 0 else end):
            return True
    return False


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    # In chunks: read(limit) would allocate `limit` bytes up front, and a lifted limit is huge.
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = handle.read(min(1 << 24, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read(path: Path, shown: str, max_bytes: int) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise LoadError(shown, "no such file") from None
    except PermissionError:
        raise LoadError(shown, "permission denied") from None
    except OSError as exc:
        raise LoadError(shown, f"cannot access file ({exc.strerror or exc})") from None
    if path.is_dir():
        raise LoadError(shown, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        # A pipe with no writer, a terminal or a device would block the read for ever (or never end).
        raise LoadError(shown, "not a regular file (a pipe, socket or device)")
    if st.st_size > max_bytes:
        raise FileTooLarge(shown, f"file is too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
    try:
        with open(path, "rb") as fh:
            data = _read_at_most(fh, max_bytes + 1)
    except FileNotFoundError:
        raise LoadError(shown, "no such file") from None
    except PermissionError:
        raise LoadError(shown, "permission denied") from None
    except IsADirectoryError:
        raise LoadError(shown, "is a directory") from None
    except OSError as exc:
        raise LoadError(shown, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise FileTooLarge(shown, f"file is too large (more than {max_bytes:,} bytes)")
    if not data:
        raise LoadError(shown, "file is empty")
    if not data.strip():  # blank lines and spaces only: as empty as a file of no bytes
        raise LoadError(shown, "file is empty (only blank space)")
    return data


def _detect(data: bytes, path: str) -> Detected:
    from diffviewer.formats.code import PROSE_EXTENSIONS, language_for_content, language_for_name

    ext = os.path.splitext(path)[1].lower()
    if ext in _RST_EXTENSIONS:
        return Detected(DocumentFormat.TEXT, markup="rst")
    fmt = _EXTENSIONS.get(ext)
    if fmt is DocumentFormat.MARKDOWN:
        return Detected(fmt, markup="markdown")
    if fmt is not None:
        return Detected(fmt)
    if data.startswith(b"%PDF-"):
        return Detected(DocumentFormat.PDF)
    archived = _zip_format(data)
    if archived is not None:
        return Detected(archived)
    if data.lstrip()[:5] == b"{\\rtf":
        return Detected(DocumentFormat.RTF)
    language = language_for_name(path)
    if language is not None:
        return Detected(DocumentFormat.CODE, language)
    from diffviewer.formats.text import decode_bytes

    text = decode_bytes(data, path)
    if ext not in PROSE_EXTENSIONS:
        # No name we know: a shebang, a modeline or an unmistakable opening still says "code".
        language = language_for_content(text)
        if language is not None:
            return Detected(DocumentFormat.CODE, language)
    sniffed = _sniff_text(text)
    if sniffed is DocumentFormat.TEXT:
        return Detected(sniffed, text=text)
    return Detected(sniffed, markup="markdown" if sniffed is DocumentFormat.MARKDOWN else None)


def detect_format(data: bytes, path: str) -> DocumentFormat:
    return _detect(data, path).format


def _loader(detected: Detected) -> Callable[[bytes, str], Document]:
    # Only the loader a file needs is imported: PDF, reStructuredText or YAML front matter alone
    # take longer to import than a megabyte of plain text takes to load.
    fmt = detected.format
    if fmt is DocumentFormat.CODE:
        from diffviewer.formats.code import load_code

        language = detected.language or "text"
        return lambda data, path: load_code(data, path, language)
    if fmt is DocumentFormat.TEXT and detected.markup is None and detected.text is not None:
        from diffviewer.formats.text import text_document

        decoded = detected.text
        return lambda data, path: text_document(decoded, path)
    if fmt is DocumentFormat.TEXT and detected.markup == "rst":
        from diffviewer.formats.rst import load_rst

        return load_rst
    module, function = _LOADERS.get(fmt, ("text", "load_text"))
    loader: Callable[[bytes, str], Document] = getattr(import_module(f"diffviewer.formats.{module}"), function)
    return loader


# Each format's loader: its module under diffviewer.formats, and the function in it.
_LOADERS = {
    DocumentFormat.MARKDOWN: ("markdown", "load_markdown"),
    DocumentFormat.HTML: ("html", "load_html"),
    DocumentFormat.DOCX: ("docx", "load_docx"),
    DocumentFormat.PDF: ("pdf", "load_pdf"),
    DocumentFormat.ODT: ("odt", "load_odt"),
    DocumentFormat.EPUB: ("epub", "load_epub"),
    DocumentFormat.RTF: ("rtf", "load_rtf"),
}


def load(path: str | os.PathLike[str], max_bytes: int = 100_000_000, markup: MarkupView = MarkupView.TEXT) -> Document:
    """Load a document read-only; every failure is a LoadError.

    Markdown and reStructuredText are prose with the markup removed, or with `markup=SOURCE`
    code documents in their own syntax (languages "markdown" and "rst").
    """
    shown = os.fspath(path)
    shown = shown if isinstance(shown, str) else os.fsdecode(shown)
    return load_data(_read(Path(shown), shown, max_bytes), shown, markup)


STDIN_NAME = "<stdin>"
# No document a person wrote takes a loader this long; an input that does is refused, never waited on.
LOAD_BUDGET_SECONDS = 30


def read_stdin(stream: BinaryIO, max_bytes: int = 100_000_000) -> bytes:
    """What a pipe gives (`-` on the command line), refused like a file: too large or empty."""
    data = _read_at_most(stream, max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(STDIN_NAME, f"input is too large (more than {max_bytes:,} bytes)")
    if not data.strip():
        raise LoadError(STDIN_NAME, "input is empty" if not data else "input is empty (only blank space)")
    return data


def load_data(data: bytes, shown: str, markup: MarkupView = MarkupView.TEXT) -> Document:
    """A document from bytes already read (a file's, or standard input's); `shown` names it in
    messages and decides the format by extension where it has one, else by content."""
    detected = _detect(data, shown)
    if MarkupView(markup) is MarkupView.SOURCE and detected.markup is not None:
        detected = Detected(DocumentFormat.CODE, detected.markup)
    fmt = detected.format
    kind = "reStructuredText" if detected.markup == "rst" and fmt is DocumentFormat.TEXT else fmt.value.upper()
    try:
        with time_budget(LOAD_BUDGET_SECONDS):
            return _loader(detected)(data, shown)
    except LoadError:
        raise
    except BudgetExpired:
        raise LoadError(shown, f"too complex to read as {kind} (more than {LOAD_BUDGET_SECONDS} s of work)") from None
    except (Exception, SystemExit) as exc:
        # SystemExit too: a library that calls sys.exit() on bad input must not end the program.
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise LoadError(shown, f"could not be read as {kind}: {first}") from None


__all__ = ["STDIN_NAME", "FileTooLarge", "LoadError", "MarkupView", "detect_format", "load", "load_data", "read_stdin"]
