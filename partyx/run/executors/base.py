"""What an executor is: one function run over many tasks somewhere else, results yielded as
they complete (unordered: the caller orders them).

:class:`Executor` is the contract :class:`~partyx.run.executors.local.LocalExecutor` (worker
processes on this machine) and :class:`~partyx.run.executors.dask.DaskExecutor` (a Dask cluster)
implement: built with the function, the number of workers and a per-process initializer; asked
for :meth:`Executor.imap_unordered`; counting in :attr:`Executor.stats` what it had to do about
its workers. :func:`executor_class` finds one by its ``--executor`` name, importing it only then.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from partyx import errors
from partyx.errors import UsageError

T = TypeVar("T")
R = TypeVar("R")

# --executor name -> the module and class that implement it
EXECUTORS = {"local": ("partyx.run.executors.local", "LocalExecutor"),
             "dask": ("partyx.run.executors.dask", "DaskExecutor")}


@dataclass
class ExecutorStats:
    """What an executor had to do about its workers."""

    started: int = 0  # worker processes started, replacements included
    timeouts: int = 0  # tasks over the time limit (their worker was killed)
    crashes: int = 0  # worker processes that died on a task
    recycled: int = 0  # workers replaced after their share of tasks


class Executor(ABC, Generic[T, R]):
    """Runs ``func`` over tasks: ``initializer(*initargs)`` once in each worker process, then
    ``func(task)`` for each task there."""

    name: ClassVar[str]

    def __init__(self, func: Callable[[T], R], workers: int = 1,
                 initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> None:
        self.func = func
        self.workers = max(1, workers)
        self.initializer = initializer
        self.initargs = initargs
        self.stats = ExecutorStats()

    @classmethod
    def require(cls) -> None:
        """Raise :class:`~partyx.errors.ExecutorUnavailable` when this executor cannot run
        here (its optional dependency is missing): called before any file is read."""

    @abstractmethod
    def imap_unordered(self, tasks: Iterable[T]) -> Iterator[R]:
        """One result per task, in completion order. Stopping early (closing the iterator)
        stops every worker."""


def executor_class(name: str) -> type[Executor[Any, Any]]:
    """The executor called ``name`` (``local``, ``dask``); its module is imported now.
    :class:`~partyx.errors.UsageError` for another name."""
    if name not in EXECUTORS:
        raise UsageError(errors.UNKNOWN_EXECUTOR, name=name)
    module, cls = EXECUTORS[name]
    found: type[Executor[Any, Any]] = getattr(importlib.import_module(module), cls)
    return found
