"""The run summary table printed on standard error after ``partyx extract``.

The first rows describe FILE as it now is (computed from the state beside it, so a resumed or
incremental run counts every record, not only this run's); the last rows what this run did.
Unreadable files are listed by path with the reason (at most 20 here; all in ``--report``).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from partyx.run.runner import RunSummary

SHOWN_UNREADABLE = 20


def print_run_summary(summary: RunSummary, console: Console, output: str) -> None:
    table = Table(title="partyx extract", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("records written", f"{summary.records} -> {output}")
    table.add_row("articles without errors", str(summary.ok))
    table.add_row("unreadable files", str(len(summary.unreadable)))
    for stage, n in sorted(summary.failures.items()):
        table.add_row(f"failures in stage {stage}", str(n))
    for name, n in summary.found.items():
        table.add_row(f"{name} found", str(n))
    table.add_row("files listed", str(summary.listed))
    table.add_row("articles processed", str(summary.processed))
    table.add_row("articles unchanged (kept)", str(summary.reused))
    if summary.missing:
        table.add_row("records of files gone (kept; --prune drops)", str(summary.missing))
    if summary.pruned:
        table.add_row("records of files gone (pruned)", str(summary.pruned))
    if summary.timeouts:
        table.add_row("articles over the time limit", str(summary.timeouts))
    if summary.crashes:
        table.add_row("worker processes that died", str(summary.crashes))
    table.add_row("time", f"{summary.seconds:.2f} s")
    table.add_row("articles/s", f"{summary.rate:.1f}")
    console.print(table)
    for path, reason in summary.unreadable[:SHOWN_UNREADABLE]:
        console.print(f"unreadable: {path}: {reason}", markup=False, highlight=False)
    if len(summary.unreadable) > SHOWN_UNREADABLE:
        console.print(f"… and {len(summary.unreadable) - SHOWN_UNREADABLE} more "
                      "(see --report)", markup=False)
