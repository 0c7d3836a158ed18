import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.lang.patterns import finditer_at
from partyx.record import Article
from partyx.rules import dates
from partyx.stages.dates import Dates


def infer_year(text, mentions=None):
    """The reference year of the dates written without one."""
    return dates.reference(text, mentions)[0]


def found(text):
    return [(d.day, d.month, d.year) for d in dates.find_dates(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chiều 24/3, Đoàn kiểm tra số 3", [(24, 3, None)]),
        ("Sáng 20/5, Phó Bí thư", [(20, 5, None)]),
        ("tính đến ngày 19/5/2020, đã có", [(19, 5, 2020)]),
        ("Chỉ thị số 15-CT/TU ngày 16-12-2016 của", [(16, 12, 2016)]),
        ("ngày 4 tháng 7 năm 2017", [(4, 7, 2017)]),
        ("Ngày đăng 18/05/2022 | 08:40 | Lượt xem: 651", [(18, 5, 2022)]),
        ("Kết luận số 24-KL/TW ngày 5.6.2012 của", [(5, 6, 2012)]),
        ("Sáng nay (6-2), ông Võ Công Trí", [(6, 2, None)]),
        ("Sáng nay, 18-5, Ban Bí thư", [(18, 5, None)]),
        ("(tổ chức hôm 30/1), bí thư", [(30, 1, None)]),
        ("Chiều ngày 17/5/2022, Đoàn kiểm tra", [(17, 5, 2022)]),
        ("(9/2/1907-9/2/2017)", [(9, 2, 1907), (9, 2, 2017)]),
        ("từ ngày 20/5 đến 19/6.", [(20, 5, None), (19, 6, None)]),
    ],
)
def test_written_forms(text, expected):
    assert found(text) == expected


def test_day_ranges_give_both_days():
    assert found("từ ngày 14 đến 16/6 hoặc ngày 23 đến 25/6.") == [
        (14, 6, None), (16, 6, None), (23, 6, None), (25, 6, None)]
    assert found("ngày 27 và 28-10 đã bầu") == [(27, 10, None), (28, 10, None)]
    assert found("diễn ra từ ngày 18 - 25/4, với") == [(18, 4, None), (25, 4, None)]


@pytest.mark.parametrize(
    "text",
    ["tỷ lệ số dư 14,63%", "đã có 48/56 tổ chức cơ sở Đảng", "16 đoàn kiểm tra 50/50 cấp ủy",
     "tại 56/56 tổ chức", "với 19.908 đảng viên", "hiện nay 5/7 huyện", "lao động 1.5 và",
     "ngày 31/2/2020", "ngày 12/13", "phát triển được 195/160 đảng viên"],
)
def test_figures_that_look_like_dates_are_not_dates(text):
    assert found(text) == []


def test_year_from_publication_is_the_nearest():
    m = dates.find_dates("Chiều 24/3, Đoàn")[0]
    assert dates.resolve(m, None, "2021-03-24T21:54:00+07:00") == "2021-03-24"
    m = dates.find_dates("Sáng 30/12, hội nghị")[0]
    assert dates.resolve(m, None, "2022-01-02T08:00:00+07:00") == "2021-12-30"


def test_year_from_durations_before_dated_citations():
    text = ("Chiều 6/9, Quận ủy sơ kết 5 năm thực hiện Nghị quyết số 15-NQ/TU ngày 4/7/2017 "
            "của Ban Thường vụ; 6 năm thực hiện Chỉ thị số 15-CT/TU ngày 16-12-2016.")
    assert infer_year(text) == 2022


def test_year_from_the_latest_full_date():
    text = ("Sáng 20/5, làm việc. Tính đến ngày 19/5/2020, đã có 48/56. Chỉ thị số 35-CT/TƯ "
            "ngày 30/5/2019 của Bộ Chính trị.")
    assert infer_year(text) == 2020


def test_year_from_an_anniversary_span():
    assert infer_year("kỷ niệm 60 năm Cách mạng Tháng Tám (1945 - 2005) và ngày 2/9/1945") \
        == 2005


def test_year_never_from_the_clock():
    assert infer_year("Sáng 24/3, Đoàn kiểm tra làm việc.") is None
    m = dates.find_dates("Sáng 24/3, Đoàn")[0]
    assert dates.resolve(m, None, None) is None


