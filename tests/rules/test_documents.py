import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.lang.patterns import finditer_at
from partyx.record import Article
from partyx.rules import documents
from partyx.stages.documents import Documents


def keys(text):
    return [(c.number, c.code, c.issuer, c.type)
            for c in documents.merge_citations(documents.find_citations(text))]


def run(text, title=None):
    a = Article(id="x", source={}, text=text, title=title)
    Documents()(a)
    return a.documents


@pytest.mark.parametrize(
    "text, expected",
    [
        ("thực hiện Chỉ thị số 35-CT/TƯ của Bộ Chính trị", ("35", "CT", "TW", "Chỉ thị")),
        ("tổ chức thực hiện Chỉ thị 05 - CT/TW.", ("05", "CT", "TW", "Chỉ thị")),
        ("khi Chỉ thị 40 – CT/TW của Ban Bí thư về", ("40", "CT", "TW", "Chỉ thị")),
        ("theo Chỉ thị 11- CT/TU, Thành ủy", ("11", "CT", "TU", "Chỉ thị")),
        ("Quyết định số 218-QĐ/TƯ về ban hành", ("218", "QĐ", "TW", "Quyết định")),
        ("Quy định số 08-QĐi/TW của Ban Chấp hành", ("08", "QĐi", "TW", "Quy định")),
        ("Quy định số 55-QĐ/TW và", ("55", "QĐ", "TW", "Quy định")),
        ("Thực hiện Chương trình 01-CTr/TU của Thành ủy", ("01", "CTr", "TU", "Chương trình")),
        ("công bố Quyết định số 470- QĐNS/TW của Bộ Chính trị", ("470", "QĐNS", "TW",
                                                               "Quyết định")),
        ("Kết luận số 01-KL/TW, Nghị quyết", ("01", "KL", "TW", "Kết luận")),
        ("số 01-BC/TCT ngày 30-11-2005 của Tỉnh ủy", ("01", "BC", "TCT", "Báo cáo")),
        ("gắn với thực hiện Chỉ thị số 05 của Bộ Chính trị...", ("05", "CT", "TW", "Chỉ thị")),
        ("tiếp tục thực hiện Nghị quyết 39 của Bộ Chính trị, Đề án", ("39", "NQ", "TW",
                                                                     "Nghị quyết")),
        ("gắn với triển khai Kết luận 21 để làm tốt", ("21", "KL", None, "Kết luận")),
        ("cụ thể hóa Đề án 02 của Tỉnh ủy về nâng cao", ("02", "ĐA", "TU", "Đề án")),
        ("Bộ Chính trị vừa ban hành quy định số 85 về kiểm tra", ("85", "QĐ", "TW",
                                                                  "Quy định")),
        ("Quy định số 01 ngày 3/3/2016 của Ban Thường vụ Tỉnh ủy", ("01", "QĐ", "TU",
                                                                    "Quy định")),
        ("theo Thông báo kết luận số 45-TB/TW của Bộ Chính trị", ("45", "TB", "TW",
                                                                  "Thông báo kết luận")),
    ],
)
def test_party_citation_forms(text, expected):
    assert keys(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("theo Nghị định 91/2017/NĐ-CP của Chính phủ", ("91", "NĐ", "CP", 2017)),
        ("Quyết định 123/QĐ-TTg ngày", ("123", "QĐ", "TTg", None)),
        ("Luật số 22/2008/QH12 quy định", ("22", "Luật", "QH12", 2008)),
        ("theo Nghị quyết 4266/NQ-DKVN của", ("4266", "NQ", "DKVN", None)),
        ("ban hành Nghị định số 132/NĐ-CP ngày 29-9-1961", ("132", "NĐ", "CP", 1961)),
        ("Chính phủ ban hành Nghị định số 100/TTg ngày", ("100", "NĐ", "TTg", None)),
        ("Quyết định số 68/QĐ-TW ngày 4.7.2007", ("68", "QĐ", "TW", 2007)),
        ("Quyết định số 05/2013/QĐ-UBND của UBND", ("05", "QĐ", "UBND", 2013)),
        ("đã có Công văn số 1569/HQHCM-TCCB ngày", ("1569", "CV", "HQHCM", None)),
    ],
)
def test_state_citation_forms(text, expected):
    docs = run(text)
    assert [(d["number"], d["code"], d["issuer"], d["year"]) for d in docs] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thực hiện Công văn số 12089-CV/VPTW của Văn phòng Trung ương Đảng",
         ("12089", "CV", "VPTW", "Công văn")),
        ("theo công văn số số 793-CV/ĐU của Đảng ủy Tổng công ty", ("793", "CV", "ĐU",
                                                                    "Công văn")),
        ("theo 12089-CV/VPTW ngày 3/4/2024", ("12089", "CV", "VPTW", "Công văn")),
        ("Thực hiện Hướng dẫn số 16-HD/BTCTW ngày 15/6/2024", ("16", "HD", "BTCTW",
                                                               "Hướng dẫn")),
        ("Thực hiện Kế hoạch số 10-KH/TU của Tỉnh ủy", ("10", "KH", "TU", "Kế hoạch")),
        ("Chương trình hành động số 01-CTr/TU của Tỉnh ủy", ("01", "CTr", "TU",
                                                            "Chương trình hành động")),
        ("UBND tỉnh ban hành Quyết định 123/QĐ-UBND ngày 5/5/2023", ("123", "QĐ", "UBND",
                                                                    "Quyết định")),
        ("Theo Thông tư 01/2020/TT-BNV của Bộ Nội vụ", ("01", "TT", "BNV", "Thông tư")),
        ("Công văn số 1234/UBND-NC của UBND tỉnh", ("1234", "CV", "UBND", "Công văn")),
        ("Luật Cán bộ, công chức số 22/2008/QH12 quy định", ("22", "Luật", "QH12", "Luật")),
    ],
)
def test_every_type_by_symbol(text, expected):
    assert keys(text) == [expected]


