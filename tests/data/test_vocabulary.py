"""Every vocabulary file of partyx/data has a ``_doc`` and the keys and types its reader
expects (the reader is named with each shape), with the cross-checks a typo would break."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from partyx.data import load

DATA = files("partyx.data")
NAMES = sorted(p.name.removesuffix(".json") for p in DATA.iterdir() if p.name.endswith(".json"))

UNIT_TYPES = {"tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn",
              "đặc khu"}
OUTLET_KINDS = {"party", "national", "agency", "broadcast", "sector", "city", "provincial",
                "portal"}

# A shape: a type, a tuple of alternatives, [item shape] for a list, {str: value shape} for a
# dict of any keys, and a callable for a check of its own.
STR, INT, BOOL, NONE = str, int, bool, type(None)
WORDS = [STR]
STR_MAP = {str: STR}


def pair(*shapes):
    """A list of exactly these items (a JSON pair or triple)."""
    return lambda v: isinstance(v, list) and len(v) == len(shapes) and all(
        fits(x, s) for x, s in zip(v, shapes, strict=True))


def record(**shapes):
    """An object with these keys (a key written ``name_`` may be absent)."""
    required = {k for k in shapes if not k.endswith("_")}
    known = {k.rstrip("_"): s for k, s in shapes.items()}
    return lambda v: isinstance(v, dict) and required <= set(v) <= set(known) and all(
        fits(x, known[k]) for k, x in v.items())


def regex(v):
    if not isinstance(v, str):
        return False
    re.compile(v)
    return True


def fits(value, shape) -> bool:
    if isinstance(shape, tuple):
        return any(fits(value, s) for s in shape)
    if isinstance(shape, list):
        return isinstance(value, list) and all(fits(x, shape[0]) for x in value)
    if isinstance(shape, dict):
        (item,) = shape.values()
        return isinstance(value, dict) and all(
            isinstance(k, str) and fits(x, item) for k, x in value.items())
    if isinstance(shape, type):
        return isinstance(value, shape) and not (shape is INT and isinstance(value, bool))
    return bool(shape(value))



# A web domain as the outlet table holds it: lower case, no scheme, no "www."
DOMAIN = re.compile(r"(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+").fullmatch
OWN_OUTLET = record(name_=STR, aliases=WORDS, domains=[DOMAIN])

SHAPES = {
    # rules/orgs.py (levels, committees), rules/congresses.py (the rest)
    "bodies": {"levels": STR_MAP, "committees": STR_MAP, "national_congress_max": INT,
               "congress_words": WORDS, "stop_words": WORDS, "name_phrases": WORDS,
               "cell_words": WORDS},
    # readers/columns.py (dataset columns)
    "columns": {"columns": {str: WORDS}},
    # rules/boilerplate.py, rules/header.py (banners)
    "boilerplate": {k: WORDS for k in ("lines", "prefixes", "counters", "related_markers",
                                       "stop_markers", "banners", "banner_prefixes",
                                       "photo_credits", "site_footer", "site_footer_fields",
                                       "follow_words", "platforms")},
    # rules/header.py
    "bylines": {k: WORDS for k in ("leads", "degrees", "ranks", "placeholders", "series_marks",
                                   "series_numbers",
                                   "date_words",
                                   "honorifics", "affiliations", "offices", "signature_marks",
                                   "lead_joins", "credit_leads", "staff_leads", "photo_leads",
                                   "source_joins", "credited_words",
                                   "source_cues",
                                   "trailing_words", "time_units")},
    # rules/documents.py
    "documents": {"types": [record(name=STR, code=STR, bare=BOOL)], "codes": STR_MAP,
                  "code_families": STR_MAP, "issuer_aliases": STR_MAP,
                  "issuers": [pair(STR, STR)], "departments": [pair(STR, STR)],
                  "committees": [pair(STR, STR)], "retold_words": WORDS, "count_words": WORDS,
                  "count_words_dated": WORDS, "year_forms": WORDS, "carried_out_words": WORDS,
                  "sole_issuers": STR_MAP, "term_issuers": WORDS,
                  "issuer_links": WORDS, "subject_links": WORDS, "term_words": WORDS,
                  "body_stops": WORDS},
    # rules/event.py
    "events": {"types": [record(type=STR, triggers=[regex], container_=BOOL, leads_=BOOL,
                                  headline_triggers_=[regex])],
               "new_post": record(_doc=STR, before_title=WORDS, headline_before_title=WORDS,
                                  lower_case_before_title=WORDS,
                                  headline_new=record(before=WORDS, after=WORDS),
                                  not_posts=WORDS, dismissals=WORDS,
                                  carried_out=record(_doc=STR, acts=regex, meeting=regex,
                                                     proposed=regex, not_acts=WORDS)),
               "direction_headline": record(_doc=STR, opens=regex),
               "setting_paragraph": record(_doc=STR, opens=regex),
               "topic_words": regex,
               "lead_cues": record(after_do=regex, after=regex, before=regex, speaker=regex,
                                   object_before=regex, object_after=regex),
               # rules/dates.py (what ties a year to the event)
               "dates": record(_doc=STR, opens_term=regex, not_opening=regex, review=regex,
                               national_congress_years={str: INT}, as_of=regex,
                               edition=regex, not_edition=regex, present_year=regex,
                               target_before=regex, not_present=regex, not_period=regex),
               "main_date": record(_doc=STR, not_event_before=regex, obituary=WORDS,
                                   death_before=regex, career_after=regex,
                                   announces_before=regex, issues_after=regex,
                                   span_end_before=WORDS, planned_after=regex)},
    # rules/gazetteer.py (derived by scripts/build_gazetteer.py)
    "gazetteer": {"source": {str: (STR, INT)}, "provinces": [pair(STR, STR, STR)],
                  "districts": [pair(STR, STR, INT)], "wards": [pair(STR, STR, INT, INT, STR)]},
    # rules/headline.py, rules/header.py (time_leads, editor_notes)
    "headline": {k: WORDS for k in ("openers", "modifiers", "proper", "before_proper",
                                    "place_types", "time_leads", "editor_notes")},
    # io.py (legacy encodings)
    "legacy_vn": {"tcvn3": STR_MAP, "vni": STR_MAP},
    # rules/people.py, rules/orgs.py (surnames)
    "names": {"surnames": WORDS, "middle_names": WORDS, "family_cues": WORDS,
              "body_surnames": WORDS,
              "not_name": WORDS, "epithets": WORDS, "cues": {str: (STR, NONE)}, "roles": WORDS,
              "speech_cues": WORDS, "stage_name_roles": WORDS,
              "speaker_leads": WORDS, "age_marks": WORDS, "lone_roles": WORDS,
              "lone_not_names": WORDS, "lone_case_roles": WORDS, "foreign_particles": WORDS,
              "foreign_places": WORDS,
              "blockers": WORDS, "unblockers": WORDS,
              "institution_words": WORDS, "house_leads": WORDS,
              "uppercase": STR},
    # rules/orgs.py, lang/tokens.py (abbreviations)
    "orgs": {"abbreviations": STR_MAP, "committees": {str: pair(STR, STR)},
             "committee_kinds": STR_MAP, "central": {str: pair(STR, STR)},
             "central_parent": WORDS, "wrappers": {str: pair(STR, STR)},
             "cells": {str: pair(STR, STR)}, "cell_joins": WORDS,
             "local": {str: pair(STR, STR)}, "ministries": WORDS, "departments": WORDS,
             "generic_heads": WORDS, "numbered_heads": WORDS, "boards": WORDS,
             "ministry_units": WORDS, "lower_heads": WORDS, "ministry_functions": WORDS,
             "owners": WORDS,
             "levels": STR_MAP, "aliases": STR_MAP, "name_phrases": WORDS, "comma_phrases": WORDS,
             "named_before": WORDS,
             "name_syllables": WORDS, "name_enders": WORDS,
             "impersonal_heads": WORDS, "nations": WORDS, "typed_only": WORDS,
             "count_words": WORDS},
    # rules/membership.py
    "membership": {"heads": STR_MAP, "raise_verbs": WORDS, "national": WORDS, "national_name": STR,
                   "name_stops": WORDS, "name_openers": WORDS, "merged_from": WORDS,
                   "delegate_cues": WORDS, "owner_links": WORDS,
                   "total_followers": WORDS, "total_places": WORDS,
                   "total_places_next": WORDS, "joined_names": WORDS,
                   "unit_levels": WORDS, "unit_now_words": WORDS, "unit_verbs": WORDS},
    # rules/header.py
    "outlets": {"outlet_words": WORDS, "editions": WORDS, "self_needles": WORDS,
                "reporter_cues": WORDS, "reported_tenses": WORDS, "reported_verbs": WORDS,
                "printed_verbs": WORDS, "obtained_verbs": WORDS, "promise_leads": WORDS,
                "promise_follows": WORDS, "promise_verbs": WORDS,
                "own_information_words": WORDS, "reporter_words": WORDS,
                "citing_cues": WORDS, "press_words": WORDS, "citing_verbs": WORDS,
                "forms": {str: WORDS}, "names": STR_MAP,
                "kinds": {str: lambda k: k in OUTLET_KINDS}, "local_portals": {str: WORDS},
                "provinces": [record(province=STR, unit=lambda u: u in {"tỉnh", "thành phố"},
                                     spellings_=WORDS, paper_=OWN_OUTLET,
                                     broadcaster_=OWN_OUTLET, portal_=OWN_OUTLET,
                                     party_portal_=OWN_OUTLET)],
                "outlets": [record(name=STR, kind=lambda k: k in OUTLET_KINDS, aliases=WORDS,
                                   domains=[DOMAIN])]},
    # rules/places.py, rules/gazetteer.py (province_aliases, extra_units), rules/orgs.py
    "places": {"type_words": STR_MAP, "committee_words": {str: WORDS},
               "province_aliases": STR_MAP, "extra_units": [pair(STR, STR, (STR, NONE))],
               "capital_words": STR_MAP, "names_with_type": WORDS,
               "former_provinces": WORDS, "unit_descriptors": WORDS,
               "bare_openers": WORDS},
    # rules/header.py
    "sections": {"sections": WORDS},
    # rules/today.py (places on today's map)
    "today": {"former_provinces": STR_MAP},
    # rules/posts.py, rules/people.py (cues, list words, past markers)
    "titles": {"titles": STR_MAP, "standalone": WORDS, "implied_org": {str: WORDS},
               "fillers": WORDS, "member_words": STR_MAP, "status_words": STR_MAP,
               "title_prefixes": STR_MAP, "member_titles": {str: pair(STR, STR)},
               "cue_grammar": {str: WORDS}, "cell_hosts": {str: WORDS}, "boards": WORDS,
               "unnamed_cells": WORDS, "host_words": WORDS, "event_roles": WORDS,
               "heads_of": {str: WORDS}, "distinct_qualifiers": WORDS,
               "death_words": WORDS, "funeral_words": WORDS, "alias_words": WORDS,
               "age_asides": WORDS,
               "dated_words": WORDS, "biography_openers": WORDS, "step_verbs": WORDS,
               "present_words": WORDS,
               "appointment_cues": WORDS, "leaving_cues": WORDS,
               "org_within": {str: pair(INT, STR)}, "org_within_named": WORDS, "bare_heads": WORDS,
               "event_bodies": WORDS,
               "org_overrides": {str: STR_MAP},
               "list_intros": WORDS, "list_bodies": STR_MAP,
               "body_members": {str: pair(STR, STR)}, "past_markers": WORDS,
               "decision_objects": WORDS, "deputy_titles": STR_MAP, "assistant_titles": STR_MAP,
               "chain_words": {str: WORDS}, "head_titles": STR_MAP,
               "company_titles": WORDS, "step_dates": STR_MAP,
               "brand_affixes": record(prefixes=WORDS, suffixes=WORDS),
               "place_bodies": STR_MAP, "ministers": WORDS},
    # io.py (legacy encodings)
    "vi_common": {"syllables": WORDS},
}


def test_every_file_has_a_shape():
    assert set(NAMES) == set(SHAPES)


@pytest.mark.parametrize("name", NAMES)
def test_a_file_has_a_doc_and_the_keys_and_types_its_reader_expects(name):
    data = json.loads(DATA.joinpath(f"{name}.json").read_text(encoding="utf-8"))
    assert data == load(name)  # (read the one way: partyx.data.load)
    assert isinstance(data, dict)
    assert isinstance(data.get("_doc"), str) and len(data["_doc"]) > 40, "no _doc"
    assert set(data) - {"_doc"} == set(SHAPES[name]), "keys"
    for key, shape in SHAPES[name].items():
        assert fits(data[key], shape), key
        if isinstance(data[key], (list, dict)) and key != "source":
            assert data[key], f"{key} is empty"


def _no_blank_words(value) -> bool:
    if isinstance(value, str):
        return value == value.strip() and bool(value)
    if isinstance(value, list):
        return all(_no_blank_words(x) for x in value if x is not None)
    if isinstance(value, dict):
        return all(_no_blank_words(k) and _no_blank_words(x) for k, x in value.items()
                   if not isinstance(x, (int, bool)))
    return True


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("gazetteer", "events")])
def test_no_word_is_empty_or_padded(name):
    data = load(name)
    for key in SHAPES[name]:
        assert _no_blank_words(data[key]), key


def test_outlets_aliases_belong_to_one_outlet_each():
    """No alias or domain names two outlets, once the provinces' outlets are made from the
    forms (with the text's normal form, case folded: as they are looked up); every outlet
    is known by its own name; its forms fill {p} and {u} only."""
    from partyx.lang.text import normalize
    from partyx.rules.outlets import table

    data = load("outlets")
    assert set(data["names"]) == set(data["forms"]) == set(data["kinds"])
    for form in [*data["names"].values(), *(f for fs in data["forms"].values() for f in fs)]:
        assert set(re.findall(r"{(\w*)}", form)) <= {"p", "u"} and "{p}" in form, form
    outlets = table().outlets
    owner: dict[str, str] = {}
    for o in outlets:
        assert o.name in o.aliases, o.name
        for alias in (*o.aliases, *o.domains):
            key = normalize(alias).casefold()
            assert owner.setdefault(key, o.name) == o.name, (alias, owner[key], o.name)
    assert len({o.name for o in outlets}) == len(outlets)


def test_outlets_provinces_are_the_gazetteer_provinces():
    """Every province of the table is one of the gazetteer (its unit word too), and every
    province before 2025 has its Party paper and its station there."""
    from partyx.rules import gazetteer

    provinces = gazetteer.get().provinces
    listed = {}
    for entry in load("outlets")["provinces"]:
        unit = provinces[gazetteer.key(entry["province"])]
        assert (unit.type, unit.name) == (entry["unit"], entry["province"]), entry["province"]
        listed[entry["province"]] = entry
    papers = {p for p, e in listed.items() if "paper" in e and "broadcaster" in e}
    cities = {u.name for u in provinces.values() if u.name in ("Hà Nội", "Hồ Chí Minh")}
    old = {u.name for u in provinces.values() if u.name not in ("Huế",)} - cities
    assert old <= papers, old - papers


def test_outlets_aliases_are_no_section_or_place():
    """A header line that is a section name or a province's name is no outlet's logo."""
    from partyx.rules import gazetteer
    from partyx.rules.outlets import table

    sections = {s.casefold() for s in load("sections")["sections"]}
    names = table().names
    assert not sections & set(names)
    assert not {key for key in names if gazetteer.get().province(key)}


def test_columns_name_every_field_and_no_column_twice():
    from partyx.readers.columns import FIELDS

    columns = load("columns")["columns"]
    assert list(columns) == list(FIELDS)
    names = [n.casefold() for names in columns.values() for n in names]
    assert len(names) == len(set(names))


def test_documents_codes_name_known_types():
    data = load("documents")
    assert set(data["codes"].values()) <= {t["name"] for t in data["types"]}


def test_documents_dated_count_words_are_count_words():
    data = load("documents")
    assert set(data["count_words_dated"]) <= set(data["count_words"])
    assert set(data["year_forms"]) <= {t["name"] for t in data["types"]}


def test_documents_sole_issuers_are_types_and_issuer_codes():
    data = load("documents")
    assert set(data["sole_issuers"]) <= {t["name"] for t in data["types"]}
    codes = {code for _, code in data["issuers"]}
    assert set(data["sole_issuers"].values()) <= codes
    assert set(data["term_issuers"]) <= codes


def test_events_types_are_the_spec_types():
    types = [t["type"] for t in load("events")["types"]]
    assert set(types) <= {"inspection", "working_session", "congress", "conference", "review",
                          "election", "award", "appointment", "discipline", "other"}
    # "other" is a container (a commemoration): an action has a type of its own, but for a
    # meeting postponed or called off (the meeting took no place) and a court's or a
    # prosecutor's act (a trial, a prosecution: SPEC gives them no type)
    court = (") tố", "xét xử", "tuyên (?:án|phạt)", "lĩnh án", ") to[àa]")
    for t in load("events")["types"]:
        if t["type"] == "other" and not t.get("container"):
            assert all("hoãn" in x or "hủy" in x or any(w in x for w in court)
                       for x in t["triggers"])


def test_national_congress_years_follow_each_other_by_five():
    years = load("events")["dates"]["national_congress_years"]
    ordinals = sorted(int(k) for k in years)
    assert ordinals == list(range(ordinals[0], ordinals[-1] + 1))
    assert all(years[str(o + 1)] - years[str(o)] == 5 for o in ordinals[:-1])
    assert ordinals[-1] == load("bodies")["national_congress_max"]


def test_place_words_name_unit_types():
    bodies, places, orgs = load("bodies"), load("places"), load("orgs")
    assert set(bodies["levels"].values()) <= UNIT_TYPES
    assert set(bodies["committees"].values()) <= UNIT_TYPES
    assert set(places["type_words"].values()) <= UNIT_TYPES
    assert {t for ts in places["committee_words"].values() for t in ts} <= UNIT_TYPES
    assert {t for t, _, _ in places["extra_units"]} <= UNIT_TYPES
    assert {utype for _, utype in orgs["committees"].values()} <= UNIT_TYPES
    assert set(orgs["aliases"].values()) <= set(orgs["ministries"]) | set(orgs["departments"])


ORG_KINDS = {"party_committee", "party_board", "party_organization", "party_cell", "government",
             "state_body", "mass_org", "army", "media", "other"}


def test_organisations_have_known_kinds_and_their_heads_are_read():
    orgs = load("orgs")
    kinds = {k for table in ("central", "wrappers", "cells", "local")
             for _, k in orgs[table].values()}
    assert kinds | set(orgs["committee_kinds"].values()) <= ORG_KINDS
    assert set(orgs["committee_kinds"]) <= {c for c, _ in orgs["committees"].values()}
    heads = set(orgs["generic_heads"])
    titles = load("titles")
    # a title holding its organisation's head: a canonical title, the head a generic one
    assert set(titles["head_titles"]) <= set(titles["titles"].values())
    assert set(titles["head_titles"].values()) <= heads
    assert set(titles["company_titles"]) <= set(titles["titles"].values())
    assert set(orgs["numbered_heads"]) | set(orgs["boards"]) | set(orgs["ministry_units"]) <= heads
    assert set(orgs["lower_heads"]) <= heads
    # an abbreviation spells out words, never itself again
    assert all(k not in v.split() for k, v in orgs["abbreviations"].items())


def test_province_names_are_provinces_of_the_gazetteer():
    from partyx.rules.gazetteer import get

    gaz = get()
    places = load("places")
    for name in [*places["province_aliases"].values(), *places["capital_words"].values(),
                 *(p for _, _, p in places["extra_units"] if p is not None)]:
        assert gaz.province(name) is not None, name


def test_gazetteer_rows_point_at_rows_that_exist():
    data = load("gazetteer")
    provinces, districts = data["provinces"], data["districts"]
    eras = {"old", "new", "both"}
    assert all(t in ("tỉnh", "thành phố") and era in eras for t, _, era in provinces)
    assert all(t in UNIT_TYPES and 0 <= p < len(provinces) for t, _, p in districts)
    assert all(t in UNIT_TYPES and 0 <= p < len(provinces) and -1 <= d < len(districts)
               and era in eras for t, _, p, d, era in data["wards"])


def test_legacy_tables_map_bytes_and_sequences_to_letters():
    data = load("legacy_vn")
    assert all(re.fullmatch(r"[0-9A-Fa-f]{2}", k) for k in data["tcvn3"])
    assert all(len(v) == 1 for v in data["tcvn3"].values())
    assert all(len(v) == 1 for v in data["vni"].values())


def test_name_cues_give_a_gender_or_none():
    assert set(load("names")["cues"].values()) <= {"male", "female", None}