def test_births_careers_and_history_are_no_evidence():
    assert infer_year("Sáng 23/8, ông A sinh năm 1963, vào Đảng năm 1983.") is None
    assert infer_year("Sáng 10/5, ông nhận nhiệm vụ. Năm 1983 ông về thành phố.") is None
    assert infer_year("Sáng 23/8, quán triệt Chỉ thị 05-CT/TW ngày 12-5-1951 của Ban Bí thư.") \
        is None
    assert infer_year("Sáng 20/5, họp. Phấn đấu đến năm 2030, tháng 6/2012 đã có.") is None


def test_year_from_the_term_a_congress_opens():
    assert infer_year("Ngày 3/10, Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ I, nhiệm kỳ "
                      "2025 - 2030, bước vào phiên chính thức.") == 2025
    assert infer_year("Chiều 28/9, Ban Chấp hành Đảng bộ tỉnh khóa XVI, nhiệm kỳ 2025-2030, tổ "
                      "chức Hội nghị lần thứ nhất.") == 2025
    # a term of no congress, or of a congress being prepared for, says nothing of the year
    assert infer_year("Ngày 6/2, ông được bầu làm Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026.") is None
    assert infer_year("Sáng 20/5, làm việc về công tác chuẩn bị đại hội Đảng bộ quận, "
                      "nhiệm kỳ 2020-2025.") is None
    # the term in the headline ties the year to the body's dates
    got = _stage("Trong 2 ngày 6 và 7/8, Đảng bộ phường tổ chức Đại hội.",
                 title="Đại hội đại biểu Đảng bộ phường Mông Dương lần thứ I, nhiệm kỳ 2025-2030")
    assert [d.date for d in got] == ["2025-08-06", "2025-08-07"]


def test_year_of_the_national_congress_the_event_is_at():
    assert infer_year("Tổng Bí thư gặp gỡ báo chí vào lúc 13 giờ 50 ngày 25-4 tại Trung tâm Báo "
                      "chí Đại hội X.") == 2006
    assert infer_year("Sáng 3/2, quán triệt Nghị quyết Đại hội XIII của Đảng.") is None


def test_year_from_the_period_a_review_covers():
    got = _stage("Sáng 5/1, Tỉnh ủy tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.")
    assert got[0].date == "2025-01-05"
    got = _stage("Chiều 28/12, Tỉnh ủy tổng kết công tác năm 2024.")
    assert got[0].date == "2024-12-28"
    got = _stage("Ngày 10/7, Huyện ủy sơ kết 6 tháng đầu năm 2023.")
    assert got[0].date == "2023-07-10"
    got = _stage("Chiều 14/3, Tỉnh ủy tổ chức Hội nghị tổng kết 15 năm (2011-2025) thi hành "
                 "Điều lệ Đảng.")
    assert got[0].date == "2025-03-14"


def test_the_date_the_figures_hold_at_is_the_present():
    assert _stage("Sáng 20/5, làm việc. Tính đến ngày 19/5/2020, đã có 48/56.")[0].date \
        == "2020-05-20"


def test_a_range_written_with_the_year_is_read_before_the_full_date():
    # the full date's pattern alone would take the range's end as the only day
    assert found("từ ngày 2 đến 5/4/2019 tại Hà Nội") == [(2, 4, 2019), (5, 4, 2019)]
    assert found("Ngày 2-5/4/2019, Thành ủy") == [(2, 4, 2019), (5, 4, 2019)]
    assert found("diễn ra từ ngày 13 đến 16-9-2017.") == [(13, 9, 2017), (16, 9, 2017)]
    assert [d.range_end for d in dates.find_dates("từ ngày 2 đến 5/4/2019")] == [False, True]
    # two full dates and a lone full date are no range
    assert [d.range_end for d in dates.find_dates("ngày 5/4/2019 và ngày 6/4/2019")] == [
        False, False]
    # a range's first day opens no anniversary span (``9/2/1907-9/2/2017`` does)
    assert not dates.in_span("Ngày 2-5/4/2019", 0, 6)
    assert dates.in_span("(9/2/1907-9/2/2017)", 1, 9)
    # a range is no day a document was issued on (as before the range was read first)
    assert dates.leading_date(", ngày 2 đến 5/4/2019 của Ban") is None
    assert dates.leading_date(", ngày 5/4/2019 của Ban") == ("2019-04-05", 15)


