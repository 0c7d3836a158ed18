"""All file access: finding article files, reading them, writing output atomically.

Finding (:func:`find_articles`) walks folders in sorted order, iteratively (any depth), and
yields what cannot be read too (FIFOs, broken links, symlink loops), so that reading names why.

Reading (:func:`read_file`) opens only regular files, never blocks on a FIFO, and refuses a
file larger than ``max_bytes`` (default :data:`MAX_BYTES`, 20 MB: a news article is a few
kilobytes; a bigger ``.txt`` is a dump or a mistake, and reading it whole would cost the memory
of every worker). Anything it cannot read raises :class:`~partyx.errors.ReadError` with the
reason. The bytes become text through :func:`decode` (Unicode, the legacy Vietnamese encodings,
binary refused: :mod:`partyx.lang.encodings`); an article is read only through this module, so
that :data:`READER_VERSION` covers all it does.

Writing (:func:`atomic_writer`) goes through a temporary file beside the target, fsynced and
renamed: a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from partyx import errors
from partyx.errors import DecodeError, ReadError
from partyx.lang.encodings import Decoded, decode

__all__ = [
    "DEFAULT_GLOB", "MAX_BYTES", "READER_VERSION", "DecodeError", "Decoded", "ReadError",
    "atomic_writer", "check_writable", "decode", "display", "find_articles", "read_bytes",
    "read_file", "sha256",
]

DEFAULT_GLOB = "*.txt"
MAX_BYTES = 20_000_000
# The version of what reading gives the stages: bump it when decoding or normalising
# (:func:`partyx.lang.text.normalize`) changes the text of some file. It is part of the pipeline's
# signature, so that incremental runs redo the records made from the old text.
READER_VERSION = "1"


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
