"""The corpus summary of a records file (``partyx stats [FILE]``), from the records on disk only.

:class:`SummaryView` folds records into counters: articles, outlets, months, event types, the
most-mentioned people with their posts, the most-cited documents and the membership figures.
Memory grows with the number of distinct outlets, people, documents and organisations, not with
the number of records.

Event types, people and documents count each story once (an article and its copies by other
outlets: ``story``); ``by="article"`` (``--by article``) counts every article, as partyx did
before stories. Outlets and months count articles (each outlet's own), and the summary gives
both the number of articles and of stories. The named views (people, documents, membership,
events) live in :mod:`partyx.views`; reading records is :func:`partyx.io.read_records`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from partyx.record import COUNTED
from partyx.views.documents import DocumentsView, year_label
from partyx.views.membership import MembershipView, date_label
from partyx.views.people import PeopleView
from partyx.views.records import (
    FOUND_LABELS,
    clean,
    dicts,
    field,
    now_label,
    record_date,
    story_of,
)
from partyx.views.render import Section, ViewResult

__all__ = ["SummaryView"]


class SummaryView:
    """The corpus summary; ``top`` bounds the people and document lists; ``map_year``
    (``--map 2025``) adds today's province to posts and membership and the places on that map."""

    name = "summary"

    def __init__(self, top: int = 10, map_year: str | None = None, by: str = "story") -> None:
        self.top = top
        self.map_year = map_year
        self.by = by
        self.places: Counter[str] = Counter()
        self.articles = 0
        self.stories: set[str] = set()  # near-duplicates by other outlets count once
        self.errors = 0
        self.outlets: Counter[str] = Counter()
        self.months: Counter[str] = Counter()
        self.events: Counter[str] = Counter()
        self.found: Counter[str] = Counter()  # items of each counted list, summed
        self.people = PeopleView(map_year=map_year, by=by)
        self.documents = DocumentsView(by=by)
        self.membership = MembershipView(map_year=map_year)

    def add(self, record: dict[str, Any]) -> None:
        self.articles += 1
        story = story_of(record)
        new_story = story not in self.stories
        self.stories.add(story)
        self.errors += bool(record.get("errors"))
        self.outlets[clean(record.get("outlet")) or "(unknown)"] += 1
        date = record_date(record)
        self.months[date[:7] if date else "(unknown)"] += 1
        if new_story or self.by == "article":
            self.events[clean(field(record, "event").get("type")) or "(unknown)"] += 1
        for name in COUNTED:
            items = record.get(name)
            if isinstance(items, list):
                self.found[name] += len(items)
        if self.map_year:
            for label in {now_label(p) for p in dicts(record.get("places"))}:
                self.places[label] += 1
        self.people.add(record)
        self.documents.add(record)
        self.membership.add(record)

    def data(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories": len(self.stories),
            "counted": "stories" if self.by == "story" else "articles",  # events, people, documents
            "articles_with_errors": self.errors,
            "found": {name: self.found[name] for name in COUNTED},
            "distinct_people": len(self.people.people),
            "distinct_documents": len(self.documents.documents),
            "by_outlet": dict(self.outlets.most_common()),
            "by_month": dict(sorted(self.months.items(),
                                    key=lambda kv: (kv[0] == "(unknown)", kv[0]))),
            "by_event_type": dict(self.events.most_common()),
            **({"map": self.map_year,
                "by_place": dict(sorted(self.places.items(), key=lambda kv: (-kv[1], kv[0])))}
               if self.map_year else {}),
            "people": [{"name": p["name"], "stories": p["stories"], "articles": p["articles"],
                        "posts": [x["post"] for x in p["posts"]],
                        **({"now_provinces": [x["now_province"] for x in p["posts"]]}
                           if self.map_year else {})}
                       for p in self.people.rows()[: self.top]],
            "documents": [{"document": d["document"], "year": d["year"],
                           "citations": d["citations"],
                           "citing_articles": d["citing_articles"],
                           "citing_stories": d["citing_stories"]}
                          for d in self.documents.rows()[: self.top]],
            "membership": [{**({"now_province": o["now_province"]} if self.map_year else {}),
                            "org": o["org"], "as_of": p["as_of"],
                            "party_members": p["party_members"],
                            "grassroots_orgs": p["grassroots_orgs"]}
                           for o in self.membership.rows() for p in o["series"]],
        }

    def result(self) -> ViewResult:
        data = self.data()
        totals = Section("Corpus", ["what", "count"], [
            ["articles", data["articles"]],
            ["stories (an article and its copies by other outlets)", data["stories"]],
            ["articles with errors", data["articles_with_errors"]],
            *([FOUND_LABELS[name], n] for name, n in data["found"].items()),
            ["distinct people", data["distinct_people"]],
            ["distinct documents cited", data["distinct_documents"]],
            ["organisations with membership figures", len(self.membership.orgs)],
        ])
        sections = [totals]
        unit = data["counted"]
        for key, title, column, counted in (("by_outlet", "Outlets", "outlet", "articles"),
                                            ("by_month", "Months", "month", "articles"),
                                            ("by_event_type", "Event types", "event type",
                                             unit)):
            sections.append(Section(title, [column, counted],
                                    [[k, v] for k, v in data[key].items()]))
        if self.map_year:
            sections.append(Section(f"Places on the {self.map_year} map", ["place", "articles"],
                                    [[k, v] for k, v in data["by_place"].items()]))
        other = "articles" if unit == "stories" else "stories"
        sections.append(Section("People", ["name", unit, other, "posts"],
                                [[p["name"], p[unit], p[other], p["posts"]]
                                 for p in data["people"]]))
        citing = "citing_articles" if unit == "stories" else "citing_stories"
        sections.append(Section("Documents cited", ["document", "year", f"citations ({unit})",
                                                    "citing articles" if unit == "stories"
                                                    else "citing stories"],
                                [[d["document"], year_label(d["year"]), d["citations"],
                                  d[citing]] for d in data["documents"]]))
        now = [f"province ({self.map_year} map)"] if self.map_year else []
        sections.append(Section("Membership", [*now, "organisation", "as of", "party members",
                                               "grassroots orgs"],
                                [[*([m["now_province"]] if now else []), m["org"],
                                  date_label(m["as_of"]), m["party_members"],
                                  m["grassroots_orgs"]] for m in data["membership"]]))
        return ViewResult(self.name, data, sections)