def test_a_range_takes_the_year_of_its_end():
    assert found("từ ngày 5-5 đến 10-5-2017, tại") == [(5, 5, 2017), (10, 5, 2017)]
    assert found("ngày 5-5, ngày 10-5-2017") == [(5, 5, None), (10, 5, 2017)]


def test_leading_date_of_a_citation():
    assert dates.leading_date(", ngày 20-6-1961 của Ủy ban") == ("1961-06-20", 16)
    assert dates.leading_date(" ngày 4 tháng 7 năm 2017 về")[0] == "2017-07-04"
    assert dates.leading_date(" của Bộ Chính trị") is None


def test_stage_resolves_years_and_keeps_offsets():
    text = ("Chiều 6/9, Quận ủy Thanh Xuân sơ kết 5 năm thực hiện Nghị quyết số 15-NQ/TU ngày "
            "4/7/2017 của Ban Thường vụ Thành ủy Hà Nội.")
    a = Article(id="x", source={}, text=text, title="Quận Thanh Xuân", published=None)
    Dates()(a)
    first = a.dates[0]
    assert first.date == "2022-09-06" and first.cue == "chiều"
    assert text[first.start:first.end] == "6/9"
    assert a.dates[1].date == "2017-07-04"


def test_stage_uses_publication_year():
    a = Article(id="x", source={}, text="Sáng 25/12, Đảng ủy Khối", title=None,
                published="2021-12-25T18:01:00+07:00")
    Dates()(a)
    assert a.dates[0].date == "2021-12-25"


def test_corpus_dates_resolve(corpus_dir):
    from partyx import io

    n = 0
    for path in sorted(corpus_dir.iterdir())[:30]:
        text = io.decode(path.read_bytes()).text
        for d in dates.find_dates(text):
            assert 1 <= d.day <= 31 and 1 <= d.month <= 12
            n += 1
    assert n > 20


_LEAD_PIECES = [", ngày ", " ngày ", "Ngày  ", " ngày ký ", "4", "31", "04", "2", "12", "2017",
                "1799", "20171", "/", " / ", "-", ".", " tháng ", " năm ", " ", "(", "٣", "x"]


@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12).map("".join))
def test_leading_date_reads_a_plain_date_as_find_dates_does(text):
    lead = dates._LEADING.match(text)
    if lead:
        assert dates.leading_date(text) == dates._found_leading_date(text, lead)


@given(st.text())
def test_date_functions_never_raise(s):
    ms = dates.find_dates(s)
    y = infer_year(s, ms)
    for m in ms:
        dates.resolve(m, y, None)
    dates.leading_date(s)


@given(st.text(alphabet="0123456789/.-, ngàyháàSáng", max_size=200))
def test_date_functions_never_raise_on_date_like_text(s):
    ms = dates.find_dates(s)
    for m in ms:
        assert 1 <= m.month <= 12
        dates.resolve(m, 2020, "2020-01-01")
    infer_year(s)


def test_hostile_line_finishes():
    line = ("12/3.4-5/" * 120_000)[:1_000_000] + " ngày 1/1/2020"
    signal.alarm(10)
    try:
        ms = dates.find_dates(line)
        infer_year(line, ms)
    finally:
        signal.alarm(0)
    assert ms[-1].year == 2020


def test_birth_dates_are_no_evidence_of_the_year():
    text = "Sáng nay 10/5, ông nhận nhiệm vụ. Ông sinh ngày 10/9/1960. Ngày 2/3/2016, ông"
    assert infer_year(text) is None


def test_cue_phrases_and_dotted_day_months():
    assert [(d.day, d.month, d.cue) for d in dates.find_dates("buổi làm việc sáng ngày 7/2, ông")] \
        == [(7, 2, "sáng")]
    assert found("Sáng 27.4, TP.HCM tổ chức") == [(27, 4, None)]
    assert found("ngày Quốc tế lao động 1.5") == []


def test_many_dates_finish():
    line = "ngày 1/1/2020, " * 20_000 + "từ 2/3 đến 4/5 và 6/7 " * 5_000
    signal.alarm(10)
    try:
        ms = dates.find_dates(line)
    finally:
        signal.alarm(0)
    assert len(ms) >= 20_000


