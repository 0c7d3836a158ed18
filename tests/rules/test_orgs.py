import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.record import Article, District, PlaceContext
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


def test_an_article_about_several_provinces_places_no_one_by_the_article():
    # a discipline list of officials of several provinces: the place context (the first of
    # equal counts) is no evidence for a post whose paragraph names none
    text = ("Ông Lê Văn A, nguyên Bí thư Tỉnh ủy Quảng Nam, bị cảnh cáo. Ông Trần Văn B, Phó Chủ "
            "tịch UBND tỉnh Bình Định, bị khiển trách.\n\nÔng Phạm Văn C, Giám đốc Sở Tài "
            "chính, bị cách chức.\n\nTỉnh Hà Giang kỷ luật ông Hoàng Văn D.")
    places = where(text)
    province = Slot(("tỉnh", "thành phố"), "Sở Tài chính {}", True, "province")
    assert places.unit(province, text.index("Sở Tài")) is None
    # an article about one province that names another once: the article's
    text = ("Tỉnh ủy Quảng Nam và tỉnh Bình Định ký kết.\n\nÔng Phạm Văn C, Giám đốc Sở Tài "
            "chính, phát biểu.\n\nUBND tỉnh Quảng Nam báo cáo. Thành phố Tam Kỳ đón đoàn.")
    places = where(text)
    assert places.unit(province, text.index("Sở Tài")).name == "Quảng Nam"


def test_a_unit_the_gazetteer_does_not_know_is_evidence_that_names_none():
    # another country's province: its officials' committee is no Vietnamese one named before
    text = ("Đoàn công tác tỉnh Nghệ An do Bí thư Tỉnh ủy dẫn đầu đã thăm Lào.\n\nTiếp đoàn, "
            "ông A, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Xiêng Khoảng cảm ơn.\n\nTại tỉnh Hủa "
            "Phăn, Bí thư Tỉnh ủy dự. Chủ tịch UBND tỉnh này phát biểu.")
    places = where(text)
    province = Slot(("tỉnh",), "Tỉnh ủy {}", False)
    assert places.unit(province, text.index("Bí thư")).name == "Nghệ An"
    assert places.unit(province, text.index("Bí thư", text.index("ông A"))) is None
    assert places.unit(province, text.index("Bí thư", text.index("Hủa"))) is None
    near = Slot(("tỉnh",), "Ủy ban nhân dân {}", True, near=True)
    assert places.unit(near, text.index("UBND")) is None
    # never a place of the record; a holder's name after a place word is no unit
    found, _, mentions = read_places(PlaceFinder(), "", text)
    assert [p["name"] for p in found] == ["Nghệ An"]
    assert [m.name for m in mentions if m.level == "unknown"] == ["Xiêng Khoảng", "Hủa Phăn"]
    _, _, mentions = read_places(PlaceFinder(), "", "Chủ tịch UBND tỉnh Nguyễn Văn Sơn dự. "
                                 "Ông là cán bộ Bảo hiểm Xã Hội Việt Nam.")
    assert mentions == []


def test_an_item_of_a_list_takes_its_own_place_or_that_of_the_items_before():
    province = Slot(("tỉnh", "thành phố"), "Ủy ban nhân dân {}", True, "province")
    # officials listed by province: the province written once, its chairman after it
    text = ("Dự có ông A, Bí thư Tỉnh ủy Hà Tĩnh; ông B, Chủ tịch UBND tỉnh; ông C, Bí thư "
            "Tỉnh ủy Quảng Bình; ông D, Chủ tịch UBND tỉnh; ông E, Bí thư Tỉnh ủy Quảng Trị.")
    places = where(text)
    assert places.unit(province, text.index("UBND")).name == "Hà Tĩnh"
    assert places.unit(province, text.index("UBND", text.index("ông D"))).name == "Quảng Bình"
    # none before: the one the items after agree on, else none (nor the paragraph after)
    text = ("Kỷ luật các ông: A, Chủ tịch UBND tỉnh; B, nguyên Bí thư Tỉnh ủy Bình Định; C, "
            "Phó Chủ tịch UBND tỉnh Gia Lai.\n\nTỉnh Bình Định đã triển khai.")
    assert where(text).unit(province, text.index("UBND")) is None
    text = "Kỷ luật các ông: A, Chủ tịch UBND tỉnh; B, Giám đốc Sở Y tế tỉnh Long An."
    assert where(text).unit(province, text.index("UBND")).name == "Long An"


