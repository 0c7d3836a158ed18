"""Every error and warning partyx shows a user: one exception hierarchy, one catalogue of texts.

Each text has a short code that does not change (``E304``): partyx prints it at the end of the
line (``partyx: error: another partyx run (pid 12) is writing out.jsonl; wait for it, or pass
--wait [E304]``), so a message can be looked up here, in the README or in an issue whatever
its details. Codes are never reused; a message that goes away keeps its code retired.

- ``E0xx``: an article file that cannot be read. Not fatal: the run goes on, and the text is
  the ``error`` of the record's ``{"stage": "read", …}`` (or, for ``E02x``, of the stage that
  was running). These texts are part of the record (SPEC.md), so they are written without the
  code; change one and the records change.
- ``E1xx``: an option or argument that cannot work; ``E2xx``: input that is missing or not
  records; ``E3xx``: output that cannot be written; ``E4xx``: an optional dependency missing, or
  an executor that cannot run. The command stops with exit code 2.
- ``E5xx``: the run was stopped by Ctrl-C or SIGTERM (exit code 130 or 143) after committing
  what it had done.
- ``Wxxx``: warnings (``partyx: warning: … [W002]``); the command goes on.

The exceptions::

    PartyxError                     every error partyx reports; .code, str() is the text
    ├── ArticleError                one article file cannot be read; the run goes on
    │   ├── ReadError               missing, not a regular file, unreadable, too large
    │   └── DecodeError             its bytes are not text partyx can read (a ValueError)
    ├── CommandError                the command stops: exit code 2
    │   ├── UsageError              an option or argument that cannot work
    │   │   └── PipelineError       the stages asked for do not form a pipeline (a ValueError)
    │   ├── BadRecord               a line that is not a record, with --strict (a ValueError)
    │   ├── Locked                  another run is writing the same FILE (a RuntimeError)
    │   ├── ExecutorUnavailable     the executor cannot run here (a RuntimeError)
    │   ├── ExportError             an export or report that cannot be written there
    │   ├── OutputError             extract's FILE cannot be written there
    │   └── NotRecords              a file given as records that is not partyx records
    └── Interrupted                 Ctrl-C or SIGTERM stopped a run: exit code 130 or 143

Raise an error with its catalogue entry and the entry's fields:
``raise Locked(LOCKED, pid=pid, output=output)``; ``str(error)`` is the text, ``error.code``
the code. A plain string works too (``PipelineError("unknown stage 'x'")``): the class's code.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    # the exceptions
    "PartyxError", "ArticleError", "ReadError", "DecodeError", "CommandError", "UsageError",
    "PipelineError", "BadRecord", "Locked", "ExecutorUnavailable", "ExportError",
    "OutputError", "NotRecords", "Interrupted",
    # the catalogue
    "Message", "MESSAGES",
    "CANNOT_READ", "TOO_LARGE", "GREW_TOO_LARGE", "NOT_A_REGULAR_FILE", "IS_A_FOLDER",
    "SYMLINK_LOOP", "CANNOT_LIST_FOLDER", "EMPTY_FILE", "NO_TEXT", "INVALID_UNICODE",
    "BINARY_SIGNATURE", "NUL_BYTE", "CONTROL_CHARACTERS", "CORRUPT_UTF8", "UNDECODABLE",
    "TIMED_OUT", "WORKER_DIED", "WROTE_UNDECLARED", "OUT_OF_MEMORY",
    "CORRUPT_GZIP", "NO_ARTICLE_TEXT", "PAGE_UNDECODABLE", "ROW_NOT_JSON", "ROW_NOT_OBJECT",
    "ROW_NO_TEXT", "ROW_TOO_LARGE", "DATASET_UNREADABLE", "PARQUET_NEEDS_PYARROW",
    "DATASET_NO_TEXT_COLUMN", "PAGE_UNREADABLE",
    "BAD_FIELD", "FORMAT_WITHOUT_STDIN", "STDIN_TWICE",
    "UNKNOWN_EXECUTOR", "SHARD_FORMAT", "SHARD_RANGE", "UNKNOWN_FORMAT", "BAD_SINCE",
    "UNKNOWN_TARGET",
    "UNKNOWN_BY",
    "NO_SUCH_PATH", "NO_SUCH_RECORDS_FILE", "STRICT_BAD_LINE", "STRICT_NOTHING_WRITTEN",
    "CANNOT_READ_RECORDS",
    "CANNOT_WRITE_OUTPUT", "OUTPUT_IS_A_FOLDER", "CANNOT_WRITE_STATE", "CANNOT_WRITE_REPORT",
    "LOCKED", "NOT_A_SQLITE_DATABASE", "NOT_AN_HTML_REPORT", "SQLITE_OUT_IS_A_FOLDER",
    "NOT_AN_EXPORT_FOLDER", "CANNOT_WRITE", "CANNOT_EXPORT",
    "EXECUTOR_UNAVAILABLE", "PARQUET_UNAVAILABLE",
    "NOT_WITH_DASK", "CONTRADICTION", "NO_STAGES", "BAD_SIZE", "NOT_RECORDS",
    "RECORDS_FILE_IS_A_FOLDER", "NO_RECORD_READ",
    "OUTPUT_UNDER_A_FILE", "OUTPUT_FOLDER_REFUSES", "DASK_FAILED", "INTERRUPTED",
    "INTERRUPTED_STDOUT", "INTERRUPTED_EARLY", "STATE_SET_ASIDE", "DUPLICATE_IDS", "SKIPPED_RECORD",
    "PLUGIN_LEFT_OUT", "SKIPPED_LINE", "NOT_SORTED", "DUPLICATE_RECORD",
    "NOT_JSON", "NOT_A_RECORD", "OTHER_SCHEMA",
]


@dataclass(frozen=True, slots=True)
class Message:
    """One text of the catalogue: ``code`` and a :meth:`str.format` template."""

    code: str
    text: str

    def __call__(self, **fields: object) -> str:
        """The text with ``fields`` filled in."""
        return self.text.format(**fields)

    def coded(self, **fields: object) -> str:
        """The text with its code, as printed: ``… [W002]``."""
        return f"{self(**fields)} [{self.code}]"


# --- the exceptions --------------------------------------------------------------------------


class PartyxError(Exception):
    """Every error partyx reports to a user. ``str(error)`` is the text, ``error.code`` its
    code in the catalogue."""

    code = "E000"

    def __init__(self, message: Message | str = "", /, **fields: object) -> None:
        if isinstance(message, Message):
            self.code = message.code
            message = message(**fields)
        super().__init__(message)


class ArticleError(PartyxError):
    """One article file cannot be read: the run goes on and the record says why."""


class ReadError(ArticleError):
    """A file could not be read; the message is the reason, for the run summary."""

    code = "E001"


class DecodeError(ArticleError, ValueError):
    """The bytes of a file are not text partyx can read."""

    code = "E017"


class CommandError(PartyxError):
    """The command cannot do what it was asked: it stops with exit code 2."""


class UsageError(CommandError):
    """An option or argument that cannot work."""


class PipelineError(UsageError, ValueError):
    """The requested stages do not form a valid pipeline (reported before any file is read)."""

    code = "E110"


class BadRecord(CommandError, ValueError):
    """A line of a records file that is not a record (raised only in strict mode)."""

    code = "E203"


class Locked(CommandError, RuntimeError):
    """Another run holds the lock of this output FILE."""

    code = "E304"


class ExecutorUnavailable(CommandError, RuntimeError):
    """The executor asked for cannot run here (its optional dependency is not installed)."""

    code = "E401"


class ExportError(CommandError):
    """An export or report that cannot be done (missing extra, OUT in the way); the message
    says why."""


class OutputError(CommandError):
    """FILE of ``partyx extract`` cannot be written where it is asked for (checked before any
    article is read); the message says why in plain words."""

    code = "E301"


class NotRecords(CommandError):
    """A file given to ``stats``, ``merge``, ``export`` or ``report`` that is not partyx records
    (compressed, a database, an article …); the message names what it looks like."""

    code = "E206"


class Interrupted(PartyxError):
    """The run was stopped by a signal (Ctrl-C: SIGINT, or SIGTERM) after it committed what it
    had done; :attr:`exit_code` is 128 + the signal's number (130, 143)."""

    code = "E501"

    def __init__(self, message: Message | str = "", /, *, signum: int = 2,
                 **fields: object) -> None:
        super().__init__(message, **fields)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


