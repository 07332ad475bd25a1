"""A part of the main window that reaches back to it (its file commands, its status bar...).

By a weak reference: the window holds its parts, and a part holding the window would make a
cycle, left to Python's cycle collector, which may run in a worker thread and destroy Qt objects
there. A closed window is freed at once.
"""

from __future__ import annotations

import weakref
from typing import Generic, TypeVar

from PySide6.QtWidgets import QMainWindow

W = TypeVar("W", bound=QMainWindow)


class WindowPart(Generic[W]):
    def __init__(self, window: W) -> None:
        self._window_ref = weakref.ref(window)

    @property
    def _window(self) -> W:
        window = self._window_ref()
        # A part lives no longer than its window: the window alone holds it.
        assert window is not None, "the window this part belongs to is gone"
        return window


__all__ = ["WindowPart"]
