"""Party and State documents cited by number, in the forms writers use.

A Party document's symbol is ``<number>-<type code>/<issuer code>``: ``15-NQ/TU``, ``35-CT/TƯ``
(TƯ is TW), ``05 - CT/TW``, ``40 – CT/TW``, ``08-QĐi/TW``, ``01-CTr/TU``. A State document's is
``<number>/[<year>/]<type code>-<issuer>``: ``91/2017/NĐ-CP``, ``123/QĐ-TTg``, ``4266/NQ-DKVN``,
or ``<number>/[<year>/]<issuer>`` after a type word: ``Luật số 22/2008/QH12``, ``Công văn số
304/VPCP``. Writers also cite by type and bare number: ``Chỉ thị số 05 của Bộ Chính trị``,
``Nghị quyết 39 của Bộ Chính trị``, ``Kết luận 21``: the code then follows from the type and the
issuer from the issuing body named (``của Bộ Chính trị`` -> TW) or stays unknown.

:func:`find_citations` returns every citation of a text with what follows it: the date
(``ngày 4/7/2017``), the issuing body (``của Ban Thường vụ Thành ủy Hà Nội``) and a quoted title
(``về “…”``). :func:`merge_citations` folds citations of one document into one entry. Plenum
resolutions (``Nghị quyết Trung ương 4 (khóa XIII)``) carry no document number and are not
citations.

The vocabulary (type words and codes, issuer codes and bodies, words that make a number a count)
is ``partyx/data/documents.json``. Every pattern is bounded: safe on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.patterns import finditer_at
from partyx.lang.sentences import sentence_at
from partyx.record import Document, FoundDate
from partyx.rules.dates import leading_date

# Symbols open with a digit a few characters before a "/" (they are tried only there: see
# _symbol_starts); one that continues a longer token is refused in code (_inside_token).
_PARTY_SYMBOL = re.compile(
    r"(\d{1,5})\s{0,2}[-–]\s{0,2}([A-ZĐ][A-Za-zĐđ]{0,5})\s{0,2}/\s{0,2}"
    r"(T\.Ư|T\.W|[A-ZĐƯ][A-Za-zĐđƯư]{0,9}\d{0,2})(?![\w])"
)
_STATE_SYMBOL = re.compile(
    r"(\d{1,5}[a-z]?)\s?/\s?(?:((?:19|20)\d{2})\s?/\s?)?([A-ZĐ][A-Za-zĐđ0-9]{0,9})"
    r"(?:\s?[-–]\s?([A-ZĐ][A-Za-zĐđ0-9]{0,12}))?(?:\s?[-–]\s?([A-ZĐ][A-Za-zĐđ0-9]{0,12}))?"
    r"(?![\w])"
)
_NUMBER_LEAD = re.compile(r"\s{1,2}(số:?\s{0,2}(?:số\s{1,2})?)?(?=\d)", re.IGNORECASE)
# A number may carry a letter: Nghị quyết 30a/2008/NQ-CP, Quyết định số 3610a/QĐ-BCT.
_BARE_NUMBER = re.compile(r"(\d{1,4}(?:[a-z](?!\w))?)(?!\w|[.,/]\d|\s?[-–]\s?\d)")
_MORE_NUMBER = re.compile(r"\s?(?:,|và|;)\s{0,2}số\s{1,2}(\d{1,4})(?![\d/]|\s?[-–]\s?\w)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A State document's number and year with no codes after them: "Nghị định 178/2024".
_NUMBER_YEAR = re.compile(r"(\d{1,4}[a-z]?)\s?/\s?((?:19|20)\d\d)(?![\w/]|[.,]\d)")
# A type word's code in brackets before its number: "Ban Bí thư ra Hướng dẫn (HD) 469 về …".
_ABBREVIATED = re.compile(r"\s\(([A-ZĐ][A-Za-zĐđ]{1,5})\)")
_SIGNED = re.compile(r"\s{1,2}ký(?=\s{1,2}ngày)", re.IGNORECASE)
# The passive "Quy định 144-QĐ/TW được Bộ Chính trị ban hành ngày 9/5/2024": a body after
# "được" only where an issuing verb follows it.
_BY_PASSIVE = re.compile(r"\s?,?\s{0,2}được\s{1,2}")
_ISSUING_AFTER = re.compile(r"\s(?:ban hành|ký|thông qua)\b")
_TITLE = re.compile(
    r"\s{0,2},?\s{0,2}(?:(?:về|với chủ đề)\s{1,2}(?:việc\s{1,2})?)?[“\"]([^”\"\n]{2,500})[”\"]",
    re.IGNORECASE,
)

# A body named before a citation that ends with an issuing verb ("Bộ Chính trị đã ban hành
# Nghị quyết …"). The verb is looked for first, in the last _ISSUED_REACH characters (the
# longest verb, its blanks and a final newline): the issuer phrases tried at every place of the
# text before a citation cost a hundred times more, and most citations have no verb before them.
_ISSUED = r"\b(?:ban hành|ra|ký|thông qua)\s{1,3}$"
_ISSUED_END = re.compile(_ISSUED, re.IGNORECASE)
_ISSUED_REACH = 16


@dataclass(slots=True)
class Citation:
    """One citation of a document in a text (offsets into that text)."""

    start: int
    end: int
    text: str
    number: str
    code: str | None
    issuer: str | None
    type: str | None
    year: int | None = None
    date: str | None = None
    issued_by: str | None = None
    title: str | None = None
    symbol: bool = False  # written with its symbol
    weak: bool = False  # a lower-case bare citation: kept only when confirmed

    def record(self) -> Document:
        year = self.year
        if year is None and self.date:
            year = int(self.date[:4])
        return {"number": self.number, "code": self.code, "issuer": self.issuer,
                "type": self.type, "date": self.date, "issued_by": self.issued_by,
                "title": self.title, "text": self.text, "year": year}


@dataclass(frozen=True, kw_only=True)
class _Vocab:
    type_re: re.Pattern[str]
    # type_re's words by what follows their first letter (the tail), grouped by the string
    # searched for to find them: needle -> [(offset of the needle in the tails, their first
    # letters, the tails longest first)]
    type_needles: dict[str, list[tuple[int, str, tuple[str, ...]]]]
    types: dict[str, tuple[str, str, bool]]  # casefolded name -> (name, code, bare allowed)
    codes: dict[str, str]  # symbol code -> type name
    aliases: dict[str, str]
    # every phrase naming an issuing body, most specific first (the first that fits at the
    # first place one does is the one: see issuer_of), and the codes by casefolded phrase
    issuer_re: re.Pattern[str]
    issuer_codes: dict[str, str]
    issuer_before: re.Pattern[str]
    count_re: re.Pattern[str]
    families: dict[str, str]  # code -> the code of the type it is written for (QĐi -> QĐ)
    issuer_of_kind: re.Pattern[str]  # a body that issued documents of a kind (see _issued_as)
    retold: re.Pattern[str]  # words that make an issuing told, not done, on a day
    year_forms: frozenset[str]  # the types cited as "number/year" (Nghị định 178/2024)
    carried_out: re.Pattern[str]  # what is done with a document cited after ("thực hiện")
    sole_issuers: dict[str, str]  # type -> the one issuer of every document of it (NĐ: CP)
    term_issuer: re.Pattern[str]  # an issuer code with its body's term (QH14): group 1 the code
    # the words of what is written after a citation (documents.json issuer_links,
    # subject_links, term_words, body_stops):
    # a bare number listed after "số N" ("số 18, 19 và 20 của …"): where a list or a
    # citation's description goes on after it, not a count ("số 18, 2 năm qua", "số 254, 15
    # ngày sau") nor a symbol ("19-NQ/TW")
    more_listed: re.Pattern[str]
    by: re.Pattern[str]  # "của", "do" before the issuing body
    by_stop: re.Pattern[str]  # what ends the issuing body's name
    # the year written after a number, before what the document is (its issuer, its
    # subject): "Quy định 102 năm 2017 của Bộ Chính trị" (elsewhere "năm 2023" may be the
    # year of what is done with it: "thực hiện Chỉ thị 05 năm 2023")
    year_written: re.Pattern[str]
    # the term of the issuing body, between it and the date: "của Bộ Chính trị (khóa XII)"
    term: re.Pattern[str]


@cache
def _vocab() -> _Vocab:
    data = load("documents")
    types = {t["name"].casefold(): (t["name"], t["code"], t["bare"]) for t in data["types"]}
    names = sorted((t["name"] for t in data["types"]), key=len, reverse=True)
    # Case-sensitive (fast): each name as written or with its first letter in the other case.
    variants = [v for n in names for v in dict.fromkeys((n, n[0].swapcase() + n[1:]))]
    type_re = re.compile(r"(" + "|".join(map(re.escape, variants)) + r")(?!\w)")
    tails: dict[str, str] = {}
    for w in variants:
        tails[w[1:]] = tails.get(w[1:], "") + w[0]
    named = _departments(data) + [tuple(p) for p in data["issuers"]]
    # (the class of their first letters first: most places of a text open none of them, and a
    # class is tried faster than some two hundred alternatives)
    firsts = "".join(sorted({ch for p, _ in named for ch in (p[0].lower(), p[0].upper())}))
    phrases = f"(?=[{re.escape(firsts)}])(?:" + "|".join(re.escape(p) for p, _ in named) + ")"
    issuer_re = re.compile(rf"\b{phrases}\b", re.IGNORECASE)
    issuer_codes: dict[str, str] = {}
    for p, c in named:
        issuer_codes.setdefault(p.casefold(), c)
    issuer_before = re.compile(rf"({phrases})\b[^.;]{{0,40}}?" + _ISSUED, re.IGNORECASE)
    words = sorted(data["count_words"], key=len, reverse=True)
    dated = set(data["count_words_dated"])  # no count before a date or a year
    count_re = re.compile(r"\s{0,2}(?:" + "|".join(
        re.escape(w) + (r"(?!\s{1,3}\d)" if w in dated else "") for w in words) + r")(?!\w)",
        re.IGNORECASE)
    kinds = "|".join(map(re.escape, names))
    issuer_of_kind = re.compile(
        rf"({phrases})\b[^.;,]{{0,40}}?\b(?:ban hành|thông qua)\s{{1,3}}"
        rf"(?:[^\s.;]+\s{{1,3}}){{0,2}}?({kinds})(?!\w)", re.IGNORECASE)
    links = [*data["issuer_links"], *data["subject_links"]]
    listed = "|".join(f"{re.escape(w)}\\s" for w in ["và", *links, *data["term_words"]])
    return _Vocab(type_re=type_re, type_needles=_needles(tails), types=types,
                  codes=data["codes"], aliases=data["issuer_aliases"], issuer_re=issuer_re,
                  issuer_codes=issuer_codes, issuer_before=issuer_before, count_re=count_re,
                  families=data["code_families"], issuer_of_kind=issuer_of_kind,
                  retold=_words_re(data["retold_words"]),
                  year_forms=frozenset(data["year_forms"]),
                  carried_out=_words_re(data["carried_out_words"]),
                  sole_issuers=data["sole_issuers"],
                  term_issuer=re.compile(
                      "(" + "|".join(map(re.escape, data["term_issuers"])) + r")\d{1,2}"),
                  more_listed=re.compile(
                      r"\s?(?:,|và)\s{0,2}(\d{1,4}[a-z]?)"
                      rf"(?=\s{{0,2}}(?:[,;.)]|{listed}|$|ngày\s{{1,2}}\d{{1,2}}\s?[/-]))"),
                  by=re.compile(r"\s?,?\s{0,2}(?:" + "|".join(map(re.escape, data["issuer_links"]))
                                + r")\s{1,2}", re.IGNORECASE),
                  by_stop=re.compile(r"\s(?:" + "|".join(map(re.escape, data["body_stops"]))
                                     + r")\b|[“\"(,.;:”…]"),
                  year_written=re.compile(
                      r"\s{0,2},?\s{0,2}năm\s{1,2}((?:19|20)\d{2})(?=\s{0,2},?\s{0,2}(?:"
                      + "|".join(map(re.escape, links)) + r")\s)"),
                  term=re.compile(r"\s{0,2},?\s{0,2}\(?\s?(?:" + "|".join(
                      map(re.escape, data["term_words"])) + r")\s{1,2}(?:[IVXLC]{1,7}|\d{1,2})"
                      r"\s?\)?", re.IGNORECASE))


def _words_re(words: list[str]) -> re.Pattern[str]:
    """Any of ``words``, whole, ignoring case."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _departments(data: dict) -> list[tuple[str, str]]:
    """(name, issuer code) of every Party department with the committee it serves (``Ban Tổ
    chức Trung ương`` -> ``BTCTW``, ``Ủy ban Kiểm tra Huyện ủy`` -> ``UBKTHU``), longest first:
    tried before the issuers, whose committee it names."""
    out = [(f"{dept} {committee}", code + suffix)
           for dept, code in data["departments"] for committee, suffix in data["committees"]]
    return sorted(out, key=lambda pair: len(pair[0]), reverse=True)


