"""Changes and blocks packed for another process come back equal, change for change."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.compare import compare
from diffviewer.core.model import Block, BlockKind, Change, ChangeOp, Treatment
from diffviewer.core.packing import pack_changes, unpack_changes
from diffviewer.formats import load
from tests.conftest import SAMPLES

_TEXT = st.text(max_size=12)
_CHANGE = st.builds(
    Change,
    st.sampled_from(list(ChangeOp)),
    _TEXT,
    st.none() | _TEXT,
    st.none() | st.integers(min_value=1, max_value=10**6),
)


@given(st.lists(_CHANGE, max_size=30))
def test_changes_unpack_to_what_was_packed(changes: list[Change]) -> None:
    assert unpack_changes(pack_changes(changes)) == tuple(changes)


@given(st.lists(st.builds(Change, st.sampled_from(list(ChangeOp)), _TEXT), max_size=30))
def test_plain_changes_unpack_to_what_was_packed(changes: list[Change]) -> None:
    assert unpack_changes(pack_changes(changes)) == tuple(changes)


def test_a_block_pickles_to_an_equal_block() -> None:
    block = Block(
        BlockKind.REWRITE,
        (3, 4),
        (5,),
        0.5,
        (Change(ChangeOp.EQUAL, "The ", "the "), Change(ChangeOp.DELETE, "red", moved=2), Change(ChangeOp.INSERT, "")),
        Treatment.REWORDED,
    )
    assert pickle.loads(pickle.dumps(block)) == block


def test_a_whole_comparison_pickles_to_an_equal_one() -> None:
    comparison = compare(load(SAMPLES / "original.txt"), load(SAMPLES / "syndicated-rewrite.txt"))
    assert any(c.moved is not None for b in comparison.blocks for c in b.changes)  # both paths taken
    assert pickle.loads(pickle.dumps(comparison)) == comparison
