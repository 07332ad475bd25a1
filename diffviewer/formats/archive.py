"""Zip containers (DOCX, ODT, EPUB) opened with limits: every entry inflated and counted from its
own data, before any XML parser reads a byte."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
INFLATE_CHUNK = 1 << 20


def corrupt(path: str, kind: str, detail: str) -> Exception:
    """The refusal of a container of this kind ("DOCX", "ODT", "EPUB") that cannot be read."""
    from diffviewer.formats import LoadError

    return LoadError(path, f"corrupt {kind}: {detail}")


def open_checked(data: bytes, path: str, kind: str, required: str) -> zipfile.ZipFile:
    """The archive, once its sizes are known to be true and within limits and `required` is in
    it; a LoadError naming `kind` ("DOCX", "ODT", "EPUB") otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        if required not in {i.filename for i in infos}:
            raise corrupt(path, kind, f"missing {required}")
        _check_sizes(infos, path, kind)
        # The declared sizes can lie (a 1 MB file whose document.xml says 2,000 bytes and
        # inflates to a gigabyte; zipfile trusts them and inflates it all at once): every entry's
        # data is inflated here, a chunk at a time, and what comes out is counted.
        room = MAX_UNCOMPRESSED
        for info in infos:
            inflated = _inflated_size(data, info, room, path, kind)
            if inflated != info.file_size:
                raise corrupt(path, kind, f"{info.filename} is not the size it declares (zip bomb?)")
            room -= inflated
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, struct.error) as exc:
        raise corrupt(path, kind, f"not a valid zip archive ({exc})") from None
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str, kind: str) -> bytes:
    """One entry of a checked archive (its size already known to be true)."""
    try:
        return archive.read(name)
    except KeyError:
        raise corrupt(path, kind, f"missing {name}") from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as exc:
        raise corrupt(path, kind, f"{name} cannot be read ({exc})") from None


def read_xml(archive: zipfile.ZipFile, name: str, path: str, kind: str) -> Element:
    """One XML entry of a checked archive, parsed with defusedxml: entities and external
    references are refused, never resolved."""
    try:
        root: Element = SafeTree.fromstring(read_member(archive, name, path, kind))
    except DefusedXmlException as exc:
        raise corrupt(path, kind, f"{name}: {type(exc).__name__} refused") from None
    except SafeTree.ParseError as exc:
        raise corrupt(path, kind, f"{name} is not well-formed XML ({exc})") from None
    return root


def _check_sizes(infos: list[zipfile.ZipInfo], path: str, kind: str) -> None:
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise corrupt(path, kind, f"uncompressed size {total} bytes exceeds limit")
    if compressed and total / compressed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise corrupt(path, kind, "suspicious compression ratio (zip bomb?)")


def _inflated_size(data: bytes, info: zipfile.ZipInfo, limit: int, path: str, kind: str) -> int:
    """How many bytes an entry really inflates to, refusing past `limit` (read from the local
    header, as an unzipper does, not from what the central directory claims)."""
    header = data[info.header_offset : info.header_offset + 30]
    if header[:4] != b"PK\x03\x04":
        raise corrupt(path, kind, f"{info.filename}: no local header")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + name_length + extra_length
    stream = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(stream)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise corrupt(path, kind, f"{info.filename}: unsupported compression")
    inflater = zlib.decompressobj(-15)
    inflated = 0
    pending: bytes | memoryview = stream
    # Until the stream's end: zlib may hold output back after taking all the input.
    while not inflater.eof:
        chunk = inflater.decompress(pending, INFLATE_CHUNK)
        inflated += len(chunk)
        if inflated > limit:
            raise corrupt(path, kind, f"uncompressed size exceeds {MAX_UNCOMPRESSED:,} bytes (zip bomb?)")
        pending = inflater.unconsumed_tail
        if not chunk and not pending:
            break  # truncated: no more input, and nothing more comes out
    return inflated


__all__ = ["MAX_UNCOMPRESSED", "corrupt", "open_checked", "read_member", "read_xml"]
