"""Benchmark the stories (issue 21): the cost per article of signing and of matching, and
memory and state size at N articles (never part of the tests).

1. **Signing** (:func:`partyx.run.stories.sign`, done where the stages run): the body texts of
   the development corpus records (``--records``, made by ``partyx extract``; else the corpus
   is extracted first), signed ``--repeat`` times; CPU time per article.
2. **Matching** (:class:`partyx.run.stories.StoryIndex`, done by the process that owns the
   state): N articles added one by one to the tables of a fresh state file, as a run adds them,
   then the stories worked out (``assign``). The first ``--variants`` are the corpus texts,
   each varied (a paragraph dropped, another added from elsewhere, shuffled: real near
   duplicates and real band collisions); of the rest, one in ten is a copy of an earlier
   article (a tenth of its MinHash values changed: Jaccard about 0.8) and the others are
   unrelated articles (random MinHash values: what an article of another story looks like to
   the index). CPU time per article at the start and at the end of the N, peak RSS of this
   process, and the size of the tables on disk.

3. **Whole run** (``--run N``): ``partyx extract -j 2`` of the synthetic corpus of N articles
   (``bench/make_corpus.py``; its articles are varied copies of ~100 texts, so most of them
   are linked: more story fields rewritten than a real crawl has), cold, ``--rounds`` times:
   CPU of the main process and of the workers (the median round). ``--code DIR`` runs the
   partyx package of another checkout instead (``git worktree add /tmp/pre COMMIT``: the
   same figures before stories).

    python bench/bench_stories.py                     # 100,000 articles
    python bench/bench_stories.py --articles 20000
    python bench/bench_stories.py --run 2000 [--code /tmp/pre]    # whole runs only
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partyx.run.state import CACHE_SIZE  # noqa: E402
from partyx.run.stories import Signature, StoryIndex, prepare, sign  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts(records: Path | None) -> list[tuple[str, str | None]]:
    if records is None:
        records = Path(tempfile.mkdtemp()) / "records.jsonl"
        subprocess.run([str(ROOT / ".venv" / "bin" / "partyx"), "extract", "-q",
                        str(ROOT.parent / "shared" / "corpus" / "articles"), "-o", str(records)],
                       check=False)
    out = []
    for line in records.read_bytes().splitlines():
        rec = orjson.loads(line)
        if rec.get("text"):
            out.append((rec["text"], rec.get("published")))
    return out


_RUN = """
import os, resource, sys, orjson
sys.path.insert(0, sys.argv[1])
from partyx.cli import main
sys.argv = ["partyx", "extract", "-q", "-j", "2", sys.argv[2], "-o", sys.argv[3]]
try:
    main()
except SystemExit:
    pass
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(orjson.dumps({"main": me.ru_utime + me.ru_stime, "workers": kids.ru_utime + kids.ru_stime,
                    "rss": me.ru_maxrss / 1024}).decode())
