"""Processes started where this one cannot fork: forked from a server that imported the engine once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from diffviewer.core import processes

# (The build and test machines run Linux, where processes are forked from a server.)
LINUX = sys.platform.startswith("linux")


def _report(queue: Any) -> None:
    queue.put((os.getppid(), "diffviewer.core.compare" in sys.modules, "diffviewer.core.elsewhere" in sys.modules))


def test_a_fresh_process_is_forked_from_a_server_with_the_engine_imported() -> None:
    assert processes.fresh_method() == ("forkserver" if LINUX else "spawn")
    context = processes.fresh_context()
    queue = context.Queue()
    child = context.Process(target=_report, args=(queue,))
    child.start()
    parent, compare_imported, elsewhere_imported = queue.get(timeout=60)
    child.join(timeout=60)
    if LINUX:
        assert parent != os.getpid()  # the server's child, not this process's
        assert compare_imported and elsewhere_imported  # imported once, by the server


def test_warming_up_starts_the_server() -> None:
    from multiprocessing import forkserver

    processes.warm_up()
    server = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    assert (server is not None) == LINUX
    if server is not None:
        assert os.waitpid(server, os.WNOHANG) == (0, 0)  # running


def test_a_frozen_bundle_spawns_and_starts_nothing_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    from multiprocessing import forkserver

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert processes.fresh_method() == "spawn"
    assert processes.fresh_context().get_start_method() == "spawn"
    ensured: list[bool] = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: ensured.append(True))
    processes.warm_up()
    assert ensured == []


def test_another_copy_of_the_engine_in_the_working_directory_is_never_preloaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The server starts in the working directory, first on its path: it would import that copy.
    (tmp_path / "diffviewer").mkdir()
    (tmp_path / "diffviewer" / "__init__.py").write_text("")
    monkeypatch.chdir(tmp_path)
    assert processes.fresh_method() == "spawn"
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the repository: this very copy
    assert processes.fresh_method() == ("forkserver" if LINUX else "spawn")
