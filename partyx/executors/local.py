"""Run a function over tasks in this process or in worker processes, results in task order.

At most ``window`` tasks are in flight at once, so memory stays flat however many tasks the
iterator yields.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def run_ordered(
    func: Callable[[T], R],
    tasks: Iterable[T],
    workers: int = 1,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple = (),
    window: int | None = None,
) -> Iterator[R]:
    """Yield ``func(task)`` for each task, in the order of ``tasks``."""
    if workers <= 1:
        if initializer is not None:
            initializer(*initargs)
        for task in tasks:
            yield func(task)
        return
    window = window or workers * 32
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                      else "spawn")
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=initializer,
                             initargs=initargs) as pool:
        for task in tasks:
            pending.append(pool.submit(func, task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
