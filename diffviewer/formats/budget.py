"""A time budget for a loader: past it, the loading thread is stopped with a clear message.

Every loader is meant to run in linear time, and the known quadratic spots are fixed; the budget
is the guarantee for the inputs no one has thought of yet. It works where the time goes in
Python (docutils, pypdf, striprtf, PyYAML, the HTML loader's handling of lxml's events): a
watchdog thread raises an exception in the loading thread at its next Python instruction
(PyThreadState_SetAsyncExc, as debuggers do). A C parser (lxml) is interrupted when it returns
or calls back into Python; those run in linear time.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class BudgetExpired(Exception):
    """Raised in the loading thread when its budget is spent."""


_raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
_raise_in.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Run the block in at most `seconds`, or raise BudgetExpired in it."""
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}
    finished = threading.Event()

    def watch() -> None:
        if finished.wait(seconds):
            return
        with lock:
            if state["inside"]:
                state["fired"] = True
                _raise_in(target, BudgetExpired)

    watcher = threading.Thread(target=watch, name="load-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["inside"] = False
            fired = state["fired"]
        finished.set()
        if fired:
            # Raised but not yet delivered (the block ended at the deadline): withdraw it, so it
            # cannot surface later in code that has nothing to do with loading.
            _raise_in(target, ctypes.py_object())  # type: ignore[arg-type]
        watcher.join()


__all__ = ["BudgetExpired", "time_budget"]
