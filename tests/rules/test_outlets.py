"""The outlet table: the country's press list, every alias and domain to one canonical name."""

from __future__ import annotations

import pytest

from partyx.rules.outlets import table


@pytest.mark.parametrize(("text", "outlet"), [
    ("QNO", "Báo Quảng Nam"),  # a provincial paper's site abbreviation
    ("Quảng Nam Online", "Báo Quảng Nam"),
    ("báo Quảng Nam", "Báo Quảng Nam"),
    ("Báo điện tử Quảng Nam", "Báo Quảng Nam"),
    ("https://www.baoquangnam.vn/thoi-su/a-123.html", "Báo Quảng Nam"),
    ("GLO", "Báo Gia Lai"),
    ("Báo và Phát thanh, Truyền hình Gia Lai", "Báo Gia Lai"),  # the 2025 merged outlet
    ("HG", "Báo Hậu Giang"),
    ("BHG", "Báo Hà Giang"),
    ("BTNO", "Báo Tây Ninh"),  # Tây Ninh Online; (BTN) in its print datelines
    ("BTN", "Báo Tây Ninh"),
    ("QTO", "Báo Quảng Trị"),
    ("CMO", "Báo Cà Mau"),
    ("LCĐT", "Báo Lào Cai"),
    # mass organisations' portals
    ("hoilhpn.org.vn", "Cổng Thông tin điện tử Hội Liên hiệp Phụ nữ Việt Nam"),
    ("Cổng TTĐT Tổng Liên đoàn Lao động Việt Nam",
     "Cổng Thông tin điện tử Tổng Liên đoàn Lao động Việt Nam"),
    ("mpi.gov.vn", "Cổng Thông tin điện tử Bộ Kế hoạch và Đầu tư"),
    ("laodongxahoi.net", "Báo Dân sinh"),  # Lao động và Xã hội, renamed
    ("Báo Người Lao Động điện tử", "Người Lao Động"),  # the online edition
    ("báo Tuổi Trẻ online", "Tuổi Trẻ"),
    ("Báo Đồng Khởi", "Báo Đồng Khởi"),  # Bến Tre's paper keeps its own name
    ("Báo Bến Tre", "Báo Đồng Khởi"),
    ("HTTV", "Đài Phát thanh và Truyền hình Hà Tĩnh"),
    ("Đài PT-TH Hà Tĩnh", "Đài Phát thanh và Truyền hình Hà Tĩnh"),
    ("Đài PT&TH Hà Tĩnh", "Đài Phát thanh và Truyền hình Hà Tĩnh"),
    ("Cổng Thông tin điện tử tỉnh Lạng Sơn", "Cổng Thông tin điện tử tỉnh Lạng Sơn"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN", "Cổng Thông tin điện tử tỉnh Lạng Sơn"),
    ("Cổng TTĐT tỉnh Lạng Sơn", "Cổng Thông tin điện tử tỉnh Lạng Sơn"),
    ("langson.gov.vn", "Cổng Thông tin điện tử tỉnh Lạng Sơn"),
    ("Cổng Thông tin điện tử thành phố Đà Nẵng", "Cổng Thông tin điện tử thành phố Đà Nẵng"),
    ("vtcnews.vn", "VTC News"),
    ("amp.vtcnews.vn/a-ar123.html", "VTC News"),  # a subdomain is its site's
    ("m.nld.com.vn", "Người Lao Động"),
    ("Báo điện tử VTC News", "VTC News"),
    ("TTXVN", "Thông tấn xã Việt Nam"),
    ("VNEWS", "Truyền hình Thông tấn"),
    ("QĐND Online", "Quân đội nhân dân"),
    ("Báo Công lý", "Báo Công lý"),
    ("Báo Bảo vệ pháp luật", "Báo Bảo vệ pháp luật"),
    ("GDVN", "Giáo dục Việt Nam"),
    ("ubkt.hungyen.dcs.vn", "Cổng Thông tin điện tử Đảng bộ tỉnh Hưng Yên"),
    ("ubkttw.vn", "Cổng Thông tin điện tử Ủy ban Kiểm tra Trung ương"),
    # a district's or commune's portal, by the gazetteer
    ("Cổng TTĐT huyện Vị Thủy", "Cổng Thông tin điện tử huyện Vị Thủy"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ UBND HUYỆN VỊ THỦY", "Cổng Thông tin điện tử huyện Vị Thủy"),
    ("Trang thông tin điện tử xã Võ Miếu", "Trang Thông tin điện tử xã Võ Miếu"),
    ("Cổng TTĐT Đảng bộ huyện Vị Thủy", "Cổng Thông tin điện tử Đảng bộ huyện Vị Thủy"),
    # the press list beyond the Party and State papers: online papers, magazines, stations
    ("Khám Phá", "Khám Phá"),
    ("motthegioi.vn", "Một Thế Giới"),
    ("GĐVN", "Gia đình Việt Nam"),
    ("Saostar.vn", "Saostar"),
    ("ngoisao.vnexpress.net", "Ngôi Sao"),  # a site of its own under another's domain
    ("Tạp chí Luật sư Việt Nam", "Tạp chí Luật sư Việt Nam"),
    ("VOV Giao thông", "VOV Giao thông"),
    ("Pháp luật TPHCM", "Pháp Luật TP.HCM"),
    ("NBTV", "Đài Phát thanh và Truyền hình Ninh Bình"),  # a provincial station's abbreviation
    ("NTO", "Báo Ninh Thuận"),
    # the words before and after an outlet's own name (data/outlets.json)
    ("Báo điện tử Một Thế Giới", "Một Thế Giới"),
    ("Báo Người Lao Động điện tử", "Người Lao Động"),
    ("Báo Quảng Nam online", "Báo Quảng Nam"),
    ("Lạng Sơn điện tử", "Báo Lạng Sơn"),  # a paper's online edition, the paper's own words
    ("PTĐT", "Báo Phú Thọ"),  # Phú Thọ điện tử
    ("thainguyentv.vn", "Đài Phát thanh và Truyền hình Thái Nguyên"),
    # sector papers' datelines: (TBTCO) -, (BĐT) -, (HQ Online) -, (DĐDN) -, (HCMCPV) -
    ("TBTCO", "Thời báo Tài chính Việt Nam"),
    ("BĐT", "Báo Đấu thầu"),
    ("HQ Online", "Báo Hải quan"),
    ("DĐDN", "Diễn đàn Doanh nghiệp"),
    ("enternews.vn", "Diễn đàn Doanh nghiệp"),
    ("HCMCPV", "Báo điện tử Đảng bộ TP.HCM"),
    ("BKTO", "Báo Kiểm toán"),
    # more of the national press list: a site under another's domain, old names, stations
    ("ictnews.vietnamnet.vn", "ICTnews"),
    ("khoahocdoisong.vn", "Báo Khoa học và Đời sống"),
    ("Tri thức trực tuyến", "Znews"),  # Zing News's former name
    ("Đài TNVN", "Đài Tiếng nói Việt Nam"),
    ("Báo Dân tộc & Phát triển", "Báo Dân tộc và Phát triển"),
    ("Công an TP Đà Nẵng", "Công an Đà Nẵng"),
    ("Báo Tri thức và Cuộc sống", "Báo Kiến Thức"),  # Kiến Thức's name since 2023
    ("Tri thức & Cuộc sống", "Báo Kiến Thức"),
    ("The Saigon Times", "Thời báo Kinh tế Sài Gòn"),
])
def test_aliases_domains_and_forms_name_one_outlet(text, outlet):
    assert table().name_of(text) == outlet


@pytest.mark.parametrize("text", [
    "Quảng Nam",  # a province is no outlet
    "Hà Tĩnh",
    "Tin tức",  # a section
    "com.vn",
    "example.com",
    "Ủy ban nhân dân tỉnh Quảng Nam",
    "Cổng Thông tin điện tử huyện Không Có",  # no such district
    "",
    "Dân tộc và miền núi",  # sections of a provincial site, no outlet without 'Báo'
    "Khoa học và Đời sống",
    "Tri thức",  # a word, no outlet
    "Cuộc sống",
    "Sài Gòn",
])
def test_what_names_no_outlet(text):
    assert table().name_of(text) is None


def test_every_old_province_has_its_paper_station_and_portal():
    from partyx.rules import gazetteer

    kinds: dict[str, set[str]] = {}
    for outlet in table().outlets:
        for province in gazetteer.get().provinces.values():
            if outlet.name.endswith(" " + province.name) or province.name in outlet.aliases[-1]:
                kinds.setdefault(province.name, set()).add(outlet.kind)
    assert kinds["Quảng Nam"] == {"provincial", "broadcast", "portal"}
    assert sum({"provincial", "broadcast", "portal"} <= k for k in kinds.values()) >= 60


@pytest.mark.parametrize(("text", "outlet"), [
    ("Theo Người Lao Động", "Người Lao Động"),
    ("(Theo TTXVN)", "Thông tấn xã Việt Nam"),
    ("Nguồn tin: vtcnews.vn", "VTC News"),
    ("Nguồn: https://baoquangnam.vn/thoi-su/a-123.html", "Báo Quảng Nam"),
    ("Nguồn CAND: http://cand.com.vn/su-kien-binh-luan-thoi-su/hau-giang-374860/",
     "Công an nhân dân"),
    ("Theo Báo Lạng Sơn (baolangson.vn)", "Báo Lạng Sơn"),
    ("Nguồn ảnh: TTXVN", None),  # a photo's source
    ("Theo NGỮ THIÊN (TTXVN/VIETNAM+)", None),  # a byline: names first (rules/header)
    ("Theo đó, Ban Thường vụ Tỉnh ủy đã thống nhất.", None),
])
def test_reprint_credits(text, outlet):
    assert table().credited(text) == outlet