def _stage(text, title=None, published=None):
    a = Article(id="x", source={}, text=text, title=title, published=published)
    Dates()(a)
    return a.dates


def test_a_career_or_a_plan_gives_no_year():
    assert _stage("Chiều 8-2, HĐND tỉnh họp. Ông được bầu từ ngày 18/8/2016.")[0].date is None
    assert _stage("Sáng 20/5, làm việc. Dự kiến đến ngày 30/6/2020 hoàn thành.")[0].date is None


def test_a_review_after_a_duration_falls_after_its_anniversary():
    text = ("Ngày 28/6, Tỉnh ủy nghe báo cáo 5 năm thực hiện Nghị quyết số 06-NQ/TU ngày "
            "04/11/2011 của BCH Đảng bộ tỉnh.")
    assert _stage(text)[0].date == "2017-06-28"


def test_terms_are_no_evidence_of_the_year():
    assert _stage("Ngày 6/2, công bố quyết định, nhiệm kỳ 2015- 2020.")[0].date is None


_DATE_PIECES = ["24/3", "5.6.2012", "16-12-2016", "1", "12", "2020", "/", ".", "-", " ", "  ",
                "ngày ", "Ngày ", "tháng ", "Tháng ", "năm ", "Năm 2016", " đến ", "%", "٣", "x"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join))
def test_fast_finders_find_what_a_regex_scan_finds(text):
    """find_dates tries each pattern only where str.find says it can open."""
    figures = dates._day_month_starts(text)
    ngay = dates._word_starts(text, "gày", "Nn")
    for rx, starts in ((dates._FULL, figures), (dates._DAY_MONTH, figures),
                       (dates._FULL_WORDS, ngay), (dates._RANGE, ngay)):
        got = [m.span() for m in finditer_at(rx, text, starts)]
        assert got == [m.span() for m in rx.finditer(text)], rx.pattern


def test_two_days_joined_by_a_comma_follow_each_other():
    def days(text):
        return [(d.day, d.month) for d in dates.find_dates(text)]

    assert days("Trong hai ngày 21, 22/9, hội nghị họp.") == [(21, 9), (22, 9)]
    # a day, then a share: no range, and no 15/4 taken from the share's month
    assert (15, 4) not in days("Ngày 15, 3/4 đại biểu đã về dự.")


def test_year_from_the_name_of_an_event_held_that_year():
    assert infer_year("Hội nghị an toàn giao thông 2019 được tổ chức ngày 21/9.") == 2019
    assert infer_year("Chiều 5/9, Bộ Tài chính tổ chức Hội nghị đối thoại với doanh nghiệp về "
                      "chính sách, thủ tục thuế năm 2019.") == 2019
    assert infer_year("Tối 12-9, khai mạc Lễ hội Trung thu phố cổ 2019.") == 2019
    got = _stage("Ngày 20/8, công an họp bàn việc bảo vệ Hội nghị APEC 2019.",
                 title="Bảo vệ APEC 2019")
    assert got[0].date == "2019-08-20"


@pytest.mark.parametrize(
    "text",
    [
        # a plan's, a term's, a period's year: held the year before as often
        "Ngày 28/12, Tỉnh ủy tổ chức Hội nghị bàn kế hoạch phát triển năm 2020.",
        "Sáng 3/10, Đại hội đại biểu Đoàn thanh niên giai đoạn 2019-2022 khai mạc.",
        "Sáng 3/10, hội thảo về mục tiêu đến năm 2030.",
        # a congress being prepared for; a resolution named after one
        "Ngày 10/12, họp bàn chuẩn bị Đại hội thể thao năm 2020.",
        "Ngày 10/12, học tập Nghị quyết Hội nghị Trung ương 4 ban hành năm 2016.",
        # a document's number, a full date: no event's name
        "Ngày 9/10, hội nghị triển khai Nghị định 55/2019/NĐ-CP.",
        # the year is in another sentence
        "Sáng 5/9, hội nghị khai mạc. Năm 2019 tỉnh phát triển.",
    ],
)
def test_no_year_from_what_is_no_event_name(text):
    assert infer_year(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a past the event's name recalls: a revolution, a campaign, a document issued, a first
        # congress, a count of years
        'Sáng 18/8, Tỉnh ủy Hòa Bình tổ chức Hội thảo khoa học "Cách mạng Tháng Tám năm 1945 '
        'ở Hòa Bình".',
        "Sáng 5/5, Huyện ủy tổ chức hội nghị gặp mặt các cựu chiến binh tham gia chiến dịch "
        "Hồ Chí Minh 1975.",
        "Sáng 20/7, Tỉnh ủy tổ chức Hội nghị tổng kết 20 năm thực hiện Nghị quyết Trung ương 7, "
        "khóa IX ban hành năm 2003.",
        "Sáng 14/10, Đại hội Đảng bộ tỉnh lần thứ XVII khai mạc, đúng 65 năm sau Đại hội lần "
        "thứ nhất họp năm 1955.",
        # a year inside a quoted name that does not close it
        'Tối 2/9, tại Hội thảo "Đô thị 2030 và những thách thức", Ban tổ chức ra mắt sách.',
        # the text writes a later year: the name's year is past
        "Sáng 3/3, Sở tổ chức Hội nghị an toàn giao thông 2019. Năm 2021, tỉnh giảm tai nạn.",
    ],
)
def test_no_year_from_a_past_an_event_name_recalls(text):
    assert infer_year(text) is None


