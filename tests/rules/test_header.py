"""The metadata stage: headline, publication time, outlet, bylines, section, body text.

Besides unit cases, a hand-checked sample of the development corpus (baomoi and VNTC files,
read from ``../shared/corpus``): each expected value below was read off the article by a person.
"""

from __future__ import annotations

import pytest

from partyx import io
from partyx.pipeline import Pipeline, build
from partyx.record import Article
from partyx.rules import header
from partyx.rules.header import HeaderReader, parse_published
from partyx.run.worker import read_article
from partyx.stages.clean import Clean
from partyx.stages.metadata import Metadata
from tests.conftest import CORPUS

LEAD = ("Chiều 24/3, Đoàn kiểm tra số 3 của Ban Thường vụ Thành ủy đã kiểm tra công tác quán "
        "triệt, học tập và triển khai thực hiện Nghị quyết tại quận Thanh Xuân.")


MORE = ("Phát biểu tại buổi làm việc, đồng chí Trưởng đoàn đề nghị quận tiếp tục phát huy kết quả "
        "đạt được, khắc phục hạn chế và hoàn thành tốt nhiệm vụ được giao trong thời gian tới.")


@pytest.fixture(scope="module")
def meta() -> HeaderReader:
    return HeaderReader()


def run(text: str) -> Article:
    article = Article(id="x", source={}, raw=io.decode(text.encode()).text)
    Clean()(article)
    Metadata()(article)
    return article


# --- publication time ---------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "expected"), [
    ("24/03/2021 21:54", "2021-03-24T21:54:00+07:00"),
    ("25/12/2021 18:01:00 Thùy Dương", "2021-12-25T18:01:00+07:00"),
    ("Ngày đăng 18/05/2022 | 08:40", "2022-05-18T08:40:00+07:00"),
    ("Thứ năm, 24/3/2021, 21:54 (GMT+7)", "2021-03-24T21:54:00+07:00"),
    ("08:40 | 18-05-2022", "2022-05-18T08:40:00+07:00"),
    ("Cập nhật: 9h05 ngày 1.2.2022", "2022-02-01T09:05:00+07:00"),
    ("2022-05-18 08:40", "2022-05-18T08:40:00+07:00"),
    ("18/05/2022", "2022-05-18"),
    ("31/02/2022 10:00", None),  # no such day
    ("Mít tinh trọng thể mừng Quốc khánh 2/9", None),  # no year: not a date line
])
def test_publication_time_forms(line, expected):
    assert parse_published(line) == expected


def test_place_in_a_date_line_is_no_author():
    article = run(f"Tiêu đề bài viết\nHà Nội, 24/03/2021 21:54\n{LEAD}\n")
    assert article.published == "2021-03-24T21:54:00+07:00" and article.authors == []


def test_date_line_under_the_lead_is_page_metadata():
    second = LEAD.replace("Chiều", "Sáng")
    article = run(f"Tiêu đề bài viết\n{LEAD}\nThứ năm, 24/03/2021 21:54 | Hoàng Phúc\n{second}\n")
    assert article.published == "2021-03-24T21:54:00+07:00"
    assert article.authors == ["Hoàng Phúc"] and article.text == f"{LEAD}\n\n{second}"


def test_published_is_never_taken_from_the_body():
    article = run(f"Tiêu đề bài viết\n{LEAD} Ngày 25/3/2021 lúc 10:00 đoàn họp tiếp.\n")
    assert article.published is None


