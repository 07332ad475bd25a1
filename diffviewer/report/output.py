"""Writing reports: atomically, so an interrupted export never leaves half a file over an old one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, content: str | bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` in one step. `content`
    may come in pieces (written as they come: a report too big to hold whole).

    Only regular files are replaced so: a device, pipe or socket (`-o /dev/null`, `/dev/stdout`,
    a FIFO) is written to as it is, since renaming over it would put a file in its place; and
    through a symbolic link it is the file the link names that is replaced, not the link.
    """
    pieces = (
        [content] if isinstance(content, bytes) else [content.encode("utf-8")] if isinstance(content, str) else content
    )
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        special = False
    if special:
        with open(path, "wb") as handle:
            handle.writelines(pieces)
        return
    path = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)  # a replaced report keeps its mode
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # a new one gets what any new file gets
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        # mkstemp makes the file 0600, and the rename would keep that: a shared report others
        # could not read.
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    # The only portable way to read the umask is to set it; it is set straight back.
    current = os.umask(0o022)
    os.umask(current)
    return current
