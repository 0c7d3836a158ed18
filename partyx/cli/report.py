"""``partyx report``: over :func:`partyx.views.report.write_page`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from partyx import errors
from partyx.cli._util import RECORDS_FILE, STRICT, check_records_file, fail, warn
from partyx.cli.stats import BY, MAP, MapYear, check_by


def report(
    file: Path = RECORDS_FILE,
    output: Path = typer.Option(Path("partyx-out/report.html"), "-o", "--output",
                                metavar="FILE", help="The HTML file to write."),
    map_year: MapYear | None = MAP,
    by: str = BY,
    strict: bool = STRICT,
) -> None:
    """Write one self-contained HTML page: summary, membership charts, searchable people
    (event types, people and documents count stories; --by article: articles)."""
    from partyx.errors import BadRecord, ExportError
    from partyx.views.report import write_page

    check_records_file(file)
    try:
        articles = write_page(file, output, warn=warn, strict=strict,
                              map_year=map_year.value if map_year else None, by=check_by(by))
    except ExportError as e:
        fail(e)
    except BadRecord as e:
        fail(errors.STRICT_NOTHING_WRITTEN, line=e)
    except OSError as e:
        fail(errors.CANNOT_WRITE, path=output, error=e)
    print(f"partyx: report of {articles} articles written to {output}", file=sys.stderr)