# --- bylines -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "names", "outlet"), [
    ("Hoàng Phúc", ["Hoàng Phúc"], None),
    ("Hà Hương -Thắng Quang", ["Hà Hương", "Thắng Quang"], None),
    ("Bài và ảnh: Trường Hoàng", ["Trường Hoàng"], None),
    ("Tin, ảnh: Trung Kiên (TTXVN)", ["Trung Kiên"], "Thông tấn xã Việt Nam"),
    ("Theo NGỮ THIÊN (TTXVN/VIETNAM+)", ["Ngữ Thiên"], "Vietnam+"),  # the site that prints it
    ("PGS, TS NGUYỄN VĨNH THẮNG", ["Nguyễn Vĩnh Thắng"], None),
    ("N. Huyền", ["N. Huyền"], None),
    ("Nhóm PV", [], None),
    ("Theo P.V (VNE)", [], "VnExpress"),
    ("Theo TTXVN", [], "Thông tấn xã Việt Nam"),
    ("Nguồn: Báo Nhân Dân", [], "Nhân Dân"),
    ("Nguồn: https://laodongthudo.vn/quan-thanh-xuan-123.html", [], "Lao Động Thủ Đô"),
    ("Thu Hằng / VOV.VN", ["Thu Hằng"], "Đài Tiếng nói Việt Nam"),
    ("TTXVN/Tin Tức", [], "Báo Tin tức"),
    ("Theo Người Lao Động", [], "Người Lao Động"),
    ("Nguồn tin: vtcnews.vn", [], "VTC News"),
    ("Nguồn: TTXVN", [], "Thông tấn xã Việt Nam"),
    ("(Theo Báo Quảng Nam)", [], "Báo Quảng Nam"),
    ("Nguồn GD&TĐ: http://giaoducthoidai.vn/thoi-su/de-nghi-ban-bi-thu-ky-luat-chu-tich-pho"
     "-chu-tich-va-nguyen-chu-tich-tinh-khanh-hoa-123.html", [], "Giáo dục & Thời đại"),
    ("Nguồn: Cổng TTĐT tỉnh Lạng Sơn", [], "Cổng Thông tin điện tử tỉnh Lạng Sơn"),
    ("Thực hiện : Bích Liên Vũ Hiếu", ["Bích Liên", "Vũ Hiếu"], None),  # no separator
    ("Nguyễn Thị Minh Khai", ["Nguyễn Thị Minh Khai"], None),  # one full name
    ("Bài, ảnh: PHƯƠNG LAN", ["Phương Lan"], None),
    ("Bài: Thanh Hà - Ảnh: Minh Đức", ["Thanh Hà", "Minh Đức"], None),
    ("Minh Anh (t/h)", ["Minh Anh"], None),
    ("Kim Oanh – Minh Châu (thực hiện)", ["Kim Oanh", "Minh Châu"], None),
    ("Hoàng Anh - Trung tâm Văn hóa - Thể thao huyện Vị Thủy", ["Hoàng Anh"], None),
    ("Văn Hùng (Ban Tuyên giáo Huyện ủy)", ["Văn Hùng"], None),
    ("Đặng Chung/VOV-Tây Bắc", ["Đặng Chung"], "Đài Tiếng nói Việt Nam"),
    ("Minh Anh - Nguồn: Báo Quảng Nam", ["Minh Anh"], "Báo Quảng Nam"),
    ("Lê Hà (theo TTXVN)", ["Lê Hà"], "Thông tấn xã Việt Nam"),
    ("Nhóm PV Thời sự", [], None),
    ("PV Văn Thanh", ["Văn Thanh"], None),
    ("Anh Tuấn", ["Anh Tuấn"], None),
    ("Theo TTXVN Hoàng Trọng", ["Hoàng Trọng"], "Thông tấn xã Việt Nam"),
    ("Hải Âu (TTXVN/Vietnam+)", ["Hải Âu"], "Vietnam+"),  # the agency's story, Vietnam+'s site
    ("Đức Thọ (TTXVN)", ["Đức Thọ"], "Thông tấn xã Việt Nam"),
    ("Ngọc Huyền (TH)", ["Ngọc Huyền"], None),  # (TH): tổng hợp
    ("Đại tá, TS. Nguyễn Văn Cường", ["Nguyễn Văn Cường"], None),  # a rank, then a degree
    ("TS. Nguyễn Văn An - Học viện Chính trị quốc gia Hồ Chí Minh", ["Nguyễn Văn An"], None),
    ("ThS Lê Thị Bình (Trường Đại học Luật Hà Nội)", ["Lê Thị Bình"], None),
    # leads joined by a dash or a slash
    ("Tin-ảnh: T.Nhân", ["T.Nhân"], None),
    ("Bài - ảnh: Phạm Dũng", ["Phạm Dũng"], None),
    # a family name that some outlet's abbreviation spells in capitals ("CAO": Công an nhân dân)
    ("Cao Cường – Bùi Hiền", ["Cao Cường", "Bùi Hiền"], None),
    ("CAO NGUYÊN - BẢO THẮNG", ["Cao Nguyên", "Bảo Thắng"], None),
    ("HOÀNG NHIÊN-HIẾU MINH", ["Hoàng Nhiên", "Hiếu Minh"], None),  # no blank by the dash
    # a name with its source: a bracket, a slash, a credit glued after it
    ("Kiều Dụ (Theo Sina)", ["Kiều Dụ"], None),
    ("P.Võ (Theo The Nation, Bangkok Post)", ["P.Võ"], None),
    ("Diệu Nga (Ảnh: BTC)", ["Diệu Nga"], None),
    ("Quang Niên (Space.com)", ["Quang Niên"], None),
    ("Đức Quỳnh/Reuters, CNN", ["Đức Quỳnh"], None),
    ("Trang Hồ/ Theo Nikkei, Bloomberg", ["Trang Hồ"], None),
    ("Phương Mai Theo Bright Side", ["Phương Mai"], None),
    ("Trung Hiếu/VOV.VN Theo Daily Mail", ["Trung Hiếu"], "Đài Tiếng nói Việt Nam"),
    ("Hạnh Chi (T/h) Theo Đời sống Plus/GĐVN", ["Hạnh Chi"], "Gia đình Việt Nam"),
    ("Theo Hoàng Linh (Khám phá)", ["Hoàng Linh"], "Khám Phá"),
    ("Theo Quang Huy (Pháp luật TPHCM)", ["Quang Huy"], "Pháp Luật TP.HCM"),
    ("Theo Một Thế Giới", [], "Một Thế Giới"),
    ("Theo TH (Facebook) (Khám Phá)", [], "Khám Phá"),  # a source inside the outlet's credit
    ("Phóng viên Thanh Hà", ["Thanh Hà"], None),
    ("Cộng tác viên Minh Hải", ["Minh Hải"], None),
    ("Thanh Hà (BQN)", ["Thanh Hà"], None),  # an outlet's abbreviation the table may not know
    ("Thanh Hà (Trung tâm Truyền thông - Văn hóa - Thể thao huyện)", ["Thanh Hà"], None),
    ("Theo Hương Giang (Theo CNBC) (Dân Việt)", ["Hương Giang"], "Dân Việt"),
    ("Theo Huệ My/laodongthudo.vn", ["Huệ My"], "Lao Động Thủ Đô"),
    ("Hà Khánh/VOV- TPHCM", ["Hà Khánh"], "Đài Tiếng nói Việt Nam"),  # the outlet's bureau
    ("Anh Dũng - Ảnh: AFC", ["Anh Dũng"], None),
    ("Hồng Nhung lược dịch", ["Hồng Nhung"], None),
    ("Thanh Hà - TTVHTT&TT huyện Núi Thành", ["Thanh Hà"], None),  # the unit written for
    ("Thanh Hà (TTVH-TT huyện Núi Thành)", ["Thanh Hà"], None),
    # a credit naming a source, no person: no author
    ("Theo Daily Mail", [], None),
    ("Theo Sputnik, RT", [], None),
    ("(Theo SCMP)", [], None),
    ("Nguồn Bloomberg", [], None),
    # a reporter's placeholder before the outlet's name: the outlet, no person
    ("PV Báo Hà Giang", [], "Báo Hà Giang"),
    ("Phóng viên Báo Quảng Nam", [], "Báo Quảng Nam"),
    # a byline in brackets
    ("(Phương Lan)", ["Phương Lan"], None),
    ("(Kỳ Duyên)", ["Kỳ Duyên"], None),  # a pen name opening with a series mark's word

    ("[Phương Lan - Minh Anh]", ["Phương Lan", "Minh Anh"], None),
    ("(Tổng hợp)", [], None),
    # a physician's titles and degrees before the name (Thầy thuốc ưu tú, bác sĩ chuyên khoa II)
    ("TTƯT.BSCKII. Nguyễn Văn Bình", ["Nguyễn Văn Bình"], None),
    ("ThS.BS Lê Thị Cúc", ["Lê Thị Cúc"], None),
    # a credit naming someone, or an outlet with its own source, after a slash
    ("(Theo Thời đại/Pursuitist)", [], "Báo Thời Đại"),
    ("Theo Chuyên gia tâm lý Trịnh Văn Hòa/Dân Việt", [], "Dân Việt"),
    ("Theo Hà My/Phụ nữ Sức khỏe", ["Hà My"], None),  # a source in sentence case
    # initials without stops are no name, the outlet after them stays
    ("NT - Thể Thao Việt Nam", [], "Thể thao Việt Nam"),
    # a placeholder written as a lead; a portal's unit after the name is its outlet
    ("Phóng viên: Thanh Hà", ["Thanh Hà"], None),
    ("PV: Thanh Hà", ["Thanh Hà"], None),
    ("HeFa Baodatviet.vn", [], "Báo Đất Việt"),  # a pen name of one word and its outlet
    ("Minh Anh Nguồn: Báo Hà Giang", ["Minh Anh"], "Báo Hà Giang"),  # a credit glued, a colon
    ("Hà Phương - Cổng TTĐT tỉnh Hà Giang", ["Hà Phương"], "Cổng Thông tin điện tử tỉnh Hà Giang"),
    # the credit of who made the page is no author's: an editor, its layout, its graphics
    ("Bài: Minh Anh - Biên tập: Thu Hà", ["Minh Anh"], None),
    ("Nội dung: Minh Anh; Thiết kế: Quang Huy", ["Minh Anh"], None),
    ("Biên tập: Thu Hà", [], None),
    ("Trình bày: Quang Huy", [], None),
    ("(Văn Phong)", ["Văn Phong"], None),  # a pen name in brackets
])
def test_byline_forms(meta, text, names, outlet):
    byline = meta.byline(text)
    assert byline is not None
    assert byline.names == names and byline.outlet == outlet


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn Anh",  # a caption
    "Trung tâm Văn hóa huyện",  # a unit alone
    "Nguyễn Văn An - Bí thư Tỉnh ủy",
    "Nguồn ảnh: TTXVN",  # a photo's source is no reprint credit
    "Theo ông Nguyễn Văn Phong",
    "Theo nhiều người",
    "Trần Văn Bình (xã Hòa Bình, huyện Núi Thành)",  # a person of the story and where he lives
    "Trần Văn Bình - xã Hòa Bình, huyện Núi Thành",
    "Nguồn ảnh: TTXVN",
    "Quang cảnh hội nghị",
    "Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong phát biểu chỉ đạo",
    "Chiều 24/3, đoàn kiểm tra làm việc.",
    "Đảng bộ quận Long Biên",
    "Hà Nội",
    "TP Hồ Chí Minh",
    "(Ông Nguyễn Văn Anh)",  # a caption in brackets
    "(Quang cảnh hội nghị)",
    "Hà Nội/TTXVN",  # a city with its outlet: a place
    # a province before its outlet: where the story is filed from as often as a reporter
    # named like it ("Thái Bình /VOV-Miền Trung")
    "Quảng Ninh/VOV",
    "Hải Dương/TTXVN",
    "Nghệ An/Dân trí",
    "Thái Bình /VOV-Miền Trung",
    # a place in brackets, a series' mark
    "(Hồng Lĩnh)",
    "(Phong Thổ)",
    "(Còn tiếp)",
    "(Kỳ Hai)",
    "(Kỳ 2)",
    "(Kỳ II)",
    "(Phần cuối)",
    "Theo Hà Hà/giới trẻ",
    "NT - XM",  # initials alone
    "HeFa",  # a pen name alone
    # an office in brackets, like a pen name: where the story came from
    "(Văn Phòng)",
    "(Thanh Tra)",
    # the words of a page's credits in a sentence
    "Biên tập viên Thu Hà",
    "Trình bày tham luận tại hội nghị",
    "Thiết kế đô thị",
])
def test_captions_and_sentences_are_no_bylines(meta, text):
    assert meta.byline(text) is None


