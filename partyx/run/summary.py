"""The summary of a run: :class:`RunSummary`, the ``--report`` JSON and the table printed on
standard error after ``partyx extract``.

The counts describe FILE as it is after the run, computed from the state beside it (so a
resumed or incremental run counts every record, not only this run's); the ``run`` part says
what this run did. The table lists unreadable files by path with the reason (at most
:data:`SHOWN_UNREADABLE`; all in ``--report``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import orjson

from partyx import io
from partyx.record import Error

if TYPE_CHECKING:
    from rich.console import Console

REPORT_SCHEMA = "partyx-run/1"
SHOWN_UNREADABLE = 20


class Unreadable(TypedDict):
    path: str
    reason: str


class RunCounts(TypedDict):
    listed: int
    processed: int
    reused: int
    missing: int
    pruned: int
    timeouts: int
    crashes: int
    workers_started: int


class RunReport(TypedDict):
    """The ``--report`` JSON (``partyx-run/1``; documented in the README, keys kept stable)."""

    schema: str
    output: str | None
    articles: int
    records: int
    ok: int
    unreadable: list[Unreadable]
    failures_by_stage: dict[str, int]
    failures_by_reason: dict[str, dict[str, int]]
    found: dict[str, int]
    run: RunCounts
    seconds: float
    articles_per_second: float
    stage_seconds: dict[str, float]
    stages: list[str]
    exit_code: int


@dataclass
class RunSummary:
    """What FILE holds after the run (computed from the state), and what this run did."""

    articles: int = 0  # records in FILE
    records: int = 0
    ok: int = 0  # records without errors
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    failures: Counter[str] = field(default_factory=Counter)  # stage -> articles it failed on
    reasons: dict[str, Counter[str]] = field(default_factory=dict)  # stage -> reason -> articles
    found: Counter[str] = field(default_factory=Counter)  # field -> items found
    seconds: float = 0.0
    stages: tuple[str, ...] = ()
    output: str | None = None
    # this run
    listed: int = 0  # article files found (in this shard)
    processed: int = 0  # articles whose stages ran
    reused: int = 0  # articles whose stored record was kept
    missing: int = 0  # records kept although their file is gone (see --prune)
    pruned: int = 0
    timeouts: int = 0
    crashes: int = 0
    workers_started: int = 0
    stage_seconds: Counter[str] = field(default_factory=Counter)
    stdout_closed: bool = False  # -o -: the reader closed the pipe (`| head`); the run stopped

    @property
    def rate(self) -> float:
        """Articles processed per second in this run."""
        return self.processed / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        if self.stdout_closed:  # the reader had what it wanted: no failure of ours
            return 0
        if self.articles == 0 or len(self.unreadable) == self.articles:
            return 2
        return 0 if self.ok == self.articles else 1

    def add_record(self, path: str, errors: list[Error],
                   found: dict[str, int]) -> None:
        """Count one record of FILE."""
        self.articles += 1
        self.records += 1
        if not errors:
            self.ok += 1
        for err in errors:
            stage, reason = err["stage"], err["error"]
            if stage == "read":
                self.unreadable.append((path, reason))
            else:
                self.failures[stage] += 1
                self.reasons.setdefault(stage, Counter())[reason[:200]] += 1
        self.found.update(found)

    def to_dict(self) -> RunReport:
        """The ``--report`` JSON."""
        return {
            "schema": REPORT_SCHEMA,
            "output": self.output,
            "articles": self.articles,
            "records": self.records,
            "ok": self.ok,
            "unreadable": [{"path": p, "reason": r} for p, r in self.unreadable],
            "failures_by_stage": dict(sorted(self.failures.items())),
            "failures_by_reason": {s: dict(c.most_common())
                                   for s, c in sorted(self.reasons.items())},
            "found": dict(self.found),
            "run": {
                "listed": self.listed,
                "processed": self.processed,
                "reused": self.reused,
                "missing": self.missing,
                "pruned": self.pruned,
                "timeouts": self.timeouts,
                "crashes": self.crashes,
                "workers_started": self.workers_started,
            },
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "stages": list(self.stages),
            "exit_code": self.exit_code,
        }


def write_report_json(summary: RunSummary, path: Path) -> None:
    """The ``--report`` JSON, written atomically (for monitoring)."""
    with io.atomic_writer(path) as fh:
        fh.write(orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")


def print_run_summary(summary: RunSummary, console: Console, output: str) -> None:
    """The table of ``partyx extract`` (then the unreadable files, one line each however long)
    on ``console``. The counts are named as ``partyx stats`` names them
    (:data:`partyx.views.records.FOUND_LABELS`)."""
    from rich.table import Table

    from partyx.views.records import FOUND_LABELS

    table = Table(title="partyx extract", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    if output != "-":
        table.add_row("records in FILE", f"{summary.records} -> {output}")
    elif summary.stdout_closed:  # `| head`: what was sent, and that the run stopped there
        table.add_row("records sent before standard output was closed", str(summary.records))
    else:
        table.add_row("records written to standard output", str(summary.records))
    table.add_row("articles without errors", str(summary.ok))
    table.add_row("unreadable files", str(len(summary.unreadable)))
    for stage, n in sorted(summary.failures.items()):
        table.add_row(f"failures in stage {stage}", str(n))
    for name, n in summary.found.items():
        table.add_row(FOUND_LABELS.get(name, name), str(n))
    table.add_row("files listed", str(summary.listed))
    table.add_row("articles processed", str(summary.processed))
    table.add_row("articles unchanged (kept)", str(summary.reused))
    if summary.missing:
        table.add_row("records of files gone (kept; --prune drops)", str(summary.missing))
    if summary.pruned:
        table.add_row("records of files gone (pruned)", str(summary.pruned))
    if summary.timeouts:
        table.add_row("articles over the time limit (tried again next run)",
                      str(summary.timeouts))
    if summary.crashes:
        table.add_row("worker processes that died (their articles tried again next run)",
                      str(summary.crashes))
    table.add_row("time", f"{summary.seconds:.2f} s")
    table.add_row("articles/s", f"{summary.rate:.1f}")
    console.print(table)
    for path, reason in summary.unreadable[:SHOWN_UNREADABLE]:
        console.print(f"unreadable: {path}: {reason}", markup=False, highlight=False,
                      soft_wrap=True)
    if len(summary.unreadable) > SHOWN_UNREADABLE:
        console.print(f"… and {len(summary.unreadable) - SHOWN_UNREADABLE} more "
                      "(see --report)", markup=False, soft_wrap=True)
