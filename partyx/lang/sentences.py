"""Where sentences end, in lines, in body text and in tokens.

Vietnamese news ends a sentence with ``.``, ``!``, ``?`` or ``…``, maybe inside a closing quote
or bracket, and a line break ends one too. What else a mark needs to end a sentence depends on
what is read, so each question below is asked in one place, with its rule written down:

**Lines** (a headline, a caption, a byline: text without context around it)

- :func:`ends_sentence`: the line ends like a sentence (by default any of :data:`ENDS`; a
  paragraph test asks for ``.`` or ``…`` only);
- :func:`closes_sentence`: a word ends a sentence inside a line (its mark is no acronym's dot:
  ``TP.``, ``T.Ư.``);
- :func:`next_starts`: where a new sentence (or what was glued after one) may begin in a line.

**Body text** (offsets into an article's text): a :class:`Rule` says which marks end a sentence
(a line break always does); :func:`sentence_start`, :func:`sentence_end` and
:func:`sentence_at` find the bounds, :func:`next_end` the mark.

- :data:`PROSE` (the main event's sentence): ``.``, ``!`` or ``?`` before a blank, not inside an
  ellipsis (``...``); the next sentence starts after the blank.
- :data:`FIGURES` (the sentence of a membership figure): ``.``, ``!`` or ``?`` unless a digit
  follows (``19.908`` is one number); the next sentence starts right after the mark. A digit is
  ``str.isdecimal`` (``\\d``): ``²`` is none.
- :data:`CLAUSE` (the posts written after a person): ``.``, ``!`` or ``?`` before a blank or
  where the look stops; :func:`clause_start` looks back for its start.

**Tokens** (:func:`token_breaks`): a token ``.``, ``!`` or ``?``, or a gap with a line break
and more, ends a sentence.

The body-text bounds are found by ``str.find`` of each mark (far faster than a regex scan of
the text); after :data:`_TRIES` marks that end nothing (the dots of ``19.908``, ``TP.HCM``) the
rule's regex, which says the same, decides in one scan, so hostile text stays linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from partyx.lang.tokens import Tokens

ENDS = ".!?…"  # what ends a sentence in a line
CLOSERS = "\"'”’»)]"  # what may close a sentence after its mark
MARKS = ".!?"  # what ends a sentence in body text and in tokens (besides a line break)
MARK_TOKENS = frozenset(MARKS)
EDGE = "\"'“”‘’«»()[]"  # quotes and brackets around a word


# --- lines --------------------------------------------------------------------------------------

def ends_sentence(line: str, marks: str = ENDS) -> bool:
    """Does ``line`` end like a sentence: with one of ``marks``, maybe inside quotes or
    brackets (:data:`CLOSERS`)?"""
    core = line.rstrip().rstrip(CLOSERS)
    return bool(core) and core[-1] in marks


def is_acronym(word: str) -> bool:
    """``TP.``, ``T.Ư``, ``(HĐND)``: two or more letters, all capitals."""
    w = word.strip(EDGE).rstrip(".,;:")
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def closes_sentence(word: str) -> bool:
    """Whether a word of a line ends a sentence: its last character (quotes and brackets aside)
    is one of :data:`ENDS`, and it is no acronym, whose dot ends nothing (``TP.``)."""
    core = word.strip(EDGE)
    return bool(core) and core[-1] in ENDS and not is_acronym(word)


_NEXT_START = re.compile(r"[.!?…”\")]\s+")


def next_starts(line: str, start: int = 0) -> list[int]:
    """Where a new sentence may begin in ``line`` from ``start``: after a mark of :data:`ENDS`,
    a closing quote or bracket, and the blanks after it (a byline glued after the last
    sentence of a paragraph begins at one of them)."""
    return [m.end() for m in _NEXT_START.finditer(line, start)]


# --- body text ------------------------------------------------------------------------------------

class Rule(NamedTuple):
    """Which marks end a sentence in body text (a line break always does).

    ``end_at(text, i, stop)`` says, for a mark or line break at ``text[i]``, where the next
    sentence starts, or 0 when it ends none (``stop``: where the look stops, for a rule that
    reads the text as cut there). ``pattern`` matches the same ends (each match ends where
    the next sentence starts, and looks at most one character past itself): it decides after
    :data:`_TRIES` marks that end nothing."""

    end_at: Callable[[str, int, int], int]
    pattern: re.Pattern[str]


def _prose_end(text: str, i: int, stop: int) -> int:
    if text[i] == "\n":
        return i + 1
    if (i and text[i - 1] == ".") or i + 1 >= len(text) or not text[i + 1].isspace():
        return 0
    return i + 2


def _figure_end(text: str, i: int, stop: int) -> int:
    if text[i] == "\n" or not (i + 1 < len(text) and text[i + 1].isdecimal()):
        return i + 1
    return 0


def _clause_end(text: str, i: int, stop: int) -> int:
    if text[i] == "\n" or i + 1 >= stop or text[i + 1].isspace():
        return i + 1
    return 0


PROSE = Rule(_prose_end, re.compile(r"(?<!\.)[.!?](?!\.)\s|\n"))
FIGURES = Rule(_figure_end, re.compile(r"[.!?](?!\d)|\n"))
CLAUSE = Rule(_clause_end, re.compile(r"[.!?](?=\s|$)|\n"))

_TRIES = 16  # marks that end no sentence looked at before the rule's regex decides


def _last_mark(text: str, floor: int, pos: int) -> int:
    """Where the last of . ! ? and line break in ``text[floor:pos]`` stands (-1: none), by
    ``str.rfind`` (a C scan): the rare ! and ? only after the nearest dot or line break (a
    search of the whole text for them would cost more than the rest)."""
    i = max(text.rfind("\n", floor, pos), text.rfind(".", floor, pos))
    after = max(i + 1, floor)
    return max(i, text.rfind("!", after, pos), text.rfind("?", after, pos))


def _first_mark(text: str, start: int, limit: int) -> int:
    """Where the first of . ! ? and line break in ``text[start:limit]`` stands (-1: none), as
    :func:`_last_mark` looks for the last."""
    ends = [i for i in (text.find("\n", start, limit), text.find(".", start, limit)) if i >= 0]
    stop = min(ends) if ends else limit
    ends += [i for i in (text.find("!", start, stop), text.find("?", start, stop)) if i >= 0]
    return min(ends) if ends else -1


def sentence_start(text: str, pos: int, rule: Rule, floor: int = 0) -> int:
    """Where the sentence holding ``pos`` starts: where the last sentence ending before it
    (not before ``floor``) lets the next one start, else ``floor``."""
    at = pos
    stop = len(text)
    for _ in range(_TRIES):
        i = _last_mark(text, floor, at)
        if i < 0:
            return floor
        end = rule.end_at(text, i, stop)
        if 0 < end <= pos:
            return end
        at = i
    start = floor
    for m in rule.pattern.finditer(text, floor, pos + 1):
        if m.end() > pos:
            break
        start = m.end()
    return start


def next_end(text: str, pos: int, rule: Rule, limit: int | None = None) -> int:
    """Where the first mark (or line break) from ``pos`` that ends a sentence stands, the
    next sentence starting by ``limit`` (default: the end of the text); -1 when none does."""
    stop = len(text) if limit is None else min(len(text), limit)
    at = pos
    for _ in range(_TRIES):
        i = _first_mark(text, at, stop)
        if i < 0:
            return -1
        end = rule.end_at(text, i, stop)
        if end:
            return i if end <= stop else -1
        at = i + 1
    m = rule.pattern.search(text, at, stop)
    return m.start() if m else -1


def sentence_end(text: str, pos: int, rule: Rule, limit: int | None = None) -> int:
    """Where the sentence holding ``pos`` ends (after its mark or line break), looking no
    further than ``limit`` (then cut there)."""
    i = next_end(text, pos, rule, limit)
    if i >= 0:
        return i + 1
    return len(text) if limit is None else min(len(text), limit)


def sentence_at(text: str, pos: int | None, rule: Rule = PROSE,
                reach: int = 2000) -> tuple[int, int]:
    """Bounds of the sentence of ``text`` around ``pos``; ``(0, 0)`` for no position. A
    "sentence" with no end within ``reach`` characters (a hostile line, no real prose) is cut
    there, so that asking for each of thousands of names costs no scan of the whole text."""
    if pos is None or not text:
        return (0, 0)
    here = max(0, pos)
    return (sentence_start(text, here, rule, max(0, pos - reach)),
            sentence_end(text, here, rule, pos + reach))


def clause_start(text: str, pos: int, reach: int = 300) -> int:
    """Where a look back from ``pos`` at its clause begins: after the last ``". "`` within
    ``reach`` characters, else at the start of its line (however far back)."""
    return max(text.rfind(". ", max(0, pos - reach), pos), text.rfind("\n", 0, pos)) + 1


# --- tokens -------------------------------------------------------------------------------------

_MARKS = ".!?"  # the marks that end a sentence (token_breaks)


def token_breaks(text: str, tokens: Tokens) -> list[int]:
    """Indices of the tokens that begin a new sentence (after a ``.``, ``!`` or ``?`` token,
    or a gap holding a line break and more), in order. Found from the text (``str.find`` for
    the marks and the line breaks, a bisect for their tokens), not by a loop over every
    token."""
    toks, starts, _ = tokens
    n = len(toks)
    if n < 2:
        return []
    breaks = set()
    last = starts[-1]  # a mark or a line break before the last token
    for mark in _MARKS:  # each mark by str.find (a regex scan of a class costs several
        at = text.find(mark, starts[0], last)  # times more per character)
        while at != -1:
            k = bisect.bisect_left(starts, at)
            if starts[k] == at and toks[k].low in MARK_TOKENS:  # a token, not in "TP.HCM"
                breaks.add(k + 1)
            at = text.find(mark, at + 1, last)
    nl = text.find("\n", tokens.end(0), last)
    while nl != -1:
        k = bisect.bisect_right(starts, nl)  # the token after the gap holding it
        if starts[k] - tokens.end(k - 1) > 1:  # a gap of one "\n" is no break
            breaks.add(k)
        nl = text.find("\n", starts[k], last)
    return sorted(breaks)


def sentence_number(breaks: list[int], k: int) -> int:
    """The sentence number of token ``k`` (``breaks`` from :func:`token_breaks`)."""
    return bisect.bisect_right(breaks, k)


def first_token(breaks: list[int], k: int) -> int:
    """The first token of token ``k``'s sentence, by a binary search: walking back would make a
    hostile one-sentence text quadratic."""
    i = bisect.bisect_right(breaks, k)
    return breaks[i - 1] if i else 0
