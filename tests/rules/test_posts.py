"""The grammar of posts (rules/posts.py) and their assembly onto people (rules/people.py):
chains, the place a chain writes, the status a chain carries, decisions and careers. The
sentences are written for the form, with other names and places than any article's."""

import pytest

from partyx.rules.posts import CURRENT, FORMER, MEMBER, NOMINATED, decision_cues
from partyx.stages.people import People
from tests.rules.people_cases import posts, run


@pytest.fixture(scope="module")
def stage():
    return People()


def test_nguyen_before_a_chain_makes_each_post_after_it_former(stage):
    a = run(stage, "Kỷ luật ông Phan Văn Tám, nguyên Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh "
                   "Bình Phước; ông Lý Văn Hai, Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy "
                   "Bình Phước.", province="Bình Phước")
    assert posts(a, "Phan Văn Tám") == {("nguyên Phó Bí thư", "Tỉnh ủy Bình Phước"),
                                        ("nguyên Chủ tịch", "Ủy ban nhân dân tỉnh Bình Phước")}
    assert posts(a, "Lý Văn Hai") == {("Ủy viên", "Ban Chấp hành Trung ương Đảng"),
                                      ("nguyên Bí thư", "Tỉnh ủy Bình Phước")}


def test_a_place_written_in_the_chain_is_the_place_of_its_other_posts(stage):
    # the article is about Kon Tum: the chain's own place wins for each of its posts
    a = run(stage, "Các cá nhân vi phạm: ông Đinh Văn Sáu, nguyên Phó Bí thư Tỉnh ủy, Chủ tịch "
                   "UBND tỉnh Gia Lai; ông Võ Minh Chín, Phó Bí thư Huyện ủy, Chủ tịch UBND "
                   "huyện Đăk Hà; ông Lê Văn Mười, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành "
                   "ủy Pleiku, tỉnh Gia Lai.", province="Kon Tum")
    assert posts(a, "Đinh Văn Sáu") == {("nguyên Phó Bí thư", "Tỉnh ủy Gia Lai"),
                                        ("nguyên Chủ tịch", "Ủy ban nhân dân tỉnh Gia Lai")}
    assert posts(a, "Võ Minh Chín") == {("Phó Bí thư", "Huyện ủy Đăk Hà"),
                                        ("Chủ tịch", "Ủy ban nhân dân huyện Đăk Hà")}
    assert posts(a, "Lê Văn Mười") == {("Ủy viên", "Ban Thường vụ Tỉnh ủy Gia Lai"),
                                       ("Bí thư", "Thành ủy Pleiku")}


def test_dashes_and_kiem_join_the_posts_of_a_chain(stage):
    a = run(stage, "Ông Nguyễn Văn Bảy- Phó Bí thư Huyện ủy- Chủ tịch UBND huyện Tương Dương "
                   "về nhận công tác. Đại tá Trần Văn Năm, Phó Tư lệnh kiêm Tham mưu trưởng Bộ "
                   "Tư lệnh Thủ đô dự.", province="Nghệ An")
    assert posts(a, "Nguyễn Văn Bảy") == {("Phó Bí thư", "Huyện ủy Tương Dương"),
                                          ("Chủ tịch", "Ủy ban nhân dân huyện Tương Dương")}
    assert posts(a, "Trần Văn Năm") == {
        ("Phó Tư lệnh", "Bộ Tư lệnh Thủ đô"),
        ("Tham mưu trưởng", "Bộ Tư lệnh Thủ đô")}


def test_acting_is_part_of_the_title_and_co_is_former(stage):
    a = run(stage, "Quyền Bộ trưởng Bộ Tư pháp Trần Văn Một phát biểu. Cố Thủ tướng Võ Văn "
                   "Kiệt.")
    assert posts(a, "Trần Văn Một") == {("Quyền Bộ trưởng", "Bộ Tư pháp")}
    assert posts(a, "Võ Văn Kiệt") == {("nguyên Thủ tướng", None)}


def test_the_cues_are_built_from_their_grammar():
    cues = decision_cues()
    assert cues["giữ chức vụ"] == cues["đảm nhiệm các chức vụ :"] == CURRENT
    assert cues["từng đảm nhiệm các chức vụ :"] == cues["trong thời gian giữ cương vị"] == FORMER
    assert cues["thôi giữ chức"] == FORMER
    assert cues["tham gia"] == MEMBER and cues["giới thiệu"] == NOMINATED


def test_a_career_list_after_a_past_cue_gives_each_post_former_with_its_place(stage):
    a = run(stage, "Bí thư Tỉnh ủy Lai Châu Hoàng Văn Tư phát biểu. Trong quá trình công tác, "
                   "ông Tư từng đảm nhiệm các chức vụ: Chủ tịch UBND huyện, Bí thư Huyện ủy "
                   "Tam Đường; Giám đốc Sở Tài chính tỉnh; Chủ tịch UBND tỉnh.",
            province="Lai Châu")
    assert posts(a, "Hoàng Văn Tư") == {
        ("Bí thư", "Tỉnh ủy Lai Châu"),
        ("nguyên Chủ tịch", "Ủy ban nhân dân huyện Tam Đường"),
        ("nguyên Bí thư", "Huyện ủy Tam Đường"),
        ("nguyên Giám đốc", "Sở Tài chính tỉnh Lai Châu"),
        ("nguyên Chủ tịch", "Ủy ban nhân dân tỉnh Lai Châu")}


def test_a_decision_gives_membership_of_each_body_and_leaving_makes_it_former(stage):
    a = run(stage, "Ban Thường vụ Tỉnh ủy trao quyết định điều động ông Lê Văn Ba thôi tham gia "
                   "Ban Chấp hành Đảng bộ thành phố Sầm Sơn nhiệm kỳ 2020 - 2025, thôi giữ chức "
                   "Phó Chủ tịch UBND thành phố Sầm Sơn, để tham gia Ban Chấp hành, Ban Thường "
                   "vụ Huyện ủy, giữ chức Phó Bí thư Huyện ủy Nga Sơn, đồng thời giới thiệu để "
                   "HĐND huyện bầu giữ chức Chủ tịch UBND huyện Nga Sơn.", province="Thanh Hóa")
    assert posts(a, "Lê Văn Ba") == {
        ("nguyên Ủy viên", "Thành ủy Sầm Sơn"),
        ("nguyên Phó Chủ tịch", "Ủy ban nhân dân thành phố Sầm Sơn"),
        ("Ủy viên", "Huyện ủy Nga Sơn"),
        ("Ủy viên", "Ban Thường vụ Huyện ủy Nga Sơn"),
        ("Phó Bí thư", "Huyện ủy Nga Sơn")}  # (the post he is put forward for is none)


def test_a_decision_not_taken_gives_no_post_and_a_deputy_keeps_its_rank(stage):
    # (a question why someone was not appointed, a decision not yet taken: no post; the
    # deputy's title stays whole, with no bare head title split off it)
    a = run(stage, "Chủ tịch UBND tỉnh vừa bổ nhiệm ông Nguyễn Văn Hùng giữ chức Phó Giám đốc "
                   "Sở Nội vụ tỉnh Nghệ An. Vì sao không điều động bổ nhiệm ông Hùng làm giám "
                   "đốc Sở Nội vụ tỉnh Nghệ An? Bà Lê Thị Lan, Phó Giám đốc Sở Tư pháp tỉnh "
                   "Nghệ An. Bà Lan chưa được bổ nhiệm giữ chức Giám đốc Sở Tư pháp.",
            province="Nghệ An")
    assert posts(a, "Nguyễn Văn Hùng") == {("Phó Giám đốc", "Sở Nội vụ tỉnh Nghệ An")}
    assert posts(a, "Lê Thị Lan") == {("Phó Giám đốc", "Sở Tư pháp tỉnh Nghệ An")}
    # (the same sentence with the decision taken gives the post)
    b = run(stage, "Bà Lê Thị Lan, Phó Giám đốc Sở Tư pháp tỉnh Nghệ An. Bà Lan được bổ nhiệm "
                   "giữ chức Giám đốc Sở Tư pháp tỉnh Nghệ An.", province="Nghệ An")
    assert ("Giám đốc", "Sở Tư pháp tỉnh Nghệ An") in posts(b, "Lê Thị Lan")


