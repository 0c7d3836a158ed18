"""Person names of the genre: cue-less names, names after long or abbreviated organisations,
span errors, the family name Ông, names inside other names, foreign and short names. Each
form with a sentence written for the test (no corpus text)."""

import pytest

from partyx.record import Article, PlaceContext
from partyx.stages.people import People


@pytest.fixture(scope="module")
def stage():
    return People()


def names(stage, text, authors=()):
    a = Article(id="t", source={}, text=text, authors=list(authors))
    a.place_context = PlaceContext(None, None)
    stage(a)
    return [p["name"] for p in a.people]


@pytest.mark.parametrize("text, name", [
    ("Theo ông Trần Văn Lộc, giá lúa đã tăng.", "Trần Văn Lộc"),
    ("Theo bà Lê Thị Mai, việc này cần làm sớm.", "Lê Thị Mai"),
    ("Chúng tôi đến nhà bà Phạm Thị Hoa ở cuối xóm.", "Phạm Thị Hoa"),
])
def test_a_blocker_before_a_cue_word_blocks_nothing(stage, text, name):
    assert names(stage, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Theo Phó Chủ tịch Tổng LĐLĐVN Mai Đức Chính, mục tiêu đã đạt.", "Mai Đức Chính"),
    ("Phó Cục trưởng Cục Phòng, chống HIV/AIDS Phan Thị Hương phát biểu.", "Phan Thị Hương"),
    ("Bộ trưởng Bộ Tài nguyên và Môi trường Đỗ Đức Duy trao quyết định.", "Đỗ Đức Duy"),
    ("Giám đốc Sở KH-ĐT Lê Văn An cho biết như vậy.", "Lê Văn An"),
])
def test_a_name_after_a_long_or_abbreviated_organisation(stage, text, name):
    assert names(stage, text) == [name]


@pytest.mark.parametrize("text", [
    "Trường THPT Lê Quý Đôn được tặng bằng khen.",
    "Phụ huynh Trường tiểu học Chu Văn An phản ánh việc thu tiền.",
    "Ông là hiệu trưởng Trường Đại học Nguyễn Tất Thành từ năm ngoái.",
    "Em học Trường THPT chuyên Trần Đại Nghĩa ở quận 1.",
    "Công ty TNHH Nguyễn Văn Tám nộp thuế đầy đủ.",
    "Nhà tang lễ quốc gia ở số 5 Trần Thánh Tông, Hà Nội.",
    "Bệnh viện thẩm mỹ (số 14/27 Hoàng Dư Khương, phường 12) bị đình chỉ.",
    "Các nữ du kích thuộc trung đội Lê Thị Hồng Gấm chiến đấu dũng cảm.",
])
def test_names_inside_other_names_are_no_people(stage, text):
    assert names(stage, text) == []


def test_a_unit_number_before_a_name_is_no_house_number(stage):
    assert names(stage, "Bí thư Quận 2 Nguyễn Hoài Nam cho biết như vậy.") == ["Nguyễn Hoài Nam"]