# --- E0xx: an article file that cannot be read (the text is the record's error) ---------------

CANNOT_READ = Message("E001", "cannot read: {reason}")
TOO_LARGE = Message("E002", "too large: {size} bytes (limit {limit}, see --max-bytes)")
GREW_TOO_LARGE = Message("E003", "too large: more than {limit} bytes (limit: --max-bytes)")
NOT_A_REGULAR_FILE = Message("E004", "not a regular file ({kind})")
IS_A_FOLDER = Message("E005", "is a folder")
SYMLINK_LOOP = Message("E006", "symlink loop: points to {target}, a folder already walked")
CANNOT_LIST_FOLDER = Message("E007", "cannot list folder: {reason}")
EMPTY_FILE = Message("E010", "empty file")
NO_TEXT = Message("E011", "no text: the file holds only whitespace")
INVALID_UNICODE = Message("E012", "invalid {encoding} at byte {offset}")
BINARY_SIGNATURE = Message("E013", "binary file ({kind}), not text")
NUL_BYTE = Message("E014", "binary or corrupt: NUL byte at offset {offset}")
CONTROL_CHARACTERS = Message(
    "E015", "binary content: {controls} control characters in the first {sample} characters")
CORRUPT_UTF8 = Message("E016", "corrupt UTF-8: invalid {where}")
UNDECODABLE = Message(
    "E017", "cannot be decoded: not UTF-8 (invalid {where}) and not recognisably Vietnamese in "
            "Windows-1258, TCVN3 or VNI")
