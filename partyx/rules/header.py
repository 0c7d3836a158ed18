"""The header of an article: headline, publication time, outlet, bylines, section; and the
body ``text``.

:meth:`HeaderReader.read` works on the cleaned lines (and the captions recognised by
:mod:`partyx.rules.boilerplate`) and gives a :class:`Header`.

**Header.** The lines before the first body paragraph: a section line (``Đảng - đoàn thể``),
a site banner (``Việt Nam vươn mình trong kỷ nguyên mới``), a date line (``24/03/2021 21:54``,
``Ngày đăng 18/05/2022 | 08:40``, ``25/12/2021 18:01:00 Thùy Dương``), bylines, captions. The
headline is the first header line that is none of these (a headline printed again as a
photo's caption further down is still the headline). A headline printed over two lines goes on
in lower case (``… công bố quyết định`` / ``về công tác cán bộ``), or in capitals after one in
capitals. A second headline-like line after it (a sub-heading, a lead without a full stop)
begins the body. A page's title loses the site's name and section around the headline (``Tiêu
đề | Chính trị | Báo Lạng Sơn``, ``Báo Lạng Sơn | Tiêu đề``, ``Tiêu đề :: Báo Lạng Sơn``).

**Glued headlines.** Some corpora print headline, photo caption and lead as one line
(``Khiển trách ông X (NLĐ)- Tại kỳ họp …``). When the first line is a paragraph, the headline
is cut off at the outlet's dateline or ``LTS:`` and at the first capitalised restart (see
:mod:`partyx.rules.headline`); the caption between headline and dateline is dropped.

**Published** comes only from a header date line (or the time printed right after the
headline: ``Tiêu đề … 15/10/2025 11:56``): ISO 8601 with ``+07:00`` when a time is written,
the bare date when not, ``None`` when the header has no date. Never from the body.

**Outlet**: a logo or portal line above the headline (``CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG
SƠN``), the dateline that opens the body (``(LĐTĐ)``, ``TPO -``, ``Kinhtedothi -``,
``(NLĐ)-``, ``HÀ NỘI (TTXVN) -``, a provincial paper's ``(QNO) -``, ``BHG -``, a station's
``HTTV -``), else a credit at the foot (``Theo Người Lao Động``, ``Nguồn tin: vtcnews.vn``,
``Nguồn GD&TĐ: http://giaoducthoidai.vn/…``, ``Chu Thanh Vân (TTXVN)``) or the site's footer
(``© Bản quyền thuộc Báo Lạng Sơn``, the outlet's name above ``Cơ quan chủ quản: …``), else
the outlet the story names as its own reporter (``trao đổi với PV Pháp Luật TP.HCM``, ``như
Dân Việt đã đưa tin``), resolved through the press list of :mod:`partyx.rules.outlets`. A
photo's source (``Nguồn ảnh: TTXVN``) is none.

**Authors**: names only, from a byline under the headline, the rest of the date line, a byline line
between the lead and the body (with the date line under it), or the last lines of the body above the
site's footer (also the tail glued after the last sentence of a one-line body): ``Hoàng Phúc``, ``Hà
Hương - Thắng Quang``, ``Bài và ảnh: Trường Hoàng``, ``Bài: X - Ảnh: Y``, ``Chu Thanh Vân (TTXVN)``,
``Đặng Chung/VOV-Tây Bắc``, ``THIỆN VĂN`` (written in capitals: title-cased), ``Bích Liên Vũ Hiếu``
(two, told apart by the second's family name), ``Hoàng Anh - Trung tâm Văn hóa huyện`` (the unit
written for is no name). ``Tin-ảnh: T.Nhân`` (leads joined by a dash), ``Phóng viên Thanh Hà``,
``Thanh Hà (BQN)`` (an outlet's abbreviation the table may not know), ``Đăng bởi Thanh Hà vào lúc
08:30 12/03/2024``, ``CAO NGUYÊN - BẢO THẮNG`` (a family name is no outlet's abbreviation), a name
with its source (``Kiều Dụ (Theo Sina)``, ``Đức Quỳnh/Reuters, CNN``, ``Phương Mai Theo Bright
Side``, ``Anh Dũng - Ảnh: AFC``), a byline above a credit line (``Tú Oanh`` / ``Theo Sputnik, RT``)
or with its time (``Lạc Bối - Thể thao Việt Nam | 17:20 22/09/2017``); a portal's contributor
closing the byline with a full stop (``Hữu Hoàn.``), the date printed under it (``Văn Khoa`` /
``02/11/2023``), the poster in a date line (``Người đăng: Thanh Hà``, ``Viết bởi Thanh Hà``, ``Thanh
Hà · 2 giờ trước``), a byline glued without a blank after the last full stop (``… được giao.Thanh
Hà``). ``PV``, ``Nhóm PV Thời sự``, ``(t/h)`` are no names; nor is what a credit names alone (``Theo
Một Thế Giới``, ``Theo Daily Mail``: a source, not a person), nor a photo credit glued after a
caption (``… Ảnh: Chu Thanh``), nor a person of the story (a name the body writes as a name of its
own), nor an item under a line ending with ``:``. Bylines and credits are removed from ``text``. The
words around bylines and date lines are in ``data/bylines.json``.

**Text**: the body lines joined with a blank line, without the dateline prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import NamedTuple

from partyx.data import load
from partyx.lang.sentences import ends_sentence, next_starts
from partyx.rules import outlets
from partyx.rules.boilerplate import is_paragraph
from partyx.rules.gazetteer import DISTRICT_TYPES, PROVINCE_TYPES, WARD_TYPES
from partyx.rules.headline import chunks, first_bullet, has_sentence_seam, is_headline_run

# --- dates -------------------------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d\d)(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3])\s?(?::|h|g)\s?([0-5]\d)(?::([0-5]\d))?(?![\d:])"
                   r"(?:\s?(AM|PM|SA|CH)\b)?", re.IGNORECASE)
# Words a date line carries besides the date: removed before looking for a byline in it.
_OFFSET = re.compile(r"\b(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d\d)?\b", re.IGNORECASE)


def _words_re(words: list[str], tail: str = "") -> re.Pattern[str]:
    """Any of ``words`` (longest first, blanks flexible, any case) as a whole word."""
    alts = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w){tail}", re.IGNORECASE)


@dataclass(frozen=True)
class _BylineWords:
    leads: re.Pattern[str]
    credit_leads: frozenset[str]  # "theo", "nguồn": a reprint credit's leads
    staff_leads: frozenset[str]  # "biên tập", "trình bày": a credit of the page, no author's
    source_joins: frozenset[str]  # "và", "sống": lower-case words of a source's name
    credited_before: re.Pattern[str]  # "Ảnh:", "PV", "/" right before a name: a credit's
    glued_credit: re.Pattern[str]  # a reprint credit glued after a byline: "Phương Mai Theo …"
    glued_needles: tuple[str, ...]  # " Theo ", " Nguồn ": what it opens with, to look first
    photo_lead: re.Pattern[str]  # "Ảnh", "Video": a photo or video credit's lead
    # the second of the names a photo credit joins ("(Ảnh: Nguyễn Tuyến-Thành Hữu/Vietnam+)"):
    # what stands before it
    joined_credit: re.Pattern[str]
    source_cue: re.Pattern[str]  # "theo", "ảnh:", "dịch từ" opening a bracket after a name
    trailing: re.Pattern[str]  # "lược dịch" written after a name
    degrees: re.Pattern[str]
    placeholders: frozenset[str]
    series_marks: tuple[str, ...]  # "còn tiếp", "kỳ": a bracketed series mark, lower case
    series_numbers: frozenset[str]  # "hai", "cuối": a part's number in words, lower case
    date_words: re.Pattern[str]
    surnames: frozenset[str]
    honorifics: frozenset[str]
    office: re.Pattern[str]  # a post ("TỔNG BÍ THƯ") or a signature's mark ("TM.", "KT.")
    mark: re.Pattern[str]  # a signature's mark
    affiliation: re.Pattern[str]
    relative_time: re.Pattern[str]  # "2 giờ trước" (a portal's time stamp by a byline)
    platforms: frozenset[str]  # "Facebook", "Zalo": a row of share buttons, never a name


@cache
def _words() -> _BylineWords:
    data = load("bylines")
    degrees = "|".join(re.escape(d) for d in data["degrees"])
    ranks = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in data["ranks"])
    lead = _words_re(data["leads"]).pattern
    joins = "|".join(re.escape(j) for j in data["lead_joins"])
    firsts = sorted({w.split()[0] for w in data["credit_leads"]})  # "Theo", "Nguồn"
    return _BylineWords(
        platforms=frozenset(w.casefold() for w in load("boilerplate")["platforms"]
                            if " " not in w),
        relative_time=re.compile(r"\b\d{1,2}\s(?:" + "|".join(map(re.escape, data["time_units"]))
                                 + r")\strước\b"),
        # "Bài và ảnh:", "Tin-ảnh:", "Bài - ảnh:": leads, alone or joined
        leads=re.compile(rf"^(?:{lead})(?:\s*(?:{joins})\s*(?:{lead}))*\s*:?\s*", re.IGNORECASE),
        credit_leads=frozenset(w.casefold() for w in data["credit_leads"]),
        staff_leads=frozenset(w.casefold() for w in data["staff_leads"]),
        source_joins=frozenset(data["source_joins"]),
        credited_before=re.compile("(?:" + "|".join(map(re.escape, data["credited_words"]))
                                   + r"|/)\s*:?\s*\(?$", re.IGNORECASE),
        glued_credit=re.compile(r"(?<=[\w)/])\s*(?<!\w)(?:" + "|".join(
            re.escape(w) for w in firsts) + r")\s?:?\s(?=\S)"),  # "Minh Anh Nguồn: Báo X"
        glued_needles=tuple(f" {w}{end}" for w in firsts for end in (" ", ":")),
        photo_lead=re.compile(_words_re(data["photo_leads"]).pattern.replace("(?<!\\w)", "^", 1),
                              re.IGNORECASE),
        joined_credit=_words_re(data["photo_leads"],
                                r"\s*:\s*(?:[^\W\d_][\w.]*\s?){1,5}[-–,&]\s?$"),
        source_cue=re.compile(_words_re(data["source_cues"]).pattern.replace("(?<!\\w)", "^", 1),
                              re.IGNORECASE),
        trailing=re.compile(r"\s(?:" + "|".join(
            re.escape(w) for w in sorted(data["trailing_words"], key=len, reverse=True)) + r")$"),
        degrees=re.compile(rf"^(?:(?:{ranks})\s*,?\s*)?(?:(?:{degrees})(?![^\W\d_])\.?\s*[,.]?\s*)+"
                           rf"(?=\w)|^(?:{ranks})\s+",
                           re.IGNORECASE),
        placeholders=frozenset(p.casefold() for p in data["placeholders"]),
        series_marks=tuple(m.casefold() for m in data["series_marks"]),
        series_numbers=frozenset(n.casefold() for n in data["series_numbers"]),
        date_words=_words_re(data["date_words"]),
        surnames=frozenset(load("names")["surnames"]),
        honorifics=frozenset(h.casefold() for h in data["honorifics"]),
        office=re.compile(_words_re(data["offices"]).pattern.replace("(?<!\\w)", "^", 1) + "|"
                          + _words_re(data["signature_marks"], r"\s*[.:]?").pattern
                          .replace("(?<!\\w)", "^", 1), re.IGNORECASE),
        mark=re.compile(_words_re(data["signature_marks"], r"\s*[.:]?").pattern
                        .replace("(?<!\\w)", "^", 1), re.IGNORECASE),
        affiliation=re.compile(_words_re(data["affiliations"]).pattern.replace("(?<!\\w)", "^", 1)),
    )


def parse_published(line: str) -> str | None:
    """The publication time written in a header line, as ISO 8601 (``+07:00``), or ``None``."""
    m = _DATE.search(line)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _ISO_DATE.search(line)
        if not m:
            return None
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        datetime(y, mo, d)
    except ValueError:
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    t = _TIME.search(rest)
    if not t:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    hh, mm, ss = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
    if (t.group(4) or "").upper() in ("PM", "CH") and hh < 12:
        hh += 12
    return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}+07:00"


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_DATE_LINE_SEPARATORS = re.compile(r"\s*[|•·,@]\s*")


def _date_rest(line: str, sections: set[str] | frozenset[str] = frozenset()) -> str:
    """A date line without its date, time and date words (and the ``sections`` it names:
    ``Thanh Hà | Chính trị | 12/03/2024``): what may be a byline."""
    rest = _DATE.sub(" ", line)
    rest = _ISO_DATE.sub(" ", rest)
    rest = _OFFSET.sub(" ", rest)  # before the time: "GMT+07:00"
    rest = _TIME.sub(" ", rest)
    rest = _words().date_words.sub(" ", rest)
    rest = _EMPTY_BRACKETS.sub(" ", rest)  # "(GMT+7)", gone
    # what the separators leave ("Thứ năm, | Hoàng Phúc - Minh Anh", "NGUYÊN ĐOAN (thực hiện)")
    pieces = (" ".join(p.split()).strip(" -–—:") for p in _DATE_LINE_SEPARATORS.split(rest))
    return ", ".join(p for p in pieces if p and p.casefold() not in sections)


# --- bylines -----------------------------------------------------------------------------------

_NAME_SPLIT = re.compile(r"\s*(?:\s[-–—]\s?|\s?[-–—]\s|,|;|&|/|\||\bvà\b)\s*")
# A unit word with its place in a part after a name ("TTVHTT&TT huyện Núi Thành"): the unit
# the contributor writes for, no name (a name writes no word in lower case)
_UNIT_OF_PLACE = re.compile(r"\s(?:" + "|".join(sorted(
    {*PROVINCE_TYPES, *DISTRICT_TYPES, *WARD_TYPES}, key=len, reverse=True)) + r")\s+(\w)")
_ABBREVIATION = re.compile(r"^(?=(?:\w*[A-ZĐ]){2})[A-ZĐ0-9&./-]+$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|co)\b", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s?){1,2}[^\W\d_]+$")
_TITLE_SUFFIX = re.compile(r"\s+(?:[-–—|«»]|::)\s+([^-–—|«»:]{2,60})$")
_TITLE_SEPARATOR = re.compile(r"\s(?:[-–—|«»]|::)\s")
_TITLE_PREFIX = re.compile(r"^([^-–—|«»:]{2,60}?)\s+(?:[-–—|«»]|::)\s+")
_PAREN_TAIL = re.compile(r"\s*\(([^()]{1,70})\)\s*$")
_BRACKETED = re.compile(r"^[(\[]([^()\[\]]{3,70})[)\]]$")  # a byline in brackets: "(Phương Lan)"
# What follows the outlet's name in a footer line: "Báo Quảng Nam. All rights reserved"
# "Ghi rõ nguồn “Báo Lạng Sơn” khi phát hành lại thông tin từ website này"
_QUOTED = re.compile(r"^\s*[\"“'‘]([^\"”'’]{2,60})[\"”'’]")
_FOOTER_TAIL = re.compile(r"[.|,]\s|\s[-–|]\s")
# Datelines (see HeaderReader.dateline): "(LĐTĐ) Chiều 24/3", "HÀ NỘI (TTXVN) - ", "TPO - "
_PAREN_DATELINE = re.compile(r"^\(\s*([^()]{1,40}?)\s*\)\s*[-–—:]?\s*"
                             r"|^[^\W\d_][^()\n]{0,30}?\s\(\s*([^()]{1,40}?)\s*\)\s?[-–—]\s*")
_PAREN_DASH = re.compile(r"\(\s*([^()]{1,40}?)\s*\)\s?[-–—]\s?")
_DASH = re.compile(r"[-–—](?=\s)")


class Dateline(NamedTuple):
    alias: str  # the outlet as written
    end: int  # where the body text begins after it


def _unit_of_place(text: str) -> re.Match[str] | None:
    """A unit's abbreviation with the unit word and the capitalised name of its place
    (``TTVHTT&TT huyện Núi Thành``), in ``text``; a place alone (``xã Hòa Bình, huyện Núi
    Thành``, where a person of the story lives) is none."""
    for m in _UNIT_OF_PLACE.finditer(" " + text):
        before = text[:max(0, m.start() - 1)].split()
        if m.group(1).isupper() and before and _ABBREVIATION.match(before[-1]):
            return m
    return None


# What a source is written as: capitalised words, abbreviations or web addresses, separated by
# commas or slashes ("Nikkei, Bloomberg", "The Nation", "Đời sống Plus/GĐVN", "saostar.vn"),
# with the lower-case words of bylines.json source_joins after the first
def _is_source(text: str, sentence_case: bool = False) -> bool:
    """Is ``text`` written as a source's name (``Bright Side``, ``Reuters, CNN``, ``saostar.vn``,
    ``Đời sống Plus/GĐVN``): at most six words, each capitalised or a web address? Written
    after a byline's slash, a source may be in sentence case (``Phụ nữ Sức khỏe``)."""
    words = [w for w in re.split(r"[\s,/]+", text.strip(" .()")) if w]
    return 1 <= len(words) <= 6 and all(
        w[0].isupper() or w[0].isdigit() or _DOMAIN.match(w) is not None
        or (k and (w in _words().source_joins or (sentence_case and w.isalpha())))
        for k, w in enumerate(words))


