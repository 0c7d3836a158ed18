"""Views count stories by default (an article and its copies by other outlets once), articles
on request; ``stats stories`` lists the largest stories with outlets and dates."""

from __future__ import annotations

import orjson

from partyx import SCHEMA
from partyx.views.events import EventsView
from partyx.views.stories import StoriesView
from partyx.views.summary import SummaryView


def _rec(id_: str, story: str | None, outlet: str, published: str, kind: str) -> dict:
    return {"schema": SCHEMA, "id": id_, "story": story,
            "duplicate_of": None if story in (None, id_) else story,
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


# One story of three copies (a, b, c: Nhân Dân's report and two outlets' copies of it without
# the paragraph that names the deputy) and one other story (d) naming the deputy.
def _copy(id_: str, outlet: str, mentions: int, deputy: bool) -> dict:
    rec = _rec(id_, "a", outlet, f"2021-03-2{4 + 'abc'.index(id_)}", "inspection")
    rec["people"] = [{"name": "Nguyễn Thị Tuyến", "gender": "female", "mentions": mentions,
                      "positions": [{"title": "Bí thư", "org": "Thành ủy Hà Nội",
                                     "status": "current"}]}]
    if deputy:
        rec["people"].append({"name": "Lê Văn Sơn", "mentions": 1, "positions": []})
    rec["documents"] = [{"type": "Nghị quyết", "number": "15", "code": "NQ", "issuer": "TU",
                         "year": 2017, "text": "Nghị quyết số 15-NQ/TU"}]
    return rec


STORY = [_copy("a", "Nhân Dân", 3, True), _copy("b", "Tuổi Trẻ", 2, False),
         _copy("c", "Báo Mới", 2, False)]
OTHER = _rec("d", "d", "Nhân Dân", "2021-05-01", "congress")
OTHER["people"] = [{"name": "Lê Văn Sơn", "mentions": 4, "positions": []}]
OTHER["documents"] = []


def _write(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in [*STORY, OTHER]))
    return str(path)


def test_people_count_a_story_once_and_every_article_on_request(tmp_path):
    from tests.views.conftest import as_json

    path = _write(tmp_path)
    by_story = {p["name"]: p for p in as_json("people", path)}
    tuyen = by_story["Nguyễn Thị Tuyến"]
    assert (tuyen["stories"], tuyen["articles"], tuyen["mentions"]) == (1, 3, 3)
    assert (tuyen["posts"][0]["stories"], tuyen["posts"][0]["articles"]) == (1, 3)
    son = by_story["Lê Văn Sơn"]
    assert (son["stories"], son["articles"], son["mentions"]) == (2, 2, 1 + 4)
    # by story Sơn (two stories) comes before Tuyến (one story of three articles)
    assert list(by_story) == ["Lê Văn Sơn", "Nguyễn Thị Tuyến"]
    by_article = {p["name"]: p for p in as_json("people", path, "--by", "article")}
    tuyen = by_article["Nguyễn Thị Tuyến"]
    assert (tuyen["articles"], tuyen["mentions"], tuyen["posts"][0]["articles"]) == (3, 7, 3)
    assert by_article["Lê Văn Sơn"]["mentions"] == 1 + 4
    assert list(by_article) == ["Nguyễn Thị Tuyến", "Lê Văn Sơn"]  # 3 articles before 2


def test_documents_count_a_story_once_and_every_article_on_request(tmp_path):
    from tests.views.conftest import as_json

    path = _write(tmp_path)
    [doc] = as_json("documents", path)
    assert (doc["citations"], doc["citing_stories"], doc["citing_articles"]) == (1, 1, 3)
    assert doc["articles"] == ["a", "b", "c"]
    [doc] = as_json("documents", path, "--by", "article")
    assert (doc["citations"], doc["citing_stories"], doc["citing_articles"]) == (3, 1, 3)


def test_summary_and_report_count_stories_and_articles_on_request(tmp_path):
    from partyx.views.report import write_page
    from tests.views.conftest import as_json, stats

    path = _write(tmp_path)
    summary = as_json(path)
    assert (summary["articles"], summary["stories"], summary["counted"]) == (4, 2, "stories")
    assert summary["by_event_type"] == {"inspection": 1, "congress": 1}
    assert summary["by_outlet"] == {"Nhân Dân": 2, "Tuổi Trẻ": 1, "Báo Mới": 1}  # articles
    assert summary["documents"][0]["citations"] == 1
    assert [(p["name"], p["stories"], p["articles"]) for p in summary["people"]] == [
        ("Lê Văn Sơn", 2, 2), ("Nguyễn Thị Tuyến", 1, 3)]
    old = as_json(path, "--by", "article")
    assert old["counted"] == "articles" and old["by_event_type"] == {"inspection": 3, "congress": 1}
    assert old["documents"][0]["citations"] == 3
    assert stats(path, "--by", "outlet").exit_code == 2
    table = stats(path, env={"COLUMNS": "200"}).stdout
    assert "stories (an article and its copies by other outlets)" in table
    page = tmp_path / "report.html"
    write_page(tmp_path / "records.jsonl", page)
    html = page.read_text()
    assert "<b>2</b>stories" in html and "<th>stories</th><th>articles</th>" in html
    write_page(tmp_path / "records.jsonl", page, by="article")
    assert "<th>articles</th><th>stories</th>" in page.read_text()


def test_export_gives_each_article_its_story(tmp_path):
    import sqlite3

    from partyx.views.export import export

    out = tmp_path / "corpus.sqlite"
    export([*STORY, OTHER], "sqlite", out)
    db = sqlite3.connect(out)
    assert db.execute("SELECT count(*), count(DISTINCT story) FROM articles").fetchone() == (4, 2)
    assert db.execute("SELECT article_id, duplicate_of FROM articles ORDER BY article_id"
                      ).fetchall() == [("a", None), ("b", "a"), ("c", "a"), ("d", None)]