# --- outlets -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("dateline", "outlet"), [
    ("(LĐTĐ)", "Lao Động Thủ Đô"),
    ("TPO -", "Tiền Phong"),
    ("Kinhtedothi -", "Kinh tế & Đô thị"),
    ("(NLĐ)-", "Người Lao Động"),
    ("(TT) -", "Tuổi Trẻ"),
    ("(TNO)", "Thanh Niên"),
    ("HÀ NỘI (TTXVN) -", "Thông tấn xã Việt Nam"),
    ("(Baonghean.vn) -", "Báo Nghệ An"),
    ("(Chinhphu.vn) -", "Báo Điện tử Chính phủ"),
    ("VOV.VN -", "Đài Tiếng nói Việt Nam"),
    ("(QNO) -", "Báo Quảng Nam"),  # provincial papers' site abbreviations
    ("(HG) -", "Báo Hậu Giang"),
    ("(GLO)-", "Báo Gia Lai"),
    ("BHG -", "Báo Hà Giang"),
    ("HTTV -", "Đài Phát thanh và Truyền hình Hà Tĩnh"),
    ("(PLVN) -", "Pháp luật Việt Nam"),
    ("(Baohatinh.vn) -", "Báo Hà Tĩnh"),
])
def test_dateline_outlets_and_dateline_left_out_of_text(dateline, outlet):
    article = run(f"Tiêu đề bài viết ở đây\n{dateline} {LEAD}\n")
    assert article.outlet == outlet
    assert article.text == LEAD


def test_a_dateline_in_brackets_after_the_sapo_is_found():
    sapo = LEAD + " Hội nghị đã thảo luận, thống nhất nhiều nội dung quan trọng của nhiệm kỳ."
    article = run(f"Tiêu đề bài viết về Đảng\n{sapo}\n(PLO) - {MORE}\n{LEAD}\n")
    assert article.outlet == "Pháp Luật TP.HCM" and article.text.split("\n\n")[1] == MORE
    # after the sapo, an outlet's name and a dash opens no dateline ("Thanh Niên - lực lượng …")
    article = run(f"Tiêu đề bài viết về Đảng\n{sapo}\nThanh Niên - {MORE}\n{LEAD}\n")
    assert article.outlet is None
    caption = "Quang cảnh hội nghị"
    article = run(f"Tiêu đề bài viết về Đảng\n{sapo}\n{caption}\nThanh Niên - {MORE}\n{LEAD}\n")
    assert article.outlet is None
    article = run(f"Tiêu đề bài viết về Đảng\n{sapo}\n{caption}\n(PLO) - {MORE}\n{LEAD}\n")
    assert article.outlet == "Pháp Luật TP.HCM"


def test_dateline_after_a_single_caption_is_found():
    cap = "Phó Bí thư Thường trực Thành ủy Hà Nội phát biểu kết luận hội nghị"
    article = run(f"Lãnh đạo Thành ủy làm việc với quận Ba Đình\n{cap}\nTPO - {LEAD}\n")
    assert article.outlet == "Tiền Phong"
    assert article.text == f"{cap}\n\n{LEAD}"


def test_a_lowercase_body_start_is_no_dateline():
    article = run(f"Tiêu đề\nLao động - việc làm là vấn đề lớn, được đặt ra ở nhiều nơi.\n{LEAD}\n")
    assert article.outlet is None


def test_a_provincial_portal_above_the_headline_is_the_outlet():
    article = run(f"CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN\nTiêu đề bài viết về Đảng\n{LEAD}\n")
    assert article.outlet == "Cổng Thông tin điện tử tỉnh Lạng Sơn"
    assert article.title == "Tiêu đề bài viết về Đảng"


def test_a_credit_at_the_foot_names_the_outlet_when_no_dateline_does():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nPhương Lan\nNguồn tin: vtcnews.vn\n")
    assert (article.outlet, article.authors, article.text) == ("VTC News", ["Phương Lan"], LEAD)
    article = run(f"Tiêu đề bài viết về Đảng\n(QNO) - {LEAD}\nTheo TTXVN\n")
    assert article.outlet == "Báo Quảng Nam"  # the page's own dateline first


def test_a_credit_naming_a_pen_name_and_its_outlet_names_the_outlet():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nTheo Nam/Saostar.vn\n")
    assert (article.outlet, article.authors, article.text) == ("Saostar", [], LEAD)


def test_the_site_name_under_the_headline_is_the_outlet():
    article = run(f"TIN BUỒN\nSGGP\n{LEAD}\n")
    assert (article.title, article.outlet, article.text) == ("TIN BUỒN", "Sài Gòn Giải Phóng", LEAD)


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Trao đổi với PV Pháp Luật TP.HCM, ông Nguyễn Văn Dũng cho biết sẽ xử lý.",
     "Pháp Luật TP.HCM"),
    ("Trả lời Tuổi Trẻ về việc biểu quyết, một nguồn tin cho biết như vậy.", "Tuổi Trẻ"),
    ("Cùng ngày, như Dân Việt đã đưa tin, Ban Thường vụ Thành ủy đã họp.", "Dân Việt"),
    ("Nhân dịp này, Báo Người Lao Động trích đăng bài viết của đồng chí.", "Người Lao Động"),
    ("Thanh Niên đã trao đổi vấn đề này với hai đại biểu của Chính phủ.", "Thanh Niên"),
    ("Trao đổi với phóng viên Báo Quân đội nhân dân, ông Vũ Mão cho biết.", "Quân đội nhân dân"),
    ("Theo Tuổi Trẻ đã đưa tin, ông A bị kỷ luật.", None),  # another outlet, cited
    ("Nhân dân đã trao đổi với cán bộ về việc này.", None),  # the people, not the paper
    ("Trả lời câu hỏi của báo giới, ông A cho biết.", None),
    ("Dịp này, chia sẻ với Báo Quảng Nam, Bí thư Tỉnh ủy khẳng định như vậy.", "Báo Quảng Nam"),
    ("Ông Nguyễn Văn An nói với Thanh Niên rằng đoàn sẽ kiểm tra lại.", "Thanh Niên"),
    ("Như Tuổi Trẻ đã phản ánh, nhiều đảng viên chưa gương mẫu.", "Tuổi Trẻ"),
    ("Vụ việc (NLĐ ngày 12-3 đã thông tin) được xem xét lại.", "Người Lao Động"),
    # an outlet presenting a speech it prints is no reporter of the story
    ("Báo Xây dựng trân trọng giới thiệu cùng bạn đọc bài phát biểu của đồng chí.", None),
    # what the outlet found out itself: its own information, its reporters' notes
    ("Theo thông tin Pháp Luật TP.HCM có được, dự kiến ngày mai UBND TP sẽ họp.",
     "Pháp Luật TP.HCM"),
    ("Theo ghi nhận của phóng viên Báo Lạng Sơn, hội nghị diễn ra trong 2 ngày.",
     "Báo Lạng Sơn"),
    ("Theo tìm hiểu của Tiền Phong, ông A từng giữ chức Bí thư Huyện ủy.", "Tiền Phong"),
    ("Theo thông tin từ Báo Lạng Sơn có được, hội nghị diễn ra trong 2 ngày.", None),
    ("Để Nhân Dân có được cuộc sống tốt hơn, tỉnh đã nỗ lực.", None),
    ("Theo ghi nhận của Ủy ban Kiểm tra, ông A có vi phạm.", None),
    # an outlet promising its readers more: its name is the subject, even in lower case
    ("Pháp luật Plus sẽ tiếp tục thông tin vụ việc đến bạn đọc.", "Pháp luật Plus"),
    ("Báo Quảng Nam sẽ tiếp tục theo dõi, thông tin.", "Báo Quảng Nam"),
    ("Chúng tôi sẽ tiếp tục thông tin sự việc.", None),
    ("Người dân sẽ tiếp tục thông tin cho chính quyền địa phương.", None),
    # in sentence case, a name with no capital further on is as often the common noun
    ("Người lao động sẽ tiếp tục thông tin về những sai phạm của doanh nghiệp.", None),
    ("Thanh niên sẽ tiếp tục đưa tin về phong trào tình nguyện.", None),
    ("Nhân dân sẽ tiếp tục theo dõi và thông tin cho chính quyền.", None),
    ("Người Lao Động sẽ tiếp tục thông tin về những sai phạm.", "Người Lao Động"),
    # after "báo" the whole name, never the place that ends it
    ("Trước đó, như Báo Công an TP Đà Nẵng đã thông tin, ông A bị tạm giữ.", "Công an Đà Nẵng"),
    ("Như báo Công an tỉnh Quảng Nam đã thông tin, ông A bị tạm giữ.", None),
])
def test_a_story_naming_its_own_reporter_names_its_outlet(sentence, outlet):
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{sentence}\n{LEAD}\n")
    assert article.outlet == outlet


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Như Pháp Luật TP.HCM đã đưa tin, ông A bị tạm giữ.", "Pháp Luật TP.HCM"),
    ("Lao Động sẽ tiếp tục thông tin về vụ việc.", "Lao Động"),
    ("Lao động sẽ tiếp tục thông tin về vụ việc.", None),  # labour, as often
    # an interview at the end is often quoted from another outlet by a compilation
    ("Trao đổi với Tuổi Trẻ, một lãnh đạo phòng cho rằng cần xem xét.", None),
])
def test_the_end_of_a_long_story_names_its_outlet_by_its_own_reports(sentence, outlet):
    # the cue far beyond the first 1,800 characters
    body = "\n".join(f"{k}. {text}" for k in range(8) for text in (LEAD, MORE))
    article = run(f"Tiêu đề bài viết về Đảng\n{body}\n{sentence}\n{LEAD}\n")
    assert article.outlet == outlet


