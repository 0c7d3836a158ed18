"""The people view (``partyx stats people``)."""

from __future__ import annotations

import csv
import io

from tests.corpus_records import TUYEN
from tests.views.conftest import as_json, stats


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
         "first_seen": "2021-12-14", "last_seen": "2021-12-14", "stories": 1, "articles": 1},
        {"post": "Phó Bí thư Thường trực Thành ủy Hà Nội", "title": "Phó Bí thư Thường trực",
         "org": "Thành ủy Hà Nội", "status": "current",
         "first_seen": "2021-12-14", "last_seen": "2023-01-09", "stories": 3, "articles": 3},
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
    assert tuyen[1]["first seen"] == "2021-12-14" and tuyen[1]["post stories"] == "3"


def test_people_table_and_markdown(corpus):
    table = stats("people", str(corpus), env={"COLUMNS": "200"}).stdout
    assert TUYEN in table and "Phó Bí thư Thường trực Thành ủy Hà Nội" in table
    assert table.count(TUYEN) == 1  # the name is written once for its two posts
    md = stats("people", str(corpus), "--format", "markdown").stdout
    assert md.startswith("### People\n\n| name | stories | articles | post |")
    assert f"| {TUYEN} | 3 | 3 | nguyên Chủ tịch" in md
    md = stats("people", str(corpus), "--format", "markdown", "--by", "article").stdout
    assert md.startswith("### People\n\n| name | articles | stories | post |")
