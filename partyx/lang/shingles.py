"""Word shingles of an article's body: what two outlets' copies of one story share.

The body is the record's ``text``: the headline, the dateline (``HÀ NỘI (TTXVN) -``), the
bylines and the credits at its foot (``Theo TTXVN``, ``Nguồn: Báo Nhân Dân``) are already
left out by the metadata stage. What is left of the furniture a copy adds or drops is short
lines (a credit or a caption inside the body, a subhead), so:

- a paragraph is shingled on its own: a paragraph dropped or added by the copy changes only
  its own shingles, never those of its neighbours;
- a shingle is :data:`K` consecutive syllables (Vietnamese writes one syllable per
  space-separated token: five syllables are two or three words), lower case, letters and digits
  only (punctuation, quotes and dashes differ between outlets' copies of one text);
- a paragraph shorter than :data:`K` syllables gives no shingle (a credit line ``Theo
  TTXVN``, a photo credit, a subhead of a few words).
"""

from __future__ import annotations

import re

K = 5  # syllables per shingle

_TOKEN = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def shingles(text: str | None) -> set[bytes]:
    """The set of shingles of ``text`` (UTF-8 bytes, ready to hash)."""
    out: set[bytes] = set()
    if not text:
        return out
    for paragraph in _PARAGRAPH.split(text):
        words = _TOKEN.findall(paragraph.lower())
        for i in range(len(words) - K + 1):
            out.add(" ".join(words[i:i + K]).encode("utf-8"))
    return out
