"""How the engine starts a process where it cannot fork (a caller with threads: the window).

A spawned process starts an interpreter and imports the engine again, about a quarter of a
second before it does anything, which a book's helper spends while the alignment waits for it.
On Linux, processes are forked instead from a server process that imported the engine once
(multiprocessing's "forkserver"): each starts at once, the engine imported already. The server
is started the first time it is asked for, or ahead of time (warm_up: the window asks as it
opens a big document, so that even the first comparison's helper starts at once).

Elsewhere they are spawned: on macOS a fork of a process that has imported numpy (its
Accelerate threads) is what made spawning the default there; a frozen bundle's entry point is
what a spawned process runs; on Windows there is nothing else. So is a process whose working
directory holds another copy of the engine: the server starts there and would import that one.
Either way the child imports the main module again: only a guarded one may start processes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext

# What the server imports once, for every process forked from it: the whole comparison (compare
# imports the helper's engine), the process a window's comparison runs in, and one reading a file.
PRELOADED = ("diffviewer.core.compare", "diffviewer.core.elsewhere", "diffviewer.formats.apart")


def fresh_method() -> str:
    """The start method of a process that must not be a fork of this one: "forkserver" or "spawn"."""
    import multiprocessing  # (only when used: the window's start-up does without it)

    if (
        sys.platform.startswith("linux")
        and not getattr(sys, "frozen", False)
        and "forkserver" in multiprocessing.get_all_start_methods()
        and not _shadowed()
    ):
        return "forkserver"
    return "spawn"


def _shadowed() -> bool:
    """Whether the working directory holds a copy of the engine other than this one: the server,
    started there with it first on its path (`python -c`), would import that copy (Python 3.11's
    forkserver is given this process's path but does not use it)."""
    from importlib.machinery import PathFinder

    import diffviewer

    try:
        found = PathFinder.find_spec("diffviewer", [os.getcwd()])
    except (OSError, ValueError):  # a working directory removed meanwhile: nothing found there
        return False
    if found is None or found.origin is None:
        return found is not None  # (a namespace package there: not this one)
    return Path(found.origin).resolve() != Path(diffviewer.__file__).resolve()


def fresh_context(method: str | None = None) -> SpawnContext | ForkServerContext:
    """The multiprocessing context of such processes (`method`: fresh_method()'s, by default)."""
    import multiprocessing

    if (method or fresh_method()) == "spawn":
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOADED))  # (read once, when the server starts)
    return context


def warm_up() -> bool:
    """Start the server processes are forked from, if they are forked here, without waiting for
    it: the next process started then starts at once. Whether they are (spawning starts nothing
    ahead)."""
    if fresh_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    fresh_context("forkserver")
    with contextlib.suppress(OSError, ValueError), sigint_blocked():  # (no processes here: each start will say)
        forkserver.ensure_running()
    return True


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread meanwhile: a process started now (the server, and so every
    process forked from it) starts with it blocked, and is no traceback of a Ctrl-C as it starts;
    each child ignores it, then unblocks it (the comparison ends its children itself)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignore_sigint() -> None:
    """In a child: Ctrl-C reaches the whole process group, and the parent ends its children
    itself; SIGINT is then unblocked (see sigint_blocked)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


__all__ = ["PRELOADED", "fresh_context", "fresh_method", "ignore_sigint", "sigint_blocked", "warm_up"]
