"""Posts: a title and the organisation it belongs to, parsed from tokens.

A post is written as a title (``Phó Bí thư Thường trực``) and, most often, an organisation
(``Thành ủy``, ``Ban Tổ chức Thành ủy Hà Nội``, ``HĐND quận Long Biên``, ``Bộ Xây dựng``).
:class:`PostParser` reads one post at a token position; :meth:`PostParser.chain` reads a
chain of them (``Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy``), with ranks and
degrees (``Thượng tướng``, ``TS``) allowed between and ``nguyên`` marking a former post.

Organisations get a canonical name with their place: written in full, or resolved from the
article's ``place_context`` when the text leaves it out (``Thành ủy`` in an article about
quận Long Biên is ``Thành ủy Hà Nội``; ``HĐND Quận`` is ``Hội đồng nhân dân quận Long
Biên``). Where no place can be known the name stays as written (``Ủy ban nhân dân xã``).
All vocabulary comes from ``data/titles.json``, ``data/orgs.json`` and ``data/places.json``.

Canonical forms follow SPEC: ``Ủy viên Trung ương Đảng`` is ``Ủy viên`` of ``Ban Chấp hành
Trung ương Đảng``; ``Thành ủy viên`` is ``Ủy viên`` of ``Thành ủy <place>``; ``Trưởng ban
Tổ chức Thành ủy`` is ``Trưởng ban`` of ``Ban Tổ chức Thành ủy <place>``; ``Ban Chấp hành
Đảng bộ tỉnh X`` is ``Tỉnh ủy X``; title-only posts (``Tổng Bí thư``, ``Thủ tướng``) have no
organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partyx.data import load
from partyx.lang.tokens import Tok, Tokenizer, Trie
from partyx.rules.gazetteer import Gazetteer, Unit
from partyx.rules.gazetteer import get as get_gazetteer

# "thành phố" -> "Thành ủy": the inverse of the committee table in data/bodies.json.
COMMITTEE_OF_TYPE = {unit: word[0].upper() + word[1:]
                     for word, unit in load("bodies")["committees"].items()}
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
_TERM_WORDS = frozenset({"khóa", "nhiệm"})  # the first words _finish looks for
_COMMITTEE_BODIES = frozenset({"Ban Thường vụ", "Ban Chấp hành"})


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
    name: str
    kind: str
    level: str | None
    resolved: bool = True  # False: a place word with no place (Ủy ban nhân dân xã)
    parent: str | None = None  # the committee or body it belongs to (Thành ủy Hà Nội)
    bare: bool = False  # a body of a committee written without it (Ban Thường vụ)


@dataclass
class Post:
    title: str
    org: Org | None
    status: str  # "current" | "former"
    start: int  # token indices [start, end)
    end: int
    text: str = ""
    shared: bool = False  # written once before a list of people

    def key(self) -> tuple[str, str | None]:
        return (self.title, self.org.name if self.org else None)


@dataclass
class Context:
    """Where the article is (place_context), as gazetteer units."""

    province: Unit | None = None
    district: Unit | None = None

    @classmethod
    def from_extras(cls, ctx: dict | None, gaz: Gazetteer) -> Context:
        if not ctx:
            return cls()
        province = gaz.province(ctx["province"]) if ctx.get("province") else None
        district = None
        d = ctx.get("district")
        if d:
            found = [u for u in gaz.lookup(d["type"], d["name"])
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


def _inherit_parents(posts: list[Post]) -> None:
    """``Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Huyện ủy Chư Sê``: a body written without
    its committee takes the committee of the next post in the chain."""
    for i, p in enumerate(posts):
        if p.org is None or not p.org.bare:
            continue
        # not a company's board ("Ban cán sự đảng, Chủ tịch HĐQT PVN"); a committee's own
        # body only of a Party organ ("Ủy viên Thường vụ, Phó Chủ tịch HĐND" is no HĐND's)
        party_only = p.org.name in _COMMITTEE_BODIES
        others = [q for q in posts[i + 1:] if q.org is not None and not q.org.bare
                  and q.org.kind != "other" and q.org.name != "Đảng ủy"  # whose? unknown
                  and (not party_only or q.org.kind in ("party_committee", "party_board"))]
        if others:
            q = others[0].org
            parent = q.parent or q.name
            p.org = Org(f"{p.org.name} {parent}", p.org.kind, q.level, q.resolved, parent)


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


def _canon_place(unit: Unit) -> str:
    return f"{unit.type} {unit.name}"


_NAMES_WITH_TYPE = frozenset(load("places").get("names_with_type", []))


def _unit_name(unit: Unit) -> str:
    """A unit's name after a committee word: ``Long Biên``; ``quận 2`` for a number;
    ``thành phố Hồ Chí Minh`` for a name that is also a person's."""
    if unit.name[:1].isdigit() or unit.name in _NAMES_WITH_TYPE:
        return _canon_place(unit)
    return unit.name


