"""Decoding article bytes: Unicode with and without byte-order marks, the legacy Vietnamese
8-bit encodings, and what is refused as binary or corrupt."""

import codecs

import pytest

from partyx.lang import encodings
from tests import legacy

SAMPLE = (
    "Đồng chí Nguyễn Văn Phong, Phó Bí thư Thường trực Thành ủy Hà Nội làm việc với Ban Thường"
    " vụ Quận ủy. Hội nghị đã đánh giá kết quả thực hiện Nghị quyết của Đảng bộ quận và các"
    " đơn vị; đề nghị cấp ủy tiếp tục nâng cao chất lượng công tác xây dựng Đảng trong sạch."
)


def test_utf8_with_and_without_bom():
    text = "Thành ủy Hà Nội"
    assert encodings.decode(text.encode()).text == text
    d = encodings.decode(codecs.BOM_UTF8 + text.encode())
    assert d.text == text and d.encoding == "utf-8"


def test_utf16_le_with_bom_and_crlf():
    data = codecs.BOM_UTF16_LE + " Hoà bình\r\nThành uỷ".encode("utf-16-le")
    d = encodings.decode(data)
    assert d.encoding == "utf-16-le"
    assert d.text == " Hòa bình\nThành ủy"


def test_utf16_be_with_bom():
    data = codecs.BOM_UTF16_BE + "Quận ủy".encode("utf-16-be")
    assert encodings.decode(data).text == "Quận ủy"


def test_utf16_without_bom_is_recognised():
    data = "Đảng bộ quận Ba Đình có 56 tổ chức".encode("utf-16-le")
    assert encodings.decode(data).text.startswith("Đảng bộ")


def test_undecodable_bytes_raise_decode_error_with_offset():
    with pytest.raises(encodings.DecodeError, match="offset 4"):
        encodings.decode(b"abcd\xff\xfeefgh")


def test_binary_is_reported():
    with pytest.raises(encodings.DecodeError, match="PNG image"):
        encodings.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize(("encode", "name"), [
    (legacy.to_windows_1258, "windows-1258"),
    (legacy.to_tcvn3, "tcvn3"),
    (legacy.to_vni, "vni"),
])
def test_legacy_vietnamese_encodings_are_recognised(encode, name):
    data = encode(SAMPLE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    d = encodings.decode(data)
    assert d.encoding == name
    expected = SAMPLE.lower() if name == "tcvn3" else SAMPLE  # TCVN3 has no accented capitals
    got = d.text.lower() if name == "tcvn3" else d.text
    assert got == expected


def test_every_vietnamese_letter_survives_vni_and_tcvn3():
    letters = "".join(sorted({ch for seq, ch in encodings._legacy_tables()[3].items()}))
    vni = encodings._candidates(legacy.to_vni(letters))["vni"]
    assert vni == letters
    small = "".join(sorted({ch.lower() for ch in letters}))
    assert encodings._candidates(legacy.to_tcvn3(small))["tcvn3"] == small


def test_latin1_french_is_not_taken_for_vietnamese():
    data = "Le comité a décidé à l'unanimité: élève, garçon, où, déjà, très.".encode("cp1252")
    with pytest.raises(encodings.DecodeError, match="not recognisably Vietnamese"):
        encodings.decode(data * 5)


def test_random_high_bytes_are_undecodable():
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(encodings.DecodeError, match="cannot be decoded"):
        encodings.decode(data)


def test_corrupt_utf8_in_the_middle_names_offset_and_line():
    good = (SAMPLE + "\n").encode()
    data = good * 3 + b"abc\xe1\xbb" + b" tail\n" + good
    with pytest.raises(encodings.DecodeError, match=r"corrupt UTF-8: .*offset \d+, line 4"):
        encodings.decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b" \n",
                                  codecs.BOM_UTF16_LE + " \u00a0\n".encode("utf-16-le")])
def test_empty_and_whitespace_files_are_refused(data):
    with pytest.raises(encodings.DecodeError, match="empty file|only whitespace"):
        encodings.decode(data)


def test_gzip_and_nul_byte_are_binary():
    import gzip

    with pytest.raises(encodings.DecodeError, match="gzip"):
        encodings.decode(gzip.compress(SAMPLE.encode()))
    with pytest.raises(encodings.DecodeError, match="NUL byte at offset 5"):
        encodings.decode(b"hello\x00" + SAMPLE.encode())


def test_control_characters_mean_binary():
    with pytest.raises(encodings.DecodeError, match="control characters"):
        encodings.decode(bytes(range(1, 9)) * 50 + b"text")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_control_characters_mean_binary_in_every_unicode_encoding(encoding):
    # with a BOM (utf-16, utf-32, utf-8-sig) or without one (utf-16-le, found by its NULs)
    with pytest.raises(encodings.DecodeError, match="control characters"):
        encodings.decode(("\x01\x02\x03\x04 text " * 50).encode(encoding))
    assert encodings.decode(SAMPLE.encode(encoding)).text == encodings.decode(SAMPLE.encode()).text


@pytest.mark.parametrize("controls", [0, 4, 5, 6, 60])
def test_control_characters_counted_in_utf8_bytes_as_in_the_text(controls):
    """The count taken on the UTF-8 bytes is the count on the text: 5 in 100 characters
    pass, 6 do not; a text longer than the sample is counted in the sample only."""
    text = ("\x01\x7f\x1b" * (controls // 3) + "\x0b" * (controls % 3)).ljust(100, "ạ")

    def outcome(t, data):
        try:
            encodings._check_controls(t, data)
        except encodings.DecodeError as e:
            return str(e)
        return None

    assert outcome(text, text.encode()) == outcome(text, None)
    assert (outcome(text, text.encode()) is None) == (controls <= 5)
    long = "ệ" * 70_000 + text
    assert outcome(long, long.encode()) == outcome(long, None) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_vietnamese_utf16_without_bom(codec):
    d = encodings.decode(SAMPLE.encode(codec))
    assert d.encoding == codec and d.text == SAMPLE