# Tails that share a first word this often are searched for by that word: one scan of the
# text finds them all ("ghị " for Nghị quyết, Nghị định, Nghị quyết liên tịch), for a few more
# hits to look at (a scan costs far more than a hit).
_SHARED_WORD_TAILS = 3


def _needles(tails: dict[str, str]) -> dict[str, list[tuple[int, str, tuple[str, ...]]]]:
    """The strings to search for to find every tail (see _Vocab.type_needles): a first word
    that enough tails share (_SHARED_WORD_TAILS), else a shorter tail that the tail contains
    (``uật`` in ``ộ luật``), else the tail itself."""
    by_word: dict[str, list[str]] = {}
    for tail in tails:
        if " " in tail:
            by_word.setdefault(tail[:tail.index(" ") + 1], []).append(tail)
    shared = {w: group for w, group in by_word.items() if len(group) >= _SHARED_WORD_TAILS}
    found: dict[str, dict[tuple[int, str], list[str]]] = {w: {} for w in shared}
    for tail in sorted(tails, key=len):  # a shorter tail first: a longer one may contain it
        needle = next((w for w, group in shared.items() if tail in group), None) \
            or next((n for n in found if n in tail), tail)
        found.setdefault(needle, {}).setdefault((tail.index(needle), tails[tail]), []).append(tail)
    return {needle: [(offset, firsts, tuple(sorted(group, key=len, reverse=True)))
                     for (offset, firsts), group in groups.items()]
            for needle, groups in found.items()}


