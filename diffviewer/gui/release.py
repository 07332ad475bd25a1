"""A comparison the window lets go of, freed off its thread a few objects at a time.

A book's comparison and its rows are millions of objects: dropped at once on the window's thread,
their freeing held the interpreter lock for 50-90 ms (a stall the reader sees when opening the
next pair). Here the tuples of their blocks and rows are kept until nothing else holds them, so
what the window drops goes quickly, wherever it drops it last; a thread then frees them a few at
a time (core/collector.py).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from diffviewer.core.collector import let_go_when_alone
from diffviewer.core.model import Comparison
from diffviewer.gui.rows import PreparedRows

# A release starts this long after the window let go of a comparison: the window drops its own
# references in the same event...
RELEASE_AFTER = 0.5  # seconds
# ...and frees this many blocks or rows at a time (each a tree of changes, spans and strings).
RELEASE_AT_ONCE = 64


def release_later(comparison: Comparison | None, prepared: Sequence[PreparedRows | None] = ()) -> None:
    """Free a comparison the window no longer shows or keeps, and its rows (both modes'), a few at
    a time in a thread (collector.let_go_when_alone): dropped at once on the window's thread, a
    book's took 50-90 ms of it. Its blocks and rows are kept until nothing else holds them, so
    what the window drops goes quickly, wherever it drops it last. (The view and the session
    both let go of the same comparison: it is released once.)"""
    found: dict[int, Comparison | PreparedRows] = {} if comparison is None else {id(comparison): comparison}
    for rows in prepared:
        while rows is not None and id(rows) not in found:
            found[id(rows)] = rows
            found.setdefault(id(rows.comparison), rows.comparison)
            rows = rows.alternate
    with _releasing_lock:
        mine = [item for key, item in found.items() if key not in _releasing]
        _releasing.update(id(item) for item in mine)
    # The big tuples, each once (both modes' rows share one tuple of block facts).
    containers: dict[int, Sequence[Any]] = {}
    for item in mine:
        held = (item.rows, item.blocks) if isinstance(item, PreparedRows) else (item.blocks, item.links, item.quotes)
        containers.update((id(container), container) for container in held if container)
    keys = [id(item) for item in mine]

    def done() -> None:
        with _releasing_lock:
            _releasing.difference_update(keys)

    if containers:
        let_go_when_alone(list(containers.values()), RELEASE_AFTER, RELEASE_AT_ONCE, done)
    else:
        done()


# The comparisons and rows being released now, by id (see release_later).
_releasing: set[int] = set()
_releasing_lock = threading.Lock()


__all__ = ["release_later"]
