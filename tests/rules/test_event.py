import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.record import Article, FoundDate, Mention
from partyx.rules import event
from partyx.rules.dates import body_dates
from partyx.stages.dates import Dates
from partyx.stages.event import Event


def run(text, title=None, published=None, people=(), mentions=()):
    a = Article(id="x", source={}, text=text, title=title, published=published)
    a.people = [{"name": n} for n in people]
    a.mentions = list(mentions)
    Dates()(a)
    Event()(a)
    return a.event


def mention(text, name, short=None, nth=0):
    """The nth mention of ``short or name`` in ``text`` as the people stage gives it."""
    s = short or name
    start = -1
    for _ in range(nth + 1):
        start = text.index(s, start + 1)
    return Mention(name, start, start + len(s))


@pytest.mark.parametrize(
    "title, text, expected",
    [
        (None, "Chiều 24/3, Đoàn kiểm tra số 3 của Ban Thường vụ Thành ủy đã kiểm tra công tác "
               "quán triệt Nghị quyết Đại hội lần thứ XIII của Đảng.", "inspection"),
        ("Lãnh đạo Thành ủy Hà Nội làm việc với Quận Ba Đình về công tác Đại hội",
         "Sáng 20/5, Phó Bí thư chủ trì buổi làm việc về công tác chuẩn bị đại hội.",
         "working_session"),
        (None, "Sáng 25/12, Đảng ủy Khối tổ chức Hội nghị kiểm điểm tập thể và cá nhân.",
         "review"),
        (None, "Chiều 6/9, Quận ủy sơ kết 5 năm thực hiện Nghị quyết. Tham dự hội nghị có ông A.",
         "review"),
        (None, "Ngày 6/2, Ban Thường vụ Thành ủy công bố quyết định điều động cán bộ.",
         "appointment"),
        (None, "Ban Bí thư quyết định thi hành kỷ luật bằng hình thức cảnh cáo ông A.",
         "discipline"),
        (None, "Sáng 3/2, Thành ủy trao Huy hiệu 50 năm tuổi Đảng cho các đảng viên.", "award"),
        ("Đại hội Đảng bộ tỉnh lần thứ XV khai mạc", "Sáng 14/10, Đại hội diễn ra.", "congress"),
        (None, "Sáng 10/5, Tỉnh ủy tổ chức Hội nghị quán triệt Nghị quyết.", "conference"),
        (None, "Cử tri phường đi bỏ phiếu bầu cử đại biểu Quốc hội.", "election"),
        (None, "Ban Thường vụ Thành ủy thống nhất giới thiệu đồng chí A, Phó Bí thư Thành ủy để "
               "HĐND thành phố bầu làm Chủ tịch UBND.", "appointment"),
        (None, "Ông A sinh năm 1964.", "other"),
        # old papers write a new post in lower case after a lower-case "tân"
        ("tân tổng bí thư trả lời phỏng vấn báo chí", "Ông A trả lời phỏng vấn.", "appointment"),
        ("Tân Bình tổ chức hội nghị", "Ông A phát biểu.", "conference"),  # a place, no cue
        ("các tân sinh viên nhập học", "Sáng 5/9, trường khai giảng.", "other"),  # no title
        # a headline "<body> có <title> mới"
        ("Tỉnh ủy Quảng Ninh có Phó Bí thư mới", "Ông A phát biểu.", "appointment"),
        ("Hà Nội có nhiều điểm mới", "Ông A phát biểu.", "other"),
        # a control commission's conclusion, its "Trung ương" abbreviated with dots
        ("Ủy ban Kiểm tra T.Ư công bố kết luận về những sai phạm", "Ông A phát biểu.",
         "inspection"),
        ("UBKT TƯ kết luận vi phạm của Ban Thường vụ", "Ông A phát biểu.", "inspection"),
        # a committee's meeting with no action is a conference; a council's session is not
        (None, "Sáng 3/4, Chính phủ họp phiên thường kỳ tháng 3.", "conference"),
        (None, "Ngày 13/11, HĐND tỉnh tổ chức kỳ họp chuyên đề.", "other"),
        (None, "Ngày 12/9, Ban Chỉ đạo họp phiên thứ 22.", "conference"),
        (None, "Bài phát biểu được dời sang cuối phiên họp sáng 23/9.", "other"),  # any meeting
        ("Ông X trúng cử Đại biểu Quốc hội", "Ông A phát biểu.", "election"),
        # a committee's first plenum and the election of its standing bodies; a retirement
        (None, "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ nhất đã bầu Ban Thường vụ, Bí thư.",
         "appointment"),
        (None, "Sáng 4/1, Thành ủy trao quyết định nghỉ hưu cho đồng chí A.", "other"),
        # old papers' lower-case title after "bầu"; a nomination; leaving a post
        ("Quốc hội bầu chủ tịch nước", "Ông A phát biểu.", "appointment"),
        ("Ông Nguyễn Tấn Dũng được đề cử làm thủ tướng", "Ông A phát biểu.", "appointment"),
        ("Phim Việt được đề cử giải Oscar", "Ông A phát biểu.", "other"),
        ("Thủ tướng cho thôi chức thứ trưởng", "Ông A phát biểu.", "appointment"),
        ("Ông A thôi giữ chức do vi phạm quy định", "Ông A phát biểu.", "discipline"),
        ("Tỉnh ủy Thái Bình họp bất thường", "Ông A phát biểu.", "conference"),
        # a team's findings or its verification are an inspection; police verifying is none
        (None, "Tổ công tác của Tỉnh ủy phát hiện ông A có nhiều bất minh trong tài sản.",
         "inspection"),
        (None, "Tỉnh ủy đã thành lập tổ công tác để xác minh đơn tố cáo.", "inspection"),
        (None, "Công an đang xác minh làm rõ vụ việc.", "other"),
        # a device, a subject, a count or an exemption of an inspection is none
        (None, "Ngày 22/9, thành phố đình chỉ 4 tàu do chưa lắp đặt camera giám sát.", "other"),
        (None, "Vấn đề kiểm tra an toàn thực phẩm được quan tâm: sau 3 lần kiểm tra liên tiếp "
               "đạt yêu cầu, hàng được miễn kiểm tra.", "other"),
        # a direction given (cần, tăng cường …) is no event: the lead's working session is
        ("Phải kỷ luật nghiêm cán bộ sai phạm",
         "Sáng 5/3, Tổng Bí thư làm việc với Ban Thường vụ Tỉnh ủy.", "working_session"),
    ],
)
def test_event_types(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a prosecution or a trial has no type of SPEC: it is other, not the inspection or
        # the working session its lead goes on to tell
        ("Khởi tố vụ án phá rừng phòng hộ ở huyện A",
         "Qua kiểm tra đã phát hiện phá rừng. Chiều cùng ngày, ông B làm việc với huyện.",
         "other"),
        (None, "Sáng 12/3, TAND tỉnh mở phiên tòa xét xử sơ thẩm bị cáo A về tội tham ô.",
         "other"),
        ("Nguyên Chủ tịch xã lĩnh án 5 năm tù", "Ông A phát biểu.", "other"),
        # … written after the action of the headline, or as a court's work reviewed, it is not
        ("Kỷ luật cảnh cáo Giám đốc Sở, đề nghị khởi tố vụ án", "Ông A phát biểu.",
         "discipline"),
        ("Đoàn kiểm tra của Tỉnh ủy làm việc tại huyện",
         "Sáng 5/3, Đoàn kiểm tra làm việc với Huyện ủy. Trước đó, ông A đã bị khởi tố.",
         "inspection"),
        (None, "Sáng 5/1, TAND tỉnh tổ chức hội nghị tổng kết công tác xét xử năm 2019.",
         "review"),
        # a test or an exam is no inspection
        ("Kiểm tra trình độ bác sĩ 2 năm một lần", "Bộ Y tế sẽ cấp chứng chỉ hành nghề.",
         "other"),
        ("Học sinh làm bài kiểm tra 15 phút", "Ông A phát biểu.", "other"),
        ("Kiểm tra công tác cán bộ tại Đảng ủy Khối", "Ông A phát biểu.", "inspection"),
        ("Kiểm tra định kỳ việc thực hiện Quy định 08", "Ông A phát biểu.", "inspection"),
        # a sports prize is no honour; a prize of an emulation movement or a contest is
        (None, "Chiều 22/9, Thiếu tướng A dự bế mạc Tuần văn hóa - thể thao và trao giải cho "
               "các vận động viên.", "other"),
        (None, "Tối 3/2, Ban Tuyên giáo Tỉnh ủy trao giải cuộc thi tìm hiểu lịch sử Đảng bộ.",
         "award"),
        (None, "Sáng 5/1, Tỉnh ủy trao thưởng cho các tập thể dẫn đầu phong trào thi đua.",
         "award"),
        # the occasion of an anniversary is no event; its ceremony is one of no type
        (None, "Nhân kỷ niệm 90 năm Ngày thành lập Đảng, sáng 3/2, Tỉnh ủy tổ chức hội thảo "
               "khoa học.", "conference"),
        (None, "Sáng 3/2, Tỉnh ủy tổ chức lễ kỷ niệm 90 năm Ngày thành lập Đảng.", "other"),
        # a meeting (cuộc họp) is a conference; a press conference is not
        (None, "Chiều 22/9, Bộ Công Thương tổ chức cuộc họp về xử lý 12 dự án thua lỗ.",
         "conference"),
        (None, "Chiều 5/3, Sở Y tế tổ chức cuộc họp báo về dịch bệnh.", "other"),
        ("Hoãn cuộc họp của HĐND thành phố", "Ông A phát biểu.", "other"),
        # a forum held is a conference; a forum as a place of speech or a paper's name is not
        (None, "Ngày 21/9, Diễn đàn Tài chính với chủ đề cải cách tài chính công do Bộ Tài "
               "chính tổ chức đã diễn ra tại Hà Nội.", "conference"),
        (None, "Trên diễn đàn Quốc hội, nhiều đại biểu đã khai mạc các ý kiến mới.", "other"),
        ("Doanh nghiệp kiến nghị gỡ vướng", "Theo Diễn đàn Doanh nghiệp, nhiều ý kiến cho "
                                            "rằng thủ tục còn rườm rà.", "other"),
    ],
)
def test_event_types_of_the_weak_classes(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_event_date_is_the_dated_opening_not_a_planned_range():
    text = ("TPO - Đại hội Đảng bộ quận Ba Đình lần thứ XXVI dự kiến từ ngày 14 đến 16/6.\n\n"
            "Sáng 20/5, Phó Bí thư chủ trì buổi làm việc.\n\nTính đến ngày 19/5/2020, đã có "
            "48/56 tổ chức cơ sở Đảng tổ chức đại hội.")
    assert run(text)["date"] == "2020-05-20"


def test_event_date_after_a_dateline_and_from_the_publication():
    ev = run("(LĐTĐ) Chiều 24/3, Đoàn kiểm tra số 3 làm việc.",
             published="2021-03-24T21:54:00+07:00")
    assert ev["date"] == "2021-03-24"
    ev = run("Sáng nay, Ban Bí thư họp.", published="2017-05-18T10:00:00+07:00")
    assert ev["date"] == "2017-05-18"
    ev = run("Hôm qua, Ban Bí thư họp.", published="2017-05-18T10:00:00+07:00")
    assert ev["date"] == "2017-05-17"


def test_a_document_date_is_not_the_event_date():
    text = "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, quận tổ chức đại hội."
    assert run(text)["date"] is None
    assert run(text, published="2020-01-02T00:00:00+07:00")["date"] == "2020-01-02"


def test_lead_forms():
    text = ("Chiều 24/3, Đoàn kiểm tra số 3 của Ban Thường vụ Thành ủy do Phó Bí thư Thành ủy "
            "Hà Nội Nguyễn Văn Phong làm Trưởng đoàn đã kiểm tra công tác.")
    m = [mention(text, "Nguyễn Văn Phong")]
    assert run(text, people=["Nguyễn Văn Phong"], mentions=m)["lead"] == "Nguyễn Văn Phong"

    text = ("Sáng 25/12, Đảng ủy Khối tổ chức Hội nghị kiểm điểm. Đồng chí Nguyễn Thị Tuyến, Ủy "
            "viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy dự và chỉ đạo hội nghị.")
    m = [mention(text, "Nguyễn Thị Tuyến")]
    assert run(text, people=["Nguyễn Thị Tuyến"], mentions=m)["lead"] == "Nguyễn Thị Tuyến"

    text = ("Sáng 20/5, Phó Bí thư Thường trực Thành ủy Hà Nội Ngô Thị Thanh Hằng chủ trì buổi "
            "làm việc với Ban Thường vụ Quận ủy Ba Đình.")
    m = [mention(text, "Ngô Thị Thanh Hằng")]
    assert run(text, people=["Ngô Thị Thanh Hằng"], mentions=m)["lead"] == "Ngô Thị Thanh Hằng"


def test_an_attendee_is_not_the_lead():
    text = ("Chiều 6/9, Quận ủy Thanh Xuân sơ kết 5 năm thực hiện Nghị quyết. Tham dự hội nghị "
            "có Trưởng ban Tổ chức Thành ủy Hà Nội Vũ Đức Bảo.")
    m = [mention(text, "Vũ Đức Bảo")]
    assert run(text, people=["Vũ Đức Bảo"], mentions=m)["lead"] is None


def test_a_cue_belongs_to_the_person_named_just_before_it():
    text = ("Sáng 1/6, ông Trần Văn An và ông Lê Văn Bình chủ trì hội nghị.")
    m = [mention(text, "Trần Văn An"), mention(text, "Lê Văn Bình")]
    assert run(text, people=["Trần Văn An", "Lê Văn Bình"], mentions=m)["lead"] == "Lê Văn Bình"


def test_names_not_in_people_are_never_the_lead():
    text = "Sáng 1/6, ông Trần Văn An chủ trì hội nghị."
    m = [mention(text, "Trần Văn An")]
    assert run(text, people=[], mentions=m)["lead"] is None


@given(st.text(), st.text())
def test_never_raises(text, title):
    run(text, title=title)
    event.event_type(title, text, text)


@pytest.mark.parametrize(
    "title, text, expected",
    [
        ("Khiển trách ông Phạm Dũng, Bí thư Thị ủy La Gi",
         "Tại kỳ họp sáng 31-3, theo đề nghị của Ủy ban kiểm tra, BCH thống nhất hình thức.",
         "discipline"),
        ("7 cán bộ cấp cao bị kỷ luật", "Chiều 12/7, Ủy ban Kiểm tra Trung ương tổng kết.",
         "discipline"),
        ("Kiểm tra công tác quy hoạch, luân chuyển cán bộ", "Chiều 15/5, Đoàn làm việc.",
         "inspection"),
        (None, "Ngày 7/7, Đoàn công tác của Ban Bí thư đã kiểm tra việc thực hiện.", "inspection"),
        (None, "Ngày 9/7, Đoàn công tác của Bộ Chính trị làm việc về công tác bổ nhiệm cán bộ.",
         "working_session"),
        (None, "Sáng 2/2, thành phố tổ chức mít tinh kỷ niệm 76 năm ngày thành lập Đảng.",
         "other"),  # a commemoration is no conference
        ("Kỷ niệm 110 năm ngày sinh Tổng Bí thư", "Chúng ta nhớ những đóng góp của ông.", "other"),
        (None, "Ngày 4/10, tại Trung tâm Hội nghị tỉnh đã diễn ra phiên bế mạc Đại hội đại biểu "
               "Đoàn TNCS Hồ Chí Minh tỉnh lần thứ XI, nhiệm kỳ 2022-2027.", "congress"),
        (None, "Ngày 21-9, Đảng bộ tỉnh Hà Nam đã khai mạc trọng thể Đại hội đại biểu lần thứ XX.",
         "congress"),
        (None, "Ngày 3/10, Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025 - 2030, "
               "bước vào phiên chính thức.", "congress"),
        (None, "Ngày 22/9, Tỉnh ủy tổ chức hội nghị triển khai quyết định của Ban Bí thư về công "
               "tác cán bộ.", "appointment"),
        (None, "Chiều 28/9, Ban Chấp hành Đảng bộ tỉnh khóa XVI tổ chức Hội nghị lần thứ nhất.",
         "appointment"),
        ("Tổng bí thư Nông Đức Mạnh tái đắc cử", "Các đại biểu dự.", "election"),
        (None, "Hô hào cam kết nhưng không ai bị kiểm điểm, xử lý.", "other"),
        (None, "Sáng 5/1, Tỉnh ủy sơ kết; Nghị quyết Đại hội XIII được quán triệt.", "review"),
        (None, "HĐND tỉnh miễn nhiệm Phó Chủ tịch UBND tỉnh do có vi phạm.", "discipline"),
        (None, "HĐND tỉnh miễn nhiệm Phó Chủ tịch UBND tỉnh theo nguyện vọng cá nhân.",
         "appointment"),
        (None, "Sáng 2/2, hội nghị nhấn mạnh tăng cường kỷ luật, kỷ cương.", "conference"),
        ("Sáng nay, khai mạc Đại hội Đảng toàn quốc lần X", "Các đại biểu dự.", "congress"),
    ],
)
def test_headline_first_and_containers(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_an_event_whose_year_is_unknown_still_has_its_sentence():
    text = "Sáng nay (6-2), ông Võ Công Trí công bố quyết định điều động cán bộ."
    m = [mention(text, "Võ Công Trí")]
    ev = run(text, people=["Võ Công Trí"], mentions=m)
    assert ev == {"type": "appointment", "date": None, "lead": "Võ Công Trí"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ngày 11/5, Ban Kinh tế tổ chức hội nghị. Tại hội nghị ông Mai Văn Chính - Phó trưởng ban "
         "Tổ chức Trung ương đã công bố quyết định về việc điều động ông Đinh La Thăng.",
         "Mai Văn Chính"),
        ("Hôm nay, hội nghị sơ kết diễn ra.\n\nPhát biểu khai mạc, Trưởng ban Dân vận Trung ương "
         "Trương Thị Mai nhấn mạnh kết quả.", "Trương Thị Mai"),
        ("Ngày 9/6, Tỉnh ủy sơ kết. Ảnh: TTXVN Phát biểu tại hội nghị, Bí thư Tỉnh ủy Hoàng Đăng "
         "Quang yêu cầu.", "Hoàng Đăng Quang"),
        ("Ngày 6/2, công bố các quyết định. Phó Bí thư Thường trực Thành ủy Võ Công Trí trao quyết "
         "định cho ông Nguyễn Thanh Quang.", "Võ Công Trí"),
    ],
)
def test_more_lead_cues(text, name):
    people = [n for n in ("Mai Văn Chính", "Đinh La Thăng", "Trương Thị Mai", "Hoàng Đăng Quang",
                          "Võ Công Trí", "Nguyễn Thanh Quang") if n in text]
    m = sorted((mention(text, n) for n in people), key=lambda x: x.start)
    assert run(text, people=people, mentions=m)["lead"] == name


