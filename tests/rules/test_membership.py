import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partyx.record import Article, District, PlaceContext
from partyx.rules import membership
from partyx.rules.orgs import Whereabouts
from partyx.rules.places import PlaceFinder, read_places
from partyx.stages.dates import Dates
from partyx.stages.membership import Membership

THANH_XUAN = PlaceContext("Hà Nội", District("quận", "Thanh Xuân"))
AT_THANH_XUAN = Whereabouts("", (), THANH_XUAN)  # (no unit named: the context only)


_FINDER = PlaceFinder()


def where(text, ctx):
    """The places of ``text`` as the places stage finds them, with the context ``ctx``."""
    return Whereabouts(text, read_places(_FINDER, "", text)[2], ctx)


def facts(text, ctx=THANH_XUAN):
    return [(f.org, f.party_members, f.grassroots_orgs)
            for f in membership.find_membership(text, where(text, ctx))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Tiến cho biết, Đảng bộ quận Thanh Xuân hiện có 54 tổ chức cơ sở Đảng với 19.908 "
         "đảng viên.", ("Đảng bộ quận Thanh Xuân", 19908, 54)),
        ("Báo cáo tại cuộc kiểm tra, Đảng bộ quận Long Biên hiện có trên 16.300 đảng viên sinh "
         "hoạt tại 47 tổ chức cơ sở đảng.", ("Đảng bộ quận Long Biên", 16300, 47)),
        ("Theo báo cáo, hiện nay, Đảng bộ quận Thanh Xuân gồm 52 tổ chức cơ sở Đảng với 20.585 "
         "đảng viên. Trong đó, có 27 đảng bộ cơ sở, 11 đảng bộ phường. Ngoài ra, Đảng bộ quận "
         "có 25 chi bộ cơ sở.", ("Đảng bộ quận Thanh Xuân", 20585, 52)),
        ("Bí thư Quận ủy cho biết Đảng bộ quận có 36 Đảng bộ, chi bộ cơ sở với 4.690 đảng viên.",
         ("Đảng bộ quận Thanh Xuân", 4690, 36)),
        ("Đảng bộ Liksin có 68 đảng viên; trong đó", ("Đảng bộ Liksin", 68, None)),
        ("Quận ủy Thanh Xuân hiện có hơn 3.500 đảng viên.", ("Đảng bộ quận Thanh Xuân", 3500,
                                                             None)),
        ("Toàn thành phố hiện có 1,2 triệu đảng viên.", ("Đảng bộ thành phố Hà Nội", 1_200_000,
                                                         None)),
        ("Đảng bộ quận Thanh Xuân có 56 tổ chức cơ sở đảng, 12.500 đảng viên.",
         ("Đảng bộ quận Thanh Xuân", 12500, 56)),
        ("Hiện Đảng bộ quận Thanh Xuân có 20.000 đảng viên và 52 tổ chức cơ sở đảng.",
         ("Đảng bộ quận Thanh Xuân", 20000, 52)),
        ("Đảng bộ quận Thanh Xuân có 5.600 đảng viên đang sinh hoạt tại 80 tổ chức cơ sở đảng.",
         ("Đảng bộ quận Thanh Xuân", 5600, 80)),
        ("Đảng bộ quận Thanh Xuân có 5.600 đảng viên (trong đó 300 đảng viên dự bị).",
         ("Đảng bộ quận Thanh Xuân", 5600, None)),
        ("Đảng bộ quận Thanh Xuân có 5.600 đảng viên thuộc các chi bộ khu dân cư.",
         ("Đảng bộ quận Thanh Xuân", 5600, None)),
        ("Đảng bộ phường Khương Đình (mới) có 49 chi bộ với 2.740 đảng viên.",
         ("Đảng bộ phường Khương Đình", 2740, None)),
        ("Tổng số đảng viên trong toàn Đảng bộ quận hiện nay là 3.200 đồng chí, tăng 150 so "
         "với đầu nhiệm kỳ.", ("Đảng bộ quận Thanh Xuân", 3200, None)),
        ("Tổng số đảng viên của Đảng bộ phường Khương Đình là 890 đảng viên.",
         ("Đảng bộ phường Khương Đình", 890, None)),
        ("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Hà Nam có 120 tổ chức cơ sở đảng với 9.000 "
         "đảng viên.", ("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Hà Nam", 9000, 120)),
        ("Đảng bộ xã Tân Hội và Đảng bộ xã Liên Hà hợp nhất thành Đảng bộ xã Đan Phượng, có "
         "2.100 đảng viên.", ("Đảng bộ xã Đan Phượng", 2100, None)),
        ("Nhiệm kỳ qua, Đảng bộ quận Thanh Xuân đã kết nạp 1.050 đảng viên mới, nâng tổng số "
         "đảng viên lên 8.912 đồng chí.", ("Đảng bộ quận Thanh Xuân", 8912, None)),
        # parts counted first, after the same verb
        ("Đảng bộ Tập đoàn Điện lực Việt Nam có 27 đảng bộ trực thuộc, hơn 48.000 đảng viên.",
         ("Đảng bộ Tập đoàn Điện lực Việt Nam", 48000, None)),
        ("Toàn Đảng bộ quận hiện có 15 đảng bộ trực thuộc, 80 tổ chức cơ sở đảng với 9.500 "
         "đảng viên.", ("Đảng bộ quận Thanh Xuân", 9500, 80)),
        ("Đảng bộ phường Khương Đình có 3 chi bộ, 2 tổ đảng và 160 đảng viên.",
         ("Đảng bộ phường Khương Đình", 160, None)),
        # the abbreviation with the word written out
        ("Đảng bộ quận Thanh Xuân có 54 TCCS Đảng với 19.908 đảng viên.",
         ("Đảng bộ quận Thanh Xuân", 19908, 54)),
    ],
)
def test_stated_totals(text, expected):
    assert facts(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban kiểm tra các cấp đã thi hành kỷ luật 1.641 đảng viên.",
        "Đảng bộ quận đã kết nạp được 195 đảng viên mới.",
        "tính đến ngày 19/5/2020, đã có 48/56 tổ chức cơ sở Đảng trực thuộc quận tổ chức đại hội.",
        "Ủy ban Kiểm tra các cấp đã kiểm tra với 855 tổ chức đảng và hơn 3.500 đảng viên.",
        "Tham dự có 182 đảng viên thuộc 19 chi bộ.",
        "Trong đó, Đảng bộ quận có 27 đảng bộ cơ sở, 11 đảng bộ phường, 25 chi bộ cơ sở.",
        "Đảng bộ huyện có 5.000 đảng viên.",
        "Tổng số đảng viên tăng 5,2% so với năm trước.",
        "Đảng bộ quận Thanh Xuân có 120 đảng viên được tặng Huy hiệu Đảng.",
        "Đảng bộ quận Thanh Xuân có 56 tổ chức cơ sở đảng đạt trong sạch, vững mạnh.",
        "Đảng bộ quận Thanh Xuân có 27 chi bộ, 15 đảng viên được khen thưởng.",
        # members said to be some of them by what follows the figure
        "Đảng bộ quận Thanh Xuân có 32 đảng viên hưởng chế độ bảo hiểm xã hội.",
        "Đảng bộ phường Khương Đình (mới) kết nạp 30 đảng viên.",
        "Đảng bộ phường Khương Đình kết nạp 15 đảng viên, nâng tổng số đảng viên lên 15%.",
        "Tổng số đảng viên của Đảng bộ quận Thanh Xuân tăng 5%, đạt 3.200.",
        "Tổng số đảng viên của Đảng bộ quận Thanh Xuân được kết nạp là 300.",
        "Đảng bộ quận Thanh Xuân có 12 đảng viên đang công tác tại nước ngoài.",
        "Đảng bộ quận Thanh Xuân có 600 đảng viên sinh hoạt tại nơi cư trú.",
        "Đảng bộ quận Thanh Xuân có 20 đảng viên từ trần trong năm.",
        "Đảng bộ quận Thanh Xuân có 12 đảng bộ trực thuộc, 4 đảng bộ đạt trong sạch, vững mạnh.",
    ],
)
def test_what_is_not_a_total(text):
    assert facts(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chi bộ Công ty TNHH Minh Phát có 6 đảng viên.",
         [("Chi bộ Công ty TNHH Minh Phát", 6, None)]),
        ("Đảng bộ thành phố có 2.593 tổ chức cơ sở đảng với hơn 120.000 đảng viên.",
         [("Đảng bộ thành phố Hà Nội", 120000, 2593)]),
        ("Đảng bộ quận Long Biên hiện có 47 tổ chức cơ sở đảng, trên 16.300 đảng viên.",
         [("Đảng bộ quận Long Biên", 16300, 47)]),
        # founding figures: the new organisation's, not those of the ones merged into it
        ("Đảng bộ Quân sự TP Hải Phòng thành lập trên cơ sở hợp nhất Đảng bộ Quân sự TP Hải "
         "Phòng và Đảng bộ Quân sự tỉnh Hải Dương gồm 2.308 đảng viên và 11 tổ chức cơ sở đảng.",
         [("Đảng bộ Quân sự thành phố Hải Phòng", 2308, 11)]),
        ("Đảng bộ Khối các cơ quan thành phố được thành lập gồm 58 tổ chức cơ sở đảng với "
         "6.159 đảng viên.", [("Đảng bộ Khối các cơ quan thành phố", 6159, 58)]),
        ("Đảng bộ xã Hòa Bình thành lập trên cơ sở hợp nhất Đảng bộ xã An Lạc, Đảng bộ xã Bình "
         "Minh và Đảng bộ xã Tân Tiến, gồm 1.200 đảng viên.",
         [("Đảng bộ xã Hòa Bình", 1200, None)]),
        ("Sau khi sáp nhập Đảng bộ xã An Lạc và Đảng bộ xã Bình Minh, Đảng bộ xã Hòa Bình có "
         "1.200 đảng viên.", [("Đảng bộ xã Hòa Bình", 1200, None)]),
        ("Tổ đảng số 3 có 7 đảng viên.", [("Tổ đảng số 3", 7, None)]),
        ("Đảng ủy xã Tân Lập hiện có 450 đảng viên sinh hoạt tại 20 chi bộ.",
         [("Đảng bộ xã Tân Lập", 450, None)]),
        ("Hiện nay, toàn Đảng có hơn 5,3 triệu đảng viên.",
         [("Đảng Cộng sản Việt Nam", 5_300_000, None)]),
        # a head with no name: the organisation of its kind named before it, not as a source
        ("Đảng bộ xã Võ Miếu được thành lập trên cơ sở hợp nhất Đảng bộ 3 xã: Võ Miếu, Cự Thắng "
         "và Địch Quả. Đảng bộ hiện có 75 chi bộ, với 1.111 đảng viên (trong đó có 49 chi bộ "
         "nông thôn).", [("Đảng bộ xã Võ Miếu", 1111, None)]),
        ("Chi bộ thôn Đông Hạ được thành lập năm 1950. Chi bộ có 45 đảng viên.",
         [("Chi bộ thôn Đông Hạ", 45, None)]),
        # a short name: the longer one written before
        ("Đại hội Đảng bộ Công ty Liksin đã khẳng định như vậy. Đảng bộ Liksin có 68 đảng viên; "
         "trong đó, 79,41% có trình độ đại học.", [("Đảng bộ Công ty Liksin", 68, None)]),
        ("Đảng bộ Khối các cơ quan tỉnh họp. Đảng bộ Khối có 56 TCCSĐ.",
         [("Đảng bộ Khối các cơ quan tỉnh", None, 56)]),
        # the members a congress's delegates stand for, of the organisation named after them
        ("Sáng 29/9, Đảng bộ tỉnh Lào Cai đã khai mạc Đại hội đại biểu lần thứ nhất với sự "
         "tham dự của 440 đại biểu chính thức đại diện cho trên 119.000 đảng viên trong toàn "
         "Đảng bộ.", [("Đảng bộ tỉnh Lào Cai", 119000, None)]),
        ("Đảng bộ phường Mông Dương tổ chức Đại hội. Tham dự có 188 đại biểu chính thức, tiêu "
         "biểu cho 876 đảng viên trong toàn Đảng bộ phường.",
         [("Đảng bộ phường Mông Dương", 876, None)]),
        ("Đại hội có 300 đại biểu thay mặt cho hơn 20.000 đảng viên của Đảng bộ huyện Gia Lâm.",
         [("Đảng bộ huyện Gia Lâm", 20000, None)]),
        ("Đại hội XIII có 1.587 đại biểu đại diện cho hơn 5,1 triệu đảng viên trong toàn Đảng.",
         [("Đảng Cộng sản Việt Nam", 5_100_000, None)]),
        ("Hiện nay, cả nước có hơn 5,3 triệu đảng viên.",
         [("Đảng Cộng sản Việt Nam", 5_300_000, None)]),
        # figures that open their sentence, the organisation after them
        ("Với 52 tổ chức cơ sở đảng, trên 14.000 đảng viên, Đảng bộ huyện Hải Hậu luôn đoàn "
         "kết.", [("Đảng bộ huyện Hải Hậu", 14000, 52)]),
        ("Đảng bộ huyện Hải Hậu có hơn 14 nghìn đảng viên.",
         [("Đảng bộ huyện Hải Hậu", 14000, None)]),
        # the words before a figure of its own are that figure's
        ("Đảng bộ quận Thanh Xuân đã kết nạp 50 đảng viên, hiện có 1.050 đảng viên.",
         [("Đảng bộ quận Thanh Xuân", 1050, None)]),
        ("Đảng bộ Hà Nội hiện có 2.345 tổ chức cơ sở đảng với hơn 400.000 đảng viên.",
         [("Đảng bộ thành phố Hà Nội", 400000, 2345)]),
        ("Đảng bộ quận gồm 45 tổ chức đảng cơ sở (25 đảng bộ cơ sở, 20 chi bộ cơ sở) với 3.200 "
         "đảng viên.", [("Đảng bộ quận Thanh Xuân", 3200, 45)]),
        ("Đảng bộ phường Khương Mai có 300 đảng viên, Đảng bộ phường Khương Đình có 2.000 đảng "
         "viên.", [("Đảng bộ phường Khương Mai", 300, None),
                   ("Đảng bộ phường Khương Đình", 2000, None)]),
        # members counted as comrades ("N đồng chí đảng viên"): the same total
        ("Chi bộ xóm Đông có 35 đồng chí đảng viên, trong đó có 5 đảng viên nữ.",
         [("Chi bộ xóm Đông", 35, None)]),
        ("Đảng bộ phường Khương Mai hiện có 12 chi bộ với 412 đồng chí đảng viên.",
         [("Đảng bộ phường Khương Mai", 412, None)]),
        # the organisations a committee leads are its own, where the clause ends or members follow
        ("Quận ủy Thanh Xuân lãnh đạo 54 tổ chức cơ sở đảng với 19.908 đảng viên.",
         [("Đảng bộ quận Thanh Xuân", 19908, 54)]),
        ("Hiện nay, Quận ủy Thanh Xuân lãnh đạo 54 tổ chức cơ sở đảng, trên 19.900 đảng viên.",
         [("Đảng bộ quận Thanh Xuân", 19900, 54)]),
    ],
)
def test_the_forms_of_the_genre(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Năm qua, Đảng bộ quận đã kết nạp 200 đảng viên mới.",
        # a person's name after the head is no organisation
        "Bí thư Chi bộ Nguyễn Văn An cho biết, chi bộ có 12 đảng viên.",
        # a level whose place cannot be known
        "Huyện ủy có 5.000 đảng viên.",
        "Toàn huyện có 5.000 đảng viên.",
        # parts of the membership
        "Đảng bộ quận Thanh Xuân có 120 đảng viên 30 năm tuổi Đảng.",
        "Đảng bộ quận Thanh Xuân có 500 đảng viên là người dân tộc thiểu số.",
        "Đảng bộ xã Hòa Bình vừa tổ chức Đại hội với sự tham gia của 150 đảng viên.",
        "Với hơn 300 đảng viên mới kết nạp, Đảng bộ huyện Hải Hậu luôn đoàn kết.",
        "Với sự tham gia của 300 đảng viên, Đảng bộ huyện Hải Hậu luôn đoàn kết.",
        # a head word with no name after it and none before it
        "Đảng bộ luôn chú trọng công tác phát triển đảng viên, hiện có 60 đảng viên.",
        # comrades counted who are some of the members
        "Đảng bộ phường Khương Mai có 3 đồng chí đảng viên bị kỷ luật.",
        "Chi bộ xóm Đông có 14 đồng chí đảng viên 50 năm tuổi Đảng.",
        "Đảng bộ phường Khương Mai đã kết nạp 6 đồng chí đảng viên mới.",
        # led to do something, they are some; members led may be some with the people
        "Quận ủy Thanh Xuân lãnh đạo 12 tổ chức cơ sở đảng khắc phục hạn chế.",
        "Quận ủy Thanh Xuân lãnh đạo 54 tổ chức cơ sở đảng tổ chức đại hội thành công.",
        "Đảng ủy phường Khương Mai lãnh đạo 300 đảng viên và nhân dân.",
    ],
)
def test_what_is_no_total_of_a_named_organisation(text):
    assert facts(text) == []