"""


def whole_runs(n: int, code: Path, rounds: int) -> None:
    """Cold ``partyx extract -j 2`` runs of the synthetic corpus of ``n`` articles."""
    import statistics

    corpus = ROOT / "bench" / "out" / f"corpus-{n}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n),
                        str(corpus)], check=True)
    results = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([sys.executable, "-c", _RUN, str(code), str(corpus),
                                   str(Path(tmp) / "records.jsonl")],
                                  check=True, capture_output=True)
            results.append(orjson.loads(done.stdout.splitlines()[-1]))
    median = statistics.median(r["main"] + r["workers"] for r in results)
    best = min(results, key=lambda r: abs(r["main"] + r["workers"] - median))
    totals = ", ".join(f"{r['main'] + r['workers']:.2f}" for r in results)
    print(f"whole run, {n:,} articles, 2 workers ({code}): CPU main {best['main']:.2f} s, "
          f"workers {best['workers']:.2f} s, total {median:.2f} s (median of {rounds}; "
          f"totals {totals}), "
          f"peak RSS of the main process {best['rss']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--records", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--variants", type=int, default=2000,
                        help="varied corpus texts among the N (see above)")
    parser.add_argument("--run", type=int, default=0, metavar="N",
                        help="only whole runs of the synthetic corpus of N articles")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose partyx runs")
    parser.add_argument("--rounds", type=int, default=3, help="whole runs (median reported)")
    args = parser.parse_args()
    if args.run:
        whole_runs(args.run, args.code.resolve(), args.rounds)
        return

    t0 = time.process_time()
    prepare()
    print(f"import numpy and datasketch's MinHash: {1000 * (time.process_time() - t0):.0f} ms "
          f"CPU, peak RSS {_rss_mb():.0f} MB")
    texts = _texts(args.records)
    t0 = time.process_time()
    for _ in range(args.repeat):
        for text, published in texts:
            sign(text, published)
    per = (time.process_time() - t0) / (args.repeat * len(texts))
    words = sum(len(t.split()) for t, _ in texts) / len(texts)
    print(f"signing: {1000 * per:.2f} ms CPU per article ({len(texts)} corpus texts, "
          f"{words:.0f} syllables on average, x{args.repeat})")

    rng = random.Random(21)
    variants: list[Signature] = []
    for i in range(args.variants):
        text, _ = texts[i % len(texts)]
        paragraphs = text.split("\n\n")
        if len(paragraphs) > 2:
            paragraphs.pop(rng.randrange(len(paragraphs)))
        other, _ = texts[rng.randrange(len(texts))]
        paragraphs.append(rng.choice(other.split("\n\n")))
        rng.shuffle(paragraphs)
        variants.append(sign("\n\n".join(paragraphs), None))

    folder = Path(tempfile.mkdtemp())
    db = sqlite3.connect(folder / "state.sqlite", isolation_level="DEFERRED")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA cache_size = {CACHE_SIZE}")  # as the state's
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")

    def get_meta(key: str) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(key: str, value: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    index = StoryIndex(db, get_meta, set_meta)
    marks = {}
    add_total = 0.0  # CPU of index.add alone (not of making the bench's signatures)
    last = 0.0
    import numpy as np

    from partyx.run.stories import NUM_PERM

    for n in range(args.articles):
        month = 1 + (n * 12) // args.articles
        published = f"2024-{month:02d}-{1 + n % 28:02d}"
        if n < len(variants):
            sig = Signature(variants[n].hashvalues, variants[n].shingles, published)
        elif rng.random() < 0.1:
            source = f"a{rng.randrange(n):07d}"
            values, count = db.execute("SELECT mh, shingles FROM story_sigs WHERE id = ?",
                                       (source,)).fetchone()
            if values is None:
                values = np.random.default_rng(n).integers(0, 2**32, NUM_PERM,
                                                           dtype=np.uint32).tobytes()
            changed = np.frombuffer(values, dtype="<u4").copy()
            where = np.random.default_rng(n).choice(NUM_PERM, NUM_PERM // 10, replace=False)
            changed[where] = np.random.default_rng(n + 1).integers(0, 2**32, where.size,
                                                                     dtype=np.uint32)
            sig = Signature(changed.astype("<u4").tobytes(), count, published)
        else:
            values = np.random.default_rng(n).integers(0, 2**32, NUM_PERM, dtype=np.uint32)
            sig = Signature(values.astype("<u4").tobytes(), rng.randrange(300, 1500), published)
        t0 = time.process_time()
        index.add(f"a{n:07d}", sig)
        if (n + 1) % 1000 == 0:
            db.commit()
        add_total += time.process_time() - t0
        if n + 1 in (1000, args.articles // 2, args.articles):
            marks[n + 1] = add_total - last
            last = add_total
    t0 = time.process_time()
    db.commit()
    add_total += time.process_time() - t0
    t0 = time.process_time()
    changes = sum(1 for _ in index.assign())
    db.commit()
    assign_time = time.process_time() - t0
    stories = db.execute("SELECT count(DISTINCT story) FROM story_of").fetchone()[0]
    links = db.execute("SELECT count(*) FROM story_links").fetchone()[0] // 2
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    print(f"matching {args.articles:,} articles: {1000 * add_total / args.articles:.2f} ms CPU "
          f"per article on average; first 1,000: {marks.get(1000, 0):.2f} s; "
          f"last {args.articles - args.articles // 2:,}: "
          f"{1000 * marks[args.articles] / (args.articles - args.articles // 2):.2f} ms each")
    print(f"stories worked out: {assign_time:.1f} s CPU for {changes:,} records changed "
          f"({1000 * assign_time / args.articles:.2f} ms per article), {links:,} links, "
          f"{stories:,} stories of more than one article")
    print(f"peak RSS of this process: {_rss_mb():.0f} MB; story tables on disk: {size:.0f} MB")
    for f in folder.iterdir():
        os.unlink(f)
    folder.rmdir()


if __name__ == "__main__":
    main()
