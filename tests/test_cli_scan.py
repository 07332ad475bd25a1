"""`diffviewer scan`: the reports a user reads and the exit codes scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diffviewer.cli import main
from tests.scan.conftest import DERIVED_FROM_KJV_9, build_collection, relative


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_collection(tmp_path_factory.mktemp("cli-collection"))


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["scan", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_json_lists_the_derivatives_best_first_with_what_they_are(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _json(capsys, str(collection / "KJV" / "revelation_009.txt"), str(collection))
    assert report["format"] == "diffviewer-scan" and report["version"] == 1
    derivatives = report["derivatives"]
    assert isinstance(derivatives, list)
    assert relative((d["path"] for d in derivatives), collection) == DERIVED_FROM_KJV_9
    first = derivatives[0]
    assert set(first) == {
        "path",
        "kind",
        "share_of_original",
        "share_from_original",
        "original_verbatim",
        "original_reworded",
        "derivative_verbatim",
        "paragraphs_linked",
        "evidence",
        "candidate_score",
        "quotes",
        "closer_to",
    }
    assert first["kind"] in {"copy", "light edit"} and first["share_of_original"] > 0.9
    shares = [max(d["share_of_original"], d["share_from_original"]) for d in derivatives]
    assert shares == sorted(shares, reverse=True)
    assert report["collection"]["documents"] == 40  # type: ignore[index]
    assert report["candidates_compared"] == len(derivatives) + len(report["not_derived"])  # type: ignore[arg-type]


def test_min_share_and_top_narrow_the_list(collection: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = str(collection / "KJV" / "revelation_009.txt")
    whole = _json(capsys, original, str(collection), "--min-share", "0.5")["derivatives"]
    assert whole and all(d["share_of_original"] >= 0.5 for d in whole)  # type: ignore[union-attr, index]
    assert "excerpts/x0112.txt" not in relative((d["path"] for d in whole), collection)  # type: ignore[union-attr, index]
    top = _json(capsys, original, str(collection), "--top", "2")
    assert len(top["derivatives"]) == 2 and top["derivatives_found"] == 6  # type: ignore[arg-type]
    assert main(["scan", original, str(collection), "--top", "2"]) == 0
    assert capsys.readouterr().out.startswith("6 derivatives of revelation_009.txt among 40 documents (2 listed)")


def test_text_names_each_derivative_and_what_it_is(collection: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(collection / "KJV" / "revelation_009.txt"), str(collection)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("6 derivatives of revelation_009.txt among 40 documents")
    assert "excerpt or quotation: holds" in out and "Webster/revelation_009.txt" in out


def test_html_is_one_page_that_escapes_the_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_collection(tmp_path / "c")
    hostile = root / "<img src=x onerror=alert(1)>.txt"
    hostile.write_text((root / "Webster" / "revelation_009.txt").read_text())
    out = tmp_path / "report.html"
    args = [
        "scan",
        str(root / "KJV" / "revelation_009.txt"),
        str(root),
        "--format",
        "html",
        "-o",
        str(out),
        "--workers",
        "1",
    ]
    assert main(args) == 0
    page = out.read_text()
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt" in page
    assert page.count("<tr>") >= 7  # the header and the six derivatives


def test_a_second_scan_with_an_index_reads_nothing_again(
    collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(collection / "KJV" / "revelation_009.txt"), str(collection), "--index", str(tmp_path / "idx")]
    first = _json(capsys, *args)
    second = _json(capsys, *args)
    assert first["collection"]["read"] == 40 and second["collection"]["read"] == 0  # type: ignore[index]
    assert second["derivatives"] == first["derivatives"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.txt", "."], 3, "missing.txt: no such file"),
        (["{original}", "no/such/folder"], 3, "no/such/folder: no such file or folder"),
        (["{original}", "{root}", "--min-share", "2"], 2, "--min-share must be between 0 and 1"),
        (["{original}", "{root}", "--top", "0"], 2, "at least 1"),
        (["{original}", "{root}", "--index", "{bad_index}"], 3, "not a diffviewer index"),
        (["{original}", "{root}", "--index", "{unmakeable}"], 3, "cannot make the index folder"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(
    collection: Path, tmp_path: Path, args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_index = tmp_path / "bad"
    bad_index.mkdir()
    (bad_index / "diffviewer-index.sqlite").write_bytes(b"garbage" * 200)
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    names = {
        "original": str(collection / "KJV" / "revelation_009.txt"),
        "root": str(collection),
        "bad_index": str(bad_index),
        "unmakeable": str(a_file / "index"),
    }
    assert main(["scan", *[a.format(**names) for a in args]]) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_scan_runs_without_qt_and_is_in_the_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diffviewer", "scan", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "--index DIR" in result.stdout and "--scheduler" in result.stdout
    top = subprocess.run([sys.executable, "-m", "diffviewer", "--help"], capture_output=True, text=True, timeout=60)
    assert "diffviewer scan ORIGINAL FOLDER" in top.stdout


def test_workers_run_the_scan_on_a_dask_local_cluster_with_the_same_report(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.distributed", reason="the cluster extra (pip install 'diffviewer[cluster]')")
    args = [str(collection / "KJV" / "revelation_009.txt"), str(collection)]
    assert main(["scan", *args, "--format", "json"]) == 0
    here = json.loads(capsys.readouterr().out)
    assert main(["scan", *args, "--format", "json", "--workers", "2"]) == 0
    there = json.loads(capsys.readouterr().out)
    assert there["derivatives"] == here["derivatives"] and there["not_derived"] == here["not_derived"]


def test_a_scheduler_that_does_not_answer_is_one_line(collection: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("dask.distributed")
    args = [str(collection / "KJV" / "revelation_009.txt"), str(collection), "--scheduler", "tcp://127.0.0.1:9"]
    assert main(["scan", *args]) == 3
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err and len(err.strip().splitlines()) == 1


def test_an_index_alone_scans_the_collection_it_was_built_from(
    collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = str(collection / "KJV" / "revelation_009.txt")
    index = str(tmp_path / "idx")
    built = _json(capsys, original, str(collection), "--index", index)
    again = _json(capsys, original, "--index", index)
    assert again["collection"]["read"] == 0 and again["collection"]["unchanged"] == 40  # type: ignore[index]
    assert again["derivatives"] == built["derivatives"]
    assert main(["scan", original, "--index", str(tmp_path / "empty")]) == 3
    assert "holds no collection yet" in capsys.readouterr().err
    assert main(["scan", original]) == 2
    assert "name the files or folders to scan" in capsys.readouterr().err
