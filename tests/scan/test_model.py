from __future__ import annotations

import dataclasses

import pytest

from diffviewer.scan.model import Derivation, Finding, IndexSummary, ScanResult


def _finding(path: str, derives: bool) -> Finding:
    return Finding(path, derives, Derivation.COPY if derives else None, 1.0, 1.0, 1.0, 0.0, 9.0, 3)


def test_the_derivatives_are_the_findings_that_derive_in_their_order() -> None:
    result = ScanResult(
        "o.txt", (_finding("a", True), _finding("b", False), _finding("c", True)), (), IndexSummary(3, 9, 3, 0, 0, None)
    )
    assert [f.path for f in result.derivatives] == ["a", "c"]


def test_findings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        _finding("a", True).derives = False  # type: ignore[misc]
    assert [str(kind) for kind in Derivation] == ["copy", "light edit", "rewrite", "excerpt"]