@dataclass
class Vocab:
    tokenizer: Tokenizer
    titles: Trie
    standalone: set[str]
    implied: dict[str, Trie]
    org_within: dict[str, tuple[int, str]]
    fillers: Trie
    members: Trie
    body_members: Trie
    status: dict[str, str]
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
    org_overrides: dict[str, dict[str, str]]
    name_syllables: frozenset[str] = field(default_factory=frozenset)
    surnames: frozenset[str] = field(default_factory=frozenset)


def load_vocab() -> Vocab:
    t, o, p = load("titles"), load("orgs"), load("places")
    type_words = {k: v for k, v in p["type_words"].items() if k not in ("tp", "tp.")}
    return Vocab(
        tokenizer=Tokenizer(o["abbreviations"]),
        titles=Trie(t["titles"]),
        standalone=set(t["standalone"]),
        implied={k: Trie(dict.fromkeys(v, True)) for k, v in t["implied_org"].items()},
        org_within={k: (n, title) for k, (n, title) in t["org_within"].items()},
        fillers=Trie(dict.fromkeys(t["fillers"], True)),
        members=Trie(t["member_words"]),
        body_members=Trie({k: tuple(v) for k, v in t["body_members"].items()}),
        status=t["status_words"],
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
        org_overrides=t.get("org_overrides", {}),
        name_syllables=frozenset(o["name_syllables"]),
        surnames=frozenset(s.lower() for s in load("names")["surnames"]),
    )


