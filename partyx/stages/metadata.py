"""Metadata: headline, publication time, outlet, bylines, section; and the body ``text``
(see :mod:`partyx.rules.header`). Works on the cleaned ``lines`` (and the ``captions`` the
clean stage recognised); what a page or a dataset row states goes first
(:mod:`partyx.rules.stated`)."""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.header import HeaderReader
from partyx.rules.stated import combine


@register
class Metadata(Stage):
    name = "metadata"
    version = "38"
    requires = ("lines", "stated")
    provides = ("title", "published", "outlet", "authors", "section", "text")
    description = "headline, publication time, outlet, bylines, section, body text"

    def __init__(self) -> None:
        self.reader = HeaderReader()

    def __call__(self, article: Article) -> None:
        if article.lines is None:  # clean failed: nothing to read (an error of its own too)
            raise KeyError("lines")
        head = self.reader.read(article.lines, article.captions)
        if article.stated is not None:
            head = combine(head, article.stated, self.reader)
        article.title = head.title
        article.published = head.published
        article.outlet = head.outlet
        article.authors = head.authors
        article.section = head.section
        article.text = head.text
