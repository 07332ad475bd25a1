"""Comparison → the stable JSON contract (see DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Generic, TypeVar

from diffviewer.core.collector import paused_collector
from diffviewer.core.model import Block, Change, ChangeOp, Comparison, Document, Paragraph, Quote

try:  # A whole book's report is millions of objects: orjson writes it some 20 times faster.
    import orjson
except ImportError:  # pragma: no cover - it is a dependency; the stdlib gives the same bytes
    orjson = None  # type: ignore[assignment]

FORMAT_NAME = "diffviewer-comparison"
FORMAT_VERSION = 1
_Item = TypeVar("_Item")


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "format": str(doc.format),
        "title": doc.title,
        # An addition to the contract: the Pygments alias a code document is lexed in, else null.
        "language": doc.language,
        "paragraphs": _Lazy(doc.paragraphs, _paragraph_json),
    }


def _paragraph_json(paragraph: Paragraph) -> dict[str, Any]:
    return {"index": paragraph.index, "text": paragraph.text, "role": str(paragraph.role)}


def _block_json(block: Block) -> dict[str, Any]:
    return {
        "kind": str(block.kind),
        "original": list(block.original),
        "derivative": list(block.derivative),
        "similarity": block.similarity,
        "treatment": str(block.treatment),
        "changes": _changes(block.changes),
    }


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "paragraph": quote.paragraph,
        "text": quote.text,
        "status": str(quote.status),
        "source_paragraph": quote.source_paragraph,
        "source_text": quote.source_text,
        # Additions to the contract: where the quote and its source sit (code points, end exclusive)
        # and, for an altered quote, which words differ.
        "span": [quote.start, quote.end],
        "source_span": None if quote.source_start is None else [quote.source_start, quote.source_end],
        "changes": _changes(quote.changes),
    }


def _comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "derivative": _document_json(comparison.derivative),
        "similarity": comparison.similarity,
        "blocks": _Lazy(comparison.blocks, _block_json),
        "quotes": _Lazy(comparison.quotes, _quote_json),
        "stats": asdict(comparison.stats),
        "links": _Lazy(comparison.links, list),
        "changed_facts": [
            {"kind": str(f.kind), "original": f.original, "derivative": f.derivative, "block": f.block}
            for f in comparison.changed_facts
        ],
    }


def render(comparisons: Sequence[Comparison]) -> str:
    return render_bytes(comparisons).decode("utf-8")


def render_bytes(comparisons: Sequence[Comparison]) -> bytes:
    """The report as UTF-8, as it is written to a file (as a str a book's report would take twice
    that again: one wide character widens it all)."""
    return b"".join(chunks(comparisons))


def chunks(comparisons: Sequence[Comparison]) -> Iterator[bytes]:
    """The report as UTF-8, in pieces of a few hundred paragraphs, blocks or quotations each, for
    writing as they come: a whole book's report is tens of megabytes, and its objects, made all
    at once, took 80 MB more than the comparison itself. The pieces join into the same bytes as
    the whole payload encoded at once (see encoded)."""
    if not comparisons:
        raise ValueError("nothing to report")
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "original": _document_json(comparisons[0].original),
        "comparisons": _Lazy(comparisons, _comparison_json),
    }
    yield from _pieces(payload, 0)
    yield b"\n"


def encoded(payload: dict[str, Any]) -> bytes:
    """The payload as the contract's UTF-8: two-space indents, text unescaped, a final newline."""
    return _encoded(payload) + b"\n"


def _encoded(value: object) -> bytes:
    """A value as the contract writes it at the outermost level (no final newline).

    orjson and the standard library write the same bytes for it: the same indents and escapes,
    and floats in shortest form, which differ only below 1e-4 or from 1e16 on (orjson writes no
    exponent, or another one), and the contract's floats are shares rounded to 4 decimals.
    orjson refuses what is not valid UTF-8 (a lone surrogate a lenient decoding left in a text)
    or an integer past 64 bits: the standard library writes those.
    """
    if orjson is not None:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2)
        except TypeError:  # orjson.JSONEncodeError
            pass
    # A lone surrogate (only ever inside a string) becomes its JSON escape, "\\udcff": the file
    # stays valid UTF-8 and reads back as the text was.
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8", "backslashreplace")


