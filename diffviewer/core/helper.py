"""A second core for one big comparison: a helper process drafts blocks beside this one and checks
the quotations, and does what needs no alignment while the alignment runs.

Python runs one thread at a time, so a comparison alone used one of the machine's cores. The
helper is started with the comparison and has the documents at once: while this process aligns,
it featurises the side the alignment starts from (this process featurises the other meanwhile:
ngrams.Elsewhere) and sends it, counts both documents' capitals (which words are names:
facts.py) and sends the counts, then indexes the original's words and looks for each of the
derivative's quotations in it (quotes.Quotations.prepare). Once the groups are known, the two processes draft them from
both ends (_Claims): this one from the first group on, the helper a run of groups at a time from
the last, smaller runs as they meet, so neither waits long for the other whatever the groups
cost. It sends its drafts back packed (packing.py: a book's half in a few tenths of a second,
where pickling the objects one by one took seconds), then checks the quotations while this
process judges the blocks. The results are the same as one process's: the same functions on the
same inputs, only elsewhere.

A helper is a help, never a condition: if it cannot start, fails or ends, this process does its
share itself. Small comparisons (below HELPED_MIN_CHARACTERS) do without one; comparisons that
run beside others (a batch, the window's derivatives, a scan) start without one, and the window's
take one on the way once a core is free. Such a helper is `late`, as is one of documents aligned
already (compared again under another option): it has no side to featurise, and prepares the
quotations while this process drafts alone, then drafts with it (preparing them after the drafts
would leave this process idle at the end).
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import sys
import threading
import time
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from diffviewer.core.align import Group, first_units
from diffviewer.core.collector import paused_collector
from diffviewer.core.crossing import Draft
from diffviewer.core.drafting import Drafts, checks_prose, drafts_of
from diffviewer.core.facts import DocumentCases, Swap
from diffviewer.core.insight import Verdict
from diffviewer.core.model import CompareOptions, Document, Quote
from diffviewer.core.ngrams import KEPT_SIDE_UNITS, Alone, alone, kept
from diffviewer.core.packing import PackedChanges, pack_changes, unpack_changes
from diffviewer.core.processes import fresh_context, fresh_method, ignore_sigint, sigint_blocked
from diffviewer.core.processes import warm_up as warm_processes
from diffviewer.core.quotes import Quotations
from diffviewer.core.tokens import identity_keys

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

# Below this much text (both documents) a comparison takes about a second: less than starting a
# process and sending it the documents saves.
HELPED_MIN_CHARACTERS = 1_000_000
# Each run of groups the helper takes holds this share of the text not yet taken: large while
# the two processes are far apart, small as they meet.
CLAIM_SHARE = 0.25
POLL_SECONDS = 0.05  # how often a cancel is looked for while waiting on the helper


class Task(StrEnum):
    FEATURES = "features"  # the alignment's first side featurised, sent unasked first
    READY = "ready"  # the documents' case counts, sent unasked next
    DRAFT = "draft"
    QUOTES = "quotes"


UNASKED = frozenset({Task.FEATURES, Task.READY})


@dataclass(frozen=True, slots=True)
class _Documents:
    """What the helper is given first: all it works on."""

    original: Document
    derivative: Document
    options: CompareOptions
    early: bool = True  # started before the alignment (it featurises a side for it)


@dataclass(frozen=True, slots=True)
class _Request:
    task: Task
    groups: tuple[Group, ...] = ()  # DRAFT: all the groups (which to draft, the claims say)
    partners: dict[int, list[int]] = field(default_factory=dict)  # QUOTES: the links, by derivative paragraph


@dataclass(frozen=True, slots=True)
class _PackedDraft:
    group: Group
    changes: PackedChanges
    verdict: Verdict
    swaps: tuple[Swap, ...]


@dataclass(frozen=True, slots=True)
class _Reply:
    """The answer to one request (or a run of its groups), or why there is none."""

    task: Task
    start: int = 0  # DRAFT: the run of groups start:end drafted
    end: int = 0
    drafts: tuple[_PackedDraft, ...] = ()
    unpaired: frozenset[tuple[int, int]] = frozenset()
    quotes: tuple[Quote, ...] = ()
    cases: DocumentCases | None = None
    side: Alone | None = None  # FEATURES: the side, and a checksum of its texts
    checksum: int = 0
    failed: str = ""


class _Claims:
    """Which groups each process drafts: this one takes them one by one from the front, the
    helper a run at a time from the back (CLAIM_SHARE of the text left), until they meet. Two
    numbers shared by both processes, under one lock: the next group from the front, and the
    first group the helper has taken."""

    def __init__(self, shared: Any) -> None:  # a multiprocessing Array of two 64-bit integers
        self._shared = shared
        self.count = 0
        # The comparison's side: whether the helper lives (set once it started; a spawned helper
        # is given these claims pickled, and its parent's death ends it anyway).
        self.other_alive: Callable[[], bool] | None = None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The lock, unless the other process died holding it: then nothing else writes."""
        lock = self._shared.get_lock()
        while not lock.acquire(timeout=POLL_SECONDS):
            if self.other_alive is not None and not self.other_alive():
                yield
                return
        try:
            yield
        finally:
            lock.release()

    def reset(self, count: int, first: int = 0) -> None:
        """Groups first:count to draft (those before drafted already)."""
        self.count = count
        with self._locked():
            self._shared[0], self._shared[1] = first, count

    def from_front(self) -> int | None:
        with self._locked():
            front, back = self._shared[0], self._shared[1]
            if front >= back:
                return None
            self._shared[0] = front + 1
            return int(front)

    def from_back(self, text_before: Sequence[int]) -> range | None:
        """A run of groups from the back; `text_before[k]`: the text of the groups before group k."""
        with self._locked():
            front, back = self._shared[0], self._shared[1]
            if front >= back:
                return None
            wanted = text_before[back] - CLAIM_SHARE * (text_before[back] - text_before[front])
            start = min(back - 1, max(front, bisect_right(text_before, wanted) - 1))
            self._shared[1] = start
            return range(start, back)

    @property
    def met(self) -> int:
        """Where the helper's groups start (final once from_front() has said None)."""
        return int(self._shared[1])

    @property
    def taken(self) -> int:
        """How many groups the two have taken."""
        return int(self._shared[0]) + self.count - int(self._shared[1])


