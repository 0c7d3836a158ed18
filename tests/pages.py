"""Saved news pages built from an article's record, for the tests and the reading benchmark.

Each layout is a page as Vietnamese outlets' content systems print one: a ``<head>`` with its
metadata and a large inline style and script, a navigation menu with sub-menus, a breadcrumb,
the headline, a byline with the time, the lead (sapo) in a block of its own, the body with a
photo and its caption, the author at the foot, tags, related links, reader comments, a sidebar
of most-read stories and a footer. The article's own words come from a record (``title``,
``published``, ``authors``, ``text``); the furniture around them is invented and never holds a
name, a post or a document the stages could find.

- ``portal``: OpenGraph and ``article:*`` meta tags, ``meta name=author``, the canonical link;
  the sapo above the body; the site name also as a logo.
- ``jsonld``: no OpenGraph; a JSON-LD ``NewsArticle`` (headline, datePublished with a UTC time,
  author, publisher); the sapo as ``p.description``; the title followed by ``- Site``.
- ``plain``: an old provincial portal: only ``<title>``, a table layout, the date as text in
  the header, the lead in bold as the body's first paragraph, the author right-aligned.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone

LAYOUTS = ("portal", "jsonld", "plain")

_MENU = ["Thời sự", "Chính trị", "Xây dựng Đảng", "Kinh tế", "Xã hội", "Pháp luật", "Văn hóa",
         "Giáo dục", "Y tế", "Thể thao", "Quốc tế", "Bạn đọc", "Media", "Địa phương"]
_SUB = ["Tin mới", "Bình luận", "Phóng sự", "Ảnh", "Video", "Chuyên đề"]
_RELATED = [
    "Khai mạc hội chợ nông sản cuối tuần tại công viên trung tâm",
    "Dự báo thời tiết: mưa rào và dông rải rác vào chiều tối",
    "Nhiều tuyến phố được chỉnh trang đón năm mới",
    "Hướng dẫn thủ tục cấp đổi giấy phép lái xe trực tuyến",
    "Giá xăng dầu điều chỉnh từ 15 giờ chiều nay",
    "Học sinh tựu trường sớm để ổn định nề nếp",
]
_COMMENTS = ["Bài viết rất thiết thực, cảm ơn báo đã đưa tin.",
             "Mong các cấp tiếp tục quan tâm hơn nữa đến đời sống người dân."]
_STYLE = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i:06x}}}"
                 for i in range(900))
_SCRIPT = "var cfg = " + json.dumps({f"k{i}": "v" * 20 for i in range(300)}) + ";"

e = html.escape


def _menu() -> str:
    items = []
    for i, name in enumerate(_MENU):
        subs = "".join(f'<li><a href="/muc-{i}/{j}">{s}</a></li>' for j, s in enumerate(_SUB))
        items.append(f'<li class="menu-item"><a href="/muc-{i}">{name}</a>'
                     f'<ul class="sub-menu">{subs}</ul></li>')
    return f'<nav class="main-menu"><ul>{"".join(items)}</ul></nav>'


def _related(title: str = "Tin liên quan") -> str:
    links = "".join(f'<li><a href="/tin-{i}.html">{t}</a></li>' for i, t in enumerate(_RELATED))
    return f'<div class="related-news"><h3>{title}</h3><ul>{links}</ul></div>'


def _comments() -> str:
    items = "".join(f'<div class="comment-item"><span class="user">Bạn đọc {i + 1}</span>'
                    f"<p>{c}</p></div>" for i, c in enumerate(_COMMENTS))
    return f'<section id="comments" class="comments"><h3>Bình luận</h3>{items}</section>'


def _footer(site: str) -> str:
    return (f'<footer class="footer"><p>{e(site)}. Giấy phép hoạt động báo chí điện tử số '
            "123/GP-BTTTT. Địa chỉ: số 1 phố Chính, điện thoại 024 0000 0000.</p>"
            "<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>")


def _paragraphs(text: str) -> tuple[str, list[str]]:
    paras = [p for p in text.split("\n\n") if p.strip()]
    return paras[0], paras[1:]


def _time_line(published: str | None) -> str:
    if not published:
        return ""
    d = published[8:10] + "/" + published[5:7] + "/" + published[:4]
    return d + (" " + published[11:16] if len(published) > 10 else "")


def _utc(published: str) -> str:
    """The same moment in UTC, as JSON-LD often states it."""
    if len(published) <= 10:
        return published
    moment = datetime.fromisoformat(published).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def page(record: dict, layout: str = "portal", site: str = "Báo Nhân Dân",
         url: str = "https://example.vn/bai-viet-1.html") -> str:
    """A saved page of the article ``record`` (``title``, ``published``, ``authors``,
    ``text``: the lead is the text's first paragraph) in ``layout``."""
    title, published = record["title"], record.get("published")
    authors = record.get("authors") or []
    lead, body = _paragraphs(record["text"])
    byline = " - ".join(authors)
    figure = ('<figure class="image"><img src="/anh/1.jpg" alt=""><figcaption>Quang cảnh buổi '
              "làm việc (ảnh minh họa)</figcaption></figure>")
    paras = [f"<p>{e(p)}</p>" for p in body]
    paras.insert(min(2, len(paras)), figure)
    foot = f'<p class="author"><strong>{e(byline)}</strong></p>' if byline else ""
    if layout == "portal":
        meta = [f'<meta property="og:title" content="{e(title)}">',
                f'<meta property="og:site_name" content="{e(site)}">',
                f'<meta property="og:url" content="{e(url)}">',
                '<meta property="og:type" content="article">',
                f'<meta property="og:description" content="{e(lead)}">',
                f'<meta name="description" content="{e(lead)}">',
                '<meta property="article:section" content="Chính trị">',
                f'<link rel="canonical" href="{e(url)}">']
        if published:
            meta.append(f'<meta property="article:published_time" content="{published}">')
        if authors:
            meta.append(f'<meta name="author" content="{e(", ".join(authors))}">')
        head = "".join(meta)
        top = (f'<header class="site-header"><a class="logo" href="/">{e(site)}</a>{_menu()}'
               '</header><div class="breadcrumb"><a href="/">Trang chủ</a> › '
               '<a href="/chinh-tri">Chính trị</a></div>')
        article = (f'<article class="detail"><h1 class="detail-title">{e(title)}</h1>'
                   f'<div class="detail-meta"><span class="author">{e(byline)}</span> '
                   f"<time>{_time_line(published)}</time></div>"
                   f'<div class="detail-sapo">{e(lead)}</div>'
                   f'<div class="detail-content">{"".join(paras)}{foot}</div>'
                   '<div class="detail-tags">Từ khóa: <a href="/tag/a">hội nghị</a> '
                   '<a href="/tag/b">cơ sở</a></div>'
                   f"{_related()}{_comments()}</article>")
        side = f'<aside class="sidebar">{_related("Đọc nhiều")}</aside>'
        return _document(f"{title} | {site}", head, top + f"<main>{article}{side}</main>"
                         + _footer(site))
    if layout == "jsonld":
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                "publisher": {"@type": "Organization", "name": site},
                "mainEntityOfPage": url}
        if published:
            data["datePublished"] = _utc(published)
        if authors:
            data["author"] = [{"@type": "Person", "name": a} for a in authors]
        head = (f'<meta name="description" content="{e(lead)}">'
                f'<link rel="canonical" href="{e(url)}">'
                '<script type="application/ld+json">'
                f"{json.dumps(data, ensure_ascii=False)}</script>")
        top = f'<div id="top">{_menu()}</div>'
        article = (f'<section class="page-detail"><h1 class="title-detail">{e(title)}</h1>'
                   f'<p class="description">{e(lead)}</p>'
                   f'<article class="fck_detail">{"".join(paras)}'
                   f'<p class="Normal" style="text-align:right;"><strong>{e(byline)}'
                   f"</strong></p></article>{_related('Xem thêm')}</section>")
        return _document(f"{title} - {site}", head, top + article + _comments() + _footer(site))
    if layout == "plain":
        menu = "".join(f'<tr><td><a href="/m{i}">{m}</a></td></tr>' for i, m in enumerate(_MENU))
        right = f'<p style="text-align:right"><b>{e(byline)}</b></p>' if byline else ""
        content = (f'<div id="content"><h2 class="tieude">{e(title)}</h2>'
                   f"<p><b>{e(lead)}</b></p>{''.join(paras)}{right}</div>")
        body = (f'<div class="banner">Cổng thông tin điện tử</div>'
                f'<div class="date">Cập nhật: {_time_line(published)}</div>'
                f'<table><tr><td class="left"><table>{menu}</table></td>'
                f'<td class="main">{content}{_related("Các tin khác")}</td></tr></table>'
                + _footer("Cổng thông tin điện tử"))
        return _document(f"{title} | Cổng thông tin điện tử", "", body)
    raise ValueError(layout)


def _document(title: str, head: str, body: str) -> str:
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title>{head}<style>{_STYLE}</style>"
            f"<script>{_SCRIPT}</script></head><body>{body}"
            '<script>window.dataLayer = window.dataLayer || [];</script></body></html>')
