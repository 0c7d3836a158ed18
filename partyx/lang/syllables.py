"""Whether a word is spelled as one Vietnamese syllable.

A Vietnamese syllable is written onset + rhyme + tone mark: an optional onset of the closed set
(``b``, ``ch``, ``gh``, ``gi``, ``ngh``, ``qu`` …), a vowel nucleus with its glides (``a``,
``oa``, ``ươ``, ``uyê`` …) and an optional final consonant (``c``, ``ch``, ``m``, ``n``,
``ng``, ``nh``, ``p``, ``t``). A capitalised word that is not spelled so (``Donald``,
``Trump``, ``Lee``, ``Jong``, ``Ksor``) is a foreign word or a name of a people whose
spelling has other rules: :func:`is_syllable` tells them apart, so that a name rule can
accept such a run after a cue word or a title (``Tổng thống Donald Trump``). The test is
on spelling only: a short foreign word that happens to spell a syllable (``Kim``, ``Tom``)
passes as Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))  # to delete
_ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
# vowels with their glides: a rhyme is one of these and maybe a final consonant
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
           "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iêu", "iu",
           "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uôi", "uơ",
           "uy", "uya", "uyê", "uyu", "ưa", "ưi", "ươ", "ươi", "ươu", "ưu", "yê", "yêu",
           "oai", "oay", "oao", "oeo", "uây", "uai", "uay", "uao"]
_CODAS = ["ch", "ng", "nh", "c", "m", "n", "p", "t"]


def _longest_first(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SYLLABLE = re.compile(
    f"(?:{_longest_first(_ONSETS)})?(?:{_longest_first(_NUCLEI)})(?:{_longest_first(_CODAS)})?")
_MEMO: dict[str, bool] = {}


def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC) is spelled as one Vietnamese syllable."""
    found = _MEMO.get(word)
    if found is None:
        if len(_MEMO) > 50_000:  # bounded: a hostile text of unique words
            _MEMO.clear()
        bare = unicodedata.normalize(
            "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS))
        found = _MEMO[word] = _SYLLABLE.fullmatch(bare) is not None
    return found
