"""``partyx export FILE --to sqlite|csv|parquet OUT``: the normalised tables written out.

The rows come from :class:`partyx.views.tables.Normaliser`, one record at a time, and go
straight to the target, buffered in small batches, so an export streams like the views do.

- **sqlite**: one database file with primary, unique and foreign keys and indexes on the
  foreign keys (standard library :mod:`sqlite3` only);
- **csv**: a folder with one ``<table>.csv`` per table (UTF-8, header row);
- **parquet**: a folder with one ``<table>.parquet`` per table, through ``pyarrow`` (the optional
  extra ``pip install 'partyx[parquet]'``).

Every target is written atomically: into a temporary file or folder beside OUT, renamed onto OUT
only when complete. A folder OUT that holds anything but a previous export is refused rather than
replaced.
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from partyx import errors
from partyx.errors import ExportError
from partyx.views.tables import FOREIGN, PRIMARY, SCHEMA, UNIQUE, Normaliser, Row

TARGETS = ("sqlite", "csv", "parquet")
BATCH = 5000


def export(records: Iterable[dict[str, Any]], target: str, out: Path,
           warn: Callable[[str], None] = lambda _: None) -> dict[str, int]:
    """Write the tables of ``records`` to ``out``; return the row count of each table."""
    writer = {"sqlite": _SQLite, "csv": _CSV, "parquet": _Parquet}.get(target)
    if writer is None:
        raise ExportError(errors.UNKNOWN_TARGET, name=target, choices=", ".join(TARGETS))
    sink = writer(out)
    counts = dict.fromkeys(SCHEMA, 0)
    normaliser = Normaliser(warn)
    try:
        for record in records:
            for table, row in normaliser.rows(record):
                sink.write(table, row)
                counts[table] += 1
        sink.commit()
    except BaseException:
        sink.abort()
        raise
    return counts


class _Buffered:
    """Rows batched per table; subclasses flush a batch."""

    def __init__(self) -> None:
        self.buffers: dict[str, list[Row]] = {t: [] for t in SCHEMA}

    def write(self, table: str, row: Row) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= BATCH:
            self.flush(table, buffer)
            buffer.clear()

    def flush_all(self) -> None:
        for table, buffer in self.buffers.items():
            if buffer:
                self.flush(table, buffer)
                buffer.clear()

    def flush(self, table: str, rows: list[Row]) -> None:
        raise NotImplementedError


def _create_sql(table: str) -> str:
    columns = [f'"{c}" {t}' for c, t in SCHEMA[table]]
    columns.append("PRIMARY KEY (" + ", ".join(PRIMARY[table]) + ")")
    if table in UNIQUE:
        columns.append("UNIQUE (" + ", ".join(UNIQUE[table]) + ")")
    for column, parent in FOREIGN.get(table, {}).items():
        columns.append(f"FOREIGN KEY ({column}) REFERENCES {parent} ({PRIMARY[parent][0]})")
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(columns) + "\n)"


class _SQLite(_Buffered):
    def __init__(self, out: Path) -> None:
        super().__init__()
        if out.is_dir():
            raise ExportError(errors.SQLITE_OUT_IS_A_FOLDER, path=out)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        self.out, self.tmp = out, Path(tmp)
        self.db = sqlite3.connect(self.tmp)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        for table in SCHEMA:
            self.db.execute(_create_sql(table))

    def flush(self, table: str, rows: list[Row]) -> None:
        marks = ", ".join("?" * len(SCHEMA[table]))
        self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def commit(self) -> None:
        self.flush_all()
        for table, refs in FOREIGN.items():
            for column in refs:
                self.db.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")
        self.db.execute("CREATE INDEX membership_org_key ON membership (org_key, as_of)")
        self.db.commit()
        self.db.close()
        _fsync(self.tmp)
        readable(self.tmp)
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


class _Folder(_Buffered):
    """A folder of one file per table, built beside OUT and swapped in at the end."""

    suffix = ""

    def __init__(self, out: Path) -> None:
        super().__init__()
        if out.exists() and not _replaceable(out, self.suffix):
            raise ExportError(errors.NOT_AN_EXPORT_FOLDER, path=out)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))

    def commit(self) -> None:
        self.flush_all()
        self.close()
        for path in self.tmp.iterdir():
            _fsync(path)
            readable(path)
        readable(self.tmp)
        old = None
        if self.out.exists():
            old = self.out.with_name(f".{self.out.name}.old-{os.getpid()}")
            os.replace(self.out, old)
        os.replace(self.tmp, self.out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def close(self) -> None:
        raise NotImplementedError


def _replaceable(out: Path, suffix: str) -> bool:
    """OUT is a folder holding only the table files of an earlier export."""
    if not out.is_dir():
        return False
    names = {f"{t}{suffix}" for t in SCHEMA}
    return all(p.name in names for p in out.iterdir())


class _CSV(_Folder):
    suffix = ".csv"

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.files = {}
        self.writers = {}
        for table, columns in SCHEMA.items():
            fh = (self.tmp / f"{table}.csv").open("w", encoding="utf-8", newline="")
            self.files[table] = fh
            self.writers[table] = csv.writer(fh)
            self.writers[table].writerow([c for c, _ in columns])

    def flush(self, table: str, rows: list[Row]) -> None:
        self.writers[table].writerows(rows)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


class _Parquet(_Folder):
    suffix = ".parquet"

    def __init__(self, out: Path) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ExportError(errors.PARQUET_UNAVAILABLE) from None
        super().__init__(out)
        self.pa = pa
        self.schemas = {
            table: pa.schema([(c, pa.int64() if t == "INTEGER" else pa.string())
                              for c, t in columns])
            for table, columns in SCHEMA.items()
        }
        self.writers = {table: pq.ParquetWriter(self.tmp / f"{table}.parquet", schema)
                        for table, schema in self.schemas.items()}

    def flush(self, table: str, rows: list[Row]) -> None:
        schema = self.schemas[table]
        columns = list(zip(*rows, strict=True))
        arrays = [self.pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
        self.writers[table].write_table(self.pa.Table.from_arrays(arrays, schema=schema))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def readable(path: Path) -> None:
    """Give ``path`` the mode a plain ``open()`` would (the umask's), not the 0600/0700 of
    :mod:`tempfile`: an export or report is meant to be shared."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
