"""Processes started where this one cannot fork: forked from a server that imported the engine once."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

from diffviewer.core import processes


def _report(queue: Any) -> None:
    queue.put((os.getppid(), "diffviewer.core.compare" in sys.modules, "diffviewer.core.elsewhere" in sys.modules))


def test_a_fresh_process_is_forked_from_a_server_with_the_engine_imported() -> None:
    assert processes.fresh_method() == "forkserver"  # (Linux, not frozen)
    context = processes.fresh_context()
    queue = context.Queue()
    child = context.Process(target=_report, args=(queue,))
    child.start()
    parent, compare_imported, elsewhere_imported = queue.get(timeout=60)
    child.join(timeout=60)
    assert parent != os.getpid()  # the server's child, not this process's
    assert compare_imported and elsewhere_imported  # imported once, by the server


def test_a_frozen_bundle_spawns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert processes.fresh_method() == "spawn"
    assert processes.fresh_context().get_start_method() == "spawn"


def test_warming_up_starts_the_server_only_where_processes_are_forked_from_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from multiprocessing import forkserver

    ensured: list[bool] = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: ensured.append(True))
    processes.warm_up()
    assert ensured == [True]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    processes.warm_up()
    assert ensured == [True]  # spawning starts nothing ahead
