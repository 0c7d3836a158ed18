"""Documents: the Party and State documents an article cites by number (headline included).

One entry per document (see :func:`partyx.rules.documents.merge_citations`); fields ``number``
(as written, leading zeros kept), ``code``, ``issuer``, ``type``, ``date``, ``issued_by``,
``title``, ``text`` (the fullest citation as written) and ``year``.
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import documents


@register
class Documents(Stage):
    name = "documents"
    version = "12"
    requires = ("text", "title", "dates")
    provides = ("documents",)
    description = "Party and State documents cited by number"

    def __call__(self, article: Article) -> None:
        found = documents.find_citations(article.title or "")
        body = documents.find_citations(article.text or "")
        documents.date_issued(article.text or "", body, article.dates)
        found += body
        article.documents = [c.record() for c in documents.merge_citations(found)]