def test_a_career_list_at_an_organisation_passes_over_the_jobs_that_are_no_post(stage):
    a = run(stage, "Ông Trần Văn Dũng là Bí thư Tỉnh ủy Lai Châu. Ông từng đảm nhiệm nhiều vị "
                   "trí tại Bộ Tư pháp như chuyên viên, giảng viên, Thứ trưởng Bộ Tư pháp.",
            province="Lai Châu")
    assert posts(a, "Trần Văn Dũng") == {("Bí thư", "Tỉnh ủy Lai Châu"),
                                         ("nguyên Thứ trưởng", "Bộ Tư pháp")}


def test_leaving_the_secretariat_makes_its_post_former(stage):
    a = run(stage, "Đồng chí Đỗ Văn Chín, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, thôi "
                   "tham gia Ban Bí thư khóa XIII. Bộ Chính trị chỉ định đồng chí Đỗ Văn Chín "
                   "tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Thành ủy, giữ chức Bí thư "
                   "Thành ủy Hải Phòng.", province="Hải Phòng")
    assert posts(a, "Đỗ Văn Chín") == {
        ("Ủy viên", "Bộ Chính trị"),
        ("nguyên Bí thư", "Ban Bí thư Trung ương Đảng"),
        ("Ủy viên", "Thành ủy Hải Phòng"),
        ("Ủy viên", "Ban Thường vụ Thành ủy Hải Phòng"),
        ("Bí thư", "Thành ủy Hải Phòng")}


def test_a_body_that_opens_the_sentence_is_the_body_of_its_bare_titles(stage):
    a = run(stage, "Hiện lãnh đạo UBND tỉnh Hậu Giang có Chủ tịch là ông Trần Văn Huyến và 3 Phó "
                   "Chủ tịch gồm các ông: Lê Văn Một, Trương Cảnh Hai. Ủy ban Kiểm tra Tỉnh ủy "
                   "khóa XV gồm 11 ủy viên, bà Nguyễn Thị Ba làm Chủ nhiệm.",
            province="Hậu Giang")
    assert posts(a, "Trần Văn Huyến") == {("Chủ tịch", "Ủy ban nhân dân tỉnh Hậu Giang")}
    assert posts(a, "Trương Cảnh Hai") == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hậu Giang")}
    # (11 ủy viên is a count: no title of hers)
    assert posts(a, "Nguyễn Thị Ba") == {("Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy Hậu Giang")}
    b = run(stage, "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy có ông Lê Văn Tư làm Trưởng đoàn.",
            province="Hậu Giang")
    assert posts(b, "Lê Văn Tư") == set()  # a role in one event


def test_deputies_listed_after_their_head_share_the_heads_body(stage):
    a = run(stage, "Ông Vũ Văn Hùng giữ chức Bí thư Tỉnh ủy Yên Bái. Các Phó Bí thư gồm: ông Đỗ "
                   "Văn Năm và bà Lò Thị Sáu.")
    assert posts(a, "Đỗ Văn Năm") == posts(a, "Lò Thị Sáu") == {("Phó Bí thư", "Tỉnh ủy Yên Bái")}


def test_a_heading_body_gives_each_member_listed_under_it_its_title(stage):
    a = run(stage, "Kết quả bầu cử.\n\nBộ Chính trị:\n\n- Tổng Bí thư Lê Khả Phiêu\n\n- Bộ trưởng "
                   "Bộ Công an Lê Minh Hương\n\nBan Bí thư:\n\n- Trưởng Ban Dân vận TƯ Trương Mỹ "
                   "Hoa\n\nỦy ban Kiểm tra TƯ gồm 9 người: Nguyễn Thị Xuân Mỹ (Chủ nhiệm Ủy ban "
                   "Kiểm tra TƯ), Đặng Văn Bảy, Hoàng Văn Tám.")
    assert posts(a, "Lê Khả Phiêu") == {("Tổng Bí thư", None)}  # (he heads it)
    assert posts(a, "Lê Minh Hương") == {("Bộ trưởng", "Bộ Công an"), ("Ủy viên", "Bộ Chính trị")}
    assert posts(a, "Trương Mỹ Hoa") == {("Trưởng ban", "Ban Dân vận Trung ương"),
                                         ("Bí thư", "Ban Bí thư Trung ương Đảng")}
    assert posts(a, "Nguyễn Thị Xuân Mỹ") == {("Chủ nhiệm", "Ủy ban Kiểm tra Trung ương")}
    assert posts(a, "Hoàng Văn Tám") == {("Ủy viên", "Ủy ban Kiểm tra Trung ương")}


def test_an_abbreviation_in_brackets_does_not_end_a_chain(stage):
    a = run(stage, "Đoàn do Ủy viên Bộ Chính trị, Chủ tịch Quốc hội (QH) Nguyễn Văn An dẫn đầu.")
    assert posts(a, "Nguyễn Văn An") == {("Ủy viên", "Bộ Chính trị"), ("Chủ tịch", "Quốc hội")}


def test_a_title_before_a_colon_goes_to_each_item_with_its_own_titles(stage):
    a = run(stage, "Cùng đi có các đồng chí Ủy viên Trung ương Đảng: Bộ trưởng Bộ Y tế Lê Văn "
                   "Một; Bộ trưởng Bộ Tư pháp Hà Văn Hai; lãnh đạo các bộ, ngành.")
    assert posts(a, "Lê Văn Một") == {("Ủy viên", "Ban Chấp hành Trung ương Đảng"),
                                      ("Bộ trưởng", "Bộ Y tế")}
    assert posts(a, "Hà Văn Hai") == {("Ủy viên", "Ban Chấp hành Trung ương Đảng"),
                                      ("Bộ trưởng", "Bộ Tư pháp")}


def test_a_career_clause_before_its_subject_gives_former_posts(stage):
    a = run(stage, "Bà Trần Thị Năm bị kỷ luật. Trong thời gian giữ các cương vị Tỉnh ủy viên, "
                   "Giám đốc Sở Y tế, bà Năm đã vi phạm.", province="Bình Phước")
    assert posts(a, "Trần Thị Năm") == {("nguyên Ủy viên", "Tỉnh ủy Bình Phước"),
                                        ("nguyên Giám đốc", "Sở Y tế tỉnh Bình Phước")}


def test_the_posts_of_a_person_who_died_are_former(stage):
    a = run(stage, "Đồng chí Lê Văn Sáu, Ủy viên Bộ Chính trị, nguyên Phó Thủ tướng, sau một thời "
                   "gian lâm bệnh, đồng chí đã từ trần. Ban Lễ tang do Chủ tịch nước Võ Văn Bảy "
                   "làm Trưởng ban. Tổ chức lễ tang Chủ tịch nước Đỗ Văn Tám.")
    assert posts(a, "Lê Văn Sáu") == {("nguyên Ủy viên", "Bộ Chính trị"),
                                      ("nguyên Phó Thủ tướng", None)}
    assert posts(a, "Võ Văn Bảy") == {("Chủ tịch nước", None)}  # (the funeral committee's)
    assert posts(a, "Đỗ Văn Tám") == {("nguyên Chủ tịch nước", None)}