@pytest.mark.parametrize("text, want", [
    ("Chủ tịch nước Nguyễn Văn An\n\nHội nghị đã diễn ra tốt đẹp.", ["Nguyễn Văn An"]),
    ("Ông Nguyễn Tùng Bách\nSắp tới, Bộ sẽ tăng cường kiểm tra.", ["Nguyễn Tùng Bách"]),
    ("Danh sách gồm: 1. Hồ Văn An2. Trần Văn Bình3. Lê Thị Hoa.",
     ["Hồ Văn An", "Trần Văn Bình", "Lê Thị Hoa"]),
    ("Khen thưởng các đồng chí Hồ Văn Hải5 và Lê Văn Tám.", ["Hồ Văn Hải", "Lê Văn Tám"]),
    ("Đồng chí Nguyễn Văn O'Neil đến dự.", ["Nguyễn Văn O'Neil"]),
])
def test_a_name_never_crosses_a_line_nor_takes_a_glued_number(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Ba đồng chí nữ là Ông Thị Nguyệt, Hồ Thị Vân và Nguyễn Thị Mai.",
     ["Ông Thị Nguyệt", "Hồ Thị Vân", "Nguyễn Thị Mai"]),
    ("Chủ nhiệm hợp tác xã là Ông Văn Hùng, người gắn bó với xã.", ["Ông Văn Hùng"]),
    ("Ông Nguyễn Văn Hùng cho biết. Ông Văn Hùng là tên thường gọi.", ["Nguyễn Văn Hùng"]),
    ("Phát biểu bế mạc, Đại tá Sa Văn Tâm biểu dương các đội.", ["Sa Văn Tâm"]),
])
def test_the_family_name_ong_and_unlisted_family_names(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Bộ trưởng tiếp ngài Akif Ayhan, Đại sứ Thổ Nhĩ Kỳ tại Việt Nam.", ["Akif Ayhan"]),
    ("Sau chuyến thăm của Thủ tướng Thổ Nhĩ Kỳ Binali Yildirim, hai bên đã ký kết.",
     ["Binali Yildirim"]),
    ("Tổng thống Mỹ Donald Trump cho biết ông sẽ đến.", ["Donald Trump"]),
    ("Thủ tướng Đức Angela Merkel phản ứng.", ["Angela Merkel"]),
    ("Nhà lãnh đạo Triều Tiên Kim Jong-un tuyên bố.", ["Kim Jong-un"]),
    ("Bộ trưởng Ngoại giao Triều Tiên Ri Yong-ho cho rằng như vậy.", ["Ri Yong-ho"]),
    ("Chiếc máy bay của Tổng thống Dwight D. Eisenhower được giữ lại.",
     ["Dwight D. Eisenhower"]),
    ("Đại sứ Việt Nam tại Hà Lan Ngô Thị Hòa đã tham dự hội thảo.", ["Ngô Thị Hòa"]),
    ("Tổng Giám đốc Vietcombank Nguyễn Thanh Tùng phát biểu.", ["Nguyễn Thanh Tùng"]),
    ("Tổng thư ký Liên hợp quốc António Guterres kêu gọi các bên.", ["António Guterres"]),
    ("Tổng thư ký Liên hợp quốc kêu gọi các bên kiềm chế.", []),
])
def test_foreign_names_after_a_cue_a_title_or_a_country(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text", [
    "Giám đốc Lixil Việt Nam phát biểu khai mạc.",
    "Cảnh sát Thái Lan đang điều tra vụ việc.",
    "Sản phẩm mới của Facebook Messenger ra mắt hôm qua.",
])
def test_a_foreign_word_alone_is_no_name(stage, text):
    assert names(stage, text) == []


def test_syllables_tell_vietnamese_spelling_from_foreign():
    from partyx.lang.syllables import is_syllable

    native = ["Nguyễn", "Nghiêm", "Quyết", "Khuyến", "Giữ", "gìn", "Thuở", "Ngoẹo"]
    foreign = ["Donald", "Trump", "Lee", "Jong", "Putin", "Ksor", "Yildirim"]
    assert all(map(is_syllable, native))
    assert not any(map(is_syllable, foreign))


@pytest.mark.parametrize("text, want", [
    ("Hội nghị có sự tham dự của các ông Trần Văn Lộc, Lê Hòa và bà Phạm Thị Mai.",
     ["Trần Văn Lộc", "Lê Hòa", "Phạm Thị Mai"]),
    ("Dự lễ có các đồng chí: Nông Đức Mạnh, Tổng Bí thư; Đỗ Mười, Lê Khả Phiêu, nguyên "
     "Tổng Bí thư.", ["Nông Đức Mạnh", "Đỗ Mười", "Lê Khả Phiêu"]),
    ("Ban chỉ đạo gồm Nguyễn Văn Hải (Trưởng ban), Trần Hòa và Lê Thị Thu.",
     ["Nguyễn Văn Hải", "Trần Hòa", "Lê Thị Thu"]),
])
def test_a_two_word_name_in_a_list_of_people(stage, text, want):
    assert names(stage, text) == want


