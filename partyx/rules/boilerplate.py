"""Boilerplate: an article's lines without site furniture.

:meth:`Cleaner.clean` gives the non-empty lines of the article (spaces collapsed, boilerplate
removed, in order) and the lines recognised as photo captions because they were printed more
than once (one copy stays in the lines).

What goes, for the whole genre rather than for one site (vocabulary in
``data/boilerplate.json``):

- the date a page store stamps before the page's text (``date 2025-06 Tiêu đề …``);
- a logo remnant: a lone one- or two-character line at the top (``M``);
- lines of punctuation only, photo credits alone (``Ảnh: Hoàng Phúc``);
- share buttons and page furniture (``Chia sẻ Zalo``, ``In bài``, ``Link gốc``, an empty
  ``Nguồn :``), view and comment counters, also inside a date line
  (``Ngày đăng 18/05/2022 | 08:40 | Lượt xem: 651`` keeps its date);
- a photo caption printed twice: the second copy (adjacent, or anywhere when the line is short
  and not a list item);
- related-article boxes: lines opened by ``>>`` or ``»``, the headlines listed under a
  ``Tin liên quan`` marker, and headlines run together into one paragraph (a line after the
  lead with no sentence punctuation made of three or more headline chunks, see
  :mod:`partyx.rules.headline`);
- a list of hashtags (``#Quảng Nam #Công tác cán bộ``) and a follow button (``Theo dõi Báo
  Quảng Nam trên Google News``, ``Theo dõi chúng tôi trên``);
- everything after a footer marker (``MỚI - NÓNG``, ``Tin cùng chuyên mục``) once the body
  has begun.

A ``Nguồn: X`` or ``Theo X`` credit, and a site's footer (``© Bản quyền thuộc Báo X``, ``Cơ
quan chủ quản: …``), are kept: the metadata stage reads the outlet from them and leaves them
out of the text.
"""

from __future__ import annotations

import re

from partyx.data import load
from partyx.lang.sentences import ends_sentence
from partyx.lang.text import collapse_spaces, split_glued_list, unglue_words
from partyx.rules import headline

_ONLY_SYMBOLS = re.compile(r"^[\W_]+$")
# The date a page store stamps before the page's own text (" date 2025-06 Tiêu đề …"): the
# store's, not the page's (no publication time, no headline)
_STORE_STAMP = re.compile(r"^date (?:19|20)\d\d-[01]\d(?:-[0-3]\d)?(?: |$)")
_CAPTION_MAX = 200  # a longer line printed twice is no caption
_BULLET_START = re.compile(r"^(?:[-–+•*]|\d{1,3}\s*[-.)/])\s*")
# ">> headline" appended after the last sentence of a paragraph
_TRAILING_LINKS = re.compile(r"(?<=[.!?”\"])\s+(?:>>|»)\s.*$")


def _key(line: str) -> str:
    return line.casefold().rstrip(" :.").strip()


def _core(line: str) -> str:
    """``_key(line)`` before the casefold: the same, as the stripped characters fold to
    themselves and no other character folds to a string that begins or ends with one."""
    return line.rstrip(" :.").strip()


def is_paragraph(line: str) -> bool:
    """A body paragraph rather than a headline, caption or header line: long, or a statement
    ending with a full stop (headlines end with ``?`` or ``!`` as often as paragraphs do)."""
    if len(line) > 200:
        return True
    if len(line) < 60:
        return False
    return ends_sentence(line, ".…") and " " in line


def is_headline_run(line: str) -> bool:
    """Several headlines printed as one paragraph: no sentence punctuation inside or at the
    end, three or more headline-sized chunks (see :func:`headline.is_headline_run`)."""
    if not 40 <= len(line) <= 600 or ends_sentence(line) or line.endswith(":"):
        return False
    return headline.is_headline_run(line)


