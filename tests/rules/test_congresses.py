import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.record import Article, District, PlaceContext
from partyx.rules import congresses
from partyx.rules.orgs import Whereabouts
from partyx.rules.places import PlaceFinder, read_places
from partyx.stages.congresses import Congresses

HANOI_BA_DINH = PlaceContext("Hà Nội", District("quận", "Ba Đình"))
HANOI_THANH_XUAN = PlaceContext("Hà Nội", District("quận", "Thanh Xuân"))


_FINDER = PlaceFinder()


def where(text, ctx):
    """The places of ``text`` as the places stage finds them, with the context ``ctx``."""
    return Whereabouts(text, read_places(_FINDER, "", text)[2], ctx)


def found(text, ctx=None):
    found = congresses.find_congresses(text, where(text, ctx))
    return [(c["ordinal"], c["body"], c["term"]) for c in congresses.merge_congresses(found)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("triển khai Nghị quyết Đại hội lần thứ XIII của Đảng, bảo đảm",
         (13, "Đảng Cộng sản Việt Nam", None)),
        ("thành công của Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, tài liệu",
         (13, "Đảng Cộng sản Việt Nam", None)),
        ("tiến tới Đại hội đại biểu toàn quốc lần thứ XIII", (13, "Đảng Cộng sản Việt Nam", None)),
        ("theo Nghị quyết Đại hội Đảng toàn quốc lần thứ XII và", (12, "Đảng Cộng sản Việt Nam",
                                                                  None)),
        ("mục tiêu mà Đại hội XII của Đảng đề ra", (12, "Đảng Cộng sản Việt Nam", None)),
        ("Báo cáo chính trị tại Đại hội Đảng lần thứ VI (12/1986)", (6, "Đảng Cộng sản Việt Nam",
                                                                   None)),
        ("Đại hội Đại biểu toàn quốc lần thứ X Đảng Cộng sản Việt Nam họp",
         (10, "Đảng Cộng sản Việt Nam", None)),
        ("Thời gian tổ chức Đại hội Đảng bộ quận Ba Đình lần thứ XXVI, nhiệm kỳ 2020-2025 dự kiến",
         (26, "Đảng bộ quận Ba Đình", "2020-2025")),
        ("tiến tới Đại hội đại biểu lần thứ XVII Đảng bộ thành phố Hà Nội”.",
         (17, "Đảng bộ thành phố Hà Nội", None)),
        ("trong bài nói tại Đại hội đại biểu Đảng bộ Hà Nội lần thứ X, trước thềm",
         (10, "Đảng bộ thành phố Hà Nội", None)),
        ("thực hiện nghị quyết Đại hội Đảng bộ TPHCM lần VIII với",
         (8, "Đảng bộ thành phố Hồ Chí Minh", None)),
        ("Ngày 21/12, Đại hội Đảng bộ lần thứ XIV TP Hà Nội đã khai mạc",
         (14, "Đảng bộ thành phố Hà Nội", None)),
        ("Đại hội Đảng bộ tỉnh Nghệ An lần thứ XVIII", (18, "Đảng bộ tỉnh Nghệ An", None)),
        ("diễn ra Đại hội Đảng bộ cơ quan LĐLĐ TPHCM lần thứ XIII, nhiệm kỳ 2005-2008.",
         (13, "Đảng bộ cơ quan LĐLĐ TPHCM", "2005-2008")),
        ("ĐH Đảng lần thứ IX của", (9, "Đảng Cộng sản Việt Nam", None)),
        ("Tại Đại hội đại biểu toàn quốc lần thứ IX của Đảng Cộng sản Việt Nam, được bầu",
         (9, "Đảng Cộng sản Việt Nam", None)),
        ("Đại hội Đảng bộ huyện lần thứ 19", (19, "Đảng bộ huyện", None)),
    ],
)
def test_written_forms(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text, ordinal",
    [("quán triệt Nghị quyết Đại hội XIII, đồng thời", 13), ("hy vọng Đại hội X tới đây", 10),
     ("Đại hội X\n\nĐảng bộ", 10), ("văn kiện Đại hội lần thứ XIII trình", 13)],
)
def test_a_bare_congress_with_a_national_ordinal_is_national(text, ordinal):
    assert found(text) == [(ordinal, "Đảng Cộng sản Việt Nam", None)]


