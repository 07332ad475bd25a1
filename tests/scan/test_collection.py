from __future__ import annotations

import os
from pathlib import Path

from diffviewer.scan.collection import collection_files, read_file


def _names(root: Path) -> list[str]:
    return [Path(s.path).relative_to(root).as_posix() for s in collection_files([root])]


def test_a_folder_gives_its_documents_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "c.docx").write_bytes(b"not really")
    assert _names(tmp_path) == ["a.txt", "b/two.md", "c.docx"]


def test_hidden_files_other_files_and_links_out_are_left_alone(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Elsewhere.")
    root = tmp_path / "root"
    root.mkdir()
    (root / ".hidden.txt").write_text("Hidden.")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("Hidden too.")
    (root / "photo.jpg").write_bytes(b"\xff\xd8")
    (root / "script.py").write_text("print(1)")
    os.symlink(outside, root / "link")
    (root / "kept.txt").write_text("Kept.")
    assert _names(root) == ["kept.txt"]


def test_a_file_named_on_its_own_is_taken_whatever_its_name(tmp_path: Path) -> None:
    named = tmp_path / "notes.data"
    named.write_text("A note.")
    assert [s.path for s in collection_files([named, named, tmp_path])] == [str(named)]


def test_a_missing_path_is_read_and_refused_with_a_reason(tmp_path: Path) -> None:
    stamps = list(collection_files([tmp_path / "gone.txt"]))
    assert len(stamps) == 1
    read = read_file(stamps[0])
    assert read.error == "no such file" and not read.paragraphs


def test_reading_gives_each_paragraphs_terms_and_the_words(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("First paragraph here.\n\nSecond one.\n")
    read = read_file(next(collection_files([path])))
    assert read.error is None
    assert read.paragraphs == (frozenset({"first", "paragraph", "here"}), frozenset({"second", "one"}))
    assert read.words == 5


def test_a_binary_file_is_refused_with_the_loaders_reason(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    read = read_file(next(collection_files([path])))
    assert read.error is not None and "binary" in read.error
