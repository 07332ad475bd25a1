from __future__ import annotations

from pathlib import Path

from diffviewer.formats import load
from diffviewer.scan.candidates import find_candidates, term_weights
from diffviewer.scan.collection import collection_files, read_file
from diffviewer.scan.index import ScanIndex
from diffviewer.scan.terms import paragraph_terms
from tests.scan.conftest import DERIVED_FROM_KJV_9, relative


def _index(root: Path) -> ScanIndex:
    index = ScanIndex(None)
    index.add([read_file(stamp) for stamp in collection_files([root])])
    return index


def _query(path: Path) -> list[frozenset[str]]:
    return [paragraph_terms(p.text) for p in load(path).paragraphs]


def test_every_derivative_is_among_the_first_candidates(collection: Path) -> None:
    original = collection / "KJV" / "revelation_009.txt"
    with _index(collection) as index:
        found = find_candidates(index, _query(original), limit=10, exclude=str(original))
    assert relative((c.path for c in found), collection) >= DERIVED_FROM_KJV_9
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


def test_the_original_itself_is_never_its_own_candidate(collection: Path) -> None:
    original = collection / "KJV" / "revelation_009.txt"
    with _index(collection) as index:
        found = find_candidates(index, _query(original), limit=100, exclude=str(original))
    assert str(original) not in {c.path for c in found}


def test_a_copy_outside_the_collection_finds_the_copies_inside_it_first(collection: Path, tmp_path: Path) -> None:
    outside = tmp_path / "pasted.txt"
    outside.write_text((collection / "Webster" / "revelation_009.txt").read_text())
    with _index(collection) as index:
        found = find_candidates(index, _query(outside), limit=3)
    assert relative((c.path for c in found[:1]), collection) == {"Webster/revelation_009.txt"}
    assert found[0].score > 0.9


def test_nothing_to_look_for_finds_nothing(collection: Path) -> None:
    with _index(collection) as index:
        assert find_candidates(index, [], limit=10) == []
        assert find_candidates(index, [frozenset({"zzqx"})], limit=10) == []
        assert find_candidates(index, _query(collection / "KJV" / "revelation_009.txt"), limit=0) == []


def test_weights_come_from_the_collection(collection: Path) -> None:
    with _index(collection) as index:
        weights = term_weights(index, {"the", "abaddon"})
    assert weights.idf("abaddon") > 3 * weights.idf("the")
    assert weights.idf("never-seen") >= weights.idf("abaddon")
