"""An index of a collection that lasts: which paragraphs hold which terms, on disk, updated in place.

One SQLite file (the standard library's; a transaction is atomic and survives a killed process),
laid out like a search engine's segments: each batch of new documents adds, for every term it
holds, one row with the (sorted) ids of the paragraphs that hold it. Adding documents writes
new rows only; a changed or removed document is dropped from `documents` and its paragraphs
are filtered out of the older rows until a compaction rewrites them. Every batch is one
transaction, so an interrupted build leaves the documents of the finished batches (a usable
index, which the next run completes) and never half a document.

A paragraph id is its document's id shifted left by PARAGRAPH_BITS, plus its index, so the
document of any posting is a shift away, in numpy, with no table to join.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

SCHEMA = "diffviewer scan index 1"
INDEX_FILE = "diffviewer-index.sqlite"
# A document may have up to 2**20 paragraphs (the engine refuses more than 200,000 anyway).
PARAGRAPH_BITS = 20
# When the rows of older batches hold this many segments, or this share of their paragraphs
# belongs to dropped documents, they are rewritten as one.
MAX_SEGMENTS = 48
MAX_DEAD_SHARE = 0.25
BUSY_SECONDS = 60

_Ids = npt.NDArray[np.int64]


class IndexUnusable(Exception):
    """The index cannot be used (not ours, or from another version); str() says which file and why."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What says a file changed since it was indexed (as make and rsync tell)."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One file of the collection as read for the index: its paragraphs' terms, or why it was not read."""

    stamp: FileStamp
    paragraphs: tuple[frozenset[str], ...] = ()
    words: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class TermInfo:
    id: int
    df: int  # how many paragraphs hold it


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    id: int
    path: str
    paragraphs: int
    words: int


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Plan:
    """What an update must do: files to read (new or changed) and paths to forget."""

    to_read: tuple[FileStamp, ...]
    to_forget: tuple[str, ...]
    unchanged: int


