"""Benchmark ``partyx extract`` on a synthetic corpus (never part of the tests).

For each corpus size and each number of workers: a cold run (no state), then a re-run after 1%
of the files changed; wall time of the whole command (start-up included), articles/s, MB/s of
input, and the peak memory of the whole process tree (the partyx process and its workers),
sampled from /proc: the sum of RSS every 50 ms (counts pages shared by forked workers once per
process: an upper bound) and the sum of PSS every second (shared pages split: the memory really
used; reading it costs several ms per process, so it is rare). Then, as reference points on the
same text in the same run, the throughput of underthesea's ``word_tokenize`` and ``ner`` on a
sample of the articles (sentence by sentence, as those models are meant to be used).

Finally the 1-worker output is brought up to date incrementally and compared byte for byte
with the 2-worker output.

A shared machine's speed drifts from one minute to the next, so ``--repeat K`` runs the whole
set K times in rounds (each round: every worker count, cold and re-run, then underthesea) and
reports each round and the median of the rounds: the 1- and 2-worker runs of a round, and the
reference they are compared with, ran minutes apart at most.

    python bench/run.py                      # 10,000 articles, 1 and 2 workers
    python bench/run.py --repeat 3           # the same, three rounds, medians
    python bench/run.py --articles 10000 --articles 50000 --workers 2

The corpus is built once per size under ``bench/out/`` (see ``bench/make_corpus.py``).
Results are printed as a Markdown table and written to ``bench/out/results.json``.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


# --- memory of a process tree ----------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, ()))
    return out


def _rss(pid: int) -> int:
    """Resident set of ``pid`` (``/proc/PID/statm``: a counter, cheap to read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    """Proportional set of ``pid`` (``smaps_rollup`` walks the page tables: several ms for a
    100 MB process, so it is read rarely)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return _rss(pid)


class TreeMemory(threading.Thread):
    """Peak summed RSS and PSS of a process and its descendants while it runs: RSS every
    ``every`` s, PSS every ``pss_every`` s, the tree listed again every 0.5 s. Light on
    purpose: reading ``smaps_rollup`` of three processes 20 times a second would take a
    third of a core, stolen from the workers of a 2-worker run on 2 cores."""

    def __init__(self, pid: int, every: float = 0.05, pss_every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.pss_every = pid, every, pss_every
        self.peak_rss = self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        pids, listed, pss_at = [self.pid], 0.0, 0.0
        while not self.done.is_set():
            now = time.monotonic()
            if now - listed > 0.5:
                pids, listed = _tree(self.pid), now
            self.peak_rss = max(self.peak_rss, sum(_rss(p) for p in pids))
            if now - pss_at >= self.pss_every:
                self.peak_pss, pss_at = max(self.peak_pss, sum(_pss(p) for p in pids)), now
            self.done.wait(self.every)


# --- one measured run ------------------------------------------------------------------------


def extract(corpus: Path, output: Path, workers: int) -> dict:
    report = output.with_suffix(".report.json")
    cmd = [sys.executable, "-m", "partyx", "extract", str(corpus), "-o", str(output),
           "-j", str(workers), "-q", "--report", str(report)]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    memory = TreeMemory(proc.pid)
    memory.start()
    code = proc.wait()
    seconds = time.perf_counter() - start
    memory.done.set()
    memory.join()
    if code not in (0, 1):
        sys.exit(f"partyx extract failed with exit code {code}: {' '.join(cmd)}")
    data = orjson.loads(report.read_bytes())
    return {"seconds": seconds, "processed": data["run"]["processed"],
            "records": data["records"], "peak_rss_mb": memory.peak_rss / 1e6,
            "peak_pss_mb": memory.peak_pss / 1e6, "load_before": load,
            "stage_seconds": data["stage_seconds"]}


def corpus_of(n: int, out: Path) -> tuple[Path, list[Path], int]:
    folder = out / f"corpus-{n}"
    marker = folder / ".complete"  # holds the generator's version: a new one rebuilds
    if not marker.exists() or marker.read_text() != f"{n} v{make_corpus.VERSION}":
        shutil.rmtree(folder, ignore_errors=True)
        print(f"building {n} articles in {folder} …", file=sys.stderr)
        make_corpus.build(n, folder)
        marker.write_text(f"{n} v{make_corpus.VERSION}")
    paths = sorted(folder.rglob("*.txt"))
    return folder, paths, sum(p.stat().st_size for p in paths)


# --- underthesea reference -------------------------------------------------------------------


_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def underthesea_rates(paths: list[Path], sample: int) -> dict:
    """Articles/s of underthesea on ``sample`` articles, fed sentence by sentence (its models
    are sentence models: on a whole article ``ner`` takes time quadratic in its length)."""
    import logging

    from partyx.io import decode

    texts = [decode(p.read_bytes()).text for p in paths[:: max(1, len(paths) // sample)][:sample]]
    start = time.perf_counter()
    import underthesea

    logging.getLogger("underthesea").handlers.clear()
    imported = time.perf_counter() - start
    out = {"sample": len(texts), "import_seconds": imported}
    for name in ("word_tokenize", "ner"):
        func = getattr(underthesea, name)
        func(texts[0][:200])  # load the model outside the timing
        start = time.perf_counter()
        for text in texts:
            for sentence in _SENTENCES.split(text):
                if sentence.strip():
                    func(sentence)
        out[f"{name}_articles_per_s"] = len(texts) / (time.perf_counter() - start)
    return out


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append",
                        help="corpus size (repeatable; default 10000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated (default 1,2)")
    parser.add_argument("--changed", type=float, default=0.01, help="fraction changed")
    parser.add_argument("--sample", type=int, default=20, help="articles for underthesea")
    parser.add_argument("--repeat", type=int, default=1, help="rounds (medians reported)")
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()
    sizes = args.articles or [10000]
    workers = [int(w) for w in args.workers.split(",")]
    rows, results = [], {"cpus": os.cpu_count(), "runs": [], "underthesea": []}
    for n in sizes:
        corpus, paths, size = corpus_of(n, args.out)
        for round_ in range(1, args.repeat + 1):
            outputs = {}
            for w in workers:
                output = args.out / f"run-{n}-{w}" / "records.jsonl"
                shutil.rmtree(output.parent, ignore_errors=True)
                cold = extract(corpus, output, w)
                make_corpus.change(paths, args.changed, seed=len(results["runs"]) + 1)
                rerun = extract(corpus, output, w)
                outputs[w] = output
                for kind, r in (("cold", cold), (f"re-run {args.changed:.0%} changed", rerun)):
                    r.update(articles=n, workers=w, run=kind, mb=size / 1e6, round=round_)
                    results["runs"].append(r)
                    rows.append(r)
            if len(outputs) > 1:
                first, *others = sorted(outputs)
                extract(corpus, outputs[first], first)  # catch up on the later changes
                same = all(outputs[first].read_bytes() == outputs[o].read_bytes()
                           for o in others)
                results[f"identical_{n}"] = results.get(f"identical_{n}", True) and same
                print(f"{n} articles, round {round_}: outputs of {first} and {others} workers "
                      f"identical: {same}", file=sys.stderr)
            u = underthesea_rates(paths, args.sample)
            u.update(articles=n, round=round_)
            results["underthesea"].append(u)
    results["load_after"] = os.getloadavg()
    results["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
    _print(rows, results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))


def _print(rows: list[dict], results: dict) -> None:
    print("| articles | round | workers | run | seconds | articles/s | per worker | MB/s "
          "| peak RSS tree | peak PSS tree | processed | load |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["articles"] / r["seconds"]
        print(f"| {r['articles']:,} | {r['round']} | {r['workers']} | {r['run']} "
              f"| {r['seconds']:.1f} | {rate:.0f} | {rate / r['workers']:.0f} "
              f"| {r['mb'] / r['seconds']:.1f} | {r['peak_rss_mb']:.0f} MB "
              f"| {r['peak_pss_mb']:.0f} MB | {r['processed']:,} | {r['load_before']:.1f} |")
    print()
    for n in sorted({r["articles"] for r in rows}):
        rounds = [_round_figures(rows, results["underthesea"], n, k)
                  for k in sorted({r["round"] for r in rows if r["articles"] == n})]
        for k, fig in enumerate(rounds, 1):
            print(f"{n:,} articles, round {k}: " + _describe(fig))
        if len(rounds) > 1:
            median = {key: statistics.median(f[key] for f in rounds) for key in rounds[0]}
            print(f"{n:,} articles, median of {len(rounds)} rounds: " + _describe(median))
    print(f"load average after: {results['load_after']}")


def _round_figures(rows: list[dict], refs: list[dict], n: int, round_: int) -> dict[str, float]:
    """The figures of one round: per worker count, cold articles/s, its ratio to underthesea's
    ``ner`` of the same round, and how many times faster the re-run was; the 2/1 speed-up."""
    ner = next(u for u in refs if u["articles"] == n and u["round"] == round_)
    fig = {"ner": ner["ner_articles_per_s"], "word_tokenize": ner["word_tokenize_articles_per_s"]}
    mine = [r for r in rows if r["articles"] == n and r["round"] == round_]
    for r in mine:
        if r["run"] != "cold":
            continue
        w = r["workers"]
        rerun = next(x for x in mine if x["workers"] == w and x["run"] != "cold")
        fig[f"cold_{w}"] = n / r["seconds"]
        fig[f"per_worker_{w}"] = n / r["seconds"] / w
        fig[f"x_ner_{w}"] = n / r["seconds"] / fig["ner"]
        fig[f"rerun_x_{w}"] = r["seconds"] / rerun["seconds"]
    if "cold_1" in fig and "cold_2" in fig:
        fig["speedup_2_1"] = fig["cold_2"] / fig["cold_1"]
    return fig


def _describe(fig: dict[str, float]) -> str:
    parts = [f"ner {fig['ner']:.1f}/s, word_tokenize {fig['word_tokenize']:.1f}/s"]
    for w in sorted(int(k.split("_")[1]) for k in fig if k.startswith("cold_")):
        parts.append(f"{w} worker(s) cold {fig[f'cold_{w}']:.0f}/s ({fig[f'per_worker_{w}']:.0f} "
                     f"per worker, {fig[f'x_ner_{w}']:.0f}x ner), re-run "
                     f"{fig[f'rerun_x_{w}']:.1f}x faster")
    if "speedup_2_1" in fig:
        parts.append(f"2/1 workers {fig['speedup_2_1']:.2f}x")
    return "; ".join(parts)


if __name__ == "__main__":
    main()
