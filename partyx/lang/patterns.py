"""Regex building blocks shared by the stages.

:func:`alternation` writes a list of words as a trie: ``(?:Hà (?:Nam|Nội)|Huế)`` rather than
``Hà Nội|Hà Nam|Huế``. Python's regex engine tries the branches of an alternation one by
one, so a list of hundreds of words costs hundreds of tests at every position it is tried
at; a trie costs one test per character, and a pattern that opens with it starts with a set
of literals, which the engine uses to skip through the text to the next possible first
character.

:func:`finditer_at` is ``finditer`` tried only where a match can open (positions found by a
cheaper ``str.find`` scan, such as :func:`find_all`); :func:`width` bounds how far before a
known text a match opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

try:  # the parser of the re module (private), for the width of a pattern
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # Python 3.11+, private
except ImportError:  # pragma: no cover
    try:
        import sre_parse as _sre_parse  # Python 3.10
    except ImportError:
        _sre_parse = None


def alternation(words: list[str], not_after: str | None = None) -> str:
    """A pattern for the longest of ``words`` (case-sensitive) that matches where it is
    tried: the same matches as ``(?:w1|w2|…)`` with the words longest first (a longer word
    whose continuation fails gives way to a shorter one, as there). With ``not_after``, a
    character class (``[\\w.]``), the same as ``(?<!not_after)(?:…)``; the look-behind sits
    after the first character so that the pattern still opens with literals.

    Not for a case-insensitive pattern: words that differ only in case would be separate
    branches, and the longest-first order across them would be lost."""
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a longer word first: the optional rest is greedy, backtracked when what follows fails
        return "(?:" + body + ")?" if "" in node else body

    def guard(ch: str) -> str:
        return rf"(?<!{not_after}{re.escape(ch)})" if not_after else ""

    return "(?:" + "|".join(re.escape(ch) + guard(ch) + branch(child)
                            for ch, child in sorted(trie.items())) + ")"


def width(pattern: str) -> tuple[int, int] | None:
    """(fewest, most) characters a match of ``pattern`` spans (look-arounds and anchors span
    none); ``None`` when a match can be as long as it likes (``a*``), or when the re module's
    private parser, which this reads, is gone or fails (another Python): callers then scan
    everything, as they would without the bound."""
    try:
        low, high = _sre_parse.parse(pattern).getwidth()  # type: ignore[union-attr]
    except Exception:  # (private API: any change in it only costs the speed-up)
        return None
    return (low, high) if high < _sre_parse.MAXREPEAT else None


def finditer_at(rx: re.Pattern[str], text: str,
                starts: list[int] | None) -> Iterator[re.Match[str]]:
    """What ``rx.finditer(text)`` gives when every match of ``rx`` opens at one of ``starts``
    (ascending); ``None`` for starts: scan the text."""
    if starts is None:
        yield from rx.finditer(text)
        return
    pos = 0
    for p in starts:  # the leftmost match from pos, then on after its end
        if p >= pos and (m := rx.match(text, p)):
            yield m
            pos = m.end()


def find_all(text: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` occurs in ``text``, ascending (by str.find: far faster than a
    regex scan, which tries its pattern at every possible first character)."""
    starts = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            starts.append(i)
            i = text.find(word, i + 1)
    starts.sort()
    return starts