def test_a_citation_in_words_joins_the_symbol_whose_code_differs():
    # Writers cite the Quy định 05-QĐi/TW as "Quyết định 05": one document, its symbol's code
    text = ("Theo Quyết định 05 của Ban Bí thư về việc kiểm tra. Quy định 05-QĐi/TW ngày "
            "28/8/2018 quy định rõ.")
    assert keys(text) == [("05", "QĐi", "TW", "Quy định")]
    # two symbols with different codes are two documents
    assert keys("Quyết định 05-QĐ/TW và Quy định 05-QĐi/TW.") == [
        ("05", "QĐ", "TW", "Quyết định"), ("05", "QĐi", "TW", "Quy định")]


def test_a_resolution_of_the_assembly_is_one_with_or_without_its_term():
    # the issuer written with the term of the National Assembly (QH14) is the Assembly's
    text = ("Quốc hội đã thông qua Nghị quyết số 55/2017/QH14 về tài chính. Các đại biểu nhắc "
            "lại Nghị quyết 55 của Quốc hội.")
    assert keys(text) == [("55", "NQ", "QH14", "Nghị quyết")]
    text = ("Nghị quyết số 1211/2016/UBTVQH13 về tiêu chuẩn đơn vị hành chính. Thực hiện Nghị "
            "quyết 1211 của Ủy ban Thường vụ Quốc hội.")
    assert keys(text) == [("1211", "NQ", "UBTVQH13", "Nghị quyết")]
    # another issuer, or another year, is another document
    assert keys("Nghị quyết số 55/2017/QH14 và Nghị quyết 55 của Chính phủ.") == [
        ("55", "NQ", "QH14", "Nghị quyết"), ("55", "NQ", "CP", "Nghị quyết")]
    assert keys("Nghị quyết số 1211/2016/UBTVQH13 và Nghị quyết 1211 của Quốc hội.") == [
        ("1211", "NQ", "UBTVQH13", "Nghị quyết"), ("1211", "NQ", "QH", "Nghị quyết")]
    assert [(d["number"], d["issuer"], d["year"]) for d in run(
        "Luật số 22/2008/QH12 và Luật số 22/2018/QH14.")] == [
        ("22", "QH12", 2008), ("22", "QH14", 2018)]


