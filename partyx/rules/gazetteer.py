"""Vietnam's administrative units, for recognising and resolving places in text.

Built on the address data underthesea ships (``underthesea/address/data/mapping.json``):
the 63 provinces and centrally-run cities, their ~700 districts and ~10,000 wards and
communes before the 2025 reorganisation, and the 34 provinces and ~3,300 wards after it.
``scripts/build_gazetteer.py`` derives the compact ``partyx/data/gazetteer.json`` from it
(the original takes ~120 ms to parse; the derivative ~15 ms), and ``data/places.json`` adds
the spellings and dissolved units that articles use (``TP.HCM``, ``Thừa Thiên - Huế``,
``huyện Từ Liêm``).

A :class:`Unit` is ``(type, name, province, district)``: ``type`` is one of ``tỉnh``,
``thành phố``, ``quận``, ``huyện``, ``thị xã``, ``phường``, ``xã``, ``thị trấn``,
``đặc khu``; ``province`` is the short name of the province it lies in (itself for a
province); ``district`` is ``(type, name)`` of the district of an old ward, else ``None``;
``level`` is ``province``, ``district`` or ``ward``.

:func:`get` loads the gazetteer once per process. Lookups take a name as written (any
case); :meth:`Gazetteer.lookup` answers every unit of that type and name,
:meth:`Gazetteer.province` the province a name or alias stands for.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from partyx.data import load
from partyx.lang.text import normalize

PROVINCE_TYPES = ("tỉnh", "thành phố")
# The level of a unit named after a place word that the gazetteer does not know (another
# country's province, a district since merged): a place mention (evidence that an
# organisation's place is written but cannot be named), never a place of the record.
UNKNOWN = "unknown"
DISTRICT_TYPES = ("quận", "huyện", "thị xã", "thành phố")
WARD_TYPES = ("phường", "xã", "thị trấn", "đặc khu")


class Unit(NamedTuple):
    type: str
    name: str
    province: str | None
    district: tuple[str, str] | None = None
    level: str = "ward"  # "province", "district" or "ward"


_DASH = re.compile(r"\s*[-–—]\s*")


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The lookup form of a name: normalised, case-folded, single-spaced, any dash written
    `` - `` (``Bà Rịa-Vũng Tàu``, ``Bà Rịa – Vũng Tàu``) (cached: the same few thousand
    names are looked up again and again)."""
    k = " ".join(normalize(name).casefold().split())
    # (most names have no dash: three `in` tests cost less than the regex's scan)
    return _DASH.sub(" - ", k) if "-" in k or "–" in k or "—" in k else k


_I_Y = dict(zip("iìíỉĩịyỳýỷỹỵ", "yỳýỷỹỵiìíỉĩị", strict=True))
_I_Y_SYLLABLE = re.compile(r"(?<![\w])([hklmst]|qu)([iìíỉĩịyỳýỷỹỵ])(?![\w])")


def i_y_variant(k: str) -> str:
    """``k`` with the final i/y of its open syllables spelt the other way (``sĩ``/``sỹ``,
    ``kì``/``kỳ``, ``lí``/``lý``, ``qui``/``quy``): both spellings are in use, the gazetteer
    has one of them (``xã Sỹ Bình`` is written ``xã Sĩ Bình``)."""
    return _I_Y_SYLLABLE.sub(lambda m: m.group(1) + _I_Y[m.group(2)], k)


