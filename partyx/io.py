"""All file access: finding article files, reading them, writing output atomically.

Finding (:func:`find_articles`) walks folders in sorted order, iteratively (any depth), for the
files of every format partyx reads (:mod:`partyx.readers`: ``.txt``, ``.html``/``.htm``,
``.jsonl``/``.ndjson``, ``.csv``, ``.parquet``, each also ``.gz``) or those matching a pattern,
and yields what cannot be read too (FIFOs, broken links, symlink loops), so that reading names
why.

Reading (:func:`read_file`) opens only regular files, never blocks on a FIFO, and refuses a
file larger than ``max_bytes`` (default :data:`MAX_BYTES`, 20 MB: a news article is a few
kilobytes; a bigger ``.txt`` is a dump or a mistake, and reading it whole would cost the memory
of every worker). Anything it cannot read raises :class:`~partyx.errors.ReadError` with the
reason. :func:`gunzip` decompresses a ``.gz`` file's bytes within the same limit;
:func:`open_stream` opens a dataset file (any size: its rows are read as a stream,
decompressed on the way). The bytes become text through :func:`decode` (Unicode, the legacy
Vietnamese encodings, binary refused: :mod:`partyx.lang.encodings`) or the reader of their
format (:mod:`partyx.readers`); an article is read only through this module and the readers,
so that :data:`READER_VERSION` covers all they do.

Records files (:func:`read_records`, :func:`record_lines`): the one reader of the JSONL that
``partyx extract`` writes, for merging, for the state and for the views; a line that is not a
record of this version's schema is named and skipped (or refused, ``strict``); a UTF-8 BOM
before the first line is no part of it. :func:`not_records` tells a file that is not records
at all (compressed, a database, an article) from one with a few bad lines.
:func:`scan_ids` reads only the ids at the head of partyx's own lines, to copy them through.
A gzip-compressed records file (``records.jsonl.gz``) is read the same way.

Writing (:func:`atomic_writer`; :func:`atomic_path` for writers that open a file by name,
:func:`atomic_folder` for a folder of files) goes through a temporary file or folder beside the
target, synced and renamed: a crash leaves the old output or the new one, never half of one.
A target named ``*.gz`` is written gzip-compressed (the same bytes for the same content: no
name or time in the gzip header). Nothing in partyx writes its output another way.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import re
import shutil
import stat
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple, cast

import orjson

from partyx import SCHEMA, errors
from partyx.errors import BadRecord, DecodeError, ReadError
from partyx.lang.encodings import Decoded, binary_kind, decode
from partyx.readers import format_of, is_gzip

__all__ = [
    "DEFAULT_GLOB", "MAX_BYTES", "READER_VERSION", "DecodeError", "Decoded", "ReadError",
    "RecordLine", "atomic_folder", "atomic_path", "atomic_writer", "check_writable", "decode",
    "display", "find_articles", "gunzip", "is_gzip", "not_records", "open_stream", "read_file",
    "read_records", "record_lines", "replaceable", "scan_ids", "sha256",
]

# The pattern of the files read in folders; None: every format partyx reads.
DEFAULT_GLOB: str | None = None
MAX_BYTES = 20_000_000
# The version of what reading gives the stages: bump it when decoding or normalising
# (:func:`partyx.lang.text.normalize`) changes the text of some file, or when the readers
# (:mod:`partyx.readers`) change what they give. It is part of the pipeline's signature, so
# that incremental runs redo the records made from the old text.
# 2: source.format, source.url and source.row in every record; pages, datasets, .gz.
READER_VERSION = "2"
_GZIP_MAGIC = b"\x1f\x8b"


# --- reading ---------------------------------------------------------------------------------


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


def gunzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """The decompressed content of gzip ``data`` (every member); :class:`ReadError` when it is
    not gzip data or is cut short, or when it decompresses to more than ``max_bytes`` (it is
    never decompressed further than that)."""
    out = bytearray()
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while data:
            out += decompressor.decompress(data, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise ReadError(errors.GREW_TOO_LARGE, limit=max_bytes)
            if decompressor.unconsumed_tail:
                data = decompressor.unconsumed_tail
                continue
            if not decompressor.eof:
                raise ReadError(errors.CORRUPT_GZIP, error="cut short")
            data = decompressor.unused_data.lstrip(b"\x00")  # another member, or padding
            if data:
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    except zlib.error as e:
        raise ReadError(errors.CORRUPT_GZIP, error=e) from None
    return bytes(out)


def open_stream(path: Path | str) -> IO[bytes]:
    """A dataset file opened for reading as a stream, decompressed when its name ends in
    ``.gz``; :class:`ReadError` when it is missing or not a regular file (a FIFO is never
    opened for blocking reads). Reading a corrupt ``.gz`` stream raises :class:`OSError`
    (``gzip.BadGzipFile``) or :class:`EOFError`."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise _folder_error(path)
        if not stat.S_ISREG(st.st_mode):
            _check_kind(path, st, st.st_size + 1)
        fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as e:
        raise ReadError(errors.CANNOT_READ, reason=_strerror(e)) from e
    if not is_gzip(path):
        return fh
    return cast(IO[bytes], _GzipReader(fh))


