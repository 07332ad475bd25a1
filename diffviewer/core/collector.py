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
from collections.abc import Iterator
from contextlib import contextmanager

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
