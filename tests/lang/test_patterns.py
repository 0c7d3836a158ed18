"""Regex building blocks."""

import random
import re

import pytest

from partyx.lang.patterns import alternation


def test_alternation_matches_like_a_plain_longest_first_alternation():
    words = ["Hà Nội", "Hà Nam", "Hà", "Huế", "TP.HCM", "TP", "Thủ đô", "thị xã", "thị trấn"]
    plain = re.compile(r"(?<![\w.])(?:" + "|".join(
        re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])")
    trie = re.compile(alternation(words, r"[\w.]") + r"(?![\w])")
    assert trie.match("Hà Nội") and trie.match("Hà Nội")[0] == "Hà Nội"
    assert trie.match("Hà Nộix")[0] == "Hà"  # the longer word fails its boundary: the shorter
    assert trie.search("x.Huế") is None and trie.search("aHuế") is None
    pieces = [*words, " ", ".", "-", "a", "Nội", "HCM", "x"]
    rng = random.Random(5)
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert [m.span() for m in trie.finditer(s)] == [m.span() for m in plain.finditer(s)], s


def test_alternation_without_guard_keeps_the_captured_word_and_the_continuation():
    words = ["TTXVN", "TTX", "VOV", "Báo Mới", "Báo", "(LĐTĐ)"]
    plain = re.compile("^(" + "|".join(
        re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\s?[-–—]\s+")
    trie = re.compile("^(" + alternation(words) + r")\s?[-–—]\s+")
    pieces = [*words, " ", "-", "–", "N", "x", "Mới"]
    rng = random.Random(6)
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        a, b = plain.match(s), trie.match(s)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), s


def test_alternation_refuses_an_empty_word():
    with pytest.raises(ValueError):
        alternation(["a", ""])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("abc", (3, 3)), (r"(?<!x)\ba", (1, 1)), ("a{1,3}(?:bc)?", (1, 5)), ("a*", None),
     (r"(?:đã|thăm,?(?: và)?) ", (3, 9))],
)
def test_width_is_the_span_of_a_match(pattern, expected):
    from partyx.lang.patterns import width

    assert width(pattern) == expected


def test_width_is_unknown_without_the_private_parser(monkeypatch):
    # width() reads re's private parser: if a Python lacks it, the bound is unknown, not an error
    from partyx.lang import patterns

    monkeypatch.setattr(patterns, "_sre_parse", None)
    assert patterns.width("abc") is None
