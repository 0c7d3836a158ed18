"""One view result printed in the format asked for: table, JSON, CSV or Markdown.

A view computes a :class:`ViewResult`: ``data`` (nested, for JSON) and ``sections`` (flat rows,
for the other formats). CSV gets plain values (numbers unformatted, lists joined with ``; ``) and
one table; a view with several sections gets a leading ``section`` column. Table and Markdown
are for reading: numbers get Vietnamese thousands separators (``19.908``), a column marked
``chart`` (bars, sparklines) is shown, and a name repeated on consecutive rows (the person of
several posts) is written once.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from partyx import errors
from partyx.errors import UsageError

FORMATS = ("table", "json", "csv", "markdown")
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass
class Section:
    """One flat table of a view."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    chart: frozenset[str] = frozenset()  # columns shown in table/markdown only
    group: int = 0  # leading columns written once while they repeat (display formats)


class ViewResult:
    """A view's answer: ``data`` for JSON, and its flat sections, built only when asked for
    (``sections`` may be a list or a function returning one), so JSON output does not hold the
    rows twice."""

    def __init__(self, name: str, data: Any,
                 sections: list[Section] | Callable[[], list[Section]]) -> None:
        self.name, self.data, self._sections = name, data, sections

    @property
    def sections(self) -> list[Section]:
        if callable(self._sections):
            self._sections = self._sections()
        return self._sections


def render(result: ViewResult, fmt: str, out: IO[str]) -> None:
    """Write ``result`` to the text stream ``out`` in ``fmt`` (one of :data:`FORMATS`, else
    :class:`~partyx.errors.UsageError`)."""
    if fmt == "json":
        blob = orjson.dumps(result.data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            buffer.write(blob)
        else:
            out.write(blob.decode())
    elif fmt == "csv":
        _csv(result.sections, out)
    elif fmt == "markdown":
        _markdown(result.sections, out)
    elif fmt == "table":
        _table(result.sections, out)
    else:
        raise UsageError(errors.UNKNOWN_FORMAT, name=fmt, choices=", ".join(FORMATS))


def bar(value: int | None, top: int | None, width: int = 24) -> str:
    """A horizontal bar of ``value`` against ``top`` (0 at the left edge)."""
    if value is None or not top or value < 0:
        return ""
    eighths = round(8 * width * value / top)
    full, part = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")


def sparkline(values: Sequence[int | None]) -> str:
    """``▁▄█``: one character per value, scaled between the smallest and the largest."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    return "".join(
        " " if v is None else SPARKS[-1 if not span else round((v - low) / span * 7)]
        for v in values
    )


def plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(plain(v) for v in value)
    return str(value)


def readable(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return plain(value)


def signed(value: int | None) -> str | None:
    """``+677``, ``-12``, ``0``; None stays None."""
    if value is None:
        return None
    return f"{value:+,}".replace(",", ".") if value else "0"


def _csv(sections: list[Section], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    if len(sections) == 1:
        s = sections[0]
        keep = [i for i, c in enumerate(s.columns) if c not in s.chart]
        writer.writerow([s.columns[i] for i in keep])
        for row in s.rows:
            writer.writerow([plain(row[i]) for i in keep])
        return
    columns: list[str] = []
    for s in sections:
        columns.extend(c for c in s.columns if c not in s.chart and c not in columns)
    writer.writerow(["section", *columns])
    for s in sections:
        for row in s.rows:
            cells = dict(zip(s.columns, row, strict=False))
            writer.writerow([s.title, *(plain(cells.get(c)) for c in columns)])


def _display_rows(s: Section) -> list[list[str]]:
    rows, previous = [], None
    for row in s.rows:
        cells = [readable(v) for v in row]
        head = tuple(cells[: s.group])
        if s.group and head == previous:
            cells[: s.group] = [""] * s.group
        previous = head
        rows.append(cells)
    return rows


def _markdown(sections: list[Section], out: IO[str]) -> None:
    for n, s in enumerate(sections):
        if n:
            out.write("\n")
        out.write(f"### {s.title}\n\n")
        out.write("| " + " | ".join(_md_cell(c) for c in s.columns) + " |\n")
        out.write("|" + "|".join(" --- " for _ in s.columns) + "|\n")
        for cells in _display_rows(s):
            out.write("| " + " | ".join(_md_cell(c) for c in cells) + " |\n")
        if not s.rows:
            out.write("\n(none)\n")


_DAY = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def _is_number(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and bool(re.fullmatch(r"[+-]?[\d.]+", value)))


def _width(out: IO[str]) -> int | None:
    """A terminal's own width; into a file or pipe, $COLUMNS or 160 rather than rich's 80."""
    try:
        if out.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 160


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _broken_pipe() -> None:
    """A closed standard output (``partyx stats | head``) is the caller's to handle."""
    raise BrokenPipeError


def _table(sections: list[Section], out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False, width=_width(out))
    console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]  # rich would exit(1)
    for s in sections:
        table = Table(title=s.title)
        for i, c in enumerate(s.columns):
            values = [row[i] for row in s.rows if row[i] not in (None, "")]
            numeric = bool(values) and all(_is_number(v) for v in values)
            compact = c in s.chart or numeric or all(_DAY.fullmatch(str(v)) for v in values)
            table.add_column(c, justify="right" if numeric else "left",
                             no_wrap=compact, overflow="fold")
        for cells in _display_rows(s):
            table.add_row(*cells)
        console.print(table)
