"""What articles are read from: text files, saved web pages, dataset files, standard input.

One module per format, each behind one of two small contracts:

- a **document** reader turns the bytes of one file into one article: :mod:`.text` (``.txt``,
  and any file named on the command line whose format is not known), :mod:`.html` (``.html``,
  ``.htm``: the page's main text and metadata with trafilatura). ``read(data) -> Page``.
- a **dataset** reader turns one file into rows, one article each: :mod:`.jsonl` (``.jsonl``,
  ``.ndjson``), :mod:`.csv` (``.csv``), :mod:`.parquet` (``.parquet``, the ``parquet`` extra).
  ``rows(stream) -> Iterator[Row]``; :mod:`.columns` finds the article's fields among a row's
  columns by their usual names (``--field text=noi_dung`` for any other).

Any of them may be gzip-compressed (``x.jsonl.gz``, ``x.html.gz``): :func:`format_of` reads the
format under the ``.gz``, and :func:`stem_of` the name without both suffixes (the article id of
``x.txt.gz`` is ``x``). :mod:`.page` holds what every reader gives (:class:`~.page.Page`) and
how it becomes the text the stages read (:func:`~.page.compose`) and what the source states
(:class:`partyx.record.Stated`).

Readers import their third-party libraries (trafilatura, pyarrow) when they first read, so
that ``partyx --help`` and runs without pages or Parquet files never pay for them.
"""

from __future__ import annotations

import os
from pathlib import PurePath

__all__ = ["DATASETS", "DOCUMENTS", "FORMATS", "GZIP", "SUFFIXES", "format_of", "is_gzip",
           "stem_of"]

# File suffix (lower case) -> format (``source.format``).
SUFFIXES = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
GZIP = ".gz"
DOCUMENTS = ("txt", "html")  # one file, one article
DATASETS = ("jsonl", "csv", "parquet")  # one file, one article per row
# Every format partyx reads, as ``source.format`` names it ("stdin": a text article read from
# standard input).
FORMATS = ("txt", "html", "jsonl", "csv", "parquet", "stdin")


def is_gzip(path: str | PurePath) -> bool:
    return os.fspath(path).lower().endswith(GZIP)


def _suffix(name: str) -> str:
    if name.lower().endswith(GZIP):
        name = name[: -len(GZIP)]
    return os.path.splitext(name)[1].lower()


def format_of(path: str | PurePath) -> str | None:
    """The format of the file ``path`` by its name (``x.csv.gz`` -> ``csv``); ``None`` when
    partyx does not read that kind of file."""
    return SUFFIXES.get(_suffix(PurePath(path).name))


def stem_of(path: str | PurePath) -> str:
    """The file's name without its format suffix and ``.gz``: ``dump.jsonl.gz`` -> ``dump``,
    ``a.txt`` -> ``a``, ``notes.v2`` -> ``notes`` (as :attr:`PurePath.stem`)."""
    name = PurePath(path).name
    if name.lower().endswith(GZIP) and len(name) > len(GZIP):
        name = name[: -len(GZIP)]
        if _suffix(name) in SUFFIXES:
            return PurePath(name).stem
        return name
    return PurePath(name).stem
