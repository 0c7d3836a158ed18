"""``partyx report FILE -o report.html``: the corpus on one self-contained HTML page.

The page fetches nothing when viewed: CSS, the charts (inline SVG, drawn here) and the small
script are all inside the file, so it can be mailed or opened offline. It shows the corpus
summary, one bar chart per organisation's membership series, the documents most cited, and a
people table with a search box. The script filters the table as one types, ignoring case and
diacritics (``tuyen`` finds ``Tuyến``); a search can be given in the address too
(``report.html#q=Thanh%20Xuân``). Without JavaScript the whole table is simply shown. With
``map_year="2025"`` (``partyx report --map 2025``) the membership charts are grouped by the
province that holds each organisation on today's map (``Đảng bộ tỉnh Bình Định`` under Gia Lai;
the organisation keeps its name as written) and the places on that map are counted. Event
types, people and documents count each story once (an article and its copies by other
outlets); ``by="article"`` (``partyx report --by article``) counts every article.

All values are HTML-escaped; the page is built from one pass over the records
(:class:`partyx.views.summary.SummaryView`) and written atomically (:func:`write_page`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from partyx import errors, io
from partyx.errors import ExportError
from partyx.views.base import fold
from partyx.views.documents import year_label
from partyx.views.membership import date_label
from partyx.views.summary import SummaryView

MAX_PEOPLE = 5000
MAX_DOCUMENTS = 50
MAX_BARS = 24  # dates drawn per organisation's chart (the most recent)

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
  margin:0 auto;max-width:1100px;padding:24px;color:#1d2433;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 10px;
  border-bottom:2px solid #c8102e;padding-bottom:4px}
.meta{color:#5b6474;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{flex:1 1 150px;border:1px solid #dde2ea;border-radius:8px;padding:10px 14px;
  background:#f7f9fc}
.card b{display:block;font-size:26px;color:#c8102e}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{background:#f0f3f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:18px}
figure{margin:0;border:1px solid #dde2ea;border-radius:8px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{font:11px system-ui,sans-serif;fill:#1d2433}
#search{font-size:15px;padding:6px 10px;width:320px;max-width:100%;border:1px solid #aab3c2;
  border-radius:6px;margin-right:10px}
ul.posts{margin:0;padding-left:18px}.former{color:#5b6474}
.empty{color:#5b6474;font-style:italic}
"""

_JS = """
(function(){
  function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'')
    .replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();}
  var input=document.getElementById('search'),shown=document.getElementById('shown');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#people tbody tr'));
  var texts=rows.map(function(r){return fold(r.textContent);});
  function apply(){
    var q=fold(input.value.trim()),n=0;
    rows.forEach(function(r,i){var hit=!q||texts[i].indexOf(q)>=0;
      r.hidden=!hit;if(hit)n++;});
    shown.textContent=n+' of '+rows.length+' people';
  }
  input.addEventListener('input',apply);
  var m=/[#&]q=([^&]*)/.exec(location.hash);
  if(m){input.value=decodeURIComponent(m[1]);}
  apply();
  document.body.setAttribute('data-ready','1');
})();
"""


def render_report(view: SummaryView, source: str) -> str:
    """The whole HTML page for the records folded into ``view``."""
    data = view.data()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>partyx report: {escape(source)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>partyx corpus report</h1>",
        f'<p class="meta">{escape(source)} · generated '
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}</p>",
        _cards(view, data),
        '<div class="cols">',
        _counts("Outlets", "outlet", data["by_outlet"]),
        _counts("Event types", "type", data["by_event_type"], data["counted"]),
        _counts("Months", "month", data["by_month"]),
        *([_counts(f"Places on the {view.map_year} map", "place", data["by_place"])]
          if view.map_year else []),
        "</div>",
        _membership(view),
        _documents(view),
        _people(view),
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _cards(view: SummaryView, data: dict[str, Any]) -> str:
    cards = [("articles", data["articles"]), ("stories", data["stories"]),
             ("with errors", data["articles_with_errors"]),
             ("people", len(view.people.people)),
             ("documents cited", len(view.documents.documents)),
             ("organisations with membership", len(view.membership.orgs))]
    body = "".join(f'<div class="card"><b>{_n(v)}</b>{escape(k)}</div>' for k, v in cards)
    return f'<section id="summary" class="cards">{body}</section>'


