"""Cleaning: the article's lines without boilerplate, and the body ``text``.

Provides ``lines`` (extras: the non-empty lines of the article, stripped, boilerplate
removed, in order) and ``text`` (the body: those lines without the header lines the metadata
stage claims; until then, all of them joined by blank lines).
"""

from __future__ import annotations

import re

from partyx.article import Article
from partyx.data import load
from partyx.pipeline import Stage, register
from partyx.text import collapse_spaces


def _boilerplate_re() -> re.Pattern[str]:
    data = load("boilerplate")
    exact = "|".join(re.escape(s) for s in data["lines"])
    prefixes = "|".join(re.escape(s) for s in data["prefixes"])
    return re.compile(rf"^(?:(?:{exact})[\s.:]*|(?:{prefixes}).*)$", re.IGNORECASE)


@register
class Clean(Stage):
    name = "clean"
    version = "1"
    requires = ("raw",)
    provides = ("lines",)
    description = "split into lines, drop boilerplate and repeated captions"

    def __init__(self) -> None:
        self.boilerplate = _boilerplate_re()

    def __call__(self, article: Article) -> None:
        lines: list[str] = []
        for line in article.raw.split("\n"):
            line = collapse_spaces(line)
            if not line or self.boilerplate.match(line):
                continue
            if lines and line == lines[-1]:  # a photo caption printed twice
                continue
            lines.append(line)
        article.extras["lines"] = lines
