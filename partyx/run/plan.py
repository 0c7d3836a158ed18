"""What a run has to do: the article files listed, their ids, this shard's part of them, and
the plan against the state beside FILE.

Listing (:func:`list_articles`): the files under the paths given (:func:`partyx.io.find_articles`),
each with an id (:func:`assign_ids`), those of this shard only (``--shard I/N``:
:func:`shard_of`), sorted by id.

Ids (:func:`file_id`): an article's id is its path below the folder given on the command line,
without its extension (``x`` for ``corpus/x.txt``, ``2021/x`` for ``corpus/2021/x.txt``); a file
named on the command line is its stem. The id depends on the file's own path only, never on
which other files exist, so it never changes while its file does not, and neither does its
shard. Two files can only claim one id when they differ by their extension alone
(``x.txt``, ``x.html``) or lie at the same place below two folders given on the command line:
those keep their extension, then the folder given (``a/x.txt``), so ids stay unique; a state
row whose file is now listed under another id is replaced, never kept as a stale record
(:attr:`Plan.replaced`).

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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
    # ids in the state whose file is listed under another id (an id given by an earlier
    # version of the id rule, or a collision): their records are replaced, never kept
    replaced: list[str] = field(default_factory=list)


def file_id(path: str, root: str | None) -> str:
    """The id of the article file ``path`` found under the folder ``root`` given on the command
    line (None: the file itself was given): its path below ``root`` without its extension (and
    without ``.gz`` before it), ``/``-separated, printable (:func:`partyx.io.display`)."""
    return io.display(_stem(_below(path, root)))


def _below(path: str, root: str | None) -> str:
    """``path`` below ``root`` (``/``-separated), or its name when ``root`` is None."""
    if root is None:
        return os.path.basename(path)
    prefix = root if root.endswith(os.sep) else root + os.sep
    rel = path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, root)
    return rel.replace(os.sep, "/") if os.sep != "/" else rel


def _stem(rel: str) -> str:
    """``2021/x.txt`` -> ``2021/x``; ``x.txt.gz`` -> ``x``; a name that starts with its only
    dot (``.txt``) stays as it is."""
    start = rel.rfind("/") + 1
    dot = rel.rfind(".")
    if dot <= start:
        return rel
    if rel[dot:].lower() == ".gz":
        inner = rel.rfind(".", start, dot)
        return rel[:inner] if inner > start else rel[:dot]
    return rel[:dot]


def assign_ids(found: Iterable[tuple[Path, Path | None]]) -> list[Listed]:
    """``(path, id)`` for each ``(file, folder given or None)`` (see the module docstring: ids
    by :func:`file_id`; the rare files that would share one keep their extension, then the
    folder given; a file listed twice is listed once)."""
    entries: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()
    for path, root in found:
        text = str(path)
        if text in seen:  # a file given twice (by name, and in a folder given)
            continue
        seen.add(text)
        folder = str(root) if root is not None else None
        entries.append((text, folder, file_id(text, folder)))
    claims = Counter(article_id for _, _, article_id in entries)
    listed: list[Listed] = []
    used: set[str] = set()
    for text, folder, article_id in entries:
        if claims[article_id] > 1:
            article_id = io.display(_below(text, folder))
        if article_id in used and folder is not None:
            article_id = f"{io.display(Path(folder).name)}/{article_id}"
        n = 2
        base = article_id
        while article_id in used:
            article_id = f"{base}~{n}"
            n += 1
        used.add(article_id)
        listed.append((text, article_id))
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
    listed = assign_ids((found, path if path.is_dir() else None)
                        for path in paths for found in io.find_articles([path], pattern))
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
         shard: tuple[int, int] | None = None,
         every_path: Callable[[], set[str]] | None = None) -> Plan:
    """Merge the listing with the state's rows (both in id order, see module docstring).
    ``shard``: the rows of other shards are not this run's business (never ``missing``).
    ``every_path``: the display paths of every file listed, of every shard (asked only when
    some row's id is not listed: a row whose file is listed under another id is replaced).
    Only files read whole, one article each, count here: a file that holds many articles (a
    dataset, one id per row) lists ids that are not one file's, and a row gone from it is
    missing, not replaced."""
    tasks: list[Task] = []
    reused = 0
    gone: list[Known] = []
    rows = iter(known)
    row = next(rows, None)
    for path, article_id in listed:
        while row is not None and row.id < article_id:
            gone.append(row)
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
        gone.append(row)
        row = next(rows, None)
    replaced: list[str] = []
    if gone:
        paths = every_path() if every_path is not None else {io.display(p) for p, _ in listed}
        replaced = [r.id for r in gone if r.path in paths]
        gone = [r for r in gone if r.path not in paths]
    missing = [r.id for r in gone]
    if shard is not None:
        i, n = shard
        missing = [m for m in missing if shard_of(m, n) == i]
    return Plan(tasks, reused, missing, replaced)
