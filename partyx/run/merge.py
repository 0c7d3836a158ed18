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
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

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
    # The lock keeps an extract on OUT out; its state adopts the merged records next time.
    with lock(output), io.atomic_writer(output) as fh:
        for article_id, _, line in heapq.merge(*streams):
            if article_id == last:
                continue  # a later input's record came first (lower -rank)
            fh.write(line)
            last = article_id
            written += 1
    return Merged(written, count.skipped, count.replaced)
