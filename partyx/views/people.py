"""``partyx stats people``: every person across the corpus with the posts they were seen in.

One row per person however the name is written (see :func:`partyx.views.records.key`); the
form written most often is shown, the others are listed as variants. For each post (title +
organisation, ``nguyên …`` when former) the view gives the first and last date it was seen (the
article's event date, else its publication date) and the number of stories and of articles
that name the person in it; for the person, the number of stories, of articles, and mentions.

A story (``story``: an article and its copies by other outlets) counts once: the people are
ordered by their stories, and a person's mentions are those of the first article of each story
that names them. With ``by="article"`` (``--by article``) every article counts: ordered by
articles, every article's mentions summed (the counts of partyx before stories).

Filters: ``name`` (substring; typed without diacritics it matches any), ``org`` (a person is
kept when one of their posts' organisations matches), ``since`` (only articles dated on or after
that day count; undated articles are left out); ``map_year="2025"`` (``--map 2025``) gives each
post the province that holds its organisation on today's map (``now_province``:
:func:`~partyx.views.records.org_now`; the post keeps its organisation as written).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from partyx.views.records import (
    clean,
    dicts,
    key,
    matches,
    org_now,
    post_label,
    record_date,
    story_of,
    widen,
)
from partyx.views.render import Section, ViewResult


@dataclass(slots=True)
class _Post:
    label: str
    title: str | None
    org: str | None
    status: str
    first: str | None = None
    last: str | None = None
    articles: int = 0
    stories: set[int] = field(default_factory=set)  # numbers of the stories naming it so
    now: set[str | None] = field(default_factory=set)  # today's provinces, as its records say


@dataclass(slots=True)
class _Person:
    names: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    stories: set[int] = field(default_factory=set)  # numbers of the stories naming them
    mentions: int = 0
    first: str | None = None
    last: str | None = None
    posts: dict[str, _Post] = field(default_factory=dict)


class PeopleView:
    """Fold records into one aggregate per person; :meth:`result` gives the roster."""

    name = "people"

    def __init__(self, name: str | None = None, org: str | None = None,
                 since: str | None = None, map_year: str | None = None,
                 by: str = "story") -> None:
        self.name_filter, self.org_filter, self.since = name, org, since
        self.map_year = map_year
        self.by = by
        self.people: dict[str, _Person] = {}
        # a number for each story (the people's sets hold the same int objects: small)
        self.story_numbers: dict[str, int] = {}

    def add(self, record: dict[str, Any]) -> None:
        date = record_date(record)
        if self.since and (date is None or date < self.since):
            return
        story_id = story_of(record)
        story = self.story_numbers.get(story_id)
        if story is None:
            story = self.story_numbers[story_id] = len(self.story_numbers)
        seen: dict[str, bool] = {}  # person: is this story new to them
        places = list(dicts(record.get("places"))) if self.map_year else None
        for p in dicts(record.get("people")):
            name = clean(p.get("name"))
            if not name or (self.name_filter and not matches(self.name_filter, name)):
                continue
            k = key(name)
            person = self.people.get(k)
            if person is None:
                person = self.people[k] = _Person()
            person.names[name] += 1
            if p.get("gender") in ("male", "female"):
                person.genders[p["gender"]] += 1
            mentions = p.get("mentions")
            if k not in seen:
                seen[k] = story not in person.stories
                person.articles += 1
                widen(person, date)
                person.stories.add(story)
            # the mentions of the story's first article naming them (every one: by article)
            if self.by == "article" or seen[k]:
                person.mentions += mentions if isinstance(mentions, int) else 0
            self._add_posts(person, p, date, places, story)

    @staticmethod
    def _add_posts(person: _Person, p: dict[str, Any], date: str | None,
                   places: list[dict[str, Any]] | None, story: int) -> None:
        seen: set[str] = set()
        for pos in dicts(p.get("positions")):
            label = post_label(pos)
            if not label:
                continue
            pk = key(label)
            post = person.posts.get(pk)
            if post is None:
                post = person.posts[pk] = _Post(
                    label, clean(pos.get("title")) or None, clean(pos.get("org")) or None,
                    "former" if pos.get("status") == "former" else "current")
            if pk not in seen:
                seen.add(pk)
                post.articles += 1
                post.stories.add(story)
                widen(post, date)
                if places is not None:
                    post.now.add(org_now(post.org, places))

    def _kept(self, person: _Person) -> bool:
        if not self.org_filter:
            return True
        return any(post.org and matches(self.org_filter, post.org)
                   for post in person.posts.values())

    def rows(self) -> list[dict[str, Any]]:
        """The roster as JSON-ready dicts, most-seen people first (in stories; in articles
        with ``by="article"``)."""
        out: list[dict[str, Any]] = []
        for person in self.people.values():
            if not self._kept(person):
                continue
            shown = person.names.most_common(1)[0][0]
            posts = sorted(person.posts.values(),
                           key=lambda p: (p.first or "9999", p.label.casefold()))
            out.append({
                "name": shown,
                "variants": sorted(n for n in person.names if n != shown),
                "gender": person.genders.most_common(1)[0][0] if person.genders else None,
                "stories": len(person.stories),
                "articles": person.articles,
                "mentions": person.mentions,
                "first_seen": person.first,
                "last_seen": person.last,
                "posts": [{"post": p.label, "title": p.title, "org": p.org, "status": p.status,
                           "first_seen": p.first, "last_seen": p.last,
                           "stories": len(p.stories), "articles": p.articles,
                           **({"now_province": _one(p.now)} if self.map_year else {})}
                          for p in posts],
            })
        unit = "stories" if self.by == "story" else "articles"
        out.sort(key=lambda r: (-r[unit], -r["articles"], key(r["name"])))
        return out

    def result(self) -> ViewResult:
        people = self.rows()
        return ViewResult(self.name, people, lambda: [_section(people, self.map_year, self.by)])


def _one(values: set[str | None]) -> str | None:
    """The one province all of a post's records agree on, else None."""
    return next(iter(values)) if len(values) == 1 else None


def _section(people: list[dict[str, Any]], map_year: str | None = None,
             by: str = "story") -> Section:
    """One row per person and post (a person without posts gets one row); the stories and
    the articles naming them, the counted unit first."""
    now = [f"province ({map_year} map)"] if map_year else []
    units = ["stories", "articles"] if by == "story" else ["articles", "stories"]
    section = Section("People", ["name", *units, "post", *now, "first seen", "last seen",
                                 f"post {units[0]}"], group=3)
    for r in people:
        for p in r["posts"] or [None]:
            section.rows.append([
                r["name"], r[units[0]], r[units[1]],
                p["post"] if p else None,
                *([p["now_province"] if p else None] if now else []),
                p["first_seen"] if p else r["first_seen"],
                p["last_seen"] if p else r["last_seen"],
                p[units[0]] if p else None,
            ])
    return section
