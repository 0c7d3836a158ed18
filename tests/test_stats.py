"""``partyx stats``: the summary and the named views, in every format, on SPEC records."""

from __future__ import annotations

import csv
import io

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partyx.cli import app
from tests.corpus_records import TUYEN, records, write

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path):
    return write(tmp_path / "records.jsonl")


def stats(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, ["stats", *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def as_json(*args: str):
    result = stats(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return orjson.loads(result.stdout)


# --- the summary, the default command ---------------------------------------------------------

def test_stats_with_file_is_the_summary(corpus):
    summary = as_json(str(corpus))
    assert summary["articles"] == 5
    assert summary["articles_with_errors"] == 1
    assert summary["by_outlet"]["Lao Động Thủ Đô"] == 1
    assert summary["by_event_type"] == {"review": 2, "inspection": 1, "working_session": 1,
                                        "(unknown)": 1}
    assert summary["people"][0] == {"name": TUYEN, "articles": 3, "posts": [
        "nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội",
        "Phó Bí thư Thường trực Thành ủy Hà Nội"]}
    assert summary["documents"][0] == {"document": "15-NQ/TU", "citations": 3}


def test_stats_json_flag_and_explicit_summary(corpus):
    assert stats(str(corpus), "--json").stdout == stats("summary", str(corpus), "--json").stdout


def test_stats_without_file_reads_the_default_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = stats()
    assert result.exit_code == 2
    assert "no such records file: partyx-out/records.jsonl" in result.output
    write((tmp_path / "partyx-out").mkdir() or tmp_path / "partyx-out" / "records.jsonl")
    result = stats("--format", "csv")
    assert result.exit_code == 0
    assert "articles,5" in result.stdout


def test_options_before_the_file_still_reach_the_summary(corpus):
    assert as_json("--top", "1", str(corpus))["people"] == [
        {"name": TUYEN, "articles": 3, "posts": [
            "nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội",
            "Phó Bí thư Thường trực Thành ủy Hà Nội"]}]


def test_stats_help_lists_the_views():
    result = stats("--help")
    assert result.exit_code == 0
    for view in ("people", "documents", "membership", "events"):
        assert view in result.stdout


# --- people -----------------------------------------------------------------------------------

def test_people_one_row_per_person_however_written(corpus):
    people = as_json("people", str(corpus))
    names = [p["name"] for p in people]
    assert names.count(TUYEN) == 1 and len(names) == len(set(names)) == 4
    tuyen = people[0]
    assert tuyen["name"] == TUYEN and tuyen["articles"] == 3 and tuyen["gender"] == "female"
    assert tuyen["mentions"] == 3 + 4 + 1
    assert (tuyen["first_seen"], tuyen["last_seen"]) == ("2021-12-14", "2023-01-09")
    assert tuyen["posts"] == [
        {"post": "nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội", "title": "Chủ tịch",
         "org": "Hội Liên hiệp Phụ nữ thành phố Hà Nội", "status": "former",
         "first_seen": "2021-12-14", "last_seen": "2021-12-14", "articles": 1},
        {"post": "Phó Bí thư Thường trực Thành ủy Hà Nội", "title": "Phó Bí thư Thường trực",
         "org": "Thành ủy Hà Nội", "status": "current",
         "first_seen": "2021-12-14", "last_seen": "2023-01-09", "articles": 3},
    ]
    thuy = next(p for p in people if p["name"].startswith("Lê Thị"))
    assert thuy["name"] == "Lê Thị Thủy" and thuy["articles"] == 2  # Thuỷ (old tone) joined
    assert [p["post"] for p in thuy["posts"]] == ["Bí thư Quận ủy Long Biên"]


def test_people_filters(corpus):
    assert [p["name"] for p in as_json("people", str(corpus), "--name", "tuyen")] == [TUYEN]
    assert [p["name"] for p in as_json("people", str(corpus), "--name", "Thuỷ")] == [
        "Lê Thị Thủy"]
    by_org = as_json("people", str(corpus), "--org", "quận ủy thanh xuân")
    assert [p["name"] for p in by_org] == ["Nguyễn Minh Tiến"]
    since = as_json("people", str(corpus), "--since", "2022-01-01")
    tuyen = next(p for p in since if p["name"] == TUYEN)
    assert tuyen["articles"] == 2 and tuyen["first_seen"] == "2022-09-06"
    assert "Nguyễn Văn Phong" not in {p["name"] for p in since}
    assert stats("people", str(corpus), "--since", "last year").exit_code == 2


def test_people_csv_is_one_row_per_post(corpus):
    rows = list(csv.DictReader(io.StringIO(stats("people", str(corpus), "-f", "csv").stdout)))
    tuyen = [r for r in rows if r["name"] == TUYEN]
    assert [r["post"] for r in tuyen] == ["nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội",
                                         "Phó Bí thư Thường trực Thành ủy Hà Nội"]
    assert tuyen[1]["first seen"] == "2021-12-14" and tuyen[1]["post articles"] == "3"


def test_people_table_and_markdown(corpus):
    table = stats("people", str(corpus), env={"COLUMNS": "200"}).stdout
    assert TUYEN in table and "Phó Bí thư Thường trực Thành ủy Hà Nội" in table
    assert table.count(TUYEN) == 1  # the name is written once for its two posts
    md = stats("people", str(corpus), "--format", "markdown").stdout
    assert md.startswith("### People\n\n| name | articles | post |")
    assert f"| {TUYEN} | 3 | nguyên Chủ tịch" in md


# --- documents --------------------------------------------------------------------------------

def test_documents_counts_and_dates(corpus):
    docs = {d["document"]: d for d in as_json("documents", str(corpus))}
    assert set(docs) == {"15-NQ/TU", "08-QĐi/TW", "91/2017/NĐ-CP", "123/QĐ-TTg"}
    nq = docs["15-NQ/TU"]
    assert nq["citations"] == 3  # cited twice in one article counts once
    assert nq["issued_by"] == "Ban Thường vụ Thành ủy Hà Nội" and nq["type"] == "Nghị quyết"
    assert (nq["first_cited"], nq["last_cited"]) == ("2021-03-24", "2023-01-10")
    assert nq["articles"] == ["000_thanhxuan_2021", "001_thanhxuan_2022", "003_longbien_2023"]
    assert docs["91/2017/NĐ-CP"]["issued_by"] == "Chính phủ"
    csv_out = stats("documents", str(corpus), "-f", "csv").stdout
    assert csv_out.splitlines()[0] == ("document,type,issued by,citations,first cited,"
                                       "last cited,articles")
    assert ("15-NQ/TU,Nghị quyết,Ban Thường vụ Thành ủy Hà Nội,3,2021-03-24,2023-01-10,"
            "000_thanhxuan_2021; 001_thanhxuan_2022; 003_longbien_2023") in csv_out


# --- membership -------------------------------------------------------------------------------

def test_membership_series_with_changes(corpus):
    orgs = {o["org"]: o["series"] for o in as_json("membership", str(corpus))}
    assert set(orgs) == {"Đảng bộ quận Thanh Xuân", "Đảng bộ quận Long Biên"}
    tx = orgs["Đảng bộ quận Thanh Xuân"]
    assert [(p["as_of"], p["party_members"], p["party_members_change"]) for p in tx] == [
        ("2021-03-24", 19908, None), ("2022-09-06", 20585, 677)]
    assert [(p["grassroots_orgs"], p["grassroots_orgs_change"]) for p in tx] == [(54, None),
                                                                                (55, 1)]
    lb = orgs["Đảng bộ quận Long Biên"]
    # no as_of: the article's event date stands in
    assert [(p["as_of"], p["party_members"]) for p in lb] == [("2021-12-14", 16300),
                                                               ("2022-12-31", 16800)]
    assert lb[1]["grassroots_orgs_change"] is None  # no earlier grassroots figure


def test_membership_table_draws_bars(corpus):
    out = stats("membership", str(corpus), env={"COLUMNS": "200"}).stdout
    assert "19.908" in out and "20.585" in out and "+677" in out
    assert "█" in out and "▁█" in out  # bars and the two-point sparkline
    csv_out = stats("membership", str(corpus), "-f", "csv").stdout
    assert "█" not in csv_out  # charts are for reading, not for CSV
    assert "Đảng bộ quận Thanh Xuân,2022-09-06,20585,+677,55,+1" in csv_out


# --- events -----------------------------------------------------------------------------------

def test_events_by_type_month_place(corpus):
    events = as_json("events", str(corpus))
    assert events["articles"] == 5
    assert events["by_type"]["review"] == 2
    assert events["by_month"]["2021-12"] == {"working_session": 1}
    assert events["by_month"]["(unknown)"] == {"(unknown)": 1}
    assert events["by_place"]["quận Thanh Xuân, Hà Nội"] == 2
    assert events["by_place"]["quận Long Biên, Hà Nội"] == 2
    assert events["by_place"]["thành phố Hà Nội"] == 1
    out = stats("events", str(corpus), "-f", "csv").stdout.splitlines()
    assert out[0] == "section,type,articles,month,place"
    assert "Months,working_session,1,2021-12," in out


# --- bad input --------------------------------------------------------------------------------

def test_corrupted_lines_are_named_and_skipped(tmp_path):
    good = [orjson.dumps(r) for r in records()]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join([
        good[0], b'{"id": "x", "people": "oops", "membership": [1, null], "event": []}',
        b"\xff\xfe not utf-8", b"[1, 2]", good[1], good[2][: len(good[2]) // 2],
    ]) + b"\n")
    for view in ("summary", "people", "documents", "membership", "events"):
        result = stats(view, str(path), "-f", "json")
        assert result.exit_code == 0, result.output
        assert f"{path}:3: skipped: not JSON" in result.stderr
        assert f"{path}:4: skipped: not a record object" in result.stderr
        assert f"{path}:6: skipped: not JSON" in result.stderr
        assert "Traceback" not in result.output
    assert as_json("summary", str(path))["articles"] == 3
    strict = stats("people", str(path), "--strict")
    assert strict.exit_code == 2
    assert f"{path}:3: skipped: not JSON" in strict.stderr and "--strict" in strict.stderr


def test_unknown_format_and_missing_file(corpus, tmp_path):
    result = stats("events", str(corpus), "-f", "xml")
    assert result.exit_code == 2 and "unknown format 'xml'" in result.stderr
    result = stats("people", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2 and "no such records file" in result.stderr


def test_views_on_extracted_seeds(tmp_path):
    from tests.conftest import SEEDS

    out = tmp_path / "seeds.jsonl"
    assert runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"]).exit_code in (0, 1)
    assert as_json(str(out))["articles"] == 5
    events = as_json("events", str(out))
    assert events["articles"] == 5 and sum(events["by_type"].values()) == 5
    for view in ("people", "documents", "membership"):
        assert stats(view, str(out), "-f", "csv").exit_code == 0


# --- any parseable record, however malformed, folds without an exception -----------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**9) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "title", "org", "status", "type", "date", "number", "code",
                         "issuer", "year", "party_members", "as_of", "positions", "province"]),
        inner, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["people", "documents", "membership", "places", "event",
                                        "published", "authors", "outlet", "source", "errors",
                                        "congresses", "title"]), _json, max_size=8),
       st.one_of(st.text(max_size=5), st.integers()))
