"""Numerals as Vietnamese news writes them: decimal figures, number words, Roman numerals.

Vietnamese figures put a dot between thousands and a comma before decimals: ``19.908`` is
19908, ``14,63`` is 14.63, ``1,2 triệu`` is 1 200 000. A dot followed by anything but groups of
three digits is not a thousands separator, so ``1.5`` (a date, a version) is not a number here.
Small counts are sometimes spelled out (``sáu chi bộ``). Congresses and Party terms are counted
in Roman numerals (``lần thứ XIII``, ``khóa XII``) or in figures (``lần thứ 13``).

Every parser returns ``None`` for what it cannot read; none of them raises.
"""

from __future__ import annotations

import re
from functools import lru_cache

# 1.234.567 | 1.234,5 | 1234 | 12,5 (each part bounded: no backtracking blow-up)
_FIGURE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d{1,15})(?:,\d{1,6})?$")

_SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000,
           "tỉ": 1_000_000_000}

_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def parse_number(text: str) -> int | float | None:
    """``"19.908"`` -> 19908, ``"14,63"`` -> 14.63, ``"1,2 triệu"`` -> 1200000,
    ``"sáu"`` -> 6; ``None`` when ``text`` is not one number."""
    if not isinstance(text, str):
        return None
    words = text.strip().casefold().split()
    if not words or len(words) > 2:
        return None
    scale = 1
    if len(words) == 2:
        if words[1] not in _SCALES:
            return None
        scale = _SCALES[words[1]]
    head = words[0].rstrip("%")
    if head in _WORDS:
        return _WORDS[head] * scale
    if not _FIGURE.match(head):
        return None
    whole, _, frac = head.partition(",")
    value: float = int(whole.replace(".", ""))
    if frac:
        value += int(frac) / 10 ** len(frac)
    value *= scale
    return int(value) if float(value).is_integer() else round(value, 6)


def parse_roman(text: str) -> int | None:
    """``"XIII"`` -> 13; ``None`` for anything that is not a well-formed Roman numeral."""
    if not isinstance(text, str):
        return None
    return _roman(text)


@lru_cache(maxsize=4096)  # the congress parser asks for each capitalised word it meets
def _roman(text: str) -> int | None:
    s = text.strip().upper()
    if not s or len(s) > 15 or not _ROMAN_RE.match(s):
        return None
    total = 0
    for ch, nxt in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[ch]
        total += -v if nxt in _ROMAN and _ROMAN[nxt] > v else v
    return total


def parse_ordinal(text: str) -> int | None:
    """An ordinal written in Roman numerals or figures (``"XXVI"``, ``"26"``)."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if re.fullmatch(r"[0-9]{1,4}", s):
        return int(s)
    return parse_roman(s)


# Ordinals in words (``lần thứ mười ba``, ``lần thứ hai mươi mốt``): a unit after ``mươi``
# may be ``mốt`` (1), ``tư`` (4), ``lăm`` (5); after ``mười`` ``lăm`` (5); ``nhất`` stands alone
_UNIT_AFTER_TEN = {**{w: v for w, v in _WORDS.items() if v < 10}, "lăm": 5, "nhăm": 5}
_UNIT_AFTER_TENS = {**_UNIT_AFTER_TEN, "mốt": 1}


def ordinal_words(words: list[str]) -> tuple[int, int] | None:
    """The ordinal that the lower-cased ``words`` begin with, and how many words it takes:
    ``["mười", "ba", …]`` -> (13, 2), ``["hai", "mươi", "mốt"]`` -> (21, 3), ``["nhất"]`` ->
    (1, 1), ``["tư"]`` -> (4, 1); ``None`` when they begin with none."""
    w = [*words[:3], "", "", ""]
    if w[0] == "nhất":
        return 1, 1
    if w[0] == "mười":
        unit = _UNIT_AFTER_TEN.get(w[1])
        return (10 + unit, 2) if unit else (10, 1)
    head = _WORDS.get(w[0])
    if head is None or head == 10:
        return None
    if w[1] == "mươi" and head >= 2:
        unit = _UNIT_AFTER_TENS.get(w[2])
        return (head * 10 + unit, 3) if unit else (head * 10, 2)
    return head, 1
