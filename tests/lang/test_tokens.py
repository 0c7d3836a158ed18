"""The tokenizer and the trie: offsets, abbreviations spelled out, longest match."""

import re

import pytest

from partyx.data import load
from partyx.lang.tokens import Tokenizer, Trie


@pytest.fixture(scope="module")
def tokenizer():
    return Tokenizer(load("orgs")["abbreviations"])


def reference(tok: Tokenizer, text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    """The plain per-match loop the fast tokenizer must equal."""
    out = []
    for m in tok.pattern.finditer(text, start, len(text) if end is None else end):
        s, (a, b) = m.group(), m.span()
        if s in tok.abbreviations:
            out += [(w, w.lower(), w[0].isupper(), True, a, b) for w in tok.abbreviations[s]]
        elif s[0].isalnum():
            out.append((s, s.lower(), s[0].isupper(), True, a, b))
        else:
            out.append((s, s, False, False, a, b))
    return out


def positioned(tokens) -> list[tuple]:
    """Each token with its offsets: (text, low, cap, word, start, end)."""
    return [(*t, a, tokens.end(k)) for k, (t, a) in enumerate(zip(tokens.toks, tokens.starts,
                                                                   strict=True))]


TEXTS = [
    "Ủy viên Trung ương Đảng, Bí thư Thành ủy TP.HCM Nguyễn Văn Nên dự họp.",
    "Chủ tịch UBND tỉnh, Giám đốc Sở GD&ĐT và Đ/c Lê Thị Hà (HĐND) … nhà ông O'Neil’s!",
    "Bộ LĐ-TB&XH, Bộ VH-TT&DL; TP. Hà Nội; Tp.HCM; T.Ư; T.W; & và __x__ 2020-2025",
    "",
    "   \n\n  ",
    "TPHCM TP HĐND_UBND ĐBQH",
    "Công ty A&B và R&D; KH&CNx, TP.Hàn, Tp.HCMC",  # no abbreviation matches: plain path
    # pieces between spaces: all alphanumeric (one token) or not (through the regex)
    "  Nguyễn  Văn\tA\u00a0B x\u0301y ²³ Ⅻ ١٢ ß İ ǅ a_b _ 'x' O’Neil’ -5 ",
    "Thành ủy\nHà Nội.Ông T. Lan P.Hà, Đ-",  # probes of abbreviations, none written
    # a word and one mark: two tokens, unless the mark is _ or a space other than " "
    "Nội, a_ b\t c\u00a0 d\u0301 e’ 5% x.\n Ư- (y) z\u2028 ",
    "TP. Hà, Tp., (TP.HCM) TP.HCMx KH& & a&b Đ/c. T.Ư, _& TP.\n",  # abbreviations in pieces
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_equal_the_plain_loop(tokenizer, text):
    assert positioned(tokenizer.tokenize(text)) == reference(tokenizer, text)


def test_a_stretch_keeps_offsets_into_the_whole_text(tokenizer):
    text = TEXTS[0] + " " + TEXTS[1]
    a, b = len(TEXTS[0]) + 1, len(text) - 5
    tokens = tokenizer.tokenize(text, a, b)
    assert positioned(tokens) == reference(tokenizer, text, a, b)
    assert all(text[a:tokens.end(k)] for k, a in enumerate(tokens.starts))
    assert tokens.starts[0] == a


def test_an_abbreviation_becomes_its_full_form_with_its_own_span(tokenizer):
    tokens = tokenizer.tokenize("Sở GD&ĐT tỉnh")
    toks = tokens.toks
    assert [t.text for t in toks] == ["Sở", "Giáo", "dục", "và", "Đào", "tạo", "tỉnh"]
    assert {(tokens.starts[k], tokens.end(k)) for k in range(1, 6)} == {(3, 8)}
    assert toks[3].low == "và" and not toks[3].cap and toks[1].cap


def test_a_capitalised_token_is_a_word(tokenizer):
    toks = tokenizer.tokenize(" ".join(TEXTS)).toks
    assert all(t.word for t in toks if t.cap)


def test_a_cut_keeps_the_spans_of_abbreviations(tokenizer):
    tokens = tokenizer.tokenize("HĐND TP.HCM và UBND tỉnh")
    n = len(tokens.toks)
    for lo in range(n + 1):
        for hi in range(lo, n + 1):
            cut = tokens.cut(lo, hi)
            assert positioned(cut) == positioned(tokens)[lo:hi]


def test_hostile_input_is_linear(tokenizer):
    text = "1." * 200_000 + "/" * 100_000
    assert len(tokenizer.tokenize(text).toks) == 500_000


def test_trie_longest_match():
    trie = Trie({"Bí thư": 1, "Bí thư Thành ủy": 2})
    toks = Tokenizer({}).tokenize("Bí thư Thành ủy Hà Nội").toks
    assert trie.match(toks, 0) == (2, 4)
    assert trie.match(toks, 1) is None
    assert trie.starts(toks[0]) and not trie.starts(toks[2])
    assert re.fullmatch(r"\w+", toks[0].low)


def test_an_abbreviation_that_ends_with_its_dot_ends_there(tokenizer):
    # "TP.Vinh": the type word spelled out, the name glued after it its own token
    assert [t.text for t in tokenizer.tokenize("UBND TP.Vinh, Tp.Buôn Ma Thuột").toks] == [
        "Ủy", "ban", "nhân", "dân", "thành", "phố", "Vinh", ",", "thành", "phố", "Buôn",
        "Ma", "Thuột"]
    assert [t.text for t in tokenizer.tokenize("TP.HCM").toks] == [
        "thành", "phố", "Hồ", "Chí", "Minh"]
