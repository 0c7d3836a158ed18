"""The keys that make one thing one row however it is written, and safe access to a record.

The views read records files with :func:`partyx.io.read_records` (streamed; a line that is not
a record of this version's schema, such as a truncated last line, a corrupted byte or a stray
log line, is named with its line number and skipped, or refused with ``strict``).

The records come from many articles and outlets, so one person or organisation is written in
several ways: decomposed Unicode, the old tone placement (``Tuyến`` spelled with the mark
elsewhere, ``Uỷ``), doubled spaces, capitals (``Quận ủy`` / ``quận ủy``). :func:`key` folds all
of these (``partyx.lang.text.normalize`` + whitespace + casefold); views group by it and show the
form seen most often.

The helpers below never trust a record's shape: a field of the wrong type reads as empty, so a
view never stops with a traceback on a malformed (but parseable) record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from partyx.lang.text import normalize

# What the counts of the record's lists are called, in the summary of ``partyx extract`` (and
# ``--report``'s ``found``) and in ``partyx stats``: items summed over the records (a person
# named in two articles counts twice), never to be confused with distinct people or documents,
# which ``stats`` names "distinct …".
FOUND_LABELS = {
    "people": "people, counted once per article",
    "organizations": "organisations, counted once per article",
    "places": "places, counted once per article",
    "documents": "document citations",
    "congresses": "congresses, counted once per article",
    "membership": "membership figures",
}

_BLANKS = re.compile(r"\s+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean(text: Any) -> str:
    """The display form of a string from a record: normalised, blanks collapsed."""
    if not isinstance(text, str):
        return ""
    if text.isascii() and not _ODD_ASCII.search(text):
        return text
    return _clean(text)


_ODD_ASCII = re.compile(r"\s\s|^\s|\s$|[^\S ]|&")


@lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
    # Names, posts and organisations repeat across a corpus: the cache makes normalising them
    # nearly free, and gives one string object per distinct value to the aggregates.
    return _BLANKS.sub(" ", normalize(text)).strip()


def key(text: Any) -> str:
    """The grouping key of a name or organisation: :func:`clean`, then casefolded."""
    return _casefold(clean(text))


@lru_cache(maxsize=1 << 16)
def _casefold(text: str) -> str:
    return text.casefold()


def fold_accents(text: str) -> str:
    """``Nguyễn Thị Tuyến`` -> ``nguyen thi tuyen``: for searching without diacritics."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


def matches(needle: str, haystack: str) -> bool:
    """Substring match on keys; a needle typed without diacritics matches any accents."""
    needle = key(needle)
    if needle in key(haystack):
        return True
    return fold_accents(needle) == needle and needle in fold_accents(key(haystack))


def dicts(value: Any) -> Iterator[dict[str, Any]]:
    """The dict items of a list field; anything else reads as empty."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                yield item


def field(record: dict[str, Any], name: str) -> dict[str, Any]:
    """A dict field of a record (``event``, ``source``), or ``{}``."""
    value = record.get(name)
    return value if isinstance(value, dict) else {}


def story_of(record: dict[str, Any]) -> str:
    """The story an article belongs to (``story``: near-duplicates share it); a record without
    one (of an older partyx) is a story of its own."""
    return clean(record.get("story")) or clean(record.get("id"))


def day(value: Any) -> str | None:
    """``2021-03-24`` from an ISO date or date-time string, else None."""
    if isinstance(value, str) and _DATE.match(value):
        return value[:10]
    return None


def record_date(record: dict[str, Any]) -> str | None:
    """When the article's event happened: the event date, else the publication date."""
    return day(field(record, "event").get("date")) or day(record.get("published"))


def published_date(record: dict[str, Any]) -> str | None:
    """When the article appeared: the publication date, else the event date."""
    return day(record.get("published")) or day(field(record, "event").get("date"))


def post_label(position: dict[str, Any]) -> str:
    """``Phó Bí thư Thành ủy Hà Nội``; ``nguyên …`` for a former post (as the scorer reads)."""
    return _post_label(clean(position.get("title")), clean(position.get("org")),
                       position.get("status") == "former")


@lru_cache(maxsize=1 << 16)
def _post_label(title: str, org: str, former: bool) -> str:
    label = " ".join(x for x in (title, org) if x)
    return "nguyên " + label if label and former else label


def document_label(doc: dict[str, Any]) -> str:
    """The symbol of a cited document: ``15-NQ/TU``, ``91/2017/NĐ-CP``, ``123/QĐ-TTg``.

    Party documents are written ``number-code/issuer`` (the year of their date is not part
    of the symbol); State documents (an issuer that is no Party body)
    ``number[/year]/code-issuer``, with the year where the citation writes it in the symbol
    (``91/2017/NĐ-CP``; ``123/QĐ-TTg`` of 2020 has none; a record without the citation's text
    puts it there). A document with no number (a plenum resolution) is labelled by its text
    or type. One symbol may name documents of several years (``05-CT/TW`` of 1951 and of
    2016): :func:`document_key` keeps them apart.
    """
    number = doc.get("number")
    if not (isinstance(number, str) and number.strip()):
        return clean(doc.get("text")) or clean(doc.get("type")) or "(unnumbered)"
    year = document_year(doc)
    written = year is not None and _year_in_symbol(doc.get("text"), year)
    return _document_label(number, _str(doc.get("code")), _str(doc.get("issuer")),
                           str(year) if written else "")


