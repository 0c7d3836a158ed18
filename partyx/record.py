"""The article record: the one object that flows through the pipeline.

Reading fills ``id``, ``source``, ``raw`` and ``stated``; each stage fills the fields it declares in
``provides``. :meth:`Article.to_record` gives the JSON object of ``SPEC.md`` (schema
``partyx/1``) with the fields in the contract's order. Values that are not known are ``None``
or ``[]``, never ``""``.

Besides the record's fields, an article carries what one stage hands to later ones, typed and
never written to the record: the cleaned ``lines`` and repeated ``captions`` (clean ->
metadata), the ``dates`` of the body (dates -> event, membership), the ``place_context`` and the
``place_mentions`` (places -> people, congresses, membership: where each organisation's place is
resolved) and the ``mentions`` of people (people -> event). A plugin
hands its own scratch data on in ``extras``.
"""

# (No ``from __future__ import annotations``: the TypedDicts and NamedTuples below would
# compile each annotation string at import.)
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any, NamedTuple, TypedDict

from partyx import SCHEMA

# --- the record's parts (SPEC.md) ----------------------------------------------------------------


class Source(TypedDict):
    path: str  # as given on the command line ("-": standard input)
    sha256: str | None  # of the file; of the row's article fields for a dataset row
    bytes: int | None
    encoding: str | None
    format: str | None  # txt, html, jsonl, csv, parquet, stdin (partyx.readers)
    url: str | None  # where the page or the row states one
    row: str | int | None  # a dataset row: its id as written, else its line (row) number


class Event(TypedDict):
    type: str | None  # inspection, working_session, congress … (SPEC), else "other"
    date: str | None  # ISO 8601
    lead: str | None  # a name of ``people``


class Position(TypedDict):
    title: str
    org: str | None
    status: str  # "current" or "former"
    text: str  # as written


class Person(TypedDict):
    name: str
    gender: str | None  # "male", "female"
    positions: list[Position]
    mentions: int


class Organization(TypedDict):
    name: str
    kind: str  # party_committee, party_board, government …
    level: str | None  # central, province, district, ward


class Now(TypedDict):
    """The unit holding a place on the map in force since 1 July 2025 (SPEC ``places[].now``)."""

    type: str | None  # phường, xã, đặc khu; None for a province or district (its province only)
    name: str | None  # without its type word
    province: str  # today's province, without its type word


class _Place(TypedDict):
    type: str  # tỉnh, thành phố, quận, huyện, thị xã, phường, xã, thị trấn
    name: str  # without its type word
    province: str | None


class Place(_Place, total=False):
    now: Now | None  # today's unit (partyx.rules.today), given by the places stage


class Document(TypedDict):
    number: str  # as written, leading zeros kept
    code: str | None  # NQ, CT, QĐ …
    issuer: str | None  # TW, TU, CP …
    type: str | None  # Nghị quyết, Chỉ thị …
    date: str | None
    issued_by: str | None  # the issuing body as written
    title: str | None
    text: str  # the fullest citation as written
    year: int | None


class Congress(TypedDict):
    ordinal: int
    body: str  # Đảng Cộng sản Việt Nam, Đảng bộ <level> <Place>
    term: str | None  # 2020-2025
    text: str


class Membership(TypedDict):
    org: str  # Đảng bộ quận Thanh Xuân
    party_members: int | None
    grassroots_orgs: int | None
    as_of: str | None  # the date the figures hold for
    text: str


class Error(TypedDict):
    stage: str  # the stage that failed, or "read"
    error: str


class Record(TypedDict):
    schema: str
    id: str
    source: Source
    title: str | None
    published: str | None
    outlet: str | None
    authors: list[str]
    section: str | None
    text: str | None
    event: Event
    people: list[Person]
    organizations: list[Organization]
    places: list[Place]
    documents: list[Document]
    congresses: list[Congress]
    membership: list[Membership]
    story: str | None  # the id of its story (near-duplicates share it): partyx.run.stories
    duplicate_of: str | None  # the article it was found to copy
    errors: list[Error]


