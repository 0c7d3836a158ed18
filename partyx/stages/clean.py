"""Clean: the article's lines without site furniture (see :mod:`partyx.rules.boilerplate`).

Provides ``lines`` (the non-empty lines of the article, spaces collapsed, boilerplate removed,
in order) and ``captions`` (the lines recognised as photo captions because they were printed
more than once; one copy stays in ``lines``). A ``Nguồn: X`` or ``Theo X``
credit and a site's footer are kept: the metadata stage reads the outlet from them.
"""

from __future__ import annotations

from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules.boilerplate import Cleaner


@register
class Clean(Stage):
    name = "clean"
    version = "11"
    requires = ("raw",)
    provides = ("lines", "captions")
    description = "split into lines; drop logos, share buttons, counters, repeated captions, " \
                  "related headlines, footers"

    def __init__(self) -> None:
        self.cleaner = Cleaner()

    def __call__(self, article: Article) -> None:
        article.lines, article.captions = self.cleaner.clean(article.raw)
