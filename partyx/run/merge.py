"""``partyx merge OUT IN…``: join the outputs of sharded runs into one FILE.

Each input is a records file written by ``partyx extract`` (sorted by id). The inputs are
merged as streams, so memory stays flat; an input that is not sorted by id is sorted in
memory first. A record id found in several inputs is written once: the one from the input
given last wins; within one input, its last line. OUT is written atomically (temporary file,
fsync, rename), sorted by id. Lines that are not records, and records of another ``schema``
than this version writes (a shard run by an older or newer partyx: mixing them would give
readers fields that do not mean the same), are named and skipped
(:func:`partyx.io.record_lines`): the merge then says how many (:class:`Merged`), and the
command exits 1.

Stories (:mod:`partyx.run.stories`) are linked across the inputs: each shard linked its own
articles, so the merged records are signed again from their text, matched in a temporary
index beside OUT, and a record whose ``story`` or ``duplicate_of`` the whole corpus changes is
rewritten in those two fields only (the merged lines go to a temporary file first; the others
are copied as they are).
"""

from __future__ import annotations

import heapq
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

import orjson

from partyx import errors, io


class Merged(NamedTuple):
    """What a merge did."""

    written: int  # records in OUT
    skipped: int  # lines of the inputs that are not records of this schema
    replaced: int  # records of an id that a later line of the same input has too


class _Counter:
    def __init__(self, warn: Callable[[str], None]) -> None:
        self.warn = warn
        self.skipped = 0
        self.replaced = 0

    def skip(self, message: str) -> None:
        self.skipped += 1
        self.warn(message)


def _id_lines(path: Path, warn: Callable[[str], None]) -> Iterator[tuple[str, int, bytes]]:
    """``(id, line number, line)`` of each record of ``path`` in file order; bad lines named,
    skipped."""
    for entry in io.record_lines(path, warn):
        line = entry.line
        yield entry.record["id"], entry.number, line if line.endswith(b"\n") else line + b"\n"


def _is_sorted(path: Path) -> bool:
    last = None
    for article_id, _, _ in _id_lines(path, lambda _: None):
        if last is not None and article_id < last:
            return False
        last = article_id
    return True


def _last_of_each(entries: Iterator[tuple[str, int, bytes]], path: Path,
                  count: _Counter) -> Iterator[tuple[str, int, bytes]]:
    """``entries`` sorted by id (then line), with only the last line of each id; one warning
    for the file when some id had several."""
    first: tuple[str, int] | None = None
    held: tuple[str, int, bytes] | None = None
    replaced = 0
    for entry in entries:
        if held is not None and held[0] == entry[0]:
            replaced += 1
            first = first or (held[0], held[1])
        elif held is not None:
            yield held
        held = entry
    if held is not None:
        yield held
    if first is not None:
        count.replaced += replaced
        count.warn(errors.DUPLICATE_IDS.coded(
            path=path, n=replaced, records="record shares" if replaced == 1 else "records share",
            id=first[0], line=first[1]))


def _by_id(path: Path, rank: int, count: _Counter) -> Iterator[tuple[str, int, bytes]]:
    """``(id, -rank, line)`` of each record of ``path``, sorted by id, one per id (streamed
    when the file is sorted already, as ``partyx extract`` writes it)."""
    if _is_sorted(path):
        entries: Iterator[tuple[str, int, bytes]] = _id_lines(path, count.skip)
    else:
        count.warn(errors.NOT_SORTED.coded(path=path))
        entries = iter(sorted(_id_lines(path, count.skip)))
    for article_id, _, line in _last_of_each(entries, path, count):
        yield article_id, -rank, line


def merge_files(output: Path, inputs: list[Path],
                warn: Callable[[str], None] = lambda _: None) -> Merged:
    """Merge the records files ``inputs`` into ``output``. :class:`FileNotFoundError` names an
    input that is missing."""
    for path in inputs:
        if not path.is_file():
            raise FileNotFoundError(str(path))
    from partyx.run.state import lock

    count = _Counter(warn)
    streams = [_by_id(p, rank, count) for rank, p in enumerate(inputs)]
    written = 0
    last = None
    ids: list[str] = []  # of the merged lines, in order
    # The lock keeps an extract on OUT out; its state adopts the merged records next time.
    with lock(output), tempfile.TemporaryDirectory(dir=output.parent,
                                                   prefix=f".{output.name}.merge-") as tmp:
        stories = _Stories(Path(tmp) / "stories.sqlite")
        with open(Path(tmp) / "merged.jsonl", "w+b") as merged:
            for article_id, _, line in heapq.merge(*streams):
                if article_id == last:
                    continue  # a later input's record came first (lower -rank)
                merged.write(line)
                ids.append(article_id)
                stories.add(article_id, line)
                last = article_id
                written += 1
            changes = stories.changes()
            merged.seek(0)
            with io.atomic_writer(output) as fh:
                _write_with_stories(merged, ids, fh, changes)
    return Merged(written, count.skipped, count.replaced)


class _Stories:
    """The stories of the merged records (a temporary index: see module docstring)."""

    def __init__(self, path: Path) -> None:
        from partyx.run.state import CACHE_SIZE
        from partyx.run.stories import StoryIndex

        self.db = sqlite3.connect(path, isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(f"PRAGMA cache_size = {CACHE_SIZE}")  # as the state's (see there)
        self.meta: dict[str, str] = {}
        self.index = StoryIndex(self.db, self.meta.get, self.meta.__setitem__)
        self.held: dict[str, tuple[object, object]] = {}  # the story fields records hold

    def add(self, article_id: str, line: bytes) -> None:
        from partyx.run.stories import sign

        record = orjson.loads(line)
        text, published = record.get("text"), record.get("published")
        # a record without the fields (an older partyx) is left so unless it joins a story
        held = (record.get("story", article_id), record.get("duplicate_of"))
        if held != (article_id, None):
            self.held[article_id] = held
        self.index.add(article_id, sign(text if isinstance(text, str) else None,
                                        published if isinstance(published, str) else None))

    def changes(self) -> dict[str, tuple[str, str | None]]:
        """The story fields of every record that must not keep what it holds."""
        wanted = {i: (story, duplicate_of) for i, story, duplicate_of in self.index.assign()}
        out = {i: w for i, w in wanted.items() if self.held.get(i, (i, None)) != w}
        for i in self.held:  # linked in its shard, not in the whole
            if i not in wanted:
                out[i] = (i, None)
        self.db.close()
        return out


def _write_with_stories(merged: IO[bytes], ids: list[str], fh: IO[bytes],
                        changes: dict[str, tuple[str, str | None]]) -> None:
    for article_id, line in zip(ids, merged, strict=True):
        if changes and article_id in changes:
            record = orjson.loads(line)
            story, duplicate_of = changes[article_id]
            errors_ = record.pop("errors", [])
            record.pop("story", None)
            record.pop("duplicate_of", None)
            record.update(story=story, duplicate_of=duplicate_of, errors=errors_)
            line = orjson.dumps(record) + b"\n"
        fh.write(line)
