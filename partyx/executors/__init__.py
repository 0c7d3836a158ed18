"""How a run is executed: the same worker function over a list of tasks, in order.

``local`` runs in this process (one worker) or in a pool of worker processes.
"""
