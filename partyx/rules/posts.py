"""Posts: a title and the organisation it belongs to, parsed from tokens.

A post is written as a title (``Phó Bí thư Thường trực``) and, most often, an organisation
(``Thành ủy``, ``Ban Tổ chức Thành ủy Hà Nội``, ``HĐND quận Long Biên``, ``Bộ Xây dựng``).
:class:`PostParser` reads one post at a token position; :meth:`PostParser.chain` reads a
chain of them (``Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy``), with ranks and
degrees (``Thượng tướng``, ``TS``) allowed between and ``nguyên`` marking a former post.

Organisations are read by :class:`partyx.rules.orgs.OrgReader`: a canonical name with their
place, written in full or resolved from the article's place context when the text leaves it
out (``Thành ủy`` in an article about quận Long Biên is ``Thành ủy Hà Nội``; ``HĐND Quận`` is
``Hội đồng nhân dân quận Long Biên``). Where no place can be known the name stays as written
(``Ủy ban nhân dân xã``). The titles are ``data/titles.json``.

Canonical forms follow SPEC: ``Ủy viên Trung ương Đảng`` is ``Ủy viên`` of ``Ban Chấp hành
Trung ương Đảng``; ``Thành ủy viên`` is ``Ủy viên`` of ``Thành ủy <place>``; ``Trưởng ban
Tổ chức Thành ủy`` is ``Trưởng ban`` of ``Ban Tổ chức Thành ủy <place>``; ``Ban Chấp hành
Đảng bộ tỉnh X`` is ``Tỉnh ủy X``; title-only posts (``Tổng Bí thư``, ``Thủ tướng``) have no
organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from partyx.data import load
from partyx.lang.syllables import is_syllable
from partyx.lang.tokens import Tok, Trie
from partyx.rules.gazetteer import Unit
from partyx.rules.gazetteer import get as get_gazetteer
from partyx.rules.orgs import (
    _STOP,
    Context,
    Org,
    OrgReader,
    attach,
    canon_place,
    is_ministry,
    unit_name,
)

_DASHES = frozenset({"-", "–", "—"})
_ROMAN = frozenset("IVXLC")
# what separates the posts of a chain; the joiners share a bare title's organisation
_SEPARATORS = frozenset({",", "kiêm", "và", "/", "rồi"}) | _DASHES
_SEMI_SEPARATORS = _SEPARATORS | {";"}
_CHAIN = load("titles")["chain_words"]
# the first words of a term written after a post (_finish looks for them)
_TERM_WORDS = frozenset(w.split()[0] for w in _CHAIN["terms"])
_JOINERS = frozenset(_CHAIN["joiners"]) | _DASHES
# a committee's own bodies: written bare in a chain, a Party committee's (_inherit)
_COMMITTEE_BODIES = frozenset(_CHAIN["committee_bodies"])


@dataclass
class Post:
    """A post read at a token position: a title and its organisation."""

    title: str
    org: Org | None
    status: str  # "current" | "former"
    start: int  # token indices [start, end)
    end: int
    shared: bool = False  # written once before a list of people
    marked: bool = False  # its status is written (``nguyên``, ``đương nhiệm``)
    body: bool = False  # a body one is a member of, as written (PostParser.bodies)
    written: str | None = None  # as written, where that is not the tokens [start, end)
    placed: bool = False  # its place is one of a list written after it (PostParser._each_place)
    dated: bool = False  # of a unit no longer in being ("tỉnh Bạc Liêu (cũ)"): former
    foreign: bool = False  # another country's ("Thủ tướng Lào"): its org is the country
    country: str | None = None  # (a foreign post's: the country, "Bộ Quốc phòng Lào": "Lào")


def _inherit_parents(posts: list[Post]) -> None:
    """A body or cell written without its organisation takes the next post's
    (:func:`partyx.rules.orgs.attach`)."""
    for p in posts:
        if p.org is not None and (p.org.bare or p.org.cell):
            break
    else:
        return  # (most chains: none)
    for p, org in zip(posts, attach([p.org for p in posts]), strict=True):
        p.org = org


def _member_body(org: Org) -> bool:
    """A body one becomes a member of by a decision: a Party committee or a body of one
    (``Ban Thường vụ``, ``Bộ Chính trị``, ``Ủy ban Kiểm tra``), not the Party itself."""
    if org.kind == "party_committee":
        return org.level != "central" or org.name != "Đảng Cộng sản Việt Nam"
    return org.name.startswith("Ủy ban Kiểm tra")


def _past_rest(toks: list[Tok], k: int, stop: int) -> int | None:
    """After one to four words from ``toks[k]`` and a comma or semicolon: the index after
    it (see PostParser.chain), else None."""
    for q in range(k, min(k + 5, stop - 1)):
        if toks[q].low in (",", ";"):
            return q + 1 if q > k else None
        if not toks[q].word:
            return None
    return None


def _is_term(word: str) -> bool:
    """A term's number: ``12``, ``XII``."""
    return word.isdigit() or (word.isupper() and set(word) <= _ROMAN)


def _past_brackets(toks: list[Tok], k: int, stop: int) -> int:
    """After a short aside in brackets at ``toks[k]`` (an abbreviation, spelled out by the
    tokenizer, or a place: ``(QH)``, ``(Nghệ An)``): up to four words, the first capitalised;
    else ``k``."""
    j = k + 1
    while j < stop and j - k <= 4 and toks[j].word and (toks[j].cap or j > k + 1):
        j += 1
    return j + 1 if j > k + 1 and j < stop and toks[j].text == ")" else k


