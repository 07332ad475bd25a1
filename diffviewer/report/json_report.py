"""Comparison → the stable JSON contract (see DESIGN.md)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from diffviewer.core.collector import paused_collector
from diffviewer.core.model import Block, Change, ChangeOp, Comparison, Document, Quote

try:  # A whole book's report is millions of objects: orjson writes it some 20 times faster.
    import orjson
except ImportError:  # pragma: no cover - it is a dependency; the stdlib gives the same bytes
    orjson = None  # type: ignore[assignment]

FORMAT_NAME = "diffviewer-comparison"
FORMAT_VERSION = 1


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "format": str(doc.format),
        "title": doc.title,
        # An addition to the contract: the Pygments alias a code document is lexed in, else null.
        "language": doc.language,
        "paragraphs": [{"index": p.index, "text": p.text, "role": str(p.role)} for p in doc.paragraphs],
    }


def block_json(block: Block) -> dict[str, Any]:
    return {
        "kind": str(block.kind),
        "original": list(block.original),
        "derivative": list(block.derivative),
        "similarity": block.similarity,
        "treatment": str(block.treatment),
        "changes": _changes(block.changes),
    }


def quote_json(quote: Quote) -> dict[str, Any]:
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


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "derivative": document_json(comparison.derivative),
        "similarity": comparison.similarity,
        "blocks": [block_json(b) for b in comparison.blocks],
        "quotes": [quote_json(q) for q in comparison.quotes],
        "stats": dataclasses.asdict(comparison.stats),
        "links": [list(link) for link in comparison.links],
        "changed_facts": [
            {"kind": str(f.kind), "original": f.original, "derivative": f.derivative, "block": f.block}
            for f in comparison.changed_facts
        ],
    }


def render(comparisons: Sequence[Comparison]) -> str:
    return render_bytes(comparisons).decode("utf-8")


def render_bytes(comparisons: Sequence[Comparison]) -> bytes:
    """The report as UTF-8, as it is written to a file: a whole book's report is tens of
    megabytes, and as a str it would take twice that again (one wide character widens it all)."""
    if not comparisons:
        raise ValueError("nothing to report")
    with paused_collector():  # millions of small dicts, no cycles among them (see collector.py)
        return _render(comparisons)


def _render(comparisons: Sequence[Comparison]) -> bytes:
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "original": document_json(comparisons[0].original),
        "comparisons": [comparison_json(c) for c in comparisons],
    }
    return encoded(payload)


def encoded(payload: dict[str, Any]) -> bytes:
    """The payload as the contract's UTF-8: two-space indents, text unescaped, a final newline.

    orjson and the standard library write the same bytes for it: the same indents and escapes,
    and floats in shortest form, which differ only below 1e-4 or from 1e16 on (orjson writes no
    exponent, or another one), and the contract's floats are shares rounded to 4 decimals.
    orjson refuses what is not valid UTF-8 (a lone surrogate a lenient decoding left in a text)
    or an integer past 64 bits: the standard library writes those.
    """
    if orjson is not None:
        try:
            return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # orjson.JSONEncodeError
            pass
    # A lone surrogate (only ever inside a string) becomes its JSON escape, "\\udcff": the file
    # stays valid UTF-8 and reads back as the text was.
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


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