def test_views_and_tables_never_raise_on_odd_records(fields, rid):
    from partyx.views.documents import DocumentsView
    from partyx.views.events import EventsView
    from partyx.views.membership import MembershipView
    from partyx.views.people import PeopleView
    from partyx.views.render import FORMATS, render
    from partyx.views.summary import SummaryView
    from partyx.views.tables import SCHEMA, Normaliser

    rec = {"id": rid, **fields}
    for view in (SummaryView(), PeopleView(org="x"), DocumentsView(), MembershipView(),
                 EventsView()):
        view.add(rec)
        view.add(rec)
        result = view.result()
        for fmt in FORMATS:
            render(result, fmt, io.StringIO())
    for table, row in Normaliser().rows(rec):
        assert len(row) == len(SCHEMA[table])


def test_a_party_document_with_and_without_its_date_year_is_one_document():
    from partyx.views.records import document_key, document_label

    dated = {"number": "15", "code": "CT", "issuer": "TU", "date": "2016-12-16", "year": 2016}
    bare = {"number": "15", "code": "CT", "issuer": "TU", "date": None, "year": None}
    assert document_label(dated) == document_label(bare) == "15-CT/TU"
    assert document_key(dated) == document_key(bare)
    state = {"number": "91", "code": "NĐ", "issuer": "CP", "year": 2017}
    assert document_label(state) == "91/2017/NĐ-CP"
