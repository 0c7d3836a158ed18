"""Places: the administrative units an article names, and the province/district it is about
(see :mod:`partyx.rules.places`, checked against :mod:`partyx.rules.gazetteer`).

Provides ``places`` (``[{type, name, province}]``, SPEC), ``place_context`` (a
:class:`~partyx.record.PlaceContext`: the province, ``Hà Nội``, and the district, ``quận Long
Biên``, each ``None`` when not clear) and ``place_mentions`` (every unit named in the body,
resolved, with its offsets: :class:`~partyx.record.PlaceMention`), from which later stages
resolve the place of an organisation (:class:`partyx.rules.orgs.Whereabouts`).
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.places import PlaceFinder, read_places


@register
class Places(Stage):
    name = "places"
    version = "5"
    requires = ("text", "title")
    provides = ("places", "place_context", "place_mentions")
    description = "administrative units named (gazetteer-checked) and the article's main place"

    def __init__(self) -> None:
        self.finder = PlaceFinder()

    def __call__(self, article: Article) -> None:
        article.places, article.place_context, article.place_mentions = read_places(
            self.finder, article.title or "", article.text or "")
