"""One original against many derivatives, in parallel processes when that pays for itself."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from diffviewer.core.collector import paused_collector
from diffviewer.core.compare import compare
from diffviewer.core.model import CompareOptions, Comparison, Document

# Below this much text a comparison takes well under a second, less than starting worker
# processes and shipping the results back costs.
PARALLEL_MIN_CHARACTERS = 300_000


def _compare_pair(job: tuple[Document, Document, CompareOptions]) -> Comparison:
    original, derivative, options = job
    return compare(original, derivative, options, helped=False)  # the pool fills the cores


def compare_all(
    original: Document,
    derivatives: Sequence[Document],
    options: CompareOptions = CompareOptions(),
    workers: int | None = None,
) -> list[Comparison]:
    """compare(original, d) for every derivative, in order; processes run them side by side."""
    workers = min(len(derivatives), workers or os.cpu_count() or 1)
    text = original.characters * len(derivatives) + sum(d.characters for d in derivatives)
    if workers < 2 or text < PARALLEL_MIN_CHARACTERS:
        return [compare(original, d, options) for d in derivatives]
    # The results come back pickled: rebuilding a book's comparison is millions of objects, which
    # with the cycle collector walking them as they come took six times as long (collector.py).
    with paused_collector(), ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_compare_pair, [(original, d, options) for d in derivatives]))
