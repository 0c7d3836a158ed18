"""The Dask executor."""


import pytest


def test_dask_local_cluster_gives_the_records_of_the_local_executor(tmp_path):
    pytest.importorskip("distributed")
    from partyx.run.runner import RunOptions, run
    from tests.conftest import SEEDS

    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    quiet = dict(log=lambda message: None)
    run(RunOptions(paths=[SEEDS], output=local, workers=2), **quiet)
    summary = run(RunOptions(paths=[SEEDS], output=dask, workers=2, executor="dask",
                             timeout=None, max_tasks=None), **quiet)
    assert summary.processed == 5
    assert dask.read_bytes() == local.read_bytes()


def test_dask_missing_names_the_extra(monkeypatch):
    import builtins

    from partyx.errors import ExecutorUnavailable
    from partyx.run.executors import dask as dask_executor

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("No module named 'distributed'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(ExecutorUnavailable, match=r"pip install 'partyx\[dask\]'"):
        dask_executor.DaskExecutor.require()