def test_an_ellipsis_does_not_end_the_event_sentence():
    text = ("Sáng 14-2, gần 1.000 cán bộ chủ chốt các quận, đơn vị cơ sở... đã tham dự hội nghị "
            "quán triệt Nghị quyết.\n\nThành phố tặng Huân chương cho Đảng bộ.")
    assert run(text)["type"] == "conference"


def test_the_first_speaker_of_the_lead_when_the_event_sentence_names_no_one():
    text = ("Sáng 14-2, gần 1.000 cán bộ chủ chốt đã tham dự hội nghị quán triệt Nghị quyết.\n\n"
            "Phó Bí thư Thường trực Thành ủy TPHCM Lê Hoàng Quân nhấn mạnh: “Tư tưởng cốt lõi”.")
    m = [mention(text, "Lê Hoàng Quân")]
    assert run(text, people=["Lê Hoàng Quân"], mentions=m)["lead"] == "Lê Hoàng Quân"


def test_a_birth_date_in_the_lead_is_not_the_event_date():
    from partyx.rules.dates import find_dates, resolve

    text = ("Đồng chí Nguyễn Văn A sinh ngày 23-5-1924, quê xã Nam Ninh.\n\n"
            "Lễ viếng lúc 9 giờ 30 ngày 7-1-2006 tại Nhà tang lễ.")
    mentions = find_dates(text)
    dates = [FoundDate(resolve(m, None), m.start, m.end, None) for m in mentions]
    main = event.main_date(text, dates, None)
    assert main is not None and main.date == "2006-01-07"


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("(?i)mít ?tinh", "tinh"),  # an optional letter ends the run
        ("(?<![Bb]an )[Kk]iểm tra", "kiểm tra"),  # lookbehinds are skipped; [Kk] is k
        ("[Kk]?iểm tra", "iểm tra"),  # an optional letter ends the run
        ("làm [Tt]rưởng [đĐ]oàn", "làm trưởng đoàn"),
        ("[Kk][a-z]iểm", "iểm"),  # other classes are skipped
        ("dự, chỉ đạo", "dự, chỉ đạo"),  # any literal character is in a run
        ("ab{2,3}cd", "cd"),  # a quantifier's bounds are no text
        ("(?i)(?:khai mạc|bế mạc) (?:thành công )?Đại hội", "đại hội"),
        ("(?i)\\bkỷ luật\\b(?! lao động)", "kỷ luật"),
        ("a[\\]x]bcd", "bcd"),  # an escaped "]" does not close the class
        ("[]a]bc", "bc"),
        ("hội nghị|hội thảo", ""),  # an alternation at the top has no needle
        ("\\d{1,2} năm", " năm"),
    ],
)
def test_needle_is_text_every_match_contains(pattern, expected):
    assert event.needle(pattern) == expected


