"""``partyx stages``: over :func:`partyx.run.available.available_stages`."""

from __future__ import annotations


def stages() -> None:
    """List the available stages, built-in and plugins, with what they require and provide."""
    from rich.console import Console
    from rich.table import Table

    from partyx.run.available import available_stages

    table = Table(title="partyx stages")
    for col in ("stage", "version", "default", "requires", "provides", "origin"):
        table.add_column(col)
    for stage in available_stages():
        if stage.broken is not None:
            table.add_row(stage.name, "-", "-", "-", "-", f"BROKEN: {stage.broken}")
        else:
            table.add_row(stage.name, stage.version, "yes" if stage.default else "no",
                          ", ".join(stage.requires), ", ".join(stage.provides), stage.origin)
    Console(highlight=False).print(table)
