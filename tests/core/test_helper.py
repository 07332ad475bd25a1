"""A big comparison's helper process: the same comparison as one process makes, whatever befalls it."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core import compare as compare_module
from diffviewer.core import helper, ngrams, processes
from diffviewer.core.align import Group, forget_alignments
from diffviewer.core.compare import Cancelled, compare
from diffviewer.core.model import CompareOptions, Comparison, Document, Quote
from diffviewer.formats import load
from tests.conftest import REPO, SAMPLES

# A real rewording (King James and Basic English), long enough to split in two.
PAIR = REPO.parent / "shared" / "corpus" / "dev" / "bible_kjv_bbe" / "1kings_009"


REPLIES: list[tuple[str, bool]] = []  # what each helper answered: (what, whether it did)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[helper.Helper]]:
    """Every comparison is helped, however small, by a forked helper (Qt's pool threads, once they
    ran Python, count as threads and would rule the fork out); the helpers started are listed."""
    monkeypatch.setattr(helper, "HELPED_MIN_CHARACTERS", 0)
    monkeypatch.setattr(helper, "_start_method", lambda: "fork")
    found: list[helper.Helper] = []
    start = helper.Helper.start

    def recording(*args: Any, **kwargs: Any) -> helper.Helper | None:
        made = start(*args, **kwargs)
        if made is not None:
            found.append(made)
        return made

    monkeypatch.setattr(helper.Helper, "start", staticmethod(recording))
    drafts, quotes = helper.Helper.drafts, helper.Helper.quotes

    def recorded_drafts(self: helper.Helper, step: Any) -> Any:
        REPLIES.append(("drafts", (reply := drafts(self, step)) is not None))
        return reply

    def recorded_quotes(self: helper.Helper, step: Any) -> Any:
        REPLIES.append(("quotes", (reply := quotes(self, step)) is not None))
        return reply

    monkeypatch.setattr(helper.Helper, "drafts", recorded_drafts)
    monkeypatch.setattr(helper.Helper, "quotes", recorded_quotes)
    REPLIES.clear()
    yield found
    assert not multiprocessing.active_children()  # every helper ended with its comparison


def _pair() -> tuple[Document, Document]:
    return load(PAIR / "original.txt"), load(PAIR / "derivative.txt")


def _alone(original: Document, derivative: Document) -> Comparison:
    forget_alignments()  # (aligned again: the helped run's alignment kept would be reused)
    return compare(original, derivative, helped=False)


def test_a_helped_comparison_is_the_one_made_alone(started: list[helper.Helper]) -> None:
    for original, derivative in (_pair(), (load(SAMPLES / "original.txt"), load(SAMPLES / "forum-comment.txt"))):
        progress: list[float] = []
        helped = compare(original, derivative, on_progress=progress.append)
        assert helped == _alone(original, derivative)
        assert progress == sorted(progress) and progress[-1] == 1.0
    assert len(started) == 2
    assert REPLIES == [("drafts", True), ("quotes", True)] * 2
    assert helped.quotes  # the forum comment quotes the original: the helper checked them


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_a_helper_started_fresh_makes_the_same_comparison(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    # Forked from a server process (the window's way on Linux and macOS), or spawned (Windows',
    # a bundle's): the child is sent the documents.
    monkeypatch.setattr(helper, "_start_method", lambda: method)
    monkeypatch.setattr(processes, "fresh_method", lambda: method)
    original, derivative = _pair()
    assert compare(original, derivative) == _alone(original, derivative)
    assert len(started) == 1 and REPLIES == [("drafts", True), ("quotes", True)]
    assert type(started[0]._process._popen).__module__.startswith(f"multiprocessing.popen_{method}")


def test_warming_up_asks_for_the_server_only_where_helpers_are_forked_from_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from multiprocessing import forkserver

    ensured: list[bool] = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: ensured.append(True))
    monkeypatch.setattr(helper, "cores", lambda: 2)
    for method, starts in (("fork", False), ("spawn", False), ("forkserver", True)):
        monkeypatch.setattr(helper, "_start_method", lambda method=method: method)
        monkeypatch.setattr(processes, "fresh_method", lambda method=method: method)
        ensured.clear()
        helper.warm_up()
        assert ensured == ([True] if starts else []), method
    monkeypatch.setattr(helper, "cores", lambda: 1)  # no helpers at all: nothing to warm up
    ensured.clear()
    helper.warm_up()
    assert ensured == []


def test_the_helper_featurises_the_side_the_alignment_starts_from(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Sides this short are featurised in place, and a helper's side would come too late to
    # wait for: the rule and the patience are set aside here.)
    for module in (ngrams, helper):
        monkeypatch.setattr(module, "KEPT_SIDE_UNITS", 8)
    got: list[bool] = []
    featurised = helper.Helper.featurised

    def patient(self: helper.Helper, texts: Any, patience: float, step: Any) -> Any:
        got.append((side := featurised(self, texts, 30.0, step)) is not None)
        return side

    monkeypatch.setattr(helper.Helper, "featurised", patient)
    original, derivative = _pair()
    forget_alignments()  # (an alignment kept, or a side, would need no featurising)
    helped = compare(original, derivative)
    forget_alignments()
    assert got == [True]  # asked once, and its side was the one the alignment featurises
    assert helped == _alone(original, derivative)


def test_a_group_holding_all_the_text_is_drafted_once(started: list[helper.Helper]) -> None:
    # The original in paragraphs, the derivative the same text as one: one group holds it all,
    # and whichever process takes it, the other has none to draft.
    original = load(SAMPLES / "original.txt")
    derivative = replace(
        original, paragraphs=(replace(original.paragraphs[0], text=" ".join(p.text for p in original.paragraphs)),)
    )
    helped = compare(original, derivative)
    assert helped == _alone(original, derivative)
    assert helped.quotes and all(isinstance(q, Quote) for q in helped.quotes)
    assert REPLIES == [("drafts", True), ("quotes", True)]


def test_a_helper_ends_when_the_comparison_s_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "killed.py"
    script.write_text(
        "import os, signal, sys\n"
        "from diffviewer.core import helper\n"
        "from diffviewer.core.model import CompareOptions\n"
        "from diffviewer.formats import load\n"
        "helper.HELPED_MIN_CHARACTERS = 0\n"
        f"a = load({str(SAMPLES / 'original.txt')!r})\n"
        "made = helper.Helper.start(a, a, CompareOptions())\n"
        "print(made._process.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)  # no finally, no atexit: as the OOM killer does\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    pid = int(run.stdout.split()[0])
    for _ in range(100):
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the helper outlived its comparison's process")


def test_when_the_helper_fails_this_process_does_its_share(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> None:
        raise RuntimeError("broken in the helper")

    monkeypatch.setattr(helper, "drafts_of", broken)  # the helper's drafts_of, not compare's
    original, derivative = _pair()
    assert compare(original, derivative) == _alone(original, derivative)
    assert started and REPLIES == [("drafts", False), ("quotes", True)]  # its quotations still came


def test_when_the_helper_dies_this_process_does_its_share(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(helper, "drafts_of", lambda *args, **kwargs: os._exit(3))
    original, derivative = _pair()
    assert compare(original, derivative) == _alone(original, derivative)
    assert started and REPLIES == [("drafts", False), ("quotes", False)]  # all done here


def test_cancelling_while_helped_ends_the_helper(started: list[helper.Helper]) -> None:
    original, derivative = _pair()
    aligned = threading.Event()

    def on_progress(fraction: float) -> None:
        if fraction >= 0.4:
            aligned.set()

    with pytest.raises(Cancelled):
        compare(original, derivative, should_cancel=aligned.is_set, on_progress=on_progress)
    assert started


# A German rewording with names swapped (Jesus / Christus, ...): the case counts are asked for.
NAMED = REPO.parent / "shared" / "corpus" / "dev" / "bible_elb_menge" / "acts_026"


def test_the_helper_drafts_its_share_with_its_counts(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch
) -> None:
    # This process starts drafting only once the helper has taken its first run, so both draft;
    # the names are judged by the helper's case counts, here as there.
    claimed, drafts, cases = helper.Helper.claimed, helper.Helper.drafts, helper.Helper.cases
    met: list[tuple[int, int]] = []
    counted: list[bool] = []

    def after_the_helper(self: helper.Helper, groups: Any) -> Any:
        deadline = time.monotonic() + 30
        while self.taken == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        return claimed(self, groups)

    def recorded_drafts(self: helper.Helper, step: Any) -> Any:
        found = drafts(self, step)
        met.append((self.met, self._claims.count))
        return found

    def recorded_cases(self: helper.Helper, step: Any) -> Any:
        counted.append((found := cases(self, step)) is not None)
        return found

    monkeypatch.setattr(helper.Helper, "claimed", after_the_helper)
    monkeypatch.setattr(helper.Helper, "drafts", recorded_drafts)
    monkeypatch.setattr(helper.Helper, "cases", recorded_cases)
    original, derivative = load(NAMED / "original.txt"), load(NAMED / "derivative.txt")
    forget_alignments()
    helped = compare(original, derivative)
    assert helped == _alone(original, derivative) and helped.changed_facts
    assert len(met) == 1 and met[0][0] < met[0][1]  # the helper drafted the groups from met on
    assert counted == [True]


def test_compared_again_under_another_option_the_helper_only_drafts_and_checks(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The documents are aligned already: the helper has no side to featurise for the alignment,
    # and a comparison that waited for one would wait in vain.
    marks = tmp_path / "featurised"  # (the helper is another process: it says so in a file)
    real = helper._featurise

    def featurise(given: Any, outbox: Any) -> None:
        with marks.open("a") as file:
            file.write("x")
        real(given, outbox)

    monkeypatch.setattr(helper, "_featurise", featurise)
    original, derivative = _pair()
    compare(original, derivative)
    assert len(started) == 1 and marks.read_text() == "x"
    options = CompareOptions(ignore_case=True)
    waited: list[float] = []
    asked = helper.Helper.featurised

    def timed(self: helper.Helper, texts: Any, patience: float, step: Any) -> Any:
        waited.append(patience)
        return asked(self, texts, patience, step)

    monkeypatch.setattr(helper.Helper, "featurised", timed)
    REPLIES.clear()
    again = compare(original, derivative, options)
    # What this tests: the second helper featurised nothing (it is told the documents are aligned).
    assert len(started) == 2 and marks.read_text() == "x"
    assert sorted(REPLIES) == [("drafts", True), ("quotes", True)]
    assert waited == []  # (no alignment ran: none asked for a side)
    assert again == compare(original, derivative, options, helped=False)


@pytest.mark.parametrize("free_after", [0, 3])
def test_a_comparison_takes_a_helper_on_the_way_once_a_core_is_free(
    started: list[helper.Helper], monkeypatch: pytest.MonkeyPatch, free_after: int
) -> None:
    # Beside others a comparison starts alone; told a core is free (at once, or after a few runs
    # of groups drafted here), it takes a helper for the groups left.
    monkeypatch.setattr(compare_module, "GROUPS_AT_ONCE", 2)
    asked: list[int] = []

    def may_help() -> bool:
        asked.append(len(asked))
        return len(asked) > free_after

    original, derivative = load(SAMPLES / "original.txt"), load(SAMPLES / "spun-copy.txt")  # (ten groups)
    late = compare(original, derivative, helped=False, may_help=may_help)
    assert late == _alone(original, derivative)
    assert len(started) == 1 and len(asked) == free_after + 1  # asked until it was free, then not again
    assert REPLIES[0] == ("drafts", True)


def test_asking_the_helper_to_draft_never_waits_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The helper reads the groups only once done with what it does while the alignment runs; a
    # book's groups are more than the pipe holds, and the comparison must not wait to send them.
    monkeypatch.setattr(helper, "HELPED_MIN_CHARACTERS", 0)
    monkeypatch.setattr(helper, "_start_method", lambda: "fork")
    monkeypatch.setattr(helper.Quotations, "prepare", lambda self: time.sleep(3))
    original, derivative = _pair()
    made = helper.Helper.start(original, derivative, CompareOptions())
    assert made is not None
    try:
        groups = [Group((k,), (k,), False) for k in range(60_000)]  # (each its own: pickled, a megabyte)
        started = time.monotonic()
        made.draft(groups)
        assert time.monotonic() - started < 1.0
        assert next(made.claimed(groups)) is groups[0] and made.taken == 1  # this process drafts meanwhile
    finally:
        made.close()
    assert not multiprocessing.active_children()


def test_a_spawned_helper_closed_while_it_is_sent_the_documents_ends_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    monkeypatch.setattr(helper, "HELPED_MIN_CHARACTERS", 0)
    monkeypatch.setattr(helper, "_start_method", lambda: "spawn")
    original, derivative = _pair()
    # Megabytes to send (each paragraph its own: pickled once, a repeated one would be small).
    paragraphs = tuple(replace(p, text=f"{p.text} {k}") for k, p in enumerate(original.paragraphs * 1000))
    big = replace(original, paragraphs=paragraphs)
    made = helper.Helper.start(big, derivative, CompareOptions())
    assert made is not None
    made.close()  # (while its documents are being sent)
    assert not errors
    assert not multiprocessing.active_children()


def test_a_helper_that_died_holding_the_claims_leaves_them_to_this_process() -> None:
    claims = helper._Claims(multiprocessing.get_context("fork").Array("q", 2))
    claims.reset(3)
    held, release = threading.Event(), threading.Event()

    def holding() -> None:  # (a thread stands for the dead helper: the lock is never let go)
        with claims._shared.get_lock():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holding)
    thread.start()
    held.wait(5)
    claims.other_alive = lambda: False
    try:
        assert [claims.from_front() for _ in range(4)] == [0, 1, 2, None]
    finally:
        release.set()
        thread.join()


def test_small_comparisons_and_side_by_side_ones_go_alone() -> None:
    original, derivative = load(SAMPLES / "original.txt"), load(SAMPLES / "syndicated-rewrite.txt")
    assert helper.Helper.start(original, derivative, CompareOptions()) is None  # far below the size
    assert not multiprocessing.active_children()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 1000), max_size=40), st.lists(st.booleans(), max_size=200))
def test_the_two_processes_claim_every_group_once_from_both_ends(sizes: list[int], turns: list[bool]) -> None:
    """Whatever the order the two take turns in, this process's groups are the first ones, one by
    one, and the helper's runs the rest, from the back, each the CLAIM_SHARE of the text left."""
    claims = helper._Claims(multiprocessing.get_context("fork").Array("q", 2))
    claims.reset(len(sizes))
    text_before = [0, *itertools.accumulate(sizes)]
    mine: list[int] = []
    runs: list[range] = []
    for front in [*turns, *[True] * (len(sizes) + 1)]:
        if front:
            if (k := claims.from_front()) is None:
                break
            mine.append(k)
            continue
        left = claims.met
        run = claims.from_back(text_before)
        if run is None:
            break
        assert run.stop == left and len(run) >= 1
        # At least the share asked for, and no more than one group beyond it.
        wanted = helper.CLAIM_SHARE * (text_before[left] - text_before[mine[-1] + 1 if mine else 0])
        taken = text_before[run.stop] - text_before[run.start]
        assert taken >= wanted or run.start == (mine[-1] + 1 if mine else 0)
        assert len(run) == 1 or taken - sizes[run.start] < wanted
        runs.append(run)
    assert claims.from_front() is None and claims.from_back(text_before) is None
    assert mine == list(range(claims.met))
    assert [k for run in reversed(runs) for k in run] == list(range(claims.met, len(sizes)))
    assert claims.taken == len(sizes)


