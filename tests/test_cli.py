"""The command line: JSON contract, text report, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from diffviewer.cli import main
from tests.conftest import SAMPLES

ORIGINAL = SAMPLES / "original.txt"
SPUN = SAMPLES / "spun-copy.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "diffviewer", *args], capture_output=True, text=True, timeout=120)


def test_json_report_follows_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["compare", str(ORIGINAL), str(SPUN), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "diffviewer-comparison" and data["version"] == 1
    original = data["original"]
    assert set(original) >= {"path", "format", "title", "paragraphs"}
    assert original["format"] == "html"
    assert original["title"] == "Is Mark Zuckerberg flip flopping on open source AI?"
    (comparison,) = data["comparisons"]
    assert set(comparison) >= {"derivative", "similarity", "blocks", "quotes", "stats"}
    assert set(comparison["stats"]) >= {
        "words_original",
        "words_derivative",
        "words_equal",
        "words_inserted",
        "words_deleted",
        "paragraphs_moved",
        "paragraphs_inserted",
        "paragraphs_deleted",
    }
    assert 0.0 < comparison["similarity"] < 1.0
    stats = comparison["stats"]
    shares = stats["original_verbatim"] + stats["original_reworded"] + stats["original_dropped"]
    assert abs(shares - 1.0) < 1e-3
    assert all(
        b["treatment"] in {"copied", "lightly edited", "reworded", "new", "dropped"} for b in comparison["blocks"]
    )
    assert {"kind": "name", "original": "Llama", "derivative": "Lilama"}.items() <= comparison["changed_facts"][
        0
    ].items()
    a_texts = [p["text"] for p in original["paragraphs"]]
    b_texts = [p["text"] for p in comparison["derivative"]["paragraphs"]]
    for block in comparison["blocks"]:
        assert block["kind"] in {"equal", "rewrite", "moved", "inserted", "deleted"}
        assert {c["op"] for c in block["changes"]} <= {"equal", "insert", "delete"}
        rebuilt_a = "".join(c["text"] for c in block["changes"] if c["op"] != "insert")
        rebuilt_b = "".join(c["text"] for c in block["changes"] if c["op"] != "delete")
        assert rebuilt_a == "\n".join(a_texts[i] for i in block["original"])
        assert rebuilt_b == "\n".join(b_texts[j] for j in block["derivative"])
    assert sorted(i for b in comparison["blocks"] for i in b["original"]) == list(range(len(a_texts)))
    assert sorted(j for b in comparison["blocks"] for j in b["derivative"]) == list(range(len(b_texts)))
    for quote in comparison["quotes"]:
        assert quote["status"] in {"verbatim", "altered", "unsourced"}
        assert {"paragraph", "text", "status", "source_paragraph", "source_text"} <= set(quote)
        paragraph = b_texts[quote["paragraph"]]
        assert paragraph[quote["span"][0] : quote["span"][1]] == quote["text"]


def test_text_report_marks_words_wdiff_style() -> None:
    result = run("compare", str(ORIGINAL), str(SPUN), "--format", "text")
    assert result.returncode == 0, result.stderr
    # Straight and curly quotes are typography: only the words are marked.
    assert '"[-rigorous-]{+tough+}"' in result.stdout
    assert "Similarity:" in result.stdout


@pytest.mark.parametrize("flag", ["--ignore-case", "--ignore-punctuation", "--ignore-whitespace"])
def test_option_flags_are_accepted(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ORIGINAL), str(SPUN), "--format", "json", flag]) == 0
    assert json.loads(capsys.readouterr().out)["comparisons"]


def test_ignore_case_hides_case_only_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Open source matters for Meta.\n\nSecond paragraph here.\n", encoding="utf-8")
    b.write_text("open SOURCE matters for meta.\n\nSecond paragraph here.\n", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)["comparisons"][0]["stats"]["words_equal"]
    assert main(["compare", str(a), str(b), "--format", "json", "--ignore-case"]) == 0
    ignoring = json.loads(capsys.readouterr().out)["comparisons"][0]["blocks"][0]
    assert plain < 8
    assert ignoring["kind"] == "equal"
    # Lossless still, by the contract's rule: each side's own spelling rebuilds from the changes,
    # and the runs spelt differently are marked kept.
    assert "".join(c["text"] for c in ignoring["changes"] if c["op"] != "insert") == "Open source matters for Meta."
    assert "".join(c["text"] for c in ignoring["changes"] if c["op"] != "delete") == "open SOURCE matters for meta."
    assert all(c.get("kept") for c in ignoring["changes"] if c["op"] != "equal")


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    docx = tmp_path / "broken.docx"
    docx.write_bytes(b"PK\x03\x04 not really a zip")
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7\n garbage garbage")
    return {
        "missing": tmp_path / "nope.txt",
        "directory": tmp_path,
        "empty": empty,
        "binary": binary,
        "docx": docx,
        "pdf": pdf,
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "docx", "pdf"])
def test_bad_input_exits_3_with_one_line_naming_the_file(tmp_path: Path, case: str) -> None:
    path = bad_inputs(tmp_path)[case]
    result = run("compare", str(ORIGINAL), str(path))
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    assert run("compare", str(ORIGINAL)).returncode == 2


def test_inputs_are_never_written(tmp_path: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (ORIGINAL, SPUN)}
    assert main(["compare", str(ORIGINAL), str(SPUN), "-o", str(tmp_path / "out.txt")]) == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (ORIGINAL, SPUN)} == before


def test_one_original_against_the_four_seed_derivatives(tmp_path: Path) -> None:
    names = ["spun-copy.txt", "ai-rewrite.txt", "syndicated-rewrite.txt", "forum-comment.txt"]
    result = run("compare", str(ORIGINAL), *(str(SAMPLES / n) for n in names), "--format", "json")
    assert result.returncode == 0, result.stderr
    comparisons = json.loads(result.stdout)["comparisons"]
    assert [Path(c["derivative"]["path"]).name for c in comparisons] == names
    similarity = {Path(c["derivative"]["path"]).name: c["similarity"] for c in comparisons}
    # The spun copy keeps most words; the forum comment only quotes a little.
    assert similarity["spun-copy.txt"] > similarity["syndicated-rewrite.txt"] > similarity["forum-comment.txt"]
    text = run("compare", str(ORIGINAL), *(str(SAMPLES / n) for n in names), "--format", "text")
    assert text.stdout.count("Similarity:") == 4


def test_html_report_replaces_an_old_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    result = run("compare", str(ORIGINAL), str(SPUN), "--format", "html", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind


def test_a_report_to_a_pipe_or_device_writes_through_it(tmp_path: Path) -> None:
    # `-o /dev/null` as root once replaced /dev/null with a regular file: special files are
    # written to, never renamed over. A FIFO stands in for the device here.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["compare", str(ORIGINAL), str(SPUN), "--format", "json", "-o", str(fifo)]) == 0
    reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe
    assert json.loads(received[0])["format"] == "diffviewer-comparison"
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_report_through_a_symlink_replaces_the_file_it_names(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "latest.txt"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    link = tmp_path / "latest-link.txt"
    link.symlink_to(target)
    assert main(["compare", str(ORIGINAL), str(SPUN), "--format", "text", "-o", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8").startswith("Original:")


def test_a_full_disk_leaves_the_old_report_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno
    import os

    target = tmp_path / "report.txt"
    target.write_text("old report", encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)  # the write fails before the rename
    assert main(["compare", str(ORIGINAL), str(SPUN), "-o", str(target)]) == 3
    error = capsys.readouterr().err
    assert "cannot write report" in error and "No space left" in error and error.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_json_report_whose_reader_stops_early_ends_quietly(tmp_path: Path) -> None:
    # `diffviewer compare … --format json | head`: the report is written as it is made, so the
    # reader can close the pipe while most of it is still to come. That is no error.
    lines = [f"Paragraph {k} tells of the harbour, the ferry and the council." for k in range(3000)]
    original, derivative = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text("\n\n".join(lines), encoding="utf-8")
    derivative.write_text("\n\n".join(line.replace("the ferry", "a boat") for line in lines), encoding="utf-8")
    command = [sys.executable, "-m", "diffviewer", "compare", str(original), str(derivative), "--format", "json"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(10) == b'{\n  "forma'
    child.stdout.close()  # far less than the report, which is megabytes
    assert child.wait(timeout=120) == 0
    with child.stderr:
        assert child.stderr.read() == b""


def test_a_report_that_fails_half_written_leaves_the_old_one_and_no_partial_file(tmp_path: Path) -> None:
    from collections.abc import Iterator

    from diffviewer.report.output import write_atomically

    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")

    def pieces() -> Iterator[bytes]:
        yield b'{"format": '
        raise MemoryError("the machine ran out of memory half way")

    with pytest.raises(MemoryError):
        write_atomically(target, pieces())
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    write_atomically(target, iter([b"new ", b"report"]))
    assert target.read_text(encoding="utf-8") == "new report"


def test_colour_marks_are_added_only_when_asked_or_on_a_terminal() -> None:
    plain = run("compare", str(ORIGINAL), str(SPUN))
    assert "\x1b[" not in plain.stdout  # a pipe is not a terminal
    coloured = run("compare", str(ORIGINAL), str(SPUN), "--color", "always")
    assert "\x1b[9;38;5;166m[-" in coloured.stdout and "\x1b[4;38;5;32m{+" in coloured.stdout


def test_unified_format() -> None:
    result = run("compare", str(ORIGINAL), str(SPUN), "--format", "unified")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert lines[2].startswith("@@ -1 +1 @@")


CODE = Path(__file__).resolve().parent / "data" / "code"


def test_code_comparison_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(CODE / "original.py"), str(CODE / "derivative.py"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["original"]["format"], data["original"]["language"]) == ("code", "python")
    (comparison,) = data["comparisons"]
    assert comparison["derivative"]["language"] == "python"
    assert [b["kind"] for b in comparison["blocks"]].count("moved") == 1
    assert comparison["quotes"] == [] and comparison["changed_facts"] == []
    paragraphs = data["original"]["paragraphs"]
    assert paragraphs[2]["text"].startswith("def total_price(items):\n    ")  # blocks keep their lines
    renamed = comparison["blocks"][2]
    assert [(c["op"], c["text"]) for c in renamed["changes"] if c["op"] != "equal"] == [
        ("delete", "subtotal"),
        ("insert", "running"),
    ] * 3


def test_prose_documents_have_no_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ORIGINAL), str(SPUN), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["original"]["language"] is None
    assert data["comparisons"][0]["derivative"]["language"] is None


@pytest.mark.parametrize(
    ("markup", "fmt", "language"),
    [(None, "markdown", None), ("text", "markdown", None), ("source", "code", "markdown")],
)
def test_markup_flag_reads_markdown_as_text_or_source(
    markup: str | None, fmt: str, language: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = ["--markup", markup] if markup else []
    assert main(["compare", str(CODE / "original.md"), str(CODE / "derivative.md"), "--format", "json", *flags]) == 0
    data = json.loads(capsys.readouterr().out)
    derivative = data["comparisons"][0]["derivative"]
    assert (data["original"]["format"], data["original"]["language"]) == (fmt, language)
    assert (derivative["format"], derivative["language"]) == (fmt, language)
    first = data["original"]["paragraphs"][0]["text"]
    assert first == ("# Release notes" if markup == "source" else "Release notes")


def test_markup_flag_reads_rst_as_text_or_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.rst", tmp_path / "b.rst"
    a.write_text("Title\n=====\n\nThe *old* words.\n", encoding="utf-8")
    b.write_text("Title\n=====\n\nThe *new* words.\n", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    text = json.loads(capsys.readouterr().out)
    assert [p["text"] for p in text["original"]["paragraphs"]] == ["Title", "The old words."]
    assert (text["original"]["format"], text["original"]["language"]) == ("text", None)
    assert main(["compare", str(a), str(b), "--format", "json", "--markup", "source"]) == 0
    source = json.loads(capsys.readouterr().out)
    assert [p["text"] for p in source["original"]["paragraphs"]] == ["Title\n=====", "The *old* words."]
    assert (source["original"]["format"], source["original"]["language"]) == ("code", "rst")
    changes = source["comparisons"][0]["blocks"][1]["changes"]
    assert [(c["op"], c["text"]) for c in changes if c["op"] != "equal"] == [("delete", "old"), ("insert", "new")]


def test_an_unknown_markup_view_is_a_usage_error() -> None:
    result = run("compare", str(ORIGINAL), str(SPUN), "--markup", "html")
    assert result.returncode == 2 and "--markup" in result.stderr


def test_standard_input_is_either_side() -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "diffviewer", "compare", str(ORIGINAL), "-", "--format", "json"],
        input=SPUN.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    comparison = json.loads(piped.stdout)["comparisons"][0]
    assert comparison["derivative"]["path"] == "<stdin>"
    direct = json.loads(run("compare", str(ORIGINAL), str(SPUN), "--format", "json").stdout)["comparisons"][0]
    assert comparison["stats"] == direct["stats"]


def test_standard_input_empty_or_twice_is_a_clear_refusal() -> None:
    empty = subprocess.run(
        [sys.executable, "-m", "diffviewer", "compare", "-", str(SPUN)], input=b"\n\n", capture_output=True, timeout=120
    )
    assert (
        empty.returncode == 3
        and empty.stderr.decode().strip() == "diffviewer: <stdin>: input is empty (only blank space)"
    )
    twice = run("compare", "-", "-")
    assert twice.returncode == 2 and "standard input" in twice.stderr


def test_the_top_level_help_lists_every_report_format() -> None:
    shown = run("--help").stdout
    assert "--format text|json|html|pdf|unified" in " ".join(shown.split())
