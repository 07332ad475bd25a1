"""One read of a file for the jobs that ask for it at once (gui/shared_loads.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from diffviewer.core.model import Document
from diffviewer.formats import LoadError, MarkupView, load
from diffviewer.gui.shared_loads import SharedLoads


def _reading(path: Path, reads: list[Path], gate: threading.Event | None = None):  # type: ignore[no-untyped-def]
    def read() -> Document:
        reads.append(path)
        if gate is not None:
            gate.wait(5)
        return load(path)

    return read


def test_jobs_asking_at_once_share_one_read(tmp_path: Path) -> None:
    path = tmp_path / "original.txt"
    path.write_text("One paragraph.\n\nAnother one.\n", encoding="utf-8")
    loads, reads, gate = SharedLoads(), [], threading.Event()
    found: list[Document] = []
    jobs = [
        threading.Thread(
            target=lambda: found.append(loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads, gate)))
        )
        for _ in range(4)
    ]
    for job in jobs:
        job.start()
    gate.set()
    for job in jobs:
        job.join(5)
    assert len(reads) == 1 and len(found) == 4 and all(document is found[0] for document in found)
    assert loads.preview(found[0]) is loads.preview(found[0])  # its rows built once too
    assert [p.text for p in found[0].paragraphs] == ["One paragraph.", "Another one."]


def test_a_file_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "original.txt"
    path.write_text("The first version.\n", encoding="utf-8")
    loads, reads = SharedLoads(), []
    first = loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads))
    assert loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads)) is first
    path.write_text("The second version, longer.\n", encoding="utf-8")
    second = loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads))
    assert len(reads) == 2 and second.paragraphs[0].text == "The second version, longer."
    # Another limit or reading is another read.
    loads.load(path, 10**6, MarkupView.SOURCE, _reading(path, reads))
    assert len(reads) == 3


def test_a_failed_read_reaches_every_caller_and_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    loads, reads = SharedLoads(), []
    for _ in range(2):
        with pytest.raises(LoadError, match="binary"):
            loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads))
    assert len(reads) == 2
    missing = tmp_path / "missing.txt"
    with pytest.raises(LoadError):
        loads.load(missing, 10**6, MarkupView.TEXT, _reading(missing, reads))


def test_only_the_last_reads_are_kept(tmp_path: Path) -> None:
    loads, reads = SharedLoads(kept=2), []
    paths = [tmp_path / f"{n}.txt" for n in range(3)]
    for n, path in enumerate(paths):
        path.write_text(f"Document {n}.\n", encoding="utf-8")
        loads.load(path, 10**6, MarkupView.TEXT, _reading(path, reads))
    loads.load(paths[2], 10**6, MarkupView.TEXT, _reading(paths[2], reads))
    loads.load(paths[0], 10**6, MarkupView.TEXT, _reading(paths[0], reads))
    assert reads == [*paths, paths[0]]
