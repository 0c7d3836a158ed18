"""Congresses: the Party congresses an article names (see :mod:`partyx.rules.congresses`), one entry
per ordinal and body, the places of bodies resolved from the places stage's ``place_mentions``
and ``place_context`` (:class:`~partyx.rules.orgs.Whereabouts`)."""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import congresses
from partyx.rules.orgs import Whereabouts


@register
class Congresses(Stage):
    name = "congresses"
    version = "8"
    requires = ("text", "title", "place_context", "place_mentions")
    provides = ("congresses",)
    description = "Party congresses named: ordinal, body, term"

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        places = Whereabouts(text, article.place_mentions, article.place_context)
        found = congresses.find_congresses(article.title or "", places, title=True)
        found += congresses.find_congresses(text, places)
        article.congresses = congresses.merge_congresses(found)
