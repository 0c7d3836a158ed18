"""One extraction run: list the files, check the pipeline, process the articles that need it,
write the records atomically, and summarise what is persisted.

Worker side — :func:`process_task`: ``(path, id, known sha256, …)`` -> :class:`Result`. It
reads the file (``fstat`` + bytes + sha256); when the bytes are those already known it stops
there (``record`` is ``None``), else it decodes the text, runs the stages and returns the
record as a JSON line. It runs in worker processes (:mod:`partyx.run.executors.local`) or on a
Dask cluster (:mod:`partyx.run.executors.dask`).

Run side — :func:`run`, the only place that writes FILE:

1. build and check the pipeline, check FILE can be written, take FILE's lock;
2. list the files, give them ids, keep this shard's (``--shard I/N``: sha1(id) mod N);
3. plan, against the state beside FILE (:mod:`partyx.run.state`): an article whose path, size,
   mtime and stage signature are those stored is reused without being read; one whose size or
   mtime changed is read and hashed, and only processed when its bytes changed; one with a
   ``read`` error is always tried again; ``--full`` processes everything;
4. process the others, storing each result in the state (committed every
   ``checkpoint_every`` articles or ``checkpoint_seconds``: a killed run loses at most that);
5. write FILE from the state, in id order, by rename — or leave it when nothing changed;
6. summarise from the state: counts, failures by stage and reason, unreadable files.

With ``-o -`` there is no state: every article is processed and written to standard output
in id order.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

from partyx import errors, io
from partyx.errors import UsageError
from partyx.pipeline import Pipeline, build
from partyx.record import COUNTED, Article
from partyx.run.state import pack, unpack

REPORT_SCHEMA = "partyx-run/1"


@dataclass
class RunOptions:
    paths: list[Path]
    output: Path | None  # None: standard output
    only: list[str] | None = None
    skip: list[str] = field(default_factory=list)
    pattern: str = io.DEFAULT_GLOB
    workers: int | None = None  # None: every core this process may use
    debug: bool = False
    full: bool = False  # process every article, whatever the state says
    prune: bool = False  # drop the records of files that are no longer found
    wait: bool = False  # wait for another run on the same FILE instead of failing
    timeout: float | None = 30.0  # seconds per article; None: no limit
    max_tasks: int | None = 1000  # articles per worker process before it is replaced
    shard: tuple[int, int] | None = None  # (i, n): this run's part of the articles
    executor: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # dask scheduler address; None: a LocalCluster
    checkpoint_every: int = 1000
    checkpoint_seconds: float = 30.0
    max_bytes: int = io.MAX_BYTES  # larger files are reported as too large, never read


@dataclass
class RunSummary:
    """What FILE holds after the run (computed from the state), and what this run did.

    ``to_dict()`` is the ``--report`` JSON (``"schema": "partyx-run/1"``); its keys are
    documented in the README and kept stable.
    """

    articles: int = 0  # records in FILE
    records: int = 0
    ok: int = 0  # records without errors
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    failures: Counter = field(default_factory=Counter)  # stage -> articles it failed on
    reasons: dict[str, Counter] = field(default_factory=dict)  # stage -> reason -> articles
    found: Counter = field(default_factory=Counter)  # field -> items found
    seconds: float = 0.0
    stages: tuple[str, ...] = ()
    output: str | None = None
    # this run
    listed: int = 0  # article files found (in this shard)
    processed: int = 0  # articles whose stages ran
    reused: int = 0  # articles whose stored record was kept
    missing: int = 0  # records kept although their file is gone (see --prune)
    pruned: int = 0
    timeouts: int = 0
    crashes: int = 0
    workers_started: int = 0
    stage_seconds: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        """Articles processed per second in this run."""
        return self.processed / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        if self.articles == 0 or len(self.unreadable) == self.articles:
            return 2
        return 0 if self.ok == self.articles else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA,
            "output": self.output,
            "articles": self.articles,
            "records": self.records,
            "ok": self.ok,
            "unreadable": [{"path": p, "reason": r} for p, r in self.unreadable],
            "failures_by_stage": dict(sorted(self.failures.items())),
            "failures_by_reason": {s: dict(c.most_common())
                                   for s, c in sorted(self.reasons.items())},
            "found": dict(self.found),
            "run": {
                "listed": self.listed,
                "processed": self.processed,
                "reused": self.reused,
                "missing": self.missing,
                "pruned": self.pruned,
                "timeouts": self.timeouts,
                "crashes": self.crashes,
                "workers_started": self.workers_started,
            },
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "stages": list(self.stages),
            "exit_code": self.exit_code,
        }

    def add_record(self, path: str, errors: list[dict[str, str]],
                   found: dict[str, int]) -> None:
        """Count one record of FILE."""
        self.articles += 1
        self.records += 1
        if not errors:
            self.ok += 1
        for err in errors:
            stage, reason = err["stage"], err["error"]
            if stage == "read":
                self.unreadable.append((path, reason))
            else:
                self.failures[stage] += 1
                self.reasons.setdefault(stage, Counter())[reason[:200]] += 1
        self.found.update(found)


class Progress(Protocol):
    """What :func:`run` tells a progress display (the CLI's is a rich progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def refresh(self) -> None: ...


# --- worker side -----------------------------------------------------------------------------

# A task: (path, id, sha256 already known or None, size, mtime_ns) — a tuple, cheap to send.
Task = tuple[str, str, "str | None", "int | None", "int | None"]


@dataclass(slots=True)
class Result:
    """One processed article, as sent back by a worker."""

    id: str
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    record: bytes | None  # the JSON line, packed (partyx.run.state.pack); None: bytes unchanged
    errors: list[dict[str, str]]
    found: dict[str, int]
    tracebacks: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


_PIPELINE: Pipeline | None = None
_PIPELINE_KEY: tuple | None = None  # the (only, skip) _PIPELINE was built for
_PHASE: Any = None
_MAX_BYTES = io.MAX_BYTES


def init_worker(only: list[str] | None, skip: list[str], max_bytes: int = io.MAX_BYTES,
                phase: Any = None) -> None:
    """Build the pipeline once per worker process (stages are not shipped between
    processes), or keep the warmed-up one a forked worker inherited (see :func:`warm_up`).
    ``phase``: a shared integer set to 1 + the index of the running stage."""
    global _PIPELINE, _PIPELINE_KEY, _PHASE, _MAX_BYTES
    if _PIPELINE is None or (only, skip) != _PIPELINE_KEY:
        _PIPELINE, _PIPELINE_KEY = build(only, skip), (only, skip)
    _PHASE = phase
    _MAX_BYTES = max_bytes


# A small article in the genre, run once before worker processes are forked.
WARM_UP_TEXT = """Hà Nội
01/02/2021 08:00

Hội nghị Ban Chấp hành Đảng bộ huyện Gia Lâm

Sáng 1/2, Ban Thường vụ Huyện ủy Gia Lâm tổ chức hội nghị sơ kết 5 năm thực hiện Nghị quyết \
số 15-NQ/TU ngày 4/7/2017 của Ban Thường vụ Thành ủy Hà Nội. Đồng chí Nguyễn Văn An, Ủy viên \
Ban Thường vụ Thành ủy, Bí thư Huyện ủy chủ trì hội nghị. Đại hội Đảng bộ huyện lần thứ XX, \
nhiệm kỳ 2020-2025 đã đề ra các mục tiêu. Đảng bộ huyện có 54 tổ chức cơ sở đảng với 19.908 \
đảng viên.

Nguyễn Bình
"""


class _WarmUpTimeout(BaseException):
    """Raised by SIGALRM in a warm-up that takes too long (not an Exception: stages must not
    catch it)."""


def warm_up(pipeline: Pipeline, only: list[str] | None, skip: list[str],
            seconds: float | None) -> None:
    """Run ``pipeline`` once on :data:`WARM_UP_TEXT` in this process and keep it as the
    worker pipeline, so that the stages' lazy loads (gazetteers, compiled patterns) happen
    once here: forked workers, replacements and recycled ones included, inherit them instead
    of each paying for them again. Errors are ignored (the real articles will report them);
    a warm-up longer than ``seconds`` is abandoned (SIGALRM, main thread only)."""
    global _PIPELINE, _PIPELINE_KEY
    import signal
    import threading

    _PIPELINE, _PIPELINE_KEY = pipeline, (only, skip)
    article = Article(id="warm-up", source=_empty_source("warm-up"),
                      raw=io.decode(WARM_UP_TEXT.encode()).text)
    alarm = (seconds and hasattr(signal, "setitimer")
             and threading.current_thread() is threading.main_thread())

    def expire(signum: int, frame: Any) -> None:
        raise _WarmUpTimeout

    previous = signal.signal(signal.SIGALRM, expire) if alarm else None
    try:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        pipeline.run(article)
    except _WarmUpTimeout:
        pass
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    pipeline.timings = dict.fromkeys(pipeline.names, 0.0)


def _set_phase(i: int) -> None:
    _PHASE.value = i + 1


def _empty_source(path: str) -> dict[str, Any]:
    return {"path": path, "sha256": None, "bytes": None, "encoding": None}


def _read_error(article: Article, e: Exception) -> None:
    """Add the ``read`` error: the reason from :mod:`partyx.io`; the traceback for --debug."""
    article.errors.append({"stage": "read", "error": io.display(str(e))})
    article.extras["_tracebacks"] = [traceback.format_exc()]


def _decode_into(article: Article, data: bytes) -> None:
    """Fill ``article.raw`` from ``data``, or add the ``read`` error saying why not."""
    try:
        decoded = io.decode(data)
    except io.DecodeError as e:
        _read_error(article, e)
        return
    article.source["encoding"] = decoded.encoding
    article.raw = decoded.text


def read_article(path: Path, article_id: str, max_bytes: int = io.MAX_BYTES) -> Article:
    """The article as read from ``path``: decoded, normalised text in ``raw``. A file that
    cannot be read or decoded gives an article with a ``read`` error and no text."""
    article = Article(id=article_id, source=_empty_source(io.display(str(path))))
    try:
        data = io.read_bytes(path, max_bytes)
    except io.ReadError as e:
        _read_error(article, e)
        return article
    article.source.update(sha256=io.sha256(data), bytes=len(data))
    _decode_into(article, data)
    return article


def process_task(task: Task) -> Result:
    """Worker function (see module docstring). ``id`` comes JSON-safe from
    :func:`assign_ids`; the file is read through :func:`partyx.io.read_file`."""
    assert _PIPELINE is not None, "init_worker was not called"
    path, article_id, known_sha, _, _ = task
    article = Article(id=article_id, source=_empty_source(io.display(path)))
    size = mtime_ns = None
    try:
        data, st = io.read_file(path, _MAX_BYTES)
    except io.ReadError as e:
        _read_error(article, e)
        return _result(article, size, mtime_ns)
    size, mtime_ns = st.st_size, st.st_mtime_ns
    sha = io.sha256(data)
    if sha == known_sha:
        return Result(article_id, article.source["path"], size, mtime_ns, sha, None, [], {})
    article.source.update(sha256=sha, bytes=len(data))
    _decode_into(article, data)
    timings: dict[str, float] = {}
    if not article.errors:
        _PIPELINE.timings = timings = dict.fromkeys(_PIPELINE.names, 0.0)
        _PIPELINE.run(article, on_stage=_set_phase if _PHASE is not None else None)
    return _result(article, size, mtime_ns, timings)


def _result(article: Article, size: int | None, mtime_ns: int | None,
            timings: dict[str, float] | None = None) -> Result:
    record = article.to_record()
    return Result(
        article.id, record["source"]["path"], size, mtime_ns, record["source"]["sha256"],
        pack(orjson.dumps(record)), article.errors, {n: len(record[n]) for n in COUNTED},
        article.extras.get("_tracebacks", []), timings or {})


def failed_result(task: Task, stage: str, error: str) -> Result:
    """The result of an article whose worker was lost (time limit, crash): a record with the
    error, and the stat seen when listing (so that it is not retried until it changes)."""
    path, article_id, _, size, mtime_ns = task
    article = Article(id=article_id, source=_empty_source(io.display(path)))
    article.errors.append({"stage": stage, "error": error})
    return _result(article, size, mtime_ns)


# --- run side --------------------------------------------------------------------------------


def assign_ids(paths: list[Path]) -> list[tuple[str, str]]:
    """``(path, id)`` for each file: the id is the file stem; a stem seen twice in one run
    gets its parent folder's name too, so that ids stay unique. Ids are printable and
    JSON-safe (:func:`partyx.io.display`: a newline in a name is written ``\\n``)."""
    stems = Counter(p.stem for p in paths)
    tasks = []
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
        tasks.append((str(p), article_id))
    return tasks


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


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run(opts: RunOptions, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
        progress: Progress | None = None) -> RunSummary:
    """Run the extraction described by ``opts``. Raises before anything is read or written:
    :class:`~partyx.pipeline.PipelineError`, :class:`FileNotFoundError`, :class:`OSError`
    (FILE not writable), :class:`partyx.run.state.Locked`, or
    :class:`partyx.run.executors.ExecutorUnavailable`."""
    pipeline = build(opts.only, opts.skip)  # graph checked before any file is read
    if opts.executor == "dask":
        from partyx.run.executors import dask as dask_executor

        dask_executor.require()
    start = time.perf_counter()
    if opts.output is None:
        summary = _run_to_stdout(opts, pipeline, log, progress)
    else:
        check_writable(opts.output)
        from partyx.run import state as state_mod

        with state_mod.lock(opts.output, wait=opts.wait):
            state = state_mod.State(opts.output)
            try:
                summary = _run_with_state(opts, pipeline, state, log, progress)
            finally:
                state.close()
    summary.seconds = time.perf_counter() - start
    return summary


def _listing(opts: RunOptions) -> list[tuple[str, str]]:
    """``(path, id)`` of this run's articles, sorted by id."""
    listed = assign_ids(list(io.find_articles(opts.paths, opts.pattern)))
    if opts.shard is not None:
        i, n = opts.shard
        listed = [t for t in listed if shard_of(t[1], n) == i]
    listed.sort(key=lambda t: t[1])
    return listed


def _stat(path: str) -> tuple[int | None, int | None]:
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


def _plan(listed: list[tuple[str, str]], known: Iterable[Any], signature: str,
          full: bool) -> tuple[list[Task], int, list[str]]:
    """Merge the listing with the state (both in id order): the tasks to send to workers,
    how many articles are reused as they are, and the ids in the state that were not listed."""
    todo: list[Task] = []
    reused = 0
    missing: list[str] = []
    rows = iter(known)
    row = next(rows, None)
    for path, article_id in listed:
        while row is not None and row.id < article_id:
            missing.append(row.id)
            row = next(rows, None)
        size, mtime_ns = _stat(path)
        if row is None or row.id != article_id:
            todo.append((path, article_id, None, size, mtime_ns))
            continue
        same = (not full and row.path == io.display(path) and row.signature == signature
                and not row.unreadable)
        if same and size is not None and (row.size, row.mtime_ns) == (size, mtime_ns):
            reused += 1
        else:
            todo.append((path, article_id, row.sha256 if same else None, size, mtime_ns))
        row = next(rows, None)
    while row is not None:
        missing.append(row.id)
        row = next(rows, None)
    return todo, reused, missing


def _run_with_state(opts: RunOptions, pipeline: Pipeline, state: Any,
                    log: Callable[[str], None], progress: Progress | None) -> RunSummary:
    assert opts.output is not None
    _remove_stale_temporaries(opts.output)
    listed = _listing(opts)
    signature = pipeline.signature
    todo, reused, missing = _plan(listed, state.known(), signature, opts.full)
    if opts.shard is not None:  # records of other shards are not this run's business
        i, n = opts.shard
        missing = [m for m in missing if shard_of(m, n) == i]
    summary = RunSummary(stages=pipeline.names, output=str(opts.output), listed=len(listed),
                         reused=reused)
    changed = False
    state.track_changes()  # before any row changes: FILE's unchanged lines can be copied
    if opts.prune and missing:
        summary.pruned = state.delete(missing)
        changed = True
    else:
        summary.missing = len(missing)
    if todo:
        state.set_meta("output", "")  # FILE is stale from now until it is written again
        state.checkpoint(force=True)
        changed = True
    del listed
    for result in _execute(todo, opts, pipeline, summary, progress):
        if result.record is None:
            state.touch(result.id, result.size, result.mtime_ns)
            summary.reused += 1
        else:
            state.put(result.id, result.path, result.size, result.mtime_ns, result.sha256,
                      signature, result.record, result.errors, result.found)
            _note(result, summary, opts, log)
        state.checkpoint(opts.checkpoint_every, opts.checkpoint_seconds)
    state.checkpoint(force=True)
    if changed or not state.output_is_current():
        with io.atomic_writer(opts.output) as fh:
            state.write_records(fh)
        state.wrote_output()
    for _, path, record_errors, found in state.summary_rows():
        summary.add_record(path, record_errors, found)
    return summary


def _run_to_stdout(opts: RunOptions, pipeline: Pipeline, log: Callable[[str], None],
                   progress: Progress | None) -> RunSummary:
    listed = _listing(opts)
    summary = RunSummary(stages=pipeline.names, listed=len(listed))
    todo: list[Task] = [(p, i, None, *_stat(p)) for p, i in listed]
    order = {t[1]: n for n, t in enumerate(todo)}
    waiting: dict[int, Result] = {}
    next_out = 0
    with _records_stdout() as out:
        try:
            for result in _execute(todo, opts, pipeline, summary, progress):
                _note(result, summary, opts, log)
                waiting[order[result.id]] = result
                while next_out in waiting:
                    done = waiting.pop(next_out)
                    out.write(unpack(done.record) + b"\n")
                    summary.add_record(done.path, done.errors, done.found)
                    next_out += 1
            out.flush()
        except BrokenPipeError:  # `partyx extract … -o - | head`: the reader has had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())  # no second error when Python flushes at exit
            os.close(devnull)
    return summary


@contextlib.contextmanager
def _records_stdout() -> Iterator[IO[bytes]]:
    """Standard output for the records alone: while they are written, file descriptor 1
    points at standard error, so that a print in a stage or plugin, in this process or in a
    worker forked from it, or a library's log handler, cannot corrupt the JSONL. (Under a
    test runner that captures ``sys.stdout`` without a descriptor, that stream is used.)"""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        yield sys.stdout.buffer
        return
    sys.stdout.flush()
    records_fd = os.dup(fd)
    os.dup2(sys.stderr.fileno(), fd)
    out = os.fdopen(records_fd, "wb")
    try:
        yield out
    finally:
        with contextlib.suppress(OSError):
            out.flush()
        sys.stdout.flush()
        os.dup2(out.fileno(), fd)
        out.close()


def _note(result: Result, summary: RunSummary, opts: RunOptions,
          log: Callable[[str], None]) -> None:
    """Account for one processed article of this run and log its errors."""
    summary.processed += 1
    summary.stage_seconds.update(result.timings)
    for err in result.errors:
        if err["stage"] == "read":
            log(f"{result.path}: {err['error']}")
        else:
            log(f"{result.path}: stage {err['stage']} failed: {err['error']}")
    if opts.debug:
        for tb in result.tracebacks:
            log(tb)


def _execute(todo: list[Task], opts: RunOptions, pipeline: Pipeline, summary: RunSummary,
             progress: Progress | None) -> Iterator[Result]:
    """Results of ``todo`` in completion order, from the chosen executor."""
    if not todo:
        return
    if progress is not None:
        progress.start(len(todo))
    workers = max(1, min(opts.workers or default_workers(), len(todo)))
    if opts.executor == "dask":
        from partyx.run.executors import dask as dask_executor

        results = dask_executor.imap_unordered(
            process_task, todo, init_worker, (opts.only, opts.skip, opts.max_bytes),
            scheduler=opts.scheduler, workers=workers)
        for result in results:
            yield result
            if progress is not None:
                progress.advance()
                progress.refresh()
        return
    from partyx.run.executors.local import WorkerPool, forks

    names = pipeline.names
    if forks():
        warm_up(pipeline, opts.only, opts.skip, opts.timeout)

    def on_timeout(task: Task, phase: int) -> Result:
        stage = names[phase - 1] if 0 < phase <= len(names) else "timeout"
        return failed_result(task, stage, errors.TIMED_OUT(seconds=opts.timeout))

    def on_crash(task: Task, code: int | None, phase: int) -> Result:
        stage = names[phase - 1] if 0 < phase <= len(names) else "worker"
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return failed_result(task, stage, errors.WORKER_DIED(how=how))

    pool = WorkerPool(process_task, workers, init_worker, (opts.only, opts.skip, opts.max_bytes),
                      timeout=opts.timeout, max_tasks=opts.max_tasks, on_timeout=on_timeout,
                      on_crash=on_crash, tick=progress.refresh if progress else None)
    try:
        for result in pool.imap_unordered(todo):
            yield result
            if progress is not None:
                progress.advance()
    finally:
        summary.timeouts += pool.stats.timeouts
        summary.crashes += pool.stats.crashes
        summary.workers_started += pool.stats.started


def _remove_stale_temporaries(output: Path) -> None:
    """Temporary files a killed run left beside FILE (we hold the lock: none is in use)."""
    with contextlib.suppress(OSError):
        for tmp in output.parent.glob(f".{output.name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def check_writable(output: Path) -> None:
    """Fail early, before any work, when the output file cannot be written
    (see :func:`partyx.io.check_writable`)."""
    io.check_writable(output)


def write_report(summary: RunSummary, path: Path) -> None:
    """The run summary as JSON, written atomically (for monitoring)."""
    with io.atomic_writer(path) as fh:
        fh.write(orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
