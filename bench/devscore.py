"""Development score: partyx on the hand-annotated corpus articles of tests/devgold.

The five seeds are tuned to near-perfection, which says little about the hidden real articles
the product is judged on. tests/devgold/ holds independent, hand-made annotations (same format
and conventions as ../shared/gold) of 15 articles of ../shared/corpus/articles. This script runs
`partyx extract` on exactly those articles into a temporary file and scores the records with the
shared scorer, which matches records to annotations by id (the file stem):

    python bench/devscore.py            # per-field table plus every miss and extra
    python bench/devscore.py --json     # the scorer's JSON summary instead
    python bench/devscore.py --keep out.jsonl   # also keep the records
    python bench/devscore.py --gold bench/holdout   # the held-out set (measure, never tune)
    python bench/devscore.py --gold G --corpus A    # annotations G of the articles in folder A

It is a measurement, not a test: it exits 0 whatever the score (2 when partyx or the scorer
fails), and skips cleanly (exit 0, a note on stderr) where ../shared is absent.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "devgold"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "articles"
SCORER = SHARED / "eval" / "score.py"


def gold_articles(gold: Path = GOLD, corpus: Path = CORPUS) -> list[Path]:
    """The corpus file of every annotation in `gold` (stem = id), in sorted order."""
    return [corpus / f"{p.stem}.txt" for p in sorted(gold.glob("*.json"))]


def extract(articles: list[Path], out: Path) -> int:
    """Run `partyx extract` on the articles (every one, not incrementally) into `out`."""
    cmd = [sys.executable, "-m", "partyx", "extract", *map(str, articles),
           "-o", str(out), "--full", "-q"]
    return subprocess.run(cmd, cwd=ROOT).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON summary")
    ap.add_argument("--keep", type=Path, help="also copy the extracted records to this file")
    ap.add_argument("--gold", type=Path, default=GOLD,
                    help="annotation folder (default tests/devgold; bench/holdout is the "
                         "held-out set: measure with it, never tune on it)")
    ap.add_argument("--corpus", type=Path, default=CORPUS,
                    help="folder of the annotated articles, <id>.txt (default "
                         "../shared/corpus/articles)")
    args = ap.parse_args(argv)

    if not args.corpus.is_dir() or not SCORER.is_file():
        print(f"devscore: {args.corpus} or {SCORER} is not here; nothing to measure",
              file=sys.stderr)
        return 0
    articles = gold_articles(args.gold, args.corpus)
    missing = [p.name for p in articles if not p.is_file()]
    if missing:
        print(f"devscore: corpus files missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="partyx-devscore-") as tmp:
        out = Path(tmp) / "records.jsonl"
        if extract(articles, out) not in (0, 1) or not out.is_file():  # 1: some stage errors
            print("devscore: partyx extract failed", file=sys.stderr)
            return 2
        if args.keep:
            shutil.copyfile(out, args.keep)
        cmd = [sys.executable, str(SCORER), "--gold", str(args.gold), "--pred", str(out),
               "--json" if args.json else "--details"]
        if subprocess.run(cmd).returncode != 0:
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
