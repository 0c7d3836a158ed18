"""What a run has to do: the article files listed, their ids, this shard's part of them, and
the plan against the state beside FILE.

Listing (:func:`list_articles`): the files under the paths given (:func:`partyx.io.find_articles`),
each with an id (:func:`assign_ids`), those of this shard only (``--shard I/N``:
:func:`shard_of`), sorted by id.

Planning (:func:`plan`): the listing merged with the state's rows, both in id order. An article
whose path, size, mtime and stage signature are those stored is reused without being read; one
whose size or mtime changed is read and hashed by its worker, and only processed when its bytes
changed (its :class:`Task` carries the stored sha256); one with a ``read`` error is always tried
again; with ``full`` everything is processed.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from partyx import errors, io
from partyx.errors import UsageError
from partyx.run.state import Known

# An article file found, and its id: ``(path, id)``. A plain tuple: the listing holds every
# file of the corpus, and a tuple of strings is left alone by the garbage collector.
Listed = tuple[str, str]


class Task(NamedTuple):
    """One article for a worker: a tuple, cheap to send to another process."""

    path: str
    id: str
    known_sha256: str | None  # the bytes already processed: unchanged bytes are not processed
    size: int | None  # os.stat when listed (kept when the worker is lost on it)
    mtime_ns: int | None


@dataclass(slots=True)
class Plan:
    """The work of a run against its state."""

    tasks: list[Task]  # the articles to read (in id order)
    reused: int  # articles whose stored record is kept without reading the file
    missing: list[str]  # ids in the state (of this shard) whose file was not listed


def assign_ids(paths: list[Path]) -> list[Listed]:
    """``(path, id)`` for each file: the id is the file stem; a stem seen twice in one run
    gets its parent folder's name too, so that ids stay unique. Ids are printable and
    JSON-safe (:func:`partyx.io.display`: a newline in a name is written ``\\n``)."""
    stems = Counter(p.stem for p in paths)
    listed: list[Listed] = []
    used: set[str] = set()
    for p in paths:
        stem = io.display(p.stem)
        article_id = stem if stems[p.stem] == 1 else f"{io.display(p.parent.name)}/{stem}"
        n = 2
        base = article_id
        while article_id in used:
            article_id = f"{base}~{n}"
            n += 1
        used.add(article_id)
        listed.append((str(p), article_id))
    return listed


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


def list_articles(paths: list[Path], pattern: str = io.DEFAULT_GLOB,
                  shard: tuple[int, int] | None = None) -> list[Listed]:
    """This run's articles, sorted by id. :class:`FileNotFoundError` for a path that does not
    exist."""
    listed = assign_ids(list(io.find_articles(paths, pattern)))
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


def every_article(listed: list[Listed]) -> list[Task]:
    """A task for every article (a run without a state)."""
    return [Task(path, article_id, None, *stat(path)) for path, article_id in listed]


def plan(listed: list[Listed], known: Iterable[Known], signature: str, full: bool = False,
         shard: tuple[int, int] | None = None) -> Plan:
    """Merge the listing with the state's rows (both in id order, see module docstring).
    ``shard``: the rows of other shards are not this run's business (never ``missing``)."""
    tasks: list[Task] = []
    reused = 0
    missing: list[str] = []
    rows = iter(known)
    row = next(rows, None)
    for path, article_id in listed:
        while row is not None and row.id < article_id:
            missing.append(row.id)
            row = next(rows, None)
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
    return Plan(tasks, reused, missing)
