import pytest

from partyx.record import Article, District, PlaceContext
from partyx.stages.places import Places


@pytest.fixture(scope="module")
def stage():
    return Places()


def run(stage, text, title=""):
    a = Article(id="t", source={}, title=title or None, text=text)
    stage(a)
    return {(p["type"], p["name"]): p["province"] for p in a.places}, a.place_context


def test_type_word_and_committee_name_units(stage):
    places, ctx = run(stage, "Quận ủy Ba Đình làm việc với Đảng bộ phường Quán Thánh. "
                             "Thành ủy Hà Nội chỉ đạo.")
    assert places == {("quận", "Ba Đình"): "Hà Nội", ("phường", "Quán Thánh"): "Hà Nội",
                      ("thành phố", "Hà Nội"): "Hà Nội"}
    assert ctx == PlaceContext("Hà Nội", District("quận", "Ba Đình"))


def test_a_count_is_no_place(stage):
    places, _ = run(stage, "Kiểm tra tất cả 11 phường trên địa bàn và 14 phường khác.")
    assert places == {}


def test_district_implies_province_in_context(stage):
    places, ctx = run(stage, "Đoàn kiểm tra làm việc tại quận Long Biên. HĐND Quận họp.")
    assert places == {("quận", "Long Biên"): "Hà Nội"}
    assert ctx.province == "Hà Nội"
    assert ctx.district == District("quận", "Long Biên")


def test_abbreviations_and_other_provinces(stage):
    places, ctx = run(stage, "UBND TP.HCM và UBND tỉnh Nghệ An ký kết; Tỉnh ủy Nghệ An, "
                             "thành phố Vinh, UBND TP Hồ Chí Minh cùng dự.")
    assert places == {("thành phố", "Hồ Chí Minh"): "Hồ Chí Minh",
                      ("tỉnh", "Nghệ An"): "Nghệ An", ("thành phố", "Vinh"): "Nghệ An"}
    assert ctx.province == "Nghệ An"


def test_list_after_one_type_word(stage):
    places, _ = run(stage, "Các huyện Gia Lâm, Đông Anh và Sóc Sơn được chọn.")
    assert set(places) == {("huyện", "Gia Lâm"), ("huyện", "Đông Anh"), ("huyện", "Sóc Sơn")}


def test_ambiguous_name_resolved_by_named_province(stage):
    places, _ = run(stage, "Tỉnh Trà Vinh: huyện Châu Thành triển khai nghị quyết.")
    assert places[("huyện", "Châu Thành")] == "Trà Vinh"
    places, _ = run(stage, "Huyện Châu Thành triển khai nghị quyết.")
    assert places == {("huyện", "Châu Thành"): None}


def test_province_inside_a_person_name_is_no_place(stage):
    places, _ = run(stage, "Ông Nguyễn Thái Bình phát biểu tại Hà Nội.")
    assert places == {("thành phố", "Hà Nội"): "Hà Nội"}


def test_a_city_named_after_a_person_needs_its_type_word(stage):
    # bare, the name is the President's, his thought's, his namesakes' (no place, no context)
    places, ctx = run(stage, "Học tập tư tưởng Hồ Chí Minh; Chủ tịch Hồ Chí Minh dạy; "
                             "Đoàn TNCS Hồ Chí Minh tỉnh Nghệ An.")
    assert places == {("tỉnh", "Nghệ An"): "Nghệ An"} and ctx.province == "Nghệ An"
    for city in ("TP Hồ Chí Minh", "Tp. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM",
                 "Thành ủy TP Hồ Chí Minh"):
        places, ctx = run(stage, f"Làm việc tại {city}.")
        assert places == {("thành phố", "Hồ Chí Minh"): "Hồ Chí Minh"}, city
        assert ctx.province == "Hồ Chí Minh"


def test_former_provinces_only_after_their_type_word(stage):
    places, _ = run(stage, "Ông từng là Bí thư Tỉnh ủy các tỉnh: Nam Định, Nam Hà; Phó Chủ tịch "
                           "tỉnh Minh Hải.")
    assert places == {("tỉnh", "Nam Định"): "Nam Định", ("tỉnh", "Nam Hà"): "Nam Hà",
                      ("tỉnh", "Minh Hải"): "Minh Hải"}
    # bare, the same words are a river and a person
    places, _ = run(stage, "Vùng đồng bằng sông Cửu Long; ông Minh Hải phát biểu.")
    assert places == {}


def test_descriptor_and_spelling_between_type_word_and_gazetteer(stage):
    places, _ = run(stage, "Xã khó khăn của huyện miền núi Ba Vì; xã vùng cao Sĩ Bình, huyện "
                           "Bạch Thông; huyện Kì Anh.")
    assert places == {("huyện", "Ba Vì"): "Hà Nội", ("xã", "Sỹ Bình"): "Bắc Kạn",
                      ("huyện", "Bạch Thông"): "Bắc Kạn", ("huyện", "Kỳ Anh"): "Hà Tĩnh"}
    # a descriptor alone names nothing; the gazetteer still decides
    places, _ = run(stage, "Các huyện miền núi và xã vùng cao Tây Bắc.")
    assert places == {}


