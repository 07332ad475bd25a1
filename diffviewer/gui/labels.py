"""Every name a reader sees for the engine's kinds and counts, in one vocabulary, translatable.

The words follow the summary the reports print (core/tally.py): words are kept, changed, added
or removed; a paragraph is copied, lightly edited, reworded, new or dropped, and may have moved.
Each string is a literal inside QCoreApplication.translate, so pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from diffviewer.core.model import BlockKind, Comparison, DocumentFormat, FactKind, QuoteStatus, Treatment
from diffviewer.core.tally import word_tally
from diffviewer.report.vocabulary import quoted


def treatment_name(treatment: Treatment) -> str:
    match treatment:
        case Treatment.COPIED:
            return QCoreApplication.translate("labels", "copied")
        case Treatment.LIGHTLY_EDITED:
            return QCoreApplication.translate("labels", "lightly edited")
        case Treatment.REWORDED:
            return QCoreApplication.translate("labels", "reworded")
        case Treatment.NEW:
            return QCoreApplication.translate("labels", "new")
        case Treatment.DROPPED:
            return QCoreApplication.translate("labels", "dropped")


def kind_name(kind: BlockKind) -> str:
    """What the alignment did with a block's paragraphs (the colour of its band)."""
    match kind:
        case BlockKind.EQUAL:
            return QCoreApplication.translate("labels", "unchanged")
        case BlockKind.REWRITE:
            return QCoreApplication.translate("labels", "edited or reworded")
        case BlockKind.MOVED:
            return QCoreApplication.translate("labels", "moved")
        case BlockKind.INSERTED:
            return QCoreApplication.translate("labels", "new")
        case BlockKind.DELETED:
            return QCoreApplication.translate("labels", "dropped")


def quote_status_name(status: QuoteStatus) -> str:
    match status:
        case QuoteStatus.VERBATIM:
            return QCoreApplication.translate("labels", "verbatim")
        case QuoteStatus.ALTERED:
            return QCoreApplication.translate("labels", "altered")
        case QuoteStatus.UNSOURCED:
            return QCoreApplication.translate("labels", "no source")


def fact_kind_name(kind: FactKind) -> str:
    match kind:
        case FactKind.NAME:
            return QCoreApplication.translate("labels", "name")
        case FactKind.NUMBER:
            return QCoreApplication.translate("labels", "number")


def format_name(document_format: DocumentFormat) -> str:
    match document_format:
        case DocumentFormat.TEXT:
            return QCoreApplication.translate("labels", "plain text")
        case DocumentFormat.MARKDOWN:
            return QCoreApplication.translate("labels", "Markdown")
        case DocumentFormat.HTML:
            return QCoreApplication.translate("labels", "HTML")
        case DocumentFormat.DOCX:
            return QCoreApplication.translate("labels", "Word document")
        case DocumentFormat.PDF:
            return QCoreApplication.translate("labels", "PDF")
        case DocumentFormat.ODT:
            return QCoreApplication.translate("labels", "OpenDocument text")
        case DocumentFormat.RTF:
            return QCoreApplication.translate("labels", "RTF")
        case DocumentFormat.EPUB:
            return QCoreApplication.translate("labels", "EPUB book")
        case DocumentFormat.CODE:
            return QCoreApplication.translate("labels", "source code")


def paragraph_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("labels", "1 paragraph")
    return QCoreApplication.translate("labels", "%1 paragraphs").replace("%1", f"{count:,}")


def block_count(count: int) -> str:
    """Code documents are read in blocks of lines, not paragraphs."""
    if count == 1:
        return QCoreApplication.translate("labels", "1 block")
    return QCoreApplication.translate("labels", "%1 blocks").replace("%1", f"{count:,}")


def words_line(comparison: Comparison) -> str:
    """The word counts, as the status bar, the Summary panel and every report give them."""
    tally = word_tally(comparison)
    moved = (
        QCoreApplication.translate("labels", " (%1 of them moved)").replace("%1", f"{tally.moved:,}")
        if tally.moved
        else ""
    )
    return (
        QCoreApplication.translate("labels", "Words: %1 kept%2, %3 changed, %4 added, %5 removed")
        .replace("%5", f"{tally.removed:,}")
        .replace("%4", f"{tally.added:,}")
        .replace("%3", f"{tally.changed:,}")
        .replace("%2", moved)
        .replace("%1", f"{tally.kept:,}")
    )


def paragraphs_line(comparison: Comparison) -> str:
    stats = comparison.stats
    return (
        QCoreApplication.translate("labels", "Paragraphs: %1 moved, %2 added, %3 removed")
        .replace("%3", f"{stats.paragraphs_deleted:,}")
        .replace("%2", f"{stats.paragraphs_inserted:,}")
        .replace("%1", f"{stats.paragraphs_moved:,}")
    )


def similarity_line(comparison: Comparison) -> str:
    return QCoreApplication.translate("labels", "Similarity %1%").replace("%1", f"{comparison.similarity * 100:.0f}")




__all__ = [
    "block_count",
    "fact_kind_name",
    "format_name",
    "kind_name",
    "paragraph_count",
    "paragraphs_line",
    "quote_status_name",
    "quoted",
    "similarity_line",
    "treatment_name",
    "words_line",
]
