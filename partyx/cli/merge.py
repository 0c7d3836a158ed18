"""``partyx merge``: over :func:`partyx.run.merge.merge_files`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from partyx import errors
from partyx.cli._util import fail, warn


def merge(
    output: Path = typer.Argument(..., help="The merged records file to write."),
    inputs: list[Path] = typer.Argument(..., help="Records files of sharded runs."),
) -> None:
    """Join records files (e.g. of --shard runs) into one, sorted by id, one record per id
    (the last input wins)."""
    from partyx.run.merge import merge_files

    try:
        n = merge_files(output, inputs, warn=warn)
    except FileNotFoundError as e:
        fail(errors.NO_SUCH_RECORDS_FILE, path=e)
    except OSError as e:
        fail(errors.CANNOT_WRITE, path=output, error=e)
    print(f"partyx: merged {n} records into {output}", file=sys.stderr)
