"""``partyx merge OUT IN…``: join the outputs of sharded runs into one FILE.

Each input is a records file written by ``partyx extract`` (sorted by id). The inputs are
merged as streams, so memory stays flat; an input that is not sorted by id is sorted in
memory first. A record id found in several inputs is written once: the one from the input
given last wins. OUT is written atomically (temporary file, fsync, rename), sorted by id.
Lines that are not records, and records of another ``schema`` than this version writes (a
shard run by an older or newer partyx: mixing them would give readers fields that do not
mean the same), are named and skipped (:func:`partyx.io.record_lines`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from pathlib import Path

from partyx import errors, io


def _id_lines(path: Path, warn: Callable[[str], None]) -> Iterator[tuple[str, bytes]]:
    """``(id, line)`` of each record of ``path`` in file order; bad lines named, skipped."""
    for entry in io.record_lines(path, warn):
        line = entry.line
        yield entry.record["id"], line if line.endswith(b"\n") else line + b"\n"


def _is_sorted(path: Path) -> bool:
    last = None
    for article_id, _ in _id_lines(path, lambda _: None):
        if last is not None and article_id < last:
            return False
        last = article_id
    return True


def _by_id(path: Path, rank: int, warn: Callable[[str], None]
           ) -> Iterator[tuple[str, int, bytes]]:
    """``(id, -rank, line)`` of each record of ``path``, sorted by id (streamed when the file
    is sorted already, as ``partyx extract`` writes it)."""
    if _is_sorted(path):
        for article_id, line in _id_lines(path, warn):
            yield article_id, -rank, line
        return
    warn(errors.NOT_SORTED.coded(path=path))
    yield from sorted((i, -rank, line) for i, line in _id_lines(path, warn))


def merge_files(output: Path, inputs: list[Path],
                warn: Callable[[str], None] = lambda _: None) -> int:
    """Merge the records files ``inputs`` into ``output``; return the number of records
    written. :class:`FileNotFoundError` names an input that is missing."""
    for path in inputs:
        if not path.is_file():
            raise FileNotFoundError(str(path))
    from partyx.run.state import lock

    streams = [_by_id(p, rank, warn) for rank, p in enumerate(inputs)]
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
    return written
