"""A scan: bring the collection's index up to date, find the candidates, let the engine decide.

    index = update(collection)            # only new, changed and removed files are touched
    candidates = find_candidates(index, original)   # at most `candidates`, cheap
    findings = decide(judge(original, c) for c in candidates)   # the engine's alignment

Reading files and comparing run through a Runner (this process, a process pool, or Dask), in
chunks, so the collection streams through memory and the index is written batch by batch (each
batch a transaction: a scan stopped half way leaves an index the next run completes).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diffviewer.core.model import Document
from diffviewer.formats import load
from diffviewer.scan.attribution import attribute
from diffviewer.scan.candidates import find_candidates, term_weights
from diffviewer.scan.collection import collection_files, read_files
from diffviewer.scan.decide import decide
from diffviewer.scan.index import INDEX_FILE, IndexUnusable, ScanIndex, iter_batches
from diffviewer.scan.judge import JudgeTask, judge_many
from diffviewer.scan.model import (
    DEFAULT_CANDIDATES,
    Finding,
    IndexSummary,
    Phase,
    Progress,
    ScanCancelled,
    ScanOptions,
    ScanResult,
    SkippedFile,
)
from diffviewer.scan.runner import LocalRunner, Runner, chunks
from diffviewer.scan.terms import paragraph_terms

READ_CHUNK = 64  # files per task: enough to outweigh a task's overhead, few enough to stream


def index_file(directory: Path) -> Path:
    return directory / INDEX_FILE


def update_index(
    index: ScanIndex,
    collection: Sequence[Path],
    runner: Runner,
    on_progress: Callable[[Progress], None] = lambda progress: None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> IndexSummary:
    """Make the index hold exactly the collection's documents, reading only what changed.

    An empty `collection` means the one the index was last brought up to date from."""
    on_progress(Progress(Phase.FINDING, 0, 0))
    roots = [os.path.abspath(p) for p in collection] if collection else index.roots()
    if not roots:
        raise IndexUnusable(
            f"{index.location or 'the index'}: holds no collection yet; name the files or folders to scan"
        )
    plan = index.plan(collection_files([Path(root) for root in roots]))
    if plan.to_forget:
        index.forget(plan.to_forget)
    total = len(plan.to_read)
    done = 0
    on_progress(Progress(Phase.READING, 0, total))
    read = (item for chunk in runner.map(read_files, chunks(plan.to_read, READ_CHUNK)) for item in chunk)
    for batch in iter_batches(read):
        if should_cancel():
            raise ScanCancelled
        index.add(batch)
        done += len(batch)
        on_progress(Progress(Phase.READING, done, total))
    index.set_roots(roots)  # once the index holds them: a cancelled update keeps the roots it had
    return IndexSummary(
        documents=index.document_count(),
        paragraphs=index.paragraph_count(),
        added=total,
        removed=len(plan.to_forget),
        unchanged=plan.unchanged,
        location=os.fspath(index.location) if index.location else None,
    )


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    findings: tuple[Finding, ...]
    compared: int  # candidates given to the engine
    failed: tuple[SkippedFile, ...]  # candidates the engine could not compare, and why


def _is_original(path: str, original: str | None) -> bool:
    """The original itself, reached by another name (a symbolic or hard link, a `./`)."""
    if original is None:
        return False
    try:
        return os.path.samefile(path, original)
    except OSError:
        return False


def search(
    original: Document,
    index: ScanIndex,
    runner: Runner,
    options: ScanOptions = ScanOptions(),
    exclude: str | None = None,
    on_progress: Callable[[Progress], None] = lambda progress: None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> SearchOutcome:
    """The findings for one original against an index that is up to date (`exclude`: the
    original's own path, when it may be in the collection)."""
    on_progress(Progress(Phase.SEARCHING, 0, 1))
    query = [paragraph_terms(p.text) for p in original.paragraphs]
    candidates = [
        c
        for c in find_candidates(index, query, options.candidates + 1, exclude=exclude)
        if not _is_original(c.path, exclude)
    ][: options.candidates]
    terms: set[str] = set().union(*query) if query else set()
    # Each candidate's terms, read once: they weigh its paragraphs and attribute it.
    counts = {c.path: index.own_counts(c.document) for c in candidates}
    weights = term_weights(index, terms | index.texts_of(t for own in counts.values() for t in own))
    tasks = [JudgeTask(c.path, c.score) for c in candidates]
    judged = []
    on_progress(Progress(Phase.COMPARING, 0, len(tasks)))
    # In worker processes two chunks per worker: each task carries the original and the
    # weights, so fewer, larger tasks ship them fewer times, while two per worker still even out
    # their lengths. In this process one candidate a chunk: a cancel is looked for after each.
    parallel = runner.parallelism
    size = 1 if parallel == 1 else max(1, -(-len(tasks) // (2 * parallel)))
    for chunk in runner.map(judge_many, chunks(tasks, size), original, weights, options.compare):
        if should_cancel():
            raise ScanCancelled
        judged.extend(chunk)
        on_progress(Progress(Phase.COMPARING, len(judged), len(tasks)))
    failed = tuple(SkippedFile(j.path, j.error) for j in judged if j.error is not None)
    findings = decide(judged, attribute(index, query, counts))
    return SearchOutcome(tuple(findings), len(tasks), failed)


def scan(
    original: Path,
    collection: Sequence[Path],
    index_directory: Path | None = None,
    options: ScanOptions = ScanOptions(),
    runner: Runner | None = None,
    on_progress: Callable[[Progress], None] = lambda progress: None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> ScanResult:
    """Scan `collection` (files and folders; none: the index's own) for documents derived from `original`.

    Raises LoadError when the original cannot be read, IndexUnusable when the index file is not
    one of ours, ScanCancelled when should_cancel() turns true.
    """
    started = time.perf_counter()
    document = load(original)
    own_runner = runner is None
    runner = runner or LocalRunner()
    location = None
    if index_directory is not None:
        location = index_file(index_directory)
        try:
            index_directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexUnusable(
                f"{index_directory}: cannot make the index folder ({error.strerror or error})"
            ) from error
    try:
        with ScanIndex(location) as index:
            summary = update_index(index, collection, runner, on_progress, should_cancel)
            indexed = time.perf_counter()
            outcome = search(document, index, runner, options, os.path.abspath(original), on_progress, should_cancel)
            skipped = tuple(SkippedFile(s.path, s.reason) for s in index.skipped()) + outcome.failed
    except sqlite3.DatabaseError as error:  # a full disk, a folder made read-only, a lock held too long
        raise IndexUnusable(f"{location or 'the index'}: cannot read or write the index ({error})") from error
    finally:
        if own_runner:
            runner.close()
    finished = time.perf_counter()
    return ScanResult(
        original=os.fspath(original),
        findings=outcome.findings,
        skipped=skipped,
        index=summary,
        candidates_compared=outcome.compared,
        seconds={"index": indexed - started, "search": finished - indexed},
    )


__all__ = [
    "DEFAULT_CANDIDATES",
    "Phase",
    "Progress",
    "ScanCancelled",
    "ScanOptions",
    "SearchOutcome",
    "scan",
    "search",
    "update_index",
]
