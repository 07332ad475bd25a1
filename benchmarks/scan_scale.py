"""Section 5 of benchmarks/scan.py: deterministic synthetic collections, the child processes that build
and query their indexes (run as `scan.py --child-build/--child-query`), and the scale curve."""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scan_support import (
    EXCERPTS,
    SEED,
    SYNTH_FOLDER,
    TRANSLATIONS,
    directory_bytes,
    grep_pass_seconds,
    kind_of,
    own_peak_mb,
    pick_queries,
    short,
    table,
    workers_peak_mb,
)

SCAN = Path(__file__).with_name("scan.py")  # the entry point the children are started as


# Scale: synthetic collections.


def _verses(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def make_synthetic(corpus: Path, queries: dict[str, list[str]], count: int, target: Path) -> list[Path]:
    """`count` documents cut, shuffled and re-paragraphed from the corpus's chapters, written under
    `target` in folders of SYNTH_FOLDER; deterministic (the same count and corpus give the same files,
    and a smaller count gives a prefix of a larger one's)."""
    rng = random.Random(SEED)
    query_names = {Path(q).name for q in queries}
    chapters = [
        _verses(path)
        for t in TRANSLATIONS
        for path in sorted((corpus / "docs" / t).glob("*.txt"))
        if path.name not in query_names
    ]
    chapters = [c for c in chapters if len(c) >= 3]
    files: list[Path] = []
    for n in range(count):
        pieces = []
        for chapter in rng.sample(chapters, rng.randint(2, 4)):
            size = min(len(chapter), rng.randint(3, 30))
            start = rng.randint(0, len(chapter) - size)
            pieces.append(chapter[start : start + size])
        rng.shuffle(pieces)
        verses = [v for piece in pieces for v in piece]
        paragraphs, k = [], 0
        while k < len(verses):
            take = rng.randint(1, 3)
            paragraphs.append(" ".join(verses[k : k + take]))
            k += take
        folder = target / f"s{n // SYNTH_FOLDER:04d}"
        if n % SYNTH_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"d{n:06d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        files.append(path)
    return files


def synthetic_collection(corpus: Path, synth: Path, extra: int) -> list[str]:
    """The collection's paths: the corpus, then whole synthetic folders, then the rest file by file."""
    paths = [str(corpus / "docs")]
    whole, rest = divmod(extra, SYNTH_FOLDER)
    paths += [str(synth / f"s{n:04d}") for n in range(whole)]
    paths += [str(synth / f"s{whole:04d}" / f"d{whole * SYNTH_FOLDER + k:06d}.txt") for k in range(rest)]
    return paths


def _child_build(args: argparse.Namespace) -> None:
    """In a fresh process: build a fresh index of the collection; print time, counts and peak RSS."""
    from diffviewer.scan.index import INDEX_FILE, ScanIndex
    from diffviewer.scan.runner import LocalRunner
    from diffviewer.scan.search import update_index

    collection = [Path(p) for p in json.loads(Path(args.child_build).read_text())]
    runner = LocalRunner(args.workers)
    try:
        with ScanIndex(Path(args.index, INDEX_FILE)) as index:
            started = time.perf_counter()
            summary = update_index(index, collection, runner)
            seconds = time.perf_counter() - started
        children = workers_peak_mb()
    finally:
        runner.close()
    own = own_peak_mb()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "documents": summary.documents,
                "paragraphs": summary.paragraphs,
                "peak_self_mb": own,
                "peak_children_mb": children,
            }
        )
    )


def _child_query(args: argparse.Namespace) -> None:
    """In a fresh process: time search() on some queries, and the candidate recall@K of all; print them."""
    from diffviewer.formats import load
    from diffviewer.scan.candidates import find_candidates
    from diffviewer.scan.index import INDEX_FILE, ScanIndex
    from diffviewer.scan.runner import LocalRunner
    from diffviewer.scan.search import ScanOptions, search
    from diffviewer.scan.terms import paragraph_terms

    queries: dict[str, list[str]] = json.loads(Path(args.child_query).read_text())
    timed = set(pick_queries(queries, args.scale_queries))  # spread over the list, as --queries picks
    options = ScanOptions(candidates=args.candidates)
    runner = LocalRunner(args.workers)
    search_times, candidate_times = [], []
    found = total = 0
    by_kind: dict[str, list[int]] = {}
    missed: list[list[str]] = []
    try:
        with ScanIndex(Path(args.index, INDEX_FILE)) as index:
            for query, gold in queries.items():
                document = load(query)
                terms = [paragraph_terms(p.text) for p in document.paragraphs]
                started = time.perf_counter()
                top = {c.path for c in find_candidates(index, terms, args.candidates, exclude=query)}
                candidate_times.append(time.perf_counter() - started)
                found += sum(1 for g in gold if g in top)
                total += len(gold)
                for g in gold:
                    kind = "excerpts" if kind_of(g) == EXCERPTS else "translations"
                    by_kind.setdefault(kind, [0, 0])[1] += 1
                    if g in top:
                        by_kind[kind][0] += 1
                    else:
                        missed.append([query, g])
                if query in timed:
                    started = time.perf_counter()
                    search(document, index, runner, options, exclude=query)
                    search_times.append(time.perf_counter() - started)
        children = workers_peak_mb()
    finally:
        runner.close()
    own = own_peak_mb()
    print(
        json.dumps(
            {
                "search": search_times,
                "candidates": candidate_times,
                "found": found,
                "total": total,
                "by_kind": by_kind,
                "missed": missed,
                "peak_self_mb": own,
                "peak_children_mb": children,
            }
        )
    )


