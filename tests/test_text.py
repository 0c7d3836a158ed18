from hypothesis import given
from hypothesis import strategies as st

from partyx.text import collapse_spaces, fold_tone_placement, normalize


def test_old_tone_placement_is_folded():
    assert normalize("Uỷ ban nhân dân") == "Ủy ban nhân dân"
    assert normalize("hoà bình, khoẻ mạnh, Thành uỷ") == "hòa bình, khỏe mạnh, Thành ủy"
    assert normalize("UỶ BAN") == "ỦY BAN"


def test_qu_and_closed_syllables_keep_their_marks():
    text = "quý, Quỳnh, hoàn, tuyển, thuyền"
    assert fold_tone_placement(text) == text


def test_nfc_spaces_entities_and_line_ends():
    decomposed = "Đa\u0300ng"  # "Đàng" with a combining grave accent
    assert normalize(decomposed) == "Đàng"
    assert normalize("18/05/2022\u00a0|\u00a008:40") == "18/05/2022 | 08:40"
    assert normalize("&gt;&gt; Tin\r\nmới\rhết") == ">> Tin\nmới\nhết"
    assert normalize("zero\u200bwidth") == "zerowidth"


@given(st.text())
def test_normalize_is_idempotent(s):
    once = normalize(s)
    assert normalize(once) == once


def test_eth_written_for_d_stroke_is_folded():
    assert normalize("Ðảng và Nhà nước, ðồng chí") == "Đảng và Nhà nước, đồng chí"


def test_collapse_spaces_makes_every_run_of_blanks_one_space():
    assert collapse_spaces("  a \t b\t\tc  d e\t") == "a b c d e"
    assert collapse_spaces("a b") == "a b"
    assert collapse_spaces("\ta\n  b ") == "a\n b"


@given(st.text(alphabet=" \t\naé.\u00a0\u2003", max_size=40))
def test_collapse_spaces_is_the_plain_substitution(text):
    import re

    assert collapse_spaces(text) == re.sub(r"[ \t]+", " ", text).strip()
