"""Canonical names of Party organisations: ``Đảng bộ <level> <Place>``.

Writers name a Party organisation (the body holding a congress, the one whose members are
counted) fully (``Đảng bộ quận Ba Đình``), by its level only when the place is plain from the
article (``Đảng bộ Thành phố`` in a Hà Nội article, ``Đảng bộ quận`` in one about quận Long
Biên), by its place only (``Đảng bộ Hà Nội``, ``Đảng bộ TPHCM``), or by its committee (``Quận ủy
Thanh Xuân``). :func:`party_body` turns each into ``Đảng bộ thành phố Hà Nội``, ``Đảng bộ quận
Long Biên`` … using the unit of that level named last before (``Quận ủy Gò Vấp vừa tổ chức … Đảng
bộ quận có …``), else the article's ``place_context`` (``{"province", "district"}`` from the
places stage), checked against the gazetteer. Bodies that are no territorial unit (``Đảng bộ
Khối các cơ quan Thành phố``, ``Đảng bộ cơ quan LĐLĐ TPHCM``) stay as written. The level
words and committee words are ``partyx/data/bodies.json``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from partyx.data import load
from partyx.lang.patterns import finditer_at


@cache
def _vocab() -> tuple[dict[str, str], dict[str, str]]:
    data = load("bodies")
    levels = {k.casefold(): v for k, v in data["levels"].items()}
    committees = {k.casefold(): v for k, v in data["committees"].items()}
    return levels, committees


def level_of(word: str) -> str | None:
    """``"Thành phố"``/``"TP"`` -> ``"thành phố"``, ``"Quận"`` -> ``"quận"``; else ``None``."""
    if not isinstance(word, str):
        return None
    return _vocab()[0].get(word.strip().casefold())


def committee_level(word: str) -> str | None:
    """``"Quận ủy"`` -> ``"quận"``, ``"Thành ủy"`` -> ``"thành phố"``; else ``None``."""
    if not isinstance(word, str):
        return None
    return _vocab()[1].get(word.strip().casefold())


def _province(name: str) -> Any:
    from partyx.rules.gazetteer import get  # the gazetteer loads on first use only

    try:
        return get().province(name)
    except Exception:  # a missing or broken gazetteer leaves names as written
        return None


_NAME = re.compile(r"\s{1,2}([^\W_]+(?:\s[^\W_]+){0,3})")


def _words_of(level: str) -> list[str]:
    """The words written before the name of a unit of ``level``, longest first."""
    levels, committees = _vocab()
    words = [w for w, lv in levels.items() if lv == level and "." not in w]
    words += [w for w, lv in committees.items() if lv == level]
    return sorted(words, key=len, reverse=True)


@cache
def _level_words(level: str) -> re.Pattern[str]:
    """``quận|Quận ủy|…``: the words written before the name of a unit of ``level``."""
    alternation = "|".join(re.escape(w) for w in _words_of(level))
    return re.compile(rf"(?i:\b(?:{alternation}))(?=\s)")


def case_forms(ch: str) -> str:
    """The characters that a case-insensitive pattern matches for the letter ``ch`` of a level
    word: itself and its upper case (``ậẬ``; tests/test_bodies.py checks that no other
    character, such as ``ſ`` for ``s``, is one for these words)."""
    up = ch.upper()
    return "".join(sorted({ch, up})) if len(up) == 1 else ch


def _letter(ch: str) -> str:
    forms = case_forms(ch)
    return re.escape(ch) if len(forms) == 1 else f"[{forms}]"


@cache
def _level_anchors(level: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Scans that find where :func:`_level_words` can match, far cheaper than that pattern
    (it opens with ``\\b``, so the regex engine tries it at every character, on the 2000
    characters before each body): per word and per case form of its last letter with a
    diacritic (rarer than a plain letter; else its last letter), a pattern that opens with
    that form (a literal the engine skips to in C) and checks the rest of the word in any
    case; with the form's offset in the word. A word that another one begins is left to
    that one."""
    scans = []
    words = _words_of(level)
    for word in words:
        if any(word != w and word.startswith(w) for w in words):
            continue  # "quận ủy" opens where "quận" does
        k = max((i for i, ch in enumerate(word) if not ch.isascii()), default=len(word) - 1)
        head, tail = "".join(map(_letter, word[:k])), "".join(map(_letter, word[k + 1:]))
        for form in case_forms(word[k]):
            behind = f"(?<={head}{re.escape(form)})" if head else ""
            scans.append((re.compile(re.escape(form) + behind + tail), k))
    return tuple(scans)