_SHARE_SEPARATORS = re.compile(r"[\s|,/•·]+")
_FIRST_SHARE_WORD = re.compile(r"[\s|,/•·]*([^\s|,/•·]+)")


def _is_share_row(line: str) -> bool:
    """Is ``line`` a row of share buttons, platforms' names only (``Zalo Facebook Twitter``)?"""
    first = _FIRST_SHARE_WORD.match(line)  # (most lines: a paragraph, not split whole)
    platforms = _words().platforms
    if first is None or first.group(1).casefold() not in platforms:
        return False
    words = [w for w in _SHARE_SEPARATORS.split(line.casefold()) if w]
    return 1 < len(words) <= 8 and all(w in platforms for w in words)


def _has_address(line: str) -> bool:
    """Does ``line`` hold a web address (``Hoàng Vũ Baodatviet.vn``)?"""
    return "." in line and any(_DOMAIN.match(w.strip("()/")) for w in line.split())


def _is_pen_name(word: str) -> bool:
    """Is ``word`` a pen name of one word (``HeFa``, ``Lily``): letters, capitalised?"""
    return word.isalpha() and word[0].isupper() and len(word) >= 2


def _is_name_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and (word[1:].islower() or word.isupper())


def _as_name(part: str) -> str | None:
    """``part`` as a person's name (title-cased when written in capitals), else ``None``."""
    vocab = _words()
    part = vocab.degrees.sub("", part.strip(" .")).strip(" .")
    words = part.split()
    if words and (words[0].casefold() in vocab.honorifics
                  or " ".join(words[:2]).casefold() in vocab.honorifics):
        return None  # "Ông Nguyễn Văn A": a caption
    if vocab.office.match(part):
        return None  # "TỔNG BÍ THƯ": a post above a signature
    if _INITIALS.match(part) and len(words) <= 2:
        return part
    if not 2 <= len(words) <= 5 or not all(_is_name_word(w) for w in words):
        return None
    capitals = [w.isupper() for w in words]
    if any(capitals) and not all(capitals):  # "TP Hồ Chí Minh": no name mixes the two
        return None
    if all(capitals):
        return " ".join(w.capitalize() for w in words)
    return part


