"""Membership figures: the stated numbers of party members and grassroots party organisations
of a named Party organisation.

``Đảng bộ quận Thanh Xuân hiện có 54 tổ chức cơ sở Đảng với 19.908 đảng viên``,
``Đảng bộ quận Long Biên hiện có trên 16.300 đảng viên sinh hoạt tại 47 tổ chức cơ sở đảng``,
``Đảng bộ quận có 36 đảng bộ, chi bộ cơ sở với 4.690 đảng viên``. A figure counts when a verb
of having (``có``, ``gồm``, ``với``, ``sinh hoạt tại``) introduces it and the organisation it
belongs to is the subject of the same clause: ``Đảng bộ …``, a committee (``Quận ủy Thanh
Xuân`` -> ``Đảng bộ quận Thanh Xuân``) or ``toàn tỉnh``/``toàn quận``. Numbers that are not
the organisation's totals are left out: parts of it (``27 đảng bộ cơ sở``, ``25 chi bộ cơ sở``),
members disciplined, admitted, inspected or attending (``kỷ luật 8.683 đảng viên``), shares
(``48/56 tổ chức cơ sở Đảng``). ``trên 16.300`` (a lower bound) is read as 16300.

Vietnamese figures are read by :func:`partyx.lang.numbers.parse_number` (``19.908`` = 19908).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partyx.lang.patterns import width
from partyx.lang.sentences import FIGURES, sentence_end, sentence_start
from partyx.record import Membership
from partyx.rules.orgs import Whereabouts, capitalised, level_of

_SCALE = r"\s(?:nghìn|ngàn|triệu)"
_NUM = rf"(\d{{1,3}}(?:\.\d{{3}}){{1,3}}|\d{{1,7}}(?:,\d{{1,3}}{_SCALE})?)"
_QUAL = r"(?:(?:trên|hơn|gần|khoảng|xấp xỉ|gần|tổng số|tổng cộng|tới|đến)\s{1,2})?"
_CUE = r"(?:\b(?:có|gồm|với|là|đạt|sinh hoạt tại|sinh hoạt trong|thuộc|đã xây dựng)\s{1,2})"
_MEMBER_WORDS = r"\s{1,2}đảng viên\b"
_ORG_WORDS = (
    r"\s{1,2}(?:tổ chức cơ sở đảng|TCCSĐ|cơ sở đảng|(?:chi bộ,? (?:và )?đảng bộ|"
    r"đảng bộ,? (?:và )?chi bộ|chi, đảng bộ|chi bộ và đảng bộ) cơ sở)\b"
)
_MEMBERS = re.compile(rf"{_CUE}{_QUAL}(?<![\d/.,]){_NUM}{_MEMBER_WORDS}", re.IGNORECASE)
_ORGS = re.compile(rf"{_CUE}{_QUAL}(?<![\d/.,]){_NUM}{_ORG_WORDS}", re.IGNORECASE)
# A figure listed right after another one (", 12.500 đảng viên", "và 47 tổ chức cơ sở đảng").
_LISTED = r"(?:,|\bvà)\s{1,2}"
# What every figure above contains: a digit, then member or organisation words (a cheap test
# that spares the costlier patterns, and the reading of a clause, most sentences).
_FIGURE = re.compile(rf"\d(?:{_SCALE})?(?:{_MEMBER_WORDS}|{_ORG_WORDS})", re.IGNORECASE)
_MEMBERS_LISTED = re.compile(rf"{_LISTED}{_QUAL}{_NUM}{_MEMBER_WORDS}", re.IGNORECASE)
_ORGS_LISTED = re.compile(rf"{_LISTED}{_QUAL}{_NUM}{_ORG_WORDS}", re.IGNORECASE)
# How far before its figure (the _FIGURE match at the number's last digit) a match of the
# patterns above opens at most: none opens before the first figure of a sentence less this.
# (None when unknown: the scans then start at the sentence's start.)
_WIDTHS = (width(rf"{_CUE}{_QUAL}{_NUM}"), width(rf"{_LISTED}{_QUAL}{_NUM}"))
_REACH = None if None in _WIDTHS else max(w[1] for w in _WIDTHS if w)
# Words right after a figure that make it a part: new, disciplined, probationary members.
_NOT_TOTAL_AFTER = re.compile(
    r"\s{0,2}(?:được|bị|mới|vi phạm|dự bị|kết nạp|tham dự|đạt|hoàn thành|xếp loại|trong sạch|"
    r"vững mạnh|tiêu biểu|yếu kém)",
    re.IGNORECASE,
)
# The organisation a clause is about.
_SUBJECT = re.compile(
    r"(?:\b[Tt]oàn\s)?\bĐảng bộ(?P<rest>(?:\s[^\s,.;:()“”\"]{1,20}){0,6})"
    r"|\b(?P<committee>(?:Tỉnh|Thành|Quận|Huyện|Thị) ủy)"
    r"(?P<cplace>(?:\s[^\s,.;:()]{1,15}){0,4})"
    r"|\b[Tt]oàn\s(?P<whole>tỉnh|thành phố|quận|huyện|thị xã)\b"
)
# Words between the subject and the figure that make the figure something else.
_NOT_TOTAL = re.compile(
    r"kỷ luật|kết nạp|kiểm tra|giám sát|tham dự|\bdự\b|khen|tặng|trao|xử lý|vi phạm|bầu|"
    r"đề nghị|phát triển|tuyên dương|huy hiệu|xếp loại|đánh giá|hoàn thành|được|bị|chuyển|"
    r"đạt tiêu chuẩn|tăng|giảm|mới",
    re.IGNORECASE,
)
_STOPS = frozenset({"hiện", "có", "gồm", "với", "đã", "nay", "đến", "là", "tính", "luôn",
                    "vẫn", "cũng", "đang", "trong", "từ", "sau", "qua", "tổng"})


@dataclass(frozen=True, slots=True)
class Fact:
    start: int
    end: int
    text: str
    org: str
    party_members: int | None
    grassroots_orgs: int | None


def _org_name(m: re.Match[str], places: Whereabouts, at: int) -> str | None:
    if m.group("whole"):
        return places.party_body(level_of(m.group("whole")), None, at)
    if m.group("committee"):
        place = " ".join(capitalised((m.group("cplace") or "").split())) or None
        return places.committee_body(m.group("committee"), place, at)
    words = []
    for w in (m.group("rest") or "").split():
        if w.casefold() in _STOPS:
            break
        words.append(w)
    if not words:
        return None
    level = None
    if len(words) > 1 and level_of(f"{words[0]} {words[1]}"):
        level, words = level_of(f"{words[0]} {words[1]}"), words[2:]
    elif level_of(words[0]):
        level, words = level_of(words[0]), words[1:]
    if level:
        words = capitalised(words)
        return places.party_body(level, " ".join(words) or None, at)
    return "Đảng bộ " + " ".join(words)


def _number(text: str) -> int | None:
    from partyx.lang.numbers import parse_number

    value = parse_number(text)
    return int(value) if isinstance(value, (int, float)) and value > 0 else None


_KEYS = ("đảng viên", "cơ sở")


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


def find_membership(text: str, places: Whereabouts | None = None) -> list[Fact]:
    """Every membership figure stated in ``text`` (see module docstring), in text order; an
    organisation's place not written resolved by ``places`` (the article's; none without)."""
    if not isinstance(text, str) or not text:
        return []
    places = places or Whereabouts(text)
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
        sentence = text[start:end]
        figure = _FIGURE.search(sentence)
        if figure is None:
            continue  # no figure: most sentences that name đảng viên
        opens = 0 if _REACH is None else max(0, figure.start() - _REACH)
        fact = _sentence_fact(sentence, start, places, opens)
        if fact is not None:
            facts.append(fact)
    return facts


def _occurrences(text: str) -> list[int]:
    """Where the keys (_KEYS) open in ``lower_aligned(text)``, in order."""
    out = []
    for forms, offset, key in _ANCHORED:
        for form in forms:
            i = text.find(form, offset)
            while i >= 0:
                if key.match(text, i - offset):
                    out.append(i - offset)
                i = text.find(form, i + 1)
    return sorted(out)


def _sentence_fact(sentence: str, base: int, places: Whereabouts, opens: int = 0
                   ) -> Fact | None:
    """The fact of a sentence with a figure; ``opens``: where a figure's match may open first
    (see _REACH), the patterns' scans start there."""
    counts: dict[str, tuple[int, int, int]] = {}
    for field, rx in (("party_members", _MEMBERS), ("grassroots_orgs", _ORGS)):
        for m in rx.finditer(sentence, opens):
            value = _number(m.group(1))
            if value is not None and not _NOT_TOTAL_AFTER.match(sentence, m.end()):
                counts[field] = (value, m.start(1), m.end())
                break  # the first total counts
    if not counts:
        return None
    # The other figure may follow the first one in a list: "có 56 tổ chức cơ sở đảng, 12.500
    # đảng viên".
    for field, rx in (("party_members", _MEMBERS_LISTED), ("grassroots_orgs", _ORGS_LISTED)):
        if field in counts:
            continue
        for m in rx.finditer(sentence, opens):
            value = _number(m.group(1))
            near = any(0 <= m.start() - e <= 2 for _, _, e in counts.values())
            if value is not None and near and not _NOT_TOTAL_AFTER.match(sentence, m.end()):
                counts[field] = (value, m.start(1), m.end())
                break
    first = min(s for _, s, _ in counts.values())
    last = max(e for _, _, e in counts.values())
    subject = None
    for m in _SUBJECT.finditer(sentence[:first]):
        subject = m
    if subject is None:
        return None
    between = sentence[subject.start():first]
    if len(between) > 120 or ";" in between or _NOT_TOTAL.search(between):
        return None
    org = _org_name(subject, places, base + subject.start())
    if org is None or org.split()[-1] in ("tỉnh", "thành", "phố", "quận", "huyện", "xã"):
        return None  # a level with no place that can be known
    return Fact(base + first, base + last, sentence[first:last], org,
                counts.get("party_members", (None,))[0],
                counts.get("grassroots_orgs", (None,))[0])


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
