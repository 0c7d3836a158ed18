"""All file access: finding article files, reading and decoding them, writing output atomically.

Reading (:func:`read_bytes`) opens only regular files, never blocks on a FIFO, and refuses a
file larger than ``max_bytes`` (default :data:`MAX_BYTES`, 20 MB: a news article is a few
kilobytes; a bigger ``.txt`` is a dump or a mistake, and reading it whole would cost the memory
of every worker). Anything it cannot read raises :class:`ReadError` with the reason.

Decoding (:func:`decode`), in this order:

1. empty, or only whitespace once decoded: refused (``empty file``, ``no text``);
2. a byte-order mark: UTF-8, UTF-16 or UTF-32 as it says (the VNTC corpus is UTF-16 LE + BOM);
3. a known binary signature (PNG, gzip, zip, PDF …): refused, naming the format;
4. UTF-16 without BOM when its NUL pattern is unmistakable;
5. any other NUL byte: refused as binary or corrupt;
6. UTF-8; refused as binary when more than 5 % of its characters are control characters;
7. bytes that are mostly valid UTF-8 with a few invalid ones: refused as corrupt UTF-8, with
   the offset and line of the first bad byte (guessing would mix two encodings in one text);
8. otherwise the legacy Vietnamese 8-bit encodings are tried: Windows-1258 (tone marks as
   combining characters), TCVN3/ABC (one byte per precomposed lowercase letter) and VNI Windows
   (base letter + modifier bytes); the tables are ``data/legacy_vn.json``. Each candidate text
   is scored by how many of its accented words are frequent Vietnamese syllables
   (``data/vi_common.json``); a candidate is accepted only when it is clearly Vietnamese and
   clearly ahead of the others, else the file is refused as undecodable.

Every refusal raises :class:`DecodeError` with a reason meant for the run summary; decoding
never raises anything else.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO

from partyx import errors
from partyx.errors import DecodeError, ReadError
from partyx.lang.text import normalize

DEFAULT_GLOB = "*.txt"
MAX_BYTES = 20_000_000
# The version of what reading gives the stages: bump it when decoding or normalising
# (:func:`partyx.lang.text.normalize`) changes the text of some file. It is part of the pipeline's
# signature, so that incremental runs redo the records made from the old text.
READER_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


# --- reading ---------------------------------------------------------------------------------


def read_bytes(path: Path | str, max_bytes: int = MAX_BYTES) -> bytes:
    """The content of the regular file ``path`` (see :func:`read_file`)."""
    return read_file(path, max_bytes)[0]


def read_file(path: Path | str, max_bytes: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The content of the regular file ``path`` and its ``fstat`` as opened;
    :class:`ReadError` with the reason when it is missing, not a regular file (a folder, a
    FIFO, a socket, a symlink loop), unreadable, or larger than ``max_bytes``."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise ReadError(errors.CANNOT_READ, reason=_strerror(e)) from e
    _check_kind(path, st, max_bytes)
    try:
        # O_NONBLOCK: a FIFO swapped in after the stat above must not hang the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise ReadError(errors.CANNOT_READ, reason=_strerror(e)) from e
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            _check_kind(path, st, max_bytes)
            # The size as opened and one byte more (a buffer of max_bytes would be allocated
            # for every file); a file that grew since is read on, up to the limit.
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as e:
        raise ReadError(errors.CANNOT_READ, reason=_strerror(e)) from e
    if len(data) > max_bytes:
        raise ReadError(errors.GREW_TOO_LARGE, limit=max_bytes)
    return data, st


def _check_kind(path: Path | str, st: os.stat_result, max_bytes: int) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise _folder_error(path)
    if not stat.S_ISREG(mode):
        kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special")
        raise ReadError(errors.NOT_A_REGULAR_FILE, kind=kind)
    if st.st_size > max_bytes:
        raise ReadError(errors.TOO_LARGE, size=st.st_size, limit=max_bytes)


def _folder_error(path: Path | str) -> ReadError:
    """Why a folder came out of :func:`find_articles` as if it were an article."""
    if os.path.islink(path):
        return ReadError(errors.SYMLINK_LOOP, target=os.path.realpath(path))
    try:
        os.listdir(path)
    except OSError as e:
        return ReadError(errors.CANNOT_LIST_FOLDER, reason=_strerror(e))
    return ReadError(errors.IS_A_FOLDER)


def _strerror(e: OSError) -> str:
    return e.strerror or str(e)


def display(text: str) -> str:
    """``text`` (a path, an id) safe to print on one terminal line and to write as JSON:
    control characters escaped (``\\n``), undecodable file-name bytes shown as ``\\xNN``."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # surrogate-escaped byte of a non-UTF-8 file name
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return "".join(out)