def test_a_document_keeps_its_year():
    text = ("Chỉ thị 05-CT/TW ngày 12-5-1951 của Ban Bí thư và Chỉ thị 05-CT/TW ngày 15/5/2016 "
            "của Bộ Chính trị. Chỉ thị 05-CT/TW.")
    docs = run(text)
    assert [(d["number"], d["code"], d["year"], d["date"]) for d in docs] == [
        ("05", "CT", 1951, "1951-05-12"), ("05", "CT", 2016, "2016-05-15"),
        ("05", "CT", None, None)]  # which of the two: the text does not say
    # one year in the text: a citation without it is that document
    docs = run("Chỉ thị 05-CT/TW của Bộ Chính trị. Chỉ thị 05-CT/TW ngày 15/5/2016.")
    assert [(d["number"], d["year"], d["issued_by"]) for d in docs] == [
        ("05", 2016, "Bộ Chính trị")]


def test_the_body_that_issued_documents_of_a_kind_is_their_issuer():
    text = ("Bộ Chính trị khóa IX đã ban hành hai Nghị quyết chuyên đề riêng về quy hoạch và "
            "luân chuyển cán bộ, đó là Nghị quyết 42 về công tác quy hoạch cán bộ và Nghị quyết "
            "số 11 về luân chuyển cán bộ. Tỉnh đã thực hiện Kế hoạch 12.")
    assert keys(text) == [("42", "NQ", "TW", "Nghị quyết"), ("11", "NQ", "TW", "Nghị quyết"),
                          ("12", "KH", None, "Kế hoạch")]


def test_a_document_signed_on_the_day_that_opens_its_sentence():
    from partyx.stages.dates import Dates

    text = ("Ngày 2-6-2023, Thủ tướng Chính phủ đã ký Quyết định số 626/QĐ-TTg bổ nhiệm ông A. "
            "Theo Quyết định 627/QĐ-TTg của Thủ tướng ký ngày 3-6-2023, ông B được bổ nhiệm. "
            "Ngày 5-6-2023, ông C nhắc lại Quyết định số 500/QĐ-TTg. Ngày 6-6-2023, ông D cho "
            "biết thời gian qua Bộ Chính trị đã ban hành Quy định số 144-QĐ/TW.")
    a = Article(id="x", source={}, text=text, title=None, published=None)
    Dates()(a)
    Documents()(a)
    assert [(d["number"], d["date"]) for d in a.documents] == [
        ("626", "2023-06-02"), ("627", "2023-06-03"), ("500", None), ("144", None)]


def test_full_citation_gives_date_body_and_title():
    text = ("kết quả thực hiện Nghị quyết số 15-NQ/TU ngày 4/7/2017 của Ban Thường vụ Thành ủy "
            "Hà Nội về “Xây dựng tổ chức cơ sở Đảng trong sạch, vững mạnh” và Chỉ thị số "
            "15-CT/TU ngày 16-12-2016 của Ban Thường vụ Thành ủy về “Tăng cường”.")
    nq, ct = run(text)
    assert nq == {"number": "15", "code": "NQ", "issuer": "TU", "type": "Nghị quyết",
                  "date": "2017-07-04", "issued_by": "Ban Thường vụ Thành ủy Hà Nội",
                  "title": "Xây dựng tổ chức cơ sở Đảng trong sạch, vững mạnh",
                  "text": "Nghị quyết số 15-NQ/TU", "year": 2017}
    assert (ct["code"], ct["date"], ct["title"]) == ("CT", "2016-12-16", "Tăng cường")


def test_a_body_after_duoc_issues_only_with_an_issuing_verb():
    (d,) = run("Quy định 144-QĐ/TW được Bộ Chính trị ban hành ngày 9/5/2024 về chuẩn mực.")
    assert (d["issued_by"], d["issuer"], d["date"]) == ("Bộ Chính trị", "TW", "2024-05-09")
    (d,) = run("Nghị quyết 18 được Tỉnh ủy triển khai sâu rộng.")
    assert (d["issued_by"], d["issuer"], d["date"]) == (None, None, None)


