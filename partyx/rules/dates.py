"""Calendar dates in Vietnamese news text, and the year of the dates written without one.

Forms found (:func:`find_dates`):

- full dates: ``19/5/2020``, ``16-12-2016``, ``5.6.2012``, ``18/05/2022 | 08:40``,
  ``ngày 4 tháng 7 năm 2017``;
- day and month only, after a cue that makes them a date: ``Chiều 24/3``, ``Sáng 20/5``,
  ``ngày 27/5``, ``Sáng nay (6-2)``, ``hôm 30/1``, ``đến 19/6`` after another date;
- day ranges: ``từ ngày 14 đến 16/6``, ``ngày 18 - 25/4``, ``ngày 27 và 28-10`` (two dates);
- month and year (``tháng 6/2012``, ``(12/1986)``) and bare years (``năm 2016``): kept only as
  evidence of the year, they are not dates.

Figures that look like dates are not dates: ``14,63%``, ``19.908``, ``1.5`` and counts such as
``48/56`` or ``50/50`` have no cue word and no four-digit year.

A date without a year takes it (:func:`resolve`) from the publication date (the year that puts
it nearest), else from what :func:`reference` reads in the text: a duration before a dated
citation (``sơ kết 5 năm thực hiện Nghị quyết … ngày 4/7/2017`` -> on or after 4/7/2022), an
anniversary span (``74 năm … (1930-2004)``), the latest full date (not a birth date: the day
falls on or after it, give or take 90 days), else the latest month or year mentioned. Never from
the machine clock.

Every pattern is linear: bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from partyx.lang.numbers import parse_number
from partyx.lang.patterns import finditer_at
from partyx.lang.spans import Spans
from partyx.record import FoundDate

# Patterns open with a digit or a case-sensitive literal so that the regex engine can skip
# ahead quickly; a digit that continues a longer figure is refused in code (_after_figure).
_D = r"(\d{1,2})"
_FULL = re.compile(rf"{_D}\s?([/.-])\s?{_D}\s?\2\s?(\d{{4}})(?![\d])")
_NGAY = r"[Nn]gày\s{1,3}"
_FULL_WORDS = re.compile(
    rf"{_NGAY}{_D}\s{{1,3}}[Tt]háng\s{{1,3}}{_D}(?:\s{{0,3}}(?:năm|,)\s{{0,3}}(\d{{4}}))?(?!\d)"
)
_RANGE = re.compile(
    rf"{_NGAY}{_D}\s?(?:-|–|đến|tới|và)\s?(?:ngày\s{{1,3}})?{_D}\s?([/-])\s?{_D}"
    r"(?:\3(\d{4}))?(?![\d]|\s?[/.-]\s?\d)"
)
_DAY_MONTH = re.compile(rf"{_D}\s?([/.-])\s?{_D}(?![\d%]|\s?[/.-]\s?\d)")
_MONTH_YEAR = re.compile(r"[Tt]háng\s{1,3}(\d{1,2})\s?(?:[/-]|\s{1,3}năm\s{1,3})\s?(\d{4})(?!\d)")
_PAREN_MONTH_YEAR = re.compile(r"\((\d{1,2})/(\d{4})(?!\d)")
_YEAR = re.compile(r"[Nn]ăm\s{1,3}((?:19|20)\d{2})(?!\d)")
# Bare years that say nothing of when the article was written: targets and life events.
_NOT_NOW_YEAR = re.compile(
    r"(?:đến|tới|đạt|tầm nhìn|sinh|vào Đảng|kết nạp Đảng|tốt nghiệp)\s{1,3}$", re.IGNORECASE
)
# Birth and death dates say nothing of when the article was written.
_LIFE_EVENT = re.compile(
    r"(?:sinh|mất|từ trần|qua đời|hy sinh|tạ thế)(?:\s(?:ngày|năm))?\s?$", re.IGNORECASE
)
# An anniversary span (``kỷ niệm 60 năm Cách mạng Tháng Tám (1945 - 2004)``,
# ``(3/2/1930-3/2/2004)``).
_YEARS = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?((?:19|20)\d{2})\s?[-–]\s?(?:\d{1,2}[/.-]\d{1,2}[/.-])?"
          r"((?:19|20)\d{2})(?!\d)")
_ANNIVERSARY = re.compile(r"năm\b[^()\n]{0,80}\(" + _YEARS)  # the count: _COUNT_BEFORE

# Words right before a day/month that make it a date (``Chiều 24/3``, ``sáng ngày 7/2``,
# ``Sáng nay (6-2)``, ``ngày 27/5``, ``thứ Hai, 6/2``), read word by word from the end.
_TIME_WORDS = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "hôm"})
_RELATIVE_WORDS = frozenset({"nay", "qua", "mai"})
_WEEKDAYS = frozenset({"hai", "ba", "tư", "năm", "sáu", "bảy", "2", "3", "4", "5", "6", "7"})
# Words that join a day/month to a date written just before (``từ ngày 20/5 đến 19/6``).
_JOIN_WORDS = frozenset({"đến", "tới", "từ", "và", "hoặc", "-", "–"})
_PUNCT = "(,:"  # read as spaces between words

# ``5 năm thực hiện``: found from its literal part, the count read just before it.
_DURATION = re.compile(
    r"năm\s{1,3}(?:triển khai\s{1,3})?(?:thực hiện|triển khai|thi hành|học tập|ban hành)"
)
_COUNT_BEFORE = re.compile(
    r"\b(\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s{1,3}$", re.IGNORECASE
)


def _after_figure(text: str, start: int) -> bool:
    """The match at ``start`` continues a figure (``119/5``, ``1.12/3``, ``3,14/5``)."""
    return start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,/")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date written in the text; ``year`` is ``None`` when the text gives none."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    cue: str | None = None  # sáng, chiều, ngày ... (lower case), when one precedes


def _valid(day: int, month: int, year: int | None) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29/2 stays possible
    except ValueError:
        return False
    return year is None or 1800 <= year <= 2200


def _words_before(text: str, start: int, width: int = 24) -> list[str]:
    # str.replace, not str.translate: translate looks each character up in a dict, and a
    # character not in it raises and swallows a KeyError (costly on Vietnamese text).
    window = text[max(0, start - width):start].lower()
    for ch in _PUNCT:
        window = window.replace(ch, " ")
    return window.split()[-4:]


def _cue(text: str, start: int) -> str | None:
    """The cue word before a day/month (its first word: ``sáng ngày`` -> ``sáng``)."""
    words = _words_before(text, start)
    if len(words) >= 2 and words[-2] == "thứ" and words[-1] in _WEEKDAYS:
        return "thứ"
    if words[-2:] == ["chủ", "nhật"]:
        return "chủ"
    base = words.pop() if words and words[-1] in ("ngày", "hôm") else None
    relative = bool(words) and words[-1] in _RELATIVE_WORDS
    if relative:
        words.pop()
    if words and words[-1] in _TIME_WORDS:
        return words[-1]
    if base == "hôm" or (base == "ngày" and not relative):
        return base
    return None


def find_dates(text: str) -> list[DateMention]:
    """Every date written in ``text`` (see module docstring), in text order."""
    if not isinstance(text, str) or not text:
        return []
    found: list[DateMention] = []
    taken = Spans()  # what the passes before took (a pass's matches never overlap each other)
    ngay = _word_starts(text, "gày", "Nn")  # where the patterns opening with [Nn]gày can match
    figures = _day_month_starts(text)

    def add(start: int, end: int, d: int, m: int, y: int | None, cue: str | None) -> None:
        if _valid(d, m, y):
            found.append(DateMention(start, end, text[start:end], d, m, y, cue))

    matches = list(finditer_at(_FULL_WORDS, text, ngay))
    for m in matches:
        y = int(m.group(3)) if m.group(3) else None
        add(m.start(), m.end(), int(m.group(1)), int(m.group(2)), y, "ngày")
    taken.add(m.span() for m in matches)
    matches = [m for m in finditer_at(_FULL, text, figures)
               if not _after_figure(text, m.start()) and not taken.meets(*m.span())]
    for m in matches:
        add(m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4)),
            _cue(text, m.start()))
    taken.add(m.span() for m in matches)
    matches = [m for m in finditer_at(_RANGE, text, ngay) if not taken.meets(*m.span())]
    for m in matches:
        month, year = int(m.group(4)), int(m.group(5)) if m.group(5) else None
        first_end = m.start(1) + len(m.group(1))
        add(m.start(), first_end, int(m.group(1)), month, year, "ngày")
        add(m.start(2), m.end(), int(m.group(2)), month, year, "ngày")
    taken.add(m.span() for m in matches)
    ends = sorted(d.end for d in found)
    last = -1_000  # end of the last day/month accepted in this pass
    for m in finditer_at(_DAY_MONTH, text, figures):
        if _after_figure(text, m.start()) or taken.meets(*m.span()):
            continue
        cue = _cue(text, m.start())
        if m.group(2) == "." and cue is None:
            continue  # 27.4 is a date only after a cue (1.5 is a figure)
        if cue is None and not _joined(text, m.start(), ends, last):
            continue
        before = len(found)
        add(m.start(), m.end(), int(m.group(1)), int(m.group(3)), None, cue)
        if len(found) > before:
            last = m.end()
    found.sort(key=lambda d: d.start)
    return found


# Fast finders. A regex scan tries its pattern at nearly every character of the text; when
# every match must open at a place that str.find locates (a word, a digit before a separator),
# the pattern is tried only there, with the same result as finditer.

def _word_starts(text: str, tail: str, firsts: str) -> list[int]:
    """Where ``tail`` follows one of the letters ``firsts`` (``[Nn]gày``: the [Nn])."""
    out = []
    i = text.find(tail, 1)
    while i > 0:
        if text[i - 1] in firsts:
            out.append(i - 1)
        i = text.find(tail, i + 1)
    return out


# A separator of a figure such as ``24/3`` or ``5.6.2012``, a / . or - that a digit follows
# after at most one space, found as a dot in a copy of the text where / and - are dots
# (str.replace is a C loop): one scan with a pattern that opens with a literal, which the
# regex engine skips to in C, and only the few separators a digit follows reach Python (most
# dots end a sentence). A pattern opening with the class [/.-] would be tried at every
# character instead.
_SEPARATOR = re.compile(r"\.(?=\s?\d)")


def _day_month_starts(text: str) -> list[int]:
    """Where a figure such as ``24/3``, ``5.6.2012`` (_FULL, _DAY_MONTH) can open: a digit at
    most 3 characters before a / . or - that a digit follows, after at most one space."""
    starts = []
    for m in _SEPARATOR.finditer(text.replace("/", ".").replace("-", ".")):
        i = m.start()
        for p in range(max(0, i - 3), i):
            if text[p].isdecimal():
                starts.append(p)
    return sorted(set(starts))


def _joined(text: str, start: int, ends: list[int], last: int) -> bool:
    """A bare day/month right after a connective that follows another date."""
    words = _words_before(text, start, 12)
    if words and words[-1] == "ngày":
        words.pop()
    if not words or words[-1] not in _JOIN_WORDS:
        return False
    i = bisect.bisect_right(ends, start)
    previous = max(ends[i - 1] if i else -1_000, last)
    return start - previous <= 40


def is_life_event(before: str) -> bool:
    """The text right before a date makes it a birth or death date (``sinh ngày``)."""
    return bool(_LIFE_EVENT.search(before))


def year_evidence(text: str) -> list[int]:
    """Weak evidence of the current year: month-year mentions and bare ``năm YYYY`` (not
    targets such as ``đến năm 2030`` nor birth years)."""
    if not isinstance(text, str):
        return []
    months = _word_starts(text, "háng", "Tt")  # where _MONTH_YEAR's [Tt]háng can match
    years = [int(m.group(2)) for m in finditer_at(_MONTH_YEAR, text, months)]
    years += [int(m.group(2)) for m in _PAREN_MONTH_YEAR.finditer(text)]
    for m in finditer_at(_YEAR, text, _word_starts(text, "ăm", "Nn")):
        if not _NOT_NOW_YEAR.search(text[max(0, m.start() - 16):m.start()]):
            years.append(int(m.group(1)))
    return [y for y in years if 1800 <= y <= 2200]


def reference(
    text: str, mentions: list[DateMention] | None = None, published: str | None = None
) -> tuple[int | None, dt.date | None]:
    """(reference year, floor date) for dates written without a year. The floor is the date
    the text shows to be past already: a dated citation plus the duration written before it
    (``5 năm thực hiện Nghị quyết … ngày 4/7/2017`` -> 2022-07-04), else the latest full date
    written (not a birth or death date). A day/month falls in the floor's year unless that
    puts it well before the floor (:func:`resolve`)."""
    pub = _published_date(published)
    if pub:
        return pub.year, None
    if not isinstance(text, str):
        return None, None
    if mentions is None:
        mentions = find_dates(text)
    full = [d for d in mentions
            if d.year is not None and not _LIFE_EVENT.search(text[max(0, d.start - 20):d.start])]
    for m in _DURATION.finditer(text):
        count = _COUNT_BEFORE.search(text[max(0, m.start() - 8):m.start()])
        n = parse_number(count.group(1)) if count else None
        if not isinstance(n, int) or n <= 0:
            continue
        after = next((d for d in full if 0 <= d.start - m.end() <= 160), None)
        if after is not None and after.year is not None and "." not in text[m.end():after.start]:
            day = min(after.day, 28) if after.month == 2 else after.day
            return after.year + n, dt.date(after.year + n, after.month, day)
    for m in _ANNIVERSARY.finditer(text):  # "74 năm ... (1930-2004)"
        count = _COUNT_BEFORE.search(text[max(0, m.start() - 8):m.start()])
        if count and int(m.group(2)) - int(m.group(1)) == parse_number(count.group(1)):
            return int(m.group(2)), None
    if full:
        latest = max(full, key=lambda d: (d.year, d.month, d.day))
        floor = dt.date(latest.year, latest.month, latest.day)  # type: ignore[arg-type]
        return floor.year, floor
    evidence = year_evidence(text)
    return (max(evidence), None) if evidence else (None, None)


# A day/month this long before the floor date belongs to the next year.
_BEFORE_FLOOR = dt.timedelta(days=90)


def _published_date(published: str | None) -> dt.date | None:
    if not isinstance(published, str):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def resolve(mention: DateMention, year: int | None, published: str | None = None,
            floor: dt.date | None = None) -> str | None:
    """ISO date of ``mention``: its own year, else the year nearest the publication date, else
    the reference ``year`` (the next one when that puts the day more than 90 days before the
    ``floor`` date, see :func:`reference`); ``None`` when no year can be known or the day does
    not exist."""
    if mention.year is not None:
        return _iso(mention.year, mention.month, mention.day)
    pub = _published_date(published)
    if pub:
        best = None
        for y in (pub.year - 1, pub.year, pub.year + 1):
            try:
                d = dt.date(y, mention.month, mention.day)
            except ValueError:
                continue
            if best is None or abs((d - pub).days) < abs((best - pub).days):
                best = d
        return best.isoformat() if best else None
    if year is None:
        return None
    if floor is not None:
        iso = _iso(floor.year, mention.month, mention.day)
        if iso and dt.date.fromisoformat(iso) < floor - _BEFORE_FLOOR:
            return _iso(floor.year + 1, mention.month, mention.day)
        return iso
    return _iso(year, mention.month, mention.day)


def body_dates(text: str, title: str | None, published: str | None) -> list[FoundDate]:
    """The dates written in an article's body, in text order, each resolved to an ISO date
    (``None`` when no year can be known). The headline often carries the anniversary span or
    a full date the body leaves out: the year is read from both, the dates listed are the
    body's."""
    head = f"{title}\n\n" if title else ""
    context = head + text
    found = find_dates(context)
    year, floor = reference(context, found, published)
    shift = len(head)
    return [FoundDate(resolve(m, year, published, floor), m.start - shift, m.end - shift, m.cue)
            for m in found if m.start >= shift]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_LEADING = re.compile(
    r"^\s?[,(]?\s?(?:ban hành\s|ký\s)?(?:ngày|ngày ký)\s{1,3}", re.IGNORECASE
)


# The usual date after ``ngày``: ``4/7/2017``, ``20-6-1961``. Read directly, without
# find_dates' passes: it is what they read there (_FULL), since nothing before it (``ngày``
# and blanks) can open a date.
_PLAIN_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d])")


def leading_date(text: str) -> tuple[str, int] | None:
    """A full date that opens ``text`` after ``ngày`` (``, ngày 4/7/2017``): (ISO date, end
    offset in ``text``). Used for the date of a cited document."""
    if not isinstance(text, str):
        return None
    m = _LEADING.match(text)
    if not m:
        return None
    plain = _PLAIN_DATE.match(text, m.end())
    if plain:
        day, month, year = int(plain.group(1)), int(plain.group(3)), int(plain.group(4))
        iso = _iso(year, month, day) if _valid(day, month, year) else None
        return (iso, plain.end()) if iso else None
    return _found_leading_date(text, m)


def _found_leading_date(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """:func:`leading_date` by :func:`find_dates`, after the lead ``m``: any form of date."""
    rest = text[m.start():m.end() + 40]
    for d in find_dates(rest):
        if d.start <= m.end() + 1 and d.year is not None:
            iso = _iso(d.year, d.month, d.day)
            return (iso, d.end) if iso else None
    return None