def test_this_province_is_the_one_named_last():
    text = "Tỉnh Bình Định và tỉnh Gia Lai ký kết. Chủ tịch UBND tỉnh này phát biểu."
    places = where(text)
    near = Slot(("tỉnh",), "Ủy ban nhân dân {}", True, near=True)
    assert places.unit(near, text.index("UBND")).name == "Gia Lai"
    assert places.unit(near, 0) is None


# --- organisations as grammar (read after a title, as posts read them) -------------------------

@pytest.fixture(scope="module")
def people():
    from partyx.stages.people import People
    from partyx.stages.places import Places

    places, stage = Places(), People()

    def run(text: str) -> dict[str, set[str]]:
        a = Article(id="t", source={}, text=text, title="")
        places(a)
        stage(a)
        return {p["name"]: {f"{x['title']} | {x['org']}" for x in p["positions"]}
                for p in a.people}

    return run


@pytest.mark.parametrize("text, name, post", [
    # ministries' units and their Party cells; lower-case names
    ("Ông Nguyễn Văn An, Bí thư Chi bộ Vụ Ngân sách nhà nước, phát biểu.", "Nguyễn Văn An",
     "Bí thư | Chi bộ Vụ Ngân sách nhà nước"),
    ("Ông Vũ Văn Bắc, Cục trưởng Cục An ninh điều tra (Bộ Công an) dự.", "Vũ Văn Bắc",
     "Cục trưởng | Cục An ninh điều tra Bộ Công an"),
    ("Ông Nguyễn Văn Toàn, nguyên Phó Cục trưởng Cục Bảo vệ thực vật cho biết.",
     "Nguyễn Văn Toàn", "Phó Cục trưởng | Cục Bảo vệ thực vật"),
    # the army
    ("Trung tướng Trần Văn Ngọc, Bí thư Đảng ủy Quân khu 7 phát biểu.", "Trần Văn Ngọc",
     "Bí thư | Đảng ủy Quân khu 7"),
    ("Thượng tướng Nguyễn Văn Hùng, Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam dự.",
     "Nguyễn Văn Hùng", "Tổng Tham mưu trưởng | None"),  # (its organisation implied)
    ("Thiếu tướng Lê Văn Thế, Phó Tư lệnh Bộ Tư lệnh TP Hồ Chí Minh dự.", "Lê Văn Thế",
     "Phó Tư lệnh | Bộ Tư lệnh thành phố Hồ Chí Minh"),
    # cells of agencies, blocs and state bodies; police
    ("Ông Trịnh Văn Tâm, Phó Bí thư Đảng ủy cơ quan Ban Kinh tế Trung ương, dự.",
     "Trịnh Văn Tâm", "Phó Bí thư | Đảng ủy cơ quan Ban Kinh tế Trung ương"),
    ("Ông Trần Văn Vĩnh, Bí thư BCS đảng UBND tỉnh Đăk Lăk, dự.", "Trần Văn Vĩnh",
     "Bí thư | Ban cán sự đảng Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("Ông Bùi Văn Bình, Bí thư Đảng bộ Công an TP Hải Phòng, dự.", "Bùi Văn Bình",
     "Bí thư | Đảng bộ Công an thành phố Hải Phòng"),
    # mass organisations at every level, a Youth Union committee named after its unit
    ("Bà Lê Thị Hoa, Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Vĩnh Phúc, dự.",
     "Lê Thị Hoa", "Chủ tịch | Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Vĩnh Phúc"),
    ("Anh Trần Văn Tú, Bí thư Tỉnh đoàn Bình Dương, phát biểu.", "Trần Văn Tú",
     "Bí thư | Tỉnh đoàn Bình Dương"),
    # state bodies of the National Assembly, enterprises, universities, broadcasters
    ("Ông Lê Quang Huy, Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội dự.",
     "Lê Quang Huy", "Chủ nhiệm | Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"),
    ("Ông Trần Văn Bình, Chủ tịch HĐQT Công ty cổ phần Sữa Việt Nam, cho biết.",
     "Trần Văn Bình", "Chủ tịch | Hội đồng quản trị Công ty cổ phần Sữa Việt Nam"),
    ("GS Nguyễn Văn Phúc, Hiệu trưởng Trường Đại học Bách khoa Hà Nội, dự.", "Nguyễn Văn Phúc",
     "Hiệu trưởng | Trường Đại học Bách khoa Hà Nội"),
    # abbreviations spelled out to one canonical name
    ("Ông Nguyễn Văn Út, Giám đốc Sở KH-ĐT tỉnh Bà Rịa – Vũng Tàu, dự.", "Nguyễn Văn Út",
     "Giám đốc | Sở Kế hoạch và Đầu tư tỉnh Bà Rịa - Vũng Tàu"),
])
def test_every_kind_of_organisation(people, text, name, post):
    assert post in people(text)[name]


