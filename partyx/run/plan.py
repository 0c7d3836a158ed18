"""What a run has to do: the article files listed, their ids, this shard's part of them, and
the plan against the state beside FILE.

Listing (:func:`list_articles`): the files under the paths given (:func:`partyx.io.find_articles`),
each with an id (:func:`assign_ids`: the file's stem); the rows of dataset files and standard
input, read into the run's spool (:mod:`partyx.run.rows`, ids ``<file id>/<row>``); those of
this shard only (``--shard I/N``: :func:`shard_of`), sorted by id.

Planning (:func:`plan`): the listing merged with the state's rows, both in id order. An article
whose path, size, mtime and stage signature are those stored is reused without being read; one
whose size or mtime changed is read and hashed by its worker, and only processed when its bytes
changed (its :class:`Task` carries the stored sha256); one with a ``read`` error is always tried
again; with ``full`` everything is processed. A dataset row is known by its content: the same
content under the same id is reused; content the state holds under another id (the row moved
in a new dump, or the dump was renamed) is copied from there (:attr:`Plan.copies`); only new
content is processed.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from partyx import errors, io
from partyx.errors import UsageError
from partyx.readers import DATASETS, format_of, stem_of
from partyx.readers.columns import Columns
from partyx.run.rows import STDIN, Listed, expand, read_stdin
from partyx.run.spool import Spool
from partyx.run.state import Known

__all__ = ["Copy", "Listed", "Plan", "Task", "assign_ids", "every_article", "list_articles",
           "parse_shard", "plan", "shard_of", "stat"]


class Task(NamedTuple):
    """One article for a worker: a tuple, cheap to send to another process."""

    path: str
    id: str
    known_sha256: str | None  # the bytes already processed: unchanged bytes are not processed
    size: int | None  # os.stat when listed (kept when the worker is lost on it)
    mtime_ns: int | None
    # an article the run read itself (a dataset row, standard input): its spool entry
    # (partyx.run.spool) and content key, read from there instead of from ``path``
    entry: tuple[str, int, int] | None = None
    key: str | None = None


class Copy(NamedTuple):
    """A dataset row whose content the state holds under another id: its record is copied
    from ``source`` with its own id, path and row."""

    source: str
    id: str
    path: str
    row: str | int | None


@dataclass(slots=True)
class Plan:
    """The work of a run against its state."""

    tasks: list[Task]  # the articles to read (in id order)
    reused: int  # articles whose stored record is kept without reading the file (or copied)
    missing: list[str]  # ids in the state (of this shard) whose file was not listed
    copies: list[Copy] = field(default_factory=list)  # rows whose record is copied


def assign_ids(paths: list[Path]) -> list[tuple[str, str]]:
    """``(path, id)`` for each file: the id is the file's stem (its name without the format's
    suffix and ``.gz``: :func:`partyx.readers.stem_of`); a stem seen twice in one run gets its
    parent folder's name too, so that ids stay unique. Ids are printable and JSON-safe
    (:func:`partyx.io.display`: a newline in a name is written ``\\n``)."""
    stems = Counter(stem_of(p) for p in paths)
    listed: list[tuple[str, str]] = []
    used: set[str] = set()
    for p in paths:
        raw_stem = stem_of(p)
        stem = io.display(raw_stem)
        article_id = stem if stems[raw_stem] == 1 else f"{io.display(p.parent.name)}/{stem}"
        listed.append((str(p), _unique(article_id, used)))
    return listed


def _unique(article_id: str, used: set[str]) -> str:
    n = 2
    base = article_id
    while article_id in used:
        article_id = f"{base}~{n}"
        n += 1
    used.add(article_id)
    return article_id


def shard_of(article_id: str, n: int) -> int:
    """The shard of an article among ``n``: stable whatever other files come and go."""
    digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % n


def parse_shard(text: str) -> tuple[int, int]:
    """``"I/N"`` -> ``(I, N)`` with 0 <= I < N; :class:`~partyx.errors.UsageError` otherwise."""
    try:
        i, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise UsageError(errors.SHARD_FORMAT, text=text) from None
    if n < 1 or not 0 <= i < n:
        raise UsageError(errors.SHARD_RANGE, text=text)
    return i, n


def list_articles(paths: list[Path], pattern: str | None = io.DEFAULT_GLOB,
                  shard: tuple[int, int] | None = None, spool: Spool | None = None,
                  columns: Columns | None = None, stdin_format: str = "txt",
                  max_bytes: int = io.MAX_BYTES) -> list[Listed]:
    """This run's articles, sorted by id: the files, the rows of dataset files and standard
    input (``-`` among ``paths``), whose articles are read now into ``spool``.
    :class:`FileNotFoundError` for a path that does not exist (before anything is read)."""
    files = [p for p in paths if str(p) != STDIN]
    found = list(io.find_articles(files, pattern))
    columns = columns or Columns()
    if spool is None:
        spool = Spool()
    listed: list[Listed] = []
    html = False
    for path, file_id in assign_ids(found):
        fmt = format_of(path)
        if fmt in DATASETS:
            listed.extend(expand(path, file_id, fmt, columns, spool, max_bytes))
        else:
            listed.append((path, file_id, None, None, None))
            html = html or fmt == "html"
    if len(files) < len(paths):
        listed.extend(read_stdin(stdin_format, columns, spool, max_bytes))
        html = html or stdin_format == "html"
    spool.flush()
    if html:  # imported once here, before worker processes are forked, not once in each
        from partyx.readers.html import load

        load()
    used: set[str] = set()
    for k, entry in enumerate(listed):  # a row id that is also a file's, or seen twice
        unique = _unique(entry[1], used)
        if unique != entry[1]:
            listed[k] = (entry[0], unique, entry[2], entry[3], entry[4])
    if shard is not None:
        i, n = shard
        listed = [entry for entry in listed if shard_of(entry[1], n) == i]
    listed.sort(key=lambda entry: entry[1])
    return listed


def stat(path: str) -> tuple[int | None, int | None]:
    """``(size, mtime_ns)`` of ``path``, ``(None, None)`` when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