def test_a_two_word_name_alone_needs_a_cue(stage):
    assert names(stage, "Hà Giang, Lê Lợi và Trần Phú là những tên quen thuộc.") == []


@pytest.mark.parametrize("text, want", [
    ("Nạn nhân là vợ của ông Giáp Bá Dự, Chánh tòa Hình sự.", ["Giáp Bá Dự"]),
    ("Xác định bà Nguyễn Thị H. (SN 1959) đã vi phạm.", ["Nguyễn Thị H."]),
    ("Người ký là ông Nguyễn Văn A. Hôm sau ông đi họp.", ["Nguyễn Văn A"]),
])
def test_a_sentence_word_or_an_initial_ends_a_name(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Đồng chí Bùi Hữu Lộc tái đắc cử Bí thư Tỉnh Đoàn Hậu Giang.", ["Bùi Hữu Lộc"]),
    ("Cờ vua giành thêm hai huy chương vàng cho đoàn Việt Nam.", []),
    ("Ông Đoàn Thanh Hà và ông Đoàn Văn Long phát biểu.", ["Đoàn Thanh Hà", "Đoàn Văn Long"]),
])
def test_the_surname_doan_before_a_province_is_the_body(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Vua Trần Nhân Tông Phật Hoàng được tưởng niệm.", ["Trần Nhân Tông"]),
    ("Đền thờ Hưng Đạo Đại Vương Trần Quốc Tuấn ở xã bên.", ["Trần Quốc Tuấn"]),
    ("Bạch Ân Bồi Bạch Ân Bồi trước tòa.", ["Bạch Ân Bồi"]),
    ("Vụ Lê Nguyễn Thị Ái Trâm bị khởi tố.", ["Lê Nguyễn Thị Ái Trâm"]),
    ("Họp có Đồng Văn Thanh, Phó Bí thư Thường trực Thành ủy.", ["Đồng Văn Thanh"]),
])
def test_a_name_takes_no_epithet_and_no_repeat(stage, text, want):
    assert names(stage, text) == want


def test_a_name_in_capitals_after_a_cue(stage):
    text = "Ban Chấp hành báo tin:\n\nĐồng chí TRƯƠNG VĨNH TRỌNG\n\nsinh năm 1942."
    assert names(stage, text) == ["Trương Vĩnh Trọng"]


