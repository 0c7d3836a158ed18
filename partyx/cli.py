"""The ``partyx`` command line (typer). Heavy modules are imported inside the commands so that
``partyx --help`` answers at once.

Exit codes: 0 every article ok; 1 some articles had errors (their records are still written);
2 usage error, or nothing could be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click
import typer
from typer.core import TyperGroup

from partyx import __version__, errors
from partyx.errors import Message, PartyxError

DEFAULT_OUTPUT = Path("partyx-out/records.jsonl")

app = typer.Typer(
    name="partyx",
    help="Structured records from Vietnamese political news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail(error: Message | PartyxError, /, **fields: object) -> NoReturn:
    """Print ``partyx: error: <text> [<code>]`` and exit with code 2."""
    if isinstance(error, PartyxError):
        text, code = str(error), error.code
    else:
        text, code = error(**fields), error.code
    print(f"partyx: error: {text} [{code}]", file=sys.stderr)
    raise typer.Exit(2)


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _version(value: bool) -> None:
    if value:
        print(f"partyx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Structured records from Vietnamese political news articles."""


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (walked recursively)."),
    output: str = typer.Option(str(DEFAULT_OUTPUT), "-o", "--output",
                               help="JSONL file to write ('-' for standard output)."),
    stages: list[str] | None = typer.Option(None, "--stages",
                                               help="Run exactly these stages (comma-separated)."),
    skip: list[str] | None = typer.Option(None, "--skip", help="Stages to leave out."),
    glob: str = typer.Option("*.txt", "--glob", help="File pattern inside folders."),
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
) -> None:
    """Extract one JSONL record per article, then print a run summary on standard error.

    Runs again into the same FILE process only the articles whose file or stage versions
    changed (state kept beside FILE in FILE.state.sqlite)."""
    import sqlite3

    from partyx.errors import CommandError, PipelineError, UsageError
    from partyx.pipeline import PipelineError as PipelineCheckError
    from partyx.run.plan import parse_shard
    from partyx.run.runner import RunOptions, run
    from partyx.run.summary import write_report

    if executor not in ("local", "dask"):
        _fail(errors.UNKNOWN_EXECUTOR, name=executor)
    try:
        shard_spec = parse_shard(shard) if shard else None
    except UsageError as e:
        _fail(e)
    opts = RunOptions(
        paths=paths,
        output=None if output == "-" else Path(output),
        only=_split(stages) or None,
        skip=_split(skip),
        pattern=glob,
        workers=workers,
        debug=debug,
        full=full,
        prune=prune,
        wait=wait,
        timeout=timeout or None,
        max_tasks=max_tasks or None,
        shard=shard_spec,
        executor=executor,
        scheduler=scheduler,
        max_bytes=max_bytes,
    )
    progress = None if quiet else _progress()

    def log(message: str) -> None:
        if quiet:
            return
        if progress is not None:
            progress.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)

    _warn_broken_plugins(opts.only)
    try:
        summary = run(opts, log=log, progress=progress)
    except CommandError as e:
        _fail(e)
    except PipelineCheckError as e:
        # partyx.pipeline still defines its own PipelineError: once it imports the one of
        # partyx.errors, the clause above catches it and this one goes
        _fail(PipelineError(str(e)))
    except FileNotFoundError as e:
        _fail(errors.NO_SUCH_PATH, path=e)
    except sqlite3.Error as e:  # the state beside FILE: a full disk, a broken file
        if debug:
            raise
        _fail(errors.CANNOT_WRITE_STATE, output=output, error=e)
    except OSError as e:
        if debug:
            raise
        reason = e.strerror or str(e)
        where = f" {e.filename}" if e.filename and str(e.filename) not in reason else ""
        _fail(errors.CANNOT_WRITE_OUTPUT, where=where, reason=reason, output=output)
    finally:
        if progress is not None:
            progress.stop()
    if report is not None:
        try:
            write_report(summary, report)
        except OSError as e:
            _fail(errors.CANNOT_WRITE_REPORT, path=report, error=e)
    if not quiet:
        from partyx.run.summary import print_run_summary

        print_run_summary(summary, _console(), output)
    raise typer.Exit(summary.exit_code)


