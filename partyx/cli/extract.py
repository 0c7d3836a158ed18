"""``partyx extract``: over :func:`partyx.run.runner.run`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from partyx import errors
from partyx.cli._util import DEFAULT_OUTPUT, console, fail, split_list, warn

if TYPE_CHECKING:
    from partyx.run.progress import ProgressBar


def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Article files or folders (walked recursively); '-' reads standard input."),
    output: str = typer.Option(str(DEFAULT_OUTPUT), "-o", "--output",
                               help="JSONL file to write ('-' for standard output)."),
    stages: list[str] | None = typer.Option(None, "--stages",
                                            help="Run exactly these stages (comma-separated)."),
    skip: list[str] | None = typer.Option(None, "--skip", help="Stages to leave out."),
    glob: str | None = typer.Option(
        None, "--glob", metavar="PATTERN",
        help="File pattern inside folders (default: every format partyx reads: .txt .html .htm "
             ".jsonl .ndjson .csv .parquet, each also .gz)."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1,
                                       help="Worker processes [default: all cores]."),
    full: bool = typer.Option(False, "--full",
                              help="Process every article again, not only the changed ones."),
    prune: bool = typer.Option(False, "--prune",
                               help="Drop the records of files that are no longer found."),
    wait: bool = typer.Option(False, "--wait",
                              help="Wait for another run writing the same FILE to finish."),
    timeout: float = typer.Option(30.0, "--timeout", min=0,
                                  help="Time limit per article in seconds (0: none)."),
    max_tasks: int = typer.Option(1000, "--max-tasks-per-worker", min=0,
                                  help="Replace a worker process after this many articles "
                                       "(0: never)."),
    shard: str | None = typer.Option(None, "--shard", metavar="I/N",
                                     help="Process only part I of N (0 <= I < N), split by a "
                                          "stable hash of the article id."),
    executor: str = typer.Option("local", "--executor",
                                 help="local (worker processes) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                         help="Dask scheduler address (tcp://HOST:8786); "
                                              "default: a local cluster."),
    report: Path | None = typer.Option(None, "--report",
                                       help="Write the run summary as JSON to this file."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar, per-file messages or table."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of failing stages."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1,
                                  help="Larger files are reported as too large, not read."),
    field: list[str] | None = typer.Option(
        None, "--field", metavar="FIELD=COLUMN",
        help="The dataset column holding an article field (text, title, lead, published, "
             "outlet, authors, section, url, id), e.g. text=noi_dung; repeatable."),
    input_format: str | None = typer.Option(
        None, "--format", metavar="FORMAT",
        help="What standard input ('-') holds: txt (one article, the default), html (one "
             "page), jsonl or csv (one article per row)."),
) -> None:
    """Extract one JSONL record per article, then print a run summary on standard error.

    Runs again into the same FILE process only the articles whose file or stage versions
    changed (state kept beside FILE in FILE.state.sqlite)."""
    import sqlite3

    from partyx.errors import CommandError
    from partyx.readers.columns import parse_fields
    from partyx.run.available import left_out_plugins
    from partyx.run.executors.base import EXECUTORS
    from partyx.run.plan import parse_shard
    from partyx.run.rows import STDIN, STDIN_FORMATS
    from partyx.run.runner import RunOptions, run
    from partyx.run.summary import print_run_summary, write_report_json

    try:
        if executor not in EXECUTORS:
            fail(errors.UNKNOWN_EXECUTOR, name=executor)
        stdin_count = sum(str(p) == STDIN for p in paths)
        if stdin_count > 1:
            fail(errors.STDIN_TWICE)
        if input_format is not None:
            if input_format not in STDIN_FORMATS:
                fail(errors.UNKNOWN_FORMAT, name=input_format, choices=", ".join(STDIN_FORMATS))
            if not stdin_count:
                fail(errors.FORMAT_WITHOUT_STDIN)
        opts = RunOptions(
            paths=paths,
            output=None if output == "-" else Path(output),
            only=split_list(stages) or None,
            skip=split_list(skip),
            pattern=glob,
            workers=workers,
            debug=debug,
            full=full,
            prune=prune,
            wait=wait,
            timeout=timeout or None,
            max_tasks=max_tasks or None,
            shard=parse_shard(shard) if shard else None,
            executor=executor,
            scheduler=scheduler,
            max_bytes=max_bytes,
            fields=parse_fields(field),
            stdin_format=input_format or "txt",
        )
    except CommandError as e:
        fail(e)
    progress = None if quiet else _progress()

    def log(message: str) -> None:
        if quiet:
            return
        if progress is not None:
            progress.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    for message in left_out_plugins(opts.only):
        warn(message)  # even with --quiet: the run is not what was asked for
    try:
        summary = run(opts, log=log, progress=progress)
    except CommandError as e:
        fail(e)
    except FileNotFoundError as e:
        fail(errors.NO_SUCH_PATH, path=e)
    except sqlite3.Error as e:  # the state beside FILE: a full disk, a broken file
        if debug:
            raise
        fail(errors.CANNOT_WRITE_STATE, output=output, error=e)
    except OSError as e:
        if debug:
            raise
        reason = e.strerror or str(e)
        where = f" {e.filename}" if e.filename and str(e.filename) not in reason else ""
        fail(errors.CANNOT_WRITE_OUTPUT, where=where, reason=reason, output=output)
    finally:
        if progress is not None:
            progress.stop()
    if report is not None:
        try:
            write_report_json(summary, report)
        except OSError as e:
            fail(errors.CANNOT_WRITE_REPORT, path=report, error=e)
    if not quiet:
        print_run_summary(summary, console(), output)
    raise typer.Exit(summary.exit_code)


def _progress() -> ProgressBar | None:
    """A rich progress bar on standard error when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from partyx.run.progress import ProgressBar

    return ProgressBar(console())