@pytest.mark.parametrize("text, want", [
    ("Đến cửa khẩu quốc gia Ma Lù Thàng hôm qua.", []),
    ("Những con đường Lý Thường Kiệt, Phan Đình Phùng và Trần Phú rợp bóng cây.", []),
    ("Tuyến đường Lê Văn Lương ngập sâu. Lê Văn Lương là tuyến huyết mạch.", []),
    ("Phó Trưởng Ban Quản lý Khu kinh tế mở Chu Lai (KKT mở Chu Lai) giữ chức Phó Giám đốc Sở.",
     []),
    ("Cảnh sát bắt đối tượng Lê Khôi Nguyên (25 tuổi).", ["Lê Khôi Nguyên"]),
])
def test_a_name_blocked_once_stays_a_street(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Hòa thượng Thích Trí Quảng chủ trì đại lễ.", ["Thích Trí Quảng"]),
    ("Bảo vật do NSND Trà Giang trao tặng.", ["Trà Giang"]),
    ("Đồng chí K’Tiêng thay đồng chí Nguyễn Văn Hải giữ chức Phó Chánh án.",
     ["K’Tiêng", "Nguyễn Văn Hải"]),
    ("Tham dự có đồng chí Y Thanh Hà Niê Kđăm, Phó Chủ tịch Quốc hội.", ["Y Thanh Hà Niê Kđăm"]),
])
def test_a_role_or_a_minority_name_after_a_cue(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Bí thư Tỉnh Đoàn Long An Nguyễn Văn Út phát biểu.", ["Nguyễn Văn Út"]),
    ("Chiếc xe do tài xế Đoàn Thanh Hải điều khiển.", ["Đoàn Thanh Hải"]),
    ("Ông Đoàn Thanh Hải nói với phóng viên.", ["Đoàn Thanh Hải"]),
    ("Ca sĩ Đoàn Mỹ Linh biểu diễn.", ["Đoàn Mỹ Linh"]),
])
def test_doan_is_the_body_only_before_a_place_and_never_after_a_cue(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Chánh án TAND huyện Nông Sơn Nguyễn Thị Tám cho biết vụ án đã xử.", ["Nguyễn Thị Tám"]),
    ("Chủ tịch UBND xã Triệu An Lê Văn Hùng ký quyết định.", ["Lê Văn Hùng"]),
    ("Người dân xã Triệu An phản ánh.", []),
    ("Chủ tịch UBND thành phố Huỳnh Đức Thơ chủ trì.", ["Huỳnh Đức Thơ"]),
])
def test_an_unknown_unit_name_before_a_person(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Trần Lâm cho biết dự án đã xong.", ["Trần Lâm"]),
    ("Võ Nam chia sẻ: tôi rất vui.", ["Võ Nam"]),
    ("Hàn Quốc cho biết sẽ tham gia.", []),
    ("Trần Lâm ở lại làm việc.", []),
])
def test_a_two_word_name_that_speaks(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Đêm nhạc có ca sĩ Hồng Nhung và NSND Lan Hương.", ["Hồng Nhung", "Lan Hương"]),
    ("Thủ môn Tấn Trường bắt bóng chắc chắn.", ["Tấn Trường"]),
    ("Bộ ảnh do nhiếp ảnh gia Long Vũ thực hiện.", ["Long Vũ"]),
    ("Giải Nhất thuộc về cặp đôi VĐV Cục Cửa khẩu.", []),
    ("Đêm nhạc có ca sĩ Việt Nam và ca sĩ Hàn Quốc.", []),
    ("Lãnh đạo Sở TT&TT cho biết đã xử lý.", []),
])
def test_a_stage_name_after_a_role_of_the_arts_or_sports(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Đó là chiến dịch do Chủ tịch Trung Quốc Tập Cận Bình khởi xướng.", ["Tập Cận Bình"]),
    ("Thủ tướng Campuchia Hun Sen tiếp đoàn.", ["Hun Sen"]),
    ("Chủ tịch Quốc hội Lào Pany Yathotou dự lễ.", ["Pany Yathotou"]),
    ("Đội tuyển Thái Lan Hoàng Anh gặp khó.", []),
])
def test_a_leader_named_after_a_title_and_a_country(stage, text, want):
    assert names(stage, text) == want


def test_an_address_after_a_residence_word_is_no_person(stage):
    text = "Đối tượng Đào Văn Long (SN 1988, trú tại Bùi Xương Trạch, Khương Đình) ra đầu thú."
    assert names(stage, text) == ["Đào Văn Long"]


@pytest.mark.parametrize("text, name", [
    ("Hiệu trưởng Trường THPT Lê Quý Đôn Nguyễn Văn Bình phát biểu.", "Nguyễn Văn Bình"),
    ("Hiệu trưởng Trường THCS Chu Văn An Lê Hùng cho biết.", "Lê Hùng"),
    ("Bí thư Đảng ủy phường Nguyễn Du Trần Văn Nam cho biết.", "Trần Văn Nam"),
])
def test_a_holder_named_right_after_an_institution_named_for_a_person(stage, text, name):
    assert names(stage, text) == [name]