# A long list's items are made and encoded this many at a time.
ITEMS_AT_ONCE = 256
_INDENT = b"  "


@dataclass(frozen=True, slots=True)
class _Lazy(Generic[_Item]):
    """A long list of the payload: its items' JSON objects are made only as they are written."""

    items: Sequence[_Item]
    made: Callable[[_Item], Any]


def _pieces(value: object, depth: int) -> Iterator[bytes]:
    """`value` encoded as it stands at this depth of the payload, in pieces.

    JSON text never holds a raw line break (strings escape theirs), so a value encoded on its own
    is moved to a depth by indenting every line after its first: the bytes are those of the
    whole payload encoded at once.
    """
    if isinstance(value, _Lazy):
        yield from _list_pieces(value, depth)
    elif isinstance(value, dict) and value and _holds_lazy(value):
        inner = _INDENT * (depth + 1)
        yield b"{\n"
        for k, (key, item) in enumerate(value.items()):
            yield inner + _encoded(key) + b": "
            yield from _pieces(item, depth + 1)
            yield b",\n" if k < len(value) - 1 else b"\n"
        yield _INDENT * depth + b"}"
    else:
        yield _at_depth(_encoded(value), depth)


def _list_pieces(lazy: _Lazy[Any], depth: int) -> Iterator[bytes]:
    """A long list at this depth: its items made and encoded ITEMS_AT_ONCE at a time (one by
    one, where they hold long lists of their own)."""
    if not lazy.items:
        yield b"[]"
        return
    inner = _INDENT * (depth + 1)
    yield b"[\n"
    for start in range(0, len(lazy.items), ITEMS_AT_ONCE):
        if start:
            yield b",\n"
        with paused_collector():  # thousands of small dicts, no cycles among them (see collector.py)
            made = [lazy.made(item) for item in lazy.items[start : start + ITEMS_AT_ONCE]]
            whole = not any(_holds_lazy(item) for item in made if isinstance(item, dict))
            # The batch as one list, less its brackets and first indent: its items, one level in.
            batch = _encoded(made)[4:-2] if whole else b""
        if whole:
            yield inner + _at_depth(batch, depth)
            continue
        for k, item in enumerate(made):
            yield (b",\n" if k else b"") + inner
            yield from _pieces(item, depth + 1)
    yield b"\n" + _INDENT * depth + b"]"


def _holds_lazy(value: dict[str, Any]) -> bool:
    """Whether a long list lies somewhere inside (the object is then written key by key)."""
    return any(isinstance(v, _Lazy) or (isinstance(v, dict) and _holds_lazy(v)) for v in value.values())


def _at_depth(data: bytes, depth: int) -> bytes:
    """Encoded JSON moved in to this depth: every line after its first indented that much more."""
    return data.replace(b"\n", b"\n" + _INDENT * depth) if depth else data


def _changes(changes: Sequence[Change]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for change in changes:
        if change.op is ChangeOp.EQUAL and change.derivative_text is not None:
            # A run kept with each side's own spelling (typography, or what the options ignore):
            # the contract rebuilds each side from "text" alone, so the two spellings are written
            # as a delete and an insert, both marked "kept" (counted as kept in `stats`).
            if change.text:
                out.append({"op": "delete", "text": change.text, "kept": True})
            if change.derivative_text:
                out.append({"op": "insert", "text": change.derivative_text, "kept": True})
        else:
            out.append(_change(change))
    return out


def _change(change: Change) -> dict[str, object]:
    out: dict[str, object] = {"op": str(change.op), "text": change.text}
    if change.moved is not None:
        # An addition to the contract: a delete and an insert with the same id are one phrase the
        # derivative kept but moved (the op stays delete or insert). Ids are unique in the
        # comparison; the two ends are in one block, or in two when a sentence moved into a
        # paragraph aligned elsewhere.
        out["moved"] = change.moved
    return out
