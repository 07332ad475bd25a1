"""A big file read in a process of its own: the same document, or the same error, as read here."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from diffviewer.formats import FileTooLarge, LoadError, MarkupView, apart, load


def _book(tmp_path: Path, name: str = "book.md") -> Path:
    paragraphs = [
        f"# Chapter {n}" if n % 50 == 0 else f"Paragraph {n}: the ferry left at {n % 24}:00, Zoë said."
        for n in range(12_000)
    ]
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    assert path.stat().st_size >= apart.READ_APART_MIN_BYTES
    return path


def test_a_big_file_read_apart_is_the_document_read_here(tmp_path: Path) -> None:
    path = _book(tmp_path)
    came: list[int] = []

    def rebuild(data: bytes) -> object:
        came.append(len(data))  # bytes from the child: the reading was done there
        return pickle.loads(data)

    for markup in MarkupView:
        assert apart.load_apart(path, 100_000_000, markup, rebuild) == load(path, markup=markup)
    assert len(came) == len(MarkupView)


def test_a_file_that_cannot_be_read_apart_gives_the_same_error(tmp_path: Path) -> None:
    path = _book(tmp_path)
    for where, limit, error in ((path, 1000, FileTooLarge), (tmp_path / "missing.txt", 10**8, LoadError)):
        with pytest.raises(error) as here:
            load(where, max_bytes=limit)
        with pytest.raises(error) as there:
            apart.load_apart(where, limit, MarkupView.TEXT)
        assert type(there.value) is type(here.value) and str(there.value) == str(here.value)


def test_where_no_process_can_start_the_file_is_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path)
    real = apart.fresh_context()

    class NoProcesses:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def Process(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 (multiprocessing's name)
            return self

        def start(self) -> None:
            raise OSError("no processes in this sandbox")

    context = NoProcesses()
    monkeypatch.setattr(apart, "fresh_context", lambda: context)
    rebuilt: list[bytes] = []
    assert apart.load_apart(path, 10**8, MarkupView.TEXT, rebuilt.append) == load(path)  # type: ignore[arg-type]
    assert rebuilt == []  # nothing came from elsewhere


def test_only_big_files_are_worth_reading_apart(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text("A few words.", encoding="utf-8")
    assert apart.worth_reading_apart(_book(tmp_path)) and not apart.worth_reading_apart(small)
    assert not apart.worth_reading_apart(tmp_path / "missing.txt")
