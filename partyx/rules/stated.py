"""What the source states, and what the header rules read: which goes into the record.

A saved page and a dataset row state some of the record's header fields outright (a page's
``og:title``, ``article:published_time``, ``author``, ``og:site_name``, canonical URL; a row's
columns: :class:`partyx.record.Stated`). The statement goes first; the header rules
(:mod:`partyx.rules.header`, run on the text the reader composed) fill what it leaves out:

- **title**: the stated one; the rules' reading of it when that is the stated title without a
  site name or a bullet glued to it (``Tiêu đề - Báo Lao Động Thủ Đô``); never a site's name
  alone (what is left of ``Báo Lạng Sơn - Tiêu đề`` when the page's title is cut at its dash).
- **published**: the stated time, else a date line of the text.
- **outlet**: the outlet table's name (``data/outlets.json``) for the stated site name, else
  for the URL's domain (``m.nhandan.vn`` -> ``nhandan.vn``), else the rules' (a dateline
  ``(TTXVN)``, a credit ``Theo TTXVN``), else the stated name as written (never a URL).
- **authors**: the names in the stated authors, read as bylines are (``PV``, an outlet, a
  login name give none; capitals are title-cased), else the byline the rules found.
- **section**: the stated one, else the rules'.
- **text**: always the rules' (the byline and credits at the foot removed).
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from partyx.record import Stated
from partyx.rules.header import Header, HeaderReader

__all__ = ["combine"]

_WORD = re.compile(r"\w+")
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|^[\w-]+(?:\.[\w-]+)+(?:/|$)",
                       re.IGNORECASE)


def combine(head: Header, stated: Stated, reader: HeaderReader) -> Header:
    """The header of an article whose source states ``stated`` (see module docstring)."""
    return replace(
        head,
        title=_title(head.title, stated.title, reader),
        published=stated.published or head.published,
        outlet=_outlet(head.outlet, stated, reader),
        authors=_authors(stated.authors, reader) or head.authors,
        section=stated.section or head.section,
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _title(read: str | None, stated: str | None, reader: HeaderReader) -> str | None:
    if not stated:
        return read
    if reader.outlet_of(stated):  # the site's name, kept from "Báo X - Tiêu đề" for the title
        return read if read and not reader.outlet_of(read) else None
    if read and len(read) < len(stated):
        words, stated_words = _words(read), _words(stated)
        if words and stated_words[: len(words)] == words:
            return read  # the stated title without what the rules cut off
    return stated


def hosts(url: str | None) -> list[str]:
    """A URL's host and its parent domains, most specific first, down to the registered
    name: ``https://m.baohagiang.vn/x`` -> ``["m.baohagiang.vn", "baohagiang.vn"]``."""
    if not url:
        return []
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return []
    host = host.removeprefix("www.")
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)] if len(parts) > 1 else []


def _outlet(read: str | None, stated: Stated, reader: HeaderReader) -> str | None:
    candidates = [stated.outlet] if stated.outlet else []
    candidates += hosts(stated.url)
    if stated.outlet and _URL_LIKE.match(stated.outlet):
        candidates += hosts(stated.outlet)
    for candidate in candidates:
        outlet = reader.outlet_of(candidate)
        if outlet:
            return outlet
    if read:
        return read
    if stated.outlet and not _URL_LIKE.match(stated.outlet) and len(stated.outlet) <= 80:
        return stated.outlet
    return None


def _authors(stated: tuple[str, ...], reader: HeaderReader) -> list[str]:
    names: list[str] = []
    for text in stated:
        byline = reader.byline(text)
        if byline is not None:
            names += byline.names
    return list(dict.fromkeys(names))
