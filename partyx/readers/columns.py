"""An article's fields among a dataset row's columns.

A dataset row (a JSON object, a CSV record, a Parquet row) has columns named as its maker
liked. :class:`Columns` finds each field of the article by the usual names of its column
(``data/columns.json``: text ``text``/``content``/``body``, title ``title``/``headline``,
lead ``sapo``/``description``/``summary``, published ``published``/``publish_date``/``date``,
outlet ``source``/``outlet``/``publisher``, authors ``author``/``authors``, ``url``, id
``id``/``_id``/``guid`` …), compared without case and with ``-``, `` `` and ``_`` alike;
``--field text=noi_dung`` names any other column (a dotted name reaches into nested JSON).

:meth:`Columns.fields` gives a row's fields as plain JSON values (the publication time already
in the record's form): what a row's record is made from, and so what its content key
(:func:`content_key`) is computed over. :func:`page_of` makes the :class:`~.page.Page` of those
fields in the worker; a text column holding HTML markup is read as a page fragment.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

import orjson

from partyx import errors
from partyx.data import load
from partyx.errors import UsageError
from partyx.readers.page import Page, stated_time

__all__ = ["FIELDS", "Columns", "Row", "RowError", "content_key", "page_of", "parse_fields"]

# The fields of an article a dataset row may hold, in the order of data/columns.json.
FIELDS = ("text", "title", "lead", "published", "outlet", "authors", "section", "url", "id")
_MARKUP = re.compile(
    r"<(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|article|section|span|strong|em|b|i|a|img|"
    r"figure|blockquote)\b[^<>]{0,2000}>", re.IGNORECASE)


class RowError(Exception):
    """A row that gives no article (its message names the row and why); ``row_id``: the
    row's own id, when it has one."""

    def __init__(self, message: str, row_id: str | None = None) -> None:
        super().__init__(message)
        self.row_id = row_id


class Row(NamedTuple):
    """One row of a dataset file as its reader found it: its number (the line where it starts
    in JSON lines and CSV, its place from 1 in Parquet), ``where`` for messages (``line 7``,
    ``row 7``), its columns, or why it could not be read."""

    number: int
    where: str
    values: Mapping[str, Any] | None
    error: str | None = None


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().casefold())


@cache
def _usual() -> dict[str, tuple[str, ...]]:
    columns = load("columns")["columns"]
    return {f: tuple(_key(n) for n in columns[f]) for f in FIELDS}


def parse_fields(values: list[str] | None) -> dict[str, str]:
    """``["text=noi_dung", "title=tieu_de"]`` -> ``{"text": "noi_dung", …}``;
    :class:`~partyx.errors.UsageError` for anything else."""
    out: dict[str, str] = {}
    for value in values or []:
        name, sep, column = value.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or name not in FIELDS or not column:
            raise UsageError(errors.BAD_FIELD, fields=", ".join(FIELDS), text=value)
        out[name] = column
    return out


class Columns:
    """Which column holds which field, for rows with given column names (resolved once per
    distinct set of names: the rows of a file mostly share theirs)."""

    def __init__(self, named: Mapping[str, str] | None = None) -> None:
        self.named = dict(named or {})
        self._plans: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}

    def plan(self, names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """field -> the path of its column among ``names`` (a dotted ``--field`` name is a
        path into nested objects); fields without a column are left out."""
        plan = self._plans.get(names)
        if plan is not None:
            return plan
        by_key: dict[str, str] = {}
        for name in names:
            by_key.setdefault(_key(name), name)
        plan = {}
        for field in FIELDS:
            named = self.named.get(field)
            if named is not None:
                if named in names:
                    plan[field] = (named,)
                elif _key(named) in by_key:
                    plan[field] = (by_key[_key(named)],)
                elif "." in named:
                    plan[field] = tuple(named.split("."))
                continue
            for usual in _usual()[field]:
                if usual in by_key:
                    plan[field] = (by_key[usual],)
                    break
        if len(self._plans) < 64:
            self._plans[names] = plan
        return plan

    def columns_for(self, field: str) -> str:
        """The columns tried for ``field``, for a message: ``text, content, body …``."""
        if field in self.named:
            return repr(self.named[field])
        return ", ".join(load("columns")["columns"][field])

    def fields(self, row: Mapping[str, Any], where: str) -> tuple[dict[str, Any], str | None]:
        """``(fields, row_id)`` of one row: the article's fields as plain JSON values (only
        those with a value); :class:`RowError` naming ``where`` when there is no text."""
        plan = self.plan(tuple(row))
        out: dict[str, Any] = {}
        row_id = None
        for field, path in plan.items():
            value = _get(row, path)
            if value is None:
                continue
            if field == "published":
                value = stated_time(value)
            elif field == "authors":
                value = _strings(value)
            elif field == "text":
                value = _text(value)
            elif field == "id":
                value = _scalar(value)
                if value is not None:
                    row_id = value
                continue
            else:
                value = _scalar(value)
            if value:
                out[field] = value
        if "text" not in out:
            raise RowError(errors.ROW_NO_TEXT(where=where, columns=self.columns_for("text")),
                           row_id)
        return out, row_id


def _get(row: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = row
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def _text(value: Any) -> str | None:
    """A text column: a string, or a list of paragraphs."""
    if isinstance(value, list):
        value = "\n".join(x for x in value if isinstance(x, str))
    return value if isinstance(value, str) and value.strip() else None


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else None
    if isinstance(value, list):
        out = [x.strip() for x in value if isinstance(x, str) and x.strip()]
        # [{"name": "…"}]: authors as objects
        out += [x["name"].strip() for x in value
                if isinstance(x, dict) and isinstance(x.get("name"), str) and x["name"].strip()]
        return out or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"].strip()] if value["name"].strip() else None
    return None


def content_key(fmt: str, encoding: str | None, fields: Mapping[str, Any]) -> tuple[str, bytes]:
    """``(sha256, content)``: the canonical JSON of what a row's record is made from, and its
    hash. Rows with the same content give the same record but for their id and row number, so
    the incremental state reuses a record by this key whatever the row's place in a dump."""
    content = orjson.dumps({"format": fmt, "encoding": encoding, "fields": fields},
                           option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(content).hexdigest(), content


def page_of(fields: Mapping[str, Any]) -> Page:
    """The :class:`Page` of a row's fields (as :meth:`Columns.fields` gave them)."""
    text = fields["text"]
    if len(_MARKUP.findall(text[:20000])) >= 2:  # the column holds the article's markup
        from partyx.readers.html import extract_text

        with contextlib.suppress(Exception):  # markup that trips trafilatura: read as it is
            text = extract_text(text) or text
    return Page(text=text, title=fields.get("title"), lead=fields.get("lead"),
                published=fields.get("published"), authors=tuple(fields.get("authors") or ()),
                outlet=fields.get("outlet"), section=fields.get("section"),
                url=fields.get("url"))