def test_stage_dates_the_figures():
    text = ("Chiều 24/3, Đoàn kiểm tra làm việc với quận Thanh Xuân.\n\n"
            "Báo cáo Đoàn kiểm tra, Đảng bộ quận Thanh Xuân hiện có 54 tổ chức cơ sở Đảng với "
            "19.908 đảng viên.\n\nTính đến ngày 30/6/2020, Đảng bộ quận Thanh Xuân có 55 tổ chức "
            "cơ sở đảng.")
    a = Article(id="x", source={}, text=text, title=None, published="2021-03-24T21:54:00+07:00")
    a.place_context = THANH_XUAN
    Dates()(a)
    a.event = {"type": "inspection", "date": "2021-03-24", "lead": None}  # the article's date
    Membership()(a)
    assert [(m["org"], m["party_members"], m["grassroots_orgs"], m["as_of"])
            for m in a.membership] == [
        ("Đảng bộ quận Thanh Xuân", 19908, 54, "2021-03-24"),
        ("Đảng bộ quận Thanh Xuân", None, 55, "2020-06-30")]
    assert a.membership[0]["text"] == "54 tổ chức cơ sở Đảng với 19.908 đảng viên"


def test_corpus_district_total(corpus_dir):
    from partyx import io

    text = io.decode((corpus_dir / "baomoi_21485841.txt").read_bytes()).text
    got = facts(text, PlaceContext("Hồ Chí Minh", District("quận", "2")))
    assert ("Đảng bộ quận 2", 4690, 36) in got


