"""What the commands share: how an error or a warning is printed, the console, the options
several commands take. Nothing heavy is imported here: ``partyx --help`` stays instant."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from partyx.errors import Message, PartyxError

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_OUTPUT = Path("partyx-out/records.jsonl")

# Options of the commands that read a records file.
RECORDS_FILE = typer.Argument(DEFAULT_OUTPUT, help="Records written by 'partyx extract'.")
FORMAT = typer.Option("table", "--format", "-f", help="table, json, csv or markdown.")
STRICT = typer.Option(False, "--strict",
                      help="Refuse a file with a bad line (exit 2) instead of skipping it.")


def fail(error: Message | PartyxError, /, **fields: object) -> NoReturn:
    """Print ``partyx: error: <text> [<code>]`` (the catalogue's entry with ``fields`` filled
    in, or a raised error's text and code: :mod:`partyx.errors`) and exit with code 2."""
    if isinstance(error, PartyxError):
        text, code = str(error), error.code
    else:
        text, code = error(**fields), error.code
    print(f"partyx: error: {text} [{code}]", file=sys.stderr)
    raise typer.Exit(2)


def warn(message: str) -> None:
    """Print ``partyx: warning: <message>`` (the message ends with its code)."""
    print(f"partyx: warning: {message}", file=sys.stderr)


def console() -> Console:
    """A rich console on standard error."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def split_list(values: list[str] | None) -> list[str]:
    """``["a,b", "c"]`` -> ``["a", "b", "c"]``: a repeatable option of comma-separated names."""
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out
