"""Instructions per article of signing (:func:`partyx.run.stories.sign`), counted by callgrind
(repeatable on a loaded machine, unlike time): the body texts of a records file signed
``--repeat`` times, minus the same script without signing (never part of the tests); with
``--shingles``, the shingle hashes alone (:func:`partyx.lang.shingles.shingle_hashes`: the rest
of the signing is datasketch's MinHash of them).

    python bench/bench_sign.py --records partyx-out/records.jsonl [--code DIR] [--shingles]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = """
import sys, orjson
sys.path.insert(0, sys.argv[1])
from partyx.run.stories import prepare, sign
prepare()
if sys.argv[4] == "shingles":
    from partyx.lang.shingles import shingle_hashes
    sign = lambda text, published: shingle_hashes(text)
texts = [(r.get("text"), r.get("published")) for r in map(orjson.loads, open(sys.argv[2], "rb"))
         if isinstance(r.get("text"), str)]
sign(texts[0][0], None)
for _ in range(int(sys.argv[3])):
    for text, published in texts:
        sign(text, published)
print(len(texts))
"""


def instructions(code: Path, records: Path, repeat: int, part: str) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                               sys.executable, "-c", _SCRIPT, str(code), str(records),
                               str(repeat), part], check=True, capture_output=True,
                              text=True)
        total = re.search(r"Collected : (\d+)", done.stderr)
        assert total, done.stderr
        return int(total.group(1)), int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, required=True)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shingles", action="store_true", help="the shingle hashes alone")
    args = parser.parse_args()
    part = "shingles" if args.shingles else "sign"
    base, n = instructions(args.code.resolve(), args.records, 0, part)
    signed, _ = instructions(args.code.resolve(), args.records, args.repeat, part)
    what = "shingle hashes" if args.shingles else "signing"
    print(f"{what} ({args.code}): {(signed - base) / (n * args.repeat) / 1e6:.3f} M "
          f"instructions per article ({n} texts x {args.repeat})")


if __name__ == "__main__":
    main()
