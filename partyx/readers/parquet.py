"""Parquet (``.parquet``; the ``parquet`` extra: ``pip install 'partyx[parquet]'``, pyarrow):
one article per row, read in batches of a few hundred rows and only the columns that hold an
article's fields (:class:`~partyx.readers.columns.Columns`), so that a wide table with embeddings
or raw HTML beside the text costs nothing extra. Rows are numbered from 1. Nested columns
(structs) come as objects; timestamps as times (a timestamp without a zone is Vietnam's time).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from partyx import errors
from partyx.errors import DecodeError
from partyx.readers.columns import Columns, Row

__all__ = ["ENCODING", "rows"]

ENCODING = "utf-8"  # Parquet strings are UTF-8
_BATCH = 256


def rows(source: str | IO[bytes], columns: Columns) -> Iterator[Row]:
    """The rows of a Parquet file (a path, or a seekable binary stream)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DecodeError(errors.PARQUET_NEEDS_PYARROW) from None
    try:
        pf = pq.ParquetFile(source)
    except Exception as e:  # noqa: BLE001 - pyarrow raises its own kinds for a bad file
        raise DecodeError(errors.DATASET_UNREADABLE, where="", error=_reason(e)) from None
    names = tuple(pf.schema_arrow.names)
    wanted = sorted({path[0] for path in columns.plan(names).values() if path[0] in names})
    number = 0
    try:
        for batch in pf.iter_batches(batch_size=_BATCH, columns=wanted):
            for values in batch.to_pylist():
                number += 1
                yield Row(number, f"row {number}", values)
    except Exception as e:  # noqa: BLE001
        yield Row(number + 1, f"row {number + 1}", None, errors.DATASET_UNREADABLE(
            where=f" from row {number + 1} on", error=_reason(e)))


def _reason(e: Any) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
