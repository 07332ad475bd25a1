"""Shared pieces of benchmarks/scan.py: constants, small helpers (peak memory, precision/recall/F1,
tables, the queries), the TF-IDF baseline and the grep yardstick."""

from __future__ import annotations

import json
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "scan"
TRANSLATIONS = ("ACV", "Darby", "KJV", "Twenty", "Webster", "YLT")
EXCERPTS = "excerpts"
RANK_DEPTH = 1000  # how deep the candidate list is read to tell a relevant document's rank
SYNTH_FOLDER = 500  # synthetic documents per folder
SEED = 19

sys.path.insert(0, str(ROOT))


# Small helpers.


def _hwm_mb(pid: str) -> float | None:
    """A process's peak resident memory (VmHWM), in MB, or None where /proc does not tell."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def own_peak_mb() -> float:
    """This process's peak RSS. VmHWM, since ru_maxrss carries the parent's peak over a fork and exec."""
    found = _hwm_mb("self")
    return found if found is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workers_peak_mb() -> float:
    """The largest peak RSS of this process's living children (the runner's workers): call before closing it."""
    pids: set[str] = set()
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as children:
                pids.update(children.read().split())
    except OSError:
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max((m for m in (_hwm_mb(pid) for pid in pids) if m is not None), default=0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, f1(precision, recall)


def kind_of(path: str) -> str:
    return Path(path).parent.name


def short(path: str) -> str:
    p = Path(path)
    return f"{p.parent.name}/{p.stem}"


def table(header: Sequence[str], rows: Sequence[Sequence[object]], title: str | None = None) -> None:
    """Print rows under a header, each column as wide as its widest cell (numbers right-aligned)."""
    cells = [[str(c) for c in header]] + [[c if isinstance(c, str) else format_cell(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    numeric = [all(not isinstance(row[i], str) for row in rows) if rows else False for i in range(len(header))]
    if title:
        print(f"\n{title}")
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    sys.stdout.flush()


def format_cell(value: object) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:.3f}"
    return str(value)


def load_queries(corpus: Path) -> dict[str, list[str]]:
    """Query path -> relevant paths, all absolute (as the index stores them)."""
    data = json.loads((corpus / "queries.json").read_text(encoding="utf-8"))
    base = os.path.abspath(corpus)
    return {
        os.path.join(base, query): sorted(os.path.join(base, r) for r in relevant)
        for query, relevant in sorted(data["queries"].items())
    }


def pick_queries(queries: dict[str, list[str]], count: int | None) -> dict[str, list[str]]:
    """The first `count` queries, spread over the whole list (every k-th), deterministically."""
    names = list(queries)
    if count is None or count >= len(names):
        return queries
    step = len(names) / count
    return {names[int(i * step)]: queries[names[int(i * step)]] for i in range(count)}


def directory_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# The baseline: TF-IDF cosine over words.

_WORD = re.compile(r"\w+")


def tfidf_matrix(paths: Sequence[str]):  # -> scipy.sparse.csr_matrix
    """Rows: documents; sublinear tf (1 + log tf), smooth idf (log((1+n)/(1+df)) + 1), L2-normalised."""
    import numpy as np
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    indptr, indices, values = [0], [], []
    for path in paths:
        counts = Counter(_WORD.findall(Path(path).read_text(encoding="utf-8").lower()))
        for word, n in counts.items():
            indices.append(vocabulary.setdefault(word, len(vocabulary)))
            values.append(1.0 + math.log(n))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (np.asarray(values), np.asarray(indices), np.asarray(indptr)), shape=(len(paths), len(vocabulary))
    )
    df = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = np.log((1 + len(paths)) / (1 + df)) + 1.0
    matrix = matrix @ sp.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


@dataclass
class BaselineResult:
    recall_at: dict[int, float]
    threshold: float
    threshold_prf: tuple[float, float, float]
    top_k: int
    top_k_prf: tuple[float, float, float]
    seconds: float


def baseline(corpus: Path, queries: dict[str, list[str]]) -> BaselineResult:
    import numpy as np

    from diffviewer.scan.collection import collection_files

    started = time.perf_counter()
    paths = [stamp.path for stamp in collection_files([corpus / "docs"])]
    row = {path: n for n, path in enumerate(paths)}
    matrix = tfidf_matrix(paths)
    query_rows = [row[q] for q in queries]
    similarity = (matrix[query_rows] @ matrix.T).toarray()
    relevant = np.zeros_like(similarity, dtype=bool)
    for n, (query, gold) in enumerate(queries.items()):
        similarity[n, row[query]] = -np.inf  # the query itself is not a result
        for path in gold:
            relevant[n, row[path]] = True
    total_relevant = int(relevant.sum())
    order = np.argsort(-similarity, axis=1, kind="stable")
    ranked = np.take_along_axis(relevant, order, axis=1)
    recall_at = {k: float(ranked[:, :k].sum() / total_relevant) for k in (10, 20, 50)}
    # A top-k cut-off, the same k for every query: the best k chosen on the answers.
    best_k, best_k_prf = 1, (0.0, 0.0, 0.0)
    for k in range(1, 101):
        tp = int(ranked[:, :k].sum())
        p, r, f = prf(tp, k * len(queries) - tp, total_relevant - tp)
        if f > best_k_prf[2]:
            best_k, best_k_prf = k, (p, r, f)
    # A global threshold on the cosine: the best one chosen on the answers.
    flat = similarity.ravel()
    keep = np.isfinite(flat)
    scores, hits = flat[keep], relevant.ravel()[keep]
    by_score = np.argsort(-scores, kind="stable")
    scores, hits = scores[by_score], hits[by_score]
    tp = np.cumsum(hits)
    declared = np.arange(1, len(scores) + 1)
    # Only where the score changes is a threshold (ties go together).
    ends = np.append(scores[1:] != scores[:-1], True)
    f_all = 2 * tp[ends] / (declared[ends] + total_relevant)
    best = int(np.argmax(f_all))
    tp_best, declared_best = int(tp[ends][best]), int(declared[ends][best])
    threshold = float(scores[ends][best])
    threshold_prf = prf(tp_best, declared_best - tp_best, total_relevant - tp_best)
    return BaselineResult(recall_at, threshold, threshold_prf, best_k, best_k_prf, time.perf_counter() - started)


# The yardstick: grep, timed in the same run.


def grep_pass_seconds(folders: Sequence[Path]) -> float:
    """grep reading every file of the collection once (counting a common word)."""
    started = time.perf_counter()
    subprocess.run(["grep", "-r", "-c", "-i", "-w", "-F", "lord", *map(str, folders)], capture_output=True, check=False)
    return time.perf_counter() - started


def grep_query_seconds(query: str, folders: Sequence[Path]) -> float:
    """grep looking for any of a query's verses, word for word, in the whole collection."""
    from diffviewer.formats import load

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as patterns:
        for p in load(query).paragraphs:
            patterns.write(p.text.replace("\n", " ") + "\n")
    try:
        started = time.perf_counter()
        subprocess.run(
            ["grep", "-r", "-l", "-F", "-f", patterns.name, *map(str, folders)], capture_output=True, check=False
        )
        return time.perf_counter() - started
    finally:
        os.unlink(patterns.name)
