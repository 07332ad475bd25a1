"""A second core for one big comparison: a helper process drafts half its blocks and checks its
quotations, while this process drafts the other half and judges the blocks.

Python runs one thread at a time, so a comparison alone used one of the machine's cores. After
the alignment its work splits cleanly: each group's word diff stands alone, and the quotation
check needs only the links. The helper is started with the comparison (its start-up overlaps the
alignment), is given the documents at once and the groups when they are known, and sends its
drafts back packed (packing.py: a book's half in a few tenths of a second, where pickling the
objects one by one took seconds). The results are the same as one process's: the same functions
on the same inputs, only elsewhere.

A helper is a help, never a condition: if it cannot start, fails or ends, this process does its
share itself. Small comparisons (below HELPED_MIN_CHARACTERS) and comparisons that already run
beside others (a batch, the window's derivatives, a scan) do without one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from diffviewer.core import quotes
from diffviewer.core.align import Group
from diffviewer.core.collector import paused_collector
from diffviewer.core.crossing import Draft
from diffviewer.core.drafting import Drafts, drafts_of
from diffviewer.core.model import CompareOptions, Document, Quote
from diffviewer.core.packing import PackedChanges, pack_changes, unpack_changes

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

# Below this much text (both documents) a comparison takes about a second: less than starting a
# process and sending it the documents saves.
HELPED_MIN_CHARACTERS = 1_000_000
# Of the groups' text, the share the helper drafts. This process also judges every block and
# finds the changed facts meanwhile, the helper checks the quotations: about even.
HELPER_SHARE = 0.5
POLL_SECONDS = 0.05  # how often a cancel is looked for while waiting on the helper


class Task(StrEnum):
    DRAFT = "draft"
    QUOTES = "quotes"


@dataclass(frozen=True, slots=True)
class _Documents:
    """What the helper is given first: all it works on."""

    original: Document
    derivative: Document
    options: CompareOptions


@dataclass(frozen=True, slots=True)
class _Request:
    task: Task
    groups: tuple[Group, ...] = ()  # DRAFT: the groups to draft
    partners: dict[int, list[int]] = field(default_factory=dict)  # QUOTES: the links, by derivative paragraph


@dataclass(frozen=True, slots=True)
class _PackedDraft:
    group: Group
    changes: PackedChanges


@dataclass(frozen=True, slots=True)
class _Reply:
    """The answer to one request: the task it answers, and its result or why there is none."""

    task: Task
    drafts: tuple[_PackedDraft, ...] = ()
    unpaired: frozenset[tuple[int, int]] = frozenset()
    quotes: tuple[Quote, ...] = ()
    failed: str = ""


def _cores() -> int:
    """The cores this process may run on (an affinity mask or a container can allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Helper:
    """The helper process of one comparison, asked for drafts and quotations in turn."""

    def __init__(self, process: BaseProcess, conn: Connection, documents: _Documents | None) -> None:
        self._process = process
        self._conn = conn
        # For a spawned helper: sent with the first request, when the child is sure to be reading
        # (sent at once, 8 MB would wait on its start-up, and the alignment with them).
        self._documents = documents

    @staticmethod
    def start(original: Document, derivative: Document, options: CompareOptions) -> Helper | None:
        """A helper with the two documents, or None where one would not pay (or cannot start)."""
        if _cores() < 2 or original.characters + derivative.characters < HELPED_MIN_CHARACTERS:
            return None
        import multiprocessing  # (only when used: small comparisons and the window's start do without)

        method = _start_method()
        if method is None or multiprocessing.current_process().daemon:  # a pool's worker has no children
            return None
        try:
            context = multiprocessing.get_context("fork") if method == "fork" else multiprocessing.get_context("spawn")
            here, there = context.Pipe()
            # A forked child holds this end too (`inherited`): it closes it first, or it would
            # never see the end of the pipe when this process dies.
            forked = method == "fork"
            given = _Documents(original, derivative, options)
            # A forked child has the documents already; a spawned one is sent them once started
            # (given to the process, they would be pickled and read before start() returned).
            args = (there, here, given) if forked else (there, None, None)
            process = context.Process(target=_serve, args=args, daemon=True, name="diffviewer-helper")
            with _no_interrupt():
                process.start()
            there.close()
        except (OSError, RuntimeError, ValueError):  # no processes here (a sandbox, a frozen oddity)
            return None
        return Helper(process, here, None if forked else given)

    def draft(self, groups: Sequence[Group]) -> None:
        self._send(_Request(Task.DRAFT, groups=tuple(groups)))

    def drafts(self, step: Callable[[], None]) -> Drafts | None:
        """The drafts asked for, or None if the helper could not give them."""
        reply = self._receive(Task.DRAFT, step)
        if reply is None:
            return None
        with paused_collector():
            drafts = [Draft(d.group, unpack_changes(d.changes)) for d in reply.drafts]
        return Drafts(drafts, set(reply.unpaired))

    def check_quotes(self, partners: dict[int, list[int]]) -> None:
        self._send(_Request(Task.QUOTES, partners=partners))

    def quotes(self, step: Callable[[], None]) -> tuple[Quote, ...] | None:
        """The quotations asked for, or None if the helper could not give them."""
        reply = self._receive(Task.QUOTES, step)
        return None if reply is None else reply.quotes

    def close(self) -> None:
        self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)

    def _send(self, message: _Request) -> None:
        with contextlib.suppress(OSError, ValueError):  # it ended: _receive will say so
            if self._documents is not None:
                self._conn.send(self._documents)
                self._documents = None
            self._conn.send(message)

    def _receive(self, task: Task, step: Callable[[], None]) -> _Reply | None:
        """The reply to the last request (of `task`), or None if it failed; `step` may raise Cancelled."""
        while True:
            step()
            try:
                if self._conn.poll(POLL_SECONDS):
                    reply = self._conn.recv()
                    ok = isinstance(reply, _Reply) and reply.task is task and not reply.failed
                    return reply if ok else None
            except (EOFError, OSError, ValueError):
                return None
            if not self._process.is_alive():
                return None


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """SIGINT held off while a child starts, until it ignores the signal itself (in _serve): a
    Ctrl-C meanwhile is no traceback of its start-up. A forked child inherits the blocked mask;
    a spawned one, which starts a new interpreter, inherits an ignored SIGINT, which Python then
    leaves ignored (settable from the main thread only). The parent's handler comes back after."""
    blocking = hasattr(signal, "pthread_sigmask")
    previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if blocking else None
    on_main = threading.current_thread() is threading.main_thread()
    previous_handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if on_main else None
    try:
        yield
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
        if previous_mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)


