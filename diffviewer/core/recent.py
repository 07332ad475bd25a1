"""A cache of what was used recently, in two generations, for what is too big to keep whole."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from diffviewer.core.collector import let_go

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """At most 2 × `size` values: one generation is filled, then becomes the old one and the older
    is dropped; a value found in the old generation moves to the new. So what is read again soon
    stays, at O(1) a read (an LRU order kept exactly would cost a move on every hit). `get` says
    None for what it does not hold, so None is never a value to keep."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        found = self._new.get(key)
        if found is None:
            found = self._old.pop(key, None)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: K, value: V) -> None:
        if len(self._new) >= self._size:
            self._old, self._new = self._new, {}
        self._new[key] = value

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def release(self) -> None:
        """Let go of every value a slice at a time (collector.let_go)."""
        let_go(self._new, self._old)