def _in_story(name: str, text: str) -> bool:
    """Is ``name`` a person of the story: written in the body as a name of its own (not the
    end of a longer name, not a credit: what may stand right before a byline's name in the
    body without making it a person of the story, bylines.json credited_words, is a photo
    credit, ``Ảnh: Văn Thanh``, or the reporter's own mention, ``PV Văn Thanh``)?"""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[max(0, at - 14):at]
        words = before.split()
        longer = words and before.endswith(" ") and _is_name_word(words[-1]) \
            and words[-1].casefold() not in _words().honorifics  # "Ông Trần Văn Minh" is one
        if not (end < len(text) and text[end].isalpha()) and not longer \
                and not _words().credited_before.search(before) \
                and not _words().joined_credit.search(text[max(0, at - 50):at]):
            return True
        at = text.find(name, end)
    return False


def _two_names(name: str, surnames: frozenset[str]) -> list[str]:
    """``Bích Liên Vũ Hiếu``: two bylines written without a separator, told apart by the
    family name that opens the second one when the first opens with none (a full name opens
    with its family name: ``Nguyễn Thị Minh Khai`` is one)."""
    words = name.split()
    if len(words) < 4 or words[0] in surnames:
        return [name]
    for k in range(2, len(words) - 1):
        if words[k] in surnames:
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [name]


_BYLINE_WORDS = re.compile(r"[\s,/&–—-]+")


def _dotted_name(line: str) -> bool:
    """Is ``line`` a byline closed by one full stop (``Hữu Hoàn.``, ``Tin, ảnh: Thu Hà - Minh
    Đức.``), as a portal's contributor writes it: after its lead, capitalised words only?"""
    line = line.strip()
    if len(line) > 60 or not line.endswith(".") or line.endswith("..") or "." in line[:-1]:
        return False
    core = _words().leads.sub("", line[:-1])
    words = [w for w in _BYLINE_WORDS.split(core) if w]
    return 2 <= len(words) <= 10 and all(w[0].isupper() or w == "và" for w in words)


def _is_date_only(line: str, sections: set[str] | frozenset[str]) -> bool:
    """Is ``line`` a date line and nothing else (``02/11/2023``, ``12/03/2024 08:30``)?"""
    return len(line) <= 40 and parse_published(line) is not None and not _date_rest(line, sections)


_NOTE = re.compile(r"[(\[]\d{1,2}[)\]]\s?[.:]?\s")  # "(1) Hồ Chí Minh: Toàn tập", "[2]. Sđd"
_FIRST_NOTE = re.compile(r"\s[(\[]1[)\]]\s?[.:]?\s")


def _endnotes(body: list[str]) -> tuple[list[str], list[str]] | None:
    """``body`` cut before the endnotes at its end (lines opening with ``(1)``, ``(2)``, …,
    or ``(1) … (2) …`` glued after the last paragraph): the body before them and the notes;
    ``None`` when it ends with none."""
    k = len(body)
    while k > 1 and len(body[k - 1]) <= 400 and _NOTE.match(body[k - 1]):
        k -= 1
    if k < len(body):
        return (body[:k], body[k:]) if body[k][1] == "1" else None
    if not body:
        return None
    last = body[-1]
    if "1)" not in last and "1]" not in last:  # in every match: a C scan, not the regex's
        return None
    starts = list(_FIRST_NOTE.finditer(last))
    if not starts:
        return None
    m = starts[-1]
    notes = last[m.start():].strip()
    if len(notes) > 1500 or (len(notes) > 300 and not _NOTE.search(notes, 4)):
        return None  # a numbered list in the story, no notes
    return [*body[:-1], last[:m.start()].rstrip()], [notes]


_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)  # a line that is a link only
_BULLET = re.compile(r"^\s*(?:[-–+•*]|\d{1,2}[.)])\s*")


def _is_caption_item(line: str) -> bool:
    """Is ``line`` a short caption of a list's item (``Lip B``, ``Ông Cao Thắng``): at most
    four words, capitalised, no sentence?"""
    return len(line) <= 40 and 1 <= len(line.split()) <= 4 and line[:1].isupper() \
        and not ends_sentence(line) and not line.rstrip().endswith(":")
