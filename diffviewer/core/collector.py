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
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
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


def let_go(*holders: list[Any] | dict[Any, Any]) -> None:
    """Empty these lists and dicts a slice at a time. Freeing a book's alignment (millions of
    n-gram sets and cells) in one go is a tenth of a second in C with the interpreter lock held,
    which the window's thread then waits out; between slices, other threads run."""
    for holder in holders:
        if isinstance(holder, list):
            while holder:
                del holder[-RELEASE_SLICE:]
        else:
            while holder:
                for key in list(islice(holder, RELEASE_SLICE)):
                    del holder[key]


def let_go_elsewhere(*holders: list[Any] | dict[Any, Any], after: float = 0.0) -> None:
    """let_go() in a thread of its own, `after` seconds from now: a window drops a book's
    comparison without waiting for it. The holders keep what they hold alive meanwhile, so the
    objects that held it before (a comparison, its rows) go quickly wherever they are dropped,
    and what they held is freed here. (Only objects of no thread's concern, never Qt's.)"""

    def later() -> None:
        time.sleep(after)
        let_go(*holders)

    threading.Thread(target=later, daemon=True, name="diffviewer-let-go").start()
