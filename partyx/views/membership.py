"""``partyx stats membership``: per organisation, its stated counts over time.

The records state facts like ``54 tổ chức cơ sở Đảng với 19.908 đảng viên`` of
``Đảng bộ quận Thanh Xuân`` as of a date. This view groups them by organisation (one key however
the name is written) and by date (``as_of``, else the article's event or publication date), and
gives the series of party-member and grassroots-organisation counts with the change from the
previous date that states the same count. When several articles state a count for the same
organisation and day, the value stated most often wins (ties: the larger, since the usual
disagreement is a rounded ``trên 16.300``). A count whose article gives no date at all is
kept, never dropped: it ends its organisation's series as one point "date unknown"
(``as_of`` null in JSON), with no change computed to or from it.

With ``map_year="2025"`` (``--map 2025``) each organisation also shows the province that holds
it on today's map (:func:`~partyx.views.records.org_now`: ``Đảng bộ tỉnh Bình Định`` -> ``Gia
Lai``), and the organisations are grouped by it; the organisation keeps its name as written and
counts are never added up across organisations (their dates differ).

In a terminal each row gets a bar (0 at the left edge, scaled to the organisation's largest
count) and each organisation a sparkline of its party members.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from partyx.views.records import clean, day, dicts, key, org_now, record_date
from partyx.views.render import Section, ViewResult, bar, signed, sparkline

MAX_ARTICLE_IDS = 20
UNKNOWN_DATE = "date unknown"


@dataclass(slots=True)
class _Point:
    party_members: Counter[int] = field(default_factory=Counter)
    grassroots_orgs: Counter[int] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Org:
    names: Counter[str] = field(default_factory=Counter)
    points: dict[str | None, _Point] = field(default_factory=dict)  # None: date unknown
    now: set[str | None] = field(default_factory=set)  # today's provinces, as its records say


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _winner(counts: Counter[int]) -> int | None:
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


class MembershipView:
    """Fold records into one series per organisation."""

    name = "membership"

    def __init__(self, map_year: str | None = None) -> None:
        self.map_year = map_year
        self.orgs: dict[str, _Org] = {}

    def add(self, record: dict[str, Any]) -> None:
        fallback = record_date(record)
        for m in dicts(record.get("membership")):
            members, grassroots = _count(m.get("party_members")), _count(m.get("grassroots_orgs"))
            name = clean(m.get("org"))
            date = day(m.get("as_of")) or fallback
            if not name or (members is None and grassroots is None):
                continue
            org = self.orgs.get(key(name))
            if org is None:
                org = self.orgs[key(name)] = _Org()
            org.names[name] += 1
            if self.map_year:
                org.now.add(org_now(name, list(dicts(record.get("places")))))
            point = org.points.get(date)
            if point is None:
                point = org.points[date] = _Point()
            if members is not None:
                point.party_members[members] += 1
            if grassroots is not None:
                point.grassroots_orgs[grassroots] += 1
            rid = str(record.get("id"))
            if len(point.articles) < MAX_ARTICLE_IDS and rid not in point.articles:
                point.articles.append(rid)

    def rows(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for org in self.orgs.values():
            series, prev_m, prev_g = [], None, None
            dates: list[str | None] = [*sorted(d for d in org.points if d is not None)]
            if None in org.points:
                dates.append(None)  # last: when it held is unknown
            for date in dates:
                p = org.points[date]
                members, grassroots = _winner(p.party_members), _winner(p.grassroots_orgs)
                known = date is not None
                series.append({
                    "as_of": date,
                    "party_members": members,
                    "party_members_change": _change(prev_m, members) if known else None,
                    "grassroots_orgs": grassroots,
                    "grassroots_orgs_change": _change(prev_g, grassroots) if known else None,
                    "articles": p.articles,
                })
                if known:
                    prev_m = members if members is not None else prev_m
                    prev_g = grassroots if grassroots is not None else prev_g
            row: dict[str, Any] = {"org": org.names.most_common(1)[0][0], "series": series}
            if self.map_year:
                row["now_province"] = _one(org.now)
            out.append(row)
        out.sort(key=lambda r: (-len(r["series"]), r["org"].casefold()))
        if self.map_year:  # grouped by today's province (stable: the order above within)
            out.sort(key=lambda r: (r["now_province"] is None,
                                    (r["now_province"] or "").casefold()))
        return out

    def result(self) -> ViewResult:
        orgs = self.rows()
        head = [f"province ({self.map_year} map)"] if self.map_year else []
        section = Section("Membership", [*head, "organisation", "trend", "as of", "party members",
                                         "members change", "grassroots orgs",
                                         "grassroots change", "bar"],
                          chart=frozenset({"trend", "bar"}), group=2 + len(head))
        for r in orgs:
            members = [p["party_members"] for p in r["series"]]
            known = [v for v in members if v is not None]
            top = max(known) if known else None
            trend = sparkline([p["party_members"] for p in r["series"] if p["as_of"]])
            for p in r["series"]:
                section.rows.append([
                    *([r["now_province"]] if head else []), r["org"], trend,
                    date_label(p["as_of"]), p["party_members"],
                    signed(p["party_members_change"]), p["grassroots_orgs"],
                    signed(p["grassroots_orgs_change"]), bar(p["party_members"], top),
                ])
        return ViewResult(self.name, orgs, [section])


def date_label(as_of: str | None) -> str:
    """A count's date as shown: the day, or ``date unknown``."""
    return as_of if as_of is not None else UNKNOWN_DATE


def _change(previous: int | None, current: int | None) -> int | None:
    if previous is None or current is None:
        return None
    return current - previous


def _one(values: set[str | None]) -> str | None:
    """The one province all of an organisation's records agree on, else None."""
    return next(iter(values)) if len(values) == 1 else None
