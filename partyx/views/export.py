"""``partyx export FILE --to sqlite|csv|parquet OUT``: the normalised tables written out.

FILE is read as every view reads it (:func:`partyx.views.base.latest_records`: one record per
id, the last).

The rows come from :class:`partyx.views.tables.Normaliser`, one record at a time, and go
straight to the target, buffered in small batches, so an export streams like the views do.

- **sqlite**: one database file with primary, unique and foreign keys and indexes on the
  foreign keys (standard library :mod:`sqlite3` only);
- **csv**: a folder with one ``<table>.csv`` per table (UTF-8, header row);
- **parquet**: a folder with one ``<table>.parquet`` per table, through ``pyarrow`` (the optional
  extra ``pip install 'partyx[parquet]'``).

Every target is written atomically (:func:`partyx.io.atomic_path`, :func:`partyx.io.atomic_folder`):
into a temporary file or folder beside OUT, renamed onto OUT only when complete. A folder OUT that
holds anything but a previous export is refused rather than replaced.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TextIO

from partyx import errors, io
from partyx.errors import ExportError
from partyx.views.tables import FOREIGN, PRIMARY, SCHEMA, UNIQUE, Normaliser, Row

TARGETS = ("sqlite", "csv", "parquet")
BATCH = 5000


def export_file(path: Path, target: str, out: Path,
                warn: Callable[[str], None] = lambda _: None,
                strict: bool = False) -> dict[str, int]:
    """:func:`export` of the records file ``path`` (``partyx export``): a SQLite OUT that is the
    input, or a file that is not a SQLite database, is refused (:class:`ExportError`)."""
    from partyx.views.base import latest_records

    if target == "sqlite" and not io.replaceable(out, b"SQLite format 3\x00", path):
        raise ExportError(errors.NOT_A_SQLITE_DATABASE, path=out)
    return export(latest_records(path, warn, strict), target, out, warn=warn)


def export(records: Iterable[dict[str, Any]], target: str, out: Path,
           warn: Callable[[str], None] = lambda _: None) -> dict[str, int]:
    """Write the tables of ``records`` to ``out``; return the row count of each table."""
    sink_class = _SINKS.get(target)
    if sink_class is None:
        raise ExportError(errors.UNKNOWN_TARGET, name=target, choices=", ".join(TARGETS))
    sink_class.check(out)
    counts = dict.fromkeys(SCHEMA, 0)
    normaliser = Normaliser(warn)
    with sink_class.atomic(out) as tmp:
        sink = sink_class(tmp)
        try:
            for record in records:
                for table, row in normaliser.rows(record):
                    sink.write(table, row)
                    counts[table] += 1
            sink.finish()
        finally:
            sink.close()
    return counts


class _Sink:
    """Rows batched per table, written into the temporary file or folder that
    :meth:`atomic` gives (:mod:`partyx.io`) and that takes OUT's place when complete."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.buffers: dict[str, list[Row]] = {t: [] for t in SCHEMA}

    @classmethod
    def check(cls, out: Path) -> None:
        """Raise :class:`~partyx.errors.ExportError` when the export cannot be done."""

    @classmethod
    def atomic(cls, out: Path) -> AbstractContextManager[Path]:
        return io.atomic_folder(out)

    def write(self, table: str, row: Row) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= BATCH:
            self.flush(table, buffer)
            buffer.clear()

    def finish(self) -> None:
        """Every row is written: complete the output."""
        for table, buffer in self.buffers.items():
            if buffer:
                self.flush(table, buffer)
                buffer.clear()

    def flush(self, table: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release the files (after :meth:`finish`, or on an error)."""


def _create_sql(table: str) -> str:
    columns = [f'"{c}" {t}' for c, t in SCHEMA[table]]
    columns.append("PRIMARY KEY (" + ", ".join(PRIMARY[table]) + ")")
    if table in UNIQUE:
        columns.append("UNIQUE (" + ", ".join(UNIQUE[table]) + ")")
    for column, parent in FOREIGN.get(table, {}).items():
        columns.append(f"FOREIGN KEY ({column}) REFERENCES {parent} ({PRIMARY[parent][0]})")
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(columns) + "\n)"


class _SQLite(_Sink):
    @classmethod
    def check(cls, out: Path) -> None:
        if out.is_dir():
            raise ExportError(errors.SQLITE_OUT_IS_A_FOLDER, path=out)

    @classmethod
    def atomic(cls, out: Path) -> AbstractContextManager[Path]:
        return io.atomic_path(out)

    def __init__(self, tmp: Path) -> None:
        super().__init__(tmp)
        self.db = sqlite3.connect(tmp)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        for table in SCHEMA:
            self.db.execute(_create_sql(table))

    def flush(self, table: str, rows: list[Row]) -> None:
        marks = ", ".join("?" * len(SCHEMA[table]))
        self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def finish(self) -> None:
        super().finish()
        for table, refs in FOREIGN.items():
            for column in refs:
                self.db.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")
        self.db.execute("CREATE INDEX membership_org_key ON membership (org_key, as_of)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()


class _Folder(_Sink):
    """A folder of one ``<table><suffix>`` file per table."""

    suffix = ""

    @classmethod
    def check(cls, out: Path) -> None:
        if out.exists() and not cls._earlier_export(out):
            raise ExportError(errors.NOT_AN_EXPORT_FOLDER, path=out)

    @classmethod
    def _earlier_export(cls, out: Path) -> bool:
        """OUT is a folder holding only the table files of an earlier export."""
        if not out.is_dir():
            return False
        names = {f"{t}{cls.suffix}" for t in SCHEMA}
        return all(p.name in names for p in out.iterdir())


class _CSV(_Folder):
    suffix = ".csv"

    def __init__(self, tmp: Path) -> None:
        super().__init__(tmp)
        self.files: dict[str, TextIO] = {}
        self.writers: dict[str, Any] = {}
        for table, columns in SCHEMA.items():
            fh = (tmp / f"{table}.csv").open("w", encoding="utf-8", newline="")
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

    @classmethod
    def check(cls, out: Path) -> None:
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise ExportError(errors.PARQUET_UNAVAILABLE) from None
        super().check(out)

    def __init__(self, tmp: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        super().__init__(tmp)
        self.pyarrow = pa
        self.schemas = {
            table: pa.schema([(c, pa.int64() if t == "INTEGER" else pa.string())
                              for c, t in columns])
            for table, columns in SCHEMA.items()
        }
        self.writers = {table: pq.ParquetWriter(tmp / f"{table}.parquet", schema)
                        for table, schema in self.schemas.items()}

    def flush(self, table: str, rows: list[Row]) -> None:
        schema = self.schemas[table]
        columns = list(zip(*rows, strict=True))
        arrays = [self.pyarrow.array(col, type=f.type)
                  for col, f in zip(columns, schema, strict=True)]
        self.writers[table].write_table(self.pyarrow.Table.from_arrays(arrays, schema=schema))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


_SINKS: dict[str, type[_Sink]] = {"sqlite": _SQLite, "csv": _CSV, "parquet": _Parquet}
