"""``partyx export``: over :func:`partyx.views.export.export_file`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from partyx import errors
from partyx.cli._util import STRICT, check_records_file, fail, warn


def export(
    file: Path = typer.Argument(..., metavar="FILE", show_default=False,
                                help="Records written by 'partyx extract'."),
    out: Path = typer.Argument(..., metavar="OUT", show_default=False,
                               help="The database file (sqlite) or folder (csv, parquet)."),
    to: str = typer.Option(..., "--to", metavar="sqlite|csv|parquet", show_default=False,
                           help="What to write."),
    strict: bool = STRICT,
) -> None:
    """Write the records as normalised tables (articles, people, positions, documents, citations,
    places, membership …) with keys, for SQL and dataframe users."""
    from partyx.errors import BadRecord, ExportError
    from partyx.views.export import export_file

    check_records_file(file)
    try:
        counts = export_file(file, to, out, warn=warn, strict=strict)
    except ExportError as e:
        fail(e)
    except BadRecord as e:
        fail(errors.STRICT_NOTHING_WRITTEN, line=e)
    except OSError as e:
        fail(errors.CANNOT_EXPORT, path=out, error=e)
    print(f"partyx: exported {counts['articles']} articles to {out} ({to}): "
          + ", ".join(f"{t} {n}" for t, n in counts.items() if t != "articles"),
          file=sys.stderr)
