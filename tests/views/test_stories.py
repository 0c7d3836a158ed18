"""Views count stories by default (an article and its copies by other outlets once), articles
on request; ``stats stories`` lists the largest stories with outlets and dates."""

from __future__ import annotations

from partyx.views.events import EventsView
from partyx.views.stories import StoriesView
from partyx.views.summary import SummaryView


def _rec(id_: str, story: str | None, outlet: str, published: str, kind: str) -> dict:
    return {"id": id_, "story": story, "duplicate_of": None if story in (None, id_) else story,
            "outlet": outlet, "published": published, "title": f"Tin {id_}",
            "event": {"type": kind, "date": None, "lead": None}, "places": []}


RECORDS = [
    _rec("a", "a", "Nhân Dân", "2021-03-24T08:00:00+07:00", "inspection"),
    _rec("b", "a", "Tuổi Trẻ", "2021-03-25T09:00:00+07:00", "inspection"),
    _rec("c", "a", "Báo Mới", "2021-04-02", "inspection"),
    _rec("d", "d", "Nhân Dân", "2021-03-24", "congress"),
    _rec("e", None, "Hà Nội Mới", "2021-03-26", "congress"),  # an older record: its own story
]


def test_events_count_each_story_once_and_every_article_on_request():
    stories, articles = EventsView(), EventsView(by="article")
    for rec in RECORDS:
        stories.add(rec)
        articles.add(rec)
    assert stories.data()["by_type"] == {"inspection": 1, "congress": 2}
    assert stories.data()["stories"] == 3 and stories.data()["articles"] == 5
    assert articles.data()["by_type"] == {"inspection": 3, "congress": 2}


def test_stories_view_lists_the_largest_with_outlets_and_dates():
    view = StoriesView()
    for rec in RECORDS:
        view.add(rec)
    data = view.data()
    assert (data["articles"], data["stories"], data["stories_of_several_articles"]) == (5, 3, 1)
    [largest] = data["largest"]
    assert largest == {"story": "a", "articles": 3,
                       "outlets": ["Báo Mới", "Nhân Dân", "Tuổi Trẻ"],
                       "first": "2021-03-24", "last": "2021-04-02", "title": "Tin a"}


def test_summary_shows_articles_and_stories():
    view = SummaryView()
    for rec in RECORDS:
        view.add(rec)
    assert (view.data()["articles"], view.data()["stories"]) == (5, 3)
