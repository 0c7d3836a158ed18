"""What the commands share: how an error or a warning is printed, the console, the options
several commands take, and how their help reads. Nothing heavy is imported here:
``partyx --help`` stays instant.

Help: every argument and option is shown with a metavar a person would write (``PATH...``,
``FILE``, ``N``, ``SECONDS``), a flag with none, and its default; :class:`Command` (the class of
every command) drops typer's type labels (``<list[Path]>``, ``<bool>``, ``<int range>``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperCommand

from partyx.errors import Message, PartyxError

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_OUTPUT = Path("partyx-out/records.jsonl")

# Options of the commands that read a records file.
RECORDS_FILE = typer.Argument(DEFAULT_OUTPUT, metavar="FILE",
                              help="Records written by 'partyx extract'.")
FORMAT = typer.Option("table", "--format", "-f", metavar="FORMAT",
                      help="table, json, csv or markdown.")
STRICT = typer.Option(False, "--strict",
                      help="Refuse a file with a bad line (exit 2) instead of skipping it.")


def plain_metavars(params: list[Any]) -> None:
    """Show each parameter by its metavar alone (see module docstring): no typer type label
    beside it, none for a flag; an argument in the usage line as ``PATH...`` or ``[FILE]``
    (typer writes ``{PATH}...``); a default given in words as written (typer wraps it in
    parentheses); no ``x>=1`` range notes (a value out of range is refused with its reason)."""
    for param in params:
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            param.display_type_rich = lambda ctx: ""
        elif param.param_type_name == "argument":
            param.display_type_rich = lambda ctx: ""  # the name column shows its metavar
            if param.metavar is not None:
                usage = param.metavar if param.required else f"[{param.metavar}]"
                param._usage_display_name = lambda usage=usage: usage
        elif param.metavar is not None:
            param.display_type_rich = lambda ctx, m=param.metavar: m
        if isinstance(getattr(param, "show_default", None), str):
            param._get_default_string = lambda words=param.show_default, **_: words
        param._get_number_range_help_str = lambda: None


class Command(TyperCommand):
    """A command whose help shows metavars, never typer's type labels."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_metavars(self.params)


def check_records_file(path: Path) -> None:
    """Exit 2 with a plain message unless ``path`` is a records file: missing, a folder, or not
    records at all (compressed, a database, an article: :func:`partyx.io.not_records`)."""
    from partyx import errors, io

    if path.is_dir():
        inside = [path / DEFAULT_OUTPUT.name] if (path / DEFAULT_OUTPUT.name).is_file() else \
            sorted(p for p in path.glob("*.jsonl") if p.is_file())
        hint = f"; did you mean {inside[0]}?" if len(inside) == 1 else ""
        fail(errors.RECORDS_FILE_IS_A_FOLDER, path=path, hint=hint)
    if not path.exists():
        fail(errors.NO_SUCH_RECORDS_FILE, path=path)
    try:
        what = io.not_records(path)
    except OSError as e:
        fail(errors.CANNOT_READ_RECORDS, path=path, error=e.strerror or e)
    if what is not None:
        fail(errors.NOT_RECORDS, path=path, what=what)


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


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?", re.IGNORECASE)
_UNITS = {"": 1 << 20, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def parse_size(text: str) -> int | None:
    """``"1G"`` -> bytes; a bare number is megabytes; ``"0"`` -> None (no limit).
    :class:`ValueError` for anything else."""
    m = _SIZE.fullmatch(text.strip())
    if m is None:
        raise ValueError(text)
    n = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    return n or None


def closed_stdout() -> NoReturn:
    """Standard output was closed by its reader (``partyx stats … | head``): end quietly with
    exit code 0, with nothing more written to it (Python's flush at exit would fail)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no descriptor (a test runner's capture)
        pass
    raise typer.Exit(0)