_PLACE_AND_DATE = re.compile(r"^[^\W\d_][\w\s.]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+"
                             r"năm\s+\d{4}\.?$", re.IGNORECASE)


def _signs(line: str) -> bool:
    """Does ``line`` stand above a signature: a post (``TỔNG BÍ THƯ``, ``KT. CHỦ TỊCH``) or
    a document's place and date (``Hà Nội, ngày 3 tháng 2 năm 2024``)?"""
    line = line.strip()
    if len(line) > 80 or ends_sentence(line, ".!?…"):
        return False
    vocab = _words()
    post = vocab.office.match(line) and (line.isupper() or len(line.split()) <= 4)
    return bool(post or vocab.mark.match(line) or _PLACE_AND_DATE.match(line))


def _unit_or_post(line: str) -> bool:
    """Is ``line`` the unit (``Học viện Chính trị khu vực I``) or the post (``Phó Trưởng Ban
    Tuyên giáo Tỉnh ủy``) an essay's author prints under the name? A post with its body,
    no signature's mark, no heading of what follows."""
    vocab = _words()
    if vocab.affiliation.match(line):
        return True
    return bool(vocab.office.match(line)) and not vocab.mark.match(line) \
        and len(line.split()) >= 3 and not line.rstrip().endswith(":")


def _series_mark(text: str, vocab: _BylineWords) -> bool:
    """``text`` (inside brackets) marks a series' part: ``Còn tiếp``, ``Kỳ Hai``, ``Hết``;
    not a pen name that opens with a mark's word (``Kỳ Duyên``)."""
    low = text.strip().casefold()
    for m in vocab.series_marks:
        if low == m:
            return True
        if low.startswith(m + " "):
            rest = low[len(m) + 1:].strip(" .:")
            if rest.isdigit() or _ROMAN.fullmatch(rest) or rest in vocab.series_numbers:
                return True
    return False


_ROMAN = re.compile(r"[ivxl]{1,6}")  # lower case: the text is casefolded


def _is_place(name: str) -> bool:
    """Is ``name`` a province's or a district's, written bare (``Hồng Lĩnh``)?"""
    from partyx.rules import gazetteer  # loaded once, only when a byline is read

    return gazetteer.get().is_place_name(name)


@cache
def _body_heads() -> frozenset[str]:
    """The words that open an organisation's name (orgs.json generic_heads, impersonal_heads,
    ministry_units: ``Văn phòng``, ``Ban``, ``Sở``), casefolded."""
    data = load("orgs")
    return frozenset(w.casefold() for key in ("generic_heads", "impersonal_heads",
                                             "ministry_units") for w in data[key])


def _is_body(name: str) -> bool:
    """Is ``name`` an organisation's head word alone (``Văn Phòng``: the office a story came
    from, written in brackets like a pen name)?"""
    return name.casefold() in _body_heads()


def _is_province(name: str) -> bool:
    """Is ``name`` a province's?"""
    from partyx.rules import gazetteer  # loaded once, only when a byline is read

    return gazetteer.get().province(name) is not None


@dataclass
class Byline:
    names: list[str] = field(default_factory=list)
    outlet: str | None = None

    def __bool__(self) -> bool:  # a recognised byline, even "PV" or "(Tổng hợp)"
        return True


# --- the reader ---------------------------------------------------------------------------------

_PAREN_START = re.compile(r"^\(([^()]{1,30})\)\s*")
_BREADCRUMB = re.compile(r"\s(?:>|»|/|›)\s")


def _headline_and_date(line: str) -> str | None:
    """The headline of a line that prints the publication time right after it (``Tiêu đề …
    15/10/2025 11:56``), else ``None``."""
    m = _DATE.search(line)
    if not m or m.start() < 20:
        return None
    tail = line[m.end():].strip()
    if tail and not _TIME.fullmatch(tail):
        return None
    headline = line[:m.start()].rstrip(" |-–—,")
    # "Chính trị | Thứ Hai, 12/03/2024 08:30": a section and the date, no headline
    headline = _trailing_date_words().sub("", headline).rstrip(" |-–—,")
    return headline if len(headline.split()) >= 4 and _headline_like(headline) else None


@cache
def _trailing_date_words() -> re.Pattern[str]:
    return re.compile(rf"(?:[\s|,–—-]*(?:{_words().date_words.pattern}))+\s*:?$", re.IGNORECASE)


def _continues(title: str, line: str) -> bool:
    """Is ``line`` the second line of a headline printed over two (``Ban Thường vụ Tỉnh ủy
    công bố quyết định`` / ``về công tác cán bộ``): a short line going on in lower case, or in
    capitals after a headline in capitals, the first line ending with no mark?"""
    if len(title) + len(line) > 200 or title[-1] in ".:;!?…\"”)" or ends_sentence(line) \
            or len(line.split()) > 15:
        return False
    first = line[0]
    if first.islower():
        return first.isalpha()
    return title.isupper() and line.isupper() and len(line.split()) >= 2


def _headline_like(line: str) -> bool:
    return 2 <= len(line.split()) <= 40 and not is_paragraph(line) and not line.endswith(":")


def _section_name(line: str) -> str:
    """``Trang chủ > Chính trị > Xây dựng Đảng`` -> ``Xây dựng Đảng``."""
    return _BREADCRUMB.split(line)[-1].strip()


def _clean_title(text: str) -> str:
    """A headline without what a bullet glued after it (``… Đảng Cộng sản VN + Tổng Bí thư …``)."""
    bullet = first_bullet(text)
    if bullet is not None:
        text = text[:bullet]
    return text.strip(" -–—|+•")