@given(st.text())
def test_never_raises(s):
    membership.find_membership(s, AT_THANH_XUAN)
    membership.find_membership("Đảng bộ quận có " + s + " đảng viên", AT_THANH_XUAN)


def test_hostile_line_finishes():
    signal.alarm(10)
    try:
        membership.find_membership(("1.234," * 170_000)[:1_000_000] + " đảng viên", AT_THANH_XUAN)
        membership.find_membership("Đảng bộ có 1/" * 80_000 + " đảng viên", AT_THANH_XUAN)
    finally:
        signal.alarm(0)


def test_a_bare_level_takes_the_unit_named_last_before_it():
    text = ("(NLĐ) - Quận ủy Gò Vấp vừa tổ chức hội nghị tổng kết.\n\nĐến năm 2004, Đảng bộ quận "
            "đã xây dựng 70 cơ sở Đảng với 4.300 đảng viên (kết nạp mới 339 đảng viên).")
    assert facts(text, PlaceContext("Hồ Chí Minh", None)) == [
        ("Đảng bộ quận Gò Vấp", 4300, 70)]


def test_partial_counts_after_a_verb_of_building_are_refused():
    assert facts("Đảng bộ quận Thanh Xuân đã xây dựng 15 tổ chức cơ sở đảng trong sạch, vững "
                 "mạnh.") == []


