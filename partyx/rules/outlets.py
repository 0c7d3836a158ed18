"""Outlets: the country's press list (``data/outlets.json``) as one table of canonical names,
aliases and domains, and the name of the outlet a piece of text stands for.

The table holds every national, Party, agency, broadcast, sector (ministries', unions', army,
police, courts), city and portal outlet as listed, and for each province the outlets the
genre's naming builds for it: its Party paper (``Báo Quảng Nam``, ``Báo điện tử Quảng Nam``,
``Báo và Phát thanh, Truyền hình Gia Lai``), its radio and television station (``Đài Phát
thanh và Truyền hình Hà Tĩnh``, ``Đài PT-TH Hà Tĩnh``) and its government and Party portals
(``Cổng Thông tin điện tử tỉnh Lạng Sơn``, ``Cổng TTĐT tỉnh Lạng Sơn``), each with the
abbreviations and domains of its own (``QNO``, ``HTTV``, ``baoquangnam.vn``).

:meth:`OutletTable.name_of` reads an alias in any case, with or without a leading ``Báo``,
``Tạp chí`` or ``Đài``, and a web address by its host (``https://www.baoquangnam.vn/a.html``,
``m.nld.com.vn``). A province's name alone is no outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.text import normalize

# What may stand before an outlet's own name: "báo Tuổi Trẻ", "Báo điện tử VTC News"
_OUTLET_WORD = re.compile(r"^(?:báo điện tử|báo|tạp chí|trang|đài|truyền hình)\s+")
_OUTLET_WORD_STARTS = ("báo", "tạp", "trang", "đài", "truyền", "cổng")
# A local portal's place: its unit word and name ("huyện Vị Thủy", "thị xã Sơn Tây")
_LOCAL_UNIT = re.compile(r"(huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s+(\w[\w\s.'-]{1,40})$",
                         re.IGNORECASE)
_URL_HEAD = re.compile(r"^(?:https?://)?(?:www\d?\.)?")
_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)(?=$|[/:?#])")


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical
    kind: str  # party, national, agency, broadcast, sector, city, provincial, portal
    aliases: tuple[str, ...]  # as written, the name first
    domains: tuple[str, ...]  # lower case, no www


def _expand_provinces(data: dict) -> list[Outlet]:
    """The paper, station and portals of every province, named by the forms of the genre."""
    forms, names, kinds = data["forms"], data["names"], data["kinds"]
    found: list[Outlet] = []
    for entry in data["provinces"]:
        spellings = [entry["province"], *entry.get("spellings", [])]
        unit = entry["unit"]
        parts = {k: entry.get(k) for k in forms}
        if "portal" in entry:  # a province with a portal has a Party portal too
            parts["party_portal"] = parts.get("party_portal") or {"aliases": [], "domains": []}
        for part, own in parts.items():
            if own is None:
                continue
            made = [f.format(p=p, u=unit) for f in forms[part] for p in spellings]
            name = own.get("name") or names[part].format(p=entry["province"], u=unit)
            aliases = dict.fromkeys([name, *own["aliases"], *made])
            found.append(Outlet(name, kinds[part], tuple(aliases), tuple(own["domains"])))
    return found


class OutletTable:
    """Every outlet, and the canonical name of each alias and domain (case-folded)."""

    def __init__(self, data: dict) -> None:
        # "cổng ttđt " -> "Cổng Thông tin điện tử": the forms of a local portal's name
        local = [(f"{normalize(form).casefold()} ", canonical)
                 for canonical, forms in data["local_portals"].items() for form in forms]
        self.local_forms = dict(sorted(local, key=lambda fc: -len(fc[0])))  # longest first
        self.outlets: list[Outlet] = [
            Outlet(o["name"], o["kind"], tuple(o["aliases"]), tuple(o["domains"]))
            for o in data["outlets"]
        ] + _expand_provinces(data)
        self.names: dict[str, str] = {}
        self.domains: dict[str, str] = {}
        for outlet in self.outlets:
            for alias in outlet.aliases:
                self.names.setdefault(normalize(alias).casefold(), outlet.name)
            for domain in outlet.domains:
                self.domains.setdefault(domain, outlet.name)
                self.names.setdefault(domain, outlet.name)

    def forms(self) -> list[str]:
        """Every alias as written and every domain (also capitalised: ``Baohatinh.vn``)."""
        out: dict[str, None] = {}
        for outlet in self.outlets:
            out.update(dict.fromkeys(normalize(a) for a in outlet.aliases))
            for domain in outlet.domains:
                out.update(dict.fromkeys((domain, domain.capitalize())))
        return list(out)

    def name_of(self, text: str) -> str | None:
        """The canonical name of the outlet ``text`` names, else ``None``."""
        if len(text) > 90:
            return None
        key = text.strip(" .").casefold()
        found = self.names.get(key)
        if found or not key:
            return found
        if "." in key:
            host = self.host(key)
            if host:
                return host
        if not key.startswith(_OUTLET_WORD_STARTS):
            return None
        bare = _OUTLET_WORD.sub("", key)
        found = self.names.get(bare) if bare != key else None
        return found or self.local_portal(text.strip(" ."), key)

    def local_portal(self, text: str, key: str) -> str | None:
        """``Cổng TTĐT huyện Vị Thủy`` -> ``Cổng Thông tin điện tử huyện Vị Thủy``: the portal
        of a district, town or commune the gazetteer knows."""
        for form, canonical in self.local_forms.items():
            if key.startswith(form):
                place = text[len(form):].strip()
                m = _LOCAL_UNIT.match(place)
                if not m:
                    continue
                from partyx.rules import gazetteer  # loaded once, on the first such name

                units = gazetteer.get().lookup(m.group(1).casefold(), m.group(2))
                return f"{canonical} {units[0].type} {units[0].name}" if units else None
        return None

    def host(self, key: str) -> str | None:
        """The outlet whose domain a web address (case-folded) is on: ``m.nld.com.vn/x``."""
        m = _HOST.match(_URL_HEAD.sub("", key))
        if not m:
            return None
        labels = m.group().split(".")
        for i in range(len(labels) - 1):
            found = self.domains.get(".".join(labels[i:]))
            if found:
                return found
        return None


@cache
def table() -> OutletTable:
    return OutletTable(load("outlets"))
