"""``partyx stats stories``: the stories of the corpus, largest first.

A story is the articles that share a ``story`` (one article and its copies by other outlets:
:mod:`partyx.run.stories`). For each: how many articles carry it, the outlets that did, its
first and last publication date and its headline (its earliest article's). Memory grows with
the number of stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partyx.views.records import clean, published_date, story_of
from partyx.views.render import Section, ViewResult


@dataclass
class _Story:
    articles: int = 0
    outlets: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    title: str = ""


class StoriesView:
    """Count articles by story; ``top`` bounds the list of stories shown."""

    name = "stories"

    def __init__(self, top: int = 20) -> None:
        self.top = top
        self.articles = 0
        self.stories: dict[str, _Story] = {}

    def add(self, record: dict[str, Any]) -> None:
        self.articles += 1
        key = story_of(record)
        story = self.stories.setdefault(key, _Story())
        story.articles += 1
        outlet = clean(record.get("outlet"))
        if outlet:
            story.outlets.add(outlet)
        date = published_date(record)
        if date:
            story.first = min(story.first or date, date)
            story.last = max(story.last or date, date)
        if clean(record.get("id")) == key or not story.title:
            story.title = clean(record.get("title")) or story.title

    def data(self) -> dict[str, Any]:
        shared = [(k, s) for k, s in self.stories.items() if s.articles > 1]
        shared.sort(key=lambda ks: (-ks[1].articles, ks[0]))
        return {
            "articles": self.articles,
            "stories": len(self.stories),
            "stories_of_several_articles": len(shared),
            "articles_in_them": sum(s.articles for _, s in shared),
            "largest": [{"story": k, "articles": s.articles, "outlets": sorted(s.outlets),
                         "first": s.first, "last": s.last, "title": s.title or None}
                        for k, s in shared[: self.top]],
        }

    def result(self) -> ViewResult:
        data = self.data()
        totals = Section("Stories", ["what", "count"], [
            ["articles", data["articles"]],
            ["stories", data["stories"]],
            ["stories carried by more than one article", data["stories_of_several_articles"]],
            ["articles in those stories", data["articles_in_them"]],
        ])
        largest = Section("Largest stories", ["story", "articles", "outlets", "first", "last",
                                              "headline"],
                          [[s["story"], s["articles"], s["outlets"], s["first"], s["last"],
                            s["title"]] for s in data["largest"]])
        return ViewResult(self.name, data, [totals, largest])