# the error of the stage that was running when its worker was lost
TIMED_OUT = Message("E020", "timed out after {seconds:g} s")
WORKER_DIED = Message("E021", "worker process died ({how})")
WROTE_UNDECLARED = Message("E022", "changed {fields}, which it does not provide (undone)")
OUT_OF_MEMORY = Message("E023", "memory limit exceeded: more than {limit} (--max-memory)")
# pages, datasets and compressed files (partyx.readers); ``where`` names the row of a dataset:
# ``line 7`` (JSON lines, CSV), ``row 7`` (Parquet)
CORRUPT_GZIP = Message("E030", "corrupt gzip data: {error}")
NO_ARTICLE_TEXT = Message("E031", "no article text found in the page")
PAGE_UNDECODABLE = Message("E032", "cannot be decoded as {encoding} ({why})")
ROW_NOT_JSON = Message("E033", "{where}: not JSON ({error})")
ROW_NOT_OBJECT = Message("E034", "{where}: not a JSON object")
ROW_NO_TEXT = Message("E035", "{where}: no text (no value in a column named {columns})")
ROW_TOO_LARGE = Message("E036", "{where}: too large: {size} bytes (limit {limit}, see --max-bytes)")
DATASET_UNREADABLE = Message("E037", "cannot read the dataset{where}: {error}")
PARQUET_NEEDS_PYARROW = Message(
    "E038", "reading Parquet needs pyarrow: pip install 'partyx[parquet]'")
PAGE_UNREADABLE = Message("E040", "the page's text cannot be extracted ({error})")
DATASET_NO_TEXT_COLUMN = Message(
    "E039", "no text column (tried {columns}; the file has {names}); name it with "
            "--field text=COLUMN")

# --- E1xx: an option or argument that cannot work ---------------------------------------------

UNKNOWN_EXECUTOR = Message("E101", "unknown executor {name!r} (local, dask)")
SHARD_FORMAT = Message("E102", "--shard wants I/N (e.g. 0/4), not {text!r}")
SHARD_RANGE = Message("E103", "--shard {text}: I must be in 0..N-1 and N >= 1")
UNKNOWN_FORMAT = Message("E104", "unknown format {name!r}; choose one of {choices}")
BAD_SINCE = Message("E105", "--since wants a date like 2021-03-24, 2021-03 or 2021, not {text!r}")
UNKNOWN_TARGET = Message("E106", "unknown target {name!r}; choose one of {choices}")
NOT_WITH_DASK = Message(
    "E107", "{option} is not applied by --executor dask (a Dask worker runs its tasks in threads, "
            "which cannot be stopped or limited one at a time); leave {option} out, or set the "
            "cluster's own limits (dask worker --memory-limit, --lifetime)")
CONTRADICTION = Message("E108", "{first} contradicts {second}: {why}")
NO_STAGES = Message("E109", "--stages names no stage; leave it out to run the default stages")
BAD_SIZE = Message(
    "E111", "--max-memory wants a size such as 500M, 2G or 0 (no limit), not {text!r}")
BAD_FIELD = Message("E120", "--field wants FIELD=COLUMN with FIELD one of {fields}, not {text!r}")
FORMAT_WITHOUT_STDIN = Message(
    "E121", "--format says what standard input holds: give '-' among the paths")
STDIN_TWICE = Message("E122", "standard input ('-') can be read only once")
UNKNOWN_BY = Message("E130", "--by wants story or article, not {text!r}")
# E110: PipelineError. Its texts are written where the graph is checked (partyx.pipeline): an
# unknown stage, a plugin that failed to load, a field provided twice, a missing provider, a
# cycle.

# --- E2xx: input that is missing or not records -----------------------------------------------

