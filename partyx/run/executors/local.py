"""Worker processes on this machine, each article under a time limit.

:class:`LocalExecutor` keeps ``workers`` processes (forked where the platform can, so that stages
registered in this process are there too), sends tasks to each over its own pipe and yields
results as they come (unordered: the caller orders them). At most ``depth`` (2) tasks per
worker are in flight — the next one is already there when a worker finishes, so it never
waits for this process — and memory stays flat however many tasks the iterator yields.

- **Time limit.** A task still running ``timeout`` seconds after it started (when it was
  sent, or when the worker's previous result arrived) has its worker killed (SIGKILL: a stage
  stuck in C code cannot stop it) and replaced; the tasks queued behind it go to other
  workers;
  ``on_timeout(task, stage_index)`` gives the result to yield in its place. The worker
  publishes the index of the stage it is in through a shared integer, so the caller can say
  which stage hung.
- **Recycling.** A worker that has done ``max_tasks`` tasks exits and a fresh one takes its
  place, so a stage that leaks memory cannot grow a worker without bound.
- **Crashes.** A worker that dies (segfault, OOM killer) is replaced;
  ``on_crash(task, code, stage_index)`` gives the result of the task it was doing. One that
  dies between two tasks (its pipe is closed when the next is sent) is replaced and its tasks
  go to the replacement.
- **No worker outlives this process.** A worker asks the kernel to kill it when its parent
  dies (Linux ``PR_SET_PDEATHSIG``; elsewhere a thread watches the parent's pid), so even a
  worker stuck inside a stage call goes when this process is killed (``kill -9`` included).
  Ctrl-C and SIGTERM are this process's to handle: a worker ignores SIGINT, and a parent that
  goes away is no error to report (no traceback from a closed pipe).
- **Garbage collection.** A worker freezes the heap it starts with (:func:`gc.freeze`: what a
  forked worker inherits, gazetteers and compiled patterns, is never scanned again, nor copied
  by the scan's writes) and collects its young objects less often: a task frees by reference
  counting nearly all it allocates, and the default threshold (700) had the collector run
  several times per article (~3% of a worker's time, measured on the benchmark corpus).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, cast

from partyx.run.executors.base import Executor, R, T

# The shared integer a worker sets before each stage (0: not in a stage).
Phase = Any

# A worker's threshold for collecting its youngest generation (CPython's default: 700).
GC_THRESHOLD = 10_000


def forks() -> bool:
    """Workers are forked here (they inherit this process's modules and objects)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _context() -> Any:
    """The multiprocessing context workers are started in (fork, else spawn)."""
    return multiprocessing.get_context("fork" if forks() else "spawn")


def _worker_main(conn: Connection, phase: Phase, func: Callable[[Any], Any],
                 initializer: Callable[..., Any] | None, initargs: tuple[Any, ...],
                 inherited: list[Connection], parent: int) -> None:
    """Body of a worker process: init once, then answer tasks until ``None`` or EOF.

    ``inherited``: the parent's ends of the pipes (this worker's and the others'), which a
    forked worker holds copies of; closed at once, so that when the parent dies every worker
    waiting for a task reads EOF and exits; one busy in a stage is killed by the kernel
    (:func:`_die_with_parent`)."""
    for other in inherited:
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs, phase=phase)
    gc.freeze()  # see "Garbage collection" in the module docstring
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent went away: nothing to say
            break
        if task is None:
            break
        phase.value = 0
        result = func(task)
        try:
            conn.send(result)
        except OSError:  # the parent went away (a closed pipe): no traceback
            break
    conn.close()


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux: ``prctl(PR_SET_PDEATHSIG,
    SIGKILL)``), or, where that is not available, a thread that exits the process once the
    parent's pid is no longer its parent. A parent already gone means exiting now."""
    armed = False
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    if os.getppid() != parent:
        os._exit(0)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(0)

        threading.Thread(target=watch, daemon=True, name="partyx-parent-watch").start()


_PR_SET_PDEATHSIG = 1


@dataclass
class _Worker:
    """A worker process and the tasks sent to it, oldest (the running one) first."""

    process: Any
    conn: Connection
    phase: Phase
    queue: deque[Any] = field(default_factory=deque)
    started: float = 0.0  # when the oldest task in the queue started
    sent: int = 0
    done: int = 0
    # Index in ``queue`` of the first task that could not be sent (the worker had died since
    # its last result: its pipe is closed), None while every send succeeded.
    unsent: int | None = None

    def wants_more(self, depth: int, max_tasks: int | None) -> bool:
        return (self.unsent is None and len(self.queue) < depth
                and not (max_tasks and self.sent >= max_tasks))

    def give(self, task: Any) -> None:
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append(task)
        self.sent += 1
        try:
            self.conn.send(task)
        except OSError:  # EPIPE: the pool reads the worker's end of file next
            self.unsent = len(self.queue) - 1

    def idle_when_lost(self) -> bool:
        """The worker died between tasks (killed from outside: none of its tasks was
        running), after it had done some (a worker that dies before any did is broken)."""
        return self.unsent == 0 and self.done > 0

    def took(self) -> None:
        """The oldest task's result arrived: the next one starts now."""
        self.queue.popleft()
        self.done += 1
        self.started = time.monotonic()
        if self.unsent is not None:
            self.unsent -= 1