# --- what the stages hand on ---------------------------------------------------------------------


class Stated(NamedTuple):
    """What the source states of an article besides its text (reading): an HTML page's
    metadata, a dataset row's columns. The metadata stage puts it before what its rules read
    (:mod:`partyx.rules.stated`). Strings are normalised; ``None`` where nothing is stated."""

    title: str | None
    published: str | None  # ISO 8601 with +07:00, or a date
    outlet: str | None  # as stated: a site name, a publisher
    authors: tuple[str, ...]  # as stated: names, bylines
    section: str | None
    url: str | None


class FoundDate(NamedTuple):
    """A date written in the body (the dates stage): offsets into ``Article.text``."""

    date: str | None  # ISO 8601; None when its year cannot be known
    start: int
    end: int
    cue: str | None  # the word before it that makes it a date (sáng, chiều, ngày …), lower case
    range_end: bool = False  # the last day of a range (``16/9`` of ``từ ngày 13 đến 16/9``)


class District(NamedTuple):
    type: str  # quận, huyện, thị xã, thành phố
    name: str  # without its type word: "Long Biên"


class PlaceContext(NamedTuple):
    """The province and district an article is about (the places stage); each None when the
    article does not make it clear."""

    province: str | None  # short name: "Hà Nội"
    district: District | None


class PlaceMention(NamedTuple):
    """An administrative unit named in the body (the places stage): the unit as resolved,
    offsets into ``Article.text``. The evidence an organisation's place is resolved from."""

    type: str  # tỉnh, thành phố, quận, huyện, thị xã, phường, xã, thị trấn, đặc khu
    name: str  # without its type word
    province: str | None  # None when the name is shared by units of several provinces
    level: str  # province, district or ward; unknown: a unit the gazetteer does not know
    start: int
    end: int


class Mention(NamedTuple):
    """One mention of a person (the people stage): the full name of the person it stands for
    (also for a short form ``ông Phong`` or a truncation), offsets into ``Article.text``."""

    name: str
    start: int
    end: int


# --- the article ---------------------------------------------------------------------------------


def empty_event() -> Event:
    return {"type": None, "date": None, "lead": None}


@dataclass(slots=True)
class Article:
    id: str
    source: Source
    # The whole decoded, normalised text as read. Not written to the record.
    raw: str = ""
    # What the page or row states besides the text (None for a text file). Not written.
    stated: Stated | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    text: str | None = None
    event: Event = field(default_factory=empty_event)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    congresses: list[Congress] = field(default_factory=list)
    membership: list[Membership] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    # Hand-offs between stages (see module docstring), named in ``provides`` and ``requires``
    # like the record's fields. Not written.
    lines: list[str] | None = None  # None: clean did not give any (it failed)
    captions: list[str] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    place_context: PlaceContext | None = None
    place_mentions: list[PlaceMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # A plugin's scratch data for later stages (keys named in its ``provides``); also the
    # tracebacks of failed stages for --debug (``_tracebacks``). Not written.
    extras: dict[str, Any] = field(default_factory=dict)

    def reset(self, name: str) -> None:
        """Give field ``name`` (or extras key) its empty value again (used when the stage that
        fills it fails)."""
        if name in _FIELD_DEFAULTS:
            setattr(self, name, _FIELD_DEFAULTS[name]())
        else:
            self.extras.pop(name, None)

    def to_record(self) -> Record:
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
            # its own story until the run that owns the state links it (partyx.run.stories)
            "story": self.id,
            "duplicate_of": None,
            "errors": self.errors,
        }


def _default_factory(f: Field[Any]) -> Any:
    if f.default_factory is not MISSING:
        return f.default_factory
    value = f.default
    return lambda: value


_FIELD_DEFAULTS = {
    f.name: _default_factory(f) for f in fields(Article)
    if f.name not in ("id", "source", "stated", "extras")
}

# The record fields whose items the run summary counts (``found`` in ``--report``).
COUNTED = ("people", "organizations", "places", "documents", "congresses", "membership")
