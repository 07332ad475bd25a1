from __future__ import annotations

import os
import shutil
from pathlib import Path

from diffviewer.formats import load
from diffviewer.scan.attribution import Attribution, attribute
from diffviewer.scan.candidates import find_candidates
from diffviewer.scan.collection import collection_files, read_file
from diffviewer.scan.index import ScanIndex
from diffviewer.scan.runner import LocalRunner
from diffviewer.scan.search import scan
from diffviewer.scan.terms import paragraph_terms
from tests.scan.conftest import DERIVED_FROM_KJV_9, relative


def test_a_derivative_is_explained_best_by_the_original(collection: Path) -> None:
    original = collection / "KJV" / "revelation_009.txt"
    query = [paragraph_terms(p.text) for p in load(original).paragraphs]
    with ScanIndex(None) as index:
        index.add([read_file(s) for s in collection_files([collection])])
        candidates = find_candidates(index, query, 20, exclude=os.path.abspath(original))
        found = attribute(index, query, {c.path: index.own_counts(c.document) for c in candidates})
    webster = found[str(collection / "Webster" / "revelation_009.txt")]
    assert webster.to_original > 0.9 and webster.explained_by_original > 0.95
    unrelated = found[str(collection / "KJV" / "revelation_020.txt")]
    assert unrelated.to_original < 0.5 and unrelated.closest is not None


def test_explained_by_the_original_compares_it_with_the_best_explanation() -> None:
    assert Attribution(0.4, 0.8, "other").explained_by_original == 0.5
    assert Attribution(0.9, 0.3, "other").explained_by_original == 1.0
    assert Attribution(0.0, 0.0, None).explained_by_original == 1.0


def test_a_neighbour_that_shares_text_with_the_original_is_not_its_derivative(tmp_path: Path, collection: Path) -> None:
    # Chapter 20 of Revelation retells chapter 9's first verses in every translation, in that
    # translation's own words (as the Bible retells its own stories): the new chapter 20s share
    # the original's text, but each is far closer to the other chapter 20s than to the original.
    root = tmp_path / "c"
    shutil.copytree(collection, root)
    original = root / "KJV" / "revelation_009.txt"
    for translation in ("KJV", "Webster", "Darby", "ACV", "YLT"):
        nine = (root / translation / "revelation_009.txt").read_text().split("\n\n")
        chapter = root / translation / "revelation_020.txt"
        chapter.write_text(chapter.read_text() + "\n\n" + "\n\n".join(nine[:5]))
    result = scan(original, [root], runner=LocalRunner(1))
    derived = relative((f.path for f in result.derivatives), root)
    assert derived >= DERIVED_FROM_KJV_9
    neighbours = {f"{t}/revelation_020.txt" for t in ("KJV", "Webster", "Darby", "ACV")}
    assert not derived & neighbours
    rejected = {Path(f.path).relative_to(root).as_posix(): f for f in result.findings if not f.derives}
    assert rejected["Webster/revelation_020.txt"].closer_to is not None
    assert rejected["Webster/revelation_020.txt"].closer_to.endswith("revelation_020.txt")  # type: ignore[union-attr]
