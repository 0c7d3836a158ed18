"""What every reader gives: formats by name, stated times, the composed text and statements."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from partyx.readers import format_of, stem_of
from partyx.readers.page import Page, compose, date_line, stated_time


@pytest.mark.parametrize("name, fmt, stem", [
    ("a.txt", "txt", "a"), ("A.TXT", "txt", "A"), ("p.html", "html", "p"), ("p.htm", "html", "p"),
    ("d.jsonl", "jsonl", "d"), ("d.ndjson", "jsonl", "d"), ("t.csv", "csv", "t"),
    ("t.parquet", "parquet", "t"), ("dump.jsonl.gz", "jsonl", "dump"), ("x.txt.gz", "txt", "x"),
    ("page.HTML.GZ", "html", "page"), ("notes.gz", None, "notes"), ("notes.v2", None, "notes"),
    ("records.json", None, "records"), ("a.b.csv", "csv", "a.b"),
])
def test_format_and_stem_by_name(name, fmt, stem):
    assert format_of(name) == fmt
    assert stem_of(name) == stem


@pytest.mark.parametrize("value, expected", [
    ("2021-03-24T21:54:00+07:00", "2021-03-24T21:54:00+07:00"),
    ("2021-03-24T14:54:00Z", "2021-03-24T21:54:00+07:00"),
    ("2021-03-24T21:54:00+0700", "2021-03-24T21:54:00+07:00"),
    ("2021-03-24T16:54:00+02:00", "2021-03-24T21:54:00+07:00"),
    ("2021-03-24 21:54", "2021-03-24T21:54:00+07:00"),  # no zone: Vietnam's time
    ("2021-03-24T21:54:05.123", "2021-03-24T21:54:05+07:00"),
    ("2021-03-24", "2021-03-24"),
    ("2021-03-24T00:00:00", "2021-03-24"),  # midnight without a zone: a date
    ("24/03/2021 21:54", "2021-03-24T21:54:00+07:00"),
    ("Thứ tư, 24/3/2021, 21:54 (GMT+7)", "2021-03-24T21:54:00+07:00"),
    ("24/03/2021", "2021-03-24"),
    (datetime(2021, 3, 24, 14, 54, tzinfo=timezone.utc), "2021-03-24T21:54:00+07:00"),
    (datetime(2021, 3, 24, 21, 54), "2021-03-24T21:54:00+07:00"),
    (date(2021, 3, 24), "2021-03-24"),
    (1616597640, "2021-03-24T21:54:00+07:00"),  # seconds since 1970
    (1616597640000, "2021-03-24T21:54:00+07:00"),  # milliseconds
    ("2021-02-30", None), ("hôm qua", None), ("", None), (None, None), (True, None),
    ("0001-01-01T00:00:00Z", None), ("1616597640", None), ([2021], None),
])
def test_stated_time_in_the_record_form(value, expected):
    assert stated_time(value) == expected


def test_date_line_is_what_the_header_rules_read():
    assert date_line("2021-03-24T21:54:00+07:00") == "24/03/2021 21:54"
    assert date_line("2021-03-24") == "24/03/2021"


def test_compose_lays_the_article_out_as_a_news_text_and_states_the_rest():
    page = Page(text="Chiều 24/3, đoàn kiểm tra làm việc.\nĐoạn hai.", title=" Tiêu đề  bài ",
                lead="Sapo của bài viết nói về đoàn kiểm tra của quận.",
                published="2021-03-24T21:54:00+07:00", authors=("Hoàng Phúc", " "),
                outlet="Lao Động Thủ Đô", section="Chính trị", url="https://x.vn/a.html")
    raw, stated = compose(page)
    assert raw.split("\n\n") == ["Tiêu đề bài", "24/03/2021 21:54",
                                 "Sapo của bài viết nói về đoàn kiểm tra của quận.",
                                 "Chiều 24/3, đoàn kiểm tra làm việc.\nĐoạn hai."]
    assert stated.title == "Tiêu đề bài" and stated.authors == ("Hoàng Phúc",)
    assert stated.published == "2021-03-24T21:54:00+07:00" and stated.url == "https://x.vn/a.html"


def test_compose_normalises_text_and_statements():
    page = Page(text="Ho\u0300a Bi\u0300nh &amp; Uỷ ban", title="Thuỷ\u00a0điện")
    raw, stated = compose(page)
    assert "Hòa Bình & Ủy ban" in raw and stated.title == "Thủy điện"


def test_a_lead_the_body_opens_with_is_not_written_twice():
    lead = "Ông Trần Thanh Mẫn, Ủy viên Trung ương Đảng, vừa được hiệp thương giữ chức Chủ tịch."
    body = f"{lead}\nĐoạn sau."
    raw, _ = compose(Page(text=body, title="Tiêu đề", lead=lead))
    assert raw.count("hiệp thương") == 1
    # a lead cut short in the description ("…") is still recognised
    raw, _ = compose(Page(text=body, title="Tiêu đề", lead=lead[:60] + "…"))
    assert raw.count("hiệp thương") == 1
    # a body that quotes the lead further down, or opens with the same first words, keeps it
    raw, _ = compose(Page(text=f"Đoạn một.\nĐoạn hai.\nĐoạn ba.\n{lead}", title="T", lead=lead))
    assert raw.count("hiệp thương") == 2
    opens = "Ông Trần Thanh Mẫn, Ủy viên Trung ương Đảng, vừa dự hội nghị."
    raw, _ = compose(Page(text=opens, title="T", lead=lead))
    assert raw.count("hiệp thương") == 1 and raw.count("vừa dự hội nghị") == 1


def test_the_headline_atop_the_text_is_not_written_twice():
    raw, _ = compose(Page(text="Tiêu đề bài\nĐoạn một.", title="Tiêu đề bài"))
    assert raw == "Tiêu đề bài\n\nĐoạn một."
