"""What a run has to do: the article files listed, their ids, this shard's part of them, and
the plan against the state beside FILE.

Listing (:func:`list_articles`): the files under the paths given (:func:`partyx.io.find_articles`),
each with an id (:func:`assign_ids`); the rows of dataset files and standard input, read into the
run's spool (:mod:`partyx.run.rows`, ids ``<file id>/<row>``); those of this shard only
(``--shard I/N``: :func:`shard_of`), sorted by id.

Ids (:func:`assign_ids`): an article file's id is its stem, the name without its format's
suffix (and ``.gz``): ``x`` for ``corpus/x.txt`` and for ``corpus/2021/x.html`` (SPEC: "file
stem"); a dataset's rows are ``<file id>/<row>``. Files that would share a stem: a file keeps the
id the state beside FILE already holds for its path, so an id never changes while its file does
not and the state is kept (nor does its shard); among the others, the first in path order takes
the stem if no kept file holds it, and the rest their path below the folder given (:func:`file_id`:
``2021/x``), then with their suffix, then with the folder's name, then ``~N``. A state row whose
file is now listed under another id is replaced, never kept as a stale record
(:attr:`Plan.replaced`). With ``--shard``, each shard's state knows its own files only: a new file
that sorts before an older one of the same stem in another shard may be given the stem there too
(give such files distinct names, or run without shards once).

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
from partyx.readers import DATASETS, GZIP, SUFFIXES, format_of
from partyx.readers.columns import Columns
from partyx.run.rows import STDIN, Listed, expand, read_stdin
from partyx.run.spool import Spool
from partyx.run.state import Known

__all__ = ["Copy", "Listed", "Plan", "Task", "assign_ids", "every_article", "file_id",
           "list_articles", "parse_shard", "plan", "shard_of", "stat", "stem_id"]


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
    # ids in the state whose file is listed under another id (an id given by an earlier
    # version of the id rule, or a collision): their records are replaced, never kept
    replaced: list[str] = field(default_factory=list)


def file_id(path: str, root: str | None) -> str:
    """The id of the article file ``path`` found under the folder ``root`` given on the command
    line (None: the file itself was given): its path below ``root`` without its format's
    suffix and ``.gz`` (:func:`partyx.readers.stem_of`), ``/``-separated, printable
    (:func:`partyx.io.display`)."""
    return io.display(_stem(_below(path, root)))


def _below(path: str, root: str | None) -> str:
    """``path`` below ``root`` (``/``-separated), or its name when ``root`` is None."""
    if root is None:
        return os.path.basename(path)
    prefix = root if root.endswith(os.sep) else root + os.sep
    rel = path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, root)
    return rel.replace(os.sep, "/") if os.sep != "/" else rel


def _stem(rel: str) -> str:
    """``2021/x.txt`` -> ``2021/x``; ``dump.jsonl.gz`` -> ``dump``; ``notes.v2.gz`` ->
    ``notes.v2``; a name that starts with its only dot (``.txt``) stays as it is (as
    :func:`partyx.readers.stem_of`, on a string)."""
    start = rel.rfind("/") + 1
    if rel.lower().endswith(GZIP) and len(rel) - start > len(GZIP):
        rel = rel[:-len(GZIP)]
        dot = rel.rfind(".")
        return rel[:dot] if dot > start and rel[dot:].lower() in SUFFIXES else rel
    dot = rel.rfind(".")
    return rel[:dot] if dot > start else rel


def stem_id(path: str) -> str:
    """The plain id of an article file: its name without its format's suffix and ``.gz``."""
    return io.display(_stem(os.path.basename(path)))


