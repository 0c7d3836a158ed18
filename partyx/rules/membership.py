"""Membership figures: the stated numbers of party members and grassroots party organisations
of a named Party organisation.

The genre states them in a few forms:

- a verb of having after the organisation, the subject of the clause: ``Đảng bộ quận Thanh
  Xuân hiện có 54 tổ chức cơ sở Đảng với 19.908 đảng viên``, ``Đảng bộ quận Long Biên hiện có
  trên 16.300 đảng viên sinh hoạt tại 47 tổ chức cơ sở đảng``, ``Chi bộ Công ty X có 6 đảng
  viên``, ``Quận ủy Thanh Xuân`` (-> ``Đảng bộ quận Thanh Xuân``), ``Đảng ủy xã A`` (-> ``Đảng bộ
  xã A``), ``toàn tỉnh``, ``toàn Đảng`` (-> ``Đảng Cộng sản Việt Nam``);
- a new organisation's founding figures: ``Đảng bộ A thành lập trên cơ sở hợp nhất Đảng bộ B và
  Đảng bộ C gồm 2.308 đảng viên``: the organisations merged (after ``hợp nhất``, ``sáp nhập``,
  ``thuộc`` …, and those listed with them) are sources, never the subject;
- the members a congress's delegates stand for: ``440 đại biểu đại diện cho trên 119.000 đảng
  viên trong toàn Đảng bộ``: the organisation is named after the figure.
- the total named before its organisation: ``Tổng số đảng viên của Đảng bộ quận là 3.200 đồng
  chí``.
- a unit of the map that opens the clause as its subject: ``Huyện Gia Lộc hiện có 45 tổ chức
  cơ sở đảng với 6.000 đảng viên``, ``Hiện nay, xã có 650 đảng viên`` (-> its ``Đảng bộ``), when
  no organisation is named before the figure in its clause;
- the total new members bring the clause's organisation to: ``Đảng bộ huyện X đã kết nạp 1.050
  đảng viên mới, nâng tổng số đảng viên lên 8.912 đồng chí`` (8.912 is a total, 1.050 none).

Figures listed after a comma, ``và`` or a semicolon are stated together (``có 6.300 đảng viên;
48 tổ chức cơ sở đảng``). Parts counted with the same verb before the totals (``có 27 đảng bộ
trực thuộc, hơn 48.000 đảng viên``) leave them totals; a bracketed aside after a name
(``Đảng bộ phường X (mới)``) is skipped.

An organisation's name is read after its head word (``Đảng bộ``, ``Chi bộ``, ``Tổ đảng``, a
committee) up to a verb, a preposition or a time word (``data/membership.json``): a level and a
place (``Đảng bộ xã Võ Miếu``) go to :meth:`partyx.rules.orgs.Whereabouts.party_body`, which
also resolves a level written without its place (``Đảng bộ tỉnh``); other bodies stay as written
(``Đảng bộ Quân sự thành phố Hải Phòng``, ``TP`` spelt out). A head with no name (``Đảng bộ hiện
có …``, ``trong toàn Đảng bộ``) is the organisation of that kind named last before it in a
subject's place; a short name (``Đảng bộ Liksin``) the longer one written before (``Đảng bộ Công
ty Liksin``). A count of organisations (``Đảng bộ 3 xã``) and a person's name are no
organisation.

Numbers that are not the organisation's totals are left out: parts of it (``27 đảng bộ cơ
sở``, ``25 chi bộ cơ sở``), members disciplined, admitted, inspected or attending (``kỷ luật
8.683 đảng viên``, ``kết nạp 200 đảng viên mới``), shares (``48/56 tổ chức cơ sở Đảng``).
A figure of members followed by words that say which
ones they are (``32 đảng viên hưởng chế độ …``, ``sinh hoạt tại nơi cư trú``) is a part too: a
total is followed by the clause's end or the words of data/membership.json
``total_followers``/``total_places``. ``trên 16.300`` (a lower bound) is read as 16300.

Vietnamese figures are read by :func:`partyx.lang.numbers.parse_number` (``19.908`` = 19908).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyx.data import load
from partyx.lang.patterns import width
from partyx.lang.sentences import FIGURES, sentence_end, sentence_start
from partyx.record import Membership
from partyx.rules.gazetteer import WARD_TYPES
from partyx.rules.gazetteer import get as get_gazetteer
from partyx.rules.orgs import Whereabouts, capitalised, level_of

_SCALE = r"\s(?:nghìn|ngàn|triệu)"
_NUM = rf"(\d{{1,3}}(?:\.\d{{3}}){{1,3}}|\d{{1,7}}(?:,\d{{1,3}}{_SCALE}|{_SCALE})?)"
_QUAL = r"(?:(?:trên|hơn|gần|khoảng|xấp xỉ|gần|tổng số|tổng cộng|tới|đến)\s{1,2})?"
_CUE = r"(?:\b(?:có|gồm|với|là|đạt|sinh hoạt tại|sinh hoạt trong|thuộc|đã xây dựng)\s{1,2})"
# The organisations a committee leads are its own ("Huyện ủy lãnh đạo 60 tổ chức cơ sở đảng"),
# where the clause ends after them or their members follow, as after a total of members (see
# _total_after): led to do something, they are some ("lãnh đạo 12 tổ chức cơ sở đảng khắc
# phục hạn chế"); the members it leads may be some with the people ("lãnh đạo 300 đảng viên
# và nhân dân …")
_LED = re.compile(r"lãnh đạo", re.IGNORECASE)
_ORG_CUE = _CUE.replace("|đã xây dựng)", f"|đã xây dựng|{_LED.pattern})")
# ("35 đồng chí đảng viên": the members counted as comrades, the same total)
_MEMBER_WORDS = r"\s{1,2}(?:đồng chí\s{1,2})?đảng viên\b"
_ORG_WORDS = (
    r"\s{1,2}(?:tổ chức cơ sở đảng|tổ chức đảng cơ sở|TCCSĐ|TCCS đảng|cơ sở đảng|"
    r"(?:chi bộ,? (?:và )?đảng bộ|đảng bộ,? (?:và )?chi bộ|chi, đảng bộ|chi bộ và đảng bộ) cơ sở)\b"
)
# Parts of the organisation counted before its totals, after the same verb ("có 27 đảng bộ
# trực thuộc, hơn 48.000 đảng viên", "có 15 đảng bộ trực thuộc, 780 tổ chức cơ sở đảng với
# …"): the totals are the verb's as much as the parts are.
_PARTS = (rf"(?:{_QUAL}(?<![\d/.,])(?:{_NUM[1:-1]})\s{{1,2}}(?:đảng bộ|chi bộ|tổ đảng)"
          r"(?:\s{1,2}(?:trực thuộc|cơ sở))?\s{0,2}(?:,|\bvà)\s{1,2}){1,2}")
_LEAD = rf"{_CUE}(?:{_PARTS})?{_QUAL}"
_MEMBERS = re.compile(rf"{_LEAD}(?<![\d/.,]){_NUM}{_MEMBER_WORDS}", re.IGNORECASE)
_ORG_LEAD = rf"{_ORG_CUE}(?:{_PARTS})?{_QUAL}"
_ORGS = re.compile(rf"{_ORG_LEAD}(?<![\d/.,]){_NUM}{_ORG_WORDS}", re.IGNORECASE)
# A figure listed right after another one (", 12.500 đảng viên", "và 47 tổ chức cơ sở đảng").
_LISTED = r"(?:[,;]|\bvà)\s{1,2}"
# What every figure above contains: a digit, then member or organisation words (a cheap test
# that spares the costlier patterns, and the reading of a clause, most sentences).
_FIGURE = re.compile(rf"\d(?:{_SCALE})?(?:{_MEMBER_WORDS}|{_ORG_WORDS})", re.IGNORECASE)
_MEMBERS_LISTED = re.compile(rf"{_LISTED}{_QUAL}{_NUM}{_MEMBER_WORDS}", re.IGNORECASE)
_ORGS_LISTED = re.compile(rf"{_LISTED}{_QUAL}{_NUM}{_ORG_WORDS}", re.IGNORECASE)
# Words right after a figure that make it a part: new, disciplined, probationary members.
_NOT_TOTAL_AFTER = re.compile(
    r"\s{0,2}(?:được|bị|mới|vi phạm|dự bị|kết nạp|tham dự|đạt|hoàn thành|xếp loại|trong sạch|"
    r"vững mạnh|tiêu biểu|yếu kém|\d|nữ\b|là\b|trẻ\b|cao tuổi|tuổi\b|(?:là )?người dân tộc|"
    r"dân tộc|thuộc diện|miễn\b|chưa\b|không\b|ưu tú|xuất sắc|đủ\b|nhận\b|giữ\b)",
    re.IGNORECASE,
)
# Words between the subject and the figure that make the figure something else.
_NOT_TOTAL = re.compile(
    r"kỷ luật|kết nạp|kiểm tra|giám sát|tham dự|\bdự\b|khen|tặng|trao|xử lý|vi phạm|bầu|"
    r"đề nghị|phát triển|tuyên dương|huy hiệu|xếp loại|đánh giá|hoàn thành|được|bị|chuyển|"
    r"đạt tiêu chuẩn|tăng|giảm|mới",
    re.IGNORECASE,
)
# How an organisation is said to be founded (``được thành lập``, ``mới thành lập``): no
# figure of a part, whatever its words (``được``, ``mới``) say elsewhere.
_FOUNDED = re.compile(r"(?:(?:vừa|mới)\s{1,2})?(?:được\s{1,2})?thành lập", re.IGNORECASE)
# A short aside in brackets after a name, no figure in it: "Đảng bộ phường Thanh Xuân (mới) có
# …" (the communes merged in 2025) says nothing of the figure.
_ASIDE = re.compile(r"\([^()\d\n]{1,20}\)")
# The longest text between a subject and its figure.
_SUBJECT_REACH = 240
# How far back a head with no name looks for the organisation it stands for.
_ANTECEDENT_REACH = 3000
_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[ \t]{1,2}")


@dataclass(frozen=True)
class _Vocab:
    mention: re.Pattern[str]  # the organisations a clause can be about
    needles: tuple[str, ...]  # what every mention opens with (see _find_mentions)
    heads: dict[str, str]  # head as written -> the organisation it names
    national: str
    stops: frozenset[str]
    openers: frozenset[str]  # lower-case words that may open a name (khối, các)
    joined: tuple[tuple[str, ...], ...]  # casefolded words of names with a "và" (joined_names)
    surnames: frozenset[str]
    merged_from: re.Pattern[str]  # ends the text before a source organisation
    delegates: re.Pattern[str]  # a congress's delegates' members
    owner: re.Pattern[str]  # the link between such a figure and its organisation
    total_after: re.Pattern[str]  # what may follow a total of members (see _total_after)
    total_next: frozenset[str]  # lower-case words after a total's place (các, toàn)
    raised: re.Pattern[str]  # the total new members bring an organisation to (_RAISED)
    unit_subject: re.Pattern[str]  # a unit of the map as a clause's subject (_unit_subject)


@cache
def _vocab() -> _Vocab:
    data = load("membership")
    heads = data["heads"]
    national = sorted(data["national"], key=len, reverse=True)
    words = "|".join(re.escape(w) for w in sorted(heads, key=len, reverse=True))
    committees = ("Tỉnh", "Thành", "Quận", "Huyện", "Thị")
    mention = re.compile(
        rf"(?P<head>{words})(?![^\W_])"
        rf"|\b(?P<committee>(?:{'|'.join(committees)}) ủy)"
        r"(?P<cplace>(?:\s[^\s,.;:()]{1,15}){0,4})"
        r"|\b[Tt]oàn (?P<whole>tỉnh|thành phố|quận|huyện|thị xã)\b"
        rf"|\b(?P<national>{'|'.join(map(re.escape, national))})(?![^\W_]| bộ| ủy)"
    )
    needles = (*heads, *(f"{c} ủy" for c in committees), "toàn ", "Toàn ", *national)
    merged = "|".join(re.escape(w) for w in sorted(data["merged_from"], key=len, reverse=True))
    cues = "|".join(re.escape(w) for w in data["delegate_cues"])
    links = "|".join(re.escape(w) for w in sorted(data["owner_links"], key=len, reverse=True))
    followers = "|".join(re.escape(w) for w in sorted(data["total_followers"], key=len,
                                                      reverse=True))
    places = "|".join(re.escape(w) for w in sorted(data["total_places"], key=len, reverse=True))
    ends = r"(?:[.,;:!?()\[\]\"'“”…/\n–—-]|$)"
    levels = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w[0].islower()
                      else re.escape(w) for w in data["unit_levels"])
    now = "|".join(map(re.escape, data["unit_now_words"]))
    having = "|".join(map(re.escape, data["unit_verbs"]))
    return _Vocab(
        mention=mention,
        needles=tuple(dict.fromkeys(needles)),
        heads=heads,
        national=data["national_name"],
        stops=frozenset(data["name_stops"]),
        openers=frozenset(data["name_openers"]),
        joined=tuple(tuple(n.casefold().split()) for n in data["joined_names"]),
        surnames=frozenset(load("names")["surnames"]),
        merged_from=re.compile(rf"(?:^|[\s,(])(?:{merged})\s{{1,2}}$", re.IGNORECASE),
        delegates=re.compile(rf"\b(?:{cues})\s{{1,2}}{_QUAL}(?<![\d/.,]){_NUM}{_MEMBER_WORDS}",
                             re.IGNORECASE),
        owner=re.compile(rf"\s{{1,2}}(?:đang sinh hoạt\s{{1,2}})?(?:{links})\s{{1,2}}",
                         re.IGNORECASE),
        total_next=frozenset(data["total_places_next"]),
        raised=re.compile(rf"\b(?:{'|'.join(map(re.escape, data['raise_verbs']))})" + _RAISED),
        unit_subject=re.compile(
            rf"\W{{0,3}}(?P<level>{levels})(?P<place>(?:\s(?:[A-ZĐ][^\W_]*|\d{{1,2}})){{0,4}})"
            rf"\s{{1,2}}(?:(?:{now})\s{{1,2}})?(?:{having})\s{{1,2}}(?:{_PARTS})?{_QUAL}"),
        total_after=re.compile(
            rf"\s{{0,2}}(?:{ends}|(?:{followers})(?![^\W_])|(?:{places})(?![^\W_])"
            rf"(?:\s{{0,2}}{ends}|\s{{1,2}}{_QUAL}(?P<next>[^\W_]+)))"),
    )


# How far before its figure (the _FIGURE match at the number's last digit) a match of the
# figure patterns opens at most: none opens before the first figure of a sentence less this.
# (None when unknown: the scans then start at the sentence's start.)
_OPENERS = (rf"{_LEAD}{_NUM}", rf"{_ORG_LEAD}{_NUM}", rf"{_LISTED}{_QUAL}{_NUM}",
            rf"\b(?:tiêu biểu cho|đại diện cho|thay mặt cho)\s{{1,2}}{_QUAL}{_NUM}")
_WIDTHS = tuple(width(p) for p in _OPENERS)
_REACH = None if None in _WIDTHS else max(w[1] for w in _WIDTHS if w)


@dataclass(frozen=True, slots=True)
class Fact:
    start: int
    end: int
    text: str
    org: str
    party_members: int | None
    grassroots_orgs: int | None


# --- organisations ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Name:
    """What follows a head word: a level and its place as written, or the words of a name."""

    level: str | None
    words: tuple[str, ...]
    count: bool = False  # "Đảng bộ 3 xã": a number of organisations, no name


def _words_after(text: str, pos: int, n: int) -> list[tuple[str, int]]:
    """Up to ``n`` words after ``pos``, each one blank from the previous one (a comma, a
    bracket or a line break ends them), with their end offsets."""
    out: list[tuple[str, int]] = []
    while len(out) < n:
        gap = _GAP.match(text, pos)
        if gap is None:
            break
        m = _WORD.match(text, gap.end())
        if m is None:
            break
        out.append((m.group(0), m.end()))
        pos = m.end()
        if text.startswith(".", pos) and m.group(0).casefold() == "tp":
            pos += 1  # "TP." is a level word
    return out


def _read_name(text: str, pos: int) -> _Name:
    """The name written after a head word that ends at ``pos`` (see module docstring)."""
    v = _vocab()
    words = _words_after(text, pos, 12)
    level = None
    i = 0
    if len(words) > 1 and level_of(f"{words[0][0]} {words[1][0]}"):
        level, i = level_of(f"{words[0][0]} {words[1][0]}"), 2
    elif words and level_of(words[0][0]) and not (
            words[0][0].islower() and words[0][0] in v.stops):
        level, i = level_of(words[0][0]), 1
    elif words and words[0][0].isdigit() and len(words) > 1 and level_of(words[1][0]):
        return _Name(None, (), count=True)
    elif not words or (words[0][0][0].islower() and words[0][0] not in v.openers):
        return _Name(None, ())  # "Đảng bộ luôn …", "Đảng bộ chú trọng …": no name
    elif _person_at(words, 0):
        return _Name(None, ())  # "Bí thư Chi bộ Nguyễn Văn An": the person, no name
    out: list[str] = []
    while i < len(words) and len(out) < 10:
        w = words[i][0]
        if level:  # the place: capitalised words or a number (quận 3)
            if not (w[0].isupper() or w.isdigit()):
                break
            out.append(w)
            i += 1
            continue
        two = f"{w} {words[i + 1][0]}" if i + 1 < len(words) else ""
        if two and level_of(two):  # a level inside the name (Khối các cơ quan thành phố)
            out += two.split()
            i += 2
            continue
        if w.casefold() in ("tp", "tp."):
            out.append("thành phố")
            i += 1
            continue
        if w == "và" and (rest := _joined(out, words, i)):
            out += [w, *rest]  # "Khối Cơ quan và Doanh nghiệp"
            i += 1 + len(rest)
            continue
        if w[0].islower() and w in v.stops:
            break
        out.append(w)
        i += 1
    if level:
        return _Name(level, tuple(capitalised(out)))
    return _Name(None, tuple(out))


def _joined(out: list[str], words: list[tuple[str, int]], i: int) -> list[str]:
    """The words after the ``và`` at ``words[i]`` that belong to the name read so far
    (``out``) by a name of data/membership.json ``joined_names``; none when it ends there."""
    for name in _vocab().joined:
        k = name.index("và")
        after = name[k + 1:]
        rest = [w for w, _ in words[i + 1:i + 1 + len(after)]]
        if k <= len(out) and [w.casefold() for w in out[len(out) - k:]] == list(name[:k]) and \
                [w.casefold() for w in rest] == list(after):
            return rest
    return []


def _person_at(words: list[tuple[str, int]], i: int) -> bool:
    """``words[i:]`` open with a person's name: a surname and a capitalised word that are no
    place's name together."""
    if i + 1 >= len(words) or words[i][0] not in _vocab().surnames:
        return False
    nxt = words[i + 1][0]
    if not nxt[0].isupper():
        return False
    name = f"{words[i][0]} {nxt}"
    gaz = get_gazetteer()
    return not (gaz.is_place_name(name) or any(gaz.lookup(t, name) for t in WARD_TYPES))


