"""Places on today's map (``places[].now``, :mod:`partyx.rules.today`), checked against
underthesea's converter itself (``convert_address``, imported here in the test process only)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from partyx.data import load
from partyx.record import District, Place, PlaceContext
from partyx.rules.today import TodayMap, converter_dir, fingerprint
from partyx.stages.places import Places
from tests.conftest import CORPUS, ROOT, SEEDS

address = pytest.importorskip("underthesea.address")
logging.getLogger("underthesea").handlers[:] = [logging.NullHandler()]

runner = CliRunner()

# An article written for this test (no corpus text): merged provinces, districts and communes.
MERGED = """Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Bình Định làm việc tại nhiều địa phương

Ngày 15/3/2023, Đoàn kiểm tra số 3 của Ban Thường vụ Tỉnh ủy Bình Định đã làm việc với Ban \
Thường vụ Huyện ủy Tây Sơn, tỉnh Bình Định về công tác xây dựng Đảng.

Trước đó, đoàn đã trao đổi kinh nghiệm với Đảng ủy xã Vĩnh Phú, huyện Thoại Sơn, tỉnh An Giang \
và Đảng ủy thị trấn Hiệp Phước, huyện Nhơn Trạch, tỉnh Đồng Nai.

Đoàn cũng làm việc với Đảng ủy phường Quán Thánh, quận Ba Đình, thành phố Hà Nội; Tỉnh ủy Hà \
Giang và Tỉnh ủy Bình Dương.

Đảng bộ tỉnh Bình Định hiện có 68.000 đảng viên sinh hoạt tại 900 tổ chức cơ sở đảng.
"""

WARDS = ("phường", "xã", "thị trấn", "đặc khu")


def _short(full: str) -> tuple[str | None, str]:
    """``Tỉnh Gia Lai`` -> (``tỉnh``, ``Gia Lai``) as partyx writes a unit."""
    for t in ("thành phố", "thị trấn", "đặc khu", "tỉnh", "phường", "xã"):
        if full.lower().startswith(t + " "):
            return t, full[len(t) + 1:]
    return None, full


def _province(name: str) -> str:
    """Today's province of an old province name, by the converter."""
    result = address.convert_address(name)
    assert result.status != address.ConversionStatus.NOT_FOUND, name
    return _short(result.new.province)[1]


_DATA = None


def _districts(province: str, ward: str) -> set[str]:
    """The old districts of ``province`` that have ``ward`` (``phường Quán Thánh``)."""
    global _DATA
    if _DATA is None:
        folder = converter_dir()
        assert folder is not None
        _DATA = orjson.loads((folder / "data" / "mapping.json").read_bytes())
    want = (_short(province)[1].casefold(), ward.casefold())
    return {r["old_district"] for r in _DATA["ward_mapping"]
            if (_short(r["old_province"])[1].casefold(), r["old_ward"].casefold()) == want}


def check(place: Place, text: str = "") -> None:
    """``now`` of one place agrees with ``convert_address``."""
    assert "now" in place
    now = place["now"]
    if place["province"] is None:
        assert now is None
        return
    assert now is not None, place
    # a province of before 2025 the converter does not know: through the one it became
    province = load("today")["former_provinces"].get(place["province"], place["province"])
    assert now["province"] == _province(province), place
    if now["name"] is None:
        assert now["type"] is None
        return
    assert place["type"] in WARDS or now["type"] == "đặc khu", place
    if place["type"] not in WARDS:
        return
    ward = f"{place['type']} {place['name']}"
    if (now["type"], now["name"]) == (place["type"], place["name"]):
        return  # already on today's map (or an old ward that kept its name)
    # the converter, given the old ward with (one of) its old district(s), says the same
    answers = set()
    for district in _districts(province, ward):
        r = address.convert_address(f"{ward}, {district}, {province}")
        if r.status == address.ConversionStatus.SUCCESS:
            answers.add(_short(r.new.ward))
    assert (now["type"], now["name"]) in answers, (place, answers)


