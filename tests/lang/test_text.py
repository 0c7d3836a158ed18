import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.lang.text import (
    collapse_spaces,
    fold_tone_placement,
    normalize,
    split_glued_list,
    unglue_words,
)


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


@given(st.lists(st.sampled_from(list("oOuUqQaeyY xđ1_.\u0301\u0300")
                                + ["oà", "Oá", "OẠ", "uỷ", "Uý", "UỲ", "oẽ", "qu", "àn"]),
                max_size=20).map("".join))
def test_tone_folding_is_the_plain_pair_substitution(text):
    """Folding pattern by pattern gives what one pass over every first letter gave."""
    import re

    from partyx.lang.text import _TONE_TABLE

    firsts = "".join(sorted({k[0] for k in _TONE_TABLE}))
    seconds = "".join(sorted({k[1] for k in _TONE_TABLE}))
    one_pass = re.compile(f"([{firsts}][{seconds}])" + r"(?![^\W\d_]|[\u0300-\u036f])")

    def fold(m):
        if m.start() and text[m.start() - 1] in "qQ":
            return m.group(1)
        return _TONE_TABLE.get(m.group(1), m.group(1))

    assert fold_tone_placement(text) == one_pass.sub(fold, text)


def test_every_odd_space_and_invisible_character_is_folded():
    """The fast 'nothing to fold' test misses none of the characters to fold."""
    from partyx.lang.text import _FOLD_STR

    for ch, folded in _FOLD_STR.items():
        assert normalize(f"Hà{ch}Nội\nmới") == f"Hà{folded}Nội\nmới", hex(ord(ch))


def test_lower_aligned_keeps_offsets():
    from partyx.lang.text import lower_aligned

    assert lower_aligned("Đảng Viên") == "đảng viên"
    text = "İstanbul Đảng Viên"  # "İ".lower() is "i̇": two characters
    low = lower_aligned(text)
    assert len(low) == len(text) and low.index("đảng viên") == text.index("Đảng Viên")


def test_two_vietnamese_syllables_glued_by_a_lost_break_are_parted():
    assert unglue_words("Trần Văn HùngBan Thường vụ") == "Trần Văn Hùng Ban Thường vụ"
    assert unglue_words("Trần Văn MinhỦy ban nhân dân") == "Trần Văn Minh Ủy ban nhân dân"
    assert unglue_words("Phó Chủ tịchLê Văn Tâm") == "Phó Chủ tịch Lê Văn Tâm"
    assert unglue_words("khu vực gầnCảng cá") == "khu vực gần Cảng cá"


@pytest.mark.parametrize("text", [
    "VinFast, PetroVietnam, MobiFone, VietinBank, HeFa, iPhone, iOS, YouTube, ZenFone",
    "DongA Bank, SaiGon Co.op, HongKong, ThS, WiFi",
    "QĐ-TTg, 05-QĐi/TW, HIV/AIDS, COVID-19, Quân khu 7, Đảng bộ Khối, lần thứ 12",
    "xaMạnhBan",  # inside a longer run of letters: no two syllables
])
def test_brands_codes_and_other_camel_case_stay_as_written(text):
    assert unglue_words(text) == text


def test_a_numbered_list_run_into_one_line_is_split_into_its_items():
    line = ("Danh sách (3 người):1. Nguyễn Văn An - Bí thư Tỉnh ủy2. Trần Văn Bình - Chủ tịch "
            "UBND tỉnh3. Lê Thị Cúc - Trưởng Ban Dân vận Trung ương")
    assert split_glued_list(line) == [
        "Danh sách (3 người):", "1. Nguyễn Văn An - Bí thư Tỉnh ủy",
        "2. Trần Văn Bình - Chủ tịch UBND tỉnh", "3. Lê Thị Cúc - Trưởng Ban Dân vận Trung ương"]
    assert split_glued_list("1. An - Bí thư Tỉnh ủy2. Bình - Chủ tịch") == [
        "1. An - Bí thư Tỉnh ủy", "2. Bình - Chủ tịch"]


def test_a_glued_number_not_next_in_the_list_is_passed_over():
    # "khóa12." and "Quận 3." come before the second item: neither is "2.", so the item after
    # them is found; "12." is not "2." (its number runs on before the 2)
    line = ("1. Lê Văn An - Ủy viên Trung ương khóa12. Hội nghị bầu ông2. Trần Bình - Phó Bí "
            "thư3. Phạm Cúc - Ủy viên")
    assert split_glued_list(line) == [
        "1. Lê Văn An - Ủy viên Trung ương khóa12. Hội nghị bầu ông",
        "2. Trần Bình - Phó Bí thư", "3. Phạm Cúc - Ủy viên"]
    assert split_glued_list("1. An - Bí thư12. Bình - Chủ tịch") == [
        "1. An - Bí thư12. Bình - Chủ tịch"]


@pytest.mark.parametrize("line", [
    "Sai phạm tại dự án PMU18. Những người có lỗi sẽ bị xử lý.",  # a code's number
    "1. Họp tại Quân khu 7. Sau đó đoàn về tỉnh.",  # spaced: a number of the name
    "1. Ông An phát biểu tại phường3. Sau đó",  # "3." continues no list (no 2.)
    "Kết quả 2. Ông An",  # no first item
])
def test_numbers_that_continue_no_list_stay_in_the_line(line):
    assert split_glued_list(line) == [line]
