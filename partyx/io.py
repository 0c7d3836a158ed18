"""All file access: finding article files, decoding them, writing output atomically.

Decoding accepts UTF-8 (with or without BOM), UTF-16/32 with a BOM (the VNTC corpus files are
UTF-16 LE with BOM and CRLF) and UTF-16 without BOM when its NUL pattern is unmistakable. Text
that is none of these raises :class:`DecodeError` with the reason; the caller records it for
that file and goes on.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from partyx.text import normalize

DEFAULT_GLOB = "*.txt"


class DecodeError(ValueError):
    """The bytes of a file are not text partyx can read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


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


def decode(data: bytes) -> Decoded:
    """Decode an article file's bytes and normalise the text (see :mod:`partyx.text`)."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalize(data.decode(codec)), name)
            except UnicodeDecodeError as e:
                raise DecodeError(f"invalid {name} at byte {e.start}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(normalize(data.decode(utf16)), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise DecodeError(f"binary content (NUL byte at offset {data.index(0)})")
    try:
        return Decoded(normalize(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as e:
        raise DecodeError(
            f"not UTF-8 or UTF-16: byte 0x{data[e.start]:02x} at offset {e.start} "
            "cannot be decoded"
        ) from None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_articles(paths: list[Path], pattern: str = DEFAULT_GLOB) -> Iterator[Path]:
    """Each file named on the command line, and the files under each folder that match
    ``pattern``, walked recursively in sorted order. A path that does not exist raises
    :class:`FileNotFoundError` before anything is yielded for it."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, pattern, seen=set())
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(str(path))


def _walk(folder: Path, pattern: str, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        st = folder.stat()
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:  # a symlink loop
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from _walk(path, pattern, seen)
            elif entry.is_file() and path.match(pattern):
                yield path
        except OSError:
            continue


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Write ``path`` through a temporary file beside it: flush, fsync, rename. Until the
    rename the old file stays as it was; on any error the temporary file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