def test_capitalised_words_that_are_no_unit(stage):
    places, _ = run(stage, "Bộ Lao động - Thương binh và Xã hội; Bảo hiểm Xã Hội; Quận ủy chỉ đạo.")
    assert places == {}


def test_capital_word_is_context_only(stage):
    places, ctx = run(stage, "Xây dựng Thủ đô văn hiến.")
    assert places == {} and ctx.province == "Hà Nội"


def test_headline_weighs_more(stage):
    _, ctx = run(stage, "Đoàn công tác của TP.HCM thăm tỉnh Nghệ An.",
                 title="Quảng Ninh đón đoàn công tác")
    assert ctx.province == "Quảng Ninh"


def test_hostile_input_is_fast(stage):
    places, _ = run(stage, "quận " + "1." * 200_000 + " phường " + "Ab " * 50_000)
    assert isinstance(places, dict)


def test_head_words_found_by_find_are_the_pattern_matches(stage):
    """The str.find pre-filter keeps every head match, including heads inside a longer one
    (thị xã, tỉnh ủy) and heads glued to a word or a dot, which are none."""
    import random

    finder = stage.finder
    pieces = ["tỉnh", "tỉnh ủy", "thành phố", "thành ủy", "thị xã", "thị", "xã", "xã hội",
              "quận", "huyện", "phường", "thị trấn", "đặc khu", "ủy", " ", "  ", "\t", ".",
              "-", "a", "Ba Đình", ","]
    rng = random.Random(11)
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert [m.span() for m in finder._heads(low)] == [
            m.span() for m in finder.head.finditer(low)], low


def test_bare_names_tried_where_runs_open_are_the_pattern_matches(stage):
    """A province's bare name is tried only at the words of the capitalised runs that are
    some name's first word, and where a one-word or dotted name (Huế, TP.HCM) begins: the
    same matches as the scan of the whole text, glued marks, digits and dots around."""
    import random

    from partyx.lang.patterns import find_all, finditer_at

    finder = stage.finder
    pieces = ["Hà Nội", "Hà", "Nội", "Huế", "TP.HCM", "TP. HCM", "TPHCM", "TP.Hồ Chí Minh",
              "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Thừa Thiên - Huế", "Quảng Ninh",
              "Nguyễn", "Văn", "tỉnh", "Đắk Lắk", " ", "  ", "\n", ".", ",", "-", "(", "1",
              "_", "a", "Cần Thơ", "Thái Bình"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        tried = finditer_at(finder.bare, text, finder._bare_starts(text, find_all(text, ("TP",))))
        assert [m.span() for m in tried] == [m.span() for m in finder.bare.finditer(text)], text


def test_a_province_after_a_word_that_opens_the_sentence(stage):
    places, _ = run(stage, "Tại Nghệ An, ông A phát biểu. Về Hà Giang, đoàn đã làm việc.")
    assert places == {("tỉnh", "Nghệ An"): "Nghệ An", ("tỉnh", "Hà Giang"): "Hà Giang"}
    # a capitalised word of a name before it: the person's (Nguyễn Thái Bình), and a cue
    places, _ = run(stage, "Ông Nguyễn Thái Bình phát biểu. Đồng chí Trần Hà Giang dự.")
    assert places == {}


def test_spellings_of_provinces(stage):
    places, _ = run(stage, "Huyện Phú Lộc (tỉnh TT-Huế), tỉnh Kontum, tỉnh BR-VT và Đăk Lắk.")
    assert places == {("huyện", "Phú Lộc"): "Huế",  # (the gazetteer's name of the province)
                      ("tỉnh", "Thừa Thiên Huế"): "Thừa Thiên Huế", ("tỉnh", "Kon Tum"): "Kon Tum",
                      ("tỉnh", "Bà Rịa - Vũng Tàu"): "Bà Rịa - Vũng Tàu",
                      ("tỉnh", "Đắk Lắk"): "Đắk Lắk"}


def test_an_article_about_many_provinces_has_none_of_its_own(stage):
    # one named twice among many named once: no more the article's than the others
    _, ctx = run(stage, "Tỉnh ủy Đắk Lắk, Tỉnh ủy Gia Lai, Tỉnh ủy Kon Tum, Tỉnh ủy Lâm Đồng "
                        "và Tỉnh ủy Đắk Nông dự. Đắk Lắk đăng cai.")
    assert ctx.province is None
    _, ctx = run(stage, "Tỉnh ủy Đắk Lắk họp. Tỉnh Đắk Lắk đón đoàn Gia Lai. UBND tỉnh Đắk Lắk "
                        "báo cáo.")
    assert ctx.province == "Đắk Lắk"
