"""The views never trust a record's shape: odd (but parseable) records read as empty."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

# any parseable record, however malformed, folds without an exception
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**9) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "title", "org", "status", "type", "date", "number", "code",
                         "issuer", "year", "party_members", "as_of", "positions", "province"]),
        inner, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["people", "documents", "membership", "places", "event",
                                        "published", "authors", "outlet", "source", "errors",
                                        "congresses", "title", "story", "duplicate_of"]),
                       _json, max_size=8),
       st.one_of(st.text(max_size=5), st.integers()))
def test_views_and_tables_never_raise_on_odd_records(fields, rid):
    from partyx.views.documents import DocumentsView
    from partyx.views.events import EventsView
    from partyx.views.membership import MembershipView
    from partyx.views.people import PeopleView
    from partyx.views.render import FORMATS, render
    from partyx.views.stories import StoriesView
    from partyx.views.summary import SummaryView
    from partyx.views.tables import SCHEMA, Normaliser

    rec = {"id": rid, **fields}
    for view in (SummaryView(), PeopleView(org="x"), DocumentsView(), MembershipView(),
                 EventsView(), EventsView(by="article"), StoriesView()):
        view.add(rec)
        view.add(rec)
        result = view.result()
        for fmt in FORMATS:
            render(result, fmt, io.StringIO())
    for table, row in Normaliser().rows(rec):
        assert len(row) == len(SCHEMA[table])
