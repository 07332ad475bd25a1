"""What the panes show at one time, from the view model, Qt-free: the rows of the shown view mode
and everything that goes with them (index, navigation, quotation marks, moved phrases' far
ends, each block's facts), with what each pane says of its document. A comparison's come built
off the GUI thread, and so do the documents' own before it (a Preview); a document given without
them gets plain rows here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from diffviewer.core.model import Document, Side
from diffviewer.gui.row_measures import RowMeasures
from diffviewer.gui.rows import PreparedRows, Row, RowIndex, single_document_rows
from diffviewer.gui.view_model import BlockFacts, MoveEnd, Navigation, PaneDocument, QuoteMark


@dataclass(frozen=True, slots=True)
class Preview:
    """What the panes show of the documents read before their comparison is done (or without
    one): one document's rows alone (the original's, or the derivative's when it is the only
    one) and what each header says. Built by the worker (a big document has tens of thousands
    of rows)."""

    documents: Mapping[Side, Document]  # the sides read
    panes: Mapping[Side, PaneDocument]
    shows: Side | None  # whose rows `rows` are (None: no document)
    rows: tuple[Row, ...]
    measures: RowMeasures  # their lines, for estimating their heights (gui/row_measures.py)

    @staticmethod
    def of(original: Document | None, derivative: Document | None, earlier: Preview | None = None) -> Preview:
        """`earlier`: the preview of the same original alone, whose rows these reuse."""
        given = {Side.ORIGINAL: original, Side.DERIVATIVE: derivative}
        documents = {side: document for side, document in given.items() if document is not None}
        shows = next(iter(documents), None)
        if shows is None:
            rows: tuple[Row, ...] = ()
            measures = RowMeasures.of(rows)
        elif earlier is not None and earlier.shows is shows and earlier.documents.get(shows) is documents[shows]:
            rows, measures = earlier.rows, earlier.measures
        else:
            rows = tuple(single_document_rows(documents[shows], shows))
            measures = RowMeasures.of(rows)
        return Preview(documents, PaneDocument.sides(original, derivative), shows, rows, measures)


@dataclass(frozen=True, slots=True)
class PaneModel:
    rows: list[Row]
    index: RowIndex
    navigation: Navigation
    quote_marks: Mapping[tuple[Side, int], tuple[QuoteMark, ...]]
    moved_elsewhere: Mapping[MoveEnd, int]
    blocks: tuple[BlockFacts, ...]  # by block index; () without a comparison
    panes: Mapping[Side, PaneDocument]  # what the header says of each side's document
    languages: Mapping[Side, str | None]  # the lexer of each side that is code
    measures: RowMeasures  # the rows' lines (taken where they were built, when they were)

    @staticmethod
    def of(
        documents: Mapping[Side, Document | None],
        prepared: PreparedRows | None,
        preview: Preview | None = None,
    ) -> PaneModel:
        """`prepared`: the shown comparison's rows in the shown mode (None: no comparison);
        `preview`: what the worker built for the documents before comparing them, used for the
        sides it was built for."""
        if prepared is not None:
            return PaneModel(
                list(prepared.rows),
                prepared.index,
                prepared.navigation,
                prepared.quote_marks,
                prepared.moved_elsewhere,
                prepared.blocks,
                prepared.panes,
                _languages(prepared.panes),
                prepared.measures,
            )
        built = preview.documents if preview is not None else {}
        panes: dict[Side, PaneDocument] = {}
        for side, document in documents.items():
            if document is not None:
                ready = preview is not None and built.get(side) is document
                panes[side] = preview.panes[side] if preview is not None and ready else PaneDocument.of(document)
        shows = Side.ORIGINAL if documents.get(Side.ORIGINAL) is not None else Side.DERIVATIVE
        document = documents.get(shows)
        if document is None:
            rows: list[Row] = []
            measures = RowMeasures.of(rows)
        elif preview is not None and preview.shows is shows and built.get(shows) is document:
            rows, measures = list(preview.rows), preview.measures
        else:
            rows = single_document_rows(document, shows)
            measures = RowMeasures.of(rows)
        return PaneModel(
            rows, RowIndex.of(rows, ()), Navigation((), ()), {}, {}, (), panes, _languages(panes), measures
        )


def _languages(panes: Mapping[Side, PaneDocument]) -> dict[Side, str | None]:
    return {side: pane.lexer for side, pane in panes.items() if pane.is_code}


__all__ = ["PaneModel", "Preview"]