_PIECES = ["có", "gồm", "với", "sinh hoạt tại", " ", "  ", "trên", "19.908", "12,5 nghìn", "54",
           "đảng viên", "Đảng viên", "ĐẢNG VIÊN", "tổ chức cơ sở đảng", "TCCSĐ", ",", "và",
           "chi bộ, và đảng bộ cơ sở", "cơ sở Đảng", "Đảng bộ quận", "1/2", "."]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_figure_prefilter_keeps_every_figure(pieces):
    """find_membership skips a sentence where _FIGURE finds nothing: no figure pattern may
    match there."""
    sentence = "".join(pieces)
    if not membership._FIGURE.search(sentence):
        for rx in (membership._MEMBERS, membership._ORGS, membership._MEMBERS_LISTED,
                   membership._ORGS_LISTED):
            assert rx.search(sentence) is None


def test_figure_prefilter_keeps_the_stated_forms():
    for text in ("Đảng bộ có 54 tổ chức cơ sở Đảng với 19.908 đảng viên",
                 "có trên 16.300 đảng viên sinh hoạt tại 47 tổ chức cơ sở đảng",
                 "có 36 đảng bộ, chi bộ cơ sở với 4.690 đảng viên", "gồm 1,2 nghìn  ĐẢNG VIÊN",
                 "với 12 TCCSĐ"):
        assert membership._FIGURE.search(text), text


