"""People: every person with their posts, the organisations an article names, and each
mention of a person (see :mod:`partyx.rules.people`).

Provides ``people`` and ``organizations`` (SPEC) and ``mentions``: every mention of a person
(:class:`~partyx.record.Mention`: the full name, offsets into ``article.text``), in text order
(full names, short forms ``ông Phong``, truncations ``Ngô Thị Thanh``).
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.orgs import ContextCache
from partyx.rules.people import PeopleFinder


@register
class People(Stage):
    name = "people"
    version = "18"
    requires = ("text", "place_context", "authors")
    provides = ("people", "organizations", "mentions")
    description = "people with their posts, organisations, mentions (token and dictionary rules)"

    def __init__(self) -> None:
        self.finder = PeopleFinder()
        self.context = ContextCache(self.finder.orgs.gazetteer)

    def __call__(self, article: Article) -> None:
        ctx = self.context(article.place_context)
        found = self.finder(article.text or "", article.authors, ctx)
        article.people = found.people
        article.organizations = found.organizations
        article.mentions = found.mentions