class _GzipReader(gzip.GzipFile):
    """A gzip stream over a file it closes with itself."""

    def __init__(self, fh: IO[bytes]) -> None:
        super().__init__(fileobj=fh, mode="rb")
        self._raw = fh

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


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


# --- records files -------------------------------------------------------------------------


class RecordLine(NamedTuple):
    """One record of a records file: its line number (from 1), the line as read (with its
    newline, if any) and the record it holds."""

    number: int
    line: bytes
    record: dict[str, Any]


def _ignore(message: str) -> None:
    pass


def record_lines(path: Path, warn: Callable[[str], None] = _ignore, strict: bool = False,
                 schema: str | None = SCHEMA) -> Iterator[RecordLine]:
    """Each record of the records file ``path``, in file order, streamed. A line that is not a
    record (not JSON; not an object with a string ``id``; unless ``schema`` is None, of
    another ``schema``: written by another partyx version, its fields may not mean the same) is
    named through ``warn`` (``FILE:LINE: skipped: reason``) and skipped, or with ``strict``
    raises :class:`~partyx.errors.BadRecord`. Blank lines are skipped silently. A gzip file is
    read decompressed."""
    with _open_records(path) as fh:
        for n, line in enumerate(fh, 1):
            if n == 1 and line.startswith(_BOM):  # written by an editor or a spreadsheet
                line = line[len(_BOM):]
            if line.isspace():  # stops at the first non-blank byte: no copy of the line
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                reason = errors.NOT_JSON.format(error=e)
            else:
                if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                    reason = errors.NOT_A_RECORD
                elif schema is not None and record.get("schema") != schema:
                    reason = errors.OTHER_SCHEMA.format(schema=record.get("schema"),
                                                        expected=schema)
                else:
                    yield RecordLine(n, line, record)
                    continue
            if strict:
                raise BadRecord(errors.SKIPPED_LINE(path=path, line=n, reason=reason))
            warn(errors.SKIPPED_LINE.coded(path=path, line=n, reason=reason))


_BOM = b"\xef\xbb\xbf"
_SNIFFED_LINES = 20


