"""Membership: stated numbers of party members and grassroots party organisations of a named
Party organisation (see :mod:`partyx.rules.membership`), with the date they hold for: a date written
in the same sentence (``tính đến ngày 30/6/2020``), else the article's date (its main event's,
as the event stage found it); ``None`` when neither is known. The place of an organisation that
leaves it out is resolved from the places stage's ``place_mentions`` and ``place_context``
(:class:`~partyx.rules.orgs.Whereabouts`), or from the organisation the headline names
(``Đại hội Đảng bộ xã Võ Miếu`` … ``Đảng bộ xã có 350 đảng viên``)."""

from __future__ import annotations

from partyx.lang.sentences import sentence_at
from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import membership
from partyx.rules.orgs import Whereabouts


@register
class Membership(Stage):
    name = "membership"
    version = "17"
    requires = ("text", "title", "dates", "place_context", "place_mentions", "event")
    provides = ("membership",)
    description = "party members and grassroots organisations of a named organisation"

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        dates = article.dates
        places = Whereabouts(text, article.place_mentions, article.place_context)
        facts = membership.find_membership(text, places, article.title)
        if not facts:
            article.membership = []
            return
        main = (article.event or {}).get("date")
        records = []
        for f in facts:
            start, end = sentence_at(text, f.start)
            near = [d for d in dates if d.date and start <= d.start < end]
            as_of = near[-1].date if near else main
            records.append(membership.record(f, as_of))
        article.membership = membership.merge_figures(records)
