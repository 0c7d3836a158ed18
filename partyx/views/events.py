"""``partyx stats events``: what kind of events the corpus reports, when and where.

Each story counts once (an article and its copies by other outlets: ``story``; ``by="article"``
counts every article): by its event type (``inspection``, ``congress`` … as in SPEC; none
given is ``(unknown)``), by month (of the event date, else the publication date) and type, and
by each distinct place it names (``quận Thanh Xuân, Hà Nội``); with ``map_year="2025"``
(``--map 2025``) by each distinct unit of today's map that holds them (``places[].now``:
``tỉnh Bình Định`` counts for ``Gia Lai``, ``quận Thanh Xuân`` for ``Hà Nội``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from partyx.views.records import (
    clean,
    dicts,
    field,
    now_label,
    place_label,
    record_date,
    story_of,
)
from partyx.views.render import Section, ViewResult

UNKNOWN = "(unknown)"


class EventsView:
    """Count stories (or articles: ``by="article"``) by event type, month and place."""

    name = "events"

    def __init__(self, map_year: str | None = None, by: str = "story") -> None:
        self.label = now_label if map_year else place_label
        self.map_year = map_year
        self.by = by
        self.seen: set[str] = set()  # the stories counted
        self.articles = 0
        self.types: Counter[str] = Counter()
        self.months: Counter[tuple[str, str]] = Counter()
        self.places: Counter[str] = Counter()

    def add(self, record: dict[str, Any]) -> None:
        self.articles += 1
        if self.by == "story":
            story = story_of(record)
            if story in self.seen:
                return
            self.seen.add(story)
        kind = clean(field(record, "event").get("type")) or UNKNOWN
        date = record_date(record)
        self.types[kind] += 1
        self.months[(date[:7] if date else UNKNOWN, kind)] += 1
        for label in {self.label(p) for p in dicts(record.get("places"))} - {""}:
            self.places[label] += 1

    def data(self) -> dict[str, Any]:
        by_month: dict[str, dict[str, int]] = {}
        for (month, kind), n in sorted(self.months.items(), key=lambda kv: (kv[0][0] == UNKNOWN,
                                                                            kv[0])):
            by_month.setdefault(month, {})[kind] = n
        return {
            "articles": self.articles,
            "counted": "stories" if self.by == "story" else "articles",  # what they count
            "stories": len(self.seen) if self.by == "story" else None,
            "by_type": dict(self.types.most_common()),
            "by_month": by_month,
            **({"map": self.map_year} if self.map_year else {}),
            "by_place": dict(sorted(self.places.items(), key=lambda kv: (-kv[1], kv[0]))),
        }

    def result(self) -> ViewResult:
        data = self.data()
        unit = data["counted"]
        types = Section("Event types", ["type", unit],
                        [[k, n] for k, n in data["by_type"].items()])
        months = Section("Months", ["month", "type", unit], group=1)
        for month, kinds in data["by_month"].items():
            for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
                months.rows.append([month, kind, n])
        title = f"Places on the {self.map_year} map" if self.map_year else "Places"
        places = Section(title, ["place", unit],
                         [[k, n] for k, n in data["by_place"].items()])
        return ViewResult(self.name, data, [types, months, places])
