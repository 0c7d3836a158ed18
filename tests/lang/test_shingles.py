"""Shingle hashes: the numpy computation over the whole text equals the definition, shingle by
shingle; its values never change (signatures are stored in states)."""

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from partyx.lang.shingles import (
    _CONTEXTUAL,
    _PLACES,
    K,
    _multipliers,
    _syllable_chars,
    shingle_hashes,
    shingles,
)
from partyx.run.worker import read_article

MASK = (1 << 64) - 1


def _mix(x: int) -> int:
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def reference(text: str) -> list[int]:
    """The definition, one shingle at a time: lower case; a syllable is a run of letters and
    digits of the Basic Multilingual Plane; a line's runs of K syllables are its shingles."""
    places = [int(p) for p in _multipliers()]
    out = set()
    for line in text.lower().split("\n"):
        words, word = [], ""
        for c in line + " ":
            if c.isalnum() and ord(c) < 0x10000:
                word += c
            elif word:
                words.append(word)
                word = ""
        syllables = [_mix(sum(ord(c) * places[min(i, _PLACES - 1)]
                              for i, c in enumerate(w)) & MASK) for w in words]
        for i in range(len(syllables) - K + 1):
            h = sum(s * places[_PLACES + k] for k, s in enumerate(syllables[i:i + K])) & MASK
            out.add(_mix(h) >> 32)
    return sorted(out)


TEXT = ("Sáng 12/3, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị công bố quyết định về công "
        "tác cán bộ.\nĐồng chí Nguyễn Văn A, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy "
        "trao quyết định.\nTheo TTXVN")
# the hashes partyx has stored since stories began (partyx.run.stories.VERSION "1")
FROZEN = [60063482, 98558601, 205133911, 208349273, 224222393, 338418386, 442530967, 678578425,
          708284875, 780883945, 1077510271, 1174113175, 1401178181, 1653892969, 1701825113,
          1890854378, 2151471140, 2214928414, 2410116077, 2533578360, 2628782481, 2842677499,
          2984691684, 3053870793, 3131529318, 3185967664, 3291325422, 3790694412, 3879804414,
          3886778944, 3894458755, 3934788672, 4198321275, 4221096440]


def test_the_hashes_are_those_stored_before():
    assert shingle_hashes(TEXT).tolist() == FROZEN == reference(TEXT)
    assert len(FROZEN) == len(shingles(TEXT))


def test_the_hashes_follow_the_definition_on_the_corpus(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt"))[:30]:
        text = read_article(path, path.stem).article.raw
        hashes = shingle_hashes(text)
        assert hashes.dtype.name == "uint32"
        assert hashes.tolist() == reference(text)


_ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃĂẮỦủ0123456789 \n\n\t\r\xa0.,-_'"
             "İIıΣσςΑ\u0307\u0301ǅǄẞß😀𐐀𝐀ﬁ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_the_hashes_follow_the_definition_on_any_text(text):
    assert shingle_hashes(text).tolist() == reference(text)


_PIECES = ["Tỉnh", "ủy", "Nghệ", "An", "2024", "İstanbul", "ΣΟΦΙΑ", "a", "Trưởng",
           "nghiêng", "x" * 40, "😀", " ", " ", " ", "\n", "\n\n", ", ", " - ", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_the_hashes_follow_the_definition_on_any_run_of_syllables(pieces):
    text = "".join(pieces)
    assert shingle_hashes(text).tolist() == reference(text)


def test_one_look_up_per_character_is_what_lower_case_then_a_test_gives():
    # the table stands for ``text.lower()`` then a test of each character: exact for every
    # code point but those of _CONTEXTUAL, which make the whole text lower-cased first
    table = _syllable_chars()
    contextual = set()
    for c in range(0x10000):
        ch = chr(c)
        low = ch.lower()
        if len(low) != 1 or f"a{ch} ".lower()[1:-1] != low or f" {ch}a".lower()[1:-1] != low:
            contextual.add(ch)
            continue
        expected = ord(low) if low.isalnum() else 0
        assert table[c] == expected, hex(c)
        if expected:  # a text already lower-cased looks up the same values
            assert table[expected] == expected, hex(c)
    assert contextual == set(_CONTEXTUAL)
    # every code point beyond the plane looks up the last entry (0): none of them lower-cases
    # into the plane, so none is part of a syllable
    assert table[0x10000] == 0 and len(table) == 0x10001
    assert all(ord(c) >= 0x10000 for cp in range(0x10000, sys.maxunicode + 1)
               for c in chr(cp).lower())


def test_a_lone_surrogate_separates_syllables_and_does_not_fail():
    # a text can hold one (a plugin's, a reader's escape of a bad byte): it is no letter
    text = "Hội nghị Ban Chấp hành\ud800Đảng bộ tỉnh lần thứ năm bế mạc"
    assert shingle_hashes(text).tolist() == reference(text)
    assert shingle_hashes(text).tolist() == shingle_hashes(text.replace("\ud800", " ")).tolist()
