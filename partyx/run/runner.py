"""One extraction run: list the files, check the pipeline, process the articles that need it,
write the records atomically, and summarise what is persisted. :func:`run` is the only place
that writes FILE.

1. check the pipeline (no stage code runs in this process but partyx's own, in the warm-up),
   check the paths given exist and FILE can be written, take FILE's lock;
2. list the files, give them ids, keep this shard's (:mod:`partyx.run.plan`);
3. plan against the state beside FILE (:mod:`partyx.run.state`, :func:`partyx.run.plan.plan`):
   only the articles whose file or stage versions changed are processed; ``--full`` processes
   everything;
4. process them where the executor runs them (:mod:`partyx.run.executors`: each worker runs
   :func:`partyx.run.worker.process_task`), storing each result in the state (committed every
   ``checkpoint_every`` articles or ``checkpoint_seconds``: a killed run loses at most that);
5. write FILE from the state, in id order, by rename, or leave it when nothing changed;
6. summarise from the state (:class:`partyx.run.summary.RunSummary`): counts, failures by stage
   and reason, unreadable files.

With ``-o -`` there is no state: every article is processed and written to standard output
in id order; a reader that closes the pipe (``| head``) ends the run quietly.

Ctrl-C (SIGINT) and SIGTERM stop the run the same way: the workers are stopped, what was
processed is committed to the state, and :class:`~partyx.errors.Interrupted` says how much (the
command exits 130 or 143). A state that cannot be used (not a database, damaged inside) is
moved aside, with a warning, and rebuilt from FILE.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Protocol

from partyx import errors, io
from partyx.errors import Interrupted, OutputError, UsageError
from partyx.pipeline import Stage, choose, signature
from partyx.readers import DATASETS, format_of
from partyx.readers.columns import Columns
from partyx.run import plan as planning
from partyx.run.executors.base import Executor, executor_class
from partyx.run.plan import Task
from partyx.run.spool import Spool
from partyx.run.state import State, lock, set_aside, state_path, unpack
from partyx.run.stories import Signature, StoryIndex, prepare, sign
from partyx.run.summary import RunSummary
from partyx.run.worker import (
    Result,
    init_worker,
    process_task,
    timed_out,
    warm_up,
    worker_died,
)


@dataclass
class RunOptions:
    paths: list[Path]
    output: Path | None  # None: standard output
    only: list[str] | None = None
    skip: list[str] = field(default_factory=list)
    pattern: str | None = io.DEFAULT_GLOB  # None: every format partyx reads
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
    max_memory: int | None = None  # bytes a worker may allocate beyond its start; None: no limit
    fields: dict[str, str] = field(default_factory=dict)  # --field: article field -> column
    stdin_format: str = "txt"  # what standard input ("-" among the paths) holds


class Progress(Protocol):
    """What :func:`run` tells a progress display (the CLI's is a rich progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def refresh(self) -> None: ...


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _warn(message: str) -> None:
    print(f"partyx: warning: {message}", file=sys.stderr)


@dataclass
class _Pipeline:
    """What this process knows of the pipeline: the checked classes, never their code."""

    stages: list[type[Stage]]
    names: tuple[str, ...]
    signature: str


def run(opts: RunOptions, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
        progress: Progress | None = None, warn: Callable[[str], None] = _warn) -> RunSummary:
    """Run the extraction described by ``opts``. Raises before anything is read or written:
    :class:`~partyx.errors.PipelineError`, :class:`~partyx.errors.UsageError` (an unknown
    executor, an option the executor does not apply), :class:`FileNotFoundError` (a path given
    does not exist: nothing is created), :class:`OSError` (FILE not writable),
    :class:`~partyx.errors.Locked`, or :class:`~partyx.errors.ExecutorUnavailable`; while it
    runs, :class:`~partyx.errors.Interrupted` (Ctrl-C, SIGTERM) after committing what was
    done. ``warn``: the warnings that are shown even with ``-q`` (a state moved aside)."""
    stages = choose(opts.only, opts.skip)  # graph checked before any file is read
    pipeline = _Pipeline(stages, tuple(c.name for c in stages), signature(stages))
    _check_executor_options(opts)
    executor_class(opts.executor).require()
    for path in opts.paths:  # a typo creates nothing: checked before FILE, lock and state
        if str(path) != "-" and not (path.exists() or path.is_symlink()):
            raise FileNotFoundError(str(path))
    start = time.perf_counter()
    try:
        with _signals_interrupt():
            if opts.output is None:
                with Spool() as spool:
                    summary = _run_to_stdout(opts, pipeline, log, progress, spool)
            else:
                _check_writable(opts.output)
                with lock(opts.output, wait=opts.wait), \
                        Spool(opts.output.parent, opts.output.name) as spool:
                    _remove_stale_temporaries(opts.output)  # before this run's spool exists
                    summary = _run_recovering(opts, opts.output, pipeline, log, progress, warn,
                                              spool)
    except (KeyboardInterrupt, _Signalled) as e:  # waiting for the lock, listing the files
        raise Interrupted(errors.INTERRUPTED_EARLY, signum=_signum(e)) from None
    summary.seconds = time.perf_counter() - start
    return summary


def _check_writable(output: Path) -> None:
    """:func:`partyx.io.check_writable`, its failure said in plain words
    (:class:`~partyx.errors.OutputError`)."""
    try:
        io.check_writable(output)
    except IsADirectoryError:
        raise OutputError(errors.OUTPUT_IS_A_FOLDER, path=output) from None
    except NotADirectoryError as e:
        raise OutputError(errors.OUTPUT_UNDER_A_FILE, output=output, file=e.filename) from None
    except OSError as e:
        raise OutputError(errors.OUTPUT_FOLDER_REFUSES, output=output,
                          folder=e.filename or output.parent,
                          reason=e.strerror or str(e)) from None


def _check_executor_options(opts: RunOptions) -> None:
    """The Dask executor applies no per-article time limit, recycling or memory limit: asking
    for one is a usage error, never silently ignored."""
    if opts.executor != "dask":
        return
    for option, value in (("--timeout", opts.timeout), ("--max-tasks-per-worker", opts.max_tasks),
                          ("--max-memory", opts.max_memory)):
        if value:
            raise UsageError(errors.NOT_WITH_DASK, option=option)


class _Signalled(BaseException):
    """SIGTERM arrived (raised in the main thread, like KeyboardInterrupt for SIGINT)."""


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM raises in the main thread as Ctrl-C does, so that both stop the run the same way;
    the previous handler is put back after. (Elsewhere than the main thread, nothing changes.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise _Signalled

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _no_more_signals() -> Iterator[None]:
    """While an interrupted run commits what it did, a second Ctrl-C or SIGTERM is held back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in held.items():
            signal.signal(s, handler)


def _signum(e: BaseException) -> int:
    return signal.SIGTERM if isinstance(e, _Signalled) else signal.SIGINT


def _list(opts: RunOptions, spool: Spool, shard: bool = True,
          held: Callable[[list[str]], dict[str, str]] | None = None) -> list[planning.Listed]:
    return planning.list_articles(opts.paths, opts.pattern, opts.shard if shard else None,
                                  spool=spool, columns=Columns(opts.fields),
                                  stdin_format=opts.stdin_format, max_bytes=opts.max_bytes,
                                  held=held)


def _run_recovering(opts: RunOptions, output: Path, pipeline: _Pipeline,
                    log: Callable[[str], None], progress: Progress | None,
                    warn: Callable[[str], None], spool: Spool) -> RunSummary:
    """The run with its state; a state found damaged inside (SQLite reports the database
    malformed at any moment of the run) is moved aside, and the run starts again on a new
    state built from FILE (as for a state whose header is damaged: :class:`State`)."""
    for attempt in (1, 2):
        state: State | None = None
        try:
            state = State(output, warn=warn)
            return _run_with_state(opts, output, pipeline, state, log, progress, spool)
        except sqlite3.DatabaseError as e:
            if type(e) is not sqlite3.DatabaseError or attempt == 2:
                raise  # the disk (full, read-only, I/O: OperationalError), or damaged again
            if state is not None:
                with contextlib.suppress(sqlite3.Error):
                    state.db.close()
            path = state_path(output)
            aside = set_aside(path)
            warn(errors.STATE_SET_ASIDE.coded(state=path, error=e, aside=aside, output=output))
        finally:
            if state is not None:
                with contextlib.suppress(sqlite3.Error):
                    state.close()
    raise AssertionError("unreachable")  # pragma: no cover


def _run_with_state(opts: RunOptions, output: Path, pipeline: _Pipeline, state: State,
                    log: Callable[[str], None], progress: Progress | None,
                    spool: Spool) -> RunSummary:
    listed = _list(opts, spool, held=state.ids_of)
    signature = pipeline.signature
    every_path = None
    if opts.shard is not None:  # the files of the other shards too (no dataset is read again)
        def every_path() -> set[str]:
            return {io.display(str(f)) for root in opts.paths if str(root) != "-"
                    for f in io.find_articles([root], opts.pattern)
                    if format_of(f) not in DATASETS}
    work = planning.plan(listed, state.known(), signature, opts.full, opts.shard,
                         by_content=lambda key: state.find_content(key, signature),
                         every_path=every_path)
    summary = RunSummary(stages=pipeline.names, output=str(output), listed=len(listed),
                         reused=work.reused)
    changed = False
    state.track_changes()  # before any row changes: FILE's unchanged lines can be copied
    stories = StoryIndex(state.db, state.get_meta, state.set_meta)
    if work.replaced:
        state.delete(work.replaced)
        for id_ in work.replaced:
            stories.forget(id_)
        changed = True
    if work.tasks and _forks_workers(opts):
        prepare()  # numpy and MinHash, imported once before the workers fork
    if work.tasks or work.copies:
        state.set_meta("output", "")  # FILE is stale from now until it is written again
        # rows whose content has a record already; before pruning, which may remove the id
        # a record is copied from
        for copy in work.copies:  # its record comes from another's: signed below
            stories.forget(copy[1])
        state.copy(work.copies)
        state.checkpoint(force=True)
        changed = True
    if opts.prune and work.missing:
        summary.pruned = state.delete(work.missing)
        for id_ in work.missing:
            stories.forget(id_)
        changed = True
    else:
        summary.missing = len(work.missing)
    del listed
    try:
        with contextlib.closing(_execute(work.tasks, opts, pipeline, summary, progress)) as done:
            for result in done:
                if result.record is None:
                    assert result.size is not None and result.mtime_ns is not None
                    state.touch(result.id, result.size, result.mtime_ns)
                    summary.reused += 1
                else:
                    state.put(result.id, result.path, result.size, result.mtime_ns,
                              result.sha256, pipeline.signature, result.record, result.errors,
                              result.found)
                    stories.pend(result.id, result.story or Signature(None, 0, None))
                    _note(result, summary, opts, log)
                state.checkpoint(opts.checkpoint_every, opts.checkpoint_seconds)
        state.checkpoint(force=True)
        stories.add_pending()
        changed = _link_stories(state, stories) or changed
        state.checkpoint(force=True)
        if changed or not state.output_is_current():
            with io.atomic_writer(output) as fh:
                state.write_records(fh)
            state.wrote_output()
    except (KeyboardInterrupt, _Signalled) as e:
        with _no_more_signals():
            state.checkpoint(force=True)
        raise Interrupted(errors.INTERRUPTED, signum=_signum(e), output=output,
                          committed=_articles(summary.processed)) from None
    for row in state.summary_rows():
        summary.add_record(row.path, row.errors, row.found)
    return summary


def _forks_workers(opts: RunOptions) -> bool:
    """The run's workers are forked from this process (they inherit what it imported)."""
    from partyx.run.executors.local import forks

    return opts.executor != "dask" and forks()


def _link_stories(state: State, stories: StoryIndex) -> bool:
    """Sign the records that have no signature yet (from their text: no article is read
    again), work out the stories the articles of this run touched, and rewrite the story
    fields of the records whose story changed. True when a record changed."""
    changed = False
    for id_ in stories.unsigned():
        record = state.record(id_)
        if record is None:  # pragma: no cover - listed from the same table
            continue
        text, published = record.get("text"), record.get("published")
        stories.add(id_, sign(text if isinstance(text, str) else None,
                              published if isinstance(published, str) else None))
        if "story" not in record:  # a record of an older partyx
            if not changed:
                state.set_meta("output", "")
            changed = state.set_story(id_, id_, None) or changed
        else:  # taken in from FILE: it holds the story it had there
            stories.holds(id_, record["story"], record.get("duplicate_of"))
    for id_, story, duplicate_of in stories.assign():
        if not changed:
            state.set_meta("output", "")  # FILE is stale until written again
        changed = state.set_story(id_, story, duplicate_of) or changed
    return changed


def _articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")


def _run_to_stdout(opts: RunOptions, pipeline: _Pipeline, log: Callable[[str], None],
                   progress: Progress | None, spool: Spool) -> RunSummary:
    listed = _list(opts, spool)
    summary = RunSummary(stages=pipeline.names, listed=len(listed))
    tasks = planning.every_article(listed)
    order = {task.id: n for n, task in enumerate(tasks)}
    waiting: dict[int, Result] = {}
    next_out = 0
    with _records_stdout() as out:
        try:
            with contextlib.closing(_execute(tasks, opts, pipeline, summary, progress)) as done:
                for result in done:
                    _note(result, summary, opts, log)
                    waiting[order[result.id]] = result
                    while next_out in waiting:
                        ready = waiting.pop(next_out)
                        assert ready.record is not None  # no known bytes without a state
                        out.write(unpack(ready.record) + b"\n")
                        summary.add_record(ready.path, ready.errors, ready.found)
                        next_out += 1
                out.flush()
        except BrokenPipeError:  # `partyx extract … -o - | head`: the reader has had enough
            summary.stdout_closed = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())  # no second error when Python flushes at exit
            os.close(devnull)
        except (KeyboardInterrupt, _Signalled) as e:
            with contextlib.suppress(OSError):
                out.flush()
            raise Interrupted(errors.INTERRUPTED_STDOUT, signum=_signum(e),
                              written=_records(summary.records)) from None
    return summary


def _records(n: int) -> str:
    return f"{n:,} record" + ("" if n == 1 else "s")


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


def _executor(opts: RunOptions, pipeline: _Pipeline, workers: int,
              progress: Progress | None) -> Executor[Task, Result]:
    """The executor ``opts`` asks for, running :func:`~partyx.run.worker.process_task`."""
    names = pipeline.names
    if opts.executor == "dask":
        from partyx.run.executors.dask import DaskExecutor

        return DaskExecutor(process_task, workers, init_worker,
                            (opts.only, opts.skip, opts.max_bytes),
                            on_crash=lambda task, code, phase: worker_died(
                                task, names, phase, code, where="a Dask worker"),
                            scheduler=opts.scheduler)
    from partyx.run.executors.local import LocalExecutor, forks

    if forks():
        warm_up(pipeline.stages, opts.timeout)
    seconds = opts.timeout or 0.0
    return LocalExecutor(
        process_task, workers, init_worker,
        (opts.only, opts.skip, opts.max_bytes, opts.max_memory),
        on_timeout=lambda task, phase: timed_out(task, names, phase, seconds),
        on_crash=lambda task, code, phase: worker_died(task, names, phase, code),
        timeout=opts.timeout, max_tasks=opts.max_tasks,
        tick=progress.refresh if progress else None)


def _execute(tasks: list[Task], opts: RunOptions, pipeline: _Pipeline, summary: RunSummary,
             progress: Progress | None) -> Generator[Result, None, None]:
    """Results of ``tasks`` in completion order, from the chosen executor."""
    if not tasks:
        return
    if progress is not None:
        progress.start(len(tasks))
    workers = max(1, min(opts.workers or default_workers(), len(tasks)))
    executor = _executor(opts, pipeline, workers, progress)
    try:
        for result in executor.imap_unordered(tasks):
            yield result
            if progress is not None:
                progress.advance()
    finally:
        summary.timeouts += executor.stats.timeouts
        summary.crashes += executor.stats.crashes
        summary.workers_started += executor.stats.started


def _remove_stale_temporaries(output: Path) -> None:
    """Temporary files a killed run left beside FILE: exactly the names
    :func:`partyx.io.atomic_writer` gives FILE's (``.{name}.XXXXXXXX.tmp``) and those of its
    spool (``.{name}.rows-PID-XXXXXXXX.tmp``: :mod:`partyx.run.spool`); we hold FILE's lock, so
    none is in use. Never another file's (``.records.jsonl.2.….tmp`` is the temporary file of
    ``records.jsonl.2``, which another run may be writing)."""
    mine = re.compile(re.escape(f".{output.name}.") + r"(rows-\d+-)?[a-z0-9_]{8}\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(output.parent):
            if mine.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