def _counts(title: str, column: str, counts: dict[str, int], unit: str = "articles") -> str:
    rows = "".join(f"<tr><td>{escape(str(k))}</td><td class=n>{_n(v)}</td></tr>"
                   for k, v in counts.items())
    return (f"<section><h2>{escape(title)}</h2><table><thead><tr><th>{escape(column)}</th>"
            f"<th>{escape(unit)}</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _membership(view: SummaryView) -> str:
    figures = []
    province: Any = object()  # the heading written last (--map: the orgs come grouped by it)
    for org in view.membership.rows():
        points = [p for p in org["series"] if p["party_members"] is not None]
        if points:
            caption = escape(org["org"])
            dated = [p for p in points if p["as_of"] is not None]
            if len(dated) > MAX_BARS:
                caption += f' <span class="meta">(last {MAX_BARS} of {len(dated)} dates)</span>'
                points = dated[-MAX_BARS:] + points[len(dated):]  # and the undated one
            if view.map_year and org["now_province"] != province:
                province = org["now_province"]
                heading = province or f"Not placed on the {view.map_year} map"
                figures.append(f'<h3 style="grid-column:1/-1;margin:8px 0 0">'
                               f"{escape(heading)}</h3>")
            figures.append(f'<figure class="chart"><figcaption>{caption}</figcaption>'
                           f"{bar_chart(points)}</figure>")
    body = "".join(figures) or '<p class="empty">No membership figures in these records.</p>'
    return f'<section id="membership"><h2>Membership</h2><div class="charts">{body}</div></section>'


def bar_chart(points: list[dict[str, Any]], width: int = 320, height: int = 180) -> str:
    """An inline SVG bar chart of party members by date, the change written over each bar; a
    count with no date is the last bar, grey, under "date unknown"."""
    top = max(p["party_members"] for p in points) or 1
    n = len(points)
    left, bottom, plot_h = 8, 34, height - 34 - 28
    slot = (width - 2 * left) / n
    bar_w = min(56.0, slot * 0.7)
    items = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="party members by date">',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" '
             f'y2="{height - bottom}" stroke="#8a93a3"/>']
    for i, p in enumerate(points):
        h = max(1.0, plot_h * p["party_members"] / top)
        x = left + i * slot + (slot - bar_w) / 2
        y = height - bottom - h
        cx = x + bar_w / 2
        label = _n(p["party_members"])
        change = p.get("party_members_change")
        if change:
            label += f" ({change:+,})".replace(",", ".")
        when = date_label(p["as_of"])
        kind, fill = ("bar", "#c8102e") if p["as_of"] is not None else ("bar undated", "#8a93a3")
        items.append(f'<rect class="{kind}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                     f'height="{h:.1f}" fill="{fill}"><title>{escape(when)}: '
                     f"{escape(label)} đảng viên</title></rect>")
        items.append(f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                     f"{escape(label)}</text>")
        items.append(f'<text x="{cx:.1f}" y="{height - bottom + 14}" text-anchor="middle">'
                     f"{escape(when)}</text>")
    items.append(f'<text x="{left}" y="{height - 4}">đảng viên (party members)</text></svg>')
    return "".join(items)


def _documents(view: SummaryView) -> str:
    docs = view.documents.rows()[:MAX_DOCUMENTS]
    if not docs:
        return ('<section id="documents"><h2>Documents cited</h2>'
                '<p class="empty">No cited documents in these records.</p></section>')
    units = (["citing_stories", "citing_articles"] if view.by == "story"
             else ["citing_articles", "citing_stories"])
    rows = "".join(
        f"<tr><td>{escape(d['document'])}</td><td>{escape(year_label(d['year']))}</td>"
        f"<td>{escape(d['type'] or '')}</td>"
        f"<td>{escape(d['issued_by'] or '')}</td><td class=n>{_n(d[units[0]])}</td>"
        f"<td class=n>{_n(d[units[1]])}</td>"
        f"<td>{escape(d['first_cited'] or '')}</td><td>{escape(d['last_cited'] or '')}</td></tr>"
        for d in docs)
    heads = "".join(f"<th>{escape(u.replace('_', ' '))}</th>" for u in units)
    return ('<section id="documents"><h2>Documents cited</h2><table><thead><tr><th>document</th>'
            f"<th>year</th><th>type</th><th>issued by</th>{heads}<th>first cited</th>"
            f"<th>last cited</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _people(view: SummaryView) -> str:
    people = view.people.rows()
    units = ["stories", "articles"] if view.by == "story" else ["articles", "stories"]
    note = (f'<p class="meta">The {MAX_PEOPLE} people seen in most {units[0]} of '
            f"{len(people)}.</p>" if len(people) > MAX_PEOPLE else "")
    rows = "".join(_person_row(p, units) for p in people[:MAX_PEOPLE])
    return ('<section id="people-section"><h2>People</h2>'
            '<p><input id="search" type="search" placeholder="Search name, post, organisation"'
            ' aria-label="search people"><span id="shown"></span></p>' + note +
            f'<table id="people"><thead><tr><th>name</th><th>{units[0]}</th><th>{units[1]}</th>'
            "<th>posts</th>"
            "<th>first seen</th><th>last seen</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def _person_row(p: dict[str, Any], units: list[str]) -> str:
    posts = "".join(
        f'<li class="{escape(x["status"])}">{escape(x["post"])} '
        f'<span class="meta">{escape(x["first_seen"] or "?")} – {escape(x["last_seen"] or "?")}'
        f"</span></li>" for x in p["posts"])
    variants = (f' <span class="meta">({escape(", ".join(p["variants"]))})</span>'
                if p["variants"] else "")
    return (f'<tr class="person"><td>{escape(p["name"])}{variants}</td>'
            f'<td class=n>{_n(p[units[0]])}</td><td class=n>{_n(p[units[1]])}</td>'
            f'<td><ul class="posts">{posts}</ul></td>'
            f'<td>{escape(p["first_seen"] or "")}</td><td>{escape(p["last_seen"] or "")}</td></tr>')


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def write_page(path: Path, output: Path, warn: Callable[[str], None] = lambda _: None,
               strict: bool = False, map_year: str | None = None, by: str = "story") -> int:
    """The report page of the records file ``path``, written to ``output`` atomically; return
    the number of articles. :class:`~partyx.errors.ExportError` when ``output`` is the input or
    a file that is not an HTML report; :class:`~partyx.errors.BadRecord` (``strict``) and
    :class:`OSError` as they come: nothing is written then."""
    if not io.replaceable(output, b"<!doctype html", path):
        raise ExportError(errors.NOT_AN_HTML_REPORT, path=output)
    view = fold(SummaryView(map_year=map_year, by=by), path, warn, strict)
    page = render_report(view, str(path))
    with io.atomic_writer(output) as fh:
        fh.write(page.encode("utf-8"))
    return view.articles
