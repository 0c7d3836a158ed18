"""People and their posts, and the organisations an article names.

:class:`PeopleFinder` gives ``people`` and ``organizations`` (SPEC) and ``mentions``: every
mention of a person (:class:`~partyx.record.Mention`: the full name, character offsets into
the text), in text order (full names, short forms ``ông Phong``, truncations ``Ngô Thị
Thanh``).

How a person is found (pure token and dictionary work, precompiled at stage init):

1. **Names** are found by :mod:`partyx.rules.names` (a surname or a cue word before
   capitalised words, …). A two-word name needs a cue or a title.
2. **Posts** (:mod:`partyx.rules.posts`) are read from the chain of titles right before a name
   (``Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Nguyễn Thị Tuyến``), after it
   with ``-``, ``,`` or in brackets (``Đường Hoài Nam - Thành ủy viên, Bí thư Quận ủy``), and
   after an appointment cue (``giữ chức``; ``thôi giữ chức`` marks it former), and after a
   short subject (``ông Thăng làm …``, a bare ``ông từng giữ các chức vụ: …``; a past marker
   such as ``Trước đó`` makes those former; a negation before the cue, a decision not
   taken, gives none: ``vì sao không bổ nhiệm ông Hoàng làm …?``). Between two
   names, ``A, post, post B``: the post that touches B is B's, the rest A's.
3. **Lists**: a chain written once before a colon or after ``các (đồng chí)`` applies to each
   person listed after it in the sentence.
4. **Short forms** join the full name: a cue or title before one word (``ông Phong``,
   ``Bí thư Thăng``) joins the person whose name ends with it (the latest mentioned); a
   prefix of a longer name (``Ngô Thị Thanh``) joins that name. ``ông``/``bà`` give gender.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Collection, Container, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from partyx.data import load
from partyx.lang.patterns import alternation
from partyx.lang.sentences import (
    CLAUSE,
    MARK_TOKENS,
    clause_start,
    first_token,
    next_end,
    sentence_number,
    token_breaks,
)
from partyx.lang.spans import Spans
from partyx.lang.syllables import is_syllable
from partyx.lang.tokens import Tok, Tokens, Trie
from partyx.record import Mention, Organization, Person, Position
from partyx.rules.gazetteer import PROVINCE_TYPES, Unit
from partyx.rules.names import NameFinder, capitalised
from partyx.rules.orgs import (
    NO_CONTEXT,
    Bodies,
    Context,
    Org,
    Whereabouts,
    is_local_alone,
    is_party_alone,
)
from partyx.rules.posts import (
    CURRENT,
    FORMER,
    FORMER_MEMBER,
    MEMBER,
    MEMBER_TITLE,
    NOMINATED,
    PURPOSE,
    Post,
    PostParser,
    decision_cues,
)

_START = attrgetter("start")
_TEXT = attrgetter("text")
_LOW = attrgetter("low")

_DASHES = frozenset({"-", "–", "—"})
_SEPARATORS = _DASHES | {",", "("}
_LIST_SEPARATORS = frozenset({",", ";", "và", ":"})
_OF = "của"  # a title after it is an owner's, not a name's before a dash
# Organisations are read with no place known (one object, never changed: the parser's memo
# of organisations is by context); their places are resolved afterwards (Whereabouts).
_NO_PLACE = NO_CONTEXT
# The kinds of unit a place written bare after tại/ở may be (see PeopleFinder._such_as).
# Characters of an article's lead (see PeopleFinder._deceased).
_LEAD = 800
_DEPUTIES: dict[str, str] = load("titles")["deputy_titles"]  # (see _head_title)
_MINISTERS = frozenset(load("titles")["ministers"])  # (see _placed)
_ACTING = "Quyền "  # (titles.json title_prefixes: an acting minister's title)
_SURNAMES = frozenset(s.lower() for s in load("names")["surnames"])


class Found(NamedTuple):
    """What :class:`PeopleFinder` finds in a text."""

    people: list[Person]
    organizations: list[Organization]
    mentions: list[Mention]


@dataclass
class Candidate:
    start: int  # token indices [start, end)
    end: int
    name: str
    tokens: Tokens  # the tokens of its segment, with their offsets
    cue_gender: str | None = None
    cued: bool = False  # a cue word (ông, bà, đồng chí) or a title right before
    cue_at: int = 0  # index of that cue word, else ``start`` (_cue_before, asked once)
    prefix: list[Post] = field(default_factory=list)
    prefix_start: int | None = None  # token index where the prefix chain begins
    glued: bool = False  # the end of a firm's name, no person (PeopleFinder._firm_s_name)
    posts: list[Post] = field(default_factory=list)


class PeopleFinder:
    """Finds people, posts, organisations and mentions in a text (see module docstring)."""

    def __init__(self) -> None:
        self.posts = PostParser()
        self.orgs = self.posts.orgs
        self.tokenizer = self.orgs.words.tokenizer
        self.names = NameFinder(self.posts)
        self.cues = self.names.cues
        t = load("titles")
        self.list_intros = Trie(dict.fromkeys(t["list_intros"], True))
        self.list_bodies = Trie(t["list_bodies"])
        self.host_words = Trie(dict.fromkeys(t["host_words"], True))
        self.distinct = tuple(f" {q}" for q in t["distinct_qualifiers"])
        sd = t["step_dates"]  # (see _dated_steps)
        self.step_date = re.compile(
            rf"(?<!\w)(?:(?:{sd['month']})\s+(\d{{1,2}})\s?[/.-]\s?((?:19|20)\d\d)"
            rf"|(?:{sd['year']})\s+((?:19|20)\d\d))(?![\d/.-])", re.IGNORECASE)
        self.step_birth = sd["birth"]
        # a step written after a dated one with no date of its own: later ("Sau đó, bà được
        # bầu làm …")
        self.step_then = re.compile(rf"\s*(?:{sd['then']})(?!\w)", re.IGNORECASE)
        self.death_words = tuple(t["death_words"])
        # a biography block: a line opening with a birth (or a dated career step)
        alt = "|".join(re.escape(w) for w in t["biography_openers"])
        present = "|".join(re.escape(w) for w in t["present_words"])
        date = r"(?:(?:tháng|năm)\s+)?\d[\d/.\-]*"
        self.bio_line = re.compile(
            r"[ \t\-–•+*]*(?:(?P<birth>" + alt + r")(?!\w)|[Tt]ừ\s+(?P<since>" + date
            + r")\s*(?:(?:đến|tới|[-–])\s*(?:(?P<now>" + present + r")|(?P<until>" + date
            + r")))?\s*[:,]?\s*(?:(?:" + "|".join(re.escape(w) for w in t["step_verbs"])
            + r")(?!\w)\s*:?)?)")
        self.funeral_words = tuple(w.lower() for w in t["funeral_words"])
        self.age_asides = [w.lower().split() for w in t["age_asides"]]  # (see _past_age)
        self.event_roles = frozenset(t["event_roles"])
        self.alias_re = re.compile(r"\(\s*(?:" + "|".join(re.escape(w) for w in t["alias_words"])
                                   + r")\s*:?\s*$", re.IGNORECASE)
        g = t["cue_grammar"]
        # every cue but a nomination has one of these words (a cheap test before tokenizing)
        appointments = sorted({c.removesuffix(" :") for c in (
            *t["appointment_cues"], *t["leaving_cues"], *g["verbs"], *g["member_verbs"],
            *g["member_leaving"])}, key=len, reverse=True)
        self.any_cue = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(c) for c in appointments) + r")(?!\w)",
            re.IGNORECASE)
        # A cheap necessary test before any_cue (whose case-insensitive alternation opens
        # with a look-behind: the regex engine tries every position, each cue in turn): a
        # cue lower-cased in the lower-cased text. Exact where the text has no character
        # the regex engine folds otherwise (see _cue_filter).
        self.cue_low, self.cue_folds = _cue_filter(appointments)
        # a former lead and a verb: where a career clause may open (see _career_before)
        leads = g["former_leads"]
        self.former_leads = tuple({*leads, *(w[0].upper() + w[1:] for w in leads)})
        self.career_cue = re.compile(
            r"(?:" + "|".join(re.escape(w) for w in leads) + r")\s+(?:"
            + "|".join(re.escape(w) for w in g["verbs"]) + r")(?!\w)", re.IGNORECASE)
        self.past_re = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in t["past_markers"]) + r")(?!\w)",
            re.IGNORECASE)
        # a decision not taken (or not yet): a negation right before a cue's verb or a
        # decision verb ("không điều động bổ nhiệm ông A làm …", "chưa được giữ chức")
        verbs = sorted({*g["verbs"], *g["decision_verbs"], *g["member_verbs"]}, key=len,
                       reverse=True)
        self.negations = tuple(g["negations"])  # (a cheap test before negated_re)
        self.negated_re = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in g["negations"]) + r")\s+(?:(?:"
            + "|".join(re.escape(w) for w in g["passive"]) + r")\s+)?(?:"
            + "|".join(re.escape(w) for w in verbs) + r")(?!\w)", re.IGNORECASE)
        self.appoint = Trie(decision_cues(t))
        self.examples = frozenset(g["examples"])
        self.elections = frozenset(g["elections"])
        self.cue_objects = frozenset(w.split()[-1] for w in g["objects"])
        self.decided = Trie(decision_cues(t, active=True))  # (before "đối với": see _decided_for)
        # a career cue that a list of posts follows, one a line (see _career_lines)
        self.former_cues = frozenset(c.lower() for c, v in decision_cues(t).items()
                                     if v == FORMER and not c.endswith(" :"))
        self.list_tails = tuple(sorted((w.split() for w in g["list_tails"]), key=len,
                                       reverse=True))
        # an item's years in brackets after its post ("(2010 - 2015)", "(từ năm 2015 đến nay)")
        aside = "|".join(re.escape(w) for w in sorted(
            {"từ", "đến", *g["durations"], *t["present_words"]}, key=len, reverse=True))
        self.present_aside = re.compile(  # ("(từ năm 2015 đến nay)": held still)
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in t["present_words"]) + r")(?!\w)",
            re.IGNORECASE)
        self.years_aside = re.compile(
            r"\s*\((?=[^()]*\d{4})(?:[\d\s/.\-–]|(?<![^\s(])(?:" + aside + r")(?![^\s)]))+\)\s*",
            re.IGNORECASE)
        self.assistants = Trie(t["assistant_titles"])
        self.assistant_ends = frozenset(w.split()[-1].lower() for w in t["assistant_titles"])
        self.decision_objects = tuple((len(w.split()), w.split()) for w in t["decision_objects"])
        self.cue_words = frozenset({"các", *(w for c in self.cues for w in c.lower().split())})
        # (see _firm_evidence: as written, at a sentence's start too)
        self.cue_alt = alternation(sorted({f(c) for c in self.cues for f in (
            str.lower, str.capitalize)}))
        self.org_head_alt = alternation(sorted({f(h) for h in load("orgs")["generic_heads"]
                                                for f in (str, str.lower, str.capitalize)}))
        self.end_or_appoint = MARK_TOKENS.union(self.appoint.root)
        self.agent_acts = Trie(dict.fromkeys(g["agent_acts"], True))  # (see _decisions)
        self.end_or_appoint_or_act = self.end_or_appoint.union(self.agent_acts.root)
        self.past_openers = Trie(dict.fromkeys(g["past_openers"], True))  # (_appointments)
        self.decision_marks = self.end_or_appoint_or_act.union(self.past_openers.root)
        self.durations = frozenset(g["durations"])  # (see _decisions)

    def candidates(self, text: str, tokens: Tokens, authors: Collection[str],
                   caps: list[int] | None = None, blocked: set[str] | None = None
                   ) -> list[Candidate]:
        """The names in ``tokens`` (:meth:`NameFinder.find`), as candidates for posts
        (``blocked``: gets the names found to be a street's, a school's …)."""
        return [Candidate(n.start, n.end, n.name, tokens, n.gender, n.cued, n.cue_at)
                for n in self.names.find(text, tokens, authors, caps, blocked)]

    # -- posts around names --------------------------------------------------------------
    def _prefix(self, toks: list[Tok], c: Candidate, floor: int, ctx: Context, sentence: int = 0
                ) -> tuple[list[Post], int, bool] | None:
        """The chain of posts right before candidate ``c``: (posts, start, list_colon)."""
        found = self._prefix_chain(toks, c, floor, ctx, sentence)
        if found is None:
            return self._body_list(toks, max(floor, c.start - 40), c.cue_at, ctx)
        posts, s, end, colon = found
        self.posts.settle_chain(toks, posts, ctx, end)
        return posts, s, colon

    def _prefix_chain(self, toks: list[Tok], c: Candidate, floor: int, ctx: Context,
                      sentence: int = 0
                      ) -> tuple[list[Post], int, int, bool] | None:
        """The chain read right before ``c`` (not settled): (posts, start, end, colon)."""
        cued = c.cued  # (as found: _posts sets it after this)
        target = c.cue_at
        firsts = self.posts.post_first_words
        generic = self.orgs.words.generic
        titles = self.posts.words.titles
        for s in range(max(floor, c.start - 40), target):
            if toks[s].low not in firsts:  # no post starts here (posts.starts_post, inlined)
                continue
            if s > 0 and toks[s - 1].cap and toks[s - 1].low in generic.root and (
                    g := generic.match(toks, s - 1)) is not None and g[1] > s:
                continue  # a title inside a body's name: "Ban Giám đốc CATP Hà Nội"
            if s > 0 and toks[s - 1].low in titles.root and (
                    m := titles.match(toks, s - 1)) is not None and m[1] > s:
                continue  # a title inside a longer one: "Bí thư" of "Tổng Bí thư"
            if floor > sentence and self._cue_ends_at(toks, max(floor, s - 5), s):
                continue  # "bầu ông A làm Bí thư Thành ủy, ông B làm …": A's, after A's cue
            posts, end = self.posts.chain(toks, s, ctx, stop=target, settle=False)
            if not posts and end == s:
                continue
            if end == target and end > s:
                return posts, s, end, False
            rest = [t.low for t in toks[end:target]]
            if len(rest) > 2 and rest[0] == "," and rest[1] == "bộ" and posts and (
                    posts[-1].org is not None) and (
                    (mr := self.orgs.ministry(toks, end + 1, ctx)) is not None
                    and mr[1] == target):
                # "Chủ nhiệm Tổng cục Chính trị, Bộ Quốc phòng Lê Văn Dũng": the ministry
                # the last post's body belongs to, before the name
                return posts, s, end, False
            if len(rest) == 1 and rest[0] in _DASHES and posts and (
                    c.cue_at < c.start and not (s > 0 and toks[s - 1].low == _OF)
                    or c.end - c.start >= 3 and (
                        s <= sentence or not toks[s - 1].word
                        or toks[s - 1].low in self.host_words.root)):
                # "Phó Chủ tịch UBND tỉnh Nghệ An - ông Lê Hồng Vinh": the post set before a
                # dash and a cue word, or a full name where the chain opens the sentence or a
                # list ("Tham dự có Chủ tịch UBND tỉnh – Nguyễn Xuân Đường"; not "Giải thưởng
                # của Chủ tịch UBND tỉnh – A nhận"); after another name and a dash: see
                # _posts, the split. After "của" the post is a giver's, not the next person's,
                # cue word or none: "Quà của Chủ tịch nước – ông A nhận thay"
                return posts, s, end, False
            if posts and (pe := posts[-1].end) < target and (
                    toks[pe].text == "," or toks[pe].text in _DASHES) and (
                    self._fillers_to(toks, pe + 1, target)):
                # "Phó Chủ tịch Hội Kiến trúc sư Việt Nam, PGS.TS Nguyễn Quốc Thông": a rank or
                # a degree between (the chain read them in: it ends at the last post)
                return posts, s, pe, False
            if rest in ([","], [":"]) and (cued or rest == [":"]) and not (
                    s > 0 and toks[s - 1].text.isdigit()):  # "gồm 13 ủy viên, bà A": a count
                return posts, s, end, rest == [":"]
            if posts and self._list_intro(toks, end, target):
                return posts, s, end, True
            if rest in (["là"], [",", "là"]) and posts:  # "Bí thư Tỉnh ủy là ông Phạm Duy Cường"
                if self.past_re.search(" ".join(t.text for t in toks[sentence:s])):
                    for p in posts:  # "Trước đó, …, còn Bí thư Tỉnh ủy là ông A": held then
                        p.status = FORMER
                return posts, s, end, False
        return None

    def _degree_joins(self, tokens: Tokens, breaks: list[int]) -> list[int]:
        """``breaks`` less those after a dot written inside degrees (``PGS.TS``, ``ThS.BS``:
        a degree, a dot and a degree with no space between): no sentence ends there."""
        toks, starts = tokens.toks, tokens.starts
        roots = self.posts.words.fillers.root
        drop = {k for k in breaks if 2 <= k < len(toks) and toks[k - 1].text == "." and (
            toks[k - 2].low in roots and toks[k].low in roots) and (
            tokens.end(k - 2) == starts[k - 1] and tokens.end(k - 1) == starts[k])}
        return [k for k in breaks if k not in drop] if drop else breaks

    def _cue_ends_at(self, toks: list[Tok], lo: int, s: int) -> bool:
        """Whether a cue of a post taken or held (``làm``, ``giữ chức``) written from
        ``toks[lo:]`` ends right at ``toks[s]``."""
        appoint = self.appoint
        return any(toks[q].low in appoint.root and (m := appoint.match(toks, q)) is not None
                   and m[1] == s and m[0] in (CURRENT, FORMER) for q in range(lo, s))

    def _fillers_to(self, toks: list[Tok], k: int, target: int) -> bool:
        """Whether ranks and degrees (``fillers``: ``PGS.TS``, ``Đại tá``; ``PGS, TS``), one
        at least, and nothing else stand from ``toks[k]`` to ``target``."""
        fillers = self.posts.words.fillers
        q = k
        while q < target and toks[q].low in fillers.root and (
                f := fillers.match(toks, q)) is not None and f[1] <= target:
            q = f[1]
            if q + 1 < target and toks[q].text in (",", "."):  # "PGS, TS", "PGS.TS"
                q += 1
        return k < q == target

    def _firm_s_name(self, text: str, toks: list[Tok], c: Candidate, posts: list[Post],
                     s: int, prev: Candidate | None) -> bool:
        """Whether candidate ``c``, two capitalised words with no cue word before them, read
        right after the chain ``posts`` (from ``toks[s]``) whose last organisation is no
        public body's and ends in a lower-case word (``Chủ tịch HĐQT Công ty cổ phần Đầu tư
        và xây dựng giao thông Phương Thành,``), before punctuation, is the end of that
        organisation's name (a firm's), not a person's, with evidence
        (:meth:`_firm_evidence`)."""
        if c.end - c.start != 2 or c.cue_at != c.start or not posts:
            return False
        last = posts[-1]
        org = last.org
        return org is not None and org.kind == "other" and last.end == c.start and (
            toks[c.start - 1].word and not toks[c.start - 1].cap and (
                not toks[c.start - 1].text.isdigit())) and (
            c.end >= len(toks) or not toks[c.end].word) and self._firm_evidence(
            text, toks, c, s, prev)

    def _firm_evidence(self, text: str, toks: list[Tok], c: Candidate, s: int,
                       prev: Candidate | None) -> bool:
        """Whether the two words of ``c`` after a firm's chain (from ``toks[s]``) are shown
        to be the firm's, not a person's (two-word names are common there too: ``theo Giám
        đốc Công ty cổ phần may xuất khẩu Lê Hùng,``): the chain set after a person's name
        and a comma, a dash or a bracket (``Ông A, Chủ tịch HĐQT …``, ``ông A - Chủ tịch
        HĐQT …``: A's), or the words written elsewhere after
        an organisation's head or the same word (``Công ty Phương Thành``); never when the
        text calls a person by them (``ông Thành``, ``bà Phương Thành``)."""
        first, second = (re.escape(t.text) for t in toks[c.start:c.end])
        if re.search(rf"(?<!\w)(?:{self.cue_alt})\s+(?:{first}\s+)?{second}(?!\w)", text):
            return False
        if prev is not None and s >= 1 and prev.end == s - 1 \
                and toks[s - 1].text in (",", "-", "–", "("):  # "Ông A - Chủ tịch …", "A (…"
            return True
        words = rf"\s+{first}\s+{second}(?!\w)"
        before = re.escape(toks[c.start - 1].text)
        return len(re.findall(rf"(?<!\w){before}{words}", text)) > 1 or (
            re.search(rf"(?<!\w)(?:{self.org_head_alt}){words}", text) is not None)

    def _past_age(self, toks: list[Tok], k: int, limit: int) -> int:
        """After a person's age or birth year written at ``toks[k]`` right after the name
        (``age_asides``: ``(55 tuổi)``, ``, 55 tuổi`` before a comma, ``(SN 1970)``), or a
        lower-case descriptor that opens the brackets after it (``( thương binh 1/4,``): the
        index after it, where the posts written after the name go on; else ``k``."""
        if k + 3 >= limit or toks[k].text not in ("(", ","):
            return k
        if toks[k].text == "(" and not toks[k + 1].text.isdigit() and (
                toks[k + 1].word and not toks[k + 1].cap):
            # "A ( thương binh 1/4, nguyên Phó Giám đốc …)": a lower-case descriptor of up to
            # five words (numbers too) before a comma inside the brackets
            j = k + 1
            while j < limit and j - k <= 5 and (toks[j].word and not toks[j].cap or (
                    toks[j].text.isdigit() or toks[j].text == "/")):
                j += 1
            if j < limit and toks[j].text == ",":
                return j
            # "A (dân tộc Mông), phó bí thư huyện ủy …", "A (thứ hai từ trái), Chủ tịch …": a
            # short aside that opens with no post, closed, and a comma or a dash after it
            if self.posts.post(toks, k + 1, _NO_PLACE) is not None:
                return k
            j = k + 1
            while j < limit and j - k <= 8 and toks[j].text not in ("(", ")"):
                j += 1
            return j + 1 if j + 1 < limit and toks[j].text == ")" and (
                toks[j + 1].low in (",", *_DASHES)) else k
        for words in self.age_asides:
            j = k + 1
            for w in words:
                if j >= limit or not (toks[j].text.isdigit() if w == "#" else toks[j].low == w):
                    break
                j += 1
            else:
                if toks[k].text == "(":
                    return j + 1 if j < limit and toks[j].text == ")" else k
                return j if j < limit and toks[j].text == "," else k
        return k

    def _name_after(self, toks: list[Tok], p: Post, end: int, limit: int) -> bool:
        """Whether the title with no organisation ``p`` that ends a chain after a name at
        ``toks[end]`` stands before two capitalised words that name no place (``…, Tổng
        Bí thư Trường Chinh``): another person's name, not read as one, whose title it is."""
        if p.org is not None or p.end != end or end + 1 >= limit:
            return False
        a, b = toks[end], toks[end + 1]
        return a.cap and a.word and b.cap and b.word and not (
            self.orgs.gazetteer.is_place_name(f"{a.text} {b.text}")
            or self.names.countries.match(toks, end) is not None)

    def _colon_head(self, toks: list[Tok], colon: int, floor: int, ctx: Context
                    ) -> list[Post]:
        """The chain that ends right before the colon at ``toks[colon]`` (from ``floor``)."""
        firsts = self.posts.post_first_words
        for s in range(max(floor, colon - 40), colon):
            if toks[s].low in firsts:
                posts, end = self.posts.chain(toks, s, ctx, stop=colon)
                if posts and end == colon:
                    return posts
        return []

    def _body_list(self, toks: list[Tok], lo: int, target: int, ctx: Context
                   ) -> tuple[list[Post], int, bool] | None:
        """``Ban Thường vụ Thành ủy gồm các đồng chí: A, B``: a body written before a list
        of its members gives each of them its member title."""
        for s in range(lo, target):
            if not (toks[s].cap and self.list_bodies.starts(toks[s])):
                continue
            m = self.list_bodies.match(toks, s)
            if m is None:
                continue
            r = self.orgs.org(toks, s, ctx, generic=False)
            if r is None or r[0].bare or not r[0].resolved:
                continue
            org, end = r
            if self._list_intro(toks, end, target):
                title, org = self.posts.member_post(org, m[0])
                return [Post(title, org, "current", s, end, shared=True)], s, True
        return None

    def _host(self, toks: list[Tok], first: int, k: int, ctx: Context) -> Org | None:
        """The organisation that opens the sentence (``toks[first:]``, after up to three
        words such as ``Hiện lãnh đạo``) before ``toks[k]`` and is followed by a host word
        (``gồm``, ``có``; a term between: ``khóa XVI``, ``nhiệm kỳ mới``), or None."""
        for s in range(first, min(first + 4, k)):
            if not toks[s].cap:
                continue
            r = self.orgs.org(toks, s, ctx, generic=False)
            if r is None or r[0].bare:
                continue
            org, j = r
            while j < k and toks[j].word and not toks[j].cap and (
                    toks[j].low not in self.host_words.root):
                j += 1  # "nhiệm kỳ mới"
            if j < k and toks[j].word and toks[j].cap and toks[j - 1].low == "khóa":
                j += 1  # "khóa XVI"
            while j < k and (toks[j].low in ("nhiệm", "kỳ", ",", "-", "–")
                             or toks[j].text.isdigit()):
                j += 1
            if j < k and self.host_words.match(toks, j) is not None:
                return org
            return None
        return None

    def _list_intro(self, toks: list[Tok], k: int, target: int) -> bool:
        """``chuyên trách, gồm:`` / ``kiêm nhiệm gồm các đồng chí:`` from ``toks[k]`` to
        ``target``: up to three lower-case qualifiers, an intro word, an optional colon."""
        qualifiers = 0
        if k + 1 < target and toks[k].low == "khóa" and toks[k + 1].word:  # "khóa XVIII"
            k += 2
        while k < target and qualifiers < 3 and toks[k].word and not toks[k].cap and (
                self.list_intros.match(toks, k) is None):
            k += 1
            qualifiers += 1
        if k < target and toks[k].low == ",":
            k += 1
        m = self.list_intros.match(toks, k)
        if m is None or m[1] > target:
            return False
        k = m[1]
        if k + 2 < target and toks[k].text.isdigit():  # "gồm 14 người:" (a colon needed)
            k += 1
            while k < target - 1 and toks[k].word and not toks[k].cap and k - m[1] <= 2:
                k += 1
            return k + 1 == target and toks[k].low == ":"
        return k == target or (k + 1 == target and toks[k].low == ":")

    def _appointments(self, toks: list[Tok], c: Candidate, stop: int, ctx: Context,
                      breaks: list[int] | None = None) -> list[Post]:
        """Posts after ``giữ chức``/``thôi giữ chức`` … in the rest of the sentence; former
        where a past opener stands before the name in its sentence (``Trước khi được bổ
        nhiệm …, ông A là …``: the opener first in the sentence; ``Trước đó, …`` is a
        time of the events reported, no career)."""
        posts = self._decisions(toks, c.end, stop, ctx)
        if posts and breaks is not None:
            a = first_token(breaks, c.start)
            if a < c.start and (m := self.past_openers.match(toks, a)) is not None and (
                    m[1] <= c.start):
                for p in posts:
                    p.status = FORMER
        return posts

    def _first_post(self, toks: list[Tok], j: int, stop: int) -> int:
        """Where the first post of a list after an example word begins: jobs that are no
        post (``chuyên viên, thư ký lãnh đạo Bộ, Phó chánh Văn phòng``: lower-case items
        of up to six words, between commas) are passed over."""
        k = j
        post_words = self.posts.post_first_words
        while k < stop and toks[k].low not in post_words:
            e = k
            while e < stop and e - k < 6 and toks[e].low != "," and toks[e].word:
                e += 1
            if e >= stop or toks[e].low != "," or toks[k].cap:
                return j
            k = e + 1
        return k if k < stop else j

    def _such_as(self, toks: list[Tok], j: int, stop: int, ctx: Context
                 ) -> tuple[int, Unit | None] | None:
        """``từng giữ các vị trí quan trọng tại Điện Biên như Giám đốc Sở Tài chính, …``:
        after a cue and its object at ``toks[j]``, up to eight lower-case words (or ``tại``
        or ``ở`` and a place, or ``tại`` and an organisation: ``tại Bộ Tư pháp như …``) and
        an example word: (where the list begins, the place written there or None), else
        None."""
        where: Unit | None = None
        q = j
        while q < min(stop, j + 9):
            t = toks[q]
            if t.low in self.examples:
                q += 1
                if q < stop and toks[q].low == ":":
                    q += 1
                return (q, where) if q < stop else None
            if t.low in ("tại", "ở") and q + 1 < stop and toks[q + 1].cap:
                place = self.orgs.place(toks, q + 1, PROVINCE_TYPES)
                if place is None:  # "tại Bộ Tư pháp như …": the host of the list
                    host = self.orgs.org(toks, q + 1, ctx, generic=False)
                    if host is None:
                        return None
                    q = host[1]
                    continue
                where = place[0]
                q = place[1]
                continue
            if not t.word or t.cap:
                return None
            q += 1
        return None

    def _assistants(self, text: str, tokens: Tokens, cands: list[Candidate]) -> None:
        """``ông A, Trợ lý đồng chí B, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ``: an
        assistant's or a secretary's title (``assistant_titles``) before a cue and a person
        B is a post of the person A the title stands in apposition to (after a comma), or
        of the holder of the previous such title when a cue stands between (``…, giữ chức
        Trợ lý đồng chí C, …``): its organisation is B's last post written after B."""
        toks = tokens.toks
        holders: dict[int, tuple[Candidate, int]] = {}  # principal's index -> holder
        for j, d in enumerate(cands):
            if j == 0 or d.cue_at == d.start or d.cue_at < 2 or (
                    toks[d.cue_at - 1].low not in self.assistant_ends):
                continue  # (most people: no assistant's title before their cue)
            found = next(((a, m[0]) for a in range(max(0, d.cue_at - 3), d.cue_at)
                          if (m := self.assistants.match(toks, a)) is not None
                          and m[1] == d.cue_at), None)
            if found is None:
                continue
            a, title = found
            prev = cands[j - 1]
            gap = toks[_reach(prev):a]
            status = CURRENT
            if len(gap) == 1 and gap[0].low == "," and j - 1 not in holders:
                holder = prev
            elif j - 1 in holders and gap and (m := self.appoint.match(
                    toks, _reach(prev) + (gap[0].low == ","))) is not None and (
                    m[1] == a and m[0] in (CURRENT, FORMER)):
                holder, status = holders[j - 1][0], m[0]
            else:
                continue
            reach = _reach(d)
            own = [p for p in d.posts if p.end <= reach and self.posts.is_post(p)]
            if not own:
                continue
            q = own[-1]
            written = q.title if q.org is None else f"{q.title} {q.org.name}"
            words = written.split()
            name = " ".join(w for k, w in enumerate(words)  # "Trưởng ban Ban Tổ chức …"
                            if k == 0 or w.lower() != words[k - 1].lower())
            holders[j] = (holder, a)
            holder.posts.append(Post(title, Org(name, "other", None), status, a, q.end,
                                     written=text[tokens.starts[a]:tokens.end(q.end - 1)]))

    def _shared_org_after(self, toks: list[Tok], cands: list[Candidate]) -> None:
        """``đồng chí A - Chủ tịch và đồng chí B - Phó Chủ tịch LĐLĐ tỉnh Hà Tĩnh``: the one
        title written after a name with no organisation, right before ``và`` or a comma and
        the next person, is of the organisation of the first post written after that
        person's name (in the same way, a dash or a comma after it), when the two titles are
        a head's and a deputy's of one body (``_head_title``; not one title twice: one post has
        one holder): ``A - Bí thư và B - Chủ tịch UBND xã`` gives A no post of the UBND."""
        standalone = self.posts.words.standalone
        for c, d in zip(cands, cands[1:], strict=False):
            if len(c.posts) != 1 or c.prefix or not d.posts:
                continue
            p, q = c.posts[0], d.posts[0]
            if p.org is not None or p.title in standalone or p.title in self.event_roles or (
                    q.org is None or q.org.bare or q.start != d.end + 1) or (
                    p.title == q.title or _head_title(p.title) != _head_title(q.title)):
                continue
            gap = [t.low for t in toks[p.end:d.cue_at]]
            if gap in (["và"], [","], [",", "và"]) and toks[d.end].low in _SEPARATORS:
                p.org = q.org

    def _decision_object(self, toks: list[Tok], at: int) -> int | None:
        """Where the word that names the people a decision is for (``đối với``, ``cho``:
        ``decision_objects``) begins, when it stands right before ``toks[at]`` (a person's
        cue or name), cue words of a list between (``cho các ông, bà:``); else None."""
        k = at
        if k > 0 and toks[k - 1].low == ":":
            k -= 1
        while k > 0 and at - k < 8 and (toks[k - 1].low in self.cue_words or (
                toks[k - 1].low in (",", "và") and k < at)):
            k -= 1
        for n, words in self.decision_objects:
            if k >= n and all(toks[k - n + q].low == w for q, w in enumerate(words)):
                return k - n
        return None

    def _decided_for(self, toks: list[Tok], k: int, stop: int, ctx: Context) -> list[Post]:
        """The posts of the decision cue in ``toks[k:stop]`` whose posts end right at
        ``stop`` (before ``đối với`` and a person)."""
        while k < stop:
            low = toks[k].low
            m = self.appoint.match(toks, k) if low in self.appoint.root else None
            if m is None and low in self.decided.root:
                m = self.decided.match(toks, k)
            if m is None or m[0] in (NOMINATED, PURPOSE) or m[1] >= stop:
                k += 1
                continue
            kind, j = m
            if toks[j].text.isdigit() and j + 1 < stop:
                j += 1  # a count: "Bổ nhiệm 6 Phó Tổng Biên tập Báo … đối với …"
            if kind in (MEMBER, FORMER_MEMBER):
                posts, e = self.posts.bodies(toks, j, ctx, FORMER if kind == FORMER_MEMBER
                                             else CURRENT, stop)
            else:
                posts, e = self.posts.chain(toks, j, ctx, stop=stop)
                if kind == FORMER:
                    for p in posts:
                        p.status = FORMER
            if posts and e == stop:
                return posts
            k = max(e, j)
        return []

    def _decisions(self, toks: list[Tok], k: int, stop: int, ctx: Context,
                   past: Callable[[int], bool] | None = None, names: bool = False
                   ) -> list[Post]:
        """Posts after the decision and career cues from ``toks[k]`` to ``stop`` or the end
        of the sentence (or, with ``names``, the next person): a post taken (``giữ chức``),
        left or held before (``thôi giữ chức``, ``từng đảm nhiệm các chức vụ:``, or any
        cue at a token where ``past`` says the sentence speaks of the past), membership of
        the bodies listed (``tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy``; ``thôi tham
        gia``: former), none for a post one is only nominated for (``giới thiệu để HĐND
        bầu giữ chức``). The posts of one sentence read as one chain (PostParser.settle)."""
        out: list[Post] = []
        acts = self.agent_acts  # the person's own act on others: no cue after it is theirs
        marks = self.decision_marks  # one set test for most tokens (the loop is hot)
        cues = self.cues
        nominated = False
        opener = False  # a past opener ("trước khi") right before the cue read next
        held_before = False  # the cue read next is what one was before the decision
        before = -1  # where the clause an opener ("trước khi") opens begins: "là" was before
        purpose: int | None = None  # where the words after a purpose word begin
        end = k
        post_words = self.posts.post_first_words
        body_words = self.orgs.org_first_words
        while k < stop:
            t = toks[k]
            low = t.low
            if names and t.cap and t.word and (self.orgs.is_name_start(toks, k) or (
                    k > 0 and toks[k - 1].low in cues)):
                break  # the next person
            if low not in marks:
                k += 1
                continue
            if low in MARK_TOKENS:
                break
            if low in acts.root and not t.cap and acts.match(toks, k) is not None:
                break  # ("Thủ tướng A đã ký Quyết định … phê chuẩn … chức vụ Chủ tịch …")
            if low in self.past_openers.root and (
                    po := self.past_openers.match(toks, k)) is not None:
                opener, before = True, po[1]
                k = po[1]
                continue
            m = self.appoint.match(toks, k)
            if m is None:
                k += 1
                opener = False
                continue
            kind, j = m
            if k > 0 and toks[k - 1].low in self.negations and kind in (CURRENT, FORMER, MEMBER):
                k = j  # "A không trúng cử Ủy viên …", "chưa được bổ nhiệm", "chưa từng giữ"
                opener = False
                continue
            # "A, trước khi được điều động là Phó Giám đốc Sở …": the cue right after the
            # decision an opener dates is what one was before it (the decision's own posts,
            # written right after it, are taken: "trước khi được bổ nhiệm giữ chức …, ông là")
            former_here, held_before = held_before, False
            if opener and kind == CURRENT and j < stop and toks[j].low == "là":
                held_before = True  # ("được bổ nhiệm giữ chức …": the decision's object)
            opener = False
            # "A, trước khi nghỉ hưu là Giám đốc Sở …", "A, trước khi được điều động về Bộ Tài
            # chính, là Phó Chủ tịch …": the copula after the opener's clause is what one was
            # before it (not the clause's own: "trước khi là Giám đốc, ông từng là …")
            if 0 <= before < k and kind == CURRENT and j == k + 1 and toks[k].low == "là":
                former_here, before = True, -1
            if kind == NOMINATED:
                nominated = True
                k = j
                continue
            if kind == PURPOSE:  # "để HĐND TP bầu làm …": an election to come
                purpose = j
                k = j
                continue
            if purpose is not None and any(t.low in self.elections for t in toks[purpose:k + 1]):
                nominated = True
            purpose = None
            where = None
            if kind in (CURRENT, FORMER) and j < stop and toks[j - 1].low in self.cue_objects and (
                    toks[j].low not in post_words):
                such = self._such_as(toks, j, stop, ctx)  # "các vị trí quan trọng như: …"
                if such is not None:
                    j, where = such
                    j = self._first_post(toks, j, stop)
            if j >= stop or toks[j].low not in (
                    body_words if kind in (MEMBER, FORMER_MEMBER) else post_words):
                k = j  # (most cues: no post after them)
                continue
            if kind in (MEMBER, FORMER_MEMBER):
                posts, e = self.posts.bodies(toks, j, ctx, FORMER if kind == FORMER_MEMBER
                                             else CURRENT, stop)
            else:
                posts, e = self.posts.chain(toks, j, ctx, stop=stop, semicolons=kind == FORMER,
                                            career=kind == FORMER)
                if where is not None:  # (the place the list is of: before other evidence)
                    self.posts.place_all(posts, where)
                if kind == FORMER or former_here or (past is not None and past(k)) or (
                        e + 1 < stop and toks[e].text.isdigit() and (
                            toks[e + 1].low in self.durations)):  # ("… An Huy 4 năm": held)
                    for p in posts:
                        p.status = FORMER
            if nominated and posts:  # the posts one is put forward for
                posts = []
                nominated = False
            out.extend(posts)
            end = max(end, e)
            k = max(e, j)
        if out:
            self.posts.settle(toks, out, ctx, end)
        return out

    def __call__(self, text: str, authors: list[str], places: Whereabouts | None = None
                 ) -> Found:
        """People, organisations and mentions of ``text``; the places of organisations that
        leave theirs out resolved by ``places`` (none resolved without it)."""
        places = places or Whereabouts(text)
        ctx = _NO_PLACE
        cands: list[Candidate] = []
        blocked: set[str] = set()  # names that are a street's, a school's … somewhere
        segments = []
        for a, b in self.names.segments(text):
            tokens = self.tokenizer.tokenize(text, a, b)
            # (names, short forms and organisations start at capitalised tokens)
            caps = capitalised(tokens.toks)
            found = self.candidates(text, tokens, set(authors), caps, blocked)
            if found:
                self._posts(text, tokens, found, ctx)
                _listed(tokens.toks, found)
                cands.extend(found)
                segments.append((tokens, caps))
        if cands and ":" in text:
            self._heading_lists(text, cands, ctx)
        _orgs_of_bare_lists(cands, self.posts.words.standalone)
        named = Bodies([x for tokens, caps in segments
                        for x in self._segment_orgs(tokens, ctx, caps, places)])
        return self._assemble(text, segments, cands, ctx, places, named, blocked)

    def headline_posts(self, found: Found, title: str, authors: list[str],
                       places: Whereabouts) -> None:
        """Posts written in the headline (``Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý làm việc
        với …``; its places resolved by ``places``, the article's context) of the people the
        body names in full: added to theirs in ``found`` (the headline gives no person, no
        mention: its offsets are not the body's)."""
        head = self(title, authors, places)
        by_name = {p["name"]: p for p in found.people}
        known = {o["name"] for o in found.organizations}
        head_orgs = {o["name"]: o for o in head.organizations}
        for hp in head.people:
            person = by_name.get(hp["name"])
            if person is None or not hp["positions"]:
                continue
            # (a title the body gives them too is that post, written short: "Tổng Giám đốc
            # PVN" in the headline, "… Tập đoàn Dầu khí Việt Nam" in the body)
            titles = {x["title"] for x in person["positions"]}
            new = [x for x in hp["positions"] if x["title"] not in titles]
            if not new:
                continue
            person["positions"] = _dedupe_positions([*person["positions"], *new],
                                                    self.distinct)
            for x in new:
                org = x["org"]
                if org is not None and org not in known and org in head_orgs:
                    found.organizations.append(head_orgs[org])
                    known.add(org)

    def _heading_lists(self, text: str, cands: list[Candidate], ctx: Context) -> None:
        """``Bộ Chính trị:`` on a line of its own, then one line per member opening with a
        list mark (``- Bộ trưởng Bộ Công an Lê Hồng Anh``): each person listed holds the
        member title of the body (``Ủy viên``; ``Bí thư`` of the Secretariat)."""
        starts = [c.tokens.starts[c.start] for c in cands]
        for m in _headings(text):
            if m.group(1).split(None, 1)[0].lower() not in self.list_bodies.root:
                continue  # (most headings: no body opens them)
            tokens = self.tokenizer.tokenize(text, m.start(1), m.end(1))
            toks = tokens.toks
            body = self.list_bodies.match(toks, 0)
            r = self.orgs.org(toks, 0, ctx, generic=False) if body is not None else None
            if body is None or r is None or r[0].bare or not r[0].resolved:
                continue
            org, end = r
            if end + 2 == len(toks) and toks[end].low == "khóa":
                end += 2
            if end != len(toks):
                continue  # the line is more than the body
            title, org = self.posts.member_post(org, body[0])
            lo = hi = m.end()
            for line in _LIST_LINE.finditer(text, m.end()):
                if line.start() != hi:
                    break
                hi = line.end()
            first = bisect.bisect_left(starts, lo)
            for c, at in zip(cands[first:], starts[first:], strict=True):
                if at >= hi:
                    break
                c.prefix.append(Post(title, org, CURRENT, c.start, c.start, shared=True,
                                     written=m.group(1)))

    def _posts(self, text: str, tokens: Tokens, cands: list[Candidate], ctx: Context
               ) -> None:
        """Fill the posts of the candidates of one segment (steps 2-3 of the docstring)."""
        breaks = self._degree_joins(tokens, token_breaks(text, tokens))
        toks = tokens.toks
        parser = self.posts
        # 1. chains before names, with the split rule between two names
        floor = 0
        for i, c in enumerate(cands):
            opening = first_token(breaks, c.start)
            r = self._prefix(toks, c, max(floor, opening), ctx, opening)
            if r is not None and self._firm_s_name(text, toks, c, r[0], r[1],
                                                   cands[i - 1] if i else None):
                c.glued = True  # "Chủ tịch HĐQT Công ty cổ phần … Phương Thành,": no person
                r = None
            if r is not None:
                posts, s, colon = r
                c.prefix_start = s
                c.cued = True
                prev = cands[i - 1] if i else None
                if prev is not None and s >= 1 and toks[s - 1].low in _SEPARATORS and (
                        prev.end == s - 1 or (prev.end == s - 2 and toks[s - 2].low == ",")
                ) and sentence_number(breaks, prev.end - 1) == sentence_number(breaks, s):
                    # "A, post, post B": only the post touching B is B's
                    touching = posts[-1:] if posts and posts[-1].end == c.start else []
                    c.prefix = touching
                    c.prefix_start = touching[0].start if touching else c.start
                else:
                    c.prefix = posts
                    if colon or (s >= 1 and _is_plural(toks, s)):
                        for p in posts:
                            p.shared = True
                    elif s >= 2 and toks[s - 1].low == ":":
                        # "các đồng chí Ủy viên Trung ương Đảng: Bộ trưởng … A; Bộ trưởng … B"
                        head = self._colon_head(toks, s - 1, max(floor, first_token(
                            breaks, c.start)), ctx)
                        for p in head:
                            p.shared = True
                        c.prefix = [*head, *posts]
            floor = c.end
        # 2. chains after names, and appointment cues
        for i, c in enumerate(cands):
            nxt = next((d for d in cands[i + 1:] if not d.glued), None)
            # (not past the sentence: a line break ends a list's item)
            b = bisect.bisect_right(breaks, c.end - 1)
            limit = breaks[b] if b < len(breaks) else len(toks)
            if nxt is not None:
                limit = min(limit, nxt.cue_at,
                            nxt.prefix_start if nxt.prefix_start is not None else nxt.start)
            k = self._past_age(toks, c.end, limit)
            if k < limit and toks[k].low in _SEPARATORS:
                # (";" between posts: the next person's titles begin at limit)
                posts, end = parser.chain(toks, k + 1, ctx, stop=limit, semicolons=True,
                                          held=toks[k].low == ",")
                if posts and self._name_after(toks, posts[-1], end, limit):
                    posts.pop()  # "A, Tổng Bí thư Trường Chinh, …": the title of a name
                if k > c.end and not (end < len(toks) and (not toks[end].word or (
                        # (a verb after it, no other name in the sentence: "… cho biết")
                        nxt is None or sentence_number(breaks, nxt.start)
                        != sentence_number(breaks, c.start))) and (
                        nxt is None or end < nxt.start) and (
                        toks[c.end].text != "(" or toks[k - 1].text == ")" or (
                            toks[end].text == ")"))):
                    posts = []  # "A (46 tuổi), Vụ trưởng … B (47 tuổi)": B's, or unread
                c.posts.extend(posts)
            c.posts.extend(self._appointments(toks, c, _bracket_close(
                toks, first_token(breaks, c.start), c.start, c.end, limit), ctx, breaks))
            at = self._decision_object(toks, c.cue_at)
            if at is not None:
                # "miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh … đối với ông A", and each
                # person of a list there ("đối với ông A, ông B và bà C", "bổ nhiệm 3 Thứ
                # trưởng cho các ông, bà: A, B, C": written once for the list)
                decided = self._decided_for(toks, first_token(breaks, at), at, ctx)
                c.posts.extend(decided)
                prev = c
                listed = []
                for d in cands[i + 1:] if decided else ():
                    if d.cue_at - prev.end not in (1, 2) or any(
                            t.low not in (",", "và") for t in toks[prev.end:d.cue_at]):
                        break
                    listed.append(d)
                    prev = d
                if listed:
                    decided = [replace(p, shared=True) for p in decided]
                    c.posts[-len(decided):] = decided
                for d in listed:
                    d.posts.extend(decided)
        # 2b. "A, Trợ lý đồng chí B, Thủ tướng Chính phủ": A's post is named by B's
        self._assistants(text, tokens, cands)
        # 2c. "A - Chủ tịch và B - Phó Chủ tịch LĐLĐ tỉnh": a bare title is of the next one's
        self._shared_org_after(toks, cands)
        # 3. a chain written once before a list
        for i, c in enumerate(cands):
            shared = [p for p in c.prefix if p.shared]
            if not shared:
                continue
            for d in cands[i + 1:]:
                if sentence_number(breaks, d.start) != sentence_number(breaks, c.start):
                    break
                if d.prefix:  # an item with its own titles: after a semicolon only
                    ps = d.prefix_start
                    if ps is None or ps == 0 or toks[ps - 1].low != ";":
                        break
                    d.prefix = [*shared, *d.prefix]
                    continue
                cue_at = d.cue_at
                if cue_at == 0 or toks[cue_at - 1].low not in _LIST_SEPARATORS:
                    break
                d.prefix = list(shared)
        # 4. titles with no body, in a sentence an organisation opens ("Ủy ban Kiểm tra Tỉnh
        # ủy gồm 13 ủy viên, bà A làm Chủ nhiệm")
        for c in cands:
            for p in (*c.prefix, *c.posts):
                if p.org is None and p.title not in parser.words.standalone and (
                        p.title not in self.event_roles):
                    host = self._host(toks, first_token(breaks, p.start), p.start, ctx)
                    if host is not None:
                        p.org = host
        # 5. "Chủ tịch UBND tỉnh A và Phó Chủ tịch B": a title with no body, of the same head
        # as the post of the person named right before it in the sentence, is of that body
        _orgs_of_next_in_list(cands, breaks, parser.words.standalone, self.event_roles)

    # -- people --------------------------------------------------------------------------
    def _assemble(self, text: str, segments: list, cands: list[Candidate], ctx: Context,
                  places: Whereabouts, named: Bodies, blocked: Container[str] = ()) -> Found:
        full: dict[str, Person] = {}
        first: dict[str, int] = {}  # where each person is first mentioned
        by_name: dict[str, list[Candidate]] = {}  # (one pass: a scan per name is quadratic)
        for c in cands:
            by_name.setdefault(c.name, []).append(c)
        words = {name: name.split() for name in by_name}
        # longest first; among equal lengths, in order of first mention (by_name's order:
        # never a set's, which changes with the process's hash seed)
        names = sorted(by_name, key=lambda s: -len(words[s]))
        canonical: dict[str, str] = {}
        lone = self.names.lone_cued(text)
        alone = {m.group("w") for m in lone}  # words written alone after a cue or a role
        for name in names:
            w = words[name]
            longer = [f for f in full if len(words[f]) > len(w) and words[f][:len(w)] == w]
            if longer and len(w) >= 3:
                canonical[name] = longer[0]
                continue
            tail = [f for f in full if len(words[f]) > len(w) and words[f][-len(w):] == w]
            if tail and any(c.cued for c in by_name[name]):
                canonical[name] = tail[0]
                continue
            if all(c.glued for c in by_name[name]):
                continue  # the end of a firm's name, each time
            if name in blocked:  # "đường Lê Văn Lương" … then "Lê Văn Lương" alone: the street
                ok = any(c.cue_at < c.start or c.prefix for c in by_name[name])
            else:
                ok = len(w) >= 3 or any(c.cued or c.prefix or c.posts for c in by_name[name]) or (
                    len(w) == 2 and w[-1] in alone)  # "Phan Hiển … anh Hiển"
            if ok:
                canonical[name] = name
                full[name] = {"name": name, "gender": None, "positions": [], "mentions": 0}
                first[name] = min(c.tokens.starts[c.start] for c in by_name[name])
        mentions: list[Mention] = []
        orgs: dict[str, Organization] = {}
        said: dict[str, list[Unit]] = {}  # the places each person's posts named so far
        for c in cands:
            target = canonical.get(c.name)
            if target is None:
                continue
            person = full[target]
            if c.cue_gender and person["gender"] is None:
                person["gender"] = c.cue_gender
            mentions.append(Mention(target, c.tokens.starts[c.start], c.tokens.end(c.end - 1)))
            chain = [*c.prefix, *c.posts]
            if chain:
                chain = _placed(chain, c.tokens, places, said.setdefault(target, []), named,
                                target)
            for p in self.posts.standing(chain):
                person["positions"].append(_position(text, c.tokens, p))
                if p.org is not None and p.org.name not in orgs:
                    orgs[p.org.name] = _org_record(p.org)
        taken = Spans([(m.start, m.end) for m in mentions])  # (they never overlap)
        for m, gender in self._short_forms(text, segments, first, taken):
            mentions.append(m)
            person = full[m.name]
            if gender and person["gender"] is None:
                person["gender"] = gender
        self._lone_names(text, lone, mentions, full, first)
        mentions.sort(key=_START)
        for m in mentions:
            full[m.name]["mentions"] += 1
        self._biographies(text, mentions, full, ctx, orgs, [t for t, _ in segments if t.toks],
                          places, said, named)
        if named.guessed:
            _unguess(full, orgs, named.guessed)
        # (their positions are deduplicated: _biographies does it last)
        people = sorted(full.values(), key=lambda p: first[p["name"]])
        for org in named.orgs:
            if org.name not in orgs:
                orgs[org.name] = _org_record(org)
        return Found(people, list(orgs.values()), mentions)

    def _lone_names(self, text: str, lone: list[re.Match[str]], mentions: list[Mention],
                    full: dict[str, Person], first: dict[str, int]) -> None:
        """People known by one name alone, each time after a cue or a role (``bà Thu``,
        ``bị cáo Hùng``, ``Tổng thống Obama``, ``anh N.V.T``): a person with that name, when
        no person found is written with that word (``ông Kim`` of ``Kim Jong-un``: his)."""
        found = self.names.lone_matches(text, lone) if lone else lone
        if not found:
            return
        taken = Spans([(m.start, m.end) for m in mentions])
        known = {w for name in full for w in name.split()}
        for m in found:
            word = m.group("w")
            if word in known or taken.meets(m.start(), m.end()):
                continue
            name = word
            if name not in full:
                full[name] = {"name": name, "gender": None, "positions": [], "mentions": 0}
                first[name] = m.start("w")
            gender = self.cues.get(m.group("cue").lower().replace("đ/c", "đồng chí"))
            if gender and full[name]["gender"] is None:
                full[name]["gender"] = gender
            mentions.append(Mention(name, m.start("w"), m.end("w")))

    def _short_forms(self, text: str, segments: list, firsts: dict[str, int], taken: Spans
                     ) -> list[tuple[Mention, str | None]]:
        """``ông Phong``, ``bà Hằng``, ``Bí thư Thăng``: one capitalised word after a cue or
        a title, joined to the latest-mentioned person whose name ends with it (``firsts``:
        where each person is first mentioned); with the gender its cue gives."""
        if not firsts:
            return []
        last_word: dict[str, list[str]] = {}
        for name in firsts:
            last_word.setdefault(name.split()[-1], []).append(name)
        found: dict[int, tuple[int, str, str | None]] = {}  # start -> (end, word, gender)
        for m in self.names.short_matches(text, last_word):
            word = m.group("w")
            if m.start("cue") not in taken:
                gender = self.cues.get(m.group("cue").lower().replace("đ/c", "đồng chí"))
                found[m.start("w")] = (m.end("w"), word, gender)
        for tokens, caps in segments:
            toks, starts, _ = tokens
            for k in _where(toks, caps, last_word, _TEXT):
                start = starts[k]
                if start in found or start in taken:
                    continue
                if k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word:
                    continue
                if self._title_before(toks, k):
                    found[start] = (tokens.end(k), toks[k].text, None)
        out = []
        for start, (end, word, gender) in sorted(found.items()):
            options = last_word[word]
            seen = [o for o in options if firsts[o] < start] or options
            person = max(seen, key=lambda o: firsts[o])
            out.append((Mention(person, start, end), gender))
        return out


    def _biographies(self, text: str, mentions: list[Mention], full: dict[str, Person],
                     ctx: Context, orgs: dict[str, Organization], seg_tokens: list[Tokens],
                     places: Whereabouts, said: dict[str, list[Unit]], named: Bodies
                     ) -> None:
        """Posts after a short subject: ``ông Thăng làm Bộ trưởng …``, ``Trước đó, bà Trà
        là Chủ tịch UBND tỉnh``, ``ông từng giữ các chức vụ: …`` (a bare ``ông``/``bà`` is
        the person last mentioned). A past marker in the sentence makes them former."""
        full_spans = {(m.start, m.end) for m in mentions if m.name in full
                      and text[m.start:m.end] == m.name}
        subjects = [(m.end, m.name) for m in mentions if (m.start, m.end) not in full_spans]
        starts = [m.start for m in mentions]
        # (from the first mention on: a pronoun before it has no one to stand for)
        pronouns = []
        # (another name of a person, in brackets after theirs, is no antecedent)
        for at, end, word in _pronouns(text, starts[0] if starts else len(text)):
            i = bisect.bisect_left(starts, at) - 1
            while i >= 0 and self.alias_re.search(
                    text, max(0, starts[i] - 24), starts[i]) is not None:
                i -= 1
            if i < 0:
                continue
            person = full[mentions[i].name]
            gender = self.cues.get(word.lower())
            if gender is None and self.any_cue.match(
                    text, end + 1 + 3 * (text.startswith("đã ", end + 1))) is None:
                continue  # ("đồng chí" is a subject only before a cue: "đồng chí được bầu …")
            if gender is None or person["gender"] in (None, gender):
                subjects.append((end, mentions[i].name))
                pronouns.append((at, end, mentions[i].name))
        steps = [(name, self._posts_after(text, pos, ctx, seg_tokens)) for pos, name in subjects]
        if len(steps) > 1:
            self._dated_steps(text, steps)
        for name, found in steps:
            self._add_found(text, found, full[name], said.setdefault(name, []), places, named,
                            orgs)
        # "Trong thời gian giữ cương vị A, B, bà Thanh đã …": a career clause before its
        # subject (any mention of a person, or a pronoun)
        seen: dict[int, list[int]] = {}
        for at, name in [*((m.start, m.name) for m in mentions), *(
                (a, n) for a, _, n in pronouns)]:
            if _AFTER_COMMA.search(text, max(0, at - 16), at) is None:
                continue  # (most subjects: no clause before them ends with a comma)
            cue = self._career_cue_before(text, at, seen)
            if cue is None:
                continue
            found = self._career_before(text, cue, at, ctx, seg_tokens)
            self._add_found(text, found, full[name], said.setdefault(name, []), places, named,
                            orgs)
        self._biography_blocks(text, mentions, full, ctx, orgs, places, said, named)
        self._career_lines(text, mentions, full, ctx, orgs, places, said, named)
        for name in self._deceased(text, mentions):
            for position in full[name]["positions"]:
                position["status"] = FORMER
        for person in full.values():
            person["positions"] = _dedupe_positions(person["positions"], self.distinct)

    def _dated_steps(self, text: str, steps: list[tuple[str, list[tuple[Post, Tokens]]]]
                     ) -> None:
        """Dated steps of a career, each read after its short subject (``Tháng 5/2010, ông
        được bổ nhiệm Phó Giám đốc …; tháng 3/2015, ông được bổ nhiệm Giám đốc …``): a post
        after a date in its sentence is former where a post of the same person dated later
        follows (SPEC: the earlier posts of a narrative are held no more), but a member's
        title (``Ủy viên …``: they add up), and a post taken again later (re-elected)."""
        dated: dict[str, list[tuple[int, Post]]] = {}
        for name, found in steps:
            for p, tokens in found:
                at = tokens.starts[p.start]
                lo = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
                when = None
                for m in self.step_date.finditer(text, lo, at):
                    if not text[max(0, m.start() - 6):m.start()].lower().rstrip().endswith(
                            self.step_birth):
                        month, year, alone = m.groups()
                        when = int(year or alone) * 100 + int(month or 0)
                if when is None and name in dated and self.step_then.match(text, lo):
                    when = max(w for w, _ in dated[name]) + 1  # (after the steps before it)
                if when is not None:
                    dated.setdefault(name, []).append((when, p))
        for posts in dated.values():
            last = max(w for w, _ in posts)
            if all(w == last for w, _ in posts):
                continue  # (one date only)
            later = {(p.title, p.org.name if p.org else None) for w, p in posts if w == last}
            for when, p in posts:
                if when < last and p.status != FORMER and not p.title.startswith(MEMBER_TITLE) and (
                        (p.title, p.org.name if p.org else None) not in later):
                    p.status = FORMER

    def _biography_blocks(self, text: str, mentions: list[Mention], full: dict[str, Person],
                          ctx: Context, orgs: dict[str, Organization], places: Whereabouts,
                          said: dict[str, list[Unit]], named: Bodies) -> None:
        """A biography block (``Sinh ngày …; quê quán: …; Ủy viên Ban Chấp hành Trung ương
        …; nguyên Phó Thủ tướng``) or a dated career step (``Từ tháng 3-2006 đến tháng 5-2009
        giữ chức Phó Cục trưởng Cục Bảo vệ thực vật``) on a line of its own: each clause that
        is a chain of posts and nothing else is a post of the person last mentioned before
        the line (none where the line names another person); a step that ended is former."""
        lines = self._bio_lines(text) if mentions else []
        if not lines:
            return  # (most articles: no line opens with a birth or a dated step)
        starts = [m.start for m in mentions]
        lead = text[:_LEAD].lower()  # (an obituary's block: the posts of one who died)
        mourned = any(w in lead for w in self.death_words) or any(
            w in lead for w in self.funeral_words)
        for m in lines:
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            birth = m.group("birth") is not None
            if not birth and m.end() == line_end:
                continue
            ended = m.group("until") is not None or (
                m.group("since") is not None and _YEARS.search(m.group("since")) is not None)
            if not birth and not ended and m.group("now") is None:
                continue  # (a step with no end written: it may hold still or not)
            i = bisect.bisect_left(starts, m.start()) - 1
            if i < 0 or m.start() - mentions[i].end > _BIO_REACH:
                continue
            name = mentions[i].name
            j = bisect.bisect_left(starts, line_end)
            if any(x.name != name for x in mentions[i + 1:j]):
                continue  # (another person in the line: whose posts these are is unsure)
            if birth and not mourned:  # (or the death told right after the block)
                after = text[line_end:line_end + _LEAD].lower()
                mourned = any(w in after for w in self.death_words)
            former = mourned if birth else m.group("now") is None
            found: list[tuple[Post, Tokens]] = []
            a = m.start() if birth else m.end()
            for c in _CLAUSE_BREAK.finditer(text, a, line_end + 1):
                b = c.start()
                if b > a:
                    found.extend(self._clause_posts(text, a, b, ctx, former))
                a = c.end()
                if not birth:
                    break  # (a step's clause: the one after its dates)
            self._add_new(text, found, full[name], said.setdefault(name, []), places, named,
                          orgs)

    def _add_new(self, text: str, found: list[tuple[Post, Tokens]], person: Person,
                 said: list[Unit], places: Whereabouts, named: Bodies,
                 orgs: dict[str, Organization]) -> None:
        """:meth:`_add_found` for the posts of ``found`` the text has not already given
        ``person`` (same title, an organisation the held one's name starts with)."""
        held = [(q["title"], q["org"] or "") for q in person["positions"]]
        found = [(p, t) for p, t in found if not any(
            title == p.title and org.startswith(p.org.name if p.org else "")
            for title, org in held)]
        self._add_found(text, found, person, said, places, named, orgs)

    def _career_lines(self, text: str, mentions: list[Mention], full: dict[str, Person],
                      ctx: Context, orgs: dict[str, Organization], places: Whereabouts,
                      said: dict[str, list[Unit]], named: Bodies) -> None:
        """``Trước khi được bổ nhiệm, ông A từng giữ các chức vụ:`` and then one post a line
        (after a dash, a bullet or a number, across blank lines): each line that is a chain
        of posts and nothing else is a former post of the person last mentioned before the
        colon (none where the cue's line names another person after them, or an item line
        names anyone); the list ends at the first line that is no chain of posts."""
        if not mentions:
            return
        starts = [m.start for m in mentions]
        colon = text.find(":\n")
        while colon != -1:
            head = text.rfind("\n", 0, colon) + 1
            words = text[head:colon].lower().split()[-10:]
            for tail in self.list_tails:  # "từng giữ các chức vụ sau:"
                if words[-len(tail):] == tail:
                    del words[-len(tail):]
                    break
            at = colon + 1
            colon = text.find(":\n", at)
            if not any(" ".join(words[-w:]) in self.former_cues for w in range(2, len(words) + 1)):
                continue  # (most colons: no career cue before them)
            i = bisect.bisect_left(starts, at) - 1
            if i < 0 or at - mentions[i].end > _BIO_REACH or any(
                    x.name != mentions[i].name for x in mentions[i + 1:]
                    if head <= x.start < at):
                continue
            name = mentions[i].name
            if mentions[i].start < head and (gender := next((
                    self.cues[w] for w in text[head:at - 1].lower().split()
                    if w in ("ông", "bà")), None)) is not None and (
                    full[name]["gender"] not in (None, gender)):
                continue  # ("Bà từng giữ các chức vụ:" after a man named last)
            found: list[tuple[Post, Tokens]] = []
            a = at
            while a < len(text):
                while a < len(text) and text[a].isspace():
                    a += 1
                end = text.find("\n", a)
                end = len(text) if end == -1 else end
                b = a
                while b < end and (text[b] in _ITEM_MARKS or text[b].isdigit()):
                    b += 1  # "- ", "• ", "1. ", "2) "
                j = bisect.bisect_left(starts, a)
                if b == end or (j < len(starts) and starts[j] < end):
                    break
                c = _CLAUSE_BREAK.search(text, b, end + 1)
                e = c.start() if c else end
                aside = self.years_aside.search(text, b, e)
                held_now = False
                if aside is not None and aside.end() == e:
                    e = aside.start()  # "- Bí thư Huyện ủy X (2010-2015);"
                    held_now = self.present_aside.search(aside.group()) is not None
                items = self._clause_posts(text, b, e, ctx, not held_now)
                if not items or (c is not None and c.start() < end and text[c.end():end].strip()):
                    break  # (no chain of posts, or more than one clause: the list ended)
                found.extend(items)
                a = end + 1
            self._add_new(text, found, full[name], said.setdefault(name, []), places, named,
                          orgs)

    def _bio_lines(self, text: str) -> list[re.Match[str]]:
        """The lines that open a biography block or a dated career step (a look at each
        line's first character first: most open with neither)."""
        found = []
        a = 0
        while a < len(text):
            if text[a] in _BIO_FIRST and (m := self.bio_line.match(text, a)) is not None:
                found.append(m)
            a = text.find("\n", a) + 1
            if a == 0:
                break
        return found

    def _clause_posts(self, text: str, a: int, b: int, ctx: Context, former: bool
                      ) -> list[tuple[Post, Tokens]]:
        """The posts of ``text[a:b]`` where it is a chain of posts and nothing else."""
        while a < b and text[a].isspace():
            a += 1
        if a == b:
            return []
        tokens = self.tokenizer.tokenize(text, a, b)
        toks = tokens.toks
        if not toks or not self.posts.starts_post(toks[0]):
            return []  # (most clauses: a birth, a home town, a date of joining the Party)
        posts, e = self.posts.chain(toks, 0, ctx, career=True)
        if not posts or any(t.low not in _CLAUSE_TAIL for t in toks[e:]):
            return []
        if former:
            for p in posts:
                p.status = FORMER
        return [(p, tokens) for p in posts]

    def _add_found(self, text: str, found: list[tuple[Post, Tokens]], person: Person,
                   said: list[Unit], places: Whereabouts, named: Bodies,
                   orgs: dict[str, Organization]) -> None:
        """The posts of ``found`` (a chain read after a subject or before it, each with its
        tokens), placed (:func:`_placed`), added to ``person`` and their organisations to
        ``orgs``."""
        if not found:
            return
        chain = _placed([p for p, _ in found], found[0][1], places, said, named,
                        person["name"])
        for p, (_, tokens) in zip(chain, found, strict=True):
            if self.posts.is_post(p):
                person["positions"].append(_position(text, tokens, p))
                if p.org is not None and p.org.name not in orgs:
                    orgs[p.org.name] = _org_record(p.org)

    def _deceased(self, text: str, mentions: list[Mention]) -> set[str]:
        """The people the text says died: a death word after a mention of them or a
        pronoun for them (``ông đã từ trần``, adverbs between), or a funeral word before a
        mention in the same sentence (``Lễ tang đồng chí …``). Their posts are all former.
        Only in an article whose lead speaks of a death or a funeral (a scan of the whole text
        for each word costs more than all the rest)."""
        found: set[str] = set()
        lead = text[:_LEAD].lower()
        if not any(w in lead for w in self.death_words) and not any(
                w in lead for w in self.funeral_words):
            return found  # (an article about a death says so in its lead)
        for i, m in enumerate(mentions):  # (up to the next mention: its last subject)
            upto = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            after = text[m.end:min(upto, m.end + 300)]
            for word in self.death_words:
                q = after.find(word)
                if q == -1:
                    continue
                a = _ADVERBS_BEFORE.search(after, max(0, q - 40), q)
                at = a.start() if a is not None else q
                if at == 0 or _ends_with_word(after[max(0, at - 12):at].lower(),
                                              self.names.short_cues):
                    found.add(m.name)  # "A qua đời", "…, đồng chí đã từ trần"
        for m in mentions:
            before = text[max(0, m.start - 80):m.start].lower()
            for word in self.funeral_words:
                q = before.rfind(word)
                if q != -1 and self._only_titles(text, m.start - len(before) + q + len(word),
                                                 m.start):
                    found.add(m.name)
        return found

    def _only_titles(self, text: str, a: int, b: int) -> bool:
        """Whether ``text[a:b]`` holds nothing but cue words (``của``, ``đồng chí``) and a
        chain of titles (``Lễ tang Chủ tịch nước Trần Đại Quang``)."""
        toks = self.tokenizer.tokenize(text, a, b).toks
        k = 1 if toks and toks[0].low == "của" else 0
        cue = self.names.cue_trie.match(toks, k)
        k = cue[1] if cue is not None else k
        if k < len(toks):
            posts, k = self.posts.chain(toks, k, _NO_PLACE, settle=False)
        cue = self.names.cue_trie.match(toks, k)
        return (cue[1] if cue is not None else k) == len(toks)

    def _career_cue_before(self, text: str, at: int, seen: dict[int, list[int]]
                           ) -> int | None:
        """Where the last former lead and verb (``trong thời gian giữ``) in the sentence
        before ``text[at]`` open, or None. The sentence's leads are found once (``seen``, by
        where it begins) and only where it begins within 300 characters (an endless line
        holds no career clause)."""
        begin = max(text.rfind(". ", max(0, at - 300), at), text.rfind("\n", max(0, at - 300), at))
        if begin == -1 and at > 300:
            return None
        found = seen.get(begin)
        if found is None:  # (each lead by str.find, the verb after it by a match there: a
            found = []     # regex scan would try every position)
            upto = min(len(text), begin + 601)
            for lead in self.former_leads:
                q = text.find(lead, begin + 1, upto)
                while q != -1:
                    if (q == 0 or not text[q - 1].isalnum()) and self.career_cue.match(
                            text, q, upto) is not None:
                        found.append(q)
                    q = text.find(lead, q + 1, upto)
            found.sort()
            seen[begin] = found
        i = bisect.bisect_left(found, at)
        return found[i - 1] if i else None

    def _career_before(self, text: str, cue: int, at: int, ctx: Context,
                       seg_tokens: list[Tokens]) -> list[tuple[Post, Tokens]]:
        """``Trong thời gian giữ các cương vị A, B, C, bà …``: the posts of a career clause
        (its cue at ``text[cue]``) that ends, with a comma (and a cue word), where a subject
        starts at ``text[at]``; all former."""
        tokens = _slice(seg_tokens, cue, at) or self.tokenizer.tokenize(text, cue, at)
        toks = tokens.toks
        a = self.appoint.match(toks, 0)
        if a is None or a[0] != FORMER:
            return []
        posts, e = self.posts.chain(toks, a[1], ctx, semicolons=True, career=True)
        rest = [t.low for t in toks[e:]]
        if not posts or not rest or rest[0] != "," or any(w not in self.cues for w in rest[1:]):
            return []
        for p in posts:
            p.status = FORMER
        return [(p, tokens) for p in posts]

    def _posts_after(self, text: str, pos: int, ctx: Context, seg_tokens: list[Tokens]
                     ) -> list[tuple[Post, Tokens]]:
        """Posts after a decision or career cue from ``pos`` to the end of its sentence or
        the next person, former where a past marker stands before the cue in the sentence:
        (post, tokens)."""
        end = next_end(text, pos, CLAUSE, pos + 300)
        end = end if end >= 0 else min(len(text), pos + 300)
        if self.cue_low is not None and "İ" not in (window := text[pos:end]) and (
                self.cue_folds.isdisjoint(low := window.lower())):
            first = self.cue_low.search(low)
            if first is None:  # (no cue written, whatever its case)
                return []
            pos_cue = pos + first.start()  # (no match of any_cue can start before)
        else:
            pos_cue = pos
        if (cue := self.any_cue.search(text, pos_cue, end)) is None:  # cheap, before tokenizing
            return []
        begin = clause_start(text, pos, 300)
        # a decision not taken, in this part of the sentence (from its last comma before the
        # subject) up to the first cue: no post ("vì sao không bổ nhiệm ông A làm …?")
        lo = max(begin, text.rfind(",", begin, pos) + 1)
        if any(w in text[lo:cue.end()].lower() for w in self.negations) and (
                self.negated_re.search(text, lo, cue.end()) is not None):
            return []
        tokens = _slice(seg_tokens, pos, end) or self.tokenizer.tokenize(text, pos, end)
        toks = tokens.toks

        def past(k: int) -> bool:
            return self.past_re.search(text, begin, tokens.starts[k]) is not None

        posts = self._decisions(toks, 0, len(toks), ctx, past, names=True)
        return [(p, tokens) for p in posts]

    def _title_before(self, toks: list[Tok], k: int) -> bool:
        for s in range(max(0, k - 12), k):
            if self.posts.starts_post(toks[s]):
                posts, end = self.posts.chain(toks, s, _NO_PLACE, stop=k, settle=False)
                if end == k and posts:
                    return True
        return False

    def _segment_orgs(self, tokens: Tokens, ctx: Context, caps: list[int],
                      places: Whereabouts) -> list[tuple[int, Org]]:
        """Organisations named in a segment, with their place (written or resolved), and
        their offsets; ``caps``: the indices of its capitalised tokens, where one may start."""
        toks = tokens.toks
        found = []
        k = 0  # the next token an organisation may start at (none inside the last one)
        for i in _where(toks, caps, self.orgs.org_first_words):
            if i < k:
                continue
            r = self.orgs.org(toks, i, ctx, generic=False)
            if r is None:
                continue
            org, end = r
            if org.slot is not None:
                org = places.place(org, tokens.starts[i])
            if org.resolved:
                found.append((tokens.starts[i], org))
            k = max(end, i + 1)
        return found


# "ông"/"bà" not inside a word, before a lower-case word (see _pronouns).
_PRONOUN = re.compile(r"[ÔôBb](?<![\w].)(?:(?<=[Ôô])ng|(?<=[Bb])à)(?= [a-zđ\u00e0-\u1ef9])")
# the spellings _PRONOUN matches, and "đồng chí" (a Party member's word, of either gender:
# "Năm 2015, đồng chí được bầu giữ chức …")
_PRONOUN_WORDS = ("ông", "Ông", "bà", "Bà", "đồng chí", "Đồng chí")
_LOWER_WORD = re.compile(r"[a-zđ\u00e0-\u1ef9]")  # the start of the word after one
# each spelling, a space, no word character before it (\w: alphanumeric or _), a lower-case
# word after it (see _pronouns)
_PRONOUN_SPELLINGS = tuple(
    (w, re.compile(rf"{re.escape(w)} (?<![\w]{re.escape(w)} )(?={_LOWER_WORD.pattern})"))
    for w in _PRONOUN_WORDS)


# A line that is only a heading and a colon (see PeopleFinder._heading_lists), and the lines of
# a list under it, each opening with a list mark (blank lines between).
_HEADING = re.compile(r"[ \t]*([^\W\d_][^\n:]{2,79}?)[ \t]*:[ \t]*(?=\n|$)")
_LIST_LINE = re.compile(r"\s*\n[ \t]*[-–•+*][^\n]*")


def _headings(text: str) -> list[re.Match[str]]:
    """The matches of ``_HEADING`` at the starts of lines, found from each colon that ends
    a line (``str.find``: a regex scan tries every position of the text)."""
    found = []
    q = text.find(":")
    while q != -1:
        nl = text.find("\n", q)
        end = len(text) if nl == -1 else nl
        if not text[q + 1:end].strip(" \t"):
            m = _HEADING.match(text, text.rfind("\n", 0, q) + 1, end)
            if m is not None and m.end() == end:
                found.append(m)
        q = text.find(":", q + 1)
    return found


# A biography block: how far after its person's last mention it may start; the marks
# between its clauses, and what may follow the chain of posts a clause is.
_BIO_REACH = 1500
_BIO_FIRST = frozenset(" \t-–•+*STt")  # (what a biography line may open with)
_CLAUSE_BREAK = re.compile(r";|\.(?=\s|$)|\n|$")
_CLAUSE_TAIL = frozenset({".", ",", ":"})
_ITEM_MARKS = frozenset(" \t-–•+*.)")  # (what opens an item of a list, with its number)
_YEARS = re.compile(r"\d{4}[-–]\d{4}")  # (a step's years in one token: "1993-1994")
# A comma and a cue word before a subject (see PeopleFinder._career_before).
_AFTER_COMMA = re.compile(r",\s*(?:(?:ông|bà|Ông|Bà|đồng chí|Đồng chí)\s+)?$")
# Spaces and adverbs between a subject and its verb (see PeopleFinder._deceased).
_ADVERBS_BEFORE = re.compile(r"(?:\s+(?:đã|vừa|đột ngột|bất ngờ))*\s+$")


def _cue_filter(cues: list[str]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """(a case-sensitive pattern of ``cues`` lower-cased, the characters whose presence in
    lower-cased text makes it inexact): where the lower-cased text has none of those and the
    text no ``İ`` (the one letter whose ``str.lower`` is two characters), a case-insensitive
    regex of ``cues`` matches a character only where ``str.lower`` gives the cue's letter,
    unless the regex engine also folds that letter to another (``i`` ~ ``ı``, ``s`` ~ ``ſ``:
    re._casefix, Python 3.11): those others are the second item. Pattern None (no filter)
    where that private table is gone or a cue has a letter str.lower and the engine read
    otherwise."""
    try:  # (private: without it, no filter)
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):  # pragma: no cover
        return None, frozenset()
    lows = sorted({c.lower() for c in cues})
    letters = set("".join(lows))
    folds = frozenset(chr(o) for ch in letters for o in extra.get(ord(ch), ()))
    if any(len(c.lower()) != len(c) for c in cues) or not letters.isdisjoint("σς") or (
            not folds.isdisjoint("σς")):  # (str.lower reads a final sigma apart)
        return None, frozenset()
    return re.compile(alternation(lows)), folds


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words``, a whole word."""
    return any(text.endswith(w) and (len(text) == len(w) or not text[-len(w) - 1].isalnum())
               for w in words)


def _pronouns(text: str, pos: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the matches of ``_PRONOUN.finditer(text, pos)``, in order. Found
    by one regex per spelling that opens with it and a space (the regex engine skips ahead
    to that literal in C; ``str.find`` stopped in Python at each ``công ``, ``không `` …),
    then looks behind for no letter before it: the regex with a class first tried each ``b``
    and ``ô`` of the text. Two never overlap (a letter would be before the second)."""
    found = []
    for word, pattern in _PRONOUN_SPELLINGS:
        found += [(q := m.start(), q + len(word), word) for m in pattern.finditer(text, pos)]
    found.sort()
    return found



def _where(toks: list[Tok], indices: Sequence[int], words: Container[str],
           field: Callable[[Tok], str] = _LOW) -> list[int]:
    """Those of ``indices`` whose token's ``field`` (lower-cased text) is one of ``words``.
    By C-level calls: a Python loop over every capitalised token costs more than the work
    done on the few that pass."""
    return list(compress(indices, map(words.__contains__, map(field, map(toks.__getitem__,
                                                                          indices)))))


def _slice(seg_tokens: list[Tokens], a: int, b: int) -> Tokens | None:
    """The tokens of ``text[a:b]`` cut from an already tokenized segment covering it, or
    None (also when none starts there)."""
    for tokens in seg_tokens:
        starts = tokens.starts
        if starts[0] <= a and b <= tokens.end(len(starts) - 1):
            lo = bisect.bisect_left(starts, a)
            hi = bisect.bisect_left(starts, b, lo)
            return tokens.cut(lo, hi) if hi > lo else None
    return None


_LIST_GAPS = frozenset({(",",), (";",), ("và",), (",", "và"), (";", "và")})


def _listed(toks: list[Tok], cands: list[Candidate]) -> None:
    """``các ông A, B và bà C``, ``Đỗ Mười, Lê Khả Phiêu``: a two-word name with no cue and
    no post, written in a list right next to a person (a cue, a post or three words), is
    a person too (marked cued)."""
    def known(c: Candidate) -> bool:
        return c.end - c.start >= 3 or c.cued or bool(c.prefix or c.posts)

    if all(map(known, cands)):
        return
    reach = [_reach(c) for c in cands]
    begin = [min(c.cue_at, c.start if c.prefix_start is None else c.prefix_start)
             for c in cands]
    changed = True
    while changed:
        changed = False
        for i, c in enumerate(cands):
            if known(c):
                continue
            if (i and known(cands[i - 1]) and _list_gap(toks, reach[i - 1], begin[i])) or (
                    i + 1 < len(cands) and known(cands[i + 1])
                    and _list_gap(toks, reach[i], begin[i + 1])):
                c.cued = changed = True


def _reach(c: Candidate) -> int:
    """Where a candidate and the posts written right after it end (``A, Tổng Bí thư;``)."""
    end = c.end
    for p in sorted(c.posts, key=attrgetter("start")):
        if p.start > end + 1:
            break
        end = max(end, p.end)
    return end


def _bracket_close(toks: list[Tok], lo: int, start: int, end: int, limit: int) -> int:
    """Where the cues after a name written inside brackets (``ông A (con trai ông B - Phó
    Bí thư Huyện ủy) được bổ nhiệm …``: B's from ``toks[start]`` to ``toks[end]``) stop:
    at the bracket that closes it (what follows is the sentence's subject's), else
    ``limit``."""
    depth = 0
    for t in reversed(toks[lo:start]):
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                break
            depth -= 1
    else:
        return limit  # (most names: no bracket open before them)
    for k in range(end, limit):
        if toks[k].text == ")":
            return k
    return limit


def _list_gap(toks: list[Tok], a: int, b: int) -> bool:
    """Whether only a list separator stands between ``toks[a]`` and ``toks[b]`` (after a
    closing bracket: ``A (post), B``)."""
    if a < b and toks[a].text == ")":
        a += 1
    return 0 < b - a <= 2 and tuple(t.low for t in toks[a:b]) in _LIST_GAPS


def _orgs_of_bare_lists(cands: list[Candidate], standalone: set[str]) -> None:
    """``Ba Phó ban kiêm nhiệm gồm: ông A, …``: a title written once before a list with no
    organisation belongs to the organisation the same title last had in the text (``Các
    Phó ban Kinh tế Trung ương chuyên trách gồm …`` a sentence before), else the one its
    head title had (``… giữ chức Bí thư Tỉnh ủy Lào Cai. Các Phó Bí thư gồm: …``)."""
    last: dict[str, Org] = {}
    last_of_head: dict[str, Org] = {}
    for c in cands:
        for p in [*c.prefix, *c.posts]:
            if p.org is not None and not p.org.bare:
                last[p.title] = p.org
                last_of_head[_head_title(p.title)] = p.org
            elif p.org is None and p.shared and p.title not in standalone:
                org = last.get(p.title) or last_of_head.get(_head_title(p.title))
                if org is not None:
                    p.org = org


def _orgs_of_next_in_list(cands: list[Candidate], breaks: list[int],
                          standalone: Collection[str], roles: Collection[str]) -> None:
    """``Chủ tịch UBND tỉnh A và Phó Chủ tịch B``, ``A, Giám đốc Sở Y tế, và B, Phó Giám
    đốc``: a title written with no body (nor one it needs none of) for a person, whose head
    (``_head_title``) is the head of a post of the person named right before in the same
    sentence (``và``, a comma or a semicolon between them), is of that post's body."""
    for c, d in zip(cands, cands[1:], strict=False):
        toks = d.tokens.toks
        # (written bare: the name, a cue or punctuation right after it, no unread body)
        bare = [p for p in (*d.prefix, *d.posts) if p.org is None and p.title not in standalone
                and p.title not in roles and (p.end >= len(toks) or p.end == d.cue_at
                                              or p.end == d.start or not toks[p.end].word)]
        if not bare or sentence_number(breaks, c.start) != sentence_number(breaks, d.start):
            continue
        gap = d.start if d.prefix_start is None else min(d.prefix_start, d.cue_at)
        if gap - _reach(c) > 3 or gap < _reach(c):
            continue  # (only separators and a cue word between the two)
        heads = {_head_title(q.title): q for q in (*c.prefix, *c.posts)
                 if q.org is not None and not q.org.bare}
        for p in bare:
            q = heads.get(_head_title(p.title))
            if q is not None and q.title != p.title:  # (one post has one holder)
                p.org = q.org


def _head_title(title: str) -> str:
    """The head of a deputy's or standing deputy's title: ``Phó Bí thư Thường trực`` ->
    ``Bí thư``; ``Thứ trưởng`` -> ``Bộ trưởng`` (``deputy_titles``)."""
    title = title.removeprefix("Phó ").removesuffix(" Thường trực")
    return _DEPUTIES.get(title, title)


def _placed(chain: list[Post], tokens: Tokens, places: Whereabouts, said: list[Unit],
            named: Bodies, holder: str | None = None) -> list[Post]:
    """The posts of a chain (``tokens``: theirs), each organisation placed by ``places``,
    a body still written bare completed by ``named`` (copies where one changes: a post
    written once before a list is shared); ``said``, the places the person's posts named so
    far, grows by theirs. A minister's title with no ministry (``Bộ trưởng Trần Văn A``)
    held now by a Vietnamese name (``holder``'s first word a surname: another country's
    minister is no holder of a ministry the article named; a former minister may have held
    any) is of the only ministry named before it
    (noted in ``named.guessed``: :func:`_unguess` checks it against the person's other posts)."""
    chain_in = chain
    if holder is not None and holder.split(" ", 1)[0].lower() in _SURNAMES and all(
            map(is_syllable, holder.split())):  # (not "Kim Boo-kyum": a foreign name)
        chain = [replace(p, org=ministry) if p.org is None and p.status != FORMER and (
            p.title.removeprefix(_ACTING) in _MINISTERS) and (
            ministry := named.ministry_before(tokens.starts[p.start])) is not None else p
            for p in chain]
        named.guessed.extend((holder, p.title, p.org.name) for p, q in zip(
            chain, chain_in, strict=True) if p is not q and p.org is not None)
    for p in chain:
        if p.org is not None and (p.org.slot is not None or p.org.bare
                                  or p.org.parent == "Bộ" or is_party_alone(p.org)
                                  or is_local_alone(p.org)):
            break
    else:  # (most chains: every place written)
        for p in chain:
            if p.org is not None and p.org.unit is not None:
                said.append(p.org.unit)
        return chain
    at = [tokens.starts[p.start] for p in chain]
    orgs = places.place_chain(list(zip(at, [p.org for p in chain], strict=True)), said)
    orgs = [named.complete(o, a) if o is not None and (o.bare or o.parent == "Bộ") else
            named.party_of(o, a, places.sentence_start(a)) if is_party_alone(o) else
            named.named_before(o, a) if is_local_alone(o) and _ends_there(
                tokens.toks, p.end, holder) else o
            for o, a, p in zip(orgs, at, chain, strict=True)]
    said.extend(o.unit for o in orgs if o is not None and o.unit is not None)
    return [p if o is p.org else replace(p, org=o) for p, o in zip(chain, orgs, strict=True)]


def _ends_there(toks: list[Tok], end: int, holder: str | None) -> bool:
    """Whether a post read up to ``toks[end]`` ends there: the text, a mark, a lower-case
    word or its holder's name follow (``Chủ tịch UBND Nguyễn Văn A``), not a capitalised word
    it did not read (``Chủ tịch UBND H.Phong Điền``: a place written short)."""
    if end >= len(toks) or not toks[end].word or not toks[end].cap:
        return True
    return holder is not None and toks[end].text == holder.split(" ", 1)[0]


def _unguess(full: dict[str, Person], orgs: dict[str, Organization],
             guessed: list[tuple[str, str, str]]) -> None:
    """Drop a minister's post whose ministry was the only one named before it (see
    :func:`_placed`) from a person who holds a post of another organisation that is no Party
    body, or a head's post with none (``Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Văn A``
    visiting a ministry: then ``Bộ trưởng Mai Văn A`` is of his own office, not of the
    ministry he visits; a ``Thủ tướng`` is no minister, a ``Phó Thủ tướng`` may be); then,
    of a head's title (no deputy's: a ministry has several), from each of two people it
    would still give the one post (one post has one holder: ``theo hướng dẫn của Bộ Tài
    chính … Bộ trưởng A phát biểu … Bộ trưởng B cũng dự``)."""
    def drop(person: Person, title: str, ministry: str) -> None:
        person["positions"] = [q for q in person["positions"] if not (
            q["title"] == title and q["org"] == ministry and q["text"] == title)]

    kept = []
    for holder, title, ministry in guessed:
        person = full.get(holder)
        if person is None:
            continue
        if any(_head_title(q["title"]) == q["title"] if (org := q["org"]) is None else (
                org != ministry and not (org in orgs and orgs[org]["kind"].startswith("party")))
               for q in person["positions"] if q["status"] == CURRENT):
            drop(person, title, ministry)
        else:
            kept.append((holder, title, ministry))
    holders: dict[tuple[str, str], set[str]] = {}
    for name, person in full.items():
        for q in person["positions"]:
            if q["org"] is not None and q["status"] == CURRENT:
                holders.setdefault((q["title"], q["org"]), set()).add(name)
    for holder, title, ministry in kept:
        if _head_title(title) == title and len(holders.get((title, ministry), ())) > 1:
            drop(full[holder], title, ministry)


def _position(text: str, tokens: Tokens, p: Post) -> Position:
    written = p.written or text[tokens.starts[p.start]:tokens.end(p.end - 1)]
    return {"title": p.title, "org": p.org.name if p.org else None, "status": p.status,
            "text": written}


def _org_record(org: Org) -> Organization:
    return {"name": org.name, "kind": org.kind, "level": org.level}


def _dedupe_positions(positions: list[Position], distinct: tuple[str, ...] = ()
                      ) -> list[Position]:
    """One entry per title and organisation; a post also written as former is former; a
    title that is the start of a longer one of the same organisation (``Phó Bí thư`` and
    ``Phó Bí thư Thường trực`` of one committee) is the same post written short, unless
    the longer one ends with one of the ``distinct`` qualifiers (``dự khuyết``); a deputy's
    post with its head's of the same organisation, both current, is former (promoted)."""
    out: dict[tuple[str, str | None], Position] = {}
    for p in positions:
        key = (p["title"], p["org"])
        if key not in out or (p["status"] == "former" and out[key]["status"] != "former"):
            out[key] = p
    keys = list(out)
    for title, org in keys:
        if any(o == org and t != title and t.startswith(title + " ")
               and not t.endswith(distinct) for t, o in keys):
            del out[(title, org)]
    # a deputy's post and its head's of one organisation, both current: promoted ("Phó
    # Giám đốc Sở Y tế … được bổ nhiệm giữ chức Giám đốc Sở Y tế"), the deputy's former
    heads = {(t, o) for (t, o), p in out.items() if o is not None and p["status"] != FORMER}
    if len(heads) > 1:
        for (title, org), p in out.items():
            head = _head_title(title)
            if head != title and (head, org) in heads and p["status"] != FORMER:
                out[(title, org)] = {**p, "status": FORMER}
    return list(out.values())


def _is_plural(toks: list[Tok], s: int) -> bool:
    """``các`` or ``các đồng chí`` right before a chain: it applies to a list."""
    if toks[s - 1].low == "các":
        return True
    return s >= 3 and toks[s - 1].low == "chí" and toks[s - 2].low == "đồng" and (
        toks[s - 3].low == "các")