def _named(head: str, name: _Name, ctx: _Scope, at: int | None) -> str | None:
    """The organisation a head and the name after it stand for; ``None`` for no name."""
    if name.count or (name.level is None and not name.words):
        return None
    if name.level is not None:
        if head == "Đảng bộ":
            placed = _placed(ctx.party_body(name.level, " ".join(name.words) or None, at),
                             name.level)
            return placed or (None if name.words else ctx.headline_org(head, name.level))
        return f"{head} {name.level} {' '.join(name.words)}" if name.words else None
    written = " ".join(name.words)
    if head == "Đảng bộ" and get_gazetteer().province(written) is not None:
        return ctx.party_body(None, written, at)  # "Đảng bộ Hà Nội"
    return f"{head} {written}"


def _placed(org: str | None, level: str | None) -> str | None:
    """``org`` unless it is a level with no place that can be known (``Đảng bộ huyện``)."""
    if org is None or (level is not None and org.endswith(f" {level}")):
        return None
    if level is None and org.split()[-1] in ("tỉnh", "phố", "quận", "huyện", "xã", "phường"):
        return None
    return org


def _merged(text: str, start: int, previous: tuple[int, str] | None) -> str:
    """Why the organisation at ``start`` is a source (see module docstring), or ``""``: the
    text before it ends with a word of merging (``"word"``), or with ``và`` (``"and"``), a
    comma (``"comma"``) or nothing after a source organisation (``previous``: where the
    organisation before it ended and why it was one)."""
    before = text[max(0, start - 30):start]
    if _vocab().merged_from.search(before):
        return "word"
    if previous is not None and previous[1] and start - previous[0] < 120:
        tail = text[previous[0]:start].rstrip()
        if not tail:
            return previous[1]
        if tail.endswith(" và"):
            return "and"
        if tail.endswith(","):
            return "comma"
    return ""