def not_records(path: Path, schema: str | None = SCHEMA) -> str | None:
    """What ``path`` looks like when it is not a records file (``"an SQLite database (the
    state of a run …)"``, ``"text (an article? …)"``), else None: an empty file, or one where a
    partyx record of ``schema`` (None: of any) is among its first lines. A gzip file is judged
    by what it holds (compressed records are records). :class:`OSError` when it cannot be
    read."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == _GZIP_MAGIC
    try:
        with _open_records(path) as fh:
            what = _looks_like(fh, path.name, schema)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        return f"corrupt gzip data ({e})"
    if what is not None and compressed:
        return f"gzip-compressed {what}"
    return what


def _looks_like(fh: IO[bytes], name: str, schema: str | None) -> str | None:
    head = fh.peek(16)[:16] if hasattr(fh, "peek") else b""
    kind = binary_kind(head)
    if head.startswith(b"SQLite format 3\x00"):
        kind = "an SQLite database"
        if name.endswith(".state.sqlite"):
            kind += f" (the state of a run; its records are {name[:-len('.state.sqlite')]})"
    elif head.startswith(b"PAR1"):
        kind = "a Parquet file (partyx reads records as JSON lines)"
    elif kind is not None:
        kind = f"{kind}: convert it to the JSON lines of partyx extract first"
    if kind is not None:
        return kind
    seen: list[Any] = []
    text_lines = 0
    first_text = b""
    other: str | None = None
    for n, line in enumerate(fh, 1):
        if n == 1 and line.startswith(_BOM):
            line = line[len(_BOM):]
        if line.isspace():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            text_lines += 1
            first_text = first_text or line.lstrip()[:16].lower()
        else:
            if isinstance(value, dict) and isinstance(value.get("id"), str) and isinstance(
                    value.get("schema"), str) and value["schema"].startswith("partyx/"):
                if schema is None or value["schema"] == schema:
                    return None
                other = value["schema"]
            seen.append(value)
        if len(seen) + text_lines >= _SNIFFED_LINES:
            break
    if not seen and not text_lines:
        return None  # empty: no records
    if other is not None:
        return (f"records of another partyx version (schema {other!r}; this partyx reads "
                f"{schema!r})")
    if not seen:
        if first_text.startswith(b"<"):
            return "an HTML or XML page"
        return "text (an article? partyx extract reads articles and writes records)"
    if any(isinstance(v, dict) for v in seen):
        return ("JSON lines that are not partyx records (no \"schema\": \"partyx/…\" and "
                "\"id\")")
    return "JSON, but not JSON lines of partyx records"


def read_records(path: Path, warn: Callable[[str], None] = _ignore, strict: bool = False,
                 schema: str | None = SCHEMA) -> Iterator[dict[str, Any]]:
    """The records of ``path`` (see :func:`record_lines`)."""
    for entry in record_lines(path, warn, strict, schema):
        yield entry.record


def _open_records(path: Path) -> IO[bytes]:
    """A records file opened for reading; decompressed when it is gzip data (by its first
    bytes, whatever its name)."""
    fh = path.open("rb")
    try:
        magic = fh.peek(2)[:2]
    except OSError:
        magic = b""
    if magic != _GZIP_MAGIC:
        return fh
    return cast(IO[bytes], _GzipReader(fh))


# The start of a line partyx wrote: the schema, then the id as a JSON string.
_LINE_ID = re.compile(rb'\{"schema":"[^"\\]*","id":("(?:[^"\\]|\\.)*")')


def scan_ids(path: Path) -> Iterator[tuple[str | None, bytes]]:
    """``(id, line)`` for each line of a records file that partyx wrote, the id read from the
    head of the line without parsing the rest (for copying lines through as they are, at the
    speed of a file copy); ``None`` for a line that does not start as partyx writes a record.
    Lines keep their newline."""
    with _open_records(path) as fh:
        for line in fh:
            m = _LINE_ID.match(line)
            yield (None if m is None else orjson.loads(m.group(1))), line


# --- finding files ---------------------------------------------------------------------------


def find_articles(paths: list[Path], pattern: str | None = DEFAULT_GLOB) -> Iterator[Path]:
    """Each file named on the command line, and the files under each folder that match
    ``pattern`` (``None``: whose format partyx reads, :func:`partyx.readers.format_of`), walked
    in sorted order (depth-first, without recursion: any depth works).
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


