from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.scan.index import PARAGRAPH_BITS, FileStamp, IndexUnusable, ReadFile, ScanIndex


def _read(path: str, *paragraphs: set[str], size: int = 1) -> ReadFile:
    return ReadFile(FileStamp(path, size, 1), tuple(frozenset(p) for p in paragraphs), words=sum(map(len, paragraphs)))


def _holders(index: ScanIndex, term: str) -> set[tuple[str, int]]:
    """(path, paragraph) pairs the index says hold the term."""
    found = index.term_frequencies([term])
    if term not in found:
        return set()
    term_id = found[term].id
    ids = index.postings([term_id]).get(term_id)
    if ids is None:
        return set()
    return {(index.path_of(int(i) >> PARAGRAPH_BITS), int(i) & ((1 << PARAGRAPH_BITS) - 1)) for i in ids}


def test_added_documents_are_found_by_their_terms() -> None:
    with ScanIndex(None) as index:
        index.add([_read("a", {"lamb", "throne"}, {"seal"}), _read("b", {"seal", "trumpet"})])
        assert _holders(index, "seal") == {("a", 1), ("b", 0)}
        assert index.term_frequencies(["seal"])["seal"].df == 2
        assert index.paragraph_count() == 3 and index.document_count() == 2


def test_a_file_that_failed_is_kept_as_skipped_with_its_reason() -> None:
    with ScanIndex(None) as index:
        index.add([ReadFile(FileStamp("bad.docx", 10, 1), error="corrupt DOCX: not a valid zip archive")])
        assert [(s.path, s.reason) for s in index.skipped()] == [("bad.docx", "corrupt DOCX: not a valid zip archive")]
        assert index.plan([FileStamp("bad.docx", 10, 1)]).to_read == ()  # not retried until it changes
        assert index.plan([FileStamp("bad.docx", 11, 1)]).to_read == (FileStamp("bad.docx", 11, 1),)


def test_the_plan_reads_only_new_and_changed_files_and_forgets_the_gone() -> None:
    with ScanIndex(None) as index:
        index.add([_read("same", {"x"}), _read("edited", {"y"}), _read("gone", {"z"})])
        plan = index.plan([FileStamp("same", 1, 1), FileStamp("edited", 2, 1), FileStamp("new", 1, 1)])
        assert plan.to_read == (FileStamp("edited", 2, 1), FileStamp("new", 1, 1))
        assert plan.to_forget == ("gone",) and plan.unchanged == 1


def test_a_changed_document_replaces_its_old_version() -> None:
    with ScanIndex(None) as index:
        index.add([_read("doc", {"old", "shared"}), _read("other", {"shared"})])
        index.add([_read("doc", {"new", "shared"}, size=2)])
        assert _holders(index, "old") == set()
        assert _holders(index, "new") == {("doc", 0)}
        assert index.term_frequencies(["shared"])["shared"].df == 2
        assert index.document_count() == 2


def test_forgotten_documents_leave_no_trace_and_compaction_changes_nothing_found() -> None:
    with ScanIndex(None) as index:
        index.add([_read("a", {"one", "two"}), _read("b", {"two"})])
        index.add([_read("c", {"two", "three"})])
        index.forget(["a"])
        before = {t: _holders(index, t) for t in ("one", "two", "three")}
        assert before == {"one": set(), "two": {("b", 0), ("c", 0)}, "three": {("c", 0)}}
        index.compact()
        assert index.segment_count() == 1
        assert {t: _holders(index, t) for t in ("one", "two", "three")} == before
        assert "one" not in index.term_frequencies(["one"])


def test_an_index_lasts_between_runs(tmp_path: Path) -> None:
    location = tmp_path / "index.sqlite"
    with ScanIndex(location) as index:
        index.add([_read("a", {"lamb"})])
    with ScanIndex(location) as index:
        assert _holders(index, "lamb") == {("a", 0)}
        index.add([_read("b", {"lamb"})])  # term ids continue where they were
        assert _holders(index, "lamb") == {("a", 0), ("b", 0)}


def test_a_database_of_something_else_is_refused_and_left_alone(tmp_path: Path) -> None:
    location = tmp_path / "other.sqlite"
    with sqlite3.connect(location) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    before = location.read_bytes()
    with pytest.raises(IndexUnusable, match="not a diffviewer index"):
        ScanIndex(location)
    assert location.read_bytes() == before


def test_a_file_that_is_no_database_is_refused(tmp_path: Path) -> None:
    location = tmp_path / "index.sqlite"
    location.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(IndexUnusable, match="not a diffviewer index"):
        ScanIndex(location)


def test_a_killed_build_leaves_a_usable_index_that_the_next_run_completes(tmp_path: Path) -> None:
    location = tmp_path / "index.sqlite"
    # A child adds batch after batch until it is killed (SIGKILL: no cleanup at all), at whatever
    # point of a batch it has reached.
    child = textwrap.dedent(
        f"""
        import sys
        from diffviewer.scan.index import FileStamp, ReadFile, ScanIndex
        index = ScanIndex({str(location)!r})
        for batch in range(10_000):
            terms = lambda i: (frozenset({{"common", f"t{{batch}}-{{i}}"}}),)
            index.add([ReadFile(FileStamp(f"doc{{batch}}-{{i}}", 1, 1), terms(i), 2) for i in range(50)])
            print(batch, flush=True)
        """
    )
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for _ in range(3):  # three batches committed, then killed somewhere inside a later one
            process.stdout.readline()
        time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    with ScanIndex(location) as index:
        assert index.integrity() == "ok"
        documents = index.document_count()
        assert documents >= 150 and documents % 50 == 0  # whole batches, never half of one
        assert index.term_frequencies(["common"])["common"].df == documents
        batches = documents // 50
        plan = index.plan([FileStamp(f"doc{b}-{i}", 1, 1) for b in range(batches + 1) for i in range(50)])
        assert len(plan.to_read) == 50 and plan.unchanged == documents


def test_two_scans_writing_one_index_give_no_term_id_twice(tmp_path: Path) -> None:
    location = tmp_path / "index.sqlite"
    with ScanIndex(location) as first, ScanIndex(location) as second:
        first.add([_read("a", {"lamb", "seal"})])
        second.add([_read("b", {"trumpet", "seal"})])  # its term ids were read before a's existed
        first.add([_read("c", {"trumpet", "vial"})])
        assert _holders(second, "seal") == {("a", 0), ("b", 0)}
        assert _holders(first, "trumpet") == {("b", 0), ("c", 0)}
        assert first.term_frequencies(["trumpet"])["trumpet"].df == 2


_docs = st.dictionaries(
    st.sampled_from([f"d{i}" for i in range(6)]),
    st.lists(st.sets(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=3), min_size=1, max_size=3),
    max_size=4,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), _docs), min_size=1, max_size=6))
def test_the_index_always_holds_exactly_what_was_added_and_not_forgotten(
    steps: list[tuple[bool, dict[str, list[set[str]]]]],
) -> None:
    model: dict[str, list[set[str]]] = {}
    with ScanIndex(None) as index:
        for forget, docs in steps:
            if forget:
                index.forget(sorted(docs))
                for path in docs:
                    model.pop(path, None)
            else:
                index.add([_read(path, *paragraphs) for path, paragraphs in sorted(docs.items())])
                model.update(docs)
            for term in "abcde":
                expected = {(p, i) for p, paras in model.items() for i, terms in enumerate(paras) if term in terms}
                assert _holders(index, term) == expected
                found = index.term_frequencies([term]).get(term)
                df = found.df if found else 0
                assert df == len(expected)
