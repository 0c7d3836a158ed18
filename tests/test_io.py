import codecs
import os

import pytest

from partyx import io
from tests import legacy


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
    with pytest.raises(io.DecodeError, match="PNG image"):
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
    # the loop is yielded once, so that reading it reports the loop
    assert [p.name for p in found] == ["loop", "x.txt"]
    with pytest.raises(io.ReadError, match="symlink loop"):
        io.read_bytes(found[0])


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


# --- hostile and legacy input ----------------------------------------------------------------

SAMPLE = (
    "Đồng chí Nguyễn Văn Phong, Phó Bí thư Thường trực Thành ủy Hà Nội làm việc với Ban Thường"
    " vụ Quận ủy. Hội nghị đã đánh giá kết quả thực hiện Nghị quyết của Đảng bộ quận và các"
    " đơn vị; đề nghị cấp ủy tiếp tục nâng cao chất lượng công tác xây dựng Đảng trong sạch."
)


@pytest.mark.parametrize(("encode", "name"), [
    (legacy.to_windows_1258, "windows-1258"),
    (legacy.to_tcvn3, "tcvn3"),
    (legacy.to_vni, "vni"),
])
def test_legacy_vietnamese_encodings_are_recognised(encode, name):
    data = encode(SAMPLE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    d = io.decode(data)
    assert d.encoding == name
    expected = SAMPLE.lower() if name == "tcvn3" else SAMPLE  # TCVN3 has no accented capitals
    got = d.text.lower() if name == "tcvn3" else d.text
    assert got == expected


def test_every_vietnamese_letter_survives_vni_and_tcvn3():
    letters = "".join(sorted({ch for seq, ch in io._legacy_tables()[3].items()}))
    vni = io._candidates(legacy.to_vni(letters))["vni"]
    assert vni == letters
    small = "".join(sorted({ch.lower() for ch in letters}))
    assert io._candidates(legacy.to_tcvn3(small))["tcvn3"] == small


def test_latin1_french_is_not_taken_for_vietnamese():
    data = "Le comité a décidé à l'unanimité: élève, garçon, où, déjà, très.".encode("cp1252")
    with pytest.raises(io.DecodeError, match="not recognisably Vietnamese"):
        io.decode(data * 5)


def test_random_high_bytes_are_undecodable():
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(io.DecodeError, match="cannot be decoded"):
        io.decode(data)


def test_corrupt_utf8_in_the_middle_names_offset_and_line():
    good = (SAMPLE + "\n").encode()
    data = good * 3 + b"abc\xe1\xbb" + b" tail\n" + good
    with pytest.raises(io.DecodeError, match=r"corrupt UTF-8: .*offset \d+, line 4"):
        io.decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b" \n",
                                  codecs.BOM_UTF16_LE + " \u00a0\n".encode("utf-16-le")])
def test_empty_and_whitespace_files_are_refused(data):
    with pytest.raises(io.DecodeError, match="empty file|only whitespace"):
        io.decode(data)


def test_gzip_and_nul_byte_are_binary():
    import gzip

    with pytest.raises(io.DecodeError, match="gzip"):
        io.decode(gzip.compress(SAMPLE.encode()))
    with pytest.raises(io.DecodeError, match="NUL byte at offset 5"):
        io.decode(b"hello\x00" + SAMPLE.encode())


def test_control_characters_mean_binary():
    with pytest.raises(io.DecodeError, match="control characters"):
        io.decode(bytes(range(1, 9)) * 50 + b"text")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_control_characters_mean_binary_in_every_unicode_encoding(encoding):
    # with a BOM (utf-16, utf-32, utf-8-sig) or without one (utf-16-le, found by its NULs)
    with pytest.raises(io.DecodeError, match="control characters"):
        io.decode(("\x01\x02\x03\x04 text " * 50).encode(encoding))
    assert io.decode(SAMPLE.encode(encoding)).text == io.decode(SAMPLE.encode()).text