def _walk(top: Path, pattern: str | None) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

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
        elif format_of(entry.name) is not None if pattern is None else path.match(pattern):
            yield path


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else that of a new file (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder's entries) to the disk; best effort."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[int, Path]]:
    """A new temporary file beside ``path`` (its open descriptor and its name) with the mode
    of the file it replaces, renamed onto ``path`` when the block ends (the caller has flushed
    and synced it), the folder synced; removed on any error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode(path))  # mkstemp makes it 0600: give it a normal file's mode
        yield fd, Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync(path.parent)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Write ``path`` through a temporary file beside it: flush, fsync, rename. Until the
    rename the old file stays as it was; on any error the temporary file is removed. A
    ``path`` ending in ``.gz`` (in binary mode) is written gzip-compressed."""
    with _temporary_beside(path) as (fd, _), os.fdopen(fd, mode) as fh:
        if is_gzip(path) and "b" in mode:
            with _GzipWriter(fh) as gz:
                yield cast(IO[Any], gz)
        else:
            yield fh
        fh.flush()
        os.fsync(fh.fileno())


class _GzipWriter:
    """A gzip stream written to ``raw``, with no file name or time in its header (the same
    content gives the same bytes). It can start over (``seek(0)`` then ``truncate()``), as
    :meth:`partyx.run.state.State.write_records` does when it cannot copy the old FILE."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.gz = self._open()
        self.written = 0

    def _open(self) -> gzip.GzipFile:
        return gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, compresslevel=6,
                             mtime=0)

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self.gz.write(data)

    def tell(self) -> int:
        return self.written

    def seek(self, offset: int) -> int:
        if offset != 0:
            raise OSError("a gzip stream can only start over")
        self.gz.close()
        self.raw.seek(0)
        self.raw.truncate()
        self.gz = self._open()
        self.written = 0
        return 0

    def truncate(self) -> int:
        if self.written:
            raise OSError("a gzip stream can only be truncated where it starts")
        return 0

    def flush(self) -> None:
        self.gz.flush()

    def __enter__(self) -> _GzipWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.gz.close()  # writes the gzip trailer; the file itself stays open


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """:func:`atomic_writer` for a writer that opens the file by its name (``sqlite3``): the
    block writes the temporary file it is given, which then replaces ``path``."""
    with _temporary_beside(path) as (fd, tmp):
        os.close(fd)
        yield tmp
        _fsync(tmp)


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """Write the folder ``path``: the block fills a temporary folder beside it, whose files are
    then synced and which takes the place of ``path`` (an old folder there is moved aside,
    then removed). On any error the temporary folder is removed and ``path`` left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    old = None
    try:
        yield tmp
        for file in tmp.iterdir():
            _fsync(file)
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it 0700
        if path.exists():
            old = path.with_name(f".{path.name}.old-{os.getpid()}")
            os.replace(path, old)
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _fsync(path.parent)


def replaceable(output: Path, magic: bytes, source: Path) -> bool:
    """``output`` may be (over)written: it is not ``source`` (the input), and it is absent,
    empty, or a file of the kind being written (its first bytes, case-insensitive, are
    ``magic``)."""
    try:
        if output.resolve() == source.resolve():
            return False
        with output.open("rb") as fh:
            head = fh.read(len(magic))
    except FileNotFoundError:
        return True
    except OSError:
        return not output.exists()
    return not head or head.lower() == magic.lower()


def check_writable(output: Path) -> None:
    """Fail early, before any work, when ``output`` cannot be written: its folder is created
    when missing, then a temporary file is really created and removed beside it (permission
    bits say nothing for root, a read-only mount or a full disk). The :class:`OSError` raised
    names the folder (``filename``), never the probe's temporary name;
    :class:`NotADirectoryError` when a file stands where a folder of the path should be."""
    if output.is_dir():
        raise IsADirectoryError(errors.OUTPUT_IS_A_FOLDER(path=output))
    folder = output.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        existing = next((p for p in [folder, *folder.parents] if p.exists()), folder)
        if not existing.is_dir():
            raise NotADirectoryError(e.errno, "a file, not a folder", str(existing)) from None
        raise OSError(e.errno, e.strerror or str(e), str(existing)) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".probe", dir=folder)
    except OSError as e:
        raise OSError(e.errno, e.strerror or str(e), str(folder)) from None
    os.close(fd)
    os.unlink(tmp)
