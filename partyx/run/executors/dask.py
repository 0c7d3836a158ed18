"""Run the worker function on a Dask cluster (``pip install 'partyx[dask]'``).

``partyx extract … --executor dask --scheduler tcp://HOST:8786`` sends the articles, in chunks,
to the workers of an existing ``dask.distributed`` cluster; without ``--scheduler`` a
LocalCluster of ``--workers`` processes (one thread each) is started on 127.0.0.1, with no
dashboard, and closed at the end.

Tasks carry file paths, not contents: the workers read the files themselves, so on a real
cluster the corpus must be at the same path on every worker (a shared file system), and
partyx, with the same stages and plugins, installed there. Each worker process builds the
pipeline once. Results come back to this process, which alone writes the state and FILE, so
incremental runs, checkpoints and the lock work as with the local executor.

A stage that kills its worker process (a crash, ``os._exit``, the OOM killer) costs only the
article it was on, as with the local executor: the articles of a chunk whose worker died
(``distributed.KilledWorker``: the culprit's chunk, and any other the worker held) become
suspects; once nothing else is in flight, each suspect runs alone on the cluster, so that a
worker dying then can only be its doing, and that article gets ``on_crash``'s result (``worker
process died``) while the run goes on. On the LocalCluster this executor starts, a task is not
retried on other workers (``allowed-failures`` 0), so finding the article costs one worker per
crash; a cluster of your own retries as its scheduler is configured to (3 times by default).

The per-article time limit, worker recycling and memory limit of the local executor are not
applied here: Dask runs tasks in threads of long-lived worker processes, which cannot be
stopped one task at a time. The run refuses those options with this executor
(:func:`partyx.run.runner.run`) rather than ignore them; use the cluster's own limits
(``dask worker --memory-limit``, ``--lifetime``) instead.

This module is imported only when ``--executor dask`` is asked for;
:meth:`DaskExecutor.require` fails with :class:`~partyx.errors.ExecutorUnavailable`, naming the
extra to install, when ``distributed`` is missing.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from partyx.errors import DASK_FAILED, EXECUTOR_UNAVAILABLE, ExecutorUnavailable
from partyx.run.executors.base import Executor, R, T

CHUNK = 32  # articles per Dask task: few enough for an even spread, enough to hide latency
IN_FLIGHT_PER_WORKER = 4  # chunks submitted ahead per worker: bounded memory, no idle worker

_initialised: tuple[Any, ...] | None = None  # the initargs this Dask worker process ran with


def _run_chunk(func: Callable[[Any], Any], initializer: Callable[..., Any] | None,
               initargs: tuple[Any, ...], tasks: Sequence[Any]) -> list[Any]:
    """On a Dask worker: initialise once per process (per ``initargs``), run the chunk."""
    global _initialised
    if initializer is not None and _initialised != initargs:
        initializer(*initargs)
        _initialised = initargs
    return [func(task) for task in tasks]


def _chunks(tasks: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(tasks), size):
        yield tasks[i:i + size]


class DaskExecutor(Executor[T, R]):
    """Run ``func`` over tasks on a Dask cluster (see module docstring): the one at
    ``scheduler``, else a LocalCluster of ``workers`` processes started for the run."""

    name = "dask"

    def __init__(self, func: Callable[[T], R], workers: int = 2,
                 initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), scheduler: str | None = None,
                 on_crash: Callable[[T, int | None, int], R] | None = None) -> None:
        super().__init__(func, workers, initializer, initargs)
        self.scheduler = scheduler
        self.on_crash = on_crash

    @classmethod
    def require(cls) -> None:
        """Raise :class:`~partyx.errors.ExecutorUnavailable` when ``dask.distributed`` cannot
        be imported."""
        try:
            import distributed  # noqa: F401
        except ImportError as e:
            raise ExecutorUnavailable(EXECUTOR_UNAVAILABLE, error=e) from None

    def imap_unordered(self, tasks: Iterable[T]) -> Iterator[R]:
        """Yield ``func(task)`` for every task, in completion order, computed on the
        cluster (a task whose worker died: ``on_crash(task, None, 0)``)."""
        self.require()
        import dask
        from distributed import Client, KilledWorker, LocalCluster, as_completed

        cluster = None
        if self.scheduler is None:
            # the scheduler's small HTTP server (health, metrics) on a free port of 127.0.0.1
            # rather than 8787, which another cluster may hold; no dashboard. A task whose
            # worker died is not retried elsewhere: this executor retries it article by article
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None,
                    scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL)
            client = Client(cluster)
        else:
            client = Client(self.scheduler)
        submit = (self.func, self.initializer, self.initargs)
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or self.workers)
            limit = n_workers * IN_FLIGHT_PER_WORKER
            chunks = _chunks(tasks if isinstance(tasks, Sequence) else list(tasks), CHUNK)
            pending = as_completed()
            sent: dict[Any, tuple[list[Any], bool]] = {}  # future -> its chunk, run alone
            # Articles of chunks whose worker died. Each is then run alone on the cluster, once
            # nothing else is in flight, so that a worker dying on it can only be its doing.
            suspects: deque[Any] = deque()

            def send(chunk: Sequence[Any], alone: bool = False) -> None:
                future = client.submit(_run_chunk, *submit, list(chunk), pure=False)
                sent[future] = (list(chunk), alone)
                pending.add(future)

            def feed() -> None:
                if suspects:
                    if not pending.count():
                        send([suspects.popleft()], alone=True)
                    return
                while pending.count() < limit:
                    following = next(chunks, None)
                    if following is None:
                        return
                    send(following)

            feed()
            for future in pending:
                chunk, alone = sent.pop(future)
                try:
                    results = future.result()
                except KilledWorker:
                    results = []
                    if not alone:
                        suspects.extend(chunk)
                    else:
                        self.stats.crashes += 1
                        if self.on_crash is None:
                            raise
                        results = [self.on_crash(chunk[0], None, 0)]
                except Exception as e:  # the workers cannot run partyx at all
                    raise ExecutorUnavailable(DASK_FAILED, error=f"{type(e).__name__}: {e}"
                                              ) from e
                future.release()
                feed()
                yield from results
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
