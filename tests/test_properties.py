"""Properties that must hold for any input (hypothesis).

- :func:`partyx.lang.text.normalize` never raises, is idempotent, and gives NFC text, also on
  strings built from the characters that interact (combining marks, zero-width characters,
  entities, line ends, old tone placement);
- :func:`partyx.io.decode` raises nothing but :class:`~partyx.io.DecodeError` on any bytes, and
  what it returns is normalised text;
- numbers, Roman numerals and document symbols read back what was written (the docs team's
  own tests check that those parsers never raise on arbitrary text);
- every date found is a true slice of the text.
"""

from __future__ import annotations

import codecs
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from partyx import io
from partyx.lang.numbers import parse_number, parse_roman
from partyx.lang.text import normalize
from partyx.rules import dates, documents
from tests import legacy
from tests.conftest import SEEDS

# Characters that change under normalisation or make neighbours change.
TRICKY = (
    "aAeEoOuUyYqQiIđĐ "
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # tones, circumflex, breve, horn
    "àáảãạèéẻẽẹòóỏõọùúủũụỳýỷỹỵÀÁẢÃẠÒÓỎÕỌỲÝỶỸỴ"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u2000\u2001\u3000"
    "&#;ampltgxXnbsp0123456789\r\n\tÐð"
)
tricky_text = st.text(alphabet=TRICKY, max_size=60)
any_text = st.one_of(st.text(), tricky_text)


@settings(max_examples=400, deadline=None)
@given(any_text)
@example("a\u200b\u0300")  # a zero-width character between a letter and its tone
@example("&amp;lt;")  # an entity that decodes to another entity
@example("&l\u200bt;")  # an entity split by a zero-width character
@example("hoa\u0300")  # decomposed old tone placement
def test_normalize_never_raises_and_is_idempotent(s):
    once = normalize(s)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


def _seed_bytes() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


@st.composite
def mutated_seed(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(_seed_bytes())))
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut])


encoded_text = st.builds(
    lambda text, enc: enc(text),
    st.text(max_size=200),
    st.sampled_from([
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le", "surrogatepass"),
        lambda t: t.encode("utf-32"),
        legacy.to_windows_1258, legacy.to_tcvn3, legacy.to_vni,
    ]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), mutated_seed(), encoded_text))
@example(b"\xff\xfe\x00")  # a UTF-16 BOM, then half a character
@example(b"\xef\xbb\xbf\xff")  # a UTF-8 BOM, then an invalid byte
@example(b"\x00\x00\xfe\xff\x00\x00")  # a UTF-32 BE BOM, then a truncated character
@example(b"\xd8\x00\xdc")  # UTF-16 BE pattern with a truncated surrogate pair
def test_decode_raises_only_decode_error_and_returns_normal_text(data):
    try:
        decoded = io.decode(data)
    except io.DecodeError as e:
        assert str(e)  # a reason for the run summary
        return
    assert decoded.text.strip()
    assert normalize(decoded.text) == decoded.text
    assert decoded.encoding in {"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
                                "windows-1258", "tcvn3", "vni"}


def _vietnamese_figure(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(0, 10**12))
def test_figures_read_back(n):
    assert parse_number(_vietnamese_figure(n)) == n


@given(st.integers(0, 10**6), st.integers(1, 99))
def test_decimal_figures_read_back(whole, cents):
    text = f"{_vietnamese_figure(whole)},{cents:02d}"
    assert parse_number(text) == round(whole + cents / 100, 6)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


@given(st.integers(1, 3999))
def test_roman_numerals_read_back(n):
    assert parse_roman(_roman(n)) == n
    assert parse_roman(_roman(n).lower()) == n


@given(st.from_regex(r"0?[1-9][0-9]{0,2}", fullmatch=True),
       st.sampled_from(["NQ", "CT", "KH", "QĐ", "KL", "HD", "TB"]),
       st.sampled_from(["TW", "TU", "QU", "HU"]))
def test_party_symbols_read_back(number, code, issuer):
    [parsed] = documents.find_citations(f"{number}-{code}/{issuer}")
    assert (parsed.number, parsed.code, parsed.issuer) == (number, code, issuer)


@given(st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True), st.integers(1990, 2030),
       st.sampled_from([("NĐ", "CP"), ("QĐ", "TTg")]))
def test_state_symbols_read_back(number, year, code_issuer):
    code, issuer = code_issuer
    [parsed] = documents.find_citations(f"{number}/{year}/{code}-{issuer}")
    assert (parsed.number, parsed.code, parsed.issuer, parsed.year) == (number, code, issuer, year)


@settings(deadline=None)
@given(st.text(alphabet="0123456789/.- ngàyNgàythángnăm,", max_size=120))
def test_dates_are_true_slices_of_the_text(s):
    for m in dates.find_dates(s):
        assert s[m.start:m.end] == m.text
        assert 1 <= m.day <= 31 and 1 <= m.month <= 12
