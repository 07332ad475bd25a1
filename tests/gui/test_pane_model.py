"""What the panes say besides the text, from the view model alone (no display, no Qt): a pane's
header facts, where the other end of a moved phrase is, and which rows the panes show."""

from __future__ import annotations

import subprocess
import sys

from diffviewer.core.compare import compare
from diffviewer.core.model import ChangeOp, DocumentFormat, Side
from diffviewer.gui.pane_model import PaneModel, Preview
from diffviewer.gui.rows import PreparedRows
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.view_model import PaneDocument, moved_elsewhere
from tests.core.helpers import code, doc
from tests.core.test_moved import MOVED_ACROSS_DERIVATIVE, MOVED_ACROSS_ORIGINAL


def test_a_pane_names_its_file_its_kind_and_its_length() -> None:
    prose = PaneDocument.of(doc("One.", "Two.", "Three.", path="/home/me/drafts/essay.txt"))
    assert (prose.name, prose.format, prose.paragraphs) == ("essay.txt", DocumentFormat.TEXT, 3)
    assert not prose.is_code and prose.lexer is None
    python = PaneDocument.of(code("import os", "print(os.sep)", path="tools/run.py"))
    assert (python.name, python.is_code, python.language, python.lexer) == ("run.py", True, "python", "python")
    # Code of no language the loader knows is still code, coloured as plain text.
    unknown = PaneDocument.of(code("???", language=None, path="x.weird"))
    assert unknown.is_code and unknown.language is None and unknown.lexer == "text"


def test_each_end_of_a_sentence_moved_across_blocks_knows_where_the_other_is() -> None:
    comparison = compare(doc(*MOVED_ACROSS_ORIGINAL), doc(*MOVED_ACROSS_DERIVATIVE))
    found = moved_elsewhere(comparison)
    ((removed, to_paragraph),) = [(end, p) for end, p in found.items() if end.op is ChangeOp.DELETE]
    ((added, from_paragraph),) = [(end, p) for end, p in found.items() if end.op is ChangeOp.INSERT]
    assert removed.move == added.move
    # The original's 2nd paragraph lost the sentence; the derivative's 5th gained it.
    assert (from_paragraph, to_paragraph) == (1, 4)
    prepared = PreparedRows.both(comparison, ViewMode.SIDE_BY_SIDE)
    assert prepared.moved_elsewhere == found
    assert prepared.alternate is not None and prepared.alternate.moved_elsewhere is prepared.moved_elsewhere


def test_a_phrase_moved_within_its_block_has_no_end_elsewhere() -> None:
    comparison = compare(
        doc("The harbour lanterns burn all night, and the orchards line the quiet river bank."),
        doc("The orchards line the quiet river bank, and the harbour lanterns burn all night."),
    )
    assert moved_elsewhere(comparison) == {}


def test_the_panes_show_a_comparisons_prepared_rows_or_one_document_alone() -> None:
    original, derivative = doc("One harbour.", "Two lanterns."), code("print(1)", path="b.py")
    documents = {Side.ORIGINAL: original, Side.DERIVATIVE: None}
    alone = PaneModel.of(documents, None)
    assert [row.left.paragraphs for row in alone.rows if row.left] == [(0,), (1,)]
    assert alone.navigation.changes == () and alone.quote_marks == {} and alone.languages == {}
    assert alone.panes[Side.ORIGINAL].paragraphs == 2 and Side.DERIVATIVE not in alone.panes
    # Rows the worker built for the original are shown as they are, not built again.
    preview = Preview.of(original, None)
    assert PaneModel.of(documents, None, preview).rows[0] is preview.rows[0]
    comparison = compare(original, derivative)
    prepared = PreparedRows.of(comparison, ViewMode.SIDE_BY_SIDE)
    shown = PaneModel.of({Side.ORIGINAL: original, Side.DERIVATIVE: derivative}, prepared)
    assert shown.rows == list(prepared.rows) and shown.navigation is prepared.navigation
    assert shown.blocks is prepared.blocks and shown.panes is prepared.panes  # as the worker built them
    assert shown.languages == {Side.DERIVATIVE: "python"}  # the side that is code, by its lexer


def test_the_pane_model_imports_no_qt() -> None:
    code = (
        "import sys, diffviewer.gui.pane_model\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0
