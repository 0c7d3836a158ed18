"""Party congresses named in a text: ordinal, holding body, term.

Forms: ``Đại hội lần thứ XIII của Đảng``, ``Đại hội đại biểu toàn quốc lần thứ XIII``,
``Đại hội Đảng toàn quốc lần thứ XII``, ``Đại hội XII của Đảng``, ``Đại hội Đảng bộ quận Ba Đình
lần thứ XXVI, nhiệm kỳ 2020-2025``, ``Đại hội đại biểu lần thứ XVII Đảng bộ thành phố Hà Nội``,
``Đại hội lần thứ VI Đảng bộ quận``, ``đại hội đại biểu Đảng bộ quận lần thứ XXVI``,
``Đại hội Đảng bộ TPHCM lần VIII``, ``ĐH Đảng lần thứ IX``.

The national congress's body is ``Đảng Cộng sản Việt Nam``; a local one's is ``Đảng bộ <level>
<Place>`` (:meth:`partyx.rules.orgs.Whereabouts.party_body`: a place not written is resolved as
an organisation's, from the evidence nearest to the congress). A
congress needs an ordinal (Roman numerals or ``lần thứ 13``). With no body written it is the
national congress when the ordinal is one a national congress has had (``Nghị quyết Đại hội
XIII``; ``national_congress_max`` in ``data/bodies.json``). ``Đại hội Đảng bộ các cấp``, other
organisations' congresses (``Đại hội Chi đoàn``, ``Đại hội đại biểu toàn quốc lần thứ XI Hội
Nông dân``) and foreign ones (``Đại hội 18``, ``Đảng Cộng sản Trung Quốc``) are left out.

The parser reads a bounded window of words after each ``Đại hội``: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.numbers import ordinal_words, parse_ordinal, parse_roman
from partyx.record import Congress
from partyx.rules.gazetteer import Unit
from partyx.rules.gazetteer import get as get_gazetteer
from partyx.rules.orgs import Whereabouts, level_of

NATIONAL = "Đảng Cộng sản Việt Nam"
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_WINDOW = 220
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class CongressMention:
    """A congress named in the text (offsets into it)."""

    start: int
    end: int
    text: str
    ordinal: int
    body: str
    term: str | None

    def record(self) -> Congress:
        return {"ordinal": self.ordinal, "body": self.body, "term": self.term, "text": self.text}


@dataclass(frozen=True)
class _Vocab:
    # the congress words, longest first (the order a regex alternation of them would try)
    congress_words: tuple[str, ...]
    stops: frozenset[str]  # words that end a body's name
    # the highest ordinal a national congress has had: a bare ``Đại hội XIII`` is national,
    # a bare ``Đại hội lần thứ XVII`` cannot be
    national_max: int
    # phrases of a body's name that hold stop words ("các cơ quan Đảng"), longest first, and the
    # words of a Party cell ("chi bộ"), each as lower-cased words
    name_phrases: tuple[tuple[str, ...], ...]
    cell_words: tuple[tuple[str, ...], ...]


@cache
def _vocab() -> _Vocab:
    data = load("bodies")
    def split(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(p.casefold().split()) for p in phrases), key=len, reverse=True))
    return _Vocab(tuple(sorted(data["congress_words"], key=len, reverse=True)),
                  frozenset(data["stop_words"]), int(data["national_congress_max"]),
                  split(data["name_phrases"]), split(data["cell_words"]))


class _Tokens:
    """Words of ``text[start:end]`` with their offsets; ``peek``/``take`` by lower-cased text.
    Words are cut as they are first asked for: most windows are given up after a few."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._matches = _TOKEN.finditer(text, start, end)
        self.items: list[tuple[str, str, int, int]] = []  # (word, casefolded, start, end)
        self.i = 0

    def _cut(self, j: int) -> bool:
        """Cut words up to the ``j``-th; ``False`` when the window has fewer."""
        items = self.items
        while len(items) <= j:
            m = next(self._matches, None)
            if m is None:
                return False
            w = m.group(0)
            items.append((w, w.casefold(), m.start(), m.end()))
        return True

    def word(self, k: int = 0) -> str:
        j = self.i + k
        return self.items[j][0] if j < len(self.items) or self._cut(j) else ""

    def low(self, k: int = 0) -> str:
        j = self.i + k
        return self.items[j][1] if j < len(self.items) or self._cut(j) else ""

    def seq(self, *words: str) -> bool:
        return all(self.low(k) == w for k, w in enumerate(words))

    def end(self) -> int:
        if not self.i:
            return 0
        self._cut(self.i - 1)
        return self.items[self.i - 1][3]


