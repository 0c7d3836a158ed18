"""The main event of an article: its type, its date and who led it.

- **date** (:func:`main_date`): the date of the main event's sentence: the first date of the
  lead (the first two paragraphs, at most 1,200 characters) written with a time of day
  (``Chiều 24/3, Đoàn kiểm tra …``, ``diễn ra sáng 31-3``, the first day of ``Trong 2 ngày 7 và
  8-5``) or opening a sentence with ``Ngày`` (``Ngày 6/2, Ban Tổ chức …``; the day a document
  was issued, ``Ngày 5/5, Ban Bí thư ban hành Quyết định …``, only when no such date follows
  in the lead: it is background to the ceremony announcing it), else ``Sáng
  nay``/``hôm qua`` counted from the publication date, else the first date of the lead that is
  no event's (a cited document's or paper's, a birth, death or career date, the date a count
  holds at or a decision takes effect, a deadline, one end of an anniversary span, a year two
  or more before the publication's), else the publication date. Dates further down are background.
  With no dated sentence, an obituary takes the date of the death (:func:`death_date`), an
  appointment or a discipline the date of the decision that makes it
  (:func:`decision_date`). A date whose year cannot be known (:mod:`partyx.rules.dates`) still
  places the event (its sentence) but gives no date, unless the same day is told again with
  its year (:func:`restated_date`) or a dated step of the same story or the period it reports
  on lies within weeks of it (:func:`nearby_date`).
- **type** (:func:`event_type`): the action written first in the headline (in a headline
  ``label: clause``, the clause before the label), else in the sentence of the event date, else
  in the first paragraph, by the trigger words of ``partyx/data/events.json``: the first trigger
  is the verb of the main clause, later ones its object (``Kiểm tra công tác … luân chuyển cán
  bộ`` is an inspection). Conferences, congresses and delegations are containers that count in
  a zone only when it writes no action (a ``Hội nghị kiểm điểm`` is a review; a working session
  ``về công tác Đại hội`` is no congress), but a zone read earlier wins: a headline ``Đại hội
  Đảng bộ quận 5 lần thứ VIII`` makes a congress whatever its lead reviews. A congress leads:
  written before a zone's first action, or in a headline's label (``Đại hội Đảng bộ tỉnh:
  Đánh giá …``), it is the event (its review and elections are its agenda). A new post is an
  appointment: a title of ``data/titles.json`` after ``tân`` (in a headline also after
  ``làm``: ``Ông X làm Chủ tịch tỉnh Y``). ``other`` when nothing is.
- **lead** (:func:`event_lead`): the person who led it, as a name the people stage found:
  ``do <title> <Name> làm Trưởng đoàn``, ``<Name> chủ trì``, ``<Name> … dự và chỉ đạo``,
  ``<Name> phát biểu chỉ đạo``, ``Phát biểu khai mạc, <title> <Name>``, else the first person
  named in the sentence of the event (not an attendee: ``Tham dự hội nghị có …``), else the
  first one of the first two paragraphs who speaks (``<Name> nhấn mạnh:``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from partyx.data import load
from partyx.lang.patterns import find_all, finditer_at, width
from partyx.lang.sentences import sentence_at
from partyx.record import FoundDate, Mention
from partyx.rules.dates import ahead_of_text, in_span, is_cited, is_life_event, reporting_ends

_TIME_CUES = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "hôm"})
# A sentence opens before it: a mark and a blank, or a line break (``TP.HCM ngày`` opens none).
_OPENER = re.compile(r"(?:^|[.!?]\s|\n)[^.!?\n,;]{0,24}$")
_RELATIVE_DAYS = ("nay", "qua")  # today, yesterday: also the pre-filter of _RELATIVE
_RELATIVE = re.compile(
    r"(?:^|[.!?\n])[^.!?\n,;]{0,24}?\b(?:(Sáng|Chiều|Tối|Trưa|Đêm|Hôm)\s"
    rf"({'|'.join(_RELATIVE_DAYS)}))\b(?!\s?\(?\d)",
    re.IGNORECASE,
)
# A relative day after a word placing the event in it (``… vào chiều qua``, ``diễn ra sáng
# nay``): read in the body's first sentence.
_RELATIVE_AFTER = re.compile(
    r"\b(?:vào|diễn ra|trong|từ)\s((?:sáng|chiều|tối|trưa|đêm|hôm))\s"
    rf"({'|'.join(_RELATIVE_DAYS)})\b(?!\s?\(?\d)",
    re.IGNORECASE,
)
# What _RELATIVE needs, lower-cased (one literal scan): its search runs only where it is found
# (unless the text has a letter that IGNORECASE equates with another, see _odd).
_RELATIVE_PIN = re.compile(rf"(?:sáng|chiều|tối|trưa|đêm|hôm)\s(?:{'|'.join(_RELATIVE_DAYS)})")
# A verb of speaking right after a name: the lead's speaker (``Lê Hoàng Quân nhấn mạnh:``).
_SPEAKS = re.compile(
    r"\s?(?:đã\s)?(?:nhấn mạnh|phát biểu|khẳng định|yêu cầu|đề nghị|chỉ đạo|cho biết|nêu rõ)"
)
_ATTENDEE = re.compile(r"(?i)(?:tham dự|\bdự\b|có sự tham gia|có mặt)[^.;]{0,40}$")
# How far from its end a match of _ATTENDEE can open: its widest match, and a final "\n" that $
# may stand before (None when width() cannot tell: then the whole text is searched).
_ATTENDEE_WIDTH = width(_ATTENDEE.pattern)
_ATTENDEE_REACH = None if _ATTENDEE_WIDTH is None else _ATTENDEE_WIDTH[1] + 1


def _attendee(before: str) -> bool:
    """``before`` (the text up to a name) ends with an attendance cue (``Tham dự hội nghị có``):
    searched in its last characters only, where a match can open (a long sentence costs no
    more)."""
    reach = len(before) if _ATTENDEE_REACH is None else _ATTENDEE_REACH
    return bool(_ATTENDEE.search(before, max(0, len(before) - reach)))


@dataclass(frozen=True, slots=True)
class _Trigger:
    """A trigger of an event type and the texts (lower-cased) every match of it contains:
    ``anchor``, the longest, which a match holds ``reach`` (fewest, most) characters after
    where it opens (``None`` when that is unbounded or unknown), and ``others``. A match
    opens only that far before a place of the anchor, so the pattern is tried only there,
    not at every character of the zone."""

    rx: re.Pattern[str]
    anchor: str
    others: tuple[str, ...]
    reach: tuple[int, int] | None
    literal: bool  # the whole trigger is its anchor, ignoring case ("(?i)hội nghị")


def _trigger(pattern: str) -> _Trigger:
    body = pattern.removeprefix("(?i)")
    runs, _, bars = _top_level(body)
    if bars:  # an alternation at the top: no text is in every match
        return _Trigger(re.compile(pattern), "", (), None, False)
    anchor = needle(pattern)
    if not anchor:
        return _Trigger(re.compile(pattern), "", (), None, False)
    opens = max(runs, key=lambda run: len(run[1]))[0]  # the first longest, as needle()'s
    others = tuple(run.lower() for at, run in runs if at != opens)
    return _Trigger(re.compile(pattern), anchor, others, width(body[:opens]),
                    pattern == "(?i)" + anchor)


@dataclass(frozen=True, kw_only=True)
class _Vocab:
    # (type, container?, triggers) in the order of the data file
    types: list[tuple[str, bool, list[_Trigger]]]
    leads: frozenset[int]  # the ranks of the containers that lead (a congress)
    head_triggers: dict[int, list[_Trigger]]  # by rank: the triggers read in a headline only
    appointment: int  # the rank of the type a new post makes
    post_cues: tuple[str, ...]  # words before a title that make it a new post (``tân``)
    head_post_cues: tuple[str, ...]  # the same, in a headline only (``làm``)
    lower_post_cues: tuple[str, ...]  # cues whose title may be lower-cased (``tân tổng bí thư``)
    head_new_cues: tuple[str, ...]  # in a headline: ``có`` <title> … ``mới``
    head_new_after: tuple[str, ...]  # the words closing that post (``mới``)
    dismissals: tuple[str, ...]  # an appointment's words that end a post (``miễn nhiệm``)
    posts: frozenset[str]  # the titles, lower-cased (data/titles.json)
    post_words: int  # the most words of a title
    after_do: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    speaker: re.Pattern[str]
    topic: re.Pattern[str]
    direction: re.Pattern[str]  # a headline opening with a direction (``Rà soát, thanh tra …``)
    setting: re.Pattern[str]  # a second paragraph opening with its meeting (``Tại Hội nghị …``)
    object_before: re.Pattern[str]  # before a name: the action is about them (bổ nhiệm …)
    object_after: re.Pattern[str]  # after a name: the action is about them (… được điều động)
    not_event: re.Pattern[str]  # before a date: it is no event's (``tính đến``, ``số ra``)
    obituary: tuple[str, ...]  # words of a headline or lead that announces a death
    death: re.Pattern[str]  # before a date: the date of a death (``từ trần hồi … ngày``)
    career: re.Pattern[str]  # after a date: a step of a person's career (``ông … giữ chức``)
    announces: re.Pattern[str]  # before a cited document: the event hands it over (``trao``)
    issues: re.Pattern[str]  # after a date: a document was issued on it (``ban hành``)
    planned: re.Pattern[str]  # after a date: the event is still to come (``sẽ được tổ chức``)
    # the needles of after, before and speaker (see needles()), the shortest (_shortest())
    after_pins: tuple[str, ...] = ()
    before_pins: tuple[str, ...] = ()
    speaker_pins: tuple[str, ...] = ()
    planned_pins: tuple[str, ...] = ()  # the needles of planned


@cache
def _vocab() -> _Vocab:
    data = load("events")
    types = [(t["type"], bool(t.get("container")), [_trigger(x) for x in t["triggers"]])
             for t in data["types"]]
    leads = frozenset(i for i, t in enumerate(data["types"]) if t.get("leads"))
    head_triggers = {i: [_trigger(x) for x in t["headline_triggers"]]
                     for i, t in enumerate(data["types"]) if t.get("headline_triggers")}
    appointment = next(i for i, t in enumerate(types) if t[0] == "appointment")
    new_post, titles = data["new_post"], load("titles")
    roles = {*titles["event_roles"], *new_post["not_posts"]}
    posts = frozenset(t.lower() for t in titles["titles"] if t not in roles)
    cues, dated = data["lead_cues"], data["main_date"]
    after, before, speaker = (_shortest(needles(cues[k])) for k in ("after", "before", "speaker"))
    return _Vocab(
        types=types, leads=leads, head_triggers=head_triggers, appointment=appointment,
        post_cues=tuple(w.lower() for w in new_post["before_title"]),
        head_post_cues=tuple(w.lower() for w in new_post["headline_before_title"]),
        lower_post_cues=tuple(w.lower() for w in new_post["lower_case_before_title"]),
        head_new_cues=tuple(w.lower() for w in new_post["headline_new"]["before"]),
        head_new_after=tuple(w.lower() for w in new_post["headline_new"]["after"]),
        dismissals=tuple(w.lower() for w in new_post["dismissals"]), posts=posts,
        post_words=max(len(t.split()) for t in posts),
        after_do=re.compile(cues["after_do"]), after=re.compile(cues["after"]),
        before=re.compile(cues["before"]), speaker=re.compile(cues["speaker"]),
        topic=re.compile(data["topic_words"]),
        direction=re.compile(data["direction_headline"]["opens"]),
        setting=re.compile(data["setting_paragraph"]["opens"]),
        object_before=re.compile(cues["object_before"]),
        object_after=re.compile(cues["object_after"]),
        not_event=re.compile(dated["not_event_before"], re.IGNORECASE),
        obituary=tuple(dated["obituary"]),
        death=re.compile(dated["death_before"], re.IGNORECASE),
        career=re.compile(dated["career_after"], re.IGNORECASE),
        announces=re.compile(dated["announces_before"], re.IGNORECASE),
        issues=re.compile(dated["issues_after"], re.IGNORECASE),
        planned=re.compile(dated["planned_after"], re.IGNORECASE),
        after_pins=after, before_pins=before, speaker_pins=speaker,
        planned_pins=_shortest(needles(dated["planned_after"])))


_QUANTIFIERS = "?*+{"
_SPECIAL = ".^$*+?{}[]\\|()"  # the characters of a pattern that stand for no literal


def needle(pattern: str) -> str:
    """The longest run of letters and spaces written outside any group, class or escape of
    ``pattern``, lower-cased: text that every match contains (``"(?i)mít ?tinh"`` ->
    ``"tinh"``); ``""`` when there is none or the pattern is an alternation at its top."""
    runs, _, bars = _top_level(pattern.removeprefix("(?i)"))
    return "" if bars else max((run for _, run in runs), key=len, default="").lower()


def needles(pattern: str) -> tuple[str, ...]:
    """Lower-cased texts one of which every match of ``pattern`` contains: its :func:`needle`,
    else one needle per branch of its alternation or of the first group every match goes
    through (``"(?:chủ trì|phát biểu chỉ đạo)[^.]$"`` -> ``("chủ trì", "phát biểu chỉ
    đạo")``); ``()`` when none is known."""
    body = pattern.removeprefix("(?i)")
    runs, groups, bars = _top_level(body)
    if bars:
        cuts = zip([-1, *bars], [*bars, len(body)], strict=True)
        branches = [needles(body[a + 1:b]) for a, b in cuts]
        return tuple(n for branch in branches for n in branch) if all(branches) else ()
    if runs:
        return (max((run for _, run in runs), key=len).lower(),)
    for group in groups:
        inner = _consumed(group)
        found = needles(inner) if inner is not None else ()
        if found:
            return found
    return ()


def _top_level(body: str) -> tuple[list[tuple[int, str]], list[str], list[int]]:
    """The top level of a pattern: its runs of literal characters (none made optional by a
    quantifier) with where each opens, the insides of its groups that no quantifier follows,
    and where its "|" are. A class of one letter's two cases (``[Tt]``) is that letter in a
    run (the runs are looked for in lower-cased text); other classes and escapes are
    skipped."""
    runs, groups, bars = [], [], []
    run, depth, opened, i, run_start = "", 0, 0, 0, 0
    while i < len(body):
        ch = body[i]
        required = i + 1 == len(body) or body[i + 1] not in _QUANTIFIERS
        letter = _case_pair(body, i) if depth == 0 else None
        if letter or (depth == 0 and ch not in _SPECIAL and required):
            run_start = i if not run else run_start
            run += letter or ch
            i += 4 if letter else 1
            continue
        if run:
            runs.append((run_start, run))
        run = ""
        if ch == "|" and depth == 0:
            bars.append(i)
        elif ch == "(":
            opened = i if depth == 0 else opened
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and required:
                groups.append(body[opened + 1:i])
        elif ch == "[":  # skip a class (its first "]" is a member: "[]a]")
            i += 2 if body[i + 1] == "^" else 1
            i += body[i] == "]"
            while body[i] != "]":
                i += 2 if body[i] == "\\" else 1
        elif ch == "{":  # skip a quantifier's bounds
            i = body.index("}", i)
        elif ch == "\\":
            i += 1
        i += 1
    if run:
        runs.append((run_start, run))
    return runs, groups, bars


def _case_pair(body: str, i: int) -> str | None:
    """The letter, lower-cased, of a class of its two cases at ``body[i]`` (``[Tt]``, ``[đĐ]``)
    that no quantifier follows; ``None`` if there is none."""
    if body[i] != "[" or len(body) < i + 4 or body[i + 3] != "]":
        return None
    a, b = body[i + 1], body[i + 2]
    if not (a.isalpha() and a != b and len(a.lower()) == 1 and a.lower() == b.lower()):
        return None
    return a.lower() if i + 4 == len(body) or body[i + 4] not in _QUANTIFIERS else None


def _consumed(group: str) -> str | None:
    """The pattern inside a group's parentheses (``?:``, ``?P<name>``, flags taken off);
    ``None`` for a lookaround or any other group that consumes no text of its own."""
    if not group.startswith("?"):
        return group
    if group.startswith("?P<"):
        return group[group.index(">") + 1:]
    flags = re.match(r"\?[aiLmsux-]*:", group)
    return group[flags.end():] if flags else None


# Letters that IGNORECASE matching equates with others although ``str.lower`` does not
# (İ, ı, ſ): text holding one is searched without the needle pre-filters.
_ODD_LETTERS = "\u0130\u0131\u017f"


def _odd(text: str) -> bool:
    return any(c in text for c in _ODD_LETTERS)


def _shortest(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The ``texts`` that hold no other one: a window that holds none of these holds none of
    ``texts`` (``"đã chủ trì"`` goes, ``"chủ trì"`` stays)."""
    return tuple(t for t in dict.fromkeys(texts) if not any(o != t and o in t for o in texts))


def _may_match(text: str, start: int, end: int, pins: tuple[str, ...], odd: bool) -> bool:
    """A pattern whose :func:`needles` hold one of ``pins`` may match within
    ``text[start:end]``."""
    if odd or not pins:
        return True
    return any(map(text[start:end].lower().__contains__, pins))  # no generator: called often


def _up_to_mark(text: str, start: int, end: int) -> int:
    """Where the first ``.`` or ``;`` of ``text[start:end]`` stands, else ``end``: a cue
    written ``[^.;]{0,n}`` after a name stands before it."""
    stops = [i for i in (text.find(".", start, end), text.find(";", start, end)) if i >= 0]
    return min(stops) if stops else end


def _after_mark(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` goes on after its last ``.`` or ``;``, else ``start``: a cue
    followed by ``[^.;]{0,n}$`` before a name stands after it."""
    return max(start, text.rfind(".", start, end) + 1, text.rfind(";", start, end) + 1)


class EventDate(NamedTuple):
    """The main event's date (``None`` when its year cannot be known) and where its sentence
    is (``None``: the publication date, no sentence)."""

    date: str | None
    start: int | None


def main_date(text: str, dates: list[FoundDate], published: str | None) -> EventDate | None:
    """The date of the main event: one of the body's ``dates``, a relative day (``Sáng nay``)
    counted from the publication date, or the publication date; ``None`` when nothing is
    known (see the module docstring). Dates that are no event's are passed over: a cited
    document's or a paper's (``Chỉ thị … ngày 12-5-1951``, ``số ra ngày 23-9-2005``), a
    birth or death date, a count's or a decision's term (``Tính đến 31/12/2016``, ``kể từ
    ngày 1-5-2020``), and a date written with a year two years or more before the article's
    (history)."""
    text = text or ""
    end = min(lead_end_of(text), _LEAD_REACH)
    pub = _pub(published)
    # without a publication date, a year written later than a date's is the article's time
    # at the earliest: a date two years or more before it is history
    now = pub or _latest_written(text)
    # ``Ngày 5/5, Ban Bí thư ban hành Quyết định …``, ``Từ ngày 26 - 30/9, Hội nghị … sẽ được
    # tổ chức``: background to what follows (a document issued, an event still planned)
    issued = None
    lead = text[:end]
    low = lead.lower()  # one of planned's needles is in every plan (see _odd)
    may_plan = _odd(lead) or any(w in low for w in _vocab().planned_pins)
    for d in dates:  # in text order: the first time of day or dated opening of the lead
        if d.start >= end:
            break
        cue = d.cue
        if (cue in _TIME_CUES or (cue == "ngày" and _opens_sentence(text, d.start)
                                  and not _no_event_date(text, d))) \
                and not _history(text, d, now, dates):
            if (cue == "ngày" and _vocab().issues.match(text, d.end, end)) \
                    or (may_plan and _vocab().planned.match(text, d.end, end)):
                issued = issued or EventDate(d.date, d.start)
                continue
            return EventDate(d.date, d.start)
    if issued:
        return issued
    head = text[:600]
    low = head.lower()
    m = _RELATIVE.search(head) if any(w in low for w in _RELATIVE_DAYS) and (
        _odd(head) or _RELATIVE_PIN.search(low)) else None
    if m is None and pub:  # "… tổ chức hội nghị vào chiều qua": in the body's first sentence
        first = text[:sentence_at(text, 0)[1]] if text else ""
        m = _RELATIVE_AFTER.search(first) if _RELATIVE_PIN.search(first.lower()) else None
    if m:  # "Hôm nay, …": the event sentence, dated when the publication date is known
        shift = 1 if m.group(2).casefold() == "qua" else 0
        day = (pub - dt.timedelta(days=shift)).isoformat() if pub else None
        return EventDate(day, m.start(1))
    for d in dates:  # a date in the lead that is no document's, life's, term's or history's
        if d.start >= end:
            break
        if d.date and not _no_event_date(text, d) and not _history(text, d, now, dates):
            return EventDate(d.date, d.start)
    if pub:
        return EventDate(pub.isoformat(), None)
    return None


_LEAD_REACH = 1200  # how far into the body the event's date is looked for


def _latest_written(text: str) -> dt.date | None:
    """The first day of the latest year the text writes that is no target, plan or term's
    span (``tầm nhìn 2045``, ``phấn đấu năm 2030``, ``nhiệm kỳ 2026-2031``: ahead of a 2024
    article's own date, which they would make history; dates' ``ahead_of_text``)."""
    latest = max((int(m.group()) for m in finditer_at(_written_year(), text,
                                                      find_all(text, ("19", "20")))
                  if not ahead_of_text(text, m.start(), m.end())), default=0)
    return dt.date(latest, 1, 1) if latest else None


def _history(text: str, d: FoundDate, now: dt.date | None,
             dates: Sequence[FoundDate] = ()) -> bool:
    """``d`` has a year of its own, two years or more before the article's date ``now``; the
    first day of a range has the year its end writes (``từ ngày 10 đến 19/5/1941``: one of
    ``dates``, the range's end, follows it)."""
    if now is None or d.date is None or int(d.date[:4]) >= now.year - 1:
        return False
    return _year_written(text, d) or any(
        e.range_end and 0 <= e.start - d.end <= _RANGE_GAP and _year_written(text, e)
        for e in dates)


_RANGE_GAP = 12  # between a range's first day and its end: `` đến ngày ``, `` - ``


def _year_written(text: str, d: FoundDate) -> bool:
    """The text of ``d`` writes its year (``19-2-2021``, not ``19-2``)."""
    return _FOUR_DIGITS.search(text, d.start, d.end) is not None


_FOUR_DIGITS = re.compile(r"\d{4}")


def _no_event_date(text: str, d: FoundDate) -> bool:
    """What is written before ``d`` makes it no event's date: a cited document's or paper's,
    a birth or death date, the date a count holds at or a decision takes effect."""
    before = text[max(0, d.start - 30):d.start]
    return bool(is_cited(before) or is_life_event(before) or in_span(text, d.start, d.end)
                or _vocab().not_event.search(before))


def headline_date(title: str | None, dates: list[FoundDate],
                  published: str | None) -> EventDate | None:
    """For an event that the body dates by nothing but the publication: the date the headline
    gives it (``Sáng 5/3, Tỉnh ủy …``, ``Ngày 5/3/2024: …``), ``dates`` being the headline's
    (:func:`partyx.rules.dates.headline_dates`): the first written with a time of day or
    ``ngày``, or with its year, that is no document's, life's, span's or history's. Its
    place is the headline's, no sentence of the body (``start`` is ``None``)."""
    if not title:
        return None
    pub = _pub(published)
    for d in dates:
        if (d.cue in _TIME_CUES or d.cue == "ngày" or _year_written(title, d)) and d.date \
                and not _no_event_date(title, d) and not _history(title, d, pub, dates):
            return EventDate(d.date, None)
    return None


def decision_date(text: str, dates: list[FoundDate], kind: str) -> EventDate | None:
    """For an appointment or a discipline whose lead gives no date: the date of the decision
    that makes it (``Tại Quyết định 1426/QĐ-TTg ngày 20/11/2023, Thủ tướng bổ nhiệm …``), the
    first dated citation of the first paragraphs whose sentence is an action of ``kind``."""
    if kind not in _DECIDED:
        return None
    end = min(len(text), 2 * _LEAD_REACH)
    for d in dates:
        if d.start >= end:
            break
        if not d.date or not _year_written(text, d) \
                or not is_cited(text[max(0, d.start - 30):d.start]):
            continue
        start, stop = sentence_at(text, d.start)
        if any(hit[2] == kind and not hit[3] for hit in _first_actions(text[start:stop])):
            return EventDate(d.date, d.start)
    return None


_DECIDED = ("appointment", "discipline")  # events a dated decision makes


class _MeetingWords(NamedTuple):
    acts: re.Pattern[str]  # a meeting carrying a decision out (``công bố``, ``Theo đó,``)
    meeting: re.Pattern[str]  # a meeting, the subject of the act (``Hội nghị đã bầu …``)
    proposed: re.Pattern[str]  # before the act: only proposed (``đề nghị … điều động``)
    not_acts: tuple[str, ...]  # new-post cues that tell who a person is (``tân Bí thư``)


@cache
def _meeting_words() -> _MeetingWords:
    data = load("events")["new_post"]["carried_out"]
    return _MeetingWords(re.compile(data["acts"]), re.compile(data["meeting"]),
                         re.compile(data["proposed"]), tuple(w.lower() for w in data["not_acts"]))


# a person's name and the comma opening their apposition (``Đồng chí Nguyễn Văn An, …``)
_APPOSITION = re.compile(r"[A-ZĐ]\w*(?: [A-ZĐ]\w*){1,3}, [^,.;]*$")


def _carried_out(czone: str, cat: int, zone: str, at: int) -> bool:
    """The meeting named at ``cat`` in ``czone`` carries out the decision found at ``at`` in
    ``zone``: ``công bố``, ``trao quyết định``, ``bầu`` in the meeting's clause or before the
    act in its sentence, the meeting its subject, or a ``Theo đó,`` telling it; not an act
    only proposed (``đề nghị cấp trên điều động``), nor a person's apposition (``Đồng chí A,
    người vừa được bầu …, chủ trì``) or a new post's cue (``tân Bí thư``) naming who leads."""
    w = _meeting_words()
    low = zone.lower()
    if any(low.startswith(cue + " ", at) for cue in w.not_acts):
        return False
    start = max(zone.rfind(c, 0, at) for c in ".;\n") + 1
    stop = min((i for i in (zone.find(c, at) for c in ".;\n") if i >= 0), default=len(zone))
    before = zone[start:at]
    if w.proposed.search(before) or (_APPOSITION.search(before) and "," in zone[at:stop]):
        return False
    cstop = min((i for i in (czone.find(c, cat) for c in ".;\n") if i >= 0),
                default=len(czone))
    return bool(w.acts.search(czone, cat, cstop) or w.acts.search(before)
                or "theo đó," in low or w.meeting.search(before))


def restated_date(text: str, dates: list[FoundDate], at: int | None,
                  kind: str) -> EventDate | None:
    """For an event whose date (at ``at``; else the first date of the lead that is no
    document's, life's or span's) is written without a year that nothing ties to it
    (``Quyết định 626/QĐ-TTg của Thủ tướng ký ngày 2-6``): the same day told again with its
    year in a sentence of the same action (``Ngày 2-6-2023, Thủ tướng … đã ký Quyết định …
    bổ nhiệm …``), not a cited document's, a life's or a span's. ``None`` when no such
    sentence is, or two give different years; never for an event of no type (``other``: a
    commemoration's day is also the historical day's)."""
    found_day = _own_day(text, dates, at, kind)
    if found_day is None:
        return None
    own, day, month = found_day
    found = None
    for d in dates:
        if not d.date or d is own or (int(d.date[5:7]), int(d.date[8:10])) != (month, day) \
                or not _year_written(text, d) or _no_event_date(text, d):
            continue
        start, stop = sentence_at(text, d.start)
        if not any(hit[2] == kind for hit in _first_actions(text[start:stop])):
            continue
        if found is not None and found.date != d.date:
            return None
        found = found or EventDate(d.date, d.start)
    return found


def _own_day(text: str, dates: list[FoundDate], at: int | None, kind: str
             ) -> tuple[FoundDate, int, int] | None:
    """The event's date written without a year (at ``at``; else the first one of the lead
    that is no document's, life's or span's), with its day and month; ``None`` for an event
    of no type (``other``: a commemoration falls on its historical day)."""
    if kind == "other":
        return None
    if at is None:
        end = min(lead_end_of(text), _LEAD_REACH)
        own = next((d for d in dates if d.start < end and d.date is None
                    and not _no_event_date(text, d)), None)
    else:
        own = next((d for d in dates if d.start == at), None)
    day_month = _DAY_MONTH_WRITTEN.search(text, own.start, own.end) if own else None
    if own is None or day_month is None:
        return None
    return own, int(day_month.group(1) or day_month.group(3)), \
        int(day_month.group(2) or day_month.group(4))


def nearby_date(text: str, dates: list[FoundDate], at: int | None,
                kind: str) -> EventDate | None:
    """For an event whose date (see :func:`_own_day`) is written without a year that nothing
    ties to it: the year that puts it within :data:`_NEARBY` days before or
    :data:`_NEARBY_AFTER` days after a date of the same story written with its year (``Ngày
    9-4, … hội nghị`` and ``phiên họp … ngày 13/3/2024``) or of the end of a period it
    reports on (``9 tháng đầu năm 2017``), when they all give one year. Not a cited
    document's date, a life's, a span's, a step of a person's career (``Ngày 1/12/2016, ông
    được bổ nhiệm …``) or one that is no event's, nor the same day (:func:`restated_date`
    judges it), nor a year older than the latest the text writes (history: ``2/9/1945`` in a
    text of 2017); never for an event of no type (a commemoration falls on its historical
    day). For an appointment or a discipline, the decision its ceremony hands over or
    announces, cited with its date in the event's sentence (``Sáng 25/11, … trao Quyết định
    số 1426/QĐ-TTg ngày 20/11/2023``) or in a sentence of the lead that makes it (``Theo
    Quyết định số 15-QĐ/TU ngày 10/3/2021, … thi hành kỷ luật ông A``), gives the year that
    puts the event on or after it, within :data:`_NEARBY_AFTER` days."""
    found_day = _own_day(text, dates, at, kind)
    if found_day is None:
        return None
    own, day, month = found_day
    near: dict[int, int] = {}  # year of the event -> the latest year of an anchor giving it

    def add(anchor: dt.date, after: bool = False) -> None:
        """Note the years ``anchor`` gives the event (``after``: only on or after it)."""
        if (anchor.month, anchor.day) == (month, day) and not after:
            return  # the same day told again is restated_date's to judge
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                day_of = dt.date(year, month, day)
            except ValueError:
                continue
            gap = (day_of - anchor).days  # (the story goes on longer after a step)
            if (gap >= 0 if after else gap >= -_NEARBY) and gap <= _NEARBY_AFTER:
                near[year] = max(near.get(year, 0), anchor.year)

    career = _vocab().career
    for d in dates:  # the costlier checks only for a date near enough
        if d.date and d is not own and _close(d.date, month, day) \
                and _year_written(text, d) and not career.match(text, d.end) \
                and (not _no_event_date(text, d) or d.range_end):  # (a span's end: no deadline)
            add(dt.date.fromisoformat(d.date))
    # the document the event hands over, announces or carries out, cited with its date in
    # the event's sentence (``Sáng 22/9, … thông báo Kết luận số 292, ngày 21/9/2017``); for
    # an appointment or a discipline, any cited in its sentence or in a sentence of the lead
    # that makes it (``Theo Quyết định số 15-QĐ/TU ngày 10/3/2021, … thi hành kỷ luật ông
    # A``): signed before
    start, stop = sentence_at(text, own.start)
    reach = min(len(text), 2 * _LEAD_REACH)
    decided = kind in _DECIDED
    for d in dates:
        if d.start >= reach:
            break
        if d.date and d is not own and _close(d.date, month, day) \
                and _year_written(text, d) and is_cited(text[max(0, d.start - 30):d.start]) \
                and ((start <= d.start < stop and (decided or _announced(text, start, d.start)))
                     or (decided and _acts(text, d.start, kind))):
            add(dt.date.fromisoformat(d.date), after=True)
    for end in reporting_ends(text):
        add(end)
    if not near:
        return None
    latest = max((int(y) for y in _years(text)), default=0)  # history after it
    # (not the end of a term or a plan: ``nhiệm kỳ 2015 - 2020``, ``đến năm 2030``)
    years = {y for y, anchor_year in near.items() if anchor_year >= latest - 1}  # no history
    if len(years) != 1:
        return None
    year = years.pop()
    return EventDate(dt.date(year, month, day).isoformat(), own.start)


_NEARBY = 45  # days between the event and a dated step of its story that gives it a year
_NEARBY_AFTER = 90  # the same, for an event after the step


def _announced(text: str, start: int, at: int) -> bool:
    """The document cited with the date at ``at`` is what the event of the sentence opening at
    ``start`` hands over, announces or carries out (``thông báo Kết luận số 292, ngày``)."""
    return _vocab().announces.search(text, max(start, at - _ANNOUNCES_REACH), at) is not None


_ANNOUNCES_REACH = 90  # the verb, the document's name and number, before its date


def _acts(text: str, at: int, kind: str) -> bool:
    """The sentence at ``at`` is an action of ``kind`` (not a container's)."""
    start, stop = sentence_at(text, at)
    return any(hit[2] == kind and not hit[3] for hit in _first_actions(text[start:stop]))


def _close(iso: str, month: int, day: int) -> bool:
    """The day/month of ``iso`` is within about :data:`_NEARBY` days of ``month``/``day`` in
    some year (a cheap test before the exact one)."""
    gap = abs((int(iso[5:7]) - month) * 31 + int(iso[8:10]) - day) % 372
    return min(gap, 372 - gap) <= _NEARBY_AFTER + 6


@cache
def _written_year() -> re.Pattern[str]:
    """A year written (history's too), not one closing a span (``2015 - 2020``, ``giai đoạn
    2017 – 2018``) or a target (the words of ``span_end_before``: ``đến năm 2030``): those lie
    ahead of the article as often."""
    words = "".join(f"(?<!{re.escape(w)} )" for w in load("events")["main_date"]["span_end_before"])
    return re.compile(r"(?<!\d)(?<!\d{4}[-–])(?<!\d{4}\s[-–]\s)(?<!\d{4}[-–]\s)(?<!\d{4}\s[-–])"
                      + words + r"(?:19|20)\d\d(?!\d)")


def _years(text: str) -> list[str]:
    """``_written_year().findall(text)``, tried only where a year's first two digits are written
    (``str.find``): the pattern opens with look-behinds, which a scan of the text tries at
    every character."""
    return [m.group() for m in finditer_at(_written_year(), text, find_all(text, ("19", "20")))]


# The day and month of a date written without a year: ``2-6``, ``24/3``, ``ngày 2 tháng 6``.
_DAY_MONTH_WRITTEN = re.compile(
    r"(\d{1,2})\s?[/.-]\s?(\d{1,2})|(\d{1,2})\s{1,3}[Tt]háng\s{1,3}(\d{1,2})")


def death_date(title: str | None, text: str, dates: list[FoundDate]) -> EventDate | None:
    """For an obituary (its headline or lead announces a death: ``TIN BUỒN``, ``báo tin``):
    the date of the death (``đã từ trần hồi 3 giờ 25 phút ngày 19-2-2021``)."""
    v = _vocab()
    low = f"{title or ''}\n{text[:min(lead_end_of(text), _LEAD_REACH)]}".lower()
    if not any(w in low for w in v.obituary):
        return None
    for d in dates:
        if d.date and _year_written(text, d) \
                and v.death.search(text, max(0, d.start - 60), d.start):
            return EventDate(d.date, d.start)
    return None


@lru_cache(maxsize=4)  # asked for by each step of the stage: one article's text is scanned once
def lead_end_of(text: str) -> int:
    """End of the lead: the first two paragraphs of the body."""
    first = text.find("\n\n")
    second = text.find("\n\n", first + 2) if first >= 0 else -1
    return second if second >= 0 else len(text)


def _opens_sentence(text: str, start: int) -> bool:
    """The date (with its cue word) opens a sentence, after at most a dateline ``(LĐTĐ)``."""
    return bool(_OPENER.search(text[max(0, start - 40):start]))


def _pub(published: str | None) -> dt.date | None:
    if not isinstance(published, str):
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def event_type(headline: str | None, lead: str | None, sentence: str | None,
               setting: str | None = None) -> str:
    """The event type announced by the headline, else the event sentence, else the first
    paragraph, else ``setting``, the first sentence of the second paragraph, when it opens by
    naming its meeting (``Tại Hội nghị …, các bộ trưởng nhất trí …``; see
    ``partyx/data/events.json`` for the rule); ``other`` when none does."""
    # The headline (its clause after a label, then the label), the event sentence, the lead:
    # in each, actions then containers; a leading container (a congress) written before the
    # zone's first action, or in the headline's label, is the event.
    v = _vocab()
    label, colon, main = (headline or "").rpartition(": ")
    heads = (main, label) if colon else (headline,)
    if colon and label:
        first = min(_first_actions(label, True), default=None)
        if first is not None and first[3] and first[1] in v.leads:
            return first[2]
    # a headline (or its clause) that opens with a direction (``Rà soát, thanh tra …``, ``Cần
    # …``) tells the task asked, not the event: the lead decides
    told = [z for z in heads if z and not v.direction.match(z)]
    bodies = (sentence, lead, setting if setting and v.setting.match(setting) else None)
    zones = [(z, True) for z in told] + [(z, False) for z in bodies if z]
    passes = [(z, head, c) for z, head in zones for c in (False, True)]
    found: dict[tuple[str, bool], list[tuple[int, int, str, bool]]] = {}  # each zone read once
    for zone, head, containers in passes:
        if (zone, head) not in found:
            found[zone, head] = _first_actions(zone, head)
        hits = [hit[:3] for hit in found[zone, head] if hit[3] == containers]
        if not containers and hits:
            leading = [hit[:3] for hit in found[zone, head] if hit[3] and hit[1] in v.leads]
            if leading and min(leading) < min(hits):
                return min(leading)[2]
        if hits and containers and min(hits)[1] not in v.leads:
            # a headline or an event sentence that names only a meeting or a delegation: a
            # post it gives or a sanction it decides, written in the event's sentence or the
            # lead, is the event (``Hội nghị Ban Chấp hành … lần thứ 15`` that elects a Vice
            # Secretary; ``Sáng 8/5, Tỉnh ủy tổ chức hội nghị công bố quyết định … Theo đó,
            # ông A được điều động …``)
            for z, h in zones[zones.index((zone, head)) + 1:]:
                decided = [hit[:3] for hit in found.setdefault((z, h), _first_actions(z, h))
                           if not h and not hit[3] and hit[2] in _DECIDED
                           and _carried_out(zone, min(hits)[0], z, hit[0])]
                if decided:
                    return min(decided)[2]
        if hits and head and min(hits)[2] == "appointment" \
                and any(w in zone.lower() for w in v.dismissals):
            # a headline's dismissal (``Miễn nhiệm chức vụ … đối với ông E``) that the event's
            # sentence or the lead ties to a violation (``… do vi phạm``) is a discipline
            for z, h in zones:
                if not h and any(hit[2] == "discipline" and not hit[3] for hit in
                                 found.setdefault((z, h), _first_actions(z, h))):
                    return "discipline"
        if hits:
            return min(hits)[2]
    return "other"


def _new_post(zone: str, low: str, headline: bool) -> int | None:
    """Where the first new post of ``zone`` (``low``, lower-cased) opens: a title of
    data/titles.json after a cue word (``tân Bí thư``; in a headline also ``làm Chủ tịch``),
    the cue a word of its own; after a cue written in lower case that old papers write before
    a lower-case title (``tân tổng bí thư``), the title in lower case too; in a headline, a
    title after ``có`` closed by ``mới`` (``Tỉnh ủy có Phó Bí thư mới``)."""
    v = _vocab()
    best = None
    for cue in (*v.post_cues, *v.head_post_cues) if headline else v.post_cues:
        lower = cue in v.lower_post_cues
        at = low.find(cue + " ")
        while at >= 0 and (best is None or at < best):
            if (at == 0 or not low[at - 1].isalnum()) and _title_at(
                    zone, at + len(cue) + 1, lower and zone.startswith(cue, at)):
                best = at
                break
            at = low.find(cue + " ", at + 1)
    if headline:
        for cue in v.head_new_cues:
            at = low.find(cue + " ")
            while at >= 0 and (best is None or at < best):
                start = at + len(cue) + 1
                if (at == 0 or not low[at - 1].isalnum()) and _title_at(zone, start) \
                        and _closed_by(low, start, v.head_new_after):
                    best = at
                    break
                at = low.find(cue + " ", at + 1)
    return best


_NEW_REACH = 80  # how far after a title's start the word closing a new post may stand


def _closed_by(low: str, start: int, words: tuple[str, ...]) -> bool:
    """One of ``words`` closes the clause opened at ``start`` (within :data:`_NEW_REACH`
    characters, no mark between): ``Phó Bí thư Tỉnh ủy mới`` ends there or at a mark."""
    stop = min((i for i in (low.find(c, start) for c in ",.;:!?") if i >= 0), default=len(low))
    clause = low[start:min(stop, start + _NEW_REACH)].split()
    return bool(clause) and clause[-1] in words and stop - start <= _NEW_REACH


def _title_at(zone: str, start: int, lower: bool = False) -> bool:
    """A title of data/titles.json (not an event's role) opens ``zone`` at ``start``, written
    with a capital (``Bí thư``, ``Chủ tịch``: not ``làm chủ tịch`` of a meeting), or in lower
    case where ``lower`` (after a lower-case ``tân``: old papers' ``tân tổng bí thư``)."""
    v = _vocab()
    if not (lower or zone[start:start + 1].isupper()):
        return False
    words = zone[start:start + 60].split(maxsplit=v.post_words)[:v.post_words]
    return any(" ".join(words[:n]).lower().rstrip(",.:;") in v.posts
               for n in range(len(words), 0, -1))


def _first_actions(zone: str, headline: bool = False) -> list[tuple[int, int, str, bool]]:
    """(position, rank, type, container?) of each type whose triggers occur in ``zone``: the
    first trigger that is not a topic (``công tác kiểm tra``), and for an appointment a new
    post (:func:`_new_post`; ``headline``: the zone is a headline's). A trigger whose texts
    (runs) the lower-cased zone lacks cannot match and is not run."""
    v = _vocab()
    low = None if _odd(zone) else zone.lower()
    out = []
    for rank, (name, container, triggers) in enumerate(v.types):
        best = _new_post(zone, low or zone.lower(), headline) if rank == v.appointment \
            else None
        if headline and rank in v.head_triggers:
            triggers = [*triggers, *v.head_triggers[rank]]
        for t in triggers:
            if low is None:
                at = _first_match(zone, t.rx, v.topic)
            elif t.anchor not in low or (t.others and not all(x in low for x in t.others)):
                continue
            elif t.literal:  # its matches are the anchor's places in low
                at = low.find(t.anchor)
                while at >= 0 and v.topic.search(zone, max(0, at - 12), at):
                    at = low.find(t.anchor, at + len(t.anchor))
                at = at if at >= 0 else None
            elif t.reach is not None:
                at = _first_near_anchor(zone, low, t, t.reach, v.topic)
            else:
                at = _first_match(zone, t.rx, v.topic)
            if at is not None and (best is None or at < best):
                best = at
        if best is not None:
            out.append((best, rank, name, container))
    return out


def _first_match(zone: str, rx: re.Pattern[str], topic: re.Pattern[str]) -> int | None:
    """Where the first match of ``rx`` in ``zone`` that no topic word precedes opens."""
    for m in rx.finditer(zone):
        if not topic.search(zone, max(0, m.start() - 12), m.start()):
            return m.start()
    return None


def _first_near_anchor(zone: str, low: str, t: _Trigger, reach: tuple[int, int],
                       topic: re.Pattern[str]) -> int | None:
    """:func:`_first_match` of ``t.rx``, trying it only where a match can open: ``reach``
    before a place of its anchor in ``low`` (the lower-cased zone, as long as it). The
    matches are the same as those of a scan of the whole zone, which resumes after each."""
    near, far = reach
    resume = 0  # where the scan would go on: after the last match, topic-preceded
    j = low.find(t.anchor)
    while j >= 0:
        at = max(resume, j - far)
        while at <= j - near:
            m = t.rx.match(zone, at)
            if m is None:
                at += 1
            elif not topic.search(zone, max(0, at - 12), at):
                return at
            else:
                resume = at = m.end()
        resume = max(resume, j - near + 1)
        j = low.find(t.anchor, j + 1)
    return None


def event_lead(text: str, mentions: list[Mention], names: set[str],
               event_span: tuple[int, int], lead_end: int, kind: str | None = None,
               reach_end: int | None = None) -> str | None:
    """Who led the event of type ``kind`` (see module docstring); a name of ``names`` or
    ``None``. The cues are looked for after the names of the lead (up to ``lead_end``) and
    the full names written up to ``reach_end`` (who chaired is introduced by name)."""
    v = _vocab()
    people = [m for m in mentions if m.name in names]
    reach = lead_end if reach_end is None else reach_end
    zone = [m for m in people if m.start < lead_end
            or (m.start < reach and text.startswith(m.name, m.start))]
    # the cues are looked for only where their needles are (_may_match), within the name's
    # sentence (no cue pattern crosses a . or ;)
    odd = _odd(text)
    for m in zone:  # do … <Name> làm Trưởng đoàn
        if v.after_do.match(text, m.end) and "do " in text[max(0, m.start - 120):m.start]:
            return m.name
    for m in zone:  # <Name> chủ trì / dự và chỉ đạo
        stop = _up_to_mark(text, m.end, m.end + _AFTER_REACH)
        cue = v.after.match(text, m.end, m.end + _AFTER_REACH) \
            if _may_match(text, m.end, stop, v.after_pins, odd) else None
        if cue and not _named_between(m, cue.end(), people):
            return m.name
    for m in zone:  # Phát biểu khai mạc, <title> <Name>
        back = max(0, m.start - 120)
        if _may_match(text, _after_mark(text, back, m.start), m.start, v.before_pins, odd) \
                and v.before.search(text, back, m.start) \
                and not _named_between_before(m, people, text):
            return m.name
    for m in people:
        if text.startswith(" phát biểu chỉ đạo", m.end):
            return m.name
    for m in people:  # Phát biểu tại hội nghị, <title> <Name>: the first speaker named
        back = max(0, m.start - 120)
        if _may_match(text, _after_mark(text, back, m.start), m.start, v.speaker_pins, odd) \
                and v.speaker.search(text, back, m.start) \
                and not _named_between_before(m, people, text):
            return m.name
    start, end = event_span
    last_object = -1  # where the last one the event's action is about ends in its sentence
    for m in people:
        if start <= m.start < end:
            if _attendee(text[start:m.start]):
                return None
            if kind in _DECIDED and (_object_of_action(text, m, start, end) or (
                    last_object >= 0 and _LISTED.match(text, last_object, m.start))):
                last_object = m.end  # ``bổ nhiệm ông X``, ``… ông X, …, và ông Y``: no lead
                continue
            return m.name
    if last_object >= 0:  # the sentence says who the action was about, not who led it
        return None
    body_lead_end = lead_end_of(text)
    for m in people:  # no one in the event sentence: the first official of the lead who speaks
        if m.start >= body_lead_end:
            break
        if _SPEAKS.match(text, m.end, m.end + 40) and \
                not _attendee(text[sentence_at(text, m.start)[0]:m.start]):
            return m.name
    return None


_AFTER_REACH = 180  # how far after a name its cue may end (the posts written between)
# The next of a list of names (their posts between): ``ông X, cựu Giám đốc, và ông Y``.
_LISTED = re.compile(r"[^.;:]{0,80}(?:,|\svà)\s{1,3}(?:(?:ông|bà|đồng chí)\s{1,3})?$")


def _object_of_action(text: str, m: Mention, start: int, end: int) -> bool:
    """The person named at ``m`` in the event's sentence ``text[start:end]`` is the one an
    appointment or a sanction is about (``bổ nhiệm Thiếu tướng X``, ``X, …, được điều
    động``), not who led the event."""
    v = _vocab()
    return bool(v.object_before.search(text, max(start, m.start - 60), m.start)
                or v.object_after.search(text, m.end, min(end, m.end + 150)))


def lead_zone_end(text: str, at: int | None) -> tuple[int, int]:
    """Where the lead's cues are looked for up to: the end of the paragraph of the event's
    sentence (``at``; the first two paragraphs when there is none), and for full names the
    end of the next paragraph, short ones (a photo caption, a heading) not counted: who
    chaired is often named there (``Quang cảnh hội nghị`` ¶ ``… Đỗ Thanh Bình chủ trì hội
    nghị.``)."""
    lead = lead_end_of(text) if at is None else text.find("\n\n", at)
    lead = lead if lead >= 0 else len(text)
    end = lead
    for _ in range(1 + _CAPTIONS):
        if end < 0:
            break
        start, end = end + 2, text.find("\n\n", end + 2)
        if (end if end >= 0 else len(text)) - start >= _CAPTION_LENGTH:
            break
    return lead, end if end >= 0 else len(text)


_CAPTIONS = 2  # short paragraphs passed over after the event's
_CAPTION_LENGTH = 120  # a paragraph shorter than this is a caption or a heading


def _named_between_before(m: Mention, people: list[Mention], text: str) -> bool:
    """Another person is named between the cue before ``m`` and ``m``."""
    start = max(0, m.start - 120)
    cues = [c.start() for rx in (_vocab().before, _vocab().speaker)
            for c in rx.finditer(text, start, m.start)]
    begin = max(cues) if cues else start
    return any(begin <= o.start < m.start for o in people if o.name != m.name)


def _named_between(m: Mention, cue_end: int, people: list[Mention]) -> bool:
    """Another person is named between ``m`` and the cue that follows it (the cue is theirs)."""
    return any(m.end <= o.start < cue_end for o in people if o.name != m.name)
