"""The membership view (``partyx stats membership``)."""

from __future__ import annotations

import pytest

from tests.views.conftest import as_json, stats


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


@pytest.fixture
def undated(tmp_path):
    """Counts with no date: neither their own nor their article's (no event date, no
    publication date), beside a dated one of the same organisation."""
    from tests.corpus_records import record, write

    def count(rid, members, as_of=None, published=None, org="Đảng bộ xã Võ Miếu"):
        return record(rid, published=published, membership=[
            {"org": org, "party_members": members, "grassroots_orgs": None, "as_of": as_of,
             "text": f"{members} đảng viên"}])

    return write(tmp_path / "undated.jsonl", [
        count("a_dated", 1050, as_of="2024-05-01"),
        count("b_dated", 1080, published="2025-01-10T08:00:00+07:00"),
        count("c_undated", 1111),
        count("d_undated", 68, org="Đảng bộ Công ty Liksin"),
    ])


def test_undated_counts_are_shown_under_date_unknown(undated):
    orgs = {o["org"]: o["series"] for o in as_json("membership", str(undated))}
    vm = orgs["Đảng bộ xã Võ Miếu"]
    assert [(p["as_of"], p["party_members"], p["party_members_change"]) for p in vm] == [
        ("2024-05-01", 1050, None), ("2025-01-10", 1080, 30), (None, 1111, None)]
    assert vm[-1]["articles"] == ["c_undated"]
    assert [(p["as_of"], p["party_members"]) for p in orgs["Đảng bộ Công ty Liksin"]] == [
        (None, 68)]
    for fmt in ("table", "markdown", "csv"):
        out = stats("membership", str(undated), "-f", fmt, env={"COLUMNS": "200"}).stdout
        assert out.count("date unknown") == 2, fmt
        assert "Liksin" in out and ("1.111" in out or "1111" in out), fmt
    csv_out = stats("membership", str(undated), "-f", "csv").stdout
    assert "Đảng bộ xã Võ Miếu,date unknown,1111,,,\n" in csv_out
    summary = as_json("summary", str(undated))
    assert {(m["org"], m["as_of"], m["party_members"]) for m in summary["membership"]} == {
        ("Đảng bộ xã Võ Miếu", "2024-05-01", 1050), ("Đảng bộ xã Võ Miếu", "2025-01-10", 1080),
        ("Đảng bộ xã Võ Miếu", None, 1111), ("Đảng bộ Công ty Liksin", None, 68)}
    assert stats(str(undated)).stdout.count("date unknown") == 2


def test_the_report_and_the_exports_show_undated_counts(undated, tmp_path):
    import sqlite3

    from typer.testing import CliRunner

    from partyx.cli import app

    page_path = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(undated), "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    charts = page[page.index('id="membership"'):page.index('id="documents"')]
    assert charts.count('<rect class="bar undated"') == 2  # Võ Miếu's last bar and Liksin's
    assert charts.count('<rect class="bar"') == 2
    assert "date unknown" in charts and "Đảng bộ Công ty Liksin" in charts
    db_path = tmp_path / "corpus.db"
    result = CliRunner().invoke(app, ["export", str(undated), "--to", "sqlite", str(db_path)])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db_path).execute(
        "SELECT org, as_of, party_members FROM membership ORDER BY membership_id").fetchall()
    assert rows == [("Đảng bộ xã Võ Miếu", "2024-05-01", 1050),
                    ("Đảng bộ xã Võ Miếu", None, 1080),  # as stated: its own date is none
                    ("Đảng bộ xã Võ Miếu", None, 1111), ("Đảng bộ Công ty Liksin", None, 68)]
