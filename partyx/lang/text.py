"""Vietnamese text normalisation: one form for every string partyx compares or writes.

- Unicode NFC (decomposed tone marks from some editors are composed);
- one tone-placement convention, the "new" one used by the SPEC and most outlets today:
  the mark sits on the first vowel of a final ``oa``/``oe``/``uy`` (``hoà`` -> ``hòa``,
  ``Uỷ`` -> ``Ủy``, ``khoẻ`` -> ``khỏe``; ``quý`` is left alone: its ``u`` belongs to ``qu``);
- no-break and other odd spaces folded to a plain space, zero-width characters dropped;
- the Icelandic eth ``Ð``/``ð`` that old Vietnamese encodings left for ``Đ``/``đ`` made ``Đ``/``đ``;
- HTML entities (``&gt;``, ``&amp;``) decoded;
- line ends ``\\r\\n`` and ``\\r`` made ``\\n``.

:func:`normalize` is idempotent: ``normalize(normalize(s)) == normalize(s)``.
"""

from __future__ import annotations

import html
import re
import unicodedata

from partyx.lang.syllables import is_syllable

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _build_tone_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f_case, s_case in ((str.lower, str.lower), (str.upper, str.upper),
                               (str.upper, str.lower)):
            f, s = f_case(first), s_case(second)
            for tone in _TONES:
                table[f + _with_tone(s, tone)] = _with_tone(f, tone) + s
    return table


_TONE_TABLE = _build_tone_table()
# Old placement only at the end of a syllable, and not after q (quý, quỳ keep theirs). One
# pattern per first letter (o, O, u, U): a literal prefix, which the regex engine finds
# fast, instead of a character class it stops at for every letter. The "not after q" test
# is in the replacement rather than a leading look-behind. A pair followed by a stray
# combining mark stays as it is (folding it would leave the text not NFC). Folding one
# letter's pairs makes no pair for another: no second letter of a pair is a first letter.
_OLD_PAIRS: list[tuple[str, re.Pattern[str]]] = [
    (first, re.compile(re.escape(first) + "[" + "".join(sorted(
        {k[1] for k in _TONE_TABLE if k[0] == first})) + r"](?![^\W\d_]|[\u0300-\u036f])"))
    for first in sorted({k[0] for k in _TONE_TABLE})]

_FOLD: dict[int, str | None] = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
             "\u205f\u3000"), " ")
_FOLD.update(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None))
_FOLD.update({0x00D0: "\u0110", 0x00F0: "\u0111"})  # Ð ð (eth) -> Đ đ
# str.translate looks every character up in the dict: slow on Vietnamese text. Find the rare
# characters to fold with one character class instead.
_FOLD_RE = re.compile("[" + "".join(map(chr, _FOLD)) + "]")
_FOLD_STR = {chr(k): v or "" for k, v in _FOLD.items()}
# The odd spaces and invisible characters are all unprintable (str.isprintable, a fast C
# loop, is false on them); the others (the eths) are looked for one by one.
_PRINTABLE_FOLDS = [ch for ch in _FOLD_STR if ch.isprintable()]


def fold_tone_placement(text: str) -> str:
    """``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``; other text unchanged."""
    for first, pattern in _OLD_PAIRS:
        if first in text:
            text = pattern.sub(_fold_pair, text)
    return text


def _fold_pair(m: re.Match[str]) -> str:
    pair, i = m.group(), m.start()
    if i and m.string[i - 1] in "qQ":
        return pair
    return _TONE_TABLE[pair]


def normalize(text: str) -> str:
    """The normal form of a decoded article or string (see module docstring).

    The steps run in the one order that makes the result idempotent: odd spaces and
    zero-width characters go first (``&l\u200bt;`` is an entity once the zero-width space
    is gone; ``a\u200b\u0300`` is ``à``), then entities, then NFC, then tone placement."""
    text = _fold(text)
    if "&" in text:
        text = _unescape(text)
    return fold_tone_placement(unicodedata.normalize("NFC", text))


