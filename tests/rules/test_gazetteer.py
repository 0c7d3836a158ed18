import importlib.util
import json
from pathlib import Path

import pytest

from partyx.data import load
from partyx.rules import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.get()


def test_provinces_before_and_after_2025(gaz):
    assert gaz.lookup("thành phố", "Hà Nội")[0].level == "province"
    assert gaz.province("Hà Giang").type == "tỉnh"  # merged into Tuyên Quang in 2025
    assert gaz.province("Tuyên Quang") is not None
    assert len([u for u in gaz.provinces.values() if u.type in ("tỉnh", "thành phố")]) >= 63
    # a province before a reorganisation is still known: Thừa Thiên Huế (the city of Huế
    # since 2025), Hà Tây (Hà Nội since 2008)
    assert gaz.province("Thừa Thiên Huế").type == "tỉnh"
    assert gaz.province("Hà Tây") is not None


def test_aliases_name_their_province(gaz):
    assert gaz.province("TP.HCM").name == "Hồ Chí Minh"
    assert gaz.province("Thừa Thiên - Huế").name == "Thừa Thiên Huế"
    assert gaz.lookup("tỉnh", "Thừa Thiên-Huế")[0].name == "Thừa Thiên Huế"
    assert gaz.lookup("thành phố", "Huế")[0].level == "province"


def test_district_knows_its_province(gaz):
    (unit,) = gaz.lookup("quận", "Long Biên")
    assert (unit.province, unit.level) == ("Hà Nội", "district")
    (vinh,) = gaz.lookup("thành phố", "Vinh")
    assert (vinh.province, vinh.level) == ("Nghệ An", "district")


def test_a_district_written_with_its_former_type(gaz):
    (unit,) = gaz.lookup("thị xã", "Đồ Sơn")  # a quận of Hải Phòng since 2007
    assert (unit.type, unit.province, unit.level) == ("thị xã", "Hải Phòng", "district")
    assert gaz.lookup("huyện", "Hoàn Kiếm")[0].province == "Hà Nội"
    assert gaz.lookup("huyện", "Không Có Thật") == []
    assert gaz.lookup("xã", "Long Biên") == []  # (wards: too many share a name)
    assert gaz.lookup("huyện", "Trà Vinh") == []  # a province's name ("huyện X, Trà Vinh")
    assert gaz.lookup("thành phố", "4") == []  # ("Thành ủy\n4- Nguyễn Văn A": no quận 4)


def test_type_word_separates_same_names(gaz):
    # quận and phường Thanh Xuân (Hà Nội) and xã Thanh Xuân in several provinces
    assert [u.level for u in gaz.lookup("quận", "Thanh Xuân")] == ["district"]
    assert all(u.type == "phường" for u in gaz.lookup("phường", "Thanh Xuân"))
    assert len({u.province for u in gaz.lookup("xã", "Thanh Xuân")}) > 2
    # the province city is not the province
    assert gaz.lookup("thành phố", "Yên Bái")[0].level == "district"
    assert gaz.lookup("tỉnh", "Yên Bái")[0].level == "province"


def test_old_ward_keeps_district_and_lookup_ignores_case(gaz):
    wards = gaz.lookup("phường", "quán thánh")
    assert wards and wards[0].province == "Hà Nội"
    assert ("quận", "Ba Đình") in {u.district for u in wards}


def test_numbered_units_and_dissolved_units(gaz):
    assert gaz.lookup("quận", "1")[0].province == "Hồ Chí Minh"
    assert gaz.lookup("huyện", "Từ Liêm")[0].province == "Hà Nội"  # split in 2013


def test_bare_place_names(gaz):
    assert gaz.is_place_name("Hà Nội") and gaz.is_place_name("Lê Chân")
    assert not gaz.is_place_name("Nguyễn Văn Phong")


def test_derived_file_matches_underthesea_data():
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("underthesea is not installed")
    path = Path(spec.submodule_search_locations[0]) / "address" / "data" / "mapping.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    derived = load("gazetteer")
    assert derived["source"]["total_records"] == raw["metadata"]["total_records"]
    old_districts = {r["old_district"] for r in raw["ward_mapping"]}
    assert len(derived["districts"]) >= len(old_districts) - 5


def test_lookup_answers_again_the_same_and_a_fresh_list(gaz):
    first = gaz.lookup("tỉnh", "Nghệ An")
    first.append("changed by a caller")
    again = gaz.lookup("tỉnh", "Nghệ An")
    assert [u.name for u in again] == ["Nghệ An"] and again is not first
    assert gaz.lookup("huyện", "Không Có Đâu") == gaz.lookup("huyện", "Không Có Đâu") == []
    assert gaz.lookup("tỉnh", "Thừa Thiên - Huế") == gaz.lookup("tỉnh", "Thừa Thiên - Huế")