def test_a_letter_whose_lower_case_is_longer_does_not_shift_the_sentence():
    # "İ".lower() is two characters: offsets found in a plain text.lower() would point two
    # characters past the figure's sentence for every such letter before it.
    text = ("Đoàn " + "İ" * 40 + " đến thăm. Đảng bộ quận Thanh Xuân hiện có 54 tổ chức cơ sở "
            "Đảng với 19.908 đảng viên. Hội nghị kết thúc vào buổi chiều cùng ngày hôm đó.")
    assert facts(text) == [("Đảng bộ quận Thanh Xuân", 19908, 54)]


def test_key_letter_forms_are_every_character_that_lower_cases_to_the_letter():
    """_occurrences finds the keys in the text itself: each letter's forms must be exactly the
    characters that lower_aligned turns into it."""
    letters = set("".join(membership._KEYS))
    forms: dict[str, set[str]] = {ch: set() for ch in letters}
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        low = low if len(low) == 1 else c
        if low in forms:
            forms[low].add(c)
    assert {ch: set(membership._forms(ch)) for ch in letters} == forms


@given(st.lists(st.sampled_from(["đảng viên", "Đảng Viên", "ĐẢNG VIÊN", "cơ sở", "CƠ Sở", "İ",
                                 "TCCSĐ", "ı", " ", "đảng  viên", "ê", "ở", "x", "\n"]),
                max_size=12).map("".join))
