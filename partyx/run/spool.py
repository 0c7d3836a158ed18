"""The articles a run read itself before handing them to workers: dataset rows and standard
input.

A text file or a page is read by its worker, by path. A dataset file holds many articles, and
standard input can be read only once: the run reads them while listing (it needs each row's id
and content key to plan), and writes each article's entry to the spool, a temporary file; a
:class:`~partyx.run.plan.Task` then carries the entry's place, ``(spool, offset, length)``, and
its worker reads just those bytes. Memory stays flat whatever the size of a dump, nothing is
read twice, and a dataset file that changes while the run goes on cannot mix two versions.

The spool lives beside FILE (``.FILE.rows-PID.tmp``: Dask workers read it where they read the
articles, and a killed run's spool is removed by the next run on FILE) or, for ``-o -``, in the
temporary folder; it is removed when the run ends.

An entry is one kind byte and its payload, zlib-compressed:

- ``R`` a row: ``{"row": …, "key": …}``, a newline, then the row's content
  (:func:`partyx.readers.columns.content_key`);
- ``D`` a document read from standard input: its format, a newline, its bytes;
- ``E`` a row or file that could not be read: ``{"error": …, "format": …, "row": …}``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from pathlib import Path
from typing import IO, Any, NamedTuple

import orjson

__all__ = ["Entry", "Spool", "read_entry"]

ROW, DOCUMENT, ERROR = b"R", b"D", b"E"


class Entry(NamedTuple):
    """An entry as read back: its kind and what it holds."""

    kind: bytes
    row: str | int | None = None  # ROW: source.row
    key: str | None = None  # ROW: the content key
    content: bytes = b""  # ROW: the canonical content; DOCUMENT: the bytes
    format: str | None = None  # DOCUMENT, ERROR
    error: str | None = None  # ERROR


class Spool:
    """The spool of one run (created on the first entry; see module docstring)."""

    def __init__(self, folder: Path | None = None, name: str = "partyx") -> None:
        self.folder = folder
        self.name = name
        self.path: str | None = None
        self._fh: IO[bytes] | None = None
        self._size = 0

    def _open(self) -> IO[bytes]:
        if self._fh is None:
            folder = None if self.folder is None else str(self.folder)
            fd, self.path = tempfile.mkstemp(prefix=f".{self.name}.rows-{os.getpid()}-",
                                             suffix=".tmp", dir=folder)
            self._fh = os.fdopen(fd, "wb")
        return self._fh

    def _add(self, kind: bytes, payload: bytes) -> tuple[str, int, int]:
        fh = self._open()
        data = zlib.compress(kind + payload, 1)
        fh.write(data)
        offset = self._size
        self._size += len(data)
        assert self.path is not None
        return self.path, offset, len(data)

    def add_row(self, row: str | int, key: str, content: bytes) -> tuple[str, int, int]:
        return self._add(ROW, orjson.dumps({"row": row, "key": key}) + b"\n" + content)

    def add_document(self, fmt: str, data: bytes) -> tuple[str, int, int]:
        return self._add(DOCUMENT, fmt.encode() + b"\n" + data)

    def add_error(self, reason: str, fmt: str | None = None,
                  row: str | int | None = None) -> tuple[str, int, int]:
        return self._add(ERROR, orjson.dumps({"error": reason, "format": fmt, "row": row}))

    def flush(self) -> None:
        """Make every entry readable by the workers (call before handing out tasks)."""
        if self._fh is not None:
            self._fh.flush()

    def close(self) -> None:
        """Remove the spool."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def read_entry(place: tuple[str, int, int]) -> Entry:
    """The entry at ``place`` (``(spool, offset, length)``)."""
    path, offset, length = place
    fd = os.open(path, os.O_RDONLY)
    try:
        data = zlib.decompress(os.pread(fd, length, offset))
    finally:
        os.close(fd)
    kind, payload = data[:1], data[1:]
    if kind == ROW:
        head, _, content = payload.partition(b"\n")
        info = orjson.loads(head)
        return Entry(ROW, row=info["row"], key=info["key"], content=content)
    if kind == DOCUMENT:
        fmt, _, body = payload.partition(b"\n")
        return Entry(DOCUMENT, format=fmt.decode(), content=body)
    info = orjson.loads(payload)
    return Entry(ERROR, row=info["row"], format=info["format"], error=info["error"])
