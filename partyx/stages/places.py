"""Places: the administrative units an article names, and the province/district it is about
(see :mod:`partyx.rules.places`, checked against :mod:`partyx.rules.gazetteer`), each also on
today's map (``now``: :mod:`partyx.rules.today`).

Provides ``places`` (``[{type, name, province, now}]``, SPEC), ``place_context`` (a
:class:`~partyx.record.PlaceContext`: the province, ``Hà Nội``, and the district, ``quận Long
Biên``, each ``None`` when not clear) and ``place_mentions`` (every unit named in the body,
resolved, with its offsets: :class:`~partyx.record.PlaceMention`), from which later stages
resolve the place of an organisation (:class:`partyx.rules.orgs.Whereabouts`).

The version carries the fingerprint of underthesea's converter and data
(:func:`partyx.rules.today.fingerprint`): an upgrade that changes today's map changes the
pipeline's signature, and an incremental run redoes the records. Where today's map cannot be
built (the converter fails), the places stay as written with ``now`` null and the record gets
an error saying so (the run's exit code is 1): nothing else of the record is lost.
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.places import PlaceFinder, read_places
from partyx.rules.today import MapUnavailable, TodayMap, add_now, fingerprint


@register
class Places(Stage):
    name = "places"
    version = f"10+map-{fingerprint()}"
    requires = ("text", "title", "published")
    provides = ("places", "place_context", "place_mentions")
    description = ("administrative units named (gazetteer-checked), each also on today's map, "
                   "and the article's main place")

    def __init__(self) -> None:
        self.finder = PlaceFinder()
        self.today = TodayMap()

    def __call__(self, article: Article) -> None:
        article.places, article.place_context, article.place_mentions = read_places(
            self.finder, article.title or "", article.text or "")
        try:
            add_now(self.today, article.places, article.place_context, article.published)
        except MapUnavailable as e:  # the places as written stay; today's map is said missing
            for place in article.places:
                place["now"] = None
            article.errors.append({"stage": self.name, "error": f"today's map: {e}"})
