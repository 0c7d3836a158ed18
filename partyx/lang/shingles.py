"""Word shingles of an article's body: what two outlets' copies of one story share.

The body is the record's ``text``: the headline, the dateline (``HÀ NỘI (TTXVN) -``), the
bylines and the credits at its foot (``Theo TTXVN``, ``Nguồn: Báo Nhân Dân``) are already
left out by the metadata stage. What is left of the furniture a copy adds or drops is short
lines (a credit or a caption inside the body, a subhead), so:

- a paragraph (a line) is shingled on its own: a paragraph dropped or added by the copy
  changes only its own shingles, never those of its neighbours;
- a shingle is :data:`K` consecutive syllables (Vietnamese writes one syllable per
  space-separated token: five syllables are two or three words), lower case, letters and digits
  only (punctuation, quotes and dashes differ between outlets' copies of one text);
- a paragraph shorter than :data:`K` syllables gives no shingle (a credit line ``Theo
  TTXVN``, a photo credit, a subhead of a few words).

:func:`shingles` gives the shingles as text (to read them); :func:`shingle_hashes` the same
shingles as 32-bit hashes, computed over the whole text at once with numpy (a tenth of the
cost of hashing each shingle's text in Python: signing must stay cheap next to the stages).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import lru_cache
from typing import Any

K = 5  # syllables per shingle

_TOKEN = re.compile(r"[^\W_]+")
_PARAGRAPH = re.compile(r"\n")


def shingles(text: str | None) -> set[str]:
    """The set of shingles of ``text``, as text."""
    out: set[str] = set()
    for paragraph in _PARAGRAPH.split(text or ""):
        words = _TOKEN.findall(paragraph.lower())
        for i in range(len(words) - K + 1):
            out.add(" ".join(words[i:i + K]))
    return out


def numpy() -> Any:
    """numpy, imported (the first time) with a single OpenBLAS thread unless the user set
    ``OPENBLAS_NUM_THREADS``: shingling and matching never call BLAS, and the threads numpy
    and scipy would start in the process that forks the workers only spin at start-up (about
    a tenth of the CPU of importing them)."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    return importlib.import_module("numpy")


@lru_cache(maxsize=1)
def _word_chars() -> Any:
    """For every code point of the Basic Multilingual Plane: is it part of a syllable (a
    letter or a digit, as :data:`_TOKEN` reads them)?"""
    np = numpy()

    return np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


def _mix(x: Any) -> Any:
    """splitmix64's finaliser: every bit of ``x`` (uint64, wrapping) reaches every bit."""
    x = x ^ (x >> 30)
    x = x * 0xBF58476D1CE4E5B9
    x = x ^ (x >> 27)
    x = x * 0x94D049BB133111EB
    return x ^ (x >> 31)


_PLACES = 32  # characters of a syllable told apart by their place (longer ones: the rest alike)


@lru_cache(maxsize=1)
def _multipliers() -> Any:
    """Odd 64-bit multipliers, fixed for ever (signatures are stored): one per place of a
    character in its syllable, then one per place of a syllable in its shingle."""
    np = numpy()

    return _mix(np.arange(1, _PLACES + K + 1, dtype=np.uint64)) | np.uint64(1)


def shingle_hashes(text: str | None) -> Any:
    """The distinct shingles of ``text`` (those of :func:`shingles`) as a sorted numpy array
    of 32-bit hashes: a syllable's hash sums its characters, each multiplied by a constant of
    its place in it, a shingle's its :data:`K` syllables' the same way (modulo 2**64, mixed)."""
    np = numpy()

    empty = np.zeros(0, dtype=np.uint32)
    if not text:
        return empty
    places = _multipliers()
    cps = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    inside = (cps < 0x10000) & _word_chars()[cps & 0xFFFF]
    starts = inside & ~np.concatenate(([False], inside[:-1]))
    first = np.flatnonzero(starts)  # where each syllable starts in the text
    if first.size < K:
        return empty
    # the characters of the syllables alone (a syllable's stay together, in order): a
    # character's place in its syllable is its distance from the syllable's first
    word = cps[inside]
    head = np.flatnonzero(starts[inside])
    with np.errstate(over="ignore"):
        index = np.arange(word.size)
        place = index - np.repeat(head, np.diff(head, append=word.size))
        chars = word.astype(np.uint64) * places[np.minimum(place, _PLACES - 1)]
        syllables = _mix(np.add.reduceat(chars, head))
        # the line each syllable is on: how many line breaks come before its start
        line = np.searchsorted(np.flatnonzero(cps == 10), first)
        n = syllables.size - K + 1
        h = syllables[:n] * places[_PLACES]
        for k in range(1, K):
            h += syllables[k:k + n] * places[_PLACES + k]
        h = np.sort((_mix(h[line[:n] == line[K - 1:]]) >> np.uint64(32)).astype(np.uint32))
    if h.size < 2:
        return h
    return h[np.concatenate(([True], h[1:] != h[:-1]))]
