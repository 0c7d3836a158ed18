"""Calendar dates in Vietnamese news text, and the year of the dates written without one.

Forms found (:func:`find_dates`):

- full dates: ``19/5/2020``, ``16-12-2016``, ``5.6.2012``, ``18/05/2022 | 08:40``,
  ``ngày 4 tháng 7 năm 2017``;
- day and month only, after a cue that makes them a date: ``Chiều 24/3``, ``Sáng 20/5``,
  ``ngày 27/5``, ``Sáng nay (6-2)``, ``hôm 30/1``, ``đến 19/6`` after another date;
- day ranges: ``từ ngày 14 đến 16/6``, ``ngày 18 - 25/4``, ``ngày 27 và 28-10``, ``2 ngày
  (21-22/9)``, ``hai ngày 21, 22/9``, ``từ ngày 2 đến 5/4/2019``, ``ngày 2-5/4/2019`` (two
  dates, the second marked as a range's end, :attr:`DateMention.range_end`; read before the
  full dates, whose pattern would take the end alone; ``từ ngày 5-5 đến 10-5-2017``: the
  first takes the year of the last);
- month-year and bare years (``tháng 6/2012``, ``năm 2016``) are not dates.

Figures that look like dates are not dates: ``14,63%``, ``19.908``, ``1.5`` and counts such as
``48/56`` or ``50/50`` have no cue word and no four-digit year.

A date without a year takes it (:func:`resolve`) from the publication date (the year that puts
it nearest), else from a date or duration the text ties to the event
(:func:`reference`): a duration before a dated citation (``sơ kết 5 năm thực hiện Nghị quyết …
ngày 4/7/2017`` -> on or after 4/7/2022), an anniversary or a reviewed span (``74 năm …
(1930-2004)``), the term a congress opens (``Đại hội … nhiệm kỳ 2024-2029`` -> 2024), the
national congress the event is held at (``Đại hội X`` -> 2006), the period a review covers
(``6 tháng cuối năm 2024``), else the date the figures reported hold at (``tính đến ngày
19/5/2020``). Never from a birth date, a career or a
historical mention (``sinh năm 1963``, ``năm 1983 ông …``, ``Chỉ thị 05-CT/TW ngày
12-5-1951``), nor from the machine clock: where nothing ties a year to it, the date has none.

Every pattern is linear: bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from partyx.data import load
from partyx.lang.numbers import parse_number
from partyx.lang.patterns import finditer_at
from partyx.lang.sentences import sentence_at
from partyx.lang.spans import Spans
from partyx.record import FoundDate
from partyx.rules.congresses import NATIONAL, find_congresses

# Patterns open with a digit or a case-sensitive literal so that the regex engine can skip
# ahead quickly; a digit that continues a longer figure is refused in code (_after_figure).
_D = r"(\d{1,2})"
_FULL = re.compile(rf"{_D}\s?([/.-])\s?{_D}\s?\2\s?(\d{{4}})(?![\d])")
_NGAY = r"[Nn]gày\s{1,3}"
_FULL_WORDS = re.compile(
    rf"{_NGAY}{_D}\s{{1,3}}[Tt]háng\s{{1,3}}{_D}(?:\s{{0,3}}(?:năm|,)\s{{0,3}}(\d{{4}}))?(?!\d)"
)
_RANGE = re.compile(
    rf"{_NGAY}\(?{_D}\s?(?:-|–|đến|tới|và|,)\s?(?:ngày\s{{1,3}})?{_D}\s?([/-])\s?{_D}"
    r"(?:\3(\d{4}))?(?![\d]|\s?[/.-]\s?\d)"
)
_DAY_MONTH = re.compile(rf"{_D}\s?([/.-])\s?{_D}(?![\d%]|\s?[/.-]\s?\d)")
# Birth and death dates say nothing of when the article was written.
_LIFE_EVENT = re.compile(
    r"(?:sinh|mất|từ trần|qua đời|hy sinh|tạ thế)(?:\s(?:ngày|năm))?\s?$", re.IGNORECASE
)
# An anniversary span (``kỷ niệm 60 năm Cách mạng Tháng Tám (1945 - 2004)``,
# ``(3/2/1930-3/2/2004)``).
_YEARS = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?((?:18|19|20)\d{2})\s?[-–]\s?"
          r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?((?:19|20)\d{2})(?!\d)")  # (a birth: 1890)
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
    r"\b(\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s{1,3}$", re.IGNORECASE
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
    range_end: bool = False  # the last day of a range (``16/9`` of ``từ ngày 13 đến 16/9``)


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

    def add(start: int, end: int, d: int, m: int, y: int | None, cue: str | None,
            range_end: bool = False) -> None:
        if _valid(d, m, y):
            found.append(DateMention(start, end, text[start:end], d, m, y, cue, range_end))

    matches = list(finditer_at(_FULL_WORDS, text, ngay))
    for m in matches:
        y = int(m.group(3)) if m.group(3) else None
        add(m.start(), m.end(), int(m.group(1)), int(m.group(2)), y, "ngày")
    taken.add(m.span() for m in matches)
    # a range before the full dates: ``ngày 2 đến 5/4/2019`` is two days, not ``5/4/2019``
    matches = [m for m in finditer_at(_RANGE, text, ngay)
               if not taken.meets(*m.span()) and _days_of_one_range(text, m)]
    for m in matches:
        month, year = int(m.group(4)), int(m.group(5)) if m.group(5) else None
        first_end = m.start(1) + len(m.group(1))
        add(m.start(), first_end, int(m.group(1)), month, year, "ngày")
        add(m.start(2), m.end(), int(m.group(2)), month, year, "ngày", True)
    taken.add(m.span() for m in matches)
    matches = [m for m in finditer_at(_FULL, text, figures)
               if not _after_figure(text, m.start()) and not taken.meets(*m.span())]
    for m in matches:
        add(m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4)),
            _cue(text, m.start()))
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
    return _range_years(text, found)


def _days_of_one_range(text: str, m: re.Match[str]) -> bool:
    """Whether the two days of a :data:`_RANGE` match are one range: joined by a comma only
    when they follow each other (``hai ngày 21, 22/9``; in ``Ngày 15, 3/4 đại biểu`` the 3/4
    is a share)."""
    if "," not in text[m.end(1):m.start(2)]:
        return True
    return 0 < int(m.group(2)) - int(m.group(1)) <= 3


def _range_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """A day/month without a year that opens a range whose end has one takes it (``từ ngày
    5-5 đến 10-5-2017``)."""
    for i in range(len(found) - 1):
        d, nxt = found[i], found[i + 1]
        if d.year is None and nxt.year is not None and 0 < nxt.start - d.end <= 12 \
                and (d.month, d.day) <= (nxt.month, nxt.day):
            between = text[d.end:nxt.start].replace(",", " ").split()
            if between and between[-1] == "ngày":
                between.pop()
            if len(between) == 1 and between[0] in _JOIN_WORDS:
                found[i] = replace(d, year=nxt.year)
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


# A cited document's or paper's date: ``Chỉ thị số 15-CT/TU ngày``, ``Quyết định 626/QĐ-TTg
# ngày``, ``công văn số 304 ngày``.
_DOCUMENT_DATED = re.compile(
    r"(?:\d{1,4}\s?[-/]\s?[A-ZĐ][\w/-]{0,20}|\bsố\s\d{1,4})\s?,?\s?ngày\s$")
# A date inside an anniversary span: ``(9/2/1907-9/2/2017)``.
_SPAN_AFTER = re.compile(r"\s?[-–]\s?(?:\d{1,2}[/.-]\d{1,2}[/.-])?\d{4}(?!\d)")
_SPAN_BEFORE = re.compile(r"\d{4}\s?[-–]\s?$")


def is_cited(before: str) -> bool:
    """The text right before a date makes it a cited document's date (``số 15-CT/TU
    ngày``)."""
    return bool(_DOCUMENT_DATED.search(before))


def in_span(text: str, start: int, end: int) -> bool:
    """The date at ``text[start:end]`` is one end of a span (``9/2/1907-9/2/2017``); the first
    day of a range of days (``ngày 2-5/4/2019``), which writes no year, opens none."""
    return bool((_FOUR_DIGITS.search(text, start, end) and _SPAN_AFTER.match(text, end))
                or _SPAN_BEFORE.search(text, max(0, start - 7), start))


_FOUR_DIGITS = re.compile(r"\d{4}")


def is_life_event(before: str) -> bool:
    """The text right before a date makes it a birth or death date (``sinh ngày``)."""
    return bool(_LIFE_EVENT.search(before))


@dataclass(frozen=True, kw_only=True)
class _Evidence:
    """The words of ``partyx/data/events.json`` (``dates``) that tie a year to the event."""

    opens_term: re.Pattern[str]  # a body whose term the event opens (``Đại hội``)
    not_opening: re.Pattern[str]  # words before it that make it a topic (``chuẩn bị``)
    review: re.Pattern[str]  # a review of a period (``sơ kết``, ``tổng kết``)
    national_years: dict[int, int]  # the year of each national Party congress (ordinal)
    as_of: re.Pattern[str]  # before a date: what is reported holds at it (``tính đến ngày``)
    edition: re.Pattern[str]  # an event named with its year after it (``Hội nghị … 2017``)
    not_edition: re.Pattern[str]  # written between them: the year is no edition's
    present_year: re.Pattern[str]  # ``từ đầu năm 2017 đến nay``: the present's year


@cache
def _evidence() -> _Evidence:
    data = load("events")["dates"]
    # read ignoring case: each is searched in lower-cased text (a pattern with IGNORECASE
    # is tried at every character; a lower-case one skips to its first letters)
    return _Evidence(
        opens_term=re.compile(data["opens_term"]), not_opening=re.compile(data["not_opening"]),
        review=re.compile(data["review"]),
        national_years={int(k): int(v) for k, v in data["national_congress_years"].items()},
        as_of=re.compile(data["as_of"]), edition=re.compile(data["edition"]),
        not_edition=re.compile(data["not_edition"]),
        present_year=re.compile(data["present_year"]))


class Reference(NamedTuple):
    """Where the dates written without a year take it from (:func:`reference`): a ``near``
    date (the day falls in the year that puts it nearest), else a ``floor`` date (the day
    falls on or after it, give or take 90 days), else a ``year``; all ``None``: unknown."""

    year: int | None
    floor: dt.date | None = None
    near: dt.date | None = None


# ``nhiệm kỳ 2025-2030``: a term of two to five years (read in lower-cased text, as _PERIOD).
_TERM = re.compile(r"nhiệm kỳ\s{1,3}((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})(?!\d)")
# The period a review covers: ``6 tháng đầu năm 2024``, ``9 tháng năm 2023``, ``quý I/2024``,
# ``quý III năm 2024``, ``năm 2024``.
_PERIOD = re.compile(
    r"(?:(\d{1,2}|ba|sáu|chín)\s{1,3}tháng\s{1,3}(?:(đầu|cuối)\s{1,3})?năm"
    r"|quý\s{1,3}(i{1,3}|iv|[1-4])\s?(?:/|năm)"
    r"|năm)\s{0,3}((?:19|20)\d{2})(?![\d-])"
)
_QUARTERS = {"i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_MONTH_COUNTS = {"ba": 3, "sáu": 6, "chín": 9}


def reference(
    text: str, mentions: list[DateMention] | None = None, published: str | None = None,
    head: int = 0,
) -> Reference:
    """Where the dates without a year take it from (see :class:`Reference`), in this order:
    the publication date; a dated citation plus the duration written
    before it (``5 năm thực hiện Nghị quyết … ngày 4/7/2017`` -> on or after 2022-07-04); an
    anniversary or a reviewed span whose count fits its years (``74 năm … (1930-2004)``,
    ``tổng kết 15 năm (2011-2025)``); then what the event's own words say (the headline,
    ``text[:head]``, and the sentences of the lead's dates without a year): a term opened
    by a congress or a first plenum (``Đại hội … nhiệm kỳ 2025-2030`` -> 2025), the national
    congress it takes place at, a reviewed period (``sơ kết 6 tháng đầu năm 2024`` -> the day
    nearest 30/6/2024), the year in the event's name (``Hội nghị … năm 2017``); last, the
    date the figures reported hold at (``tính đến ngày 19/5/2020``, the day nearest it), else
    the year whose start a span to the present opens (``từ đầu năm 2017 đến nay``). Never a
    birth, a career or a historical date, nor the machine clock: else nothing is known."""
    pub = _published_date(published)
    if pub:
        return Reference(pub.year, None, pub)
    if not isinstance(text, str):
        return Reference(None)
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
            return Reference(after.year + n, dt.date(after.year + n, after.month, day))
    for m in _ANNIVERSARY.finditer(text):  # "74 năm ... (1930-2004)", "15 năm (2011-2025)"
        count = _COUNT_BEFORE.search(text[max(0, m.start() - 8):m.start()])
        n = parse_number(count.group(1)) if count else None
        first, last = int(m.group(1)), int(m.group(2))
        if isinstance(n, int) and last - first in (n, n - 1):
            return Reference(last)
    for zone in _event_zones(text, mentions, head):
        low = zone.lower()
        found = _term_opened(low) or _national_congress(zone, low) or _reviewed_period(low) \
            or _edition_year(low, text)
        if found:
            return found
    ev = _evidence()
    for d in full:  # "tính đến ngày 19/5/2020, đã có …": the present of what is reported
        if ev.as_of.search(text[max(0, d.start - 24):d.start].lower()):
            return Reference(d.year, None, dt.date(d.year, d.month, d.day))  # type: ignore[arg-type]
    if "đầu năm" in text or "Đầu năm" in text:  # "Từ đầu năm 2017 đến nay": 2017's present
        at = _next_year_start(text, 0)
        while at >= 0:
            since = ev.present_year.search(text[max(0, at - 4):at + 40].lower())
            if since:  # not a term's or a reviewed period's span ("Trong nhiệm kỳ qua, từ …")
                start, stop = sentence_at(text, at)
                year = int(since.group(1))
                if _year_words().not_present.search(text[start:stop].lower()) \
                        or _later_year(text, year):
                    return Reference(None)
                return Reference(year)
            at = _next_year_start(text, at + 7)
    return Reference(None)


def _next_year_start(text: str, start: int) -> int:
    """Where ``đầu năm`` (or ``Đầu năm``) is next written in ``text`` from ``start``; -1."""
    found = [i for i in (text.find("đầu năm", start), text.find("Đầu năm", start)) if i >= 0]
    return min(found, default=-1)


class _YearWords(NamedTuple):
    target_before: re.Pattern[str]  # before a year: a target or a span's end, not the present
    not_present: re.Pattern[str]  # in present_year's sentence: a term's or a period's span
    not_period: re.Pattern[str]  # between a review and a year: a past year, no period's


@cache
def _year_words() -> _YearWords:
    data = load("events")["dates"]
    return _YearWords(re.compile(data["target_before"]), re.compile(data["not_present"]),
                      re.compile(data["not_period"]))


def load_vocabulary() -> None:
    """Compile the patterns read from ``data/events.json`` now (the stage does it when it is
    built, before a run's workers fork): else the first article with no publication date
    of each worker compiles them."""
    _evidence()
    _year_words()


_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?!\d)")


def _later_year(text: str, year: int) -> bool:
    """``text`` writes a year after ``year`` that is no target, plan or span (``đến năm
    2030``, ``tầm nhìn 2045``, ``nhiệm kỳ 2025-2030``, ``kế hoạch năm 2024``, ``dự báo …
    năm 2024``, ``2020-2025``): the article's present is not in ``year``."""
    return any(int(m.group()) > year and not ahead_of_text(text, m.start(), m.end())
               for m in _YEAR.finditer(text))


def ahead_of_text(text: str, start: int, end: int) -> bool:
    """The year written at ``text[start:end]`` is a target, a plan or a term's span (``đến
    năm 2030``, ``tầm nhìn 2045``, ``phấn đấu … năm 2030``, ``nhiệm kỳ 2025-2030``,
    ``2020-2025``): a year that lies ahead of the article as often, no evidence of its
    present."""
    return bool(_SPAN_START.match(text, end) or _year_words().target_before.search(
        text[max(0, start - 40):start].lower()))


_SPAN_START = re.compile(r"\s?[-–]\s?(?:19|20)\d{2}")  # "2025-2030": a term ahead, not the present


_LEAD_REACH = 1500  # how far into the text the lead's dates are looked for


def _lead_end(text: str, head: int) -> int:
    """The end of the lead: the first two paragraphs of the body (after the headline,
    ``text[:head]``), at most :data:`_LEAD_REACH` characters."""
    first = text.find("\n\n", head)
    second = text.find("\n\n", first + 2) if first >= 0 else -1
    return min(second if second >= 0 else len(text), head + _LEAD_REACH)


def _event_zones(text: str, mentions: list[DateMention], head: int) -> list[str]:
    """The texts that speak of the event itself: the headline (``text[:head]``), then the
    sentence of each date without a year in the first two paragraphs of the body."""
    zones = [text[:head]] if head else []
    end = _lead_end(text, head)
    stop = -1
    for d in mentions:
        if d.start >= end:
            break
        if d.year is None and d.start >= max(head, stop):  # each sentence once
            start, stop = sentence_at(text, d.start)
            zones.append(text[start:stop])
    return zones


def _term_opened(low: str) -> Reference | None:
    """The first year of a term that the event opens: a congress or a body's first plenum
    written in the same zone, ``low`` (lower-cased; not a congress being prepared for:
    ``chuẩn bị Đại hội``); of several terms, the latest (a congress reviews the term that
    ends: ``đánh giá nhiệm kỳ 2015-2020, đề ra phương hướng nhiệm kỳ 2020-2025``)."""
    terms = [t for t in _TERM.finditer(low) if 1 <= int(t.group(2)) - int(t.group(1)) <= 5] \
        if "nhiệm kỳ" in low else []
    if not terms:
        return None
    term = max(terms, key=lambda t: int(t.group(1)))  # the one it opens: the reviewed one ends
    ev = _evidence()
    for m in ev.opens_term.finditer(low):
        if not ev.not_opening.search(low, max(0, m.start() - 16), m.start()):
            return Reference(int(term.group(1)))
    return None


def _national_congress(zone: str, low: str) -> Reference | None:
    """The year of the national Party congress the event takes place at (``tại Trung tâm Báo
    chí Đại hội X`` -> 2006), from ``national_congress_years`` (not a congress being prepared
    for or whose resolution is applied: ``quán triệt Nghị quyết Đại hội XIII``)."""
    if "đại hội" not in low and "đh" not in low:
        return None
    ev = _evidence()
    for c in find_congresses(zone):
        year = ev.national_years.get(c.ordinal)
        if c.body == NATIONAL and year \
                and not ev.not_opening.search(zone[max(0, c.start - 16):c.start].lower()):
            return Reference(year)
    return None


def _reviewed_period(low: str) -> Reference | None:
    """The end of the period a review in the zone ``low`` (lower-cased) covers (``sơ kết 6
    tháng đầu năm 2024`` -> 2024-06-30; ``tổng kết công tác năm 2024`` -> 2024-12-31), as the
    date the event is nearest to; not a past year written further (not_period between:
    ``tổng kết 25 năm thực hiện Nghị quyết … ban hành năm 1998``)."""
    review = _evidence().review.search(low)
    if review is None:
        return None
    m = _PERIOD.search(low, review.end())
    if m is None or _year_words().not_period.search(low, review.end(), m.start()):
        return None
    year = int(m.group(4))
    month = 12
    if m.group(1):
        count = _MONTH_COUNTS.get(m.group(1)) or int(m.group(1))
        if not 1 <= count <= 12:
            return None
        month = count if m.group(2) != "cuối" else 12
    elif m.group(3):
        month = _QUARTERS[m.group(3)]
    end = dt.date(year, month, 1) + dt.timedelta(days=31)
    return Reference(year, None, end.replace(day=1) - dt.timedelta(days=1))


def _edition_year(low: str, text: str = "") -> Reference | None:
    """The year an event's name writes after it in the zone ``low`` (lower-cased): ``Hội nghị
    an toàn giao thông 2017``, ``Hội nghị đối thoại … năm 2017``, ``APEC 2017``, within its
    sentence, no plan's, term's or period's words between (``Hội nghị triển khai nhiệm vụ
    năm 2018`` is held the year before as often), nor a congress being prepared for or a
    resolution before the name (``chuẩn bị``, ``Nghị quyết``), nor a past it recalls
    (``Hội thảo "Cách mạng Tháng Tám năm 1945 …"``, ``… 25 năm thực hiện Nghị quyết … ban
    hành năm 1998``); in a quoted name, only the year that closes it; none when ``text``
    writes a later year (:func:`_later_year`)."""
    ev = _evidence()
    for m in ev.edition.finditer(low):
        if ev.not_opening.search(low, max(0, m.start() - 16), m.start()):
            continue
        year = _EDITION_YEAR.match(low, m.end(), min(len(low), m.end() + _EDITION_REACH))
        if year and not ev.not_edition.search(low, m.end(), year.start(1)) \
                and (not _quoted(low, m.end(), year.start(1))
                     or low[year.end(1):year.end(1) + 2].lstrip()[:1] in _CLOSING_QUOTES) \
                and not _later_year(text, int(year.group(1))):
            return Reference(int(year.group(1)))
    return None


_CLOSING_QUOTES = ('"', "”", "»")


def _quoted(low: str, start: int, end: int) -> bool:
    """A quote opened between ``start`` and ``end`` is still open at ``end``."""
    between = low[start:end]
    return between.count('"') % 2 == 1 or between.count("“") > between.count("”") \
        or between.count("«") > between.count("»")


_EDITION_REACH = 120  # how far after the event's name its year may be written
# The year after the name, in its sentence; not a span's first year nor a date's or a
# document number's (``2017-2022``, ``77/2017/NĐ-CP``).
_EDITION_YEAR = re.compile(r"[^.;:!?\n]*?(?<![\d/.-])((?:19|20)\d{2})(?!\s?[-–/]\s?\d|\d)")


def reporting_ends(text: str) -> list[dt.date]:
    """The last days of the periods the text reports on, written by months or quarters
    (``9 tháng đầu năm 2017`` -> 2017-09-30, ``quý III/2024`` -> 2024-09-30); a bare year
    (``năm 2017``) is no such period. Read as running text writes them, in lower case."""
    out = []
    for m in _MONTHS_OF_YEAR.finditer(text):  # opens with a literal: the engine skips to it
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 8), m.start())
        word = count.group(1).lower() if count else ""
        n = _MONTH_COUNTS.get(word) or (int(word) if word.isdigit() else None)
        if n is None or not 1 <= n <= 12:
            continue
        out.append(_month_end(int(m.group(2)), n if m.group(1) != "cuối" else 12))
    for m in _QUARTER_OF_YEAR.finditer(text):
        quarter = _QUARTERS.get(m.group(1).lower())
        if quarter:
            out.append(_month_end(int(m.group(2)), quarter))
    return out