@pytest.fixture(scope="module")
def stage():
    return Places()


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("merged")
    (folder / "merged.txt").write_text(MERGED, encoding="utf-8")
    out = folder / "records.jsonl"
    result = runner.invoke(app, ["extract", str(folder / "merged.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def _places(path: Path) -> list[Place]:
    return [p for line in path.read_bytes().splitlines() for p in orjson.loads(line)["places"]]


def test_the_merged_article_on_todays_map(merged):
    now = {(p["type"], p["name"]): p["now"] for p in _places(merged)}
    province = {"type": None, "name": None}
    assert now[("tỉnh", "Bình Định")] == {**province, "province": "Gia Lai"}
    assert now[("huyện", "Tây Sơn")] == {**province, "province": "Gia Lai"}
    assert now[("tỉnh", "Hà Giang")] == {**province, "province": "Tuyên Quang"}
    assert now[("tỉnh", "Bình Dương")] == {**province, "province": "Hồ Chí Minh"}
    assert now[("xã", "Vĩnh Phú")] == {"type": "xã", "name": "Định Mỹ", "province": "An Giang"}
    assert now[("thị trấn", "Hiệp Phước")] == {"type": "xã", "name": "Nhơn Trạch",
                                               "province": "Đồng Nai"}
    assert now[("huyện", "Nhơn Trạch")] == {**province, "province": "Đồng Nai"}
    assert now[("phường", "Quán Thánh")] == {"type": "phường", "name": "Ba Đình",
                                             "province": "Hà Nội"}
    for place in _places(merged):
        check(place)


def test_every_place_of_the_seeds_and_the_corpus_is_on_todays_map(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), str(CORPUS), "-o", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    places = _places(out)
    assert len(places) > 200
    for place in places:
        check(place)
    mapped = [p for p in places if p["now"] is not None]
    assert len(mapped) >= 0.95 * len(places)
    assert any(p["now"]["name"] for p in mapped)  # wards mapped to wards, not only provinces


def test_stats_events_on_todays_map(merged):
    result = runner.invoke(app, ["stats", "events", str(merged), "--map", "2025", "--format",
                                 "json"])
    assert result.exit_code == 0, result.output
    places = orjson.loads(result.stdout)["by_place"]
    assert "Gia Lai" in places and "Tuyên Quang" in places
    assert not any("Bình Định" in p or "Hà Giang" in p for p in places)
    assert "phường Ba Đình, Hà Nội" in places
    as_written = orjson.loads(runner.invoke(app, ["stats", "events", str(merged), "--format",
                                                  "json"]).stdout)["by_place"]
    assert "tỉnh Bình Định" in as_written and "Gia Lai" not in as_written


def test_membership_grouped_by_todays_province(merged):
    result = runner.invoke(app, ["stats", "membership", str(merged), "--map", "2025",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = orjson.loads(result.stdout)
    assert row["org"] == "Đảng bộ tỉnh Bình Định"  # as written
    assert row["now_province"] == "Gia Lai"


def test_a_shared_ward_name_is_mapped_only_with_its_district():
    today = TodayMap()
    ward: Place = {"type": "phường", "name": "1", "province": "Hồ Chí Minh"}
    alone = today.now(ward, None, {}, "before")
    assert alone == {"type": None, "name": None, "province": "Hồ Chí Minh"}
    district = District("quận", "10")
    with_district = today.now(ward, PlaceContext("Hồ Chí Minh", district), {}, "before")
    r = address.convert_address("phường 1, quận 10, thành phố Hồ Chí Minh")
    assert with_district == {"type": "phường", "name": _short(r.new.ward)[1],
                             "province": "Hồ Chí Minh"}
    # the one district of that province the article names
    named = today.now(ward, None, {"hồ chí minh": {"quận 10"}}, "before")
    assert named == with_district
    # two named districts that both have a phường 1: not sure
    two = today.now(ward, None, {"hồ chí minh": {"quận 10", "quận 3"}}, "before")
    assert two == alone


def test_a_place_written_after_the_reform_is_itself():
    today = TodayMap()
    ward: Place = {"type": "phường", "name": "Ba Đình", "province": "Hà Nội"}
    assert today.now(ward, None, {}, "after") == {"type": "phường", "name": "Ba Đình",
                                                  "province": "Hà Nội"}
    gia_lai: Place = {"type": "tỉnh", "name": "Gia Lai", "province": "Gia Lai"}
    assert today.now(gia_lai, None, {}, "after") == {"type": None, "name": None,
                                                     "province": "Gia Lai"}


def test_unknown_places_are_null():
    today = TodayMap()
    assert today.now({"type": "tỉnh", "name": "Atlantis", "province": "Atlantis"}, None, {},
                     None) is None
    assert today.now({"type": "xã", "name": "Phước Tân", "province": None}, None, {},
                     None) is None


def test_the_converter_is_part_of_the_stage_version():
    assert fingerprint() != "none"
    assert fingerprint() in Places.version


def test_conversions_are_memoised():
    today = TodayMap()
    place: Place = {"type": "tỉnh", "name": "Bình Định", "province": "Bình Định"}
    today.now(place, None, {}, None)
    size = len(today.memo)
    for _ in range(3):
        today.now(dict(place), None, {}, None)  # type: ignore[arg-type]
    assert len(today.memo) == size == 1


def test_jsonl_on_standard_output_stays_pure(tmp_path):
    """The table is built (a fresh cache) during a run writing records to standard output:
    underthesea's logger, which writes to standard output, must not reach it."""
    (tmp_path / "a.txt").write_text(MERGED, encoding="utf-8")
    env = {"PARTYX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "partyx", "extract", str(tmp_path / "a.txt"),
                           "-o", "-", "-q"], capture_output=True, env=env, cwd=ROOT,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    record = orjson.loads(lines[0])
    assert any(p["now"] and p["now"]["province"] == "Gia Lai" for p in record["places"])
    assert list((tmp_path / "cache").glob("today-*.json"))  # the table was built in this run


def test_an_organisation_keeps_its_place_and_has_todays_province():
    from partyx.views.records import org_now

    binh_dinh = {"type": "tỉnh", "name": "Bình Định", "province": "Bình Định",
                 "now": {"type": None, "name": None, "province": "Gia Lai"}}
    long_bien = {"type": "quận", "name": "Long Biên", "province": "Hà Nội",
                 "now": {"type": None, "name": None, "province": "Hà Nội"}}
    ward = {"type": "xã", "name": "Vĩnh Phú", "province": "An Giang",
            "now": {"type": "xã", "name": "Định Mỹ", "province": "An Giang"}}
    places = [binh_dinh, long_bien, ward]
    assert org_now("Tỉnh ủy Bình Định", places) == "Gia Lai"
    assert org_now("Đảng bộ quận Long Biên", places) == "Hà Nội"
    assert org_now("Thành ủy Hà Nội", places) == "Hà Nội"  # by the province of a place
    assert org_now("Đảng ủy xã Vĩnh Phú", places) == "An Giang"
    assert org_now("Ban Chấp hành Trung ương", places) is None
    assert org_now("Tỉnh ủy Bình Định", [{**binh_dinh, "now": None}]) is None
    assert org_now(None, places) is None


def test_exports_carry_the_now_columns(merged, tmp_path):
    import sqlite3

    db = tmp_path / "x.sqlite"
    result = runner.invoke(app, ["export", str(merged), str(db), "--to", "sqlite"])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    rows = dict(con.execute("""SELECT pl.type || ' ' || pl.name, ap.now_province
                               FROM article_places ap JOIN places pl USING (place_id)"""))
    assert rows["tỉnh Bình Định"] == "Gia Lai" and rows["tỉnh Hà Giang"] == "Tuyên Quang"
    ward = con.execute("""SELECT ap.now_type, ap.now_name FROM article_places ap
                          JOIN places pl USING (place_id) WHERE pl.name = 'Quán Thánh'""")
    assert ward.fetchall() == [("phường", "Ba Đình")]
    (org, now), = con.execute("SELECT org, now_province FROM membership")
    assert (org, now) == ("Đảng bộ tỉnh Bình Định", "Gia Lai")


def test_the_report_groups_membership_by_todays_province(merged, tmp_path):
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(merged), "-o", str(page), "--map", "2025"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert ">Gia Lai</h3>" in html and "Đảng bộ tỉnh Bình Định" in html
    assert "Places on the 2025 map" in html
    plain = tmp_path / "plain.html"
    assert runner.invoke(app, ["report", str(merged), "-o", str(plain)]).exit_code == 0
    assert "</h3>" not in plain.read_text(encoding="utf-8")
