"""Word tokens with abbreviations spelled out, and a phrase trie over them.

:func:`Tokenizer.tokenize` splits a text into words and single punctuation marks with their
character offsets. An abbreviation of ``data/orgs.json`` (``HĐND``, ``TP.HCM``, ``T.Ư``,
``Đ/c``) becomes the tokens of its full form (``Hội đồng nhân dân``), all carrying the
offsets of the abbreviation as written, so that phrase matching sees one vocabulary and
offsets still point into the text.

A :class:`Trie` maps phrases (sequences of lower-cased words) to values; :meth:`Trie.match`
finds the longest phrase starting at a token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate, compress, count
from typing import Any, NamedTuple


class Tok:
    """A token's string and shape, without its place in the text: one object per distinct
    string, shared by all its occurrences (building a positioned object for each token
    cost a third of the people stage); the offsets are in :class:`Tokens`.

    A class with slots, not a named tuple: the rules read these fields millions of times,
    and the interpreter (3.11) reads a slot by a specialised instruction but a named
    tuple's field by the generic attribute lookup (half a million instructions per article
    in all). It still compares, hashes, unpacks and prints as the tuple of its fields."""

    __slots__ = ("text", "low", "cap", "word")

    text: str  # the word (full form for an abbreviation)
    low: str  # lower-cased text
    cap: bool  # begins with a capital letter (so a word: punctuation is never capitalised)
    word: bool  # a word, not punctuation

    def __init__(self, text: str, low: str, cap: bool, word: bool) -> None:
        self.text, self.low, self.cap, self.word = text, low, cap, word

    def _fields(self) -> tuple[str, str, bool, bool]:
        return (self.text, self.low, self.cap, self.word)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._fields())

    def __getitem__(self, i: Any) -> Any:
        return self._fields()[i]

    def __len__(self) -> int:
        return 4

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tok):
            other = other._fields()
        return self._fields() == other

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"Tok(text={self.text!r}, low={self.low!r}, cap={self.cap!r}, "
                f"word={self.word!r})")


class Tokens(NamedTuple):
    """The tokens of a stretch of text and, index for index, their start offsets; their
    ends are computed when asked (a list of them cost more than all the few uses)."""

    toks: list[Tok]
    starts: list[int]  # offsets of the word (of the whole abbreviation) in the text
    spans: dict[int, int]  # index -> end, for each word of a spelled-out abbreviation

    def end(self, k: int) -> int:
        """The end offset of token ``k`` (``k`` >= 0): of its word as written, or of the
        whole abbreviation it spells out."""
        end = self.spans.get(k) if self.spans else None
        return self.starts[k] + len(self.toks[k].text) if end is None else end

    def cut(self, lo: int, hi: int) -> Tokens:
        """Tokens ``lo`` to ``hi`` (indices, 0 <= lo <= hi)."""
        spans = {k - lo: e for k, e in self.spans.items() if lo <= k < hi}
        return Tokens(self.toks[lo:hi], self.starts[lo:hi], spans)


class _Shapes(dict):
    """Token string -> its :class:`Tok`, made on first sight (an article's words are mostly
    the same few thousand)."""

    def __missing__(self, s: str) -> Tok:
        if len(self) > 100_000:  # bounded: a hostile text of unique words
            self.clear()
        word = s[0].isalnum()
        tok = Tok(s, s.lower(), s[0].isupper(), True) if word else Tok(s, s, False, False)
        self[s] = tok
        return tok


class Tokenizer:
    """Splits text into :class:`Tok`; built once from the abbreviation table."""

    def __init__(self, abbreviations: dict[str, str]) -> None:
        self.abbreviations = {k: v.split() for k, v in abbreviations.items()}
        self._full = {k: [Tok(w, w.lower(), w[0].isupper(), True) for w in v]
                      for k, v in self.abbreviations.items()}
        self._abbr = frozenset(self._full)
        self._shapes = _Shapes()
        self._pieces: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {}
        special = sorted((k for k in abbreviations if not re.fullmatch(r"\w+", k)),
                         key=len, reverse=True)
        # (one that ends with its dot ends there, a name glued after it: "TP.Vinh")
        alts = "|".join(re.escape(s) for s in special if not s.endswith("."))
        dotted = "|".join(re.escape(s) for s in special if s.endswith("."))
        plain = r"[^\W_]+(?:['’][^\W_]+)?|[^\w\s]"
        self.pattern = re.compile((rf"(?:{alts})(?![^\W_])|" if alts else "")
                                  + (rf"(?:{dotted})|" if dotted else "") + plain)
        # split() with the pattern as a group (it has no other): [gap, token, …, gap]
        self._split = re.compile(f"({self.pattern.pattern})").split
        # No token holds a space unless an abbreviation does (none does): then the text
        # can be cut at spaces first and each piece tokenized alone (see _words).
        self._by_piece = not any(ch.isspace() for k in special for ch in k)

    def tokenize(self, text: str, start: int = 0, end: int | None = None) -> Tokens:
        """Tokens of ``text[start:end]`` (offsets into ``text``)."""
        # The hottest code of the stage: _words gives tokens and offsets (else split() with
        # the pattern as a group gives [gap, token, gap, token, …, gap] with no match
        # objects, and the running sum of their lengths the offsets). Each token is its
        # string's shared Tok (C-level calls, no object made per token). Abbreviations are
        # spliced in after.
        stretch = text[start:end]
        if self._by_piece:
            strings, starts = self._words(stretch, start)
        else:
            parts = self._split(stretch)
            strings = parts[1::2]
            starts = list(accumulate(map(len, parts), initial=start))[1:-1:2]
        toks = list(map(self._shapes.__getitem__, strings))
        spans: dict[int, int] = {}
        if not self._abbr.isdisjoint(strings):
            found = list(compress(count(), map(self._abbr.__contains__, strings)))
            shift = 0  # (the index of strings[i] once the earlier ones are spelled out)
            for i in found:  # each word of the full form: the whole span
                n = len(self._full[strings[i]])
                spans.update(dict.fromkeys(range(i + shift, i + shift + n),
                                           starts[i] + len(strings[i])))
                shift += n - 1
            for i in reversed(found):
                full = self._full[strings[i]]
                toks[i:i + 1] = full
                starts[i:i + 1] = [starts[i]] * len(full)
        return Tokens(toks, starts, spans)

    def _words(self, stretch: str, start: int) -> tuple[list[str], list[int]]:
        """The pattern's tokens of ``stretch`` and their offsets (``stretch`` begins at
        ``start``). No token holds a space, so the text is cut at spaces first (a C call):
        the pattern's tokens of a piece are those of the whole stretch there (a match
        begins at a piece's start, as no match takes the space before it, and the look-ahead
        after an abbreviation sees no letter either way). A piece of letters and digits
        only, most of them, is one token as it is (each abbreviation the regex matches has
        a mark), and one with a single mark at its end (``Nội,``) is two unless it is an
        abbreviation (``TP.``): only the rest (``(Hà``, ``TP.HCM``, ``O'Neil``, line
        breaks) goes through the regex, whose split costs several times more per token
        than this loop. The split of such a piece is kept (:meth:`_cut`): the same
        ones recur article after article."""
        strings: list[str] = []
        starts: list[int] = []
        add_string, add_start = strings.append, starts.append
        cuts = self._pieces
        pos = start
        for piece in stretch.split(" "):
            if piece.isalnum():  # all of it matched by [^\W_]+ (\w less _ is str.isalnum)
                add_string(piece)
                add_start(pos)
            elif piece:
                cut = cuts.get(piece) or self._cut(piece)
                strings += cut[0]
                for d in cut[1]:
                    add_start(pos + d)
            pos += len(piece) + 1
        return strings, starts

    def _cut(self, piece: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The tokens of a piece that is not all letters and digits, and their offsets in it
        (kept, bounded)."""
        pieces = self._pieces
        if len(pieces) > 50_000:
            pieces.clear()
        if (head := piece[:-1]).isalnum() and (last := piece[-1]) != "_" and (
                not last.isspace()) and piece not in self._abbr:
            # the word, then the mark (no \w, no \s)
            cut: tuple[tuple[str, ...], tuple[int, ...]] = (head, last), (0, len(head))
        else:
            parts = self._split(piece)
            strings, offsets = [], []
            at = 0
            for i in range(1, len(parts), 2):
                at += len(parts[i - 1])
                strings.append(parts[i])
                offsets.append(at)
                at += len(parts[i])
            cut = tuple(strings), tuple(offsets)
        pieces[piece] = cut
        return cut


_END = "\x00"  # the key of a phrase's value in the trie's nodes


class Trie:
    """Phrases of lower-cased words -> values; longest match at a token position."""

    __slots__ = ("root",)
    _END = _END

    def __init__(self, phrases: dict[str, Any] | None = None) -> None:
        self.root: dict = {}
        for phrase, value in (phrases or {}).items():
            self.add(phrase, value)

    def add(self, phrase: str, value: Any) -> None:
        node = self.root
        for w in phrase.lower().replace(",", " ,").split():
            node = node.setdefault(w, {})
        node[self._END] = value

    def match(self, toks: list[Tok], i: int) -> tuple[Any, int] | None:
        """(value, index after the phrase) of the longest phrase at ``toks[i]``, or None."""
        try:
            node = self.root.get(toks[i].low)
        except IndexError:  # (past the end: a test of i >= len(toks) on every call costs more)
            if i < 0:
                raise
            return None
        if node is None:  # most calls: the word starts no phrase
            return None
        n = len(toks)
        best = None
        end = _END
        while True:
            i += 1
            if end in node:
                best = (node[end], i)
            if i == n:
                return best
            node = node.get(toks[i].low)
            if node is None:
                return best

    def starts(self, tok: Tok) -> bool:
        """Whether some phrase begins with this token."""
        return tok.low in self.root
