"""The ``partyx`` command line (typer): one module per command, each a thin wrapper over a plain
function of :mod:`partyx.run` or :mod:`partyx.views`, around :mod:`._util`. Heavy modules are
imported inside the commands, so that ``partyx --help`` answers at once.

Exit codes: 0 every article ok; 1 some articles had errors (their records are still written);
2 usage error, or nothing could be read. An error line ends with its code in
:mod:`partyx.errors`.
"""

from __future__ import annotations

import typer

from partyx import __version__
from partyx.cli import export, extract, merge, report, schema, stages, stats

app = typer.Typer(
    name="partyx",
    help="Structured records from Vietnamese political news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


app.command("extract")(extract.extract)
app.command("merge")(merge.merge)
app.add_typer(stats.app, name="stats")
app.command("export")(export.export)
app.command("report")(report.report)
app.command("stages")(stages.stages)
app.command("schema")(schema.schema)


def main() -> None:
    app()
