"""What hovering, copying and the link map tell of a block, from the view model the worker builds
(no display): the tooltip's facts in the words a reader sees, the text Copy takes, the bands'
kinds, and what the panes show of documents read before their comparison is done."""

from __future__ import annotations

from diffviewer.core.compare import compare
from diffviewer.core.model import BlockKind, Side, Treatment
from diffviewer.gui.pane_model import PaneModel, Preview
from diffviewer.gui.pane_text import block_lines
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.view_model import block_facts
from tests.core.helpers import doc
from tests.core.test_moved import MOVED_ACROSS_DERIVATIVE, MOVED_ACROSS_ORIGINAL

TIMETABLE = "The county council approved a new winter timetable for the Kellmouth ferry on Tuesday."
CROSSINGS = "Four evening crossings will be added between the harbour and Tarrow Island."
RESIDENTS = "Island residents had complained for two years about the lack of late boats."
CAFE = "Café owners on the quay said the consultation had been rushed."

# The original's first paragraph split in two, a word changed; its last paragraph dropped.
ORIGINAL = doc(f"{TIMETABLE} {CROSSINGS}", RESIDENTS, CAFE)
DERIVATIVE = doc(TIMETABLE, CROSSINGS.replace("evening", "late"), RESIDENTS)


def test_a_paragraph_split_in_two_tells_both_its_halves_and_how_similar_they_are() -> None:
    comparison = compare(ORIGINAL, DERIVATIVE)
    split = block_facts(comparison)[0]
    assert (split.kind, split.original_numbers, split.derivative_numbers) == (BlockKind.REWRITE, (1,), (1, 2))
    assert split.similarity == comparison.blocks[0].similarity
    assert split.similarity_percent is not None and 80 <= split.similarity_percent < 100
    assert split.treatment is Treatment.LIGHTLY_EDITED
    assert block_lines(split) == [
        "Edited or reworded",
        "Original ¶ 1 → derivative ¶ 1, 2",
        f"Similarity: {split.similarity_percent}% (lightly edited)",
    ]
    # Copy with nothing selected takes the derivative's words, its paragraphs a blank line apart.
    assert split.text == f"{TIMETABLE}\n\n{CROSSINGS.replace('evening', 'late')}"


def test_a_dropped_paragraph_tells_no_similarity_and_copies_the_originals_words() -> None:
    dropped = block_facts(compare(ORIGINAL, DERIVATIVE))[-1]
    assert (dropped.kind, dropped.original_numbers, dropped.derivative_numbers) == (BlockKind.DELETED, (3,), ())
    assert dropped.similarity is None and dropped.similarity_percent is None
    assert block_lines(dropped) == ["Dropped", "Original ¶ 3 → derivative ¶ —", "dropped"]
    assert dropped.text == CAFE


def test_a_new_paragraph_tells_only_the_derivatives_number() -> None:
    added = block_facts(compare(doc(RESIDENTS), doc(RESIDENTS, CAFE)))[-1]
    assert block_lines(added) == ["New", "Original ¶ — → derivative ¶ 2", "new"]
    assert added.text == CAFE


def test_each_band_of_the_link_map_has_its_blocks_kind_or_none_across_blocks() -> None:
    split = PreparedRows.of(compare(ORIGINAL, DERIVATIVE), ViewMode.SIDE_BY_SIDE)
    bands = {(link.original, link.derivative): link.kind for link in split.index.link_rows}
    assert bands == {(0, 0): BlockKind.REWRITE, (0, 1): BlockKind.REWRITE, (1, 2): BlockKind.EQUAL}
    # A sentence moved into a paragraph aligned elsewhere links two blocks: a dashed band, no kind.
    comparison = compare(doc(*MOVED_ACROSS_ORIGINAL), doc(*MOVED_ACROSS_DERIVATIVE))
    moved = PreparedRows.of(comparison, ViewMode.SIDE_BY_SIDE)
    across = [(link.original, link.derivative) for link in moved.index.link_rows if link.kind is None]
    assert across == [(1, 4)]
    kinds = {block.original[0]: block.kind for block in comparison.blocks}
    assert all(link.kind is kinds[link.original] for link in moved.index.link_rows if link.kind is not None)


def test_both_view_modes_share_one_set_of_facts_and_headers() -> None:
    comparison = compare(ORIGINAL, DERIVATIVE)
    prepared = PreparedRows.both(comparison, ViewMode.INLINE)
    assert prepared.alternate is not None
    assert prepared.alternate.blocks is prepared.blocks and prepared.alternate.panes is prepared.panes
    assert len(prepared.blocks) == len(comparison.blocks)
    assert prepared.panes[Side.DERIVATIVE].paragraphs == 3
    shown = PaneModel.of({Side.ORIGINAL: ORIGINAL, Side.DERIVATIVE: DERIVATIVE}, prepared)
    assert shown.blocks is prepared.blocks and shown.panes is prepared.panes


def test_the_workers_preview_names_both_documents_and_shows_the_originals_rows() -> None:
    alone = Preview.of(ORIGINAL, None)
    assert alone.shows is Side.ORIGINAL
    assert [row.left.paragraphs for row in alone.rows if row.left] == [(0,), (1,), (2,)]
    assert set(alone.panes) == {Side.ORIGINAL}
    both = Preview.of(ORIGINAL, DERIVATIVE, alone)
    assert both.rows is alone.rows  # the original's rows are built once
    assert both.panes[Side.DERIVATIVE].paragraphs == 3
    shown = PaneModel.of({Side.ORIGINAL: ORIGINAL, Side.DERIVATIVE: DERIVATIVE}, None, both)
    assert shown.rows[0] is both.rows[0]
    assert shown.panes[Side.ORIGINAL] is both.panes[Side.ORIGINAL]
    assert shown.panes[Side.DERIVATIVE] is both.panes[Side.DERIVATIVE]
    assert shown.blocks == ()  # no comparison yet: nothing to hover or copy block by block
    # The derivative alone is shown in its own pane.
    derivative_only = Preview.of(None, DERIVATIVE)
    assert derivative_only.shows is Side.DERIVATIVE
    assert [row.right.paragraphs for row in derivative_only.rows if row.right] == [(0,), (1,), (2,)]
    # A preview of other documents is never shown for these.
    other = PaneModel.of({Side.ORIGINAL: DERIVATIVE, Side.DERIVATIVE: None}, None, both)
    assert other.rows[0] is not both.rows[0] and other.panes[Side.ORIGINAL] is not both.panes[Side.ORIGINAL]
    assert other.panes[Side.ORIGINAL].paragraphs == 3