# --- decoding --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Signatures of binary formats that land in text folders by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx)"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document (doc/xls)"),
    (b"{\\rtf", "RTF document"),
)

# \x00-\x08, \x0b, \x0e-\x1f, \x7f (not tab, line feed, form feed, carriage return)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_SAMPLE = 65536  # characters in which control characters are counted


def decode(data: bytes) -> Decoded:
    """Decode an article file's bytes and normalise the text (see module docstring)."""
    if not data:
        raise DecodeError(errors.EMPTY_FILE)
    decoded = _decode(data)
    if not decoded.text.strip():
        raise DecodeError(errors.NO_TEXT)
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(errors.INVALID_UNICODE, encoding=name, offset=e.start) from None
            _check_controls(text)  # nearly any bytes after a UTF-16 BOM decode to something
            return Decoded(normalize(text), name)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(errors.BINARY_SIGNATURE, kind=kind)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            _check_controls(text)
            return Decoded(normalize(text), utf16)
    if b"\x00" in data:
        raise DecodeError(errors.NUL_BYTE, offset=data.index(0))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _not_utf8(data, e)
    _check_controls(text, data)
    return Decoded(normalize(text), "utf-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when most odd (even) bytes are NUL, as in ASCII-heavy UTF-16."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _check_controls(text: str, utf8: bytes | None = None) -> None:
    """Refuse binary content: too many control characters among the first ``_SAMPLE``.
    They are counted in the sample's UTF-8 bytes (``utf8``: the bytes ``text`` was decoded
    from, when UTF-8 and not longer than the sample): there those bytes are those characters
    and nothing else, and ``bytes.translate`` counts them much faster than a regex."""
    sample = text[:_SAMPLE]
    if utf8 is None or len(text) > _SAMPLE:
        utf8 = sample.encode("utf-8", "surrogatepass")
    controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(sample):
        raise DecodeError(errors.CONTROL_CHARACTERS, controls=controls, sample=len(sample))


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded:
    lossy = data.decode("utf-8", "replace")
    bad = lossy.count("\ufffd")
    good = sum(1 for ch in lossy if ord(ch) > 0x7F and ch != "\ufffd")
    line = data.count(b"\n", 0, error.start) + 1
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}, line {line}"
    if good >= 10 * bad:
        raise DecodeError(errors.CORRUPT_UTF8, where=where)
    legacy = _legacy(data)
    if legacy is not None:
        _check_controls(legacy.text)
        return legacy
    raise DecodeError(errors.UNDECODABLE, where=where)


# --- legacy Vietnamese 8-bit encodings -------------------------------------------------------

_WORD_RE = re.compile(r"\w+")