def test_every_trigger_match_contains_its_needle(corpus_dir):
    """The pre-filter of event_type drops a trigger only when its needle (anchor) or other
    texts are missing, and tries it only ``reach`` before a place of the anchor: no trigger
    may match otherwise (checked on the corpus and the test sentences)."""
    from partyx.io import decode
    from partyx.lang.text import normalize

    texts = [normalize(decode(p.read_bytes()).text) for p in sorted(corpus_dir.iterdir())]
    texts += ["Khai mạc Đại hội", "Đại hội Đảng bộ tỉnh lần thứ XV khai mạc", "mít tinh",
              "MÍTTINH", "Đoàn Kiểm tra", "KIỂM TRA", "5 năm thực hiện", "Được bầu làm"]
    checked = 0
    v = event._vocab()
    for triggers in [t for _, _, t in v.types] + list(v.head_triggers.values()):
        for t in triggers:
            assert t.anchor and t.reach, t.rx.pattern  # every trigger of the data file has them
            # a word at least: an anchor of a blank or a letter is tried nearly everywhere
            assert sum(c.isalpha() for c in t.anchor) >= 2, t.rx.pattern
            for text in texts:
                for m in t.rx.finditer(text):
                    found = m.group(0).lower()
                    assert all(x in found for x in t.others), (t.rx.pattern, m.group(0))
                    assert any(found.startswith(t.anchor, k)
                               for k in range(t.reach[0], t.reach[1] + 1)), (t.rx.pattern, found)
                    checked += 1
    assert checked > 100


def test_odd_case_folds_are_known():
    """IGNORECASE equates these letters with the needles' although str.lower does not; a
    zone holding one of them is searched in full (event._ODD_LETTERS)."""
    import re

    letters = {c for _, _, ts in event._vocab().types for t in ts
               for c in t.anchor + "".join(t.others) if c.isalpha()}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    odd = {x for c in letters for x in re.findall("(?i)" + re.escape(c), everything)
           if x.lower() != c}
    assert odd <= set(event._ODD_LETTERS)
    assert event.event_type("GIÁM ſÁT", None, None) == "inspection"  # ſ: long s


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("(?i)(?:phát biểu (?:khai mạc|chỉ đạo)|chủ trì hội nghị)[^.;]{0,100}$",
         ("phát biểu ", "chủ trì hội nghị")),
        ("(?i)[^.;]{0,90}?(?:\\bchủ trì\\b|làm [Tt]rưởng [đĐ]oàn)", ("chủ trì", "làm trưởng đoàn")),
        ("ab|c(?:de|fg)", ("ab", "c")),
        ("(?<!abc)(?:xy|zw)", ("xy", "zw")),  # a lookbehind consumes nothing
        ("(?:ab|cd)?x", ("x",)),
        ("(?:abc){1,2}", ()),  # nothing known for sure: no filter
        ("(?P<n>abc|de)", ("abc", "de")),
        ("ab|\\d", ()),  # one branch without a needle: no filter
    ],
)
def test_needles_one_of_which_every_match_contains(pattern, expected):
    assert event.needles(pattern) == expected


def test_every_cue_match_contains_one_of_its_needles(corpus_dir):
    from partyx.io import decode
    from partyx.lang.text import normalize

    v = event._vocab()
    texts = [normalize(decode(p.read_bytes()).text) for p in sorted(corpus_dir.iterdir())]
    checked = 0
    for rx, pins in ((v.after, v.after_pins), (v.before, v.before_pins),
                     (v.speaker, v.speaker_pins), (v.planned, v.planned_pins)):
        assert pins
        for text in texts:
            for m in rx.finditer(text):
                assert any(p in m.group(0).lower() for p in pins), (rx.pattern, m.group(0))
                checked += 1
    assert checked > 20


def test_relative_days_in_any_case():
    """main_date looks for _RELATIVE only where the lower-cased lead has nay/qua."""
    ev = run("HÔM QUA, Ban Bí thư họp.", published="2017-05-18T10:00:00+07:00")
    assert ev["date"] == "2017-05-17"
    ev = run("Sáng Nay, Ban Bí thư họp.", published="2017-05-18T10:00:00+07:00")
    assert ev["date"] == "2017-05-18"


def test_main_date_passes_over_dates_of_no_event():
    from partyx.rules.dates import body_dates

    def date(text, published=None):
        main = event.main_date(text, body_dates(text, None, published), published)
        return main.date if main else None

    # an abbreviation's dot opens no sentence: the paper's date is no event date
    assert date("Bài viết (Pháp Luật TP.HCM ngày 18-5 đã thông tin).\n\nChiều 19-5, ông A trao "
                "đổi.", published="2017-05-21T08:00:00+07:00") == "2017-05-19"
    assert date("Chúng tôi đăng lại bài đăng trên Báo Nhân Dân số ra ngày 23-9-2005.") is None
    assert date("Riêng trong năm 2016, vốn tăng.\n\nTính đến 31/12/2016, tổng giá trị đạt.") is None
    assert date("Ông về nhận công tác kể từ ngày 1-5-2020.") is None
    assert date("Kỷ niệm lần thứ 110 ngày sinh của Tổng Bí thư (9/2/1907-9/2/2017), chúng ta "
                "nhớ.") is None
    # history: a date with a year two or more before the article's
    assert date("Trong bài nói ngày 19/10/1986 tại Đại hội, ông nói.",
                published="2017-02-09T08:00:00+07:00") == "2017-02-09"


def test_a_two_day_event_takes_its_first_day():
    ev = run("Trong 2 ngày 7 và 8-5, Đảng bộ quận tổ chức Đại hội đại biểu lần thứ VIII, nhiệm "
             "kỳ 2025-2030.")
    assert ev == {"type": "congress", "date": "2025-05-07", "lead": None}


def test_an_obituary_is_dated_by_the_death():
    text = ("Ban Chấp hành Trung ương Đảng và gia đình vô cùng thương tiếc báo tin:\n\n"
            "Đồng chí Nguyễn Văn A sinh ngày 11-11-1942. Do tuổi cao, sức yếu, đồng chí đã từ "
            "trần hồi 3 giờ 25 phút ngày 19-2-2021 tại nhà riêng.")
    assert run(text, title="TIN BUỒN")["date"] == "2021-02-19"
    # no death announced: a life's dates do not date the article
    text = ("Đồng chí Nguyễn Văn A sinh ngày 11-11-1942, vào Đảng ngày 25-10-1964.\n\n"
            "Ông từng giữ chức Bí thư Tỉnh ủy.")
    assert run(text, title="Một đời vì dân")["date"] is None


def test_a_decision_dates_an_undated_appointment():
    text = ("Thủ tướng Chính phủ bổ nhiệm 4 nhân sự Bộ Quốc phòng.\n\nThủ tướng bổ nhiệm "
            "Thiếu tướng A giữ chức Phó Tư lệnh.\n\nCụ thể, tại Quyết định 1426/QĐ-TTg ngày "
            "20/11/2023, Thủ tướng Chính phủ bổ nhiệm Thiếu tướng A.")
    assert run(text) == {"type": "appointment", "date": "2023-11-20", "lead": None}
    # a decision cited in a sentence of another action does not date the event
    text = ("Thủ tướng Chính phủ bổ nhiệm ông A.\n\nThực hiện Chỉ thị số 35-CT/TW ngày "
            "30/5/2019 của Bộ Chính trị, quận tổ chức đại hội.")
    assert run(text)["date"] is None


