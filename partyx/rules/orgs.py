"""Organisations: how they are written, and which place each one belongs to.

- :class:`OrgReader` reads the organisation written at a token position: Party committees
  (``Thành ủy``, ``Quận ủy Ba Đình``), central bodies (``Ban Bí thư``, ``Ủy ban Kiểm tra Trung
  ương``), the bodies of a committee (``Ban Tổ chức Thành ủy``), local bodies (``HĐND quận Long
  Biên``), ministries, departments and other named bodies (``Vụ Tổ chức cán bộ``), and the
  units a place word names. :mod:`partyx.rules.posts` reads posts with it,
  :mod:`partyx.rules.people` the organisations an article names. An organisation whose place
  is written carries it (:attr:`Org.unit`); one read without it (``Thành ủy``, ``UBND tỉnh``,
  ``Sở Nội vụ``) carries a :class:`Slot`: the unit types that may fill it and how its name is
  written with one.
- :class:`Whereabouts` is the one resolver of an organisation's place, for posts, congresses
  and membership alike. The nearest evidence wins: a place named in the same chain of posts
  (``Phó Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Đồng Nai``: ``Tỉnh ủy Đồng Nai``), then in the
  sentence (``Cùng ngày, tại TP Hồ Chí Minh, Bí thư Thành ủy …``), then in what the article
  already said of that person, then in the paragraph, then the article's place context (the
  places stage leaves it empty when the article does not make it clear). Within one of these
  the unit nearest to the organisation wins; a unit named fits a slot of its type (``thành
  phố`` for ``Thành ủy``: a centrally-run or a provincial city), and where none is named, the
  province a district or ward lies in fits a province's slot. ``tỉnh này`` is the province
  named last. No place is ever a default: where no evidence fits, the organisation stays as
  written (``Thành ủy``). After a committee word a unit is written ``quận 2`` or ``thành phố
  Hồ Chí Minh`` where its bare name would mislead.
- :meth:`Whereabouts.party_body` and :meth:`Whereabouts.committee_body` name a Party
  organisation ``Đảng bộ <level> <Place>`` however it is written (``Đảng bộ quận Ba Đình``,
  ``Đảng bộ Thành phố`` in a Hà Nội article, ``Đảng bộ Hà Nội``, ``Quận ủy Thanh Xuân``): the
  body holding a congress (:mod:`partyx.rules.congresses`) or whose members are counted
  (:mod:`partyx.rules.membership`). Bodies that are no territorial unit (``Đảng bộ Khối các cơ
  quan Thành phố``) stay as written.

The vocabulary is ``data/orgs.json`` (organisations and their abbreviations),
``data/bodies.json`` (levels and committee words of Party organisations),
``data/places.json`` (place words) and ``data/names.json`` (surnames: a generic name stops
before a person's).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from operator import attrgetter
from typing import NamedTuple, TypeGuard, TypeVar

from partyx.data import load
from partyx.lang.tokens import Tok, Tokenizer, Trie
from partyx.record import PlaceContext, PlaceMention
from partyx.rules.gazetteer import PROVINCE_TYPES, UNKNOWN, Gazetteer, Unit
from partyx.rules.gazetteer import get as get_gazetteer

_START = attrgetter("start")

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
_DASH_VARIANTS = ("–", "—")
_V = TypeVar("_V")
_HEADED_REACH = 24  # tokens a name after a title holding its head is read in (OrgReader.headed)
# what stands between a ministry's unit and its ministry ("Tổng cục Đường bộ Việt Nam - Bộ
# GTVT", "Cục An ninh điều tra, Bộ Công an", "… (Bộ Công an)")
_BEFORE_MINISTRY = frozenset({",", "(", "-", "–", "—"})
# words of place and belonging that end a lower-case name (see OrgReader.lower_named)
_LOWER_BREAKS = frozenset({"ở", "thuộc", "trên", "dưới", "ngoài"})
_LOWER_RUN = 6  # lower-case words a name may hold in a row (Vụ Ngân sách nhà nước)
_ROMAN = frozenset("IVXLC")


def _is_roman(word: str) -> bool:
    """``VII``: a Roman numeral as a number after a head (Quân đoàn IV)."""
    return bool(word) and set(word) <= _ROMAN


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


class Slot(NamedTuple):
    """The place an organisation read without one still needs (``Thành ủy``, ``UBND tỉnh``,
    ``Sở Nội vụ``, ``Ban Tổ chức Huyện ủy``): which units may fill it and how its name is
    written with one. :class:`Whereabouts` fills it from the evidence nearest to it."""

    types: tuple[str, ...]  # the unit types that may fill it (thành phố for Thành ủy)
    template: str  # the name with ``{}`` where the place goes: "Ban Tổ chức Thành ủy {}"
    typed: bool  # the place written with its type word (UBND tỉnh Nghệ An), else by name
    level: str | None = None  # a level the unit must have (a Sở: province), else any
    near: bool = False  # "tỉnh này": the unit of that type named last before it
    parent: str | None = None  # the template of the body it belongs to, if any


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
    cell: bool = False  # a Party or mass cell written without its organisation (Đảng ủy)
    slot: Slot | None = None  # the place it still needs, when it needs one
    unit: Unit | None = None  # the place written in it (huyện Vĩnh Thạnh), or filled in

    def body(self, head: str, kind: str, of_parent: bool = False) -> Org:
        """The body ``head`` of this organisation (``Ban Tổ chức`` + ``Thành ủy Hà Nội``),
        or, ``of_parent``, of the committee it belongs to (``Ban Thường vụ`` and ``Ban Tổ
        chức Huyện ủy X``: ``Ban Thường vụ Huyện ủy X``); its place, or its slot, carried
        on."""
        host = (self.parent or self.name) if of_parent else self.name
        slot = self.slot
        if slot is not None:
            within = (slot.parent or slot.template) if of_parent else slot.template
            slot = slot._replace(template=f"{head} {within}", parent=within)
        return Org(f"{head} {host}", kind, self.level, self.resolved, parent=host, slot=slot,
                   unit=self.unit)

    def placed(self, unit: Unit) -> Org:
        """This organisation with its slot filled by ``unit``."""
        slot = self.slot
        assert slot is not None  # (only an organisation with a slot is placed)
        form = canon_place(unit) if slot.typed else unit_name(unit)
        parent = slot.parent.replace("{}", form) if slot.parent else self.parent
        return Org(slot.template.replace("{}", form), self.kind, unit.level, True, parent,
                   bare=self.bare, cell=self.cell, unit=unit)


class Context:
    """What the readers know where they read an organisation: nothing of its place, which
    :class:`Whereabouts` resolves afterwards from the evidence nearest to it. Kept as an
    argument of the readers and the key of their memo."""

    __slots__ = ()


NO_CONTEXT = Context()


_COMMITTEE_BODIES = frozenset({"Ban Thường vụ", "Ban Chấp hành"})
_PARTY_KINDS = frozenset({"party_committee", "party_board"})


def is_ministry(org: Org) -> bool:
    """Whether ``org`` is a ministry of the government (``Bộ Xây dựng``)."""
    return org.name.startswith("Bộ ") and org.kind == "government" and org.level == "central"


def _of_ministry(body: Org, ministry: Org) -> Org:
    """``Văn phòng Bộ`` of ``Bộ Xây dựng``: ``Văn phòng Bộ Xây dựng``."""
    name = body.name.removesuffix(" Bộ")  # "Văn phòng Bộ", "Vụ Tổ chức cán bộ"
    return Org(f"{name} {ministry.name}", body.kind, ministry.level,
               parent=ministry.name)


def attach(orgs: Sequence[Org | None]) -> list[Org | None]:
    """The organisations of a chain of posts, each body or cell written without its own
    given one from the next post's: a committee's body that of its committee (``Ủy viên Ban
    Thường vụ, Trưởng ban Tổ chức Huyện ủy Chư Sê``: ``Ban Thường vụ Huyện ủy Chư Sê``), a
    cell that organisation itself (``Bí thư Đảng ủy, Giám đốc Sở Y tế``: ``Đảng ủy Sở Y
    tế``), or the one whose board that is (``Bí thư Ban cán sự đảng, Chủ tịch HĐQT PVN``:
    ``Ban cán sự đảng PVN``). A body of a Party committee only of a Party organ (``Ủy viên
    Thường vụ, Phó Chủ tịch HĐND`` is no HĐND's); a committee's body not of an organisation
    named by its capitals alone (a company)."""
    if not any(o is not None and (o.bare or o.cell) for o in orgs):
        return list(orgs)  # (most chains)
    out = list(orgs)
    for i, o in enumerate(out):
        if o is None or not (o.bare or o.cell):
            continue
        party_only = o.bare and o.name in _COMMITTEE_BODIES
        if o.parent == "Bộ":  # "Chánh Văn phòng Bộ, Thứ trưởng Bộ Y tế": of that ministry
            q = next((q for q in out[i + 1:] if q is not None and is_ministry(q)), None)
            if q is not None:
                out[i] = _of_ministry(o, q)
            continue
        for q in out[i + 1:]:
            if q is None or q.bare or q.cell or (o.bare and q.kind == "other") or (
                    party_only and q.kind not in _PARTY_KINDS):
                continue
            # (a cell is that organisation's, or the organisation's whose board that is)
            board = q.kind == "other" and q.parent is not None
            out[i] = q.body(o.name, o.kind, of_parent=o.bare or board)
            break
    return out


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


@cache
def _names_with_type() -> frozenset[str]:
    return frozenset(load("places")["names_with_type"])


def unit_name(unit: Unit) -> str:
    """A unit's name after a committee word: ``Long Biên``; ``quận 2`` for a number;
    ``thành phố Hồ Chí Minh`` for a name that is also a person's."""
    if unit.name[:1].isdigit() or unit.name in _names_with_type():
        return canon_place(unit)
    return unit.name


@dataclass(frozen=True)
class OrgWords:
    """The words organisations are written with (see module docstring)."""

    tokenizer: Tokenizer  # spells out the abbreviations (HĐND, TP.HCM)
    committees: Trie
    committee_kinds: dict[str, str]  # of the committees that are no Party committee
    central: Trie
    wrappers: Trie
    local: Trie
    typed_only: frozenset[str]  # locals that name a body only with a unit's type and place
    count_words: frozenset[str]  # what a count is of: no number before one ends a name
    cells: Trie
    cell_joins: Trie
    ministries: Trie
    departments: Trie
    generic: Trie
    numbered: frozenset[str]  # generic heads whose name may be a number (Quân khu 7)
    boards: frozenset[str]  # generic heads of a board, the organisation after them
    ministry_units: frozenset[str]  # heads of a ministry's units (Cục … (Bộ Công an))
    lower_heads: frozenset[str]  # heads of a name written in lower case (lower_named)
    ministry_functions: frozenset[str]  # units every ministry has (Vụ Tổ chức cán bộ)
    owners: Trie  # bodies a name may end with after "của" (… của Quốc hội)
    type_words: Trie
    levels: dict[str, str]
    central_parent: Trie
    name_phrases: Trie  # lower-case phrases a name may hold (Cục An ninh điều tra)
    comma_phrases: frozenset[str]  # two words a comma joins in a name (Cục Phòng, chống …)
    name_enders: Trie  # verbs that end a name's run (chia sẻ, kiến nghị)
    name_syllables: frozenset[str]
    # generic heads no organisation is named after a person under, "Ngân hàng " (see
    # PostParser._cut_short): a name right after their name is its holder's
    impersonal_heads: tuple[str, ...]
    surnames: frozenset[str]
    ranks: Trie  # ranks and degrees (data/titles.json fillers): a name goes on with none
    committee_of_type: dict[str, str]  # "thành phố" -> "Thành ủy"
    nations: Trie  # the country a national organisation's name may end with (Việt Nam)


def load_org_words() -> OrgWords:
    o, p = load("orgs"), load("places")
    type_words = {k: v for k, v in p["type_words"].items() if k not in ("tp", "tp.")}
    return OrgWords(
        tokenizer=Tokenizer(o["abbreviations"]),
        committees=Trie({k: tuple(v) for k, v in o["committees"].items()}),
        committee_kinds=o["committee_kinds"],
        central=Trie({k: tuple(v) for k, v in o["central"].items()}),
        wrappers=Trie(_dash_forms({k: tuple(v) for k, v in o["wrappers"].items()})),
        local=Trie({k: tuple(v) for k, v in o["local"].items()}),
        typed_only=frozenset(o["typed_only"]),
        count_words=frozenset(o["count_words"]),
        cells=Trie({k: tuple(v) for k, v in o["cells"].items()}),
        cell_joins=Trie(dict.fromkeys(o["cell_joins"], True)),
        ministries=Trie(_dash_forms({m: m for m in o["ministries"]}
                        | {a: c for a, c in o["aliases"].items() if c in o["ministries"]})),
        departments=Trie(_dash_forms({m: m for m in o["departments"]}
                         | {a: c for a, c in o["aliases"].items() if c in o["departments"]})),
        generic=Trie({g: g for g in o["generic_heads"]}),
        numbered=frozenset(o["numbered_heads"]),
        boards=frozenset(o["boards"]),
        ministry_units=frozenset(o["ministry_units"]),
        lower_heads=frozenset(o["lower_heads"]),
        ministry_functions=frozenset(o["ministry_functions"]),
        owners=Trie({w: w for w in o["owners"]}),
        type_words=Trie(type_words),
        levels=o["levels"],
        central_parent=Trie(dict.fromkeys(o["central_parent"], True)),
        name_phrases=Trie(dict.fromkeys(o["name_phrases"], True)),
        comma_phrases=frozenset(o["comma_phrases"]),
        name_enders=Trie(dict.fromkeys(o["name_enders"], True)),
        name_syllables=frozenset(o["name_syllables"]),
        impersonal_heads=tuple(f"{h} " for h in o["impersonal_heads"]),
        surnames=frozenset(s.lower() for s in load("names")["surnames"]),
        ranks=Trie(dict.fromkeys(load("titles")["fillers"], True)),
        # the inverse of the committee table of data/bodies.json
        committee_of_type={unit: word[0].upper() + word[1:]
                           for word, unit in load("bodies")["committees"].items()},
        nations=Trie({w: w for w in o["nations"]}),
    )


def _abbreviated_type(tok: Tok) -> bool:
    """A unit's type word written short (``TP``, ``Q``, ``TX``: one or two capitals)."""
    return tok.word and len(tok.text) <= 2 and tok.text.isupper()


def _dash_forms(table: dict[str, _V]) -> dict[str, _V]:
    """A name's forms with each of the dashes (``Giao thông - Vận tải``, ``Giao thông –
    Vận tải``: one name)."""
    out = dict(table)
    for form, canon in table.items():
        if " - " in form:
            for dash in _DASH_VARIANTS:
                out.setdefault(form.replace(" - ", f" {dash} "), canon)
    return out


_NAME_DASHES = frozenset({"-", "–"})


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
            x for trie in (w.committees, w.wrappers, w.local, w.central, w.cells)
            for x in trie.root) | {"bộ", "sở"}
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
                   ({"sở": w.departments.root}, self._department),
                   (w.cells.root, self._cell))
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
            elif t.text in ("-", "–") and words and j + 1 < n and toks[j + 1].cap:
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
        """A place word (``tỉnh``, ``quận``, ``TP``) with its name: (place word, unit, index
        after); the unit is None when no name follows (``UBND tỉnh``)."""
        m = self.words.type_words.match(toks, i)
        if m is None:
            return None
        utype, j = m
        found = self.place(toks, j, (utype,))
        if found:
            return utype, found[0], found[1]
        return utype, None, j

    def _slot_after(self, toks: list[Tok], j: int, template: str, utype: str,
                    level: str | None = None) -> tuple[Slot, int]:
        """The slot of a place word written with no name (``UBND tỉnh``), ``j`` after it; a
        ``này`` there (``UBND tỉnh này``) points back at the unit named last."""
        near = j < len(toks) and toks[j].low == "này"
        return Slot((utype,), template, True, level, near), j + near

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
            found = self._generic(toks, i, ctx)
        if found is not None and found[1] + 2 < n and toks[found[1]].low == "chi" and (
                toks[found[1] + 1].low == "nhánh"):
            return self._branch(toks, i, found, ctx)  # (a branch unread: none, not the whole)
        return found

    def _branch(self, toks: list[Tok], i: int, found: tuple[Org, int], ctx: Context
                ) -> tuple[Org, int] | None:
        """``Ngân hàng Nhà nước chi nhánh tỉnh Nghệ An``: the branch in a place (written
        with its type word, or a province's name) of the organisation ``found`` at
        ``toks[i]``, named as written; None where no place follows ``chi nhánh`` (a branch
        not read is no organisation: the whole one is not it)."""
        org, k = found
        written = " ".join(t.text for t in toks[i:k])
        at = k + 2
        pt = self.place_after_type(toks, at, ctx)
        if pt is not None and pt[1] is not None:
            unit, end = pt[1], pt[2]
        elif (prov := self.province_name(toks, at)) is not None:
            unit, end = prov
        else:
            return None
        return Org(f"{written} chi nhánh {canon_place(unit)}", org.kind, unit.level,
                   unit=unit), end

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

    def headed(self, toks: list[Tok], j: int, head: str, ctx: Context
               ) -> tuple[Org, int] | None:
        """The organisation of a title that holds its head (``Cục trưởng``: ``Cục``) written
        with the rest of its name alone at ``toks[j]`` (``Cục trưởng Quản lý Khám chữa
        bệnh``): the name read as one the head opens (:meth:`_generic`), and the index after
        it; None where no capitalised name follows, or one with a head of its own."""
        n = len(toks)
        if j >= n or not toks[j].cap or self.words.generic.match(toks, j) is not None:
            return None
        first = toks[j].text
        if first.isupper() and first[0] == head[0]:
            return None  # an abbreviation holds its head ("Viện trưởng VNCPTDL")
        lead = [Tok(w, w.lower(), True, True) for w in head.split()]
        stretch = lead + toks[j:j + _HEADED_REACH]
        r = self._generic(stretch, 0, ctx)
        if r is None:
            return None
        end = r[1]
        if any(_abbreviated_type(t) for t in stretch[end - 1:end + 1]) or (
                r[0].slot is not None and end + 1 < len(stretch)
                and stretch[end].text == "." and stretch[end + 1].cap):
            return None  # its place written short, unread ("… GD-ĐT Q.Tây Hồ", "TP.Quy Nhơn")
        return r[0], j + end - len(lead)

    def national(self, toks: list[Tok], k: int, org: Org) -> tuple[Org, int] | None:
        """``org`` read up to ``toks[k]`` and the country written after it (``Bảo hiểm xã
        hội`` + ``Việt Nam``): the organisation with it and the index after it (a ministry's
        name leaves it out: ``Bộ Ngoại giao``); None where no country follows, or ``org``
        is placed (a local body) or names its country already."""
        m = self.words.nations.match(toks, k)
        if m is None or org.unit is not None or org.slot is not None or org.name.endswith(m[0]):
            return None
        if is_ministry(org):
            return org, m[1]
        parent = org.parent  # (a board's organisation, its name's end: it goes on too)
        if parent is not None and org.name.endswith(parent):
            parent = f"{parent} {m[0]}"
        # (of the whole country: nothing left to place)
        return replace(org, name=f"{org.name} {m[0]}", level=org.level or "central",
                       resolved=True, parent=parent), m[1]

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
        kind = self.words.committee_kinds.get(canon, "party_committee")
        found = self.place(toks, k, types)
        if found:
            unit, end = found
            return Org(f"{canon} {unit_name(unit)}", kind, unit.level, unit=unit), end
        level = "province" if utype in ("tỉnh", "thành phố") else "district"
        written = self._unknown_place(toks, k)
        if written is not None:  # "Huyện ủy Đông Sơn" (a district since merged): as written
            return Org(f"{canon} {' '.join(t.text for t in toks[k:written])}", kind, level), written
        return Org(canon, kind, level, resolved=False,
                   slot=Slot(types, f"{canon} {{}}", False)), j

    def _unknown_place(self, toks: list[Tok], k: int) -> int | None:
        """The end of a place's name the gazetteer does not know written at ``toks[k]``: two
        or three capitalised words and no more, none a person's name (two words right after
        a type word are the unit's, as :mod:`partyx.rules.names` reads them: a person's name
        is longer), a title, nor an organisation (so that its committee is never placed
        elsewhere)."""
        n = len(toks)
        j = k
        while j < n and j - k < 4 and toks[j].cap and toks[j].word:
            j += 1
        if not 2 <= j - k <= 3 or toks[k].low in self.post_words or (
                j - k > 2 and self.is_name_start(toks, k)):
            return None  # ("xã Triệu An": two words after a type word name the unit)
        if self.words.generic.match(toks, k) is not None or self._title_inside(toks, k):
            return None
        return j

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
            n = len(toks)
            own = j + 1 < n and toks[j].low == "đảng" and toks[j + 1].low == "bộ" and (
                j + 2 == n or not toks[j + 2].word)  # "Ban Chấp hành Đảng bộ, …": bare
            if j < n and toks[j].cap and not own and not self.is_name_start(toks, j):
                return None  # an organisation not read after it: the whole a generic name's
            if j + 1 < n and toks[j].text in _NAME_DASHES and toks[j + 1].cap and (
                    toks[j + 1].word and toks[j + 1].low not in self.post_words) and (
                    not self.is_name_start(toks, j + 1)):
                return None  # "Ban Kinh tế - Ngân sách HĐND tỉnh": a name goes on past
                # the dash, the generic reader's (an HĐND's committee, no Party board)
            return Org(canon, kind, None, resolved=False, bare=True), j
        porg, end = parent
        if canon == "Ban Chấp hành" and porg.kind == "party_organization" and (
                porg.resolved or porg.slot is not None):
            return self._committee_from_organization(porg), end
        if canon == "Ban Chấp hành" and porg.kind == "party_committee":
            return porg, end  # Ban Chấp hành Trung ương (Đảng) is the committee itself
        body = porg.body(canon, kind)
        if porg.bare:  # "Văn phòng Bộ": a body of the ministry in question
            body.bare, body.resolved = True, False
        return body, end

    def _committee_from_organization(self, porg: Org) -> Org:
        """``Đảng bộ tỉnh Nghệ An`` -> ``Tỉnh ủy Nghệ An``; ``Đảng bộ xã X`` -> ``Đảng ủy xã X``
        (``Đảng bộ tỉnh``, its place still to find: ``Tỉnh ủy``)."""
        slot = porg.slot
        if slot is not None:
            utype = slot.types[0]
            word = self.words.committee_of_type.get(utype)
            if word is not None:
                return Org(word, "party_committee", porg.level, False,
                           slot=Slot(slot.types, f"{word} {{}}", False, slot.level, slot.near))
            return Org(f"Đảng ủy {utype}", "party_committee", porg.level, False,
                       slot=slot._replace(template="Đảng ủy {}"))
        rest = porg.name.removeprefix("Đảng bộ ").strip()
        for utype, word in self.words.committee_of_type.items():
            if rest.startswith(utype + " "):
                return Org(f"{word} {rest[len(utype) + 1:]}", "party_committee", porg.level,
                           unit=porg.unit)
        return Org(f"Đảng ủy {rest}", "party_committee", porg.level, unit=porg.unit)

    def _cell(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        """A Party or mass cell of an organisation (``Chi bộ Vụ Ngân sách nhà nước``,
        ``Đảng ủy cơ quan Ban Kinh tế Trung ương``, ``Ban cán sự đảng UBND tỉnh``); written
        alone before a comma or at the end (``Bí thư Đảng ủy, Giám đốc Sở …``), a cell whose
        organisation the chain of posts gives (:func:`attach`)."""
        m = self.words.cells.match(toks, i)
        if m is None:
            return None
        (canon, kind), j = m
        joined = self.words.cell_joins.match(toks, j)
        k = j
        if joined is not None:
            canon = f"{canon} {' '.join(t.text for t in toks[j:joined[1]])}"
            k = joined[1]
        host = self.org(toks, k, ctx) if k < len(toks) and toks[k].cap else None
        if host is not None and host[0].kind != "place" and not host[0].bare:
            return host[0].body(canon, kind), host[1]
        if k == len(toks) or not toks[k].word:
            return Org(canon, kind, None, resolved=False, cell=True), k
        return None

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
        if low == "bộ" and toks[j].cap and (j + 1 == len(toks) or not toks[j + 1].cap):
            # "Chánh Văn phòng Bộ": the ministry the article names (Bodies.complete)
            return Org("Bộ", "government", "central", resolved=False, bare=True), j + 1
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
        if pt is None and canon in self.words.typed_only:
            return None  # "Phó Bí thư Đoàn, …", "Trưởng Đoàn công tác": no unit written
        if pt is None:
            prov = self.province_name(toks, j)
            if prov is not None:
                unit, end = prov
                return Org(f"{canon} {canon_place(unit)}", kind, "province", unit=unit), end
            central = self.words.central.match(toks, i)
            if central is not None and central[1] >= j:
                return None  # Ủy ban Mặt trận Tổ quốc Việt Nam with no place: the centre's
            if canon in ("Đảng bộ", "Đảng ủy"):
                return None
            return Org(canon, kind, None, resolved=False), j
        utype, place, end = pt
        written = self._unknown_place(toks, end) if place is None else None
        if written is not None:  # "UBND huyện Đông Sơn" (since merged): as written
            name = " ".join(t.text for t in toks[end:written])
            return Org(f"{canon} {utype} {name}", kind, self.words.levels.get(utype)), written
        if place is None:
            slot, end = self._slot_after(toks, end, f"{canon} {{}}", utype)
            return Org(f"{canon} {utype}", kind, self.words.levels.get(utype), False,
                       slot=slot), end
        return Org(f"{canon} {canon_place(place)}", kind, place.level, unit=place), end

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
        if pt is not None and pt[1] is not None and pt[1].level == "province":
            return Org(f"Sở {name} {canon_place(pt[1])}", "government", "province",
                       unit=pt[1]), pt[2]
        if pt is not None and pt[1] is None:  # "Sở Nội vụ tỉnh"
            slot, end = self._slot_after(toks, pt[2], f"Sở {name} {{}}", pt[0], "province")
            return Org(f"Sở {name}", "government", "province", False, slot=slot), end
        prov = self.province_name(toks, j)
        if prov is not None:
            return Org(f"Sở {name} {canon_place(prov[0])}", "government", "province",
                       unit=prov[0]), prov[1]
        slot = Slot(("tỉnh", "thành phố"), f"Sở {name} {{}}", True, "province")
        return Org(f"Sở {name}", "government", "province", resolved=False, slot=slot), j

    def lower_named(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        """An organisation written in lower case after a title (``Giám đốc bệnh viện đa khoa
        tỉnh Phú Thọ``, ``Trưởng ban quản lý dự án tỉnh X``): a generic head and a short
        lower-case run that ends with a place written with its type word, and only then
        (``Giám đốc bệnh viện cho biết`` is none); the head capitalised."""
        if i >= len(toks) or toks[i].cap or not toks[i].word:
            return None
        m = self.words.generic.match(toks, i)
        if m is None or m[0] not in self.words.lower_heads:
            return None  # ("nguyên GĐ chi nhánh TP.HCM": a branch of a body not written)
        r = self._generic(toks, i, ctx, lower=True)
        if r is None or r[0].unit is None or r[0].slot is not None:
            return None
        org, k = r
        if any(t.low in _LOWER_BREAKS for t in toks[i:k]):
            return None  # ("Giám đốc công ty ở tỉnh X": where it is, no name)
        return Org(org.name[0].upper() + org.name[1:], org.kind, org.level, parent=org.parent,
                   unit=org.unit), k

    def _generic(self, toks: list[Tok], i: int, ctx: Context, lower: bool = False
                 ) -> tuple[Org, int] | None:
        """An organisation named by a head and the run after it (``Vụ Ngân sách nhà nước``,
        ``Tổng công ty Điện lực miền Bắc``, ``Quân khu 7``, ``Ủy ban Kinh tế của Quốc hội``,
        ``Ban bồi thường giải phóng mặt bằng quận``): capitalised words, lower-case ones (up to
        six in a row, ``data/orgs.json`` ``name_phrases`` among them), ``các``/``và`` before a
        capitalised word, a hyphen, ``X, Y và Z``. It ends at a person's name, a title, a
        place (taken in, or its slot), a ministry or ``của`` and an owner (taken in, as ``, Bộ
        Công an`` after it), or punctuation; a lower-case run that goes on into the sentence
        (a verb such as ``đã``, or more than six words) is no part of it."""
        v = self.words
        m = v.generic.match(toks, i)
        if m is None:
            return None
        head, j = m
        n = len(toks)
        if j >= n or not toks[j].word:
            return None
        if head in v.numbered and (toks[j].text.isdigit() or _is_roman(toks[j].text)):
            return Org(f"{head} {toks[j].text}", "other", None), j + 1  # "Quân khu 7"
        # (a stop word capitalised with a second syllable after it is a name's word: "Cục
        # Báo chí")
        # (nor one that opens a phrase of a name: "Ban Quản lý dự án …")
        stop = toks[j].low in _STOP and not (
            toks[j].cap and j + 1 < n and toks[j + 1].word and not toks[j + 1].cap
            and _second_syllable(toks, j + 1, j, v.name_syllables)) and not (
            toks[j].low in v.name_phrases.root and v.name_phrases.match(toks, j))
        # (a head of two words may open its name with its first: "Bệnh viện Bệnh Nhiệt đới")
        if not (toks[j].cap or toks[i].cap or lower) or (
                j == i + 1 and toks[j].low == toks[i].low) or stop:
            return None  # ("ủy ban dân", "Ban cho biết", "Trưởng ban Ban Tổ chức": a title's)
        words = [head]
        k = j
        lower_run = 0  # words of the lower-case run at the end (a phrase is one)
        run_at = (1, j)  # (len(words), k) where that run began
        closed = True  # whether it is closed by a boundary
        unit: Unit | None = None
        type_roots = v.type_words.root
        while k < n and len(words) < 14:
            t = toks[k]
            if not t.word:
                if (t.text == "-" and words[-1] != "-" and k + 1 < n and toks[k + 1].word
                        and toks[k + 1].low not in self.post_words):
                    words.append("-")
                    k += 1
                    continue
                if t.text == "/" and toks[k - 1].text.isupper() and k + 1 < n and (
                        toks[k + 1].word and toks[k + 1].text.isupper()):
                    words[-1] += "/" + toks[k + 1].text  # "Cục Phòng, chống HIV/AIDS"
                    k += 2
                    continue
                if t.text == "," and ((lower_run == 0 and self._enumeration(toks, k + 1)) or (
                        k + 1 < n and f"{words[-1].lower()}, {toks[k + 1].low}" in (
                            v.comma_phrases))):
                    # "Ủy ban Khoa học, Công nghệ và Môi trường", "Cục Phòng, chống …", "Ban
                    # Chỉ đạo phòng, chống tham nhũng, tiêu cực" (a phrase in the lower-case
                    # run: it goes on, one of its words)
                    words[-1] += ","
                    k += 1
                    continue
                break
            # (a type word written in a name's words is none: "Viện Hàn lâm Khoa học Xã hội")
            # (nor one that opens a phrase of a name: "Ngân hàng Chính sách xã hội")
            pt = self.place_after_type(toks, k, ctx) if t.low in type_roots and not (
                t.cap and k + 1 < n and toks[k + 1].word and not toks[k + 1].cap) and not (
                t.low in v.name_phrases.root and v.name_phrases.match(toks, k)) else None
            if pt is not None:
                if pt[1] is not None:
                    unit = pt[1]
                    words.append(canon_place(unit))
                    k = pt[2]
                elif (w := self._unknown_place(toks, pt[2])) is not None:
                    words.extend([pt[0], *(x.text for x in toks[pt[2]:w])])  # as written
                    k = w
                else:  # "Ban bồi thường giải phóng mặt bằng quận": the place is to find
                    name = " ".join(words)
                    slot, k = self._slot_after(toks, pt[2], f"{name} {{}}", pt[0])
                    return Org(name, "other", None, False, slot=slot), k
                lower_run = 0
                break
            if t.cap:
                if self.is_name_start(toks, k) and not (k == j and self._ward_named(toks, k)) or (
                        self._title_inside(toks, k)):
                    break
                mr = self.ministry(toks, k, ctx)
                if mr is not None:  # "Vụ Tổ chức cán bộ Bộ Nội vụ": the ministry ends it
                    words.extend(x.text for x in toks[k:mr[1]])
                    return Org(" ".join(words), "other", None), mr[1]
                if t.low in v.local.root and len(words) > 1 and (
                        lr := self._local(toks, k, ctx)) is not None and (
                        lr[0].unit is not None or lr[0].slot is not None):
                    # "Ban Dân tộc HĐND tỉnh Nghệ An": a body of a local one, written with
                    # its unit's type, ends it (its place, or its slot, carried on)
                    return lr[0].body(" ".join(words), "other"), lr[1]
                lower_run = 0
            elif t.low == "của":
                owner = v.owners.match(toks, k + 1)
                if owner is not None:  # "Ủy ban Kinh tế của Quốc hội"
                    words.extend(x.text for x in toks[k:owner[1]])
                    return Org(" ".join(words), "other", None), owner[1]
                break
            elif t.low in v.name_enders.root and v.name_enders.match(toks, k) is not None:
                break  # "Công ty ALTA chia sẻ …": the verb ends the name
            elif t.low in _CONNECTORS and k + 1 < n and toks[k + 1].cap and (
                    toks[k + 1].word and not self.is_name_start(toks, k + 1)) and (
                    v.ranks.match(toks, k + 1) is None):  # ("Cục CSGT và Đại tá A": a rank)
                lower_run = 0  # "Vụ Tài chính các Ngân hàng", "Ban Tuyên giáo và Dân vận"
            elif lower_run == 0 and toks[j].cap and _second_syllable(toks, k, j,
                                                                     v.name_syllables):
                pass  # "Vụ Tổ chức", "Quân đội nhân dân": one word written "Xx yy"
            elif (lower_run or not toks[k - 1].cap) and t.low in _CONNECTORS and k + 1 < n and (
                    toks[k + 1].word and (not toks[k + 1].cap and toks[k + 1].low not in _STOP
                                          or toks[k + 1].low in v.name_phrases.root)):
                # "nhà và đô thị", "cao và các khu công nghiệp" (no word of the run); after a
                # syllable of the name ("Đoàn khối các cơ quan Trung ương") it opens the run
                if lower_run == 0:
                    run_at, lower_run = (len(words), k), 1
            else:
                phrase = v.name_phrases.match(toks, k) if t.low in v.name_phrases.root else None
                if lower_run == 0:
                    run_at = (len(words), k)
                if phrase is not None and lower_run < _LOWER_RUN:  # (one word of the run)
                    words.extend(x.text for x in toks[k:phrase[1]])
                    lower_run += 1
                    k = phrase[1]
                    continue
                if t.text.isdigit() and lower_run == 0 and toks[j].low in _STOP:
                    return None  # "Ban Quản lý Dự án 7": a name let in on a stop word, cut
                if t.text.isdigit() and len(t.text) <= 3 and lower_run == 0 and (
                        head in v.numbered or (
                            # "Bệnh viện Quân y 175": a number that is no count ("… 30-36
                            # tháng", "… 5 năm") ends any name
                            k + 1 >= n or toks[k + 1].text not in ("-", "–", "/", "%")
                            and toks[k + 1].low not in v.count_words
                            and toks[k + 1].low not in v.type_words.root
                            and not (toks[k + 1].text in (".", ",") and k + 2 < n
                                     and toks[k + 2].text.isdigit())  # (5,5 tỷ; 3.000)
                            # a lower-case word after it ends a name ("… 175 cho biết"), else
                            # it is what the number counts ("… 500 giường", "… 2 nhiệm kỳ")
                            and (not toks[k + 1].word or toks[k + 1].cap
                                 or toks[k + 1].low in _STOP
                                 or v.name_enders.match(toks, k + 1) is not None))):
                    words.append(t.text)  # "Ban Chỉ đạo Trung ương 6": its number ends it
                    k += 1
                    break
                if t.low in _STOP or t.text.isdigit() or lower_run >= _LOWER_RUN:
                    closed = lower_run == 0 or lower_run < _LOWER_RUN and t.low in _STOP
                    break
                lower_run += 1
            words.append(t.text)
            k += 1
        if not closed:  # the lower-case run goes on into the sentence: none of it is the name
            del words[run_at[0]:]
            k = run_at[1]
        if words[-1].endswith(","):  # no word after the comma taken in: the comma is undone
            words[-1] = words[-1][:-1]
            k -= 1
            if k + 1 < n and f"{words[-1].lower()}, {toks[k + 1].low}" in v.comma_phrases:
                return None  # ("Cục Phòng, chống …" cut inside its phrase: no name read)
        while len(words) > 1 and (words[-1] == "-" or words[-1] in _CONNECTORS):
            words.pop()
            k -= 1
        if len(words) == 1:
            return None
        if (k + 1 < n and toks[k].text in _BEFORE_MINISTRY and toks[k + 1].low == "bộ"
                and head in v.ministry_units):
            mr = self.ministry(toks, k + 1, ctx)  # "Cục An ninh điều tra, Bộ Công an",
            if mr is not None and (toks[k].text != "(" or (  # "… (Bộ Công an)": its ministry
                    mr[1] < n and toks[mr[1]].text == ")")):
                words.extend(x.text for x in toks[k + 1:mr[1]])
                end = mr[1] + (toks[k].text == "(")
                return Org(" ".join(words), "other", None, unit=unit), end
        # a board's organisation: "Hội đồng quản trị PVN" is PVN's; "Vụ Tổ chức cán bộ": of
        # a ministry (Bodies.complete)
        name = " ".join(words[1:])
        parent = name if head in v.boards else "Bộ" if (
            head in v.ministry_units and name in v.ministry_functions) else None
        return Org(" ".join(words), "other", None, parent=parent, unit=unit), k

    def _ward_named(self, toks: list[Tok], k: int) -> bool:
        """Whether the capitalised run at ``toks[k]``, right after a generic head, is the
        name of a ward or commune of the gazetteer, ending there (``Bệnh viện Bạch Mai``,
        ``Trường Tiểu học Kim Liên``): the organisation is named after the place, though a
        surname opens it."""
        e = k
        while e < len(toks) and toks[e].cap and toks[e].word:
            e += 1
        return 2 <= e - k <= 3 and self.gazetteer.is_unit_name(" ".join(t.text for t in toks[k:e]))

    def _enumeration(self, toks: list[Tok], k: int) -> bool:
        """Whether ``toks[k:]`` goes on a name as ``Y và Z`` or ``Y, Z và W`` (capitalised
        words, ``và`` and a capitalised word before any other mark), or as one lower-case
        item before ``và`` and a capitalised word (``Cục Kiểm nghiệm, giám sát chất lượng và
        Kiểm dịch quốc gia``: no word of it a stop word)."""
        n = len(toks)
        seen_word = False
        lower = k < n and toks[k].word and not toks[k].cap  # "Cục Kiểm nghiệm, giám sát …"
        for j in range(k, min(n, k + 8)):
            t = toks[j]
            if t.low == "và":
                return seen_word and j + 1 < n and toks[j + 1].cap
            if t.text == "," and not lower:
                continue
            if not (t.word and (t.cap or seen_word or lower)) or (t.cap and (
                    self.is_name_start(toks, j) or self._title_inside(toks, j))) or (
                    lower and t.low in _STOP):
                return False
            seen_word = True
        return False

    def _title_inside(self, toks: list[Tok], k: int) -> bool:
        """A title of two or more words (``Bí thư``, ``Chủ tịch``) ends a generic name."""
        m = self.titles.match(toks, k)
        return m is not None and m[1] - k >= 2

    def is_name_start(self, toks: list[Tok], k: int) -> bool:
        """A surname followed by one to three capitalised words, the run ending there, that
        names no province or district (``Hà Nội``, ``Hồ Chí Minh``)."""
        if toks[k].low not in self.words.surnames:
            return False
        n = 1
        while k + n < len(toks) and toks[k + n].cap and toks[k + n].word and n < 5:
            n += 1
        if not 2 <= n <= 4:
            return False
        is_place = self.gazetteer.is_place_name  # ("Hà Nội Nguyễn Văn A": Hà Nội is none)
        return not any(is_place(" ".join(t.text for t in toks[k:k + w])) for w in (2, 3)
                       if w <= n)


class Bodies:
    """The organisations an article names, in text order with their offsets: what a body
    written bare (``Chủ nhiệm UBKT Trần Cẩm Tú``, ``Trưởng Ban Tổ chức Lê Văn A``) is when
    its chain of posts does not say: the same body named last before it, in full (``Ủy ban
    Kiểm tra Trung ương``, ``Ban Tổ chức Tỉnh ủy Nghệ An``)."""

    def __init__(self, named: Sequence[tuple[int, Org]] = ()) -> None:
        self.starts = [at for at, _ in named]
        self.orgs = [org for _, org in named]
        # (holder, title, ministry) of the minister's posts given the only ministry named
        # before them (see partyx.rules.people._placed)
        self.guessed: list[tuple[str, str, str]] = []

    def complete(self, org: Org, at: int) -> Org:
        """``org`` in full as named last before ``at``, else as it is; a body of a bare
        ``Bộ`` (``Văn phòng Bộ``, ``Vụ Tổ chức cán bộ``) of the ministry named before it, the
        only one named there."""
        before = bisect.bisect_left(self.starts, at)
        if org.parent == "Bộ":
            ministries = {o.name: o for o in self.orgs[:before] if is_ministry(o)}
            if len(ministries) == 1:
                return _of_ministry(org, next(iter(ministries.values())))
            return org
        head = org.name + " "
        for i in range(before - 1, -1, -1):
            full = self.orgs[i]
            if full.name.startswith(head) and not full.bare:
                return full
        return org

    def ministry_before(self, at: int) -> Org | None:
        """The only ministry named before ``at``, else None."""
        found = {o.name: o for o in self.orgs[:bisect.bisect_left(self.starts, at)]
                 if is_ministry(o)}
        return next(iter(found.values())) if len(found) == 1 else None

    def named_before(self, org: Org, at: int) -> Org:
        """A local body read with no place word (:func:`is_local_alone`: ``Chủ tịch UBND
        Nguyễn Văn A``) as the article named it in full before ``at`` (``UBND tỉnh Hà
        Giang``), where every such body it named is that one; else as it is (``UBND tỉnh X``
        and ``UBND huyện Y`` named: which, the text does not say)."""
        head = org.name + " "
        named = {o.name: o for o in self.orgs[:bisect.bisect_left(self.starts, at)]
                 if o.unit is not None and o.name.startswith(head)}
        return next(iter(named.values())) if len(named) == 1 else org

    def party_of(self, org: Org, at: int, since: int) -> Org:
        """A ``Đảng ủy`` no post of its chain owns (``Đảng bộ Quân sự TP Hải Phòng do ông A,
        …, là Bí thư Đảng ủy``): the Party organisation of an agency named last in its
        sentence (from ``since``), else as it is. A Party organisation of a level (``Đảng bộ
        tỉnh``) has a committee of its own name (Tỉnh ủy), which this is not."""
        if not is_party_alone(org):
            return org
        for i in range(bisect.bisect_left(self.starts, at) - 1, -1, -1):
            if self.starts[i] < since:
                break
            full = self.orgs[i]
            words = full.name.split()
            if (full.kind == "party_organization" and words[:2] == ["Đảng", "bộ"]
                    and len(words) > 2 and level_of(words[2]) is None):
                return full
        return org


@cache
def _named_before() -> frozenset[str]:
    return frozenset(load("orgs")["named_before"])


def is_local_alone(org: Org | None) -> TypeGuard[Org]:
    """A local body read with no place word after it (``Chủ tịch UBND Nguyễn Văn A``): of
    what level it is, the text does not say (``orgs.json`` ``named_before``)."""
    return org is not None and not org.resolved and org.slot is None and org.unit is None and (
        org.name in _named_before())


def is_party_alone(org: Org | None) -> TypeGuard[Org]:
    """``Đảng ủy`` read with no organisation of its own."""
    return org is not None and org.name == "Đảng ủy" and not org.resolved and org.slot is None


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


def capitalised(words: list[str]) -> list[str]:
    """The leading words of a name: capitalised or a number (``Quận 1``)."""
    out = []
    for w in words:
        if not (w[:1].isupper() or w.isdigit()):
            break
        out.append(w)
    return out


# --- which place: the one resolver ---------------------------------------------------------

_PROVINCE_TYPES = frozenset(PROVINCE_TYPES)
_BEFORE = 2000  # how far back the paragraphs before an organisation are evidence


class Whereabouts:
    """Which place an organisation of an article belongs to, when the text leaves it out: the
    one resolver for posts, congresses and membership (see module docstring).

    Built once per article from the units the places stage found in the body
    (:class:`~partyx.record.PlaceMention`, with offsets) and the article's place context. The
    nearest evidence wins: the other posts of the same chain, the sentence, what the article
    already said of the person, the paragraph, the article. No place is ever a default: where
    no evidence fits, the organisation stays unplaced."""

    def __init__(self, text: str, mentions: Sequence[PlaceMention] = (),
                 context: PlaceContext | None = None, gazetteer: Gazetteer | None = None
                 ) -> None:
        self.text = text or ""
        self.gazetteer = gazetteer or get_gazetteer()
        self._mentions = mentions
        self._context = context
        # made when first asked for (most articles ask nothing of a congress or membership)
        self._starts: list[int] | None = None
        self._units: list[Unit] = []
        self._article: list[Unit] | None = None
        self._in_article_memo: dict[tuple[tuple[str, ...], str | None], Unit | None] = {}

    @property
    def units(self) -> list[Unit]:
        """The units named in the body, in text order (``starts``: their offsets)."""
        if self._starts is None:
            self._index()
        return self._units

    @property
    def starts(self) -> list[int]:
        return self._index() if self._starts is None else self._starts

    def _index(self) -> list[int]:
        named = sorted(self._mentions, key=_START)
        self._units = [Unit(m.type, m.name, m.province, None, m.level) for m in named]
        self._starts = starts = [m.start for m in named]
        return starts

    @property
    def article(self) -> list[Unit]:
        """The units of the article's place context: its province, then its district (a
        city's committee is the province's when that is a city, else the district's)."""
        if self._article is None:
            gaz, context = self.gazetteer, self._context
            province = district = None
            if context is not None:
                province = gaz.province(context.province) if context.province else None
                d = context.district
                if d:
                    found = [u for u in gaz.lookup(d.type, d.name)
                             if province is None or u.province == province.name]
                    district = found[0] if found else None
            self._article = [u for u in (province, district) if u is not None]
        return self._article

    # -- evidence ----------------------------------------------------------------------
    def _fits(self, unit: Unit, types: tuple[str, ...], level: str | None,
              implied: bool) -> Unit | None:
        """``unit`` itself when it may fill a slot of ``types`` (and ``level``); with
        ``implied``, the province it lies in (``huyện Vĩnh Thạnh`` for ``Tỉnh ủy``)."""
        if not implied:  # (a unit the gazetteer does not know, of any level)
            ok = unit.type in types and (level is None or unit.level in (level, UNKNOWN))
            return unit if ok else None
        if unit.level == "province" or not unit.province or _PROVINCE_TYPES.isdisjoint(types):
            return None
        prov = self.gazetteer.province(unit.province)
        return prov if prov is not None and prov.type in types else None

    def _nearest(self, evidence: Sequence[tuple[int, Unit]], types: tuple[str, ...],
                 level: str | None, at: int) -> Unit | None:
        """The unit of ``evidence`` ((offset, unit) pairs) nearest to ``at`` that fits (the
        earlier of two as near); the units named fit first, the provinces they imply then."""
        for implied in (False, True):
            best = None
            for pos, unit in evidence:
                fit = self._fits(unit, types, level, implied)
                if fit is not None:
                    key = (abs(pos - at), pos > at)
                    if best is None or key < best[0]:
                        best = (key, fit)
            if best is not None:
                return best[1]
        return None

    def _named(self, lo: int, hi: int) -> list[tuple[int, Unit]]:
        """The units named in ``text[lo:hi]``, with their offsets."""
        starts = self.starts
        a = bisect.bisect_left(starts, lo)
        b = bisect.bisect_left(starts, hi, a)
        return list(zip(starts[a:b], self._units[a:b], strict=True))

    def _sentence(self, lo: int, hi: int, at: int) -> tuple[int, int]:
        """The bounds of the sentence around ``at`` in the paragraph ``text[lo:hi]``: after
        the last ``.``, ``!`` or ``?`` and a blank before it, up to the first after it (by
        ``str.rfind``/``str.find``: asked for each organisation placed)."""
        text = self.text
        start = text.rfind(". ", lo, at)  # (the rare ! and ? only after the nearest dot)
        after = max(lo, start + 1)
        start = max(start, text.rfind("! ", after, at), text.rfind("? ", after, at))
        end = text.find(". ", at, hi)
        stop = hi if end < 0 else end
        ends = [i for i in (end, text.find("! ", at, stop), text.find("? ", at, stop)) if i >= 0]
        return (lo if start < lo else start + 2), (min(ends) + 1 if ends else hi)

    def sentence_start(self, at: int) -> int:
        """Where the sentence around offset ``at`` begins."""
        lo, hi = self._paragraph(at)
        return self._sentence(lo, hi, at)[0]

    def _paragraph(self, at: int) -> tuple[int, int]:
        text = self.text
        end = text.find("\n", at)
        return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end

    def unit(self, slot: Slot, at: int | None, chain: Sequence[tuple[int, Unit]] = (),
             said: Sequence[Unit] = ()) -> Unit | None:
        """The unit that fills ``slot`` for an organisation at offset ``at`` of the text
        (``None``: in the headline), or None. ``chain``: the units the other posts of its
        chain name, with their offsets; ``said``: those of the person's posts read before."""
        types, level = slot.types, slot.level
        if slot.near:  # "UBND tỉnh này": the unit of that type named last
            if at is None:
                return None
            before = self._named(0, at)
            last = next((u for _, u in reversed(before) if self._fits(u, types, level, False)),
                        None)
            return None if last is None or last.level == UNKNOWN else last
        where = -1 if at is None else at
        found = self._nearest(chain, types, level, where) if chain else None
        paragraph: list[tuple[int, Unit]] = []
        lo = 0
        listed = False  # an item of a list whose other items name several units
        if found is None and at is not None:
            lo, hi = self._paragraph(at)
            paragraph = self._named(lo, hi)
            if paragraph:  # (a sentence lies in its paragraph: a line ends both)
                s_lo, s_hi = self._sentence(lo, hi, at)
                sentence = [(pos, u) for pos, u in paragraph if s_lo <= pos < s_hi]
                found, listed = self._in_item(sentence, types, level, at, s_lo, s_hi)
        if found is None:
            for implied in (False, True):
                found = next((f for u in reversed(said)
                              if (f := self._fits(u, types, level, implied)) is not None), None)
                if found is not None:
                    break
        if found is None and at is not None and not listed:
            found, named = self._agreed(paragraph, types, level)
            # the paragraphs before, nearest first: the first that names a fitting unit
            floor = max(0, lo - _BEFORE)
            starts = self.starts
            while found is None and not named and lo > floor and (
                    bisect.bisect_left(starts, floor) < bisect.bisect_left(starts, lo)):
                lo, hi = self._paragraph(lo - 1)
                found, named = self._agreed(self._named(max(lo, floor), hi), types, level)
        if found is None and not listed:
            found = self._in_article(types, level)
        # the nearest evidence a unit the gazetteer does not know (tỉnh Xiêng Khoảng, another
        # country's): the place is written but cannot be named, and none other is taken
        return None if found is not None and found.level == UNKNOWN else found

    def _in_item(self, sentence: list[tuple[int, Unit]], types: tuple[str, ...],
                 level: str | None, at: int, lo: int, hi: int) -> tuple[Unit | None, bool]:
        """The sentence's evidence for an organisation at ``at`` (the sentence ``text[lo:hi]``,
        its units ``sentence``): the unit nearest to it; in a list whose items a semicolon
        ends the nearest in its own item, else in the items before it, nearest first (a list
        of officials by province writes a province once: ``ông A, Bí thư Tỉnh ủy Hà Tĩnh; ông
        B, Chủ tịch UBND tỉnh; ông C, Bí thư Tỉnh ủy Quảng Bình; ông D, Chủ tịch UBND tỉnh``),
        else the one unit the items after it agree on, never one of several there (``ông A,
        Giám đốc Sở Tài chính; ông B, … tỉnh Bình Định; ông C, … tỉnh Gia Lai``). (unit or
        None, whether the items after it name several units that fit: then nothing further
        away is evidence either)."""
        if not sentence:
            return None, False
        semi = self.text.find(";", lo, hi)
        if semi < 0:  # (most sentences)
            return self._nearest(sentence, types, level, at), False
        a = self.text.rfind(";", lo, at) + 1 or lo
        b = self.text.find(";", at, hi)
        b = hi if b < 0 else b
        found = self._nearest([(pos, u) for pos, u in sentence if a <= pos < b], types,
                              level, at) or self._nearest(
            [(pos, u) for pos, u in sentence if pos < a], types, level, at)
        if found is not None:
            return found, False
        found, named = self._agreed([(pos, u) for pos, u in sentence if pos >= b], types, level)
        return found, found is None and named

    def _agreed(self, evidence: Sequence[tuple[int, Unit]], types: tuple[str, ...],
                level: str | None) -> tuple[Unit | None, bool]:
        """(the unit all the fitting units of ``evidence`` are, else None; whether any
        fits): units named first, the provinces they imply then."""
        for implied in (False, True):
            fits = {f for _, u in evidence if (f := self._fits(u, types, level, implied))}
            if fits:
                return (fits.pop() if len(fits) == 1 else None), True
        return None, False

    def _in_article(self, types: tuple[str, ...], level: str | None) -> Unit | None:
        """The one unit of the article that fits: the only one of its units named that does,
        else its place context's (none where the article is about several: see
        :func:`partyx.rules.places.context`)."""
        key = (types, level)
        memo = self._in_article_memo
        if key not in memo:
            named = {u for u in self.units if self._fits(u, types, level, False)}
            memo[key] = named.pop() if len(named) == 1 else next(
                (u for u in self.article if self._fits(u, types, level, False)), None)
        return memo[key]

    # -- organisations ---------------------------------------------------------------------
    def place(self, org: Org, at: int | None, chain: Sequence[tuple[int, Unit]] = (),
              said: Sequence[Unit] = ()) -> Org:
        """``org`` with its place filled in when it lacks one and evidence gives it."""
        if org.slot is None:
            return org
        unit = self.unit(org.slot, at, chain, said)
        return org if unit is None else org.placed(unit)

    def place_chain(self, chain: Sequence[tuple[int, Org | None]], said: Sequence[Unit] = ()
                    ) -> list[Org | None]:
        """The organisations of a chain of posts (with their offsets), each placed from the
        places the others name first (``Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bình Dương``:
        ``Tỉnh ủy Bình Dương``)."""
        if all(o is None or o.slot is None for _, o in chain):
            return [o for _, o in chain]  # (most chains: nothing to place)
        named = [(pos, o.unit) for pos, o in chain if o is not None and o.unit is not None]
        return [o if o is None else self.place(o, pos, named, said) for pos, o in chain]

    def party_body(self, level: str | None, place: str | None, at: int | None
                   ) -> str | None:
        """``Đảng bộ <level> <place>``, the place resolved (as an organisation's) when not
        written, the level from the gazetteer when only a province is written. ``None`` when
        neither is given; ``Đảng bộ <level>`` when the place cannot be known."""
        place = (place or "").strip() or None
        if level is None and place is None:
            return None
        if level is None:
            unit = _province(place)  # (a place: both cannot be None)
            if unit is not None:
                return f"Đảng bộ {unit.type} {unit.name}"
            return f"Đảng bộ {place}"
        if place is None:
            found = self.unit(Slot((level,), "{}", False), at)
            place = found.name if found is not None else None
        elif level in _PROVINCE_TYPES:
            unit = _province(place)
            if unit is not None and unit.type == level:
                place = unit.name
        return f"Đảng bộ {level} {place}" if place else f"Đảng bộ {level}"

    def committee_body(self, word: str, place: str | None, at: int | None) -> str | None:
        """``Quận ủy Thanh Xuân`` -> ``Đảng bộ quận Thanh Xuân``; ``None`` for other words."""
        level = committee_level(word)
        return self.party_body(level, place, at) if level else None
