"""What a reader gives for one article, and how it reaches the stages.

A :class:`Page` is the article's body text and what its source states besides (headline, lead,
publication time, authors, outlet, section, URL): an HTML page's metadata, a dataset row's
columns. :func:`compose` makes of it

- the text the stages read (``Article.raw``), laid out as a news text file is: the headline,
  a date line (``24/03/2021 21:54``), the lead when the body does not hold it, then the body.
  The same rules then read every format alike: the clean stage drops site furniture, the
  metadata stage finds the headline, the byline at the foot, the outlet's dateline;
- :class:`partyx.record.Stated`, which the metadata stage puts before what its rules read
  (:mod:`partyx.rules.stated`).

:func:`stated_time` turns a stated publication time (ISO 8601 in any time zone, a date, a
``datetime``, seconds since 1970, ``24/03/2021 21:54``) into the record's form: ISO 8601 with
``+07:00`` (Vietnam's time; a time without a zone is taken as Vietnam's), or the bare date
when no time is stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from partyx.lang.text import normalize
from partyx.record import Stated

VIETNAM = timezone(timedelta(hours=7))
_YEARS = range(1900, 2101)


@dataclass(slots=True)
class Page:
    """One article as a reader found it: ``text`` is the body (paragraphs one per line);
    everything else is what the source states, ``None`` (or empty) when it states nothing.
    Strings are as found: :func:`compose` normalises them."""

    text: str
    title: str | None = None
    lead: str | None = None
    published: str | None = None  # as stated_time() gives it
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    section: str | None = None
    url: str | None = None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize(value).split())
    return value or None


def compose(page: Page) -> tuple[str, Stated]:
    """``(raw, stated)`` for ``page`` (see module docstring)."""
    text = normalize(page.text).strip()
    title = _clean(page.title)
    lead = _clean(page.lead)
    if title:  # the page's headline kept at the top of its text
        first, _, rest = text.partition("\n")
        if len(first) <= 2 * len(title) + 20 and _words(first) == _words(title):
            text = rest.lstrip()
    parts = []
    if title:
        parts.append(title)
    if page.published:
        parts.append(date_line(page.published))
    if lead and lead != title and not _holds(text, lead):
        parts.append(lead)
    parts.append(text)
    authors = tuple(a for a in (_clean(x) for x in page.authors) if a)
    stated = Stated(title=title, published=page.published, outlet=_clean(page.outlet),
                    authors=authors, section=_clean(page.section), url=_clean(page.url))
    return "\n\n".join(parts), stated


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _holds(text: str, lead: str) -> bool:
    """Does the body open with the lead already (the page kept its sapo in the body, the row's
    text starts with it)? One of the first lines must begin with the lead's first words
    (compared on words: spacing and punctuation do not matter); an article may quote its lead
    again further down."""
    words = _words(lead)[:40]
    if len(words) > 12:
        words = words[:-1]  # a description cut short may end in half a word
    if not words:
        return True
    span = len(lead) + 40  # the words of a line that may open with the lead
    return any(_words(line[:span])[: len(words)] == words for line in text.split("\n", 3)[:3])


def date_line(published: str) -> str:
    """``2021-03-24T21:54:00+07:00`` -> ``24/03/2021 21:54``; ``2021-03-24`` -> ``24/03/2021``:
    the date line of a news page, as the header rules read it."""
    y, m, d = published[:4], published[5:7], published[8:10]
    line = f"{d}/{m}/{y}"
    if len(published) > 10:
        line += f" {published[11:16]}"
    return line


# --- publication time ------------------------------------------------------------------------

_ISO = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d\d:?\d\d|[+-]\d\d)?$", re.IGNORECASE)


def stated_time(value: object) -> str | None:
    """A stated publication time in the record's form (see module docstring); ``None`` when
    ``value`` is empty, not a time, or out of 1900-2100."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return value.isoformat() if value.year in _YEARS else None
    if isinstance(value, (int, float)):
        seconds = float(value) / 1000 if abs(value) > 1e11 else float(value)  # milliseconds
        try:
            return _from_datetime(datetime.fromtimestamp(seconds, VIETNAM))
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        return _from_iso(m)
    from partyx.rules.header import parse_published  # 24/03/2021 21:54, Ngày đăng …

    found = parse_published(text) if len(text) <= 120 else None
    return found if found and int(found[:4]) in _YEARS else None


def _from_iso(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if m.group(4) is None:
        return day.isoformat() if y in _YEARS else None
    try:
        moment = datetime(y, mo, d, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
    except ValueError:
        return None
    zone = m.group(7)
    if zone:
        if zone.upper() == "Z":
            offset = timedelta(0)
        else:
            digits = zone[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:] or 0)
            offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
        try:
            moment = moment.replace(tzinfo=timezone(offset))
        except ValueError:
            return None
    return _from_datetime(moment)


def _from_datetime(moment: datetime) -> str | None:
    if moment.tzinfo is None:
        if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
            # midnight with no zone: a date stated as a time (htmldate, date columns)
            return moment.date().isoformat() if moment.year in _YEARS else None
        moment = moment.replace(tzinfo=VIETNAM)
    moment = moment.astimezone(VIETNAM)
    if moment.year not in _YEARS:
        return None
    return moment.replace(microsecond=0).isoformat()
