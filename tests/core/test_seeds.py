"""The canonical sample: what must match and what must stay unmatched."""

from __future__ import annotations

import pytest

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, Comparison
from diffviewer.formats import load
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def original():  # type: ignore[no-untyped-def]
    return load(SAMPLES / "original.txt")


def run(original, name: str) -> Comparison:  # type: ignore[no-untyped-def]
    return compare(original, load(SAMPLES / name))


def unmatched(result: Comparison) -> set[int]:
    return {j for b in result.blocks if b.kind is BlockKind.INSERTED for j in b.derivative}


def test_every_paragraph_of_the_spun_copy_finds_its_source(original) -> None:  # type: ignore[no-untyped-def]
    result = run(original, "spun-copy.txt")
    assert not unmatched(result)
    assert set(result.links) == {(i, i) for i in range(9)}


def test_syndicated_boilerplate_stays_unmatched(original) -> None:  # type: ignore[no-untyped-def]
    result = run(original, "syndicated-rewrite.txt")
    texts = [p.text for p in result.derivative.paragraphs]
    free = {texts[j] for j in unmatched(result)}
    assert any(t.startswith("Monday, 3 November 2025") for t in free)
    assert "Hot this week" in free and "Related Articles" in free and "Popular Categories" in free
    assert "Clarifying Meta’s current AI stance" in free and "Comparing past and present positions" in free
    assert all(t in free for t in texts if t.startswith(("OnePlus", "Disney Plus", "Bluesky", "XDC")))
    matched = {j for b in result.blocks if b.original for j in b.derivative}
    assert any(texts[j].startswith("“People often ask") for j in matched)


def test_ai_rewrite_comment_form_stays_unmatched(original) -> None:  # type: ignore[no-untyped-def]
    result = run(original, "ai-rewrite.txt")
    texts = [p.text for p in result.derivative.paragraphs]
    free = {texts[j] for j in unmatched(result)}
    assert "Leave a Comment" in free
    assert any(t.startswith("Your email address will not be published") for t in free)


def test_forum_comment_matches_only_where_it_quotes(original) -> None:  # type: ignore[no-untyped-def]
    result = run(original, "forum-comment.txt")
    texts = [p.text for p in result.derivative.paragraphs]
    matched = {j for b in result.blocks if b.original for j in b.derivative}
    assert matched, "the quoted safety passage must be matched"
    assert all(texts[j].startswith(">") for j in matched)
