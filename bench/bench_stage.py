"""What one stage costs per article, in instructions (callgrind) and CPU time.

The articles are the seeds and the development corpus (``../shared/corpus/articles``), or the
folders given with ``--corpus``. Every measurement first does the same set-up: imports, the
pipeline built, the warm-up article of a run (:data:`partyx.run.worker.WARM_UP_TEXT`, which is
when the stages' lazy loads happen in a real run, before workers fork), every article read and
run through the stages that come before the measured one. Then the measured phase runs the
stage once more on each article (``stage``), or every stage from it to the end (``rest``), and
nothing for ``none``. Under ``--callgrind`` each phase runs once under valgrind and the
per-article cost is (phase - none) / articles: exact and repeatable on a shared machine.
Without it, the median of ``--repeat`` rounds of CPU time (``process_time``) per article.

    .venv/bin/python bench/bench_stage.py places --callgrind     # instructions per article
    .venv/bin/python bench/bench_stage.py places --repeat 9      # CPU time per article

It is a measurement, never run by the tests.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partyx import io  # noqa: E402
from partyx.pipeline import build  # noqa: E402
from partyx.record import Article  # noqa: E402
from partyx.run.worker import WARM_UP_TEXT, read_article  # noqa: E402

FOLDERS = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "articles"]


def prepared(stage: str, folders: list[Path]):
    """(pipeline, index of ``stage``, articles run through the stages before it)."""
    pipeline = build()
    pipeline.run(Article(id="warm-up", source={}, raw=io.decode(WARM_UP_TEXT.encode()).text))
    at = pipeline.names.index(stage)
    articles = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            article = read_article(path, path.stem).article
            for s in pipeline.stages[:at]:
                s(article)
            articles.append(article)
    return pipeline, at, articles


def phase(stage: str, what: str, folders: list[Path]) -> int:
    pipeline, at, articles = prepared(stage, folders)
    stages = pipeline.stages[at:at + 1] if what == "stage" else pipeline.stages[at:]
    if what != "none":
        for article in articles:
            for s in stages:
                s(article)
    return len(articles)


def callgrind(stage: str, folders: list[Path]) -> None:
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for what in ("none", "stage", "rest"):
            out = Path(tmp) / f"cg.{what}"
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                            sys.executable, __file__, stage, "--phase", what,
                            *(f"--corpus={f}" for f in folders)],
                           check=True, capture_output=True)
            summary = [line for line in out.read_text().splitlines()
                       if line.startswith(("summary:", "totals:"))]
            counts[what] = int(summary[0].split()[1])
    n = len(prepared(stage, folders)[2])
    print(f"{n} articles; set-up (imports, pipeline, warm-up, reading, earlier stages): "
          f"{counts['none'] / 1e6:.1f} M instructions")
    print(f"{stage}: {(counts['stage'] - counts['none']) / n / 1e6:.3f} M instructions per "
          f"article; {stage} and every later stage: "
          f"{(counts['rest'] - counts['none']) / n / 1e6:.3f} M")


def timed(stage: str, folders: list[Path], repeat: int) -> None:
    pipeline, at, articles = prepared(stage, folders)
    s = pipeline.stages[at]
    rounds = []
    for _ in range(repeat):
        start = time.process_time()
        for article in articles:
            s(article)
        rounds.append((time.process_time() - start) / len(articles))
    print(f"{len(articles)} articles; {stage}: {statistics.median(rounds) * 1e3:.3f} ms CPU per "
          f"article (median of {repeat} rounds: "
          + ", ".join(f"{r * 1e3:.3f}" for r in rounds) + ")")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stage")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", action="append", type=Path,
                    help="a folder of .txt articles (repeatable; default: seeds, corpus, "
                         "modern excerpts)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)  # internal: one phase under valgrind
    args = ap.parse_args()
    folders = args.corpus or FOLDERS
    if args.phase:
        phase(args.stage, args.phase, folders)
    elif args.callgrind:
        callgrind(args.stage, folders)
    else:
        timed(args.stage, folders, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
