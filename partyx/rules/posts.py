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
from partyx.lang.tokens import Tok, Trie
from partyx.rules.orgs import Context, Org, OrgReader, attach, canon_place

_TERM_WORDS = frozenset({"khóa", "nhiệm"})  # the first words _finish looks for


@dataclass
class Post:
    """A post read at a token position: a title and its organisation."""

    title: str
    org: Org | None
    status: str  # "current" | "former"
    start: int  # token indices [start, end)
    end: int
    shared: bool = False  # written once before a list of people


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


@dataclass(frozen=True)
class TitleWords:
    """The words posts are written with (``data/titles.json``)."""

    titles: Trie
    standalone: set[str]
    implied: dict[str, Trie]
    org_within: dict[str, tuple[int, str]]
    fillers: Trie
    members: Trie
    body_members: Trie
    status: dict[str, str]
    org_overrides: dict[str, dict[str, str]]


def load_title_words() -> TitleWords:
    t = load("titles")
    return TitleWords(
        titles=Trie(t["titles"]),
        standalone=set(t["standalone"]),
        implied={k: Trie(dict.fromkeys(v, True)) for k, v in t["implied_org"].items()},
        org_within={k: (n, title) for k, (n, title) in t["org_within"].items()},
        fillers=Trie(dict.fromkeys(t["fillers"], True)),
        members=Trie(t["member_words"]),
        body_members=Trie({k: tuple(v) for k, v in t["body_members"].items()}),
        status=t["status_words"],
        org_overrides=t["org_overrides"],
    )


class PostParser:
    """Parses posts at token positions (see module docstring); :attr:`orgs` reads their
    organisations."""

    def __init__(self, words: TitleWords | None = None, orgs: OrgReader | None = None) -> None:
        self.words = w = words or load_title_words()
        # first words of a status, title, member, filler or body-member phrase
        self.post_first_words = frozenset(w.status).union(
            w.titles.root, w.members.root, w.fillers.root, w.body_members.root)
        self._post_heads = frozenset(w.titles.root).union(w.members.root, w.body_members.root)
        self.orgs = orgs or OrgReader(w.titles, self.post_first_words)

    # -- posts ---------------------------------------------------------------------------
    def post(self, toks: list[Tok], i: int, ctx: Context) -> Post | None:
        """One post at ``toks[i]`` (``nguyên`` first marks it former), or None."""
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
            r = orgs.org(toks, j - back, ctx)
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
                r = orgs.ministry(toks, j, ctx) or orgs.ministry(toks, j, ctx, bare=True)
            else:  # a standalone title takes no organisation guessed from capitals
                r = orgs.org(toks, j, ctx, generic=title not in v.standalone)
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
        m = self.words.body_members.match(toks, i)
        if m is None or (i > 0 and toks[i - 1].low in ("ban", "ủy")):
            return None  # "của Ban Thường vụ Thành ủy, …" is the body, no member
        (title, body), j = m
        r = self.orgs.committee(toks, j, ctx)
        if r is not None:
            org, end = r
            return Post(title, org.body(body, org.kind), status, start, end)
        if j < len(toks) and toks[j].low == ",":
            return Post(title, Org(body, "party_committee", None, resolved=False, bare=True),
                        status, start, j)
        return None

    def _place_as_org(self, toks: list[Tok], j: int, ctx: Context, end: int
                      ) -> tuple[Org | None, int]:
        """``Bí thư TP.HCM``, ``Chủ tịch tỉnh Yên Bái``: a title with a place for its body,
        kept as written."""
        tw = self.orgs.words.type_words.match(toks, j)
        if tw is not None:
            found = self.orgs.place(toks, tw[1], (tw[0],))
            if found is not None:
                return Org(canon_place(found[0]), "place", found[0].level), found[1]
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
            return post.title in self.words.standalone
        return not post.org.bare

    def chain(self, toks: list[Tok], i: int, ctx: Context, stop: int | None = None
              ) -> tuple[list[Post], int]:
        """Posts from ``toks[i]`` separated by ``,``, ``kiêm`` or ``và``, ranks and degrees
        between them: (posts, index after the last one). Stops before ``stop``."""
        stop = len(toks) if stop is None else stop
        posts: list[Post] = []
        k = i
        end = i
        fillers = self.words.fillers
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
                    and self.words.titles.match(toks, k + 1)):
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
