"""What the Derivatives panel shows of a scan, built off the GUI thread (Qt-free).

A row per compared candidate, in the scan's order (derivatives first, best first), each named by
its path inside the folder that was searched (a collection often holds the same file name in
many folders); the skipped files with their one-line reasons. The panel only words and paints it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from diffviewer.scan.model import Finding, IndexSummary, ScanResult


@dataclass(frozen=True, slots=True)
class ScanRow:
    path: Path
    name: str  # the path inside the searched folder ("Webster/ezekiel_009.txt")
    finding: Finding


@dataclass(frozen=True, slots=True)
class SkippedRow:
    path: Path
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class ScanView:
    original: Path
    folder: Path
    derivatives: tuple[ScanRow, ...]
    others: tuple[ScanRow, ...]  # compared, judged not to derive
    skipped: tuple[SkippedRow, ...]
    documents: int  # the documents of the folder read (the skipped files are not among them)
    seconds: float
    index: IndexSummary  # what the search read this time (new or changed files) and what it kept

    @classmethod
    def of(cls, result: ScanResult, folder: Path) -> ScanView:
        original = Path(result.original)
        rows = [ScanRow(Path(f.path), shown_name(Path(f.path), folder), f) for f in result.findings]
        skipped = tuple(SkippedRow(Path(s.path), shown_name(Path(s.path), folder), s.reason) for s in result.skipped)
        return cls(
            original=original,
            folder=folder,
            derivatives=tuple(r for r in rows if r.finding.derives),
            others=tuple(r for r in rows if not r.finding.derives),
            skipped=skipped,
            documents=result.index.documents,
            seconds=float(sum(result.seconds.values())),
            index=result.index,
        )

    @property
    def rows(self) -> tuple[ScanRow, ...]:
        return self.derivatives + self.others


def shown_name(path: Path, folder: Path) -> str:
    """`path` as the panel names it: inside `folder` relative to it, elsewhere whole."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(folder)).as_posix()
    except ValueError:
        return os.fspath(path)


__all__ = ["ScanRow", "ScanView", "SkippedRow", "shown_name"]
