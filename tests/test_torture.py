"""Broken and hostile input, end to end through ``partyx extract``.

Each bad file sits next to a good article. For every case: the run finishes, the good article
still gets its full record, the bad one is named on standard error with its path and the
reason, the exit code is 1 (2 for output failures), and no traceback reaches the terminal
unless ``--debug`` asks for it. The README section "Bad input" lists the same cases.
"""

from __future__ import annotations

import errno
import gzip
import os
import random
import shutil
import signal
import subprocess
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from partyx import io
from partyx.cli import app
from tests import legacy
from tests.conftest import SEEDS

runner = CliRunner()
GOOD = SEEDS / "000_0382416f5319272f.txt"
GOOD_TITLE = "Quận Thanh Xuân cần chú trọng vai trò, trách nhiệm của đội ngũ cán bộ chủ chốt"


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging (catastrophic backtracking, a blocking read)."""

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def extract(folder: Path, *args: str, out: Path | None = None):
    """Run ``partyx extract`` on ``folder`` with ``--report``; the result, the records by id,
    and the report (``result.report``)."""
    out = out or folder.parent / "out.jsonl"
    report = out.parent / f"{out.name}.report.json"
    report.unlink(missing_ok=True)
    with deadline(60):
        result = runner.invoke(app, ["extract", str(folder), "-o", str(out),
                                     "--report", str(report), *args])
    records = {}
    if out.exists():
        for line in out.read_bytes().splitlines():
            r = orjson.loads(line)
            records[r.get("id")] = r
    result.report = orjson.loads(report.read_bytes()) if report.exists() else None
    return result, records


def assert_reported(result, path: Path, reason: str) -> None:
    """``path`` is named with ``reason`` on standard error and in the ``--report`` JSON."""
    assert f"{path}: " in result.stderr and reason in result.stderr, result.stderr
    assert result.report["exit_code"] == 1
    assert any(u["path"] == str(path) and reason in u["reason"]
               for u in result.report["unreadable"]), result.report["unreadable"]


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    return folder


def assert_good_survived(records: dict) -> None:
    good = records["good"]
    assert good["errors"] == [] and good["title"] == GOOD_TITLE and good["text"]


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert isinstance(result.exception, SystemExit) or result.exception is None


# --- files that must be refused, each with its reason ----------------------------------------

def _invalid_utf8_middle() -> bytes:
    text = GOOD.read_bytes()
    middle = len(text) // 2
    middle = text.index(b"\n", middle)
    return text[:middle] + b"\n\xc3\x28\xa0\xa1 h\xe1\xbb\n" + text[middle:]


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


BAD_FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "empty file"),
    "whitespace": (lambda: b"  \n\t\r\n   \n", "only whitespace"),
    "png": (_png, "binary file (PNG image)"),
    "gzip": (lambda: gzip.compress(GOOD.read_bytes()), "binary file (gzip data)"),
    "invalid_utf8": (_invalid_utf8_middle, "corrupt UTF-8: invalid byte 0xc3"),
    "nul": (lambda: GOOD.read_bytes()[:500] + b"\x00" + GOOD.read_bytes()[500:],
            "NUL byte at offset 500"),
    "legacy_unknown": (lambda: bytes(random.Random(1).randrange(0x80, 0x100)
                                     for _ in range(4000)), "cannot be decoded"),
    "latin1_french": (lambda: ("Le comité a décidé, à l'unanimité, où et très déjà. " * 40)
                      .encode("cp1252"), "not recognisably Vietnamese"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_named_with_its_reason_and_the_rest_goes_on(tmp_path, case):
    make, reason = BAD_FILES[case]
    folder = corpus(tmp_path)
    bad = folder / f"{case}.txt"
    bad.write_bytes(make())
    result, records = extract(folder)
    assert result.exit_code == 1, result.stderr
    assert_good_survived(records)
    assert_reported(result, bad, reason)
    assert records[case]["errors"][0]["stage"] == "read"
    assert reason in records[case]["errors"][0]["error"]
    assert records[case]["source"]["path"] == str(bad)
    assert_no_traceback(result)


def test_a_50_mb_single_line_file_is_too_large_and_never_read_whole(tmp_path):
    folder = corpus(tmp_path)
    big = folder / "big.txt"
    with big.open("wb") as fh:
        chunk = b"Thanh Xuan 19.908 " * 58254  # ~1 MB, no newline
        for _ in range(50):
            fh.write(chunk)
    result, records = extract(folder)
    assert result.exit_code == 1
    assert_good_survived(records)
    assert_reported(result, big, f"too large: {big.stat().st_size} bytes")
    assert records["big"]["source"]["sha256"] is None  # refused before reading
    assert_no_traceback(result)
    # a lower limit refuses the good article too; a higher one lets it through
    result, records = extract(folder, "--max-bytes", "5000", out=tmp_path / "low.jsonl")
    assert "too large: 5044 bytes (limit 5000" in records["good"]["errors"][0]["error"]
    result, records = extract(folder, "--max-bytes", "60000000", "--stages", "clean",
                              out=tmp_path / "high.jsonl")
    assert records["big"]["errors"] == [] and records["big"]["source"]["bytes"] > 50_000_000


def test_a_file_that_grows_past_the_limit_after_the_size_check(tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    (folder / "grows.txt").write_bytes(b"y" * 7000)
    real_stat, real_fstat = os.stat, os.fstat

    def small(st):  # every size looks tiny when checked; the files then hold more
        return os.stat_result((*st[:6], 10, *st[7:]))

    monkeypatch.setattr(io.os, "stat", lambda p, *a, **k: small(real_stat(p, *a, **k)))
    monkeypatch.setattr(io.os, "fstat", lambda fd: small(real_fstat(fd)))
    result, records = extract(folder, "--max-bytes", "6000")
    assert result.exit_code == 1
    assert_reported(result, folder / "grows.txt", "too large: more than 6000 bytes")
    assert_good_survived(records)


def test_symlink_loop_is_named_and_walked_once(tmp_path):
    folder = corpus(tmp_path)
    (folder / "sub").mkdir()
    shutil.copy(GOOD, folder / "sub" / "copy.txt")
    (folder / "sub" / "back").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    result, records = extract(folder)
    assert result.exit_code == 1
    assert_good_survived(records)
    assert records["copy"]["title"] == GOOD_TITLE  # its stem, wherever it lies
    assert_reported(result, folder / "sub" / "back", "symlink loop")
    assert_reported(result, folder / "self.txt", "cannot read: Too many levels of symbolic")
    assert len(records) == 4  # good, copy, back, self: nothing walked twice
    assert_no_traceback(result)


def test_unreadable_file_is_named_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    # we run as root, for whom chmod 000 denies nothing: inject the OS's answer instead
    folder = corpus(tmp_path)
    secret = folder / "secret.txt"
    secret.write_bytes(GOOD.read_bytes())
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(io.os, "open", deny)
    result, records = extract(folder)
    assert result.exit_code == 1
    assert_reported(result, secret, "cannot read: Permission denied")
    assert_good_survived(records)
    assert_no_traceback(result)
    result, _ = extract(folder, "--debug")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "PermissionError" in result.stderr


def test_fifo_and_folder_named_txt(tmp_path):
    folder = corpus(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    (folder / "notes.txt").mkdir()  # a folder is walked, not read
    shutil.copy(GOOD, folder / "notes.txt" / "inner.txt")
    result, records = extract(folder)
    assert result.exit_code == 1
    assert_reported(result, folder / "pipe.txt", "not a regular file (a FIFO)")
    assert records["inner"]["title"] == GOOD_TITLE
    assert_good_survived(records)


def test_unlistable_folder_is_named(tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    (folder / "locked").mkdir()
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(real):
        def inner(path="."):
            if str(path).endswith("locked"):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)
        return inner

    monkeypatch.setattr(io.os, "scandir", refuse(real_scandir))
    monkeypatch.setattr(io.os, "listdir", refuse(real_listdir))
    result, records = extract(folder)
    assert result.exit_code == 1
    assert_reported(result, folder / "locked", "cannot list folder: Permission denied")
    assert_good_survived(records)


@pytest.mark.parametrize("change", ["deleted", "folder", "binary", "emptied", "fifo"])
def test_file_changed_between_listing_and_reading(tmp_path, monkeypatch, change):
    folder = corpus(tmp_path)
    victim = folder / "victim.txt"
    victim.write_bytes(GOOD.read_bytes())
    real_find = io.find_articles

    def find_then_change(paths, pattern=io.DEFAULT_GLOB):
        found = list(real_find(paths, pattern))
        victim.unlink()
        if change == "folder":
            victim.mkdir()
        elif change == "binary":
            victim.write_bytes(_png())
        elif change == "emptied":
            victim.write_bytes(b"")
        elif change == "fifo":
            os.mkfifo(victim)
        return iter(found)

    monkeypatch.setattr(io, "find_articles", find_then_change)
    result, records = extract(folder)
    reason = {"deleted": "cannot read: No such file or directory", "folder": "is a folder",
              "binary": "PNG image", "emptied": "empty file",
              "fifo": "not a regular file (a FIFO)"}[change]
    assert result.exit_code == 1
    assert_reported(result, victim, reason)
    assert_good_survived(records)
    assert_no_traceback(result)


# --- files that must be read, whatever their shape -------------------------------------------

@pytest.mark.parametrize(("encode", "encoding"), [
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    (legacy.to_windows_1258, "windows-1258"),
    (legacy.to_tcvn3, "tcvn3"),
    (legacy.to_vni, "vni"),
])
def test_other_encodings_are_decoded(tmp_path, encode, encoding):
    folder = corpus(tmp_path)
    (folder / "old.txt").write_bytes(encode(GOOD.read_text(encoding="utf-8")))
    result, records = extract(folder)
    assert result.exit_code == 0, result.stderr
    old = records["old"]
    assert old["source"]["encoding"] == encoding
    expected = records["good"]
    if encoding == "tcvn3":  # TCVN3 has no codes for accented capitals
        assert old["title"].lower() == GOOD_TITLE.lower()
    else:
        assert old["title"] == GOOD_TITLE
        assert old["text"] == expected["text"]
        assert old["published"] == expected["published"]


def test_a_1mb_line_of_digits_dots_and_slashes_goes_through_every_stage(tmp_path):
    rng = random.Random(7)
    line = "".join(rng.choice("0123456789./") for _ in range(1_000_000))
    folder = corpus(tmp_path)
    (folder / "digits.txt").write_text(line)
    # the same line inside a real article, where header and body patterns all see it
    (folder / "mixed.txt").write_text(GOOD.read_text() + "\n" + line + "\n")
    # thousands of dates, ranges, citations, figures: every stage must stay near-linear
    (folder / "dates.txt").write_text("1/1/2021 " * 20_000 + "\n")
    (folder / "ranges.txt").write_text("từ ngày 2/3 đến 4/5, " * 5_000 + "\n")
    (folder / "citations.txt").write_text("Nghị quyết số 15-NQ/TU, " * 5_000 + "\n")
    (folder / "figures.txt").write_text("19.908 đảng viên, 14,63%, " * 5_000 + "\n")
    # one endless sentence of officials and places: people, places and event stay linear
    (folder / "officials.txt").write_text(
        "đồng chí Nguyễn Văn Phong, Phó Bí thư Thành ủy Hà Nội, quận Ba Đình, " * 3_000 + "\n")
    result, records = extract(folder)  # deadline(60) fails a hang instead of waiting
    assert result.exit_code == 0, result.stderr
    for name in ("digits", "mixed", "dates", "ranges", "citations", "figures", "officials"):
        assert records[name]["errors"] == [], records[name]["errors"]
    assert records["mixed"]["title"] == GOOD_TITLE
    assert_good_survived(records)


def test_deeply_nested_article_is_found(tmp_path, deep_folder):
    folder = corpus(tmp_path)
    deep = deep_folder(folder)
    shutil.copy(GOOD, deep / "deep.txt")
    result, records = extract(folder)
    assert result.exit_code == 0, result.stderr
    assert records["deep"]["title"] == GOOD_TITLE


def test_names_with_spaces_vietnamese_letters_newline_and_bad_bytes(tmp_path):
    folder = corpus(tmp_path)
    names = ["tin mới nhất.txt", "Đảng bộ Hà Nội.txt", "line\nbreak.txt"]
    for name in names:
        shutil.copy(GOOD, folder / name)
    raw_name = os.fsencode(folder) + b"/tin\xff\xfe.txt"
    with open(raw_name, "wb") as fh:
        fh.write(GOOD.read_bytes())
    result, records = extract(folder)
    assert result.exit_code == 0, result.stderr
    assert {"tin mới nhất", "Đảng bộ Hà Nội", "line\\nbreak", "tin\\xff\\xfe"} <= set(records)
    for r in records.values():
        assert r["title"] == GOOD_TITLE
    assert records["line\\nbreak"]["source"]["path"] == str(folder / "line\\nbreak.txt")


def test_a_bad_name_in_the_summary_stays_on_one_line(tmp_path):
    folder = corpus(tmp_path)
    (folder / "bad\nname.txt").write_bytes(b"")
    result, _ = extract(folder)
    assert result.exit_code == 1
    assert f"{folder}/bad\\nname.txt: empty file" in result.stderr.splitlines()


# --- output ----------------------------------------------------------------------------------

def _previous(out: Path) -> bytes:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b'{"previous": true}\n')
    return out.read_bytes()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_disk_full_exits_2_and_keeps_the_previous_file(tmp_path, monkeypatch, where):
    folder = corpus(tmp_path)
    out = tmp_path / "o" / "records.jsonl"
    before = _previous(out)
    full = OSError(errno.ENOSPC, "No space left on device")
    if where == "fsync":
        def fsync(fd):
            raise full
        monkeypatch.setattr(io.os, "fsync", fsync)
    else:
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                raise full

            def __getattr__(self, name):
                return getattr(self.fh, name)

        monkeypatch.setattr(io.os, "fdopen", lambda fd, mode="r": Full(real_fdopen(fd, mode)))
    result, _ = extract(folder, out=out)
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "left as it was" in result.stderr
    assert out.read_bytes() == before
    assert not list(out.parent.glob(".records.jsonl.*"))  # no temporary left
    assert_no_traceback(result)


def test_disk_full_on_a_real_small_tmpfs(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                       check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here (not root, or no mount permission)")
    try:
        folder = tmp_path / "in"
        folder.mkdir()
        for i in range(30):  # ~30 records of ~10 KB: more than 64 KB
            shutil.copy(GOOD, folder / f"a{i:02d}.txt")
        out = mnt / "records.jsonl"
        before = _previous(out)
        result, _ = extract(folder, out=out)
        assert result.exit_code == 2, result.stderr
        assert "disk is full" in result.stderr or "No space left" in result.stderr
        assert "partyx: error: cannot write" in result.stderr
        assert out.read_bytes() == before
        assert not list(mnt.glob(".records.jsonl.*"))
        assert_no_traceback(result)
    finally:
        # lazy: the state database's connections may still hold files open in it
        subprocess.run(["umount", "-l", str(mnt)], check=False, capture_output=True, timeout=10)


def test_missing_output_folder_is_created(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "a" / "b" / "records.jsonl"
    result, records = extract(folder, out=out)
    assert result.exit_code == 0 and out.exists()
    assert_good_survived(records)


@pytest.mark.parametrize("obstacle", ["folder", "file_as_parent", "refused"])
def test_unwritable_output_fails_before_any_work(tmp_path, monkeypatch, obstacle):
    folder = corpus(tmp_path)
    (folder / "bad.txt").write_bytes(b"")  # would be reported if any file were read
    out = tmp_path / "records.jsonl"
    if obstacle == "folder":
        out.mkdir()
    elif obstacle == "file_as_parent":
        (tmp_path / "plain").write_text("x")
        out = tmp_path / "plain" / "records.jsonl"
    else:  # root ignores permission bits: inject the refusal a read-only mount would give
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EROFS, "Read-only file system", str(tmp_path))
        monkeypatch.setattr(io.tempfile, "mkstemp", refuse)
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert "partyx: error: cannot write output" in result.stderr
    assert "bad.txt" not in result.stderr  # nothing was read
    assert_no_traceback(result)