def _lead(text, names):
    m = sorted((mention(text, n) for n in names), key=lambda x: x.start)
    return run(text, people=list(names), mentions=m)["lead"]


def test_the_chair_named_after_a_caption():
    text = ("Chiều 14/3, Tỉnh ủy tổ chức Hội nghị tổng kết 15 năm (2011-2025) thi hành Điều lệ "
            "Đảng.\n\nĐại biểu dự Hội nghị tổng kết.\n\nBí thư Tỉnh ủy Đỗ Thanh Bình chủ trì hội "
            "nghị.")
    assert _lead(text, ["Đỗ Thanh Bình"]) == "Đỗ Thanh Bình"
    # further down, a chair is another event's
    text = text.replace("\n\nBí thư", "\n\nMột.\n\nHai.\n\nBí thư")
    assert _lead(text, ["Đỗ Thanh Bình"]) is None


def test_more_forms_of_who_led():
    text = ("Kỳ họp thứ 42 của Ủy ban Kiểm tra Trung ương diễn ra từ ngày 12 - 14/6 dưới sự chủ "
            "trì của Chủ nhiệm Ủy ban Kiểm tra Trung ương Trần Cẩm Tú.")
    assert _lead(text, ["Trần Cẩm Tú"]) == "Trần Cẩm Tú"
    text = ("Ông Nguyễn Thiện Nhân phát biểu tại lễ công bố quyết định, sáng 10-5. Đoàn công tác "
            "của Bộ Chính trị do Chủ tịch Quốc hội Nguyễn Thị Kim Ngân dẫn đầu.")
    assert _lead(text, ["Nguyễn Thiện Nhân", "Nguyễn Thị Kim Ngân"]) == "Nguyễn Thị Kim Ngân"
    text = ("Tang lễ được tổ chức trong 2 ngày. Ban Lễ tang gồm có 37 người do Tổng Bí thư "
            "Nguyễn Phú Trọng là Trưởng ban.")
    assert _lead(text, ["Nguyễn Phú Trọng"]) == "Nguyễn Phú Trọng"
    text = ("Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Dân "
            "vận Trung ương thay mặt Bộ Chính trị, Ban Bí thư dự và chỉ đạo đại hội.")
    assert _lead(text, ["Trương Thị Mai"]) == "Trương Thị Mai"


def test_who_an_action_is_about_is_no_lead():
    text = ("Sáng 17/11, ông Hà Quang Trung, Phó bí thư Tỉnh ủy Điện Biên, được Ban Bí thư điều "
            "động giữ chức Phó bí thư Tỉnh ủy Lai Châu.")
    assert _lead(text, ["Hà Quang Trung"]) is None
    text = ("Ngày 15-10, Ủy ban Kiểm tra Tỉnh ủy quyết định khai trừ ra khỏi đảng đối với ông Lê "
            "Đình Thuần, cựu Giám đốc, và ông Nguyễn Hữu Giảng, cựu Phó giám đốc.\n\nÔng Trần "
            "Văn Ba cho biết: các ông vi phạm.")
    assert _lead(text, ["Lê Đình Thuần", "Nguyễn Hữu Giảng", "Trần Văn Ba"]) is None
    text = ("Sáng 6/2, tại lễ trao quyết định điều động cán bộ, Bí thư Tỉnh ủy Lê Văn An phát "
            "biểu.")
    assert _lead(text, ["Lê Văn An"]) == "Lê Văn An"