def _inside_token(text: str, start: int) -> bool:
    """A symbol found at ``start`` continues a longer token (``1/15-NQ/TU``, ``a15-NQ/TU``)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._/-")


def _issuer_code(code: str) -> str:
    return _vocab().aliases.get(code, code)


def issuer_of(body: str | None) -> str | None:
    """The issuer code of an issuing body named in words (``Ban Thường vụ Thành ủy Hà Nội`` ->
    ``TU``, ``Bộ Chính trị`` -> ``TW``); ``None`` when none is known."""
    if not isinstance(body, str) or not body:
        return None
    # The body named first is the issuer (``Ban Thường vụ Thành ủy Hà Nội``: the Thành ủy's
    # standing committee); at one place the most specific phrase wins (the alternation tries
    # them in that order).
    v = _vocab()
    m = v.issuer_re.search(body)
    return v.issuer_codes.get(m.group(0).casefold()) if m else None


def _symbol_at(text: str, pos: int, type_code: str | None) -> Citation | None:
    """A symbol that starts at ``pos``; ``type_code`` is the code of a type word written
    before it (which lets a State symbol carry only its issuer: ``Luật số 22/2008/QH12``)."""
    codes = _vocab().codes
    if _inside_token(text, pos):
        return None
    m = _PARTY_SYMBOL.match(text, pos)
    if m and (m.group(2) in codes or type_code):
        return Citation(m.start(), m.end(), m.group(0), m.group(1), m.group(2),
                        _issuer_code(m.group(3)), codes.get(m.group(2)), symbol=True)
    m = _STATE_SYMBOL.match(text, pos)
    if not m:
        return None
    year = int(m.group(2)) if m.group(2) else None
    first, second = m.group(3), m.group(4)
    if first in codes and second:
        return Citation(m.start(), m.end(), m.group(0), m.group(1), first,
                        _issuer_code(second), codes[first], year, symbol=True)
    if type_code:
        return Citation(m.start(), m.end(), m.group(0), m.group(1), type_code,
                        _issuer_code(first), None, year, symbol=True)
    if year and not second and _ASSEMBLY.fullmatch(first):
        named = _named_before(text, pos)
        if named is not None:
            return Citation(m.start(), m.end(), m.group(0), m.group(1), named[1],
                            first, named[0], year, symbol=True)
    return None


# The issuer of a law or a resolution of the National Assembly: QH and its term (QH12).
_ASSEMBLY = re.compile(r"QH\d{1,2}")
# How far before a symbol the type word of a named law may stand: "Luật Cán bộ, công chức số
# 22/2008/QH12".
_NAMED_REACH = 90


def _named_before(text: str, pos: int) -> tuple[str, str] | None:
    """The type (name, code) of a document whose name stands between its type word and its
    symbol (``Luật Cán bộ, công chức số 22/2008/QH12``): the last type word in its clause."""
    window = text[max(0, pos - _NAMED_REACH):pos]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind(";"))
    window = window[cut + 1:]
    v = _vocab()
    spans = _type_words(window, v)
    if not spans or not window[spans[-1][0]].isupper():
        return None
    name, code, _ = v.types[window[spans[-1][0]:spans[-1][1]].casefold()]
    return name, code


def find_citations(text: str) -> list[Citation]:
    """Every document cited by number in ``text``, in text order (see module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    v = _vocab()
    found: list[Citation] = []
    used: set[int] = set()
    for start, end in _type_words(text, v):
        if start and text[start - 1].isalnum():
            continue  # inside a word
        word = text[start:end]
        name, code, bare_ok = v.types[word.casefold()]
        abbr = _ABBREVIATED.match(text, end) if text.startswith("(", end + 1) else None
        if abbr and (abbr.group(1) == code or v.codes.get(abbr.group(1)) == name):
            end = abbr.end()  # "Hướng dẫn (HD) 469": the type, the code it is written as
        lead = _NUMBER_LEAD.match(text, end)
        if not lead:
            continue
        has_so = bool(lead.group(1))
        c = _symbol_at(text, lead.end(), code)
        if c is None:
            c = _bare_at(text, lead.end(), name, code, has_so, bare_ok,
                         lowercase=word[0].islower())
            if c is None:
                continue
        else:
            used.add(c.start)
        c.start, c.type = start, name
        c.text = text[c.start:c.end]
        found.append(c)
        found.extend(_more(text, c, listed=has_so and not c.symbol))
    starts = _symbol_starts(text)
    party, state = starts if starts is not None else (None, None)
    for rx, at in ((_PARTY_SYMBOL, party), (_STATE_SYMBOL, state)):
        for m in finditer_at(rx, text, at):
            if m.start() in used:
                continue
            c = _symbol_at(text, m.start(), None)
            if c is not None and c.end == m.end():
                used.add(m.start())
                found.append(c)
    found.sort(key=lambda c: c.start)
    for c in found:
        _describe(text, c)
        if c.issuer is None and c.type is not None:
            _issued_as(text, c)
    _share_issuer(text, found)
    return found


# Only a list's joiners between two citations of one type: ", ", " và ", ", số ".
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s+)?")


