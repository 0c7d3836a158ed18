"""Reading cost of each input format against the extraction that follows it.

For every article of the seeds and ../shared/corpus/articles (where present) this builds the
article's record from its text file, then the same article as a saved news page in each layout
of tests/pages.py (navigation, related links, comments, footer, metadata in the head; an
article whose text file states no time gets one, as every news page does), and measures, in
this one process, the CPU time of

- reading: a page's bytes to the text and metadata the stages get (partyx.readers.html +
  compose); a text file's bytes decoded;
- extraction: every default stage on the article so read (partyx.pipeline).

Each measurement is the median of --repeat runs over all articles (CPU time, process_time:
stable on a shared machine where wall time is not). With --callgrind the same work runs under
valgrind once per phase and the instruction counts per article are printed instead (exact and
repeatable, slow).

    .venv/bin/python bench/bench_read.py                 # CPU ms per article, by layout
    .venv/bin/python bench/bench_read.py --callgrind     # instructions per article

It is a measurement, never run by the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partyx.pipeline import build  # noqa: E402
from partyx.readers import html  # noqa: E402
from partyx.readers.page import compose  # noqa: E402
from partyx.record import Article  # noqa: E402
from partyx.run.worker import read_article  # noqa: E402
from tests.pages import LAYOUTS, page  # noqa: E402

SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def records(limit: int | None) -> list[tuple[bytes, dict]]:
    """(text file bytes, record) of the seeds and the corpus."""
    pipeline = build()
    out = []
    files = sorted(SEEDS.glob("*.txt")) + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    for path in files[:limit]:
        article = pipeline.run(read_article(path, path.stem).article)
        rec = article.to_record()
        if rec["errors"] or not rec["text"] or not rec["title"]:
            continue
        rec["published"] = rec["published"] or "2017-06-01T08:30:00+07:00"
        out.append((path.read_bytes(), rec))
    return out


def read_page(data: bytes) -> Article:
    p, encoding = html.read(data)
    raw, stated = compose(p)
    return Article(id="x", source={}, raw=raw, stated=stated)


def timed(fn, items, repeat: int) -> float:
    """Median over ``repeat`` rounds of the CPU seconds per item."""
    rounds = []
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            fn(item)
        rounds.append((time.process_time() - start) / len(items))
    return statistics.median(rounds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None, help="first N text files only")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--phase", help=argparse.SUPPRESS)  # internal: one phase under valgrind
    ap.add_argument("--pages", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        return _phase(args)
    recs = records(args.limit)
    pages = {layout: [page(r, layout, site=r["outlet"] or "Báo Nhân Dân").encode()
                      for _, r in recs] for layout in LAYOUTS}
    texts = [data for data, _ in recs]
    pipeline = build()
    html.load()
    sizes = {layout: statistics.mean(len(p) for p in pages[layout]) / 1024 for layout in LAYOUTS}
    print(f"{len(recs)} articles; pages of " + ", ".join(
        f"{size:.0f} KB ({layout})" for layout, size in sizes.items()) + " on average")
    if args.callgrind:
        return _callgrind(pages, texts)
    # warm every lazy part once
    for layout in LAYOUTS:
        pipeline.run(read_page(pages[layout][0]))
    from partyx.lang.encodings import decode

    rows = []
    read_txt = timed(decode, texts, args.repeat)
    txt_articles = [Article(id="x", source={}, raw=decode(t).text) for t in texts]
    extract_txt = timed(lambda a: pipeline.run(Article(id="x", source={}, raw=a.raw)),
                        txt_articles, args.repeat)
    rows.append(("txt", read_txt, extract_txt))
    for layout in LAYOUTS:
        read = timed(read_page, pages[layout], args.repeat)
        articles = [read_page(p) for p in pages[layout]]
        extract = timed(lambda a: pipeline.run(Article(id="x", source={}, raw=a.raw,
                                                        stated=a.stated)),
                        articles, args.repeat)
        rows.append((f"html ({layout})", read, extract))
    print(f"{'input':<16} {'read ms':>8} {'extract ms':>11} {'read/extract':>13}")
    for name, read, extract in rows:
        print(f"{name:<16} {read * 1000:>8.2f} {extract * 1000:>11.2f} {read / extract:>13.2f}")
    print(f"(CPU time per article, median of {args.repeat} rounds; load {os.getloadavg()[0]:.1f})")
    return 0


def _callgrind(pages: dict[str, list[bytes]], texts: list[bytes]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "pages.json"
        dump.write_text(json.dumps({k: [p.decode() for p in v] for k, v in pages.items()}))
        counts = {}
        phases = ("none", *(f"read:{layout}" for layout in LAYOUTS),
                  *(f"both:{layout}" for layout in LAYOUTS))
        for phase in phases:
            out = Path(tmp) / f"cg.{phase.replace(':', '_')}"
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                            sys.executable, __file__, "--phase", phase, "--pages", str(dump)],
                           check=True, capture_output=True)
            summary = [line for line in out.read_text().splitlines()
                       if line.startswith("summary:") or line.startswith("totals:")]
            counts[phase] = int(summary[0].split()[1])
        n = len(pages[LAYOUTS[0]])
        print(f"{'input':<16} {'read M instr':>13} {'extract M instr':>16} {'read/extract':>13}")
        for layout in LAYOUTS:
            read = (counts[f"read:{layout}"] - counts["none"]) / n
            extract = (counts[f"both:{layout}"] - counts[f"read:{layout}"]) / n
            print(f"html ({layout}){'':<{9 - len(layout)}} {read / 1e6:>13.2f} "
                  f"{extract / 1e6:>16.2f} {read / extract:>13.2f}")
        print(f"(instructions per article, callgrind; {n} articles per layout)")
    return 0


def _phase(args: argparse.Namespace) -> int:
    """Under valgrind: set up (imports, pipeline, warm-up on one page), then read (and
    extract) every page of one layout; 'none' does the set-up only."""
    pages = json.loads(Path(args.pages).read_text())
    pipeline = build()
    html.load()
    first = next(iter(pages.values()))[0].encode()
    pipeline.run(read_page(first))
    if args.phase == "none":
        return 0
    what, layout = args.phase.split(":")
    for markup in pages[layout]:
        article = read_page(markup.encode())
        if what == "both":
            pipeline.run(article)
    return 0


if __name__ == "__main__":
    sys.exit(main())
