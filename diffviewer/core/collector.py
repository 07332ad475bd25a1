"""Python's cycle collector, paused while the engine builds millions of small objects.

A whole book's comparison keeps millions of n-gram sets, cells and tokens alive at once; each
time the collector's third generation fills it walks all of them, which cost a third of the
alignment's time, while they hold no reference cycles to free (reference counting frees them).
The collector is paused for the duration and resumed after, once the last of any concurrent
comparisons (the window runs several) is done.

Resumed as it was, the collector would then walk, in its youngest generation, every object the
comparison made: a pause of a quarter of a second, three times over as they age, with the
interpreter lock held (the window froze). So what is alive when it resumes (the comparison, and
whatever else the process holds) is set aside with gc.freeze(): never walked, still freed by
reference counting. The next pause puts it back (gc.unfreeze()), so a cycle among those objects
that became garbage meanwhile is found by a later collection, not kept for ever. (The
application never turns the collector off itself; a caller that did so while a comparison ran
would find it resumed after: a disable() during the pause cannot be told from the pause.)
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

# Objects freed at once by let_go(): a few milliseconds of the interpreter lock.
RELEASE_SLICE = 4096

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def paused_collector() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
            gc.unfreeze()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.freeze()
                gc.enable()


def let_go(*holders: list[Any] | dict[Any, Any], at_once: int = RELEASE_SLICE) -> None:
    """Empty these lists and dicts `at_once` items at a time. Freeing a book's alignment (millions
    of n-gram sets and cells) in one go is a tenth of a second in C with the interpreter lock
    held, which the window's thread then waits out; between slices, other threads run. (Items
    that each hold a deep tree, a comparison's blocks or rows, want small slices.)"""
    for holder in holders:
        if isinstance(holder, list):
            while holder:
                del holder[-at_once:]
        else:
            while holder:
                # From the end: a dict is not compacted as it empties, so reading it from the
                # front again each slice would walk every slot emptied before.
                for _ in range(min(at_once, len(holder))):
                    holder.popitem()


# How long a release waits to be the last holder of what it frees (see let_go_when_alone).
WAIT_ALONE_SECONDS = 60.0
_POLL_SECONDS = 0.1


def let_go_when_alone(
    containers: list[Sequence[Any]], after: float, at_once: int, on_done: Callable[[], None] = lambda: None
) -> None:
    """Free what these containers hold, in a thread of its own, once nothing else holds the
    containers (or after WAIT_ALONE_SECONDS): a window drops a book's comparison without waiting
    for it. The containers are then emptied into lists and dropped, which only lets go of their
    items, and the lists are freed by let_go(), a slice at a time. (Only objects of no thread's
    concern, never Qt's.)"""

    def alone() -> bool:
        # Referred to by `containers` and by getrefcount's argument alone.
        return all(sys.getrefcount(containers[k]) <= 2 for k in range(len(containers)))

    def later() -> None:
        time.sleep(after)
        deadline = time.monotonic() + WAIT_ALONE_SECONDS
        while not alone() and time.monotonic() < deadline:
            time.sleep(_POLL_SECONDS)
        holders = [list(container) for container in containers]
        containers.clear()
        let_go(*holders, at_once=at_once)
        on_done()

    threading.Thread(target=later, daemon=True, name="diffviewer-let-go").start()
