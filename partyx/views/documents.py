"""``partyx stats documents``: each cited Party or State document and where it is cited.

One row per document symbol (:func:`partyx.views.records.document_label`: ``15-NQ/TU``,
``91/2017/NĐ-CP``), however often it is cited. For each: the issuing body and title as most
often given, the number of articles citing it, the first and last citation date (the citing
article's publication date, else its event date) and the ids of the citing articles. To keep
memory bounded the ids kept per document stop at :data:`MAX_ARTICLE_IDS`; the count does not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from partyx.views.records import clean, dicts, document_label, key, published_date, widen
from partyx.views.render import Section, ViewResult

MAX_ARTICLE_IDS = 100


@dataclass(slots=True)
class _Document:
    label: str
    fields: dict[str, Counter[str | int]] = field(default_factory=dict)
    citations: int = 0
    first: str | None = None
    last: str | None = None
    articles: list[str] = field(default_factory=list)


_DESCRIPTIVE = ("type", "number", "code", "issuer", "year", "date", "issued_by", "title")


class DocumentsView:
    """Fold records into one aggregate per cited document."""

    name = "documents"

    def __init__(self) -> None:
        self.documents: dict[str, _Document] = {}

    def add(self, record: dict[str, Any]) -> None:
        date = published_date(record)
        seen: set[str] = set()
        for d in dicts(record.get("documents")):
            label = document_label(d)
            k = key(label)
            doc = self.documents.get(k)
            if doc is None:
                doc = self.documents[k] = _Document(label)
            for name in _DESCRIPTIVE:
                value = d.get(name)
                if isinstance(value, str):
                    value = clean(value)
                if value not in (None, "") and isinstance(value, (str, int)):
                    counts = doc.fields.get(name)
                    if counts is None:
                        counts = doc.fields[name] = Counter()
                    counts[value] += 1
            if k in seen:
                continue
            seen.add(k)
            doc.citations += 1
            widen(doc, date)
            if len(doc.articles) < MAX_ARTICLE_IDS:
                doc.articles.append(str(record.get("id")))

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for doc in self.documents.values():
            row: dict[str, Any] = {"document": doc.label}
            for name in _DESCRIPTIVE:
                counts = doc.fields.get(name)
                row[name] = counts.most_common(1)[0][0] if counts else None
            row.update(citations=doc.citations, first_cited=doc.first, last_cited=doc.last,
                       articles=doc.articles)
            out.append(row)
        out.sort(key=lambda r: (-r["citations"], r["document"].casefold()))
        return out

    def result(self) -> ViewResult:
        docs = self.rows()
        return ViewResult(self.name, docs, lambda: [_section(docs)])


def _section(docs: list[dict[str, Any]]) -> Section:
    section = Section("Documents cited", ["document", "type", "issued by", "citations",
                                          "first cited", "last cited", "articles"])
    for r in docs:
        section.rows.append([r["document"], r["type"], r["issued_by"], r["citations"],
                             r["first_cited"], r["last_cited"], r["articles"]])
    return section