def test_keys_are_found_where_lower_aligned_has_them(text):
    from partyx.lang.text import lower_aligned

    low = lower_aligned(text)
    expected = sorted([i for key in membership._KEYS for i in range(len(low))
                       if low.startswith(key, i)]
                      + [i for i in range(len(text)) if text.startswith("TCCS", i)])
    assert membership._occurrences(text) == expected


def test_figures_are_the_same_without_the_scan_bound(monkeypatch):
    # _REACH only lets the scans start later in a sentence; unknown (None), they start at
    # its start and find the same figures
    from tests.conftest import SEEDS

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("Đảng bộ huyện có 54 tổ chức cơ sở đảng với 19.908 đảng viên, tăng 1.200 "
                 "đảng viên; toàn tỉnh có 12.500 đảng viên và 47 tổ chức cơ sở đảng.")
    bounded = [membership.find_membership(t) for t in texts]
    monkeypatch.setattr(membership, "_REACH", None)
    assert [membership.find_membership(t) for t in texts] == bounded
    assert any(bounded)


_MENTION_PIECES = ["Đảng bộ", "Đảng ủy", "Chi bộ", "Tổ đảng", "Tỉnh ủy", "Thành ủy", "Quận ủy",
                   "toàn ", "Toàn ", "tỉnh", "thành phố", "Đảng Cộng sản Việt Nam", "toàn Đảng",
                   "Đảng ta", "cả nước", " bộ", " ủy", " ", "x", "Hà", ",", "ĐẢNG BỘ", "\n"]