@pytest.mark.parametrize("text", [
    "Đoàn đi qua đường Nguyễn Thị Minh Khai, rồi về quận.",  # one name of four words
    "Học sinh Trường THCS Phạm Văn Đồng đạt giải.",  # the family name Đồng ends the school's
])
def test_an_institution_named_for_a_person_alone_is_nobody(stage, text):
    assert names(stage, text) == []


def test_the_holder_after_a_school_named_for_a_person_holds_its_post(stage):
    a = Article(id="t", source={}, authors=[],
                text="Hiệu trưởng Trường THPT Lê Quý Đôn Nguyễn Văn Bình phát biểu.")
    a.place_context = PlaceContext(None, None)
    stage(a)
    assert [(p["name"], [(q["title"], q["org"]) for q in p["positions"]]) for p in a.people] == [
        ("Nguyễn Văn Bình", [("Hiệu trưởng", "Trường THPT Lê Quý Đôn")])]


def people(stage, text):
    a = Article(id="t", source={}, text=text, authors=[])
    a.place_context = PlaceContext(None, None)
    stage(a)
    return [(p["name"], p["gender"], p["mentions"]) for p in a.people]


@pytest.mark.parametrize("text, want", [
    ("Theo Trần Văn Lộc, giá lúa đã tăng mạnh.", ["Trần Văn Lộc"]),
    ("Theo Lê Hòa, Giám đốc Sở Tài chính, ngân sách đã cân đối.", ["Lê Hòa"]),
    ("Mùa này, theo Vũ Hải, giá lúa sẽ còn tăng.", ["Vũ Hải"]),
    ("Giá vàng tăng.\nTheo Hoàng Linh (Khám phá)", []),
    ("Giá vàng tăng.\nTheo Mai Lan/baomoi.vn", []),
    ("Xe chạy theo Lê Duẩn, rồi rẽ sang phố khác.", []),
    ("Theo Nghị quyết, các cấp ủy phải thực hiện nghiêm.", []),
])
def test_a_speaker_theo_introduces_is_a_person_a_credit_is_not(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Lê Hòa nói sẽ hoàn thành trong tháng.", ["Lê Hòa"]),
    ("Trần Bình kể lại câu chuyện ở xã.", ["Trần Bình"]),
    ("Nguyễn Hòa (45 tuổi) bị bắt giữ.", ["Nguyễn Hòa"]),
    ("Trần Bình (SN 1980, trú tại xã An Bình) bị khởi tố.", ["Trần Bình"]),
    ("MC Hoàng Oanh dẫn chương trình.", ["Hoàng Oanh"]),
    ("Phú Thọ yêu cầu các huyện báo cáo.", []),
    ("Nhà hàng Hoàng Yến nói không với thực phẩm bẩn.", []),
    ("Công ty Trách nhiệm hữu hạn Hoàng Phát nói sẽ hoàn tiền.", []),
    ("Trần Bình ở lại làm việc.", []),
])
def test_a_two_word_name_that_speaks_or_is_given_an_age(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Bà Thu cho biết gia đình đã nhận tiền hỗ trợ.", [("Thu", "female", 1)]),
    ("Tôi gặp anh Tuấn ở chợ, anh Tuấn kể lại chuyện cũ.", [("Tuấn", "male", 2)]),
    ("Bị cáo Hùng khai nhận toàn bộ hành vi.", [("Hùng", None, 1)]),
    ("Bệnh nhân Hùng đã được xuất viện.", [("Hùng", None, 1)]),
    ("Tổng thống Putin phát biểu tại lễ khai mạc.", [("Putin", None, 1)]),
    ("Anh N.V.T (SN 1980) và chị Đ.T.T.D bị thương.",
     [("N.V.T", "male", 1), ("Đ.T.T.D", "female", 1)]),
    ("Phan Minh dẫn đầu đoàn. Anh Minh cho biết đoàn sẽ về sớm.", [("Phan Minh", "male", 2)]),
])
def test_a_person_known_by_one_name_after_a_cue_or_a_role(stage, text, want):
    assert people(stage, text) == want


