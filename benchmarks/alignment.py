"""Paragraph-link precision/recall/F1 on ../shared/corpus/dev, beside a difflib baseline.

Run: python benchmarks/alignment.py [CORPUS_DIR]. One line per source, plus a total per source.
A link (i, j) is right when j is in gold[i]; the engine's links are Comparison.links.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from diffviewer.core.compare import compare
from diffviewer.core.model import Document, DocumentFormat, Paragraph
from diffviewer.core.segment import split_paragraphs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

Links = set[tuple[int, int]]


def _doc(path: Path) -> Document:
    texts = split_paragraphs(path.read_text(encoding="utf-8"))
    return Document(str(path), DocumentFormat.TEXT, tuple(Paragraph(i, t) for i, t in enumerate(texts)))


def engine_links(a: Document, b: Document) -> Links:
    return set(compare(a, b).links)


def difflib_links(a: Document, b: Document) -> Links:
    """Baseline: difflib's SequenceMatcher over paragraphs, pairing replaced runs position by position."""
    a_texts = [p.text for p in a.paragraphs]
    b_texts = [p.text for p in b.paragraphs]
    links: Links = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_texts, b_texts, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                links.add((i1 + k, j1 + k))
    return links


def score(found: Links, gold: Links) -> tuple[int, int, int]:
    return len(found & gold), len(found), len(gold)


def f1(tp: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    methods: dict[str, Callable[[Document, Document], Links]] = {"diffviewer": engine_links, "difflib": difflib_links}
    for source in sorted(p for p in corpus.iterdir() if p.is_dir()):
        totals = {name: [0, 0, 0] for name in methods}
        for pair in sorted(p for p in source.iterdir() if p.is_dir()):
            a, b = _doc(pair / "original.txt"), _doc(pair / "derivative.txt")
            gold_map = json.loads((pair / "gold.json").read_text())
            gold = {(int(i), j) for i, js in gold_map.items() for j in js}
            for name, method in methods.items():
                for k, v in enumerate(score(method(a, b), gold)):
                    totals[name][k] += v
        parts = []
        for name, (tp, n_found, n_gold) in totals.items():
            p, r, f = f1(tp, n_found, n_gold)
            parts.append(f"{name}: P={p:.3f} R={r:.3f} F1={f:.3f}")
        print(f"{source.name:16s} " + " | ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
