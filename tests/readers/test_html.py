"""Saved web pages: trafilatura's main text, the page's metadata first, the lead recovered,
nothing of the page's furniture in the text."""

from __future__ import annotations

import pytest

from partyx.errors import DecodeError
from partyx.readers import html
from partyx.readers.page import compose
from partyx.run.worker import read_article
from tests.conftest import SEEDS
from tests.legacy import to_windows_1258
from tests.pages import LAYOUTS, page

# Words of the furniture tests/pages.py puts around every article: none may reach the text.
FURNITURE = ["Giấy phép hoạt động báo chí", "Bình luận", "Bạn đọc 1", "hội chợ nông sản",
             "Giá xăng dầu", "Quang cảnh buổi làm việc (ảnh minh họa)", "Từ khóa:",
             "Trang chủ", "Cổng thông tin điện tử", "Đọc nhiều", "Xem thêm", "dataLayer",
             "margin:", "Tin mới", "Thể thao", "Các tin khác"]


@pytest.fixture(scope="module")
def seed_records():
    from partyx.pipeline import build

    pipeline = build()
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out.append(pipeline.run(read_article(path, path.stem).article).to_record())
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_page_gives_its_text_without_furniture(seed_records, layout):
    for record in seed_records:
        markup = page(record, layout, site="Lao Động Thủ Đô")
        got, encoding = html.read(markup.encode())
        raw, stated = compose(got)
        assert encoding == "utf-8"
        for words in FURNITURE:
            assert words not in raw, (record["id"], layout, words)
        paragraphs = record["text"].split("\n\n")
        for paragraph in paragraphs:  # the body and the lead, whatever the layout
            assert paragraph in raw, (record["id"], layout, paragraph[:60])


def test_the_page_states_title_time_authors_site_and_url(seed_records):
    record = seed_records[0]
    got, _ = html.read(page(record, "portal", site="Lao Động Thủ Đô",
                            url="https://laodongthudo.vn/bai-1.html").encode())
    assert got.title == record["title"]
    assert got.published == record["published"] == "2021-03-24T21:54:00+07:00"
    assert got.authors == ("Hoàng Phúc",)
    assert got.outlet == "Lao Động Thủ Đô" and got.url == "https://laodongthudo.vn/bai-1.html"
    assert got.section == "Chính trị"
    assert got.lead == record["text"].split("\n\n")[0]  # the sapo, from the description


def test_json_ld_states_time_in_utc_and_authors_and_publisher(seed_records):
    record = seed_records[0]
    got, _ = html.read(page(record, "jsonld", site="Báo Nhân Dân").encode())
    assert got.title == record["title"]
    assert got.published == "2021-03-24T21:54:00+07:00"  # 14:54Z on the page
    assert got.authors and "Hoàng Phúc" in got.authors[0]
    assert got.outlet == "Báo Nhân Dân"


def test_a_title_split_at_a_dotted_name_is_the_printed_headline(seed_records):
    record = dict(seed_records[0], title="Bí thư TP.HCM: Hôm nay là một ngày rất đặc biệt")
    got, _ = html.read(page(record, "plain").encode())
    assert got.title == "Bí thư TP.HCM: Hôm nay là một ngày rất đặc biệt"


def test_no_date_is_guessed_from_the_body():
    markup = ("<html><head><title>Hội nghị sơ kết</title></head><body><article>"
              "<h1>Hội nghị sơ kết</h1><p>Sáng nay, hội nghị sơ kết 5 năm thực hiện Nghị quyết "
              "số 15-NQ/TU ngày 25/10/2017 của Ban Thường vụ Thành ủy đã diễn ra tại hội trường "
              "lớn của quận với sự tham dự của nhiều đại biểu.</p><p>Các đại biểu đã thảo luận "
              "và thống nhất nhiều nội dung quan trọng cho thời gian tới.</p></article>"
              "</body></html>")
    got, _ = html.read(markup.encode())
    assert got.published is None
    assert "25/10/2017" in got.text


def test_a_generic_site_description_is_no_lead():
    markup = ('<html><head><meta name="description" content="Trang tin điện tử tổng hợp của '
              'một tỉnh miền núi phía Bắc, cập nhật tin tức hằng ngày"></head><body><article>'
              "<h1>Tiêu đề bài báo</h1><p>Chiều 24/3, Ban Thường vụ Huyện ủy tổ chức hội nghị "
              "quán triệt Nghị quyết tới toàn thể cán bộ chủ chốt của huyện.</p><p>Đồng chí Bí "
              "thư Huyện ủy phát biểu chỉ đạo và yêu cầu các chi bộ khẩn trương triển khai.</p>"
              "</article></body></html>")
    got, _ = html.read(markup.encode())
    assert got.lead is None


def test_encodings_a_page_declares_or_marks():
    body = ("<html><head><meta charset=\"windows-1258\"><title>Hòa Bình</title></head><body>"
            "<article><p>Tỉnh ủy Hòa Bình tổ chức hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ "
            "năm với sự tham dự của các đồng chí Ủy viên Ban Thường vụ.</p><p>Hội nghị đã "
            "thảo luận nhiều nội dung quan trọng về công tác xây dựng Đảng.</p></article>"
            "</body></html>")
    legacy = to_windows_1258(body)
    got, encoding = html.read(legacy)
    assert encoding == "windows-1258"
    raw, _ = compose(got)
    assert "Tỉnh ủy Hòa Bình tổ chức hội nghị" in raw
    utf16 = body.replace('<meta charset="windows-1258">', "").encode("utf-16")
    got, encoding = html.read(utf16)
    assert encoding == "utf-16-le" and "Tỉnh ủy Hòa Bình" in got.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n ", "no text"),
    ("<html><head><meta charset='utf-8'></head><body><p>Hội nghị</p></body></html>"
     .encode() + b"\xff\xfe bad", "cannot be decoded as utf-8"),
    (b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
     "no article text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte"),
])
def test_pages_that_give_no_article_are_read_errors(data, reason):
    with pytest.raises(DecodeError) as e:
        html.read(data)
    assert reason in str(e.value)


def test_markup_in_a_dataset_column_is_read_as_a_fragment():
    text = html.extract_text("<p>Chiều 24/3, đoàn kiểm tra của Ban Thường vụ Thành ủy làm việc "
                             "với Quận ủy.</p><div class='related'><a href='/x'>Tin khác</a>"
                             "</div><p>Đồng chí Bí thư Quận ủy báo cáo kết quả thực hiện nhiệm "
                             "vụ chính trị của địa phương.</p>")
    assert text.startswith("Chiều 24/3") and "Bí thư Quận ủy báo cáo" in text
