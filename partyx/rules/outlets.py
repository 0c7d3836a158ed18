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
``m.nld.com.vn``). A province's name alone is no outlet. Where a text names an outlet:
:meth:`OutletTable.credited` reads a reprint credit (``Theo Người Lao Động``, ``Nguồn tin:
vtcnews.vn``), :meth:`OutletTable.named_by_itself` the outlet a story names as its own
reporter (``trao đổi với PV Pháp Luật TP.HCM``); :mod:`partyx.rules.header` reads datelines,
bylines and footers with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.text import normalize

# A local portal's place: its unit word and name ("huyện Vị Thủy", "thị xã Sơn Tây")
_LOCAL_UNIT = re.compile(r"(huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s+(\w[\w\s.'-]{1,40})$",
                         re.IGNORECASE)
_URL_HEAD = re.compile(r"^(?:https?://)?(?:www\d?\.)?")
_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)(?=$|[/:?#])")
# A reprint credit: "Theo Người Lao Động", "Nguồn tin: vtcnews.vn", "(Nguồn: TTXVN)",
# "Nguồn GD&TĐ: http://giaoducthoidai.vn/…"; what it names is read by credited()
_CREDIT = re.compile(r"^\(?\s*(?:Theo|Nguồn(?:\s+tin|\s+bài(?:\s+viết)?)?)(?![^\W\d_])\s*:?\s*"
                     r"(.{1,250}?)\s*[.)]*$", re.IGNORECASE)
_NOT_CREDITED = re.compile(r"^(?:ảnh|video|clip)\b", re.IGNORECASE)  # "Nguồn ảnh: TTXVN"
# Where the name and the address of a credit part: "GD&TĐ: http://…", "TTXVN - https://…",
# "Báo Lạng Sơn (baolangson.vn)"
_NAME_AND_URL = re.compile(r":\s|\s[-–]\s|\s?\(")
# Where in the body a story names its outlet as its own reporter (named_by_itself: its first
# 1,800 characters and its last 800, where it promises to keep informing its readers), and the
# cue: before the outlet (group 1; "báo" after it, group 2), or a verb after it (group 4: the
# promise, "X sẽ tiếp tục thông tin"; the substrings one of which a cue holds are the data's
# "self_needles")
_SELF_REACH = 1800
_SELF_TAIL = 800
_SELF_CUE = re.compile(
    r"((?<![\w])(?:PV|[Pp]hóng viên|[Tt]rả lời(?: phỏng vấn)?|[Tt]rao đổi với(?: PV| phóng viên)?"
    r"|[Nn]ói với(?: PV| phóng viên)?|[Cc]hia sẻ với(?: PV| phóng viên)?"
    r"|(?:[Gg]hi nhận|[Tt]ìm hiểu) của(?: nhóm)?(?: PV| phóng viên)?)"
    r"\s+([Bb]áo\s+)?(?=[A-ZĐ]))"
    r"|\s(?:(?:đã|cũng đã|vừa)\s(?:trao đổi|đưa tin|thông tin|phản ánh|phỏng vấn|có bài)"
    r"|trích đăng|(có được)|(sẽ tiếp tục (?:theo dõi,?\s(?:và\s)?)?(?:thông tin|đưa tin)))"
    r"(?![\w])")
# "Theo thông tin Pháp Luật TP.HCM có được": the outlet's own information, not a citation
_OWN_INFORMATION = re.compile(r"^(?:theo )?thông tin (?:mà )?(?:(?:pv|phóng viên) )?",
                              re.IGNORECASE)
# A compilation cites other outlets as its sources ("Theo báo Tri thức trực tuyến, …", "báo
# Infonet dẫn lời …", "Báo Giao Thông đưa tin"): then an interview it reports ("Trao đổi với PV
# báo Lao Động") may be quoted from one of them, and names no outlet of its own
_CITED_BY = (r"(?:[Tt]heo (?:thông tin )?(?:trên |từ |của )?|[Dd]ẫn (?:lời |nguồn )?)"
              r"(?:báo|trang|tờ)\s+([^\W\d_][^,.;:\n]{1,40})")
_REPORTED = ("đưa tin", "dẫn lời")
_CITED = re.compile(_CITED_BY + r"|(?:[Bb]áo|[Tt]rang|[Tt]ờ)\s+([^\W\d_][^,.;:\n]{1,40}?)"
                    r"\s+(?:" + "|".join(_REPORTED) + ")")
# _CITED in a text that writes none of _REPORTED (its second form, tried for up to 40
# characters after every "báo cáo", "trang", "tờ", cannot match there)
_CITED_BY_ONLY = re.compile(_CITED_BY)
_DATED = re.compile(r"\s(?:ngày|số ra ngày)\s[\d/.-]{3,10}$")
_CLAUSE_START = re.compile(r"[,;:!?(“\"]\s*|\.(?:\s+|$)|\s[-–]\s")  # "TP.HCM" goes on


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
        # What may stand before an outlet's own name ("báo Tuổi Trẻ", "Báo điện tử VTC News"),
        # the first words of those and of a local portal's forms, and the online edition
        # written after a paper's name ("Báo Người Lao Động điện tử")
        words = sorted((w.casefold() for w in data["outlet_words"]), key=len, reverse=True)
        self.outlet_word = re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s+")
        self.word_starts = tuple(sorted({w.split()[0] for w in [*words, *self.local_forms]}))
        self.editions = tuple(" " + e.casefold() for e in data["editions"])
        self.self_needles = tuple(data["self_needles"])
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
        if not key.startswith(self.word_starts):
            return None
        bare = self.outlet_word.sub("", key)
        found = self.names.get(bare) if bare != key else None
        if found is None and bare.endswith(self.editions):  # "Báo Người Lao Động điện tử"
            edition = next(e for e in self.editions if bare.endswith(e))
            found = self.names.get(bare[:-len(edition)])
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

    def credited(self, text: str) -> str | None:
        """The outlet a reprint credit names (``Theo Người Lao Động``, ``Nguồn tin:
        vtcnews.vn``, ``Nguồn GD&TĐ: http://giaoducthoidai.vn/…``), else ``None``."""
        if len(text) > 300 or not text.lstrip("( ")[:5].casefold().startswith(("theo", "nguồn")):
            return None
        m = _CREDIT.match(text.strip(" ."))
        if not m or _NOT_CREDITED.match(m.group(1)):
            return None
        named = m.group(1)
        found = self.name_of(named)
        if found is None:  # "GD&TĐ: http://…", "TTXVN - https://…", "Báo X (baox.vn)"
            parts = _NAME_AND_URL.split(named, maxsplit=1)
            if len(parts) == 2:  # the name, else the address (a person and an outlet: a byline)
                address = parts[1].strip(" ()")
                found = self.name_of(parts[0]) or (
                    self.host(address.casefold()) if "." in address else None)
        return found

    def named_by_itself(self, text: str) -> str | None:
        """The outlet a story names as its own reporter in its first 1,800 characters or its
        last 800 (``trao đổi với PV Pháp Luật TP.HCM``, ``Trả lời Tuổi Trẻ``, ``như Dân Việt
        đã đưa tin``, ``Báo Người Lao Động trích đăng``, ``Pháp luật Plus sẽ tiếp tục thông
        tin vụ việc``), else ``None``. Only names written as a name (``Nhân Dân``, not ``nhân
        dân``), or after ``báo``; never after ``theo`` (another outlet, cited). The cues are
        found by plain substring search first (the body is long, the cues rare)."""
        # in the tail, only what the outlet says of its own reports ("Như X đã đưa tin", "X sẽ
        # tiếp tục thông tin"): an interview there ("Trao đổi với X") is often quoted from
        # another outlet by a compilation
        parts = [(text[:_SELF_REACH], True),
                 (text[max(_SELF_REACH, len(text) - _SELF_TAIL):], False)]
        for part, head in parts:
            for needle in self.self_needles:
                at = part.find(needle)
                while at >= 0:
                    window = part[max(0, at - 90):at + 120]
                    for m in _SELF_CUE.finditer(window):
                        found = self._self_cue(window, m) if head or not m.group(1) else None
                        if found:
                            return None if self._cites_another(text, found) else found
                    at = part.find(needle, at + len(needle))
        return None

    def _cites_another(self, text: str, own: str) -> bool:
        """Does ``text`` cite an outlet other than ``own`` as its source (a compilation)?"""
        if "báo " not in text and "rang " not in text and "tờ " not in text:
            return False
        cited = _CITED if any(w in text for w in _REPORTED) else _CITED_BY_ONLY
        for m in cited.finditer(text):
            words = (m.group(1) or m.group(2)).split()[:6]
            named = next((found for n in range(len(words), 0, -1)
                          if (found := self.name_of(" ".join(words[:n]))
                              or self.name_of("Báo " + " ".join(words[:n])))), None)
            if named and named != own:
                return True
        return False

    def _self_cue(self, text: str, m: re.Match[str]) -> str | None:
        if m.group(1):  # "PV Pháp Luật TP.HCM": the outlet follows
            return self._outlet_at(text[m.end():m.end() + 80].split()[:6], bool(m.group(2)),
                                   longest_first=True)
        # "như Dân Việt đã đưa tin", "(Pháp Luật TP.HCM ngày 18-5 đã thông tin)": before it
        before = _CLAUSE_START.split(_DATED.sub("", text[max(0, m.start() - 80):m.start()]))[-1]
        if m.group(3):  # "có được": only after "thông tin" ("Theo thông tin X có được")
            own = _OWN_INFORMATION.match(before.lstrip())
            if own is None:
                return None
            return self.name_of(before.lstrip()[own.end():].strip())  # the whole rest
        if before.casefold().startswith("theo "):
            return None
        # "Lao động sẽ tiếp tục thông tin": only an outlet promises its readers more, so the
        # subject is its name even in lower case ("nhân dân đã trao đổi" is the people)
        return self._outlet_at(before.split()[-6:], False, longest_first=False,
                               subject=bool(m.group(4)))

    def _outlet_at(self, words: list[str], after_bao: bool, longest_first: bool,
                   subject: bool = False) -> str | None:
        """The outlet the first (or last) words of ``words`` name, longest first. The words
        after a ``báo`` that opens them name it whole (``như Báo Công an TP Đà Nẵng đã thông
        tin`` is no ``Báo Đà Nẵng``); a ``subject`` (the whole clause before the cue) may be
        written in lower case after its first word when a later word has its capital
        (``Pháp luật Plus``)."""
        cut = next((k + 1 for k, w in enumerate(words) if w[-1] in ",.;:)”\""), len(words))
        words = [w.strip(",.;:()“”\"") for w in (words[:cut] if longest_first else words)]
        whole = False
        if not longest_first and words and words[0].casefold() == "báo":
            words, after_bao, whole = words[1:], True, True
        for n in range(len(words), 0, -1):
            named = words[:n] if longest_first else words[-n:]
            if whole and n < len(words):
                break
            # in sentence case, only a name that shows itself one by a capital further on
            # ('Pháp luật Plus'): 'Người lao động', 'Thanh niên', 'Nhân dân' written so are
            # the workers, the youth, the people as often as the paper
            full_subject = subject and n == len(words) and named[0][:1].isupper() \
                and any(w[:1].isupper() for w in named[1:])
            if not (after_bao or full_subject
                    or all(w[:1].isupper() or "." in w for w in named)):
                continue
            found = self.name_of(" ".join(named)) or (
                self.name_of("Báo " + " ".join(named)) if after_bao else None)
            if found:
                return found
        return None


@cache
def table() -> OutletTable:
    return OutletTable(load("outlets"))