@pytest.mark.parametrize(("cited", "outlet"), [
    # a compilation citing other outlets: the interview may be quoted from one of them
    ("Theo báo Tri thức trực tuyến, Bộ sẽ sửa điều lệ trong năm nay.", None),
    ("Liên quan đến vấn đề này, báo Infonet dẫn lời một chuyên gia giáo dục.", None),
    ("Báo Giao Thông đưa tin, cơ quan công an đang điều tra.", None),
    # the outlet itself, or a report that is no outlet: the story's own reporter stays
    ("Theo báo Lao Động, bộ sẽ sửa điều lệ trong năm nay.", "Lao Động"),
    ("Theo báo cáo của UBND tỉnh, các khoản thu đều được công khai.", "Lao Động"),
])
def test_a_compilation_citing_other_outlets_names_none_of_its_own(cited, outlet):
    own = "Trao đổi với PV báo Lao Động, Thứ trưởng cho biết Bộ đang xem xét."
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{own}\n{cited}\n{MORE}\n")
    assert article.outlet == outlet


def test_a_dateline_or_credit_goes_before_what_the_story_says_of_itself():
    article = run(f"Tiêu đề bài viết về Đảng\n(QNO) - {LEAD}\nTrả lời Tuổi Trẻ, ông A nói.\n")
    assert article.outlet == "Báo Quảng Nam"


@pytest.mark.parametrize(("foot", "authors"), [
    ("Tú Oanh\nTheo Sputnik, RT", ["Tú Oanh"]),  # a credit of foreign sources under a byline
    ("Phương Đặng\n(Theo SCMP)", ["Phương Đặng"]),
    ("Lạc Bối - Thể thao Việt Nam | 17:20 22/09/2017", ["Lạc Bối"]),  # a byline and a time
    ("Thanh Hà\n#Quảng Nam #Công tác cán bộ", ["Thanh Hà"]),  # a tag list
    ("Thanh Hà\nTheo dõi Báo Quảng Nam trên Google News", ["Thanh Hà"]),  # a follow button
    ("Thanh Hà\nZalo Facebook Twitter", ["Thanh Hà"]),  # share buttons, no name
    ("Thanh Hà\nCÁC TIN, BÀI VIẾT KHÁC\nQuảng Nam công bố quyết định nhân sự", ["Thanh Hà"]),
    ("Minh Anh\nBiên tập: Thu Hà\nTrình bày: Quang Huy", ["Minh Anh"]),  # the page's makers
])
def test_a_byline_above_credits_and_page_furniture_is_found(foot, authors):
    body = f"{LEAD}\n{MORE}"
    article = run(f"Tiêu đề bài viết ở đây\n{body}\n{foot}\n")
    assert article.authors == authors
    assert article.text == body.replace("\n", "\n\n")


def test_a_source_link_between_the_credit_and_the_byline():
    foot = "Theo Dân trí\nhttp://dantri.com.vn/suc-manh-so/tang-gia-20170916104525527.htm\nT.Thủy"
    article = run(f"Tiêu đề bài viết ở đây\n{LEAD}\n{MORE}\n{foot}\n")
    assert (article.authors, article.outlet) == (["T.Thủy"], "Dân trí")
    assert article.text == f"{LEAD}\n\n{MORE}"
    # a link to an unknown site names no outlet
    article = run(f"Tiêu đề bài viết ở đây\n{LEAD}\n{MORE}\nhttp://example.com/a-1.htm\n")
    assert article.outlet is None


def test_a_photo_credit_glued_after_the_last_caption_is_no_byline():
    caption = ("Em Cao Thị Trang Nhung, học sinh Trường THPT Lê Viết Thuật, hy vọng hành động của "
               "mình có thể góp phần bảo vệ động vật hoang dã. Ảnh: Chu Thanh")
    assert run(f"Tiêu đề bài viết ở đây\n{LEAD}\n{caption}\n").authors == []


@pytest.mark.parametrize(("under_lead", "authors", "published"), [
    ("Thanh Hà", ["Thanh Hà"], None),
    ("THANH HÀ\n12/03/2024 08:30", ["Thanh Hà"], "2024-03-12T08:30:00+07:00"),
    ("Bài, ảnh: Thanh Hà", ["Thanh Hà"], None),
    ("HÌNH MINH HỌA", [], None),  # a caption's word, no name
    ("Quang cảnh hội nghị", [], None),
])
def test_a_byline_between_the_lead_and_the_body(under_lead, authors, published):
    article = run(f"Tiêu đề bài viết ở đây\n{LEAD}\n{under_lead}\n{MORE}\n")
    assert article.authors == authors and article.published == published
    assert article.text.startswith(LEAD) and article.text.endswith(MORE)


def test_a_byline_posted_by_in_the_date_line():
    article = run(f"Tiêu đề bài viết ở đây\nĐăng bởi Thanh Hà vào lúc 08:30 12/03/2024\n{LEAD}\n")
    assert article.authors == ["Thanh Hà"]
    assert article.published == "2024-03-12T08:30:00+07:00"


def test_a_section_in_the_date_line_is_no_author():
    article = run(f"Tiêu đề bài viết ở đây\nThanh Hà | Chính trị | 12/03/2024 08:30\n{LEAD}\n")
    assert article.authors == ["Thanh Hà"]
    assert article.published == "2024-03-12T08:30:00+07:00"


def test_a_person_of_the_story_at_its_foot_is_no_author():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD} Ông Trần Văn Minh phát biểu.\n"
                  f"Ban Thường vụ gồm:\nLê Văn Hải\n")
    assert article.authors == []  # a list's item
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD} Ông Trần Văn Minh phát biểu.\n"
                  f"Trần Văn Minh\n")
    assert article.authors == []  # named in the story
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD} Ông Nguyễn Văn Thanh phát biểu. "
                  f"Ảnh: Văn Thanh\nVăn Thanh\n")
    assert article.authors == ["Văn Thanh"]  # a longer name, and a photo credit


def test_a_byline_in_the_date_line_keeps_its_brackets_and_separators():
    article = run(f"Tiêu đề bài viết về Đảng\nNGUYÊN ĐOAN (thực hiện) 10/10/2018 03:09\n{LEAD}\n")
    assert (article.authors, article.published) == (["Nguyên Đoan"], "2018-10-10T03:09:00+07:00")
    article = run(f"Tiêu đề bài viết về Đảng\nThứ năm, 24/3/2021, 21:54 (GMT+7) | Hoàng Phúc - "
                  f"Minh Anh\n{LEAD}\n")
    assert article.authors == ["Hoàng Phúc", "Minh Anh"]


def test_page_furniture_after_the_byline_does_not_hide_it():
    article = run(f"Skip to main content\nLý Sơn có bí thư và chủ tịch mới\n\n{LEAD}\n\n"
                  f"PHẠM MỊNH\n\nĐừng bỏ lỡ\n\nVideo đang xem nhiều\n\nĐọc thêm\n")
    assert (article.title, article.authors, article.text) == (
        "Lý Sơn có bí thư và chủ tịch mới", ["Phạm Mịnh"], LEAD)


