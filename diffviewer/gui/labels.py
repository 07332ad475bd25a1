"""Every name a reader sees for the engine's kinds and counts, in one vocabulary, translatable.

The words follow the summary the reports print (core/tally.py): words are kept, changed, added
or removed; a paragraph is copied, lightly edited, reworded, new or dropped, and may have moved.
Each string is a literal inside QCoreApplication.translate (or, for counts, self.tr with the count),
so pyside6-lupdate finds it.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from diffviewer.core.model import BlockKind, Comparison, DocumentFormat, FactKind, QuoteStatus, Treatment
from diffviewer.core.tally import word_tally
from diffviewer.report.vocabulary import quoted
from diffviewer.scan.model import Derivation


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


def derivation_name(derivation: Derivation | None) -> str:
    """What a document found by a scan did with the original (None: it does not derive)."""
    match derivation:
        case Derivation.COPY:
            return QCoreApplication.translate("labels", "copy")
        case Derivation.LIGHT_EDIT:
            return QCoreApplication.translate("labels", "light edit")
        case Derivation.REWRITE:
            return QCoreApplication.translate("labels", "rewrite")
        case Derivation.EXCERPT:
            return QCoreApplication.translate("labels", "excerpt")
        case None:
            return QCoreApplication.translate("labels", "does not derive")


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


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """`template` with %1, %2... replaced by `values` in one pass (as QString.arg does): a value
    that itself holds "%1", a file name say, is never replaced again."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0), template
    )


def number(value: int) -> str:
    """A count as the user's locale writes it: 1,234 in English, 1.234 in German."""
    return QLocale().toString(value)


def percent(share: float) -> str:
    return QLocale().toString(round(share * 100))


class Counts(QObject):
    """Counts in words, through Qt's plural forms: "1 paragraph", "2 paragraphs", in German
    "1 Absatz", "2 Absätze", and every form of a language with more. %Ln writes the number as
    the user's locale does (1,234). English takes its forms from a translation too (translations.py).

    A QObject because pyside6-lupdate marks a string as plural only in `self.tr(text, "", n)`:
    QCoreApplication.translate() with a count in a variable is read as no plural at all.
    """

    def paragraphs(self, count: int) -> str:
        return self.tr("%Ln paragraphs", "", count)

    def blocks(self, count: int) -> str:
        """Code documents are read in blocks of lines, not paragraphs."""
        return self.tr("%Ln blocks", "", count)

    def changes(self, count: int) -> str:
        return self.tr("%Ln changes", "", count)

    def derivatives_of(self, count: int, name: str) -> str:
        """A scan's finding: "12 derivatives of report.txt"."""
        return fill(self.tr("%Ln derivatives of %1", "", count), name)

    def among_documents(self, count: int) -> str:
        return self.tr("among %Ln documents", "", count)

    def files_skipped(self, count: int) -> str:
        return self.tr("%Ln files skipped", "", count)

    def compared_not_derived(self, count: int) -> str:
        return self.tr("Show the %Ln other documents compared", "", count)


@cache
def _counts() -> Counts:
    return Counts()  # one, kept: tr() needs an object, not a new one per label


def paragraph_count(count: int) -> str:
    return _counts().paragraphs(count)


def block_count(count: int) -> str:
    return _counts().blocks(count)


def change_count(count: int) -> str:
    return _counts().changes(count)


def counts() -> Counts:
    """The counts' one object, for the counts no one else says (a scan's findings...)."""
    return _counts()


def words_line(comparison: Comparison) -> str:
    """The word counts, as the status bar, the Summary panel and every report give them."""
    tally = word_tally(comparison)
    moved = (
        fill(QCoreApplication.translate("labels", " (%1 of them moved)"), number(tally.moved)) if tally.moved else ""
    )
    return fill(
        QCoreApplication.translate("labels", "Words: %1 kept%2, %3 changed, %4 added, %5 removed"),
        number(tally.kept),
        moved,
        number(tally.changed),
        number(tally.added),
        number(tally.removed),
    )


def paragraphs_line(comparison: Comparison) -> str:
    stats = comparison.stats
    return fill(
        QCoreApplication.translate("labels", "Paragraphs: %1 moved, %2 added, %3 removed"),
        number(stats.paragraphs_moved),
        number(stats.paragraphs_inserted),
        number(stats.paragraphs_deleted),
    )


def similarity_line(comparison: Comparison) -> str:
    return fill(QCoreApplication.translate("labels", "Similarity %1%"), percent(comparison.similarity))


__all__ = [
    "Counts",
    "block_count",
    "change_count",
    "counts",
    "derivation_name",
    "fill",
    "number",
    "percent",
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
