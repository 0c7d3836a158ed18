"""The article record: the one object that flows through the pipeline.

Reading fills ``id``, ``source`` and ``raw``; each stage fills the fields it declares in
``provides``. :meth:`Article.to_record` gives the JSON object of ``SPEC.md`` (schema
``partyx/1``) with the fields in the contract's order. Values that are not known are ``None``
or ``[]``, never ``""``.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from partyx import SCHEMA


def empty_event() -> dict[str, Any]:
    return {"type": None, "date": None, "lead": None}


@dataclass(slots=True)
class Article:
    id: str
    source: dict[str, Any]
    # The whole decoded, normalised text as read. Not written to the record.
    raw: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    text: str | None = None
    event: dict[str, Any] = field(default_factory=empty_event)
    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    congresses: list[dict[str, Any]] = field(default_factory=list)
    membership: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    # Scratch space that stages share (body lines, dates found, place context ...).
    # A stage names the keys it fills in ``provides`` like any field. Not written.
    extras: dict[str, Any] = field(default_factory=dict)

    def reset(self, name: str) -> None:
        """Give field ``name`` its empty value again (used when the stage that fills it fails)."""
        if name in _FIELD_DEFAULTS:
            setattr(self, name, _FIELD_DEFAULTS[name]())
        else:
            self.extras.pop(name, None)

    def to_record(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "authors": self.authors,
            "section": self.section,
            "text": self.text or None,
            "event": self.event,
            "people": self.people,
            "organizations": self.organizations,
            "places": self.places,
            "documents": self.documents,
            "congresses": self.congresses,
            "membership": self.membership,
            "errors": self.errors,
        }


def _default_factory(f) -> Any:
    if f.default_factory is not MISSING:
        return f.default_factory
    value = f.default
    return lambda: value


_FIELD_DEFAULTS = {
    f.name: _default_factory(f) for f in fields(Article) if f.name not in ("id", "source", "extras")
}

# The record fields a stage may provide, besides ``extras`` keys.
RECORD_FIELDS = tuple(n for n in _FIELD_DEFAULTS if n != "raw")

# The record fields whose items the run summary counts (``found`` in ``--report``).
COUNTED = ("people", "organizations", "places", "documents", "congresses", "membership")