@pytest.mark.parametrize("controls", [0, 4, 5, 6, 60])
def test_control_characters_counted_in_utf8_bytes_as_in_the_text(controls):
    """The count taken on the UTF-8 bytes is the count on the text: 5 in 100 characters
    pass, 6 do not; a text longer than the sample is counted in the sample only."""
    text = ("\x01\x7f\x1b" * (controls // 3) + "\x0b" * (controls % 3)).ljust(100, "ạ")

    def outcome(t, data):
        try:
            io._check_controls(t, data)
        except io.DecodeError as e:
            return str(e)
        return None

    assert outcome(text, text.encode()) == outcome(text, None)
    assert (outcome(text, text.encode()) is None) == (controls <= 5)
    long = "ệ" * 70_000 + text
    assert outcome(long, long.encode()) == outcome(long, None) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_vietnamese_utf16_without_bom(codec):
    d = io.decode(SAMPLE.encode(codec))
    assert d.encoding == codec and d.text == SAMPLE


def test_read_bytes_refuses_large_files_fifos_folders_and_missing(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"1" * 1001)
    with pytest.raises(io.ReadError, match="too large: 1001 bytes"):
        io.read_bytes(big, max_bytes=1000)
    assert io.read_bytes(big, max_bytes=1001) == b"1" * 1001
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(io.ReadError, match="not a regular file \\(a FIFO\\)"):
        io.read_bytes(fifo)
    with pytest.raises(io.ReadError, match="is a folder"):
        io.read_bytes(tmp_path)
    with pytest.raises(io.ReadError, match="cannot read: No such file"):
        io.read_bytes(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    with pytest.raises(io.ReadError, match="symbolic links"):
        io.read_bytes(tmp_path / "self.txt")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no procfs")
def test_a_file_longer_than_its_stat_size_is_read_whole_within_the_limit():
    # procfs says 0 bytes; a file being appended to says less than there is by the read
    data = io.read_bytes("/proc/self/status")
    assert os.stat("/proc/self/status").st_size < len(data) and b"Pid:" in data
    with pytest.raises(io.ReadError, match="too large: more than 10 bytes"):
        io.read_bytes("/proc/self/status", max_bytes=10)


def test_read_bytes_reports_permission_denied(tmp_path, monkeypatch):
    # tests run as root, for whom mode 000 denies nothing: inject the error the OS would give
    target = tmp_path / "secret.txt"
    target.write_text("x")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(io.os, "open", deny)
    with pytest.raises(io.ReadError, match="cannot read: Permission denied"):
        io.read_bytes(target)


def test_find_articles_yields_fifos_and_broken_links_so_they_get_reported(tmp_path):
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "c.txt").write_text("x")
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "d.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in io.find_articles([tmp_path])]
    assert found == ["a.txt", "b.txt", "c.txt", "dir.txt/d.txt"]


def test_find_articles_walks_deeper_than_the_recursion_limit(tmp_path, deep_folder):
    deep = deep_folder(tmp_path)
    (deep / "x.txt").write_text("x")
    assert list(io.find_articles([tmp_path])) == [deep / "x.txt"]


def test_find_articles_reports_a_folder_it_cannot_list(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text("x")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(io.os, "scandir", scandir)
    monkeypatch.setattr(io.os, "listdir", lambda p: scandir(p))
    found = list(io.find_articles([tmp_path]))
    assert [p.name for p in found] == ["locked", "ok.txt"]
    with pytest.raises(io.ReadError, match="cannot list folder: Permission denied"):
        io.read_bytes(found[0])


def test_display_escapes_newlines_and_undecodable_name_bytes():
    assert io.display("Hà Nội 1.txt") == "Hà Nội 1.txt"
    assert io.display("a\nb.txt") == "a\\nb.txt"
    assert io.display(os.fsdecode(b"tin\xff.txt")) == "tin\\xff.txt"


def test_check_writable(tmp_path, monkeypatch):
    io.check_writable(tmp_path / "new" / "r.jsonl")
    assert (tmp_path / "new").is_dir() and list((tmp_path / "new").iterdir()) == []
    (tmp_path / "r.jsonl").mkdir()
    with pytest.raises(IsADirectoryError):
        io.check_writable(tmp_path / "r.jsonl")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        io.check_writable(tmp_path / "file" / "r.jsonl")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(io.tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError):
        io.check_writable(tmp_path / "r2.jsonl")


def test_atomic_writer_gives_a_normal_file_mode_and_keeps_an_existing_one(tmp_path):
    import os

    from partyx.io import atomic_writer

    umask = os.umask(0o022)
    try:
        new = tmp_path / "new.jsonl"
        with atomic_writer(new) as fh:
            fh.write(b"x\n")
        assert new.stat().st_mode & 0o777 == 0o644
        new.chmod(0o640)
        with atomic_writer(new) as fh:
            fh.write(b"y\n")
        assert new.stat().st_mode & 0o777 == 0o640 and new.read_bytes() == b"y\n"
    finally:
        os.umask(umask)