def test_bodies_resolved_from_place_context():
    text = ("Nghị quyết Đại hội lần thứ XIII của Đảng, Nghị quyết Đại hội lần thứ XVII Đảng bộ "
            "Thành phố; … Nghị quyết Đại hội lần thứ VI Đảng bộ quận, Nghị quyết Đại hội lần thứ "
            "XVII Đảng bộ Thành phố.")
    assert found(text, HANOI_THANH_XUAN) == [
        (13, "Đảng Cộng sản Việt Nam", None), (17, "Đảng bộ thành phố Hà Nội", None),
        (6, "Đảng bộ quận Thanh Xuân", None)]
    text = "chuẩn bị đại hội đại biểu Đảng bộ quận lần thứ XXVI, nhiệm kỳ 2020-2025."
    assert found(text, HANOI_BA_DINH) == [(26, "Đảng bộ quận Ba Đình", "2020-2025")]


def test_a_province_level_word_needs_a_matching_province():
    ctx = PlaceContext("Nghệ An", None)
    assert found("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX", ctx) == [
        (19, "Đảng bộ tỉnh Nghệ An", None)]
    assert found("Nghị quyết Đại hội Đảng bộ thành phố lần thứ XX", ctx) == [
        (20, "Đảng bộ thành phố", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Chào mừng Đại hội Đảng toàn quốc lần thứ mười ba", [(13, "Đảng Cộng sản Việt Nam", None)]),
     ("Đại hội lần thứ mười ba của Đảng", [(13, "Đảng Cộng sản Việt Nam", None)]),
     ("Đại hội Đảng bộ tỉnh Hà Tĩnh lần thứ hai mươi, nhiệm kỳ 2020 - 2025",
      [(20, "Đảng bộ tỉnh Hà Tĩnh", "2020-2025")]),
     ("Đại hội Đảng bộ huyện Yên Thành lần thứ hai mươi mốt",
      [(21, "Đảng bộ huyện Yên Thành", None)])],
)
def test_ordinals_in_words(text, expected):
    assert found(text) == expected


def test_a_term_in_brackets_with_its_word():
    assert found("Đại hội Đảng bộ tỉnh Quảng Nam lần thứ XXII (nhiệm kỳ 2020-2025).") == [
        (22, "Đảng bộ tỉnh Quảng Nam", "2020-2025")]


def test_bodies_named_with_cac_co_quan():
    assert found("Đại hội Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh lần thứ I, nhiệm kỳ 2025-2030") \
        == [(1, "Đảng bộ các cơ quan Đảng tỉnh Hà Tĩnh", "2025-2030")]
    assert found("Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ IV") == [
        (4, "Đảng bộ Khối các cơ quan Trung ương", None)]
    text = "Tại Nghệ An, Đại hội Đảng bộ các cơ quan Đảng tỉnh lần thứ I đã khai mạc."
    assert found(text, PlaceContext("Nghệ An", None)) == [
        (1, "Đảng bộ các cơ quan Đảng tỉnh Nghệ An", None)]
    # no province known: no body rather than a half one
    assert found("Đại hội Đảng bộ các cơ quan Đảng tỉnh lần thứ I") == []


def test_hyphenated_and_abbreviated_provinces():
    assert found("Đại hội Đảng bộ tỉnh Bà Rịa - Vũng Tàu lần thứ VII, nhiệm kỳ 2020-2025") == [
        (7, "Đảng bộ tỉnh Bà Rịa - Vũng Tàu", "2020-2025")]
    assert found("Đại hội Đảng bộ tỉnh Thừa Thiên - Huế lần thứ XVI") == [
        (16, "Đảng bộ tỉnh Thừa Thiên Huế", None)]
    assert found("Đại hội Đảng bộ TP.HCM lần thứ XI") == [
        (11, "Đảng bộ thành phố Hồ Chí Minh", None)]
    assert found("Đại hội Đảng bộ tỉnh Nghệ An - Lần thứ XIX") == []


