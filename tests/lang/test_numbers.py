import signal

from hypothesis import given
from hypothesis import strategies as st

from partyx.lang.numbers import parse_number, parse_ordinal, parse_roman


def test_vietnamese_thousands_and_decimals():
    assert parse_number("19.908") == 19908
    assert parse_number("16.300") == 16300
    assert parse_number("1.234.567") == 1234567
    assert parse_number("14,63%") == 14.63
    assert parse_number("47") == 47
    assert parse_number("1,2 triệu") == 1_200_000
    assert parse_number("3,1 triệu") == 3_100_000
    assert parse_number("2.981 tỷ") == 2_981_000_000_000


def test_number_words():
    assert parse_number("sáu") == 6
    assert parse_number("Mười") == 10


def test_what_is_not_one_number():
    for s in ("1.5", "19.90", "48/56", "", "abc", "12 người", "1.2.3", "1,2,3"):
        assert parse_number(s) is None, s


def test_roman_numerals():
    assert parse_roman("XIII") == 13
    assert parse_roman("XXVI") == 26
    assert parse_roman("xvii") == 17
    assert parse_roman("VI") == 6
    assert parse_roman("IIII") is None
    assert parse_roman("XIIV") is None
    assert parse_roman("") is None
    assert parse_ordinal("26") == 26
    assert parse_ordinal("XIV") == 14
    assert parse_ordinal("thứ") is None


@given(st.text())
def test_parsers_never_raise(s):
    parse_number(s)
    parse_roman(s)
    parse_ordinal(s)


def test_hostile_figures_finish():
    line = "1.2,3/" * 200_000
    signal.alarm(10)
    try:
        assert parse_number(line) is None
        assert parse_number("1" * 1_000_000) is None
    finally:
        signal.alarm(0)
