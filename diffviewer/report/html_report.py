"""Comparison → one self-contained HTML file: summary, quotation findings and every block's changes.

Styles are inline, there is no script and nothing is fetched (a Content-Security-Policy forbids
it), and every piece of document text goes through html.escape, so a document containing
`<script>` or `</table>` can neither break nor script the report. It prints with page breaks
between blocks, never inside one.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from enum import StrEnum
from functools import cache
from pathlib import Path

from diffviewer import __version__
from diffviewer.core.drafting import checks_prose
from diffviewer.core.model import Block, Change, ChangeOp, Comparison, Document, DocumentFormat, QuoteStatus
from diffviewer.core.moved import is_replacement
from diffviewer.core.syntax import STYLE_FOR_THEME, ClassSpan, SyntaxTheme, class_spans
from diffviewer.core.tally import word_tally
from diffviewer.report.text_report import QUOTES_NOT_CHECKED, file_lines
from diffviewer.report.vocabulary import FACT_KIND, KIND, QUOTE_STATUS, TREATMENT, quoted


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
del.mv, ins.mv { background-color: #b9e4d8; text-decoration: none; }
.mv a { color: inherit; text-decoration: none; }
.mv::after { content: attr(data-move); font-size: .7em; vertical-align: super; color: #00795a; }
.bar { display: flex; height: .8em; border: 1px solid #cccccc; margin: .3em 0 1em; max-width: 30em; }
.bar span { display: block; height: 100%; }
.quote-unsourced { border-left: 4px solid #d55e00; padding-left: .6em; }
.quote-altered { border-left: 4px solid #e69f00; padding-left: .6em; }
.inline div.block { border-top: 1px solid #cccccc; padding: .4em 0; white-space: pre-wrap; }
.inline del.mv { color: #666666; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #1e1e1e; } .muted, .kind { color: #aaaaaa; }
  table.blocks td, .inline div.block, .bar { border-color: #555555; }
  del { background-color: #6b3412; } ins { background-color: #1d4f6e; } del.rep, ins.rep { background-color: #6e5210; }
  del.mv, ins.mv { background-color: #105844; } .mv::after { color: #5fd0ae; } .inline del.mv { color: #aaaaaa; }
}
@media print {
  body { margin: 0; max-width: none; color: #000000; background: #ffffff; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"

# Code: monospace with its lines and indentation, coloured as in the window (Pygments' own short
# classes, the light style and, for dark systems, the dark one). Inside a change the text takes
# the normal text colour, so the diff highlight always wins and stays readable.
CODE_STYLE = """
.code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  font-size: .9em; white-space: pre-wrap; tab-size: 4; }
{light}
.code del span[class], .code ins span[class] { color: inherit; }
"""
CODE_DARK_STYLE = """
@media (prefers-color-scheme: dark) {
  .code span[class] { color: inherit; font-weight: inherit; font-style: inherit; }
{dark}
}
"""
_TOKEN_RULE = re.compile(r"^\.code \.(?!hll\b)[\w-]+ \{[^}]*\}", re.MULTILINE)
_UNPAINTED = re.compile(r"\s*(?:border|background|background-color):[^;}]*;?")


def _token_rules(theme: SyntaxTheme) -> str:
    # Token colours only: the report keeps its own background, line-height and margins.
    # `.code span.k` rather than `.code .k`: the rules reach syntax spans only, and the dark
    # reset (`.code span[class]`, as specific) overrides every light rule before it. Borders and
    # backgrounds go: the window paints colours and weights only, and a token background would
    # hide the diff highlight around it.
    from pygments.formatters import HtmlFormatter

    defs = HtmlFormatter(style=STYLE_FOR_THEME[theme]).get_style_defs(".code")
    rules = (_UNPAINTED.sub("", m.group().replace(".code .", ".code span.", 1)) for m in _TOKEN_RULE.finditer(defs))
    return "\n".join(rule for rule in rules if not rule.endswith("{}"))


@cache
def stylesheet(code: bool) -> str:
    """The report's stylesheet, with the code rules when it shows code.

    The light code rules go before the first @media block: Qt's rich text (the PDF export)
    stops reading a stylesheet at `@media (prefers-color-scheme: ...)`.
    """
    if not code:
        return STYLE
    base, media = STYLE.split("@media", 1)
    light = CODE_STYLE.replace("{light}", _token_rules(SyntaxTheme.LIGHT))
    dark = CODE_DARK_STYLE.replace("{dark}", _token_rules(SyntaxTheme.DARK))
    return f"{base}{light}@media{media}{dark}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class _Painter:
    """One side of a block, painted piece by piece in reading order: syntax spans cut at the
    pieces' edges, so a change that cuts through a token (or a token through a change) nests."""

    def __init__(self, spans: Sequence[ClassSpan]) -> None:
        self.spans = spans
        self.ends = [span.end for span in spans]
        self.position = 0

    def paint(self, text: str) -> str:
        start, end = self.position, self.position + len(text)
        self.position = end
        if not self.spans:
            return _e(text)
        out: list[str] = []
        at = start
        index = bisect_right(self.ends, start)  # the first span that ends after `start`
        while index < len(self.spans) and self.spans[index].start < end:
            span = self.spans[index]
            index += 1
            if span.start > at:
                out.append(_e(text[at - start : span.start - start]))
            cut_from, cut_to = max(span.start, at), min(span.end, end)
            out.append(f'<span class="{_e(span.css_class)}">{_e(text[cut_from - start : cut_to - start])}</span>')
            at = cut_to
        out.append(_e(text[at - start :]))
        return "".join(out)