@dataclass
class Header:
    """What the header and the foot of an article say, and the body text."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    text: str | None = None


class HeaderReader:
    """The header rules with the outlet, section and banner vocabulary compiled once."""

    def __init__(self) -> None:
        self.outlets = outlets.table()
        # every alias as written: a name dateline ("TPO - ") is one of them, case and all
        self.forms = frozenset(self.outlets.forms())
        self.longest_form = max(map(len, self.forms)) + 2
        self.first_words = frozenset(f.split()[0] for f in self.forms)
        self.sections = {s.casefold() for s in load("sections")["sections"]}
        words = load("headline")
        leads = "|".join(re.escape(w) for w in sorted(words["time_leads"], key=len, reverse=True))
        # "Sáng 1/9, tại …", "Hôm qua 13/4, …": a lead, not a headline
        self.time_lead = re.compile(rf"^(?:{leads})\b[^,.]{{0,15}}?\d{{1,2}}\s?[/.-]\s?\d{{1,2}}")
        notes = "|".join(re.escape(w) for w in words["editor_notes"])
        self.editor_note = re.compile(rf"\s(?:{notes})\s?:")
        bp = load("boilerplate")
        marks = "|".join(re.escape(w) for w in sorted(bp["site_footer"], key=len, reverse=True))
        fields = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                          for w in sorted(bp["site_footer_fields"], key=len, reverse=True))
        self.footer_starts = frozenset(c for w in bp["site_footer"] for c in
                                       (w[0], w[0].upper(), w[0].lower()))
        # "© 2024 Bản quyền thuộc Báo X", "Cơ quan chủ quản: Tỉnh ủy X"
        self.site_footer = re.compile(
            rf"^(?:(?P<mark>(?:{marks})(?![^\W\d_])[\s:.,]*(?:(?:{marks})(?![^\W\d_])[\s:.,]*"
            rf"|\d{{4}}(?:\s?[-–]\s?\d{{4}})?[\s.,]*)*)|(?:{fields})\s*:\s*)", re.IGNORECASE)
        self.banners = {b.casefold() for b in bp["banners"]}
        self.banner_prefixes = tuple(b.casefold() for b in bp["banner_prefixes"])

    def dateline(self, line: str, bracketed: bool = False) -> Dateline | None:
        """The dateline that opens ``line``, if any: an outlet in brackets (``(LĐTĐ) Chiều
        24/3``, its bracket opening within the first 33 characters, or after a place: ``HÀ NỘI
        (TTXVN) -``), else (unless ``bracketed``) an outlet's name as written and a dash
        (``TPO - ``)."""
        if "(" in line[:33]:
            m = _PAREN_DATELINE.match(line)
            if m:
                alias = m.group(1) or m.group(2)
                if self.outlet_of(alias):
                    return Dateline(alias, m.end())
        return None if bracketed else self._name_dateline(line)

    def _name_dateline(self, line: str) -> Dateline | None:
        """``TPO - ``, ``Kinhtedothi – ``: the longest alias before a dash, itself followed by
        blanks (an alias may hold a dash of its own: ``Bà Rịa - Vũng Tàu``)."""
        first = line[:line.find(" ")] if " " in line else line
        if first.rstrip("-–—") not in self.first_words:
            return None
        head = line[:self.longest_form]
        dashes = [m.start() for m in _DASH.finditer(head)]
        for pos in reversed(dashes):
            alias = line[:pos - 1] if pos and line[pos - 1] == " " else line[:pos]
            if alias in self.forms:
                end = pos + 1
                while end < len(line) and line[end].isspace():
                    end += 1
                return Dateline(alias, end)
        return None

    def inner_dateline(self, text: str) -> re.Match[str] | None:
        """An outlet in brackets and a dash inside a glued first line (``… (NLĐ)- Tại …``)."""
        for m in _PAREN_DASH.finditer(text):
            if self.outlet_of(m.group(1)):
                return m
        return None

    def outlet_of(self, alias: str) -> str | None:
        """The canonical name of an outlet written ``alias`` (any case; ``báo`` dropped; a web
        address by its host), see :mod:`partyx.rules.outlets`."""
        return self.outlets.name_of(alias)

    # -- header ---------------------------------------------------------------------------------

    def read(self, lines: list[str], captions: list[str] | set[str]) -> Header:
        """The header of an article given its cleaned lines and repeated captions."""
        head = Header()
        lines = list(lines)
        captions = set(captions)
        title, body_start, authors = self._read_header(lines, captions, head)
        if title:
            title, outlet = self._outlet_suffix(_clean_title(title))
            head.outlet = head.outlet or outlet
        head.title = title or None
        body = lines[body_start:]
        if head.published is None:
            body = self._take_date_line(body, head, authors)
        if not authors:
            body = self._take_byline_under_lead(body, head, authors)
        sapo = False
        for k in range(min(3, len(body))):  # a caption may stand before the dateline,
            # or the lead ("Tiêu đề" / "Sapo …" / "(PLO) - Tối 22-9 …": a dateline in brackets)
            outlet, body[k] = self._take_dateline(body[k], bracketed=k > 0 and sapo)
            if outlet or (len(body[k]) > 200 and k > 0):
                head.outlet = outlet or head.outlet
                break
            sapo = sapo or len(body[k]) > 200
        body, outlet = self._take_site_footer(body)
        head.outlet = head.outlet or outlet
        body, footer = self._take_footer(body)
        for byline in footer:
            authors += byline.names
            head.outlet = head.outlet or byline.outlet
        head.text = "\n\n".join(x for x in body if x) or None
        head.authors = [a for a in dict.fromkeys(authors) if not _in_story(a, head.text or "")]
        if head.outlet is None and head.text:
            head.outlet = self.outlets.named_by_itself(head.text)
        return head

    def _read_header(self, lines: list[str], captions: set[str],
                     head: Header) -> tuple[str | None, int, list[str]]:
        """Walk the header: fill section, published and outlet of ``head``; return the
        headline, the index of the first body line and the bylines' names. ``lines[0]`` is
        replaced by the lead when a headline was glued to it."""
        authors: list[str] = []
        title: str | None = None
        section_line: str | None = None
        for i, line in enumerate(lines):
            if self.dateline(line):
                return title, i, authors
            if title is None and not authors and head.published is None \
                    and (is_paragraph(line) or len(line) > 140 or not _headline_like(line)):
                if len(line) > 140 and is_headline_run(line[:400]):
                    continue  # related headlines above the head
                glued = self._split_glued(line)
                if glued:
                    title, lines[i] = glued
                    return title, i, authors
                if self._is_lone_headline(lines, i) or self._is_long_headline(lines, i):
                    title = line
                    continue
                if len(line) > 140:
                    return None, i, authors  # no headline could be told from the lead
            if len(line) <= 90 and self.outlet_of(line):  # a logo's text, or the site's name
                head.outlet = head.outlet or self.outlet_of(line)  # under the headline
                continue
            if title is None and len(line.split()) <= 3 and not _headline_like(line):
                continue  # logo remnant, menu item
            if is_paragraph(line) or not _headline_like(line):
                return title, i, authors
            if self._is_section(line):
                head.section = head.section or _section_name(line)
                section_line = section_line or line
                continue
            if title is None and self._is_banner(line):
                continue
            dated = _headline_and_date(line) if title is None and len(line) <= 200 else None
            published = parse_published(line) if len(line) <= 120 or dated else None
            if published and head.published is None:
                head.published = published
                if dated:  # "Khai trừ đảng … Chè Minh Rồng 15/10/2025 11:56"
                    title = dated
                    continue
                byline = self.byline(_date_rest(line, self.sections))
                if byline:
                    authors += byline.names
                    head.outlet = head.outlet or byline.outlet
                continue
            if title is not None and len(line) <= 90 and (
                    relative := _words().relative_time).search(line):
                rest = _date_rest(relative.sub(" ", line), self.sections)
                byline = self.byline(rest) if rest else None
                if byline is not None:  # "Thanh Hà · 2 giờ trước": a byline and no date
                    authors += byline.names
                    head.outlet = head.outlet or byline.outlet
                    continue
            byline = self.byline(line) if title is not None else None
            if byline is not None:
                authors += byline.names
                head.outlet = head.outlet or byline.outlet
                continue
            if line in captions and (title is not None or not self._leads_on(lines, i)):
                continue  # (a headline printed again as a photo's caption is the headline)
            if title is not None and _continues(title, line):
                title = f"{title} {line}"  # a headline printed over two lines
                continue
            if title is not None:
                if not self._displaces(title, lines, i):
                    return title, i, authors
                # what looked like the headline was a byline or a banner above it
                byline = self.byline(title)
                authors += byline.names if byline and len(title.split()) <= 4 else []
            title = line
        if title is None and section_line is not None and lines:
            # a lone short line before the lead is the headline, even if it reads like a section
            title, head.section = section_line, None
        return title, len(lines), authors

    def _displaces(self, title: str, lines: list[str], i: int) -> bool:
        """Is ``lines[i]``, a second headline-like line, the real headline? Yes when the first
        was a byline (``Hoàng Phúc`` above the headline), or a short line (an unknown site
        banner) and this one is followed by the header's date line or byline."""
        byline = self.byline(title)
        if byline is not None and byline.names and len(title.split()) <= 4:
            return True
        if len(title.split()) > 12 or i + 1 >= len(lines):
            return False
        after = lines[i + 1]
        if len(after) <= 120 and parse_published(after):
            return True
        byline = self.byline(after)
        return byline is not None and bool(byline.names)

    @staticmethod
    def _leads_on(lines: list[str], i: int) -> bool:
        """Is ``lines[i]`` followed by the lead (a paragraph)?"""
        return i + 1 < len(lines) and is_paragraph(lines[i + 1])

    def _is_lone_headline(self, lines: list[str], i: int) -> bool:
        """A headline that ends with a full stop: one sentence of at most 160 characters,
        followed by a date line, a byline or the dateline that opens the body."""
        line = lines[i]
        if len(line) > 160 or has_sentence_seam(line.rstrip(".!?… ")) or i + 1 >= len(lines):
            return False
        after = lines[i + 1]
        return bool(self.dateline(after) or (len(after) <= 120 and parse_published(after))
                    or (self.byline(after) or Byline()).names)

    @staticmethod
    def _is_long_headline(lines: list[str], i: int) -> bool:
        """A long headline (141 to 200 characters: an official event's full name), one
        sentence without a full stop, followed by the lead (a paragraph ending with one)."""
        line = lines[i]
        return 140 < len(line) <= 200 and line[-1] not in ".…:;,!?\"”)" and ":" not in line \
            and not has_sentence_seam(line) and not is_headline_run(line) and i + 1 < len(lines) \
            and len(lines[i + 1]) > len(line) and is_paragraph(lines[i + 1])

    def _take_date_line(self, body: list[str], head: Header,
                        authors: list[str]) -> list[str]:
        """A date line printed under the lead (``Title / Sapo. / 24/03/2021 21:54``) is page
        metadata, not body: a short line among the first three that holds nothing but a date,
        a time, date words and maybe a byline."""
        for k, line in enumerate(body[:3]):
            if len(line) > 80:
                continue
            published = parse_published(line)
            rest = _date_rest(line, self.sections)
            byline = self.byline(rest) if rest else None
            if published and (not rest or byline is not None):
                head.published = published
                if byline is not None:
                    authors += byline.names
                    head.outlet = head.outlet or byline.outlet
                return body[:k] + body[k + 1:]
        return body

    def _take_byline_under_lead(self, body: list[str], head: Header,
                                authors: list[str]) -> list[str]:
        """A byline printed between the lead and the body (``Tiêu đề`` / ``Sapo.`` / ``Thanh
        Hà`` / ``12/03/2024 08:30`` / body): a short line that is a byline with names, right
        after the lead paragraph and before another one (or the date line); the date line
        under it goes too."""
        for k in range(1, min(3, len(body) - 1)):
            line = body[k]
            if len(line) > 60 or ends_sentence(line) or not is_paragraph(body[k - 1]):
                continue
            byline = self.byline(line)
            if byline is None or not byline.names:
                return body
            after = body[k + 1]
            dated = len(after) <= 80 and parse_published(after) is not None \
                and not _date_rest(after, self.sections)
            if not (dated or is_paragraph(after)):
                return body
            authors += byline.names
            head.outlet = head.outlet or byline.outlet
            if dated:
                head.published = head.published or parse_published(after)
            return body[:k] + body[k + 1 + dated:]
        return body

    def _outlet_suffix(self, title: str) -> tuple[str, str | None]:
        """A page title carries the site's name: ``Tiêu đề - Báo Lao Động Thủ Đô``, ``Tiêu đề
        | Chính trị | Báo Lạng Sơn`` (and the section), ``Báo Lạng Sơn - Tiêu đề``."""
        outlet = None
        for _ in range(3):
            m = _TITLE_SUFFIX.search(title)
            if not m:
                break
            named = self.outlet_of(m.group(1))
            barred = outlet is not None or m.group().strip().startswith("|")
            if named is None and not (barred and self._is_section(m.group(1).strip())):
                break
            outlet = outlet or named
            title = title[:m.start()].rstrip()
        m = _TITLE_PREFIX.match(title) if _TITLE_SEPARATOR.search(title, 0, 64) else None
        if m and len(title) - m.end() >= 20 and (named := self.outlet_of(m.group(1))):
            return title[m.end():], outlet or named
        return title, outlet

    def _is_section(self, line: str) -> bool:
        if line.casefold() in self.sections:
            return True
        parts = _BREADCRUMB.split(line)
        return len(parts) > 1 and all(1 <= len(p.split()) <= 5 for p in parts) \
            and any(p.casefold() in self.sections or p.casefold() == "trang chủ" for p in parts)

    def _is_banner(self, line: str) -> bool:
        key = line.casefold().rstrip(" .!")
        return key in self.banners or key.startswith(self.banner_prefixes)

    # -- glued first line -------------------------------------------------------------------------

    def _split_glued(self, line: str) -> tuple[str, str] | None:
        """``(headline, body)`` when a headline (and maybe a caption) was glued to the lead."""
        head = line[:400]  # a headline and its caption fit well within that
        marker = self.inner_dateline(head) or self.editor_note.search(head)
        prefix = line[:marker.start()] if marker else head
        if self.time_lead.match(prefix):
            return None
        parts = chunks(prefix)
        if not marker and is_headline_run(prefix):
            return None  # related headlines run together, no headline of this head
        first = parts[0] if parts else ""
        ok = 3 <= len(first.split()) <= 25 and not has_sentence_seam(first)
        if marker:
            if not ok:
                if not (2 <= len(prefix.split()) <= 30 and not has_sentence_seam(prefix)):
                    return None
                first = prefix
            body = line[marker.start():].strip()
            if self.editor_note.match(" " + body):
                body = body.split(":", 1)[1].strip()
            return _clean_title(first), body
        if ok and len(parts) > 1 and len(line) > 140:
            return _clean_title(first), line[line.index(first) + len(first):].strip()
        return None

    # -- outlet, bylines, footer ------------------------------------------------------------------

    def _take_dateline(self, line: str, bracketed: bool = False) -> tuple[str | None, str]:
        """The outlet of the dateline opening ``line`` (only one in brackets if
        ``bracketed``) and the line without it."""
        m = self.dateline(line, bracketed)
        if not m:
            return None, line
        return self.outlet_of(m.alias), line[m.end:].strip()

    def byline(self, text: str) -> Byline | None:
        """The names (and outlet) of a byline or credit, or ``None`` when ``text`` is not one."""
        text = text.strip(" .")
        credited = self.outlets.credited(text)
        if credited:
            return Byline([], credited)
        if not text or len(text) > 90:
            return None
        if any(n in text for n in _words().glued_needles):
            # "Phương Mai Theo Bright Side", "Trung Hiếu/VOV.VN Theo Daily Mail"
            glued = self._with_credit(text)
            if glued is not None:
                return glued
        return self._byline(text)

    def _byline(self, text: str) -> Byline | None:
        vocab = _words()
        bracketed = _BRACKETED.match(text)
        if bracketed and not vocab.leads.match(bracketed.group(1)) \
                and not _series_mark(bracketed.group(1), vocab):
            parsed = self._names(bracketed.group(1).strip(), False)  # "(Phương Lan)"
            # ("(Hồng Lĩnh)", "(Phong Thổ)": the place a story was filed from, no name)
            # ("(Văn Phòng)": the office it came from, no name either)
            if parsed and parsed[0] and not any(_is_place(n) or _is_body(n) for n in parsed[0]):
                return Byline(names=parsed[0], outlet=parsed[1])
        outlet = None
        sourced = False  # an outlet or a source is written with the names
        for _ in range(3):  # "Theo Hương Giang (Theo CNBC) (Dân Việt)": the last is the outlet
            paren = _PAREN_TAIL.search(text) if text.endswith(")") else None
            if not paren:
                break
            # "(TTXVN)", "(tổng hợp)", "(theo TTXVN)", "(Ban Tuyên giáo Huyện ủy)", "(Theo Sina)"
            inside = paren.group(1).strip()
            # ("TTXVN/Vietnam+": the site that prints the agency's story, an alias whole)
            found = self.outlet_of(inside) or self._outlet_in(inside) \
                or self.outlets.credited(inside)
            source = found is not None or vocab.source_cue.match(inside) is not None \
                or _DOMAIN.search(inside) is not None \
                or (outlet is not None and _is_source(inside)) \
                or (len(inside) <= 6 and _ABBREVIATION.match(inside) is not None)
            # ("TH (Facebook) (Khám Phá)"; "Thanh Hà (BQN)": an outlet's abbreviation)
            if not source and inside.casefold() not in vocab.placeholders \
                    and not vocab.affiliation.match(inside) and not _unit_of_place(inside):
                return None  # ("Thanh Hà (TTVH-TT huyện Núi Thành)": the unit written for)
            outlet = outlet or found
            sourced = sourced or source
            text = text[:paren.start()].strip()
        trailing = vocab.trailing.search(text)  # "Hồng Nhung lược dịch"
        if trailing and trailing.start() > 0:
            text = text[:trailing.start()].rstrip()
        lead = vocab.leads.match(text)
        said = lead.group().strip(" :").casefold() if lead else ""
        desk = said in vocab.placeholders
        if lead and said in vocab.staff_leads and ":" in lead.group():  # "Biên tập: Thu Hà": the
            return Byline([], outlet)  # page's editor, no author ("Biên tập viên A": no credit)
        credit = said in vocab.credit_leads  # "Theo X": a source, maybe no person
        if lead and credit and vocab.photo_lead.match(text[lead.end():]):  # "Nguồn ảnh: TTXVN"
            return None
        text = vocab.degrees.sub("", text[lead.end():] if lead else text).strip(" .:")
        if self.outlet_of(text):  # "Theo Tiền Phong", "TTXVN/Tin Tức"
            return Byline([], outlet or self.outlet_of(text))
        if not text:  # "Nhóm PV", "(Tổng hợp)", "(Theo SCMP)"
            return Byline([], outlet)
        parsed = self._names(text, desk)
        if parsed is None:  # "Đức Quỳnh/Nikkei": a name and its source
            parsed = self._names_and_source(text, desk)
            sourced = sourced or parsed is not None
        if parsed is None:
            # "Theo Nam/Saostar.vn": a pen name of one word and the source's outlet; "Theo
            # Chuyên gia tâm lý X/Dân Việt": someone, not a byline's name, and the outlet
            found = outlet or self._outlet_in(text) if credit else None
            return Byline([], found) if credit and (found or _is_source(text)) else None
        names, named = parsed
        outlet = outlet or named
        if credit and not (outlet or sourced):
            # "Theo Một Thế Giới", "Theo Daily Mail": an outlet or a source, not a person
            return Byline([], None) if _is_source(text) else None
        return Byline(names, outlet)

    def _names(self, text: str, desk: bool) -> tuple[list[str], str | None] | None:
        """The names and the outlet of a byline without its lead and brackets, else ``None``
        when a part is neither a name nor an outlet. Initials written in capitals without
        stops (``NT - Thể thao Việt Nam``) are no name, but no obstacle to the outlet."""
        vocab = _words()
        outlet = None
        names: list[str] = []
        after_outlet = False
        initials = False
        unit = _unit_of_place(text)
        if unit:  # "Thanh Hà - TTVHTT&TT huyện Núi Thành": the names end before the unit
            cut = max(text.rfind(sep, 0, unit.start() - 1) for sep in (" - ", " – ", ", "))
            if cut > 0:  # ("Hà Phương - Cổng TTĐT tỉnh Hà Giang": an outlet's unit)
                outlet = self._outlet_of_part(text[cut + 2:].strip())
                text = text[:cut]
        for part in _NAME_SPLIT.split(text):
            photo = vocab.photo_lead.match(part) is not None
            staff = vocab.leads.match(part)
            if staff and ":" in staff.group() and \
                    staff.group().strip(" :").casefold() in vocab.staff_leads:
                continue  # "Bài: Minh Anh - Biên tập: Thu Hà": the editor is no author
            part = vocab.leads.sub("", part).strip(" .:")  # "Bài: X - Ảnh: Y"
            if not part or part.casefold() in vocab.placeholders:
                continue
            found = self._outlet_of_part(part)
            if found:
                outlet = outlet or found
                after_outlet = True
                continue
            if names and vocab.affiliation.match(part):
                break  # "Hoàng Anh - Trung tâm Văn hóa - Thể thao huyện": the unit written for
            name, found = self._name_of_part(part, vocab)
            outlet = outlet or found
            if name is None and desk and len(part.split()) <= 3:
                continue  # "Nhóm PV Thời sự": a desk
            if name is None and after_outlet and names and len(part.split()) <= 3:
                continue  # "Hà Khánh/VOV- TPHCM": the outlet's bureau
            if name is None and photo and names and len(part.split()) <= 3:
                continue  # "Anh Dũng - Ảnh: AFC": the photos' source
            if name is None and "-" in part:  # "HOÀNG NHIÊN-HIẾU MINH": no blank by the dash
                pair = [self._name_of_part(half, vocab)[0] for half in part.split("-")]
                if len(pair) == 2 and all(p and len(p.split()) >= 2 for p in pair):
                    names += [p for p in pair if p]
                    continue
            if name is None and len(part) <= 4 and _ABBREVIATION.match(part):
                initials = True  # "NT"
                continue
            if name is None:
                return None
            after_outlet = False
            names += _two_names(name, vocab.surnames) if name else []
        if initials and outlet is None:
            return None
        return names, outlet

    def _names_and_source(self, text: str, desk: bool) -> tuple[list[str], str | None] | None:
        """``Đức Quỳnh/Nikkei``, ``Trang Hồ/ Theo Nikkei, Bloomberg``, ``Thu Trang/GĐVN``: the
        names before a slash and the source after it (an outlet the table may not know)."""
        at = text.rfind("/")
        if at <= 0:
            return None
        vocab = _words()
        source = text[at + 1:].strip()
        source = vocab.leads.sub("", vocab.source_cue.sub("", source).strip(" :")).strip(" .")
        outlet = self._outlet_in(source) or self._outlet_of_part(source)
        # ("Quảng Ninh/VOV", "Hải Dương/TTXVN": the place a story is filed from, before its
        # outlet, as often as a reporter named like it: no name, as "Hà Nội/TTXVN")
        found = self._names(text[:at].strip(), desk) \
            if _is_source(source, sentence_case=True) else None
        if not found or not found[0]:
            return None
        names, named = found
        return names, named or outlet

    def _with_credit(self, text: str) -> Byline | None:
        """A byline with a reprint credit glued after it: ``Phương Mai Theo Bright Side``,
        ``Hạnh Chi (T/h) Theo Đời sống Plus/GĐVN``."""
        m = _words().glued_credit.search(text)
        if not m:
            return None
        head = self._byline(text[:m.start()].rstrip(" /-–"))
        if head is None or not head.names:
            return None
        credit = text[m.start():].strip()
        tail = self._byline(credit)
        if tail is None and not _is_source(credit.split(None, 1)[-1]):
            return None
        return Byline(head.names, head.outlet or (tail.outlet if tail else None))

    def _outlet_of_part(self, part: str) -> str | None:
        """The outlet a byline's part is: ``VOV.VN``, ``Nguồn: Báo Quảng Nam``, ``VOV-Tây
        Bắc`` (an outlet's abbreviation and its bureau)."""
        found = self.outlet_of(part) or self.outlets.credited(part)
        if found is None and "-" in part:
            head = part.split("-", 1)[0]
            if head.isupper():
                found = self.outlet_of(head)
        return found

    def _name_of_part(self, part: str, vocab: _BylineWords) -> tuple[str | None, str | None]:
        """The name a byline's part is (``""``: a desk, ``PV Thời sự``; ``None``: no name),
        and the outlet written before or after it (``TTXVN Hoàng Trọng``). A province's name
        is no name (``Hà Nội, 24/3/2021``, ``Quảng Ninh/VOV``)."""
        words = part.split()
        outlet = None
        # an outlet's word as the outlet writes it ("TTXVN", "Baodatviet.vn"), not a name's
        # syllable that some alias spells in another case ("Cao Cường" is no "CAO")
        while words and (words[0] in self.forms or "." in words[0]) \
                and words[0].capitalize() not in vocab.surnames and self.outlet_of(words[0]):
            outlet = outlet or self.outlet_of(words.pop(0))
        while words and (words[-1] in self.forms or "." in words[-1]) \
                and self.outlet_of(words[-1]):
            outlet = outlet or self.outlet_of(words.pop())
        # "PV Thời sự", "PV Văn Thanh", "Phóng viên Thanh Hà", "Cộng tác viên Minh Hải"
        said = next((n for n in (3, 2, 1) if len(words) > n  # ("PV: Thanh Hà")
                     and " ".join(words[:n]).rstrip(":").casefold() in vocab.placeholders), 0)
        if said:
            named = self.outlet_of(" ".join(words[said:]))  # "PV Báo Hà Giang": its outlet
            if named:
                return "", outlet or named
            rest = _as_name(" ".join(words[said:]))
            return (rest if rest else ("" if len(words) <= 4 else None)), outlet
        if outlet and len(words) == 1 and _is_pen_name(words[0]):
            return "", outlet  # "HeFa Baodatviet.vn": a pen name of one word and its outlet
        name = _as_name(" ".join(words)) if words else ""
        # "Hà Nội, 24/3/2021", "Quảng Ninh/VOV": a place
        return (None if name and _is_province(name) else name), outlet

    def _outlet_in(self, text: str) -> str | None:
        """The first outlet a piece of ``text`` names, split at slashes, commas, semicolons
        (``Thời đại/Pursuitist``, ``Theo Thời đại/Pursuitist``: a credit's lead is dropped)."""
        for piece in re.split(r"[/,;]", text):
            outlet = self.outlet_of(piece) or self.outlets.credited(piece)
            if outlet:
                return outlet
        return None

    def _take_site_footer(self, body: list[str]) -> tuple[list[str], str | None]:
        """The body without the site's footer at its end (``© Bản quyền thuộc Báo X``, ``Cơ
        quan chủ quản: …``, the outlet's name on a line of its own) and the outlet it names;
        a copyright line elsewhere goes too."""
        outlet = None
        k = len(body)
        while k and len(body[k - 1]) <= 200:
            line = body[k - 1]
            m = self.site_footer.match(line)
            rest = line[m.end():] if m else line
            named = self.outlet_of(rest) or self.outlet_of(_FOOTER_TAIL.split(rest, 1)[0])
            quoted = _QUOTED.match(rest) if m and named is None else None
            named = named or (self.outlet_of(quoted.group(1)) if quoted else None)
            if not m and named is None:
                break
            outlet = named or outlet
            k -= 1
        return [x for x in body[:k] if not (
            x[:1] in self.footer_starts and len(x) <= 200 and not is_paragraph(x)
            and (m := self.site_footer.match(x)) and m.group("mark"))], outlet

    def _take_footer(self, body: list[str]) -> tuple[list[str], list[Byline]]:
        """The body without the bylines and credits at its end, and those bylines. Endnotes
        printed after the byline (``ĐỨC LƯỢNG`` / ``(1) Hồ Chí Minh: Toàn tập …``) stay in
        the body, after it."""
        cut = _endnotes(body)
        if cut:
            before, notes = cut
            before, found = self._take_bylines(before)
            if found:
                return before + notes, found
        return self._take_bylines(body)

    def _take_bylines(self, body: list[str]) -> tuple[list[str], list[Byline]]:
        found: list[Byline] = []
        body = list(body)
        dated = None  # "Văn Khoa" / "02/11/2023": a portal prints the date under the byline
        if len(body) > 2 and _is_date_only(body[-1], self.sections):
            above = self.byline(body[-2]) if len(body[-2]) <= 60 else None
            if above is not None and above.names:
                dated = body.pop()
        while body and len(found) < 3:
            last = body[-1]
            if _is_share_row(last):  # "Zalo Facebook Twitter": share buttons under the byline
                body.pop()
                continue
            if _BARE_URL.match(last) and self.outlets.host(last.casefold()):
                # "Theo Dân trí" / "http://dantri.com.vn/…htm" / "T.Thủy": the source's link
                found.insert(0, Byline([], self.outlets.host(last.casefold())))
                body.pop()
                continue
            short = len(last) <= 90 and (not ends_sentence(last) or _dotted_name(last))
            byline = self.byline(last) if short or self.outlets.credited(last) else None
            if byline is None and short and parse_published(last):
                # "Lạc Bối - Thể thao Việt Nam | 17:20 22/09/2017"
                rest = _date_rest(last, self.sections)
                byline = self.byline(rest) if rest else None
                byline = byline if byline is not None and (byline.names or byline.outlet) \
                    else None
            if byline is not None and byline.names and len(body) > 1 and not (
                    byline.outlet and _has_address(last)) \
                    and (body[-2].rstrip().endswith(":") or not found and self._listed(body)):
                break  # "Ban Thường vụ gồm:" / "Nguyễn Văn A" …: a list's item, no byline
                # (but "Xem thêm ảnh:" / "Hoàng Vũ Baodatviet.vn": the site's address)
            if byline is not None and byline.names and len(body) > 1 and _signs(body[-2]):
                break  # "TỔNG BÍ THƯ" / "Nguyễn Phú Trọng": a letter's signatory
            if byline is not None:
                found.insert(0, byline)
                body.pop()
                continue
            if short and not found and len(body) > 2 and _unit_or_post(last) \
                    and len(body[-2]) <= 90 and (above := self.byline(body[-2])) \
                    and above.names and not body[-3].rstrip().endswith(":"):
                found.insert(0, above)  # "PGS, TS NGUYỄN VĂN A" / "Học viện Chính trị …"
                del body[-2:]  # ("Nguyễn Thị Hằng" / "Phó Trưởng Ban Tuyên giáo Tỉnh ủy")
                continue
            cut = self._glued_tail(last)
            if cut:
                body[-1], byline = cut
                found.insert(0, byline)
            break
        if dated is not None and not found:
            body.append(dated)
        return body, found

    def _listed(self, body: list[str]) -> bool:
        """Does ``body`` end with a list of names under a line ending with ``:`` (``Ban
        Thường vụ gồm các đồng chí:`` / ``Nguyễn Văn A`` / ``- Trần Văn B``)? Among names,
        some items may be short captions that are none (``Một số hình ảnh khách mời:`` /
        ``Ông Cao Thắng`` / ``Lip B`` / ``Bích Phương`` / ``Kelvin Khánh`` / ``Đào Thanh
        Tâm``); a list of such captions alone (places, units) is no list of names."""
        k = len(body) - 1
        named = captions = 0
        while k > 0 and len(body) - k <= 40:
            line = _BULLET.sub("", body[k])
            byline = self.byline(line) if len(line) <= 90 else None
            if byline is not None and byline.names:
                named += 1
            elif _is_caption_item(line):
                captions += 1
            else:
                break
            k -= 1
        return k < len(body) - 1 and body[k].rstrip().endswith(":") \
            and (not captions or named >= 3)

    def _glued_tail(self, line: str) -> tuple[str, Byline] | None:
        """A byline glued after the last sentence of a paragraph (one-line bodies)."""
        if len(line) < 120:
            return None
        window = len(line) - 90
        ends = next_starts(line, window)
        dot = line.rfind(".", len(line) - 60)  # "… được giao.Thanh Hà": no blank after it
        if 0 < dot < len(line) - 1 and line[dot + 1].isupper() and line[dot - 2:dot].isalpha() \
                and line[dot - 2:dot].islower():
            ends = sorted({*ends, dot + 1})
        for start in reversed(ends):
            tail = line[start:].strip()
            m = _PAREN_START.match(tail)  # "(còn nữa) THIỆN VĂN"
            if m and m.group(1).casefold().strip() in _words().placeholders:
                tail = tail[m.end():]
            byline = self.byline(tail) if tail else None
            if byline is not None and byline.names and _words().photo_lead.match(tail):
                return None  # "… Ảnh: Chu Thanh": a caption's photo credit, no byline
            if byline is not None:
                return line[:start].rstrip(), byline
        return None

