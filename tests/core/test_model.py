"""The model's changes (core/model.py): what each side of a change shows."""

from __future__ import annotations

from diffviewer.core.model import Change, ChangeOp


def test_each_side_of_a_change() -> None:
    kept = Change(ChangeOp.EQUAL, "We've", "We’ve")
    assert (kept.original_side, kept.derivative_side) == ("We've", "We’ve")
    same = Change(ChangeOp.EQUAL, "memo")
    assert (same.original_side, same.derivative_side) == ("memo", "memo")
    removed, added = Change(ChangeOp.DELETE, "rigorous"), Change(ChangeOp.INSERT, "tough")
    assert (removed.original_side, removed.derivative_side) == ("rigorous", "")
    assert (added.original_side, added.derivative_side) == ("", "tough")
