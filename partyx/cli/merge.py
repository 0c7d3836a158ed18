"""``partyx merge``: over :func:`partyx.run.merge.merge_files`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from partyx import errors
from partyx.cli._util import check_records_file, fail, warn


def merge(
    output: Path = typer.Argument(..., metavar="OUT", show_default=False,
                                  help="The merged records file to write."),
    inputs: list[Path] = typer.Argument(..., metavar="FILE...", show_default=False,
                                        help="Records files of sharded runs."),
) -> None:
    """Join records files (the outputs of --shard runs) into one, sorted by id, one record per
    id (the last input wins). Exit 1 when lines of the inputs were skipped (not records, or
    records of another partyx version); 2 when an input is not a records file at all."""
    from partyx import io
    from partyx.run.merge import merge_files

    for path in inputs:
        if not path.is_file():
            check_records_file(path)  # missing, or a folder: says which (exit 2)
        try:
            what = io.not_records(path, schema=None)  # another version's shard: skipped, exit 1
        except OSError as e:
            fail(errors.CANNOT_READ_RECORDS, path=path, error=e.strerror or e)
        if what is not None:
            fail(errors.NOT_RECORDS, path=path, what=what)
    try:
        merged = merge_files(output, inputs, warn=warn)
    except FileNotFoundError as e:
        fail(errors.NO_SUCH_RECORDS_FILE, path=e)
    except OSError as e:
        fail(errors.CANNOT_WRITE, path=output, error=e)
    skipped = f"; {merged.skipped} lines skipped" if merged.skipped else ""
    print(f"partyx: merged {merged.written} records into {output}{skipped}", file=sys.stderr)
    raise typer.Exit(1 if merged.skipped else 0)
