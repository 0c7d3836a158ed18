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

    python bench/run.py                      # 10,000 articles, 1 and 2 workers
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
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()
    sizes = args.articles or [10000]
    workers = [int(w) for w in args.workers.split(",")]
    rows, results = [], {"cpus": os.cpu_count(), "runs": []}
    for n in sizes:
        corpus, paths, size = corpus_of(n, args.out)
        outputs = {}
        for w in workers:
            output = args.out / f"run-{n}-{w}" / "records.jsonl"
            shutil.rmtree(output.parent, ignore_errors=True)
            cold = extract(corpus, output, w)
            make_corpus.change(paths, args.changed, seed=len(results["runs"]) + 1)
            rerun = extract(corpus, output, w)
            outputs[w] = output
            for kind, r in (("cold", cold), (f"re-run {args.changed:.0%} changed", rerun)):
                r.update(articles=n, workers=w, run=kind, mb=size / 1e6)
                results["runs"].append(r)
                rows.append(r)
        if len(outputs) > 1:
            first, *others = sorted(outputs)
            extract(corpus, outputs[first], first)  # catch up on the later changes
            same = all(outputs[first].read_bytes() == outputs[o].read_bytes() for o in others)
            results[f"identical_{n}"] = same
            print(f"{n} articles: outputs of {first} and {others} workers identical: {same}",
                  file=sys.stderr)
    results["underthesea"] = underthesea_rates(paths, args.sample)
    results["load_after"] = os.getloadavg()
    results["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
    _print(rows, results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))


def _print(rows: list[dict], results: dict) -> None:
    print("| articles | workers | run | seconds | articles/s | per worker | MB/s "
          "| peak RSS tree | peak PSS tree | processed | load |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["articles"] / r["seconds"]
        print(f"| {r['articles']:,} | {r['workers']} | {r['run']} | {r['seconds']:.1f} "
              f"| {rate:.0f} | {rate / r['workers']:.0f} | {r['mb'] / r['seconds']:.1f} "
              f"| {r['peak_rss_mb']:.0f} MB | {r['peak_pss_mb']:.0f} MB | {r['processed']:,} "
              f"| {r['load_before']:.1f} |")
    u = results["underthesea"]
    print(f"\nunderthesea on {u['sample']} of the same articles: word_tokenize "
          f"{u['word_tokenize_articles_per_s']:.1f} articles/s, ner "
          f"{u['ner_articles_per_s']:.1f} articles/s (import {u['import_seconds']:.1f} s)")
    colds = {r["workers"]: r for r in rows if r["run"] == "cold"}
    for w, r in colds.items():
        rerun = next(x for x in rows if x["workers"] == w and x["run"] != "cold"
                     and x["articles"] == r["articles"])
        rate = r["articles"] / r["seconds"]
        print(f"{w} worker(s): cold {rate:.0f} articles/s = "
              f"{rate / u['ner_articles_per_s']:.0f}x underthesea ner; re-run "
              f"{r['seconds'] / rerun['seconds']:.1f}x faster than cold")
    if 1 in colds and 2 in colds:
        print(f"2 workers / 1 worker: {colds[1]['seconds'] / colds[2]['seconds']:.2f}x")
    print(f"load average after: {results['load_after']}")


if __name__ == "__main__":
    main()