def test_date_after_a_comma_and_quoted_title_without_ve():
    (d,) = run("Nghị quyết số 49-NQ/TW, ngày 20-6-1961 của Ủy ban Thường vụ Quốc hội")
    assert d["date"] == "1961-06-20"
    (d,) = run("Quy định số 47-QĐ/TW ngày 1-11-2011 “Về những điều đảng viên không được làm”")
    assert d["title"] == "Về những điều đảng viên không được làm"


def test_one_document_cited_twice_is_one_entry_with_the_fullest_details():
    text = ("thực hiện Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU. Chiều 6/9, sơ kết Nghị "
            "quyết số 15-NQ/TU ngày 4/7/2017 của Ban Thường vụ Thành ủy Hà Nội. Nghị quyết "
            "15-NQ/TU và Chỉ thị 15-CT/TU của Ban Thường vụ Thành ủy.")
    docs = run(text)
    assert [(d["number"], d["code"]) for d in docs] == [("15", "NQ"), ("15", "CT")]
    assert docs[0]["date"] == "2017-07-04"
    assert docs[0]["issued_by"] == "Ban Thường vụ Thành ủy Hà Nội"


def test_bare_and_symbol_citations_merge_and_issuers_keep_documents_apart():
    text = ("Thực hiện Chương trình 01-CTr/TU của Thành ủy, gắn với Chương trình 01-CTr/QU của "
            "Quận ủy. Chỉ thị 05 của Bộ Chính trị; Chỉ thị 05-CT/TW.")
    assert keys(text) == [("01", "CTr", "TU", "Chương trình"), ("01", "CTr", "QU", "Chương trình"),
                          ("05", "CT", "TW", "Chỉ thị")]


def test_headline_citations_count():
    docs = run("Quận cũng cụ thể hóa.",
               title="Quận Long Biên thực hiện Chương trình 01-CTr/TU, Quy định số 55-QĐ/TW")
    assert [(d["number"], d["code"], d["issuer"]) for d in docs] == [
        ("01", "CTr", "TU"), ("55", "QĐ", "TW")]


def test_lists_of_numbers():
    assert keys("Quyết định số 217, số 218 của Bộ Chính trị (Khóa XI)") == [
        ("217", "QĐ", "TW", "Quyết định"), ("218", "QĐ", "TW", "Quyết định")]


@pytest.mark.parametrize(
    "text",
    [
        "theo tinh thần Nghị quyết Trung ương 4 (khóa XIII) với chủ đề",
        "gắn với triển khai Nghị quyết hội nghị Trung ương 4 (khóa XIII), và",
        "thực hiện Nghị quyết 13 Đại hội Đảng bộ TP",
        "Quyết định 5 người vào Ban",
        "Kế hoạch 2021 của thành phố",
        "kế hoạch 2 năm",
        "16 đoàn kiểm tra 50/50 cấp ủy, 48/56 tổ chức",
        "quy định 85 mà thay đổi",
        "Chương trình 10 nhiệm vụ trọng tâm",
    ],
)
def test_what_is_not_a_numbered_citation(text):
    assert keys(text) == []


def symbol(text):
    """(number, code, issuer, year) of ``text`` read as one document symbol, else None."""
    found = documents.find_citations(text)
    if len(found) != 1 or found[0].text != text:
        return None
    c = found[0]
    return c.number, c.code, c.issuer, c.year


def test_symbol_parser():
    assert symbol("15-NQ/TU") == ("15", "NQ", "TU", None)
    assert symbol("35-CT/TƯ")[2] == "TW"
    assert symbol("05 - CT/TW")[0] == "05"
    assert symbol("91/2017/NĐ-CP") == ("91", "NĐ", "CP", 2017)
    assert symbol("48/56") is None
    assert symbol("2015-2020") is None


def test_issuer_codes_from_bodies():
    assert documents.issuer_of("Ban Thường vụ Thành ủy Hà Nội") == "TU"
    assert documents.issuer_of("Bộ Chính trị Ban Chấp hành Trung ương") == "TW"
    assert documents.issuer_of("Đảng ủy Khối các cơ quan Thành phố") == "ĐUK"
    assert documents.issuer_of("Ban Thường vụ Quận ủy") == "QU"
    assert documents.issuer_of("Ủy ban Thường vụ Quốc hội") == "UBTVQH"
    assert documents.issuer_of("Sở Xây dựng") is None