def _share_issuer(text: str, found: list[Citation]) -> None:
    """The issuing body written after a list of citations of one type is each one's:
    ``Nghị định 77 và Nghị định 133 của Chính phủ``, ``Quyết định số 217, số 218 của UBND
    tỉnh`` (read from the last back, so that it reaches the whole list)."""
    for c, d in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
        if (c.issuer is None and d.issuer is not None and c.type is not None
                and c.type == d.type and c.end <= d.start
                and _LIST_JOINER.fullmatch(text, c.end, d.start)):
            c.issuer, c.issued_by = d.issuer, c.issued_by or d.issued_by
            c.weak = False


# How far back the sentence of a citation is read for the body that issued it, and how far
# before the issuing verb that body's name may begin (its longest name and the 40 characters
# the pattern allows between them).
_SENTENCE_REACH, _ISSUER_REACH = 400, 100


def _issued_as(text: str, c: Citation) -> None:
    """The issuer of a citation named as the body that issued documents of its kind earlier in
    its sentence: ``Bộ Chính trị khóa IX đã ban hành hai Nghị quyết chuyên đề …, đó là Nghị
    quyết 42 về … và Nghị quyết số 11 về …``."""
    lo = max(0, c.start - _SENTENCE_REACH)
    window = text[lo:c.start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
    if cut >= 0:
        window = window[cut + 1:]
    verbs = [i for i in (window.find("ban hành"), window.find("thông qua")) if i >= 0]
    if not verbs:
        return  # (most citations: the pattern below would be tried at every place)
    window = window[max(0, min(verbs) - _ISSUER_REACH):]
    last = None
    for m in _vocab().issuer_of_kind.finditer(window):
        last = m
    if last is not None and last.group(2).casefold() == (c.type or "").casefold():
        c.issuer = issuer_of(last.group(1))
        c.issued_by = c.issued_by or last.group(1)


# A text this short (a headline) is scanned whole for a needle in less than the cost of a
# str.find call (its arguments are parsed), which the ``in`` test spares when it is absent.
_SHORT_TEXT = 500


def _type_words(text: str, v: _Vocab) -> list[tuple[int, int]]:
    """Spans of the type words of ``text``, as ``type_re.finditer`` finds them (the longest
    name that fits at a place, then on after its end), by ``str.find`` per name: far faster
    than the regex, which would try its alternation at every letter of the text."""
    ends: dict[int, int] = {}  # start -> end of the longest word there (tried first)
    n = len(text)
    for needle, groups in v.type_needles.items():
        if n < _SHORT_TEXT and needle not in text:
            continue  # a headline: most needles are absent, and ``in`` costs a third of find
        i = text.find(needle, 1)
        while i > 0:
            for offset, firsts, group in groups:
                j = i - offset  # where the tails begin, after the word's first letter
                if j > 0 and text[j - 1] in firsts:
                    for tail in group:  # the longest that fits is the word here
                        end = j + len(tail)
                        if text.startswith(tail, j) and not (
                                end < n and (text[end].isalnum() or text[end] == "_")):
                            if ends.get(j - 1, -1) < end:  # the (?!\w) above: \w is
                                ends[j - 1] = end  # isalnum() or "_"
                            break
            i = text.find(needle, i + 1)
    spans: list[tuple[int, int]] = []
    for start in sorted(ends):
        if not spans or start >= spans[-1][1]:
            spans.append((start, ends[start]))
    return spans


# How far before the first "/" of a symbol its first digit can be: "12345 - ABCDEF /", "12345/".
_PARTY_REACH, _STATE_REACH = 18, 6
_MANY_SLASHES = 40  # symbol slashes beyond which a plain regex scan is cheaper than look-ups
# The "/" of a symbol has a capital after it, the issuer's (15-NQ/TU) or the code's
# (123/QĐ-TTg), or a year and then a code (91/2017/NĐ-CP): most slashes of a text, those of
# dates (4/7/2017), have neither. Found by the regex engine's fast search for its "/".
_SYMBOL_SLASH = re.compile(r"/(?=\s{0,2}[A-ZĐƯ]|\s?(?:19|20)\d{2}\s?/\s?[A-ZĐ])")
_DIGIT = re.compile(r"\d")


def _symbol_starts(text: str) -> tuple[list[int], list[int]] | None:
    """Where a party and a State symbol can open (for :func:`partyx.lang.patterns.finditer_at`): a
    digit at most _PARTY_REACH (_STATE_REACH) characters before a symbol's "/", with a dash
    between them and a code letter before the "/" for a party symbol (``15-NQ/``), a digit
    before it for a State one (``123/``, ``3610a/``); ``None`` (scan) when there are too many
    slashes."""
    party: set[int] = set()
    state: set[int] = set()
    for n, m in enumerate(_SYMBOL_SLASH.finditer(text)):
        if n == _MANY_SLASHES:
            return None
        i = m.start()
        low = max(0, i - _PARTY_REACH)
        before = text[low:i]
        last = before.rstrip()[-1:]  # the last character before the "/" and its blanks
        if last.isalpha() and ("-" in before or "–" in before):
            party.update(d.start() for d in _DIGIT.finditer(text, low, i))
        elif last.isdecimal() or (last.islower() and before.rstrip()[-2:-1].isdecimal()):
            state.update(d.start() for d in _DIGIT.finditer(text, max(0, i - _STATE_REACH), i))
    return sorted(party), sorted(state)


def _bare_at(text: str, pos: int, name: str, code: str, has_so: bool, bare_ok: bool,
             lowercase: bool) -> Citation | None:
    dated = _NUMBER_YEAR.match(text, pos) if name in _vocab().year_forms else None
    if dated:  # "Nghị định 178/2024 của Chính phủ"
        return Citation(pos, dated.end(), dated.group(0), dated.group(1), code, None, name,
                        int(dated.group(2)), weak=lowercase and not has_so)
    m = _BARE_NUMBER.match(text, pos)
    if not m:
        return None
    number = m.group(1)
    if not has_so:
        if not bare_ok or (len(number) == 4 and number[:2] in ("19", "20")):
            return None
        if _vocab().count_re.match(text, m.end()):
            return None
    return Citation(pos, m.end(), m.group(0), number, code, None, name,
                    weak=lowercase and not has_so)


def _more(text: str, c: Citation, listed: bool = False) -> list[Citation]:
    """``Quyết định số 217, số 218``: further numbers of the same type; with ``listed`` (the
    first one after ``số``), bare numbers too: ``các Nghị quyết số 18, 19 và 20 của …``."""
    out: list[Citation] = []
    end = c.end
    v = _vocab()
    while True:
        m = _MORE_NUMBER.match(text, end) or (v.more_listed.match(text, end) if listed else None)
        if not m or _YEAR.fullmatch(m.group(1)):
            return out
        out.append(Citation(m.start(1), m.end(1), m.group(1), m.group(1), c.code, None, c.type))
        end = m.end()


def _take_date(c: Citation, tail: str) -> str:
    """Set ``c.date`` from a date opening ``tail``; return the rest of ``tail``."""
    got = leading_date(tail)
    if not got:
        return tail
    c.date, n = got
    return tail[n:]


def _carried_out(text: str, at: int) -> bool:
    """The clause before the citation at ``at`` says what is done with the document
    (``thực hiện``, ``triển khai``, ``sơ kết``: documents.json carried_out_words)."""
    before = text[max(0, at - _CARRIED_OUT_REACH):at]
    cut = max(before.rfind(ch) for ch in ",.;:\n")
    return _vocab().carried_out.search(before, cut + 1) is not None


_CARRIED_OUT_REACH = 40  # the verb and a few words before the document's type


def _sole_issuer(c: Citation, tail: str) -> bool:
    """The issuing body that opens ``tail`` (``của Chính phủ``) is the one that issues every
    document of ``c``'s type (documents.json sole_issuers)."""
    sole = _vocab().sole_issuers.get(c.type or "")
    by = _vocab().by.match(tail) if sole else None
    if by is None:
        return False
    rest = tail[by.end():by.end() + 160]
    stop = _vocab().by_stop.search(rest)
    return issuer_of(rest[:stop.start() if stop else len(rest)].strip()) == sole


def _describe(text: str, c: Citation) -> None:
    """Date, issuing body and quoted title written after the citation."""
    v = _vocab()
    tail = _take_date(c, text[c.end:c.end + 600])
    year = v.year_written.match(tail) if c.date is None and c.year is None else None
    if year and not c.symbol and _carried_out(text, c.start) \
            and not _sole_issuer(c, tail[year.end():]):
        # "thực hiện Chỉ thị 05 năm 2023 của Đảng ủy xã": the year and the body of what is
        # done with it as often as its own (05-CT/TW is the Central Committee's, of 2016);
        # a document written with its symbol ("15-NQ/TW năm 2022 của Bộ Chính trị") is named
        # whole, its year and body with it, and so is one whose body issues every document of
        # its type ("triển khai Nghị định 33 năm 2023 của Chính phủ": no one else's decree)
        return
    if year:
        c.year = int(year.group(1))
        tail = tail[year.end():]
    by = v.by.match(tail) or _BY_PASSIVE.match(tail)
    if by:
        passive = by.re is _BY_PASSIVE
        rest = tail[by.end():by.end() + 160]
        stop = v.by_stop.search(rest)
        cut = stop.start() if stop else len(rest)
        body = rest[:cut].strip()
        if passive and not _ISSUING_AFTER.match(rest, cut):
            body = ""
        if body and body[0].isupper() and len(body) <= 120:
            c.issued_by = body
            tail = tail[by.end() + cut:]
            term = v.term.match(tail)
            if term:
                tail = tail[term.end():]
            if c.date is None:  # "Nghị quyết số 15-NQ/TU của Ban Thường vụ … ngày 4/7/2017"
                signed = _SIGNED.match(tail)  # "… của Thủ tướng ký ngày 2-6-2023"
                tail = _take_date(c, tail[signed.end():] if signed else tail)
    t = _TITLE.match(tail)
    if t:
        c.title = t.group(1).strip()
    if c.issuer is None:
        c.issuer = issuer_of(c.issued_by)
    if c.issuer is None:
        window = text[max(0, c.start - 70):c.start]
        before = _ISSUED_END.search(window, max(0, len(window) - _ISSUED_REACH)) \
            and _vocab().issuer_before.search(window)
        if before:
            c.issued_by = c.issued_by or before.group(1)
            c.issuer = issuer_of(before.group(1))
    if c.weak and c.issuer is not None:
        c.weak = False


# How far from the start of its sentence the date that opens it may stand ("(QNO) - Hôm nay
# 3/7, …"), and how far after it the citation it dates ("…, Thủ tướng Chính phủ Phạm Minh Chính
# đã ký Quyết định …").
_OPENING, _ISSUING_REACH = 30, 150


def date_issued(text: str, citations: list[Citation], dates: list[FoundDate]) -> None:
    """A citation with no date of its own whose sentence tells it was issued on the day that
    opens it (``Ngày 2-6-2023, Thủ tướng Chính phủ … đã ký Quyết định số 626/QĐ-TTg``) takes
    that day, as the dates stage resolved it (``Hôm nay 3/7``: the publication's year); not
    where the sentence retells what was issued before (``Ngày 5/3, ông A cho biết Bộ Chính
    trị đã ban hành …``: the words of ``retold_words``)."""
    for c in citations:
        if c.date is not None or not dates:
            continue
        window = text[max(0, c.start - _ISSUED_REACH):c.start]
        if not _ISSUED_END.search(window):
            continue
        start, _ = sentence_at(text, c.start)
        opening = next((d for d in dates if start <= d.start < c.start), None)
        if opening is not None and opening.start - start > _OPENING:
            opening = _clause_date(text, start, c.start, dates)
        if opening is None or not opening.date or c.start - opening.end > _ISSUING_REACH:
            continue
        if not _vocab().retold.search(text, opening.end, c.start):
            c.date = opening.date


# A day that opens a clause of its own inside a sentence: "…, ngày 25-9-1948, Ban Thường vụ
# Trung ương Đảng đã ra Chỉ thị …" (a comma before it, its cue, and a comma after it).
_CLAUSE_BEFORE = re.compile(r"[,;]\s{1,2}(?:vào\s{1,2})?(?:ngày\s{1,2})?$", re.IGNORECASE)


def _clause_date(text: str, start: int, pos: int, dates: list[FoundDate]) -> FoundDate | None:
    """The last date of the sentence from ``start`` before ``pos`` that opens a clause (see
    _CLAUSE_BEFORE), with no other date after it before ``pos``."""
    inside = [d for d in dates if start <= d.start and d.end <= pos]
    if not inside:
        return None
    last = inside[-1]
    if not text.startswith(",", last.end) or \
            not _CLAUSE_BEFORE.search(text, max(start, last.start - 12), last.start):
        return None
    return last


def _number(c: Citation) -> str | None:
    """The number of a citation as documents are told apart: no leading zeros (``05`` is
    ``5``), its letter kept (``30a``); ``None`` for what is no number."""
    m = _NUMBER_KEY.fullmatch(c.number)
    return str(int(m.group(1))) + m.group(2) if m else None


_NUMBER_KEY = re.compile(r"(\d+)([a-z]?)")


def year_of(c: Citation) -> int | None:
    """The year of a citation: its symbol's (``91/2017/NĐ-CP``), else its date's."""
    if c.year is not None:
        return c.year
    return int(c.date[:4]) if c.date else None


def _family(code: str | None) -> str | None:
    """The type a code is written for (``QĐi`` and ``QĐ``: writers cite a Quy định as a
    Quyết định and the other way round)."""
    return _vocab().families.get(code, code) if code else code


def _same(a: Citation, b: Citation) -> bool:
    """Whether ``b`` cites the document ``a`` does, their numbers being equal: the same code
    (two symbols), or type (a citation in words joins a symbol of its kind: ``Quyết định 05 của
    Ban Bí thư`` and ``05-QĐi/TW``), no two issuers and no two years."""
    if a.code != b.code and (a.type is None or a.type != b.type) and (
            a.symbol and b.symbol or _family(a.code) != _family(b.code)):
        return False
    if a.issuer and b.issuer and _issuer_key(a.issuer) != _issuer_key(b.issuer):
        return False
    ya, yb = year_of(a), year_of(b)
    return not (ya and yb and ya != yb)


def _issuer_key(issuer: str) -> str:
    """An issuer as documents are told apart: a code written with its body's term is the code
    (``QH14`` is ``QH``: documents.json term_issuers)."""
    m = _vocab().term_issuer.fullmatch(issuer)
    return m.group(1) if m else issuer


def merge_citations(citations: list[Citation]) -> list[Citation]:
    """One entry per document: citations of the same number, type, issuer and year are folded
    together, keeping the date, body and title from whichever citation gives them (a citation
    with no issuer joins the latest one cited before it). A document's identity keeps its
    year: ``05-CT/TW`` of 1951 and of 2016 are two entries, and a citation with no year joins
    one of them only when the text leaves no doubt (a single year for that symbol); else it
    stays an entry of its own, with no year. The citations are folded in place: each entry is
    a citation of its document, and the entries are in the order their documents are first
    cited."""
    entries: list[Citation] = []
    cited: list[list[int]] = []  # where each entry's document is cited
    numbers: list[str | None] = []  # of each entry (None: not a number, joins nothing)
    dated = [c for c in citations if year_of(c) is not None]
    undated = [c for c in citations if year_of(c) is None]
    for c in dated + undated:  # the years first: a citation with none then sees them all
        n = _number(c)
        target = None
        if n is not None:
            found = [i for i in range(len(entries)) if numbers[i] == n and _same(entries[i], c)]
            if year_of(c) is None and len({year_of(entries[i]) for i in found} - {None}) > 1:
                found = [i for i in found if year_of(entries[i]) is None]  # which one: unknown
            if found:  # the one cited last before it, else the first one cited after it
                before = {i: max(p for p in cited[i] if p < c.start) for i in found
                          if min(cited[i]) < c.start}
                target = max(before, key=before.__getitem__) if before else \
                    min(found, key=lambda i: min(cited[i]))
        if target is None:
            entries.append(c)
            cited.append([c.start])
            numbers.append(n)
            continue
        _fold(entries[target], c)
        cited[target].append(c.start)
    order = sorted(range(len(entries)), key=lambda i: min(cited[i]))
    return [entries[i] for i in order if not entries[i].weak]


def _fold(target: Citation, c: Citation) -> None:
    """Fold citation ``c`` into the entry ``target`` of the same document."""
    if c.symbol and not target.symbol:
        target.text, target.code, target.symbol = c.text, c.code, True
    target.issuer = target.issuer or c.issuer
    target.date = target.date or c.date
    target.year = target.year or c.year
    if c.issued_by and (not target.issued_by or len(c.issued_by) > len(target.issued_by)):
        target.issued_by = c.issued_by
    target.title = target.title or c.title
    target.type = target.type or c.type
    target.weak = target.weak and c.weak