class Gazetteer:
    """Index of units by (type, name) and by name alone."""

    def __init__(self, data: dict, places: dict) -> None:
        self.provinces: dict[str, Unit] = {}
        self.by_type_name: dict[tuple[str, str], list[Unit]] = {}
        self.by_name: dict[str, list[Unit]] = {}
        prov_names = []
        for ptype, name, _era in data["provinces"]:
            unit = Unit(ptype, name, name, None, "province")
            self.provinces[key(name)] = unit
            prov_names.append(name)
            self._add(unit)
        districts = []
        for dtype, name, pi in data["districts"]:
            unit = Unit(dtype, name, prov_names[pi], None, "district")
            districts.append((dtype, name))
            self._add(unit)
        # ~12,000 rows: built without the duplicate check (the derived file has none)
        new = tuple.__new__
        by_type_name, by_name = self.by_type_name, self.by_name
        for wtype, name, pi, di, _era in data["wards"]:
            unit = new(Unit, (wtype, name, prov_names[pi], districts[di] if di >= 0 else None,
                              "ward"))
            k = name.casefold()
            by_type_name.setdefault((wtype, k), []).append(unit)
            by_name.setdefault(k, []).append(unit)
        for utype, name, province in places["extra_units"]:
            if province is None:  # a province before a reorganisation
                unit = Unit(utype, name, name, None, "province")
                self.provinces.setdefault(key(name), unit)
            else:
                level = "ward" if utype in WARD_TYPES else "district"
                unit = Unit(utype, name, province, None, level)
            self._add(unit)
        for name in places["former_provinces"]:  # with their type word only: not in provinces
            self._add(Unit("tỉnh", name, name, None, "province"))
        self.aliases = {key(a): self.provinces[key(p)]
                        for a, p in places["province_aliases"].items()
                        if key(p) in self.provinces}
        self.max_words = max(k.count(" ") for k in self.by_name) + 1
        # lookup's answers by (type, name as written): the tables above never change
        self._lookups: dict[tuple[str, str], tuple[Unit, ...]] = {}

    def _add(self, unit: Unit) -> None:
        k = unit.name.casefold()  # names in the data files are normalised already
        bucket = self.by_type_name.setdefault((unit.type, k), [])
        if unit not in bucket:
            bucket.append(unit)
            self.by_name.setdefault(k, []).append(unit)

    def lookup(self, utype: str, name: str) -> list[Unit]:
        """Every unit of type ``utype`` called ``name``; for a province type, an alias too
        (``tỉnh Thừa Thiên - Huế`` finds Huế). ``thành phố Yên Bái`` is the provincial city,
        ``tỉnh Yên Bái`` the province. A district written with a type it had before it was
        raised (``thị xã Đồ Sơn``, a quận since 2007; ``huyện Từ Liêm``) is the district of
        that name, with the type as written (not a number, a quận's, nor a province's name:
        ``huyện Châu Thành, Trà Vinh`` names no huyện Trà Vinh)."""
        memo = self._lookups.get((utype, name))
        if memo is not None:  # the same few hundred names are asked for again and again
            return list(memo)
        if len(self._lookups) >= 1 << 16:  # (bounded on a hostile text of unique names)
            self._lookups.clear()
        found = self._lookup(utype, name)
        self._lookups[(utype, name)] = tuple(found)
        return found

    def _lookup(self, utype: str, name: str) -> list[Unit]:
        k = key(name)
        found = self.by_type_name.get((utype, k))
        if found:
            return list(found)
        if (other := i_y_variant(k)) != k and (found := self.by_type_name.get((utype, other))):
            return list(found)
        if utype in PROVINCE_TYPES:
            prov = self.aliases.get(k)
            if prov is not None:
                return [prov]
        if utype in DISTRICT_TYPES and not k[:1].isdigit() and k not in self.provinces and (
                k not in self.aliases):
            return [u._replace(type=utype) for u in self.by_name.get(k, ())
                    if u.level == "district"]
        return []

    def province(self, name: str) -> Unit | None:
        """The province that ``name`` (its short name or an alias) stands for, or None."""
        k = key(name)
        return self.provinces.get(k) or self.aliases.get(k)

    def is_unit_name(self, name: str) -> bool:
        """Whether ``name`` names a unit of any level (a ward or a commune too), bare."""
        return key(name) in self.by_name or self.is_place_name(name)

    def is_place_name(self, name: str) -> bool:
        """Whether ``name`` names a province or a district (bare, without a type word)."""
        k = key(name)
        return k in self.provinces or k in self.aliases or any(
            u.type in DISTRICT_TYPES for u in self.by_name.get(k, ()))


@cache
def get() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer(load("gazetteer"), load("places"))
