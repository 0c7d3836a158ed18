"""Canonical names of Party organisations: ``Đảng bộ <level> <Place>``.

Writers name a Party organisation (the body holding a congress, the one whose members are
counted) fully (``Đảng bộ quận Ba Đình``), by its level only when the place is plain from the
article (``Đảng bộ Thành phố`` in a Hà Nội article, ``Đảng bộ quận`` in one about quận Long
Biên), by its place only (``Đảng bộ Hà Nội``, ``Đảng bộ TPHCM``), or by its committee (``Quận ủy
Thanh Xuân``). :func:`party_body` turns each into ``Đảng bộ thành phố Hà Nội``, ``Đảng bộ quận
Long Biên`` … using the article's ``place_context`` (``{"province", "district"}`` from the places
stage) and the gazetteer. Bodies that are no territorial unit (``Đảng bộ Khối các cơ quan
Thành phố``, ``Đảng bộ cơ quan LĐLĐ TPHCM``) stay as written. The level words and committee
words are ``partyx/data/bodies.json``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from partyx.data import load


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
    from partyx.gazetteer import get  # the gazetteer loads on first use only

    try:
        return get().province(name)
    except Exception:  # a missing or broken gazetteer leaves names as written
        return None


def resolve_place(level: str, ctx: dict[str, Any] | None) -> str | None:
    """The place a bare level word stands for in this article (``quận`` -> the article's
    district when it is a quận; ``thành phố`` -> its province when that is a city, else its
    district when that is a city)."""
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


def party_body(level: str | None, place: str | None, ctx: dict[str, Any] | None) -> str | None:
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
        place = resolve_place(level, ctx)
    elif level in ("tỉnh", "thành phố"):
        unit = _province(place)
        if unit is not None and unit.type == level:
            place = unit.name
    return f"Đảng bộ {level} {place}" if place else f"Đảng bộ {level}"


def committee_body(word: str, place: str | None, ctx: dict[str, Any] | None) -> str | None:
    """``Quận ủy Thanh Xuân`` -> ``Đảng bộ quận Thanh Xuân``; ``None`` for other words."""
    level = committee_level(word)
    return party_body(level, place, ctx) if level else None
