"""The typed result model shared by the engine, the reports and the GUI.

Offsets are code points; every value is immutable so results can cross threads freely.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class DocumentFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    ODT = "odt"
    RTF = "rtf"
    EPUB = "epub"
    CODE = "code"


class Role(StrEnum):
    BODY = "body"
    HEADING = "heading"
    QUOTE = "quote"
    LIST = "list"
    BOILERPLATE = "boilerplate"
    METADATA = "metadata"


class BlockKind(StrEnum):
    EQUAL = "equal"
    REWRITE = "rewrite"
    MOVED = "moved"
    INSERTED = "inserted"
    DELETED = "deleted"


class Side(StrEnum):
    """One of the two documents of a comparison."""

    ORIGINAL = "original"
    DERIVATIVE = "derivative"

    @property
    def other(self) -> Side:
        return Side.DERIVATIVE if self is Side.ORIGINAL else Side.ORIGINAL


class ChangeOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class Granularity(StrEnum):
    """The unit word diffs are made of inside a block."""

    WORD = "word"
    CHARACTER = "character"


class Treatment(StrEnum):
    """What the derivative did with a block's text, in a reader's words."""

    COPIED = "copied"  # identical after normalising case, punctuation and typography
    LIGHTLY_EDITED = "lightly edited"  # most words kept
    REWORDED = "reworded"  # a paraphrase: the same content in other words
    NEW = "new"  # derivative text with no source
    DROPPED = "dropped"  # original text the derivative left out


class FactKind(StrEnum):
    NAME = "name"
    NUMBER = "number"


class QuoteStatus(StrEnum):
    VERBATIM = "verbatim"
    ALTERED = "altered"
    UNSOURCED = "unsourced"


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    role: Role = Role.BODY
    # Where the paragraph starts in its file (1-based line), when the loader knows it: code
    # documents, whose blocks keep their lines but not the blank lines between them.
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: DocumentFormat
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    # For `code` documents: the Pygments lexer alias ("python", "json", "markdown"...) that
    # lexes its paragraphs into diff units and syntax colours.
    language: str | None = None

    @property
    def characters(self) -> int:
        """How much text it has (code points of its paragraphs): what a comparison's cost follows."""
        return sum(len(p.text) for p in self.paragraphs)

    def __reduce__(self) -> tuple[Callable[..., Document], tuple[object, ...]]:
        # Documents cross to helper processes by the thousand paragraphs: packed (packing.py).
        from diffviewer.core.packing import pack_paragraphs, unpack_document

        fields = (self.path, self.format, pack_paragraphs(self.paragraphs), self.title, self.language)
        return unpack_document, (type(self), *fields)


@dataclass(frozen=True, slots=True)
class Change:
    op: ChangeOp
    text: str
    # An EQUAL change whose sides differ only in what the options ignore (case, punctuation,
    # spacing) keeps the derivative's own text here, so both sides still rebuild exactly;
    # `text` is always the original's (empty when only the derivative has, say, a comma).
    derivative_text: str | None = None
    # A DELETE and an INSERT of one block sharing this id are one phrase the derivative kept but
    # put elsewhere (core/moved.py): the same words, casefolded, in two places. None otherwise.
    moved: int | None = None

    @property
    def original_side(self) -> str:
        return "" if self.op is ChangeOp.INSERT else self.text

    @property
    def derivative_side(self) -> str:
        if self.op is ChangeOp.DELETE:
            return ""
        if self.op is ChangeOp.EQUAL and self.derivative_text is not None:
            return self.derivative_text
        return self.text


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a block diffed on its own: a bead's sentences, or sentences one side alone has.

    Offsets are code points in the block's texts (its paragraphs joined by "\\n"); a block's
    pieces tile both texts in order.
    """

    original_start: int
    original_end: int
    derivative_start: int
    derivative_end: int


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    original: tuple[int, ...]
    derivative: tuple[int, ...]
    similarity: float
    changes: tuple[Change, ...]
    treatment: Treatment = Treatment.COPIED

    def __reduce__(self) -> tuple[Callable[..., Block], tuple[object, ...]]:
        # Blocks cross to other processes by the hundred thousand changes: packed (packing.py),
        # a book's in a tenth of the time pickling each change as an object takes.
        from diffviewer.core.packing import pack_changes, unpack_block

        fields = (self.kind, self.original, self.derivative, self.similarity, self.treatment)
        return unpack_block, (type(self), *fields, pack_changes(self.changes))


@dataclass(frozen=True, slots=True)
class FactChange:
    """A name or a number the derivative swapped for another: what readers care most about."""

    kind: FactKind
    original: str
    derivative: str
    block: int  # index into Comparison.blocks


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the derivative and what the original says there."""

    paragraph: int
    text: str  # the quoted words, without the quotation marks
    status: QuoteStatus
    source_paragraph: int | None = None
    source_text: str | None = None  # the corresponding words of the original (a quote or a passage)
    # Code-point offsets (end exclusive) of `text` in the derivative paragraph and of
    # `source_text` in the source paragraph, so a viewer can mark and jump to both.
    start: int = 0
    end: int = 0
    source_start: int | None = None
    source_end: int | None = None
    # For an altered quote: the word diff from source_text to text (which words differ).
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Stats:
    words_original: int = 0
    words_derivative: int = 0
    words_equal: int = 0
    words_inserted: int = 0
    words_deleted: int = 0
    paragraphs_moved: int = 0
    # Of the inserted and deleted words, how many replace one another (in delete→insert pairs).
    words_replaced: int = 0
    # Of the equal (kept) words, how many the derivative kept in a moved phrase, elsewhere in the
    # block: they count as kept, not as inserted and deleted.
    words_moved: int = 0
    paragraphs_inserted: int = 0
    paragraphs_deleted: int = 0
    # Shares of the original's words the derivative kept word for word, reworded, or dropped
    # (they add up to 1), and the share of the derivative's words that have no source at all.
    original_verbatim: float = 0.0
    original_reworded: float = 0.0
    original_dropped: float = 0.0
    derivative_new: float = 0.0
    longest_verbatim_words: int = 0
    longest_verbatim_text: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    original: Document
    derivative: Document
    similarity: float
    blocks: tuple[Block, ...]
    quotes: tuple[Quote, ...] = ()
    stats: Stats = field(default_factory=Stats)
    # Every (original, derivative) paragraph pair the aligner linked, including overlaps between
    # neighbouring blocks; the link map draws one band per link.
    links: tuple[tuple[int, int], ...] = ()
    changed_facts: tuple[FactChange, ...] = ()


DEFAULT_MAX_PARAGRAPHS = 200_000
DEFAULT_MAX_CHARACTERS = 50_000_000


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Everything that changes how two documents are compared; the CLI and GUI both build one."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_whitespace: bool = False
    # Typography (straight or curly quotes and apostrophes, dashes, "open sourced" or
    # "open-sourced", composed or decomposed accents) is no rewording: by default such tokens are
    # equal, each side keeping its own spelling. On, they show as changes.
    show_typography: bool = False
    granularity: Granularity = Granularity.WORD
    # Guardrails: inputs past these raise LimitExceeded instead of running away.
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS
    max_characters: int = DEFAULT_MAX_CHARACTERS
