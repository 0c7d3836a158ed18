"""The catalogue of user-facing errors: its public names, its codes, its exception tree."""

from __future__ import annotations

import re
import string

import pytest

from partyx import errors
from partyx.errors import Message, PartyxError

EXPORTED = {
    "PartyxError", "ArticleError", "ReadError", "DecodeError", "CommandError", "UsageError",
    "PipelineError", "BadRecord", "Locked", "ExecutorUnavailable", "ExportError",
    "OutputError", "NotRecords", "Interrupted",
    "Message", "MESSAGES",
    "CANNOT_READ", "TOO_LARGE", "GREW_TOO_LARGE", "NOT_A_REGULAR_FILE", "IS_A_FOLDER",
    "SYMLINK_LOOP", "CANNOT_LIST_FOLDER", "EMPTY_FILE", "NO_TEXT", "INVALID_UNICODE",
    "BINARY_SIGNATURE", "NUL_BYTE", "CONTROL_CHARACTERS", "CORRUPT_UTF8", "UNDECODABLE",
    "TIMED_OUT", "WORKER_DIED", "WROTE_UNDECLARED", "OUT_OF_MEMORY",
    "CORRUPT_GZIP", "NO_ARTICLE_TEXT", "PAGE_UNDECODABLE", "ROW_NOT_JSON", "ROW_NOT_OBJECT",
    "ROW_NO_TEXT", "ROW_TOO_LARGE", "DATASET_UNREADABLE", "PARQUET_NEEDS_PYARROW",
    "DATASET_NO_TEXT_COLUMN", "PAGE_UNREADABLE", "BAD_FIELD", "FORMAT_WITHOUT_STDIN", "STDIN_TWICE",
    "UNKNOWN_EXECUTOR", "SHARD_FORMAT", "SHARD_RANGE", "UNKNOWN_FORMAT", "BAD_SINCE",
    "UNKNOWN_TARGET",
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
    "UNKNOWN_BY",  # stats events --by (issue 21)
}
EXCEPTIONS = [v for v in vars(errors).values()
              if isinstance(v, type) and issubclass(v, BaseException)]


def test_the_public_names_are_exactly_these():
    # a name added, removed or renamed here is a change of the public surface: say so here
    assert set(errors.__all__) == EXPORTED
    assert len(errors.__all__) == len(EXPORTED)
    assert all(hasattr(errors, name) for name in errors.__all__)


def test_every_message_is_exported_and_its_code_is_unique():
    messages = {name: v for name, v in vars(errors).items() if isinstance(v, Message)}
    assert set(messages) <= set(errors.__all__)
    codes = [m.code for m in messages.values()]
    assert len(codes) == len(set(codes)), "two messages share a code"
    assert all(re.fullmatch(r"[EW]\d{3}", c) for c in codes)
    assert {m.code: m for m in messages.values()} == errors.MESSAGES


def test_class_codes_are_catalogue_codes_or_their_own():
    for cls in EXCEPTIONS:
        assert issubclass(cls, PartyxError)
        assert re.fullmatch(r"E\d{3}", cls.code)
    # a class whose code no message has: the code is the class's own (E110: the stage graph)
    assert errors.PipelineError.code not in errors.MESSAGES


def test_the_docstring_draws_every_exception():
    tree = errors.__doc__.split("The exceptions::\n\n", 1)[1].split("\n\n", 1)[0]
    drawn = [re.match(r"[\s│├└─]*(\w+)", line).group(1) for line in tree.splitlines()]
    assert sorted(drawn) == sorted(cls.__name__ for cls in EXCEPTIONS)


@pytest.mark.parametrize("cls, bases", [
    (errors.DecodeError, (errors.ArticleError, ValueError)),
    (errors.ReadError, (errors.ArticleError,)),
    (errors.PipelineError, (errors.UsageError, ValueError)),
    (errors.BadRecord, (errors.CommandError, ValueError)),
    (errors.Locked, (errors.CommandError, RuntimeError)),
    (errors.ExecutorUnavailable, (errors.CommandError, RuntimeError)),
    (errors.ExportError, (errors.CommandError,)),
])
def test_the_hierarchy(cls, bases):
    assert all(issubclass(cls, base) for base in bases)


def test_an_error_made_from_a_message_carries_its_text_and_code():
    e = errors.Locked(errors.LOCKED, pid=12, output="out.jsonl")
    assert str(e) == "another partyx run (pid 12) is writing out.jsonl; wait for it, or pass --wait"
    assert e.code == "E304"
    plain = errors.PipelineError("unknown stage 'x'")
    assert str(plain) == "unknown stage 'x'" and plain.code == "E110"


def test_templates_name_their_fields():
    for message in errors.MESSAGES.values():
        fields = {f for _, f, _, _ in string.Formatter().parse(message.text) if f}
        filled = message(**dict.fromkeys(fields, 1))
        assert "{" not in filled
    assert errors.SKIPPED_LINE.coded(path="f", line=3, reason="x") == "f:3: skipped: x [W002]"