class _Vocabulary:
    def __init__(self) -> None:
        data = load("boilerplate")
        self.lines = {_key(s) for s in data["lines"]}
        self.prefixes = tuple(p.casefold() for p in data["prefixes"])
        self.related = {_key(s) for s in data["related_markers"]}
        self.stop = {_key(s) for s in data["stop_markers"]}
        # A line longer than these is none of them (casefold never shortens a string): no
        # need to casefold whole paragraphs, nor more of a line than a prefix needs.
        self.longest = max(map(len, self.lines | self.related | self.stop))
        self.prefix_len = max(map(len, self.prefixes))
        credits = "|".join(re.escape(c) for c in sorted(data["photo_credits"], key=len,
                                                         reverse=True))
        # "Ảnh: Hoàng Phúc", "(Ảnh minh họa: TTXVN)"
        self.photo_credit = re.compile(rf"^\(?\s*(?:{credits})\s*:[^.!?]{{0,60}}\)?$",
                                       re.IGNORECASE)
        follow = "|".join(re.escape(w) for w in data["follow_words"])
        self.follow_initials = frozenset(c for w in data["follow_words"]
                                         for c in (w[0].upper(), w[0].lower()))
        platforms = "|".join(re.escape(w) for w in data["platforms"])
        # "Theo dõi Báo Quảng Nam trên Google News", "Theo dõi chúng tôi trên"
        self.follow = re.compile(rf"^(?:{follow})\s(?:.*(?<!\w)(?:{platforms})(?!\w).*|.*\strên)$",
                                 re.IGNORECASE)
        counters = "|".join(re.escape(c) for c in data["counters"])
        # "| Lượt xem: 651", "Bình luận (3)": a counter word, then a number
        self.counter = re.compile(
            rf"\s*\|?\s*(?:{counters})\s*(?::|\()\s*[\d.,]{{1,12}}\)?\s*(?=\||$)", re.IGNORECASE)

    def key(self, line: str) -> str | None:
        """``_key(line)``, or None when the line is too long to be a listed line or marker."""
        core = _core(line)
        return core.casefold() if len(core) <= self.longest else None

    def is_furniture(self, line: str) -> bool:
        core = _core(line)
        if len(core) <= self.longest and core.casefold() in self.lines:
            return True
        first = core[:1]
        if first == "#" or (first in self.follow_initials and len(core) <= 80
                            and self.follow.match(core)):
            return True  # "#Quảng Nam #Công tác cán bộ": a tag list; "Theo dõi … trên Zalo"
        return core[:self.prefix_len].casefold().startswith(self.prefixes)


def _unglued(items: list[str]) -> list[str]:
    """The items of a numbered list a crawler ran together into one line, their glued words
    spaced again (``Nông Đức MạnhBan Bí thư``); a line that was no such list as it is. Words
    run together go with lost line breaks: looking for them in every line of every article
    (a lower-case letter before an upper-case one, character by character) cost more than
    the rest of the cleaning, for the few texts that lost them."""
    return items if len(items) == 1 else [unglue_words(item) for item in items]


class Cleaner:
    """The cleaning rules with their vocabulary compiled once."""

    def __init__(self) -> None:
        self.vocab = _Vocabulary()

    def clean(self, raw_text: str) -> tuple[list[str], list[str]]:
        """The kept lines of ``raw_text`` and the repeated captions (see module docstring)."""
        lines: list[str] = []
        captions: list[str] = []
        seen: set[str] = set()  # kept lines short enough to be a repeated caption
        in_body = False  # a paragraph has been kept
        related = False  # reading the headlines under a "Tin liên quan" marker
        raw = [collapse_spaces(x) for x in raw_text.split("\n")]
        raw = [item for x in raw if x for item in _unglued(split_glued_list(x))]
        if raw and raw[0].startswith("date "):
            raw[0] = _STORE_STAMP.sub("", raw[0])
        for n, line in enumerate(raw):
            line = self._strip_segments(line)
            if not line or _ONLY_SYMBOLS.match(line) or self.vocab.photo_credit.match(line):
                continue
            if n < 2 and len(line) <= 2 and not line.isdigit():
                continue  # logo remnant
            key = self.vocab.key(line)
            if key in self.vocab.stop and in_body:
                break
            if key in self.vocab.related:
                related = True
                continue
            if self.vocab.is_furniture(line):
                continue
            if related and not is_paragraph(line) and not ends_sentence(line):
                continue
            related = False
            if line.startswith((">>", "»")):
                continue
            if self._is_repeat(line, lines, seen):
                captions.append(line)
                continue
            if in_body and is_headline_run(line):
                continue
            lines.append(line)
            if len(line) <= _CAPTION_MAX:  # no need to hash a whole paragraph
                seen.add(line)
            in_body = in_body or is_paragraph(line)
        return lines, captions

    def _strip_segments(self, line: str) -> str:
        if len(line) < 160 and (":" in line or "(" in line):  # a counter has one or the other
            line = self.vocab.counter.sub("", line).strip(" |")
        if ">>" not in line and "»" not in line:
            return line
        m = _TRAILING_LINKS.search(line)
        if not m:
            return line
        # "… công nghiệp. » Đồng chí X: Cần chỉ rõ … hành chính Nguyên Nguyên": the link goes,
        # the byline glued after it stays for the metadata stage
        parts = headline.chunks(line[m.start():m.start() + 400])
        tail = parts[-1].split() if len(parts) >= 2 else []
        keep = 2 <= len(tail) <= 4 and all(w.isalpha() and w[0].isupper() for w in tail)
        return (line[:m.start()] + (" " + " ".join(tail) if keep else "")).strip()

    @staticmethod
    def _is_repeat(line: str, kept: list[str], seen: set[str]) -> bool:
        if kept and line == kept[-1]:
            return True
        return (len(line) <= _CAPTION_MAX and line in seen and len(line.split()) >= 4
                and not _BULLET_START.match(line) and not line.endswith(":"))
