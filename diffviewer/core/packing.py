"""A block's changes, and a document's paragraphs, packed for another process: a few flat values
instead of thousands of objects.

Pickling a whole book's changes one object at a time took 1.4 s and rebuilding them 2 s; as one
string of their texts and arrays of lengths it takes a tenth of that. Blocks pickle this way
(model.Block.__reduce__), wherever they go: a comparison's helper process, the window's
comparisons run beside one another, a scan's workers. So do documents (model.Document.__reduce__):
a book's two, pickled a paragraph at a time, held the interpreter for up to an eighth of a second
in the window's job that sent them, and the window's thread waited it out.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from diffviewer.core.model import (
    Block,
    BlockKind,
    Change,
    ChangeOp,
    Document,
    DocumentFormat,
    Paragraph,
    Role,
    Treatment,
)

_OPS = (ChangeOp.EQUAL, ChangeOp.INSERT, ChangeOp.DELETE)
_CODES = {op: code for code, op in enumerate(_OPS)}
_NONE = -1  # no derivative text, or no moved id


@dataclass(frozen=True, slots=True)
class PackedChanges:
    ops: bytes  # each change's op, as its index in _OPS
    texts: str  # each change's text, then its derivative text if it has one, end to end
    lengths: array[int]  # of each text
    derivative_lengths: array[int]  # of each derivative text, or _NONE
    moved: array[int]  # each change's moved id, or _NONE


def pack_changes(changes: Sequence[Change]) -> PackedChanges:
    texts: list[str] = []
    derivative_lengths = array("q")
    for change in changes:
        texts.append(change.text)
        if change.derivative_text is None:
            derivative_lengths.append(_NONE)
        else:
            texts.append(change.derivative_text)
            derivative_lengths.append(len(change.derivative_text))
    return PackedChanges(
        bytes(_CODES[c.op] for c in changes),
        "".join(texts),
        array("q", [len(c.text) for c in changes]),
        derivative_lengths,
        array("q", [_NONE if c.moved is None else c.moved for c in changes]),
    )


def unpack_changes(packed: PackedChanges) -> tuple[Change, ...]:
    texts, ops = packed.texts, [_OPS[code] for code in packed.ops]
    if max(packed.derivative_lengths, default=_NONE) == _NONE:
        # The usual block: each change's text alone, end to end.
        ends = list(accumulate(packed.lengths))
        pieces = [texts[start:end] for start, end in zip([0, *ends][:-1], ends, strict=True)]
        return tuple(
            Change(op, text, None, None if moved == _NONE else moved)
            for op, text, moved in zip(ops, pieces, packed.moved, strict=True)
        )
    out: list[Change] = []
    at = 0
    for op, length, derivative_length, moved in zip(
        ops, packed.lengths, packed.derivative_lengths, packed.moved, strict=True
    ):
        text = texts[at : at + length]
        at += length
        derivative_text = None
        if derivative_length != _NONE:
            derivative_text = texts[at : at + derivative_length]
            at += derivative_length
        out.append(Change(op, text, derivative_text, None if moved == _NONE else moved))
    return tuple(out)


def unpack_block(
    cls: type[Block],
    kind: BlockKind,
    original: tuple[int, ...],
    derivative: tuple[int, ...],
    similarity: float,
    treatment: Treatment,
    changes: PackedChanges,
) -> Block:
    """A block as Block.__reduce__ packed it."""
    return cls(kind, original, derivative, similarity, unpack_changes(changes), treatment)


_ROLES = tuple(Role)
_ROLE_CODES = {role: code for code, role in enumerate(_ROLES)}


@dataclass(frozen=True, slots=True)
class PackedParagraphs:
    texts: str  # the paragraphs' texts end to end
    lengths: array[int]  # of each text
    indexes: array[int]
    roles: bytes  # each paragraph's role, as its index in _ROLES
    lines: array[int]  # where each starts in its file, or _NONE


def pack_paragraphs(paragraphs: Sequence[Paragraph]) -> PackedParagraphs:
    return PackedParagraphs(
        "".join([p.text for p in paragraphs]),
        array("q", [len(p.text) for p in paragraphs]),
        array("q", [p.index for p in paragraphs]),
        bytes([_ROLE_CODES[p.role] for p in paragraphs]),
        array("q", [_NONE if p.line is None else p.line for p in paragraphs]),
    )


def unpack_paragraphs(packed: PackedParagraphs) -> tuple[Paragraph, ...]:
    ends = list(accumulate(packed.lengths))
    texts = packed.texts
    return tuple(
        Paragraph(index, texts[start:end], _ROLES[role], None if line == _NONE else line)
        for index, start, end, role, line in zip(
            packed.indexes, [0, *ends][:-1], ends, packed.roles, packed.lines, strict=True
        )
    )


def unpack_document(
    cls: type[Document],
    path: str,
    format: DocumentFormat,
    paragraphs: PackedParagraphs,
    title: str | None,
    language: str | None,
) -> Document:
    """A document as Document.__reduce__ packed it."""
    return cls(path, format, unpack_paragraphs(paragraphs), title, language)


__all__ = [
    "PackedChanges",
    "PackedParagraphs",
    "pack_changes",
    "pack_paragraphs",
    "unpack_block",
    "unpack_changes",
    "unpack_document",
    "unpack_paragraphs",
]
