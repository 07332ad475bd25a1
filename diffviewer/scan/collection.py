"""The files of a collection: found under the paths a user names, and read for the index.

A folder is walked depth first in name order (so two runs see the same order), skipping hidden
files and folders and following no symbolic link out of it; inside a folder only files with a
document's extension are taken (a collection holds images and scripts too), while a file named
on its own is always read, whatever its name. Reading goes through the loaders every comparison
uses, so a collection holds every format the window opens; a file that fails gets its loader's
one-line reason and never stops the scan.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from diffviewer.core.tokens import count_words
from diffviewer.formats import LoadError, load
from diffviewer.formats.code import PROSE_EXTENSIONS
from diffviewer.scan.index import FileStamp, ReadFile
from diffviewer.scan.terms import paragraph_terms

# The extensions a folder's documents have: prose, plus Markdown and reStructuredText.
DOCUMENT_EXTENSIONS = PROSE_EXTENSIONS | {".md", ".markdown", ".mdown", ".rst", ".rest"}


def _stamp(path: Path, status: os.stat_result) -> FileStamp:
    return FileStamp(os.fspath(path), status.st_size, status.st_mtime_ns)


def _walk(folder: Path) -> Iterator[FileStamp]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif (
                entry.is_file(follow_symlinks=False) and os.path.splitext(entry.name)[1].lower() in DOCUMENT_EXTENSIONS
            ):
                yield _stamp(Path(entry.path), entry.stat(follow_symlinks=False))
        except OSError:
            continue


def collection_files(paths: Iterable[Path]) -> Iterator[FileStamp]:
    """Every document file under `paths` (files named directly are taken as they are), once each."""
    seen: set[str] = set()
    for given in paths:
        path = Path(os.path.abspath(given))
        try:
            status = path.stat()
        except OSError:
            found: Iterable[FileStamp] = [FileStamp(os.fspath(path), -1, -1)]  # read, and refused
        else:
            found = _walk(path) if stat.S_ISDIR(status.st_mode) else [_stamp(path, status)]
        for stamp in found:
            if stamp.path not in seen:
                seen.add(stamp.path)
                yield stamp


def read_file(stamp: FileStamp) -> ReadFile:
    """A file's paragraphs as the index keeps them: each paragraph's distinct terms."""
    try:
        document = load(stamp.path)
    except LoadError as error:
        return ReadFile(stamp, error=error.reason)
    except Exception as error:  # noqa: BLE001 (a loader's bug must not end a scan of thousands)
        return ReadFile(stamp, error=f"could not be read ({type(error).__name__})")
    paragraphs = tuple(paragraph_terms(p.text) for p in document.paragraphs)
    words = sum(count_words(p.text) for p in document.paragraphs)
    return ReadFile(stamp, paragraphs=paragraphs, words=words)


def read_files(stamps: list[FileStamp]) -> list[ReadFile]:
    """A chunk of files read in one task (a worker process, or a Dask worker)."""
    return [read_file(stamp) for stamp in stamps]


__all__ = ["DOCUMENT_EXTENSIONS", "collection_files", "read_file", "read_files"]
