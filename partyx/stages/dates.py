"""Dates: every date written in the body, with its year resolved (see :mod:`partyx.rules.dates`).

Provides ``dates``: a :class:`~partyx.record.FoundDate` per date (offsets into
``article.text``, ``date`` ISO or ``None`` when no year can be known), in text order.
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import dates


@register
class Dates(Stage):
    name = "dates"
    version = "10"
    requires = ("text", "published")
    provides = ("dates",)
    description = "dates in the body, years resolved from publication or context"

    def __init__(self) -> None:
        dates.load_vocabulary()  # (before a run's workers fork, not in each of them)

    def __call__(self, article: Article) -> None:
        article.dates = dates.body_dates(article.text or "", article.title, article.published)
