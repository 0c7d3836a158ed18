"""Headline chunks: where a new headline, photo caption or sentence begins inside one line.

Vietnamese headlines and captions are written in sentence case: the first word has a capital,
the rest are lowercase except names of people, places and bodies. When a site glues a
headline, a caption and the lead into one line (VNTC: ``Khiển trách ông X Lãnh đạo tỉnh dâng
hương Ảnh: H.L.A (NLĐ)- Sáng 9-10, …``), or prints a box of related headlines as one paragraph,
a *capitalised restart* marks each seam: a capitalised word right after a lowercase word that
does not begin a name.

:func:`chunk_starts` finds those seams. It is deliberately conservative: a capital after a
place-type word (``huyện Thanh Oai``), an honorific (``ông Phong``), a title (``Bí thư Vương
Đình Huệ``) or a preposition (``tại Cung Văn hóa``), or one that opens the name of a body
(``Nghị quyết``, ``Đảng``, ``Quốc hội``) is no seam; nor is a word inside such a name
(``Đại hội Đại biểu``), nor a person's full name right after a name (``Bộ trưởng Bộ Ngoại
giao Lê Hoài Trung``: the name of whom the title stands for), nor a capital after a word that
wants what follows (``vừa bị Thủ tướng kỷ luật``). Words that open a caption or a sentence
(``Đồng chí``, ``Quang cảnh``, ``Phó Chủ tịch``) are seams even after a capitalised word.
The vocabulary is ``partyx/data/headline.json``.

Used by the clean stage (runs of related headlines) and the metadata stage (a headline glued
to what follows it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, pairwise

from partyx.data import load
from partyx.lang.sentences import EDGE, ENDS, closes_sentence, is_acronym

_WORD = re.compile(r"\S+")
_SOFT_END = ",;:–-—(/&"
BULLETS = {"+", "•", ">>", "»", "*"}
_LIST_ITEM = re.compile(r"^\s*(?:[-–+•*]|\d{1,3}\s?[-.)/:])")


@dataclass(frozen=True, slots=True)
class Seam:
    start: int  # character offset of the first word of the new chunk
    kind: str  # "sentence", "bullet", "opener" or "restart"


@dataclass(frozen=True)
class _Vocab:
    openers: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    proper: dict[str, tuple[tuple[str, ...], ...]]
    modifiers: frozenset[str]
    before: frozenset[str]
    place_types: frozenset[str]
    surnames: frozenset[str]


@cache
def _vocab() -> _Vocab:
    data = load("headline")

    def phrases(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        items = {tuple(w.casefold() for w in p.split()) for p in data[key]}
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(items, key=len, reverse=True):
            index.setdefault(phrase[0], []).append(phrase)
        return {first: tuple(group) for first, group in index.items()}

    def last_words(key: str) -> frozenset[str]:
        return frozenset(p.split()[-1].casefold() for p in data[key])

    return _Vocab(phrases("openers"), phrases("proper"),
                  frozenset(m.casefold() for m in data["modifiers"]),
                  last_words("before_proper"), last_words("place_types"),
                  frozenset(load("names")["surnames"]))


def _core(word: str) -> str:
    return word.strip(EDGE)


def _starts_phrase(keys: list[str], i: int,
                   phrases: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """The length of the longest of ``phrases`` that begins at word ``i``, else 0 (``keys``:
    the words' lookup forms)."""
    for phrase in phrases.get(keys[i], ()):
        n = len(phrase)
        if tuple(keys[i:i + n]) == phrase:
            return n
    return 0


def _place_name_follows(words: list[str], capitals: set[int], i: int) -> bool:
    """After a place-type word: is ``words[i]`` the start of a place name?"""
    w = words[i]
    if w[-1] in ENDS + _SOFT_END or i + 1 == len(words):
        return True
    return i + 1 in capitals and not is_acronym(words[i + 1])


def _inside_names(keys: list[str], capitals: list[int], vocab: _Vocab) -> list[int]:
    """For each word: is it part of the name of a body (``Tượng đài``, ``Công ty``)? 0: no;
    1: its first word; 2: a later one (``đại biểu`` of ``Đại hội đại biểu``, written ``Đại
    hội Đại biểu`` too: no seam there). A capital right after such a word continues the name
    (``Tượng đài Lý Thái Tổ``). ``capitals``: the indices of the capitalised words, where such
    a name may begin."""
    flags = [0] * len(keys)
    after = 0  # the first word after the last name found
    for i in capitals:
        if i < after:
            continue
        n = _starts_phrase(keys, i, vocab.proper)
        for k in range(i, i + n):
            flags[k] = 2 if k > i else 1
        after = i + n
    return flags


def _full_name_after_name(cores: list[str], capitals: set[int], i: int, vocab: _Vocab) -> bool:
    """Does a person's full name begin at word ``i`` (a surname, then a capitalised word)
    right after a name (a capitalised word among the three before it)? Then it is the name of
    the one the title or body before it stands for (``Bộ trưởng Bộ Ngoại giao Lê Hoài
    Trung``): no seam."""
    return (cores[i] in vocab.surnames and i + 1 in capitals
            and any(k in capitals for k in range(max(0, i - 3), i)))


def chunk_starts(text: str) -> list[Seam]:
    """Seams in ``text`` where a new chunk (headline, caption, sentence) begins."""
    return list(_seams(text))


def _word_start(text: str, words: list[str]) -> Callable[[int], int]:
    """The offset in ``text`` of its word ``i`` (``words``: its words; asked in increasing
    order): from the word lengths when single spaces part them (a cleaned line), else by
    locating the words one after another (only as far as asked: seams are few)."""
    if " ".join(words) == text:
        ends = list(accumulate(map(len, words)))
        return lambda i: ends[i] - len(words[i]) + i
    located = [0, 0]  # how many words have been located, and where the last one ends

    def start(i: int) -> int:
        found, at = located
        while found <= i:
            at = text.find(words[found], at) + len(words[found])
            found += 1
        located[:] = found, at
        return at - len(words[i])

    return start


@lru_cache(maxsize=256)  # the stages ask again about the same line (is_headline_run, chunks)
def _seams(text: str) -> tuple[Seam, ...]:
    vocab = _vocab()
    words = text.split()  # the words of _WORD (\S+), found by a C loop
    # Each word's core, lookup key and capital computed once, in bulk (not per test). The
    # keys come from the casefolded text: casefold makes no blank and folds the stripped
    # characters to themselves, so each is the casefold of the stripped word.
    cores = [w.strip(EDGE) for w in words]
    keys = [w.strip(EDGE).rstrip(".,;:") for w in text.casefold().split()]
    capitals = [i for i, c in enumerate(cores) if c[:1].isupper()]
    capital_set = set(capitals)
    seams: list[Seam] = []
    in_name = _inside_names(keys, capitals, vocab)
    start = _word_start(text, words)
    # Only a bullet or a capitalised word can start a chunk.
    bullets = [i for i, w in enumerate(words) if w in BULLETS] if any(
        b in text for b in BULLETS) else []
    for i in sorted(capital_set.union(bullets)) if bullets else capitals:
        if not i:
            continue
        prev, cur = words[i - 1], words[i]
        if cur in BULLETS:
            seams.append(Seam(start(i), "bullet"))
            continue
        if prev in BULLETS:
            continue
        if closes_sentence(prev):
            seams.append(Seam(start(i), "sentence"))
            continue
        prev_core = cores[i - 1]
        if prev[-1] in _SOFT_END or not prev_core:
            continue
        prev_key = prev_core.casefold()
        if prev_key in vocab.before or prev_key in vocab.modifiers:
            continue
        if prev_key in vocab.place_types and _place_name_follows(words, capital_set, i):
            continue
        if in_name[i] == 2:
            continue
        if _starts_phrase(keys, i, vocab.openers):
            seams.append(Seam(start(i), "opener"))
            continue
        if (prev_core[0].islower() and not is_acronym(cur) and not in_name[i - 1]
                and not _starts_phrase(keys, i, vocab.proper)
                and not _full_name_after_name(cores, capital_set, i, vocab)):
            seams.append(Seam(start(i), "restart"))
    return tuple(seams)


def first_bullet(text: str) -> int | None:
    """Where the first ``bullet`` seam among :func:`chunk_starts` is (a bullet after the first
    word: every one is a seam), without the rest of its work; None when there is none."""
    if not any(bullet in text for bullet in BULLETS):  # the usual case
        return None
    for i, m in enumerate(_WORD.finditer(text)):
        if i and m.group() in BULLETS:
            return m.start()
    return None


def has_sentence_seam(text: str) -> bool:
    """Whether a new sentence begins inside ``text``: the same as a ``sentence`` seam among
    :func:`chunk_starts`, without the rest of its work (a lead, the usual case, has one)."""
    if not any(end in text for end in ENDS):
        return False
    words = text.split()  # the words of _WORD
    for i in range(1, len(words)):
        prev, cur = words[i - 1], words[i]
        if cur in BULLETS or prev in BULLETS or not _core(cur)[:1].isupper():
            continue
        if closes_sentence(prev):
            return True
    return False


def chunks(text: str) -> list[str]:
    """``text`` cut at its opener, restart and bullet seams (not between sentences)."""
    cuts = [s.start for s in chunk_starts(text) if s.kind != "sentence"]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds) if text[a:b].strip()]


def is_headline_run(text: str) -> bool:
    """Three or more headline-sized chunks (5 to 25 words, 20 or more in all) and no sentence
    inside: a box of related headlines printed as one line. A list item (``6- Phan Tấn Tài -
    Chỉ huy trưởng …``) is none."""
    if _LIST_ITEM.match(text):
        return False
    if has_sentence_seam(text.rstrip(".!?… ")):
        return False
    sizes = [len(p.split()) for p in chunks(text)]
    return len(sizes) >= 3 and sum(sizes) >= 20 and all(5 <= n <= 25 for n in sizes)
