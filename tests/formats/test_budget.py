"""A loader that would run for ever is stopped at its budget with a one-line message, in the main
thread and in a worker thread (the window loads in one), and the budget leaves nothing behind."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from diffviewer import formats
from diffviewer.formats import LoadError, load
from diffviewer.formats.budget import BudgetExpired, time_budget


def _forever(data: bytes, path: str) -> object:
    while True:  # pure Python work, as docutils' or BeautifulSoup's is
        sum(range(1000))


@pytest.fixture
def endless_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(formats, "LOAD_BUDGET_SECONDS", 0.3)
    monkeypatch.setattr(formats, "_loader", lambda detected: _forever)
    path = tmp_path / "endless.txt"
    path.write_text("Some words.", encoding="utf-8")
    return path


def test_a_runaway_loader_is_stopped_with_a_clear_message(endless_text: Path) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError) as failure:
        load(endless_text)
    assert time.monotonic() - started < 5
    assert str(failure.value) == f"{endless_text}: too complex to read as TEXT (more than 0.3 s of work)"


def test_the_budget_works_in_a_worker_thread(endless_text: Path) -> None:
    outcome: list[str] = []

    def work() -> None:
        try:
            load(endless_text)
        except LoadError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert outcome and "too complex to read" in outcome[0]


def test_a_block_that_ends_in_time_is_left_alone() -> None:
    for _ in range(50):
        with time_budget(0.001 if _ % 2 else 5):  # some end right at the deadline
            sum(range(2000))
    time.sleep(0.05)  # a withdrawn exception must not surface afterwards
    assert sum(range(10)) == 45


def test_the_budget_raises_its_own_exception() -> None:
    with pytest.raises(BudgetExpired), time_budget(0.05):
        while True:
            sum(range(100))
