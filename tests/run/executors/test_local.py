"""The local worker pool: results for every task, time limit enforced by killing the worker,
workers replaced after N tasks or when they die."""

import gc
import multiprocessing
import os
import signal
import time

import pytest

from partyx.run.executors.local import GC_THRESHOLD, LocalExecutor


def _init(phase=None):
    pass


def _work(task):
    kind, value = task
    if kind == "sleep":
        time.sleep(value)
    elif kind == "die":
        os._exit(3)
    elif kind == "gc":
        return (kind, (gc.get_threshold()[0], gc.get_freeze_count()), os.getpid())
    return (kind, value, os.getpid())


def _pool(**kw):
    return LocalExecutor(_work, kw.pop("workers", 2), _init, (),
                      on_timeout=lambda task, phase: ("timeout", task[1], None),
                      on_crash=lambda task, code, phase: ("crash", code, None), **kw)


def test_every_task_gives_one_result():
    tasks = [("ok", i) for i in range(50)]
    results = list(_pool(timeout=10, max_tasks=None).imap_unordered(tasks))
    assert sorted(r[1] for r in results) == list(range(50))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hanging_task_is_killed_and_its_worker_replaced(workers):
    pool = _pool(workers=workers, timeout=0.5, max_tasks=None)
    start = time.monotonic()
    results = list(pool.imap_unordered([("sleep", 60), *[("ok", i) for i in range(5)]]))
    assert time.monotonic() - start < 10
    assert ("timeout", 60, None) in results
    # the tasks queued behind the hanging one on its worker were given to another
    assert sorted(r[1] for r in results if r[0] == "ok") == list(range(5))
    assert pool.stats.timeouts == 1
    assert pool.stats.started == workers + 1  # one replacement


def test_workers_are_recycled_after_max_tasks():
    pool = _pool(workers=1, timeout=None, max_tasks=3)
    results = list(pool.imap_unordered([("ok", i) for i in range(7)]))
    pids = [r[2] for r in results]
    assert len(set(pids)) == 3  # 3 + 3 + 1 tasks
    assert pool.stats.recycled == 2


def test_a_worker_freezes_what_it_inherits_and_collects_less_often():
    [(_, (threshold, frozen), pid)] = list(_pool(workers=1).imap_unordered([("gc", 0)]))
    assert pid != os.getpid()
    assert threshold == GC_THRESHOLD != gc.get_threshold()[0]  # the parent keeps its own
    assert frozen > 1000  # the modules and objects the worker was forked (or spawned) with


def test_a_worker_that_dies_is_reported_and_replaced():
    pool = _pool(workers=1, timeout=10, max_tasks=None)
    results = list(pool.imap_unordered([("ok", 1), ("die", 0), ("ok", 2)]))
    assert ("crash", 3, None) in results
    assert sorted(r[1] for r in results if r[0] == "ok") == [1, 2]
    assert pool.stats.crashes == 1


@pytest.mark.parametrize("depth", [1, 3])
def test_a_task_sent_to_a_worker_that_just_died_is_given_to_its_replacement(depth):
    # A worker killed between two tasks (OOM killer) had the next task written to its
    # closed pipe: BrokenPipeError stopped the whole run. With depth 1 it is idle when
    # killed (the next task is sent when the generator resumes); with depth 3 it is running
    # the second task (2 s) and has the third queued.
    pool = _pool(workers=1, timeout=60, max_tasks=None, depth=depth)
    gen = pool.imap_unordered([("ok", 0), ("sleep", 2), ("ok", 2), ("ok", 3)])
    first = next(gen)
    os.kill(first[2], signal.SIGKILL)
    time.sleep(0.5)  # dead, its pipe closed, before the pool sends it the next task
    results = [first, *gen]
    assert len(results) == 4 and pool.stats.started == 2
    if depth == 1:  # nothing was running: nothing lost, no crash reported
        assert sorted(r[1] for r in results) == [0, 2, 2, 3] and pool.stats.crashes == 0
    else:  # the task it was running is its crash; the queued ones went to the replacement
        assert ("crash", -signal.SIGKILL, None) in results and pool.stats.crashes == 1
        assert sorted(r[1] for r in results if r[0] == "ok") == [0, 2, 3]


def test_stopping_early_leaves_no_worker_running():
    pool = _pool(workers=2, timeout=None, max_tasks=None)
    gen = pool.imap_unordered([("ok", i) for i in range(100)])
    assert next(gen)[0] == "ok"
    gen.close()
    assert [p for p in multiprocessing.active_children() if p.name == "partyx-worker"] == []


def _orphaning_parent(pids_file):
    """A parent that starts a pool, hands out work, records its workers' pids, then dies."""
    pool = _pool(workers=2, timeout=None, max_tasks=None)
    results = pool.imap_unordered([("ok", i) for i in range(4)] + [("sleep", 0.2)] * 50)
    next(results)
    with open(pids_file, "w") as fh:
        fh.write(" ".join(str(w.process.pid) for w in pool._alive))
    os._exit(0)  # no clean-up at all, like SIGKILL


def test_workers_exit_when_their_parent_dies(tmp_path):
    pids_file = tmp_path / "pids"
    parent = multiprocessing.get_context("fork").Process(target=_orphaning_parent,
                                                          args=(pids_file,))
    parent.start()
    parent.join(10)
    pids = [int(p) for p in pids_file.read_text().split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
    assert not any(_alive(p) for p in pids)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie waiting for init is gone for us
        return fh.read().split(") ")[1][0] != "Z"


def test_executors_are_found_by_name_and_share_one_contract():
    from partyx.errors import UsageError
    from partyx.run.executors.base import Executor, executor_class

    assert executor_class("local") is LocalExecutor
    assert issubclass(executor_class("dask"), Executor)
    with pytest.raises(UsageError, match="unknown executor 'ray'"):
        executor_class("ray")
