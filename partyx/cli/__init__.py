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
from partyx.cli._util import Command

app = typer.Typer(
    name="partyx",
    help="Structured records from Vietnamese political news articles.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "[default: …]" is shown, not read as markup
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"partyx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit.", show_default=False),
) -> None:
    """Structured records from Vietnamese political news articles."""


app.command("extract", cls=Command,
            short_help="Extract one JSONL record per article (incremental, in parallel).",
            )(extract.extract)
app.command("merge", cls=Command,
            short_help="Join records files of --shard runs into one.")(merge.merge)
app.add_typer(stats.app, name="stats",
              short_help="Corpus views of a records file: summary, people, documents, "
                         "membership, events.")
app.command("export", cls=Command,
            short_help="Write the records as tables: SQLite, CSV or Parquet.")(export.export)
app.command("report", cls=Command,
            short_help="Write one self-contained HTML page of the corpus.")(report.report)
app.command("stages", cls=Command,
            short_help="List the stages, built-in and plugins.")(stages.stages)
app.command("schema", cls=Command,
            short_help="Print the JSON Schema of the record.")(schema.schema)


def main() -> None:
    app(prog_name="partyx")  # also as `python -m partyx`: usage lines, completion
