"""JSON lines (``.jsonl``, ``.ndjson``): one JSON object per line, one article each (a dump of a
crawler's database). Blank lines are skipped; a line that is not JSON, or not an object, is a
row of its own with the error; a line longer than the size limit is not parsed (nor held in
memory whole)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import orjson

from partyx import errors
from partyx.readers.columns import Row

__all__ = ["ENCODING", "rows"]

ENCODING = "utf-8"  # JSON text is UTF-8 (RFC 8259); a byte-order mark is skipped
_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 20


def rows(stream: IO[bytes], max_bytes: int) -> Iterator[Row]:
    """The rows of a JSON lines stream, numbered by line from 1."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"line {number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_line(stream)
            yield Row(number, where, None, errors.ROW_TOO_LARGE(
                where=where, size=size, limit=max_bytes))
            continue
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM):]
        if line.isspace():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            yield Row(number, where, None, errors.ROW_NOT_JSON(where=where, error=e))
            continue
        if not isinstance(value, dict):
            yield Row(number, where, None, errors.ROW_NOT_OBJECT(where=where))
            continue
        yield Row(number, where, value)


def _skip_line(stream: IO[bytes]) -> int:
    """Read to the end of the current line; how many bytes were skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
