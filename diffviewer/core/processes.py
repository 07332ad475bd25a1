"""How the engine starts a process where it cannot fork (a caller with threads: the window).

A spawned process starts an interpreter and imports the engine again, about a quarter of a
second before it does anything, which a book's helper spends while the alignment waits for it.
Where the platform has one, processes are forked instead from a server process that imported the
engine once (multiprocessing's "forkserver"): each starts at once, the engine imported already.
The server is started the first time it is asked for, or ahead of time (warm_up: the window asks
as it opens a big document, so that even the first comparison's helper starts at once).

A frozen bundle spawns (its entry point is what a spawned process runs). Either way the child
imports the main module again, as a spawned one does: only a guarded one may start processes.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext

# What the server imports once, for every process forked from it: the helper's engine (the whole
# comparison: compare imports it).
PRELOADED = ["diffviewer.core.compare", "diffviewer.core.elsewhere"]

_lock = threading.Lock()


def fresh_method() -> str:
    """The start method of a process that must not be a fork of this one."""
    import multiprocessing  # (only when used: the window's start-up does without it)

    if getattr(sys, "frozen", False) or "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "forkserver"


def fresh_context() -> SpawnContext | ForkServerContext:
    """The multiprocessing context of such processes (see fresh_method)."""
    import multiprocessing

    if fresh_method() == "spawn":
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    with _lock:  # (set before the server starts: it reads the list once)
        context.set_forkserver_preload(PRELOADED)
    return context


def warm_up() -> None:
    """Start the server processes are forked from, if they are forked here, without waiting for
    it: the next process started then starts at once. (Spawning starts nothing ahead.)"""
    if fresh_method() != "forkserver":
        return
    from multiprocessing import forkserver

    fresh_context()
    with contextlib.suppress(OSError, ValueError):  # no processes here: each start will say so
        forkserver.ensure_running()


__all__ = ["PRELOADED", "fresh_context", "fresh_method", "warm_up"]
