"""What runs where the stages run: in a worker process (:mod:`partyx.run.executors.local`) or
on a Dask worker (:mod:`partyx.run.executors.dask`).

:func:`init_worker` builds the pipeline once per process (stages are not shipped between
processes), with the instances of partyx's own stages that :func:`warm_up` ran in the parent
before it forked; a plugin's stage is built and run only here, never in the parent. Then for each
:class:`~partyx.run.plan.Task`, :func:`process_task` reads the file (:func:`read_article`:
``fstat`` + bytes + sha256); when the bytes are those already processed it stops there (the
:class:`Result` has no record), else it reads the article in the reader of its format
(:mod:`partyx.readers`: a text file is decoded, a page's text and metadata extracted, a
``.gz`` decompressed first), runs the stages and returns the record as a packed JSON line. A
dataset row or standard input is read from the run's spool (:func:`read_spooled`). A worker
lost on a task (time limit, crash) is answered for by
:func:`timed_out` and :func:`worker_died`, in the process that runs the executor.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from partyx import errors, io
from partyx.pipeline import Pipeline, Stage, build, trusted
from partyx.readers import format_of, is_gzip
from partyx.readers.page import compose
from partyx.record import COUNTED, Article, Error, Source
from partyx.run.plan import Task
from partyx.run.spool import DOCUMENT, ROW, read_entry
from partyx.run.state import pack
from partyx.run.stories import Signature, sign


@dataclass(slots=True)
class Result:
    """One processed article, as sent back by a worker."""

    id: str
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    record: bytes | None  # the JSON line, packed (partyx.run.state.pack); None: bytes unchanged
    errors: list[Error]
    found: dict[str, int]  # items per counted field (partyx.record.COUNTED)
    tracebacks: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    story: Signature | None = None  # what matching it with other outlets' copies needs


@dataclass(slots=True)
class Reading:
    """An article file as read: the article (text in ``raw``, or a ``read`` error) and the
    file's stat when it was opened."""

    article: Article
    size: int | None = None
    mtime_ns: int | None = None
    unchanged: bool = False  # its bytes are the known ones: not decoded


# This process's pipeline, the (only, skip) it was built for, the stage instances the warm-up
# made (partyx's own, inherited by forked workers), the shared integer set to 1 + the index of
# the running stage, and the size limit of a file.
_PIPELINE: Pipeline | None = None
_PIPELINE_KEY: tuple[list[str] | None, list[str]] | None = None
_WARM: dict[str, Stage] = {}
_PHASE: Any = None
_MAX_BYTES = io.MAX_BYTES
_MAX_MEMORY: int | None = None


def init_worker(only: list[str] | None, skip: list[str], max_bytes: int = io.MAX_BYTES,
                max_memory: int | None = None, phase: Any = None) -> None:
    """Build the pipeline once per worker process, with the warmed-up instances a forked
    worker inherited (see :func:`warm_up`). ``phase``: a shared integer set to 1 + the index of
    the running stage. ``max_memory``: the bytes this process may allocate beyond what it holds
    now (:func:`limit_memory`)."""
    global _PIPELINE, _PIPELINE_KEY, _PHASE, _MAX_BYTES, _MAX_MEMORY
    if max_memory:
        limit_memory(max_memory)
    _MAX_MEMORY = max_memory or None
    if _PIPELINE is None or (only, skip) != _PIPELINE_KEY:
        _PIPELINE, _PIPELINE_KEY = build(only, skip, made=_WARM), (only, skip)
    _PHASE = phase
    _MAX_BYTES = max_bytes


def limit_memory(extra: int) -> None:
    """Let this process's address space grow by at most ``extra`` bytes (``RLIMIT_AS``): an
    allocation past it fails at once with :class:`MemoryError` in the stage that asked, which
    the pipeline records as that stage's error (:func:`process_task` says it was the limit),
    instead of the machine swapping or the kernel's OOM killer choosing a process. Where the
    limit cannot be set (not POSIX), nothing is limited."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    now = _address_space()
    if now is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = now + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux ``/proc``), None elsewhere."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


# A small article in the genre, run once before worker processes are forked.
WARM_UP_TEXT = """Hà Nội
01/02/2021 08:00

Hội nghị Ban Chấp hành Đảng bộ huyện Gia Lâm