def test_a_lower_case_name_takes_its_place_from_the_sentence(people):
    # (after a title that holds its head, "Trưởng Ban …", no generic name is read: see
    # PostParser._post)
    got = people("Ông Lê Văn Đình, Giám đốc Ban bồi thường giải phóng mặt bằng quận cho biết "
                 "việc bồi thường tại quận Hoàng Mai.")
    assert got["Lê Văn Đình"] == {
        "Giám đốc | Ban bồi thường giải phóng mặt bằng quận Hoàng Mai"}


def test_a_lower_case_run_that_goes_on_into_the_sentence_is_no_name(people):
    got = people("Ông Lê Văn Đình, Giám đốc Trung tâm Y tế triển khai kế hoạch phòng chống "
                 "dịch bệnh mùa hè năm nay.")
    assert got["Lê Văn Đình"] == {"Giám đốc | Trung tâm Y tế"}


def test_a_body_written_bare_is_the_one_named_before(people):
    got = people("Ủy ban Kiểm tra Trung ương họp kỳ 39 dưới sự chủ trì của Chủ nhiệm UBKT "
                 "Trần Cẩm Tú.\n\nÔng Đỗ Đức Duy, Thứ trưởng Bộ Xây dựng, từng là Chánh Văn "
                 "phòng Bộ.")
    assert got["Trần Cẩm Tú"] == {"Chủ nhiệm | Ủy ban Kiểm tra Trung ương"}
    assert "Chánh | Văn phòng Bộ Xây dựng" in got["Đỗ Đức Duy"]


def test_a_cell_alone_in_a_chain_and_each_person_their_own_place(people):
    got = people("Ủy ban Kiểm tra Trung ương kỷ luật các đồng chí: Lê Thanh Cung, nguyên Phó Bí "
                 "thư Tỉnh ủy, Chủ tịch UBND tỉnh Bình Dương; Trần Văn Cần, Bí thư Đảng ủy, "
                 "Giám đốc Sở Y tế tỉnh Long An.")
    assert "Phó Bí thư | Tỉnh ủy Bình Dương" in got["Lê Thanh Cung"]
    assert got["Trần Văn Cần"] == {"Bí thư | Đảng ủy Sở Y tế tỉnh Long An",
                                   "Giám đốc | Sở Y tế tỉnh Long An"}