def test_the_day_told_again_with_its_year():
    text = ("Theo Quyết định 626/QĐ-TTg của Thủ tướng ký ngày 2-6, ông A được bổ nhiệm giữ chức "
            "Thứ trưởng.\n\nÔng A sinh năm 1969.\n\nNgày 2-6-2023, Thủ tướng đã ký Quyết định "
            "số 626/QĐ-TTg bổ nhiệm ông A giữ chức Thứ trưởng.")
    assert run(text)["date"] == "2023-06-02"
    # the same day of another action, a birth date or two years: no year
    other = text.replace("bổ nhiệm ông A giữ chức Thứ trưởng.", "về quy hoạch.")
    assert run(other)["date"] is None
    born = text.replace("\n\nNgày 2-6-2023, Thủ tướng đã ký Quyết định số 626/QĐ-TTg",
                        "\n\nÔng A sinh ngày 2-6-1969,")
    assert run(born)["date"] is None
    twice = text + " Ngày 2-6-2021, Thủ tướng bổ nhiệm ông B."
    assert run(twice)["date"] is None
    # a commemoration's day is also the historical day's
    text = ("Sáng 2/9, thành phố tổ chức lễ kỷ niệm Quốc khánh.\n\nNgày 2/9/1945, Chủ tịch Hồ "
            "Chí Minh đọc Tuyên ngôn độc lập, khai sinh nước Việt Nam Dân chủ Cộng hòa; lễ kỷ "
            "niệm nhắc lại.")
    assert run(text)["date"] is None


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # the headline decides before the event sentence: a congress reviews its term
        ("Đại hội Đảng bộ quận 5 lần thứ VIII",
         "Sáng 3/5, Đại hội đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ qua.", "congress"),
        ("ĐẠI HỘI CHI BỘ KHU PHỐ 3", "Các đảng viên dự.", "congress"),
        ("Ngày làm việc thứ ba của Đại hội X", "Các đại biểu thảo luận.", "congress"),
        ("Đại hội Chi bộ Công ty May", "Các đảng viên dự.", "congress"),
        # a headline "label: clause": the clause after the colon is the main one
        ("Kiểm tra tài sản cán bộ: Đề nghị kỷ luật hai cán bộ", "Các đại biểu dự.",
         "discipline"),
        # a delegation (đoàn, tổ công tác) acts; "công tác kiểm tra" is a topic
        (None, "Sáng 22/9, Phó Chủ tịch tỉnh dẫn đầu đoàn công tác kiểm tra hiện trường.",
         "inspection"),
        (None, "Sáng 22/9, hội nghị bàn về công tác kiểm tra.", "conference"),
        # a means is no action of the event; a purpose of the event's container is
        (None, "Qua kiểm tra đã phát hiện phá rừng phòng hộ.", "other"),
        (None, "Sáng 2/3, Tỉnh ủy tổ chức hội nghị nhằm đánh giá kết quả công tác.", "review"),
        (None, "Sáng 2/3, hội nghị thông qua kết quả kiểm điểm tập thể.", "review"),
        # games and assemblies called đại hội are no congress
        ("Ánh Viên giành HCV tại Đại hội thể thao châu Á",
         "Tối 22/9, Đại hội Thể thao trong nhà châu Á đang diễn ra.", "other"),
        ("Đại hội đồng cổ đông thường niên diễn ra", "Các cổ đông dự.", "other"),
        # a wrongful appointment is the topic of a violation, not a new post
        ("Bổ nhiệm sai quy định: cán bộ xin ra khỏi cấp ủy", "Ông A đã viết đơn.", "other"),
        # a gift is no award; an honour is
        (None, "Các cựu binh trao tặng lại kỷ vật cho UBND huyện.", "other"),
        (None, "Sáng 3/2, Chủ tịch nước trao tặng danh hiệu Anh hùng cho đơn vị.", "award"),
        # more forms of the classes
        (None, "UBND tỉnh phê duyệt chỉ định thầu gói xây dựng.", "other"),
        ("Ông A bị cách hết các chức vụ trong Đảng", "Các đại biểu dự.", "discipline"),
        (None, "Ông A được bầu Chủ tịch HĐND tỉnh.", "appointment"),
        # a post left for a violation is a discipline; a post given is an appointment
        ("Ông A thôi giữ chức Bí thư do vi phạm", "Các đại biểu dự.", "discipline"),
        ("Cho thôi giữ chức Phó Chủ tịch theo nguyện vọng", "Các đại biểu dự.", "appointment"),
        ("Ông A được phân công làm Bí thư Tỉnh ủy", "Các đại biểu dự.", "appointment"),
        # meeting voters is no election: a hội nghị tiếp xúc cử tri is a conference
        (None, "Sáng 5/7, Đoàn ĐBQH tổ chức hội nghị tiếp xúc cử tri phường 3.", "conference"),
        (None, "Sáng 23/5, cử tri cả nước đi bầu đại biểu Quốc hội.", "election"),
    ],
)
def test_the_structure_of_the_genre(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a congress written before the zone's first action is the event: reviewing the term,
        # electing the committee are its agenda
        ("Đại hội Đảng bộ tỉnh đánh giá kết quả nhiệm kỳ, bầu Ban Chấp hành khóa mới",
         "Các đại biểu dự.", "congress"),
        (None, "Sáng 5/8, Đại hội Đảng bộ huyện lần thứ XX đánh giá kết quả nhiệm kỳ qua.",
         "congress"),
        # the label of a headline that names a congress
        ("Đại hội Đảng bộ tỉnh Nghệ An: Đánh giá kết quả 5 năm", "Các đại biểu dự.",
         "congress"),
        # an action written before the congress stays the event
        ("Kiểm tra công tác chuẩn bị Đại hội Đảng bộ huyện", "Các đại biểu dự.", "inspection"),
        (None, "Sáng 2/3, Đoàn giám sát làm việc về Đại hội Đảng bộ xã.", "inspection"),
    ],
)
def test_a_congress_leads_its_agenda(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a new post: a title after "tân", after "làm" in a headline, a post assigned
        ("Tỉnh ủy Lâm Đồng có tân Phó Bí thư", "Các đại biểu dự.", "appointment"),
        ("Tân Bí thư Tỉnh ủy Quảng Ninh nhận nhiệm vụ", "Các đại biểu dự.", "appointment"),
        ("Thứ trưởng Đỗ Đức Duy làm Chủ tịch tỉnh Yên Bái", "Các đại biểu dự.", "appointment"),
        ("Phân công ông Nguyễn Văn A phụ trách Ban Tuyên giáo", "Các đại biểu dự.",
         "appointment"),
        # not a post: a role in the event, a career in the body, a place named Tân …
        ("Ông A làm Trưởng đoàn", "Các đại biểu dự.", "other"),
        (None, "Ông A từng làm Bí thư Huyện ủy nhiều năm.", "other"),
        (None, "Sáng 3/2, người dân phường Tân Chánh Hiệp dự lễ.", "other"),
        (None, "Ban Thường vụ phân công nhiệm vụ cho các ủy viên.", "other"),
    ],
)
def test_new_posts(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # honours in every form: conferred, posthumous, prizes
        ("Truy tặng danh hiệu Bà mẹ Việt Nam anh hùng", "Các đại biểu dự.", "award"),
        ("Phong tặng danh hiệu Anh hùng Lực lượng vũ trang", "Các đại biểu dự.", "award"),
        ("Trao giải Báo chí về xây dựng Đảng", "Các đại biểu dự.", "award"),
        (None, "Sáng 3/2, tỉnh trao thưởng cho 20 tập thể.", "award"),
        (None, "Sáng 3/2, cán bộ trao đổi giải pháp.", "other"),
    ],
)
def test_honours_in_every_form(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a control commission's conclusion ends an inspection (its sanctions are discipline)
        (None, "Ủy ban Kiểm tra Trung ương kết luận, Bí thư Thành ủy đã vi phạm.",
         "inspection"),
        ("UBKT Trung ương công bố kết luận về Bí thư", "Các đại biểu dự.", "inspection"),
        ("Ủy ban Kiểm tra Trung ương kỷ luật cảnh cáo Chủ tịch tỉnh", "Các đại biểu dự.",
         "discipline"),
    ],
)
def test_a_control_commissions_conclusion_is_an_inspection(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_a_dated_step_of_the_story_gives_the_event_its_year():
    # a meeting of the same story, written with its year, weeks before
    text = ("Ngày 9-4, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần "
            "thứ 18.\n\nTiểu ban nhân sự đã họp phiên đầu tiên ngày 13/3/2024.")
    assert run(text)["date"] == "2024-04-09"
    # the period reported on: 9 months of 2017, an event of late September
    text = ("Sáng 22-9, Bộ trưởng đã tới thăm, làm việc với Tỉnh ủy.\n\nTrong 9 tháng đầu năm "
            "2017, Đảng bộ tỉnh đã khắc phục khó khăn.")
    assert run(text)["date"] == "2017-09-22"
    # a year-end review: the January after it
    text = ("Sáng 5/1, Tỉnh ủy làm việc với Huyện ủy.\n\nKết quả 12 tháng năm 2016 khả quan.")
    assert run(text)["date"] == "2017-01-05"


@pytest.mark.parametrize(
    "text",
    [
        # too far from the only dated step
        "Sáng 9/8, Tỉnh ủy làm việc với Huyện ủy.\n\nNgày 13/3/2024 huyện họp.",
        # a cited document, a birth date: no step of the story
        "Sáng 9/4, Tỉnh ủy làm việc với Huyện ủy về Chỉ thị số 05-CT/TW ngày 1/4/2016.",
        "Sáng 9/4, Tỉnh ủy làm việc với ông A, sinh ngày 3/4/1960.",
        # history: a later year is written
        "Sáng 1/9, Tỉnh ủy làm việc với Huyện ủy.\n\nNgày 2/9/1945 Bác đọc Tuyên ngôn; năm 2017 "
        "tỉnh phát triển.",
        # two steps that disagree
        "Sáng 9/4, Tỉnh ủy làm việc với Huyện ủy.\n\nHọp ngày 1/4/2016 và ngày 2/4/2017.",
        # a commemoration falls on its historical day
        "Sáng 2/9, thành phố tổ chức lễ kỷ niệm.\n\nNgày 2/9/1945 Bác đọc Tuyên ngôn.",
    ],
)
def test_no_year_from_what_is_no_step_of_the_story(text):
    assert run(text)["date"] is None


def test_a_date_in_the_headline_dates_an_event_the_body_does_not():
    assert run("Tỉnh ủy tổ chức hội nghị.", title="Sáng 5/3, Tỉnh ủy họp",
               published="2024-03-06")["date"] == "2024-03-05"
    assert run("Tỉnh ủy tổ chức hội nghị.", title="Ngày 5/3/2024: Tỉnh ủy họp")["date"] \
        == "2024-03-05"
    # the body's own date comes first; a headline's document, history or bare figure is none
    assert run("Sáng 4/3, Tỉnh ủy tổ chức hội nghị.", title="Sáng 5/3, Tỉnh ủy họp",
               published="2024-03-06")["date"] == "2024-03-04"
    assert run("Tỉnh ủy quán triệt chỉ thị.", title="Quán triệt Chỉ thị 05-CT/TW ngày 12-5-1951",
               published="2024-03-06")["date"] == "2024-03-06"
    assert run("Tỉnh ủy tổ chức hội nghị.", title="Tỷ lệ 48/56 chi bộ đạt")["date"] is None


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # the press's abbreviation of a congress; ĐH is also a university
        ("Khai mạc ĐH Đảng bộ TP Hà Nội lần thứ XIV", "Các đại biểu dự.", "congress"),
        ("ĐH X: Thảo luận văn kiện", "Các đại biểu dự.", "congress"),
        ("Sinh viên ĐH Quốc gia tham gia tình nguyện", "Các sinh viên dự.", "other"),
        # a working visit in a headline; where one works, in the body, is none
        ("Tổng Bí thư làm việc tại Hà Giang", "Các đại biểu dự.", "working_session"),
        (None, "Ông A hiện làm việc tại Sở Nội vụ.", "other"),
        # an honour received; a post elected
        ("Huyện đón nhận danh hiệu Anh hùng Lực lượng vũ trang", "Các đại biểu dự.", "award"),
        ("HĐND tỉnh bầu Chủ tịch UBND tỉnh", "Các đại biểu dự.", "appointment"),
        ("Bầu cử đại biểu Quốc hội", "Cử tri đi bầu.", "election"),
    ],
)
def test_abbreviations_headline_forms_honours_received_and_posts_elected(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a complaint is about is no event of the article
        ("Bên cạnh những bất ổn vì liên tiếp các vụ khiếu kiện bổ nhiệm nhân sự, tập đoàn nợ "
         "nhiều.", "other"),
        ("Ông A gửi đơn tố cáo kỷ luật sai đối với mình.", "other"),
        ("Sáng 3/2, Thủ tướng bổ nhiệm ông A làm Thứ trưởng.", "appointment"),
    ],
)
def test_what_a_complaint_is_about_is_a_topic(text, expected):
    assert run(text)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a new body's first session elects its officers
        ("Ban Chấp hành Đảng bộ tỉnh khóa XVI họp phiên thứ nhất, bầu Ban Thường vụ",
         "Các đại biểu dự.", "appointment"),
        (None, "Sáng 2/7, HĐND tỉnh khai mạc kỳ họp thứ nhất, bầu các chức danh.", "appointment"),
        (None, "Sáng 2/7, HĐND tỉnh khai mạc kỳ họp thứ mười.", "other"),
    ],
)
def test_a_first_session_is_an_appointment(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_a_relative_day_placing_the_event_in_the_first_sentence():
    assert run("Tỉnh ủy đã tổ chức hội nghị vào chiều qua. Ông A dự.",
               published="2024-03-05")["date"] == "2024-03-04"
    assert run("Hội nghị diễn ra sáng nay tại Hà Nội.", published="2024-03-05")["date"] \
        == "2024-03-05"
    # further down it is background; with no publication date no day is known
    assert run("Tỉnh ủy tổ chức hội nghị. Ông A nhắc lại cuộc họp vào chiều qua.",
               published="2024-03-05")["date"] == "2024-03-05"
    assert run("Tỉnh ủy đã tổ chức hội nghị vào chiều qua.")["date"] is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range written in brackets or with a comma: the first day
        ("Trong 2 ngày (21-22/9), Đảng bộ huyện tổ chức Đại hội lần thứ XX, nhiệm kỳ "
         "2020-2025.", "2020-09-21"),
        ("Trong hai ngày 21, 22/9, Đảng bộ huyện tổ chức Đại hội lần thứ XX, nhiệm kỳ "
         "2020-2025.", "2020-09-21"),
        # the ceremony handing over a decision cited in its sentence: on or after it
        ("Sáng 5/1, Bộ tổ chức lễ trao Quyết định số 14/QĐ-TTg ngày 28/12/2023 của Thủ tướng "
         "bổ nhiệm ông A.", "2024-01-05"),
        # months after it: the year is not certain
        ("Sáng 5/6, Tỉnh ủy tổ chức lễ trao Quyết định số 14-QĐ/TW ngày 28/12/2023 của Bộ "
         "Chính trị bổ nhiệm ông A.", None),
        # the decision cited in a sentence of the lead that makes the same action
        ("Theo Quyết định số 15-QĐ/TU ngày 10/3/2021, Ban Thường vụ Tỉnh ủy đã thi hành kỷ luật "
         "ông A. Sáng 15/3, Ủy ban Kiểm tra công bố quyết định.", "2021-03-15"),
        # a congress opens the latest term it names (it reviews the one that ends)
        ("Sáng 23/8, Đại hội Đảng bộ tỉnh lần thứ XV đánh giá nhiệm kỳ 2015-2020, đề ra "
         "phương hướng nhiệm kỳ 2020-2025.", "2020-08-23"),
        # an anniversary of a birth before 1900, its count of three digits
        ("Sáng 19/5, Tỉnh ủy dâng hương kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh "
         "(19/5/1890-19/5/2020).", "2020-05-19"),
        # a term of the past and a year of figures in the paragraph: no year of the event
        ("Ngày 23/8, Đại hội Đảng bộ tỉnh lần thứ XV khai mạc. Nhiệm kỳ 2015-2020, tỉnh đạt "
         "nhiều thành tựu.", None),
        ("Sáng 23/8, Tỉnh ủy sơ kết thực hiện Nghị quyết Đại hội. Năm 2023, tăng trưởng đạt 7%.",
         None),
        # an earlier dated step of the story: the event follows it within a season
        ("Tại kỳ họp Ban Chấp hành Đảng bộ tỉnh diễn ra sáng 31-3, Ban Chấp hành đã thống nhất "
         "hình thức kỷ luật khiển trách đối với ông A.\n\nNgày 17-1-2006, Văn phòng Chính phủ đã "
         "có công văn yêu cầu kiểm tra, làm rõ việc này.", "2006-03-31"),
        # … but not long before it
        ("Tại kỳ họp Ban Chấp hành Đảng bộ tỉnh diễn ra sáng 31-3, Ban Chấp hành đã thống nhất "
         "hình thức kỷ luật khiển trách đối với ông A.\n\nNgày 17-6-2006, Văn phòng Chính phủ đã "
         "có công văn yêu cầu kiểm tra, làm rõ việc này.", None),
        # a step of a person's career gives no year, a step of the story does
        ("Sáng 23/2, Tỉnh ủy công bố quyết định điều động ông A giữ chức Giám đốc Sở.\n\nÔng A "
         "sinh năm 1970. Ngày 1/12/2016, ông được bổ nhiệm làm Phó Giám đốc Sở.", None),
        ("Sáng 23/2, Tỉnh ủy công bố quyết định điều động ông A giữ chức Giám đốc Sở.\n\nTừ "
         "ngày 1/12/2016, ông A giữ chức Phó Giám đốc Sở.", None),
        ("Sáng 23/2, Tỉnh ủy tổ chức hội nghị kiểm điểm.\n\nNgày 1/12/2016, Ủy ban Kiểm tra đã "
         "kết luận vi phạm của ông A.", "2017-02-23"),
        # not an appointment's or a discipline's: a resolution is studied any time after
        ("Sáng 25/11, Tỉnh ủy quán triệt Nghị quyết số 14-NQ/TW ngày 20/11/2023 của Bộ Chính "
         "trị.", None),
    ],
)
def test_event_date_classes(text, expected):
    assert run(text)["date"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range of days with its year: the first day, from the one date grammar
        ("Từ ngày 2 đến 5/4/2019, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành lần thứ 15.",
         "2019-04-02"),
        ("Ngày 2-5/4/2019, Thành ủy tổ chức Hội nghị lần thứ 15.", "2019-04-02"),
        ("Hội nghị diễn ra từ ngày 2 đến 5/4/2019 tại Hà Nội.", "2019-04-02"),
        # a two-day event: its first day
        ("Trong 2 ngày 7 và 8-5-2020, Đảng bộ huyện tổ chức Đại hội lần thứ XX.", "2020-05-07"),
        # a planned event's range opening the lead is background to the dated event after it
        ("Từ ngày 26 - 30/9/2019, Hội nghị về phụ nữ và kinh tế sẽ được tổ chức tại Huế. Để "
         "chuẩn bị, sáng 22/9/2019, Công an tỉnh tổ chức hội nghị triển khai.", "2019-09-22"),
        # … but a plan someone tells of leaves the telling the event
        ("Ngày 22/9/2019, ông A cho biết tỉnh sẽ tổ chức hội nghị. Chiều 20/9/2019, Tỉnh ủy "
         "đã họp.", "2019-09-22"),
        # … and a planned event with no other date keeps its own
        ("Ngày 26/9/2019, Đại hội Đảng bộ tỉnh dự kiến sẽ khai mạc tại Huế.", "2019-09-26"),
        # a deadline is no range: ``đến ngày`` alone
        ("Sáng 12/4/2019, Tỉnh ủy họp. Các huyện hoàn thành đến ngày 5/5/2019.", "2019-04-12"),
    ],
)
def test_event_date_of_a_range(text, expected):
    assert run(text)["date"] == expected


