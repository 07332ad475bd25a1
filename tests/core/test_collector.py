"""The paused cycle collector (core/collector.py): off inside comparisons, back on after the last."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest

from diffviewer.core import collector
from diffviewer.core.collector import let_go, let_go_when_alone, paused_collector
from diffviewer.core.compare import Cancelled, compare
from tests.core.helpers import doc


@pytest.fixture
def collector_on() -> object:
    was = gc.isenabled()
    gc.enable()
    yield None
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_resumed_after(collector_on: object) -> None:
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_on: object) -> None:
    gc.disable()
    with paused_collector():
        pass
    assert not gc.isenabled()
    gc.enable()


def test_the_collector_resumes_only_when_the_last_comparison_ends(collector_on: object) -> None:
    inside, release = threading.Event(), threading.Event()

    def long_comparison() -> None:
        with paused_collector():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=long_comparison)
    other.start()
    inside.wait(5)
    with paused_collector():
        pass
    assert not gc.isenabled()  # the other comparison still runs
    release.set()
    other.join(5)
    assert gc.isenabled()


def test_a_cancelled_comparison_resumes_the_collector(collector_on: object) -> None:
    original = doc("The council met on Monday.", "The ferry will sail twice a day.")
    derivative = doc("On Monday the council met.", "Twice a day, the ferry sails.")
    with pytest.raises(Cancelled):
        compare(original, derivative, should_cancel=lambda: True)
    assert gc.isenabled()


def test_what_a_comparison_leaves_alive_is_not_walked_and_is_put_back_at_the_next(collector_on: object) -> None:
    with paused_collector():
        made = [[n] for n in range(10_000)]  # objects the collector would walk
    assert gc.get_freeze_count() >= len(made)  # set aside: the next collections skip them
    with paused_collector():
        assert gc.get_freeze_count() == 0  # back among the collected, while the collector is off
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()


def test_a_cycle_made_after_a_comparison_is_still_collected(collector_on: object) -> None:
    import weakref

    with paused_collector():
        pass

    class Node:
        pass

    node = Node()
    node.me = node  # type: ignore[attr-defined]
    alive = weakref.ref(node)
    del node
    gc.collect()
    assert alive() is None
    gc.unfreeze()


class _Counted(list[int]):
    """A list that notes how many items each deletion takes."""

    def __init__(self, items: range) -> None:
        super().__init__(items)
        self.taken: list[int] = []

    def __delitem__(self, index: slice) -> None:  # type: ignore[override]
        before = len(self)
        super().__delitem__(index)
        self.taken.append(before - len(self))


def test_let_go_empties_lists_and_dicts_a_slice_at_a_time() -> None:
    listed, mapped = _Counted(range(10)), {k: str(k) for k in range(10)}
    let_go(listed, mapped, at_once=3)
    assert listed == [] and mapped == {}
    assert listed.taken == [3, 3, 3, 1]  # other threads may run between two slices


class _Held:
    pass


def test_let_go_when_alone_waits_for_the_last_other_holder_then_frees_in_its_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "_POLL_SECONDS", 0.01)
    held = _Held()
    alive = weakref.ref(held)
    container = (held, _Held())
    del held
    freed_in: list[str] = []
    let_go_when_alone([container], 0.0, 1, lambda: freed_in.append(threading.current_thread().name))
    time.sleep(0.3)
    assert alive() is not None  # `container` here still holds it: it is not the thread's to free
    del container
    deadline = time.monotonic() + 5
    while not freed_in and time.monotonic() < deadline:
        time.sleep(0.01)
    assert alive() is None
    assert freed_in and freed_in[0] != threading.current_thread().name
