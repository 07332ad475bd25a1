"""What the panes show at one time, from the view model, Qt-free: the rows of the shown view mode
and everything that goes with them (index, navigation, quotation marks, moved phrases' far
ends), with what each pane says of its document. A comparison's come built off the GUI thread;
one document alone (or none) gets plain rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from diffviewer.core.model import Document, Side
from diffviewer.gui.rows import PreparedRows, Row, RowIndex, single_document_rows
from diffviewer.gui.view_model import MoveEnd, Navigation, PaneDocument, QuoteMark


@dataclass(frozen=True, slots=True)
class PaneModel:
    rows: list[Row]
    index: RowIndex
    navigation: Navigation
    quote_marks: Mapping[tuple[Side, int], tuple[QuoteMark, ...]]
    moved_elsewhere: Mapping[MoveEnd, int]
    panes: Mapping[Side, PaneDocument]  # what the header says of each side's document
    languages: Mapping[Side, str | None]  # the lexer of each side that is code

    @staticmethod
    def of(
        documents: Mapping[Side, Document | None],
        prepared: PreparedRows | None,
        preview: tuple[Document, list[Row]] | None = None,
    ) -> PaneModel:
        """`prepared`: the shown comparison's rows in the shown mode (None: no comparison);
        `preview`: the original's rows alone, built off the GUI thread, and the document they show."""
        panes = {side: PaneDocument.of(d) for side, d in documents.items() if d is not None}
        languages = {side: pane.lexer for side, pane in panes.items() if pane.is_code}
        if prepared is not None:
            return PaneModel(
                list(prepared.rows),
                prepared.index,
                prepared.navigation,
                prepared.quote_marks,
                prepared.moved_elsewhere,
                panes,
                languages,
            )
        original, derivative = documents.get(Side.ORIGINAL), documents.get(Side.DERIVATIVE)
        if original is not None:
            rows = preview[1] if preview is not None and preview[0] is original else None
            rows = rows if rows is not None else single_document_rows(original, Side.ORIGINAL)
        elif derivative is not None:
            rows = single_document_rows(derivative, Side.DERIVATIVE)
        else:
            rows = []
        return PaneModel(rows, RowIndex.of(rows, ()), Navigation((), ()), {}, {}, panes, languages)


__all__ = ["PaneModel"]