_DIGIT = re.compile(r"\d")
# ``9 tháng đầu năm 2017`` (the count read before it), ``quý III/2024``.
_MONTHS_OF_YEAR = re.compile(
    r"tháng\s{1,3}(?:(đầu|cuối)\s{1,3})?năm\s{0,3}((?:19|20)\d{2})(?![\d-])")
_QUARTER_OF_YEAR = re.compile(
    r"quý\s{1,3}([IVivx]{1,3}|[1-4])\s?(?:/|năm)\s{0,3}((?:19|20)\d{2})(?![\d-])")


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year, month, 1) + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


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


# A day/month this long before the floor date belongs to the next year.
_BEFORE_FLOOR = dt.timedelta(days=90)


def resolve(mention: DateMention, year: int | None, published: str | None = None,
            floor: dt.date | None = None, near: dt.date | None = None) -> str | None:
    """ISO date of ``mention``: its own year, else the year that puts it nearest the
    publication date or the ``near`` date, else the reference ``year`` (the next one when that
    puts the day more than 90 days before the ``floor`` date), see :func:`reference`;
    ``None`` when no year can be known or the day does not exist."""
    if mention.year is not None:
        return _iso(mention.year, mention.month, mention.day)
    near = _published_date(published) or near
    if near:
        best = None
        for y in (near.year - 1, near.year, near.year + 1):
            try:
                d = dt.date(y, mention.month, mention.day)
            except ValueError:
                continue
            if best is None or abs((d - near).days) < abs((best - near).days):
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
    (``None`` when no year can be known). The headline often carries the anniversary span,
    the congress's term or a full date the body leaves out: the year is read from both, the
    dates listed are the body's."""
    head = f"{title}\n\n" if title else ""
    context = head + text
    found = find_dates(context)
    ref = reference(context, found, published, head=len(head))
    shift = len(head)
    return [FoundDate(resolve(m, ref.year, published, ref.floor, ref.near), m.start - shift,
                      m.end - shift, m.cue, m.range_end)
            for m in found if m.start >= shift]


def headline_dates(text: str, title: str | None, published: str | None) -> list[FoundDate]:
    """The dates written in the headline, resolved as :func:`body_dates` resolves the body's
    (the year read from both); offsets into ``title``."""
    if not title or _DIGIT.search(title) is None:
        return []
    found = find_dates(title)
    if not found:
        return []
    head = f"{title}\n\n"
    ref = Reference(None) if all(m.year for m in found) else \
        reference(head + (text or ""), None, published, head=len(head))
    return [FoundDate(resolve(m, ref.year, published, ref.floor, ref.near), m.start, m.end,
                      m.cue, m.range_end) for m in found]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_LEADING = re.compile(
    r"^\s?[,(]?\s?(?:được\s{1,2})?(?:ký\s|ký ban hành\s|ban hành\s)?(?:ngày|ngày ký)\s{1,3}",
    re.IGNORECASE
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
    found = find_dates(rest)
    for i, d in enumerate(found):
        if i + 1 < len(found) and found[i + 1].range_end:
            continue  # a range of days (``ngày 2 đến 5/4/2019``) is no day of issue
        if d.start <= m.end() + 1 and d.year is not None:
            iso = _iso(d.year, d.month, d.day)
            return (iso, d.end) if iso else None
    return None
