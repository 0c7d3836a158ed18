"""What a page or a row states goes first; the header rules fill what it leaves out."""

from __future__ import annotations

import pytest

from partyx.record import Stated
from partyx.rules.header import Header, HeaderReader
from partyx.rules.stated import combine, hosts


@pytest.fixture(scope="module")
def reader():
    return HeaderReader()


def stated(**kw):
    base = dict(title=None, published=None, outlet=None, authors=(), section=None, url=None)
    return Stated(**{**base, **kw})


def test_statements_go_first(reader):
    head = Header(title="Tiêu đề theo luật", published="2021-03-24", outlet="Tiền Phong",
                  authors=["Hoàng Phúc"], section="Thời sự", text="Thân bài.")
    got = combine(head, stated(title="Tiêu đề của trang", published="2021-03-24T21:54:00+07:00",
                               outlet="Báo Nhân Dân", authors=("Trần Bình",),
                               section="Chính trị"), reader)
    assert (got.title, got.published, got.outlet, got.authors, got.section, got.text) == (
        "Tiêu đề của trang", "2021-03-24T21:54:00+07:00", "Nhân Dân", ["Trần Bình"],
        "Chính trị", "Thân bài.")


def test_the_rules_fill_what_is_not_stated(reader):
    head = Header(title="Tiêu đề", published="2021-03-24", outlet="Tiền Phong",
                  authors=["Hoàng Phúc"], section="Thời sự", text="Thân bài.")
    assert combine(head, stated(), reader) == head


def test_the_rules_reading_of_the_stated_title_keeps_what_they_cut(reader):
    head = Header(title="Quận ủy Thanh Xuân sơ kết Nghị quyết")
    got = combine(head, stated(title="Quận ủy Thanh Xuân sơ kết Nghị quyết - Báo Lao Động Thủ "
                                     "Đô"), reader)
    assert got.title == "Quận ủy Thanh Xuân sơ kết Nghị quyết"


def test_a_site_name_left_of_the_page_title_is_no_title(reader):
    # "Báo Lạng Sơn - Tiêu đề" cut at its dash leaves the site's name as the stated title
    got = combine(Header(title=None), stated(title="Báo Lạng Sơn"), reader)
    assert got.title is None
    got = combine(Header(title="Tiêu đề bài viết"), stated(title="Báo Lạng Sơn"), reader)
    assert got.title == "Tiêu đề bài viết"


@pytest.mark.parametrize("outlet, url, read, expected", [
    ("Báo Nhân Dân", None, None, "Nhân Dân"),  # the table's name for the stated one
    ("NHANDAN", "https://nhandan.vn/x.html", None, "Nhân Dân"),  # unknown name: the domain
    (None, "https://www.tienphong.vn/a-1.html", "Nhân Dân", "Tiền Phong"),  # the domain first
    (None, "https://m.laodongthudo.vn/a.html", None, "Lao Động Thủ Đô"),  # a subdomain
    ("Trang tin Xã Yên Bình", None, "Tiền Phong", "Tiền Phong"),  # the rules' before a stranger
    ("Trang tin Xã Yên Bình", None, None, "Trang tin Xã Yên Bình"),  # else as written
    ("https://unknown.example.org/", None, None, None),  # never a URL
])
def test_the_outlet(reader, outlet, url, read, expected):
    got = combine(Header(outlet=read), stated(outlet=outlet, url=url), reader)
    assert got.outlet == expected


@pytest.mark.parametrize("authors, read, expected", [
    (("HOÀNG PHÚC",), [], ["Hoàng Phúc"]),  # capitals title-cased, as in bylines
    (("Hoàng Phúc, Trần Bình",), [], ["Hoàng Phúc", "Trần Bình"]),
    (("H.Thủy",), [], ["H.Thủy"]),
    (("PV",), ["Nguyễn An"], ["Nguyễn An"]),  # no name stated: the byline in the text
    (("Báo Nhân Dân",), ["Nguyễn An"], ["Nguyễn An"]),
    (("admin",), [], []),
])
def test_the_authors_are_the_names_in_what_is_stated(reader, authors, read, expected):
    assert combine(Header(authors=read), stated(authors=authors), reader).authors == expected


def test_hosts_of_a_url():
    assert hosts("https://m.baohagiang.vn/x?y=1") == ["m.baohagiang.vn", "baohagiang.vn"]
    assert hosts("www.nhandan.vn/a") == ["nhandan.vn"]
    assert hosts(None) == [] and hosts("not a url") == [] and hosts("http://[bad") == []
