from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from diffviewer.report.scan_report import scan_json, scan_text
from diffviewer.scan.model import Derivation
from diffviewer.scan.runner import LocalRunner
from diffviewer.scan.search import ScanCancelled, scan
from tests.scan.conftest import DERIVED_FROM_KJV_9, relative


def test_the_scan_finds_every_derivative_and_nothing_else(collection: Path) -> None:
    result = scan(collection / "KJV" / "revelation_009.txt", [collection], runner=LocalRunner(1))
    assert relative((f.path for f in result.derivatives), collection) == DERIVED_FROM_KJV_9
    kinds = {Path(f.path).relative_to(collection).as_posix(): f.derivation for f in result.derivatives}
    assert kinds["Webster/revelation_009.txt"] in {Derivation.COPY, Derivation.LIGHT_EDIT}
    assert kinds["excerpts/x0112.txt"] is Derivation.EXCERPT
    assert result.index.documents == 40 and result.index.location is None
    shares = [f.share_of_original for f in result.derivatives]
    assert shares[0] > 0.9 and all(0 < s <= 1 for s in shares)


def test_a_lasting_index_is_read_once_and_then_kept_up_to_date(fresh_collection: Path, tmp_path: Path) -> None:
    original = fresh_collection / "KJV" / "revelation_009.txt"
    index = tmp_path / "index"
    first = scan(original, [fresh_collection], index, runner=LocalRunner(1))
    assert first.index.added == 40 and (index / "diffviewer-index.sqlite").is_file()
    again = scan(original, [fresh_collection], index, runner=LocalRunner(1))
    assert (again.index.added, again.index.unchanged, again.index.removed) == (0, 40, 0)
    assert [f.path for f in again.findings] == [f.path for f in first.findings]
    # A new copy, an edited file and a removed one: only those are touched.
    shutil.copy(fresh_collection / "Webster" / "revelation_009.txt", fresh_collection / "syndicated.txt")
    (fresh_collection / "YLT" / "revelation_009.txt").write_text("Nothing of the original is left here.\n")
    (fresh_collection / "Darby" / "revelation_009.txt").unlink()
    later = scan(original, [fresh_collection], index, runner=LocalRunner(1))
    assert (later.index.added, later.index.removed, later.index.documents) == (2, 1, 40)
    found = relative((f.path for f in later.derivatives), fresh_collection)
    assert "syndicated.txt" in found
    assert not found & {"YLT/revelation_009.txt", "Darby/revelation_009.txt"}


def test_files_that_cannot_be_read_are_listed_and_the_rest_is_scanned(fresh_collection: Path) -> None:
    (fresh_collection / "broken.docx").write_bytes(b"PK\x03\x04 garbage")
    (fresh_collection / "empty.txt").write_text("")
    result = scan(fresh_collection / "KJV" / "revelation_009.txt", [fresh_collection], runner=LocalRunner(1))
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert set(reasons) == {"broken.docx", "empty.txt"}
    assert "DOCX" in reasons["broken.docx"] and "empty" in reasons["empty.txt"]
    assert relative((f.path for f in result.derivatives), fresh_collection) == DERIVED_FROM_KJV_9


def test_a_cancelled_scan_stops_and_its_index_is_completed_next_time(fresh_collection: Path, tmp_path: Path) -> None:
    original = fresh_collection / "KJV" / "revelation_009.txt"
    with pytest.raises(ScanCancelled):
        scan(original, [fresh_collection], tmp_path / "index", runner=LocalRunner(1), should_cancel=lambda: True)
    result = scan(original, [fresh_collection], tmp_path / "index", runner=LocalRunner(1))
    assert result.index.documents == 40
    assert relative((f.path for f in result.derivatives), fresh_collection) == DERIVED_FROM_KJV_9


def test_the_users_files_are_never_written(fresh_collection: Path, tmp_path: Path) -> None:
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in fresh_collection.rglob("*") if p.is_file()}
    scan(fresh_collection / "KJV" / "revelation_009.txt", [fresh_collection], tmp_path / "index", runner=LocalRunner(1))
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in fresh_collection.rglob("*") if p.is_file()}
    assert after == before


def test_a_file_name_that_is_not_utf8_is_scanned_and_reported(fresh_collection: Path, tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 copy.txt")  # a Latin-1 name on a UTF-8 disk
    copy = fresh_collection / name
    shutil.copy(fresh_collection / "Webster" / "revelation_009.txt", copy)
    original = fresh_collection / "KJV" / "revelation_009.txt"
    for index in (None, tmp_path / "index", tmp_path / "index"):  # in memory, built, reused
        result = scan(original, [fresh_collection], index, runner=LocalRunner(1))
        assert str(copy) in {f.path for f in result.derivatives}
    assert "caf\\udce9 copy.txt" in scan_text(result)
    assert json.loads(scan_json(result))["derivatives"]


def test_the_original_reached_by_a_link_is_not_its_own_derivative(fresh_collection: Path, tmp_path: Path) -> None:
    link = tmp_path / "link-to-original.txt"
    link.symlink_to(fresh_collection / "KJV" / "revelation_009.txt")
    result = scan(link, [fresh_collection], runner=LocalRunner(1))
    assert "KJV/revelation_009.txt" not in relative((f.path for f in result.findings), fresh_collection)
    assert relative((f.path for f in result.derivatives), fresh_collection) == DERIVED_FROM_KJV_9


def test_a_book_finds_its_own_chapters_even_when_every_candidate_derives(collection: Path, tmp_path: Path) -> None:
    # The original holds five whole chapters; the collection is those chapters, each in five
    # translations: every candidate derives, so none stands out from the rest.
    book = tmp_path / "book.txt"
    chapters = ("revelation_007", "revelation_008", "revelation_009", "revelation_010", "revelation_011")
    book.write_text("\n\n".join((collection / "KJV" / f"{c}.txt").read_text().strip() for c in chapters))
    result = scan(book, [collection], runner=LocalRunner(1))
    derived = relative((f.path for f in result.derivatives), collection)
    assert {f"KJV/{c}.txt" for c in chapters} <= derived
    kjv = {Path(f.path).relative_to(collection).as_posix(): f for f in result.derivatives}["KJV/revelation_009.txt"]
    assert kjv.derivation is Derivation.EXCERPT and kjv.share_from_original > 0.95 and kjv.derivative_verbatim > 0.95


def test_a_candidate_that_can_no_longer_be_read_is_listed_with_its_reason(fresh_collection: Path) -> None:
    from diffviewer.formats import load
    from diffviewer.scan.index import ScanIndex
    from diffviewer.scan.search import search, update_index

    original = fresh_collection / "KJV" / "revelation_009.txt"
    runner = LocalRunner(1)
    with ScanIndex(None) as index:
        update_index(index, [fresh_collection], runner)
        gone = fresh_collection / "Darby" / "revelation_009.txt"
        gone.unlink()  # after it was indexed, before it is compared
        outcome = search(load(original), index, runner, exclude=str(original))
    assert [(f.path, f.reason) for f in outcome.failed] == [(str(gone), "no such file")]
    assert str(gone) not in {f.path for f in outcome.findings}
