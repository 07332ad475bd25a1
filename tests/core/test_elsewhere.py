"""A comparison in a process of its own: the same result, progress, errors and cancelling."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace

import pytest

from diffviewer.core.compare import Cancelled, LimitExceeded, compare
from diffviewer.core.elsewhere import compare_elsewhere
from diffviewer.core.helper import HELPED_MIN_CHARACTERS
from diffviewer.core.model import CompareOptions
from diffviewer.formats import load
from tests.conftest import SAMPLES


def test_the_comparison_made_elsewhere_is_the_one_made_here() -> None:
    original, derivative = load(SAMPLES / "original.txt"), load(SAMPLES / "syndicated-rewrite.txt")
    progress: list[float] = []
    there = compare_elsewhere(original, derivative, on_progress=progress.append)
    assert there == compare(original, derivative)
    assert there.original is original and there.derivative is derivative  # the caller's own
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert not multiprocessing.active_children()


def test_an_error_there_is_the_same_error_here() -> None:
    original, derivative = load(SAMPLES / "original.txt"), load(SAMPLES / "spun-copy.txt")
    options = CompareOptions(max_paragraphs=3)
    with pytest.raises(LimitExceeded) as here:
        compare(original, derivative, options)
    with pytest.raises(LimitExceeded) as there:
        compare_elsewhere(original, derivative, options)
    assert str(there.value) == str(here.value)


def test_cancelling_ends_the_process() -> None:
    original, derivative = load(SAMPLES / "original.txt"), load(SAMPLES / "spun-copy.txt")
    with pytest.raises(Cancelled):
        compare_elsewhere(original, derivative, should_cancel=lambda: True)
    assert not multiprocessing.active_children()


def test_a_comparison_elsewhere_told_a_core_is_free_is_the_same() -> None:
    # Told a core is free, the child takes a helper for the rest of its blocks (a megabyte and
    # more is worth one): the comparison is the one made here.
    original = load(SAMPLES / "original.txt")
    paragraphs = tuple(replace(p, text=f"{p.text} ({k})") for k, p in enumerate(original.paragraphs * 600))
    big = replace(original, paragraphs=tuple(replace(p, index=k) for k, p in enumerate(paragraphs)))
    changed = replace(big, paragraphs=tuple(replace(p, text=p.text.replace("the", "a")) for p in big.paragraphs))
    assert big.characters + changed.characters >= HELPED_MIN_CHARACTERS
    asked: list[bool] = []
    there = compare_elsewhere(big, changed, may_help=lambda: asked.append(True) or True)
    assert asked == [True]  # told once
    assert there == compare(big, changed, helped=False)
    assert not multiprocessing.active_children()
