"""The corpus summary of a records file, computed from the records on disk only.

:func:`read_records` streams the JSONL file; a line that is not a JSON object is named and
skipped. :func:`summarize` folds the records into counters, so memory grows with the number
of distinct outlets, people and documents, not with the number of records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson


def read_records(path: Path, warn: Callable[[str], None] = lambda _: None,
                 strict: bool = False) -> Iterator[dict[str, Any]]:
    """Yield each record of ``path``; warn about (or, when ``strict``, raise on) bad lines."""
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                record, reason = None, f"not JSON ({e})"
            else:
                reason = "not a record object"
            if not isinstance(record, dict) or "id" not in record:
                message = f"{path}:{n}: skipped: {reason}"
                if strict:
                    raise ValueError(message)
                warn(message)
                continue
            yield record


def summarize(records: Iterable[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    articles = 0
    outlets: Counter = Counter()
    months: Counter = Counter()
    events: Counter = Counter()
    people: Counter = Counter()
    posts: dict[str, Counter] = defaultdict(Counter)
    documents: Counter = Counter()
    membership: list[dict[str, Any]] = []
    errors = 0
    for r in records:
        articles += 1
        errors += bool(r.get("errors"))
        outlets[r.get("outlet") or "(unknown)"] += 1
        event = r.get("event") or {}
        date = event.get("date") or r.get("published")
        months[date[:7] if date else "(unknown)"] += 1
        events[event.get("type") or "(unknown)"] += 1
        for p in r.get("people") or []:
            people[p["name"]] += 1
            for pos in p.get("positions") or []:
                post = " ".join(x for x in (pos.get("title"), pos.get("org")) if x)
                if pos.get("status") == "former":
                    post = "nguyên " + post
                posts[p["name"]][post] += 1
        for d in r.get("documents") or []:
            documents[_doc_label(d)] += 1
        for m in r.get("membership") or []:
            membership.append({"org": m.get("org"), "as_of": m.get("as_of"),
                               "party_members": m.get("party_members"),
                               "grassroots_orgs": m.get("grassroots_orgs"), "article": r["id"]})
    membership.sort(key=lambda m: (m["org"] or "", m["as_of"] or ""))
    return {
        "articles": articles,
        "articles_with_errors": errors,
        "by_outlet": dict(outlets.most_common()),
        "by_month": dict(sorted(months.items())),
        "by_event_type": dict(events.most_common()),
        "people": [{"name": n, "articles": c, "posts": [p for p, _ in posts[n].most_common()]}
                   for n, c in people.most_common(top)],
        "documents": [{"document": d, "citations": c} for d, c in documents.most_common(top)],
        "membership": membership,
    }


def _doc_label(d: dict[str, Any]) -> str:
    number, code, issuer = d.get("number") or "?", d.get("code") or "?", d.get("issuer")
    return f"{number}-{code}/{issuer}" if issuer else f"{number}-{code}"


def print_summary(summary: dict[str, Any], console) -> None:
    from rich.table import Table

    console.print(f"{summary['articles']} articles, "
                  f"{summary['articles_with_errors']} with errors")
    for key, title in (("by_outlet", "Outlets"), ("by_month", "Months"),
                       ("by_event_type", "Event types")):
        table = Table(title=title)
        table.add_column(title[:-1].lower())
        table.add_column("articles", justify="right")
        for k, v in summary[key].items():
            table.add_row(k, str(v))
        console.print(table)
    table = Table(title="People")
    for col in ("name", "articles", "posts"):
        table.add_column(col)
    for p in summary["people"]:
        table.add_row(p["name"], str(p["articles"]), "; ".join(p["posts"]))
    console.print(table)
    table = Table(title="Documents cited")
    table.add_column("document")
    table.add_column("citations", justify="right")
    for d in summary["documents"]:
        table.add_row(d["document"], str(d["citations"]))
    console.print(table)
    table = Table(title="Membership")
    for col in ("organisation", "as of", "party members", "grassroots orgs"):
        table.add_column(col)
    for m in summary["membership"]:
        table.add_row(m["org"] or "", m["as_of"] or "", _num(m["party_members"]),
                      _num(m["grassroots_orgs"]))
    console.print(table)


def _num(v) -> str:
    return "" if v is None else f"{v:,}".replace(",", ".")