def test_the_site_footer_names_the_outlet_and_leaves_the_text():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nMinh Anh\n© Bản quyền thuộc Báo Lạng Sơn\n"
                  f"Địa chỉ: số 16 Quang Trung\nĐiện thoại: 0205.3812345\n")
    assert (article.outlet, article.authors, article.text) == ("Báo Lạng Sơn", ["Minh Anh"], LEAD)
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nCỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN\n"
                  f"Cơ quan chủ quản: UBND tỉnh Lạng Sơn\n")
    assert (article.outlet, article.text) == ("Cổng Thông tin điện tử tỉnh Lạng Sơn", LEAD)
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nCopyright © 2024 Báo Quảng Nam. All rights "
                  f"reserved\n")
    assert (article.outlet, article.text) == ("Báo Quảng Nam", LEAD)
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nGhi rõ nguồn “Báo Lạng Sơn điện tử” khi phát "
                  f"hành lại thông tin từ website này\n")
    assert (article.outlet, article.text) == ("Báo Lạng Sơn", LEAD)
    second = LEAD.replace("Chiều", "Sáng")
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n© Copyright 2020\n{second}\n")
    assert (article.outlet, article.text) == (None, f"{LEAD}\n\n{second}")


def test_outlet_table_is_real():
    from partyx.rules.outlets import table

    outlets = table().outlets
    assert len(outlets) > 300
    kinds = {o.kind for o in outlets}
    assert {"party", "national", "provincial", "broadcast", "agency", "city", "sector",
            "portal"} <= kinds


# --- header ----------------------------------------------------------------------------------

def test_banner_section_and_header_bylines():
    article = run("Việt Nam vươn mình trong kỷ nguyên mới\n\nĐảng - đoàn thể\n"
                  "Quận Thanh Xuân không có tổ chức cơ sở Đảng yếu kém\n\nHồng Thái\nChia sẻ Zalo\n"
                  f"Kinhtedothi - {LEAD}\n")
    assert article.title == "Quận Thanh Xuân không có tổ chức cơ sở Đảng yếu kém"
    assert article.section == "Đảng - đoàn thể"
    assert article.authors == ["Hồng Thái"]
    assert article.outlet == "Kinh tế & Đô thị"
    assert article.text == LEAD[:-1] + "." and "Hồng Thái" not in article.text


def test_author_under_date_and_again_at_the_foot_counts_once():
    article = run(f"Tiêu đề bài\n\n25/12/2021 18:01:00 Thùy Dương\n{LEAD}\n\n"
                  "Thùy Dương\nLink gốc\n")
    assert article.authors == ["Thùy Dương"]
    assert article.published == "2021-12-25T18:01:00+07:00"
    assert article.text == LEAD


def test_byline_glued_after_the_last_sentence_is_taken_out():
    body = LEAD + " " + LEAD.replace("Chiều", "Sáng") + " Bài và ảnh: Trường Hoàng "
    article = run(f"Tiêu đề\n{LEAD}\n{body}\n")
    assert article.authors == ["Trường Hoàng"]
    assert article.text.endswith("Thanh Xuân.")


@pytest.mark.parametrize(("foot", "authors"), [
    ("Hữu Hoàn.", ["Hữu Hoàn"]),  # a portal's contributor closes the byline with a full stop
    ("Văn Khoa\n02/11/2023", ["Văn Khoa"]),  # the date printed under the byline
    ("Văn Khoa\n02/11/2023 08:30", ["Văn Khoa"]),
    ("Tin, ảnh: Thu Hà - Minh Đức.", ["Thu Hà", "Minh Đức"]),
    ("Hà Nội.", []),  # a place is no name
    ("Trân trọng cảm ơn.", []),
    ("Xem thêm\n02/11/2023", []),
    ("Ban Thường vụ gồm các đồng chí:\nNguyễn Văn An\n02/11/2023", []),  # a list's item
])
def test_bylines_at_a_portals_foot(foot, authors):
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{MORE}\n{foot}\n")
    assert article.authors == authors
    if authors:
        assert article.text == f"{LEAD}\n\n{MORE}"


def test_byline_glued_without_a_blank_after_the_last_full_stop():
    article = run(f"Tiêu đề\n{LEAD}\n{MORE}Thanh Hà\n")
    assert article.authors == ["Thanh Hà"] and article.text.endswith("thời gian tới.")
    article = run(f"Tiêu đề\n{LEAD}\n{MORE}THANH HÀ\n")
    assert article.authors == ["Thanh Hà"]
    # a place written after an abbreviation's dot is no byline
    article = run(f"Tiêu đề\n{LEAD}\n{MORE} Đoàn làm việc tại TP.Hà Nội\n")
    assert article.authors == []


@pytest.mark.parametrize(("line", "published"), [
    ("Thanh Hà · 2 giờ trước", None),  # a relative time instead of the date
    ("Thanh Hà 15 phút trước", None),
    ("bởi Thanh Hà", None),
    ("Viết bởi Thanh Hà", None),
    ("Đăng lúc 08:30 12/03/2024 bởi Thanh Hà", "2024-03-12T08:30:00+07:00"),
    ("Thanh Hà @ 08:30 12/03/2024", "2024-03-12T08:30:00+07:00"),
    ("Thứ Ba, 12/03/2024 08:30 (GMT+07:00) Thanh Hà", "2024-03-12T08:30:00+07:00"),
])
def test_a_byline_under_the_headline_with_the_pages_time(line, published):
    article = run(f"Tiêu đề bài viết về Đảng\n{line}\n{LEAD}\n{MORE}\n")
    assert (article.authors, article.published) == (["Thanh Hà"], published)
    assert article.text == f"{LEAD}\n\n{MORE}"


def test_poster_in_a_portals_date_line():
    for line in ("Đăng ngày: 12/03/2024 | Người đăng: Thanh Hà",
                 "Người đăng: Thanh Hà | 12/03/2024"):
        article = run(f"Tiêu đề bài viết về Đảng\n{line}\n{LEAD}\n{MORE}\n")
        assert article.authors == ["Thanh Hà"] and article.published == "2024-03-12"


@pytest.mark.parametrize(("head", "title"), [
    ("Ban Thường vụ Tỉnh ủy công bố quyết định\nvề công tác cán bộ chủ chốt",
     "Ban Thường vụ Tỉnh ủy công bố quyết định về công tác cán bộ chủ chốt"),
    ("BAN THƯỜNG VỤ TỈNH ỦY CÔNG BỐ\nQUYẾT ĐỊNH VỀ CÔNG TÁC CÁN BỘ",
     "BAN THƯỜNG VỤ TỈNH ỦY CÔNG BỐ QUYẾT ĐỊNH VỀ CÔNG TÁC CÁN BỘ"),
    # a page's title with the site's name and section around the headline
    ("Kiểm tra công tác cán bộ ở ba quận | Chính trị | Báo Lạng Sơn",
     "Kiểm tra công tác cán bộ ở ba quận"),
    ("Kiểm tra công tác cán bộ ở ba quận | Chính trị", "Kiểm tra công tác cán bộ ở ba quận"),
    ("Kiểm tra công tác cán bộ ở ba quận :: Báo Lạng Sơn", "Kiểm tra công tác cán bộ ở ba quận"),
    ("Báo Lạng Sơn | Kiểm tra công tác cán bộ ở ba quận", "Kiểm tra công tác cán bộ ở ba quận"),
    # a headline's own dash and a second line that is a sentence stay as they are
    ("Hà Nội - Kiểm tra công tác cán bộ ở ba quận", "Hà Nội - Kiểm tra công tác cán bộ ở ba quận"),
    ("Kiểm tra công tác cán bộ ở ba quận\nnhiều việc phải làm ngay trong năm nay.",
     "Kiểm tra công tác cán bộ ở ba quận"),
])
def test_headline_over_two_lines_or_with_the_site_around_it(head, title):
    assert run(f"{head}\n{LEAD}\n{MORE}\n").title == title


def test_a_byline_before_endnotes_is_an_author_and_the_notes_stay_in_the_text():
    notes = "(1) Hồ Chí Minh: Toàn tập, Nxb CTQG, H, 2011, t.5, tr.120.\n(2) Sđd, tr.45."
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nĐỨC LƯỢNG\n{notes}\n")
    assert article.authors == ["Đức Lượng"]
    assert article.text.endswith("tr.45.") and "LƯỢNG" not in article.text
    glued = f"{LEAD} {LEAD} ĐỨC LƯỢNG (1) . Hồ Chí Minh, tiểu sử, Nxb CTQG, 2010. (2). Sđd."
    article = run(f"Tiêu đề bài viết về Đảng\n{glued}\n")
    assert article.authors == ["Đức Lượng"] and article.text.endswith("(2). Sđd.")
    # a numbered list that ends the story is no endnotes, and brings no author
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nNhiệm vụ gồm:\n(1) Tăng cường kiểm tra."
                  "\n(2) Phát triển kinh tế.\n")
    assert article.authors == [] and article.text.endswith("(2) Phát triển kinh tế.")


