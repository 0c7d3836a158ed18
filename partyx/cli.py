"""The ``partyx`` command line (typer). Heavy modules are imported inside the commands so that
``partyx --help`` answers at once.

Exit codes: 0 every article ok; 1 some articles had errors (their records are still written);
2 usage error, or nothing could be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from partyx import __version__

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


def _fail(message: str, code: int = 2) -> None:
    print(f"partyx: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


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
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-file messages, no table."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of failing stages."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1,
                                  help="Larger files are reported as too large, not read."),
) -> None:
    """Extract one JSONL record per article, then print a run summary on standard error."""
    from partyx.pipeline import PipelineError
    from partyx.runner import RunOptions, run

    opts = RunOptions(
        paths=paths,
        output=None if output == "-" else Path(output),
        only=_split(stages) or None,
        skip=_split(skip),
        pattern=glob,
        workers=workers,
        debug=debug,
        max_bytes=max_bytes,
    )

    def log(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr)

    try:
        summary = run(opts, log=log)
    except PipelineError as e:
        _fail(str(e))
    except FileNotFoundError as e:
        _fail(f"no such file or folder: {e}")
    except OSError as e:
        if debug:
            raise
        reason = e.strerror or str(e)
        where = f" {e.filename}" if e.filename and str(e.filename) not in reason else ""
        _fail(f"cannot write output{where}: {reason}; the previous {output} is left as it was")
    if not quiet:
        from partyx.report import print_run_summary

        print_run_summary(summary, _console(), output)
    raise typer.Exit(summary.exit_code)


@app.command()
def stats(
    file: Path = typer.Argument(DEFAULT_OUTPUT, help="Records written by 'partyx extract'."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    top: int = typer.Option(10, "--top", min=1, help="Rows per table."),
) -> None:
    """Print the corpus summary of a records file."""
    from partyx import stats as stats_mod

    if not file.exists():
        _fail(f"no such records file: {file}")
    summary = stats_mod.summarize(stats_mod.read_records(file, warn=_warn), top=top)
    if as_json:
        import orjson

        sys.stdout.buffer.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from rich.console import Console

        stats_mod.print_summary(summary, Console(highlight=False))


def _warn(message: str) -> None:
    print(f"partyx: warning: {message}", file=sys.stderr)


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
