"""The corpus views on real records: the seeds and the development corpus, extracted once.

These check what must hold whatever the extractors find (one row per person key, counts that
add up, exports that agree with the views), plus the seeds' Thanh Xuân membership series.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from partyx.views.records import key
from tests.conftest import CORPUS, SEEDS

runner = CliRunner()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    out = tmp_path_factory.mktemp("real") / "records.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), str(CORPUS), "-o", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    return out


def view(*args: str):
    result = runner.invoke(app, ["stats", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return orjson.loads(result.stdout)


def test_summary_and_events_add_up(extracted):
    n = sum(1 for _ in extracted.open("rb"))
    summary = view(str(extracted))
    assert summary["articles"] == n == 5 + len(list(CORPUS.glob("*.txt")))
    events = view("events", str(extracted))  # each story once
    assert sum(events["by_type"].values()) == events["stories"] == summary["stories"]
    assert summary["stories"] < n  # the corpus holds two republished articles
    events = view("events", str(extracted), "--by", "article")
    assert sum(events["by_type"].values()) == n
    assert sum(sum(kinds.values()) for kinds in events["by_month"].values()) == n
    assert all(re.fullmatch(r"\d{4}-\d{2}|\(unknown\)", m) for m in events["by_month"])


def test_people_one_row_per_key_with_ordered_dates(extracted):
    people = view("people", str(extracted))
    keys = [key(p["name"]) for p in people]
    assert len(keys) == len(set(keys)) > 0
    for p in people:
        assert p["articles"] >= 1
        for post in p["posts"]:
            assert 1 <= post["articles"] <= p["articles"]
            if post["first_seen"]:
                assert post["first_seen"] <= post["last_seen"]
                assert p["first_seen"] <= post["first_seen"]


def test_documents_and_membership_on_real_records(extracted):
    docs = view("documents", str(extracted))
    assert docs and all(1 <= len(d["articles"]) == d["citations"] for d in docs)
    # one row per symbol and year; a symbol's years together, the most cited symbols first
    assert len({(d["document"], d["year"]) for d in docs}) == len(docs)
    totals: dict[str, int] = {}
    for d in docs:
        totals[d["document"]] = totals.get(d["document"], 0) + d["citations"]
    order = list(dict.fromkeys(d["document"] for d in docs))
    assert [totals[s] for s in order] == sorted(totals.values(), reverse=True)
    assert len(order) == len(totals)  # (each symbol's rows are consecutive)
    orgs = {o["org"]: o["series"] for o in view("membership", str(extracted))}
    # the seeds: Đảng bộ quận Thanh Xuân, 19.908 members in March 2021, 20.585 in Sept. 2022
    series = [(p["as_of"][:7], p["party_members"]) for p in orgs["Đảng bộ quận Thanh Xuân"]]
    assert ("2021-03", 19908) in series and ("2022-09", 20585) in series
    for points in orgs.values():  # dated points in order, then the undated one
        dated = [p["as_of"] for p in points if p["as_of"] is not None]
        assert [p["as_of"] for p in points] == sorted(dated) + [None] * (len(points) - len(dated))


def test_export_agrees_with_the_views(extracted, tmp_path):
    db_path = tmp_path / "corpus.db"
    assert runner.invoke(app, ["export", str(extracted), "--to", "sqlite",
                               str(db_path)]).exit_code == 0
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == len(
        view("people", str(extracted)))
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == len(
        view("documents", str(extracted)))
    cited = {(symbol, year): n for symbol, year, n in db.execute(
        """SELECT d.symbol, d.year, count(DISTINCT c.article_id) FROM citations c
           JOIN documents d USING (document_id) GROUP BY d.document_id""")}
    assert cited == {(d["document"], d["year"]): d["citations"]
                     for d in view("documents", str(extracted))}


def test_report_on_real_records(extracted, tmp_path):
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(extracted), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    people = view("people", str(extracted))
    assert len(re.findall(r'<tr class="person">', page)) == len(people)
    assert "Đảng bộ quận Thanh Xuân" in page and "20.585 (+677)" in page