def test_a_decision_before_doi_voi_belongs_to_the_person_after_it(stage):
    a = run(stage, "HĐND tỉnh miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh Bến Tre nhiệm kỳ "
                   "2021-2026 đối với ông Trần Văn Chín. Ban Bí thư chuẩn y tham gia Ban Thường "
                   "vụ Tỉnh ủy Bến Tre đối với ông Lý Văn Mười. UBKT kỷ luật cảnh cáo đối với ông "
                   "Võ Văn Một.")
    assert posts(a, "Trần Văn Chín") == {("nguyên Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bến Tre")}
    assert posts(a, "Lý Văn Mười") == {("Ủy viên", "Ban Thường vụ Tỉnh ủy Bến Tre")}
    assert posts(a, "Võ Văn Một") == set()


def test_terms_an_alternate_seat_and_semicolons_in_an_apposition(stage):
    a = run(stage, "Đồng chí Lê Văn Hai, Ủy viên dự khuyết Ban Chấp hành Trung ương khóa VI, Ủy "
                   "viên Ban Chấp hành Trung ương Đảng các khóa VII, VIII; Bí thư Trung ương Đảng "
                   "khóa VIII; nguyên Trưởng ban Nội chính Trung ương, dự lễ.")
    assert posts(a, "Lê Văn Hai") == {
        ("Ủy viên dự khuyết", "Ban Chấp hành Trung ương Đảng"),
        ("Ủy viên", "Ban Chấp hành Trung ương Đảng"),
        ("Bí thư", "Ban Bí thư Trung ương Đảng"),
        ("nguyên Trưởng ban", "Ban Nội chính Trung ương")}


def test_a_list_item_ends_at_its_line(stage):
    a = run(stage, "- Phó thủ tướng Phạm Văn Ba\n\n- Thứ trưởng Bộ Quốc phòng, Tổng tham mưu "
                   "trưởng Quân đội nhân dân Việt Nam Trần Văn Bốn\n\n- Bố vợ tôi nguyên là viện "
                   "phó Viện Kiểm sát nhân dân tối cao Trần Văn Năm.")
    assert posts(a, "Phạm Văn Ba") == {("Phó Thủ tướng", None)}
    assert posts(a, "Trần Văn Bốn") == {("Thứ trưởng", "Bộ Quốc phòng"),
                                        ("Tổng Tham mưu trưởng", None)}
    assert posts(a, "Trần Văn Năm") == {
        ("nguyên Phó Viện trưởng", "Viện Kiểm sát nhân dân tối cao")}


def test_a_decision_before_doi_voi_goes_to_each_person_of_the_list_after_it(stage):
    a = run(stage, "Bộ trưởng trao quyết định bổ nhiệm 3 Phó Giám đốc Sở Y tế tỉnh Long An đối "
                   "với ông Lê Văn Một, bà Trần Thị Hai và ông Phạm Văn Ba. Ông Võ Văn Bốn dự.")
    for name in ("Lê Văn Một", "Trần Thị Hai", "Phạm Văn Ba"):
        assert posts(a, name) == {("Phó Giám đốc", "Sở Y tế tỉnh Long An")}
    assert posts(a, "Võ Văn Bốn") == set()
    # (an active verb of a decision is a cue only before "đối với")
    b = run(stage, "Giám đốc Sở Nội vụ Lê Văn Năm bổ nhiệm Phó Giám đốc Sở Y tế tỉnh Long An.")
    assert posts(b, "Lê Văn Năm") == {("Giám đốc", "Sở Nội vụ")}


def test_a_pronoun_after_a_birth_name_in_brackets_stands_for_the_person(stage):
    a = run(stage, "Ông Lê Văn Sáu (tên khai sinh Lê Văn Bảy) quê ở Nam Định. Ông từng giữ chức "
                   "Phó Bí thư Tỉnh ủy Ninh Bình.")
    assert posts(a, "Lê Văn Sáu") == {("nguyên Phó Bí thư", "Tỉnh ủy Ninh Bình")}


def test_a_career_list_goes_on_past_a_name_read_short_and_gives_a_post_in_each_place(stage):
    a = run(stage, "Ông Lê Văn Tám nghỉ hưu. Ông từng giữ các chức vụ: Phó Bí thư Tỉnh ủy Ninh "
                   "Bình, Giám đốc Công an khu III, Bí thư Tỉnh ủy các tỉnh: Nam Định, Thái Bình "
                   "và Hà Nam; Chủ tịch UBND tỉnh Hà Nam.")
    assert posts(a, "Lê Văn Tám") == {
        ("nguyên Phó Bí thư", "Tỉnh ủy Ninh Bình"), ("nguyên Bí thư", "Tỉnh ủy Nam Định"),
        ("nguyên Bí thư", "Tỉnh ủy Thái Bình"), ("nguyên Bí thư", "Tỉnh ủy Hà Nam"),
        ("nguyên Chủ tịch", "Ủy ban nhân dân tỉnh Hà Nam")}


def test_a_career_list_after_qualifiers_and_an_example_word_takes_the_place_written_there(stage):
    a = run(stage, "Ông Lê Văn Chín quê Hưng Yên. Ông từng giữ các vị trí quan trọng tại Sơn La "
                   "như Giám đốc Sở Tài chính, Phó Bí thư Tỉnh ủy.", province="Lai Châu")
    assert posts(a, "Lê Văn Chín") == {("nguyên Giám đốc", "Sở Tài chính tỉnh Sơn La"),
                                       ("nguyên Phó Bí thư", "Tỉnh ủy Sơn La")}
    # (a capitalised word before the example word: no such list)
    b = run(stage, "Ông Lê Văn Mười từng giữ các chức vụ Hà Nội như Giám đốc Sở Y tế.")
    assert posts(b, "Lê Văn Mười") == set()


