from __future__ import annotations

import pytest

from diffviewer.core import batch
from diffviewer.core.compare import compare
from diffviewer.formats import load
from tests.conftest import SAMPLES


def test_parallel_processes_give_the_same_comparisons_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    original = load(SAMPLES / "original.txt")
    derivatives = [load(SAMPLES / n) for n in ("spun-copy.txt", "ai-rewrite.txt", "forum-comment.txt")]
    monkeypatch.setattr(batch, "PARALLEL_MIN_CHARACTERS", 0)  # force the process pool
    parallel = batch.compare_all(original, derivatives, workers=2)
    assert parallel == [compare(original, d) for d in derivatives]
