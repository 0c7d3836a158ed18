"""``partyx stats [VIEW] [FILE]``: the corpus views (:mod:`partyx.views`), each folded over the
records file (:func:`partyx.views.base.fold`) and printed (:func:`partyx.views.render.render`).

A first word that is no view name is the FILE of the corpus summary, so ``partyx stats``,
``partyx stats FILE`` and ``partyx stats people FILE`` all work.
"""

from __future__ import annotations

import datetime
import enum
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from partyx import errors
from partyx.cli._util import (
    FORMAT,
    RECORDS_FILE,
    STRICT,
    Command,
    check_records_file,
    closed_stdout,
    fail,
    warn,
)

if TYPE_CHECKING:
    from partyx.views.base import View


class _StatsGroup(TyperGroup):
    """``summary`` when the first word is no view name (see module docstring); its help
    shows the views and then the summary's own arguments and options, which ``partyx stats``
    takes."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # ctx: the click Context of the typer installed (typer >= 0.20 has its own click)
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["summary", *args]
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[VIEW]", "[FILE]", "[OPTIONS]"]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, formatter)
        summary = self.commands["summary"]
        formatter.write_paragraph()
        formatter.write_text("Without a view name, 'partyx stats [FILE]' is the summary:")
        summary.format_options(summary.make_context("summary", [], parent=ctx,
                                                    resilient_parsing=True), formatter)
        formatter.write_paragraph()
        formatter.write_text("Each view takes FILE, --format and --strict; see 'partyx stats "
                             "VIEW --help' for its own options.")


app = typer.Typer(
    cls=_StatsGroup,
    help="Corpus views of a records file: the summary (default), people, documents, "
         "membership, events, stories.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show(view: View, file: Path, fmt: str, strict: bool) -> None:
    """Fold the records of ``file`` into ``view`` and print its result in ``fmt``."""
    from partyx import SCHEMA
    from partyx.errors import BadRecord
    from partyx.views.base import Counts, fold
    from partyx.views.render import FORMATS, render

    if fmt not in FORMATS:
        fail(errors.UNKNOWN_FORMAT, name=fmt, choices=", ".join(FORMATS))
    check_records_file(file)
    counts = Counts()
    try:
        fold(view, file, warn=warn, strict=strict, counts=counts)
    except BadRecord as e:
        fail(errors.STRICT_BAD_LINE, line=e)
    except OSError as e:
        fail(errors.CANNOT_READ_RECORDS, path=file, error=e)
    if counts.skipped and not counts.records:  # an empty view would pass for a result
        fail(errors.NO_RECORD_READ, schema=SCHEMA, path=file, skipped=counts.skipped)
    try:
        render(view.result(), fmt, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `partyx stats … | head`: the reader has what it wanted
        closed_stdout()


class MapYear(str, enum.Enum):
    """The maps ``--map`` groups places by (``places[].now``: the map in force since 2025)."""

    Y2025 = "2025"


MAP = typer.Option(None, "--map", metavar="YEAR",
                   help="Group places by the administrative map of YEAR (2025: today's "
                        "provinces and communes, from places[].now); default: as written.")


BY = typer.Option("story", "--by", metavar="story|article",
                  help="Count each story once (an article and its copies by other outlets), "
                       "or every article.")


def check_by(by: str) -> str:
    """``--by`` as given, when it is ``story`` or ``article``."""
    if by not in ("story", "article"):
        fail(errors.UNKNOWN_BY, text=by)
    return by


def _map(year: MapYear | None) -> str | None:
    return None if year is None else year.value


def _since(text: str | None) -> str | None:
    """``--since`` as given, when it is a real date (``2022-13-45`` is a usage error)."""
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    try:
        if m is None:
            raise ValueError(text)
        datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        fail(errors.BAD_SINCE, text=text)
    return text


@app.command("summary", cls=Command,
             short_help="The corpus summary (the default view).")
def summary(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    top: int = typer.Option(10, "--top", min=1, metavar="N",
                            help="Rows of the people and document lists."),
    map_year: MapYear | None = MAP,
    by: str = BY,
    strict: bool = STRICT,
) -> None:
    """The corpus summary: articles and stories, outlets, months, event types, people,
    documents, membership (event types, people and documents count stories: --by article for
    articles)."""
    from partyx.views.summary import SummaryView

    if as_json and fmt not in ("table", "json"):
        fail(errors.CONTRADICTION, first="--json", second=f"--format {fmt}",
             why="--json is --format json")
    _show(SummaryView(top, _map(map_year), check_by(by)), file, "json" if as_json else fmt, strict)


@app.command("people", cls=Command,
             short_help="Every person with their posts and dates.")
def people(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    name: str | None = typer.Option(None, "--name", metavar="TEXT",
                                    help="Names containing this (any accents when typed "
                                         "without)."),
    org: str | None = typer.Option(None, "--org", metavar="TEXT",
                                   help="People with a post in a matching organisation."),
    since: str | None = typer.Option(None, "--since", metavar="DATE",
                                     help="Only articles dated then or later (2022-01-01, "
                                          "2022-01 or 2022)."),
    map_year: MapYear | None = MAP,
    by: str = BY,
    strict: bool = STRICT,
) -> None:
    """Every person with their posts, first/last date each post is seen, stories and
    articles (ordered by stories; --by article: by articles, every article's mentions)."""
    from partyx.views.people import PeopleView

    _show(PeopleView(name=name, org=org, since=_since(since), map_year=_map(map_year),
                     by=check_by(by)), file, fmt, strict)


@app.command("documents", cls=Command,
             short_help="Each cited document: citations, first and last.")
def documents(file: Path = RECORDS_FILE, fmt: str = FORMAT, by: str = BY,
              strict: bool = STRICT) -> None:
    """Each cited document with its citations (stories citing it; --by article: articles),
    first/last citation and citing articles."""
    from partyx.views.documents import DocumentsView

    _show(DocumentsView(by=check_by(by)), file, fmt, strict)


@app.command("membership", cls=Command,
             short_help="Party members and grassroots organisations by date.")
def membership(file: Path = RECORDS_FILE, fmt: str = FORMAT, map_year: MapYear | None = MAP,
               strict: bool = STRICT) -> None:
    """Per organisation, party members and grassroots organisations by date, with changes."""
    from partyx.views.membership import MembershipView

    _show(MembershipView(_map(map_year)), file, fmt, strict)


@app.command("events", cls=Command,
             short_help="Stories (or articles) by event type, month and place.")
def events(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    map_year: MapYear | None = MAP,
    by: str = BY,
    strict: bool = STRICT,
) -> None:
    """Stories (or articles) by event type, by month and type, and by place."""
    from partyx.views.events import EventsView

    _show(EventsView(_map(map_year), check_by(by)), file, fmt, strict)


@app.command("stories", cls=Command,
             short_help="The largest stories: articles, outlets, dates.")
def stories(
    file: Path = RECORDS_FILE,
    fmt: str = FORMAT,
    top: int = typer.Option(20, "--top", min=1, metavar="N", help="Stories listed."),
    strict: bool = STRICT,
) -> None:
    """Articles and stories (an article and its copies by other outlets count once); the
    largest stories with their outlets, first and last dates and headline."""
    from partyx.views.stories import StoriesView

    _show(StoriesView(top), file, fmt, strict)
