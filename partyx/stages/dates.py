"""Dates: every date written in the body, with its year resolved (see :mod:`partyx.rules.dates`).

Provides extras ``dates`` (a list of ``{"date", "start", "end", "text", "cue",
"year_written"}``, offsets into ``article.text``, ``date`` ISO or ``None`` when no year can be
known) and extras ``year`` (the reference year: the publication year, else the one inferred
from the text, else ``None``).
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import dates


@register
class Dates(Stage):
    name = "dates"
    version = "1"
    requires = ("text", "published")
    provides = ("dates", "year")
    description = "dates in the body, years resolved from publication or context"

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        # The headline often carries the anniversary span or a full date the body leaves out:
        # the year is read from both, the dates listed are the body's.
        head = f"{article.title}\n\n" if article.title else ""
        context = head + text
        found = dates.find_dates(context)
        year, floor = dates.reference(context, found, article.published)
        article.extras["year"] = year
        shift = len(head)
        article.extras["dates"] = [
            {
                "date": dates.resolve(m, year, article.published, floor),
                "start": m.start - shift,
                "end": m.end - shift,
                "text": m.text,
                "cue": m.cue,
                "year_written": m.year is not None,
            }
            for m in found
            if m.start >= shift
        ]