def test_corpus_citations(corpus_dir):
    from partyx import io

    texts = {p.stem: io.decode(p.read_bytes()).text for p in corpus_dir.iterdir()}
    got = keys(texts["baomoi_21478549"])
    assert ("40", "CT", "TW", "Chỉ thị") in got and len(got) == 1
    got = {(n, c, i) for n, c, i, _ in keys(texts["baomoi_22278897"])}
    assert {("470", "QĐNS", "TW"), ("24", "KL", "TW"), ("68", "QĐ", "TW")} <= got


@given(st.text())
def test_citation_finder_never_raises(s):
    for c in documents.merge_citations(documents.find_citations(s)):
        c.record()
    documents.issuer_of(s)


@given(st.text(alphabet="0123456789-–/ NQCTĐUWƯisốngày.,", max_size=200))
def test_citation_finder_never_raises_on_symbol_like_text(s):
    documents.merge_citations(documents.find_citations("Nghị quyết " + s))


def test_hostile_line_finishes():
    line = ("15-NQ/" * 50_000 + "1/2/3." * 50_000 + "Chỉ thị số " * 20_000)[:1_000_000]
    signal.alarm(10)
    try:
        documents.find_citations(line + " 35-CT/TW")
    finally:
        signal.alarm(0)


_TYPE_PIECES = ["Nghị quyết", "nghị quyết", "Nghị quyết liên tịch", "Thông báo kết luận",
                "Thông báo", "kết luận", "Kết luận", "Luật", "Bộ luật", "NGHỊ QUYẾT", "Luậtx",
                "_", " ", "a", "1", "số ", "Đ", "đề án", "Đề án"]


@given(st.lists(st.sampled_from(_TYPE_PIECES), max_size=10).map("".join))
def test_type_words_are_found_as_the_type_regex_finds_them(text):
    v = documents._vocab()
    assert documents._type_words(text, v) == [m.span() for m in v.type_re.finditer(text)]


_SYMBOL_PIECES = st.lists(st.sampled_from(["15-NQ/TW", "05 - CT/TƯ", "91/2017/NĐ-CP", "1", "/",
                                           "-", " ", "  ", "NQ", "TW", "2017", "٣", "x", "."]),
                          max_size=12).map("".join)


@given(st.text(alphabet="0123456789-–/ NQCTĐUWƯsố.Tx٣", max_size=60) | _SYMBOL_PIECES,
       st.booleans())
def test_symbols_are_found_as_a_regex_scan_finds_them(text, many):
    import unittest.mock as mock

    with mock.patch.object(documents, "_MANY_SLASHES", 0 if many else 40):
        starts = documents._symbol_starts(text) or (None, None)
        for rx, at in ((documents._PARTY_SYMBOL, starts[0]), (documents._STATE_SYMBOL, starts[1])):
            got = [m.span() for m in finditer_at(rx, text, at)]
            assert got == [m.span() for m in rx.finditer(text)]


def test_symbol_reach_is_the_longest_head_of_a_symbol():
    """The longest text before the "/" of a symbol fits the reach _symbol_starts looks back."""
    party = documents._PARTY_SYMBOL.match("12345  -  ABCDEF  /  TW")
    assert party and party.group(0).index("/") == documents._PARTY_REACH
    state = documents._STATE_SYMBOL.match("12345 / 2020 / NĐ-CP")
    assert state and state.group(0).index("/") == documents._STATE_REACH


@pytest.mark.parametrize("text, want", [
    ("thực hiện Nghị định 77 và Nghị định 133 của Chính phủ về quản lý biên giới",
     [("77", "NĐ", "CP", "Nghị định"), ("133", "NĐ", "CP", "Nghị định")]),
    ("Quyết định số 217, số 218 của Ủy ban nhân dân tỉnh Lào Cai",
     [("217", "QĐ", "UBND", "Quyết định"), ("218", "QĐ", "UBND", "Quyết định")]),
])
def test_an_issuer_after_a_list_of_one_type_is_each_ones(text, want):
    assert keys(text) == want


