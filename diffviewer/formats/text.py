"""Plain-text loader and the shared byte decoder."""

from __future__ import annotations

import codecs
import contextlib
import re

from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.normalise import SCAN_SLICE, scan_slices
from diffviewer.core.segment import guess_role, split_paragraphs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_LATIN_FAMILY = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_1",
    "iso8859_2",
    "iso8859_9",
    "iso8859_13",
    "iso8859_15",
    "iso8859_16",
    "mac_latin2",
    "mac_roman",
}

BINARY_REASON = "not a text document (binary data)"


def _binary_error(path: object) -> Exception:
    from diffviewer.formats import LoadError

    return LoadError(path, BINARY_REASON)


# Control characters that never appear in text; counted by a regular expression (a character
# class is scanned in C, ten times faster than str.translate, which held the interpreter lock for
# a quarter of a second on a book, stalling the window).
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v")
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROLS)}]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    if "\x00" in text:
        return True
    controls = sum(len(_CONTROL_RE.findall(text, at, at + SCAN_SLICE)) for at in scan_slices(text))
    return controls > max(2, len(text) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools do): in text of Latin
    letters nearly every byte of one parity is NUL and none of the other, and what it decodes to
    reads as words. None when it is not that."""
    sample = data[:65536]
    half = len(sample) // 2
    if half < 2:
        return None
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if sample[nul_at::2].count(0) < 0.7 * half or sample[1 - nul_at :: 2].count(0) > 0.01 * half:
            continue
        try:
            decoded = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        wordy = sum(1 for ch in decoded[:20000] if ch.isalnum() or ch.isspace())
        if not _looks_binary(decoded) and wordy >= 0.6 * min(len(decoded), 20000):
            return decoded
    return None


def decode_bytes(data: bytes, path: object) -> str:
    """Decode document bytes: BOM, strict UTF-8, charset detection, latin-1 fallback."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                decoded = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _binary_error(path) from None
            if _looks_binary(decoded):
                raise _binary_error(path)
            return decoded
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise _binary_error(path)
        return wide
    try:
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is not None:
                text = str(best)
                # Short Western text is often misdetected as another Latin code page;
                # windows-1252 is by far the most common, so prefer it when it fits.
                if best.encoding in _LATIN_FAMILY:
                    with contextlib.suppress(UnicodeDecodeError):
                        text = data.decode("cp1252")
        except Exception:
            text = None
    if text is None:
        text = data.decode("latin-1")
    if _looks_binary(text):
        raise _binary_error(path)
    return text


def paragraphs_from_text(text: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(index=i, text=p, role=guess_role(p)) for i, p in enumerate(split_paragraphs(text)))


def load_text(data: bytes, path: str) -> Document:
    return text_document(decode_bytes(data, path), path)


def text_document(text: str, path: str) -> Document:
    """A plain text document of text already decoded."""
    return Document(path=path, format=DocumentFormat.TEXT, paragraphs=paragraphs_from_text(text))
