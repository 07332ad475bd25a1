"""A comparison run in a process of its own, for a caller that must stay responsive meanwhile.

Python runs one thread at a time: a book's comparison in a thread of the window takes the
interpreter from the window for ten seconds, and two comparisons in two threads take turns
instead of using two cores. In a process of its own a comparison holds nothing of the caller's.

The child is started fresh (processes.py: the window has threads, which a fork would copy half-way),
gets the two documents, reports progress, and sends the comparison back in pieces: the blocks a
few hundred at a time, each rebuilt here in a few milliseconds (with the cycle collector paused,
see collector.py), so the caller's other threads get the interpreter in between. Cancelling
ends the child. An error in the child comes back as the same error.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from diffviewer.core.collector import paused_collector
from diffviewer.core.compare import Cancelled, CompareError, LimitExceeded, compare
from diffviewer.core.model import Block, CompareOptions, Comparison, Document
from diffviewer.core.processes import fresh_context, ignore_sigint, sigint_blocked

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess

BLOCKS_A_PIECE = 200
POLL_SECONDS = 0.05  # how often a cancel is looked for while the child works
_ERRORS: dict[str, type[CompareError]] = {"LimitExceeded": LimitExceeded, "CompareError": CompareError}


def compare_elsewhere(
    original: Document,
    derivative: Document,
    options: CompareOptions = CompareOptions(),
    should_cancel: Callable[[], bool] = lambda: False,
    on_progress: Callable[[float], None] = lambda fraction: None,
    may_help: Callable[[], bool] = lambda: False,
) -> Comparison:
    """compare(), in a child process; the same result, the same errors (Cancelled too).
    `may_help`: whether a core has come free, for the child to take a helper process on the way
    (compare's `may_help`): asked while it works, told to it once."""
    try:
        here, child = _started(fresh_context())
    except EOFError:  # the server it is forked from died as it started (core/processes.py)
        here, child = _started(fresh_context("spawn"))
    try:
        here.send((original, derivative, options))
        head: dict[str, Any] | None = None
        blocks: list[Block] = []
        told = False
        while True:
            if should_cancel():
                raise Cancelled("comparison cancelled")
            if not told and may_help():
                here.send(("may_help", None))
                told = True
            if not here.poll(POLL_SECONDS):
                if not child.is_alive():
                    raise CompareError("the comparison stopped unexpectedly (its process ended)")
                continue
            kind, payload = here.recv()
            if kind == "progress":
                on_progress(payload)
            elif kind == "error":
                name, message = payload
                raise _ERRORS.get(name, CompareError)(message)
            elif kind == "head":
                head = payload
            elif kind == "blocks":
                with paused_collector():
                    blocks.extend(pickle.loads(payload))
            elif kind == "done":
                break
        assert head is not None
        return Comparison(original=original, derivative=derivative, blocks=tuple(blocks), **head)
    finally:
        here.close()
        if child.is_alive():
            child.terminate()
        child.join(timeout=5)


def _started(context: SpawnContext | ForkServerContext) -> tuple[Connection, BaseProcess]:
    """A child started, and this end of its pipe."""
    here, there = context.Pipe()
    child = context.Process(target=_serve, args=(there,), daemon=True, name="diffviewer-compare")
    with sigint_blocked():  # (until the child ignores it: see _serve)
        child.start()
    there.close()
    return here, child


def _serve(conn: Connection) -> None:
    """The child: compare what comes, send back progress, then the comparison in pieces."""
    import multiprocessing

    ignore_sigint()  # (cancelling ends the child: a Ctrl-C of the window's terminal is the window's)

    # A daemon of the caller's, so that it ends with it; yet the parent of a helper it may take
    # (core/helper.py), which ends when this process does.
    multiprocessing.current_process().daemon = False
    original, derivative, options = conn.recv()
    told = False

    def may_help() -> bool:
        nonlocal told
        while not told and conn.poll():
            told = conn.recv()[0] == "may_help"
        return told

    try:
        result = compare(
            original,
            derivative,
            options,
            on_progress=lambda f: conn.send(("progress", f)),
            helped=False,
            may_help=may_help,
        )
    except CompareError as error:
        conn.send(("error", (type(error).__name__, str(error))))
        return
    except Exception as error:  # a bug must reach the user as a message, not as a silent exit
        conn.send(("error", ("CompareError", f"unexpected error: {type(error).__name__}: {error}")))
        return
    # The documents stay where they came from: the caller has them.
    head = {f.name: getattr(result, f.name) for f in fields(result)}
    for name in ("original", "derivative", "blocks"):
        del head[name]
    conn.send(("head", head))
    for start in range(0, len(result.blocks), BLOCKS_A_PIECE):
        piece = result.blocks[start : start + BLOCKS_A_PIECE]
        conn.send(("blocks", pickle.dumps(piece, protocol=pickle.HIGHEST_PROTOCOL)))
    conn.send(("done", None))
    conn.close()


__all__ = ["compare_elsewhere"]
