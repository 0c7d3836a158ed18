"""The records as normalised relational tables, for SQL and dataframe users.

One record (one article) becomes rows of several tables joined by keys:

==============  =====================================================================
articles        one row per article: ``article_id`` (the record id) and its scalars, with its
                ``story`` (near copies by other outlets share it: ``count(DISTINCT story)``
                counts each story once) and ``duplicate_of``
people          one row per person across the corpus (``person_id``; ``name_key`` is the
                normalised casefolded name that makes variant spellings one person)
appearances     (article_id, person_id): the person in that article, as written there
positions       each post of a person in an article (title, org, status, text as written)
documents       one row per cited document (``document_id``; ``symbol`` such as 15-NQ/TU and
                ``year``: a symbol of two years is two documents)
citations       (article_id, document_id): each citation, with the text as written
places          one row per administrative unit (``place_id``: type, name, province)
article_places  (article_id, place_id) and the unit holding the place on today's map in that
                article (``now_type``, ``now_name``, ``now_province``: ``places[].now``)
congresses      each congress mentioned in an article
membership      each stated count: org, as_of, party members, grassroots organisations, and
                the org's province on today's map (``now_province``, from the record's places)
==============  =====================================================================

:class:`Normaliser` turns records into ``(table, row)`` pairs one record at a time; it keeps only
the key -> id maps of people, documents and places (and the article ids seen, to skip a
duplicated record), so memory grows with distinct entities, not with records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from partyx.errors import DUPLICATE_RECORD, SKIPPED_RECORD
from partyx.views.records import (
    clean,
    day,
    dicts,
    document_key,
    document_label,
    field,
    key,
    org_now,
    story_of,
)

TEXT, INT = "TEXT", "INTEGER"

# table -> [(column, type)], primary key first; FOREIGN holds the references.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "articles": [("article_id", TEXT), ("title", TEXT), ("published", TEXT), ("outlet", TEXT),
                 ("authors", TEXT), ("section", TEXT), ("event_type", TEXT),
                 ("event_date", TEXT), ("event_lead", TEXT), ("source_path", TEXT),
                 ("source_sha256", TEXT), ("errors", INT), ("story", TEXT),
                 ("duplicate_of", TEXT)],
    "people": [("person_id", INT), ("name", TEXT), ("name_key", TEXT)],
    "appearances": [("article_id", TEXT), ("person_id", INT), ("name", TEXT), ("gender", TEXT),
                    ("mentions", INT)],
    "positions": [("position_id", INT), ("article_id", TEXT), ("person_id", INT),
                  ("title", TEXT), ("org", TEXT), ("status", TEXT), ("text", TEXT)],
    "documents": [("document_id", INT), ("symbol", TEXT), ("type", TEXT), ("number", TEXT),
                  ("year", INT), ("code", TEXT), ("issuer", TEXT), ("date", TEXT),
                  ("issued_by", TEXT), ("title", TEXT)],
    "citations": [("citation_id", INT), ("article_id", TEXT), ("document_id", INT),
                  ("text", TEXT)],
    "places": [("place_id", INT), ("type", TEXT), ("name", TEXT), ("province", TEXT)],
    "article_places": [("article_id", TEXT), ("place_id", INT), ("now_type", TEXT),
                       ("now_name", TEXT), ("now_province", TEXT)],
    "congresses": [("congress_id", INT), ("article_id", TEXT), ("ordinal", INT), ("body", TEXT),
                   ("term", TEXT), ("text", TEXT)],
    "membership": [("membership_id", INT), ("article_id", TEXT), ("org", TEXT),
                   ("org_key", TEXT), ("as_of", TEXT), ("party_members", INT),
                   ("grassroots_orgs", INT), ("text", TEXT), ("now_province", TEXT)],
}
PRIMARY: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",), "people": ("person_id",),
    "appearances": ("article_id", "person_id"), "positions": ("position_id",),
    "documents": ("document_id",), "citations": ("citation_id",), "places": ("place_id",),
    "article_places": ("article_id", "place_id"), "congresses": ("congress_id",),
    "membership": ("membership_id",),
}
UNIQUE: dict[str, tuple[str, ...]] = {"people": ("name_key",), "documents": ("symbol", "year")}
FOREIGN: dict[str, dict[str, str]] = {
    "appearances": {"article_id": "articles", "person_id": "people"},
    "positions": {"article_id": "articles", "person_id": "people"},
    "citations": {"article_id": "articles", "document_id": "documents"},
    "article_places": {"article_id": "articles", "place_id": "places"},
    "congresses": {"article_id": "articles"},
    "membership": {"article_id": "articles"},
}

Row = tuple[Any, ...]


def _text(value: Any) -> str | None:
    """A free-text value (title, text as written, path) exactly as the record has it."""
    return value if isinstance(value, str) and value else None


def _name(value: Any) -> str | None:
    """A value that names something (person, org, title, place, code): normalised, so that
    variant spellings compare equal in SQL (cached: these repeat across a corpus)."""
    return clean(value) or None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class Normaliser:
    """Turn records into ``(table, row)`` pairs with stable integer keys."""

    def __init__(self, warn: Callable[[str], None] = lambda _: None) -> None:
        self.warn = warn
        self.ids: dict[str, dict[str, int]] = {"people": {}, "documents": {}, "places": {}}
        self.counters = {"positions": 0, "citations": 0, "congresses": 0, "membership": 0}
        self.articles: set[str] = set()

    def _serial(self, table: str) -> int:
        self.counters[table] += 1
        return self.counters[table]

    def _entity(self, table: str, k: str) -> tuple[int, bool]:
        """The id of key ``k`` in ``table`` and whether it is new."""
        ids = self.ids[table]
        if k in ids:
            return ids[k], False
        ids[k] = len(ids) + 1
        return ids[k], True

    def rows(self, record: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        aid = record.get("id")
        if not isinstance(aid, str) or not aid:  # no article to key the rows by
            self.warn(SKIPPED_RECORD.coded(id=aid))
            return
        if aid in self.articles:
            self.warn(DUPLICATE_RECORD.coded(id=aid))
            return
        self.articles.add(aid)
        yield "articles", self._article(aid, record)
        yield from self._people(aid, record)
        yield from self._documents(aid, record)
        yield from self._places(aid, record)
        for c in dicts(record.get("congresses")):
            yield "congresses", (self._serial("congresses"), aid, _int(c.get("ordinal")),
                                 _name(c.get("body")), _text(c.get("term")), _text(c.get("text")))
        for m in dicts(record.get("membership")):
            org = _name(m.get("org"))
            yield "membership", (self._serial("membership"), aid, org, key(org) or None,
                                 day(m.get("as_of")), _int(m.get("party_members")),
                                 _int(m.get("grassroots_orgs")), _text(m.get("text")),
                                 org_now(org, list(dicts(record.get("places")))))

    @staticmethod
    def _article(aid: str, r: dict[str, Any]) -> Row:
        event, source = field(r, "event"), field(r, "source")
        written = r.get("authors")
        authors = [a for a in (_name(x) for x in written) if a] if isinstance(written, list) else []
        errors = r.get("errors")
        return (aid, _text(r.get("title")), r.get("published") if isinstance(
                    r.get("published"), str) else None, _name(r.get("outlet")),
                "; ".join(authors) or None, _text(r.get("section")), _name(event.get("type")),
                day(event.get("date")), _name(event.get("lead")), _text(source.get("path")),
                _text(source.get("sha256")), len(errors) if isinstance(errors, list) else 0,
                story_of(r), _text(r.get("duplicate_of")))

    def _people(self, aid: str, r: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        seen: set[int] = set()
        for p in dicts(r.get("people")):
            name = _name(p.get("name"))
            if not name:
                continue
            pid, new = self._entity("people", key(name))
            if new:
                yield "people", (pid, name, key(name))
            if pid not in seen:
                seen.add(pid)
                gender = p.get("gender") if p.get("gender") in ("male", "female") else None
                yield "appearances", (aid, pid, name, gender, _int(p.get("mentions")))
            for pos in dicts(p.get("positions")):
                yield "positions", (self._serial("positions"), aid, pid, _name(pos.get("title")),
                                    _name(pos.get("org")),
                                    "former" if pos.get("status") == "former" else "current",
                                    _text(pos.get("text")))

    def _documents(self, aid: str, r: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        for d in dicts(r.get("documents")):
            did, new = self._entity("documents", document_key(d))
            if new:
                yield "documents", (did, document_label(d), _name(d.get("type")),
                                    _name(d.get("number")), _int(d.get("year")),
                                    _name(d.get("code")), _name(d.get("issuer")),
                                    day(d.get("date")), _name(d.get("issued_by")),
                                    _text(d.get("title")))
            yield "citations", (self._serial("citations"), aid, did, _text(d.get("text")))

    def _places(self, aid: str, r: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        seen: set[int] = set()
        for p in dicts(r.get("places")):
            kind, name = _name(p.get("type")), _name(p.get("name"))
            province = _name(p.get("province"))
            if not name:
                continue
            pid, new = self._entity("places", key(f"{kind}|{name}|{province}"))
            if new:
                yield "places", (pid, kind, name, province)
            if pid not in seen:
                seen.add(pid)
                now = field(p, "now")
                yield "article_places", (aid, pid, _name(now.get("type")), _name(now.get("name")),
                                         _name(now.get("province")))