def test_a_party_cells_congress():
    assert found("Đại hội Chi bộ thôn Đông Hải lần thứ X, nhiệm kỳ 2025-2027") == [
        (10, "Chi bộ thôn Đông Hải", "2025-2027")]
    assert found("Đại hội Chi bộ Trường THCS Lê Lợi lần thứ V") == [
        (5, "Chi bộ Trường THCS Lê Lợi", None)]


@pytest.mark.parametrize(
    "text",
    ["Sau Đại hội 18 vẫn không dừng tay", "Đây là đại hội lần thứ hai được tổ chức",
     "Đại hội Thể thao lần thứ hai", "Đại hội lần thứ ba của Hội", "Đại hội lần thứ ba",
     "Đại hội chi bộ lần thứ X, nhiệm kỳ 2025-2027", "Đại hội đại biểu Đảng bộ các xã lần thứ XX",
     "Đại hội chi bộ trực thuộc Đảng bộ lần thứ V",
     "Đại hội Đoàn TNCS Hồ Chí Minh tỉnh lần thứ XVI",
     "Đại hội đại biểu Mặt trận Tổ quốc Việt Nam tỉnh lần thứ XI",
     "Đại hội Thể dục thể thao toàn quốc lần thứ IX", "Đại hội đồng Liên hợp quốc khóa 78",
     "Ban Chấp hành Trung ương khóa XIII", "Đại hội Cháu ngoan Bác Hồ lần thứ IX",
     "tổ chức đại hội đảng bộ các cấp tiến tới",
     "Đại hội Chi đoàn nhiệm kỳ 2017-2019", "Đại hội đã bầu 59 người",
     "Nghị quyết Đại hội lần thứ XVII, cụ thể hóa", "Đại hội XII Công đoàn Việt Nam",
     "Đại hội đại biểu toàn quốc lần thứ XI Hội Nông dân Việt Nam",
     "Đại hội lần thứ 19 Đảng Cộng sản Trung Quốc",
     "Đại hội Đảng Nhân dân Cách mạng Lào lần thứ XI",
     "Đại hội Đảng bộ lần thứ XIV đã"],
)
def test_what_is_not_a_congress(text):
    assert found(text) == []


def test_stage_reads_headline_and_text_and_merges_terms():
    a = Article(id="x", source={}, title="Làm việc với Quận Ba Đình về công tác Đại hội",
                text="Đại hội Đảng bộ quận Ba Đình lần thứ XXVI dự kiến từ ngày 14 đến 16/6.\n\n"
                     "Về công tác chuẩn bị Đại hội Đảng bộ quận lần thứ XXVI, nhiệm kỳ 2020-2025.")
    a.place_context = HANOI_BA_DINH
    Congresses()(a)
    assert [(c["ordinal"], c["body"], c["term"]) for c in a.congresses] == [
        (26, "Đảng bộ quận Ba Đình", "2020-2025")]


def test_corpus_national_and_local(corpus_dir):
    from partyx import io

    text = io.decode((corpus_dir / "baomoi_21490864.txt").read_bytes()).text
    got = found(text, PlaceContext("Yên Bái", None))
    assert (12, "Đảng Cộng sản Việt Nam", None) in got
    assert (18, "Đảng bộ tỉnh Yên Bái", None) in got


@given(st.text())
def test_never_raises(s):
    congresses.merge_congresses(congresses.find_congresses(s, HANOI_BA_DINH))
    congresses.find_congresses("Đại hội " + s)


def test_hostile_line_finishes():
    line = ("Đại hội lần thứ " + "1.2/3-" * 30) * 5_000
    signal.alarm(10)
    try:
        congresses.find_congresses(line[:1_000_000])
        congresses.find_congresses("Đại hội" * 140_000)
    finally:
        signal.alarm(0)


@given(st.lists(st.sampled_from(["Đại hội", "đại hội", "Đại Hội", "ĐH", "ĐHa", "Đại hộii", " ",
                                  "x", "_", "Đ", "H", "1", "ại hội"]), max_size=12).map("".join))
def test_congress_words_are_found_as_a_regex_alternation_finds_them(text):
    import re

    words = congresses._vocab().congress_words
    rx = re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    assert congresses._congress_words(text, words) == [m.span() for m in rx.finditer(text)]