def _prefixed(prefix: str | None, title: str) -> str:
    return title if prefix is None else f"{prefix} {title}"


def _carry_status(posts: list[Post]) -> None:
    """``nguyên Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh``: a written status holds for the
    unmarked posts after it in the chain."""
    status = None
    for p in posts:
        if p.dated:
            continue
        if p.marked:
            status = p.status
        elif status is not None:
            p.status = status


@dataclass(frozen=True)
class TitleWords:
    """The words posts are written with (``data/titles.json``)."""

    titles: Trie
    standalone: set[str]
    implied: dict[str, Trie]
    org_within: dict[str, tuple[int, str]]
    org_within_named: frozenset[str]
    fillers: Trie
    members: Trie
    body_members: Trie
    status: dict[str, str]
    prefixes: dict[str, str]
    org_overrides: dict[str, dict[str, str]]
    member_titles: dict[str, tuple[str, str]]
    cell_hosts: dict[str, frozenset[str]]
    cells: Trie
    boards: tuple[str, ...]
    unnamed_cells: frozenset[str]
    heads_of: dict[str, frozenset[str]]
    head_titles: dict[str, str]  # title -> the head of its organisation it holds (Cục)


def load_title_words() -> TitleWords:
    t = load("titles")
    return TitleWords(
        titles=Trie(t["titles"]),
        standalone=set(t["standalone"]),
        implied={k: Trie(dict.fromkeys(v, True)) for k, v in t["implied_org"].items()},
        org_within={k: (n, title) for k, (n, title) in t["org_within"].items()},
        org_within_named=frozenset(t["org_within_named"]),
        fillers=Trie(dict.fromkeys(t["fillers"], True)),
        members=Trie(t["member_words"]),
        body_members=Trie({k: tuple(v) for k, v in t["body_members"].items()}),
        status=t["status_words"],
        prefixes=t["title_prefixes"],
        org_overrides=t["org_overrides"],
        member_titles={k: (v[0], v[1]) for k, v in t["member_titles"].items()},
        cell_hosts={k: frozenset(v) for k, v in t["cell_hosts"].items()},
        cells=Trie({k: k for k in t["cell_hosts"]}),
        boards=tuple(f"{b} " for b in t["boards"]),
        unnamed_cells=frozenset(t["unnamed_cells"]),
        heads_of={k: frozenset(v) for k, v in t["heads_of"].items()},
        head_titles=t["head_titles"],
    )


# The canonical title of a committee's member (the titles of titles.json that map to it).
MEMBER_TITLE = "Ủy viên"

# What a decision cue does to the posts after it (see decision_cues).
CURRENT, FORMER, MEMBER, FORMER_MEMBER, NOMINATED, PURPOSE = (
    "current", "former", "member", "former member", "nominated", "purpose")


def decision_cues(t: dict | None = None, active: bool = False) -> dict[str, str]:
    """The cues of a decision or a career, as phrases -> what they do to the posts after
    them (``data/titles.json``, its ``cue_grammar`` and cue lists): ``current`` (``giữ
    chức``, ``được bầu làm``), ``former`` (``thôi giữ chức``, ``từng đảm nhiệm các chức
    vụ:``), ``member`` of the bodies listed (``tham gia Ban Chấp hành, Ban Thường vụ``),
    ``former member`` (``thôi tham gia``), ``nominated`` (``giới thiệu để … bầu``: the
    next cue's posts are none) and ``purpose`` (``để``: an election after it is none).
    ``active``: instead, only the active verbs of a decision (``bổ nhiệm``, ``điều
    động``), cues only before ``đối với`` and the person decided for."""
    t = t or load("titles")
    g = t["cue_grammar"]
    objects = ["", *g["objects"], *(f"{q} {o}" for q in g["quantities"] for o in g["objects"])]
    cues: dict[str, str] = {}
    for verb in g["verbs"]:
        for obj in objects:
            base = f"{verb} {obj}".strip()
            for colon in ("", " :"):
                cues[base + colon] = CURRENT
                for lead in g["former_leads"]:
                    cues[f"{lead} {base}{colon}"] = FORMER
    # the passive of a decision or an election, alone or before a cue that follows it
    # ("được điều động giữ chức vụ …": the two cues read one after the other)
    for lead in g["passive"]:
        for verb in (*g["decision_verbs"], *g["elections"]):
            cues.setdefault(f"{lead} {verb}", CURRENT)
            for obj in g["objects"]:  # "được bổ nhiệm chức vụ Phó Giám đốc …"
                cues.setdefault(f"{lead} {verb} {obj}", CURRENT)
    for verb in g["leaving_verbs"]:
        for obj in objects:
            cues[f"{verb} {obj}".strip()] = FORMER
    for verb in g["career_verbs"]:  # "đã kinh qua các chức vụ …": held before
        for obj in objects:
            for colon in ("", " :"):
                cues[f"{verb} {obj}".strip() + colon] = FORMER
    cues.update(dict.fromkeys(g["member_verbs"], MEMBER))
    cues.update(dict.fromkeys(g["member_leaving"], FORMER_MEMBER))
    cues.update(dict.fromkeys(g["nominations"], NOMINATED))
    cues.update(dict.fromkeys(g["purposes"], PURPOSE))
    cues.update(dict.fromkeys(t["appointment_cues"], CURRENT))
    cues.update(dict.fromkeys(t["leaving_cues"], FORMER))
    if active:  # (these alone)
        return {f"{verb} {obj}".strip(): CURRENT for verb in g["decision_verbs"]
                for obj in objects}
    return cues