def _fold(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.replace("\n", "").isprintable() and not any(ch in text for ch in _PRINTABLE_FOLDS):
        return text  # nothing to fold: the usual case, found twice as fast as by the regex
    return _FOLD_RE.sub(lambda m: _FOLD_STR[m.group()], text)


# ``&amp;amp;lt;`` (escaped twice or more, as scraped pages often are) is ``&lt;``.
_AMP_CHAIN = re.compile(r"&(?:amp;|#0*38;|#x0*26;)+(?=[#a-z])", re.IGNORECASE)


def _unescape(text: str) -> str:
    """Entities decoded until none is left (what one pass decodes can form another)."""
    text = _AMP_CHAIN.sub("&", text)
    for _ in range(16):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = _fold(decoded)  # an entity may stand for a no-break or zero-width space
    return text


def lower_aligned(text: str) -> str:
    """``text.lower()`` with the same length, so that an offset found in it is an offset in
    ``text``: the rare letters whose lower case is longer (``İ`` -> ``i̇``) are kept as they
    are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(low_ch if len(low_ch := ch.lower()) == 1 else ch for ch in text)


# Two spaces, then any more: a literal prefix the regex engine searches for quickly (a
# pattern that may start at any one space stops at every word).
_SPACES = re.compile("   *")


def collapse_spaces(text: str) -> str:
    """Runs of blanks within a line made one space, ends stripped."""
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


# Words run together where a crawler dropped a line break or a space: a Vietnamese syllable
# that ends in lower case with the next one, upper case, glued on ("Nông Đức MạnhBan Bí thư",
# "Hồ Chí MinhỦy ban", "Bộ trưởngTrần Hồng Hà"). A camel-case brand or a product
# ("VinFast", "MobiFone", "iPhone", "HeFa", "DongA") has a half that is no Vietnamese
# syllable, or neither half written with a Vietnamese letter ("SaiGon"): it stays as written.
_VN_ONLY = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LOWER = "a-z" + _VN_ONLY
_UPPER = "A-Z" + _VN_ONLY.upper()
_GLUED = re.compile(f"(?<![^\\W\\d_])([{_LOWER}{_UPPER}]{{1,7}})(?<=[{_LOWER}])"
                    f"([{_UPPER}][{_LOWER}]{{1,6}})(?!\\w)")
_VN_LETTER = re.compile(f"[{_VN_ONLY}]", re.IGNORECASE)
# a lower-case letter before an upper-case one: four times cheaper to look for than the above,
# and on few lines (a brand's, a code's)
_CASE_TURN = re.compile(f"[{_LOWER}][{_UPPER}]")


def unglue_words(line: str) -> str:
    """``line`` with a space put back between two Vietnamese syllables glued together, the
    second written upper case (see above); other text unchanged."""
    return _GLUED.sub(_unglue, line) if _CASE_TURN.search(line) else line


def _unglue(m: re.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    start = m.start()
    if start and m.string[start - 1] in "_-/":
        return m.group()  # part of a code
    if (len(right) >= 2 and is_syllable(left) and is_syllable(right)
            and (_VN_LETTER.search(left) or _VN_LETTER.search(right))):
        return f"{left} {right}"
    return m.group()


# A numbered list whose items were run together into one line: "1. A - Tổng Bí thư2. B - …":
# the numbers go on from a "1. " that opens the line or follows a colon, each glued to the
# word before it and followed by ". " and an upper-case letter. A number that continues no
# such list ("PMU18. Những …", "Quân khu 7. ") is part of what it follows.
_LIST_ONE = re.compile(r"(?:^|:\s*)(1\.\s)")
# An item's number glued to the word before it: the whole run of digits after a letter (it
# cannot begin inside a longer number), then ". " and an upper-case letter. One pattern for
# every number, compared as written with the one expected next (a pattern made for each
# number was compiled anew for each item: half the clean stage's cost on such lines).
_LIST_NEXT = re.compile(rf"(?<=[^\W\d_])(\d+)\.\s(?=[{_UPPER}])")


def _next_item(line: str, pos: int, number: str) -> re.Match[str] | None:
    """The first item ``number`` glued to a word in ``line`` from ``pos`` (_LIST_NEXT); the
    items of other numbers before it are passed over (none overlaps it: an item holds no
    letter, and one follows a letter)."""
    for m in _LIST_NEXT.finditer(line, pos):
        if m.group(1) == number:
            return m
    return None


def split_glued_list(line: str) -> list[str]:
    """The items of a numbered list run together into ``line`` (see above), each its own
    line, the text before the first item the first line; ``[line]`` when it is no such
    list."""
    if "1. " not in line:
        return [line]
    first = _LIST_ONE.search(line)
    if not first:
        return [line]
    starts = [first.start(1)]
    pos, number = first.end(), 2
    while m := _next_item(line, pos, str(number)):
        starts.append(m.start())
        pos, number = m.end(), number + 1
    if len(starts) < 2:
        return [line]
    ends = starts[1:] + [len(line)]
    parts = [line[:starts[0]]] + [line[a:b] for a, b in zip(starts, ends, strict=True)]
    return [p.strip() for p in parts if p.strip()]
