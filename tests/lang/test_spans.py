"""Spans: the binary searches answer what a scan of every span would."""

from hypothesis import given
from hypothesis import strategies as st

from partyx.lang.spans import Spans

spans_of = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)).map(
    lambda t: (t[0], t[0] + t[1])), max_size=8)


@given(spans_of, spans_of)
def test_covers_and_meets_as_a_scan_would(first, more):
    spans = Spans(first)
    spans.add(more)
    every = [*first, *more]
    for pos in range(-1, 42):
        assert (pos in spans) == any(a <= pos < b for a, b in every)
        for end in range(pos, pos + 4):
            expected = any(a <= pos < b or pos < a < end for a, b in every)
            assert spans.meets(pos, end) == expected


def test_overlapping_spans_cover_what_any_of_them_covers():
    spans = Spans([(0, 10), (2, 3)])
    assert 5 in spans and 10 not in spans and -1 not in spans
