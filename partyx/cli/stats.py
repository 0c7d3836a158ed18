"""``partyx stats [VIEW] [FILE]``: the corpus views (:mod:`partyx.views`), each folded over the
records file (:func:`partyx.views.base.fold`) and printed (:func:`partyx.views.render.render`).

A first word that is no view name is the FILE of the corpus summary, so ``partyx stats``,
``partyx stats FILE`` and ``partyx stats people FILE`` all work.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from partyx import errors
from partyx.cli._util import FORMAT, RECORDS_FILE, STRICT, fail, warn

if TYPE_CHECKING:
    from partyx.views.base import View


class _StatsGroup(TyperGroup):
    """``summary`` when the first word is no view name (see module docstring)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # ctx: the click Context of the typer installed (typer >= 0.20 has its own click)
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["summary", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_StatsGroup,
    help="Corpus views of a records file: the summary (default), people, documents, "
         "membership, events.",
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show(view: View, file: Path, fmt: str, strict: bool) -> None:
    """Fold the records of ``file`` into ``view`` and print its result in ``fmt``."""
    from partyx.errors import BadRecord
    from partyx.views.base import fold
    from partyx.views.render import FORMATS, render

    if fmt not in FORMATS:
        fail(errors.UNKNOWN_FORMAT, name=fmt, choices=", ".join(FORMATS))
    if not file.is_file():
        fail(errors.NO_SUCH_RECORDS_FILE, path=file)
    try:
        fold(view, file, warn=warn, strict=strict)
    except BadRecord as e:
        fail(errors.STRICT_BAD_LINE, line=e)
    except OSError as e:
        fail(errors.CANNOT_READ_RECORDS, path=file, error=e)
    try:
        render(view.result(), fmt, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `partyx stats … | head`
        sys.stderr.close()


@app.command("summary")
def summary(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    top: int = typer.Option(10, "--top", min=1, help="Rows of the people and document lists."),
    strict: bool = STRICT,
) -> None:
    """The corpus summary: outlets, months, event types, people, documents, membership."""
    from partyx.views.summary import SummaryView

    _show(SummaryView(top), file, "json" if as_json else fmt, strict)


@app.command("people")
def people(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    name: str | None = typer.Option(None, "--name", help="Names containing this (any accents "
                                                         "when typed without)."),
    org: str | None = typer.Option(None, "--org", help="People with a post in a matching org."),
    since: str | None = typer.Option(None, "--since", help="Only articles dated YYYY-MM-DD or "
                                                           "later."),
    strict: bool = STRICT,
) -> None:
    """Every person with their posts, first/last date each post is seen, articles."""
    from partyx.views.people import PeopleView

    if since is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        fail(errors.BAD_SINCE, text=since)
    _show(PeopleView(name=name, org=org, since=since), file, fmt, strict)


@app.command("documents")
def documents(file: Path = RECORDS_FILE, fmt: str = FORMAT, strict: bool = STRICT) -> None:
    """Each cited document with its citation count, first/last citation and citing articles."""
    from partyx.views.documents import DocumentsView

    _show(DocumentsView(), file, fmt, strict)


@app.command("membership")
def membership(file: Path = RECORDS_FILE, fmt: str = FORMAT, strict: bool = STRICT) -> None:
    """Per organisation, party members and grassroots organisations by date, with changes."""
    from partyx.views.membership import MembershipView

    _show(MembershipView(), file, fmt, strict)


@app.command("events")
def events(file: Path = RECORDS_FILE, fmt: str = FORMAT, strict: bool = STRICT) -> None:
    """Articles by event type, by month and type, and by place."""
    from partyx.views.events import EventsView

    _show(EventsView(), file, fmt, strict)
