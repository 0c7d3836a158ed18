"""What a view is, and a records file folded into one.

A view (:class:`View`) takes records one at a time (:meth:`View.add`), keeps only aggregates,
and gives a :class:`~partyx.views.render.ViewResult` that :func:`~partyx.views.render.render`
prints in any format. :func:`fold` streams a records file into a view through the one reader of
records files (:func:`partyx.io.read_records`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from partyx import io
from partyx.views.render import ViewResult


class View(Protocol):
    """A corpus view: the summary, people, documents, membership, events."""

    name: str

    def add(self, record: dict[str, Any]) -> None:
        """Fold one record in (never trusting its shape: see :mod:`partyx.views.records`)."""

    def result(self) -> ViewResult:
        """What the view found, for :func:`~partyx.views.render.render`."""


V = TypeVar("V", bound=View)


def fold(view: V, path: Path, warn: Callable[[str], None] = lambda _: None,
         strict: bool = False) -> V:
    """Fold every record of ``path`` into ``view``; return ``view``. Bad lines are named
    through ``warn`` and skipped, or with ``strict`` raise :class:`~partyx.errors.BadRecord`;
    :class:`OSError` when ``path`` cannot be read."""
    for record in io.read_records(path, warn=warn, strict=strict):
        view.add(record)
    return view
