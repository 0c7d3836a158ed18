"""What stories cost a whole run (issue 21: "within 10% of today's run time"): the CPU (user +
system, the main process and every worker) of cold ``partyx extract -j 2`` runs, with and
without stories, on two synthetic corpora of N articles (``bench/make_corpus.py``; never part
of the tests):

- ``copies``: copy-heavy (each source text ~N/105 times: most articles are linked, most
  records get story fields other than their own);
- ``crawl``: crawl-like (``--copies 0.05``: one article in twenty is a near copy of an
  earlier one, the others unrelated texts).

The builds run on each (``--modes``):

- ``before``: the partyx of another checkout (``--before DIR``: the commit before stories,
  e.g. ``git worktree add --detach /work/nostories COMMIT``), run with this venv's Python;
- ``off``: this checkout with stories taken out (no signing in the workers, no index, no
  datasketch import): today's code without its stories, the same stages;
- ``main``: another checkout with its stories (``--main DIR``: main before this work);
- ``on``: this checkout as it is.

A run's CPU is read with ``getrusage(RUSAGE_CHILDREN)`` around it (the run's process and its
workers, which it waits for). The runs are interleaved (before, off, on, before, ...) so that
the load of this shared machine falls on all alike; the median of ``--rounds`` is reported.

    python bench/bench_cost.py --articles 10000 --before /work/nostories --main /work/base
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent

# ``python -c _RUN CODE STUB CORPUS OUT [OPTION ...]``: one run (the options are extract's);
# prints its main process's own CPU and RSS
_RUN = """
import resource, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "1":  # stories taken out: nothing signed, indexed, linked nor imported
    from partyx.run import runner, worker

    class _NoStories:
        def __init__(self, *args, **kwargs): pass
        def forget(self, id_): pass
        def pend(self, id_, sig): pass
        def add_pending(self): pass

    runner.StoryIndex = _NoStories
    runner.prepare = lambda: None
    runner._link_stories = lambda state, stories: False
    worker.sign = lambda text, published: None
from partyx.cli import main
sys.argv = ["partyx", "extract", "-q", "-j", "2", *sys.argv[5:], sys.argv[3], "-o", sys.argv[4]]
try:
    main()
except SystemExit:
    pass
me = resource.getrusage(resource.RUSAGE_SELF)
print(me.ru_utime + me.ru_stime, me.ru_maxrss / 1024)
"""


def corpus(kind: str, n: int) -> Path:
    folder = ROOT / "bench" / "out" / f"{kind}-{n}"
    if not folder.is_dir():
        extra = ["--copies", "0.05"] if kind == "crawl" else []
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n),
                        str(folder), *extra], check=True)
    return folder


def run(code: Path, stub: bool, folder: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.jsonl"
        done = subprocess.run([sys.executable, "-c", _RUN, str(code), "1" if stub else "0",
                               str(folder), str(out)], check=True, capture_output=True)
        records = sum(1 for _ in out.open("rb"))
        linked = sum(1 for line in out.open("rb")
                     if (r := orjson.loads(line)).get("story") not in (None, r["id"]))
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu, rss = (float(x) for x in done.stdout.split()[-2:])
    total = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"total": total, "main": main_cpu, "workers": total - main_cpu, "wall": wall,
            "rss": rss, "records": records, "linked": linked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--before", type=Path, default=None,
                        help="checkout of the commit before stories (mode 'before')")
    parser.add_argument("--main", type=Path, default=None,
                        help="checkout of main with its stories (mode 'main')")
    parser.add_argument("--modes", default="before,off,main,on")
    parser.add_argument("--corpora", default="crawl,copies")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    other = {"before": args.before, "main": args.main}
    modes = [m for m in args.modes.split(",") if m not in other or other[m]]
    builds = {"before": (args.before.resolve() if args.before else ROOT, False),
              "main": (args.main.resolve() if args.main else ROOT, False),
              "off": (ROOT, True), "on": (ROOT, False)}
    for kind in args.corpora.split(","):
        folder = corpus(kind, args.articles)
        results: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
        for _ in range(args.rounds):
            for mode in modes:
                results[mode].append(run(*builds[mode], folder))
        print(f"{kind}, {args.articles:,} articles, -j 2, median of {args.rounds}:")
        medians = {}
        for mode in modes:
            rs = sorted(results[mode], key=lambda r: r["total"])
            med = rs[len(rs) // 2]
            medians[mode] = med["total"]
            totals = ", ".join(f"{r['total']:.1f}" for r in results[mode])
            print(f"  {mode:6s} CPU {med['total']:6.1f} s (main {med['main']:5.1f}, workers "
                  f"{med['workers']:5.1f}; runs {totals}), wall {med['wall']:5.1f} s, "
                  f"main RSS {med['rss']:4.0f} MB, {med['records']:,} records, "
                  f"{med['linked']:,} linked")
        for stories in ("main", "on"):
            for ref in ("before", "off"):
                if stories in medians and ref in medians:
                    print(f"  {stories} vs {ref}: "
                          f"{100 * (medians[stories] / medians[ref] - 1):+.1f}% CPU")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
