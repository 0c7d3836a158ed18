"""The progress bar of ``partyx extract`` on a terminal: articles done, articles/s, ETA.

It is redrawn from the run's own loop (at most ten times a second), never from a background
thread, so that worker processes are forked from a process with a single thread.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class ProgressBar:
    """Implements :class:`partyx.run.runner.Progress` with ``rich.progress``."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._progress = Progress(
            TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(),
            console=console, auto_refresh=False, transient=False)
        self._task: TaskID | None = None
        self._started = 0.0
        self._drawn = 0.0

    def start(self, total: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task("extract", total=total, rate="-")
        self._started = time.monotonic()
        self.refresh(force=True)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, n)
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._task is None or (not force and now - self._drawn < 0.1):
            return
        done = self._progress.tasks[0].completed
        elapsed = now - self._started
        rate = f"{done / elapsed:.0f}" if elapsed > 0 and done else "-"
        self._progress.update(self._task, rate=rate)
        self._progress.refresh()
        self._drawn = now

    def stop(self) -> None:
        """Draw the bar a last time and leave it (again: nothing)."""
        if self._task is not None:
            self.refresh(force=True)
            self._progress.stop()
            self._task = None
