"""ScanResult → the scan's reports: a stable JSON contract, plain text, and a self-contained HTML page.

The JSON (`"format": "diffviewer-scan"`, version 1) lists the derivatives found, best first, then
the candidates the engine compared and judged not to derive, then the files that could not be
read; shares are fractions rounded to 4 decimals. README.md ("Finding derivatives") documents
every field. Document paths are printed as given; in HTML they are escaped like all text.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from typing import Any

from diffviewer.report.json_report import encoded
from diffviewer.scan.model import Derivation, Finding, ScanResult

FORMAT_NAME = "diffviewer-scan"
FORMAT_VERSION = 1

# What each kind is called in the text and HTML reports (the JSON carries the enum's value).
DERIVATION = {
    Derivation.COPY: "copy",
    Derivation.LIGHT_EDIT: "light edit",
    Derivation.REWRITE: "rewrite",
    Derivation.EXCERPT: "excerpt or quotation",
}


def listed(result: ScanResult, min_share: float = 0.0, top: int | None = None) -> list[Finding]:
    """The derivatives a report lists: those holding at least `min_share` of the original, at most `top`."""
    found = [f for f in result.derivatives if f.share_of_original >= min_share]
    return found if top is None else found[:top]


def _share(value: float) -> float:
    return round(value, 4)


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "kind": None if finding.derivation is None else str(finding.derivation),
        "share_of_original": _share(finding.share_of_original),
        "share_from_original": _share(finding.share_from_original),
        "original_verbatim": _share(finding.original_verbatim),
        "original_reworded": _share(finding.original_reworded),
        "derivative_verbatim": _share(finding.derivative_verbatim),
        "paragraphs_linked": finding.paragraphs_linked,
        "evidence": round(finding.evidence, 2),
        "candidate_score": _share(finding.candidate_score),
        "closer_to": finding.closer_to,
        "quotes": {
            "verbatim": finding.quotes.verbatim,
            "altered": finding.quotes.altered,
            "unsourced": finding.quotes.unsourced,
        },
    }


def scan_json(result: ScanResult, min_share: float = 0.0, top: int | None = None) -> bytes:
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "original": result.original,
        "collection": {
            "documents": result.index.documents,
            "paragraphs": result.index.paragraphs,
            "read": result.index.added,
            "unchanged": result.index.unchanged,
            "removed": result.index.removed,
            "index": result.index.location,
        },
        "candidates_compared": result.candidates_compared,
        "derivatives_found": len(result.derivatives),
        "derivatives": [_finding_json(f) for f in listed(result, min_share, top)],
        "not_derived": [_finding_json(f) for f in result.findings if not f.derives],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
    }
    return encoded(payload)


def _percent(value: float) -> str:
    return f"{value:.0%}"


def _quotes(finding: Finding) -> str:
    q = finding.quotes
    parts = [
        f"{n} {label}"
        for n, label in ((q.verbatim, "verbatim"), (q.altered, "altered"), (q.unsourced, "unsourced"))
        if n
    ]
    return ", ".join(parts) if parts else "none"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def printable(path: str) -> str:
    """A name as a terminal can show it: a line break or a byte that is not text escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def _headline(result: ScanResult, shown: Sequence[Finding]) -> str:
    found = len(result.derivatives)
    name = printable(os.path.basename(result.original))
    documents = _plural(result.index.documents, "document", "documents")
    line = f"{_plural(found, 'derivative', 'derivatives')} of {name} among {documents}"
    notes = []
    if len(shown) < found:
        notes.append(f"{len(shown):,} listed")
    if result.skipped:
        notes.append(f"{_plural(len(result.skipped), 'file', 'files')} could not be read")
    return line + (f" ({'; '.join(notes)})" if notes else "")


def scan_text(result: ScanResult, min_share: float = 0.0, top: int | None = None, colour: bool = False) -> str:
    shown = listed(result, min_share, top)
    bold, plain = ("\033[1m", "\033[0m") if colour else ("", "")
    lines = [f"{bold}{_headline(result, shown)}{plain}", ""]
    for rank, f in enumerate(shown, 1):
        kind = DERIVATION[f.derivation] if f.derivation else ""
        lines.append(f"{rank:>3}. {printable(f.path)}")
        lines.append(
            f"     {kind}: holds {_percent(f.share_of_original)} of the original; "
            f"{_percent(f.share_from_original)} of it comes from the original; word for word: "
            f"{_percent(f.original_verbatim)} of the original's words, {_percent(f.derivative_verbatim)} of its own; "
            f"quotations: {_quotes(f)}"
        )
    if not shown:
        lines.append("No document derives from the original." if not result.derivatives else "None listed.")
    rejected = [f for f in result.findings if not f.derives]
    elsewhere = sum(1 for f in rejected if f.closer_to)
    resemble = "only resembles" if len(rejected) == 1 else "only resemble"
    lines.append("")
    lines.append(
        f"{_plural(result.candidates_compared, 'candidate', 'candidates')} compared; {len(rejected):,} {resemble} "
        "the original (JSON lists them under not_derived)."
    )
    if elsewhere:
        lines.append(
            f"{elsewhere:,} of them share text with the original but derive from another document of the "
            "collection (closer_to in JSON)."
        )
    for s in result.skipped:
        lines.append(f"skipped {printable(s.path)}: {s.reason}")
    return "\n".join(lines) + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.no td { color: #777; }
.bar { display: inline-block; height: .7em; background: #3b7dd8; }
details { margin-top: 1.5em; }
"""


def _row(f: Finding, rank: int | None) -> str:
    if f.derivation:
        kind = DERIVATION[f.derivation]
    else:
        kind = f"closer to {os.path.basename(f.closer_to)}" if f.closer_to else "resembles only"
    bar = f'<span class="bar" style="width:{f.share_of_original * 6:.2f}em"></span>'
    cells = [
        "" if rank is None else str(rank),
        _e(f.path),
        _e(kind),
        f"{_percent(f.share_of_original)} {bar}",
        _percent(f.share_from_original),
        _percent(f.original_verbatim),
        _e(_quotes(f)),
    ]
    numeric = {0, 3, 4, 5}
    tds = "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(cells))
    return f"<tr{'' if rank is not None else ' class=no'}>{tds}</tr>"


def scan_html(result: ScanResult, min_share: float = 0.0, top: int | None = None) -> str:
    shown = listed(result, min_share, top)
    head = (
        "<tr><th>#</th><th>Document</th><th>What it is</th><th>Holds of the original</th>"
        "<th>Comes from the original</th><th>Words kept</th><th>Quotations</th></tr>"
    )
    rows = [_row(f, rank) for rank, f in enumerate(shown, 1)]
    rejected = [_row(f, None) for f in result.findings if not f.derives]
    skipped = "".join(f"<li>{_e(s.path)}: {_e(s.reason)}</li>" for s in result.skipped)
    title = f"Derivatives of {os.path.basename(result.original)}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(_headline(result, shown))}. Original: {_e(result.original)}</p>",
        f"<table>{head}{''.join(rows)}</table>" if rows else "<p>No document derives from the original.</p>",
    ]
    if rejected:
        parts.append(
            f"<details><summary>{len(rejected)} compared, only resembling the original</summary>"
            f"<table>{head}{''.join(rejected)}</table></details>"
        )
    if skipped:
        parts.append(
            f"<details><summary>{len(result.skipped)} files could not be read</summary><ul>{skipped}</ul></details>"
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "listed", "scan_html", "scan_json", "scan_text"]
