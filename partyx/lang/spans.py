"""A set of spans of a text, asked in log time whether it covers a position or meets a span.

The stages keep what they have taken of a text as spans (``[start, end)`` character offsets):
the dates found by an earlier pass, the place names read after a type word, the full names of
people. :class:`Spans` sorts them once and answers each question by a binary search: a scan of
every span per question made a text with thousands of mentions quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """Half-open spans ``[start, end)``, in any order, overlapping or not."""

    __slots__ = ("spans", "starts", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self.starts: list[int] = []
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        self.add(spans)

    def __contains__(self, pos: int) -> bool:
        """Whether a span covers ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos

    def meets(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span: one covers ``start``, or one starts after
        it and before ``end``."""
        i = bisect.bisect_right(self.starts, start)
        if i and self.reach[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, spans: Iterable[tuple[int, int]]) -> None:
        """Take ``spans`` too (the index is rebuilt: add many at once, rarely)."""
        self.spans = sorted([*self.spans, *spans])
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))
