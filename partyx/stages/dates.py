"""Dates: every date written in the body, with its year resolved (see :mod:`partyx.dates`).

Provides extras ``dates`` (a list of ``{"date", "start", "end", "text", "cue",
"year_written"}``, offsets into ``article.text``, ``date`` ISO or ``None`` when no year can be
known) and extras ``year`` (the reference year: the publication year, else the one inferred
from the text, else ``None``).
"""

from __future__ import annotations

from partyx import dates
from partyx.article import Article
from partyx.pipeline import Stage, register


@register
class Dates(Stage):
    name = "dates"
    version = "1"
    requires = ("text", "published")
    provides = ("dates", "year")
    description = "dates in the body, years resolved from publication or context"

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        mentions = dates.find_dates(text)
        # The headline often carries the anniversary span or a full date the body leaves out.
        context = f"{article.title}\n\n{text}" if article.title else text
        year = dates.infer_year(context, None, article.published)
        article.extras["year"] = year
        article.extras["dates"] = [
            {
                "date": dates.resolve(m, year, article.published),
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "cue": m.cue,
                "year_written": m.year is not None,
            }
            for m in mentions
        ]
