"""In-step merges (core/merges.py): one lone unit a side between two beads pairs when it shares
more than chance."""

from __future__ import annotations

from diffviewer.core.beads import Bead
from diffviewer.core.merges import in_step
from diffviewer.core.similarity import UnitSimilarity
from tests.core.test_beads import _PARAPHRASE, STORY, UNRELATED


def test_one_lone_unit_a_side_between_two_beads_pairs_when_it_shares_beyond_chance() -> None:
    for replacement, pairs in [(_PARAPHRASE, True), ("Work at the yard should last about three months.", False)]:
        derivative = (*STORY[:4], replacement, *STORY[5:])
        sim = UnitSimilarity(STORY, derivative)
        around = [Bead((k,), (k,), 1.0, moved=False) for k in range(len(STORY)) if k != 4]
        found = in_step(sim, around)
        # The first shares a little, beyond chance and significantly; the second not significantly.
        assert (found == [Bead((4,), (4,), sim.unit_match(4, 4).score, moved=False)]) is pairs, replacement
    unrelated = (*STORY[:4], UNRELATED, *STORY[5:])
    assert in_step(UnitSimilarity(STORY, unrelated), around) == []


def test_nothing_pairs_in_step_across_the_units_of_a_passage_moved_whole() -> None:
    sim = UnitSimilarity(STORY, STORY)
    around = [Bead((k,), (k,), 1.0, moved=False) for k in (*range(4), *range(7, len(STORY)))]
    assert [b.original for b in in_step(sim, around)] == [(4,), (5,), (6,)]  # three lone units a side
    # Units 4 and 5 of the original belong to a passage moved whole: the revision's 4-6 are not
    # "in step" with what is left between the beads, unit 6 included.
    free = ({k for k in range(len(STORY)) if k not in (4, 5)}, set(range(len(STORY))))
    assert in_step(sim, around, free) == []