@cache
def _legacy_tables() -> tuple[dict[int, str], dict[int, str], re.Pattern[str], dict[str, str],
                              frozenset[str]]:
    """Translation tables of Latin-1-decoded bytes to Windows-1252 and to TCVN3, the VNI
    sequences and their pattern, and the frequent syllables."""
    from partyx.data import load

    tables = load("legacy_vn")
    cp1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)}
    tcvn3 = dict(cp1252)
    tcvn3.update({int(b, 16): ch for b, ch in tables["tcvn3"].items()})
    vni = dict(tables["vni"])
    for seq, letter in tables["vni"].items():
        # a capital base letter typed with a small modifier (``Oâ`` for ``Ô``)
        if len(seq) == 2 and seq[0].isupper():
            vni.setdefault(seq[0] + seq[1].lower(), letter)
    vni_re = re.compile("|".join(re.escape(s) for s in sorted(vni, key=len, reverse=True)))
    common = frozenset(load("vi_common")["syllables"])
    return cp1252, tcvn3, vni_re, vni, common


def _candidates(data: bytes) -> dict[str, str]:
    """Candidate decodings of ``data``, by encoding name."""
    cp1252, tcvn3, vni_re, vni, _ = _legacy_tables()
    latin1 = data.decode("latin-1")
    out = {}
    with contextlib.suppress(UnicodeDecodeError):  # bytes undefined in Windows-1258
        out["windows-1258"] = data.decode("cp1258")
    out["tcvn3"] = latin1.translate(tcvn3)
    out["vni"] = vni_re.sub(lambda m: vni[m.group(0)], latin1.translate(cp1252))
    return out


def vietnamese_score(text: str) -> tuple[int, int]:
    """``(hits, words)``: how many of the accented words of ``text`` are frequent Vietnamese
    syllables, out of how many accented words."""
    common = _legacy_tables()[4]
    words = [w for w in _WORD_RE.findall(text.lower()) if not w.isascii()]
    return sum(1 for w in words if w in common), len(words)


def _legacy(data: bytes) -> Decoded | None:
    scored = []
    sample = data[:200_000]
    for name, text in _candidates(sample).items():
        hits, words = vietnamese_score(normalize(text))
        scored.append((hits, words, name))
    scored.sort(reverse=True)
    hits, words, name = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    if hits < 3 or hits < 0.2 * words or runner_up * 2 > hits:
        return None
    text = _candidates(data)[name]
    return Decoded(normalize(text), name)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- finding files ---------------------------------------------------------------------------


def find_articles(paths: list[Path], pattern: str = DEFAULT_GLOB) -> Iterator[Path]:
    """Each file named on the command line, and the files under each folder that match
    ``pattern``, walked in sorted order (depth-first, without recursion: any depth works).
    A path that does not exist raises :class:`FileNotFoundError` before anything is yielded
    for it.

    Entries that match ``pattern`` but are not regular files (FIFOs, broken symlinks, symlink
    loops) are yielded too, so that reading them reports why they were not read; so are a
    sub-folder that cannot be listed and a symlink back to a folder already walked (a loop).
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, pattern)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise FileNotFoundError(str(path))


def _walk(top: Path, pattern: str) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry]] = []

    def enter(folder: Path) -> bool:
        """Push ``folder``'s sorted entries; False when it cannot be listed or was seen."""
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                return False
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return False
        stack.append(iter(entries))
        return True

    if not enter(top):
        yield top
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not enter(path):
                yield path  # a loop or an unlistable folder: reading it says which
        elif path.match(pattern):
            yield path


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else that of a new file (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Write ``path`` through a temporary file beside it: flush, fsync, rename. Until the
    rename the old file stays as it was; on any error the temporary file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode(path))  # mkstemp makes it 0600: give it a normal file's mode
        with os.fdopen(fd, mode) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def check_writable(output: Path) -> None:
    """Fail early, before any work, when ``output`` cannot be written: its folder is created
    when missing, then a temporary file is really created and removed beside it (permission
    bits say nothing for root, a read-only mount or a full disk)."""
    if output.is_dir():
        raise IsADirectoryError(errors.OUTPUT_IS_A_FOLDER(path=output))
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".probe", dir=output.parent)
    os.close(fd)
    os.unlink(tmp)