def _spans(doc: Document, indices: Sequence[int]) -> list[ClassSpan]:
    """Syntax spans over a block's side of a code document (its paragraphs joined by newlines).

    Each paragraph is lexed on its own, as the window colours it.
    """
    if doc.format is not DocumentFormat.CODE:
        return []
    spans: list[ClassSpan] = []
    offset = 0
    for i in indices:
        text = doc.paragraphs[i].text
        spans.extend(ClassSpan(s.start + offset, s.end + offset, s.css_class) for s in class_spans(text, doc.language))
        offset += len(text) + 1
    return spans


def _mark(tag: str, paired: bool, inner: str) -> str:
    return f"<{tag}{' class=rep' if paired else ''}>{inner}</{tag}>"


# Where a moved phrase was and where it went: the same tint at both ends, each linking to the other.
_MOVED_TITLE = {ChangeOp.DELETE: "moved: also in the derivative", ChangeOp.INSERT: "moved from the original"}
_MOVED_END = {ChangeOp.DELETE: ("del", "o", "d"), ChangeOp.INSERT: ("ins", "d", "o")}


def _changed(change: Change, changes: Sequence[Change], n: int, inner: str, anchor: str) -> str:
    """A removed or added run as HTML; `anchor` prefixes the ids of the comparison's moved phrases."""
    if change.moved is None:
        return _mark("del" if change.op is ChangeOp.DELETE else "ins", is_replacement(changes, n), inner)
    tag, here, there = _MOVED_END[change.op]
    move = f"{anchor}{change.moved}"
    return (
        f'<{tag} class=mv id="{move}{here}" data-move="{change.moved}" title="{_MOVED_TITLE[change.op]}">'
        f'<a href="#{move}{there}">{inner}</a></{tag}>'
    )


def _side(changes: Sequence[Change], keep: ChangeOp, painter: _Painter, anchor: str) -> str:
    """One side of a block as marked-up HTML: `keep` is DELETE (original side) or INSERT."""
    out = []
    for n, change in enumerate(changes):
        if change.op is ChangeOp.EQUAL:
            out.append(painter.paint(change.text if keep is ChangeOp.DELETE else change.derivative_side))
        elif change.op is keep:
            out.append(_changed(change, changes, n, painter.paint(change.text), anchor))
    return "".join(out)


def _inline(changes: Sequence[Change], original: _Painter, derivative: _Painter, anchor: str) -> str:
    out = []
    for n, change in enumerate(changes):
        if change.op is ChangeOp.EQUAL:
            out.append(original.paint(change.text))
            derivative.position += len(change.derivative_side)
        else:
            painter = original if change.op is ChangeOp.DELETE else derivative
            out.append(_changed(change, changes, n, painter.paint(change.text), anchor))
    return "".join(out)


def _where(c: Comparison, block: Block) -> str:
    original = file_lines(c.original, block.original) or "¶" + (", ".join(str(i + 1) for i in block.original) or "—")
    derivative = file_lines(c.derivative, block.derivative) or "¶" + (
        ", ".join(str(j + 1) for j in block.derivative) or "—"
    )
    similarity = "" if not (block.original and block.derivative) else f", similarity {block.similarity:.0%}"
    return f"{KIND[block.kind]} · {original} → {derivative} · {TREATMENT[block.treatment]}{similarity}"


def _summary(c: Comparison) -> list[str]:
    s, tally = c.stats, word_tally(c)
    shares = [(s.original_verbatim, "#8c8c8c"), (s.original_reworded, "#e69f00"), (s.original_dropped, "#d55e00")]
    bar = "".join(f'<span style="width:{share * 100:.2f}%;background:{colour}"></span>' for share, colour in shares)
    parts = [
        f"<p><b>Similarity {c.similarity:.0%}</b> of the original's words survive in the derivative.</p>",
        f"<p>Of the original: {s.original_verbatim:.0%} kept word for word, {s.original_reworded:.0%} reworded, "
        f"{s.original_dropped:.0%} dropped.</p>",
        f'<div class="bar" role="img" aria-label="shares of the original">{bar}</div>',
        f"<p>Of the derivative: {s.derivative_new:.0%} is new (no source). Words: {tally.kept:,} kept"
        f"{f' ({tally.moved:,} of them moved)' if tally.moved else ''}, {tally.changed:,} changed, "
        f"{tally.added:,} added, {tally.removed:,} removed. Paragraphs: {s.paragraphs_moved} moved, "
        f"{s.paragraphs_inserted} added, {s.paragraphs_deleted} removed.</p>",
    ]
    if s.longest_verbatim_words:
        run = _e(quoted(s.longest_verbatim_text))
        parts.append(f"<p>Longest verbatim run: {s.longest_verbatim_words} words, {run}.</p>")
    if c.changed_facts:
        items = "".join(
            f"<li>{_e(f.original)} → <b>{_e(f.derivative)}</b> <span class=muted>({FACT_KIND[f.kind]})</span></li>"
            for f in c.changed_facts
        )
        parts.append(f"<p>Changed names and numbers:</p><ul>{items}</ul>")
    return parts


