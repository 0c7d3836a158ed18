"""CSV (``.csv``): a header row naming the columns, then one article per record.

- Encoding: UTF-8, with or without a byte-order mark (Excel writes one), or UTF-16 with its
  mark; a file that stops being UTF-8 part-way ends with an error row naming the line.
- Delimiter: a comma, a semicolon or a tab, whichever the header line holds most of (Excel in
  a Vietnamese or French locale writes semicolons).
- Quoted fields keep their line breaks (an article body spans many lines); a row is numbered by
  the line it starts on, the header being line 1. No limit on a field's length but the size
  limit of an article (the standard library's 131,072 characters is lifted).
- A record with more fields than the header keeps the named ones; one with fewer has the
  others empty.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import IO

from partyx import errors
from partyx.readers.columns import Row

__all__ = ["rows"]

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"))
_DELIMITERS = ",;\t"
_FIELD_LIMIT = 2**31 - 1  # a C long on every platform


def peek(stream: IO[bytes]) -> bytes:
    """The first bytes of ``stream`` left unread (buffered files and gzip streams can)."""
    peek = getattr(stream, "peek", None)
    return bytes(peek(4)[:4]) if peek is not None else b""


def encoding_of(head: bytes) -> tuple[str, str]:
    """``(codec, name)`` of a CSV file from its first bytes: ``name`` is ``source.encoding``."""
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return codec, name
    return "utf-8", "utf-8"


def rows(stream: IO[bytes], max_bytes: int) -> Iterator[Row]:
    """The records of a CSV stream (see module docstring) as rows of column -> value."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type, type-var]
    codec, _ = encoding_of(peek(stream))
    text = io.TextIOWrapper(stream, encoding=codec, newline="")  # type: ignore[type-var]
    csv.field_size_limit(_FIELD_LIMIT)
    line = 0
    try:
        first = text.readline()
        if not first.strip():
            return
        delimiter = max(_DELIMITERS, key=first.count)
        header = next(csv.reader([first], delimiter=delimiter), [])
        names = [h.strip() for h in header]
        reader = csv.reader(text, delimiter=delimiter)
        line = 1
        for record in reader:
            start = line + 1
            line = reader.line_num + 1
            where = f"line {start}"
            if not any(field.strip() for field in record):
                continue
            size = sum(len(field) for field in record)
            if size > max_bytes:
                yield Row(start, where, None, errors.ROW_TOO_LARGE(
                    where=where, size=size, limit=max_bytes))
                continue
            yield Row(start, where, {name: value for name, value in zip(names, record, strict=False)
                                     if name})
    except UnicodeDecodeError as e:
        where = f"line {line + 1}"
        yield Row(line + 1, where, None, errors.DATASET_UNREADABLE(
            where=f" from {where} on", error=f"not {codec.upper()}: {e.reason}"))
    except csv.Error as e:
        where = f"line {line + 1}"
        yield Row(line + 1, where, None, errors.DATASET_UNREADABLE(
            where=f" from {where} on", error=e))