Sáng 1/2, Ban Thường vụ Huyện ủy Gia Lâm tổ chức hội nghị sơ kết 5 năm thực hiện Nghị quyết \
số 15-NQ/TU ngày 4/7/2017 của Ban Thường vụ Thành ủy Hà Nội. Đồng chí Nguyễn Văn An, Ủy viên \
Ban Thường vụ Thành ủy, Bí thư Huyện ủy chủ trì hội nghị. Đại hội Đảng bộ huyện lần thứ XX, \
nhiệm kỳ 2020-2025 đã đề ra các mục tiêu. Đảng bộ huyện có 54 tổ chức cơ sở đảng với 19.908 \
đảng viên.

Nguyễn Bình
"""


class _WarmUpTimeout(BaseException):
    """Raised by SIGALRM in a warm-up that takes too long (not an Exception: stages must not
    catch it)."""


def warm_up(stages: list[type[Stage]], seconds: float | None) -> None:
    """Build partyx's own ``stages`` (:func:`partyx.pipeline.trusted`) in this process and run
    them once on :data:`WARM_UP_TEXT`, so that their lazy loads (gazetteers, compiled patterns)
    happen once here: forked workers, replacements and recycled ones included, inherit them
    instead of each paying for them again (:func:`init_worker`). A plugin's stage is neither
    built nor run here: its code runs only in the workers, where a crash, an ``os._exit`` or a
    hang costs the articles it touched, never the run. Errors are ignored (the real articles
    will report them); a warm-up longer than ``seconds`` is abandoned (SIGALRM, main thread
    only)."""
    global _PIPELINE, _PIPELINE_KEY, _WARM
    _PIPELINE, _PIPELINE_KEY = None, None
    _WARM = {cls.name: cls() for cls in stages if trusted(cls)}
    pipeline = Pipeline([_WARM[cls.name] for cls in stages if cls.name in _WARM])
    article = Article(id="warm-up", source=_empty_source("warm-up"),
                      raw=io.decode(WARM_UP_TEXT.encode()).text)
    alarm = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
             and threading.current_thread() is threading.main_thread())

    def expire(signum: int, frame: Any) -> None:
        raise _WarmUpTimeout

    previous = signal.signal(signal.SIGALRM, expire) if alarm else None
    try:
        if alarm and seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        pipeline.run(article)
    except _WarmUpTimeout:
        pass
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _set_phase(i: int) -> None:
    _PHASE.value = i + 1


def _empty_source(path: str, fmt: str | None = None) -> Source:
    return {"path": path, "sha256": None, "bytes": None, "encoding": None, "format": fmt,
            "url": None, "row": None}


def _read_error(article: Article, e: Exception) -> None:
    """Add the ``read`` error: the reason from :mod:`partyx.io`; the traceback for --debug."""
    article.errors.append({"stage": "read", "error": io.display(str(e))})
    article.extras["_tracebacks"] = [traceback.format_exc()]


def read_article(path: str | Path, article_id: str, max_bytes: int = io.MAX_BYTES,
                 known_sha256: str | None = None) -> Reading:
    """The article of ``path`` as every run reads it: the file's bytes
    (:func:`partyx.io.read_file`), their sha256, and the text in ``raw`` (and, for a page,
    what it states in ``stated``) as the reader of its format gives them (:func:`_fill`). A
    file that cannot be read or decoded gives an article with a ``read`` error and no text;
    one whose bytes hash to ``known_sha256`` is not decoded."""
    fmt = format_of(path) or "txt"
    article = Article(id=article_id, source=_empty_source(io.display(str(path)), fmt))
    try:
        data, st = io.read_file(path, max_bytes)
    except io.ReadError as e:
        _read_error(article, e)
        return Reading(article)
    reading = Reading(article, st.st_size, st.st_mtime_ns)
    sha = io.sha256(data)
    if sha == known_sha256:
        article.source["sha256"] = sha
        reading.unchanged = True
        return reading
    article.source["sha256"] = sha
    article.source["bytes"] = len(data)
    try:
        if is_gzip(path):
            data = io.gunzip(data, max_bytes)
        _fill(article, fmt, data)
    except (io.DecodeError, io.ReadError) as e:
        _read_error(article, e)
    return reading


def _fill(article: Article, fmt: str, data: bytes) -> None:
    """Read ``data`` in the reader of ``fmt`` (``txt``, ``stdin``: a text article; ``html``):
    ``raw``, ``stated``, ``source.encoding`` and ``source.url``. Raises what the reader does."""
    if fmt == "html":
        from partyx.readers import html

        page, encoding = html.read(data)
        article.raw, article.stated = compose(page)
        article.source["url"] = article.stated.url
    else:
        decoded = io.decode(data)
        article.raw, encoding = decoded.text, decoded.encoding
    article.source["encoding"] = encoding


def read_spooled(task: Task) -> Reading:
    """The article of a task the run read itself (a dataset row, standard input) from its
    spool entry (:mod:`partyx.run.spool`)."""
    assert task.entry is not None
    article = Article(id=task.id, source=_empty_source(io.display(task.path)))
    try:
        entry = read_entry(task.entry)
    except (OSError, ValueError) as e:  # the spool is gone (a run killed, a temp cleaner)
        article.errors.append({"stage": "read", "error": errors.CANNOT_READ(reason=e)})
        return Reading(article)
    if entry.kind == ROW:
        from partyx.readers.columns import page_of

        content = orjson.loads(entry.content)
        source = article.source
        source["sha256"], source["bytes"] = entry.key, len(entry.content)
        source["encoding"], source["format"] = content["encoding"], content["format"]
        source["row"] = entry.row
        try:
            article.raw, article.stated = compose(page_of(content["fields"]))
        except io.DecodeError as e:
            _read_error(article, e)
            return Reading(article)
        article.source["url"] = article.stated.url
    elif entry.kind == DOCUMENT:
        article.source["sha256"] = io.sha256(entry.content)
        article.source["bytes"] = len(entry.content)
        article.source["format"] = entry.format
        try:
            _fill(article, entry.format or "stdin", entry.content)
        except (io.DecodeError, io.ReadError) as e:
            _read_error(article, e)
    else:
        article.source["format"], article.source["row"] = entry.format, entry.row
        article.errors.append({"stage": "read", "error": entry.error or ""})
    return Reading(article)


def process_task(task: Task) -> Result:
    """Worker function (see module docstring). The task's id comes JSON-safe from
    :func:`partyx.run.plan.assign_ids`."""
    assert _PIPELINE is not None, "init_worker was not called"
    if task.entry is not None:
        reading = read_spooled(task)
    else:
        reading = read_article(task.path, task.id, _MAX_BYTES, task.known_sha256)
    article = reading.article
    if reading.unchanged:
        return Result(article.id, article.source["path"], reading.size, reading.mtime_ns,
                      article.source["sha256"], None, [], {})
    timings: dict[str, float] = {}
    if not article.errors:
        _PIPELINE.timings = timings = dict.fromkeys(_PIPELINE.names, 0.0)
        _PIPELINE.run(article, on_stage=_set_phase if _PHASE is not None else None)
        if _MAX_MEMORY:
            for err in article.errors:
                if err["error"].startswith("MemoryError"):
                    err["error"] = errors.OUT_OF_MEMORY(limit=size_text(_MAX_MEMORY))
    result = _result(article, reading.size, reading.mtime_ns, timings)
    result.story = sign(article.text, article.published)
    return result


def size_text(n: int) -> str:
    """``1.5 GB``, ``500 MB``: a byte count as the ``--max-memory`` option reads it."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def _result(article: Article, size: int | None, mtime_ns: int | None,
            timings: dict[str, float] | None = None) -> Result:
    record = article.to_record()
    fields: dict[str, Any] = dict(record)  # the counted fields are named at run time
    return Result(
        article.id, record["source"]["path"], size, mtime_ns, record["source"]["sha256"],
        pack(orjson.dumps(record)), article.errors, {n: len(fields[n]) for n in COUNTED},
        article.extras.get("_tracebacks", []), timings or {})