def cores() -> int:
    """The cores this process may run on (an affinity mask or a container can allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Helper:
    """The helper process of one comparison: a side of its alignment featurised, its case counts,
    drafts and quotations, in turn."""

    def __init__(
        self,
        process: BaseProcess,
        conn: Connection,
        claims: _Claims,
        sender: threading.Thread | None,
        featurises: bool = True,
    ) -> None:
        self._process = process
        self._conn = conn
        self._claims = claims
        self._sender = sender  # a message being sent meanwhile (a spawned helper's documents, a request)
        claims.other_alive = process.is_alive
        self._unasked: dict[Task, _Reply] = {}  # replies sent unasked that came while waiting for others
        # Whether the side featurised was asked for (once, or never: a late helper makes none).
        self._featurised = not featurises

    @staticmethod
    def start(original: Document, derivative: Document, options: CompareOptions, late: bool = False) -> Helper | None:
        """A helper with the two documents, or None where one would not pay (or cannot start).
        `late`: the alignment is done (or needs doing no more): it featurises nothing."""
        if cores() < 2 or original.characters + derivative.characters < HELPED_MIN_CHARACTERS:
            return None
        import multiprocessing  # (only when used: small comparisons and the window's start do without)

        method = _start_method()
        if method is None or multiprocessing.current_process().daemon:  # a pool's worker has no children
            return None
        try:
            context = multiprocessing.get_context("fork") if method == "fork" else fresh_context(method)
            here, there = context.Pipe()
            claims = _Claims(context.Array("q", 2))
            # A forked child holds this end too (`inherited`): it closes it first, or it would
            # never see the end of the pipe when this process dies.
            forked = method == "fork"
            given = _Documents(original, derivative, options, early=not late)
            # A forked child has the documents already; a fresh one is sent them once started,
            # from a thread (given to the process, they would be pickled and read before start()
            # returned; sent from here, 8 MB would wait on its start-up, and the alignment with them).
            args = (there, here, given, claims) if forked else (there, None, None, claims)
            process = context.Process(target=_serve, args=args, daemon=True, name="diffviewer-helper")
            with _no_interrupt():
                process.start()
            there.close()
        # No processes here (a sandbox, a frozen oddity), or a forkserver that died as it started.
        except (OSError, RuntimeError, ValueError, EOFError):
            return None
        sender = None
        if not forked:
            sender = threading.Thread(target=_send_quietly, args=(here, given), daemon=True, name="diffviewer-send")
            sender.start()
        return Helper(process, here, claims, sender, featurises=not late)

    def cases(self, step: Callable[[], None]) -> DocumentCases | None:
        """Both documents' case counts, or None if the helper could not count them."""
        reply = self._receive(Task.READY, step)
        return None if reply is None else reply.cases

    def featurised(self, texts: Sequence[str], patience: float, step: Callable[[], None]) -> Alone | None:
        """The side of the alignment featurised by the helper (ngrams.Elsewhere), if it is these
        texts' and comes within `patience` seconds."""
        if self._featurised:
            return None
        self._featurised = True
        reply = self._receive(Task.FEATURES, step, within=patience)
        if reply is None or reply.side is None or reply.checksum != _checksum(texts):
            return None
        return reply.side

    def aligned(self) -> None:
        """The alignment is done: a side featurised for it is of no use any more (and, unasked
        for, had better not be kept: a book's is megabytes)."""
        self._featurised = True
        self._unasked.pop(Task.FEATURES, None)

    def draft(self, groups: Sequence[Group], first: int = 0) -> None:
        """Start drafting `groups` from both ends (from `first` on: those before are drafted
        already): this process takes its own from claimed()."""
        self._claims.reset(len(groups), first)
        # Sent from a thread: a book's groups are more than the pipe holds, and the helper reads
        # them only once done with what it does while the alignment runs (this process drafts
        # meanwhile; the helper takes its share when it comes to it).
        self._send(_Request(Task.DRAFT, groups=tuple(groups)), meanwhile=True)

    def claimed(self, groups: Sequence[Group]) -> Iterator[Group]:
        """This process's groups, from the first on, until it meets the helper's."""
        while (k := self._claims.from_front()) is not None:
            yield groups[k]

    @property
    def met(self) -> int:
        """The first of the helper's groups, once claimed() has ended."""
        return self._claims.met

    @property
    def taken(self) -> int:
        return self._claims.taken

    def drafts(self, step: Callable[[], None]) -> Drafts | None:
        """The helper's drafts, in order, or None if it could not give them all."""
        runs: list[_Reply] = []
        covered = self._claims.count
        while covered > self.met:  # its runs come from the back, each ending where the last began
            reply = self._receive(Task.DRAFT, step)
            if reply is None or reply.end != covered:
                return None
            runs.append(reply)
            covered = reply.start
        with paused_collector():
            drafts = [
                Draft(d.group, unpack_changes(d.changes), d.verdict, d.swaps)
                for reply in reversed(runs)
                for d in reply.drafts
            ]
        return Drafts(drafts, set().union(*(reply.unpaired for reply in runs)))

    def check_quotes(self, partners: dict[int, list[int]]) -> None:
        self._send(_Request(Task.QUOTES, partners=partners))

    def quotes(self, step: Callable[[], None]) -> tuple[Quote, ...] | None:
        """The quotations asked for, or None if the helper could not give them."""
        reply = self._receive(Task.QUOTES, step)
        return None if reply is None else reply.quotes

    def close(self) -> None:
        # The process first: a message still being sent then fails at once, and the connection
        # is closed only once no thread writes to it.
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)
        if self._sender is not None:
            self._sender.join(timeout=5)
        self._conn.close()

    def _send(self, message: _Request, meanwhile: bool = False) -> None:
        """Send `message`, after what is being sent meanwhile (one writer at a time); `meanwhile`:
        from a thread, this one going on at once (a spawned helper may still be reading its
        documents, half a second of a book's: the drafts start here meanwhile)."""
        before = self._sender
        if meanwhile:
            self._sender = threading.Thread(target=_send_after, args=(before, self._conn, message), daemon=True)
            self._sender.start()
            return
        if before is not None:
            before.join()
            self._sender = None
        _send_quietly(self._conn, message)  # (if it ended, _receive will say so)

    def _receive(self, task: Task, step: Callable[[], None], within: float | None = None) -> _Reply | None:
        """The reply of `task`, or None if it failed (or did not come `within` seconds); `step`
        may raise Cancelled. Replies sent unasked (UNASKED) are kept for when they are asked for."""
        if task in self._unasked:
            reply = self._unasked.pop(task)
            return None if reply.failed else reply
        deadline = None if within is None else time.monotonic() + within
        while True:
            step()
            wait = POLL_SECONDS if deadline is None else min(POLL_SECONDS, deadline - time.monotonic())
            try:
                if self._conn.poll(max(0.0, wait)):
                    reply = self._conn.recv()
                    if isinstance(reply, _Reply) and reply.task in UNASKED and reply.task is not task:
                        if reply.task is not Task.FEATURES or not self._featurised:
                            self._unasked[reply.task] = reply
                        continue
                    ok = isinstance(reply, _Reply) and reply.task is task and not reply.failed
                    return reply if ok else None
            except (EOFError, OSError, ValueError):
                return None
            if not self._process.is_alive() or (deadline is not None and time.monotonic() >= deadline):
                return None