def test_a_session_held_over_days_dates_the_event_that_follows_it():
    # the session that reached the conclusion, a range whose end writes the year
    text = ("Hôm nay (12/4), Ủy ban Kiểm tra Trung ương đã làm việc với Tỉnh ủy, công bố kết "
            "luận.\n\nKết luận được đưa ra sau kỳ họp diễn ra từ ngày 2 đến 5/4/2019 tại Hà Nội.")
    assert run(text)["date"] == "2019-04-12"
    # a term's last year is no later history that makes the session's year an old one
    assert run(text + " Ban Thường vụ nhiệm kỳ 2015 - 2020 có vi phạm.")["date"] == "2019-04-12"
    # a deadline is no step of the story
    text = ("Hôm nay (12/4), Ủy ban Kiểm tra Trung ương làm việc với Tỉnh ủy.\n\nTỉnh phải "
            "hoàn thành việc khắc phục đến ngày 30/4/2019.")
    assert run(text)["date"] is None


def test_a_document_the_event_announces_dates_it():
    text = ("Sáng 12/4, Đoàn công tác của Ủy ban Kiểm tra Trung ương làm việc với Ban Thường "
            "vụ Tỉnh ủy, thông báo Kết luận số 31, ngày 10/4/2019 của Ủy ban.")
    assert run(text)["date"] == "2019-04-12"
    text = ("Ngày 9-10, Bộ Chỉ huy tổ chức Hội nghị triển khai thực hiện Nghị định 55/2019/NĐ-CP "
            "ngày 2-8-2019 của Chính phủ.")
    assert run(text)["date"] == "2019-10-09"
    # a document the event is only about may be years old
    text = ("Sáng 12/4, Tỉnh ủy làm việc với Huyện ủy về việc thực hiện Chỉ thị số 05-CT/TW "
            "ngày 10/4/2016 của Bộ Chính trị.")
    assert run(text)["date"] is None