_main_is_guarded = False


def declare_main_guarded() -> None:
    """Said by an entry point whose main module starts nothing when imported (the application's
    own, a benchmark's): a helper may then be spawned, which imports that module again."""
    global _main_is_guarded
    _main_is_guarded = True


def _start_method() -> str | None:
    """How a helper can start here, if it can.

    Forked where that is safe (Linux, one thread, and that the main one): nothing to import or to
    send. Otherwise spawned, which runs the main module again in the child: only where that
    module is declared guarded (declare_main_guarded) or is a frozen bundle's. A user's script
    calling compare() from a thread might not be, and goes without a helper.
    """
    # (Qt's threads are not Python's to count: the window compares off its main thread.)
    alone = threading.active_count() == 1 and threading.current_thread() is threading.main_thread()
    if sys.platform.startswith("linux") and alone:
        return "fork"
    if _main_is_guarded or getattr(sys, "frozen", False):
        return "spawn"
    return None


def _serve(conn: Connection, inherited: Connection | None, given: _Documents | None) -> None:
    """The helper: the documents, then drafts and quotations as asked, until the comparison ends
    or the process that asked dies."""
    import multiprocessing
    from multiprocessing.connection import wait

    if inherited is not None:
        inherited.close()
    # Ctrl-C reaches the whole process group: the comparison ends its helper itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # (blocked while it started)
    parent = multiprocessing.parent_process()
    if parent is not None:  # the comparison's process killed, even mid-request: nothing to finish
        sentinel = parent.sentinel
        threading.Thread(target=lambda: (wait([sentinel]), os._exit(0)), daemon=True).start()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if isinstance(message, _Documents):
            given = message
            continue
        if not isinstance(message, _Request) or given is None:
            return
        try:
            with paused_collector():
                conn.send(_answer(message, given))
        except (OSError, EOFError):
            return
        except Exception as error:  # the caller does this share itself; the error is its to meet
            conn.send(_Reply(message.task, failed=f"{type(error).__name__}: {error}"))


def _answer(request: _Request, given: _Documents) -> _Reply:
    original, derivative = given.original, given.derivative
    if request.task is Task.QUOTES:
        return _Reply(Task.QUOTES, quotes=quotes.check(original.paragraphs, derivative.paragraphs, request.partners))
    found = drafts_of(request.groups, original, derivative, given.options)
    packed = tuple(_PackedDraft(d.group, pack_changes(d.changes)) for d in found.drafts)
    return _Reply(Task.DRAFT, drafts=packed, unpaired=frozenset(found.unpaired))


def split_at(groups: Sequence[Group], original: Document, derivative: Document) -> int:
    """Where the helper's share of the groups starts: the last HELPER_SHARE of their text."""
    sizes = [
        sum(len(original.paragraphs[i].text) for i in g.original)
        + sum(len(derivative.paragraphs[j].text) for j in g.derivative)
        for g in groups
    ]
    wanted, done = (1 - HELPER_SHARE) * sum(sizes), 0
    for n, size in enumerate(sizes):
        if done >= wanted:
            return n
        done += size
    return len(groups)


__all__ = ["HELPED_MIN_CHARACTERS", "Helper", "Task", "declare_main_guarded", "split_at"]