def _send_after(before: threading.Thread | None, conn: Connection, message: _Request) -> None:
    if before is not None:
        before.join()
    _send_quietly(conn, message)


def _send_quietly(conn: Connection, message: _Documents | _Request) -> None:
    # (It ended, or the comparison did: closing the connection under a send fails in many ways.)
    with contextlib.suppress(Exception):
        conn.send(message)


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """SIGINT held off while a child starts, until it ignores the signal itself (in _serve): a
    Ctrl-C meanwhile is no traceback of its start-up. A forked child inherits the blocked mask, as
    does a forkserver started now (processes.sigint_blocked) and every child it forks; a spawned
    one, which starts a new interpreter, inherits an ignored SIGINT, which Python then leaves
    ignored (settable from the main thread only). The parent's handler comes back after."""
    on_main = threading.current_thread() is threading.main_thread()
    previous_handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if on_main else None
    try:
        with sigint_blocked():
            yield
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)


_main_is_guarded = False


def declare_main_guarded() -> None:
    """Said by an entry point whose main module starts nothing when imported (the application's
    own, a benchmark's): a helper may then be spawned, which imports that module again."""
    global _main_is_guarded
    _main_is_guarded = True


def _start_method() -> str | None:
    """How a helper can start here, if it can.

    Forked where that is safe (Linux, one thread, and that the main one): nothing to import or to
    send. Otherwise started fresh (processes.py: forked from a server process, or spawned), which
    runs the main module again in the child: only where that module is declared guarded
    (declare_main_guarded) or is a frozen bundle's. A user's script calling compare() from a
    thread might not be, and goes without a helper.
    """
    # (Qt's threads are not Python's to count: the window compares off its main thread.)
    alone = threading.active_count() == 1 and threading.current_thread() is threading.main_thread()
    if sys.platform.startswith("linux") and alone:
        return "fork"
    if _main_is_guarded or getattr(sys, "frozen", False):
        return fresh_method()
    return None