def _quotes(c: Comparison) -> list[str]:
    if not checks_prose(c.original, c.derivative):
        return [f"<h3>Quotations</h3><p>{_e(QUOTES_NOT_CHECKED)}</p>"]
    flagged = [q for q in c.quotes if q.status is not QuoteStatus.VERBATIM]
    parts = [
        f"<h3>Quotations</h3><p>{len(c.quotes)} found: {len(c.quotes) - len(flagged)} verbatim, "
        f"{sum(1 for q in flagged if q.status is QuoteStatus.ALTERED)} altered, "
        f"{sum(1 for q in flagged if q.status is QuoteStatus.UNSOURCED)} with no source.</p>"
    ]
    for quote in flagged:
        source = (
            "The original never says this."
            if quote.source_paragraph is None
            else f"Original ¶{quote.source_paragraph + 1}: {_e(quoted(quote.source_text or ''))}"
        )
        parts.append(
            f'<div class="quote-{quote.status}"><p><b>{QUOTE_STATUS[quote.status]}</b> · derivative '
            f"¶{quote.paragraph + 1}: {_e(quoted(quote.text))}<br><span class=muted>{source}</span></p></div>"
        )
    return parts


def _is_code(doc: Document) -> bool:
    return doc.format is DocumentFormat.CODE


def _blocks(c: Comparison, layout: Layout, number: int = 0) -> list[str]:
    # Every kind of block is drawn from its changes: they rebuild both sides exactly (an equal
    # block is one equal run, a deleted one a single delete...), so one path paints them all.
    def painters(block: Block) -> tuple[_Painter, _Painter]:
        return _Painter(_spans(c.original, block.original)), _Painter(_spans(c.derivative, block.derivative))

    if layout is Layout.INLINE:
        code = " code" if _is_code(c.original) or _is_code(c.derivative) else ""
        rows = [
            f'<div class="block kind-{block.kind}{code}"><div class=kind>{_e(_where(c, block))}</div>'
            f"{_inline(block.changes, *painters(block), _anchor(number))}</div>"
            for block in c.blocks
        ]
        return ['<div class="inline">', *rows, "</div>"]
    left_class = " class=code" if _is_code(c.original) else ""
    right_class = " class=code" if _is_code(c.derivative) else ""
    rows = ['<table class="blocks"><thead><tr><th>Original</th><th>Derivative</th></tr></thead><tbody>']
    anchor = _anchor(number)
    for block in c.blocks:
        original, derivative = painters(block)
        left = _side(block.changes, ChangeOp.DELETE, original, anchor)
        right = _side(block.changes, ChangeOp.INSERT, derivative, anchor)
        rows.append(
            f'<tr class="block kind-{block.kind}"><td colspan=2 class=kind>{_e(_where(c, block))}</td></tr>'
            f'<tr class="block kind-{block.kind}"><td{left_class}>{left}</td><td{right_class}>{right}</td></tr>'
        )
    rows.append("</tbody></table>")
    return rows


def _anchor(comparison: int) -> str:
    """The start of the ids of one comparison's moved phrases (their ids are unique in it, and
    its two ends may lie in two blocks): unique in the whole report."""
    return f"c{comparison}m"


def _document_name(path: str, title: str | None) -> str:
    """A document as a heading names it: by its title, quoted, or else by its file's name (the
    path is given once, on the line below)."""
    return f"“{_e(title)}”" if title else _e(Path(path).name)


def render(comparisons: Sequence[Comparison], layout: Layout = Layout.SIDE_BY_SIDE) -> str:
    if not comparisons:
        raise ValueError("nothing to report")
    original = comparisons[0].original
    body: list[str] = [
        f"<h1>How {_document_name(original.path, original.title)} was reworded</h1>",
        f"<p class=muted>Original: {_e(original.path)} · made by diffviewer {_e(__version__)}</p>",
    ]
    for number, comparison in enumerate(comparisons):
        derivative = comparison.derivative
        body.append(f"<h2>Derivative: {_document_name(derivative.path, derivative.title)}</h2>")
        body.append(f"<p class=muted>{_e(derivative.path)}</p>")
        body.extend(_summary(comparison))
        body.extend(_quotes(comparison))
        body.extend(_blocks(comparison, layout, number))
    title = f"How {original.title or Path(original.path).name} was reworded — diffviewer"
    style = stylesheet(any(_is_code(doc) for c in comparisons for doc in (c.original, c.derivative)))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title><style>{style}</style></head><body>",
            *body,
            "</body></html>",
            "",
        ]
    )