NO_SUCH_PATH = Message("E201", "no such file or folder: {path}")
NO_SUCH_RECORDS_FILE = Message("E202", "no such records file: {path}")
STRICT_BAD_LINE = Message("E203", "{line} (--strict)")
STRICT_NOTHING_WRITTEN = Message("E204", "{line} (--strict); nothing written")
CANNOT_READ_RECORDS = Message("E205", "cannot read {path}: {error}")
NOT_RECORDS = Message("E206", "{path} is not a partyx records file: it looks like {what}")
RECORDS_FILE_IS_A_FOLDER = Message("E207", "{path} is a folder, not a records file{hint}")
NO_RECORD_READ = Message(
    "E208", "no record of this partyx ({schema}) in {path}: its {skipped} lines were skipped")

# --- E3xx: output that cannot be written ------------------------------------------------------

CANNOT_WRITE_OUTPUT = Message(
    "E301", "cannot write output{where}: {reason}; the previous {output} is left as it was")
OUTPUT_IS_A_FOLDER = Message("E302", "cannot write output {path}: it is a folder")
CANNOT_WRITE_STATE = Message(
    "E303", "cannot write the state beside {output}: {error}; the previous {output} is left "
            "as it was")
LOCKED = Message(
    "E304", "another partyx run (pid {pid}) is writing {output}; wait for it, or pass --wait")
CANNOT_WRITE_REPORT = Message("E305", "cannot write report {path}: {error}")
CANNOT_WRITE = Message("E306", "cannot write {path}: {error}")
NOT_A_SQLITE_DATABASE = Message(
    "E307", "{path} exists and is not a SQLite database; not overwriting it")
NOT_AN_HTML_REPORT = Message("E308", "{path} exists and is not an HTML report; not overwriting it")
SQLITE_OUT_IS_A_FOLDER = Message("E309", "{path} is a folder; a SQLite export is one file")
NOT_AN_EXPORT_FOLDER = Message(
    "E310", "{path} exists and is not a previous partyx export; choose another OUT or remove it")
CANNOT_EXPORT = Message("E311", "cannot export to {path}: {error}")
OUTPUT_UNDER_A_FILE = Message(
    "E312", "cannot write output {output}: {file} is a file, not a folder")
OUTPUT_FOLDER_REFUSES = Message(
    "E313", "cannot write output {output}: the folder {folder} does not take new files ({reason})")

# --- E4xx: an optional dependency that is not installed, an executor that cannot run ------------

EXECUTOR_UNAVAILABLE = Message(
    "E401", "--executor dask needs dask.distributed ({error}); install it with: "
            "pip install 'partyx[dask]'")
PARQUET_UNAVAILABLE = Message("E402", "Parquet export needs pyarrow: pip install 'partyx[parquet]'")
DASK_FAILED = Message(
    "E403", "the Dask workers could not run partyx ({error}); they need partyx and the same "
            "plugins installed, and the articles at the same paths")

# --- E5xx: the run was stopped ------------------------------------------------------------------

INTERRUPTED = Message(
    "E501", "interrupted: {committed} committed to the state beside {output}; run again to go on")
INTERRUPTED_EARLY = Message(
    "E503", "interrupted before any article was processed; nothing was changed")
INTERRUPTED_STDOUT = Message(
    "E502", "interrupted: {written} written to standard output; the other articles were not "
            "processed")

# --- Wxxx: warnings ----------------------------------------------------------------------------

PLUGIN_LEFT_OUT = Message("W001", "plugin stage {name!r} failed to load and is left out: {error}")
SKIPPED_LINE = Message("W002", "{path}:{line}: skipped: {reason}")
NOT_SORTED = Message("W003", "{path}: not sorted by id; sorting it in memory")
DUPLICATE_RECORD = Message("W004", "record {id!r} appears twice; the second is skipped")
STATE_SET_ASIDE = Message(
    "W005", "the state {state} could not be used ({error}); it was moved aside to {aside} and a "
            "new one is built from {output}: the articles are processed again")
SKIPPED_RECORD = Message("W007", "a record with id {id!r} (not a string) is skipped")
DUPLICATE_IDS = Message(
    "W006", "{path}: {n} {records} an id that a later line has too (the first: {id!r}, line "
            "{line}); the last record of each id is kept")
# the reasons of SKIPPED_LINE (and, with --strict, of BadRecord: STRICT_BAD_LINE)
NOT_JSON = "not JSON ({error})"
NOT_A_RECORD = "not a record object (no 'id')"
OTHER_SCHEMA = "schema {schema!r}, this partyx writes {expected!r}"

# Every entry by code.
MESSAGES: dict[str, Message] = {
    m.code: m for m in globals().copy().values() if isinstance(m, Message)}