@pytest.mark.parametrize("signature", [
    "TM. BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\nNGUYỄN PHÚ TRỌNG",  # a letter's signatory
    "CHỦ TỊCH NƯỚC\nVÕ VĂN THƯỞNG",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Bình",
    "T/M Ban Thường vụ Tỉnh ủy\nNguyễn Văn An",
    "Hà Nội, ngày 12 tháng 3 năm 2024\nNGUYỄN XUÂN PHÚC",  # under a document's place and date
])
def test_a_signature_block_is_no_byline(signature):
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{signature}\n")
    assert article.authors == []
    assert article.text.endswith(signature.split("\n")[-1])


@pytest.mark.parametrize("names", [
    "Nguyễn Văn An\nTrần Văn Bình\nLê Thị Cúc",
    "1. Nguyễn Văn An\n2. Trần Văn Bình",
    "- Nguyễn Văn An\n- Trần Văn Bình",
])
def test_a_list_of_names_closing_the_story_is_no_byline(names):
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nBan Thường vụ gồm các đồng chí:\n{names}\n")
    assert article.authors == []


def test_a_list_of_captions_and_names_closing_the_story_is_no_byline():
    gallery = "Một số hình ảnh khách mời tại buổi họp báo:\nÔng Cao Văn Thắng\nBích Phương\n" \
              "Lip B\nKelvin Khánh\nMr.T\nĐào Thanh Tâm"
    assert run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{gallery}\n").authors == []


def test_a_byline_with_its_sites_address_under_a_gallerys_head_stays():
    foot = "Cùng xem thêm một số hình ảnh khác:\nHoàng Vũ Baodatviet.vn"
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{foot}\n")
    assert (article.authors, article.outlet) == (["Hoàng Vũ"], "Báo Đất Việt")
    # an item naming an outlet without its address is a list's item still
    foot = "Các nhà báo đoạt giải gồm:\nHoàng Vũ (Báo Quảng Nam)"
    assert run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{foot}\n").authors == []


def test_a_byline_under_a_short_list_of_no_names_stays():
    figures = "Kết quả cụ thể:\nTăng trưởng 8,5%\nThu ngân sách tăng 12%\nĐạt 98% kế hoạch"
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{figures}\nMinh Anh\n")
    assert article.authors == ["Minh Anh"]


def test_a_name_in_a_photo_credit_joining_two_is_no_person_of_the_story():
    caption = "Quang cảnh hội nghị sơ kết. (Ảnh: Phương Lan-Minh Anh/TTXVN)"
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{caption}\n{MORE}\n"
                  "Phương Lan-Minh Anh (TTXVN)\n")
    assert article.authors == ["Phương Lan", "Minh Anh"]
    said = f"Tiêu đề bài viết về Đảng\n{LEAD}\nBà Minh Anh, Phó Chủ tịch, phát biểu.\nMinh Anh\n"
    assert run(said).authors == []  # a person of the story still


def test_a_byline_under_a_closing_photo_caption_naming_a_post_stays():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n"
                  "Bí thư Tỉnh ủy Nguyễn Văn An phát biểu chỉ đạo hội nghị\nMINH ANH\n")
    assert article.authors == ["Minh Anh"]


def test_an_essays_author_with_the_unit_on_the_line_below():
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nPGS, TS NGUYỄN VĂN CƯỜNG\n"
                  "Học viện Chính trị quốc gia Hồ Chí Minh\n")
    assert article.authors == ["Nguyễn Văn Cường"] and article.text == LEAD
    # a unit below a list's item is no byline
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\nĐoàn kiểm tra gồm:\nLê Văn Thành\n"
                  "Ban Tổ chức Thành ủy\n")
    assert article.authors == []


@pytest.mark.parametrize(("below", "authors"), [
    ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy Hà Giang", ["Nguyễn Thị Thu Hằng"]),  # the post
    ("Giảng viên Học viện Chính trị khu vực I", ["Nguyễn Thị Thu Hằng"]),  # the role held
    ("Chủ tịch", []),  # a post alone, no body: not what an author prints
    ("Phó Chủ tịch UBND tỉnh kết luận:", []),  # the heading of what follows
    ("KT. Chủ tịch UBND tỉnh", []),  # a signature's mark
])
def test_an_essays_author_with_the_post_on_the_line_below(below, authors):
    article = run(f"Tiêu đề bài viết về Đảng\n{LEAD}\n{MORE}\nNguyễn Thị Thu Hằng\n{below}\n")
    assert article.authors == authors


def test_glued_headline_caption_and_dateline_are_split():
    line = (" Xây dựng thủ đô ngày càng phồn vinh, hạnh phúc Lãnh đạo TP Hà Nội dâng hương tại "
            "Tượng đài Lý Thái Tổ Ảnh: H.L.A (NLĐ)- " + LEAD)
    article = run(line + "\n" + LEAD + "\n")
    assert article.title == "Xây dựng thủ đô ngày càng phồn vinh, hạnh phúc"
    assert article.outlet == "Người Lao Động"
    assert article.text.startswith("Chiều 24/3") and "Ảnh" not in article.text


def test_a_long_headline_before_the_lead_and_a_papers_motto_above_it():
    title = ("Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII thảo luận về các "
             "văn kiện trình Đại hội XIV của Đảng và công tác nhân sự Ban Chấp hành Trung ương "
             "khóa XIV")
    lead = LEAD + " " + LEAD
    motto = "CƠ QUAN CỦA ĐẢNG BỘ, CHÍNH QUYỀN VÀ NHÂN DÂN TỈNH QUẢNG NINH"
    article = run(f"{motto}\n{title}\n{lead}\n")
    assert article.title == title
    # a run of related headlines is none, nor a long line with a colon
    run_ = ("Gương sáng đảng viên Báo chí quốc tế nói về Đại hội Sẽ lấy ý kiến thăm dò tất cả đại "
            "biểu về chức Tổng bí thư Đảng viên làm kinh tế tư nhân: Thông điệp là không đổi")
    assert run(f"{run_}\n{lead}\n").title is None


def test_an_unknown_banner_above_the_headline_is_passed_over():
    article = run("Tự hào 70 năm Giải phóng Thủ đô\nQuận Ba Đình tổng kết công tác xây dựng Đảng\n"
                  f"Minh Anh - Thu Trang\nKinhtedothi - {LEAD}\n")
    assert article.title == "Quận Ba Đình tổng kết công tác xây dựng Đảng"
    assert article.authors == ["Minh Anh", "Thu Trang"]


def test_a_caption_after_the_headline_does_not_displace_it():
    article = run("Lãnh đạo Thành ủy Hà Nội làm việc với Quận Ba Đình\n"
                  f"Bí thư Quận ủy Ba Đình phát biểu tại buổi làm việc\n{LEAD}\n")
    assert article.title == "Lãnh đạo Thành ủy Hà Nội làm việc với Quận Ba Đình"


def test_a_byline_above_the_headline_is_an_author():
    article = run(f"Hoàng Phúc\nQuận Thanh Xuân kiểm tra công tác cán bộ\n(LĐTĐ) {LEAD}\n")
    assert article.title == "Quận Thanh Xuân kiểm tra công tác cán bộ"
    assert article.authors == ["Hoàng Phúc"] and article.outlet == "Lao Động Thủ Đô"


def test_site_name_after_the_headline_or_in_the_date_line_is_the_outlet():
    article = run(f"Quận Thanh Xuân kiểm tra cán bộ - Báo Kinh tế & Đô thị\n{LEAD}\n")
    assert article.title == "Quận Thanh Xuân kiểm tra cán bộ"
    assert article.outlet == "Kinh tế & Đô thị"
    article = run(f"Tổng Bí thư Trường Chinh - Cả đời chăm lo xây dựng Đảng\n{LEAD}\n")
    assert article.title == "Tổng Bí thư Trường Chinh - Cả đời chăm lo xây dựng Đảng"
    article = run(f"Tiêu đề bài viết\nLao Động Thủ Đô | 24/03/2021 21:54\n{LEAD}\n")
    assert article.outlet == "Lao Động Thủ Đô" and article.authors == []


