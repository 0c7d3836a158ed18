"""One extraction run: list the files, check the pipeline, process the articles that need it,
write the records atomically, and summarise what is persisted. :func:`run` is the only place
that writes FILE.

1. build and check the pipeline, check FILE can be written, take FILE's lock;
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
in id order.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from partyx import io
from partyx.pipeline import Pipeline, build
from partyx.readers.columns import Columns
from partyx.run import plan as planning
from partyx.run.executors.base import Executor, executor_class
from partyx.run.plan import Task
from partyx.run.spool import Spool
from partyx.run.state import State, lock, unpack
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


def run(opts: RunOptions, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
        progress: Progress | None = None) -> RunSummary:
    """Run the extraction described by ``opts``. Raises before anything is read or written:
    :class:`~partyx.errors.PipelineError` (today still :class:`partyx.pipeline.PipelineError`),
    :class:`~partyx.errors.UsageError` (an unknown executor), :class:`FileNotFoundError`,
    :class:`OSError` (FILE not writable), :class:`~partyx.errors.Locked`, or
    :class:`~partyx.errors.ExecutorUnavailable`."""
    pipeline = build(opts.only, opts.skip)  # graph checked before any file is read
    executor_class(opts.executor).require()
    start = time.perf_counter()
    if opts.output is None:
        with Spool() as spool:
            summary = _run_to_stdout(opts, pipeline, log, progress, spool)
    else:
        io.check_writable(opts.output)
        with lock(opts.output, wait=opts.wait):
            state = State(opts.output)
            try:
                with Spool(opts.output.parent, opts.output.name) as spool:
                    summary = _run_with_state(opts, opts.output, pipeline, state, log,
                                              progress, spool)
            finally:
                state.close()
    summary.seconds = time.perf_counter() - start
    return summary


def _list(opts: RunOptions, spool: Spool) -> list[planning.Listed]:
    return planning.list_articles(opts.paths, opts.pattern, opts.shard, spool=spool,
                                  columns=Columns(opts.fields), stdin_format=opts.stdin_format,
                                  max_bytes=opts.max_bytes)


def _run_with_state(opts: RunOptions, output: Path, pipeline: Pipeline, state: State,
                    log: Callable[[str], None], progress: Progress | None,
                    spool: Spool) -> RunSummary:
    _remove_stale_temporaries(output)
    listed = _list(opts, spool)
    signature = pipeline.signature
    work = planning.plan(listed, state.known(), signature, opts.full, opts.shard,
                         by_content=lambda key: state.find_content(key, signature))
    summary = RunSummary(stages=pipeline.names, output=str(output), listed=len(listed),
                         reused=work.reused)
    changed = False
    state.track_changes()  # before any row changes: FILE's unchanged lines can be copied
    if work.tasks or work.copies:
        state.set_meta("output", "")  # FILE is stale from now until it is written again
        # rows whose content has a record already; before pruning, which may remove the id
        # a record is copied from
        state.copy(work.copies)
        state.checkpoint(force=True)
        changed = True
    if opts.prune and work.missing:
        summary.pruned = state.delete(work.missing)
        changed = True
    else:
        summary.missing = len(work.missing)
    del listed
    for result in _execute(work.tasks, opts, pipeline, summary, progress):
        if result.record is None:
            assert result.size is not None and result.mtime_ns is not None
            state.touch(result.id, result.size, result.mtime_ns)
            summary.reused += 1
        else:
            state.put(result.id, result.path, result.size, result.mtime_ns, result.sha256,
                      signature, result.record, result.errors, result.found)
            _note(result, summary, opts, log)
        state.checkpoint(opts.checkpoint_every, opts.checkpoint_seconds)
    state.checkpoint(force=True)
    if changed or not state.output_is_current():
        with io.atomic_writer(output) as fh:
            state.write_records(fh)
        state.wrote_output()
    for row in state.summary_rows():
        summary.add_record(row.path, row.errors, row.found)
    return summary


def _run_to_stdout(opts: RunOptions, pipeline: Pipeline, log: Callable[[str], None],
                   progress: Progress | None, spool: Spool) -> RunSummary:
    listed = _list(opts, spool)
    summary = RunSummary(stages=pipeline.names, listed=len(listed))
    tasks = planning.every_article(listed)
    order = {task.id: n for n, task in enumerate(tasks)}
    waiting: dict[int, Result] = {}
    next_out = 0
    with _records_stdout() as out:
        try:
            for result in _execute(tasks, opts, pipeline, summary, progress):
                _note(result, summary, opts, log)
                waiting[order[result.id]] = result
                while next_out in waiting:
                    done = waiting.pop(next_out)
                    assert done.record is not None  # no known bytes without a state
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


def _executor(opts: RunOptions, pipeline: Pipeline, workers: int,
              progress: Progress | None) -> Executor[Task, Result]:
    """The executor ``opts`` asks for, running :func:`~partyx.run.worker.process_task`."""
    initargs: tuple[Any, ...] = (opts.only, opts.skip, opts.max_bytes)
    if opts.executor == "dask":
        from partyx.run.executors.dask import DaskExecutor

        return DaskExecutor(process_task, workers, init_worker, initargs,
                            scheduler=opts.scheduler)
    from partyx.run.executors.local import LocalExecutor, forks

    names = pipeline.names
    if forks():
        warm_up(pipeline, opts.only, opts.skip, opts.timeout)
    seconds = opts.timeout or 0.0
    return LocalExecutor(
        process_task, workers, init_worker, initargs,
        on_timeout=lambda task, phase: timed_out(task, names, phase, seconds),
        on_crash=lambda task, code, phase: worker_died(task, names, phase, code),
        timeout=opts.timeout, max_tasks=opts.max_tasks,
        tick=progress.refresh if progress else None)


def _execute(tasks: list[Task], opts: RunOptions, pipeline: Pipeline, summary: RunSummary,
             progress: Progress | None) -> Iterator[Result]:
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
    """Temporary files a killed run left beside FILE (we hold the lock: none is in use)."""
    with contextlib.suppress(OSError):
        for tmp in output.parent.glob(f".{output.name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()