def _find_mentions(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """What ``mention.finditer(text, lo, hi)`` gives, found by ``str.find`` of the words every
    mention opens with (a regex scan would try its alternatives at every character of the
    3000 characters an antecedent is looked for in)."""
    v = _vocab()
    starts: set[int] = set()
    for needle in v.needles:
        i = text.find(needle, lo, hi)
        while i >= 0:
            starts.add(i)
            i = text.find(needle, i + 1, hi)
    out: list[re.Match[str]] = []
    end = lo
    for p in sorted(starts):
        if p < end:
            continue
        m = v.mention.match(text, p, hi)
        if m:
            out.append(m)
            end = max(m.end(), p + 1)
    return out


def _mentions(text: str, lo: int, hi: int) -> list[tuple[re.Match[str], str]]:
    """The organisations mentioned in ``text[lo:hi]``, each with why it is a source (see
    :func:`_merged`; ``""``: it is none)."""
    out = []
    previous = None
    for m in _find_mentions(text, lo, hi):
        merged = _merged(text, m.start(), previous)
        previous = (m.end(), merged)
        out.append((m, merged))
    return out


def _org(text: str, m: re.Match[str], ctx: _Scope) -> str | None:
    """The organisation of a mention in ``text`` (a head with no name: the one it stands
    for); ``None`` when it names none that can be known, ``""`` when it names a number of
    organisations (``Đảng bộ 3 xã``)."""
    v = _vocab()
    at = m.start()
    if m.group("national"):
        return v.national
    if m.group("whole"):
        level = level_of(m.group("whole"))
        return _placed(ctx.party_body(level, None, at), level) or ctx.headline_org(
            "Đảng bộ", level)
    if m.group("committee"):
        place = " ".join(capitalised((m.group("cplace") or "").split())) or None
        return _placed(ctx.committee_body(m.group("committee"), place, at), None)
    head = v.heads[m.group("head")]
    name = _read_name(text, m.end())
    org = _named(head, name, ctx, at)
    if org is None:
        if name.count:
            return ""
        return _antecedent(text, m.start(), head, ctx, name.level) or (
            ctx.headline_org(head, None) if name.level is None else None)
    if name.level is None:
        return _longer(text, m.start(), head, name) or org
    return org


def _antecedent(text: str, pos: int, head: str, ctx: _Scope, level: str | None = None
                ) -> str | None:
    """The organisation of kind ``head`` named last before ``pos``, not as a source. For a
    head written with a level and no place (``Đảng bộ tỉnh``, which the resolver could not
    place), only where every one of that level named before is that one: in an article about
    several (``Đại hội Đảng bộ tỉnh A bầu …; Đại hội Đảng bộ tỉnh B bầu …``) the last is no
    more its own than the others."""
    v = _vocab()
    lo = max(0, pos - _ANTECEDENT_REACH)
    found: set[str] = set()
    for m, merged in reversed(_mentions(text, lo, pos)):
        if merged or not m.group("head") or v.heads[m.group("head")] != head:
            continue
        org = _named(head, _read_name(text, m.end()), ctx, m.start())
        if org is not None and level is None:
            return org
        if org is not None and org.startswith(f"{head} {level} "):
            found.add(org)
    return found.pop() if len(found) == 1 else None


def _longer(text: str, pos: int, head: str, name: _Name) -> str | None:
    """The longer name written last before ``pos`` that ends or opens with ``name``'s words
    (``Đảng bộ Công ty Liksin`` for ``Đảng bộ Liksin``, ``Đảng bộ Khối các cơ quan tỉnh`` for
    ``Đảng bộ Khối``)."""
    v = _vocab()
    lo = max(0, pos - _ANTECEDENT_REACH)
    if text.find(" ".join(name.words), lo, pos) < 0:
        return None  # (its words are in any longer name written before)
    found = None
    for m in _find_mentions(text, lo, pos):
        if not m.group("head") or v.heads[m.group("head")] != head:
            continue
        other = _read_name(text, m.end())
        n = len(name.words)
        if other.level is None and len(other.words) > n and name.words in (
                other.words[-n:], other.words[:n]):
            found = f"{head} {' '.join(other.words)}"
    return found


# --- figures ------------------------------------------------------------------------------


def _number(text: str) -> int | None:
    from partyx.lang.numbers import parse_number

    value = parse_number(text)
    return int(value) if isinstance(value, (int, float)) and value > 0 else None


_KEYS = ("đảng viên", "cơ sở")
# The abbreviation of "tổ chức cơ sở đảng", written in capitals: found as it is.
_ABBREVIATION = "TCCS"


def _forms(ch: str) -> str:
    """The characters whose lower case (as :func:`lower_aligned` makes it) is ``ch``: ``ch``
    and its upper case (``Đđ``)."""
    up = ch.upper()
    return "".join(sorted({ch, up})) if len(up) == 1 and up.lower() == ch else ch


def _anchored(key: str) -> tuple[str, int, re.Pattern[str]]:
    """How to find ``key`` in ``lower_aligned(text)`` without lower-casing the text (which
    costs more than the rest of the stage): ``str.find`` (a C scan) the forms of its last
    letter with a diacritic (``ê`` of ``đảng viên``, rarer than plain letters), then match
    the key in any case where one stands: (those forms, that letter's offset, key pattern)."""
    offset = max(i for i, ch in enumerate(key) if not ch.isascii())
    letters = "".join(f"[{_forms(ch)}]" if len(_forms(ch)) > 1 else re.escape(ch) for ch in key)
    return _forms(key[offset]), offset, re.compile(letters)


_ANCHORED = tuple(map(_anchored, _KEYS))


class _Scope:
    """The article's resolver (:class:`~partyx.rules.orgs.Whereabouts`) and the Party
    organisations its headline names with their places (``Đại hội đại biểu Đảng bộ xã Võ Miếu
    lần thứ I``): a head the body writes with no name (``Đảng bộ có …``) or with a level and
    no place (``Đảng bộ xã có …``) that nothing before it names stands for the headline's one
    organisation of that kind and level, when the body names no other unit of that level."""

    __slots__ = ("_headline", "_title", "places")

    def __init__(self, places: Whereabouts, headline: str | None) -> None:
        self.places = places
        self._headline: list[tuple[str, str | None, str]] | None = None
        if not headline:
            self._headline = []
        self._title = headline

    def party_body(self, level: str | None, place: str | None, at: int | None) -> str | None:
        return self.places.party_body(level, place, at)

    def committee_body(self, word: str, place: str | None, at: int | None) -> str | None:
        return self.places.committee_body(word, place, at)

    def headline_org(self, head: str, level: str | None) -> str | None:
        """The headline's one organisation of kind ``head`` (of ``level``, when given), with
        its place; ``None`` when it names none or several, or when the body names a unit of
        that level other than its place."""
        if self._headline is None:
            self._headline = _headline_orgs(self._title or "", self)
        found = {org for h, lv, org in self._headline
                 if h == head and (level is None or lv == level)}
        if len(found) != 1:
            return None
        org = found.pop()
        if level is not None and any(
                u.type == level and not org.endswith(f" {level} {u.name}")
                for u in self.places.units):
            return None
        return org


def _headline_orgs(title: str, ctx: _Scope) -> list[tuple[str, str | None, str]]:
    """(head, level, organisation) of each organisation the headline names with its name."""
    v = _vocab()
    out = []
    for m in _find_mentions(title, 0, len(title)):
        if not m.group("head"):
            continue
        head = v.heads[m.group("head")]
        name = _read_name(title, m.end())
        if name.count or not name.words:
            continue
        org = _named(head, name, ctx, None)
        if org:
            out.append((head, name.level, org))
    return out


def find_membership(text: str, ctx: Whereabouts | None = None,
                    headline: str | None = None) -> list[Fact]:
    """Every membership figure stated in ``text`` (see module docstring), in text order; an
    organisation's place not written resolved by ``ctx`` (the article's; none without), or
    by the organisation ``headline`` names (see :class:`_Scope`)."""
    if not isinstance(text, str) or not text:
        return []
    scope = _Scope(ctx or Whereabouts(text), headline)
    facts: list[Fact] = []
    done = -1
    for pos in _occurrences(text):
        if pos < done:
            continue
        start = sentence_start(text, pos, FIGURES)  # (a dot in 19.908 ends no sentence)
        end = sentence_end(text, start, FIGURES)
        if end <= pos:
            continue
        done = end
        figure = _FIGURE.search(text, start, end)
        if figure is None:  # no figure: most sentences that name đảng viên
            facts += _sum_facts(text, start, end, scope)
            continue
        opens = start if _REACH is None else max(start, figure.start() - _REACH)
        facts += _sentence_facts(text, start, end, opens, scope)
    return facts


def _occurrences(text: str) -> list[int]:
    """Where the keys (_KEYS) open in ``lower_aligned(text)``, and the abbreviation
    (_ABBREVIATION) in ``text``, in order."""
    out = []
    for forms, offset, key in _ANCHORED:
        for form in forms:
            i = text.find(form, offset)
            while i >= 0:
                if key.match(text, i - offset):
                    out.append(i - offset)
                i = text.find(form, i + 1)
    i = text.find(_ABBREVIATION)
    while i >= 0:
        out.append(i)
        i = text.find(_ABBREVIATION, i + 1)
    return sorted(out)


# How far apart the two figures of one statement may be (no figure, no organisation between):
# "gồm 45 tổ chức cơ sở đảng (25 đảng bộ cơ sở, 20 chi bộ cơ sở) với 3.200 đảng viên".
_PAIRED = 80
# (start of the first figure, end of the last, {field: value})
_Group = tuple[int, int, dict[str, int]]


def _groups(text: str, start: int, end: int, opens: int) -> list[_Group]:
    """The totals of a sentence ``text[start:end]``, a figure and the other one stated with it
    (``có 56 tổ chức cơ sở đảng, 12.500 đảng viên``) in one group."""
    found: list[tuple[int, int, str, int]] = []
    for field, rx in (("party_members", _MEMBERS), ("grassroots_orgs", _ORGS)):
        for m in rx.finditer(text, opens, end):
            value = _number(m.group(1))
            if value is not None and not _NOT_TOTAL_AFTER.match(text, m.end(), end) and \
                    ((field != "party_members" and not _LED.match(text, m.start()))
                     or _total_after(text, m.end(), end)):
                found.append((m.start(1), m.end(), field, value))
    found.sort()
    groups: list[_Group] = []
    for s, e, field, value in found:
        if groups:
            g_start, g_end, counts = groups[-1]
            if field not in counts and 0 <= s - g_end <= _PAIRED and \
                    not _FIGURE.search(text, g_end, s) and \
                    not _vocab().mention.search(text, g_end, s):
                counts[field] = value  # "có 54 tổ chức cơ sở Đảng với 19.908 đảng viên"
                groups[-1] = (g_start, max(g_end, e), counts)
                continue
            if s < g_end:
                continue
        groups.append((s, e, {field: value}))
    out = []
    for g_start, g_end, counts in groups:
        for field, rx in (("party_members", _MEMBERS_LISTED), ("grassroots_orgs", _ORGS_LISTED)):
            if field in counts:
                continue
            for p in range(g_end, min(g_end + 3, end)):
                listed = rx.match(text, p, end)
                if listed:
                    value = _number(listed.group(1))
                    if value is not None and \
                            not _NOT_TOTAL_AFTER.match(text, listed.end(), end) and \
                            (field != "party_members" or
                             _total_after(text, listed.end(), end)):
                        counts[field] = value
                        g_end = listed.end()
                    break
        out.append((g_start, g_end, counts))
    return out


def _total_after(text: str, pos: int, end: int) -> bool:
    """Whether what follows a figure of members at ``pos`` leaves it a total: the clause ends,
    or a word of data/membership.json ``total_followers`` follows (``với``, ``trong đó``), or
    one of ``total_places`` and then a figure, a plural, the whole or a name (``sinh hoạt tại
    47 chi bộ``, ``trong toàn Đảng bộ``). Anything else says which members they are (``32 đảng
    viên hưởng chế độ …``, ``sinh hoạt tại nơi cư trú``): a part."""
    m = _vocab().total_after.match(text, pos, end)
    if m is None:
        return False
    after = m.group("next")
    return after is None or after[0].isdigit() or after[0].isupper() or \
        after in _vocab().total_next


def _sentence_facts(text: str, start: int, end: int, opens: int,
                    ctx: _Scope) -> list[Fact]:
    """The facts of the sentence ``text[start:end]``; ``opens``: where a figure's match may
    open first (see _REACH), the patterns' scans start there."""
    facts = _delegate_facts(text, start, end, opens, ctx) + _sum_facts(text, start, end, ctx)
    taken = {f.start for f in facts}
    lo = start
    for first, last, counts in _groups(text, start, end, opens):
        if first in taken:
            continue
        org = _subject(text, lo, first, ctx)
        if org is None and lo == start:
            org = _fronted(text, start, first, last, end, ctx)
        if org is None:
            org = _unit_subject(text, lo, first, ctx)
        lo = last
        if org is None:
            continue
        facts.append(Fact(first, last, text[first:last], org, counts.get("party_members"),
                          counts.get("grassroots_orgs")))
    facts.sort(key=lambda f: f.start)
    return facts


def _subject(text: str, lo: int, first: int, ctx: _Scope) -> str | None:
    """The organisation the clause of a figure at ``first`` is about: the one named last in
    ``text[lo:first]`` that is no source (see module docstring; the last one named after a
    comma is the subject of a new clause: ``Sau khi sáp nhập Đảng bộ xã A và Đảng bộ xã B,
    Đảng bộ xã C có …``), with nothing between it and the figure that makes the figure a
    part. Words before a figure of their own (``đã phát triển 10 đảng viên, hiện có 60 đảng
    viên``) are that figure's."""
    mentions = _mentions(text, lo, first)
    for k in range(len(mentions) - 1, -1, -1):
        m, merged = mentions[k]
        if merged and not (merged == "comma" and k == len(mentions) - 1):
            continue
        between = text[m.start():first]
        own = None
        for f in _FIGURE.finditer(between):
            own = f
        if own is not None:
            between = between[own.end():]
        if len(between) > _SUBJECT_REACH or ";" in between or \
                _NOT_TOTAL.search(_FOUNDED.sub(" ", _ASIDE.sub(" ", between))):
            return None
        org = _org(text, m, ctx)
        if org == "":
            continue  # "Đảng bộ 3 xã": look further back
        return org
    return None


# A unit of the map that opens its clause as the subject of the figures: "Huyện Gia Lộc hiện có
# 45 tổ chức cơ sở đảng với 6.000 đảng viên", "Hiện nay, xã có 650 đảng viên": its Đảng bộ's.
# (its words are membership.json unit_levels, unit_now_words and unit_verbs: _Vocab.unit_subject)
_CLAUSE_OPENS = re.compile(r"[,;:]\s")


def _unit_subject(text: str, lo: int, first: int, ctx: _Scope) -> str | None:
    """The Đảng bộ of a unit that opens the clause of a figure at ``first`` as its subject (see
    _Vocab.unit_subject), when the gazetteer knows the unit written (or the article's places resolve
    its level written alone)."""
    clause = lo
    for opening in _CLAUSE_OPENS.finditer(text, lo, first):
        clause = opening.end()
    m = _vocab().unit_subject.fullmatch(text, clause, first)
    if m is None:
        return None
    level = level_of(m.group("level").rstrip("."))
    words = m.group("place").split()
    if level is None:
        return None
    if words:
        name = " ".join(words)
        gaz = get_gazetteer()
        if not (gaz.lookup(level, name) or (level in ("tỉnh", "thành phố") and
                                             gaz.province(name) is not None)):
            return None
        return _placed(ctx.party_body(level, name, m.start("level")), level)
    return _placed(ctx.party_body(level, None, m.start("level")), level)


# A figure that opens its sentence, its organisation named after it: "Với 52 tổ chức cơ sở
# đảng, trên 14.000 đảng viên, Đảng bộ huyện … luôn …".
_FRONTED = re.compile(rf"\W{{0,3}}(?:hiện\s{{1,2}}(?:nay\s{{1,2}})?)?(?:với|có)\s{{1,2}}{_QUAL}",
                      re.IGNORECASE)
_AFTER_FRONTED = re.compile(r"\s{0,2},\s{1,2}")


def _fronted(text: str, start: int, first: int, last: int, end: int,
             ctx: _Scope) -> str | None:
    """The organisation of figures that open their sentence after ``Với``: the one named right
    after them and a comma."""
    if not _FRONTED.fullmatch(text, start, first):
        return None
    comma = _AFTER_FRONTED.match(text, last, end)
    m = _vocab().mention.match(text, comma.end(), end) if comma else None
    return (_org(text, m, ctx) or None) if m else None


# "Tổng số đảng viên của Đảng bộ quận là 3.200 đồng chí": the total named before its
# organisation, the figure after it.
_SUM = re.compile(r"\b(?:[Tt]ổng số|[Ss]ố(?: lượng)?) [đĐ]ảng viên(?![^\W_])")
_SUM_PINS = ("ố đảng viên", "ố Đảng viên", "ợng đảng viên", "ợng Đảng viên")  # what it holds
_SUM_FIGURE = re.compile(rf"\b(?:là|đạt|có)\s{{1,2}}{_QUAL}(?<![\d/.,]){_NUM}"
                         r"(?:\s{1,2}(?:đồng chí|đảng viên)(?![^\W_]))?")
# The longest text between such an organisation and its figure.
_SUM_REACH = 100
# The total its new members bring it to: "… kết nạp 1.050 đảng viên mới, nâng tổng số đảng viên
# lên 8.912 đồng chí" (of the clause's organisation).
# (after one of the verbs of data/membership.json raise_verbs)
_RAISED = (r" tổng số [đĐ]ảng viên\s{1,2}(?:(?:của |trong )?(?:toàn )?[^\W\d_]+ bộ\s{1,2})?lên"
           rf"\s{{1,2}}{_QUAL}{_NUM}(?:\s{{1,2}}(?:đồng chí|đảng viên|người)(?![^\W_]))?")


def _owner(text: str, link: re.Match[str], end: int) -> re.Match[str] | None:
    """The organisation named right after ``link`` (``của``, ``trong toàn`` …): in ``trong
    toàn Đảng`` the Party, whose name ``toàn`` begins."""
    v = _vocab()
    owner = v.mention.match(text, link.end(), end)
    whole = link.group(0).rfind("toàn")
    if owner is None and whole >= 0:
        owner = v.mention.match(text, link.start() + whole, end)
    return owner


def _sum_facts(text: str, start: int, end: int, ctx: _Scope) -> list[Fact]:
    """The totals of the sentence ``text[start:end]`` said of ``Tổng số đảng viên`` (``Số
    đảng viên``, ``Số lượng đảng viên``) and the
    organisation after it (``của``, ``trong toàn`` …): the figure after the organisation, with
    no other figure, organisation or word of a part between them."""
    if not any(text.find(pin, start, end) >= 0 for pin in _SUM_PINS):
        return []
    v = _vocab()
    out = []
    for m in _SUM.finditer(text, start, end):
        link = v.owner.match(text, m.end(), end)
        if link is None:
            continue
        owner = _owner(text, link, end)
        if owner is None:
            continue
        figure = _SUM_FIGURE.search(text, owner.end(), min(end, owner.end() + _SUM_REACH))
        if figure is None:
            continue
        between = text[owner.end():figure.start()]
        if ";" in between or _FIGURE.search(between) or v.mention.search(between) or \
                _NOT_TOTAL.search(_ASIDE.sub(" ", between)) or \
                not _total_after(text, figure.end(), end):
            continue
        value = _number(figure.group(1))
        org = _org(text, owner, ctx)
        if value is None or not org:
            continue
        out.append(Fact(figure.start(1), figure.end(), text[figure.start(1):figure.end()], org,
                        value, None))
    for m in v.raised.finditer(text, start, end):
        value = _number(m.group(1))
        mentions = [(o, merged) for o, merged in _mentions(text, start, m.start()) if not merged]
        if value is None or not mentions or not _total_after(text, m.end(), end):
            continue
        org = _org(text, mentions[-1][0], ctx)
        if org:
            out.append(Fact(m.start(1), m.end(), text[m.start(1):m.end()], org, value, None))
    return out


def _delegate_facts(text: str, start: int, end: int, opens: int,
                    ctx: _Scope) -> list[Fact]:
    """The members a congress's delegates stand for, of the organisation named after them."""
    if text.find("cho", opens, end) < 0:
        return []  # every cue ends with "cho"
    v = _vocab()
    out = []
    for m in v.delegates.finditer(text, opens, end):
        value = _number(m.group(1))
        link = v.owner.match(text, m.end(), end)
        if value is None or link is None:
            continue
        owner = _owner(text, link, end)
        if owner is None:
            continue
        org = _org(text, owner, ctx)
        if not org:
            continue
        out.append(Fact(m.start(1), m.end(), text[m.start(1):m.end()], org, value, None))
    return out


def record(fact: Fact, as_of: str | None) -> Membership:
    """The record of a fact; ``as_of`` is the date its figures hold for."""
    return {"org": fact.org, "party_members": fact.party_members,
            "grassroots_orgs": fact.grassroots_orgs, "as_of": as_of, "text": fact.text}


def merge_figures(records: list[Membership]) -> list[Membership]:
    """One record per organisation (in any case) and figures: the first."""
    seen: set[tuple[str, int | None, int | None]] = set()
    out: list[Membership] = []
    for r in records:
        key = (r["org"].casefold(), r["party_members"], r["grassroots_orgs"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