def test_a_career_summary_gives_the_event_no_year():
    text = ("Sáng 20.5 tại Hà Nội, Hội nghị đã hiệp thương cử ông A giữ chức Chủ tịch. Tóm tắt "
            "quá trình công tác: + Tháng 1.2014 – 13.4.2014: Phó Bí thư Tỉnh ủy; + Từ "
            "14.4.2014 đến tháng 9.2014: Bí thư Tỉnh ủy; + Tháng 10.2014 - nay: Phó Chủ tịch.")
    assert run(text)["date"] is None


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # the Front elects its officers by consultation; a member added to a committee
        ("Hiệp thương cử Chủ tịch Ủy ban MTTQ tỉnh", "Các đại biểu dự.", "appointment"),
        (None, "Sáng 4/6, Hội nghị đã hiệp thương cử bà B giữ cương vị mới.", "appointment"),
        ("Bổ sung ông Z vào Ban Thường vụ Tỉnh ủy", "Các đại biểu dự.", "appointment"),
        # voters consulted, a list added to: no post
        (None, "Sáng 4/6, Ủy ban MTTQ tổ chức hội nghị hiệp thương lần thứ hai.", "conference"),
        (None, "Sáng 4/6, Sở bổ sung kinh phí vào dự toán.", "other"),
        # disciplining party members; Party discipline as a thing is no event
        ("Kỷ luật đảng viên vi phạm quy định", "Các đại biểu dự.", "discipline"),
        ("Giữ nghiêm kỷ luật Đảng trong tình hình mới", "Các đại biểu dự.", "other"),
        # a tool's function, a school test: no inspection
        ("Mạng xã hội thử tính năng kiểm tra người theo dõi", "Người dùng hài lòng.", "other"),
        (None, "Ứng dụng hỗ trợ kiểm tra tốc độ mạng.", "other"),
        ("Ca khúc xuất hiện trong đề kiểm tra môn Văn", "Học sinh thích.", "other"),
        ("Kiểm tra công tác phòng chống dịch tại huyện", "Các đại biểu dự.", "inspection"),
        # where people live and work is no working session; a visit to work there is
        (None, "Hội dành cho sinh viên sinh sống, học tập và làm việc tại thành phố Huế.",
         "other"),
        (None, "Sáng 5/6, Bộ trưởng đến thăm và làm việc tại tỉnh Gia Lai.", "working_session"),
    ],
)
def test_posts_given_and_sanctions_in_more_forms(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a headline naming only the meeting: the post it gives or the sanction it decides
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
         "Sáng 8/5, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 15. Hội nghị đã bầu "
         "bổ sung ông C giữ chức Phó Bí thư Tỉnh ủy.", "appointment"),
        ("Hội nghị Ban Thường vụ Huyện ủy",
         "Chiều 8/5, Ban Thường vụ Huyện ủy họp, quyết định thi hành kỷ luật bằng hình thức "
         "cảnh cáo đối với ông D.", "discipline"),
        # what else it does leaves it a conference; a congress stays one
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
         "Sáng 8/5, Hội nghị cho ý kiến vào dự thảo báo cáo chính trị.", "conference"),
        ("Đại hội Đảng bộ huyện lần thứ XX",
         "Sáng 8/5, Đại hội bầu ông E giữ chức Bí thư Huyện ủy.", "congress"),
        # the same when the event's sentence names only the meeting
        ("Công bố quyết định của Bộ Chính trị",
         "Sáng 8/5, Tỉnh ủy tổ chức hội nghị công bố quyết định của Bộ Chính trị. Theo đó, "
         "ông A được điều động giữ chức Bí thư Tỉnh ủy.", "appointment"),
        (None, "Sáng 8/5, Ban Thường vụ Huyện ủy tổ chức hội nghị. Hội nghị đã thi hành kỷ luật "
         "khiển trách ông B.", "discipline"),
        (None, "Sáng 8/5, Tỉnh ủy tổ chức hội nghị. Tham dự có ông C, Trưởng Ban Kiểm tra.",
         "conference"),
        # who leads it (a new post's cue, an apposition) or what it only proposes: no decision
        ("Hội nghị triển khai nhiệm vụ năm 2025",
         "Sáng 6/1/2025, Tỉnh ủy Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ năm 2025. Đồng "
         "chí Trần Văn Bình, tân Bí thư Tỉnh ủy, chủ trì hội nghị.", "conference"),
        ("Hội nghị triển khai nhiệm vụ năm 2025",
         "Sáng 6/1/2025, Tỉnh ủy tổ chức hội nghị triển khai nhiệm vụ năm 2025. Đồng chí Trần "
         "Văn Bình, người vừa được bầu giữ chức Bí thư Tỉnh ủy, chủ trì hội nghị.",
         "conference"),
        ("Hội nghị giao ban quý II",
         "Sáng 5/7/2025, Huyện ủy tổ chức Hội nghị giao ban quý II. Hội nghị thống nhất đề "
         "nghị cấp trên điều động 2 cán bộ về xã.", "conference"),
        # the meeting carrying it out: its own act, or the meeting its subject
        ("Hội nghị giao ban quý II",
         "Sáng 5/7/2025, Huyện ủy tổ chức Hội nghị giao ban quý II. Hội nghị đã bầu ông H giữ "
         "chức Phó Bí thư Huyện ủy.", "appointment"),
        ("Hội nghị Ban Thường vụ Tỉnh ủy",
         "Sáng 5/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trao quyết định điều động ông K về "
         "Sở Nội vụ.", "appointment"),
    ],
)
def test_a_meeting_named_alone_is_what_it_decides(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a step towards an election or a nomination is no appointment
        ("Hội nghị hiệp thương lần thứ hai",
         "Sáng 15/3, Ủy ban MTTQ huyện tổ chức Hội nghị hiệp thương cử người ứng cử đại biểu "
         "HĐND huyện nhiệm kỳ 2026-2031.", "conference"),
        ("Hội nghị hiệp thương",
         "Sáng 15/3, Ủy ban MTTQ tỉnh tổ chức Hội nghị hiệp thương giới thiệu đại biểu.",
         "conference"),
        ("Hội nghị giới thiệu nhân sự",
         "Sáng 15/3, Huyện ủy tổ chức hội nghị lấy phiếu giới thiệu nhân sự bổ sung vào Ban "
         "Chấp hành Đảng bộ huyện.", "conference"),
        # electing officers, adding a member: appointments
        ("Hiệp thương cử Chủ tịch Ủy ban MTTQ tỉnh",
         "Sáng 15/3, Ủy ban MTTQ tỉnh tổ chức hội nghị hiệp thương cử Chủ tịch.",
         "appointment"),
        ("Bổ sung ông L vào Ban Thường vụ Tỉnh ủy",
         "Sáng 15/3, Tỉnh ủy tổ chức hội nghị bổ sung ông L vào Ban Thường vụ.",
         "appointment"),
    ],
)
def test_a_nomination_step_is_no_appointment(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_a_sentence_near_a_date_of_no_event_is_not_the_event_sentence():
    # a birth date, a count's date close after a sentence opens: no event's
    assert run("Tỉnh ủy tổ chức hội nghị. Ông A sinh ngày 8/5/1960.")["date"] is None
    text = "Tính đến ngày 30/4/2023, Đảng bộ tỉnh có 52.000 đảng viên."
    assert run(text, published="2023-05-09T08:00:00+07:00")["date"] == "2023-05-09"
    # an event's date that opens a sentence stays its date
    assert run("Tỉnh ủy họp. Ngày 8/5/2023, Tỉnh ủy tổ chức hội nghị.")["date"] == "2023-05-08"


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # a dismissal the lead ties to a violation is a discipline
        ("Miễn nhiệm chức vụ Phó Chủ tịch UBND huyện đối với ông E",
         "Sáng 8/5, HĐND huyện miễn nhiệm chức vụ Phó Chủ tịch UBND huyện đối với ông E do có "
         "vi phạm.", "discipline"),
        ("Ông N thôi giữ chức Giám đốc Sở",
         "Chiều 8/5, UBND tỉnh công bố quyết định. Ông N bị kỷ luật cảnh cáo hồi tháng 3.",
         "discipline"),
        # one at the person's wish, or a post given, stays an appointment
        ("Miễn nhiệm chức vụ Phó Chủ tịch UBND huyện đối với ông E",
         "Sáng 8/5, HĐND huyện miễn nhiệm ông E theo nguyện vọng cá nhân.", "appointment"),
        ("Bổ nhiệm ông A làm Giám đốc Sở",
         "Sáng 8/5, UBND tỉnh bổ nhiệm ông A thay ông B bị kỷ luật.", "appointment"),
    ],
)
def test_a_dismissal_for_a_violation_is_a_discipline(title, text, expected):
    assert run(text, title=title)["type"] == expected


def test_a_documents_issuing_day_is_background_to_the_dated_event_that_follows():
    p = "2024-05-10"
    text = ("Ngày 5/5, Ban Bí thư ban hành Quyết định chuẩn y ông A giữ chức Bí thư. Sáng 8/5, "
            "Tỉnh ủy tổ chức hội nghị công bố quyết định.")
    assert run(text, published=p)["date"] == "2024-05-08"
    # no later dated sentence: the signing is the event
    text = "Ngày 5/5, Thủ tướng ký Quyết định bổ nhiệm ông A giữ chức Thứ trưởng."
    assert run(text, published=p)["date"] == "2024-05-05"
    # a dated opening that issues nothing is the event
    text = "Ngày 5/5, Tỉnh ủy tổ chức hội nghị sơ kết. Sáng 8/5, Tỉnh ủy làm việc với huyện."
    assert run(text, published=p)["date"] == "2024-05-05"
    # what the event is about, issued earlier or to be issued, is no issuing on that day
    text = ("Ngày 5/5, Tỉnh ủy tổ chức hội nghị quán triệt các quy định mới ban hành của Trung "
            "ương. Trước đó, sáng 3/5, Ban Thường vụ Tỉnh ủy đã họp.")
    assert run(text, published=p)["date"] == "2024-05-05"
    text = ("Ngày 5/5, HĐND tỉnh khai mạc kỳ họp chuyên đề để xem xét ban hành 5 nghị quyết. "
            "Chiều 4/5, Thường trực HĐND tỉnh đã họp.")
    assert run(text, published=p)["date"] == "2024-05-05"


def test_a_deadline_and_a_document_dated_without_number_are_no_events_date():
    p = "2024-05-10"
    text = ("Theo Quyết định ngày 5/5 của Ban Thường vụ Tỉnh ủy, ông A được điều động giữ chức "
            "Bí thư Huyện ủy.")
    assert run(text, published=p)["date"] == p
    # a verb's 'thông báo ngày' is the day of what is announced
    assert run("Công an tỉnh thông báo ngày 5/5 đã bắt giữ đối tượng.",
               published=p)["date"] == "2024-05-05"
    text = "Trước ngày 20/5, các đơn vị phải báo cáo kết quả kiểm điểm."
    assert run(text, published=p)["date"] == p
    # a deadline gives the event no year
    text = ("Hôm nay (12/4), Ủy ban Kiểm tra Trung ương làm việc với Tỉnh ủy.\n\nTỉnh phải "
            "hoàn thành việc khắc phục trước ngày 30/4/2019.")
    assert run(text)["date"] is None


