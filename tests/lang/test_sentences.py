"""Sentence bounds: each rule's fast scan equals the plain definition it replaces."""

from __future__ import annotations

import re
import unittest.mock as mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.data import load
from partyx.lang import sentences
from partyx.lang.sentences import (
    CLAUSE,
    FIGURES,
    PROSE,
    clause_start,
    closes_sentence,
    ends_sentence,
    first_token,
    next_end,
    next_starts,
    sentence_at,
    sentence_end,
    sentence_number,
    sentence_start,
    token_breaks,
)
from partyx.lang.tokens import Tokenizer

# -- lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("Hội nghị kết thúc.", True), ("Vì sao?", True), ("Tiếp tục…", True),
    ("Ông nói: “Phải làm ngay.”", True), ("(Tổng hợp.)", True), ("Hoàng Phúc", False),
    ("", False), ("  .  ", True), ("Xem thêm:", False),
])
def test_a_line_ends_like_a_sentence(line, expected):
    assert ends_sentence(line) is expected


def test_a_paragraph_test_asks_for_a_full_stop_only():
    assert ends_sentence("Vì sao?", ".…") is False
    assert ends_sentence("Đã xong.”", ".…") is True


@pytest.mark.parametrize("word, expected", [
    ("Nội.", True), ("đó!", True), ("“xong.”", True), ("TP.", False), ("T.Ư.", False),
    ("(HĐND).", False), ("Hà", False), ("", False), ("…", True),
])
def test_a_word_closes_a_sentence_unless_it_is_an_acronym(word, expected):
    assert closes_sentence(word) is expected


def test_next_starts_are_after_a_mark_or_a_closer_and_its_blanks():
    line = "Hội nghị bế mạc. Ông nói “xong”  THIỆN VĂN (còn nữa) x"
    assert next_starts(line) == [line.index("Ông"), line.index("THIỆN"), line.index("x", 50)]
    assert next_starts(line, 20) == [line.index("THIỆN"), line.index("x", 50)]


# -- body text: PROSE (the event's sentence) ----------------------------------------------------

def _sentence_at_by_regex(text, pos, longest=2000):
    """sentence_at as first written: one regex over the window each side."""
    end_rx = re.compile(r"(?<!\.)[.!?](?!\.)\s|\n")
    start = max(0, pos - longest)
    for m in end_rx.finditer(text, start, pos):
        start = m.end()
    end = end_rx.search(text, pos, pos + longest)
    return (start, end.start() + 1 if end else min(len(text), pos + longest))


@given(st.text(alphabet=".. !?\n\na1\t", max_size=40), st.integers(0, 3))
def test_prose_bounds_agree_with_the_window_regex(text, tries):
    with mock.patch.object(sentences, "_TRIES", tries):  # also where the regex decides
        for pos in range(len(text) + 1):
            assert sentence_at(text, pos) == _sentence_at_by_regex(text, pos)
            assert sentence_at(text, pos, PROSE, 5) == _sentence_at_by_regex(text, pos, 5)


@given(st.text())
def test_sentence_at_never_raises(text):
    sentence_at(text, len(text) // 2)
    assert sentence_at(text, None) == (0, 0)


def test_an_ellipsis_ends_no_prose_sentence():
    text = "Ông nói... rồi đi. Sau đó"
    assert sentence_at(text, 3) == (0, text.index(" Sau"))
    assert sentence_at(text, len(text) - 1) == (text.index("Sau"), len(text))


# -- body text: FIGURES (a membership figure's sentence) ----------------------------------------

def _start_by_walk(text, pos):
    i = pos
    while i > 0:
        ch = text[i - 1]
        if ch == "\n" or (ch in ".!?" and not (i < len(text) and text[i].isdecimal())):
            return i
        i -= 1
    return 0


_FIGURE_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\d))*(?:[.!?]|\n|$)")


@given(st.text(alphabet="..!?\n1²a ", max_size=40), st.integers(0, 3))
def test_figure_bounds_agree_with_the_plain_definitions(text, tries):
    with mock.patch.object(sentences, "_TRIES", tries):  # also where the regex decides
        for pos in range(len(text) + 1):
            assert sentence_start(text, pos, FIGURES) == _start_by_walk(text, pos)
            end = _FIGURE_SENTENCE.match(text, pos).end()
            assert sentence_end(text, pos, FIGURES) == end


def test_both_figure_bounds_end_a_sentence_at_a_dot_before_a_superscript_digit():
    # "²" is a digit to str.isdigit but not to \d (str.isdecimal): the sentence that ends at
    # the dot before it is where the next one starts
    text = "Có 1.²Đảng bộ có 19.908 đảng viên."
    end = sentence_end(text, 0, FIGURES)
    assert end == text.index("²")
    assert sentence_start(text, len(text) - 2, FIGURES) == end


# -- body text: CLAUSE (the posts after a person) -----------------------------------------------

@given(st.text(alphabet="..!?\n a\t", max_size=40), st.integers(0, 3), st.integers(0, 12))
def test_clause_end_agrees_with_the_regex_cut_at_the_limit(text, tries, reach):
    rx = re.compile(r"[.!?](?=\s|$)|\n")
    with mock.patch.object(sentences, "_TRIES", tries):
        for pos in range(len(text) + 1):
            m = rx.search(text, pos, min(len(text), pos + reach))
            assert next_end(text, pos, CLAUSE, pos + reach) == (m.start() if m else -1)


@given(st.text(alphabet=".. a\n", max_size=40), st.integers(0, 12))
def test_clause_start_is_after_a_dot_and_space_within_reach_or_at_the_line(text, reach):
    for pos in range(len(text) + 1):
        dot = text.rfind(". ", max(0, pos - reach), pos)
        line = text.rfind("\n", 0, pos)
        assert clause_start(text, pos, reach) == max(dot, line) + 1


# -- tokens -------------------------------------------------------------------------------------

TRICKY = [
    "Ông Nguyễn Văn Phong nói. Ông Phong cho biết: bà Hằng, ÔNG Thăng, đồng chí Lan\nông  Vũ",
    "không Phong, công Hà; đ/cô Lan, Đ/c Minh, ông Đ/c Phong, bà Đồng chí Tâm\n\nanh Tư.",
    "Thầy Ba? Cô Út! chị Hai\n cụ Tám \n\n _ông Tư, 2ông Năm, ông\n",
    "Nguyễn Văn A.\nTrần B\n\n. . ! ?Lê C",
    "Bí thư Thành ủy TP.HCM. Ông Nên (T.Ư) nói! Tp. Hà Nội? TP.\nông Hà.",
    "",
    "ông",
]


def plain_sentences(text, tokens):
    out, n, prev = [], 0, None
    ends = [tokens.end(k) for k in range(len(tokens.toks))]
    for t, start, end in zip(tokens.toks, tokens.starts, ends, strict=True):
        if prev is not None and (prev[0].low in {".", "!", "?"} or (
                start - prev[2] > 1 and "\n" in text[prev[2]:start])):
            n += 1
        out.append(n)
        prev = t, start, end
    return out


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_numbers_equal_the_plain_loop(text):
    tokens = Tokenizer(load("orgs")["abbreviations"]).tokenize(text)
    n = len(tokens.toks)
    plain = plain_sentences(text, tokens)
    breaks = token_breaks(text, tokens)
    assert [sentence_number(breaks, k) for k in range(n)] == plain
    assert [first_token(breaks, k) for k in range(n)] == [
        plain.index(plain[k]) for k in range(n)]