class PostParser:
    """Parses posts at token positions (see module docstring); :attr:`orgs` reads their
    organisations."""

    def __init__(self, words: TitleWords | None = None, orgs: OrgReader | None = None) -> None:
        self.words = w = words or load_title_words()
        # first words of a status, title, member, filler or body-member phrase
        self.post_first_words = frozenset(w.status).union(
            w.prefixes, w.titles.root, w.members.root, w.fillers.root, w.body_members.root)
        self._post_heads = frozenset(w.titles.root).union(w.members.root, w.body_members.root)
        self.orgs = orgs or OrgReader(w.titles, self.post_first_words)
        t = load("titles")
        self.dated = frozenset(t["dated_words"])  # (see Post.dated)
        self._bodies = tuple(f"{b} " for b in t["list_bodies"])  # (see _body_member)
        self._nations = frozenset(self.orgs.words.nations.root)  # (see OrgReader.national)
        self._company_titles = frozenset(t["company_titles"])  # (see _brand)
        self._event_bodies = tuple(t["event_bodies"])  # (see _named_within)
        self._bare_heads = Trie(dict.fromkeys(t["bare_heads"], True))  # (see _post)
        self._brand_prefixes = tuple(t["brand_affixes"]["prefixes"])
        self._brand_suffixes = tuple(t["brand_affixes"]["suffixes"])
        self._place_bodies: dict[str, str] = t["place_bodies"]  # (see _place_as_org)
        # other countries (data/names.json foreign_places, less Vietnam and any name of a
        # place of the gazetteer: "Sơn Tây"): a title right before one is that country's
        gazetteer, nations = get_gazetteer(), frozenset(self.orgs.words.nations.root)
        self.countries = Trie({c: c for c in load("names")["foreign_places"] if c[0].isupper()
                               and c.lower() not in nations and c.split()[0].lower() not in nations
                               and not gazetteer.is_place_name(c)})

    # -- posts ---------------------------------------------------------------------------
    def post(self, toks: list[Tok], i: int, ctx: Context) -> Post | None:
        """One post at ``toks[i]`` (``nguyên`` first marks it former), or None."""
        p = self._post(toks, i, ctx)
        if p is not None and toks[i].low in self.words.status:
            p.marked = True
        return p

    def _post(self, toks: list[Tok], i: int, ctx: Context) -> Post | None:
        v = self.words  # (the hot path: each test on a word before the call it saves)
        orgs = self.orgs
        n = len(toks)
        if i >= n:
            return None
        status = "current"
        start = i
        head = toks[i].low
        if head in v.status:
            status = v.status[head]
            i += 1
            if i + 1 < n and toks[i].low == "là":  # "nguyên là Viện phó …"
                i += 1
            if i >= n:
                return None
            head = toks[i].low
        prefix = v.prefixes.get(head)
        if prefix is not None:  # "Quyền Bộ trưởng": part of the title
            i += 1
            if i >= n:
                return None
            head = toks[i].low
        if head not in self._post_heads:
            return None
        m = v.members.match(toks, i) if head in v.members.root else None
        org: Org | None
        if m is not None:
            committee, j = m
            r = orgs.committee(toks, i, ctx) if committee != "Đảng ủy" else None
            if r is not None and r[0].name.startswith(committee):
                org = r[0]
            elif committee == "Đảng ủy":
                org = Org("Đảng ủy", "party_committee", None, resolved=False)
            else:
                written = orgs.words.committees.match(toks, i)
                assert written is not None  # (a member word opens with its committee's)
                (canon, utype), _ = written
                org = orgs.committee_of(canon, utype, toks, j, ctx)[0]
            return Post(MEMBER_TITLE, org, status, start, j)
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
        foreign = False
        nation: str | None = None
        within = v.org_within.get(title)
        if within is not None:
            back, short = within
            # (only an organisation the grammar knows: a generic run read from inside a
            # title is cut short too often, "Phó Chánh văn phòng Trung ương Giáo hội …")
            r = orgs.org(toks, j - back, ctx, generic=False)
            if r is None and title in v.org_within_named and j < n and toks[j].cap:
                r = self._named_within(toks, j - back, ctx)
            if r is None and j < n and toks[j].word and not toks[j].cap:
                r = orgs.lower_named(toks, j - back, ctx)  # "Trưởng ban quản lý dự án tỉnh X"
            if r is not None and r[1] > j:
                org, end = r
                title = short
        if org is None:
            implied = v.implied.get(title)
            if implied is not None:
                im = implied.match(toks, j)
                if im is not None:
                    return self._finish(Post(_prefixed(prefix, title), None, status, start,
                                             im[1]), toks)
            if title in ("Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực"):
                r = orgs.ministry(toks, j, ctx) or orgs.ministry(toks, j, ctx, bare=True)
            else:  # a standalone title takes no organisation guessed from capitals
                # (a title holding its head: the organisation read short, not a run after it)
                r = orgs.org(toks, j, ctx, generic=title not in v.standalone and within is None)
            if r is None and j < n and not toks[j].cap and title not in v.standalone and (
                    within is None):
                r = orgs.lower_named(toks, j, ctx)  # "Giám đốc bệnh viện đa khoa tỉnh X"
            if r is None and j + 1 < n and toks[j].low == "của" and toks[j + 1].cap and (
                    title not in v.standalone):
                # "Phó Chủ tịch Thường trực của UBND tỉnh X": the organisation after "của"
                # (one the grammar knows, or a generic name, never a bare body or a place)
                r = orgs.org(toks, j + 1, ctx)
                if r is not None and (r[0].bare or r[0].cell or r[0].kind == "place"):
                    r = None
            if r is None and title in v.head_titles and j < n and toks[j].cap:
                # "Cục trưởng Quản lý Khám chữa bệnh": of "Cục Quản lý Khám chữa bệnh"
                r = orgs.headed(toks, j, v.head_titles[title], ctx)
            if r is not None:
                org, end = r
                if end < n and toks[end].low in self.countries.root and is_ministry(org) and (
                        self._foreign_title(toks, start)):
                    country = self.countries.match(toks, end)  # "Bộ trưởng Quốc phòng Ba Lan"
                    if country is not None:
                        org, end = Org(f"{org.name} {country[0]}", "government", None), country[1]
                        foreign, nation = True, country[0]
            elif j < n and toks[j].low in self.countries.root and self._foreign_title(
                    toks, start) and (country := self.countries.match(toks, j)) is not None:
                org, end = Org(country[0], "government", None), country[1]  # "Thủ tướng Lào"
                foreign, nation = True, country[0]
            elif title in self._company_titles and (brand := self._brand(toks, j)) is not None:
                org, end = brand  # "cựu Tổng giám đốc Oceanbank"
            elif title not in v.standalone:
                org, end = self._place_as_org(toks, j, ctx, end, title)
                if org is None and j < n and toks[j].cap and (
                        toks[j].low in self._bare_heads.root) and (
                        (m := self._bare_heads.match(toks, j)) is not None) and (
                        m[1] == n or not toks[m[1]].word):
                    # "Phó Giám đốc Trung tâm - Chủ tịch Công đoàn": the one the article is
                    # about, as written
                    org, end = Org(" ".join(t.text for t in toks[j:m[1]]), "other", None), m[1]
        if org is not None:
            overrides = v.org_overrides.get(title)
            meant = overrides.get(org.name) if overrides else None
            if meant is not None:
                org = Org(meant, org.kind, org.level)
        post = Post(_prefixed(prefix, title), org, status, start, end, foreign=foreign,
                    country=nation)
        # a term after it? (most posts have none: one set test before the call)
        return self._finish(post, toks) if end < n and toks[end].low in _TERM_WORDS else post

    def _named_within(self, toks: list[Tok], i: int, ctx: Context) -> tuple[Org, int] | None:
        """``Trưởng Ban Chỉ đạo Tây Bắc``: the organisation a title holding its head opens at
        ``toks[i]`` (``org_within_named``), read as a name after the head where the grammar
        knows none: only a name that ends there (punctuation, a stop word, a capitalised
        word: a name read short is dropped by :meth:`_cut_short`), has no word glued to a
        number (``Trung ương3``: a list's numbering) and is no body of one event (``Ban
        Giám khảo``)."""
        r = self.orgs.org(toks, i, ctx)
        if r is None:
            return None
        org, end = r
        if end < len(toks) and toks[end].word and not toks[end].cap and (
                toks[end].low not in _STOP):
            return None  # ("Trưởng ban Tuyên truyền tỉnh ủy": the name goes on)
        if end + 1 < len(toks) and toks[end].text == "," and (
                f"{toks[end - 1].low}, {toks[end + 1].low}" in self.orgs.words.comma_phrases):
            return None  # ("Ban Chỉ đạo phòng, chống tham nhũng": cut inside its phrase)
        if any(t.word and not t.text.isalpha() and not t.text.isdigit()
               for t in toks[i:end]) or org.name.startswith(self._event_bodies):
            return None
        return r

    def _brand(self, toks: list[Tok], j: int) -> tuple[Org, int] | None:
        """A firm named by its brand alone at ``toks[j]`` after a firm's title (``Oceanbank``,
        ``TPBank``, ``BSC``): three or more capitals (an acronym the tokenizer does not spell
        out), or one capitalised word not spelled as a Vietnamese syllable that is shaped like
        a brand (a capital inside it, or a brand's prefix or suffix: titles.json
        ``brand_affixes``; ``Chủ tịch Putin``, ``Giám đốc Smith`` are no firms), the post
        ending after it (punctuation, a person's name, a verb that ends a name: ``Tổng giám
        đốc TPBank cho biết``); else None (``Giám đốc CDC Hà Nội``: a name goes on)."""
        n = len(toks)
        t = toks[j] if j < n else None
        if t is None or not t.cap or not t.word or not t.text.isalnum():
            return None
        word = t.text
        if word.isupper():
            if len(word) < 3:
                return None
        elif is_syllable(word) or not (
                any(c.isupper() for c in word[1:]) or word.lower().startswith(self._brand_prefixes)
                or word.lower().endswith(self._brand_suffixes)):
            return None
        k = j + 1
        if k < n and toks[k].word and not self.orgs.is_name_start(toks, k) and (
                self.orgs.words.name_enders.match(toks, k) is None) and not (
                # a word that ends a name ("cựu TGĐ Oceanbank và Phạm Hoàng Giang", "… BSC ở
                # hành vi"), lower-case
                not toks[k].cap and (toks[k].low in _STOP or toks[k].low == "ở")):
            return None
        return Org(t.text, "other", None), k

    def _foreign_title(self, toks: list[Tok], start: int) -> bool:
        """Whether a title read at ``toks[start]`` may be another country's: written with a
        capital or after a status word (``cựu thủ tướng Thái Lan``; a lower-case one after a
        name and a comma opens a clause as often: ``ông Kim, bộ trưởng … trả lời``)."""
        return toks[start].cap or toks[start].low in self.words.status

    def _body_member(self, toks: list[Tok], i: int, ctx: Context, status: str, start: int
                     ) -> Post | None:
        """``Thường vụ Tỉnh ủy``, ``Ủy viên Thường vụ Huyện ủy``: a member of a committee's
        body written short. Before a comma with no committee (``Ủy viên Thường vụ, Trưởng ban
        Tổ chức Huyện ủy``) the body is bare and takes the next post's committee."""
        m = self.words.body_members.match(toks, i)
        if m is None or (i > 0 and toks[i - 1].low in ("ban", "ủy")):
            return None  # "của Ban Thường vụ Thành ủy, …" is the body, no member
        (title, body), j = m
        r = self.orgs.committee(toks, j, ctx)
        if r is None and j < len(toks) and toks[j].cap:
            # a committee of the centre or a cell's ("Thường vụ Quân ủy Trung ương", "Thường
            # vụ Đảng ủy Quân khu 7"), never a body itself ("Thường vụ Bộ Chính trị")
            r = self.orgs.org(toks, j, ctx, generic=False)
            if r is not None and not (r[0].kind == "party_committee" and _member_body(r[0])
                                      and r[0].resolved and not (r[0].bare or r[0].cell)
                                      and not r[0].name.startswith(self._bodies)):
                r = None
        if r is not None:
            org, end = r
            return Post(title, org.body(body, org.kind), status, start, end)
        if j < len(toks) and toks[j].low == ",":
            return Post(title, Org(body, "party_committee", None, resolved=False, bare=True),
                        status, start, j)
        return None

    def _place_as_org(self, toks: list[Tok], j: int, ctx: Context, end: int, title: str
                      ) -> tuple[Org | None, int]:
        """``Bí thư TP.HCM``, ``Chủ tịch tỉnh Yên Bái``, ``Bí thư Đồng Nai``: a title with a
        place for its body: the body it stands for (``place_bodies``: the place's Party
        committee, its people's committee), else the place as written (a province's name
        without its type word only for those)."""
        if j >= len(toks):  # the title ends the text
            return None, end
        tw = self.orgs.words.type_words.match(toks, j)
        body = self._place_bodies.get(title)
        found = self.orgs.place(toks, tw[1], (tw[0],)) if tw is not None else (
            self.orgs.province_name(toks, j) if body is not None and toks[j].cap else None)
        if found is not None and tw is None and unit_name(found[0]) != found[0].name:
            found = None  # "Chủ tịch Hồ Chí Minh": a name that is a person's too, bare
        if found is not None:
            unit, k = found
            if body == "committee" and unit.type in self.orgs.words.committee_of_type:
                word = self.orgs.words.committee_of_type[unit.type]
                return Org(f"{word} {unit_name(unit)}", "party_committee", unit.level,
                           unit=unit), k
            if body is not None and body != "committee":
                return Org(f"{body} {canon_place(unit)}", "government", unit.level,
                           unit=unit), k
            if tw is not None:
                return Org(canon_place(unit), "place", unit.level), k
        cells = self.words.cells
        m = cells.match(toks, j) if toks[j].low in cells.root and toks[j].cap else None
        if m is not None and (m[1] == len(toks) or not toks[m[1]].word):
            # "Bí thư Đảng ủy, Chủ tịch HĐTV PVN": a Party cell named by the chain's next
            # post (_inherit; not before "cơ quan", "công ty" …)
            return Org(m[0], "party_committee", None, resolved=False, bare=True), m[1]
        return None, end

    def _finish(self, post: Post, toks: list[Tok]) -> Post:
        """Swallow a term written after the post (``nhiệm kỳ 2015 - 2020``, ``khóa XII``,
        ``các khóa VII, VIII và IX``)."""
        k = post.end
        n = len(toks)
        if k + 1 < n and toks[k].low == "các" and toks[k + 1].low == "khóa":
            k += 1
        if k + 1 < n and toks[k].low == "khóa" and toks[k + 1].word:
            k += 2
            while k + 1 < n and toks[k].low in (",", "và") and _is_term(toks[k + 1].text):
                k += 2
            post.end = k
        elif k + 1 < n and toks[k].low == "nhiệm" and toks[k + 1].low == "kỳ":
            k += 2
            while k < n and (toks[k].text.isdigit() or toks[k].text in "-–"):
                k += 1
            post.end = k
        return post

    def is_post(self, post: Post | None) -> bool:
        """Whether a parsed post is a standing post (an organisation, or a title that needs
        none); a bare ``Bí thư`` or ``Trưởng đoàn`` is only a cue for the name after it, a
        cell no organisation of its chain owns (``Phó Bí thư Đảng ủy cơ quan``: whose?) none
        unless it is written alone (``unnamed_cells``)."""
        if post is None:
            return False
        org = post.org
        if org is None:
            return post.title in self.words.standalone
        if org.bare or (org.cell and not org.resolved and org.slot is None):
            return org.name in self.words.unnamed_cells
        return True

    def standing(self, posts: list[Post]) -> list[Post]:
        """The standing posts among a person's ``posts`` (:meth:`is_post`), less a member
        title a list gave them that another of their posts implies: one in the same body
        (``Chủ nhiệm Ủy ban Kiểm tra``), or a title that heads it (``heads_of``)."""
        out = [p for p in posts if self.is_post(p)]
        if not any(p.shared for p in out):
            return out
        bodies = {p.org.name for p in out if not p.shared and p.org is not None}
        for p in out:
            bodies |= self.words.heads_of.get(p.title, frozenset())
        return [p for p in out if not (p.shared and p.org is not None and p.org.name in bodies)]

    def chain(self, toks: list[Tok], i: int, ctx: Context, stop: int | None = None,
              semicolons: bool = False, settle: bool = True, career: bool = False,
              held: bool = False) -> tuple[list[Post], int]:
        """Posts from ``toks[i]`` separated by ``,``, ``kiêm``, ``và`` or a dash (``;`` too
        with ``semicolons``: the list of a career summary), ranks and degrees between them:
        (posts, index after the last one). Stops before ``stop``.

        ``nguyên`` before a post makes it and every unmarked post after it in the chain
        former; a title with no organisation joined by ``kiêm`` or a dash to a post of one
        shares it (``Phó Tư lệnh kiêm Tham mưu trưởng Bộ Tư lệnh``); a place written in the
        chain is the place of its posts that leave theirs out (Whereabouts). With ``settle`` False
        the chain is read only (:meth:`settle_chain` does the rest, once the chain to keep is
        chosen). In a ``career`` list, up to four words more after a post (an organisation's
        name read short: ``giám đốc Công an khu III, chánh văn phòng …``) do not end it when a
        post follows the separator after them; the post before them is dropped where its
        organisation is unresolved (read short). A chain ``held`` by a person named before it
        (after the name and a comma) names no holder after it: a person's name that ends a
        named institution's chain is the institution's (``Hiệu trưởng Trường THPT Trần Hưng
        Đạo,``)."""
        stop = len(toks) if stop is None else stop
        posts: list[Post] = []
        k = i
        end = i
        fillers = self.words.fillers
        separators = _SEMI_SEPARATORS if semicolons else _SEPARATORS
        ahead: Post | None = None  # the post read at k by the look-ahead after a separator
        joined = False  # the separator before k shares a title's organisation
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
            if p.org is not None and p.end + 1 < stop and toks[p.end].low in self._nations:
                national = self.orgs.national(toks, p.end, p.org)  # "BHXH Việt Nam"
                if national is not None:
                    p.org, p.end = national
            if held and p.org is not None and p.end < stop and (
                    named := self._named_after_person(toks, p, stop)) is not None:
                p.org, p.end = named
            if p.org is not None and p.end < stop and self._cut_short(toks, p.end, p.org, ctx):
                p.org = None  # ("Hiệu trưởng Trường THPT Trần Hưng Đạo": read short)
            if joined and posts and p.org is not None:
                q = posts[-1]
                if q.org is None and q.title not in self.words.standalone:
                    q.org = p.org
            if k + 3 < stop and p.end < stop and toks[p.end].low == "các" and p.org is not None:
                each = self._each_place(toks, p, ctx, stop)  # "bí thư tỉnh ủy các tỉnh: A, B"
                if each is not None:
                    posts.extend(each[0])
                    k = end = each[1]
                    if k < stop and toks[k].low in separators and k + 1 < stop and (
                            ahead := self.post(toks, k + 1, ctx)) is not None:
                        k += 1
                        joined = False
                        continue
                    break
            posts.append(p)
            k = end = p.end
            if k < stop and (toks[k].low in self.dated or (
                    k + 2 < stop and toks[k].text == "(" and toks[k + 1].low in self.dated
                    and toks[k + 2].text == ")")):
                p.status, p.dated = FORMER, True  # "Phó Chủ tịch UBND tỉnh Bạc Liêu (cũ)"
                k = end = k + 1 if toks[k].low in self.dated else k + 3
            if k + 2 < stop and toks[k].text == "(":
                k = end = _past_brackets(toks, k, stop)  # "Chủ tịch Quốc hội (QH)"
            if k < stop and toks[k].low in separators and k + 1 < stop:
                nxt = k + 1
                joined = toks[k].low in _JOINERS
                if toks[nxt].low == "kiêm":
                    nxt += 1
                    joined = True
                # (the post read here is the next one: not read again)
                ahead = self.post(toks, nxt, ctx)
                if ahead is not None or (toks[k].low not in _DASHES and fillers.match(toks, nxt)):
                    k = nxt
                    continue
            elif career and (nxt_at := _past_rest(toks, k, stop)) is not None:
                ahead = self.post(toks, nxt_at, ctx)
                if ahead is not None:
                    if p.org is not None and not p.org.resolved:
                        posts.pop()  # (its organisation read short: "Công an" of "… khu III")
                    k = nxt_at
                    joined = False
                    continue
            break
        if len(posts) > 1 and posts[-1].foreign:
            # "Tổng Bí thư, Chủ tịch nước Lào": each title with no organisation before the
            # country's post is that country's too ("Phó Thủ tướng kiêm Bộ trưởng Quốc phòng
            # Lào": the country's, not its ministry's)
            last = posts[-1]
            nation_org = last.org if last.country is None or last.org is None or (
                last.org.name == last.country) else Org(last.country, "government", None)
            for q in posts[:-1]:
                if q.org is None and q.title in self.words.standalone:
                    q.org, q.foreign, q.country = nation_org, True, last.country
        if posts and settle:
            self.settle_chain(toks, posts, ctx, end)
        return posts, end

    def settle_chain(self, toks: list[Tok], posts: list[Post], ctx: Context, end: int
                     ) -> None:
        """What a chain's posts take from one another: the status written before them, the
        body of the next post (for a body or cell written without its own). ``end``: where
        the chain ends. The places of the organisations that leave theirs out are resolved
        afterwards, the chain's own first (:class:`~partyx.rules.orgs.Whereabouts`)."""
        if len(posts) > 1:
            _carry_status(posts)
        self._inherit(posts)
        _inherit_parents(posts)

    def bodies(self, toks: list[Tok], i: int, ctx: Context, status: str,
               stop: int | None = None) -> tuple[list[Post], int]:
        """``tham gia Ban Chấp hành, Ban Thường vụ Huyện ủy``: the Party bodies listed from
        ``toks[i]`` after a member cue, one post each (``Ủy viên`` of the body; its committee
        itself for ``Ban Chấp hành``): (posts, index after the list). A body written without
        its committee takes the next one's, in the list or in the chain after it
        (:meth:`settle`)."""
        stop = len(toks) if stop is None else stop
        posts: list[Post] = []
        k = end = i
        while k < stop:
            r = self.orgs.org(toks, k, ctx, generic=False)
            if r is None or r[1] > stop or not _member_body(r[0]):
                break
            org, end = r
            if org.bare and end + 1 < stop and toks[end].low == "đảng" and (
                    toks[end + 1].low == "bộ"):
                end += 2  # "Ban Chấp hành Đảng bộ, Ban Thường vụ Thành ủy": its committee's
            title, org = self.member_post(org)
            posts.append(self._finish(Post(title, org, status, k, end, body=True), toks))
            k = end = posts[-1].end
            if k + 1 < stop and toks[k].low in (",", "và"):
                k += 1
                continue
            break
        return posts, end

    def member_post(self, org: Org, title: str = MEMBER_TITLE) -> tuple[str, Org]:
        """The post a member of ``org`` holds: ``Ủy viên`` (or ``title``), but ``Bí thư`` of
        ``Ban Bí thư Trung ương Đảng`` (``member_titles``)."""
        known = self.words.member_titles.get(org.name)
        if known is None:
            return title, org
        return known[0], Org(known[1], org.kind, org.level)

    def settle(self, toks: list[Tok], posts: list[Post], ctx: Context, end: int) -> None:
        """Posts read after several cues of one clause as one chain: bodies without their
        committee take the next one's (their places: see :meth:`settle_chain`)."""
        if len(posts) > 1:
            self._inherit(posts)
            _inherit_parents(posts)

    def _inherit(self, posts: list[Post]) -> None:
        """A body written without its committee or organisation takes the next post's in
        the chain: a committee's own body (``Ủy viên Ban Thường vụ, Trưởng ban Tổ chức
        Huyện ủy Chư Sê``) a Party committee's (``Ban Chấp hành`` of a committee is the
        committee); a Party cell (``Bí thư Đảng ủy, Giám đốc Sở Y tế``) an organisation of
        the kinds that have one (``cell_hosts``: no Ban cán sự đảng in a company), a
        company's board standing for the company; any other body a public one."""
        hosts_of = self.words.cell_hosts
        for i, p in enumerate(posts):
            if p.org is None or not p.org.bare:
                continue
            name = p.org.name
            hosts = hosts_of.get(name)
            for q in posts[i + 1:]:
                o = q.org
                if o is None or o.bare or o.cell or not o.resolved and (
                        o.kind == "party_committee" and o.name in hosts_of):
                    continue  # (another cell: whose, is unknown)
                if name in _COMMITTEE_BODIES:
                    # "Ủy viên Thường vụ, Phó Chủ tịch HĐND" is no HĐND's
                    ok = o.kind in ("party_committee", "party_board")
                elif hosts is not None:
                    ok = o.kind in hosts
                else:
                    ok = o.kind != "other"
                if not ok:
                    continue
                # (the place it still needs, or has, carried on: Org.body)
                parent = o.parent or o.name
                if hosts is not None:
                    parent = next((parent[len(b):] for b in self.words.boards
                                   if parent.startswith(b)), parent)
                if name == "Ban Chấp hành" and o.kind == "party_committee":
                    slot = o.slot
                    if o.parent is not None and slot is not None:
                        slot = slot._replace(template=slot.parent or parent, parent=None)
                    p.org = Org(parent, "party_committee", o.level, o.resolved, slot=slot,
                                unit=o.unit)
                elif parent == (o.parent or o.name):
                    p.org = o.body(name, p.org.kind, of_parent=True)
                else:  # (a company's board: the company's)
                    p.org = Org(f"{name} {parent}", p.org.kind, o.level, o.resolved, parent,
                                unit=o.unit)
                break

    def _each_place(self, toks: list[Tok], p: Post, ctx: Context, stop: int
                    ) -> tuple[list[Post], int] | None:
        """``bí thư tỉnh ủy các tỉnh: Nam Định, Sơn Tây``: the post ``p`` once in each place of
        the list after it (those the gazetteer knows), and the index after the list; None
        where no list of places follows."""
        m = self.orgs.words.type_words.match(toks, p.end + 1)
        if m is None:
            return None
        utype, k = m
        if k < stop and toks[k].low == ":":
            k += 1
        out: list[Post] = []
        end = None
        while k < stop:
            place = self.orgs.place(toks, k, (utype,))
            if place is None:
                # (a name the gazetteer does not know: skipped to the next separator)
                w = k
                while w < stop and toks[w].cap:
                    w += 1
                if w == k:
                    break
                k = end = w
            else:
                unit, k = place
                end = k
                q = self.post(toks, p.start, ctx)
                if q is not None and q.end == p.end and q.org is not None and (
                        q.org.slot is not None and unit.type in q.org.slot.types):
                    q.org = q.org.placed(unit)
                    q.status, q.marked, q.placed = p.status, p.marked, True
                    out.append(q)
            if k + 1 < stop and toks[k].low in (",", "và") and toks[k + 1].cap:
                k += 1
                continue
            break
        return (out, end) if out and end is not None else None

    @staticmethod
    def place_all(posts: list[Post], unit: Unit) -> None:
        """``tại Điện Biên như Giám đốc Sở Tài chính, …``: the posts whose organisation
        leaves out a place of ``unit``'s type (or of the province a district lies in) take
        ``unit`` (or that province)."""
        province = get_gazetteer().province(unit.province) if unit.province else None
        for p in posts:
            slot = p.org.slot if p.org is not None else None
            if slot is None or p.org is None:
                continue
            for u in (unit, province):
                if u is not None and u.type in slot.types and (
                        slot.level is None or u.level == slot.level):
                    p.org = p.org.placed(u)
                    break

    def _cut_short(self, toks: list[Tok], k: int, org: Org, ctx: Context) -> bool:
        """Whether an organisation's name read up to ``toks[k]`` goes on there, unread: a
        capitalised word right after it (``Bảo hiểm Xã hội Việt Nam``, ``Bộ Ngoại giao Mỹ``:
        another country's), or a dash and one (``Sở Giao thông – Vận tải``), that opens no
        person's name, post, place nor abbreviation. Such a post keeps no organisation: the
        one read is another's or a part of one (see :meth:`chain`)."""
        n = len(toks)
        if k < n and toks[k].text in ("–", "-") and k + 1 < n:
            k += 1
        t = toks[k]
        if not (t.word and t.cap) or t.low in self.post_first_words and (
                self.words.fillers.match(toks, k) or self.post(toks, k, ctx) is not None):
            return False  # (a post, a rank or a degree: "Giáo sư", not "Giáo hội")
        if t.text.isupper():
            return False  # an abbreviation after a name: its own, or its place's (TP.HCM)
        orgs = self.orgs
        if t.low in orgs.words.type_words.root:
            return False
        if self._unread_unit(toks, k):
            return True  # "UBND xã Triệu An," (a unit the gazetteer lacks): whose xã, unread
        if orgs.is_name_start(toks, k):
            # (a school or a street is named after a person: "Trường THPT Trần Hưng Đạo";
            # the holder of a post written before their name ends its chain; no bank, no
            # department is: "Ngân hàng Chính sách xã hội Nguyễn Văn A" is A's)
            return org.kind == "other" and not org.name.startswith(
                orgs.words.impersonal_heads)
        return not orgs.gazetteer.is_place_name(t.text)

    def _named_after_person(self, toks: list[Tok], p: Post, stop: int
                            ) -> tuple[Org, int] | None:
        """``Trường THPT Trần Hưng Đạo``, ``Bệnh viện Bạch Mai``: the organisation of ``p``
        (an institution of no public body's kind; a firm's board, a bank: two words only,
        ``HĐQT Công ty cổ phần … Phương Thành``) with the person's name after it that ends
        the chain (punctuation, a bracket, the end): the name is the institution's; else
        None."""
        org, k = p.org, p.end
        assert org is not None
        orgs = self.orgs
        if org.kind != "other" or not orgs.is_name_start(toks, k):
            return None
        e = k + 1
        while e < stop and toks[e].cap and toks[e].word:
            e += 1
        if e - k > 2 and org.name.startswith(orgs.words.impersonal_heads):
            return None  # (a bank's, a board's name is no person's: two words, its own)
        if e < stop and toks[e].word:
            return None  # ("… Nguyễn Văn A cho biết": a name that goes on into the sentence)
        name = " ".join(t.text for t in toks[k:e])
        return Org(f"{org.name} {name}", org.kind, org.level, org.resolved, org.parent,
                   slot=org.slot, unit=org.unit), e

    def _unread_unit(self, toks: list[Tok], k: int) -> bool:
        """Whether the organisation read up to ``toks[k]`` ends in a unit's type word
        (``xã``, ``huyện``) and the two capitalised words after it are the unit's unread
        name: then no person's name (a person's is longer: ``UBND TP Huỳnh Đức Thơ``, the
        city left out), but punctuation, a lower-case word or the holder's name follow."""
        n = len(toks)
        if k + 1 >= n or not toks[k + 1].cap or not toks[k + 1].word:
            return False
        type_words = self.orgs.words.type_words
        if not any(s >= 0 and toks[s].low in type_words.root and (
                m := type_words.match(toks, s)) is not None and m[1] == k for s in (k - 2, k - 1)):
            return False
        return k + 2 >= n or not (toks[k + 2].cap and toks[k + 2].word) or (
            self.orgs.is_name_start(toks, k + 2))

    def starts_post(self, tok: Tok) -> bool:
        """Whether a post (or a rank, degree or ``nguyên`` before one) may begin here."""
        return tok.low in self.post_first_words