@pytest.mark.parametrize(
    "title, expected",
    [
        # a meeting postponed or called off took no place: the news is that
        ("Tỉnh hoãn hội nghị tổng kết năm", "other"),
        ("Thành phố tạm hoãn nhiều cuộc họp, hội nghị", "other"),
        ("Tỉnh hủy hội nghị xúc tiến đầu tư", "other"),
        ("Hội nghị bàn việc hoãn thu phí", "conference"),
        # what an act bears on is its object, not the event
        ("Nước X bác cáo buộc can thiệp vào bầu cử nước Y", "other"),
        ("Nước X phủ nhận tác động bầu cử nước Y", "other"),
        ("Cử tri nước Y đi bỏ phiếu bầu cử tổng thống", "election"),
    ],
)
def test_a_meeting_called_off_and_what_an_act_bears_on(title, expected):
    assert run("Các đại biểu được mời.", title=title)["type"] == expected


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # the police's checks of people and vehicles are no inspection of work
        ("CSGT bắt đối tượng vận chuyển ma túy", "Kiểm tra đối tượng đi xe máy, tổ công tác Đội "
         "CSGT số 2 phát hiện nhiều viên ma túy.", "other"),
        ("Công an bắt quả tang ổ nhóm cờ bạc", "Tổ công tác tiến hành kiểm tra hành chính nhà "
         "nghỉ A.", "other"),
        ("Sai phạm tại dự án khu đô thị", "Tổ công tác của Bộ Xây dựng phát hiện nhiều sai "
         "phạm.", "inspection"),
        ("Kiểm tra công tác cán bộ tại Huyện ủy", "Các đại biểu dự.", "inspection"),
        # a congress referred to in lower case mid-sentence is not the event announced
        (None, "Chiều 10/5, sau khi đại hội đã bầu Ban Chấp hành nhiệm kỳ 2020-2025, Ban Chấp "
         "hành họp hội nghị lần thứ nhất bầu Ban Thường vụ.", "appointment"),
        (None, "Chiều 10/5, Đại hội đại biểu Đảng bộ tỉnh lần thứ XV đã bầu Ban Chấp hành nhiệm "
         "kỳ 2020-2025.", "congress"),
        (None, "Chiều 10/5, Đảng bộ tỉnh tổ chức đại hội lần thứ XV, nhiệm kỳ 2020-2025.",
         "congress"),
        # an election the news is about, any country's, is an election
        ("Nước Y bầu cử quốc hội", "Các đại biểu dự.", "election"),
        (None, "Nga phủ nhận ảnh hưởng tới cuộc bầu cử tổng thống nước Y.", "other"),
    ],
)
def test_police_checks_a_congress_referred_to_and_elections_borne_on(title, text, expected):
    assert run(text, title=title)["type"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a training course a body holds is a meeting of its own
        ("Sáng 22/9, Công đoàn tỉnh tổ chức tập huấn nghiệp vụ tài chính cho cán bộ.",
         "conference"),
        ("Sáng 22/9, Ban Tuyên giáo tổ chức lớp tập huấn báo cáo viên.", "conference"),
        # trained as a thing done to people; an action the course carries wins
        ("Nông dân được tập huấn kiến thức an toàn thực phẩm.", "other"),
        ("Sáng 22/9, Sở tổ chức tập huấn và kiểm tra công tác phòng cháy.", "inspection"),
    ],
)
def test_a_training_course_held_is_a_conference(text, expected):
    assert run(text)["type"] == expected


def test_a_history_date_in_the_lead_is_no_event_date_without_a_publication_date():
    # the text writes a later year than the lead's date: the date is history (SPEC: a year is
    # never taken from a historical mention), for a range's first day as for a whole date
    text = ("Tại Hội nghị Trung ương 8, họp từ ngày 10 đến 19/5/1941, đồng chí Trường Chinh "
            "được bầu làm Tổng Bí thư. Năm 2021, Tỉnh ủy tổ chức hội thảo về cuộc đời ông.")
    assert event.main_date(text, body_dates(text, None, None), None) is None
    text = ("Ngày 23/9/1945, quân và dân Nam bộ đứng lên kháng chiến. Năm 2017, tỉnh tổ chức "
            "lễ kỷ niệm.")
    assert event.main_date(text, body_dates(text, None, None), None) is None


@pytest.mark.parametrize("text, expected", [
    # a target, a plan or a term ahead is no later year that makes the lead's date history
    ("Ngày 15/3/2024, Tỉnh ủy tổ chức hội nghị bàn giải pháp phát triển du lịch, tầm nhìn "
     "2045.", "2024-03-15"),
    ("Sáng 16/3/2024, Tỉnh ủy họp bàn chiến lược phát triển, phấn đấu năm 2030 trở thành "
     "tỉnh khá.", "2024-03-16"),
    ("Chiều 2/4/2024, Ban Thường vụ Tỉnh ủy họp chuẩn bị Đại hội Đảng bộ tỉnh nhiệm kỳ "
     "2026-2031.", "2024-04-02"),
    ("Ngày 5/4/2024, UBND huyện triển khai quy hoạch định hướng 2040.", "2024-04-05"),
    # a year told of as past still is: the lead's date is history
    ("Ngày 23/9/1945, quân và dân Nam bộ đứng lên kháng chiến. Năm 1954, miền Nam tập kết, "
     "tầm nhìn 2045 của tỉnh.", None),
])
def test_a_target_year_is_no_present_that_makes_the_lead_s_date_history(text, expected):
    found = event.main_date(text, body_dates(text, None, None), None)
    assert (found.date if found is not None else None) == expected


def test_a_range_first_day_takes_the_year_its_end_writes_for_history():
    text = "Hội nghị họp từ ngày 10 đến 19/5/1941 tại Pác Bó."
    found = event.main_date(text, body_dates(text, None, "2021-05-10"), "2021-05-10")
    assert found is not None and found.date == "2021-05-10"
    text = "Chiều 3/9/2024, Tỉnh ủy tổ chức hội nghị. Năm 2022, tỉnh đã sáp nhập 3 xã."
    found = event.main_date(text, body_dates(text, None, None), None)
    assert found is not None and found.date == "2024-09-03"


@pytest.mark.parametrize(
    "title, text, expected",
    [
        # an anniversary told in passing before the meeting where it was said: the meeting
        ("Xây dựng cộng đồng khu vực phát triển bền vững",
         "Trong thời khắc “vàng” kỷ niệm 50 năm thành lập Hiệp hội, các nước thành viên đã hội "
         "nhập sâu rộng. Đây là khẳng định của ông A tại Hội thảo quốc tế vào ngày 22-9.",
         "conference"),
        (None, "Trong không khí cả nước kỷ niệm 95 năm Ngày thành lập Đảng, sáng 2/2, Tỉnh ủy "
               "tổ chức hội nghị học tập chuyên đề.", "conference"),
        # … but a commemoration held is one, whatever meeting follows it
        (None, "Sáng 3/2, Tỉnh ủy tổ chức lễ kỷ niệm 95 năm Ngày thành lập Đảng tại Trung tâm "
               "Hội nghị tỉnh.", "other"),
        (None, "Sáng 2/9, thành phố long trọng kỷ niệm 80 năm Quốc khánh; sau đó các đại biểu dự "
               "hội nghị.", "other"),
        ("Kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ",
         "Sáng 27/7, Huyện ủy tổ chức hội nghị gặp mặt các gia đình chính sách.", "other"),
        (None, "Sáng 19/5, Tỉnh ủy dâng hương kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh, "
               "sau đó dự hội thảo khoa học.", "other"),
        # a headline that opens with a direction (what was asked) leaves the lead's event
        ("Rà soát, thanh tra hoạt động quảng cáo trên địa bàn",
         "Sáng 8/3, Đoàn công tác của Bộ Văn hóa do Thứ trưởng A làm trưởng đoàn đã có buổi làm "
         "việc với UBND tỉnh B về công tác quản lý văn hóa.", "working_session"),
        ("Bí thư Tỉnh ủy: “Cần kiểm điểm nghiêm tập thể Ban Thường vụ Huyện ủy”",
         "Chiều 4/4, Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh.",
         "working_session"),
        ("Kiên quyết xử lý, kỷ luật cán bộ sai phạm",
         "Sáng 6/5, Tỉnh ủy tổ chức hội nghị sơ kết công tác phòng, chống tham nhũng.",
         "review"),
        # … not a headline that tells the action, nor a place named Cần …
        ("Thanh tra toàn diện Sở Tài nguyên và Môi trường", "Ông A phát biểu.", "inspection"),
        ("Cần Thơ kiểm tra công tác phòng, chống tham nhũng", "Ông A phát biểu.", "inspection"),
        ("Cần Giờ tổng kết 10 năm thực hiện Nghị quyết", "Ông A phát biểu.", "review"),
        ("Tăng cường phối hợp giữa hai tỉnh",
         "Sáng 5/6, lãnh đạo hai tỉnh tổ chức hội nghị ký kết chương trình hợp tác.",
         "conference"),
        # a second paragraph opening with the meeting where the summary was said
        ("Các bộ trưởng ủng hộ thương mại tự do",
         "Các đối tác thống nhất thảo luận những ưu tiên về thương mại và đầu tư.\n\nTại Hội nghị "
         "các bộ trưởng kinh tế lần thứ 7, các nhà lãnh đạo đã nhất trí chống bảo hộ. Trả lời "
         "báo giới ngày 22/9, ông A cho biết hội nghị thành công.", "conference"),
        # … not any second paragraph, nor a meeting named further on in it
        ("Hội sách hướng tới khởi nghiệp",
         "Hội sách năm nay có nhiều gian hàng.\n\nPhát biểu tại lễ khai mạc, Thứ trưởng A cho "
         "biết hội nghị tổng kết sẽ được tổ chức sau.", "other"),
        ("Giữ gìn phẩm chất người đảng viên",
         "Mỗi đảng viên phải là tấm gương.\n\nNhiều năm qua, Đảng ta luôn coi trọng công tác xây "
         "dựng Đảng. Tại Hội nghị Trung ương 4, Đảng đã chỉ rõ những biểu hiện suy thoái.",
         "other"),
        # the order of the types where two meet in one lead (SPEC's list)
        (None, "Sáng 5/6, Hội nghị sơ kết 5 năm thực hiện Nghị quyết 18 diễn ra tại tỉnh.",
         "review"),
        (None, "Sáng 5/6, Đại hội Đảng bộ huyện lần thứ XX khai mạc, bầu Ban Chấp hành nhiệm kỳ "
               "2025-2030.", "congress"),
        (None, "Sáng 5/6, Đoàn giám sát của Ủy ban Kiểm tra Tỉnh ủy làm việc với Đảng ủy xã.",
         "inspection"),
        (None, "Sáng 5/6, Chi bộ thôn A tổ chức Đại hội nhiệm kỳ 2025-2027.", "congress"),
        (None, "Sáng 5/6, Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2024 và khen thưởng các "
               "tập thể.", "review"),
        (None, "Sáng 5/6, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định điều động "
               "ông A giữ chức Bí thư Huyện ủy.", "appointment"),
        (None, "Sáng 5/6, Huyện ủy tổ chức lễ trao Huy hiệu 50 năm tuổi Đảng cho các đảng viên.",
         "award"),
    ],
)
def test_event_types_second_round(title, text, expected):
    assert run(text, title=title)["type"] == expected