@pytest.mark.parametrize("text, name, post", [
    # the police's own Tổng cục, not the army's of the same first words
    ("Thiếu tướng Nguyễn Hải Trung, nguyên Phó Tổng cục trưởng Tổng cục Chính trị Công an "
     "nhân dân (CAND) nhận nhiệm vụ mới.", "Nguyễn Hải Trung",
     "Phó Tổng cục trưởng | Tổng cục Chính trị Công an nhân dân"),
    # a title ending in its head word (Trưởng ban) before the body's full name
    ("Ông Phạm Minh Chính, Ủy viên Bộ Chính trị, Trưởng ban Ban Tổ chức Trung ương khóa XII, "
     "phát biểu.", "Phạm Minh Chính", "Trưởng ban | Ban Tổ chức Trung ương"),
    # a name never ends in "và" (the next post follows it)
    ("Ông Dương Cương giữ chức Giám đốc Ban Nhân sự Khu tự trị Tân Cương và Phó cục trưởng "
     "Cục Kiểm nghiệm.", "Dương Cương", "Giám đốc | Ban Nhân sự Khu tự trị Tân Cương"),
    ("Ông Bùi Chí Hiếu, Ủy viên Ban Chấp hành Đoàn khối các cơ quan Trung ương, phát biểu.",
     "Bùi Chí Hiếu", "Ủy viên | Ban Chấp hành Đoàn khối các cơ quan Trung ương"),
    # a long body name with a comma inside its lower-case run, its place after it
    ("Ông Lê Văn Tâm, Trưởng Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh Nghệ An, "
     "phát biểu.", "Lê Văn Tâm",
     "Trưởng ban | Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh Nghệ An"),
    ("Ông Lê Văn Tâm, Trưởng Ban Chỉ đạo phòng, chống tham nhũng đã chủ trì.", "Lê Văn Tâm",
     "Trưởng ban | Ban Chỉ đạo phòng, chống tham nhũng"),
])
def test_names_that_end_where_the_name_does(people, text, name, post):
    assert post in people(text)[name]


def test_a_long_body_name_takes_its_place_from_the_chain(people):
    got = people("Ông Đỗ Văn Hưng, Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo phòng, chống tham nhũng, "
                 "tiêu cực tỉnh Thanh Hóa chủ trì. Ông Lê Văn Nam, Trưởng Ban Tuyên giáo tham "
                 "mưu nội dung.")
    assert got["Đỗ Văn Hưng"] == {
        "Bí thư | Tỉnh ủy Thanh Hóa",
        "Trưởng ban | Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh Thanh Hóa"}


def test_a_party_committee_written_alone_is_that_of_the_agency_its_sentence_names(people):
    got = people("Đảng bộ Công an TP Hải Phòng do ông Bùi Quang Bình, Ủy viên Ban Thường vụ "
                 "Thành ủy, Giám đốc Công an thành phố là Bí thư Đảng ủy.")
    assert "Bí thư | Đảng bộ Công an thành phố Hải Phòng" in got["Bùi Quang Bình"]
    # a Party organisation of a level has its own committee (Tỉnh ủy): no guess
    got = people("Đảng bộ tỉnh Nghệ An do ông Lê Văn An là Bí thư Đảng ủy.")
    assert got["Lê Văn An"] == {"Bí thư | Đảng ủy"}
    # nor one of another sentence
    got = people("Đảng bộ Công an TP Hải Phòng có 50 chi bộ. Ông Lê Văn An, Bí thư Đảng ủy "
                 "cho biết.")
    assert not any("Đảng bộ" in post for post in got["Lê Văn An"])


def test_a_unit_every_ministry_has_is_of_the_only_ministry_named_before(people):
    got = people("Bộ Công an tổ chức lễ công bố. Đại tá Nguyễn Đức Lừng, Cục trưởng Cục Tổ "
                 "chức cán bộ phát biểu.")
    assert got["Nguyễn Đức Lừng"] == {"Cục trưởng | Cục Tổ chức cán bộ Bộ Công an"}
    # two ministries named: which one is not known, so the name stays as written
    got = people("Bộ Y tế và Bộ Tài chính họp. Ông Lê Văn An, Vụ trưởng Vụ Pháp chế phát biểu.")
    assert got["Lê Văn An"] == {"Vụ trưởng | Vụ Pháp chế"}
    # a unit of its own name is no ministry's function: never completed
    got = people("Bộ Nông nghiệp họp. Ông Hoàng Văn Trung, Cục trưởng Cục Bảo vệ thực vật dự.")
    assert got["Hoàng Văn Trung"] == {"Cục trưởng | Cục Bảo vệ thực vật"}