@pytest.mark.parametrize("text, want", [
    # two types: the issuer written after the second is only its own
    ("Nghị định 77, Chỉ thị 05 của Thủ tướng",
     [("77", "NĐ", None, "Nghị định"), ("05", "CT", "TTg", "Chỉ thị")]),
    # each with its own issuer: none is taken from the other
    ("Nghị quyết 11 của Tỉnh ủy và Nghị quyết 15 của Bộ Chính trị",
     [("11", "NQ", "TU", "Nghị quyết"), ("15", "NQ", "TW", "Nghị quyết")]),
    # more than a joiner between them: no list
    ("Nghị định 77 đã phát huy hiệu quả; Nghị định 133 của Chính phủ cũng vậy",
     [("77", "NĐ", None, "Nghị định"), ("133", "NĐ", "CP", "Nghị định")]),
])
def test_an_issuer_is_not_shared_outside_a_list_of_one_type(text, want):
    assert keys(text) == want


@pytest.mark.parametrize(
    "text, expected",
    [
        # a department of a committee issues under its own code and the committee's
        ("theo Hướng dẫn số 12 của Ban Tổ chức Trung ương về nghiệp vụ", ("12", "HD", "BTCTW")),
        ("Công văn số 91 của Văn phòng Tỉnh ủy về việc", ("91", "CV", "VPTU")),
        ("Thông báo số 7 của Ủy ban Kiểm tra Huyện ủy về", ("7", "TB", "UBKTHU")),
        ("Kế hoạch 15 của Ban Tuyên giáo Thành ủy về", ("15", "KH", "BTGTU")),
        ("Ban Dân vận Trung ương đã ban hành Hướng dẫn số 20 về", ("20", "HD", "BDVTW")),
        # the committee itself, its standing committee and its standing members: its code
        ("Kế hoạch số 125 của Ban Thường vụ Tỉnh ủy về", ("125", "KH", "TU")),
        ("Thông báo số 12 của Thường trực Huyện ủy về", ("12", "TB", "HU")),
        ("Nghị quyết 18 của Trung ương về", ("18", "NQ", "TW")),
        # a commune's committee and a cell
        ("Nghị quyết số 05 của Ban Chấp hành Đảng bộ xã Tân Lập về", ("05", "NQ", "ĐU")),
        ("Nghị quyết số 02 của Chi bộ thôn Đông về", ("02", "NQ", "CB")),
        # a ministry, by name or as it is shortened
        ("Thông tư 55 của Bộ GD&ĐT quy định", ("55", "TT", "BGDĐT")),
        ("Thông tư 08 của Bộ Nội vụ hướng dẫn", ("08", "TT", "BNV")),
        ("Công văn số 304 của Văn phòng Chính phủ thông báo", ("304", "CV", "VPCP")),
    ],
)
def test_issuer_of_a_department_or_a_ministry(text, expected):
    assert [k[:3] for k in keys(text)] == [expected]


def test_a_number_keeps_its_letter():
    assert keys("Nghị quyết 30a/2008/NQ-CP và Nghị quyết 30a của Chính phủ về giảm nghèo") == [
        ("30a", "NQ", "CP", "Nghị quyết")]
    assert keys("Bộ vừa ban hành Quyết định số 3610a/QĐ-BCT về") == [
        ("3610a", "QĐ", "BCT", "Quyết định")]
    assert keys("theo 3610a/QĐ-BCT về") == [("3610a", "QĐ", "BCT", "Quyết định")]
    # a number run on into a word is none
    assert keys("Nghị quyết 30ab của Chính phủ") == []
    # 30a and 30 are two documents
    assert [k[0] for k in keys("Nghị quyết 30a của Chính phủ và Nghị quyết 30 của Chính phủ")] \
        == ["30a", "30"]


