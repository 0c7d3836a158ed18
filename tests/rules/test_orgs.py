from hypothesis import given
from hypothesis import strategies as st

from partyx.record import District, PlaceContext
from partyx.rules.orgs import committee_body, level_of, party_body, resolve_place

LONG_BIEN = PlaceContext("Hà Nội", District("quận", "Long Biên"))


def test_level_words():
    assert level_of("Thành phố") == "thành phố"
    assert level_of("TP") == "thành phố"
    assert level_of("Quận") == "quận"
    assert level_of("Khối") is None


def test_bodies_written_in_full_or_by_place():
    assert party_body("quận", "Ba Đình", None) == "Đảng bộ quận Ba Đình"
    assert party_body(None, "Hà Nội", None) == "Đảng bộ thành phố Hà Nội"
    assert party_body(None, "TPHCM", None) == "Đảng bộ thành phố Hồ Chí Minh"
    assert party_body(None, "Nghệ An", None) == "Đảng bộ tỉnh Nghệ An"
    assert party_body("thành phố", "Yên Bái", None) == "Đảng bộ thành phố Yên Bái"
    assert party_body(None, "Khối các cơ quan", None) == "Đảng bộ Khối các cơ quan"
    assert party_body(None, None, None) is None


def test_bodies_resolved_from_context():
    assert party_body("quận", None, LONG_BIEN) == "Đảng bộ quận Long Biên"
    assert party_body("thành phố", None, LONG_BIEN) == "Đảng bộ thành phố Hà Nội"
    assert party_body("huyện", None, LONG_BIEN) == "Đảng bộ huyện"
    assert party_body("tỉnh", None, LONG_BIEN) == "Đảng bộ tỉnh"
    vinh = PlaceContext("Nghệ An", District("thành phố", "Vinh"))
    assert resolve_place("thành phố", vinh) == "Vinh"


def test_committees():
    assert committee_body("Quận ủy", "Thanh Xuân", None) == "Đảng bộ quận Thanh Xuân"
    assert committee_body("Thành ủy", None, LONG_BIEN) == "Đảng bộ thành phố Hà Nội"
    assert committee_body("Ban Tổ chức", None, LONG_BIEN) is None


@given(st.text(), st.text())
def test_never_raises(a, b):
    level_of(a)
    party_body(level_of(a), b or None, LONG_BIEN)
    committee_body(a, b, None)


def test_the_unit_named_last_before_wins_over_the_context():
    before = "Quận ủy Gò Vấp vừa tổng kết; Thành ủy Hà Nội Nguyễn Văn Phong phát biểu."
    assert party_body("quận", None, LONG_BIEN, before) == "Đảng bộ quận Gò Vấp"
    assert party_body("thành phố", None, None, before) == "Đảng bộ thành phố Hà Nội"
    assert party_body("huyện", None, LONG_BIEN, before) == "Đảng bộ huyện"
    assert party_body("quận", None, LONG_BIEN, "quận Không Có Thật") == "Đảng bộ quận Long Biên"


def test_level_word_letters_have_no_case_forms_but_their_own():
    """_level_anchors finds level words by their letters' case_forms: those must be every
    character a case-insensitive pattern matches for the letter."""
    import re

    from partyx.rules import orgs

    levels = set(orgs._party_words()[0].values())
    letters = {ch for lv in levels for w in orgs._words_of(lv) for ch in w if ch.isalpha()}
    any_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    matched = [c for c in map(chr, range(0x110000)) if any_letter.fullmatch(c)]
    for ch in letters:
        one = re.compile(re.escape(ch), re.IGNORECASE)
        assert {c for c in matched if one.fullmatch(c)} == set(orgs.case_forms(ch)), ch


_PIECES = ["quận", "Quận", "QUẬN", "quận ủy", "Quận Ủy", "tp", "TP", "Tp.", "thành phố", "Thành ủy",
           "thị xã", "Thị Ủy", "xã", "Xã", "tỉnh", "TỈNH", " ", "\n", "a", "ſ", "İ", "1", "_"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_level_word_starts_hold_every_match(text):
    from partyx.lang.patterns import finditer_at
    from partyx.rules import orgs

    for level in set(orgs._party_words()[0].values()):
        rx = orgs._level_words(level)
        got = finditer_at(rx, text, orgs._level_word_starts(level, text))
        assert [m.span() for m in got] == [m.span() for m in rx.finditer(text)]