class LocalExecutor(Executor[T, R]):
    """Run ``func`` over tasks in worker processes (see module docstring)."""

    name = "local"

    def __init__(
        self,
        func: Callable[[T], R],
        workers: int = 1,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
        *,
        on_timeout: Callable[[T, int], R],
        on_crash: Callable[[T, int | None, int], R],
        timeout: float | None = 30.0,
        max_tasks: int | None = 1000,
        tick: Callable[[], None] | None = None,
        depth: int = 2,
    ) -> None:
        super().__init__(func, workers, initializer, initargs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_tasks = max_tasks if max_tasks and max_tasks > 0 else None
        self.on_timeout = on_timeout
        self.on_crash = on_crash
        self.tick = tick or (lambda: None)
        self.depth = max(1, depth)  # tasks sent ahead to a worker: it never waits for us
        self._ctx = _context()
        self._alive: list[_Worker] = []
        self._retiring: list[Any] = []  # processes told to exit, not yet gone

    # --- worker processes --------------------------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        phase = self._ctx.RawValue("i", 0)
        # a forked child inherits every open pipe end; a spawned one only what it is given
        inherited = [parent, *(w.conn for w in self._alive)] if forks() else []
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, phase, self.func, self.initializer, self.initargs, inherited,
                  os.getpid()),
            daemon=True, name="partyx-worker")
        process.start()
        child.close()  # so that the worker's death reads as EOF here
        self.stats.started += 1
        worker = _Worker(process, parent, phase)
        self._alive.append(worker)
        return worker

    def _kill(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError):
            if worker.process.pid and worker.process.is_alive():
                os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join(5)
        worker.conn.close()
        self._alive.remove(worker)

    def _retire(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(None)
        worker.conn.close()
        self._retiring.append(worker.process)
        self._alive.remove(worker)

    def _reap(self) -> None:
        self._retiring = [p for p in self._retiring if p.exitcode is None]

    # --- the loop ----------------------------------------------------------------------------

    def imap_unordered(self, tasks: Iterable[T]) -> Iterator[R]:
        """Yield one result per task, in completion order (a task whose worker was lost
        gives what ``on_timeout`` or ``on_crash`` return)."""
        source = iter(tasks)
        retry: deque[T] = deque()  # tasks queued on a worker that was lost
        workers: dict[Connection, _Worker] = {}
        exhausted = False
        try:
            for _ in range(self.workers):
                worker = self._start()
                workers[worker.conn] = worker
            while True:
                for worker in list(workers.values()):
                    while worker.wants_more(self.depth, self.max_tasks):
                        if retry:
                            worker.give(retry.popleft())
                            continue
                        following = _END if exhausted else next(source, _END)
                        if following is _END:
                            exhausted = True
                            break
                        worker.give(following)
                busy = {c: w for c, w in workers.items() if w.queue}
                if not busy:
                    break
                for ready in wait(list(busy), timeout=self._wait_time(busy)):
                    conn = cast(Connection, ready)
                    worker = workers[conn]
                    try:
                        result = conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(5)
                        idle = worker.idle_when_lost()  # then all its tasks are requeued
                        if not idle:
                            self.stats.crashes += 1
                            yield self.on_crash(worker.queue[0], worker.process.exitcode,
                                                worker.phase.value)
                        self._replace(worker, workers, retry, first_done=not idle)
                        continue
                    worker.took()
                    yield result
                    if self.max_tasks and worker.done >= self.max_tasks:
                        self.stats.recycled += 1
                        del workers[conn]
                        self._retire(worker)
                        fresh = self._start()
                        workers[fresh.conn] = fresh
                for worker in self._overdue(busy):
                    phase = worker.phase.value
                    self.stats.timeouts += 1
                    yield self.on_timeout(worker.queue[0], phase)
                    self._replace(worker, workers, retry)
                self._reap()
                self.tick()
        finally:  # also when the caller stops early: no worker outlives the loop
            for worker in list(self._alive):
                if worker.queue:
                    self._kill(worker)
                else:
                    self._retire(worker)
            deadline = time.monotonic() + 5
            for process in self._retiring:
                process.join(max(0.0, deadline - time.monotonic()))
                if process.exitcode is None:
                    process.kill()
                    process.join(1)
            self._retiring = []

    def _replace(self, worker: _Worker, workers: dict[Connection, _Worker],
                 retry: deque[T], first_done: bool = True) -> None:
        """Kill ``worker``, queue its tasks again: all but the first, which has a result
        already (a crash or a timeout), unless not ``first_done``."""
        del workers[worker.conn]
        if first_done:
            worker.queue.popleft()
        retry.extendleft(reversed(worker.queue))
        worker.queue.clear()
        self._kill(worker)
        fresh = self._start()
        workers[fresh.conn] = fresh

    def _wait_time(self, busy: dict[Connection, _Worker]) -> float:
        """Until the next deadline, at most 0.25 s (so that ``tick`` runs often enough)."""
        if self.timeout is None:
            return 0.25
        now = time.monotonic()
        first = min(w.started for w in busy.values()) + self.timeout
        return max(0.0, min(0.25, first - now))

    def _overdue(self, busy: dict[Connection, _Worker]) -> list[_Worker]:
        if self.timeout is None:
            return []
        now = time.monotonic()
        return [w for w in busy.values() if now - w.started >= self.timeout]


_END = object()

