"""People, posts and mentions: each form with realistic sentences, and a hand-verified sample
of the development corpus."""

import pytest

from partyx.article import Article
from partyx.stages.people import People


@pytest.fixture(scope="module")
def stage():
    return People()


def run(stage, text, province=None, district=None, authors=()):
    a = Article(id="t", source={}, text=text, authors=list(authors))
    a.extras["place_context"] = {"province": province, "district": district}
    stage(a)
    return a


def posts(article, name):
    person = next(p for p in article.people if p["name"] == name)
    return {(("nguyên " if x["status"] == "former" else "") + x["title"], x["org"])
            for x in person["positions"]}


def names(article):
    return [p["name"] for p in article.people]


def test_chain_of_titles_before_the_name_and_context_org(stage):
    a = run(stage, "Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến "
                   "dự hội nghị.", province="Hà Nội")
    assert names(a) == ["Nguyễn Thị Tuyến"]
    assert posts(a, "Nguyễn Thị Tuyến") == {
        ("Ủy viên", "Ban Chấp hành Trung ương Đảng"),
        ("Phó Bí thư Thường trực", "Thành ủy Hà Nội")}


def test_no_context_leaves_the_committee_unresolved(stage):
    a = run(stage, "Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến phát biểu.")
    assert posts(a, "Nguyễn Thị Tuyến") == {("Phó Bí thư Thường trực", "Thành ủy")}


def test_titles_after_the_name_with_dash_and_district_context(stage):
    a = run(stage, "Về phía quận, có đồng chí Đường Hoài Nam - Thành ủy viên, Bí thư Quận ủy, "
                   "Chủ tịch HĐND Quận.", province="Hà Nội",
            district={"type": "quận", "name": "Long Biên"})
    assert posts(a, "Đường Hoài Nam") == {
        ("Ủy viên", "Thành ủy Hà Nội"), ("Bí thư", "Quận ủy Long Biên"),
        ("Chủ tịch", "Hội đồng nhân dân quận Long Biên")}


def test_one_title_before_a_list_applies_to_each(stage):
    a = run(stage, "Tham dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: đồng chí Hoàng Văn "
                   "Nghiệm - Trưởng ban Dân vận Tỉnh ủy, đồng chí Lê Thị Hằng - Phó Chủ tịch "
                   "Thường trực HĐND tỉnh.", province="Nghệ An")
    assert posts(a, "Hoàng Văn Nghiệm") == {
        ("Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("Trưởng ban", "Ban Dân vận Tỉnh ủy Nghệ An")}
    assert posts(a, "Lê Thị Hằng") == {
        ("Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An"),
        ("Phó Chủ tịch Thường trực", "Hội đồng nhân dân tỉnh Nghệ An")}


def test_comma_form_with_explicit_province_and_former(stage):
    a = run(stage, "Ban Bí thư quyết định kỷ luật đồng chí Nguyễn Văn Thiện, nguyên Ủy viên "
                   "Trung ương Đảng, nguyên Bí thư Tỉnh ủy Bình Định.")
    assert posts(a, "Nguyễn Văn Thiện") == {
        ("nguyên Ủy viên", "Ban Chấp hành Trung ương Đảng"),
        ("nguyên Bí thư", "Tỉnh ủy Bình Định")}


def test_short_and_truncated_mentions_join_the_full_name(stage):
    text = ("Phó Bí thư Thường trực Thành ủy Hà Nội Ngô Thị Thanh Hằng chủ trì. Phát biểu, "
            "Phó Bí thư Thường trực Thành ủy Ngô Thị Thanh đánh giá cao. Theo bà Hằng, quận "
            "đã làm tốt.")
    a = run(stage, text, province="Hà Nội")
    assert names(a) == ["Ngô Thị Thanh Hằng"]
    person = a.people[0]
    assert person["mentions"] == 3 and person["gender"] == "female"
    spans = [text[m["start"]:m["end"]] for m in a.extras["mentions"]]
    assert spans == ["Ngô Thị Thanh Hằng", "Ngô Thị Thanh", "Hằng"]


def test_title_only_posts_and_ministries(stage):
    a = run(stage, "Tổng Bí thư Nguyễn Phú Trọng, Thủ tướng Phạm Minh Chính và Thứ trưởng Bộ "
                   "Xây dựng Đỗ Đức Duy dự lễ.")
    assert posts(a, "Nguyễn Phú Trọng") == {("Tổng Bí thư", None)}
    assert posts(a, "Phạm Minh Chính") == {("Thủ tướng", None)}
    assert posts(a, "Đỗ Đức Duy") == {("Thứ trưởng", "Bộ Xây dựng")}


def test_titles_between_two_names_belong_to_the_right_one(stage):
    a = run(stage, "Dự có ông Võ Công Trí, Phó Bí thư Thường trực Thành ủy Đà Nẵng, Chủ tịch "
                   "UBND thành phố Huỳnh Đức Thơ.", province="Đà Nẵng")
    assert posts(a, "Võ Công Trí") == {("Phó Bí thư Thường trực", "Thành ủy Đà Nẵng")}
    assert posts(a, "Huỳnh Đức Thơ") == {("Chủ tịch", "Ủy ban nhân dân thành phố Đà Nẵng")}


def test_event_role_is_no_post_and_byline_is_no_person(stage):
    a = run(stage, "Đoàn kiểm tra do đồng chí Trần Văn Nam làm Trưởng đoàn. Hoàng Phúc",
            authors=["Hoàng Phúc"])
    assert names(a) == ["Trần Văn Nam"]
    assert posts(a, "Trần Văn Nam") == set()


def test_places_streets_and_ideas_are_no_people(stage):
    a = run(stage, "Thành ủy Hà Nội và UBND TP.HCM mở rộng đường Nguyễn Trãi, học tập tư tưởng "
                   "Hồ Chí Minh tại quận Lê Chân.")
    assert a.people == []


def test_appointment_cue_gives_the_new_post(stage):
    a = run(stage, "Bộ Chính trị phân công ông Đinh La Thăng thôi giữ chức Bí thư Thành ủy "
                   "TP.HCM và giữ chức Phó Trưởng ban Kinh tế Trung ương.")
    assert posts(a, "Đinh La Thăng") == {
        ("nguyên Bí thư", "Thành ủy Hồ Chí Minh"), ("Phó Trưởng ban", "Ban Kinh tế Trung ương")}
    assert a.people[0]["gender"] == "male"


def test_mentions_are_in_text_order_and_organizations_have_kinds(stage):
    a = run(stage, "Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký làm việc với Huyện ủy Vân Đồn.")
    orgs = {o["name"]: (o["kind"], o["level"]) for o in a.organizations}
    assert orgs["Tỉnh ủy Quảng Ninh"] == ("party_committee", "province")
    assert a.extras["mentions"][0]["name"] == "Nguyễn Xuân Ký"