def assign_ids(found: Iterable[tuple[Path, Path | None]],
               held: Callable[[list[str]], dict[str, str]] | None = None
               ) -> list[tuple[str, str]]:
    """``(path, id)`` for each ``(file, folder given or None)``, a file listed twice listed once
    (see the module docstring). ``held(paths)``: the ids the state holds for those paths, asked
    only for the files that would share a stem."""
    entries: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for path, root in found:
        text = str(path)
        if text in seen:  # a file given twice (by name, and in a folder given)
            continue
        seen.add(text)
        entries.append((text, str(root) if root is not None else None))
    stems = [stem_id(text) for text, _ in entries]
    claims = Counter(stems)
    shared = [text for (text, _), stem in zip(entries, stems, strict=True) if claims[stem] > 1]
    kept = held(shared) if held is not None and shared else {}
    for text, held_id in list(kept.items()):  # a dataset's rows are <file id>/<row>
        if format_of(text) in DATASETS:
            kept[text] = held_id.rpartition("/")[0] or held_id
    used = {stem for stem in stems if claims[stem] == 1}
    used.update(kept.values())
    ids: dict[str, str] = {}
    for (text, folder), stem in sorted(zip(entries, stems, strict=True)):
        if claims[stem] == 1:
            ids[text] = stem
        elif text in kept:
            ids[text] = kept[text]
        elif stem not in used:
            used.add(stem)
            ids[text] = stem
        else:
            ids[text] = _longer_id(text, folder, used)
    return [(text, ids[text]) for text, _ in entries]


def _longer_id(text: str, folder: str | None, used: set[str]) -> str:
    """The id of a file whose stem is taken: its path below the folder given, then with its
    suffix, then with the folder's name, then ``~N``."""
    for candidate in (file_id(text, folder), io.display(_below(text, folder)),
                      f"{io.display(Path(folder).name)}/{io.display(_below(text, folder))}"
                      if folder is not None else ""):
        if candidate and candidate not in used:
            used.add(candidate)
            return candidate
    return _unique(io.display(_below(text, folder)), used)


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
                  max_bytes: int = io.MAX_BYTES,
                  held: Callable[[list[str]], dict[str, str]] | None = None) -> list[Listed]:
    """This run's articles, sorted by id: the files, the rows of dataset files and standard
    input (``-`` among ``paths``), whose articles are read now into ``spool``; ``held``: the
    ids the state holds for some paths (:func:`assign_ids`).
    :class:`FileNotFoundError` for a path that does not exist (before anything is read)."""
    files = [p for p in paths if str(p) != STDIN]
    found = [(f, p if p.is_dir() else None) for p in files for f in io.find_articles([p], pattern)]
    columns = columns or Columns()
    if spool is None:
        spool = Spool()
    listed: list[Listed] = []
    html = False
    for path, path_id in assign_ids(found, held):
        fmt = format_of(path)
        if fmt in DATASETS:
            listed.extend(expand(path, path_id, fmt, columns, spool, max_bytes))
        else:
            listed.append((path, path_id, None, None, None))
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
         by_content: Callable[[str], str | None] | None = None,
         every_path: Callable[[], set[str]] | None = None) -> Plan:
    """Merge the listing with the state's rows (both in id order, see module docstring).
    ``shard``: the rows of other shards are not this run's business (never ``missing``).
    ``by_content(key)``: the id of a record the state made, under this signature, from a
    row of that content key, if any. ``every_path``: the display paths of the files read whole
    (one article each) listed in every shard (asked only when some row's id is not listed: a
    row whose file is listed under another id is replaced); default: this listing's. A
    dataset, one id per row, is not among them: a row gone from it is missing, not
    replaced."""
    tasks: list[Task] = []
    copies: list[Copy] = []
    reused = 0
    gone: list[Known] = []
    rows = iter(known)
    row = next(rows, None)
    for entry in listed:
        path, article_id, key, place, label = entry
        while row is not None and row.id < article_id:
            gone.append(row)
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
        gone.append(row)
        row = next(rows, None)
    replaced: list[str] = []
    if gone:
        paths = every_path() if every_path is not None else whole_files(listed)
        replaced = [r.id for r in gone if r.path in paths]
        gone = [r for r in gone if r.path not in paths]
    missing = [r.id for r in gone]
    if shard is not None:
        i, n = shard
        missing = [m for m in missing if shard_of(m, n) == i]
    return Plan(tasks, reused, missing, copies, replaced)


def whole_files(listed: list[Listed]) -> set[str]:
    """The display paths of the files of ``listed`` read whole, one article each (not the
    rows of a dataset, nor standard input)."""
    return {io.display(entry[0]) for entry in listed if entry[3] is None}
