"""The membership view (``partyx stats membership``)."""

from __future__ import annotations

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
