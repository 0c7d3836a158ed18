"""The clean stage: site furniture goes, the article stays."""

from __future__ import annotations

import pytest

from partyx import io
from partyx.record import Article
from partyx.rules.boilerplate import is_headline_run
from partyx.rules.headline import chunks
from partyx.stages.clean import Clean
from tests.conftest import SEEDS

LEAD = ("Chiều 24/3, Đoàn kiểm tra số 3 của Ban Thường vụ Thành ủy đã kiểm tra công tác quán "
        "triệt, học tập và triển khai thực hiện Nghị quyết tại quận Thanh Xuân.")
PARA = ("Báo cáo Đoàn kiểm tra, Phó Bí thư Thường trực Quận ủy Thanh Xuân cho biết, Đảng bộ "
        "quận hiện có 54 tổ chức cơ sở Đảng với 19.908 đảng viên.")


def clean(text: str) -> tuple[list[str], list[str]]:
    article = Article(id="x", source={}, raw=text)
    Clean()(article)
    return article.lines, article.captions


def test_logo_remnant_share_buttons_and_empty_source_go():
    lines, _ = clean(f"M\n24/03/2021 21:54\n\nTiêu đề bài\nChia sẻ Zalo\n{LEAD}\n"
                     f"Chia sẻ Facebook\nHoàng Phúc\n\nNguồn :\nLink gốc\n")
    assert lines == ["24/03/2021 21:54", "Tiêu đề bài", LEAD, "Hoàng Phúc"]


def test_view_counter_is_cut_out_of_the_date_line():
    lines, _ = clean(f"Tiêu đề\nNgày đăng 18/05/2022 | 08:40 | Lượt xem: 651\n{LEAD}\n")
    assert lines[1] == "Ngày đăng 18/05/2022 | 08:40"
    lines, _ = clean(f"Tiêu đề\nLượt xem: 1.204\n{LEAD}\n")
    assert lines == ["Tiêu đề", LEAD]


def test_a_caption_printed_twice_is_kept_once_and_reported():
    cap = "Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong phát biểu chỉ đạo"
    lines, captions = clean(f"{LEAD}\n{cap}\n{cap}\n{PARA}\n")
    assert lines == [LEAD, cap, PARA] and captions == [cap]


def test_a_short_caption_repeated_further_down_goes():
    cap = "Quang cảnh buổi làm việc tại quận"
    lines, captions = clean(f"{cap}\n{LEAD}\n{PARA}\n{cap}\n")
    assert lines == [cap, LEAD, PARA] and captions == [cap]


def test_repeated_list_items_are_not_captions():
    item = "- Trưởng Ban Kinh tế TƯ Trương Tấn Sang"
    lines, _ = clean(f"{LEAD}\nBộ Chính trị:\n{item}\n- Khác Nữa Người\nBan Bí thư:\n{item}\n")
    assert lines.count(item) == 2


def test_related_headlines_run_together_are_removed_but_not_in_the_header():
    run = ("Hà Nội: Xây dựng hệ thống chính trị ở cơ sở đồng bộ, khoa học Bí thư Thành ủy "
           "Vương Đình Huệ: Khơi dậy ý chí, khát vọng phát triển huyện Thanh Oai lên quận "
           "Tạo điều kiện thuận lợi để sinh viên đi bầu cử")
    lines, _ = clean(f"{LEAD}\n{run}\n{PARA}\n")
    assert lines == [LEAD, PARA]
    assert is_headline_run(run)
    assert len(chunks(run)) == 3


@pytest.mark.parametrize("line", [
    "Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong phát biểu chỉ đạo",  # a caption
    "Đảng lãnh đạo nhưng không làm thay Nhà nước",  # a sub-heading
    "Quận Long Biên chủ động cụ thể hóa trong thực hiện Chương trình 01-CTr/TU, "
    "Quy định số 55-QĐ/TW và Quy định số 37-QĐ/TW",
    "Bí thư Thành ủy Thành phố Hồ Chí Minh tiếp Chủ tịch Quốc hội Cuba",
    LEAD,
])
def test_single_headlines_captions_and_sentences_are_no_runs(line):
    assert not is_headline_run(line)


def test_double_chevron_links_and_related_box_go():
    lines, _ = clean(f"Tiêu đề\n>> Thời cơ vàng: Vận hội mới >> Thời cơ vàng: Vượt qua\n{LEAD}\n"
                     f"Tin liên quan\nBí thư Thành ủy làm việc với quận Ba Đình\n"
                     f"Hà Nội kiểm tra công tác cán bộ\n{PARA}\n")
    assert lines == ["Tiêu đề", LEAD, PARA]


def test_footer_marker_ends_the_article_only_after_the_body():
    lines, _ = clean(f"MỚI - NÓNG\nTiêu đề\n{LEAD}\nMỚI - NÓNG\nTin khác không liên quan\n")
    assert lines == ["Tiêu đề", LEAD]


