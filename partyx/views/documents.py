"""``partyx stats documents``: each cited Party or State document and where it is cited.

One row per document, however often it is cited: its symbol
(:func:`partyx.views.records.document_label`: ``15-NQ/TU``, ``91/2017/NĐ-CP``) and its year
(:func:`partyx.views.records.document_year`). A document's identity keeps its year: ``05-CT/TW``
of 1951 and of 2016 are two rows, and citations whose article does not make the year certain
are a third row with no year ("year unknown"), never given one here. For each: the issuing body
and title as most often given, the number of articles citing it, the first and last citation
date (the citing article's publication date, else its event date) and the ids of the citing
articles. Rows are ordered by the citations of their symbol (all years), so the years of one
symbol stand together, then by year. To keep memory bounded the ids kept per document stop at
:data:`MAX_ARTICLE_IDS`; the count does not.

A story (``story``: an article and its copies by other outlets) cites once: ``citations`` is
the number of stories citing the document, ``citing_articles`` the number of articles (both
are given). With ``by="article"`` (``--by article``) ``citations`` counts every citing article,
as partyx did before stories.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from partyx.views.records import (
    clean,
    dicts,
    document_key,
    document_label,
    document_year,
    published_date,
    story_of,
    widen,
)
from partyx.views.render import Section, ViewResult

MAX_ARTICLE_IDS = 100


@dataclass(slots=True)
class _Document:
    label: str
    year: int | None
    fields: dict[str, Counter[str | int]] = field(default_factory=dict)
    citations: int = 0  # articles citing it
    stories: set[int] = field(default_factory=set)  # numbers of the stories citing it
    first: str | None = None
    last: str | None = None
    articles: list[str] = field(default_factory=list)


_DESCRIPTIVE = ("type", "number", "code", "issuer", "date", "issued_by", "title")
UNKNOWN_YEAR = "year unknown"


class DocumentsView:
    """Fold records into one aggregate per cited document."""

    name = "documents"

    def __init__(self, by: str = "story") -> None:
        self.by = by
        self.documents: dict[str, _Document] = {}
        self.story_numbers: dict[str, int] = {}  # a number for each story (see people.py)

    def add(self, record: dict[str, Any]) -> None:
        date = published_date(record)
        seen: set[str] = set()
        story_id = story_of(record)
        story = self.story_numbers.get(story_id)
        if story is None:
            story = self.story_numbers[story_id] = len(self.story_numbers)
        for d in dicts(record.get("documents")):
            k = document_key(d)
            doc = self.documents.get(k)
            if doc is None:
                doc = self.documents[k] = _Document(document_label(d), document_year(d))
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
            doc.stories.add(story)
            widen(doc, date)
            if len(doc.articles) < MAX_ARTICLE_IDS:
                doc.articles.append(str(record.get("id")))

    def rows(self) -> list[dict[str, Any]]:
        out = []
        by_symbol: Counter[str] = Counter()
        for doc in self.documents.values():
            row: dict[str, Any] = {"document": doc.label, "year": doc.year}
            for name in _DESCRIPTIVE:
                counts = doc.fields.get(name)
                row[name] = counts.most_common(1)[0][0] if counts else None
            citations = len(doc.stories) if self.by == "story" else doc.citations
            row.update(citations=citations, citing_stories=len(doc.stories),
                       citing_articles=doc.citations, first_cited=doc.first,
                       last_cited=doc.last, articles=doc.articles)
            by_symbol[doc.label.casefold()] += citations
            out.append(row)
        out.sort(key=lambda r: (-by_symbol[r["document"].casefold()], r["document"].casefold(),
                                r["year"] is None, r["year"] or 0))
        return out

    def result(self) -> ViewResult:
        docs = self.rows()
        return ViewResult(self.name, docs, lambda: [_section(docs, self.by)])


def _section(docs: list[dict[str, Any]], by: str = "story") -> Section:
    """One row per document: its citations in stories and in articles, the counted unit
    first."""
    units = (["citing_stories", "citing_articles"] if by == "story"
             else ["citing_articles", "citing_stories"])
    section = Section("Documents cited", ["document", "year", "type", "issued by",
                                          *(u.replace("_", " ") for u in units),
                                          "first cited", "last cited", "articles"])
    for r in docs:
        section.rows.append([r["document"], year_label(r["year"]), r["type"], r["issued_by"],
                             r[units[0]], r[units[1]], r["first_cited"], r["last_cited"],
                             r["articles"]])
    return section


def year_label(year: int | None) -> str:
    """A document's year as shown: ``2016``, or ``year unknown``."""
    return str(year) if year is not None else UNKNOWN_YEAR