class PostParser:
    """Parses posts and organisations at token positions (see module docstring)."""

    def __init__(self, vocab: Vocab | None = None, gaz: Gazetteer | None = None) -> None:
        self.v = vocab or load_vocab()
        self.gaz = gaz or get_gazetteer()
        v = self.v
        # first words of every organisation phrase: a cheap test before a full parse
        self.org_first_words = frozenset(
            w for trie in (v.committees, v.wrappers, v.local, v.central) for w in trie.root
        ) | {"bộ", "sở"}
        self._places: dict[tuple, tuple[Unit | None, int]] = {}  # memo of _longest_place
        # each central body's Org, made once (an Org is never changed: it can be shared)
        self._central_orgs = {value: Org(value[0], value[1], "central")
                              for value in _values(v.central.root)}
        # memo of org(): (id(toks), id(ctx)) -> (toks, ctx, position -> result); the last
        # one used, at hand (see _memo_for)
        self._memos: dict[tuple[int, int], tuple[list[Tok] | None, Context | None, dict]] = {}
        self._memo_last: tuple[list[Tok] | None, Context | None, dict] = (None, None, {})
        # first words of a status, title, member, filler or body-member phrase
        self.post_first_words = frozenset(v.status).union(
            v.titles.root, v.members.root, v.fillers.root, v.body_members.root)
        self._post_heads = frozenset(v.titles.root).union(v.members.root, v.body_members.root)
        # first word -> the organisation readers that may start with it, in priority order
        # (on equal length: a committee, then a central body — Ban Chấp hành Trung ương
        # Đảng is one body, not Ban Chấp hành + Trung ương —, then the rest)
        # Each reader also gets the words that may follow the first one in a phrase it reads,
        # or None when it reads a one-word phrase: most capitalised words that start an
        # organisation are followed by none of them ("Đảng và Nhà nước", "Công an"), and
        # that one set test saves the reader's call and its trie match, which would fail.
        readers = ((v.committees.root, self._committee), (v.central.root, self._central),
                   (v.wrappers.root, self._wrapper), (v.local.root, self._local),
                   ({"bộ": v.ministries.root}, self._ministry),
                   ({"sở": v.departments.root}, self._department))
        # the bodies a wrapper may belong to, in order, with the first words of their phrases
        self._parent_readers = ((v.committees.root, self._committee), (v.local.root, self._local),
                                (v.central.root, self._central), ({"bộ"}, self._ministry))
        self._org_readers: dict[str, tuple] = {
            w: tuple((fn, _next_words(firsts[w])) for firsts, fn in readers if w in firsts)
            for w in self.org_first_words}
        # first word -> the words that may follow it in an organisation's name, or None when
        # it may be one alone: no reader is called before another word (most are)
        self._org_seconds: dict[str, frozenset[str] | None] = {
            w: None if any(nexts is None for _, nexts in rs)
            else frozenset().union(*(nexts for _, nexts in rs))
            for w, rs in self._org_readers.items()}

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
        while j < n and len(words) < self.gaz.max_words:
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
                found = self.gaz.lookup(utype, name)
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
        m = self.v.type_words.match(toks, i)
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
            found = memo.get(i, memo)  # (memo itself: not read yet)
            if found is memo:
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

    def _committee(self, toks, i, ctx):
        m = self.v.committees.match(toks, i)
        if m is None:
            return None
        (canon, utype), j = m
        return self._committee_of(canon, utype, toks, j, ctx)

    def _committee_of(self, canon: str, utype: str, toks, j, ctx):
        types = ("thành phố",) if utype == "thành phố" else (utype,)
        k = j
        tw = self.v.type_words.match(toks, j)  # Thành ủy TP.HCM, Thành ủy Thành phố Hồ Chí Minh
        if tw is not None and tw[0] == utype:
            k = tw[1]
        found = self.place(toks, k, types)
        if found:
            unit, end = found
            return Org(f"{canon} {_unit_name(unit)}", "party_committee", unit.level), end
        unit = ctx.unit_for(utype)
        if unit is not None:
            return Org(f"{canon} {_unit_name(unit)}", "party_committee", unit.level), j
        level = "province" if utype in ("tỉnh", "thành phố") else "district"
        return Org(canon, "party_committee", level, resolved=False), j

    def _central(self, toks, i, ctx):
        m = self.v.central.match(toks, i)
        if m is None:
            return None
        return self._central_orgs[m[0]], m[1]

    def _wrapper(self, toks, i, ctx):
        m = self.v.wrappers.match(toks, i)
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
        for utype, word in COMMITTEE_OF_TYPE.items():
            if rest.startswith(utype + " "):
                return Org(f"{word} {rest[len(utype) + 1:]}", "party_committee", porg.level)
        return Org(f"Đảng ủy {rest}", "party_committee", porg.level)

    def parent(self, toks, j, ctx) -> tuple[Org, int] | None:
        """The committee or body a wrapper (Ban Thường vụ, Ban Tổ chức …) belongs to."""
        if j >= len(toks):
            return None
        v = self.v
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

    def _local(self, toks, i, ctx):
        m = self.v.local.match(toks, i)
        if m is None:
            return None
        (canon, kind), j = m
        skip = _skip_term(toks, j)  # "Đoàn Đại biểu Quốc hội khóa XIV đơn vị thành phố X"
        if skip > j and self.v.type_words.match(toks, skip) is not None:
            j = skip
        pt = self.place_after_type(toks, j, ctx)
        if pt is None:
            prov = self.province_name(toks, j)
            if prov is not None:
                unit, end = prov
                return Org(f"{canon} {_canon_place(unit)}", kind, "province"), end
            central = self.v.central.match(toks, i)
            if central is not None and central[1] >= j:
                return None  # Ủy ban Mặt trận Tổ quốc Việt Nam with no place: the centre's
            if canon in ("Đảng bộ", "Đảng ủy"):
                return None
            return Org(canon, kind, None, resolved=False), j
        utype, unit, end = pt
        if unit is None:
            return Org(f"{canon} {utype}", kind, self.v.levels.get(utype), False), end
        return Org(f"{canon} {_canon_place(unit)}", kind, unit.level), end

    def _ministry(self, toks, i, ctx, bare: bool = False):
        j = i
        if not bare:
            if i >= len(toks) or toks[i].low != "bộ":
                return None
            j = i + 1
        m = self.v.ministries.match(toks, j)
        if m is None:
            return None
        return Org(f"Bộ {m[0]}", "government", "central"), m[1]

    def _department(self, toks, i, ctx):
        if i >= len(toks) or toks[i].low != "sở":
            return None
        m = self.v.departments.match(toks, i + 1)
        if m is None:
            return None
        name, j = m
        pt = self.place_after_type(toks, j, ctx)
        if pt is not None and pt[1] is not None:
            return Org(f"Sở {name} {_canon_place(pt[1])}", "government", "province"), pt[2]
        prov = self.province_name(toks, j)
        if prov is not None:
            return Org(f"Sở {name} {_canon_place(prov[0])}", "government", "province"), prov[1]
        unit = ctx.province
        if unit is not None:
            return Org(f"Sở {name} {_canon_place(unit)}", "government", "province"), j
        return Org(f"Sở {name}", "government", "province", resolved=False), j

    def _generic(self, toks, i, ctx):
        m = self.v.generic.match(toks, i)
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
                        and not self.starts_post(toks[k + 1])):
                    words.append("-")
                    k += 1
                    continue
                break
            pt = self.place_after_type(toks, k, ctx)
            if pt is not None and pt[1] is not None:
                words.append(_canon_place(pt[1]))
                k = pt[2]
                break
            if t.cap:
                if self.is_name_start(toks, k) or self._title_inside(toks, k):
                    break
                mr = self._ministry(toks, k, ctx)
                if mr is not None:  # "Vụ Tổ chức cán bộ Bộ Nội vụ": the ministry ends it
                    words.extend(x.text for x in toks[k:mr[1]])
                    k = mr[1]
                    lower_run = 0
                    break
                lower_run = 0
            elif t.low in _CONNECTORS and k + 1 < len(toks) and toks[k + 1].cap and (
                    toks[k + 1].word and not self.is_name_start(toks, k + 1)):
                lower_run = 0  # "Vụ Tài chính các Ngân hàng", "Ban Tuyên giáo và Dân vận"
            elif lower_run == 0 and _second_syllable(toks, k, j, self.v.name_syllables):
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
        m = self.v.titles.match(toks, k)
        return m is not None and m[1] - k >= 2

    def is_name_start(self, toks: list[Tok], k: int) -> bool:
        """A surname followed by one to three capitalised words, the run ending there."""
        if toks[k].low not in self.v.surnames:
            return False
        n = 1
        while k + n < len(toks) and toks[k + n].cap and toks[k + n].word and n < 5:
            n += 1
        return 2 <= n <= 4

    # -- posts ---------------------------------------------------------------------------
    def post(self, toks: list[Tok], i: int, ctx: Context) -> Post | None:
        """One post at ``toks[i]`` (``nguyên`` first marks it former), or None."""
        v = self.v  # (the hot path: each test on a word before the call it saves)
        n = len(toks)
        if i >= n:
            return None
        status = "current"
        start = i
        head = toks[i].low
        if head in v.status:
            status = v.status[head]
            i += 1
            if i >= n:
                return None
            head = toks[i].low
        if head not in self._post_heads:
            return None
        m = v.members.match(toks, i) if head in v.members.root else None
        if m is not None:
            committee, j = m
            r = self._committee(toks, i, ctx) if committee != "Đảng ủy" else None
            if r is not None and r[0].name.startswith(committee):
                org = r[0]
            elif committee == "Đảng ủy":
                org = Org("Đảng ủy", "party_committee", None, resolved=False)
            else:
                (canon, utype), _ = self.v.committees.match(toks, i)
                org = self._committee_of(canon, utype, toks, j, ctx)[0]
            return Post("Ủy viên", org, status, start, j)
        if head in v.body_members.root:
            body = self._body_member(toks, i, ctx, status, start)
            if body is not None:
                return body
        m = v.titles.match(toks, i)
        if m is None:
            return None
        title, j = m
        org = None
        end = j
        within = v.org_within.get(title)
        if within is not None:
            back, short = within
            r = self.org(toks, j - back, ctx, generic=False)
            if r is not None and r[1] > j:
                org, end = r
                title = short
        if org is None:
            implied = v.implied.get(title)
            if implied is not None:
                im = implied.match(toks, j)
                if im is not None:
                    return self._finish(Post(title, None, status, start, im[1]), toks)
            if title in ("Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực"):
                r = self._ministry(toks, j, ctx) or self._ministry(toks, j, ctx, bare=True)
            else:  # a standalone title takes no organisation guessed from capitals
                r = self.org(toks, j, ctx, generic=title not in v.standalone)
            if r is not None:
                org, end = r
            elif title not in v.standalone:
                org, end = self._place_as_org(toks, j, ctx, end)
        if org is not None:
            overrides = v.org_overrides.get(title)
            meant = overrides.get(org.name) if overrides else None
            if meant is not None:
                org = Org(meant, org.kind, org.level)
        post = Post(title, org, status, start, end)
        # a term after it? (most posts have none: one set test before the call)
        return self._finish(post, toks) if end < n and toks[end].low in _TERM_WORDS else post

    def _body_member(self, toks: list[Tok], i: int, ctx: Context, status: str, start: int
                     ) -> Post | None:
        """``Thường vụ Tỉnh ủy``, ``Ủy viên Thường vụ Huyện ủy``: a member of a committee's
        body written short. Before a comma with no committee (``Ủy viên Thường vụ, Trưởng ban
        Tổ chức Huyện ủy``) the body is bare and takes the next post's committee."""
        m = self.v.body_members.match(toks, i)
        if m is None or (i > 0 and toks[i - 1].low in ("ban", "ủy")):
            return None  # "của Ban Thường vụ Thành ủy, …" is the body, no member
        (title, body), j = m
        r = self._committee(toks, j, ctx)
        if r is not None:
            org, end = r
            return Post(title, Org(f"{body} {org.name}", org.kind, org.level, org.resolved,
                                   parent=org.name), status, start, end)
        if j < len(toks) and toks[j].low == ",":
            return Post(title, Org(body, "party_committee", None, resolved=False, bare=True),
                        status, start, j)
        return None

    def _place_as_org(self, toks, j, ctx, end) -> tuple[Org | None, int]:
        """``Bí thư TP.HCM``, ``Chủ tịch tỉnh Yên Bái``: a title with a place for its body,
        kept as written."""
        tw = self.v.type_words.match(toks, j)
        if tw is not None:
            found = self.place(toks, tw[1], (tw[0],))
            if found is not None:
                return Org(_canon_place(found[0]), "place", found[0].level), found[1]
        n = len(toks)
        if (j + 1 < n and toks[j].low == "đảng" and toks[j + 1].low == "ủy" and toks[j].cap
                and (j + 2 == n or not toks[j + 2].word)):
            # "Bí thư Đảng ủy, Chủ tịch HĐTV PVN": a Party committee named by the chain's
            # other posts, kept as written (not before "cơ quan", "công ty" …)
            return Org("Đảng ủy", "party_committee", None, resolved=False), j + 2
        return None, end

    def _finish(self, post: Post, toks: list[Tok]) -> Post:
        """Swallow a term written after the post (``nhiệm kỳ 2015 - 2020``, ``khóa XII``)."""
        k = post.end
        n = len(toks)
        if k < n and toks[k].low == "khóa" and k + 1 < n and toks[k + 1].word:
            post.end = k + 2
        elif k + 1 < n and toks[k].low == "nhiệm" and toks[k + 1].low == "kỳ":
            k += 2
            while k < n and (toks[k].text.isdigit() or toks[k].text in "-–"):
                k += 1
            post.end = k
        return post

    def is_post(self, post: Post | None) -> bool:
        """Whether a parsed post is a standing post (an organisation, or a title that needs
        none); a bare ``Bí thư`` or ``Trưởng đoàn`` is only a cue for the name after it."""
        if post is None:
            return False
        if post.org is None:
            return post.title in self.v.standalone
        return not post.org.bare

    def chain(self, toks: list[Tok], i: int, ctx: Context, stop: int | None = None
              ) -> tuple[list[Post], int]:
        """Posts from ``toks[i]`` separated by ``,``, ``kiêm`` or ``và``, ranks and degrees
        between them: (posts, index after the last one). Stops before ``stop``."""
        stop = len(toks) if stop is None else stop
        posts: list[Post] = []
        k = i
        end = i
        fillers = self.v.fillers
        ahead: Post | None = None  # the post read at k by the look-ahead after a separator
        while k < stop:
            f = fillers.match(toks, k) if toks[k].low in fillers.root else None
            if f is not None and f[1] <= stop:
                k = end = f[1]
                ahead = None
                continue
            p = self.post(toks, k, ctx) if ahead is None else ahead
            ahead = None
            if p is None or p.end > stop:
                break
            posts.append(p)
            k = end = p.end
            if (p.org is None and k + 1 < stop and toks[k].text in ("-", "–")
                    and self.v.titles.match(toks, k + 1)):
                # "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ": both posts of one body
                q = self.post(toks, k + 1, ctx)
                if q is not None and q.org is not None and q.end <= stop:
                    p.org = q.org
                    posts.append(q)
                    k = end = q.end
            if k < stop and toks[k].low in (",", "kiêm", "và", "/", "rồi") and k + 1 < stop:
                nxt = k + 1
                if toks[nxt].low == "kiêm":
                    nxt += 1
                # (the post read here is the next one: not read again)
                ahead = self.post(toks, nxt, ctx)
                if ahead is not None or fillers.match(toks, nxt):
                    k = nxt
                    continue
            break
        if posts:
            _inherit_parents(posts)
        return posts, end

    def starts_post(self, tok: Tok) -> bool:
        """Whether a post (or a rank, degree or ``nguyên`` before one) may begin here."""
        return tok.low in self.post_first_words