def test_photo_credit_and_symbol_lines_go():
    lines, _ = clean(f"Tiêu đề\n|\nẢnh: Hoàng Phúc\n{LEAD}\n***\n")
    assert lines == ["Tiêu đề", LEAD]


def test_hostile_long_line_is_cleaned_quickly():
    lines, _ = clean("1/" * 500_000 + "\n" + "Đ" * 300_000 + "\n")
    assert len(lines) == 2


def test_seed_000_loses_logo_caption_copy_and_related_headlines():
    seed = SEEDS / "000_0382416f5319272f.txt"
    lines, captions = clean(io.decode(seed.read_bytes()).text)
    assert lines[0] == "24/03/2021 21:54"
    assert not any(x.startswith("Hà Nội: Xây dựng hệ thống") for x in lines)
    assert captions == ["Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong phát biểu chỉ đạo"]
    assert lines[-1] == "Hoàng Phúc"


def test_vntc_related_links_are_removed(corpus_dir):
    text = io.decode((corpus_dir / "vntc_train_TT_3124.txt").read_bytes()).text
    lines, _ = clean(text)
    assert not any(">>" in x for x in lines)
    assert lines[1] == "Công ty tư nhân đầu tiên có chi bộ Đảng"


def test_related_link_after_the_last_sentence_goes_but_the_byline_glued_to_it_stays():
    line = (f"{PARA} » Đồng chí Nguyễn Đắc Vinh: Cần chỉ rõ những đơn vị, địa phương chậm cải "
            "cách hành chính Nguyên Nguyên")
    lines, _ = clean(f"Tiêu đề\n{LEAD}\n{line}\n")
    assert lines[-1] == f"{PARA} Nguyên Nguyên"
    link = "» Hà Nội kiểm tra công tác cán bộ tại quận Ba Đình"
    lines, _ = clean(f"Tiêu đề\n{LEAD}\n{PARA} {link}\n")
    assert lines[-1] == PARA


def test_line_keys_of_long_lines_are_skipped_not_changed():
    """The vocabulary tests a line's key without casefolding all of a long line: the same
    answers as on the full key, also for a listed line padded with dots and spaces."""
    from partyx.rules.boilerplate import _key, _Vocabulary

    vocab = _Vocabulary()
    markers = vocab.stop | vocab.related
    lines = ["Chia sẻ", "CHIA SẺ :", "Chia sẻ" + " ." * 300, "Lượt xem: 12 " + "x" * 500,
             "Tin liên quan:", "ß" * 200, "Tags: " + "a" * 300, "Bản quyền thuộc báo X",
             "Một đoạn văn dài. " * 40]
    for line in lines:
        key = _key(line)
        assert vocab.is_furniture(line) == (key in vocab.lines or key.startswith(vocab.prefixes))
        assert vocab.key(line) in (key, None)
        assert (vocab.key(line) in markers) == (key in markers)
    assert vocab.is_furniture("Chia sẻ" + " ." * 300) and vocab.key("Tin liên quan:")


@pytest.mark.parametrize("line", [
    "Khiển trách ông X. Sáng nay Ban Thường vụ họp",
    "Hội nghị “thành công.” Đồng chí Y phát biểu",
    "Kết luận (số 12). Tỉnh ủy chỉ đạo",
    "Phê bình ông A » Bổ nhiệm ông B",
    "Ông A? Bà B! Anh C…",
    "Họp TP.HCM. Hà Nội tiếp",
    "Không có câu nào ở đây cả",
    "Lời cuối.",
    "VN. Hà Nội",
])
def test_sentence_test_agrees_with_the_seams(line):
    from partyx.rules.headline import chunk_starts, has_sentence_seam

    assert has_sentence_seam(line) == any(s.kind == "sentence" for s in chunk_starts(line))


def test_a_list_run_together_by_a_crawler_gets_its_lines_and_words_back():
    lines, _ = clean(LEAD + "\nDanh sách:1. Nguyễn Văn HùngBan Bí thư2. Trần Văn Bình - Chủ tịch\n")
    assert lines[1:] == ["Danh sách:", "1. Nguyễn Văn Hùng Ban Bí thư",
                         "2. Trần Văn Bình - Chủ tịch"]


def test_words_run_together_are_looked_for_only_where_a_list_was_run_together():
    # a lower-case letter before an upper-case one, in every line of every article, cost more
    # than the rest of the cleaning: only a line that lost its breaks is read for them
    lines, _ = clean(LEAD + "\nÔng Nguyễn Văn HùngBan Bí thư dự hội nghị tại TP.HCM.\n")
    assert lines[1] == "Ông Nguyễn Văn HùngBan Bí thư dự hội nghị tại TP.HCM."
