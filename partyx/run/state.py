"""The incremental state of one output FILE: what each article's record was made from.

``partyx extract … -o out/records.jsonl`` keeps, beside FILE, an SQLite database
``records.jsonl.state.sqlite`` (standard library ``sqlite3``, WAL journal) with one row per
article id::

    id         the article id (primary key; FILE is written in this order)
    path       the source path as listed
    size, mtime_ns   os.stat of the source when it was read (the cheap "unchanged" check)
    sha256     of the source bytes (the exact check when size or mtime differ); of a dataset
               row's content (indexed: a row is found by its content whatever its id)
    signature  Pipeline.signature of the stages that made the record (names + versions)
    record     the JSONL line, zlib-compressed
    errors     the record's ``errors`` as JSON, NULL when there are none
    found      counts of people, documents … in the record, as JSON

and a ``meta`` table (state format, the FILE last written: size and mtime_ns).

Rows are committed in batches while the run goes on (a checkpoint), so a run killed at any
moment loses at most one batch, and the next run starts where it stopped. FILE itself is only
written at the end, from the rows, by rename (see :func:`partyx.io.atomic_writer`): it is the
old FILE or the complete new one, never a mix. When the old FILE is the one this state last
wrote, the lines of the articles a run left alone are copied from it as they are, and only
the changed ones come from the rows (see :meth:`State.track_changes`): a nightly run that
changes 1% of the records writes FILE at the speed of a file copy, not of decompressing
every record. Summaries are computed from the rows — what is persisted — never from counters
of one run.

A second run on the same FILE is kept out by :func:`lock` (``fcntl.flock`` on
``records.jsonl.lock``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

import orjson

from partyx import io
from partyx.errors import (
    LOCKED,
    OUT_OF_MEMORY,
    STATE_SET_ASIDE,
    TIMED_OUT,
    WORKER_DIED,
    Locked,
)
from partyx.record import COUNTED, Error

FORMAT = 1  # bump when the table layout changes: an old state is then rebuilt (a full run)


def pack(line: bytes) -> bytes:
    """A record's JSON line as stored (zlib level 1: a third of the size, ~20 µs). Workers
    pack the records they send, so that the one process writing the state does not."""
    return zlib.compress(line, 1)


def unpack(stored: bytes) -> bytes:
    """The JSON line of a stored record (stored uncompressed, it starts with ``{``)."""
    return stored if stored[:1] == b"{" else zlib.decompress(stored)


class _Misaligned(Exception):
    """The old FILE is not the sequence of records the state expects: write it whole."""


def state_path(output: Path) -> Path:
    return output.with_name(output.name + ".state.sqlite")


def lock_path(output: Path) -> Path:
    return output.with_name(output.name + ".lock")


def set_aside(path: Path) -> Path:
    """Move a state that cannot be used to ``….corrupt`` (never deleted: it may be looked at or
    recovered by hand; an older one there is replaced), with its journal files; return where
    it went."""
    aside = path.with_name(path.name + ".corrupt")
    with contextlib.suppress(OSError):
        os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")
    return aside


@contextlib.contextmanager
def lock(output: Path, wait: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for the duration. Without ``wait``, raise
    :class:`Locked` (naming the holder's pid) when another run has it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            raise Locked(LOCKED, pid=holder, output=output) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


@dataclass(slots=True)
class Known:
    """What the state holds about one article id (without its record)."""

    id: str
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    signature: str
    # its record has a ``read`` error, or its article was lost (a time limit, a worker that
    # died, the memory limit): always tried again
    unreadable: bool


# How the errors of a lost article start, as the state stores them (a stage's own exception
# starts with its type's name instead: "TimeoutError: …").
_LOST = tuple(b'"error":' + orjson.dumps(m.text.split("{")[0])[:-1]
              for m in (TIMED_OUT, WORKER_DIED, OUT_OF_MEMORY))


class SummaryRow(NamedTuple):
    """What the run summary counts of one article (:class:`partyx.run.summary.RunSummary`)."""

    id: str
    path: str
    errors: list[Error]
    found: dict[str, int]


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    size INTEGER,
    mtime_ns INTEGER,
    sha256 TEXT,
    signature TEXT NOT NULL,
    record BLOB NOT NULL,
    errors BLOB,
    found BLOB
);
CREATE INDEX IF NOT EXISTS articles_sha256 ON articles (sha256);
"""


class State:
    """The state database of one output FILE (open it while holding :func:`lock`)."""

    def __init__(self, output: Path,
                 warn: Callable[[str], None] = lambda message: None) -> None:
        self.output = output
        self.path = state_path(output)
        self.warn = warn
        self.db = self._open()
        if self.output.exists() and not self.output_is_current():
            self._adopt_output(self.db)
        self._last_commit = time.monotonic()
        self._pending = 0
        self._base: tuple[int, int] | None = None  # FILE's stat, while changes are tracked

    def _open(self) -> sqlite3.Connection:
        """Open (or create) the state. A state that is not a database, or of another format,
        is moved aside to ``….corrupt`` (:func:`set_aside`; the warning says so) and a new one
        is seeded from FILE, so that no record is lost. (One damaged inside, which SQLite finds
        only when it reads the damaged page, is handled by the run the same way.) Errors of the
        disk (full, read-only, I/O) are raised as they are: they say nothing about the state's
        content."""
        try:
            db = self._open_existing()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as e:
            aside = set_aside(self.path)
            self.warn(STATE_SET_ASIDE.coded(state=self.path, error=e, aside=aside,
                                                   output=self.output))
            db = self._open_existing()
        return db

    def _open_existing(self) -> sqlite3.Connection:
        db = _connect(self.path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):
                raise sqlite3.DatabaseError(f"state format {version}, expected {FORMAT}")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {FORMAT}")
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _adopt_output(self, db: sqlite3.Connection) -> None:
        """FILE is not the file this state last wrote (the state is new, was lost or moved
        aside, or FILE was written by ``partyx merge``, by hand, or restored from a backup):
        its records whose ids the state does not know are taken in, with no signature and no
        stat, so that every listed article among them is redone and none is lost."""
        # A damaged line is skipped: its article is redone if its file is listed. Records of
        # any schema are taken: none is lost, and a listed one is redone (no signature). A
        # FILE that cannot be read (any more) adopts what was read of it.
        lines = io.record_lines(self.output, schema=None)
        with contextlib.suppress(OSError):
            for _, line, rec in lines:
                source = rec.get("source") or {}
                if not isinstance(source, dict):
                    continue
                try:
                    found = {n: len(rec.get(n) or []) for n in COUNTED}
                except TypeError:
                    continue
                errors = rec.get("errors") or []
                if not isinstance(errors, list):
                    errors = []
                db.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (rec["id"], str(source.get("path") or ""), None, None, source.get("sha256"),
                     "", pack(line.rstrip(b"\n")), orjson.dumps(errors) if errors else None,
                     orjson.dumps(found)))
        db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # --- reading -----------------------------------------------------------------------------

    def known(self) -> Iterator[Known]:
        """Every article in the state, in id order (without records: cheap)."""
        rows = self.db.execute(
            "SELECT id, path, size, mtime_ns, sha256, signature, errors FROM articles "
            "ORDER BY id")
        for id_, path, size, mtime_ns, sha, sig, errors in rows:
            retry = errors is not None and (b'"stage":"read"' in errors
                                            or any(lost in errors for lost in _LOST))
            yield Known(id_, path, size, mtime_ns, sha, sig, retry)

    def ids_of(self, paths: list[str]) -> dict[str, str]:
        """An id the state holds for each of ``paths`` it holds an article of (a few paths: the
        files that would share a stem, :func:`partyx.run.plan.assign_ids`; a dataset file's
        are its rows' ids ``<file id>/<row>``)."""
        found: dict[str, str] = {}
        for k in range(0, len(paths), 500):
            chunk = paths[k:k + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT path, min(id) FROM articles WHERE path IN ({marks}) GROUP BY path",
                chunk).fetchall())
        return found

    def find_content(self, sha256: str, signature: str) -> str | None:
        """The id of an article made from content ``sha256`` under ``signature`` and read
        without error (a dataset row's record to copy), if any."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE sha256 = ? AND signature = ? AND (errors IS NULL "
            "OR instr(errors, '\"stage\":\"read\"') = 0) LIMIT 1",
            (sha256, signature)).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def summary_rows(self) -> Iterator[SummaryRow]:
        """What the run summary counts of every article, in id order."""
        for id_, path, errors, found in self.db.execute(
                "SELECT id, path, errors, found FROM articles ORDER BY id"):
            yield SummaryRow(id_, path, orjson.loads(errors) if errors else [],
                             orjson.loads(found) if found else {})

    # --- writing -----------------------------------------------------------------------------

    def put(self, id_: str, path: str, size: int | None, mtime_ns: int | None,
            sha256: str | None, signature: str, record: bytes,
            errors: list[Error], found: dict[str, int]) -> None:
        """Store one article's record (``record``: the JSON line, packed or not)."""
        if record[:1] == b"{":
            record = pack(record)
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (id_, path, size, mtime_ns, sha256, signature, record,
             orjson.dumps(errors) if errors else None, orjson.dumps(found)))
        if self._base is not None:
            self.db.execute("INSERT OR IGNORE INTO temp.changed VALUES (?)", (id_,))
        self._pending += 1

    def copy(self, copies: Iterable[tuple[str, str, str, str | int | None]]) -> int:
        """Store, for each ``(source, id, path, row)``, the record of ``source`` as the record
        of ``id`` (its ``id``, ``source.path`` and ``source.row`` rewritten): a dataset row whose
        content the state already made a record from. The sources are read as they were
        before any copy is written (a copy may overwrite another's source). Returns how many
        were copied."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS copy_wanted "
                        "(source TEXT, id TEXT, path TEXT, row TEXT)")
        self.db.execute("DELETE FROM temp.copy_wanted")
        self.db.executemany("INSERT INTO temp.copy_wanted VALUES (?, ?, ?, ?)",
                            ((src, id_, path, orjson.dumps(row))
                             for src, id_, path, row in copies))
        self.db.execute("DROP TABLE IF EXISTS temp.copy_rows")
        self.db.execute(
            "CREATE TEMP TABLE copy_rows AS SELECT w.id, w.path, w.row, a.sha256, a.signature, "
            "a.record, a.errors, a.found FROM temp.copy_wanted w JOIN articles a "
            "ON a.id = w.source")
        n = 0
        for id_, path, row, sha, signature, stored, errors, found in self.db.execute(
                "SELECT * FROM temp.copy_rows"):
            record = orjson.loads(unpack(stored))
            record["id"] = id_
            if "story" in record:  # its own story until linked (partyx.run.stories)
                record["story"], record["duplicate_of"] = id_, None
            if isinstance(record.get("source"), dict):
                record["source"]["path"] = io.display(path)
                record["source"]["row"] = orjson.loads(row)
            self.put(id_, io.display(path), None, None, sha, signature, orjson.dumps(record),
                     orjson.loads(errors) if errors else [],
                     orjson.loads(found) if found else {})
            n += 1
        self.db.execute("DROP TABLE temp.copy_rows")
        self.db.execute("DELETE FROM temp.copy_wanted")
        return n

    def record(self, id_: str) -> dict[str, Any] | None:
        """The stored record of ``id_``, parsed."""
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (id_,)).fetchone()
        return orjson.loads(unpack(row[0])) if row else None

    def set_story(self, id_: str, story: str, duplicate_of: str | None) -> bool:
        """Rewrite the ``story`` and ``duplicate_of`` of ``id_``'s record (nothing else of
        it changes); False when there is no such record."""
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (id_,)).fetchone()
        if row is None:
            return False
        line = unpack(row[0])
        # a record made by this run holds its own story: its two fields are replaced in the
        # line as it is (the keys after them are the SPEC's ``errors``, whose strings cannot
        # hold this unescaped), not parsed and written again (a tenth of the cost)
        own = b',"story":' + orjson.dumps(id_) + b',"duplicate_of":null,"errors":'
        at = line.rfind(own)
        if at >= 0:
            line = (line[:at] + b',"story":' + orjson.dumps(story) + b',"duplicate_of":'
                    + orjson.dumps(duplicate_of) + b',"errors":' + line[at + len(own):])
        else:
            record = orjson.loads(line)
            if "story" in record:
                record["story"], record["duplicate_of"] = story, duplicate_of
            else:  # a record of an older partyx: the fields go where the SPEC has them
                errors = record.pop("errors", [])
                record.update(story=story, duplicate_of=duplicate_of, errors=errors)
            line = orjson.dumps(record)
        self.db.execute("UPDATE articles SET record = ? WHERE id = ?", (pack(line), id_))
        if self._base is not None:
            self.db.execute("INSERT OR IGNORE INTO temp.changed VALUES (?)", (id_,))
        self._pending += 1
        return True

    def touch(self, id_: str, size: int, mtime_ns: int) -> None:
        """The source changed on disk but not its bytes: remember the new stat."""
        self.db.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?",
                        (size, mtime_ns, id_))
        self._pending += 1

    def delete(self, ids: Iterable[str]) -> int:
        n = 0
        for id_ in ids:
            n += self.db.execute("DELETE FROM articles WHERE id = ?", (id_,)).rowcount
            if self._base is not None:
                self.db.execute("INSERT OR IGNORE INTO temp.changed VALUES (?)", (id_,))
        self.db.commit()
        return n

    def checkpoint(self, every: int = 1000, seconds: float = 30.0, force: bool = False) -> bool:
        """Commit when ``every`` changes are pending or ``seconds`` have passed."""
        now = time.monotonic()
        if force or self._pending >= every or (
                self._pending and now - self._last_commit >= seconds):
            self.db.commit()
            self._pending = 0
            self._last_commit = now
            return True
        return False

    # --- the output FILE ---------------------------------------------------------------------

    def track_changes(self) -> None:
        """Call before a run changes any row. If FILE is the file this state last wrote, its
        stat is kept and the ids put or deleted from now on are noted (in a temporary table:
        memory does not grow with them), so that :meth:`write_records` can copy the other
        lines of FILE as they are."""
        self._base = self._output_stat() if self.output_is_current() else None
        if self._base is not None:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS changed (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM temp.changed")

    def write_records(self, fh: IO[bytes]) -> int:
        """Write every record, in id order, one per line; return how many. The lines of
        unchanged articles are copied from FILE when it is still the one :meth:`track_changes`
        saw and reads as the records it expects (else every record comes from the rows)."""
        if self._base is not None and self._output_stat() == self._base:
            start = fh.tell()
            try:
                return self._copy_with_changes(fh)
            except (_Misaligned, OSError, orjson.JSONDecodeError):
                fh.seek(start)
                fh.truncate()
        n = 0
        for (record,) in self.db.execute("SELECT record FROM articles ORDER BY id"):
            fh.write(unpack(record))
            fh.write(b"\n")
            n += 1
        return n

    def _copy_with_changes(self, fh: IO[bytes]) -> int:
        """FILE's lines in id order, each replaced by its changed record (or dropped, when
        its row was deleted), new records merged in. :class:`_Misaligned` when FILE's ids
        are not in strictly increasing order or their number is not the rows'."""
        changes = self.db.execute(
            "SELECT c.id, a.record FROM temp.changed c LEFT JOIN articles a ON a.id = c.id "
            "ORDER BY c.id")
        n = 0

        def emit(record: bytes | None) -> None:
            nonlocal n
            if record is not None:  # None: deleted
                fh.write(unpack(record))
                fh.write(b"\n")
                n += 1

        pending = changes.fetchone()
        last = None
        for id_, line in io.scan_ids(self.output):
            if id_ is None or (last is not None and id_ <= last):
                raise _Misaligned
            last = id_
            while pending is not None and pending[0] < id_:
                emit(pending[1])
                pending = changes.fetchone()
            if pending is not None and pending[0] == id_:
                emit(pending[1])
                pending = changes.fetchone()
                continue
            fh.write(line if line.endswith(b"\n") else line + b"\n")
            n += 1
        while pending is not None:
            emit(pending[1])
            pending = changes.fetchone()
        if n != self.count():
            raise _Misaligned
        return n

    def output_is_current(self) -> bool:
        """FILE is as this state last wrote it (same size and mtime), so it need not be
        written again when no record changed."""
        st = self._output_stat()
        return st is not None and self.get_meta("output") == f"{st[0]}:{st[1]}"

    def _output_stat(self) -> tuple[int, int] | None:
        try:
            st = self.output.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def wrote_output(self) -> None:
        st = self.output.stat()
        self.set_meta("output", f"{st.st_size}:{st.st_mtime_ns}")
        self.db.commit()

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))


# SQLite's page cache, in KiB (negative: a size, not pages). Its default (2 MB) is too small
# for the story band table (partyx.run.stories: 21 random keys looked up and inserted per
# article, 2.1 million rows at 100,000 articles): a quarter less CPU per article matched there
# with 32 MB (bench/bench_stories.py), for at most 32 MB more memory in this one process.
CACHE_SIZE = -32 * 1024


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level="DEFERRED", check_same_thread=False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # durable across a crash of partyx (kill -9)
    db.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    return db
