"""People: every person with their posts, the organisations an article names, and each
mention of a person (see :mod:`partyx.rules.people`).

Provides ``people`` and ``organizations`` (SPEC) and ``mentions``: every mention of a person
(:class:`~partyx.record.Mention`: the full name, offsets into ``article.text``), in text order
(full names, short forms ``ông Phong``, truncations ``Ngô Thị Thanh``). The place of an
organisation that leaves it out is resolved from the places stage's ``place_mentions`` and
``place_context`` (:class:`~partyx.rules.orgs.Whereabouts`).
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.orgs import Whereabouts
from partyx.rules.people import PeopleFinder


@register
class People(Stage):
    name = "people"
    version = "73"
    requires = ("title", "text", "place_context", "place_mentions", "authors")
    provides = ("people", "organizations", "mentions")
    description = "people with their posts, organisations, mentions (token and dictionary rules)"

    def __init__(self) -> None:
        self.finder = PeopleFinder()

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        places = Whereabouts(text, article.place_mentions, article.place_context,
                             self.finder.orgs.gazetteer)
        found = self.finder(text, article.authors, places)
        title = article.title
        if title and any(p["name"] in title for p in found.people):
            # posts written in the headline, of people the body names (in full there)
            self.finder.headline_posts(found, title, article.authors, Whereabouts(
                title, (), article.place_context, self.finder.orgs.gazetteer))
        article.people = found.people
        article.organizations = found.organizations
        article.mentions = found.mentions
