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
def _syllable_chars() -> Any:
    """For every code point of the Basic Multilingual Plane, then one more (every code point
    beyond it, see :func:`shingle_hashes`): its lower case (uint64) when that is part of a
    syllable (a letter or a digit, as :data:`_TOKEN` reads them), else 0. What
    ``text.lower()`` then a test of each character would give, in one look-up per character;
    except for the characters of :data:`_CONTEXTUAL` (0 here), whose lower case is not one
    character on its own."""
    np = numpy()

    lowered = [chr(c).lower() for c in range(0x10000)]
    return np.array([ord(low) if len(low) == 1 and low.isalnum() else 0 for low in lowered]
                    + [0], dtype=np.uint64)


# what str.lower() makes of these depends on more than the character: U+0130 (İ) becomes two
# characters (i and a combining dot), a capital sigma becomes final (ς) or not (σ) by its
# neighbours (the only two of Unicode's special lower-casings that Python applies). A text
# holding one is lower-cased as a whole first (tests/lang/test_shingles.py checks the list).
_CONTEXTUAL = ("\u0130", "\u03a3")


def _mix(x: Any) -> Any:
    """splitmix64's finaliser: every bit of ``x`` (a uint64 array, wrapping) reaches every
    bit; written into ``x``, which is returned."""
    np = numpy()

    s30, m1, s27, m2, s31 = _mixing()
    x ^= x >> s30
    np.multiply(x, m1, out=x)
    x ^= x >> s27
    np.multiply(x, m2, out=x)
    x ^= x >> s31
    return x


@lru_cache(maxsize=1)
def _mixing() -> tuple[Any, ...]:
    """The constants of :func:`_mix` as numpy scalars (made once, not at every call)."""
    np = numpy()

    return (np.uint64(30), np.uint64(0xBF58476D1CE4E5B9), np.uint64(27),
            np.uint64(0x94D049BB133111EB), np.uint64(31))


_PLACES = 32  # characters of a syllable told apart by their place (longer ones: the rest alike)


@lru_cache(maxsize=1)
def _multipliers() -> Any:
    """Odd 64-bit multipliers, fixed for ever (signatures are stored): one per place of a
    character in its syllable, then one per place of a syllable in its shingle."""
    np = numpy()

    return _mix(np.arange(1, _PLACES + K + 1, dtype=np.uint64)) | np.uint64(1)


_LITTLE = sys.byteorder == "little"


def shingle_hashes(text: str | None) -> Any:
    """The distinct shingles of ``text`` (those of :func:`shingles`) as a sorted numpy array
    of 32-bit hashes: a syllable's hash sums its characters, each multiplied by a constant of
    its place in it, a shingle's its :data:`K` syllables' the same way (modulo 2**64, mixed).

    Every step works on the whole text at once (a few numpy calls over arrays of a few
    thousand characters: the calls, not the arithmetic, are most of the cost, so there are
    few of them, and no temporary array where the result can be written in place). Only the
    code points of the Basic Multilingual Plane make syllables (the others lower-case to code
    points beyond it too: they separate syllables, as punctuation does)."""
    np = numpy()

    if not text:
        return np.zeros(0, dtype=np.uint32)
    if any(c in text for c in _CONTEXTUAL):
        text = text.lower()  # the table gives the lower case of the rest as it is
    places = _multipliers()
    # a line break before and after: every syllable has a start and an end inside
    cps = np.frombuffer(f"\n{text}\n".encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars = _syllable_chars().take(cps, mode="clip")  # 0: not part of a syllable
    inside = chars != 0
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    edges += 1
    starts, ends = edges[0::2], edges[1::2]  # [start, end) of each syllable
    if starts.size < K:
        return np.zeros(0, dtype=np.uint32)
    # a character's place in its syllable: its distance from the start of the last syllable
    # that starts at or before it (the characters between two syllables count for nothing)
    first = starts[0]
    runs = np.empty(starts.size, dtype=np.intp)
    np.subtract(starts[1:], starts[:-1], out=runs[:-1])
    runs[-1] = cps.size - starts[-1]
    place = np.arange(first, cps.size)
    place -= np.repeat(starts, runs)
    # (a place past the last of the syllable places counts as the last: ``clip``)
    weighted = places[:_PLACES].take(place, mode="clip")
    weighted *= chars[first:]
    # a syllable's sum: the running sum at its last character less that before its first
    running = np.cumsum(weighted, out=weighted)
    syllables = running.take(ends - (first + 1))
    syllables[1:] -= running.take(starts[1:] - (first + 1))
    _mix(syllables)
    # the line each syllable is on: how many line breaks come before its start
    line = np.searchsorted(np.flatnonzero(cps == 10), starts)
    n = syllables.size - K + 1
    h = syllables[:n] * places[_PLACES]
    term = np.empty_like(h)
    for k in range(1, K):
        np.multiply(syllables[k:k + n], places[_PLACES + k], out=term)
        h += term
    h = _mix(h[line[:n] == line[K - 1:]])
    if _LITTLE:  # the upper halves, as a view (sorted into an array of their own)
        h = np.sort(h.view(np.uint32)[1::2])
    else:  # pragma: no cover - a big-endian machine
        h >>= np.uint64(32)
        h = np.sort(h.astype(np.uint32))
    if h.size < 2:
        return h
    distinct = np.empty(h.size, dtype=bool)
    distinct[0] = True
    np.not_equal(h[1:], h[:-1], out=distinct[1:])
    return h[distinct]
