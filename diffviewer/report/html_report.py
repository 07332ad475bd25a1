"""Comparison → one self-contained HTML file: summary, quotation findings and every block's changes.

Styles are inline, there is no script and nothing is fetched (a Content-Security-Policy forbids
it), and every piece of document text goes through html.escape, so a document containing
`<script>` or `</table>` can neither break nor script the report. It prints with page breaks
between blocks, never inside one.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from diffviewer import __version__
from diffviewer.core.model import Block, BlockKind, Change, ChangeOp, Comparison, QuoteStatus


class Layout(StrEnum):
    SIDE_BY_SIDE = "side-by-side"
    INLINE = "inline"


# Okabe–Ito colours, as in the window; a second cue (strike, underline) never depends on colour.
STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 75em;
  padding: 0 1em; color: #1e1e1e; background: #ffffff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; } h3 { font-size: 1em; margin: 0; }
.muted { color: #666666; }
table.blocks { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.blocks td { vertical-align: top; padding: .4em .6em; border-top: 1px solid #cccccc; width: 50%;
  white-space: pre-wrap; overflow-wrap: anywhere; }
tr.block, div.block { break-inside: avoid; page-break-inside: avoid; }
.kind { font-size: .8em; color: #666666; }
.kind-moved .kind { color: #a0457a; }
del { background-color: #f3cfb3; text-decoration: line-through; }
ins { background-color: #c6dcec; text-decoration: underline; }
del.rep, ins.rep { background-color: #f7dca6; }
.bar { display: flex; height: .8em; border: 1px solid #cccccc; margin: .3em 0 1em; max-width: 30em; }
.bar span { display: block; height: 100%; }
.quote-unsourced { border-left: 4px solid #d55e00; padding-left: .6em; }
.quote-altered { border-left: 4px solid #e69f00; padding-left: .6em; }
.inline div.block { border-top: 1px solid #cccccc; padding: .4em 0; white-space: pre-wrap; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #1e1e1e; } .muted, .kind { color: #aaaaaa; }
  table.blocks td, .inline div.block, .bar { border-color: #555555; }
  del { background-color: #6b3412; } ins { background-color: #1d4f6e; } del.rep, ins.rep { background-color: #6e5210; }
}
@media print {
  body { margin: 0; max-width: none; color: #000000; background: #ffffff; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _side(changes: Sequence[Change], keep: ChangeOp) -> str:
    """One side of a block as marked-up HTML: `keep` is DELETE (original side) or INSERT."""
    out = []
    for n, change in enumerate(changes):
        if change.op is ChangeOp.EQUAL:
            out.append(_e(change.text if keep is ChangeOp.DELETE else change.derivative_side))
        elif change.op is keep:
            paired = (
                n + 1 < len(changes) and changes[n + 1].op is ChangeOp.INSERT
                if keep is ChangeOp.DELETE
                else n > 0 and changes[n - 1].op is ChangeOp.DELETE
            )
            tag = "del" if keep is ChangeOp.DELETE else "ins"
            out.append(f"<{tag}{' class=rep' if paired else ''}>{_e(change.text)}</{tag}>")
    return "".join(out)


def _inline(changes: Sequence[Change]) -> str:
    out = []
    for n, change in enumerate(changes):
        if change.op is ChangeOp.EQUAL:
            out.append(_e(change.text))
        elif change.op is ChangeOp.DELETE:
            paired = n + 1 < len(changes) and changes[n + 1].op is ChangeOp.INSERT
            out.append(f"<del{' class=rep' if paired else ''}>{_e(change.text)}</del>")
        else:
            paired = n > 0 and changes[n - 1].op is ChangeOp.DELETE
            out.append(f"<ins{' class=rep' if paired else ''}>{_e(change.text)}</ins>")
    return "".join(out)


def _where(block: Block) -> str:
    original = ", ".join(str(i + 1) for i in block.original) or "—"
    derivative = ", ".join(str(j + 1) for j in block.derivative) or "—"
    similarity = "" if not (block.original and block.derivative) else f", similarity {block.similarity:.0%}"
    return f"{block.kind} · ¶{original} → ¶{derivative} · {block.treatment}{similarity}"


def _summary(c: Comparison) -> list[str]:
    s = c.stats
    shares = [(s.original_verbatim, "#8c8c8c"), (s.original_reworded, "#e69f00"), (s.original_dropped, "#d55e00")]
    bar = "".join(f'<span style="width:{share * 100:.2f}%;background:{colour}"></span>' for share, colour in shares)
    parts = [
        f"<p><b>Similarity {c.similarity:.0%}</b> of the original's words survive in the derivative.</p>",
        f"<p>Of the original: {s.original_verbatim:.0%} kept word for word, {s.original_reworded:.0%} reworded, "
        f"{s.original_dropped:.0%} dropped.</p>",
        f'<div class="bar" role="img" aria-label="shares of the original">{bar}</div>',
        f"<p>Of the derivative: {s.derivative_new:.0%} is new (no source). Words: {s.words_equal:,} kept, "
        f"{s.words_inserted:,} added, {s.words_deleted:,} removed. Paragraphs: {s.paragraphs_moved} moved, "
        f"{s.paragraphs_inserted} added, {s.paragraphs_deleted} removed.</p>",
    ]
    if s.longest_verbatim_words:
        parts.append(f"<p>Longest verbatim run: {s.longest_verbatim_words} words, “{_e(s.longest_verbatim_text)}”.</p>")
    if c.changed_facts:
        items = "".join(
            f"<li>{_e(f.original)} → <b>{_e(f.derivative)}</b> <span class=muted>({_e(str(f.kind))})</span></li>"
            for f in c.changed_facts
        )
        parts.append(f"<p>Changed names and numbers:</p><ul>{items}</ul>")
    return parts


def _quotes(c: Comparison) -> list[str]:
    flagged = [q for q in c.quotes if q.status is not QuoteStatus.VERBATIM]
    parts = [
        f"<h3>Quotations</h3><p>{len(c.quotes)} found: {len(c.quotes) - len(flagged)} verbatim, "
        f"{sum(1 for q in flagged if q.status is QuoteStatus.ALTERED)} altered, "
        f"{sum(1 for q in flagged if q.status is QuoteStatus.UNSOURCED)} unsourced.</p>"
    ]
    for quote in flagged:
        source = (
            "The original never says this."
            if quote.source_paragraph is None
            else f"Original ¶{quote.source_paragraph + 1}: “{_e(quote.source_text or '')}”"
        )
        parts.append(
            f'<div class="quote-{quote.status}"><p><b>{_e(str(quote.status))}</b> · derivative '
            f"¶{quote.paragraph + 1}: “{_e(quote.text)}”<br><span class=muted>{source}</span></p></div>"
        )
    return parts


def _blocks(c: Comparison, layout: Layout) -> list[str]:
    if layout is Layout.INLINE:
        rows = [
            f'<div class="block kind-{block.kind}"><div class=kind>{_e(_where(block))}</div>'
            f"{_inline(block.changes)}</div>"
            for block in c.blocks
        ]
        return ['<div class="inline">', *rows, "</div>"]
    rows = ['<table class="blocks"><thead><tr><th>Original</th><th>Derivative</th></tr></thead><tbody>']
    for block in c.blocks:
        left = _e("\n".join(c.original.paragraphs[i].text for i in block.original))
        right = _e("\n".join(c.derivative.paragraphs[j].text for j in block.derivative))
        if block.kind not in (BlockKind.INSERTED, BlockKind.DELETED, BlockKind.EQUAL):
            left, right = _side(block.changes, ChangeOp.DELETE), _side(block.changes, ChangeOp.INSERT)
        elif block.kind is BlockKind.DELETED:
            left = f"<del>{left}</del>"
        elif block.kind is BlockKind.INSERTED:
            right = f"<ins>{right}</ins>"
        rows.append(
            f'<tr class="block kind-{block.kind}"><td colspan=2 class=kind>{_e(_where(block))}</td></tr>'
            f'<tr class="block kind-{block.kind}"><td>{left}</td><td>{right}</td></tr>'
        )
    rows.append("</tbody></table>")
    return rows


def _document_name(path: str, title: str | None) -> str:
    name = _e(Path(path).name)
    return f"{name} — {_e(title)}" if title else name


def render(comparisons: Sequence[Comparison], layout: Layout = Layout.SIDE_BY_SIDE) -> str:
    if not comparisons:
        raise ValueError("nothing to report")
    original = comparisons[0].original
    body: list[str] = [
        f"<h1>How {_document_name(original.path, original.title)} was reworded</h1>",
        f"<p class=muted>Original: {_e(original.path)} · made by diffviewer {_e(__version__)}</p>",
    ]
    for comparison in comparisons:
        derivative = comparison.derivative
        body.append(f"<h2>Derivative: {_document_name(derivative.path, derivative.title)}</h2>")
        body.append(f"<p class=muted>{_e(derivative.path)}</p>")
        body.extend(_summary(comparison))
        body.extend(_quotes(comparison))
        body.extend(_blocks(comparison, layout))
    title = f"diffviewer: {Path(original.path).name}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
            *body,
            "</body></html>",
            "",
        ]
    )