def test_a_type_with_its_code_in_brackets():
    assert keys("Ban Bí thư ra Hướng dẫn (HD) 469 về việc ứng cử.") == [
        ("469", "HD", "TW", "Hướng dẫn")]
    # a bracket that is not the type's code is no part of the citation
    assert keys("Ban Bí thư ra Hướng dẫn (ĐB) 469 về việc ứng cử.") == []


def test_counts_after_a_type_word_are_no_numbers():
    for text in ("triển khai Kế hoạch 100 ngày đêm thi đua", "Hướng dẫn 3 bước kê khai",
                 "Chương trình hành động 20 năm qua", "Kết luận 5 nguyên tắc",
                 "Quyết định 2 đợt khen thưởng"):
        assert keys(text) == [], text
    # a date or a year after the number is no count
    assert keys("Theo Kế hoạch 25 ngày 3/3/2022 của Huyện ủy") == [
        ("25", "KH", "HU", "Kế hoạch")]
    assert keys("theo Quy định 102 năm 2017 của Bộ Chính trị") == [
        ("102", "QĐ", "TW", "Quy định")]


def test_year_written_after_the_number():
    (c,) = documents.merge_citations(documents.find_citations(
        "Quy định 102 năm 2017 của Bộ Chính trị về xử lý kỷ luật"))
    assert c.year == 2017
    (c,) = documents.merge_citations(documents.find_citations(
        "Chỉ thị 05-CT/TW năm 2016 của Bộ Chính trị"))
    assert (c.year, c.issued_by) == (2016, "Bộ Chính trị")
    # the year of what is done with it is not the document's
    (c,) = documents.merge_citations(documents.find_citations(
        "Sơ kết thực hiện Chỉ thị 05-CT/TW năm 2023 tại huyện"))
    assert c.year is None
    # after what is done with it, a year and a body are as often the doing's: neither taken
    (c,) = documents.merge_citations(documents.find_citations(
        "Đảng ủy xã Yên Lạc sơ kết việc thực hiện Chỉ thị 05 năm 2023 của Đảng ủy xã"))
    assert (c.year, c.issuer, c.issued_by) == (None, None, None)
    (c,) = documents.merge_citations(documents.find_citations(
        "Hội nghị triển khai Quy định 102 năm 2017 của Bộ Chính trị"))
    assert (c.year, c.issued_by) == (None, None)
    # written with its symbol, the document is named whole
    (c,) = documents.merge_citations(documents.find_citations(
        "hội nghị học tập Nghị quyết số 15-NQ/TW năm 2022 của Bộ Chính trị"))
    assert (c.year, c.issued_by) == (2022, "Bộ Chính trị")
    # a body that issues every document of its type names it whole, after what is done too
    (c,) = documents.merge_citations(documents.find_citations(
        "Các địa phương triển khai Nghị định 33 năm 2023 của Chính phủ về cán bộ cấp xã"))
    assert (c.year, c.issuer, c.issued_by) == (2023, "CP", "Chính phủ")
    # (a decree carried out by a body that issues none: neither taken)
    (c,) = documents.merge_citations(documents.find_citations(
        "Huyện tổ chức thực hiện Nghị định 33 năm 2023 của UBND huyện Yên Lạc"))
    assert (c.year, c.issuer, c.issued_by) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ thị 05-CT/TW của Bộ Chính trị (khóa XII) ngày 15/5/2016 về học tập",
        "Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII ngày 15/5/2016 về học tập",
        "Chỉ thị 05-CT/TW được ban hành ngày 15/5/2016 về học tập",
        "Chỉ thị 05-CT/TW ký ban hành ngày 15/5/2016",
    ],
)
def test_date_after_the_term_or_an_issuing_verb(text):
    (c,) = documents.merge_citations(documents.find_citations(text))
    assert c.date == "2016-05-15"


def test_title_after_the_term():
    (c,) = documents.merge_citations(documents.find_citations(
        "Nghị quyết số 06-NQ/TU ngày 4/11/2011 của Ban Chấp hành Đảng bộ tỉnh (khóa XVII) “về "
        "phát triển công nghiệp”"))
    assert c.title == "về phát triển công nghiệp"


