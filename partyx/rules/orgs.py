"""Organisations: how they are written, and which place each one belongs to.

Two readers of organisations live here:

- :class:`OrgReader` reads the organisation written at a token position, with its place:
  Party committees (``Thành ủy``, ``Quận ủy Ba Đình``), central bodies (``Ban Bí thư``,
  ``Ủy ban Kiểm tra Trung ương``), the bodies of a committee (``Ban Tổ chức Thành ủy``), local
  bodies (``HĐND quận Long Biên``), ministries, departments and other named bodies (``Vụ Tổ chức
  cán bộ``), and the units a place word names. :mod:`partyx.rules.posts` reads posts with it,
  :mod:`partyx.rules.people` the organisations an article names.
- :func:`party_body` and :func:`committee_body` name a Party organisation ``Đảng bộ <level>
  <Place>`` however it is written (``Đảng bộ quận Ba Đình``, ``Đảng bộ Thành phố`` in a Hà Nội
  article, ``Đảng bộ Hà Nội``, ``Quận ủy Thanh Xuân``): the body holding a congress
  (:mod:`partyx.rules.congresses`) or whose members are counted (:mod:`partyx.rules.membership`).
  Bodies that are no territorial unit (``Đảng bộ Khối các cơ quan Thành phố``) stay as written.

**Which place.** When the text leaves an organisation's place out, two resolvers answer, and
they do not always agree (a later change makes them one; records depend on each as it is):

- :meth:`Context.unit_for` (organisations read by :class:`OrgReader`: ``Thành ủy`` in an
  article about quận Long Biên is ``Thành ủy Hà Nội``) looks at the article's place context
  only, as gazetteer units: its district must be a unit of that type in its province (else
  there is none); after a committee word a unit is written ``quận 2`` or ``thành phố Hồ Chí
  Minh`` where its bare name would mislead.
- :func:`resolve_place` (Party organisations by level: ``Đảng bộ quận``) first takes the unit
  of that level named last in the 2000 characters before (``Quận ủy Gò Vấp vừa tổ chức …
  Đảng bộ quận có …``), then the place context, its district taken as written (not looked
  up); a unit is written by its bare name (``Đảng bộ quận 2``).

Both read the context the same way otherwise: ``tỉnh`` is the province when it is a tỉnh;
``thành phố`` the province when it is a city, else the district when that is one; ``quận``,
``huyện``, ``thị xã`` the district of that type.

The vocabulary is ``data/orgs.json`` (organisations and their abbreviations),
``data/bodies.json`` (levels and committee words of Party organisations),
``data/places.json`` (place words) and ``data/names.json`` (surnames: a generic name stops
before a person's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.patterns import finditer_at
from partyx.lang.tokens import Tok, Tokenizer, Trie
from partyx.record import PlaceContext
from partyx.rules.gazetteer import Gazetteer, Unit
from partyx.rules.gazetteer import get as get_gazetteer

# Lower-case words that end a generic organisation name (verbs, prepositions, time words).
_STOP = frozenset({
    "đã", "đang", "sẽ", "được", "bị", "cho", "với", "tại", "về", "trong", "khi", "là", "có",
    "làm", "của", "để", "từ", "đến", "theo", "này", "đó", "nhiệm", "kỳ", "khóa", "phát", "biểu",
    "chủ", "trì", "biết", "nói", "tham", "dự", "thăm", "kiểm", "tra", "việc", "ký", "trao",
    "nhận", "thôi", "giữ", "chức", "đề", "nghị", "yêu", "cầu", "nhấn", "mạnh", "báo", "cáo",
    "cùng", "các", "những", "tới", "vào", "ra", "lên", "như", "nhưng", "thì", "mà", "nên", "vì",
    "do", "bởi", "sau", "trước", "hiện", "nay", "năm", "ngày", "tháng", "người", "và", "cũng",
    "đồng", "chí", "ông", "bà", "rồi"
})


_CONNECTORS = frozenset({"các", "và"})


def _second_syllable(toks: list[Tok], k: int, first: int, allowed: frozenset[str]) -> bool:
    """``toks[k]`` is the lower-case second syllable of a word whose first syllable alone is
    capitalised (``Tổ chức``, ``Quân đội``; not ``Việt Nam tổ``): a stop word only when
    ``allowed`` lists it. ``first``: where the name after its head begins."""
    t, prev = toks[k], toks[k - 1]
    if not (prev.cap and prev.word) or (k - 2 >= first and toks[k - 2].cap and toks[k - 2].word):
        return False
    return t.low not in _STOP or t.low in allowed


def _skip_term(toks: list[Tok], j: int) -> int:
    """Past a term and a constituency word written inside a body's name (``khóa XIV``,
    ``đơn vị``)."""
    n = len(toks)
    if j + 1 < n and toks[j].low == "khóa" and toks[j + 1].word:
        j += 2
    if j + 1 < n and toks[j].low == "đơn" and toks[j + 1].low == "vị":
        j += 2
    return j


@dataclass
class Org:
    """An organisation as read: its canonical name (with its place when known), ``kind`` and
    ``level`` (the record's fields), and how it was found."""

    name: str
    kind: str
    level: str | None
    resolved: bool = True  # False: a place word with no place (Ủy ban nhân dân xã)
    parent: str | None = None  # the committee or body it belongs to (Thành ủy Hà Nội)
    bare: bool = False  # a body of a committee written without it (Ban Thường vụ)


@dataclass
class Context:
    """Where the article is (its place context), as gazetteer units: the first resolver of
    an organisation's place (see module docstring)."""

    province: Unit | None = None
    district: Unit | None = None

    @classmethod
    def of(cls, place_context: PlaceContext | None, gazetteer: Gazetteer) -> Context:
        """The units of an article's place context (its district must lie in its province)."""
        if place_context is None:
            return cls()
        p = place_context.province
        province = gazetteer.province(p) if p else None
        district = None
        d = place_context.district
        if d:
            found = [u for u in gazetteer.lookup(d.type, d.name)
                     if province is None or u.province == province.name]
            district = found[0] if found else None
        return cls(province, district)

    def unit_for(self, utype: str) -> Unit | None:
        """The context unit a place word with no name stands for (``Thành phố`` -> the city
        the article is about), or None."""
        p, d = self.province, self.district
        if utype == "tỉnh":
            return p if p is not None and p.type == "tỉnh" else None
        if utype == "thành phố":
            if p is not None and p.type == "thành phố":
                return p
            return d if d is not None and d.type == "thành phố" else None
        if utype in ("quận", "huyện", "thị xã"):
            return d if d is not None and d.type == utype else None
        return None


class ContextCache:
    """:meth:`Context.of` a place context, memoised (a Context is never changed; the same few
    hundred places recur in a corpus)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or get_gazetteer()
        self._contexts: dict[PlaceContext, Context] = {}

    def __call__(self, place_context: PlaceContext | None) -> Context:
        if place_context is None:
            return Context.of(None, self.gazetteer)
        ctx = self._contexts.get(place_context)
        if ctx is None:
            if len(self._contexts) > 10_000:
                self._contexts.clear()
            ctx = self._contexts[place_context] = Context.of(place_context, self.gazetteer)
        return ctx


def _next_words(node: dict) -> frozenset[str] | None:
    """The words that may follow a phrase's first word (its trie node), or None when the
    word alone is a phrase too."""
    return None if Trie._END in node else frozenset(node)


def _values(node: dict) -> list:
    """The values of a trie's phrases below ``node``."""
    found = [node[Trie._END]] if Trie._END in node else []
    for w, child in node.items():
        if w != Trie._END:
            found += _values(child)
    return found


def canon_place(unit: Unit) -> str:
    """``quận Long Biên``: a unit with its type word."""
    return f"{unit.type} {unit.name}"


@dataclass(frozen=True)
class OrgWords:
    """The words organisations are written with (see module docstring)."""

    tokenizer: Tokenizer  # spells out the abbreviations (HĐND, TP.HCM)
    committees: Trie
    central: Trie
    wrappers: Trie
    local: Trie
    ministries: Trie
    departments: Trie
    generic: Trie
    type_words: Trie
    levels: dict[str, str]
    central_parent: Trie
    name_syllables: frozenset[str]
    surnames: frozenset[str]
    committee_of_type: dict[str, str]  # "thành phố" -> "Thành ủy"
    names_with_type: frozenset[str]  # unit names also written with their type (Hồ Chí Minh)


def load_org_words() -> OrgWords:
    o, p = load("orgs"), load("places")
    type_words = {k: v for k, v in p["type_words"].items() if k not in ("tp", "tp.")}
    return OrgWords(
        tokenizer=Tokenizer(o["abbreviations"]),
        committees=Trie({k: tuple(v) for k, v in o["committees"].items()}),
        central=Trie({k: tuple(v) for k, v in o["central"].items()}),
        wrappers=Trie({k: tuple(v) for k, v in o["wrappers"].items()}),
        local=Trie({k: tuple(v) for k, v in o["local"].items()}),
        ministries=Trie({m: m for m in o["ministries"]}
                        | {a: c for a, c in o["aliases"].items() if c in o["ministries"]}),
        departments=Trie({m: m for m in o["departments"]}
                         | {a: c for a, c in o["aliases"].items() if c in o["departments"]}),
        generic=Trie({g: g for g in o["generic_heads"]}),
        type_words=Trie(type_words),
        levels=o["levels"],
        central_parent=Trie(dict.fromkeys(o["central_parent"], True)),
        name_syllables=frozenset(o["name_syllables"]),
        surnames=frozenset(s.lower() for s in load("names")["surnames"]),
        # the inverse of the committee table of data/bodies.json
        committee_of_type={unit: word[0].upper() + word[1:]
                           for word, unit in load("bodies")["committees"].items()},
        names_with_type=frozenset(p["names_with_type"]),
    )


class OrgReader:
    """Reads organisations and places at token positions (see module docstring). A generic
    name stops where a post begins: ``titles`` and ``post_words`` (the first words of a post)
    come from :mod:`partyx.rules.posts`."""

    def __init__(self, titles: Trie, post_words: frozenset[str], words: OrgWords | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.words = w = words or load_org_words()
        self.gazetteer = gazetteer or get_gazetteer()
        self.titles = titles
        self.post_words = post_words
        # first words of every organisation phrase: a cheap test before a full parse
        self.org_first_words = frozenset(
            x for trie in (w.committees, w.wrappers, w.local, w.central) for x in trie.root
        ) | {"bộ", "sở"}
        self._places: dict[tuple, tuple[Unit | None, int]] = {}  # memo of _longest_place
        # each central body's Org, made once (an Org is never changed: it can be shared)
        self._central_orgs = {value: Org(value[0], value[1], "central")
                              for value in _values(w.central.root)}
        # memo of org(): (id(toks), id(ctx)) -> (toks, ctx, position -> result); the last
        # one used, at hand (see _memo_for)
        self._memos: dict[tuple[int, int], tuple[list[Tok] | None, Context | None, dict]] = {}
        self._memo_last: tuple[list[Tok] | None, Context | None, dict] = (None, None, {})
        # first word -> the organisation readers that may start with it, in priority order
        # (on equal length: a committee, then a central body — Ban Chấp hành Trung ương
        # Đảng is one body, not Ban Chấp hành + Trung ương —, then the rest)
        # Each reader also gets the words that may follow the first one in a phrase it reads,
        # or None when it reads a one-word phrase: most capitalised words that start an
        # organisation are followed by none of them ("Đảng và Nhà nước", "Công an"), and
        # that one set test saves the reader's call and its trie match, which would fail.
        readers = ((w.committees.root, self.committee), (w.central.root, self._central),
                   (w.wrappers.root, self._wrapper), (w.local.root, self._local),
                   ({"bộ": w.ministries.root}, self.ministry),
                   ({"sở": w.departments.root}, self._department))
        # the bodies a wrapper may belong to, in order, with the first words of their phrases
        self._parent_readers = ((w.committees.root, self.committee), (w.local.root, self._local),
                                (w.central.root, self._central), ({"bộ"}, self.ministry))
        self._org_readers: dict[str, tuple] = {
            x: tuple((fn, _next_words(firsts[x])) for firsts, fn in readers if x in firsts)
            for x in self.org_first_words}
        # first word -> the words that may follow it in an organisation's name, or None when
        # it may be one alone: no reader is called before another word (most are)
        self._org_seconds: dict[str, frozenset[str] | None] = {
            x: None if any(nexts is None for _, nexts in rs)
            else frozenset().union(*(nexts for _, nexts in rs))
            for x, rs in self._org_readers.items()}

    # -- places --------------------------------------------------------------------------
    def place(self, toks: list[Tok], i: int, types: tuple[str, ...]) -> tuple[Unit, int] | None:
        """The longest run of capitalised words (or a number) at ``i`` naming a unit of one of
        ``types``: (unit, index after it)."""
        n = len(toks)
        if i >= n or not (toks[i].cap or (toks[i].word and toks[i].text.isdigit())):
            return None  # (most calls: no name here, nothing to look up)
        words: list[str] = []
        ends: list[int] = []
        j = i
        while j < n and len(words) < self.gazetteer.max_words:
            t = toks[j]
            if t.word and (t.cap or (t.text.isdigit() and not words)):
                words.append(t.text)
                j += 1
                ends.append(j)
            elif t.text == "-" and words and j + 1 < n and toks[j + 1].cap:
                words.append("-")
                j += 1
            else:
                break
        while words and words[-1] == "-":
            words.pop()
        key = (*words, types)
        known = self._places.get(key)
        if known is None:  # the same runs recur: the gazetteer part is memoised
            if len(self._places) > 50_000:  # bounded on a hostile text of unique runs
                self._places.clear()
            known = self._places[key] = self._longest_place(words, len(ends), types)
        unit, k = known
        return None if unit is None else (unit, ends[k - 1])

    def _longest_place(self, words: list[str], n: int, types: tuple[str, ...]
                       ) -> tuple[Unit | None, int]:
        """(unit, how many real words name it) for the longest of the first ``n`` words of
        ``words`` naming a unit of one of ``types``, or (None, 0)."""
        for k in range(n, 0, -1):
            name = " ".join(words[: self._upto(words, k)])
            for utype in types:
                found = self.gazetteer.lookup(utype, name)
                if found:
                    return found[0], k
        return None, 0

    @staticmethod
    def _upto(words: list[str], k: int) -> int:
        """Index in ``words`` just after the k-th real word (hyphens do not count)."""
        seen = 0
        for idx, w in enumerate(words):
            if w != "-":
                seen += 1
                if seen == k:
                    return idx + 1
        return len(words)

    def place_after_type(self, toks: list[Tok], i: int, ctx: Context
                         ) -> tuple[str, Unit | None, int] | None:
        """A place word (``tỉnh``, ``quận``, ``TP``) with its name, or resolved from the
        context: (place word, unit or None, index after)."""
        m = self.words.type_words.match(toks, i)
        if m is None:
            return None
        utype, j = m
        found = self.place(toks, j, (utype,))
        if found:
            return utype, found[0], found[1]
        return utype, ctx.unit_for(utype), j

    def province_name(self, toks: list[Tok], i: int) -> tuple[Unit, int] | None:
        """A province named bare after an organisation (``Thành ủy Hà Nội``)."""
        found = self.place(toks, i, ("tỉnh", "thành phố"))
        if found and found[0].level == "province":
            return found
        return None

    # -- organisations -------------------------------------------------------------------
    def org(self, toks: list[Tok], i: int, ctx: Context, generic: bool = True
            ) -> tuple[Org, int] | None:
        """The organisation at ``toks[i]``: (Org, index after), or None."""
        n = len(toks)
        if i >= n or not toks[i].word:
            return None
        found = None
        seconds = self._org_seconds.get(toks[i].low, ())
        if seconds is None or (i + 1 < n and toks[i + 1].low in seconds):
            # The people stage asks for the same organisations again (after a title, then
            # among a segment's organisations, then before a list): read once a position.
            last = self._memo_last
            memo = last[2] if last[0] is toks and last[1] is ctx else self._memo_for(toks, ctx)
            if i in memo:
                found = memo[i]
            else:
                found = memo[i] = self._read_org(toks, i, ctx)
        if found is None and generic:
            return self._generic(toks, i, ctx)
        return found

    def _memo_for(self, toks: list[Tok], ctx: Context) -> dict[int, tuple[Org, int] | None]:
        """The organisations read in ``toks`` with ``ctx``, by position. Keyed by the
        identities of the token list and context, which the memo keeps alive (so no other
        object can take their ids while it holds them), and which are never changed (an Org
        is not either: results are shared). Bounded: cleared after a few hundred lists."""
        key = (id(toks), id(ctx))
        entry = self._memos.get(key)
        if entry is None:
            if len(self._memos) >= 256:
                self._memos.clear()
            entry = self._memos[key] = (toks, ctx, {})
        self._memo_last = entry  # (one assignment: a thread sees the old entry or this one)
        return entry[2]

    def _read_org(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        """The organisation one of the readers finds at ``toks[i]`` (a word), or None."""
        best = None  # the longest; on equal length the first reader's (by priority)
        after = toks[i + 1].low if i + 1 < len(toks) else None
        for fn, nexts in self._org_readers.get(toks[i].low, ()):
            if nexts is not None and after not in nexts:
                continue  # its phrases all go on with another word: it would find none
            r = fn(toks, i, ctx)
            if r is not None and (best is None or r[1] > best[1]):
                best = r
        return best

    def committee(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        m = self.words.committees.match(toks, i)
        if m is None:
            return None
        (canon, utype), j = m
        return self.committee_of(canon, utype, toks, j, ctx)

    def committee_of(self, canon: str, utype: str, toks: list[Tok], j: int, ctx: Context
                     ) -> tuple[Org, int]:
        types = ("thành phố",) if utype == "thành phố" else (utype,)
        k = j
        tw = self.words.type_words.match(toks, j)  # Thành ủy TP.HCM, Thành ủy Thành phố Hồ Chí Minh
        if tw is not None and tw[0] == utype:
            k = tw[1]
        found = self.place(toks, k, types)
        if found:
            unit, end = found
            return Org(f"{canon} {self._unit_name(unit)}", "party_committee", unit.level), end
        known = ctx.unit_for(utype)
        if known is not None:
            return Org(f"{canon} {self._unit_name(known)}", "party_committee", known.level), j
        level = "province" if utype in ("tỉnh", "thành phố") else "district"
        return Org(canon, "party_committee", level, resolved=False), j

    def _central(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        m = self.words.central.match(toks, i)
        if m is None:
            return None
        return self._central_orgs[m[0]], m[1]

    def _wrapper(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        m = self.words.wrappers.match(toks, i)
        if m is None:
            return None
        (canon, kind), j = m
        parent = self.parent(toks, j, ctx)
        if parent is None:
            return Org(canon, kind, None, resolved=False, bare=True), j
        porg, end = parent
        if canon == "Ban Chấp hành" and porg.kind == "party_organization" and porg.resolved:
            return self._committee_from_organization(porg), end
        if canon == "Ban Chấp hành" and porg.kind == "party_committee":
            return porg, end  # Ban Chấp hành Trung ương (Đảng) is the committee itself
        return Org(f"{canon} {porg.name}", kind, porg.level, porg.resolved,
                   parent=porg.parent or porg.name), end

    def _committee_from_organization(self, porg: Org) -> Org:
        """``Đảng bộ tỉnh Nghệ An`` -> ``Tỉnh ủy Nghệ An``; ``Đảng bộ xã X`` -> ``Đảng ủy xã X``."""
        rest = porg.name.removeprefix("Đảng bộ ").strip()
        for utype, word in self.words.committee_of_type.items():
            if rest.startswith(utype + " "):
                return Org(f"{word} {rest[len(utype) + 1:]}", "party_committee", porg.level)
        return Org(f"Đảng ủy {rest}", "party_committee", porg.level)

    def parent(self, toks: list[Tok], j: int, ctx: Context) -> tuple[Org, int] | None:
        """The committee or body a wrapper (Ban Thường vụ, Ban Tổ chức …) belongs to."""
        if j >= len(toks):
            return None
        v = self.words
        pm = v.central_parent.match(toks, j)
        if pm is not None:
            cm = v.central.match(toks, j)
            if cm is None or cm[1] <= pm[1]:
                written = " ".join(t.text for t in toks[j:pm[1]])
                return Org(written, "party_committee", "central"), pm[1]
        # (each reader's trie only where the word starts one of its phrases)
        low = toks[j].low
        for root, fn in self._parent_readers:
            if low in root:
                r = fn(toks, j, ctx)
                if r is not None:
                    return r
        return None

    def _local(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        m = self.words.local.match(toks, i)
        if m is None:
            return None
        (canon, kind), j = m
        skip = _skip_term(toks, j)  # "Đoàn Đại biểu Quốc hội khóa XIV đơn vị thành phố X"
        if skip > j and self.words.type_words.match(toks, skip) is not None:
            j = skip
        pt = self.place_after_type(toks, j, ctx)
        if pt is None:
            prov = self.province_name(toks, j)
            if prov is not None:
                unit, end = prov
                return Org(f"{canon} {canon_place(unit)}", kind, "province"), end
            central = self.words.central.match(toks, i)
            if central is not None and central[1] >= j:
                return None  # Ủy ban Mặt trận Tổ quốc Việt Nam with no place: the centre's
            if canon in ("Đảng bộ", "Đảng ủy"):
                return None
            return Org(canon, kind, None, resolved=False), j
        utype, place, end = pt
        if place is None:
            return Org(f"{canon} {utype}", kind, self.words.levels.get(utype), False), end
        return Org(f"{canon} {canon_place(place)}", kind, place.level), end

    def ministry(self, toks: list[Tok], i: int, ctx: Context, bare: bool = False
                 ) -> tuple[Org, int] | None:
        j = i
        if not bare:
            if i >= len(toks) or toks[i].low != "bộ":
                return None
            j = i + 1
        m = self.words.ministries.match(toks, j)
        if m is None:
            return None
        return Org(f"Bộ {m[0]}", "government", "central"), m[1]

    def _department(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        if i >= len(toks) or toks[i].low != "sở":
            return None
        m = self.words.departments.match(toks, i + 1)
        if m is None:
            return None
        name, j = m
        pt = self.place_after_type(toks, j, ctx)
        if pt is not None and pt[1] is not None:
            return Org(f"Sở {name} {canon_place(pt[1])}", "government", "province"), pt[2]
        prov = self.province_name(toks, j)
        if prov is not None:
            return Org(f"Sở {name} {canon_place(prov[0])}", "government", "province"), prov[1]
        unit = ctx.province
        if unit is not None:
            return Org(f"Sở {name} {canon_place(unit)}", "government", "province"), j
        return Org(f"Sở {name}", "government", "province", resolved=False), j

    def _generic(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        m = self.words.generic.match(toks, i)
        if m is None:
            return None
        head, j = m
        if j >= len(toks) or not toks[j].cap:  # "Ủy ban Dân tộc", not "ủy ban dân"
            return None
        words = [head]
        k = j
        lower_run = 0
        while k < len(toks) and len(words) < 10:
            t = toks[k]
            if not t.word:
                if (t.text == "-" and words[-1] != "-" and k + 1 < len(toks) and toks[k + 1].word
                        and toks[k + 1].low not in self.post_words):
                    words.append("-")
                    k += 1
                    continue
                break
            pt = self.place_after_type(toks, k, ctx)
            if pt is not None and pt[1] is not None:
                words.append(canon_place(pt[1]))
                k = pt[2]
                break
            if t.cap:
                if self.is_name_start(toks, k) or self._title_inside(toks, k):
                    break
                mr = self.ministry(toks, k, ctx)
                if mr is not None:  # "Vụ Tổ chức cán bộ Bộ Nội vụ": the ministry ends it
                    words.extend(x.text for x in toks[k:mr[1]])
                    k = mr[1]
                    lower_run = 0
                    break
                lower_run = 0
            elif t.low in _CONNECTORS and k + 1 < len(toks) and toks[k + 1].cap and (
                    toks[k + 1].word and not self.is_name_start(toks, k + 1)):
                lower_run = 0  # "Vụ Tài chính các Ngân hàng", "Ban Tuyên giáo và Dân vận"
            elif lower_run == 0 and _second_syllable(toks, k, j, self.words.name_syllables):
                pass  # "Vụ Tổ chức", "Quân đội nhân dân": one word written "Xx yy"
            else:
                if t.low in _STOP or lower_run >= 2 or t.text.isdigit():
                    break
                lower_run += 1
            words.append(t.text)
            k += 1
        if k >= len(toks) or (not toks[k].word and toks[k].text != "-"):
            lower_run = 0  # "Vụ Tổ chức cán bộ, …": a lower-case tail closed by punctuation
        while len(words) > 1 and (words[-1] == "-" or words[-1].islower() and lower_run > 0):
            words.pop()
            k -= 1
            lower_run -= 1
        if len(words) == 1:
            return None
        return Org(" ".join(words).replace(" - ", " - "), "other", None), k

    def _title_inside(self, toks: list[Tok], k: int) -> bool:
        """A title of two or more words (``Bí thư``, ``Chủ tịch``) ends a generic name."""
        m = self.titles.match(toks, k)
        return m is not None and m[1] - k >= 2

    def is_name_start(self, toks: list[Tok], k: int) -> bool:
        """A surname followed by one to three capitalised words, the run ending there."""
        if toks[k].low not in self.words.surnames:
            return False
        n = 1
        while k + n < len(toks) and toks[k + n].cap and toks[k + n].word and n < 5:
            n += 1
        return 2 <= n <= 4

    def _unit_name(self, unit: Unit) -> str:
        """A unit's name after a committee word: ``Long Biên``; ``quận 2`` for a number;
        ``thành phố Hồ Chí Minh`` for a name that is also a person's."""
        if unit.name[:1].isdigit() or unit.name in self.words.names_with_type:
            return canon_place(unit)
        return unit.name


# --- Party organisations by level (Đảng bộ <level> <Place>) -----------------------------

@cache
def _party_words() -> tuple[dict[str, str], dict[str, str]]:
    data = load("bodies")
    levels = {k.casefold(): v for k, v in data["levels"].items()}
    committees = {k.casefold(): v for k, v in data["committees"].items()}
    return levels, committees


def level_of(word: str) -> str | None:
    """``"Thành phố"``/``"TP"`` -> ``"thành phố"``, ``"Quận"`` -> ``"quận"``; else ``None``."""
    if not isinstance(word, str):
        return None
    return _party_words()[0].get(word.strip().casefold())


def committee_level(word: str) -> str | None:
    """``"Quận ủy"`` -> ``"quận"``, ``"Thành ủy"`` -> ``"thành phố"``; else ``None``."""
    if not isinstance(word, str):
        return None
    return _party_words()[1].get(word.strip().casefold())


def _province(name: str | None) -> Unit | None:
    return get_gazetteer().province(name) if name is not None else None


_NAME = re.compile(r"\s{1,2}([^\W_]+(?:\s[^\W_]+){0,3})")


def _words_of(level: str) -> list[str]:
    """The words written before the name of a unit of ``level``, longest first."""
    levels, committees = _party_words()
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
    word: itself and its upper case (``ậẬ``; tests/rules/test_orgs.py checks that no other
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
    gaz = get_gazetteer()
    found = None
    starts = _level_word_starts(level, before)
    for m in finditer_at(_level_words(level), before, starts):
        name = _NAME.match(before, m.end())
        if not name:
            continue
        words = capitalised(name.group(1).split())
        for n in range(len(words), 0, -1):  # "Hà Nội Nguyễn Văn" -> "Hà Nội"
            candidate = " ".join(words[:n])
            known = gaz.lookup(level, candidate)
            if known:
                found = known[0].name
                break
    return found


def resolve_place(level: str, ctx: PlaceContext | None, before: str | None = None
                  ) -> str | None:
    """The place a bare level word stands for in this article (the second resolver of an
    organisation's place, see module docstring): the unit of that level named last before it
    (``before``, the text that precedes), else the article's context (``quận`` -> the
    article's district when it is a quận; ``thành phố`` -> its province when that is a city,
    else its district when that is a city)."""
    if before:
        named = _named_before(level, before[-2000:])
        if named:
            return named
    province = ctx.province if ctx else None
    district = ctx.district if ctx else None
    if level in ("tỉnh", "thành phố") and province:
        unit = _province(province)
        if unit is not None and unit.type == level:
            return unit.name
    if district and district.type == level:
        return district.name
    return None


def party_body(level: str | None, place: str | None, ctx: PlaceContext | None,
               before: str | None = None) -> str | None:
    """``Đảng bộ <level> <place>``, the place resolved from context when not written, the
    level from the gazetteer when only a province is written. ``None`` when neither is given;
    ``Đảng bộ <level>`` when the place cannot be known."""
    place = (place or "").strip() or None
    if level is None and place is None:
        return None
    if level is None:
        unit = _province(place)  # (a place: both cannot be None)
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


def committee_body(word: str, place: str | None, ctx: PlaceContext | None,
                   before: str | None = None) -> str | None:
    """``Quận ủy Thanh Xuân`` -> ``Đảng bộ quận Thanh Xuân``; ``None`` for other words."""
    level = committee_level(word)
    return party_body(level, place, ctx, before) if level else None