def warm_up() -> bool:
    """Make the next helper (or comparison process) start at once, where they start fresh and
    that can be made ready ahead (processes.warm_up): the window asks as it opens a big document.
    Whether they are forked from a server made ready (its main module guarded, as they need)."""
    return cores() >= 2 and _start_method() not in (None, "fork") and warm_processes()


class _Outbox:
    """The helper's replies, sent in order from a thread of their own: a reply bigger than the
    pipe holds waits for the comparison to read it, and the helper's drafting must not."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.SimpleQueue[_Reply] = queue.SimpleQueue()
        threading.Thread(target=self._send_all, daemon=True, name="diffviewer-outbox").start()

    def put(self, reply: _Reply) -> None:
        self._queue.put(reply)

    def _send_all(self) -> None:
        while True:
            reply = self._queue.get()
            try:
                self._conn.send(reply)
            except (OSError, ValueError):  # the comparison ended: nothing more to send
                return


def _serve(conn: Connection, inherited: Connection | None, given: _Documents | None, shared: _Claims) -> None:
    """The helper: the documents, what needs no alignment, then drafts and quotations as asked,
    until the comparison ends or the process that asked dies."""
    import multiprocessing
    from multiprocessing.connection import wait

    if inherited is not None:
        inherited.close()
    ignore_sigint()  # (Ctrl-C reaches the whole process group: the comparison ends its helper)
    parent = multiprocessing.parent_process()
    if parent is not None:  # the comparison's process killed, even mid-request: nothing to finish
        sentinel = parent.sentinel
        threading.Thread(target=lambda: (wait([sentinel]), os._exit(0)), daemon=True).start()
    try:
        if given is None:
            given = conn.recv()
    except EOFError:
        return
    if not isinstance(given, _Documents):
        return
    outbox = _Outbox(conn)
    with paused_collector():  # (for the helper's whole life: it builds a book's drafts)
        prepared = _Prepared.of(given, outbox)
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            if not isinstance(message, _Request):
                return
            _answer(message, given, shared, prepared, outbox)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What the helper made while the alignment ran: the case counts (also sent at once) and the
    quotations' search, each None where the documents are not prose or making it failed."""

    cases: DocumentCases | None
    quotations: Quotations | None

    @staticmethod
    def of(given: _Documents, outbox: _Outbox) -> _Prepared:
        original, derivative = given.original, given.derivative
        if given.early:
            try:
                _featurise(given, outbox)
            except Exception as error:  # the alignment featurises it itself
                outbox.put(_Reply(Task.FEATURES, failed=f"{type(error).__name__}: {error}"))
        if not checks_prose(original, derivative):
            outbox.put(_Reply(Task.READY))
            return _Prepared(None, None)
        cases = quotations = None
        try:
            cases = DocumentCases.of_documents(original, derivative)
            outbox.put(_Reply(Task.READY, cases=cases))
        except Exception as error:  # the comparison counts them itself
            outbox.put(_Reply(Task.READY, failed=f"{type(error).__name__}: {error}"))
        with contextlib.suppress(Exception):  # (the comparison checks the quotations itself)
            quotations = Quotations(original.paragraphs, derivative.paragraphs)
            quotations.prepare()
        return _Prepared(cases, quotations)


