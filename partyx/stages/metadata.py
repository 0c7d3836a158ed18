"""Metadata: headline, publication time, outlet, bylines, section; and the body ``text``.

Works on the cleaned ``lines``. The header is the run of short lines before the first body
paragraph: a section line (``Đảng - đoàn thể``), a site banner, a date line
(``24/03/2021 21:54``, ``Ngày đăng 18/05/2022 | 08:40``), a byline. The outlet comes from a
dateline or abbreviation that opens the body (``(LĐTĐ)``, ``TPO -``, ``Kinhtedothi -``) through
the outlet table in ``data/outlets.json``.
"""

from __future__ import annotations

import re

from partyx.article import Article
from partyx.data import load
from partyx.pipeline import Stage, register

_DATETIME = re.compile(
    r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\D{0,5}?(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?"
)


def _outlet_index() -> tuple[re.Pattern[str], dict[str, str]]:
    aliases: dict[str, str] = {}
    for outlet in load("outlets"):
        for alias in outlet["aliases"]:
            aliases[alias.casefold()] = outlet["name"]
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    dateline = re.compile(rf"^\(?\s*({names})\s*\)?\s*(?:[-–—:]|(?<=\)))", re.IGNORECASE)
    return dateline, aliases


@register
class Metadata(Stage):
    name = "metadata"
    version = "1"
    requires = ("lines",)
    provides = ("title", "published", "outlet", "authors", "section", "text")
    description = "headline, publication time, outlet, bylines, section, body text"

    def __init__(self) -> None:
        self.dateline, self.aliases = _outlet_index()
        self.sections = {s.casefold() for s in load("sections")}

    def __call__(self, article: Article) -> None:
        lines = article.extras["lines"]
        header: list[int] = []
        body_start = len(lines)
        for i, line in enumerate(lines):
            if _is_paragraph(line) or self.dateline.match(line):
                body_start = i
                break
            header.append(i)
        title_i = None
        for i in header:
            line = lines[i]
            if line.casefold() in self.sections:
                article.section = line
            elif _DATETIME.search(line) and len(line) < 80:
                article.published = article.published or _iso(line)
                rest = _DATETIME.sub("", line).strip(" |")
                if _looks_like_name(rest):
                    article.authors.append(rest)
            elif _looks_like_name(line) and title_i is not None:
                article.authors.append(line)
            else:
                title_i = i  # the last long header line is the headline
        if title_i is not None:
            article.title = lines[title_i]
        body = lines[body_start:]
        if body:
            m = self.dateline.match(body[0])
            if m:
                article.outlet = self.aliases[m.group(1).casefold()]
        if body and _looks_like_name(body[-1]):
            name = body[-1]
            if name not in article.authors:
                article.authors.append(name)
            body = body[:-1]
        article.text = "\n\n".join(body) or None


def _is_paragraph(line: str) -> bool:
    return len(line) > 200 or (len(line) > 60 and line.count(",") >= 2 and line.endswith("."))


_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def _iso(line: str) -> str | None:
    m = _DATETIME.search(line)
    if not m:
        return None
    d, mo, y, hh, mm, ss = m.groups()
    if not (1 <= int(d) <= 31 and 1 <= int(mo) <= 12):
        return None
    if hh is None:
        return f"{y}-{int(mo):02d}-{int(d):02d}"
    return f"{y}-{int(mo):02d}-{int(d):02d}T{int(hh):02d}:{mm}:{ss or '00'}+07:00"