def _is_roman(word: str) -> bool:
    return bool(word) and word.isupper() and parse_roman(word) is not None


def _read_body(t: _Tokens, stops: frozenset[str]) -> tuple[str | None, str | None] | None:
    """After ``Đảng bộ``: (level, place) as written; ``None`` for a generic body. A phrase of
    ``name_phrases`` belongs to the name (``Đảng bộ Khối các cơ quan Trung ương``)."""
    phrases = _vocab().name_phrases
    level = None
    two = f"{t.low()} {t.low(1)}"
    if level_of(two):
        level, t.i = level_of(two), t.i + 2
    elif level_of(t.low()) and t.low() not in stops:
        level, t.i = level_of(t.low()), t.i + 1
        if t.word() == ".":  # "TP."
            t.i += 1
    words: list[str] = []
    while len(words) < 8:
        w = t.word()
        if not w or not (w[0].isalpha() or w.isdigit()) or _is_roman(w) and words:
            break
        if level is None and (phrase := next((p for p in phrases if t.seq(*p)), None)):
            words += [t.word(k) for k in range(len(phrase))]
            t.i += len(phrase)
            continue
        if w.casefold() in stops or (level and not (w[0].isupper() or w.isdigit())):
            break
        if not level and not words and w[0].islower() and w.casefold() in stops:
            return None
        words.append(w)
        t.i += 1
        after = t.word(1)
        if t.word() in ("-", "–") and after[:1].isupper() and after.casefold() not in stops \
                and not _is_roman(after):
            words.append("-")  # "Bà Rịa - Vũng Tàu": one name
            t.i += 1
    if level is None and not words:
        return None
    return level, " ".join(words) or None


def _read_term(t: _Tokens) -> str | None:
    start = t.i
    if t.word() == ",":
        t.i += 1
    if t.seq("nhiệm", "kỳ"):
        t.i += 2
    elif t.word() == "(":  # "(2020-2025)", "(nhiệm kỳ 2020-2025)"
        t.i += 3 if t.seq("(", "nhiệm", "kỳ") else 1
    else:
        t.i = start
        return None
    y1, dash, y2 = t.word(), t.word(1), t.word(2)
    if _YEAR.fullmatch(y1) and dash in "-–" and _YEAR.fullmatch(y2):
        t.i += 3
        if t.word() == ")":
            t.i += 1
        return f"{y1}-{y2}"
    t.i = start
    return None


def _parse(text: str, start: int, end: int, places: Whereabouts, at: int | None,
           stops: frozenset[str]) -> CongressMention | None:
    stop = text.find("\n", end, end + _WINDOW)  # the window ends with its line
    t = _Tokens(text, end, stop if stop >= 0 else min(len(text), end + _WINDOW))
    national = False
    body: tuple[str | None, str | None] | None = None
    ordinal = None
    term = None
    pending = False
    spelled = False  # the ordinal in words ("lần thứ hai"): the Party or a body must be named
    party = False  # the Party is named (not only "toàn quốc")
    cell: str | None = None  # a Party cell's name ("Chi bộ thôn Đông")
    for _ in range(30):
        low, low1 = t.low(), t.low(1)  # tested first: most windows stop at the first words
        if low == "đại" and low1 == "biểu":
            t.i += 2
        elif body is None and cell is None and ordinal is None \
                and (cell_word := next((w for w in _vocab().cell_words if t.seq(*w)), None)):
            written = " ".join(t.word(k) for k in range(len(cell_word)))
            t.i += len(cell_word)
            named = " ".join(filter(None, _read_body(t, stops) or ()))
            if not any(w[:1].isupper() or w[:1].isdigit() for w in named.split()):
                return None  # "đại hội chi bộ": which cell is not written
            cell = f"{written[:1].upper()}{written[1:]} {named}"
        elif low == "toàn" and low1 == "quốc":
            national, t.i = True, t.i + 2
        elif low == "đảng" and t.seq("đảng", "cộng", "sản", "việt", "nam"):
            national, party, t.i = True, True, t.i + 5
        elif (low == "của" and t.seq("của", "đảng", "bộ")) or (low == "đảng" and low1 == "bộ"):
            if body is not None:
                break
            t.i += 3 if low == "của" else 2
            if t.low() == "lần" and ordinal is None:
                pending = True  # "Đại hội Đảng bộ lần thứ XIV TP Hà Nội": the place follows
                continue
            body = _read_body(t, stops)
            if body is None:
                return None
        elif (low == "của" and low1 == "đảng") or (low == "đảng" and low1 != "bộ"):
            t.i += 2 if low == "của" else 1
            following = t.word()
            if t.seq("cộng", "sản", "việt", "nam"):
                t.i += 4
            elif following[:1].isupper() and not _is_roman(following):
                return None  # another party: Đảng Cộng sản Trung Quốc, Đảng Nhân dân Cách mạng Lào
            national = party = True
        elif ordinal is None and low == "lần":  # "lần thứ XIII", "lần VIII", "lần thứ mười ba"
            nth = t.low(1) == "thứ"
            t.i += 2 if nth else 1
            ordinal = parse_ordinal(t.word())
            if ordinal is not None:
                t.i += 1
            elif nth and (in_words := ordinal_words([t.low(k) for k in range(3)])):
                (ordinal, taken), spelled = in_words, True
                t.i += taken
            else:
                return None
        elif ordinal is None and _is_roman(t.word()):
            ordinal, t.i = parse_roman(t.word()), t.i + 1
        elif ordinal is not None and term is None and (got := _read_term(t)):
            term = got
        elif ordinal is not None and pending and body is None and level_of(low) \
                and t.word(1)[:1].isupper():
            body = _read_body(t, stops)
        else:
            break
    if ordinal is None or ordinal <= 0:
        return None
    # A capitalised word after the ordinal names another organisation (Đại hội đại biểu toàn
    # quốc lần thứ XI Hội Nông dân, Đại hội XII Công đoàn) unless the Party is named.
    other_org = t.word()[:1].isupper() and not party
    name: str | None
    if cell is not None:
        name = cell
    elif body is not None:
        name = _body_name(body[0], body[1], places, at)
    elif other_org or pending or spelled and not party:
        return None
    elif national or ordinal <= _vocab().national_max:
        name = NATIONAL  # "Đại hội XIII", "Nghị quyết Đại hội lần thứ XIII": the national one
    else:
        return None
    if name is None:
        return None
    return CongressMention(start, t.end(), text[start:t.end()], ordinal, name, term)


