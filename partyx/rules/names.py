"""Person names: where a text may hold one, and the names written there.

:class:`NameFinder` reads the shape of a Vietnamese person's name from ``data/names.json``
(pure token and dictionary work, precompiled once):

- a name is 2–4 capitalised words starting with a surname (five for a double surname or
  a minority name), a capitalised word before a middle name (``Sa Văn Tâm``; the family name
  ``Ông Thị Nguyệt``), or any capitalised words after a cue word (``ông``, ``bà``,
  ``đồng chí``), a role or a verb of reported speech after two words (``Trần Lâm cho
  biết``); a foreign name (words not spelled as Vietnamese syllables,
  :mod:`partyx.lang.syllables`) after a cue, a title or a role, maybe with a country
  between (``Tổng thống Mỹ Donald Trump``);
- it stops before a title, organisation or epithet word (``Thành ủy``, ``Bí thư``, ``Phật
  Hoàng``), a line break, a number glued to it, and, for a foreign name, a firm's or a
  place's name after it;
- a run that names a place (``Hà Nội``, ``Lê Chân``, ``Thái Lan``), follows a blocker
  (``đường Nguyễn Trãi``, ``Trường tiểu học Chu Văn An``, ``số 5``), is listed after one
  (``những con đường A, B và C``) or is a byline is no person; the names so blocked are
  handed back (``find(…, blocked)``) so that the article's other mentions of them, with no
  cue or title, are no people either.

:meth:`NameFinder.segments` gives the stretches of an article around possible names (only
those are tokenized); :meth:`NameFinder.find` the names in the tokens of one;
:meth:`NameFinder.short_matches` the one-word short forms after a cue (``ông Phong``).
:mod:`partyx.rules.people` reads the posts around the names and joins them into people.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

from partyx.data import load
from partyx.lang.syllables import is_syllable
from partyx.lang.tokens import Tok, Tokens, Trie
from partyx.rules.orgs import NO_CONTEXT
from partyx.rules.posts import PostParser

_CAP = attrgetter("cap")  # a capitalised token is a word (never punctuation)
_TEXT = attrgetter("text")

# Lower-case letters that case-insensitive regexes match to other letters too (re._casefix,
# Python 3.11): a cue with one of them is found by the regexes, not by str.lower().
_EXTRA_FOLDS = frozenset("isµıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ")
_LIST_WORDS = frozenset({",", "và"})
_NAME_ENDS = frozenset(",.;:)-–")  # marks after a name (a sentence word before one ends it)
_AFTER_INITIAL = frozenset("(,)")  # marks after an initial's dot: no sentence ends there
_FOREIGN = object()  # a run of capitalised words with a foreign one (see _may_hold_name)
# Characters of context tokenized around a possible name: room for a long chain of titles
# before it and for posts and appointment cues after it.
_LEFT = 200
_RIGHT = 260


@cache
def capital_run_pattern() -> re.Pattern[str]:
    """Runs of two or more capitalised words, one or more spaces between them, the first not
    inside a word (the stretches of a text that may hold a name, or a place's name)."""
    upper = load("names")["uppercase"]
    # (?<![\w].) after the first letter: a class first lets the regex engine skip ahead.
    # Possessive quantifiers (*+, ++): a word never ends in a space nor a space run in a
    # letter, so giving back characters never helps; at a capitalised word that no
    # other follows (most tries) the engine then fails at once instead of backtracking.
    word = rf"[{upper}][^\W\d_]*+"
    return re.compile(rf"[{upper}](?<![\w].)[^\W\d_]*+[ ]++{word}(?:[ ]++{word})*+")


_last_runs: tuple[str | None, list[re.Match[str]]] = (None, [])


def capital_runs(text: str) -> list[re.Match[str]]:
    """The matches of :func:`capital_run_pattern` in ``text``, in order.
    The scan tries the pattern's class at every character of the text (half a million
    instructions for an article): the last text's runs are kept, as the places stage
    asks for an article's text and the names of the people stage then for the same one."""
    global _last_runs
    last = _last_runs  # (one read: another thread may replace it)
    if last[0] is text:
        return last[1]
    runs = list(capital_run_pattern().finditer(text))
    _last_runs = (text, runs)
    return runs


class NameSpan(NamedTuple):
    """A name found in a segment's tokens."""

    start: int  # token indices [start, end)
    end: int
    name: str
    gender: str | None  # the gender its cue word states
    cued: bool  # a cue word (ông, bà, đồng chí), a role (bị cáo), a list it shares with
    # a person, or (foreign names) a title right before
    cue_at: int  # index of the cue word, else ``start``


class NameFinder:
    """Finds person names in a text (see module docstring)."""

    def __init__(self, posts: PostParser) -> None:
        self.posts = posts
        self.orgs = posts.orgs
        names = load("names")
        self.surnames = frozenset(s.lower() for s in names["surnames"])
        self.not_name = frozenset(names["not_name"])
        self.cues = {k: v for k, v in names["cues"].items()}
        self.cue_trie = Trie({k: v or "" for k, v in names["cues"].items()})
        self.blockers = Trie({**dict.fromkeys(names["blockers"], True),
                              **dict.fromkeys(names["unblockers"], False)})
        self.house_leads = frozenset(names["house_leads"])
        titles = load("titles")
        self.role_ends = _by_last_word(names["roles"])
        self.speech = Trie(dict.fromkeys(names["speech_cues"], True))
        self.speaker_leads = frozenset(names["speaker_leads"])
        self.age_marks = Trie(dict.fromkeys(names["age_marks"], True))
        self.stage_roles = _by_last_word(names["stage_name_roles"])
        self.stage_role_chars = frozenset(  # last letters, either case (see segments)
            c for w in self.stage_roles for c in (w[-1], w[-1].upper()))
        self.stage_phrases = tuple(" ".join(p) for ps in self.stage_roles.values() for p in ps)
        self.title_ends = _by_last_word([*names["roles"], *titles["titles"], *titles["fillers"]])
        self.role_lasts = frozenset([*self.title_ends, *(c.split()[-1] for c in self.cues)])
        self.country_ends = _by_last_word(names["foreign_places"])
        self.country_names = frozenset(c.lower() for c in names["foreign_places"])
        self.countries = Trie(dict.fromkeys(names["foreign_places"], True))
        self.middles = frozenset(w.lower() for w in names["middle_names"])
        self.female_middle = names["middle_names"][1].lower()  # Thị
        self.family_cues = frozenset(names["family_cues"])
        self.body_surnames = frozenset(names["body_surnames"])  # (Tỉnh Đoàn Long An)
        self.qualifiers = frozenset(tuple(w.lower().split()) for w in names["institution_words"])
        self.qualifier_lasts = frozenset(q[-1] for q in self.qualifiers)
        self.longest_qualifier = max(map(len, self.qualifiers))
        upper = names["uppercase"]
        self.caprun = capital_run_pattern()
        cue_words = "|".join(re.escape(c) for c in sorted(self.cues, key=len, reverse=True))
        self.cue_re = re.compile(rf"(?i:{cue_words}|đ/c)[ ]+$")
        # lower-case: where short_re may match (see _short_matches)
        self.short_cues = tuple({c.lower() for c in self.cues} | {"đ/c"})
        # str.lower() finds what those case-insensitive regexes find, unless a cue has a
        # letter the regex engine also matches to a different one (i ~ ı, s ~ ſ …)
        self.lower_finds_cues = not any(ch in _EXTRA_FOLDS for c in self.short_cues for ch in c)
        self.short_cues_longest_first = sorted(self.short_cues, key=len, reverse=True)
        self.cue_lasts = frozenset(c[-1] for c in self.short_cues)  # (see _cue_ends)
        self.longest_cue = len(self.short_cues_longest_first[0])
        self.cues_may_overlap = _cues_may_overlap(self.short_cues)
        self.short_re = re.compile(
            rf"(?<![\w])(?P<cue>(?i:{cue_words}|đ/c))[ ]+(?P<w>[{upper}][^\W\d_]*)"
            rf"(?![\w])(?![ ]+[{upper}])")
        lone = sorted({*(c.lower() for c in self.cues), "đ/c",
                       *(r.lower() for r in names["lone_roles"])}, key=len, reverse=True)
        self.lone_cue_ends = tuple(lone)  # longest first (see _lone_scan)
        self.lone_last_words = frozenset(c.split()[-1] for c in lone)  # ("đ/c": one)
        self.lone_longest = len(lone[0])
        # a letter that may end a cue, spaces, a capitalised word
        lasts = "".join(sorted({ch for c in lone for ch in (c[-1], c[-1].upper())}))
        # (found at the capital, which few characters are: a regex scan that opens with
        # the letter tries most of a text's characters, and their class costs as much).
        # One space before it: the last two letters of a cue's last word before that (a
        # class for each, in any case: a regex's case folding finds all that str.lower()
        # does, and more), when every such word has two letters that lower-case one for one
        self.cue_last_letters = frozenset(lasts)
        words = self.lone_last_words
        if all(len(w) > 1 and "\u0307" not in w for w in words):  # (not of "İ": "i̇")
            seconds = "".join(sorted({w[-2] for w in words}))
            finals = "".join(sorted({w[-1] for w in words}))
            before = f"(?i:[{re.escape(seconds)}][{re.escape(finals)}])"
        else:
            before = f"[{re.escape(lasts)}]"
        self.spaced_capital = re.compile(rf"[{upper}](?:(?<={before} .)|(?<=  .))")
        self.lone_not_names = frozenset(names["lone_not_names"])
        self.lone_case_roles = frozenset(r.lower() for r in names["lone_case_roles"])
        self.particles = frozenset(names["foreign_particles"])
        # a cue or a role, then one capitalised word or initials (N.V.T), no capitalised
        # word, digit or initial after it
        self.lone_re = re.compile(
            rf"(?<![\w])(?P<cue>(?i:{'|'.join(re.escape(c) for c in lone)}))[ ]+"
            rf"(?P<w>[{upper}](?:\.[{upper}])+\.?|[{upper}][^\W\d_]*+)"
            rf"(?![\w.\-’'])(?![ ]+[{upper}\d])")
        self._places: dict[str, bool] = {}  # memo of _is_place_name
        self._foreign_words = _ForeignWords()
        self._holds: dict[str, bool | object] = {}  # capitalised run -> _may_hold_name(run)
        o, t = self.orgs.words, self.posts.words
        self.epithets = Trie(dict.fromkeys(names["epithets"], True))
        self.org_heads = (o.committees, o.central, o.wrappers, o.local, t.titles, t.members,
                          t.fillers, self.epithets)
        self.org_head_words = frozenset().union(*(trie.root for trie in self.org_heads))

    # -- names in tokens ---------------------------------------------------------------------------

    def _stops_name(self, toks: list[Tok], starts: list[int], j: int) -> bool:
        t = toks[j]
        if not (t.cap and t.word) or t.text in self.not_name:
            return True
        if len(t.text) > 1 and t.text.isupper():
            return True
        if starts[j] == starts[j - 1]:  # inside an expanded abbreviation
            return True
        low = t.low  # a set test first: most words start no phrase (hot path)
        if low not in self.org_head_words:
            return False
        return any(low in trie.root and (m := trie.match(toks, j)) and not (
            trie is self.orgs.words.local and m[0][0] in self.orgs.words.typed_only
            and self.orgs.words.type_words.match(toks, m[1]) is None)  # "Vũ Đức Đoàn"
            for trie in self.org_heads)

    def _unlisted_family(self, toks: list[Tok], i: int) -> bool:
        """``X Văn Y``, ``X Thị Y``: a capitalised word before a middle name and a given name
        is a family name, listed or not (``Ông Thị Nguyệt``, ``Sa Văn Tâm``), unless it is a
        word of the sentence (``Theo``, ``Bộ``), starts no run of its own or the middle word
        begins a common noun (``Văn phòng``: a lower-case word after it)."""
        if i + 2 >= len(toks):
            return False
        t, mid, given = toks[i], toks[i + 1], toks[i + 2]
        if not (mid.cap and mid.low in self.middles and given.cap and given.word):
            return False
        if t.text in self.family_cues:  # the cue itself: only mid-sentence (or before Thị)
            return mid.low == self.female_middle or (
                i > 0 and toks[i - 1].word and not toks[i - 1].cap)
        return (t.text not in self.not_name and t.low not in self.org_head_words
                and not t.text.isupper()
                and not (i > 0 and toks[i - 1].cap)
                and given.text not in self.not_name and given.low not in self.org_head_words)

    def _cue_before(self, toks: list[Tok], k: int, text: str = "",
                    starts: Sequence[int] = ()) -> tuple[bool, str | None, int]:
        """(cued, gender, index of the cue) for a cue word right before ``toks[k]``. A
        capitalised cue inside a capitalised run is part of a name (``Đông Anh``), not one
        opening a line (``… Nha Trang`` ¶ ``Ông Takeshi Okumura``: given ``text`` and the
        tokens' ``starts``)."""
        for back in (2, 1):
            s = k - back
            if s >= 0:
                m = self.cue_trie.match(toks, s) if toks[s].low in self.cue_trie.root else None
                if m is not None and m[1] == k:
                    if toks[s].cap and s > 0 and toks[s - 1].cap and toks[s - 1].word and not (
                            starts and "\n" in text[starts[s - 1]:starts[s]]):
                        continue
                    return True, m[0] or None, s
        return False, None, k

    def find(self, text: str, tokens: Tokens, authors: Collection[str],
             caps: list[int] | None = None, blocked: set[str] | None = None
             ) -> list[NameSpan]:
        """The names in ``tokens`` (``caps``: the indices of its capitalised tokens), in
        order; none is a byline author's. ``blocked`` gets the names written as a street's,
        a school's … (``đường Lê Văn Lương``)."""
        toks, starts, _ = tokens
        out: list[NameSpan] = []
        gaz = self.orgs.gazetteer
        surnames = self.surnames
        cue_root = self.cue_trie.root
        foreign_word = self._foreign_words
        middles, role_lasts = self.middles, self.role_lasts
        country_ends, stage_roles = self.country_ends, self.stage_roles
        epithet_root, body_surnames = self.epithets.root, self.body_surnames
        n = len(toks)
        k = 0  # the next token a name may start at (none inside the last one)
        street_end = -9  # where the last blocked name ends (a street's: others may follow)
        for i in capitalised(toks) if caps is None else caps:
            if i < k:
                continue
            t = toks[i]
            family = t.low in surnames
            foreign = staged = False
            if not family and not (  # a cue word before? (dict tests first)
                    (i > 0 and toks[i - 1].low in cue_root)
                    or (i > 1 and toks[i - 2].low in cue_root)):
                nxt = toks[i + 1] if i + 1 < n else t
                if nxt.low in middles and self._unlisted_family(toks, i):
                    family = True
                elif i and (toks[i - 1].cap or toks[i - 1].low in role_lasts or (
                        toks[i - 1].low in country_ends)) and (
                        foreign_word[t.text] or foreign_word[nxt.text]) and (
                        self.countries.match(toks, i) is None) and (
                        self._role_before(toks, i, self.title_ends)):
                    foreign = True  # "Tổng thống Mỹ Donald Trump", "Ri Yong-ho"
                elif i and toks[i - 1].low in country_ends and nxt.cap and nxt.word and (
                        toks[i - 1].cap) and _phrase_ends(self.country_ends, toks, i) and (
                        self.countries.match(toks, i) is None) and (
                        self._role_before(toks, i, self.title_ends)):
                    foreign = True  # "Chủ tịch Trung Quốc Tập Cận Bình", "… Campuchia Hun Sen"
                elif i and toks[i - 1].low in stage_roles and nxt is not t and nxt.cap and (
                        nxt.word) and _phrase_ends(self.stage_roles, toks, i) and not (
                        self._stops_name(toks, starts, i)) and (
                        self.countries.match(toks, i) is None):
                    staged = True  # "ca sĩ Hồng Nhung", "thủ môn Tấn Trường"
                else:
                    continue
            if len(t.text) > 1 and t.text.isupper():  # (few get here: a test after the rest)
                found = self._capitals_name(text, tokens, i)  # "Đồng chí TRƯƠNG VĨNH TRỌNG"
                if found is not None:
                    out.append(found)
                    k = found.end
                continue
            if t.text in self.family_cues and self._unlisted_family(toks, i):
                family, cued, gender, cue_at = True, False, None, i  # the family name Ông
            else:
                cued, gender, cue_at = self._cue_before(toks, i, text, starts)
                if not (family or cued or foreign or staged):
                    continue
            if i > 0 and starts[i - 1] == starts[i]:  # part of an expanded abbreviation
                continue
            body = t.text in body_surnames and not cued and not (  # "tài xế Đoàn …"
                _phrase_ends(self.role_ends, toks, i))
            skip = self._place_prefix(toks, i) or (  # (dict and flag tests first: hot path)
                i and toks[i - 1].low in epithet_root and self._inside_epithet(toks, i)) or (
                i + 3 < n and toks[i + 2].cap and self._unit_name(toks, i)) or (
                body and self._body_of_place(toks, i))
            if skip and family and i + 2 < n and toks[i + 1].low in middles and (
                    toks[i + 2].cap):  # "Đồng Văn Thanh" (the district Đồng Văn: no)
                skip = 0
            if skip:  # "Thành ủy Hà Nội Nguyễn Văn Phong": Hà Nội is no name's start
                k = i + skip
                continue
            j, glued = self._extent(text, tokens, i, foreign)
            if t.text in body_surnames and (
                    (org := self.orgs.org(toks, i, NO_CONTEXT, generic=False)) is not None
                    and org[1] > j):
                k = org[1]  # "Bí thư Đoàn Thanh niên Bộ Xây dựng": the body, no "Đoàn Thanh"
                continue
            if j - i == 2 and not cued and not foreign and self._type_word_ends(toks, i):
                k = j  # "UBND xã Triệu An", "TAND huyện Nông Sơn Nguyễn Thị Tám": two words
                continue  # after a unit's type word name the unit (a person's name is longer)
            if j - i < 2:
                if cued and _apostrophe_name(t.text):  # "đồng chí K’Tiêng"
                    out.append(NameSpan(i, j, t.text, gender, True, cue_at))
                    k = j
                continue
            speaker = not cued and self._speaker(toks, i, j)  # "Theo Trần Văn Lộc, …"
            if not speaker and self._blocked(toks, i, cue_at if cued else None) or (
                    not cued and _list_gap(toks, street_end, i)):  # "đường A, B và C"
                j = self._holder_after(text, tokens, i, j)
                street_end = k = j  # (no name starts inside it: "đường Lê Văn Lương")
                if blocked is not None:
                    blocked.add(text[starts[i]:tokens.end(j - 1)])
                continue
            half = (j - i) // 2
            if (j - i) % 2 == 0 and [x.text for x in toks[i:i + half]] == [
                    x.text for x in toks[i + half:j]]:
                j = i + half  # "Dương Cương Dương Cương": one name written twice
            words = j - i
            if j + 1 < n and toks[j].text == "-" and not glued:
                j = self._hyphenated(text, tokens, j)  # "Kim Jong-un"
            end = tokens.end(j - 1) - glued
            if j + 1 < n and _abbreviated(toks, j) and text[end:end + 1] == ".":
                end += 1  # "bà Nguyễn Thị H. (SN 1959)": the dot is the initial's
            name = text[starts[i]:end]
            k = j
            if name in authors or (not cued and self._is_place_name(name)) or (
                    body and self._is_province_or_country(
                        text[starts[i + 1]:end])) or (
                    cued and gaz.province(name) is not None):
                continue
            cued = cued or staged or speaker
            if not (cued or foreign) and words == 2 and i > 0 and (
                    toks[i - 1].cap or toks[i - 1].low in self.role_lasts):  # (needs a cue)
                cued = self._role_before(toks, i, self.role_ends)  # "bị cáo Lê Hùng"
            if not (cued or foreign) and words == 2 and i > 0 and (
                    toks[i - 1].low in stage_roles):  # "MC Hoàng Oanh"
                cued = _phrase_ends(stage_roles, toks, i) > 0
            if not (cued or foreign) and words == 2 and j < n and toks[j].low in (
                    self.speech.root):  # "Trần Lâm cho biết" (a name speaks: a person)
                cued = self.speech.match(toks, j) is not None
            if not (cued or foreign) and words == 2 and j + 2 < n and toks[j].text == "(":
                cued = self._age_after(toks, j + 1)  # "Lê Hòa (45 tuổi)", "(SN 1980)"
            out.append(NameSpan(i, j, name, gender, cued or foreign, cue_at))
        return out

    def _extent(self, text: str, tokens: Tokens, i: int, foreign: bool) -> tuple[int, int]:
        """Where the name starting at ``toks[i]`` ends (token index) and how many characters
        of a number glued to its last word are not its own. It takes two to four
        capitalised words (five for a double surname or a minority name) and stops before a
        title, an organisation, a sentence word, an epithet, its own surname again, a line
        break, or, for a foreign name, a firm's or a place's name after it."""
        toks, starts, _ = tokens
        n = len(toks)
        t = toks[i]
        surnames, middles = self.surnames, self.middles
        foreign_word = self._foreign_words
        j = i + 1
        longest = 5 if i + 2 < n and toks[i + 1].low in surnames and (
            toks[i + 2].low in middles) else 4  # "Lê Nguyễn Thị Ái Trâm"
        while j < n and j - i < longest and toks[j].text != t.text:  # ("Bạch Ân Bồi Bạch")
            if foreign and _initial(toks, j):  # "George W. Bush"
                j += 2
                continue
            if self._stops_name(toks, starts, j) or (foreign and self._after_firm(toks, j)):
                break
            j += 1
        if j - i == longest == 4 and j < n and foreign_word[toks[j].text] and not (
                self._stops_name(toks, starts, j)):
            j += 1  # a minority name's fifth word: "Y Thanh Hà Niê Kđăm"
        elif 2 <= j - i < longest and j + 1 < n and toks[j].text in self.not_name and (
                toks[j + 1].text in _NAME_ENDS or toks[j - 1].low in middles):
            j += 1  # a sentence word as the given name: "ông Giáp Bá Dự, Chánh tòa"
        if "\n" in text[starts[i]:starts[j - 1]]:  # never across a line
            j = next(m for m in range(i + 1, j) if "\n" in text[starts[m - 1]:starts[m]])
        glued = 0  # characters of a number glued to the last word ("Hồ Văn An2.")
        if toks[j - 1].text[-1].isdigit():
            glued = _glued_number(toks[j - 1].text)
            j -= not glued
        elif j < n and j - i < longest and toks[j].text[-1].isdigit() and (
                "\n" not in text[starts[j - 1]:starts[j]]):
            glued = _glued_number(toks[j].text)  # ("Hồ Văn A5": A5 stopped the name)
            j += glued > 0
        return j, glued

    def _speaker(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether the name ``toks[i:j]`` is a speaker a lead word opening a clause
        introduces (``Theo Trần Văn Lộc, giá lúa …``, ``…, theo Lê Hòa, Giám đốc Sở, …``):
        a comma after it, then a lower-case word or a title; a credit is written otherwise
        (``Theo Hoàng Linh (Khám phá)``, ``Theo Huệ My/laodongthudo.vn``)."""
        if i == 0 or j + 1 >= len(toks) or toks[i - 1].low not in self.speaker_leads:
            return False
        if not toks[i - 1].cap and (i < 2 or toks[i - 2].text != ","):
            return False  # a clause opens with it ("Theo …", "…, theo …"), not "chạy theo"
        if toks[j].text != ",":
            return False
        nxt = toks[j + 1]
        return nxt.word and (not nxt.cap or nxt.low in self.org_head_words)

    def _age_after(self, toks: list[Tok], k: int) -> bool:
        """An age or a birth year opens the bracket at ``toks[k]``: ``45 tuổi``, ``SN 1980``,
        ``sinh năm 1980``."""
        if toks[k].text.isdigit():
            return k + 1 < len(toks) and self.age_marks.match(toks, k + 1) is not None
        m = self.age_marks.match(toks, k) if toks[k].low in self.age_marks.root else None
        return m is not None and m[1] < len(toks) and toks[m[1]].text[:1].isdigit()

    def _holder_after(self, text: str, tokens: Tokens, i: int, j: int) -> int:
        """Where the name of a street or a school read from ``toks[i]`` ends when a person's
        name follows it in the same run of capitalised words (``Hiệu trưởng Trường THPT Lê
        Quý Đôn Nguyễn Văn Bình``: the school's name is two to four words, the holder's a
        family name and one to three words more): at that family name; else ``j``."""
        toks, starts, _ = tokens
        n = len(toks)
        r = i + 1
        while r < n and r < i + 9 and toks[r].cap and toks[r].word and not (
                self._stops_name(toks, starts, r)) and "\n" not in text[starts[r - 1]:starts[r]]:
            r += 1
        if r - i < 5 or (r < n and toks[r].cap and toks[r].word):
            return j
        for m in range(i + 2, min(i + 5, r - 1)):
            if toks[m].low in self.surnames and 2 <= r - m <= 4 and (
                    toks[m + 1].low in self.middles or r - m == 2):
                return m
        return j

    def _role_before(self, toks: list[Tok], i: int, roles: dict[str, list[tuple[str, ...]]]
                     ) -> bool:
        """A cue word or one of ``roles`` (:func:`_by_last_word`: roles, maybe titles) right
        before ``toks[i]``, maybe with a country and up to three capitalised words of a
        portfolio or organisation between (``ngài``, ``Thủ tướng Thổ Nhĩ Kỳ``, ``Bộ trưởng
        Ngoại giao Triều Tiên``, ``HLV``). A title before a Vietnamese name is read by the
        post parser: only foreign names ask for titles here."""
        at = i - _phrase_ends(self.country_ends, toks, i)
        for s in range(at, max(0, at - 4), -1):
            if s < at and not _is_titled_word(toks[s]) and not (
                    s > 0 and toks[s].word and _is_titled_word(toks[s - 1])):  # ("Quốc hội Lào")
                return False
            if _phrase_ends(roles, toks, s) or self._cue_before(toks, s)[0]:
                return True
        return False

    def _after_firm(self, toks: list[Tok], j: int) -> bool:
        """Whether a foreign name (a firm's, more likely) stops before ``toks[j]``: a Vietnamese
        name, a country or a place begins there (``Vietcombank Nguyễn Thanh Tùng``, ``Lixil
        Việt Nam``, ``Agribank Ba Đình``)."""
        if toks[j].low in self.surnames and is_syllable(toks[j].text):
            return True
        if self.countries.match(toks, j) is not None:
            return True
        return j + 1 < len(toks) and toks[j + 1].cap and self._is_place_name(
            f"{toks[j].text} {toks[j + 1].text}")

    def _hyphenated(self, text: str, tokens: Tokens, j: int) -> int:
        """The end of a name ending at ``toks[j - 1]`` with the parts joined to it by a hyphen
        (``Kim Jong-un``, ``Ri Yong-ho``, ``Okimoto-Kaewtathip``): a foreign word on one side
        (not ``Hùng-nguyên Chủ tịch``, ``Dự-Chánh tòa``)."""
        toks, starts, _ = tokens
        while j + 1 < len(toks) and toks[j].text == "-" and starts[j] == tokens.end(j - 1) and (
                starts[j + 1] == starts[j] + 1 and toks[j + 1].word) and not (
                is_syllable(toks[j + 1].text) and is_syllable(toks[j - 1].text)):
            j += 2
        return j

    def _is_place_name(self, name: str) -> bool:
        """``Gazetteer.is_place_name`` or a country's name, memoised: the same few thousand
        runs recur."""
        known = self._places
        found = known.get(name)
        if found is None:
            if len(known) > 50_000:  # bounded on a hostile text of unique runs
                known.clear()
            found = known[name] = self.orgs.gazetteer.is_place_name(name) or (
                name.lower() in self.country_names)
        return found

    def _is_province_or_country(self, name: str) -> bool:
        return self.orgs.gazetteer.province(name) is not None or name.lower() in (
            self.country_names)

    def _capitals_name(self, text: str, tokens: Tokens, i: int) -> NameSpan | None:
        """A name in capitals after a cue word (``Đồng chí TRƯƠNG VĨNH TRỌNG``, ``ông PHAN
        DIỄN``): two to four capitalised syllables from a surname, on one line, written
        with capital initials only (the name as an analyst reads it elsewhere)."""
        toks, starts, _ = tokens
        if toks[i].low not in self.surnames or i == 0 or toks[i - 1].low not in (
                self.cue_trie.root) and (i < 2 or toks[i - 2].low not in self.cue_trie.root):
            return None
        cued, gender, cue_at = self._cue_before(toks, i)
        if not cued:
            return None
        j = i + 1
        while j < len(toks) and j - i < 4 and toks[j].word and toks[j].text.isupper() and (
                is_syllable(toks[j].text)) and "\n" not in text[starts[j - 1]:starts[j]]:
            j += 1
        if j - i < 2 or starts[j - 1] == starts[i]:  # (not an abbreviation spelled out)
            return None
        name = " ".join(w.capitalize() for w in text[starts[i]:tokens.end(j - 1)].split())
        return NameSpan(i, j, name, gender, True, cue_at)

    def _body_of_place(self, toks: list[Tok], k: int) -> int:
        """How many tokens from ``toks[k]`` (``Đoàn``) name a body with its province or
        country after it (``Tỉnh Đoàn Long An`` | ``Nguyễn Văn Út``), else 0: the place ends
        the capitalised run or a surname follows it."""
        n = len(toks)
        for m in (3, 2, 1):
            e = k + 1 + m
            if e <= n and all(t.cap and t.word for t in toks[k + 1:e]) and (
                    e == n or not toks[e].cap or toks[e].low in self.surnames) and (
                    self._is_province_or_country(" ".join(map(_TEXT, toks[k + 1:e])))):
                return 1 + m  # (not "Đoàn Mỹ Linh": a name goes on after Mỹ)
        return 0

    def _unit_name(self, toks: list[Tok], k: int) -> int:
        """2 when ``toks[k]`` starts the two-word name of a unit the gazetteer does not know,
        right after its place word, and a person's name follows (``Chánh án TAND huyện Nông
        Sơn Nguyễn Thị Tám``, ``UBND xã Triệu An Lê Văn Hùng``): a unit's name is two
        syllables, the usual length; else 0."""
        n = len(toks)
        if k + 3 >= n or not (toks[k + 1].cap and toks[k + 2].cap and toks[k + 3].cap):
            return 0
        nxt = toks[k + 2]
        if not (nxt.low in self.surnames or (
                toks[k + 3].low in self.middles and self._unlisted_family(toks, k + 2))):
            return 0
        if toks[k + 1].low in self.middles or not (toks[k + 1].word and toks[k + 3].word):
            return 0  # "Lê Văn Hưng …": a name, not a unit
        unit = self._type_word_ends(toks, k)
        if unit is None or self.orgs.place(toks, k, (unit,)) is not None:
            return 0
        return 2

    def _inside_epithet(self, toks: list[Tok], k: int) -> int:
        """How many tokens from ``toks[k]`` belong to an epithet that starts just before it
        (``Đại Vương``, ``Phật Hoàng``: Vương, Hoàng are no surnames there), else 0."""
        if k == 0 or toks[k - 1].low not in self.epithets.root:
            return 0
        m = self.epithets.match(toks, k - 1)
        return m[1] - k if m is not None and m[1] > k else 0

    def _place_prefix(self, toks: list[Tok], k: int) -> int:
        """How many tokens from ``toks[k]`` belong to a province or district name that
        starts at ``k`` or just before it (``Quảng Ninh Nguyễn Xuân Ký``: Ninh is no
        surname here; ``thành phố Buôn Ma Thuột,``: nor Ma), else 0."""
        if not toks[k].cap:
            return 0
        n = len(toks)
        lo = k  # toks[lo:hi] is the run of capitalised tokens around k (two back, three on)
        while lo > max(0, k - 2) and toks[lo - 1].cap:
            lo -= 1
        hi = k + 1
        while hi < min(n, k + 4) and toks[hi].cap:
            hi += 1
        for s in range(lo, k + 1):  # a name of m words from s, capitalised after it too
            for m in (3, 2):
                if k < s + m and (s + m < hi or s < k and s + m == hi) and (
                        self._is_place_name(" ".join(map(_TEXT, toks[s:s + m])))):
                    return s + m - k  # (one begun before k may end the run: "Buôn Ma Thuột")
        return 0

    def _blocked(self, toks: list[Tok], k: int, cue_at: int | None) -> bool:
        """Whether the name at ``toks[k]`` names something else: a place word whose unit the
        capitalised words name (``phường Nguyễn Du``; but not ``UBND thành phố Huỳnh Đức
        Thơ``), a house number, or a blocker word before it (``đường``, ``tư tưởng``,
        ``THPT``), maybe with institution words between (``Trường tiểu học Chu Văn An``).
        ``cue_at``: the cue word before the name, if any (a blocker before a cue word blocks
        nothing: ``Theo ông``, ``nhà bà``)."""
        at = k if cue_at is None else cue_at
        type_words = self.orgs.words.type_words  # (a dict test before each match: the hot path)
        for s in (at - 2, at - 1):  # a place word first: "thành phố" is not the street "phố"
            m = type_words.match(toks, s) if s >= 0 and toks[s].low in type_words.root else None
            if m is not None and m[1] == at:
                return self.orgs.place(toks, at, (m[0],)) is not None
        if cue_at is not None:
            return False
        if k == 0:
            return False
        if toks[k - 1].text[0].isdigit() and self._house_number(toks, k):
            return True
        blockers = self.blockers
        ends = self._before_qualifiers(toks, k) if toks[k - 1].low in self.qualifier_lasts else (k,)
        for e in ends:
            for s in (e - 3, e - 2, e - 1):
                if s < 0 or toks[s].low not in blockers.root:
                    continue
                m = blockers.match(toks, s)
                if m is not None and m[1] == e and not m[0]:
                    return False  # "đối tượng Lê Văn A": a role, not "tượng"
                if m is not None and m[1] == e and (  # "Môi trường": no blocker "trường"
                        toks[s].cap or s == 0 or e - s > 1 or not _is_titled_word(toks[s - 1])):
                    return True
        return False

    def _house_number(self, toks: list[Tok], k: int) -> bool:
        """A house number right before ``toks[k]``: ``số 5``, ``(14/27``, ``tại 36`` (not a
        unit's number, ``Quận 2``, nor a date, ``ngày 5/9``)."""
        if k == 0 or not toks[k - 1].text[0].isdigit():
            return False
        s = k - 1
        while s >= 2 and toks[s - 1].text == "/" and toks[s - 2].text[0].isdigit():
            s -= 2  # 489/57/11
        return s == 0 or toks[s - 1].low in self.house_leads or (
            s < k - 1 and not toks[s - 1].word)

    def _type_word_ends(self, toks: list[Tok], k: int) -> str | None:
        """The unit type of a place word (``phường``, ``thành phố``) right before ``toks[k]``."""
        type_words = self.orgs.words.type_words  # (a dict test before each match: the hot path)
        for s in (k - 2, k - 1):
            m = type_words.match(toks, s) if s >= 0 and toks[s].low in type_words.root else None
            if m is not None and m[1] == k:
                return str(m[0])
        return None

    def _before_qualifiers(self, toks: list[Tok], k: int) -> list[int]:
        """``k``, and where each run of institution words before ``toks[k]`` begins, nearest
        first (``Trường tiểu học`` | ``Chu Văn An``: the blocker may end there)."""
        out = [k]
        lasts, phrases = self.qualifier_lasts, self.qualifiers
        at = k
        while at > 0 and toks[at - 1].low in lasts and len(out) < 4:
            for n in range(min(at, self.longest_qualifier), 0, -1):
                if tuple(t.low for t in toks[at - n:at]) in phrases:
                    at -= n
                    out.append(at)
                    break
            else:
                break
        return out

    def segments(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text around possible names, merged: only these are tokenized (the
        rest of an article cannot hold a person or a post)."""
        spans = []
        holds = self._holds
        if len(holds) > 50_000:  # bounded: a hostile text of unique capitalised runs
            holds.clear()
        lasts = self.cue_lasts if self.lower_finds_cues else ()  # (see _cue_ends)
        for m in capital_runs(text):
            run = m.group()
            hold = holds.get(run)
            if hold is None:  # the same runs recur article after article: memoised
                hold = holds[run] = self._may_hold_name(run.split())
            s = m.start()
            if hold is _FOREIGN:  # a foreign name only after a role: "Tổng thống Mỹ Donald"
                hold = self._role_word_before(text, s)
            elif not hold and s > 1 and text[s - 2] in self.stage_role_chars:
                hold = self._stage_role_before(text, s)  # "ca sĩ Hồng Nhung"
            if not hold and lasts and s > 1 and text[s - 1] == " " and text[s - 2] != " " and (
                    len(low := text[s - 2].lower()) == 1 and low not in lasts):
                continue  # one space after a char that ends no cue (most runs): no cue
            if hold or self._cue_ends(text, max(0, s - 12), s):
                spans.append((max(0, s - _LEFT), min(len(text), m.end() + _RIGHT)))
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out = []
        for a, b in merged:
            if a > 0:  # start and end on a space, not inside a word
                sp = text.find(" ", a)
                a = sp + 1 if sp != -1 else a
            if b < len(text):
                sp = text.rfind(" ", a, b)
                b = sp if sp > a else b
            out.append((a, b))
        return out

    def _cue_ends(self, text: str, lo: int, hi: int) -> bool:
        """``self.cue_re.search(text, lo, hi)``: ``text[lo:hi]`` ends with a cue word and
        spaces (``$`` also matches before a final line break), by str methods, not a scan."""
        window = text[lo:hi]
        if self.lower_finds_cues:
            # Most runs follow no cue: first the char before the spaces (before a final
            # line break), lower-cased, must end a cue (else no lower-casing of the window
            # nor regex finds one; the regex's case-insensitive letter is the lower case
            # but for İ, whose lower() is two chars).
            words = window.rstrip(" ")
            if len(words) == len(window):
                if not window.endswith("\n"):
                    return False
                words = window[:-1].rstrip(" ")
                if len(words) == len(window) - 1:
                    return False
            if not words:
                return False
            last = words[-1].lower()
            if len(last) == 1 and last not in self.cue_lasts:
                return False
        low = window.lower()
        if len(low) != hi - lo or not self.lower_finds_cues:  # (two: ask the regex)
            return self.cue_re.search(text, lo, hi) is not None
        return self._cue_then_spaces(low) or (
            low.endswith("\n") and self._cue_then_spaces(low[:-1]))

    def _cue_then_spaces(self, low: str) -> bool:
        words = low.rstrip(" ")
        return len(words) < len(low) and words.endswith(self.short_cues)

    def _may_hold_name(self, words: list[str]) -> bool | object:
        """A surname followed by another capitalised word that is not a place's name (``Hà
        Nội``, ``Hồ Chí Minh`` are no anchors), a role of the arts or sports and two words
        (``NSND Lan Hương``), a country and two words (``Trung Quốc Tập Cận Bình``), or a
        role or cue word and a foreign word (``HLV Pep Guardiola``): True; else a foreign
        word (``Mỹ Donald Trump``): ``_FOREIGN`` (a name if a role word is before the run);
        else False."""
        for i, w in enumerate(words[:-1]):
            if w.lower() in self.surnames and not any(
                    self._is_place_name(" ".join(words[i:i + n])) for n in (2, 3)
                    if i + n <= len(words)):
                return True
        if len(words) > 2 and words[0].lower() in self.stage_roles:
            return True  # "NSND Lan Hương"
        if len(words) > 2 and any(" ".join(words[:m]).lower() in self.country_names
                                  for m in range(1, min(4, len(words) - 1))):
            return True  # "(Chủ tịch) Trung Quốc Tập Cận Bình": find() asks for the title
        if not any(not is_syllable(w) and not w.isupper() for w in words):
            return False
        return words[0].lower() in self.role_lasts or _FOREIGN  # ("Ông Lee Nak", "HLV Pep")

    def _role_word_before(self, text: str, s: int) -> bool:
        """Whether the word before ``text[s]`` (one space between) may end a role, a title, a
        cue or a country's name (``thống`` of ``Tổng thống``, ``ngài``, ``quốc`` of ``Liên
        hợp quốc``)."""
        if s < 2 or text[s - 1] != " ":
            return False
        w = text.rfind(" ", max(0, s - 24), s - 1)
        word = text[w + 1:s - 1].lower()  # (a country's last word: find() asks for the title:
        return word in self.role_lasts or word in self.country_ends  # "… Liên hợp quốc A B")

    def _stage_role_before(self, text: str, s: int) -> bool:
        """Whether a role of the arts or sports (``ca sĩ``, ``thủ môn``) ends right before
        ``text[s]``, one space between (the whole phrase: not ``liệt sĩ``, ``Ủy viên``)."""
        if text[s - 1] != " ":
            return False
        before = text[max(0, s - 20):s - 1].lower()
        if not before.endswith(self.stage_phrases):
            return False
        return any(before.endswith(p) and (
            len(before) == len(p) or not before[-len(p) - 1].isalnum()) for p in self.stage_phrases)

    def lone_cued(self, text: str) -> list[re.Match[str]]:
        """Cue words or roles before one capitalised word or initials that may name a person
        (``bà Thu``, ``bị cáo Hùng``, ``Tổng thống Obama``, ``anh N.V.T``, ``anh Hiển`` of
        ``Phan Hiển``): not a word of a sentence, a title, an organisation, a place, a
        country or a word that names no one alone (``anh Hai``, ``ông Táo``); in text
        order."""
        out = []
        for m in self._lone_scan(text):
            word = m.group("w")
            if "." not in word and (len(word) == 1 or word.isupper()):
                continue  # an acronym or one letter ("bệnh nhân THA", "bà H")
            cue = m.group("cue")
            if cue[0].isupper() and not _opens_sentence(text, m.start()):
                continue  # "Ca sĩ Anh Thơ", "Hoàng tử Ếch", "rạch Bà Rựa": a name's words
            after = text[m.end():m.end() + 8].split(None, 2)
            if len(after) > 1 and after[0] in self.particles and after[1][:1].isupper():
                continue  # "ông Willem van Dijk"
            if "." not in word and (word in self.not_name or word in self.lone_not_names
                                    or word.lower() in self.org_head_words
                                    or word.lower() in self.cue_trie.root
                                    or word.lower() in self.country_names
                                    or self.orgs.gazetteer.province(word) is not None):
                continue
            if "." not in word and not is_syllable(word) and (
                    " ".join(cue.lower().split()) in self.lone_case_roles):
                continue  # "bệnh nhân Covid": a disease's name, no patient's
            if cue[0].isupper() and self._is_place_name(f"{cue} {word}"):
                continue  # "Bà Rịa", "Cô Tô"
            out.append(m)
        return out

    def _lone_scan(self, text: str) -> list[re.Match[str]]:
        """The matches of ``self.lone_re`` in ``text`` as finditer reports them, looked for
        only before each capitalised word written after spaces (a cheap scan): whether a
        cue or a role ends there, lower-cased (a regex scan tries its case-insensitive cues
        at every character, a fifth of the people stage's cost; a cue spelled with a letter
        only the regex folds, ``ı`` for ``i``, is not looked for)."""
        out: list[re.Match[str]] = []
        longest, ends = self.lone_longest, self.lone_cue_ends
        lasts = self.lone_last_words
        letters = self.cue_last_letters
        taken = -1  # the capital of the last letter, spaces and capital a scan from the letter
        for w in self.spaced_capital.finditer(text):  # would match (then no match opens there)
            r = w.start() - 1
            while r > 0 and text[r - 1] == " ":
                r -= 1  # (after the cue's last letter: the spaces, the word)
            if r == 0 or r - 1 == taken or text[r - 1] not in letters:
                continue
            taken = w.start()
            k = text.rfind(" ", 0, r) + 1  # the word before: most often letters after a space
            if not text[k:r].isalpha():  # (else back over its letters and slashes one by one)
                k = r - 1
                while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "/"):
                    k -= 1
            if text[k:r].lower() not in lasts:
                continue  # (most: no cue's last word before the spaces)
            tail = text[max(0, r - longest):r].lower()
            if not tail.endswith(ends) or len(tail) != min(r, longest):
                continue
            for cue in ends:  # (longest first, as the regex's alternation)
                if tail.endswith(cue):
                    m = self.lone_re.match(text, r - len(cue))
                    if m is not None and (not out or m.start() >= out[-1].end()):
                        out.append(m)
                        break
        return out

    def lone_matches(self, text: str, cued: list[re.Match[str]]) -> list[re.Match[str]]:
        """Those of ``cued`` (:meth:`lone_cued`) whose word names a person known by it
        alone: the article writes no longer name with it (``Charles Kupchan … ông
        Kupchan``, ``Frank de Boer … ông Frank``)."""
        out = []
        fuller: set[str] | None = None  # last words of longer capitalised runs
        for m in cued:
            word = m.group("w")
            if fuller is None:
                fuller = self._fuller_words(text)
            if word in fuller or (not is_syllable(word) and self._foreign_first(text, word)):
                continue  # "Charles Kupchan … ông Kupchan", "Frank de Boer … ông Frank":
                # the full name is written (the finder did not take it)
            out.append(m)
        return out

    def _foreign_first(self, text: str, word: str) -> bool:
        """Whether the foreign ``word`` is written somewhere as the first word of a longer
        name: a capitalised word, or a particle and one, after it (``Frank de Boer``)."""
        at = text.find(word + " ")
        while at != -1:
            rest = text[at + len(word) + 1:at + len(word) + 12].split(None, 2)
            if rest and (rest[0][:1].isupper() or (
                    len(rest) > 1 and rest[0] in self.particles and rest[1][:1].isupper())):
                return True
            at = text.find(word + " ", at + 1)
        return False

    def _fuller_words(self, text: str) -> set[str]:
        """The last words of the runs of capitalised words of ``text`` that may be a name
        (not a cue, a role or a sentence word and one word: ``Ông Khôi``)."""
        out = set()
        for run in capital_runs(text):
            words = run.group().split()
            if words[-2].lower() not in self.cue_trie.root and words[-2] not in self.not_name:
                out.add(words[-1])
        return out

    def short_matches(self, text: str, words: Collection[str]) -> list[re.Match[str]]:
        """The matches of ``self.short_re.finditer(text)`` whose word is one of ``words``
        (the last words of the people found), in text order. Searched from those words with
        ``str.find`` (a regex scan tries every position of the text, and lower-casing it to
        find each cue costs more than a few ``find`` of names): each place a word is
        written after spaces and a cue is where short_re may match. finditer skips a match
        that starts inside one it reported: that can only be at its word (see
        ``_reported``) while ``self.cues_may_overlap`` is False."""
        if not self.lower_finds_cues or self.cues_may_overlap:  # (then the plain scan)
            return [m for m in self.short_re.finditer(text) if m.group("w") in words]
        found: dict[int, re.Match[str]] = {}
        for word in words:
            q = text.find(word)
            while q != -1:
                m = self._short_match_before(text, q)
                if m is not None and m.group("w") == word and self._reported(text, m):
                    found[m.start()] = m
                q = text.find(word, q + 1)
        return [found[p] for p in sorted(found)]

    def _reported(self, text: str, m: re.Match[str]) -> bool:
        """Whether finditer reports short_re match ``m``: not when it starts at the word of
        a match that it reports (``ông Đ/c Phong``: ``ông Đ`` is a match, and its word the
        start of ``Đ/c``). A match is never inside another one's spaces or word (a letter
        is before each of its letters), nor, unless cues_may_overlap, inside its cue."""
        covered = False
        before = self._short_match_before(text, m.start())
        while before is not None:  # each match of the chain covers the next one if reported
            covered = not covered
            before = self._short_match_before(text, before.start())
        return not covered

    def _short_match_before(self, text: str, q: int) -> re.Match[str] | None:
        """The short_re match whose word starts at ``text[q]``, if any: spaces, and a cue
        before them (the longest, as the regex prefers its leftmost start)."""
        r = q
        while r > 0 and text[r - 1] == " ":
            r -= 1
        if r == q:
            return None
        # a cue written in any case ends here? (lower-cased: see lower_finds_cues)
        tail = text[max(0, r - self.longest_cue):r].lower()
        if not tail.endswith(self.short_cues):
            return None
        for cue in self.short_cues_longest_first:
            if tail.endswith(cue):
                m = self.short_re.match(text, r - len(cue))
                if m is not None and m.start("w") == q:
                    return m
        return None


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``text[at]`` opens a sentence, a line or a quotation."""
    k = at - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return k < 0 or text[k] in '.!?:;\n"“(…-–'


def _cues_may_overlap(cues: Sequence[str]) -> bool:
    """Whether a short_re match might start inside another one's cue: after a non-word
    character inside a cue (``đ/c``: after ``/``) that cue's rest and a space would begin
    a cue, or a cue would be a part of them. With such cues finditer skips a match that a
    search from the names finds."""
    if any(not c[:1].isalnum() for c in cues):
        return True  # (one might start in the spaces after a cue)
    for d in cues:
        for i in range(1, len(d)):
            if d[i - 1].isalnum() or d[i - 1] == "_":
                continue  # (?<![\w]) fails after a word character
            rest = d[i:] + " "
            if any(c.startswith(rest) or rest.startswith(c) for c in cues):
                return True
    return False


def _by_last_word(phrases: Collection[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases (lower-cased words), by their last word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted({tuple(p.lower().split()) for p in phrases}, key=len, reverse=True):
        out.setdefault(p[-1], []).append(p)
    return out


def _phrase_ends(phrases: dict[str, list[tuple[str, ...]]], toks: list[Tok], k: int) -> int:
    """The length of the longest of ``phrases`` (:func:`_by_last_word`) ending right before
    ``toks[k]``, or 0."""
    if k == 0:
        return 0
    for p in phrases.get(toks[k - 1].low, ()):
        n = len(p)
        if n <= k and all(toks[k - n + m].low == w for m, w in enumerate(p)):
            return n
    return 0


class _ForeignWords(dict[str, bool]):
    """Token string -> whether it is a capitalised word not spelled as a Vietnamese syllable,
    nor an acronym (``Donald``; not ``Nguyễn``, ``HLV``, ``và``), found on first sight."""

    def __missing__(self, word: str) -> bool:
        if len(self) > 100_000:  # bounded: a hostile text of unique words
            self.clear()
        found = self[word] = word[:1].isupper() and not is_syllable(word) and not word.isupper()
        return found


def _abbreviated(toks: list[Tok], j: int) -> bool:
    """A name ending at ``toks[j - 1]`` with an initial (``H``, ``Th``) before a dot that
    ends no sentence (a bracket, a comma or a lower-case word after it)."""
    last, after = toks[j - 1], toks[j + 1]
    return (len(last.text) <= 2 and last.cap and toks[j].text == "."
            and (after.text in _AFTER_INITIAL or (after.word and not after.cap)))


def _initial(toks: list[Tok], j: int) -> bool:
    """A middle initial at ``toks[j]``: one capital letter, a dot, a capitalised word."""
    return (j + 2 < len(toks) and len(toks[j].text) == 1 and toks[j].cap
            and toks[j + 1].text == "." and toks[j + 2].cap and toks[j + 2].word)


def _list_gap(toks: list[Tok], a: int, b: int) -> bool:
    """Whether only a list separator stands between ``toks[a]`` and ``toks[b]``."""
    return 0 < b - a <= 2 and (b - a == 1 and toks[a].low in _LIST_WORDS or (
        toks[a].low == "," and toks[a + 1].low == "và"))


def _apostrophe_name(word: str) -> bool:
    """One token that is two syllables of a minority name joined by an apostrophe
    (``K’Tiêng``, ``H’Hen``)."""
    for mark in "’'":
        head, _, tail = word.partition(mark)
        if tail:
            return head.isalpha() and tail[:1].isupper() and tail.isalpha()
    return False


def _glued_number(word: str) -> int:
    """The length of the number at the end of a capitalised word (``An2``: 1), or 0 when
    the word is not letters then digits."""
    letters = word.rstrip("0123456789")
    if letters == word or not letters.isalpha() or not letters[0].isupper() or (
            len(letters) > 1 and letters.isupper()):
        return 0
    return len(word) - len(letters)


def _is_titled_word(t: Tok) -> bool:
    """A capitalised word that is not an acronym (``Môi`` of ``Môi trường``; not ``HS``)."""
    return t.cap and not t.text.isupper()


def capitalised(toks: list[Tok]) -> list[int]:
    """Indices of the capitalised tokens (words: punctuation is never capitalised)."""
    return list(compress(count(), map(_CAP, toks)))