@given(st.lists(st.sampled_from(_MENTION_PIECES), max_size=14).map("".join),
       st.integers(0, 5), st.integers(0, 5))
def test_mentions_are_found_as_the_regex_scan_finds_them(text, cut_lo, cut_hi):
    lo, hi = min(cut_lo, len(text)), max(min(len(text), len(text) - cut_hi), 0)
    v = membership._vocab()
    assert [m.span() for m in membership._find_mentions(text, lo, hi)] == [
        m.span() for m in v.mention.finditer(text, lo, hi)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the cells of the units below a commune
        ("Chi bộ xóm 5 có 32 đảng viên.", [("Chi bộ xóm 5", 32, None)]),
        ("Sáng nay, Chi bộ buôn Đôn có 18 đảng viên.", [("Chi bộ buôn Đôn", 18, None)]),
        # the total new members bring the organisation to, with any verb of raising
        ("Đảng bộ huyện Nam Đàn đã kết nạp được 150 đảng viên, đưa tổng số đảng viên toàn "
         "Đảng bộ lên 8.900 người.", [("Đảng bộ huyện Nam Đàn", 8900, None)]),
    ],
)
def test_cells_of_hamlets_and_raised_totals(text, expected):
    assert facts(text) == expected
    if ", đưa" in text:
        assert facts(text.split(", đưa")[0] + ".") == []  # the members admitted: no total


@pytest.mark.parametrize(
    "headline, text, expected",
    [
        # a level with no place, or a head with no name: the headline's organisation
        ("Đại hội đại biểu Đảng bộ xã Võ Miếu lần thứ I, nhiệm kỳ 2025-2030",
         "Sáng 30/7, Đại hội khai mạc. Đảng bộ xã hiện có 350 đảng viên sinh hoạt tại 20 chi bộ.",
         [("Đảng bộ xã Võ Miếu", 350, None)]),
        ("Thành phố Huế: Đại hội Đảng bộ phường Thuận Hòa",
         "Sáng 6/8, Đại hội khai mạc. Đảng bộ có 40 chi bộ với 1.100 đảng viên.",
         [("Đảng bộ phường Thuận Hòa", 1100, None)]),
        ("Đại hội Chi bộ thôn Đông", "Sáng 6/8, Đại hội khai mạc. Chi bộ có 35 đảng viên.",
         [("Chi bộ thôn Đông", 35, None)]),
        # a level the headline's organisation is not of, or none in the headline: not certain
        ("Đại hội Đảng bộ huyện Lục Nam", "Sáng 6/8, Đại hội khai mạc. Đảng bộ xã có 400 đảng "
         "viên.", []),
        ("Nông dân Võ Miếu trồng chè", "Đảng bộ xã có 400 đảng viên.", []),
    ],
)
def test_headline_organisation(headline, text, expected):
    found = membership.find_membership(text, where(text, None), headline)
    assert [(f.org, f.party_members, f.grassroots_orgs) for f in found] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Số đảng viên của Đảng bộ tỉnh Lạng Sơn là 45.000 đồng chí.",
         [("Đảng bộ tỉnh Lạng Sơn", 45000, None)]),
        ("Hiện nay, số lượng đảng viên của Đảng bộ huyện Lục Nam là 5.500 đồng chí.",
         [("Đảng bộ huyện Lục Nam", 5500, None)]),
        # members disciplined or admitted are no total
        ("Số đảng viên của Đảng bộ tỉnh Lạng Sơn bị kỷ luật là 30 đồng chí.", []),
        ("Số đảng viên mới kết nạp của Đảng bộ tỉnh Lạng Sơn là 1.200 đồng chí.", []),
    ],
)
def test_number_of_members_said_of(text, expected):
    assert facts(text, None) == expected