def _task(entry: Listed) -> Task:
    path, article_id, key, place, _ = entry
    if place is not None:
        return Task(path, article_id, None, None, None, place, key)
    return Task(path, article_id, None, *stat(path))


def every_article(listed: list[Listed]) -> list[Task]:
    """A task for every article (a run without a state)."""
    return [_task(entry) for entry in listed]


def plan(listed: list[Listed], known: Iterable[Known], signature: str, full: bool = False,
         shard: tuple[int, int] | None = None,
         by_content: Callable[[str], str | None] | None = None) -> Plan:
    """Merge the listing with the state's rows (both in id order, see module docstring).
    ``shard``: the rows of other shards are not this run's business (never ``missing``).
    ``by_content(key)``: the id of a record the state made, under this signature, from a
    row of that content key, if any."""
    tasks: list[Task] = []
    copies: list[Copy] = []
    reused = 0
    missing: list[str] = []
    rows = iter(known)
    row = next(rows, None)
    for entry in listed:
        path, article_id, key, place, label = entry
        while row is not None and row.id < article_id:
            missing.append(row.id)
            row = next(rows, None)
        if place is not None:  # read by the run: known by its content
            prev = None
            if row is not None and row.id == article_id:
                prev, row = row, next(rows, None)
            if key is None or full:
                tasks.append(_task(entry))
                continue
            if prev is not None and prev.sha256 == key and prev.signature == signature \
                    and not prev.unreadable and prev.path == io.display(path):
                reused += 1
                continue
            source = by_content(key) if by_content is not None else None
            if source is not None:
                copies.append(Copy(source, article_id, path, label))
                reused += 1
            else:
                tasks.append(_task(entry))
            continue
        size, mtime_ns = stat(path)
        if row is None or row.id != article_id:
            tasks.append(Task(path, article_id, None, size, mtime_ns))
            continue
        same = (not full and row.path == io.display(path) and row.signature == signature
                and not row.unreadable)
        if same and size is not None and (row.size, row.mtime_ns) == (size, mtime_ns):
            reused += 1
        else:
            tasks.append(Task(path, article_id, row.sha256 if same else None, size, mtime_ns))
        row = next(rows, None)
    while row is not None:
        missing.append(row.id)
        row = next(rows, None)
    if shard is not None:
        i, n = shard
        missing = [m for m in missing if shard_of(m, n) == i]
    return Plan(tasks, reused, missing, copies)
