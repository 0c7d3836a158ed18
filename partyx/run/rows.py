"""Listing the articles of dataset files and of standard input (see :mod:`partyx.run.spool`).

A dataset file (JSON lines, CSV, Parquet; maybe ``.gz``) gives one listed article per row:
its id is ``<file id>/<row id>``, the row's own id (a column ``id``, ``_id``, ``guid`` …) or
else its line number (row number for Parquet); its content key is the hash of the article's
fields (:func:`partyx.readers.columns.content_key`), by which the incremental state knows a row
it has already processed, whatever its place in a new dump. A row that cannot be read (not
JSON, no text, too large) is listed with its error, as is a file that cannot be read at all
(under the file's id) or one whose columns hold no text (named with the columns it has).

Standard input (``-``) gives one article (id ``stdin``; ``--format html`` for a page) or, with
``--format jsonl`` or ``csv``, one per row (``stdin/<row>``); it may be gzip-compressed.
"""

from __future__ import annotations

import hashlib
import io as stdio
import sys
import zlib
from collections.abc import Iterator
from typing import IO, cast

from partyx import errors, io
from partyx.errors import ArticleError
from partyx.readers import columns as cols
from partyx.readers import csv as csv_reader
from partyx.readers import jsonl, parquet
from partyx.run.spool import Spool

__all__ = ["STDIN", "STDIN_FORMATS", "Listed", "expand", "read_stdin"]

STDIN = "-"
STDIN_FORMATS = ("txt", "html", "jsonl", "csv")
_GZIP_MAGIC = b"\x1f\x8b"

# An article found (see partyx.run.plan): path, id, content key, the place of its spool entry,
# and its row. A file read by its worker has (path, id, None, None, None).
Listed = tuple[str, str, str | None, tuple[str, int, int] | None, str | int | None]


def expand(path: str, file_id: str, fmt: str, columns: cols.Columns, spool: Spool,
           max_bytes: int) -> Iterator[Listed]:
    """The listed articles of the dataset file ``path`` (see module docstring)."""
    shown = io.display(path)
    try:
        if fmt == "parquet":
            source: str | IO[bytes] = path
            if path.lower().endswith(".gz"):
                data, _ = io.read_file(path, sys.maxsize)
                source = stdio.BytesIO(io.gunzip(data, sys.maxsize))
            yield from _rows(shown, file_id, fmt, parquet.ENCODING,
                             parquet.rows(source, columns), columns, spool, max_bytes)
            return
        with io.open_stream(path) as stream:
            yield from _stream_rows(shown, file_id, fmt, stream, columns, spool, max_bytes)
    except ArticleError as e:
        yield shown, file_id, None, spool.add_error(io.display(str(e)), fmt), None
    except (OSError, EOFError, zlib.error) as e:  # a gzip stream corrupt or cut short, a disk
        if io.is_gzip(path) and not isinstance(e, FileNotFoundError):
            reason = errors.CORRUPT_GZIP(error=e)
        else:
            reason = errors.CANNOT_READ(reason=getattr(e, "strerror", None) or str(e))
        yield shown, file_id, None, spool.add_error(reason, fmt), None


def _stream_rows(shown: str, file_id: str, fmt: str, stream: IO[bytes], columns: cols.Columns,
                 spool: Spool, max_bytes: int) -> Iterator[Listed]:
    if fmt == "csv":
        encoding = csv_reader.encoding_of(csv_reader.peek(stream))[1]
        rows = csv_reader.rows(stream, max_bytes)
    else:
        encoding = jsonl.ENCODING
        rows = jsonl.rows(stream, max_bytes)
    yield from _rows(shown, file_id, fmt, encoding, rows, columns, spool, max_bytes)


def _rows(shown: str, file_id: str, fmt: str, encoding: str, rows: Iterator[cols.Row],
          columns: cols.Columns, spool: Spool, max_bytes: int) -> Iterator[Listed]:
    first = True
    for row in rows:
        # a table's columns are the same for every row: no text column, no article
        if first and fmt != "jsonl" and row.values is not None \
                and "text" not in columns.plan(tuple(row.values)):
            reason = errors.DATASET_NO_TEXT_COLUMN(
                columns=columns.columns_for("text"),
                names=", ".join(map(str, row.values)) or "none")
            yield shown, file_id, None, spool.add_error(reason, fmt), None
            return
        first = False
        label: str | int = row.number
        if row.error is not None:
            place = spool.add_error(row.error, fmt, label)
            yield shown, f"{file_id}/{label}", None, place, label
            continue
        assert row.values is not None
        try:
            fields, row_id = columns.fields(row.values, row.where)
        except cols.RowError as e:
            label = e.row_id if e.row_id is not None else row.number
            article_id = f"{file_id}/{io.display(str(label))}"
            yield shown, article_id, None, spool.add_error(str(e), fmt, label), label
            continue
        label = row_id if row_id is not None else row.number
        article_id = f"{file_id}/{io.display(str(label))}"
        key, content = cols.content_key(fmt, encoding, fields)
        if len(content) > max_bytes:
            reason = errors.ROW_TOO_LARGE(where=row.where, size=len(content), limit=max_bytes)
            yield shown, article_id, None, spool.add_error(reason, fmt, label), label
            continue
        yield shown, article_id, key, spool.add_row(label, key, content), label


def read_stdin(fmt: str, columns: cols.Columns, spool: Spool, max_bytes: int,
               stream: IO[bytes] | None = None) -> list[Listed]:
    """The listed articles of standard input (``stream``, for tests), read whole now."""
    source: IO[bytes] = stream if stream is not None else sys.stdin.buffer
    if not hasattr(source, "peek"):
        source = stdio.BufferedReader(source)  # type: ignore[type-var]
    if csv_reader.peek(source)[:2] == _GZIP_MAGIC:
        import gzip

        source = cast(IO[bytes], gzip.GzipFile(fileobj=source, mode="rb"))
    if fmt in ("jsonl", "csv"):
        try:
            return list(_stream_rows(STDIN, "stdin", fmt, source, columns, spool, max_bytes))
        except (OSError, EOFError, zlib.error) as e:
            reason = errors.CORRUPT_GZIP(error=e)
            return [(STDIN, "stdin", None, spool.add_error(reason, fmt), None)]
    kind = "stdin" if fmt == "txt" else fmt
    try:
        data = source.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        reason = errors.CORRUPT_GZIP(error=e)
        return [(STDIN, "stdin", None, spool.add_error(reason, kind), None)]
    if len(data) > max_bytes:
        reason = errors.GREW_TOO_LARGE(limit=max_bytes)
        return [(STDIN, "stdin", None, spool.add_error(reason, kind), None)]
    key = hashlib.sha256(data).hexdigest()
    return [(STDIN, "stdin", key, spool.add_document(kind, data), None)]