@pytest.mark.parametrize("text, want", [
    # two spaces between the cue and the name, once and again
    ("Chúng tôi gặp bà  Thu ở chợ, bà  Thu kể lại chuyện cũ.", [("Thu", "female", 2)]),
    ("Trưởng thôn cho biết chị  Lan đã về. Chị Lan nói vậy.", [("Lan", "female", 2)]),
    ("Theo đ/c Tùng, việc này cần làm sớm.", [("Tùng", None, 1)]),  # a cue with a slash
    ("Sáng nay, thủ môn Lâm bắt chính.", [("Lâm", None, 1)]),  # a role of two words
    # a word that only ends with a cue's letters ("không", "ông") is no cue
    ("Anh ấy nói không Hùng gì cả.", []),
    ("Tin nhắn của ÔNG Hùng gửi tới.", []),  # a cue in capitals inside a sentence
])
def test_the_cue_before_a_lone_name_is_a_whole_word(stage, text, want):
    assert people(stage, text) == want


@pytest.mark.parametrize("text", [
    "Đoàn công tác đến thăm Bà Rịa - Vũng Tàu.",
    "Huyện đảo Cô Tô đón nhiều du khách.",
    "Người dân cúng ông Táo ngày 23 tháng Chạp.",
    "Các cháu xem chị Hằng và chú Cuội.",
    "Anh Hai tôi năm nay đã 60 tuổi.",
    "Cựu cầu thủ Arsenal đã giải nghệ.",
    "Thủ tướng Chính phủ đã ký quyết định.",
    "Tổng thống Mỹ đã đến thăm Hà Nội.",
    "Bệnh nhân THA được quản lý tại trạm y tế.",
    "Bệnh nhân Covid được điều trị tại bệnh viện tỉnh.",
    "Các nạn nhân Ebola được cách ly, bệnh nhân Parkinson được chăm sóc.",
    "Ca sĩ Anh Thơ và Hoàng tử Ếch.",
    "Thiếu tướng Thủy quân lục chiến đến.",
    "Đồng chí Bí thư phát biểu tại hội nghị.",
])
def test_no_one_alone_after_a_cue_where_no_name_is_written(stage, text):
    assert names(stage, text) == []


@pytest.mark.parametrize("text, want", [
    ("Ông Charles Kupchan nhận định, ông Kupchan cho rằng sẽ khó.", ["Charles Kupchan"]),
    ("Đạo diễn Frank de Boer, ông Frank nói, là người dẫn dắt.", []),
    ("Ông Nguyễn Văn Hùng cho biết ông Hùng sẽ đi kiểm tra.", ["Nguyễn Văn Hùng"]),
])
def test_one_word_of_a_longer_name_is_no_second_person(stage, text, want):
    assert names(stage, text) == want


@pytest.mark.parametrize("text, want", [
    ("Du khách đến Nha Trang\nÔng Takeshi Okumura, Giám đốc chi nhánh, cho biết.",
     [("Takeshi Okumura", "male", 1)]),
    ("Lễ hội ở Nha Trang\nBà Lê Thị Hoa phát biểu.", [("Lê Thị Hoa", "female", 1)]),
])
def test_a_cue_opening_a_line_after_a_capitalised_word_is_a_cue(stage, text, want):
    assert people(stage, text) == want


def test_one_known_by_one_word_alone_leads_no_event(tmp_path):
    from partyx.pipeline import build
    from partyx.run.worker import read_article
    path = tmp_path / "a.txt"
    path.write_text("Công bố nghiên cứu mới\n\nHội nghị khoa học diễn ra hôm qua.\n\n"
                    "Bà Shapiro cho biết kết quả nghiên cứu sẽ công bố sớm.\n", encoding="utf-8")
    a = build().run(read_article(path, path.stem).article)
    assert [p["name"] for p in a.people] == ["Shapiro"] and a.event["lead"] is None
