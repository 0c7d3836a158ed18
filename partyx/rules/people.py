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
   such as ``Trước đó`` makes those former). Between two
   names, ``A, post, post B``: the post that touches B is B's, the rest A's.
3. **Lists**: a chain written once before a colon or after ``các (đồng chí)`` applies to each
   person listed after it in the sentence.
4. **Short forms** join the full name: a cue or title before one word (``ông Phong``,
   ``Bí thư Thăng``) joins the person whose name ends with it (the latest mentioned); a
   prefix of a longer name (``Ngô Thị Thanh``) joins that name. ``ông``/``bà`` give gender.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Container, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from partyx.data import load
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
from partyx.lang.tokens import Tok, Tokens, Trie
from partyx.record import Mention, Organization, Person, Position
from partyx.rules.names import NameFinder, capitalised
from partyx.rules.orgs import Context, Org
from partyx.rules.posts import Post, PostParser

_START = attrgetter("start")
_TEXT = attrgetter("text")
_LOW = attrgetter("low")

_SEPARATORS = frozenset({",", "-", "–", "—", "("})
_LIST_SEPARATORS = frozenset({",", ";", "và", ":"})
# No place known: for posts read only to tell a title (one object, never changed: the
# parser's memo of organisations is by context).
_NO_PLACE = Context()


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
        appointments = sorted({c.removesuffix(" :") for c in (*t["appointment_cues"],
                                                                *t["leaving_cues"])},
                              key=len, reverse=True)
        self.any_cue = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(c) for c in appointments) + r")(?!\w)",
            re.IGNORECASE)
        self.past_re = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in t["past_markers"]) + r")(?!\w)",
            re.IGNORECASE)
        self.appoint = Trie({**dict.fromkeys(t["appointment_cues"], "current"),
                             **dict.fromkeys(t["leaving_cues"], "former")})
        self.end_or_appoint = MARK_TOKENS.union(self.appoint.root)

    def candidates(self, text: str, tokens: Tokens, authors: Collection[str],
                   caps: list[int] | None = None, blocked: set[str] | None = None
                   ) -> list[Candidate]:
        """The names in ``tokens`` (:meth:`NameFinder.find`), as candidates for posts
        (``blocked``: gets the names found to be a street's, a school's …)."""
        return [Candidate(n.start, n.end, n.name, tokens, n.gender, n.cued, n.cue_at)
                for n in self.names.find(text, tokens, authors, caps, blocked)]

    # -- posts around names --------------------------------------------------------------
    def _prefix(self, toks: list[Tok], c: Candidate, floor: int, ctx: Context
                ) -> tuple[list[Post], int, bool] | None:
        """The chain of posts right before candidate ``c``: (posts, start, list_colon)."""
        cued = c.cued  # (as found: _posts sets it after this)
        target = c.cue_at
        firsts = self.posts.post_first_words
        for s in range(max(floor, c.start - 40), target):
            if toks[s].low not in firsts:  # no post starts here (posts.starts_post, inlined)
                continue
            posts, end = self.posts.chain(toks, s, ctx, stop=target)
            if not posts and end == s:
                continue
            if end == target and end > s:
                return posts, s, False
            rest = [t.low for t in toks[end:target]]
            if rest in ([","], [":"]) and (cued or rest == [":"]):
                return posts, s, rest == [":"]
            if posts and self._list_intro(toks, end, target):
                return posts, s, True
            if rest in (["là"], [",", "là"]) and posts:  # "Bí thư Tỉnh ủy là ông Phạm Duy Cường"
                return posts, s, False
        return self._body_list(toks, max(floor, c.start - 40), target, ctx)

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
                return [Post(m[0], org, "current", s, end, shared=True)], s, True
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
        return k == target or (k + 1 == target and toks[k].low == ":")

    def _appointments(self, toks: list[Tok], c: Candidate, stop: int, ctx: Context
                      ) -> list[Post]:
        """Posts after ``giữ chức``/``thôi giữ chức`` … in the rest of the sentence."""
        out: list[Post] = []
        k = c.end
        marks = self.end_or_appoint  # one set test for most tokens (the loop is hot)
        while k < stop:
            low = toks[k].low
            if low not in marks:
                k += 1
                continue
            if low in MARK_TOKENS:
                break
            m = self.appoint.match(toks, k)
            if m is None:
                k += 1
                continue
            status, j = m
            posts, end = self.posts.chain(toks, j, ctx, stop=stop)
            for p in posts:
                if status == "former":
                    p.status = "former"
            out.extend(posts)
            k = max(end, j)
        return out

    def __call__(self, text: str, authors: list[str], ctx: Context) -> Found:
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
        _orgs_of_bare_lists(cands, self.posts.words.standalone)
        return self._assemble(text, segments, cands, ctx, blocked)

    def _posts(self, text: str, tokens: Tokens, cands: list[Candidate], ctx: Context
               ) -> None:
        """Fill the posts of the candidates of one segment (steps 2-3 of the docstring)."""
        breaks = token_breaks(text, tokens)
        toks = tokens.toks
        parser = self.posts
        # 1. chains before names, with the split rule between two names
        floor = 0
        for i, c in enumerate(cands):
            r = self._prefix(toks, c, max(floor, first_token(breaks, c.start)), ctx)
            if r is not None:
                posts, s, colon = r
                c.prefix_start = s
                c.cued = True
                prev = cands[i - 1] if i else None
                if prev is not None and s >= 1 and toks[s - 1].low in _SEPARATORS and (
                        prev.end == s - 1 or (prev.end == s - 2 and toks[s - 2].low == ",")):
                    # "A, post, post B": only the post touching B is B's
                    touching = posts[-1:] if posts and posts[-1].end == c.start else []
                    c.prefix = touching
                    c.prefix_start = touching[0].start if touching else c.start
                else:
                    c.prefix = posts
                    if colon or (s >= 1 and _is_plural(toks, s)):
                        for p in posts:
                            p.shared = True
            floor = c.end
        # 2. chains after names, and appointment cues
        for i, c in enumerate(cands):
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            limit = len(toks)
            if nxt is not None:
                limit = nxt.prefix_start if nxt.prefix_start is not None else nxt.start
                limit = min(limit, nxt.cue_at)
            k = c.end
            if k < limit and toks[k].low in _SEPARATORS:
                posts, end = parser.chain(toks, k + 1, ctx, stop=limit)
                c.posts.extend(posts)
            c.posts.extend(self._appointments(toks, c, limit, ctx))
        # 3. a chain written once before a list
        for i, c in enumerate(cands):
            shared = [p for p in c.prefix if p.shared]
            if not shared:
                continue
            for d in cands[i + 1:]:
                if sentence_number(breaks, d.start) != sentence_number(breaks, c.start) or d.prefix:
                    break
                cue_at = d.cue_at
                if cue_at == 0 or toks[cue_at - 1].low not in _LIST_SEPARATORS:
                    break
                d.prefix = list(shared)

    # -- people --------------------------------------------------------------------------
    def _assemble(self, text: str, segments: list, cands: list[Candidate], ctx: Context,
                  blocked: Container[str] = ()) -> Found:
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
            if name in blocked:  # "đường Lê Văn Lương" … then "Lê Văn Lương" alone: the street
                ok = any(c.cue_at < c.start or c.prefix for c in by_name[name])
            else:
                ok = len(w) >= 3 or any(c.cued or c.prefix or c.posts for c in by_name[name])
            if ok:
                canonical[name] = name
                full[name] = {"name": name, "gender": None, "positions": [], "mentions": 0}
                first[name] = min(c.tokens.starts[c.start] for c in by_name[name])
        mentions: list[Mention] = []
        orgs: dict[str, Organization] = {}
        for c in cands:
            target = canonical.get(c.name)
            if target is None:
                continue
            person = full[target]
            if c.cue_gender and person["gender"] is None:
                person["gender"] = c.cue_gender
            mentions.append(Mention(target, c.tokens.starts[c.start], c.tokens.end(c.end - 1)))
            for p in [*c.prefix, *c.posts]:
                if self.posts.is_post(p):
                    person["positions"].append(_position(text, c.tokens, p))
                    if p.org is not None and p.org.name not in orgs:
                        orgs[p.org.name] = _org_record(p.org)
        taken = Spans([(m.start, m.end) for m in mentions])  # (they never overlap)
        for m, gender in self._short_forms(text, segments, first, taken):
            mentions.append(m)
            person = full[m.name]
            if gender and person["gender"] is None:
                person["gender"] = gender
        mentions.sort(key=_START)
        for m in mentions:
            full[m.name]["mentions"] += 1
        self._biographies(text, mentions, full, ctx, orgs, [t for t, _ in segments if t.toks])
        # (their positions are deduplicated: _biographies does it last)
        people = sorted(full.values(), key=lambda p: first[p["name"]])
        for tokens, caps in segments:
            self._segment_orgs(tokens.toks, ctx, orgs, caps)
        return Found(people, list(orgs.values()), mentions)

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
                     ctx: Context, orgs: dict[str, Organization], seg_tokens: list[Tokens]
                     ) -> None:
        """Posts after a short subject: ``ông Thăng làm Bộ trưởng …``, ``Trước đó, bà Trà
        là Chủ tịch UBND tỉnh``, ``ông từng giữ các chức vụ: …`` (a bare ``ông``/``bà`` is
        the person last mentioned). A past marker in the sentence makes them former."""
        full_spans = {(m.start, m.end) for m in mentions if m.name in full
                      and text[m.start:m.end] == m.name}
        subjects = [(m.end, m.name) for m in mentions if (m.start, m.end) not in full_spans]
        starts = [m.start for m in mentions]
        # (from the first mention on: a pronoun before it has no one to stand for)
        for at, end, word in _pronouns(text, starts[0] if starts else len(text)):
            i = bisect.bisect_left(starts, at) - 1
            if i < 0:
                continue
            person = full[mentions[i].name]
            gender = self.cues.get(word.lower())
            if person["gender"] in (None, gender):
                subjects.append((end, mentions[i].name))
        for pos, name in subjects:
            person = full[name]
            for p, tokens, past in self._posts_after(text, pos, ctx, seg_tokens):
                if past:
                    p.status = "former"
                if self.posts.is_post(p):
                    person["positions"].append(_position(text, tokens, p))
                    if p.org is not None and p.org.name not in orgs:
                        orgs[p.org.name] = _org_record(p.org)
        for person in full.values():
            person["positions"] = _dedupe_positions(person["positions"])

    def _posts_after(self, text: str, pos: int, ctx: Context, seg_tokens: list[Tokens]
                     ) -> list[tuple[Post, Tokens, bool]]:
        """Posts after an appointment cue from ``pos`` to the end of its sentence or the
        next person: (post, tokens, past)."""
        end = next_end(text, pos, CLAUSE, pos + 300)
        end = end if end >= 0 else min(len(text), pos + 300)
        if self.any_cue.search(text, pos, end) is None:  # cheap test before tokenizing
            return []
        begin = clause_start(text, pos, 300)
        tokens = _slice(seg_tokens, pos, end) or self.tokenizer.tokenize(text, pos, end)
        toks = tokens.toks
        out: list[tuple[Post, Tokens, bool]] = []
        k = 0
        while k < len(toks):
            t = toks[k]
            if t.cap and t.word and (self.orgs.is_name_start(toks, k) or (
                    k > 0 and toks[k - 1].low in self.cues)):
                break  # the next person
            a = self.appoint.match(toks, k) if t.low in self.appoint.root else None
            if a is None:
                k += 1
                continue
            status, j = a
            posts, stop = self.posts.chain(toks, j, ctx)
            past = status == "former" or (
                self.past_re.search(text, begin, tokens.starts[k]) is not None)
            out.extend((p, tokens, past) for p in posts)
            k = max(stop, j)
        return out

    def _title_before(self, toks: list[Tok], k: int) -> bool:
        for s in range(max(0, k - 12), k):
            if self.posts.starts_post(toks[s]):
                posts, end = self.posts.chain(toks, s, _NO_PLACE, stop=k)
                if end == k and posts:
                    return True
        return False

    def _segment_orgs(self, toks: list[Tok], ctx: Context, seen: dict[str, Organization],
                      caps: list[int]) -> None:
        """Organisations named in a segment (with their place, known or resolved); ``caps``:
        the indices of its capitalised tokens, where one may start."""
        k = 0  # the next token an organisation may start at (none inside the last one)
        for i in _where(toks, caps, self.orgs.org_first_words):
            if i < k:
                continue
            r = self.orgs.org(toks, i, ctx, generic=False)
            if r is None:
                continue
            org, end = r
            if org.resolved and org.name not in seen:
                seen[org.name] = _org_record(org)
            k = max(end, i + 1)