def _run_child(flag: str, payload: Path, index: Path, args: argparse.Namespace) -> dict:
    command = [
        sys.executable,
        str(SCAN),
        flag,
        str(payload),
        "--index",
        str(index),
        "--workers",
        str(args.workers),
        "--candidates",
        str(args.candidates),
        "--scale-queries",
        str(args.scale_queries),
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"{flag} child failed ({out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_scale(corpus: Path, queries: dict[str, list[str]], sizes: list[int], args: argparse.Namespace) -> list[dict]:
    base = sum(1 for _ in (corpus / "docs").rglob("*.txt"))
    extra_max = max(0, max(sizes) - base)
    results = []
    parent = Path(args.tmp) if args.tmp else None
    with tempfile.TemporaryDirectory(prefix="scan-scale-", dir=parent) as tmp:
        synth = Path(tmp, "synthetic")
        started = time.perf_counter()
        make_synthetic(corpus, queries, extra_max, synth)
        print(
            f"\n(made {extra_max:,} synthetic documents, {directory_bytes(synth) / 2**20:.0f} MB,"
            f" in {time.perf_counter() - started:.0f}s; queries' chapters left out of the material)",
            flush=True,
        )
        header = (
            "documents",
            "paragraphs",
            "build s",
            "docs/s",
            "build peak",
            "workers' peak",
            "index MB",
            "query mean s",
            "query max s",
            "cand. mean s",
            "query peak",
            "workers' peak",
            f"cand. recall@{args.candidates}",
            "translations",
            "excerpts",
            "grep pass s",
        )
        print(
            f"\n== 5. Scale: fresh processes per size; search() timed on {args.scale_queries} queries,"
            f" candidate recall@{args.candidates} on all {len(queries)} =="
        )
        rows = []
        for size in sorted(sizes):
            extra = max(0, size - base)
            collection = synthetic_collection(corpus, synth, extra)
            index = Path(tmp, f"index-{size}")
            index.mkdir()
            payload = Path(tmp, f"collection-{size}.json")
            payload.write_text(json.dumps(collection))
            print(f"  building the index of {base + extra:,} documents...", file=sys.stderr, flush=True)
            built = _run_child("--child-build", payload, index, args)
            size_mb = directory_bytes(index) / 2**20
            query_file = Path(tmp, "queries.json")
            query_file.write_text(json.dumps(queries))
            print(f"  querying {base + extra:,} documents...", file=sys.stderr, flush=True)
            asked = _run_child("--child-query", query_file, index, args)
            grep = grep_pass_seconds([Path(p) for p in collection if os.path.isdir(p)])
            row = {
                "documents": built["documents"],
                "paragraphs": built["paragraphs"],
                "build_seconds": built["seconds"],
                "build_peak_mb": built["peak_self_mb"],
                "build_workers_peak_mb": built["peak_children_mb"],
                "index_mb": size_mb,
                "query_mean": statistics.fmean(asked["search"]) if asked["search"] else float("nan"),
                "query_max": max(asked["search"], default=float("nan")),
                "candidates_mean": statistics.fmean(asked["candidates"]),
                "query_peak_mb": asked["peak_self_mb"],
                "query_workers_peak_mb": asked["peak_children_mb"],
                "candidate_recall": asked["found"] / asked["total"] if asked["total"] else float("nan"),
                "candidate_recall_by_kind": {k: f / n for k, (f, n) in asked["by_kind"].items()},
                "missed": asked["missed"],
                "grep_seconds": grep,
            }
            results.append(row)
            rows.append(
                (
                    row["documents"],
                    row["paragraphs"],
                    row["build_seconds"],
                    row["documents"] / row["build_seconds"],
                    f"{row['build_peak_mb']:.0f}MB",
                    f"{row['build_workers_peak_mb']:.0f}MB",
                    f"{size_mb:.0f}",
                    row["query_mean"],
                    row["query_max"],
                    row["candidates_mean"],
                    f"{row['query_peak_mb']:.0f}MB",
                    f"{row['query_workers_peak_mb']:.0f}MB",
                    row["candidate_recall"],
                    row["candidate_recall_by_kind"].get("translations", float("nan")),
                    row["candidate_recall_by_kind"].get("excerpts", float("nan")),
                    grep,
                )
            )
            shutil.rmtree(index)
        table(header, rows)
        print("(peak: VmHWM of the benchmark's child process; workers' peak: the largest of its worker processes)")
        largest = results[-1]
        if largest["missed"]:
            table(
                ("query", f"relevant document not in the top {args.candidates}"),
                [(short(q), short(g)) for q, g in largest["missed"][:20]],
                f"Misses of the candidate stage at {largest['documents']:,} documents"
                f" ({len(largest['missed'])}; up to 20 shown)",
            )
    return results