def test_a_post_of_a_unit_no_longer_in_being_is_former(stage):
    a = run(stage, "Ông Lê Văn Hai, Bí thư Tỉnh ủy Vĩnh Long cũ, Phó Chủ tịch UBND tỉnh Cà Mau, "
                   "dự. Bà Trần Thị Ba làm Phó Chủ tịch UBND tỉnh Bạc Liêu (cũ) từ năm 2024.")
    assert posts(a, "Lê Văn Hai") == {("nguyên Bí thư", "Tỉnh ủy Vĩnh Long"),
                                      ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cà Mau")}
    assert posts(a, "Trần Thị Ba") == {("nguyên Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bạc Liêu")}


def test_an_election_after_a_purpose_word_is_to_come_and_gives_no_post(stage):
    a = run(stage, "Ban Chấp hành giới thiệu đồng chí Lê Văn Tư, Phó Bí thư Thành ủy Cần Thơ để "
                   "HĐND thành phố bầu làm Chủ tịch UBND thành phố Cần Thơ.")
    assert posts(a, "Lê Văn Tư") == {("Phó Bí thư", "Thành ủy Cần Thơ")}
    # (a decision's purpose is a post taken)
    b = run(stage, "Ban Thường vụ quyết định điều động ông Lê Văn Năm để giữ chức Phó Bí thư "
                   "Tỉnh ủy Bến Tre.")
    assert posts(b, "Lê Văn Năm") == {("Phó Bí thư", "Tỉnh ủy Bến Tre")}


def test_a_generic_organisation_ends_before_doi_voi(stage):
    a = run(stage, "Bổ nhiệm 2 Phó Tổng Biên tập Báo Tuổi Trẻ đối với ông Lê Văn Một và bà Trần "
                   "Thị Hai.")
    for name in ("Lê Văn Một", "Trần Thị Hai"):
        assert posts(a, name) == {("Phó Tổng Biên tập", "Báo Tuổi Trẻ")}


def test_a_passive_decision_before_a_cue_gives_the_post(stage):
    a = run(stage, "Ông Lê Văn Ba, Phó Giám đốc Sở Tài chính tỉnh Long An, được điều động giữ "
                   "chức vụ Giám đốc Sở Nội vụ tỉnh Long An. Bà Trần Thị Tư được phân công làm "
                   "Phó Chủ tịch UBND tỉnh Long An.")
    assert posts(a, "Lê Văn Ba") == {("Phó Giám đốc", "Sở Tài chính tỉnh Long An"),
                                     ("Giám đốc", "Sở Nội vụ tỉnh Long An")}
    assert posts(a, "Trần Thị Tư") == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Long An")}
    cues = decision_cues()
    assert cues["được điều động"] == CURRENT and cues["giữ chức vụ"] == CURRENT
    assert "được bầu giữ chức" not in cues  # (it would leave "vụ" of "chức vụ" unread)


def test_former_ministries_and_national_abbreviations_are_organisations(stage):
    a = run(stage, "Bộ trưởng Bộ Thủy sản Lê Văn Một và Bộ trưởng Bộ VH-TT Trần Văn Hai dự. Phó "
                   "Tổng Giám đốc NHCSXH Phạm Văn Ba phát biểu. Hiệu trưởng Trường THPT Trần Hưng "
                   "Đạo dự.")
    assert posts(a, "Lê Văn Một") == {("Bộ trưởng", "Bộ Thủy sản")}
    assert posts(a, "Trần Văn Hai") == {("Bộ trưởng", "Bộ Văn hóa - Thông tin")}
    # ("xã hội" is no commune; a bank is named after no one: the name after it is the holder)
    assert posts(a, "Phạm Văn Ba") == {("Phó Tổng Giám đốc", "Ngân hàng Chính sách xã hội")}
    assert not any(p["name"] == "Trần Hưng Đạo" for p in a.people)


def test_a_decision_for_a_list_after_cho_gives_each_the_post_and_a_deputy_his_heads_body(stage):
    a = run(stage, "Bộ trưởng Bộ Y tế Lê Văn Một dự. Thủ tướng trao quyết định bổ nhiệm 2 Thứ "
                   "trưởng cho các ông, bà: Trần Văn Hai, Phạm Thị Ba. Ông Võ Văn Bốn dự.")
    for name in ("Trần Văn Hai", "Phạm Thị Ba"):
        assert posts(a, name) == {("Thứ trưởng", "Bộ Y tế")}
    assert posts(a, "Võ Văn Bốn") == set()


def test_the_standing_body_of_a_central_committee_or_a_cell_and_army_abbreviations(stage):
    a = run(stage, "Thượng tướng Lê Văn Một, Ủy viên Thường vụ Quân ủy Trung ương, Thứ trưởng Bộ "
                   "Quốc phòng dự. Ông Trần Văn Hai, Ủy viên Thường vụ Đảng ủy Quân khu 7, dự. "
                   "Ông Phạm Văn Ba, Chính ủy BTL Thủ đô, dự.")
    assert posts(a, "Lê Văn Một") == {("Ủy viên", "Ban Thường vụ Quân ủy Trung ương"),
                                      ("Thứ trưởng", "Bộ Quốc phòng")}
    assert posts(a, "Trần Văn Hai") == {("Ủy viên", "Ban Thường vụ Đảng ủy Quân khu 7")}
    assert posts(a, "Phạm Văn Ba") == {("Chính ủy", "Bộ Tư lệnh Thủ đô")}


def test_a_capitalised_stop_word_in_a_name_and_a_title_inside_a_boards_name(stage):
    a = run(stage, "Cục trưởng Cục Báo chí Lê Văn Bốn trả lời. Thay mặt Ban Giám đốc CATP Hà "
                   "Nội, Thiếu tướng Trần Văn Năm, Phó Giám đốc CATP Hà Nội phát biểu.")
    assert posts(a, "Lê Văn Bốn") == {("Cục trưởng", "Cục Báo chí")}
    assert posts(a, "Trần Văn Năm") == {("Phó Giám đốc", "Công an thành phố Hà Nội")}


def test_an_assistants_post_is_named_by_the_post_of_the_person_after_it(stage):
    a = run(stage, "Thủ tướng bổ nhiệm ông Lê Văn Một, Thư ký đồng chí Trần Văn Hai, Ủy viên Bộ "
                   "Chính trị, Phó Thủ tướng Chính phủ, giữ chức Trợ lý đồng chí Trần Văn Hai, "
                   "Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ.")
    assert posts(a, "Lê Văn Một") == {("Thư ký", "Phó Thủ tướng"), ("Trợ lý", "Phó Thủ tướng")}
    assert posts(a, "Trần Văn Hai") == {("Ủy viên", "Bộ Chính trị"), ("Phó Thủ tướng", None)}


def test_a_post_given_by_la_in_a_sentence_a_past_marker_opens_is_former(stage):
    a = run(stage, "Trước đó, bà Phạm Thị Ba là Chủ tịch UBND tỉnh Long An, còn Bí thư Tỉnh ủy "
                   "Long An là ông Phạm Văn Bốn. Hiện nay, Bí thư Tỉnh ủy Long An là ông Lê Văn "
                   "Năm.")
    assert posts(a, "Phạm Văn Bốn") == {("nguyên Bí thư", "Tỉnh ủy Long An")}
    assert posts(a, "Lê Văn Năm") == {("Bí thư", "Tỉnh ủy Long An")}


def test_an_organisation_after_a_title_goes_on_where_its_name_does(stage):
    # the head a title holds, the country closing a national body, a ministry after a dash,
    # a department's name with an en dash
    a = run(stage, "Ông Lương Văn Một, Cục trưởng Quản lý Khám chữa bệnh cho biết; ông Phạm Văn "
                   "Hai, Phó Tổng Giám đốc BHXH Việt Nam đánh giá; ông Nguyễn Văn Ba, Tổng cục "
                   "trưởng Tổng cục Đường bộ Việt Nam - Bộ GTVT, cho biết; ông Trần Văn Bốn, Phó "
                   "Giám đốc Sở Giao thông – Vận tải tỉnh Phú Yên giải thích.")
    assert posts(a, "Lương Văn Một") == {("Cục trưởng", "Cục Quản lý Khám chữa bệnh")}
    assert posts(a, "Phạm Văn Hai") == {("Phó Tổng Giám đốc", "Bảo hiểm xã hội Việt Nam")}
    assert posts(a, "Nguyễn Văn Ba") == {
        ("Tổng cục trưởng", "Tổng cục Đường bộ Việt Nam Bộ Giao thông vận tải")}
    assert posts(a, "Trần Văn Bốn") == {("Phó Giám đốc", "Sở Giao thông vận tải tỉnh Phú Yên")}


def test_a_head_in_the_title_gives_no_post_where_the_place_is_written_short(stage):
    # "Q.Tây Hồ": the place is written but unread, so no unplaced post ("TP.Quy Nhơn" is
    # read: thành phố Quy Nhơn)
    a = run(stage, "Ông Lê Hồng Năm, Trưởng phòng GD-ĐT Q.Tây Hồ (Hà Nội), cho biết; ông Nguyễn "
                   "Đức Sáu được bổ nhiệm làm Trưởng phòng TN-MT TP.Quy Nhơn.")
    assert posts(a, "Lê Hồng Năm") == set()
    assert posts(a, "Nguyễn Đức Sáu") == {
        ("Trưởng phòng", "Phòng Tài nguyên và Môi trường thành phố Quy Nhơn")}


def test_a_title_before_a_country_is_that_countrys_post(stage):
    a = run(stage, "Thủ tướng Nguyễn Văn Bảy tiếp Thủ tướng Lào Thongloun Sisoulith và Bộ trưởng "
                   "Quốc phòng Nhật Bản Itsunori Onodera; Tổng Bí thư, Chủ tịch nước Lào "
                   "Bounnhang Vorachith cũng dự. Trước đó, ông Kim Jong-un, bộ trưởng Ngoại giao "
                   "Triều Tiên trả lời báo giới.")
    assert posts(a, "Nguyễn Văn Bảy") == {("Thủ tướng", None)}
    assert posts(a, "Thongloun Sisoulith") == {("Thủ tướng", "Lào")}
    assert posts(a, "Itsunori Onodera") == {("Bộ trưởng", "Bộ Quốc phòng Nhật Bản")}
    assert posts(a, "Bounnhang Vorachith") == {("Tổng Bí thư", "Lào"), ("Chủ tịch nước", "Lào")}
    assert posts(a, "Kim Jong-un") == set()  # (a lower-case title after a comma: a clause)


def test_a_firm_written_by_its_brand_alone(stage):
    a = run(stage, "Tòa xử Nguyễn Xuân Tám (cựu Tổng giám đốc Oceanbank) và ông Nguyễn Hưng Chín, "
                   "Tổng giám đốc TPBank cho biết; ông Lê Văn Mười, Giám đốc CDC Hà Nội, nói.")
    assert posts(a, "Nguyễn Xuân Tám") == {("nguyên Tổng Giám đốc", "Oceanbank")}
    assert posts(a, "Nguyễn Hưng Chín") == {("Tổng Giám đốc", "TPBank")}
    assert ("Giám đốc", "CDC") not in posts(a, "Lê Văn Mười")
    # a foreign name or a loanword after the title is no firm (no organisation rather than it)
    a = run(stage, "Ông Trần Văn Bình, Chủ tịch Putin, phát biểu. Ông Nguyễn Văn An, Giám đốc "
                   "Smith cho biết. Ông Lê Văn Tư, Chủ tịch Vinachem, nói.")
    assert not any(org in ("Putin", "Smith") for _, org in posts(a, "Trần Văn Bình")
                   | posts(a, "Nguyễn Văn An"))
    assert posts(a, "Lê Văn Tư") == {("Chủ tịch", "Vinachem")}


def test_dated_steps_and_a_promotion_leave_the_earlier_post_former(stage):
    a = run(stage, "Ông Trần Tiến Một quê ở Nam Định. Đầu năm 2019, ông Một được điều động giữ "
                   "chức Phó Bí thư Tỉnh ủy Lai Châu. Tháng 1/2025, ông được Bộ Chính trị điều "
                   "động giữ chức Bí thư Tỉnh ủy Vĩnh Long.\n\nÔng Trần Văn Hai, Phó Giám đốc Sở "
                   "Y tế tỉnh Nam Định được bổ nhiệm giữ chức Giám đốc Sở Y tế.")
    assert posts(a, "Trần Tiến Một") == {("nguyên Phó Bí thư", "Tỉnh ủy Lai Châu"),
                                         ("Bí thư", "Tỉnh ủy Vĩnh Long")}
    assert posts(a, "Trần Văn Hai") == {("nguyên Phó Giám đốc", "Sở Y tế tỉnh Nam Định"),
                                        ("Giám đốc", "Sở Y tế tỉnh Nam Định")}


def test_boards_of_earlier_terms_and_the_governor_are_posts(stage):
    a = run(stage, "Ông Đào Văn Một, Phó trưởng Ban Tư tưởng - Văn hóa Trung ương cho biết. Trước "
                   "đó, ông Lê Minh Hai từng giữ chức Thống đốc Ngân hàng Nhà nước Việt Nam.")
    assert posts(a, "Đào Văn Một") == {("Phó Trưởng ban", "Ban Tư tưởng - Văn hóa Trung ương")}
    assert posts(a, "Lê Minh Hai") == {("nguyên Thống đốc", "Ngân hàng Nhà nước Việt Nam")}


def test_a_title_with_a_place_for_its_body_is_that_places_committee_or_uy_ban(stage):
    a = run(stage, "Bí thư Đồng Nai Nguyễn Phú Một cho biết. Bí thư TP.HCM Đinh Văn Hai phát biểu. "
                   "Phó Chủ tịch huyện Sóc Sơn Lê Văn Ba có mặt. Chủ tịch Hồ Chí Minh từng dạy "
                   "ông Trần Văn Bốn.")
    assert posts(a, "Nguyễn Phú Một") == {("Bí thư", "Tỉnh ủy Đồng Nai")}
    assert posts(a, "Đinh Văn Hai") == {("Bí thư", "Thành ủy thành phố Hồ Chí Minh")}
    assert posts(a, "Lê Văn Ba") == {("Phó Chủ tịch", "Ủy ban nhân dân huyện Sóc Sơn")}
    assert posts(a, "Trần Văn Bốn") == set()  # (the President's name, bare: no city)


def test_a_head_title_takes_a_body_named_after_its_head(stage):
    # "Trưởng ban" holds the head "Ban": a steering or management board the grammar does
    # not list is read as the name written after it, its number too
    a = run(stage, "Ủy viên Bộ Chính trị, Trưởng ban Kinh tế Trung ương - Trưởng Ban Chỉ đạo "
                   "Tây Nguyên Lê Văn Khải nhấn mạnh. Ông Đào Văn Lợi, Trưởng Ban Chỉ đạo "
                   "Trung ương 9, cho biết. Bà Vi Thị Sen, nguyên Phó Trưởng ban Bồi thường "
                   "giải phóng mặt bằng huyện Mường Tè, dự.")
    assert posts(a, "Lê Văn Khải") == {("Ủy viên", "Bộ Chính trị"),
                                       ("Trưởng ban", "Ban Kinh tế Trung ương"),
                                       ("Trưởng ban", "Ban Chỉ đạo Tây Nguyên")}
    assert posts(a, "Đào Văn Lợi") == {("Trưởng ban", "Ban Chỉ đạo Trung ương 9")}
    assert posts(a, "Vi Thị Sen") == {("nguyên Phó Trưởng ban",
                                       "Ban Bồi thường giải phóng mặt bằng huyện Mường Tè")}


def test_a_body_named_after_its_head_is_none_where_its_name_goes_on_or_is_an_events(stage):
    a = run(stage, "Nhà thơ Hồ Văn Tư, Trưởng Ban Giám khảo, nhận xét. Ông Lò Văn Ba, "
                   "Trưởng ban Tuyên truyền tỉnh ủy, dự. Ông Kiều Văn Chín, Trưởng Ban Kinh "
                   "tế Trung ương2. Lê Văn Mười")
    assert posts(a, "Hồ Văn Tư") == set()
    assert posts(a, "Lò Văn Ba") == set()
    assert posts(a, "Kiều Văn Chín") == set()


def test_a_comma_inside_a_body_s_name(stage):
    # "phòng, chống" and a lower-case item before "và" and a capitalised word are one name
    a = run(stage, "Ông Hà Văn Khoa, Cục trưởng Cục Phòng, chống HIV/AIDS, cho biết. Ông Tạ "
                   "Văn Lâm từng giữ chức Phó cục trưởng Cục Kiểm nghiệm, giám sát chất lượng "
                   "và Kiểm dịch quốc gia. Ông Mạc Văn Sơn, Giám đốc Sở Y tế, các bệnh viện "
                   "và Công an tỉnh đã dự.", province="Lai Châu")
    assert posts(a, "Hà Văn Khoa") == {("Cục trưởng", "Cục Phòng, chống HIV/AIDS")}
    assert posts(a, "Tạ Văn Lâm") == {
        ("nguyên Phó Cục trưởng", "Cục Kiểm nghiệm, giám sát chất lượng và Kiểm dịch quốc gia")}
    assert posts(a, "Mạc Văn Sơn") == {("Giám đốc", "Sở Y tế tỉnh Lai Châu")}


def test_a_comma_joins_a_name_only_with_a_word_taken_in_after_it(stage):
    # a gift verb ends the name; a name cut inside "phòng, chống" is none (no "Cục Phòng,",
    # no "Ban Chỉ đạo phòng")
    a = run(stage, "Sáng 5/10/2023, ông Nguyễn Văn An - Cục trưởng Cục Phòng, chống thiên tai "
                   "tặng hoa chúc mừng đoàn. Ông Trần Văn Bảy - Cục trưởng Cục Phòng, chống "
                   "thiên tai chúc mừng đoàn công tác của tỉnh bạn.")
    assert posts(a, "Nguyễn Văn An") == {("Cục trưởng", "Cục Phòng, chống thiên tai")}
    assert posts(a, "Trần Văn Bảy") == set()
    a = run(stage, "Ông Nguyễn Văn An, Trưởng Ban Chỉ đạo phòng, chống tham nhũng tỉnh tặng quà "
                   "cho các gia đình. Ông Lê Văn Tư, Trưởng Ban Chỉ đạo Tây Bắc, phát biểu. Bà "
                   "Đỗ Thị Lan, Giám đốc Trung tâm Bảo trợ xã hội trao quà cho các cụ.")
    assert posts(a, "Nguyễn Văn An") == set()
    assert posts(a, "Lê Văn Tư") == {("Trưởng ban", "Ban Chỉ đạo Tây Bắc")}
    assert posts(a, "Đỗ Thị Lan") == {("Giám đốc", "Trung tâm Bảo trợ xã hội")}
    assert not any(o["name"].endswith(",") for o in a.organizations)
    # a council that considers awards keeps its name ('xét tặng': orgs.json name_phrases)
    a = run(stage, "Ông Nguyễn Văn An, Chủ tịch Hội đồng xét tặng danh hiệu Nghệ nhân nhân dân "
                   "tỉnh, phát biểu.")
    assert {o for _, o in posts(a, "Nguyễn Văn An")} == {
        "Hội đồng xét tặng danh hiệu Nghệ nhân nhân dân"}


def test_a_city_glued_to_its_abbreviated_type_word_or_holding_a_surname(stage):
    # "TP.Vinh" is thành phố Vinh; "Ma" of "Buôn Ma Thuột" opens no person's name
    a = run(stage, "Ông Tô Văn Hải, Bí thư Thành ủy TP.Vinh, tỉnh Nghệ An cho biết. Ông Lò "
                   "Văn Khánh, Chủ tịch UBND thành phố Buôn Ma Thuột, dự.")
    assert posts(a, "Tô Văn Hải") == {("Bí thư", "Thành ủy Vinh")}
    assert posts(a, "Lò Văn Khánh") == {("Chủ tịch", "Ủy ban nhân dân thành phố Buôn Ma Thuột")}
    assert {p["name"] for p in a.people} == {"Tô Văn Hải", "Lò Văn Khánh"}


def test_no_chain_starts_inside_a_longer_title_nor_ends_on_an_unread_name(stage):
    # "Bí thư" of "Tổng Bí thư Trường Sơn" is no post with a school "Trường Sơn" for the
    # next name; "Tổng Bí thư" right before two capitalised words is that name's title
    a = run(stage, "Từ trái sang: Chủ nhiệm Tổng cục Chính trị Đoàn Văn Tâm, Tổng Bí thư "
                   "Trường Sơn, Phó Thủ tướng Lại Văn Hiếu tại chiến khu. Ông Đoàn Văn Tâm, "
                   "Thủ tướng Chính phủ, dự.")
    assert posts(a, "Đoàn Văn Tâm") == {("Chủ nhiệm", "Tổng cục Chính trị"), ("Thủ tướng", None)}
    assert posts(a, "Lại Văn Hiếu") == {("Phó Thủ tướng", None)}


def test_a_deputy_of_a_national_title_is_one_too(stage):
    a = run(stage, "Phó tổng kiểm toán nhà nước Hà Văn Dũng và Phó Tổng Thanh tra Chính phủ "
                   "Tăng Văn Hòa dự.")
    assert posts(a, "Hà Văn Dũng") == {("Phó Tổng Kiểm toán", None)}
    assert posts(a, "Tăng Văn Hòa") == {("Phó Tổng Thanh tra", None)}


def test_a_branch_in_a_place_is_its_own_organisation(stage):
    a = run(stage, "Ông Lý Văn Tài, Phó Giám đốc NHNN Chi nhánh Hà Giang, cho biết. Bà Đinh "
                   "Thị Hoa, Giám đốc Ngân hàng Chính sách xã hội chi nhánh tỉnh Lai Châu, dự. "
                   "Ông Lục Văn Tám, Giám đốc Ngân hàng Nhà nước chi nhánh Sở Giao dịch, dự.")
    assert posts(a, "Lý Văn Tài") == {
        ("Phó Giám đốc", "Ngân hàng Nhà nước chi nhánh tỉnh Hà Giang")}
    assert posts(a, "Đinh Thị Hoa") == {
        ("Giám đốc", "Ngân hàng Chính sách xã hội chi nhánh tỉnh Lai Châu")}
    assert posts(a, "Lục Văn Tám") == set()  # (no branch read: not the whole bank's)


def test_an_institution_named_after_a_person_in_a_chain_after_its_holder(stage):
    # the holder is named before the comma: the name after "Trường THPT" is the school's
    a = run(stage, "Ông Phí Văn Lực, nguyên Hiệu trưởng Trường THPT Lê Lợi (Thanh Hóa), cho "
                   "biết. Bà Mẫn Thị Hồng, Hiệu trưởng Trường Tiểu học Ngô Sĩ Liên, phát biểu.")
    assert posts(a, "Phí Văn Lực") == {("nguyên Hiệu trưởng", "Trường THPT Lê Lợi")}
    assert posts(a, "Mẫn Thị Hồng") == {("Hiệu trưởng", "Trường Tiểu học Ngô Sĩ Liên")}


def test_a_name_after_an_institution_that_goes_on_into_the_sentence_is_its_holder(stage):
    a = run(stage, "Ông Phí Văn Lực, Giám đốc Trung tâm Văn hóa Nguyễn Văn Bình cho biết.")
    assert posts(a, "Phí Văn Lực") == set()


def test_an_age_after_the_name_is_passed_over_to_the_posts_after_it(stage):
    a = run(stage, "Đại biểu trẻ nhất là Mai Văn Lộc, 31 tuổi, Chủ tịch UBND xã Ea Tul, huyện "
                   "Cư M'gar. Bị cáo Kha Văn Tiến (SN 1968), nguyên Giám đốc Sở Xây dựng tỉnh "
                   "Sơn La, bị truy tố. Ông Ngụy Văn Sáu, 55 tuổi, ở xã Mường Bú, cho biết.")
    assert posts(a, "Mai Văn Lộc") == {("Chủ tịch", "Ủy ban nhân dân xã Ea Tul")}
    assert posts(a, "Kha Văn Tiến") == {("nguyên Giám đốc", "Sở Xây dựng tỉnh Sơn La")}
    assert posts(a, "Ngụy Văn Sáu") == set()


def test_an_age_between_two_names_of_a_list_gives_the_post_between_to_neither(stage):
    # "A (46 tuổi), Vụ trưởng … B (47 tuổi)": the post is B's, never A's
    a = run(stage, "Trúng cử có Phó giám đốc Sở Y tế tỉnh Lào Cai Triệu Văn Phúc (46 tuổi), "
                   "Vụ trưởng Vụ Các tổ chức quốc tế Hứa Văn Tâm (47 tuổi).")
    assert ("Vụ trưởng", "Vụ Các tổ") not in posts(a, "Triệu Văn Phúc")
    assert posts(a, "Triệu Văn Phúc") == {("Phó Giám đốc", "Sở Y tế tỉnh Lào Cai")}


def test_a_lower_case_descriptor_that_opens_the_brackets_after_a_name(stage):
    a = run(stage, "Đoàn thăm ông Lạc Văn Hùng ( thương binh 2/4, nguyên Phó Giám đốc Sở Y tế "
                   "tỉnh Bạc Liêu ); bà Lã Thị Mai (chị ruột ông Tùng, Giám đốc Sở Tư pháp).")
    assert posts(a, "Lạc Văn Hùng") == {("nguyên Phó Giám đốc", "Sở Y tế tỉnh Bạc Liêu")}
    assert posts(a, "Lã Thị Mai") == set()


def test_a_cell_written_alone_is_a_post_as_written(stage):
    # ("Bí thư chi bộ - Giám đốc Trung tâm": the centre's cell, the centre as written)
    a = run(stage, "Dự có đồng chí Lưu Văn Khải, Bí thư chi bộ - Giám đốc Trung tâm; bà Tòng "
                   "Thị Én, Bí thư Chi đoàn, phát biểu. Ông Lưu Văn Khải, Bí thư, phát biểu.")
    assert posts(a, "Lưu Văn Khải") == {("Bí thư", "Chi bộ Trung tâm"),
                                        ("Giám đốc", "Trung tâm")}
    assert posts(a, "Tòng Thị Én") == {("Bí thư", "Chi đoàn")}


def test_vn_is_viet_nam_and_two_words_after_a_unit_s_type_word_are_its_name(stage):
    a = run(stage, "- Thứ trưởng Bộ Quốc phòng, Tổng tham mưu trưởng Quân đội nhân dân VN Lò "
                   "Văn Giàng. Ông Đàm Văn Lý, Phó Chủ tịch UBND xã Triệu Ái, cho biết. Chủ "
                   "tịch UBND xã Nguyễn Văn Hoàn cho biết.")
    assert posts(a, "Lò Văn Giàng") == {("Thứ trưởng", "Bộ Quốc phòng"),
                                        ("Tổng Tham mưu trưởng", None)}
    assert posts(a, "Đàm Văn Lý") == {("Phó Chủ tịch", "Ủy ban nhân dân xã Triệu Ái")}
    assert posts(a, "Nguyễn Văn Hoàn") == {("Chủ tịch", "Ủy ban nhân dân xã")}


def test_two_words_that_end_a_firm_s_name_are_no_person(stage):
    # "… Công ty cổ phần Đầu tư và xây dựng giao thông Hòa Bình,": the firm's name; a
    # person named after a public body keeps the post
    a = run(stage, "Ông Khúc Văn Tùng, Chủ tịch Hội đồng quản trị Công ty cổ phần Đầu tư và "
                   "xây dựng giao thông Mai Linh, cho biết. Giám đốc Sở Y tế Lê Hùng cho biết.")
    assert {p["name"] for p in a.people} == {"Khúc Văn Tùng", "Lê Hùng"}
    assert posts(a, "Khúc Văn Tùng") == {
        ("Chủ tịch",
         "Hội đồng quản trị Công ty cổ phần Đầu tư và xây dựng giao thông Mai Linh")}
    assert posts(a, "Lê Hùng") == {("Giám đốc", "Sở Y tế")}


def test_two_words_after_a_firm_s_name_stay_a_person_without_evidence(stage):
    # no name before the chain, the words written nowhere else: a person's two-word name
    a = run(stage, "Sáng 5/10/2023, theo Giám đốc Công ty cổ phần may xuất khẩu Lê Hùng, doanh "
                   "thu năm nay tăng 20%.")
    assert posts(a, "Lê Hùng") == {("Giám đốc", "Công ty cổ phần may xuất khẩu")}
    # a name and a comma before the chain, but the text calls a person by the words
    a = run(stage, "Ông Khúc Văn Tùng, Chủ tịch Công đoàn, Giám đốc Công ty cổ phần may xuất "
                   "khẩu Lê Hùng, cùng dự. Ông Hùng cho biết doanh thu tăng.")
    assert posts(a, "Lê Hùng") == {("Giám đốc", "Công ty cổ phần may xuất khẩu")}
    assert posts(a, "Khúc Văn Tùng") == {("Chủ tịch", "Công đoàn")}


def test_two_words_written_elsewhere_after_a_firm_s_head_are_its_name(stage):
    a = run(stage, "Theo Giám đốc Công ty cổ phần may xuất khẩu Hoàng Long, doanh thu tăng 20%. "
                   "Công ty Hoàng Long có 500 công nhân. Ông thành lập công ty năm 2000.")
    assert a.people == []  # ("ông thành lập": a verb, no person called Long)
    a = run(stage, "Theo Giám đốc Công ty cổ phần may xuất khẩu Hoàng Long, doanh thu tăng 20%. "
                   "Ông Long cho biết Công ty Hoàng Long có 500 công nhân.")
    assert posts(a, "Hoàng Long") == {("Giám đốc", "Công ty cổ phần may xuất khẩu")}


def test_the_council_of_ministers_is_a_body(stage):
    a = run(stage, "Ông Vũ Văn Đông, nguyên Chủ tịch Hội đồng Bộ trưởng, đã đến thăm.")
    assert posts(a, "Vũ Văn Đông") == {("nguyên Chủ tịch", "Hội đồng Bộ trưởng")}


def test_an_organisation_s_head_written_alone_is_kept_as_written(stage):
    a = run(stage, "Dự có đồng chí Khổng Văn Lợi, Phó Giám đốc Trung tâm - Chủ tịch Công đoàn; "
                   "ông Âu Văn Tài, Tổng Giám đốc Tập đoàn. Ông Khổng Văn Lợi, Giám đốc Trung "
                   "tâm Y tế huyện Mường Lát, dự. Ông Âu Văn Tài, Giám đốc Sở, dự.")
    assert posts(a, "Khổng Văn Lợi") == {("Phó Giám đốc", "Trung tâm"), ("Chủ tịch", "Công đoàn"),
                                         ("Giám đốc", "Trung tâm Y tế huyện Mường Lát")}
    assert posts(a, "Âu Văn Tài") == {("Tổng Giám đốc", "Tập đoàn")}


def test_two_words_after_a_firm_s_chain_set_after_a_name_and_a_dash_or_bracket_are_no_person(stage):
    # the chain is the named person's, as after a comma: the two words end the firm's name and
    # never become a person who takes the post
    for text in ("Theo ông Nguyễn Văn An - Chủ tịch HĐQT Công ty cổ phần xây dựng giao thông "
                 "Hoàng Long, doanh thu năm nay tăng 20%.",
                 "Ông Nguyễn Văn An (Chủ tịch HĐQT Công ty cổ phần xây dựng giao thông Hoàng "
                 "Long) cho biết doanh thu tăng."):
        a = run(stage, text)
        assert {p["name"] for p in a.people} == {"Nguyễn Văn An"}, text
        assert {t for t, _ in posts(a, "Nguyễn Văn An")} == {"Chủ tịch"}, text


def test_a_title_that_ends_the_text_ends_the_chain(stage):
    # a chain's last title with nothing after it (a truncated text) had failed the people
    # stage (an index past the last token): the posts before it stay
    a = run(stage, "Ông Nguyễn Văn An, Giám đốc Sở Y tế, Chủ tịch")
    assert ("Giám đốc", "Sở Y tế") in posts(a, "Nguyễn Văn An")


def test_a_board_of_a_peoples_council_is_that_councils():
    from partyx.rules.orgs import NO_CONTEXT
    from partyx.rules.posts import PostParser
    pp = PostParser()
    toks = pp.orgs.words.tokenizer.tokenize("Trưởng Ban Dân tộc HĐND tỉnh Nghệ An, cho biết").toks
    p = pp.post(toks, 0, NO_CONTEXT)
    assert p is not None and p.org is not None
    assert (p.title, p.org.name) == ("Trưởng ban", "Ban Dân tộc Hội đồng nhân dân tỉnh Nghệ An")


def test_central_bodies_and_abbreviations_of_units():
    from partyx.rules.orgs import NO_CONTEXT
    from partyx.rules.posts import PostParser
    pp = PostParser()
    for written, org in (
            ("Tổng Giám đốc Đài Tiếng nói Việt Nam", "Đài Tiếng nói Việt Nam"),
            ("Tư lệnh Cảnh sát biển Việt Nam", "Cảnh sát biển Việt Nam"),
            ("Cục trưởng Cục QLTT tỉnh Nghệ An", "Cục Quản lý thị trường tỉnh Nghệ An"),
            ("Viện trưởng Viện KSND huyện Nghi Lộc", "Viện Kiểm sát nhân dân huyện Nghi Lộc"),
            ("Chỉ huy trưởng Bộ CHQS tỉnh Nghệ An", "Bộ Chỉ huy Quân sự tỉnh Nghệ An")):
        toks = pp.orgs.words.tokenizer.tokenize(written + ", cho biết").toks
        p = pp.post(toks, 0, NO_CONTEXT)
        assert p is not None and p.org is not None and p.org.name == org, written


# -- issue 15, second round (posts11): the org after "của", lower-case and place-named
# bodies, HĐND committees, career lists one post a line, "đồng chí" and "Sau đó" in steps


def test_the_organisation_after_cua_is_the_titles(stage):
    a = run(stage, "Ông Đoàn Văn Khải, Phó Chủ tịch Thường trực của UBND tỉnh Quảng Trị, "
                   "cho biết. Bà Mạc Thị Vân là Chủ tịch của Hội Nông dân tỉnh Quảng Trị.")
    assert posts(a, "Đoàn Văn Khải") == {("Phó Chủ tịch Thường trực",
                                          "Ủy ban nhân dân tỉnh Quảng Trị")}
    assert posts(a, "Mạc Thị Vân") == {("Chủ tịch", "Hội Nông dân tỉnh Quảng Trị")}


def test_cua_before_no_organisation_gives_no_post(stage):
    a = run(stage, "Ông Đoàn Văn Khải, Giám đốc của Sở, cho biết. Ông Lò Văn Sinh, Chủ tịch "
                   "của tỉnh Sơn La, phát biểu. Bà Mạc Thị Vân nhận quà của Chủ tịch Hội "
                   "Nông dân tỉnh.")
    assert posts(a, "Đoàn Văn Khải") == set()
    assert posts(a, "Lò Văn Sinh") == set()
    assert posts(a, "Mạc Thị Vân") == set()


def test_a_body_written_in_lower_case_ends_with_its_place(stage):
    a = run(stage, "Ông Hà Văn Tuấn, Giám đốc bệnh viện đa khoa tỉnh Yên Bái, cho biết. Ông "
                   "Lục Văn Đông, Trưởng ban quản lý dự án đầu tư xây dựng tỉnh Yên Bái, nói.")
    assert posts(a, "Hà Văn Tuấn") == {("Giám đốc", "Bệnh viện đa khoa tỉnh Yên Bái")}
    assert posts(a, "Lục Văn Đông") == {
        ("Trưởng ban", "Ban Quản lý dự án đầu tư xây dựng tỉnh Yên Bái")}


def test_a_lower_case_body_with_no_place_or_a_place_word_before_it_is_none(stage):
    a = run(stage, "Ông Hà Văn Tuấn, Giám đốc bệnh viện cho biết đã đủ thuốc. Ông Lục Văn "
                   "Đông, Giám đốc công ty ở tỉnh Yên Bái, cho biết.")
    assert posts(a, "Hà Văn Tuấn") == set()
    assert posts(a, "Lục Văn Đông") == set()


def test_an_organisation_named_after_a_ward_is_no_persons_name(stage):
    a = run(stage, "Ông Kiều Văn Lực, Giám đốc Bệnh viện Bạch Mai, cho biết đã sẵn sàng.")
    assert posts(a, "Kiều Văn Lực") == {("Giám đốc", "Bệnh viện Bạch Mai")}
    assert [p["name"] for p in a.people] == ["Kiều Văn Lực"]


def test_a_committee_of_the_hdnd_with_a_dash_is_the_hdnds(stage):
    a = run(stage, "Bà Thái Thị Mơ, Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh Bến Tre, phát "
                   "biểu. Ông Vi Văn Toản, Trưởng Ban Kinh tế Tỉnh ủy Bến Tre, dự.")
    assert posts(a, "Thái Thị Mơ") == {("Trưởng ban",
                                        "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Bến Tre")}
    assert posts(a, "Vi Văn Toản") == {("Trưởng ban", "Ban Kinh tế Tỉnh ủy Bến Tre")}


def test_a_career_list_one_post_a_line_after_its_cue(stage):
    a = run(stage, "Trước khi được bổ nhiệm, ông Quách Văn Lợi từng giữ các chức vụ sau:\n\n"
                   "1. Phó Giám đốc Sở Nội vụ tỉnh Hòa Bình;\n"
                   "2. Bí thư Huyện ủy Lạc Sơn (2012 - 2016);\n"
                   "3. Giám đốc Sở Nội vụ tỉnh Hòa Bình (từ năm 2016 đến nay).\n\n"
                   "Hội nghị cũng đã bầu bổ sung Ủy viên Ban Thường vụ.")
    assert posts(a, "Quách Văn Lợi") == {("nguyên Phó Giám đốc", "Sở Nội vụ tỉnh Hòa Bình"),
                                         ("nguyên Bí thư", "Huyện ủy Lạc Sơn"),
                                         ("Giám đốc", "Sở Nội vụ tỉnh Hòa Bình")}


def test_a_career_list_ends_at_a_line_that_is_no_post_or_names_another(stage):
    a = run(stage, "Ông Quách Văn Lợi cho biết các chức vụ:\nPhó Giám đốc Sở Nội vụ tỉnh Hòa "
                   "Bình đã đến.\n\nÔng Tạ Văn Hòa từng giữ các chức vụ:\n- Bí thư Huyện ủy "
                   "Lạc Sơn;\nNăm nay, đơn vị đã hoàn thành kế hoạch.\nGiám đốc Sở Nội vụ "
                   "tỉnh Hòa Bình.")
    assert posts(a, "Quách Văn Lợi") == set()
    assert posts(a, "Tạ Văn Hòa") == {("nguyên Bí thư", "Huyện ủy Lạc Sơn")}


def test_dong_chi_before_a_cue_is_the_subject_of_a_dated_step(stage):
    a = run(stage, "Đồng chí Ninh Văn Cẩn từng là Bí thư Huyện ủy Kim Sơn. Năm 2015, đồng chí "
                   "được bầu giữ chức Phó Bí thư Tỉnh ủy Ninh Bình. Đồng chí nhấn mạnh việc "
                   "giữ chức Chủ tịch UBND xã phải gương mẫu.")
    assert posts(a, "Ninh Văn Cẩn") == {("nguyên Bí thư", "Huyện ủy Kim Sơn"),
                                        ("Phó Bí thư", "Tỉnh ủy Ninh Bình")}


def test_a_step_then_after_a_dated_one_is_later(stage):
    a = run(stage, "Bà Đinh Thị Nụ sinh năm 1975. Năm 2012, bà được bổ nhiệm giữ chức Phó Giám "
                   "đốc Sở Nội vụ tỉnh Ninh Bình. Sau đó, bà được bầu làm Chủ tịch Hội Liên "
                   "hiệp Phụ nữ tỉnh Ninh Bình.")
    assert posts(a, "Đinh Thị Nụ") == {
        ("nguyên Phó Giám đốc", "Sở Nội vụ tỉnh Ninh Bình"),
        ("Chủ tịch", "Hội Liên hiệp Phụ nữ tỉnh Ninh Bình")}


def test_a_career_list_after_a_pronoun_of_the_other_gender_is_no_ones(stage):
    a = run(stage, "Ông Tạ Văn Hòa cho biết như vậy.\nBà từng giữ các chức vụ:\n- Bí thư Huyện "
                   "ủy Lạc Sơn;\n\nÔng Quách Văn Lợi phát biểu.\nÔng từng giữ các chức vụ:\n- "
                   "Bí thư Huyện ủy Yên Thủy;")
    assert posts(a, "Tạ Văn Hòa") == set()
    assert posts(a, "Quách Văn Lợi") == {("nguyên Bí thư", "Huyện ủy Yên Thủy")}