def test_breadcrumb_gives_its_last_part_as_section():
    article = run(f"Trang chủ > Chính trị > Xây dựng Đảng\nTiêu đề bài viết\n{LEAD}\n")
    assert article.section == "Xây dựng Đảng" and article.title == "Tiêu đề bài viết"


def test_logo_text_names_the_outlet_and_is_no_headline():
    article = run(f"Lao Động Thủ Đô\nQuận Thanh Xuân kiểm tra công tác cán bộ\n{LEAD}\n")
    assert article.outlet == "Lao Động Thủ Đô"
    assert article.title == "Quận Thanh Xuân kiểm tra công tác cán bộ"


def test_headline_ending_with_a_full_stop_or_a_question_mark():
    title = "Quận ủy Thanh Xuân kiểm tra công tác cán bộ tại 11 phường trên địa bàn."
    article = run(f"{title}\n24/03/2021 21:54\n{LEAD}\n")
    assert article.title == title and article.published.startswith("2021-03-24")
    question = "Vì sao nhiều tổ chức cơ sở Đảng ở Hà Nội chưa hoàn thành nhiệm vụ được giao?"
    assert run(f"{question}\n{LEAD}\n").title == question


def test_a_page_stores_date_stamp_is_neither_headline_nor_publication_time():
    article = run(f" date 2025-07-30 Đại hội đại biểu Đảng bộ xã Võ Miếu lần thứ I\n{LEAD}\n")
    assert article.title == "Đại hội đại biểu Đảng bộ xã Võ Miếu lần thứ I"
    assert article.published is None
    article = run(f" date 2025-06 {LEAD}\n{LEAD}\n")
    assert article.title is None and article.text.startswith("Chiều 24/3")


def test_headline_with_the_publication_time_printed_after_it():
    article = run(f"Khai trừ đảng cựu giám đốc, phó giám đốc Công ty CP Chè Minh Rồng "
                  f"15/10/2025 11:56\n{LEAD}\n")
    assert article.title == "Khai trừ đảng cựu giám đốc, phó giám đốc Công ty CP Chè Minh Rồng"
    assert article.published == "2025-10-15T11:56:00+07:00"
    # a section and the weekday before the time are no headline
    article = run(f"Chính trị | Thứ Hai, 12/03/2024 08:30\nTiêu đề bài viết về Đảng\n{LEAD}\n")
    assert (article.title, article.published) == ("Tiêu đề bài viết về Đảng",
                                                  "2024-03-12T08:30:00+07:00")


def test_headline_printed_again_as_a_photo_caption_stays_the_headline():
    title = "Đề nghị Bộ Chính trị kỷ luật Bí thư Tỉnh ủy; cảnh cáo Chủ tịch tỉnh"
    article = run(f"{title}\n{LEAD}\n{title}\nÔng Nguyễn Văn A. Ảnh: NT\n{LEAD}\n")
    assert article.title == title


def test_a_lead_is_not_cut_at_a_name_or_inside_the_name_of_a_body():
    lead = ("Quyền Bộ trưởng Bộ Ngoại giao Lê Hoài Trung đề nghị tỉnh Lào Cai cần khẩn trương xác "
            "lập mô hình tăng trưởng mới, cơ cấu lại các ngành kinh tế, tạo đột phá.")
    assert run(f"{lead}\n{LEAD}\n").title is None
    lead = ("Tiếp tục chương trình làm việc từ ngày 13 đến ngày 15-8, Đại hội Đại biểu Đảng bộ "
            "Quân khu 7 lần thứ XI, nhiệm kỳ 2025-2030 đã thảo luận, đóng góp nhiều ý kiến.")
    assert run(f"{lead}\n{LEAD}\n").title is None
    lead = ("Ông Huỳnh Đức Hòa và ông Đoàn Văn Việt nguyên là Chủ tịch UBND tỉnh Lâm Đồng, vừa bị "
            "Thủ tướng kỷ luật bằng hình thức cảnh cáo do đã có những vi phạm, khuyết điểm.")
    assert run(f"{lead}\n{LEAD}\n").title is None


def test_no_headline_when_the_text_opens_with_the_lead():
    article = run(LEAD + "\n" + LEAD + "\n")
    assert article.title is None and article.text.startswith("Chiều 24/3")


def test_hostile_long_first_line_is_handled_quickly():
    article = run(("ab cd Ef " * 50_000) + "\n")
    assert article.title is None


# --- a hand-checked sample of the development corpus -------------------------------------------

SAMPLE = {
    # baomoi: headline, lead, whole body on one line; the byline is glued at the end
    "baomoi_21471733": ("Nhân sự mới", None, []),
    "baomoi_21478549": ("Hầu hết các huyện đều đã dành vốn ủy thác cho vay chính sách", None,
                        ["H.Thủy"]),
    "baomoi_21480672": ("Tổng Bí thư Trường Chinh - Cả đời chăm lo xây dựng Đảng toàn diện",
                        "Vietnam+", ["Ngữ Thiên"]),  # (TTXVN/VIETNAM+): the site printing it
    "baomoi_21481556": ("Bí thư Thăng: '500 cán bộ CA đi đâu mà để tội phạm tăng?'", None,
                        ["Việt Đông"]),
    "baomoi_21485841": ("Tội phạm tăng, công an đâu?", None, ["Trường Hoàng"]),
    "baomoi_21490864": ("Tân Phó Bí thư Tỉnh ủy Yên Bái Đỗ Đức Duy phát biểu trong ngày đầu "
                        "nhận chức", None, []),
    "baomoi_22229654": ("Ông Đinh La Thăng làm Phó ban Kinh tế Trung ương", None,
                        ["Hà Hương", "Thắng Quang"]),
    "baomoi_22243716": ("Ông Đinh La Thăng chính thức về nhận nhiệm vụ Phó Ban Kinh tế Trung "
                        "ương", "Trí Thức Trẻ", []),
    "baomoi_22246202": ("Ông Đinh La Thăng nhậm chức Phó ban Kinh tế Trung ương", "VnExpress", []),
    "baomoi_22278897": ("Kiểm tra công tác quy hoạch, luân chuyển cán bộ",
                        "Thông tấn xã Việt Nam", ["Chu Thanh Vân"]),
    "baomoi_22376300": ("Quy hoạch một số cán bộ chủ chốt ở Bình Định có biểu hiện vội vàng",
                        "Thông tấn xã Việt Nam", ["Hoàng Trọng"]),
    "baomoi_22400280": ("Kiểm tra, giám sát kê khai tài sản cán bộ cấp cao: Không có vùng cấm",
                        None, ["N. Huyền"]),
    "baomoi_22424962": ("Xây dựng nếp sống lành mạnh, giản dị cho cán bộ, đảng viên", None,
                        ["Thiện Văn"]),
    "baomoi_22532601": ("'Tự diễn biến', 'tự chuyển hóa' trong cán bộ, đảng viên và giải pháp "
                        "phòng, chống", None, ["Nguyễn Vĩnh Thắng"]),
    "baomoi_22684493": ("'Sai phạm của bà Phan Thị Mỹ Thanh chỉ phát hiện khi có tố cáo'",
                        "VnExpress", []),
    "baomoi_22631547": ("Nghệ An: Trên 21.245 tỷ đồng đầu tư xây dựng hạ tầng công nghiệp", None,
                        ["Nguyên Nguyên"]),  # byline after a "» related headline"
    "baomoi_22701996": ("Gắn Nghị quyết Trung ương 4 (khóa XII) với Chỉ thị số 05 của Bộ Chính "
                        "trị", "Thông tấn xã Việt Nam", ["Trung Kiên"]),
    # VNTC: headline, photo caption and dateline often glued to the lead in one line
    "vntc_test_NLD_T_9436": ("Khiển trách ông Phạm Dũng, Bí thư Thị ủy La Gi", "Người Lao Động",
                             []),
    "vntc_test_NLD_T_9591": ("Xây dựng thủ đô ngày càng phồn vinh, hạnh phúc", "Người Lao Động",
                             []),
    "vntc_test_NLD_T_9594": ("46,2% chi, Đảng bộ trong sạch vững mạnh 5 năm liền",
                             "Người Lao Động", []),
    "vntc_train_NLD_4157": ("Mít tinh kỷ niệm 76 năm ngày thành lập Đảng", "Người Lao Động", []),
    "vntc_train_NLD_4598": ("Sớm đưa Nghị quyết Đại hội Đảng bộ TPHCM vào cuộc sống",
                            "Người Lao Động", []),
    "vntc_train_NLD_4828": ("Quyết tâm đưa TPHCM tiến nhanh, tiến vững chắc", "Người Lao Động",
                            []),
    "vntc_test_NLD_T_9410": ("Quyết tâm đánh thắng tham nhũng, lãng phí", None, []),
    "vntc_test_NLD_T_9475": ("Tôi còn rất nhiều điều trăn trở, lo lắng", None, []),
    "vntc_train_NLD_4306": ("Trà Vinh: Một quan chức huyện có nhiều khuất tất", None, []),
    "vntc_train_NLD_4641": ("Giữ vững danh hiệu Đảng bộ trong sạch", None, []),
    "vntc_train_NLD_4736": ("Mít tinh trọng thể kỷ niệm 75 năm ngày thành lập Đảng Cộng sản VN",
                            None, []),
    "vntc_train_NLD_4835": ("Kiên quyết xử lý nghiêm minh những người sai phạm", None, []),
    "vntc_train_NLD_4900": ("“Phát triển bền vững, hội nhập thành công”", None, []),
    "vntc_test_TT_T_9912": ("Vụ tiêu cực ở PMU 18: Kiên quyết xử lý nghiêm minh", None, []),
    "vntc_test_VNE_T_6608": ("Đình chỉ chức vụ Bí thư Đảng ủy của ông Lê Minh Hoàng", None, []),
    "vntc_train_TT_3607": ("“Phải hiểu lòng dân để làm tốt hơn”", None, []),
    "vntc_train_TN_1547": ("Danh sách Bộ Chính trị, Ban chấp hành TƯ Đảng khóa X (14 người)", None,
                           []),
    "vntc_test_TN_T_8369": (None, None, []),  # opens with the lead: no headline in the text
    "vntc_train_TN_1391": (None, None, []),
    "vntc_train_TN_1537": (None, None, []),  # opens with a run of other articles' headlines
}


