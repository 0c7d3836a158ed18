"""What a view is, and a records file folded into one.

A view (:class:`View`) takes records one at a time (:meth:`View.add`), keeps only aggregates,
and gives a :class:`~partyx.views.render.ViewResult` that :func:`~partyx.views.render.render`
prints in any format. :func:`fold` streams a records file into a view through
:func:`latest_records`, the views' reader (the summary, the named views, ``export`` and
``report`` all read through it):

- one record per id: a file that holds an id twice (two files concatenated, a record edited
  and appended) counts it once, the last record of the id, with one warning for the file;
- lines that are not records are named and skipped (:func:`partyx.io.record_lines`), or
  refused with ``strict``; a UTF-8 BOM before the first line is read past.

Telling duplicates apart costs a first pass that reads only the ids at the head of each line
(:func:`partyx.io.scan_ids`, at the speed of reading the file). A file sorted by id without
repeats (as ``partyx extract`` and ``partyx merge`` write it) is then streamed in constant
memory; only for another file is the last line of each id kept in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import orjson

from partyx import SCHEMA, errors, io
from partyx.views.render import ViewResult


class View(Protocol):
    """A corpus view: the summary, people, documents, membership, events."""

    name: str

    def add(self, record: dict[str, Any]) -> None:
        """Fold one record in (never trusting its shape: see :mod:`partyx.views.records`)."""

    def result(self) -> ViewResult:
        """What the view found, for :func:`~partyx.views.render.render`."""


V = TypeVar("V", bound=View)


@dataclass
class Counts:
    """What reading a records file met."""

    records: int = 0  # records given to the view
    skipped: int = 0  # lines that are not records (named through warn)
    replaced: int = 0  # records of an id that a later line has too


def fold(view: V, path: Path, warn: Callable[[str], None] = lambda _: None,
         strict: bool = False, counts: Counts | None = None) -> V:
    """Fold the records of ``path`` (:func:`latest_records`) into ``view``; return ``view``.
    :class:`OSError` when ``path`` cannot be read."""
    for record in latest_records(path, warn, strict, counts):
        view.add(record)
    return view


def latest_records(path: Path, warn: Callable[[str], None] = lambda _: None,
                   strict: bool = False, counts: Counts | None = None
                   ) -> Iterator[dict[str, Any]]:
    """The records of ``path`` in file order, one per id: a record whose id a later line has
    too is left out (see module docstring), with one warning for the file. ``counts`` is
    filled as the records are read."""
    counts = counts if counts is not None else Counts()
    later = _overwritten_lines(path)
    if later:
        first_line, first_id = min((lines[0], i) for i, lines in later.items())
        replaced = sum(len(lines) for lines in later.values())
        warn(errors.DUPLICATE_IDS.coded(path=path, n=replaced,
                                        records="record shares" if replaced == 1
                                        else "records share", id=first_id, line=first_line))

    def skipped(message: str) -> None:
        counts.skipped += 1
        warn(message)

    for entry in io.record_lines(path, skipped, strict):
        if later and entry.number in later.get(entry.record["id"], ()):
            counts.replaced += 1
            continue
        counts.records += 1
        yield entry.record


def _overwritten_lines(path: Path) -> dict[str, list[int]]:
    """For each id held by more than one record: the numbers of its lines but the last. Empty
    (in constant memory) for a file whose ids strictly increase."""
    last: str | None = None
    lines_of: dict[str, list[int]] | None = None
    for n, (article_id, line) in enumerate(io.scan_ids(path), 1):
        article_id = _record_id(article_id, line, n)
        if article_id is None:
            continue
        if lines_of is None:
            if last is None or article_id > last:
                last = article_id
                continue
            lines_of = _lines_so_far(path, n)  # out of order: remember every id from here
        lines_of.setdefault(article_id, []).append(n)
    if lines_of is None:
        return {}
    return {i: lines[:-1] for i, lines in lines_of.items() if len(lines) > 1}


def _lines_so_far(path: Path, upto: int) -> dict[str, list[int]]:
    """The ids of the lines before line ``upto`` (a second, short read of the file's head)."""
    lines_of: dict[str, list[int]] = {}
    for n, (article_id, line) in enumerate(io.scan_ids(path), 1):
        if n >= upto:
            break
        article_id = _record_id(article_id, line, n)
        if article_id is not None:
            lines_of.setdefault(article_id, []).append(n)
    return lines_of


_OURS = b'{"schema":' + orjson.dumps(SCHEMA) + b","


def _record_id(scanned: str | None, line: bytes, n: int) -> str | None:
    """The id of line ``n`` if it is a record :func:`partyx.io.record_lines` reads (of this
    schema), else None: read from the head of a line partyx wrote, else parsed."""
    if scanned is not None:
        return scanned if line.startswith(_OURS) else None
    if n == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(value, dict) or value.get("schema") != SCHEMA:
        return None
    article_id = value.get("id")
    return article_id if isinstance(article_id, str) else None
