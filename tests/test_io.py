import codecs

import pytest

from partyx import io


def test_utf8_with_and_without_bom():
    text = "Thành ủy Hà Nội"
    assert io.decode(text.encode()).text == text
    d = io.decode(codecs.BOM_UTF8 + text.encode())
    assert d.text == text and d.encoding == "utf-8"


def test_utf16_le_with_bom_and_crlf():
    data = codecs.BOM_UTF16_LE + " Hoà bình\r\nThành uỷ".encode("utf-16-le")
    d = io.decode(data)
    assert d.encoding == "utf-16-le"
    assert d.text == " Hòa bình\nThành ủy"


def test_utf16_be_with_bom():
    data = codecs.BOM_UTF16_BE + "Quận ủy".encode("utf-16-be")
    assert io.decode(data).text == "Quận ủy"


def test_utf16_without_bom_is_recognised():
    data = "Đảng bộ quận Ba Đình có 56 tổ chức".encode("utf-16-le")
    assert io.decode(data).text.startswith("Đảng bộ")


def test_undecodable_bytes_raise_decode_error_with_offset():
    with pytest.raises(io.DecodeError, match="offset 4"):
        io.decode(b"abcd\xff\xfeefgh")


def test_binary_is_reported():
    with pytest.raises(io.DecodeError, match="NUL"):
        io.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_find_articles_sorted_recursive_and_pattern(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "c.md").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in io.find_articles([tmp_path])]
    assert found == ["a.txt", "b/2.txt"]


def test_find_articles_survives_symlink_loop(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("x")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    found = list(io.find_articles([tmp_path]))
    assert [p.name for p in found] == ["x.txt"]


def test_missing_path_raises():
    with pytest.raises(FileNotFoundError):
        list(io.find_articles([io.Path("/nonexistent/partyx")]))


def test_atomic_writer_keeps_old_file_on_error(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    with pytest.raises(RuntimeError), io.atomic_writer(target) as fh:
        fh.write(b"half")
        raise RuntimeError("killed")
    assert target.read_bytes() == b"old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_writer_creates_missing_folder(tmp_path):
    target = tmp_path / "new" / "deeper" / "out.jsonl"
    with io.atomic_writer(target) as fh:
        fh.write(b"x\n")
    assert target.read_bytes() == b"x\n"
