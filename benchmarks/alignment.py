"""Paragraph-link precision/recall/F1 on ../shared/corpus/dev and books, engine beside a baseline.

Run: python benchmarks/alignment.py [--baseline REF] [--only SUBSTRING] [--reordered] [CORPUS_ROOT]

One line per source: this checkout's engine, the engine as it was at git REF (default: the
last commit before the sentence-grain aligner, checked out in a temporary worktree and run in
its own process, so both are measured in the same run on the same machine), and difflib's
SequenceMatcher as a fixed yardstick. A link (i, j) is right when j is in gold[i]; the
engine's links are Comparison.links; scores are micro-averaged over the pairs of a source.
Seconds are the engine's compare() time summed over the source's pairs, and beside it (for the
engines) the time of its alignment alone, align(), the median of three runs.

--reordered measures each pair with its derivative's sections put in another order (a revised
edition that reorders its chapters): the derivative cut into sections (40 paragraphs in a book,
an eighth of a shorter text), nearly every one moved, and the gold links moved with them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_BASELINE = "ed40e76"  # the paragraph-grain aligner (stop 13)

Links = set[tuple[int, int]]


def _units(path: Path) -> list[str]:
    # Units are separated by one blank line (see ../shared/corpus/README.md).
    return [u.strip() for u in path.read_text(encoding="utf-8").split("\n\n") if u.strip()]


def _engine_links(a: list[str], b: list[str]) -> Links:
    from diffviewer.core.compare import compare
    from diffviewer.core.model import Document, DocumentFormat, Paragraph

    def doc(name: str, texts: list[str]) -> Document:
        return Document(name, DocumentFormat.TEXT, tuple(Paragraph(i, t) for i, t in enumerate(texts)))

    return set(compare(doc("a", a), doc("b", b)).links)


def _align_seconds(a: list[str], b: list[str]) -> float:
    from diffviewer.core import align as aligning

    # The engine keeps its last alignments (an option change re-aligns nothing): each run must
    # meet the texts unaligned. (A baseline engine may keep none.)
    forget = getattr(aligning, "forget_alignments", lambda: None)
    runs = []
    for _ in range(3):
        forget()
        start = time.perf_counter()
        aligning.align(a, b)
        runs.append(time.perf_counter() - start)
    return sorted(runs)[1]


def _difflib_links(a: list[str], b: list[str]) -> Links:
    """Baseline: difflib's SequenceMatcher over units, pairing replaced runs position by position."""
    links: Links = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                links.add((i1 + k, j1 + k))
    return links


def _pairs(source: Path) -> list[Path]:
    if (source / "gold.json").exists():
        return [source]
    return sorted(p for p in source.iterdir() if (p / "gold.json").exists())


def _sources(corpus: Path, only: str) -> list[Path]:
    found = [p for sub in ("dev", "books") if (corpus / sub).is_dir() for p in sorted((corpus / sub).iterdir())]
    return [p for p in found if p.is_dir() and only in p.name]


def _reordered(count: int) -> list[int]:
    """A deterministic new order of `count` paragraphs in sections: new place -> old place."""
    size = 40 if count > 2000 else max(3, count // 8)
    sections = [list(range(k, min(k + size, count))) for k in range(0, count, size)]
    step = next(s for s in range(7, 7 + len(sections) + 1) if math.gcd(s, len(sections)) == 1)
    return [j for k in range(len(sections)) for j in sections[(k * step) % len(sections)]]


def measure(
    source: Path, method: Callable[[list[str], list[str]], Links], engine: bool = False, reordered: bool = False
) -> dict[str, float]:
    tp = n_found = n_gold = 0
    seconds = aligning = 0.0
    for pair in _pairs(source):
        a, b = _units(pair / "original.txt"), _units(pair / "derivative.txt")
        gold = {(int(i), j) for i, js in json.loads((pair / "gold.json").read_text()).items() for j in js}
        if reordered:
            order = _reordered(len(b))
            place = {old: new for new, old in enumerate(order)}
            b, gold = [b[j] for j in order], {(i, place[j]) for i, j in gold}
        start = time.perf_counter()
        found = method(a, b)
        seconds += time.perf_counter() - start
        aligning += _align_seconds(a, b) if engine else 0.0
        tp, n_found, n_gold = tp + len(found & gold), n_found + len(found), n_gold + len(gold)
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "seconds": seconds, "align": aligning}


def _baseline(ref: str, sources: list[Path], reordered: bool) -> dict[str, dict[str, float]]:
    """Run this script's measuring half with the engine as it was at `ref`, in its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref], check=True, capture_output=True
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    *(["--reordered"] if reordered else []),
                    "--engine-only",
                    *map(str, sources),
                ],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp,
            ).stdout
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False, capture_output=True
            )
    return json.loads(out)


def _cell(result: dict[str, float]) -> str:
    seconds = f"{result['seconds']:.2f}/{result['align']:.2f}s"
    return f"P={result['p']:.3f} R={result['r']:.3f} F1={result['f1']:.3f} {seconds:>12s}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git ref of the baseline engine ('' for none)")
    parser.add_argument("--only", default="", help="only sources whose name contains this")
    parser.add_argument("--reordered", action="store_true", help="derivatives' sections put in another order")
    parser.add_argument("--engine-only", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    reordered = args.reordered
    if args.engine_only is not None:  # the baseline's half, run with the old engine on sys.path
        print(json.dumps({p.name: measure(p, _engine_links, True, reordered) for p in args.engine_only}))
        return 0
    sources = _sources(args.corpus.resolve(), args.only)
    old = _baseline(args.baseline, sources, reordered) if args.baseline else {}
    print(f"{'source':22s} {'diffviewer (this checkout)':46s} {'baseline ' + args.baseline:46s} difflib")
    print(f"{'':22s} {'(seconds: compare/align)':46s}")
    for source in sources:
        new = measure(source, _engine_links, True, reordered)
        yard = measure(source, _difflib_links, reordered=reordered)
        before = _cell(old[source.name]) if source.name in old else ""
        print(f"{source.name:22s} {_cell(new):46s} {before:46s} F1={yard['f1']:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    if "PYTHONPATH" not in os.environ:
        sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