_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    -- AUTOINCREMENT: an id is never reused, so a dropped document's postings never pass for a new one's.
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT UNIQUE NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, paragraphs INTEGER NOT NULL, words INTEGER NOT NULL,
    terms BLOB NOT NULL, counts BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, text TEXT UNIQUE NOT NULL, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (
    term INTEGER NOT NULL, segment INTEGER NOT NULL, paragraphs BLOB NOT NULL,
    PRIMARY KEY (term, segment)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dead (document INTEGER PRIMARY KEY);
"""


def _stored(path: str) -> str | bytes:
    """A path as the index keeps it: text, or the file system's bytes for a name that is not
    UTF-8 (a Latin-1 name on a Linux disk reads back with surrogates, which SQLite cannot store)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def _shown(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def read_roots(location: Path) -> list[str]:
    """The collection an index file was built from, read without writing anything ([] if it cannot say)."""
    try:
        with closing(sqlite3.connect(f"{location.resolve().as_uri()}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'roots'").fetchone()
    except (sqlite3.DatabaseError, OSError, ValueError):
        return []
    return list(json.loads(row[0])) if row else []


def _blob(ids: _Ids) -> bytes:
    return np.asarray(ids, dtype="<i8").tobytes()


def _ids(blob: bytes) -> _Ids:
    return np.frombuffer(blob, dtype="<i8").astype(np.int64, copy=False)


class ScanIndex:
    """The collection's paragraphs by term. Open with a file path, or None for a private one in memory."""

    def __init__(self, location: Path | None) -> None:
        self.location = location
        target = ":memory:" if location is None else os.fspath(location)
        try:
            # A scan in the window and one on the command line may share an index: the second
            # writer waits for the first's batch rather than failing at once.
            self._db = sqlite3.connect(target, isolation_level=None, timeout=BUSY_SECONDS)
            # Checked before anything is set: a database of something else is left as it was.
            self._check_schema()
            self._db.execute("PRAGMA journal_mode=WAL" if location is not None else "PRAGMA journal_mode=MEMORY")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA cache_size=-131072")  # 128 MiB of pages
        except sqlite3.OperationalError as error:
            raise IndexUnusable(f"{location}: cannot open the index ({error})") from error
        except sqlite3.DatabaseError as error:
            raise IndexUnusable(f"{location}: not a diffviewer index ({error})") from error
        self._term_ids: dict[str, int] = dict(self._db.execute("SELECT text, id FROM terms"))

    def _check_schema(self) -> None:
        if not self._schema_found():
            # Made under the write lock, and looked for again there: two scans opening a new
            # index at once make it once.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if not self._schema_found():
                    for statement in _TABLES.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute("INSERT INTO meta VALUES ('schema', ?), ('segment', '0')", (SCHEMA,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _schema_found(self) -> bool:
        """Whether this is an index of ours (False: an empty database). Raises for anything else."""
        has_meta = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        if has_meta:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA:
                found = row[0] if row else "no version"
                raise IndexUnusable(f"{self.location}: an index of another kind ({found}); remove it to rebuild")
            return True
        if self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise IndexUnusable(f"{self.location}: not a diffviewer index (a database of something else)")
        return False

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ScanIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # What is in it.

    def documents(self) -> list[IndexedDocument]:
        rows = self._db.execute("SELECT id, path, paragraphs, words FROM documents ORDER BY path")
        return [IndexedDocument(i, _shown(path), paragraphs, words) for i, path, paragraphs, words in rows]

    def document(self, path: str) -> IndexedDocument | None:
        row = self._db.execute(
            "SELECT id, paragraphs, words FROM documents WHERE path = ?", (_stored(path),)
        ).fetchone()
        return IndexedDocument(row[0], path, row[1], row[2]) if row else None

    def path_of(self, document_id: int) -> str:
        row = self._db.execute("SELECT path FROM documents WHERE id = ?", (document_id,)).fetchone()
        return _shown(row[0])

    def skipped(self) -> list[Skipped]:
        rows = self._db.execute("SELECT path, reason FROM skipped ORDER BY path")
        return [Skipped(_shown(path), reason) for path, reason in rows]

    def paragraph_count(self) -> int:
        return int(self._db.execute("SELECT coalesce(sum(paragraphs), 0) FROM documents").fetchone()[0])

    def document_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def segment_count(self) -> int:
        return int(self._db.execute("SELECT count(DISTINCT segment) FROM postings").fetchone()[0])

    def roots(self) -> list[str]:
        """The files and folders the index was last brought up to date from (its collection)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'roots'").fetchone()
        return list(json.loads(row[0])) if row else []

    def set_roots(self, roots: Sequence[str]) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('roots', ?)", (json.dumps(list(roots)),))

    # Keeping it up to date.

    def plan(self, files: Iterable[FileStamp], forget_missing: bool = True) -> Plan:
        """Which of `files` are new or changed; with forget_missing, which indexed paths are gone."""
        known: dict[str, tuple[int, int]] = {
            _shown(path): (size, mtime)
            for path, size, mtime in self._db.execute(
                "SELECT path, size, mtime_ns FROM documents UNION ALL SELECT path, size, mtime_ns FROM skipped"
            )
        }
        to_read: list[FileStamp] = []
        seen: set[str] = set()
        unchanged = 0
        for stamp in files:
            seen.add(stamp.path)
            if known.get(stamp.path) == (stamp.size, stamp.mtime_ns):
                unchanged += 1
            else:
                to_read.append(stamp)
        gone = sorted(set(known) - seen) if forget_missing else []
        return Plan(tuple(to_read), tuple(gone), unchanged)

    def forget(self, paths: Sequence[str]) -> None:
        """Drop documents (removed or about to be read again), in one transaction."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._forget(paths)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _forget(self, paths: Iterable[str]) -> None:
        for path in map(_stored, paths):
            self._db.execute("DELETE FROM skipped WHERE path = ?", (path,))
            row = self._db.execute("SELECT id, terms, counts FROM documents WHERE path = ?", (path,)).fetchone()
            if row is None:
                continue
            document_id, terms, counts = row
            self._db.executemany(
                "UPDATE terms SET df = df - ? WHERE id = ?",
                zip(np.frombuffer(counts, "<i4").tolist(), np.frombuffer(terms, "<i4").tolist(), strict=True),
            )
            self._db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            self._db.execute("INSERT OR IGNORE INTO dead VALUES (?)", (document_id,))

    def add(self, batch: Sequence[ReadFile]) -> None:
        """Index a batch of read files (replacing any earlier version of each) in one transaction."""
        # IMMEDIATE: the write lock from the start (another scan sharing the index waits), and the
        # term ids read again under it, so no id another scan has given is given twice.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._term_ids = dict(self._db.execute("SELECT text, id FROM terms"))
            self._forget(read.stamp.path for read in batch)
            self._add(batch)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            self._term_ids = dict(self._db.execute("SELECT text, id FROM terms"))
            raise
        self._maybe_compact()

    def _term_id(self, term: str, new_terms: list[tuple[int, str]]) -> int:
        found = self._term_ids.get(term)
        if found is None:
            self._next_id += 1
            found = self._term_ids[term] = self._next_id
            new_terms.append((found, term))
        return found

    def _add(self, batch: Sequence[ReadFile]) -> None:
        self._next_id = int(self._db.execute("SELECT coalesce(max(id), 0) FROM terms").fetchone()[0])
        segment = int(self._db.execute("SELECT value FROM meta WHERE key = 'segment'").fetchone()[0]) + 1
        self._db.execute("UPDATE meta SET value = ? WHERE key = 'segment'", (str(segment),))
        postings: dict[int, list[int]] = {}
        df: Counter[int] = Counter()
        new_terms: list[tuple[int, str]] = []
        for read in batch:
            stamp = read.stamp
            if read.error is not None or not read.paragraphs:
                self._db.execute(
                    "INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)",
                    (_stored(stamp.path), stamp.size, stamp.mtime_ns, read.error or "no text"),
                )
                continue
            cursor = self._db.execute(
                "INSERT INTO documents (path, size, mtime_ns, paragraphs, words, terms, counts) "
                "VALUES (?, ?, ?, ?, ?, x'', x'')",
                (_stored(stamp.path), stamp.size, stamp.mtime_ns, len(read.paragraphs), read.words),
            )
            document_id = int(cursor.lastrowid or 0)
            base = document_id << PARAGRAPH_BITS
            own: Counter[int] = Counter()
            for index, terms in enumerate(read.paragraphs):
                for term in sorted(terms):  # ids in the same order in every process: the same index
                    term_id = self._term_id(term, new_terms)
                    postings.setdefault(term_id, []).append(base + index)
                    own[term_id] += 1
            ids = np.fromiter(own.keys(), dtype="<i4", count=len(own))
            counts = np.fromiter(own.values(), dtype="<i4", count=len(own))
            self._db.execute(
                "UPDATE documents SET terms = ?, counts = ? WHERE id = ?",
                (ids.tobytes(), counts.tobytes(), document_id),
            )
            df.update(own)
        self._db.executemany("INSERT INTO terms VALUES (?, ?, 0)", new_terms)
        self._db.executemany("UPDATE terms SET df = df + ? WHERE id = ?", ((n, t) for t, n in df.items()))
        self._db.executemany(
            "INSERT INTO postings VALUES (?, ?, ?)",
            ((term_id, segment, _blob(np.sort(np.asarray(ids, dtype=np.int64)))) for term_id, ids in postings.items()),
        )

    def _maybe_compact(self) -> None:
        dead = int(self._db.execute("SELECT count(*) FROM dead").fetchone()[0])
        live = self.document_count()
        if self.segment_count() > MAX_SEGMENTS or (dead and dead > MAX_DEAD_SHARE * max(live, 1)):
            self.compact()

    def compact(self) -> None:
        """Rewrite every term's rows as one, without the paragraphs of dropped documents."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            dead = self._dead()
            segment = int(self._db.execute("SELECT value FROM meta WHERE key = 'segment'").fetchone()[0]) + 1
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'segment'", (str(segment),))
            term_ids = [row[0] for row in self._db.execute("SELECT DISTINCT term FROM postings")]
            for term_id in term_ids:
                ids = self._live(self._postings([term_id]).get(term_id, np.empty(0, np.int64)), dead)
                self._db.execute("DELETE FROM postings WHERE term = ?", (term_id,))
                if ids.size:
                    self._db.execute("INSERT INTO postings VALUES (?, ?, ?)", (term_id, segment, _blob(np.sort(ids))))
            self._db.execute("DELETE FROM dead")
            self._db.execute("DELETE FROM terms WHERE df <= 0")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._term_ids = dict(self._db.execute("SELECT text, id FROM terms"))

    # Reading it.

    def _dead(self) -> _Ids:
        return np.fromiter((row[0] for row in self._db.execute("SELECT document FROM dead")), dtype=np.int64)

    @staticmethod
    def _live(ids: _Ids, dead: _Ids) -> _Ids:
        if not dead.size or not ids.size:
            return ids
        return ids[~np.isin(ids >> PARAGRAPH_BITS, dead)]

    def _postings(self, term_ids: Sequence[int]) -> dict[int, _Ids]:
        found: dict[int, list[_Ids]] = {}
        for start in range(0, len(term_ids), 500):
            chunk = list(term_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for term_id, blob in self._db.execute(
                f"SELECT term, paragraphs FROM postings WHERE term IN ({marks})", chunk
            ):
                found.setdefault(term_id, []).append(_ids(blob))
        return {term_id: np.concatenate(parts) if len(parts) > 1 else parts[0] for term_id, parts in found.items()}

    def term_frequencies(self, terms: Iterable[str]) -> dict[str, TermInfo]:
        """For each indexed term: its id and how many paragraphs hold it."""
        wanted = [t for t in set(terms) if t in self._term_ids]
        out: dict[str, TermInfo] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for text, term_id, df in self._db.execute(f"SELECT text, id, df FROM terms WHERE text IN ({marks})", chunk):
                if df > 0:
                    out[text] = TermInfo(term_id, df)
        return out

    def frequencies_of_ids(self, term_ids: set[int]) -> dict[int, int]:
        """How many paragraphs hold each of these terms (by id)."""
        wanted = sorted(term_ids)
        out: dict[int, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self._db.execute(f"SELECT id, df FROM terms WHERE id IN ({marks})", chunk))
        return out

    def own_counts(self, document_id: int) -> dict[int, int]:
        """How many of the document's paragraphs hold each of its terms (by id)."""
        row = self._db.execute("SELECT terms, counts FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return {}
        return dict(zip(np.frombuffer(row[0], "<i4").tolist(), np.frombuffer(row[1], "<i4").tolist(), strict=True))

    def postings(self, term_ids: Sequence[int], without_document: int | None = None) -> dict[int, _Ids]:
        """The live paragraphs holding each term (those of `without_document` left out)."""
        dead = self._dead()
        if without_document is not None:
            dead = np.append(dead, np.int64(without_document))
        return {term_id: self._live(ids, dead) for term_id, ids in self._postings(term_ids).items()}

    def texts_of(self, term_ids: Iterable[int]) -> set[str]:
        """The terms with these ids."""
        texts: set[str] = set()
        wanted = sorted(set(term_ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            texts.update(row[0] for row in self._db.execute(f"SELECT text FROM terms WHERE id IN ({marks})", chunk))
        return texts

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def iter_batches(items: Iterable[ReadFile], paragraphs: int = 60_000, files: int = 2_000) -> Iterator[list[ReadFile]]:
    """Group read files into batches of about this many paragraphs (each batch one transaction)."""
    batch: list[ReadFile] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.paragraphs)
        if held >= paragraphs or len(batch) >= files:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


__all__ = [
    "INDEX_FILE",
    "PARAGRAPH_BITS",
    "FileStamp",
    "IndexUnusable",
    "IndexedDocument",
    "Plan",
    "ReadFile",
    "ScanIndex",
    "Skipped",
    "TermInfo",
    "iter_batches",
    "read_roots",
]