def _featurise(given: _Documents, outbox: _Outbox) -> None:
    """The side the comparison's alignment featurises first, featurised and sent (a side it
    would not keep, it featurises in place: nothing to send)."""
    options = given.options
    texts = [[p.text for p in doc.paragraphs] for doc in (given.original, given.derivative)]
    keys = (identity_keys(texts[0], options), identity_keys(texts[1], options))
    units = first_units(texts[0], texts[1], checks_prose(given.original, given.derivative), keys)
    # (A forked helper knows the sides this process kept: one of them needs no featurising.)
    if len(units) >= KEPT_SIDE_UNITS and not kept(units):
        outbox.put(_Reply(Task.FEATURES, side=alone(units), checksum=_checksum(units)))
    else:
        outbox.put(_Reply(Task.FEATURES, failed="nothing to featurise"))


def _checksum(texts: Sequence[str]) -> int:
    return zlib.crc32("\x00".join(texts).encode("utf-8", "surrogatepass")) ^ len(texts)


def _answer(request: _Request, given: _Documents, claims: _Claims, prepared: _Prepared, outbox: _Outbox) -> None:
    if request.task is Task.QUOTES:
        try:
            if prepared.quotations is None:
                raise RuntimeError("the quotations could not be prepared")
            outbox.put(_Reply(Task.QUOTES, quotes=prepared.quotations.check(request.partners)))
        except Exception as error:  # the caller checks them itself; the error is its to meet
            outbox.put(_Reply(Task.QUOTES, failed=f"{type(error).__name__}: {error}"))
        return
    original, derivative, groups = given.original, given.derivative, request.groups
    cases = None
    if checks_prose(original, derivative):
        cases = cache(lambda: prepared.cases or DocumentCases.of_documents(original, derivative))
    try:
        text_before = [0, *accumulate(_text(g, original, derivative) for g in groups)]
        while (run := claims.from_back(text_before)) is not None:
            found = drafts_of([groups[k] for k in run], original, derivative, given.options, cases=cases)
            packed = tuple(_PackedDraft(d.group, pack_changes(d.changes), d.verdict, d.swaps) for d in found.drafts)
            outbox.put(_Reply(Task.DRAFT, run.start, run.stop, packed, frozenset(found.unpaired)))
    except Exception as error:  # the caller does this share itself; the error is its to meet
        outbox.put(_Reply(Task.DRAFT, failed=f"{type(error).__name__}: {error}"))


def _text(group: Group, original: Document, derivative: Document) -> int:
    return sum(len(original.paragraphs[i].text) for i in group.original) + sum(
        len(derivative.paragraphs[j].text) for j in group.derivative
    )


__all__ = ["HELPED_MIN_CHARACTERS", "Helper", "Task", "cores", "declare_main_guarded", "warm_up"]