def _province(name: str) -> Unit | None:
    return get_gazetteer().province(name)


def _body_name(level: str | None, named: str | None, places: Whereabouts, at: int | None
               ) -> str | None:
    """``Đảng bộ <level> <place>`` by the one resolver; a name ending with a level word
    (``các cơ quan Đảng tỉnh``) gets that level's place, or is no body when none is known."""
    words = (named or "").split()
    if level is None and len(words) > 1 and (last := level_of(words[-1])) is not None:
        found = places.party_body(last, None, at)
        prefix = f"Đảng bộ {last} "
        if found is None or not found.startswith(prefix):
            return None
        return f"Đảng bộ {named} {found[len(prefix):]}"
    if level == "thành phố" and named and _province(named) is None \
            and (city := _province(f"TP{named}")) is not None:
        named = city.name  # "TP.HCM": the abbreviation is one name
    return places.party_body(level, named, at)


def find_congresses(text: str, places: Whereabouts | None = None, title: bool = False
                    ) -> list[CongressMention]:
    """Every Party congress named in ``text`` with an ordinal, in text order; a body's place
    not written resolved by ``places`` (the article's: ``text`` is its body, or its headline
    when ``title``; none resolved without it)."""
    if not isinstance(text, str) or not text:
        return []
    vocab = _vocab()
    places = places or Whereabouts("")
    out: list[CongressMention] = []
    for start, end in _congress_words(text, vocab.congress_words):
        if start and text[start - 1].isalnum():
            continue  # inside a word
        c = _parse(text, start, end, places, None if title else start, vocab.stops)
        if c is not None:
            out.append(c)
    return out


def _congress_words(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the congress words of ``text`` not followed by a letter or digit, as a regex
    alternation of ``words`` would find them (at one place the first word that fits, then on
    after its end); by ``str.find`` per word, far faster than a regex scan."""
    ends: dict[int, int] = {}
    for w in words:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            if j == len(text) or not (text[j].isalnum() or text[j] == "_"):  # (?!\w)
                ends.setdefault(i, j)
            i = text.find(w, i + 1)
    spans: list[tuple[int, int]] = []
    for i in sorted(ends):
        if not spans or i >= spans[-1][1]:
            spans.append((i, ends[i]))
    return spans


def merge_congresses(congresses: list[CongressMention]) -> list[Congress]:
    """One entry per congress (ordinal and body), with the term from whichever mention gives
    it."""
    entries: dict[tuple[int, str], Congress] = {}
    for c in congresses:
        key = (c.ordinal, c.body.casefold())
        if key not in entries:
            entries[key] = c.record()
        elif entries[key]["term"] is None and c.term:
            entries[key]["term"] = c.term
            entries[key]["text"] = c.text
    return list(entries.values())

