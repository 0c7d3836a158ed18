"""Instructions per article of a whole ``partyx extract -j 2`` run, split into the main process
and its workers, with stories on and off (issue 21: where the workers' extra cost goes; never
part of the tests). callgrind follows the forked workers (``--trace-children=yes``) and zeroes
each worker's counts when it starts (``--zero-before=PyOS_AfterFork_Child``: a forked child
otherwise inherits the counts of its parent before the fork, imports included). Instruction
counts are repeatable on this loaded machine, unlike CPU time. The run has no time limit per
article (``--timeout 0``): under callgrind on a loaded machine an article can take more than
the default 30 s, and a worker killed at the limit leaves no counts (callgrind cannot write
them when killed) while a new one takes its place. On 8 December (load ~10 on two cores) a
500-article run of main with stories counted 16.8 M instructions per article in its workers
against 20.1 M without stories (a worker killed at the limit the likely cause): runs made
so are not comparable (the README's earlier figures were measured on a quieter machine).

"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_cost import _RUN  # noqa: E402  (the same run, stories on or taken out)


def run(mode: str, corpus: Path) -> tuple[int, list[int]]:
    """The instructions of the main process and of each worker."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.%p"
        proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--trace-children=yes",
                                "--zero-before=PyOS_AfterFork_Child",
                                f"--callgrind-out-file={out}", sys.executable, "-c", _RUN,
                                str(ROOT), "1" if mode == "off" else "0", str(corpus),
                                str(Path(tmp) / "records.jsonl"), "--timeout", "0"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.wait():
            raise SystemExit(f"the run failed (exit {proc.returncode})")
        counts = {}
        for f in Path(tmp).glob("cg.*"):
            text = f.read_text(errors="replace")
            pid = int(f.name.split(".")[1])
            total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
            counts[pid] = int(total.group(1)) if total else 0
    main_pid = proc.pid  # valgrind runs python in its own process (process ids wrap around)
    return counts[main_pid], [c for p, c in sorted(counts.items()) if p != main_pid]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--modes", default="off,on")
    args = parser.parse_args()
    n = sum(1 for p in args.corpus.rglob("*") if p.is_file())
    for mode in args.modes.split(","):
        main_ir, workers = run(mode, args.corpus)
        print(f"{mode:4s} main {main_ir / 1e6:8.1f} M, workers {sum(workers) / 1e6:8.1f} M "
              f"({len(workers)}): {main_ir / n / 1e6:.2f} + {sum(workers) / n / 1e6:.2f} M "
              f"instructions per article ({n} articles)")


if __name__ == "__main__":
    main()
