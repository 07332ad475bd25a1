"""A document read once for all the jobs that ask for it: one original against many derivatives.

Each derivative's job reads the original. With four book-sized derivatives that was four reads of
the same file, and four previews of its rows, in threads that took turns on the interpreter with
the window: the window stalled while the original was first shown. Here the first job reads it and
the others wait for that (waiting costs the interpreter nothing), and all share the Document.
A file is known by its resolved path, size, inode and times, so one changed on disk since is read
again; the last few reads are kept.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diffviewer.core.model import Document
from diffviewer.formats import MarkupView
from diffviewer.gui.pane_model import Preview

KEPT = 2  # reads kept once done: the original, and the one before it


@dataclass(frozen=True, slots=True)
class _Key:
    path: str
    size: int
    modified_ns: int
    changed_ns: int  # (a file replaced by another, as editors save, changes this too)
    inode: int
    max_bytes: int
    markup: MarkupView


@dataclass(slots=True)
class _Read:
    done: threading.Event = field(default_factory=threading.Event)
    document: Document | None = None
    error: BaseException | None = None
    preview: Preview | None = None  # the document's rows alone, built by the first job to ask
    preview_lock: threading.Lock = field(default_factory=threading.Lock)


class SharedLoads:
    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._lock = threading.Lock()
        self._reads: OrderedDict[_Key, _Read] = OrderedDict()

    def load(self, path: Path, max_bytes: int, markup: MarkupView, read: Callable[[], Document]) -> Document:
        """`read()`'s document, read by this call or by another one for the same file."""
        key = _key(path, max_bytes, markup)
        if key is None:  # no file to know it by: read() gives the reason
            return read()
        with self._lock:
            found = self._reads.get(key)
            mine = found is None
            if found is None:
                found = self._reads[key] = _Read()
                while len(self._reads) > self._kept and next(iter(self._reads.values())).done.is_set():
                    self._reads.popitem(last=False)
            else:
                self._reads.move_to_end(key)
        if mine:
            try:
                found.document = read()
            except BaseException as error:  # every waiter hears it; none is kept
                found.error = error
                with self._lock:
                    self._reads.pop(key, None)
            finally:
                found.done.set()
        found.done.wait()
        if found.error is not None:
            raise found.error
        assert found.document is not None
        return found.document

    def preview(self, document: Document) -> Preview:
        """The rows of `document` shown alone, built once for the jobs that share it."""
        with self._lock:
            found = next((r for r in self._reads.values() if r.document is document), None)
        if found is None:
            return Preview.of(document, None)
        with found.preview_lock:
            if found.preview is None:
                found.preview = Preview.of(document, None)
            return found.preview


def _key(path: Path, max_bytes: int, markup: MarkupView) -> _Key | None:
    try:
        resolved = path.resolve()
        status = os.stat(resolved)
    except (OSError, RuntimeError):
        return None
    return _Key(str(resolved), status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, max_bytes, markup)


LOADS = SharedLoads()
