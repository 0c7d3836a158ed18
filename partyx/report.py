"""The run summary table printed on standard error after ``partyx extract``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from partyx.runner import RunSummary


def print_run_summary(summary: RunSummary, console: Console, output: str) -> None:
    table = Table(title="partyx extract", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("articles read", str(summary.articles))
    table.add_row("records written", f"{summary.records} -> {output}")
    table.add_row("articles without errors", str(summary.ok))
    table.add_row("unreadable files", str(len(summary.unreadable)))
    for stage, n in sorted(summary.failures.items()):
        table.add_row(f"failures in stage {stage}", str(n))
    for name, n in summary.found.items():
        table.add_row(f"{name} found", str(n))
    table.add_row("time", f"{summary.seconds:.2f} s")
    table.add_row("articles/s", f"{summary.rate:.1f}")
    console.print(table)