def _level_word_starts(level: str, text: str) -> list[int]:
    """Where a match of :func:`_level_words` can open in ``text`` (ascending)."""
    return sorted({m.start() - k for rx, k in _level_anchors(level) for m in rx.finditer(text)})


def capitalised(words: list[str]) -> list[str]:
    """The leading words of a name: capitalised or a number (``Quận 1``)."""
    out = []
    for w in words:
        if not (w[:1].isupper() or w.isdigit()):
            break
        out.append(w)
    return out


def _named_before(level: str, before: str) -> str | None:
    """The unit of ``level`` named last in ``before`` (``Quận ủy Gò Vấp vừa …`` -> ``Gò
    Vấp``), checked against the gazetteer."""
    from partyx.rules.gazetteer import get

    found = None
    starts = _level_word_starts(level, before)
    for m in finditer_at(_level_words(level), before, starts):
        name = _NAME.match(before, m.end())
        if not name:
            continue
        words = capitalised(name.group(1).split())
        for n in range(len(words), 0, -1):  # "Hà Nội Nguyễn Văn" -> "Hà Nội"
            candidate = " ".join(words[:n])
            try:
                known = get().lookup(level, candidate)
            except Exception:  # no gazetteer: names stay unresolved
                known = []
            if known:
                found = known[0].name
                break
    return found


def resolve_place(level: str, ctx: dict[str, Any] | None, before: str | None = None) -> str | None:
    """The place a bare level word stands for in this article: the unit of that level named
    last before it (``before``, the text that precedes), else the article's context (``quận``
    -> the article's district when it is a quận; ``thành phố`` -> its province when that is a
    city, else its district when that is a city)."""
    if before:
        named = _named_before(level, before[-2000:])
        if named:
            return named
    ctx = ctx or {}
    province = ctx.get("province")
    district = ctx.get("district") or {}
    if level in ("tỉnh", "thành phố") and province:
        unit = _province(province)
        if unit is not None and unit.type == level:
            return unit.name
    if district and district.get("type") == level:
        return district.get("name")
    return None


def party_body(level: str | None, place: str | None, ctx: dict[str, Any] | None,
               before: str | None = None) -> str | None:
    """``Đảng bộ <level> <place>``, the place resolved from context when not written, the
    level from the gazetteer when only a province is written. ``None`` when neither is given;
    ``Đảng bộ <level>`` when the place cannot be known."""
    place = (place or "").strip() or None
    if level is None and place is None:
        return None
    if level is None:
        unit = _province(place)
        if unit is not None:
            return f"Đảng bộ {unit.type} {unit.name}"
        return f"Đảng bộ {place}"
    if place is None:
        place = resolve_place(level, ctx, before)
    elif level in ("tỉnh", "thành phố"):
        unit = _province(place)
        if unit is not None and unit.type == level:
            place = unit.name
    return f"Đảng bộ {level} {place}" if place else f"Đảng bộ {level}"


def committee_body(word: str, place: str | None, ctx: dict[str, Any] | None,
                   before: str | None = None) -> str | None:
    """``Quận ủy Thanh Xuân`` -> ``Đảng bộ quận Thanh Xuân``; ``None`` for other words."""
    level = committee_level(word)
    return party_body(level, place, ctx, before) if level else None
