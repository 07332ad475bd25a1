from __future__ import annotations

from pathlib import Path

from diffviewer.core.model import CompareOptions
from diffviewer.formats import load
from diffviewer.scan.candidates import TermWeights
from diffviewer.scan.judge import JudgeTask, judge, judge_many
from diffviewer.scan.terms import paragraph_terms


def _weights(*paths: Path) -> TermWeights:
    df: dict[str, int] = {}
    paragraphs = 0
    for path in paths:
        for p in load(path).paragraphs:
            paragraphs += 1
            for term in paragraph_terms(p.text):
                df[term] = df.get(term, 0) + 1
    return TermWeights(paragraphs, df)


def test_a_copy_holds_all_of_the_original_and_an_unrelated_chapter_little(collection: Path) -> None:
    original_path = collection / "KJV" / "revelation_009.txt"
    copy, other = collection / "Webster" / "revelation_009.txt", collection / "KJV" / "revelation_020.txt"
    weights = _weights(*(collection / "KJV").glob("*.txt"))
    original = load(original_path)
    near = judge(original, JudgeTask(str(copy), 0.9), weights, CompareOptions())
    far = judge(original, JudgeTask(str(other), 0.2), weights, CompareOptions())
    assert near.error is None and near.share_of_original > 0.85 and near.share_from_original > 0.85
    assert near.original_verbatim > 0.9
    assert far.share_of_original < 0.3
    assert len(near.likeness) == len(near.weight) == len(original.paragraphs)


def test_a_candidate_that_cannot_be_read_says_why(collection: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    original = load(collection / "KJV" / "revelation_009.txt")
    [judged] = judge_many(original, TermWeights(1, {}), CompareOptions(), [JudgeTask(str(broken), 0.5)])
    assert judged.error is not None and "DOCX" in judged.error