GIA_LOC = PlaceContext("Hải Dương", District("huyện", "Gia Lộc"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Huyện Gia Lộc hiện có 45 tổ chức cơ sở đảng với 6.000 đảng viên.",
         ("Đảng bộ huyện Gia Lộc", 6000, 45)),
        ("Hiện nay, huyện có 45 tổ chức cơ sở đảng với 6.000 đảng viên.",
         ("Đảng bộ huyện Gia Lộc", 6000, 45)),
        ("Theo báo cáo, tỉnh Hải Dương có hơn 125.000 đảng viên.",
         ("Đảng bộ tỉnh Hải Dương", 125000, None)),
        ("Xã Thống Nhất có 650 đảng viên, sinh hoạt tại 21 chi bộ.",
         ("Đảng bộ xã Thống Nhất", 650, None)),
    ],
)
def test_a_unit_that_opens_its_clause_is_the_subject_of_its_party_figures(text, expected):
    assert facts(text, GIA_LOC) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Xã hội có 500 đảng viên.",  # no unit
        "Huyện Nguyễn Văn có 300 đảng viên.",  # no unit the gazetteer knows
        "Huyện Gia Lộc có 300 đảng viên được tặng Huy hiệu Đảng.",  # a part
        "Xã Thống Nhất có 30 đảng viên làm trưởng thôn.",
        "Huyện Gia Lộc kết nạp 300 đảng viên.",  # no verb of having
        "Trường THPT Gia Lộc có 30 đảng viên.",  # no unit opens the clause
        "Xã có 650 đảng viên.",  # no commune the article names
    ],
)
def test_no_unit_subject(text):
    assert facts(text, GIA_LOC) == []


def test_a_unit_inside_an_organisation_name_is_no_subject():
    assert facts("Chi bộ thôn Đông, xã Thống Nhất có 25 đảng viên.", GIA_LOC) == [
        ("Chi bộ thôn Đông", 25, None)]
    assert facts("Đảng bộ Quân sự tỉnh Hải Dương có 1.200 đảng viên.", GIA_LOC) == [
        ("Đảng bộ Quân sự tỉnh Hải Dương", 1200, None)]


def test_figures_listed_after_a_semicolon():
    assert facts("Đảng bộ huyện Gia Lộc có 6.300 đảng viên; 48 tổ chức cơ sở đảng.",
                 GIA_LOC) == [("Đảng bộ huyện Gia Lộc", 6300, 48)]
    assert facts("Đảng bộ huyện Gia Lộc có 48 tổ chức cơ sở đảng; 6.300 đảng viên.",
                 GIA_LOC) == [("Đảng bộ huyện Gia Lộc", 6300, 48)]
    # a part after the semicolon is none of the totals
    assert facts("Đảng bộ huyện Gia Lộc có 6.300 đảng viên; 48 tổ chức cơ sở đảng được xếp "
                 "loại hoàn thành tốt nhiệm vụ.", GIA_LOC) == [("Đảng bộ huyện Gia Lộc", 6300,
                                                                None)]


def test_delegates_of_the_members_across_the_country():
    assert facts("Đại hội có 1.176 đại biểu đại diện cho trên 3,1 triệu đảng viên trên toàn "
                 "quốc.", GIA_LOC) == [("Đảng Cộng sản Việt Nam", 3_100_000, None)]
    assert facts("Đại hội có 450 đại biểu đại diện cho hơn 5,6 triệu đảng viên trên cả nước.",
                 GIA_LOC) == [("Đảng Cộng sản Việt Nam", 5_600_000, None)]
    # the area of a unit names no organisation
    assert facts("Đại hội có 300 đại biểu thay mặt cho hơn 20.000 đảng viên trên địa bàn.",
                 GIA_LOC) == []


def test_a_level_with_no_place_is_no_organisation_of_several_named_before():
    text = ("Đại hội Đảng bộ tỉnh Bắc Ninh bầu ông A làm Bí thư. Đại hội Đảng bộ tỉnh Lạng Sơn "
            "bầu ông B làm Bí thư.\n\nĐảng bộ tỉnh có 50.000 đảng viên.")
    assert facts(text, PlaceContext(None, None)) == []
    text = ("Đại hội Đảng bộ tỉnh Lạng Sơn bầu ông B làm Bí thư. Đảng bộ huyện Lộc Bình dự."
            "\n\nĐảng bộ tỉnh có 50.000 đảng viên.")
    assert facts(text, PlaceContext(None, None)) == [("Đảng bộ tỉnh Lạng Sơn", 50000, None)]
