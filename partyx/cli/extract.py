"""``partyx extract``: over :func:`partyx.run.runner.run`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from partyx import errors
from partyx.cli._util import DEFAULT_OUTPUT, console, fail, parse_size, split_list, warn

if TYPE_CHECKING:
    from partyx.run.progress import ProgressBar

# Applied by the local executor only (--executor dask refuses them).
TIMEOUT = 30.0
MAX_TASKS = 1000
MAX_MEMORY = "1G"


def extract(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", show_default=False,
                                       help="Article files or folders (walked recursively); "
                                            "'-' reads standard input."),
    output: str = typer.Option(str(DEFAULT_OUTPUT), "-o", "--output", metavar="FILE",
                               help="JSONL file to write ('-' for standard output)."),
    stages: list[str] | None = typer.Option(None, "--stages", metavar="NAMES",
                                            help="Run exactly these stages (comma-separated)."),
    skip: list[str] | None = typer.Option(None, "--skip", metavar="NAMES",
                                          help="Stages to leave out (comma-separated)."),
    glob: str | None = typer.Option(
        None, "--glob", metavar="PATTERN", show_default="every format partyx reads",
        help="File pattern inside folders (every format partyx reads: .txt .html .htm .jsonl "
             ".ndjson .csv .parquet, each also .gz)."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1, metavar="N",
                                       show_default="every core",
                                       help="Worker processes."),
    full: bool = typer.Option(False, "--full",
                              help="Process every article again, not only the changed ones."),
    prune: bool = typer.Option(False, "--prune",
                               help="Drop the records of files that are no longer found."),
    wait: bool = typer.Option(False, "--wait",
                              help="Wait for another run writing the same FILE to finish."),
    timeout: float | None = typer.Option(None, "--timeout", min=0, metavar="SECONDS",
                                         show_default=f"{TIMEOUT:g}",
                                         help="Time limit per article (0: none; not with "
                                              "--executor dask)."),
    max_tasks: int | None = typer.Option(None, "--max-tasks-per-worker", min=0, metavar="N",
                                         show_default=str(MAX_TASKS),
                                         help="Replace a worker process after this many "
                                              "articles (0: never; not with --executor dask)."),
    max_memory: str | None = typer.Option(None, "--max-memory", metavar="SIZE",
                                          show_default=MAX_MEMORY,
                                          help="Memory a worker may allocate beyond its start "
                                               "(500M, 2G; a bare number is MB; 0: no limit; "
                                               "not with --executor dask)."),
    shard: str | None = typer.Option(None, "--shard", metavar="I/N",
                                     help="Process only part I of N (0 <= I < N), split by a "
                                          "stable hash of the article id."),
    executor: str = typer.Option("local", "--executor", metavar="local|dask",
                                 help="Where the stages run: worker processes here, or a Dask "
                                      "cluster."),
    scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                         show_default="a local cluster",
                                         help="Dask scheduler address (tcp://HOST:8786), with "
                                              "--executor dask."),
    report: Path | None = typer.Option(None, "--report", metavar="FILE",
                                       help="Write the run summary as JSON to this file."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar, per-file messages or summary table."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of failing stages."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1, metavar="BYTES",
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

    Run again into the same FILE, it processes only the articles whose file or stage versions
    changed (the state is kept beside FILE, in FILE.state.sqlite). Ctrl-C or SIGTERM stops
    it after committing what was done (exit 130 or 143); the next run goes on from there."""
    import sqlite3

    from partyx.errors import CommandError, Interrupted
    from partyx.readers.columns import parse_fields
    from partyx.run.available import left_out_plugins
    from partyx.run.executors.base import EXECUTORS
    from partyx.run.plan import parse_shard
    from partyx.run.rows import STDIN, STDIN_FORMATS
    from partyx.run.runner import RunOptions, run
    from partyx.run.summary import print_run_summary, write_report_json

    to_stdout = output == "-"
    _refuse_contradictions(stages, to_stdout, prune, wait, quiet, debug, executor, scheduler)
    dask = executor == "dask"
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
        memory = parse_size(max_memory if max_memory is not None else
                            ("0" if dask else MAX_MEMORY))
    except ValueError:
        fail(errors.BAD_SIZE, text=max_memory)
    try:
        opts = RunOptions(
            paths=paths,
            output=None if to_stdout else Path(output),
            only=split_list(stages) if stages is not None else None,
            skip=split_list(skip),
            pattern=glob,
            workers=workers,
            debug=debug,
            full=full,
            prune=prune,
            wait=wait,
            timeout=(timeout if timeout is not None else None if dask else TIMEOUT) or None,
            max_tasks=(max_tasks if max_tasks is not None else None if dask else MAX_TASKS)
            or None,
            shard=parse_shard(shard) if shard else None,
            executor=executor,
            scheduler=scheduler,
            max_bytes=max_bytes,
            max_memory=memory,
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
            progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=sys.stderr)

    for message in left_out_plugins(opts.only):
        warn(message)  # even with --quiet: the run is not what was asked for
    try:
        summary = run(opts, log=log, progress=progress, warn=warn)
    except Interrupted as e:
        if progress is not None:
            progress.stop()
        print(f"partyx: {e} [{e.code}]", file=sys.stderr)
        raise typer.Exit(e.exit_code) from None
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


def _refuse_contradictions(stages: list[str] | None, to_stdout: bool, prune: bool, wait: bool,
                           quiet: bool, debug: bool, executor: str,
                           scheduler: str | None) -> None:
    """Options that cannot mean anything together are usage errors (exit 2), never guessed."""
    if stages is not None and not split_list(stages):
        fail(errors.NO_STAGES)
    if to_stdout and prune:
        fail(errors.CONTRADICTION, first="--prune", second="-o -",
             why="records are pruned from FILE's state, and standard output has none")
    if to_stdout and wait:
        fail(errors.CONTRADICTION, first="--wait", second="-o -",
             why="runs wait for each other on FILE's lock, and standard output has none")
    if quiet and debug:
        fail(errors.CONTRADICTION, first="--debug", second="--quiet",
             why="--debug prints tracebacks, --quiet silences the per-file messages")
    if scheduler is not None and executor != "dask":
        fail(errors.CONTRADICTION, first="--scheduler", second=f"--executor {executor}",
             why="a scheduler is the address of a Dask cluster (add --executor dask)")


def _progress() -> ProgressBar | None:
    """A rich progress bar on standard error when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from partyx.run.progress import ProgressBar

    return ProgressBar(console())
