import os

import pytest

from partyx import io


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
        io.read_file(found[0])


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


def test_read_file_refuses_large_files_fifos_folders_and_missing(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"1" * 1001)
    with pytest.raises(io.ReadError, match="too large: 1001 bytes"):
        io.read_file(big, max_bytes=1000)
    assert io.read_file(big, max_bytes=1001)[0] == b"1" * 1001
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(io.ReadError, match="not a regular file \\(a FIFO\\)"):
        io.read_file(fifo)
    with pytest.raises(io.ReadError, match="is a folder"):
        io.read_file(tmp_path)
    with pytest.raises(io.ReadError, match="cannot read: No such file"):
        io.read_file(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    with pytest.raises(io.ReadError, match="symbolic links"):
        io.read_file(tmp_path / "self.txt")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no procfs")
def test_a_file_longer_than_its_stat_size_is_read_whole_within_the_limit():
    # procfs says 0 bytes; a file being appended to says less than there is by the read
    data = io.read_file("/proc/self/status")[0]
    assert os.stat("/proc/self/status").st_size < len(data) and b"Pid:" in data
    with pytest.raises(io.ReadError, match="too large: more than 10 bytes"):
        io.read_file("/proc/self/status", max_bytes=10)


def test_read_file_reports_permission_denied(tmp_path, monkeypatch):
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
        io.read_file(target)


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
        io.read_file(found[0])


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


# --- records files: the one reader ------------------------------------------------------------


def test_record_lines_names_every_kind_of_bad_line_and_keeps_the_lines_as_read(tmp_path):
    path = tmp_path / "r.jsonl"
    good = b'{"schema":"partyx/1","id":"a","x":1}\n'
    path.write_bytes(good + b"{trunc\n  \n[1]\n" + b'{"id":5}\n'
                     + b'{"schema":"partyx/0","id":"b"}\n' + b'{"schema":"partyx/1","id":"c"}')
    warnings = []
    got = list(io.record_lines(path, warn=warnings.append))
    assert [(e.number, e.line, e.record["id"]) for e in got] == [
        (1, good, "a"), (7, b'{"schema":"partyx/1","id":"c"}', "c")]
    reasons = [w.split(": skipped: ")[1] for w in warnings]
    assert reasons[0].startswith("not JSON (") and reasons[0].endswith(") [W002]")
    assert reasons[1:] == [
        "not a record object (no 'id') [W002]", "not a record object (no 'id') [W002]",
        "schema 'partyx/0', this partyx writes 'partyx/1' [W002]"]
    assert warnings[0].startswith(f"{path}:2: skipped: ")
    assert [r["id"] for r in io.read_records(path, schema=None)] == ["a", "b", "c"]
    with pytest.raises(io.BadRecord, match=r"r\.jsonl:2: skipped: not JSON") as e:
        list(io.read_records(path, strict=True))
    assert e.value.code == "E203"


def test_scan_ids_reads_ids_from_the_head_of_partyx_lines(tmp_path):
    path = tmp_path / "r.jsonl"
    lines = [b'{"schema":"partyx/1","id":"a\\"b","x":1}\n', b'{"id":"c","schema":"partyx/1"}\n',
             b'{"schema":"partyx/1","id":"d"}']
    path.write_bytes(b"".join(lines))
    assert list(io.scan_ids(path)) == [('a"b', lines[0]), (None, lines[1]), ("d", lines[2])]


def test_folders_are_walked_for_every_format_partyx_reads(tmp_path):
    for name in ("a.txt", "b.html", "c.HTM", "d.jsonl", "e.ndjson", "f.csv", "g.parquet",
                 "h.txt.gz", "i.jsonl.gz", "j.md", "k.json", "l.gz", "m.pdf"):
        (tmp_path / name).write_text("x")
    found = [p.name for p in io.find_articles([tmp_path])]
    assert found == ["a.txt", "b.html", "c.HTM", "d.jsonl", "e.ndjson", "f.csv", "g.parquet",
                     "h.txt.gz", "i.jsonl.gz"]
    assert [p.name for p in io.find_articles([tmp_path], "*.gz")] == ["h.txt.gz", "i.jsonl.gz",
                                                                      "l.gz"]
    # a file named on the command line is read whatever its name
    assert [p.name for p in io.find_articles([tmp_path / "j.md"])] == ["j.md"]


def test_gunzip_within_the_limit_and_names_what_is_wrong():
    import gzip

    data = gzip.compress(b"a" * 1000) + gzip.compress(b"b" * 10)  # two members
    assert io.gunzip(data) == b"a" * 1000 + b"b" * 10
    with pytest.raises(io.ReadError, match="too large: more than 500 bytes"):
        io.gunzip(gzip.compress(b"a" * 100_000), 500)  # never decompressed further
    with pytest.raises(io.ReadError, match="corrupt gzip data: cut short"):
        io.gunzip(data[:20])
    with pytest.raises(io.ReadError, match="corrupt gzip data"):
        io.gunzip(b"\x1f\x8b\x08\x00garbage")


def test_open_stream_decompresses_and_refuses_what_is_no_file(tmp_path):
    import gzip

    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n'))
    with io.open_stream(tmp_path / "d.jsonl.gz") as fh:
        assert fh.read() == b'{"text": "a"}\n'
    with pytest.raises(io.ReadError, match="is a folder"):
        io.open_stream(tmp_path)
    with pytest.raises(io.ReadError, match="cannot read"):
        io.open_stream(tmp_path / "missing.jsonl")
    os.mkfifo(tmp_path / "fifo.jsonl")
    with pytest.raises(io.ReadError, match="FIFO"):
        io.open_stream(tmp_path / "fifo.jsonl")


def test_a_gz_target_is_written_compressed_the_same_bytes_each_time(tmp_path):
    import gzip

    target = tmp_path / "records.jsonl.gz"
    outputs = []
    for _ in range(2):
        with io.atomic_writer(target) as fh:
            fh.write(b"half a line")
            fh.seek(0)
            fh.truncate()  # starting over, as the state does when FILE cannot be copied
            fh.write(b'{"schema":"partyx/1","id":"a"}\n')
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]  # no time or name in the header
    assert gzip.decompress(outputs[0]) == b'{"schema":"partyx/1","id":"a"}\n'
    assert [r["id"] for r in io.read_records(target)] == ["a"]
    assert [i for i, _ in io.scan_ids(target)] == ["a"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