def document_year(doc: dict[str, Any]) -> int | None:
    """The year of a cited document (its ``year``, else its date's), part of its identity;
    ``None`` when the citing article does not make it certain."""
    year = doc.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year > 0:
        return year
    if isinstance(year, str) and year.isdigit():
        return int(year)
    date = day(doc.get("date"))
    return int(date[:4]) if date else None


def _year_in_symbol(text: Any, year: int) -> bool:
    if not isinstance(text, str) or not text:
        return True
    return f"/{year}/" in text.replace(" ", "")


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


@lru_cache(maxsize=1 << 16)
def _document_label(number: str, code: str, issuer: str, year: str) -> str:
    number, code, issuer = clean(number), clean(code), clean(issuer)
    if issuer and not _is_party_issuer(issuer):
        tail = "-".join(x for x in (code, issuer) if x)
        return "/".join(p for p in (number, year, tail) if p)
    head = f"{number}-{code}" if code else number
    return f"{head}/{issuer}" if issuer else head


def _is_party_issuer(issuer: str) -> bool:
    """Party issuer codes end in the committee (``TU``, ``QU``, ``HU``, ``ĐU``, ``TXU``,
    ``UBKTTU``) or the Centre (``TW``/``TƯ``, ``BTCTW``); State ones do not (``CP``, ``TTg``,
    ``UBND``, ``BNV``)."""
    return issuer.upper().endswith(("U", "Ư", "TW", "TƯ"))


def document_key(doc: dict[str, Any]) -> str:
    """One cited document however often and however it is written: its symbol and its year
    (``05-CT/TW`` of 1951 and of 2016 are two; one cited without a year is a third, whose year
    is unknown)."""
    year = document_year(doc)
    return f"{key(document_label(doc))}|{year if year is not None else ''}"


def place_label(place: dict[str, Any]) -> str:
    """``quận Thanh Xuân, Hà Nội``; a province alone is ``thành phố Hà Nội``."""
    head = " ".join(x for x in (clean(place.get("type")), clean(place.get("name"))) if x)
    province = clean(place.get("province"))
    if province and province != clean(place.get("name")):
        return f"{head}, {province}"
    return head


def widen(span: Any, date: str | None) -> None:
    """Stretch ``span.first``/``span.last`` (ISO days) to include ``date``."""
    if date is None:
        return
    if span.first is None or date < span.first:
        span.first = date
    if span.last is None or date > span.last:
        span.last = date


# --- today's map (``--map 2025``: places[].now, SPEC) -----------------------------------------

UNMAPPED = "(not on today's map)"


def now_label(place: dict[str, Any]) -> str:
    """The place on today's map (its ``now``): ``xã Định Mỹ, An Giang``; a province or district
    has its province only, ``Gia Lai``; :data:`UNMAPPED` where ``now`` is null or absent."""
    now = place.get("now")
    if not isinstance(now, dict) or not clean(now.get("province")):
        return UNMAPPED
    province = clean(now.get("province"))
    head = " ".join(x for x in (clean(now.get("type")), clean(now.get("name"))) if x)
    return f"{head}, {province}" if head and clean(now.get("name")) else province


def org_now(org: Any, places: list[dict[str, Any]]) -> str | None:
    """Today's province of an organisation as written (``Tỉnh ủy Bình Định`` -> ``Gia Lai``),
    from the ``now`` of the record's places its name refers to, first found of: a unit with its
    type word (``Đảng bộ quận Thanh Xuân``); a unit by its name (``Tỉnh ủy Bình Định``, ``Quận
    ủy Ba Đình``); the province of a place (``Thành ủy Hà Nội`` in a record naming ``quận Long
    Biên, Hà Nội``: each old province went whole into one new one in 2025). None when no place
    is named in it, or the places named disagree. The organisation keeps its place as written."""
    name = f" {key(org)} "
    if name == "  ":
        return None
    tiers: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for p in places:
        now = p.get("now")
        province = clean(now.get("province")) if isinstance(now, dict) else ""
        unit = key(p.get("name"))
        if not province or not unit:
            continue
        if f" {key(p.get('type'))} {unit} " in name:
            tiers[0].add(province)
        elif f" {unit} " in name:
            tiers[1].add(province)
        elif key(p.get("province")) and f" {key(p.get('province'))} " in name:
            tiers[2].add(province)
    found = next((t for t in tiers if t), set())
    return found.pop() if len(found) == 1 else None