def test_a_document_issued_on_the_day_that_opens_a_clause():
    from partyx.stages.dates import Dates

    text = ("Để đề phòng gián điệp, ngày 25-9-1948, Ban Thường vụ Trung ương Đảng đã ra Chỉ thị "
            "số 25-CT/TW về việc đó. Để củng cố lực lượng, ngày 12-6-1981, Hội đồng Chính phủ ký "
            "ban hành Nghị định số 250/NĐ-CP về tổ chức. "
            # no comma after the day: it says when, not that the day opens a clause
            "Trong khuôn khổ hội nghị toàn quốc ngày 5-6-2023 Bộ Chính trị đã ban hành Quy định "
            "số 144-QĐ/TW. "
            # another day between them
            "Trong suốt hơn một năm qua, ngày 6-6-2023, ông A báo cáo ngày 7-7-2023 và ban hành Kế "
            "hoạch số 12-KH/TU. "
            # told on that day
            "Tại buổi làm việc, ngày 9-6-2023, ông B cho biết Tỉnh ủy đã ban hành Kế hoạch số "
            "13-KH/TU.")
    a = Article(id="x", source={}, text=text, title=None, published=None)
    Dates()(a)
    Documents()(a)
    assert [(d["number"], d["date"]) for d in a.documents] == [
        ("25", "1948-09-25"), ("250", "1981-06-12"), ("144", None), ("12", None), ("13", None)]


def test_bare_numbers_listed_after_so():
    assert keys("Quán triệt các Nghị quyết số 18, 19 và 20 của Hội nghị Trung ương 6.") == [
        ("18", "NQ", "TW", "Nghị quyết"), ("19", "NQ", "TW", "Nghị quyết"),
        ("20", "NQ", "TW", "Nghị quyết")]
    assert keys("Thực hiện Nghị quyết số 18, 19-NQ/TW của Ban Chấp hành Trung ương.") == [
        ("18", "NQ", "TW", "Nghị quyết"), ("19", "NQ", "TW", "Nghị quyết")]
    # a count or a year after the comma is no number of the list
    assert keys("Theo Nghị quyết số 18, 2 năm qua bộ máy đã tinh gọn.") == [
        ("18", "NQ", None, "Nghị quyết")]
    assert keys("Theo Quyết định số 217, 2020 là năm đầu tiên.") == [
        ("217", "QĐ", None, "Quyết định")]
    assert keys("Theo Quyết định số 254, 15 ngày sau khi nhận đơn, cơ quan phải trả lời.") == [
        ("254", "QĐ", None, "Quyết định")]
    assert keys("Sau Kết luận số 21, 3 ngày sau đoàn đã rút.") == [("21", "KL", None, "Kết luận")]
    # a date after the listed number: it is one
    assert keys("Các Quyết định số 12, 13 ngày 5/3/2020 của UBND tỉnh.") == [
        ("12", "QĐ", "UBND", "Quyết định"), ("13", "QĐ", "UBND", "Quyết định")]
    # without "số" a bare list is not read
    assert keys("Theo Nghị quyết 18, 19 và 20 của Trung ương.") == [
        ("18", "NQ", None, "Nghị quyết")]


def test_a_state_document_by_number_and_year():
    (c,) = documents.merge_citations(documents.find_citations(
        "Thực hiện Nghị định 178/2024 của Chính phủ về chính sách"))
    assert (c.number, c.code, c.issuer, c.year) == ("178", "NĐ", "CP", 2024)
    # the full symbol written elsewhere is the same document
    assert keys("Nghị định 178/2024/NĐ-CP và Nghị định 178/2024 của Chính phủ.") == [
        ("178", "NĐ", "CP", "Nghị định")]
    # a lower-case type with no issuer stays unconfirmed; a date is no year form
    assert keys("thực hiện nghị định 178/2024 về tinh giản") == []
    assert keys("Nghị định 4/7/2017 có hiệu lực") == []
    # not the types whose number and year may be a month
    assert keys("Theo Kế hoạch 5/2024 của huyện") == []


def test_words_that_open_a_clause_after_the_number_are_no_counts():
    assert keys("Chỉ thị 05 đồng thời yêu cầu các cấp ủy") == [("05", "CT", None, "Chỉ thị")]
