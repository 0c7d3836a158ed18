"""Shape of the hand-made development gold set (tests/devgold/, scored by bench/devscore.py).

The score itself is a measurement, not an assertion; what is asserted here is that every
annotation can be read by ../shared/eval/score.py as intended: the fields it reads are present
with the right types, place and event vocabularies are the SPEC's, a lead is one of the people,
and every id names a corpus article (when the corpus is here).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.devscore import gold_articles

DEVGOLD = Path(__file__).resolve().parent / "devgold"
HOLDOUT = Path(__file__).resolve().parent.parent / "bench" / "holdout"  # measured, never tuned
FILES = sorted(DEVGOLD.glob("*.json")) + sorted(HOLDOUT.glob("*.json"))

PLACE_TYPES = {"tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn"}
EVENT_TYPES = {"inspection", "working_session", "congress", "conference", "review", "election",
               "award", "appointment", "discipline", "other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
PUBLISHED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+07:00$")


def _scalar(value, kind=str) -> bool:
    """A gold scalar: null, a value, or a list of accepted values (any of them scores)."""
    values = value if isinstance(value, list) else [value]
    return bool(values) and all(v is None or isinstance(v, kind) for v in values)


def _dates(value) -> list:
    return [v for v in (value if isinstance(value, list) else [value]) if v is not None]


def test_set_is_large_enough_and_ids_are_stems():
    assert len(FILES) >= 15
    for f in FILES:
        assert json.loads(f.read_text(encoding="utf-8"))["id"] == f.stem


@pytest.mark.parametrize("path", FILES, ids=[f"{f.parent.name}/{f.stem}" for f in FILES])
def test_annotation_shape(path: Path):
    g = json.loads(path.read_text(encoding="utf-8"))
    for key in ("title", "published", "outlet"):
        assert key in g and _scalar(g[key]), key
    assert all(PUBLISHED.match(v) for v in _dates(g["published"]))
    assert isinstance(g["authors"], list) and all(isinstance(a, str) for a in g["authors"])

    event = g["event"]
    assert set(_dates(event["type"])) <= EVENT_TYPES
    assert all(DATE.match(v) for v in _dates(event["date"]))
    names = {p["name"] for p in g["people"]}
    assert all(lead in names for lead in _dates(event.get("lead")))

    for person in g["people"]:
        assert person["name"].strip() == person["name"] and len(person["name"].split()) >= 2
        for alternatives in person["positions"]:
            assert alternatives and all(isinstance(a, str) and a for a in alternatives)
    assert all(isinstance(n, str) for n in g.get("optional_people", []))
    assert not names & set(g.get("optional_people", []))

    for place in g["places"] + g.get("optional_places", []):
        assert len(place) == 2 and place[0] in PLACE_TYPES and place[1], place
        assert not place[1].lower().startswith(tuple(PLACE_TYPES)), place

    for doc in g["documents"]:
        assert doc["number"] and doc["code"], doc
        assert all(DATE.match(v) for v in _dates(doc.get("date")))
    for doc in g.get("optional_documents", []):
        assert doc["number"], doc

    for congress in g["congresses"]:
        assert isinstance(congress["ordinal"], int) and congress["body"], congress
    for fact in g["membership"] + g.get("optional_membership", []):
        assert fact["org"] and any(isinstance(fact.get(k), int)
                                   for k in ("party_members", "grassroots_orgs")), fact
    assert g["notes"].strip()


def test_every_annotation_names_a_corpus_article(corpus_dir: Path):
    articles = gold_articles(DEVGOLD, corpus_dir)
    assert [p.name for p in articles if not p.is_file()] == []
