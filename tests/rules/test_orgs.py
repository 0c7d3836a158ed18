from hypothesis import given
from hypothesis import strategies as st

from partyx.record import District, PlaceContext
from partyx.rules.orgs import Slot, Whereabouts, level_of
from partyx.rules.places import PlaceFinder, read_places

LONG_BIEN = PlaceContext("Hà Nội", District("quận", "Long Biên"))
NOWHERE = Whereabouts("")


def where(text: str, context: PlaceContext | None = None) -> Whereabouts:
    """The resolver of an article whose body is ``text`` (its places found as the places stage
    finds them; the context given, else the one they make)."""
    _, found, mentions = read_places(PlaceFinder(), "", text)
    return Whereabouts(text, mentions, found if context is None else context)


def test_level_words():
    assert level_of("Thành phố") == "thành phố"
    assert level_of("TP") == "thành phố"
    assert level_of("Quận") == "quận"
    assert level_of("Khối") is None


def test_bodies_written_in_full_or_by_place():
    assert NOWHERE.party_body("quận", "Ba Đình", None) == "Đảng bộ quận Ba Đình"
    assert NOWHERE.party_body(None, "Hà Nội", None) == "Đảng bộ thành phố Hà Nội"
    assert NOWHERE.party_body(None, "TPHCM", None) == "Đảng bộ thành phố Hồ Chí Minh"
    assert NOWHERE.party_body(None, "Nghệ An", None) == "Đảng bộ tỉnh Nghệ An"
    assert NOWHERE.party_body("thành phố", "Yên Bái", None) == "Đảng bộ thành phố Yên Bái"
    assert NOWHERE.party_body(None, "Khối các cơ quan", None) == "Đảng bộ Khối các cơ quan"
    assert NOWHERE.party_body(None, None, None) is None


def test_bodies_resolved_from_the_article():
    places = Whereabouts("", (), LONG_BIEN)
    assert places.party_body("quận", None, None) == "Đảng bộ quận Long Biên"
    assert places.party_body("thành phố", None, None) == "Đảng bộ thành phố Hà Nội"
    assert places.party_body("huyện", None, None) == "Đảng bộ huyện"
    assert places.party_body("tỉnh", None, None) == "Đảng bộ tỉnh"
    vinh = Whereabouts("", (), PlaceContext("Nghệ An", District("thành phố", "Vinh")))
    assert vinh.party_body("thành phố", None, None) == "Đảng bộ thành phố Vinh"
    assert vinh.party_body("tỉnh", None, None) == "Đảng bộ tỉnh Nghệ An"


def test_committees():
    places = Whereabouts("", (), LONG_BIEN)
    assert NOWHERE.committee_body("Quận ủy", "Thanh Xuân", None) == "Đảng bộ quận Thanh Xuân"
    assert places.committee_body("Thành ủy", None, None) == "Đảng bộ thành phố Hà Nội"
    assert places.committee_body("Ban Tổ chức", None, None) is None


@given(st.text(), st.text())
def test_never_raises(a, b):
    level_of(a)
    places = Whereabouts(b, (), LONG_BIEN)
    places.party_body(level_of(a), b or None, len(b) // 2)
    places.committee_body(a, b, None)


def test_the_unit_named_nearest_wins_over_the_article():
    text = ("Quận ủy Gò Vấp vừa tổng kết công tác năm. Đảng bộ quận có 40 tổ chức cơ sở đảng. "
            "Thành ủy Hà Nội Nguyễn Văn Phong phát biểu.")
    places = where(text, LONG_BIEN)
    at = text.index("Đảng bộ quận")
    assert places.party_body("quận", None, at) == "Đảng bộ quận Gò Vấp"  # the paragraph's
    assert places.party_body("thành phố", None, at) == "Đảng bộ thành phố Hà Nội"
    assert places.party_body("huyện", None, at) == "Đảng bộ huyện"


def test_the_sentence_then_the_paragraph_then_those_before():
    text = ("Sáng 5/3, tại TP Hồ Chí Minh, Bí thư Thành ủy phát biểu.\n\n"
            "Đoàn công tác của tỉnh Nghệ An và tỉnh Hà Tĩnh đã làm việc. Bí thư Thành ủy dự.\n\n"
            "Thành phố Vinh đón đoàn. Bí thư Thành ủy cũng dự.")
    places = where(text, PlaceContext(None, None))
    city = Slot(("thành phố",), "Thành ủy {}", False)
    first, second, third = (i for i in range(len(text)) if text.startswith("Bí thư", i))
    assert places.unit(city, first).name == "Hồ Chí Minh"  # the sentence
    assert places.unit(city, second).name == "Hồ Chí Minh"  # the paragraph before
    assert places.unit(city, third).name == "Vinh"  # the paragraph
    province = Slot(("tỉnh",), "Tỉnh ủy {}", False)
    assert places.unit(province, second) is None  # two in its paragraph: no default
    assert places.unit(province, text.index("Đoàn công tác")).name == "Nghệ An"  # nearest
    assert places.unit(province, third).name == "Nghệ An"  # the province Vinh lies in


def test_no_place_is_a_default():
    text = ("Bí thư Thành ủy dự hội nghị.\n\nĐoàn đã thăm TP Hồ Chí Minh.\n\n"
            "Thành phố Vinh đón đoàn.")
    city = Slot(("thành phố",), "Thành ủy {}", False)
    assert where(text, PlaceContext(None, None)).unit(city, 0) is None  # two cities, after it
    assert where(text, PlaceContext("Hồ Chí Minh", None)).unit(city, 0).name == "Hồ Chí Minh"


def test_the_only_unit_of_its_type_the_article_names():
    text = "Quận ủy Gò Vấp họp.\n\nBí thư Quận ủy phát biểu. Bí thư Huyện ủy dự."
    places = where(text, PlaceContext(None, None))
    assert places.unit(Slot(("quận",), "", False), text.index("Bí thư")).name == "Gò Vấp"
    assert places.unit(Slot(("huyện",), "", False), text.index("Bí thư")) is None


def test_a_district_named_implies_its_province_for_a_province_slot():
    text = "Ông A, Phó Bí thư Tỉnh ủy, Bí thư Huyện ủy Vĩnh Thạnh, tỉnh Bình Định, phát biểu."
    places = where(text)
    province = Slot(("tỉnh",), "Tỉnh ủy {}", False)
    assert places.unit(province, text.index("Tỉnh ủy")).name == "Bình Định"
    chain = [(text.index("Vĩnh Thạnh"), places.units[0])]
    assert places.units[0].name == "Vĩnh Thạnh"
    assert places.unit(province, 0, chain).name == places.units[0].province


def test_this_province_is_the_one_named_last():
    text = "Tỉnh Bình Định và tỉnh Gia Lai ký kết. Chủ tịch UBND tỉnh này phát biểu."
    places = where(text)
    near = Slot(("tỉnh",), "Ủy ban nhân dân {}", True, near=True)
    assert places.unit(near, text.index("UBND")).name == "Gia Lai"
    assert places.unit(near, 0) is None