def _lost(task: Task, stage: str, error: str) -> Result:
    """The result of an article whose worker was lost: a record with the error, and no stat
    or sha256, so that the next run tries the article again."""
    article = Article(id=task.id, source=_empty_source(io.display(task.path)))
    article.errors.append({"stage": stage, "error": error})
    return _result(article, None, None)


def _stage_at(names: tuple[str, ...], phase: int, default: str) -> str:
    """The stage a worker was in (``phase``: 1 + its index; 0: none)."""
    return names[phase - 1] if 0 < phase <= len(names) else default


def timed_out(task: Task, names: tuple[str, ...], phase: int, seconds: float) -> Result:
    """The result of an article still running after ``seconds`` (its worker was killed)."""
    return _lost(task, _stage_at(names, phase, "timeout"), errors.TIMED_OUT(seconds=seconds))


def worker_died(task: Task, names: tuple[str, ...], phase: int, code: int | None,
                where: str | None = None) -> Result:
    """The result of an article whose worker process died (``code``: its exit code, minus
    the signal that killed it; None: not known, as on a Dask worker, ``where``)."""
    if code is None:
        how = f"on {where}" if where else "exit code unknown"
    else:
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
    return _lost(task, _stage_at(names, phase, "worker"), errors.WORKER_DIED(how=how))