def test_a_place_the_gazetteer_does_not_know_is_kept_as_written_never_placed_elsewhere(people):
    # huyện Đông Sơn was merged away; the article's other district is no evidence for it
    got = people("Ông Trần Anh Chung thôi giữ chức Chủ tịch UBND huyện Đông Sơn, Phó Bí thư "
                 "Huyện ủy Đông Sơn để giữ chức Phó Bí thư Huyện ủy Quảng Xương.")
    assert got["Trần Anh Chung"] == {"Chủ tịch | Ủy ban nhân dân huyện Đông Sơn",
                                     "Phó Bí thư | Huyện ủy Đông Sơn",
                                     "Phó Bí thư | Huyện ủy Quảng Xương"}
    # a committee written alone still takes the place of its chain
    got = people("Ông Lê Văn An, Bí thư Huyện ủy, Chủ tịch UBND huyện Mê Linh dự.")
    assert got["Lê Văn An"] == {"Bí thư | Huyện ủy Mê Linh",
                                "Chủ tịch | Ủy ban nhân dân huyện Mê Linh"}


@pytest.mark.parametrize("text, name, post", [
    ("Ông Peter Hall, Giám đốc Công ty ALTA chia sẻ với báo chí.", "Peter Hall",
     "Giám đốc | Công ty ALTA"),
    ("Ông Nguyễn Văn Sơn, Tổng Giám đốc Tập đoàn Dầu khí Việt Nam kiến nghị thêm.",
     "Nguyễn Văn Sơn", "Tổng Giám đốc | Tập đoàn Dầu khí Việt Nam"),
    ("Bà Lê Thị Hằng, Phó Chi cục trưởng Chi cục Quản lý thị trường Hà Nội chia sẻ thêm.",
     "Lê Thị Hằng", "Phó Chi cục trưởng | Chi cục Quản lý thị trường Hà Nội"),
])
def test_a_verb_of_saying_ends_a_name(people, text, name, post):
    assert people(text)[name] == {post}


def test_a_title_holding_its_head_reads_no_generic_run(people):
    # "Trưởng phòng GD-ĐT Q.Ba Đình": a generic run read from inside the title stops at the
    # abbreviated district and leaves a wrong name ("Phòng Giáo dục và Đào tạo Q")
    found = people("Theo ông Lê Hồng Vĩ, Trưởng phòng GD-ĐT Q.Ba Đình (Hà Nội), việc này "
                   "cần làm.")
    assert not any(p.endswith(" Q") for p in found["Lê Hồng Vĩ"])


@pytest.mark.parametrize("text, name, wrong", [
    # another country's ministry is no Vietnamese one
    ("Ngoại trưởng gặp Bộ trưởng Bộ Ngoại giao Mỹ John Smith hôm qua.", "John Smith",
     "Bộ trưởng | Bộ Ngoại giao"),
    # a name that goes on after a dash is not the part read before it
    ("Ông Nguyễn Phương Nam, Phó Giám đốc Sở Giao thông – Vận tải tỉnh Khánh Hòa giải thích.",
     "Nguyễn Phương Nam", "Phó Giám đốc | Sở Giao thông"),
])
def test_an_organisation_read_short_is_none(people, text, name, wrong):
    assert wrong not in people(text).get(name, set())


def test_a_school_named_after_a_person_is_not_read_short(people):
    found = people("TS Nguyễn Văn Lâm, nguyên Hiệu trưởng Trường THPT Trần Hưng Đạo (Hà Nội), "
                   "cho rằng việc này cần làm.")
    assert "nguyên Hiệu trưởng | Trường THPT" not in found["Nguyễn Văn Lâm"]
    assert "Hiệu trưởng | Trường THPT" not in found["Nguyễn Văn Lâm"]


@pytest.mark.parametrize("text, name, post", [
    # a type word inside a name's words is no place ("Xã hội": society)
    ("Ông Lê Quang Minh, Chủ tịch Viện Hàn lâm Khoa học Xã hội Việt Nam tại hội thảo.",
     "Lê Quang Minh", "Chủ tịch | Viện Hàn lâm Khoa học Xã hội Việt Nam"),
])
def test_a_type_word_in_a_name_is_no_place(people, text, name, post):
    assert people(text)[name] == {post}


def test_a_body_of_another_organisation_is_not_read_short(people):
    # "Văn phòng Trung ương Giáo hội …" is no Party office: "Giáo" opens no post here
    found = people("Thượng tọa Thích Minh Tâm, Phó Chánh văn phòng Trung ương Giáo hội Phật "
                   "giáo Việt Nam cho biết.")
    assert "Phó Chánh | Văn phòng Trung ương" not in found.get("Thích Minh Tâm", set())


