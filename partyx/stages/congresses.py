"""Congresses: the Party congresses an article names (see :mod:`partyx.rules.congresses`), one entry
per ordinal and body, bodies resolved with the places stage's ``place_context``."""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import congresses


@register
class Congresses(Stage):
    name = "congresses"
    version = "1"
    requires = ("text", "title", "place_context")
    provides = ("congresses",)
    description = "Party congresses named: ordinal, body, term"

    def __call__(self, article: Article) -> None:
        ctx = article.place_context
        found = congresses.find_congresses(article.title or "", ctx)
        found += congresses.find_congresses(article.text or "", ctx)
        article.congresses = congresses.merge_congresses(found)
