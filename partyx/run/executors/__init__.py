"""How a run is executed: the same worker function over a list of tasks, behind one contract
(:class:`partyx.run.executors.base.Executor`).

- :mod:`partyx.run.executors.local`: worker processes on this machine, each article under a time
  limit, workers recycled after N articles (the default).
- :mod:`partyx.run.executors.dask`: a Dask cluster (``pip install 'partyx[dask]'``), imported only
  when ``--executor dask`` is asked for.
"""
