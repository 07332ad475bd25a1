"""A share of the structural fuzzing (tests/formats/structural.py) on every loader: each input a
Document or a one-line LoadError within the time limit. `make fuzz` runs thousands per family."""

from __future__ import annotations

import pytest

from diffviewer.core.model import Document
from diffviewer.formats import LoadError
from tests.formats.fuzzing import load_within
from tests.formats.structural import FAMILIES, inputs


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_structure_is_read_or_refused_in_time(family: str) -> None:
    for name, data in inputs(FAMILIES[family], count=6, largest=200_000):
        found = load_within(name, data)
        assert isinstance(found, Document | LoadError)
        if isinstance(found, LoadError):
            reason = str(found).split(": ", 1)[1]
            # Refusals are the limits' and the safety rules', never a parser giving up.
            assert "no answer within" not in reason and "recursion" not in reason, reason
