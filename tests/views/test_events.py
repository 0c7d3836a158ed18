"""The events view (``partyx stats events``)."""

from __future__ import annotations

from tests.views.conftest import as_json, stats


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
    assert out[0] == "section,type,stories,month,place"  # each story once (issue 21)
    out = stats("events", str(corpus), "-f", "csv", "--by", "article").stdout.splitlines()
    assert out[0] == "section,type,articles,month,place"
    assert "Months,working_session,1,2021-12," in out