@pytest.fixture(scope="module")
def corpus_records() -> dict[str, Article]:
    """Clean and metadata run once over the whole development corpus."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    corpus = CORPUS
    pipeline = Pipeline([Clean(), Metadata()])
    out = {}
    for path in sorted(corpus.glob("*.txt")):
        article = read_article(path, path.stem).article
        out[path.stem] = pipeline.run(article)
    return out


@pytest.mark.parametrize("stem", sorted(SAMPLE))
def test_hand_checked_corpus_sample(corpus_records, stem):
    title, outlet, authors = SAMPLE[stem]
    article = corpus_records[stem]
    assert (article.title, article.outlet, article.authors) == (title, outlet, authors)


def test_corpus_has_no_publication_dates_and_bylines_leave_the_text(corpus_records):
    # neither baomoi nor VNTC files carry a publication line: every date is in the body
    assert all(a.published is None for a in corpus_records.values())
    for stem, (_, _, authors) in SAMPLE.items():
        for name in authors:
            assert not corpus_records[stem].text.rstrip().endswith(name)
    # every baomoi file opens with its headline
    assert all(a.title for s, a in corpus_records.items() if s.startswith("baomoi"))


def test_every_corpus_article_gives_a_record_without_stage_errors(corpus_dir):
    pipeline = build()  # the default pipeline, every team's stages
    for path in sorted(corpus_dir.glob("*.txt")):
        article = pipeline.run(read_article(path, path.stem).article)
        record = article.to_record()
        assert record["errors"] == [], (path.name, record["errors"])
        assert record["text"], path.name


# --- page layouts of the genre's sites (shapes as published; text made up) --------------------

P = ("Sáng 24/3, Đoàn kiểm tra của Ban Thường vụ Thành ủy do Phó Bí thư Thành ủy Nguyễn Văn Phong "
     "làm Trưởng đoàn đã kiểm tra công tác tại quận Thanh Xuân, quận Ba Đình và huyện Gia Lâm.")
T = "Hà Nội kiểm tra công tác cán bộ ở ba quận"
AT = "2021-03-24T21:54:00+07:00"


@pytest.mark.parametrize(("page", "published", "outlet", "authors", "section"), [
    (f"Thời sự\nThứ năm, 24/3/2021, 21:54 (GMT+7)\n{T}\n{P}\n{P}\nHoàng Phúc\n",
     AT, None, ["Hoàng Phúc"], "Thời sự"),
    (f"Chính trị\n{T}\nThứ năm, 24/03/2021 - 21:54\n(Dân trí) - {P}\n{P}\nHoàng Phúc\n",
     AT, "Dân trí", ["Hoàng Phúc"], "Chính trị"),
    (f"{T}\nThứ Năm, 24-03-2021, 21:54\nNDO - {P}\n{P}\nBài và ảnh: MINH ANH\n",
     AT, "Nhân Dân", ["Minh Anh"], None),
    (f"{T}\n24/03/2021 21:54 GMT+7\nTTO - {P}\n{P}\nTHU TRANG\n", AT, "Tuổi Trẻ", ["Thu Trang"],
     None),
    (f"{T}\nThu Hằng/VOV.VN\nThứ năm, 21:54, 24/03/2021\n{P}\n", AT, "Đài Tiếng nói Việt Nam",
     ["Thu Hằng"], None),
    (f"{T}\n24/03/2021 21:54\nHà Nội (TTXVN) - {P}\n{P}\nVăn Điệp (TTXVN)\n", AT,
     "Thông tấn xã Việt Nam", ["Văn Điệp"], None),
    (f"{T}\nQĐND - {P}\nTin, ảnh: NGỌC ANH\n", None, "Quân đội nhân dân", ["Ngọc Anh"], None),
    (f"Trang chủ / Chính trị / Xây dựng Đảng\n{T}\nCập nhật lúc 21:54 ngày 24/03/2021\nFacebook\n"
     f"Zalo\nTwitter\n{P}\n{P}\nTừ khóa: Hà Nội, kiểm tra\nTin liên quan\nHà Nội tổng kết năm\n",
     AT, None, [], "Xây dựng Đảng"),
    (f"Việt Nam vươn mình trong kỷ nguyên mới\n{T}\nHồng Thái - Minh Anh\nChia sẻ Zalo\n"
     f"Kinhtedothi - {P}\n", None, "Kinh tế & Đô thị", ["Hồng Thái", "Minh Anh"], None),
])
def test_site_layouts(page, published, outlet, authors, section):
    article = run(page)
    assert article.title == T
    assert (article.published, article.outlet, article.authors, article.section) == \
        (published, outlet, authors, section)
    assert article.text.split("\n\n")[0] == P and article.text.endswith("Gia Lâm.")


def test_dateline_finds_what_one_alternation_of_every_form_finds(meta):
    """dateline() tries the bracketed forms only where a bracket can open and reads what the
    bracket holds in the outlet table, then the names before each dash: the same matches as a
    single pattern with every form of the table as an alternative."""
    import random
    import re

    from partyx.rules.outlets import table

    forms = set(table().forms())
    names = "|".join(re.escape(a) for a in sorted(forms, key=len, reverse=True))
    paren = rf"\(\s*((?i:{names}))\s*\)"
    single = re.compile(rf"^{paren}\s*[-–—:]?\s*|^[^\W\d_][^()\n]{{0,30}}?\s{paren}\s?[-–—]\s*"
                        rf"|^({names})\s?[-–—]\s+")
    pieces = [*sorted(forms)[::60], "TTXVN", "LĐTĐ", "TPO", "QNO", "Bà Rịa", "Vũng Tàu", " ",
              " - ", "(", ")", "–", "HÀ NỘI ", "Chiều 24/3 ", "x" * 12]
    rng = random.Random(8)
    for _ in range(4000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        a, b = single.match(line), meta.dateline(line)
        assert (a and (next(g for g in a.groups() if g), a.end())) == (b and tuple(b)), line


@pytest.mark.parametrize("line, row", [
    ("Zalo Facebook Twitter", True),
    ("| Zalo | Facebook • Twitter", True),  # separators before the first platform
    ("ZALO, facebook", True),
    ("Facebook", False),  # one word: a name may be one
    ("Facebook cho biết tài khoản đã bị khóa", False),  # a platform opens a sentence
    ("Đồng chí Nguyễn Văn A phát biểu tại hội nghị Zalo Facebook", False),
    (" | / ", False),
    ("", False),
])
def test_share_row(line: str, row: bool) -> None:
    assert header._is_share_row(line) is row
