"""One extraction run: list the files, check the pipeline, process each article, write the
records atomically, and count what happened.

The worker side is :func:`process_file` (bytes -> decoded text -> stages -> record); it runs
in this process or in worker processes through :mod:`partyx.executors`. The run side,
:func:`run`, is the only place that writes the output file.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from partyx import io
from partyx.article import Article
from partyx.pipeline import Pipeline, build

# Fields counted in the run summary.
COUNTED = ("people", "organizations", "places", "documents", "congresses", "membership")


@dataclass
class RunOptions:
    paths: list[Path]
    output: Path | None  # None: standard output
    only: list[str] | None = None
    skip: list[str] = field(default_factory=list)
    pattern: str = io.DEFAULT_GLOB
    workers: int = 1
    debug: bool = False
    max_bytes: int = io.MAX_BYTES


@dataclass
class RunSummary:
    articles: int = 0
    records: int = 0
    ok: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    failures: Counter = field(default_factory=Counter)  # stage -> articles it failed on
    found: Counter = field(default_factory=Counter)  # field -> items found
    seconds: float = 0.0
    stages: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        if self.articles == 0 or len(self.unreadable) == self.articles:
            return 2
        return 0 if self.ok == self.articles else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "records": self.records,
            "ok": self.ok,
            "unreadable": [{"path": p, "reason": r} for p, r in self.unreadable],
            "failures_by_stage": dict(self.failures),
            "found": dict(self.found),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 1),
            "stages": list(self.stages),
        }


# --- worker side -----------------------------------------------------------------------------

_PIPELINE: Pipeline | None = None
_MAX_BYTES = io.MAX_BYTES


def init_worker(only: list[str] | None, skip: list[str], max_bytes: int = io.MAX_BYTES) -> None:
    """Build the pipeline once per worker process (stages are not shipped between processes)."""
    global _PIPELINE, _MAX_BYTES
    _PIPELINE = build(only, skip)
    _MAX_BYTES = max_bytes


def read_article(path: Path, article_id: str, max_bytes: int = io.MAX_BYTES) -> Article:
    """The article as read from ``path``: decoded, normalised text in ``raw``. A file that
    cannot be read or decoded gives an article with a ``read`` error (the reason, from
    :mod:`partyx.io`) and no text. Path and id are made printable and JSON-safe."""
    source: dict[str, Any] = {"path": io.display(str(path)), "sha256": None, "bytes": None,
                              "encoding": None}
    article = Article(id=io.display(article_id), source=source)
    try:
        data = io.read_bytes(path, max_bytes)
        source.update(sha256=io.sha256(data), bytes=len(data))
        decoded = io.decode(data)
    except (io.ReadError, io.DecodeError) as e:
        article.errors.append({"stage": "read", "error": io.display(str(e))})
        article.extras["_tracebacks"] = [traceback.format_exc()]  # for --debug
        return article
    source["encoding"] = decoded.encoding
    article.raw = decoded.text
    return article


def process_file(task: tuple[str, str]) -> dict[str, Any]:
    """Worker function: ``(path, id)`` -> ``{"record": …, "tracebacks": […]}``."""
    assert _PIPELINE is not None, "init_worker was not called"
    path, article_id = task
    article = read_article(Path(path), article_id, _MAX_BYTES)
    if not article.errors:
        _PIPELINE.run(article)
    return {"record": article.to_record(), "tracebacks": article.extras.get("_tracebacks", [])}


# --- run side --------------------------------------------------------------------------------


def assign_ids(paths: list[Path]) -> list[tuple[str, str]]:
    """``(path, id)`` for each file: the id is the file stem; a stem seen twice in one run
    gets its parent folder's name too, so that ids stay unique."""
    stems = Counter(p.stem for p in paths)
    tasks = []
    used: set[str] = set()
    for p in paths:
        article_id = p.stem if stems[p.stem] == 1 else f"{p.parent.name}/{p.stem}"
        n = 2
        base = article_id
        while article_id in used:
            article_id = f"{base}~{n}"
            n += 1
        used.add(article_id)
        tasks.append((str(p), article_id))
    return tasks


def run(opts: RunOptions, log=print) -> RunSummary:
    """Run the extraction described by ``opts``. Raises :class:`~partyx.pipeline.PipelineError`
    or :class:`FileNotFoundError` before anything is read or written."""
    pipeline = build(opts.only, opts.skip)  # graph checked before any file is read
    if opts.output is not None:
        io.check_writable(opts.output)
    paths = list(io.find_articles(opts.paths, opts.pattern))
    tasks = assign_ids(paths)
    summary = RunSummary(stages=pipeline.names)
    start = time.perf_counter()
    results = _results(tasks, opts)
    if opts.output is None:
        _consume(results, sys.stdout.buffer, summary, opts, log)
        sys.stdout.flush()
    else:
        with io.atomic_writer(opts.output) as fh:
            _consume(results, fh, summary, opts, log)
    summary.seconds = time.perf_counter() - start
    return summary


def _results(tasks: list[tuple[str, str]], opts: RunOptions) -> Iterator[dict[str, Any]]:
    from partyx.executors.local import run_ordered

    workers = max(1, min(opts.workers, len(tasks)))
    return run_ordered(process_file, tasks, workers=workers, initializer=init_worker,
                       initargs=(opts.only, opts.skip, opts.max_bytes))


def _consume(results, fh, summary: RunSummary, opts: RunOptions, log) -> None:
    for result in results:
        record = result["record"]
        summary.articles += 1
        fh.write(orjson.dumps(record) + b"\n")
        summary.records += 1
        errors = record["errors"]
        if not errors:
            summary.ok += 1
        for err in errors:
            if err["stage"] == "read":
                summary.unreadable.append((record["source"]["path"], err["error"]))
                log(f"{record['source']['path']}: {err['error']}")
            else:
                summary.failures[err["stage"]] += 1
                log(f"{record['source']['path']}: stage {err['stage']} failed: {err['error']}")
        if opts.debug:
            for tb in result["tracebacks"]:
                log(tb)
        for name in COUNTED:
            summary.found[name] += len(record[name])