def test_a_name_does_not_go_on_into_a_rank(people):
    # ("và Đại tá …": the next person, not a word of the name nor the post's holder)
    found = people("Ông Trần Văn Hải, Cục trưởng Cục CSGT và Đại tá Nguyễn Văn Sơn dự.")
    assert not any("Đại tá" in p for posts in found.values() for p in posts)
    assert not found.get("Nguyễn Văn Sơn")


def test_a_local_body_with_no_place_word_is_the_one_named_before(people):
    got = people("Ngày 2/3, UBND tỉnh Hà Giang họp với các huyện.\n\nChủ tịch UBND Nguyễn Văn "
                 "Sơn yêu cầu các sở triển khai. Ông Lê Văn Ba, Chủ tịch UBND H.Mèo Vạc, dự.")
    assert got["Nguyễn Văn Sơn"] == {"Chủ tịch | Ủy ban nhân dân tỉnh Hà Giang"}
    assert got["Lê Văn Ba"] == {"Chủ tịch | Ủy ban nhân dân"}  # (a place written short)
    # two named before: which, the text does not say
    got = people("UBND tỉnh Hà Giang và UBND huyện Mèo Vạc ký kết. Chủ tịch UBND Nguyễn Văn "
                 "Sơn phát biểu.")
    assert got["Nguyễn Văn Sơn"] == {"Chủ tịch | Ủy ban nhân dân"}


def test_a_minister_with_no_ministry_is_of_the_only_one_named_before(people):
    got = people("Bộ Y tế họp báo về phòng chống dịch.\n\nBộ trưởng Nguyễn Văn Long chủ trì. "
                 "Thứ trưởng Đỗ Văn Tuyên báo cáo. Bộ trưởng John Smith của Mỹ cũng dự. "
                 "Nguyên Bộ trưởng Trần Văn Triệu có mặt.")
    assert got["Nguyễn Văn Long"] == {"Bộ trưởng | Bộ Y tế"}
    assert got["Trần Văn Triệu"] == set()  # (a former minister: of any ministry)
    assert got["Đỗ Văn Tuyên"] == {"Thứ trưởng | Bộ Y tế"}
    assert got.get("John Smith", set()) == set()
    got = people("Bộ Y tế và Bộ Công Thương tổ chức hội nghị. Bộ trưởng Nguyễn Văn Long chủ trì.")
    assert got["Nguyễn Văn Long"] == set()
    # a visiting minister of another office: his own post, not the host ministry's
    got = people("Ngày 22/9, Tổ công tác làm việc tại Bộ Công Thương. Bộ trưởng Mai Văn Dũng "
                 "phát biểu.\n\nBộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Văn Dũng cho biết.")
    assert got["Mai Văn Dũng"] == {"Chủ nhiệm | Văn phòng Chính phủ"}
    # two ministers it would give the one ministry: neither (one post has one holder); a
    # foreign name with a surname's first word ("Kim") is no holder either
    got = people("Tỉnh làm theo hướng dẫn của Bộ Tài chính. Bộ trưởng Đào Văn Dũng phát biểu. "
                 "Bộ trưởng Lê Minh Hoàn cũng dự.")
    assert got["Đào Văn Dũng"] == set()
    assert got["Lê Minh Hoàn"] == set()
    got = people("Bộ Ngoại giao tổ chức hội nghị. Bộ trưởng Kim Boo-kyum của Hàn Quốc dự.")
    assert got.get("Kim Boo-kyum", set()) == set()
    # deputies: a ministry has several; the head of government is no minister
    got = people("Bộ Y tế họp báo.\n\nThứ trưởng Bộ Y tế Đỗ Văn Tuyên và Thứ trưởng Lê Thị "
                 "Hương báo cáo. Bộ trưởng Nguyễn Văn Long và Thủ tướng Trần Văn Hòa dự.")
    assert got["Lê Thị Hương"] == {"Thứ trưởng | Bộ Y tế"}
    assert got["Nguyễn Văn Long"] == {"Bộ trưởng | Bộ Y tế"}
    assert got["Trần Văn Hòa"] == {"Thủ tướng | None"}
