"""A big file read in a process of its own, for a caller whose thread must stay responsive.

Reading a book is a tenth of a second or more of Python (decoding, paragraphs, their roles). In
a thread of the window it takes the interpreter from the window's thread in turns, and the window
waits for it at every layout and paint: opening an original and four book-sized derivatives over
a book already shown stalled the window for 150-220 ms at a time. Read in a process (forked at
once from the server that has the engine imported, core/processes.py), it holds nothing of the
caller's; the document comes back packed (core/packing.py) and is rebuilt here in a few
hundredths of a second. The same document, or the same LoadError, as load() here; a process that
cannot start reads here.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from diffviewer.core.model import Document
from diffviewer.core.processes import fresh_context, ignore_sigint, sigint_blocked
from diffviewer.formats import FileTooLarge, LoadError, MarkupView, load

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# Below this, a file is read in a few hundredths of a second: less than a process costs.
READ_APART_MIN_BYTES = 1 << 19

_ERRORS: dict[str, type[LoadError]] = {"LoadError": LoadError, "FileTooLarge": FileTooLarge}


def worth_reading_apart(path: Path) -> bool:
    try:
        return path.stat().st_size >= READ_APART_MIN_BYTES
    except OSError:  # (reading it will say what is wrong)
        return False


def load_apart(
    path: Path,
    max_bytes: int,
    markup: MarkupView,
    rebuild: Callable[[bytes], object] = pickle.loads,
) -> Document:
    """load(path), in a child process. `rebuild` turns the child's bytes back into what it sent
    (the caller may hold a lock meanwhile: that is the Python work done here)."""
    context = fresh_context()
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_serve, args=(writer, path, max_bytes, markup), daemon=True, name="diffviewer-read")
    try:
        with sigint_blocked():  # (until the child ignores it)
            child.start()
    except (OSError, RuntimeError, ValueError, EOFError):  # no processes here: read here
        reader.close()
        writer.close()
        return load(path, max_bytes=max_bytes, markup=markup)
    writer.close()
    try:
        data = reader.recv_bytes()
    except EOFError:  # the child died: a crash in a parser's native code, or out of memory
        raise LoadError(path, "could not be read (its reader stopped unexpectedly)") from None
    finally:
        reader.close()
        child.join()
    found = rebuild(data)
    if isinstance(found, Document):
        return found
    assert isinstance(found, tuple)
    kind, where, reason = found
    if kind in _ERRORS:
        raise _ERRORS[kind](where, reason)
    raise RuntimeError(reason)  # a bug in a loader: the caller reports it as unexpected


def _serve(conn: Connection, path: Path, max_bytes: int, markup: MarkupView) -> None:
    """The child: the document, or what went wrong, as one message."""
    ignore_sigint()
    try:
        found: object = load(path, max_bytes=max_bytes, markup=markup)
    except LoadError as error:
        found = (type(error).__name__ if type(error).__name__ in _ERRORS else "LoadError", error.path, error.reason)
    except Exception as error:  # (load() turns a loader's errors into LoadErrors: this is a bug)
        found = ("bug", str(path), f"{type(error).__name__}: {error}")
    try:
        conn.send_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # the caller has gone
        pass
    finally:
        conn.close()


__all__ = ["READ_APART_MIN_BYTES", "load_apart", "worth_reading_apart"]
