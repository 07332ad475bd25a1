"""Python's cycle collector, paused while the engine builds millions of small objects.

A whole book's comparison keeps millions of n-gram sets, cells and tokens alive at once; each
time the collector's third generation fills it walks all of them, which cost a third of the
alignment's time, while they hold no reference cycles to free (reference counting frees them).
The collector is paused for the duration and resumed after, once the last of any concurrent
comparisons (the window runs several) is done; garbage made meanwhile is collected then. (The
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
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
