"""Event: the article's main event, ``{"type", "date", "lead"}`` (see :mod:`partyx.rules.event`).

The date comes from the dates stage's ``dates``; the lead is a name of ``people`` found through
the people stage's ``mentions``.
"""

from __future__ import annotations

from partyx.lang.sentences import sentence_at
from partyx.pipeline import Stage, register
from partyx.record import Article
from partyx.rules import dates, event


@register
class Event(Stage):
    name = "event"
    version = "23"
    requires = ("text", "title", "published", "dates", "people", "mentions")
    provides = ("event",)
    description = "the main event: type, date, lead"

    def __call__(self, article: Article) -> None:
        text = article.text or ""
        title = article.title
        found = event.main_date(text, article.dates, article.published)
        first_paragraph = text.split("\n\n", 1)[0]
        at = found.start if found else None
        span = sentence_at(text, at)
        kind = event.event_type(title, first_paragraph, text[span[0]:span[1]])
        if found is None or (found.start is not None and found.date is None):
            found = event.restated_date(text, article.dates, at, kind) \
                or event.nearby_date(text, article.dates, at, kind) or found
        dated = found is not None and found.start is not None and found.date is not None
        # undated: an obituary's event is the death, an appointment's or a discipline's the
        # decision that makes it (whose sentence names who is appointed, not who led: it stays
        # no sentence for the lead)
        if not dated and kind == "other":
            death = event.death_date(title, text, article.dates)
            if death is not None:
                found, at = death, death.start
                span = sentence_at(text, at)
        elif found is None or found.start is None:
            found = event.decision_date(text, article.dates, kind) or found
        if found is None or found.start is None:  # the body says nothing: the headline may
            found = event.headline_date(
                title, dates.headline_dates(text, title, article.published),
                article.published) or found
        # (one known by one word alone and no post, ``bà Thu``, ``ông Shapiro``, leads nothing:
        # who leads an event is an official the article names in full)
        names = {p["name"] for p in article.people
                 if p.get("name") and (" " in p["name"] or p.get("positions"))}
        lead_end, reach_end = event.lead_zone_end(text, at)
        article.event = {
            "type": kind,
            "date": found.date if found else None,
            "lead": event.event_lead(text, article.mentions, names, span, lead_end, kind,
                                     reach_end),
        }
