"""A small real collection for the scan's tests: chapters of Revelation in five Bible translations
(each chapter's translations derive from one another), an excerpt that quotes chapter 9 among
unrelated verses, other excerpts, and the Twentieth Century New Testament's chapter 9 (a rewrite
into modern English). Taken from ../shared/corpus/scan (see its README)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

SCAN = REPO.parent / "shared" / "corpus" / "scan" / "docs"
TRANSLATIONS = ("KJV", "Webster", "Darby", "ACV", "YLT")
CHAPTERS = (
    "revelation_007",
    "revelation_008",
    "revelation_009",
    "revelation_010",
    "revelation_011",
    "revelation_016",
    "revelation_020",
)
EXCERPTS = ("x0112", "x0113", "x0001", "x0002")
# The gold (../shared/corpus/scan/queries.json) for KJV revelation 9 in this collection.
DERIVED_FROM_KJV_9 = frozenset(
    {
        "Webster/revelation_009.txt",
        "Darby/revelation_009.txt",
        "ACV/revelation_009.txt",
        "YLT/revelation_009.txt",
        "Twenty/revelation_009.txt",
        "excerpts/x0112.txt",
    }
)


def build_collection(root: Path) -> Path:
    for translation in TRANSLATIONS:
        (root / translation).mkdir(parents=True)
        for chapter in CHAPTERS:
            shutil.copy(SCAN / translation / f"{chapter}.txt", root / translation / f"{chapter}.txt")
    (root / "Twenty").mkdir()
    shutil.copy(SCAN / "Twenty" / "revelation_009.txt", root / "Twenty" / "revelation_009.txt")
    (root / "excerpts").mkdir()
    for excerpt in EXCERPTS:
        shutil.copy(SCAN / "excerpts" / f"{excerpt}.txt", root / "excerpts" / f"{excerpt}.txt")
    return root


@pytest.fixture(scope="session")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The collection, read-only to the tests (copy it before changing files)."""
    return build_collection(tmp_path_factory.mktemp("collection"))


@pytest.fixture
def fresh_collection(tmp_path: Path) -> Path:
    """A copy a test may change (add, edit, remove files)."""
    return build_collection(tmp_path / "collection")


def relative(paths: object, root: Path) -> set[str]:
    return {Path(str(p)).relative_to(root).as_posix() for p in paths}  # type: ignore[attr-defined]