def test_year_that_closes_an_event_name_is_kept():
    assert infer_year('Sáng 2/9, tỉnh khai mạc Hội thảo "Đô thị xanh 2019".') == 2019
    # a later year written as a target or a span's end leaves it
    assert infer_year("Sáng 3/3, Sở tổ chức Hội nghị an toàn giao thông 2019, hướng tới mục "
                      "tiêu đến năm 2025 và giai đoạn 2019-2023.") == 2019
    # a later year of a term ahead, a plan or a forecast says nothing of the present
    assert infer_year("Sáng 5/10, Hội nghị xúc tiến đầu tư tỉnh năm 2023 diễn ra tại TP Vinh. "
                      "Tỉnh đang chuẩn bị cho nhiệm kỳ 2025-2030.") == 2023
    assert infer_year("Sáng 5/10, Diễn đàn Kinh tế Việt Nam 2023 khai mạc. Các chuyên gia dự "
                      "báo tăng trưởng năm 2024 đạt 6%.") == 2023
    assert infer_year("Sáng 5/10, Hội nghị xúc tiến đầu tư 2023 khai mạc. Tỉnh phấn đấu hoàn "
                      "thành kế hoạch năm 2024.") == 2023
    # a review's period is kept, a past document's year is none
    assert infer_year("Sáng 5/7, Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2022.") == 2022


def test_no_present_year_from_a_terms_or_a_reviews_span():
    assert infer_year("Sáng 10/3, Huyện ủy tổ chức hội nghị. Trong nhiệm kỳ qua, từ đầu năm "
                      "2015 đến nay, huyện đã kết nạp 900 đảng viên.") is None
    assert infer_year("Sáng 10/3, Huyện ủy tổ chức hội nghị. Từ đầu năm 2015 đến nay, huyện "
                      "đã kết nạp 900 đảng viên, chuẩn bị cho Đại hội nhiệm kỳ 2020-2025.") is None
    # 'qua' of a means ('qua kiểm tra') is no past span
    assert infer_year("Sáng 5/10, Huyện ủy tổ chức hội nghị. Từ đầu năm 2023 đến nay, qua kiểm "
                      "tra, huyện đã phát hiện 12 vụ.") == 2023
    # a capital ("Từ đầu năm") opening the sentence, nothing later: its year
    assert infer_year("Sáng 10/3, Huyện ủy tổ chức hội nghị. Từ đầu năm 2015 đến nay, huyện "
                      "đã kết nạp 900 đảng viên.") == 2015


def test_year_of_a_span_from_a_years_start_to_the_present():
    assert infer_year("Sáng 22/9, Cục tổ chức hội nghị. Từ đầu năm 2019 đến nay, Cục đã lấy "
                      "hàng trăm mẫu.") == 2019
    # a span from a year (not its start) to the present says nothing of the present's year
    assert infer_year("Sáng 22/9, Cục tổ chức hội nghị. Từ năm 2012 đến nay, Cục đã lấy "
                      "hàng trăm mẫu.") is None
    assert infer_year("Sáng 22/9, Cục tổ chức hội nghị. Từ đầu năm 2019 đến tháng 6, Cục đã "
                      "lấy hàng trăm mẫu.") is None