def _progress():
    """A rich progress bar on standard error when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from partyx.run.progress import ProgressBar

    return ProgressBar(_console())


@app.command()
def merge(
    output: Path = typer.Argument(..., help="The merged records file to write."),
    inputs: list[Path] = typer.Argument(..., help="Records files of sharded runs."),
) -> None:
    """Join records files (e.g. of --shard runs) into one, sorted by id, one record per id
    (the last input wins)."""
    from partyx.run.merge import merge_files

    try:
        n = merge_files(output, inputs, warn=_warn)
    except FileNotFoundError as e:
        _fail(errors.NO_SUCH_RECORDS_FILE, path=e)
    except OSError as e:
        _fail(errors.CANNOT_WRITE, path=output, error=e)
    print(f"partyx: merged {n} records into {output}", file=sys.stderr)


class _StatsGroup(TyperGroup):
    """``partyx stats``: a first word that is no view name is the FILE of the corpus summary,
    so ``partyx stats``, ``partyx stats FILE`` and ``partyx stats people FILE`` all work."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["summary", *args]
        return super().parse_args(ctx, args)


stats_app = typer.Typer(
    cls=_StatsGroup,
    help="Corpus views of a records file: the summary (default), people, documents, "
         "membership, events.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(stats_app, name="stats")

_FILE = typer.Argument(DEFAULT_OUTPUT, help="Records written by 'partyx extract'.")
_FORMAT = typer.Option("table", "--format", "-f", help="table, json, csv or markdown.")
_STRICT = typer.Option(False, "--strict",
                       help="Refuse a file with a bad line (exit 2) instead of skipping it.")


def _show(view, file: Path, fmt: str, strict: bool) -> None:
    """Fold the records of ``file`` into ``view`` and print its result in ``fmt``."""
    from partyx.errors import BadRecord
    from partyx.io import read_records
    from partyx.views.render import FORMATS, render

    if fmt not in FORMATS:
        _fail(errors.UNKNOWN_FORMAT, name=fmt, choices=", ".join(FORMATS))
    if not file.is_file():
        _fail(errors.NO_SUCH_RECORDS_FILE, path=file)
    try:
        for record in read_records(file, warn=_warn, strict=strict):
            view.add(record)
    except BadRecord as e:
        _fail(errors.STRICT_BAD_LINE, line=e)
    except OSError as e:
        _fail(errors.CANNOT_READ_RECORDS, path=file, error=e)
    try:
        render(view.result(), fmt, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `partyx stats … | head`
        sys.stderr.close()


@stats_app.command("summary")
def stats_summary(
    file: Path = _FILE,
    fmt: str = _FORMAT,
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    top: int = typer.Option(10, "--top", min=1, help="Rows of the people and document lists."),
    strict: bool = _STRICT,
) -> None:
    """The corpus summary: outlets, months, event types, people, documents, membership."""
    from partyx.views.summary import SummaryView

    _show(SummaryView(top), file, "json" if as_json else fmt, strict)


@stats_app.command("people")
def stats_people(
    file: Path = _FILE,
    fmt: str = _FORMAT,
    name: str | None = typer.Option(None, "--name", help="Names containing this (any accents "
                                                         "when typed without)."),
    org: str | None = typer.Option(None, "--org", help="People with a post in a matching org."),
    since: str | None = typer.Option(None, "--since", help="Only articles dated YYYY-MM-DD or "
                                                           "later."),
    strict: bool = _STRICT,
) -> None:
    """Every person with their posts, first/last date each post is seen, articles."""
    import re

    from partyx.views.people import PeopleView

    if since is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        _fail(errors.BAD_SINCE, text=since)
    _show(PeopleView(name=name, org=org, since=since), file, fmt, strict)


@stats_app.command("documents")
def stats_documents(file: Path = _FILE, fmt: str = _FORMAT, strict: bool = _STRICT) -> None:
    """Each cited document with its citation count, first/last citation and citing articles."""
    from partyx.views.documents import DocumentsView

    _show(DocumentsView(), file, fmt, strict)


@stats_app.command("membership")
def stats_membership(file: Path = _FILE, fmt: str = _FORMAT, strict: bool = _STRICT) -> None:
    """Per organisation, party members and grassroots organisations by date, with changes."""
    from partyx.views.membership import MembershipView

    _show(MembershipView(), file, fmt, strict)


@stats_app.command("events")
def stats_events(file: Path = _FILE, fmt: str = _FORMAT, strict: bool = _STRICT) -> None:
    """Articles by event type, by month and type, and by place."""
    from partyx.views.events import EventsView

    _show(EventsView(), file, fmt, strict)


def _warn_broken_plugins(only: list[str] | None) -> None:
    """A plugin that failed to load is left out of the run, loudly (even with ``--quiet``).
    Asked for by name, it is a usage error that the pipeline check reports."""
    from partyx.pipeline import BROKEN, load_stages

    load_stages()
    for name, error in BROKEN.items():
        if only is None or name not in only:
            _warn(errors.PLUGIN_LEFT_OUT.coded(name=name, error=error))


def _warn(message: str) -> None:
    print(f"partyx: warning: {message}", file=sys.stderr)


@app.command("export")
def export_cmd(
    file: Path = typer.Argument(..., help="Records written by 'partyx extract'."),
    out: Path = typer.Argument(..., help="The database file (sqlite) or folder (csv, parquet)."),
    to: str = typer.Option(..., "--to", help="sqlite, csv or parquet."),
    strict: bool = _STRICT,
) -> None:
    """Write the records as normalised tables (articles, people, positions, documents, citations,
    places, membership …) with keys, for SQL and dataframe users."""
    from partyx.errors import BadRecord, ExportError
    from partyx.io import read_records, replaceable
    from partyx.views.export import export

    if not file.is_file():
        _fail(errors.NO_SUCH_RECORDS_FILE, path=file)
    if to == "sqlite" and not replaceable(out, b"SQLite format 3\x00", file):
        _fail(errors.NOT_A_SQLITE_DATABASE, path=out)
    try:
        counts = export(read_records(file, warn=_warn, strict=strict), to, out, warn=_warn)
    except ExportError as e:
        _fail(e)
    except BadRecord as e:
        _fail(errors.STRICT_NOTHING_WRITTEN, line=e)
    except OSError as e:
        _fail(errors.CANNOT_EXPORT, path=out, error=e)
    print(f"partyx: exported {counts['articles']} articles to {out} ({to}): "
          + ", ".join(f"{t} {n}" for t, n in counts.items() if t != "articles"),
          file=sys.stderr)


@app.command("report")
def report_cmd(
    file: Path = typer.Argument(DEFAULT_OUTPUT, help="Records written by 'partyx extract'."),
    output: Path = typer.Option(Path("partyx-out/report.html"), "-o", "--output",
                                help="The HTML file to write."),
    strict: bool = _STRICT,
) -> None:
    """Write one self-contained HTML page: summary, membership charts, searchable people."""
    from partyx.errors import BadRecord
    from partyx.io import atomic_writer, read_records, replaceable
    from partyx.views.report import render_report
    from partyx.views.summary import SummaryView

    if not file.is_file():
        _fail(errors.NO_SUCH_RECORDS_FILE, path=file)
    if not replaceable(output, b"<!doctype html", file):
        _fail(errors.NOT_AN_HTML_REPORT, path=output)
    view = SummaryView()
    try:
        for record in read_records(file, warn=_warn, strict=strict):
            view.add(record)
        page = render_report(view, str(file))
        with atomic_writer(output) as fh:
            fh.write(page.encode("utf-8"))
    except BadRecord as e:
        _fail(errors.STRICT_NOTHING_WRITTEN, line=e)
    except OSError as e:
        _fail(errors.CANNOT_WRITE, path=output, error=e)
    print(f"partyx: report of {view.articles} articles written to {output}", file=sys.stderr)


@app.command("stages")
def list_stages() -> None:
    """List the available stages, built-in and plugins, with what they require and provide."""
    from rich.console import Console
    from rich.table import Table

    from partyx.pipeline import BROKEN, ORIGIN, load_stages

    registry = load_stages()
    table = Table(title="partyx stages")
    for col in ("stage", "version", "default", "requires", "provides", "origin"):
        table.add_column(col)
    for name, cls in registry.items():
        table.add_row(name, cls.version, "yes" if cls.default else "no",
                      ", ".join(cls.requires), ", ".join(cls.provides), ORIGIN.get(name, ""))
    for name, error in BROKEN.items():
        table.add_row(name, "-", "-", "-", "-", f"BROKEN: {error}")
    Console(highlight=False).print(table)


def main() -> None:
    app()