def test_a_helper_forks_only_where_that_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(helper, "_main_is_guarded", False)
    # Qt's pool threads, once they ran Python, count for good: as if this process had no others.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert helper._start_method() == "fork"  # one thread, the main one
    off_main: list[str | None] = []

    def ask() -> None:
        off_main.append(helper._start_method())

    for declared in (False, True):
        if declared:
            helper.declare_main_guarded()  # as the application's entry points do
        thread = threading.Thread(target=ask)
        thread.start()
        thread.join()
    # Off the main thread (where the window compares): started fresh, forked from a server
    # process, which runs the main module again, only once that module is declared guarded.
    assert off_main == [None, "forkserver"]
    monkeypatch.setattr(helper, "_main_is_guarded", False)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert helper._start_method() is None
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper._start_method() == "spawn"  # a bundle's entry point is guarded


def test_the_entry_points_declare_their_main_module_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffviewer import cli

    monkeypatch.setattr(helper, "_main_is_guarded", False)
    with pytest.raises(SystemExit):
        cli.main(["compare", "--help"])  # a script calling main() may not be guarded
    assert not helper._main_is_guarded
    monkeypatch.setattr(sys, "argv", ["diffviewer", "compare", "--help"])
    with pytest.raises(SystemExit):
        cli.console_main()  # the command, `python -m diffviewer` and the bundle's launcher
    assert helper._main_is_guarded
