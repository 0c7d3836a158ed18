"""Places: the administrative units an article names, and the province/district it is about.

:func:`read_places` gives the places (``[{type, name, province}]``, SPEC) and the place
context (:class:`~partyx.record.PlaceContext`: ``Hà Nội``, ``quận Long Biên``).

A unit is recognised in three ways, all checked against the gazetteer
(:mod:`partyx.rules.gazetteer`), so that only real units are listed:

- a type word before its name: ``quận Thanh Xuân``, ``TP Hà Nội``, ``thị trấn Trâu Quỳ``,
  ``Đảng bộ phường Quán Thánh``; a list after one type word (``các huyện Gia Lâm, Đông Anh
  và Sóc Sơn``) gives each. A count is no place: in ``11 phường trên địa bàn`` no name follows;
- a Party committee named after its unit: ``Quận ủy Ba Đình``, ``Tỉnh ủy Nghệ An``;
- a province's own name, bare or in an alias (``Hà Nội``, ``TP.HCM``), unless it is the tail of
  a longer capitalised run (``Nguyễn Thái Bình`` is a person) or a person's name too (bare,
  ``Hồ Chí Minh`` is the President, his thought, the bodies named after him: the city is
  written ``TP Hồ Chí Minh``, ``TP.HCM``).

A name shared by several units (huyện Châu Thành is in ten provinces; phường Thanh Xuân and
quận Thanh Xuân) is resolved by its type word first, then by the provinces the article names;
when that is not enough its province stays ``None``.

The context is the province most mentioned (a district or ward counts for its province; the
headline counts double; ``Thủ đô`` counts for Hà Nội only here) where it is mentioned at
least twice as often as any other and as often as all the others together (an article
about several provinces, a discipline list of officials of five or a conference of many, has
none), and the district mentioned clearly more than any other.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from partyx.data import load
from partyx.lang.patterns import alternation, find_all, finditer_at
from partyx.lang.spans import Spans
from partyx.lang.text import lower_aligned
from partyx.record import District, Place, PlaceContext, PlaceMention
from partyx.rules.gazetteer import UNKNOWN, Unit, get
from partyx.rules.names import capital_run_pattern, capital_runs

# A word and the gap after it (blanks, maybe a dash). A name word is capitalised, or a
# number (Quận 1, Phường 12).
_WORD_GAP = re.compile(r"([^\W_][\w']*|\d+)([ \t]*(?:[-–][ \t]*)?)")
_LIST_SEP = re.compile(r"[ \t]*(?:,|và|;)[ \t]*")
_SENTENCE_ENDS = frozenset(("", ".", "!", "?", ":", "\n", "(", "-", "–", "\"", "“"))


@dataclass
class UnitMention:
    """A unit named in the text: the units it may be (``candidates``), the one it is once
    resolved (``unit``), where it is (``[start, end)``) and whether in the headline."""

    unit: Unit | None
    candidates: list[Unit]
    start: int
    end: int
    in_title: bool


class PlaceFinder:
    """Finds unit mentions in a text (see module docstring). Built once per stage."""

    def __init__(self) -> None:
        self.gazetteer = get()
        data = load("places")
        self.type_words = {k.casefold(): v for k, v in data["type_words"].items()}
        self.committee = {k.casefold(): v for k, v in data["committee_words"].items()}
        self.capital_words = data["capital_words"]
        # words that open a sentence before a province's bare name (Tại Nghệ An): no name's
        self.openers = frozenset(data["bare_openers"])
        # a run after a place word that opens with one is a person's, never an unknown unit's
        self.surnames = frozenset(s.lower() for s in load("names")["surnames"])
        # names of a unit that are a person's too: bare, they are the person's (``tư tưởng Hồ
        # Chí Minh``); the unit is written with its type word (``TP Hồ Chí Minh``) or an alias
        self.person_names = frozenset(data["names_with_type"])
        # head word -> (the unit types it may name, whether a list may follow it: after a
        # type word, not after a committee (Thành ủy names a city, centrally-run or
        # provincial) nor after "tp" (TP or TP., matched apart))
        self.head_types: dict[str, tuple[tuple[str, ...], bool]] = {
            **{w: ((t,), True) for w, t in self.type_words.items()},
            **{w: (tuple(ts), False) for w, ts in self.committee.items()},
            "tp": ((self.type_words["tp"],), False)}
        words = [*self.committee, *(w for w in self.type_words if w not in ("tp", "tp."))]
        heads = alternation(words, r"[\w.]")
        # the head words no other one begins: every head match begins with one of them
        self.head_seeds = [w for w in words if not any(w.startswith(v) for v in words if v != w)]
        # Type words in any case ("Quận Thanh Xuân" opens a headline): matched on the
        # lower-cased text (twice as fast as an (?i) pattern); TP (or Tp, older) with its capital T.
        self.head = re.compile(rf"(?P<w>{heads})(?![\w])[ \t]*")
        # between a type word and its name: a colon before a list (``các tỉnh: Nam Định, Nam
        # Hà``), a descriptor (``huyện miền núi Ba Vì``)
        self.before_name = re.compile(r"(?::[ \t]*)?(?:(?:" + alternation(
            data["unit_descriptors"], r"[\w]") + r")(?![\w])[ \t]*)?")
        self.tp_word = re.compile(r"T[Pp](?<![\w.]T[Pp])\.?(?![\w])[ \t]*")
        names = [u.name for u in self.gazetteer.provinces.values()]
        aliases = list(data["province_aliases"])
        # "Bà Rịa - Vũng Tàu" written with any dash, spaced or not (the gazetteer's key folds them)
        dashed = [n.replace(" - ", d) for n in names if " - " in n for d in ("-", " – ", "–")]
        self.bare = re.compile(alternation(names + aliases + dashed, r"[\w.]") + r"(?![\w])")
        # Where a bare name can open (see _bare_starts): a name whose first word is followed
        # by another capitalised one (Hà Nội, Bà Rịa-Vũng Tàu) at a word of a capitalised
        # run; the others (Huế, TP.HCM) where their first two characters are written.
        runs = capital_run_pattern()
        bare = names + aliases + dashed
        self.bare_firsts = frozenset(w.split(" ", 1)[0] for w in bare if runs.match(w))
        self.bare_seeds = sorted({w[:2] for w in bare if not runs.match(w)})
        self.capital = (re.compile(alternation(list(self.capital_words), r"[\w]") + r"(?![\w])")
                        if self.capital_words else None)

    # -- names after a head word -------------------------------------------------------
    def name_words(self, text: str, pos: int, limit: int) -> list[tuple[str, int]]:
        """Capitalised words (or a number) from ``pos``: [(word, end), ...] up to ``limit``."""
        out: list[tuple[str, int]] = []
        i = pos
        while len(out) < limit:
            m = _WORD_GAP.match(text, i)
            if not m:
                break
            word = m.group(1)
            if not (word[0].isupper() or (not out and word.isdigit())):  # a number goes first
                break
            out.append((word, m.end(1)))
            if not m.group(2):  # no gap: the run ends
                break
            i = m.end()
        return out

    def longest(self, text: str, pos: int, types: tuple[str, ...]) -> tuple[list[Unit], int]:
        """The longest run of name words from ``pos`` that names a unit of one of ``types``:
        (candidate units, end offset), or ([], pos)."""
        first = text[pos:pos + 1]
        if not (first.isupper() or first.isdigit()):  # most often: "tỉnh ta", "các xã có"
            return [], pos
        lookup = self.gazetteer.lookup
        for _, end in reversed(self.name_words(text, pos, self.gazetteer.max_words)):
            name = text[pos:end]
            if len(types) == 1:
                found = lookup(types[0], name)
                if len(found) > 1:
                    found = list(dict.fromkeys(found))  # each unit once, in order
            else:
                found = []
                for t in types:
                    found.extend(u for u in lookup(t, name) if u not in found)
            if found:
                return found, end
        return [], pos

    def find(self, text: str, offset: int = 0, in_title: bool = False) -> list[UnitMention]:
        """Every unit mention in ``text`` (offsets shifted by ``offset``)."""
        found: list[UnitMention] = []
        covered: list[tuple[int, int]] = []
        low = lower_aligned(text)
        tp_at = find_all(text, ("TP", "Tp"))
        tps = finditer_at(self.tp_word, text, tp_at)
        heads = sorted([*self._heads(low), *tps], key=lambda m: m.start())
        for m in heads:
            word = m.group("w") if m.re is self.head else "tp"
            types, is_type = self.head_types[word]
            units, end = self.longest(text, m.end(), types)
            if not units and is_type:
                gap = self.before_name.match(text, m.end())  # (always matches, maybe empty)
                if gap and gap.end() > m.end():
                    units, end = self.longest(text, gap.end(), types)
            if not units and (word == "tp" or word == "thành phố"):
                units, end = self._alias(text, m.start())
            if not units:
                unknown = self._unknown(text, m)
                if unknown is not None:  # (another country's, or one since merged)
                    name, end = unknown
                    found.append(UnitMention(Unit(types[0], name, None, None, UNKNOWN), [],
                                             offset + m.start(), offset + end, in_title))
                continue
            found.append(UnitMention(None, units, offset + m.start(), offset + end, in_title))
            covered.append((m.start(), end))
            # a list after one type word: "các quận Hoàn Kiếm, Ba Đình và Đống Đa"
            while is_type:
                sep = _LIST_SEP.match(text, end)
                if not sep or self.head.match(low, sep.end()):
                    break
                more, end2 = self.longest(text, sep.end(), types)
                if not more:
                    break
                found.append(UnitMention(None, more, offset + sep.end(), offset + end2, in_title))
                covered.append((sep.end(), end2))
                end = end2
        inside = Spans(covered)
        for m in finditer_at(self.bare, text, self._bare_starts(text, tp_at)):
            if (m.start() in inside or m.group() in self.person_names
                    or _after_capital(text, m.start(), self.openers)):
                continue
            prov = self.gazetteer.province(m.group())
            if prov is not None:
                found.append(UnitMention(None, [prov], offset + m.start(), offset + m.end(),
                                               in_title))
        found.sort(key=lambda x: x.start)
        return found

    def _unknown(self, text: str, m: re.Match[str]) -> tuple[str, int] | None:
        """The name of a unit the gazetteer does not know after the place or committee word
        ``m`` (``tỉnh Xiêng Khoảng``, ``Tỉnh ủy Vân Nam``, ``huyện Đông Sơn`` since merged) and
        its end: two or three capitalised words, no more, none written in capitals, the first
        no surname (``UBND tỉnh Nguyễn Văn A``: the holder's name), the place word in lower
        case but where it opens a sentence (``Bảo hiểm Xã Hội Việt Nam``: a name's word; ``TP``
        is always written so); else None."""
        start = m.start()
        if text[start].isupper() and not text.startswith(("TP", "Tp"), start) and (
                text[:start].rstrip(" \t")[-1:] not in _SENTENCE_ENDS):
            return None
        gap = self.before_name.match(text, m.end())
        at = gap.end() if gap else m.end()
        words = self.name_words(text, at, 4)
        if not 2 <= len(words) <= 3 or words[0][0].lower() in self.surnames or any(
                w.isupper() or w.isdigit() for w, _ in words):
            return None
        end = words[-1][1]
        return text[at:end], end

    def _heads(self, low: str) -> list[re.Match[str]]:
        """``self.head.finditer(low)``, faster: a head match begins with one of the head words,
        found with str.find (much faster than the regex engine's scan), and is tried there."""
        return list(finditer_at(self.head, low, find_all(low, self.head_seeds)))

    def _bare_starts(self, text: str, tp_at: list[int]) -> list[int]:
        """Where ``self.bare`` can match (for finditer_at), without its scan of the text: a
        name that opens with two capitalised words (not after a letter, a digit or a dot)
        makes the capitalised-run pattern match there too, so it opens a run of
        :func:`capital_runs` or, inside a run, a word after its spaces, and that word is the
        name's first; another name (one word, or a mark inside: Huế, TP.HCM) is where its
        first two characters are (``str.find``; ``tp_at``: those of ``TP``, ``Tp``). The runs are
        the names stage's: one scan of the text for both."""
        starts = [i for seed in self.bare_seeds
                  for i in (tp_at if seed == "TP" else find_all(text, (seed,)))]
        firsts = self.bare_firsts
        for m in capital_runs(text):
            words = m.group().split(" ")
            if firsts.isdisjoint(words):  # (most runs)
                continue
            s = m.start()
            for word in words:
                if word in firsts:
                    starts.append(s)
                s += len(word) + 1
        return sorted(set(starts))

    def _alias(self, text: str, start: int) -> tuple[list[Unit], int]:
        m = self.bare.match(text, start)
        if m:
            prov = self.gazetteer.province(m.group())
            if prov is not None:
                return [prov], m.end()
        return [], start

    def capital_hints(self, text: str) -> list[str]:
        if self.capital is None:
            return []
        starts = find_all(text, self.capital_words)  # every match begins with a word
        return [self.capital_words[m.group()] for m in finditer_at(self.capital, text, starts)]


def _after_capital(text: str, pos: int, openers: frozenset[str] = frozenset()) -> bool:
    """Whether the word before ``pos`` is a capitalised word of the same run
    (``Nguyễn Thái Bình``: ``Thái Bình`` is not the province), not one of ``openers``, the
    words that open a sentence before a place (``Tại Nghệ An``)."""
    j = pos - 1
    if j < 0 or text[j] not in " \t":
        return False
    while j >= 0 and text[j] in " \t":
        j -= 1
    k = j
    while k >= 0 and (text[k].isalnum() or text[k] == "'"):
        k -= 1
    word = text[k + 1:j + 1]
    return bool(word) and word[0].isupper() and not word.isupper() and word not in openers


def resolve(mentions: list[UnitMention]) -> None:
    """Pick one unit for every mention: unambiguous ones first, then by the provinces those
    name; a mention still ambiguous keeps ``unit`` with ``province`` None."""
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.unit is not None:  # (a unit the gazetteer does not know: as found)
            continue
        if len(m.candidates) == 1:
            m.unit = m.candidates[0]
            if m.unit.province:
                votes[m.unit.province] += 1
    for m in mentions:
        if m.unit is not None:
            continue
        ranked = sorted(m.candidates, key=lambda u: -votes.get(u.province or "", 0))
        best = ranked[0]
        runner_up = next((u for u in ranked if u.province != best.province), None)
        if runner_up is None or votes.get(best.province or "", 0) > votes.get(
                runner_up.province or "", 0):
            m.unit = best
        else:
            m.unit = Unit(best.type, best.name, None, None, best.level)


def context(mentions: list[UnitMention], hints: list[str]) -> PlaceContext:
    """The article's main province and district (see module docstring)."""
    provinces: Counter[str] = Counter()
    districts: Counter[tuple[str, str, str | None]] = Counter()
    first: dict[object, int] = {}
    for m in mentions:
        u = m.unit
        assert u is not None  # (resolve() gives every mention its unit)
        weight = 2 if m.in_title else 1
        if u.province:
            provinces[u.province] += weight
            first.setdefault(u.province, m.start)
        if u.level == "district":
            districts[(u.type, u.name, u.province)] += weight
            first.setdefault((u.type, u.name, u.province), m.start)
        elif u.district and u.province:
            dtype, dname = u.district  # a ward names its district weakly
            districts[(dtype, dname, u.province)] += 0
    for h in hints:
        provinces[h] += 1
        first.setdefault(h, 10**9)
    province = None
    if provinces:
        province = min(provinces, key=lambda p: (-provinces[p], first.get(p, 0)))
        top = provinces[province]
        runner_up = max((c for p, c in provinces.items() if p != province), default=0)
        if top < 2 * runner_up or 2 * top < sum(provinces.values()):
            province = None  # an article about several provinces: none is its own
    district = None
    ranked = [d for d in districts.most_common() if d[1] > 0]
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        dtype, dname, dprov = ranked[0][0]
        if province is None or dprov is None or dprov == province:
            district = District(dtype, dname)
            province = province or dprov
    return PlaceContext(province, district)


def read_places(finder: PlaceFinder, title: str, text: str
                ) -> tuple[list[Place], PlaceContext, list[PlaceMention]]:
    """The places an article names (one per type and name, its province filled by any mention
    that resolves it), its place context (see module docstring) and every unit named in the
    body, resolved, with its offsets into ``text``."""
    in_title = finder.find(title, 0, True)
    shift = len(title) + 1  # (the body after the title, as the context weighs them)
    in_text = finder.find(text, shift)
    mentions = in_title + in_text
    resolve(mentions)
    seen: dict[tuple[str, str], Place] = {}
    for m in mentions:
        u = m.unit
        assert u is not None  # (resolve() gives every mention its unit)
        if u.level == UNKNOWN:  # (no place of the map: evidence for organisations only)
            continue
        k = (u.type, u.name)
        if k not in seen:
            seen[k] = {"type": u.type, "name": u.name, "province": u.province}
        elif seen[k]["province"] is None and u.province:
            seen[k]["province"] = u.province
    # the title and the text apart: no hint spans the "\n" that would join them
    hints = finder.capital_hints(title) + finder.capital_hints(text)
    named = [PlaceMention(u.type, u.name, u.province, u.level, m.start - shift, m.end - shift)
             for m in in_text if (u := m.unit) is not None]
    return list(seen.values()), context(mentions, hints), named