# "ông"/"bà" not inside a word, before a lower-case word (see _pronouns).
_PRONOUN = re.compile(r"[ÔôBb](?<![\w].)(?:(?<=[Ôô])ng|(?<=[Bb])à)(?= [a-zđ\u00e0-\u1ef9])")
_PRONOUN_WORDS = ("ông", "Ông", "bà", "Bà")  # the spellings _PRONOUN matches
_LOWER_WORD = re.compile(r"[a-zđ\u00e0-\u1ef9]")  # the start of the word after one


def _pronouns(text: str, pos: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the matches of ``_PRONOUN.finditer(text, pos)``, in order. Found
    by ``str.find`` of each spelling and a space (a C scan): the regex tried each ``b`` and
    ``ô`` of the text. Two never overlap (a letter would be before the second)."""
    found = []
    for word in _PRONOUN_WORDS:
        q = text.find(word + " ", pos)
        while q != -1:
            if (q == 0 or not (text[q - 1].isalnum() or text[q - 1] == "_")) and (
                    _LOWER_WORD.match(text, q + len(word) + 1)):  # (\w: alphanumeric or _)
                found.append((q, q + len(word), word))
            q = text.find(word + " ", q + 1)
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


def _list_gap(toks: list[Tok], a: int, b: int) -> bool:
    """Whether only a list separator stands between ``toks[a]`` and ``toks[b]`` (after a
    closing bracket: ``A (post), B``)."""
    if a < b and toks[a].text == ")":
        a += 1
    return 0 < b - a <= 2 and tuple(t.low for t in toks[a:b]) in _LIST_GAPS


def _orgs_of_bare_lists(cands: list[Candidate], standalone: set[str]) -> None:
    """``Ba Phó ban kiêm nhiệm gồm: ông A, …``: a title written once before a list with no
    organisation belongs to the organisation the same title last had in the text (``Các
    Phó ban Kinh tế Trung ương chuyên trách gồm …`` a sentence before)."""
    last: dict[str, Org] = {}
    for c in cands:
        for p in [*c.prefix, *c.posts]:
            if p.org is not None and not p.org.bare:
                last[p.title] = p.org
            elif p.org is None and p.shared and p.title not in standalone and p.title in last:
                p.org = last[p.title]


def _position(text: str, tokens: Tokens, p: Post) -> Position:
    return {"title": p.title, "org": p.org.name if p.org else None, "status": p.status,
            "text": text[tokens.starts[p.start]:tokens.end(p.end - 1)]}


def _org_record(org: Org) -> Organization:
    return {"name": org.name, "kind": org.kind, "level": org.level}


def _dedupe_positions(positions: list[Position]) -> list[Position]:
    """One entry per title and organisation; a post also written as former is former; a
    title that is the start of a longer one of the same organisation (``Phó Bí thư`` and
    ``Phó Bí thư Thường trực`` of one committee) is the same post written short."""
    out: dict[tuple[str, str | None], Position] = {}
    for p in positions:
        key = (p["title"], p["org"])
        if key not in out or (p["status"] == "former" and out[key]["status"] != "former"):
            out[key] = p
    keys = list(out)
    for title, org in keys:
        if any(o == org and t != title and t.startswith(title + " ") for t, o in keys):
            del out[(title, org)]
    return list(out.values())


def _is_plural(toks: list[Tok], s: int) -> bool:
    """``các`` or ``các đồng chí`` right before a chain: it applies to a list."""
    if toks[s - 1].low == "các":
        return True
    return s >= 3 and toks[s - 1].low == "chí" and toks[s - 2].low == "đồng" and (
        toks[s - 3].low == "các")
