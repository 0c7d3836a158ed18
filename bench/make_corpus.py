"""Build a synthetic corpus of N distinct articles for the benchmarks (never used by tests).

Sources: the seeds and ``../shared/corpus/articles`` (read from beside the repository; the
articles are never copied into it). Each synthetic article is one source article, varied so
that no two are identical and the stages see realistic, changing text:

- the sentences of the body (after the first line, the headline) are shuffled;
- person names (a Vietnamese surname and one to three more capitalised syllables) are
  swapped for names drawn from a pool;
- day/month dates and hh:mm times get other valid values; years from 1945 on are all moved by
  the same number of years (so a term ``2015-2020`` stays in order and a date stays inside
  it; earlier years, such as a founding, are kept); other numbers get another value of the
  same number of digits (so ``19.908`` stays a thousands-separated count).

The file keeps its source's encoding (UTF-8, or UTF-16 LE with BOM and CRLF for VNTC), and
articles are spread over folders of 1,000, as a crawler's output would be.

So every source has ~N/105 near copies: a copy-heavy corpus (most articles are linked into
stories). ``--copies F`` builds a crawl-like one instead: an article is, with probability F, a
variant of an earlier article of the corpus (a near copy: the same story), else a new text whose
headline is a source's and whose paragraphs (of a source's shape) are sentences drawn at random
from all the sources (real text for the stages, no story shared with any other article).

    python bench/make_corpus.py 10000 bench/out/corpus-10000
    python bench/make_corpus.py 10000 bench/out/few-10000 --copies 0.05
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "articles"]
# Changes whenever the same seed would build a different corpus (a built one is then rebuilt).
VERSION = "2"

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Xuân", "Kim", "Công")
GIVEN = ("Phong", "Hằng", "Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Sơn", "Thảo", "Long",
         "Hải", "Nam", "Bình", "Quang", "Trí", "Hoa", "Khánh", "Vinh", "Thắng", "Yến", "Cường")

_UPPER = "A-ZÀ-ỸĐ"
_NAME = re.compile(rf"\b(?:{'|'.join(SURNAMES)})(?: [{_UPPER}][^\s,.;:()]{{0,7}}){{1,3}}")
_NUMBERS = re.compile(r"\b(?P<date>\d{1,2}/\d{1,2}(?P<year>/\d{4})?)\b"
                      r"|\b(?P<time>\d{1,2}:\d{2})\b|(?P<number>\d+)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_sources() -> list[tuple[str, str, str, str]]:
    """``(stem, text, encoding, newline)`` of every source article."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            data = path.read_bytes()
            if data.startswith(b"\xff\xfe"):
                text, encoding = data.decode("utf-16"), "utf-16"
            else:
                text, encoding = data.decode("utf-8-sig"), "utf-8"
            newline = "\r\n" if "\r\n" in text else "\n"
            out.append((path.stem, text.replace("\r\n", "\n"), encoding, newline))
    if not out:
        sys.exit(f"no source articles in {', '.join(map(str, SOURCES))}")
    return out


def _name(rng: random.Random) -> str:
    return " ".join((rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN)))


def vary(text: str, rng: random.Random) -> str:
    """One variant of ``text`` (see module docstring)."""
    lines = text.split("\n")
    head, body = lines[:1], lines[1:]
    varied = []
    for line in body:
        sentences = _SENTENCE.split(line)
        if len(sentences) > 2:
            rest = sentences[1:]
            rng.shuffle(rest)
            sentences = [sentences[0], *rest]
        varied.append(" ".join(sentences))
    names: dict[str, str] = {}
    out = "\n".join(head + varied)
    out = _NAME.sub(lambda m: names.setdefault(m.group(0), _name(rng)), out)
    shift = rng.randint(-6, 2)  # years, one shift for the whole article
    return _NUMBERS.sub(lambda m: _replace(m, rng, shift), out)


def _replace(m: re.Match, rng: random.Random, shift: int) -> str:
    if m.group("date"):
        year = f"/{_year(m.group('year')[1:], shift)}" if m.group("year") else ""
        return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}{year}"
    if m.group("time"):
        return f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"
    return _number(m.group("number"), rng, shift)


def _year(digits: str, shift: int) -> str:
    year = int(digits)
    return str(year + shift) if year >= 1945 else digits  # each year moved alike: no clamp


def _number(digits: str, rng: random.Random, shift: int) -> str:
    if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year
        return _year(digits, shift)
    if len(digits) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def _sentences(sources: list[tuple[str, str, str, str]]) -> list[str]:
    """Every sentence of the sources' bodies (five syllables or more)."""
    return [s for _, text, _, _ in sources for line in text.split("\n")[1:]
            for s in _SENTENCE.split(line) if len(s.split()) >= 5]


def _mixed(text: str, pool: list[str], rng: random.Random) -> str:
    """``text``'s headline, then paragraphs of its shape made of sentences drawn from
    ``pool``."""
    lines = text.split("\n")
    body = [" ".join(rng.choice(pool) for _ in range(max(1, len(_SENTENCE.split(line)))))
            if line.strip() else line for line in lines[1:]]
    return "\n".join(lines[:1] + body)


def build(n: int, folder: Path, seed: int = 0, copies: float | None = None) -> list[Path]:
    """Write ``n`` distinct articles under ``folder``; return their paths (``copies``: see
    module docstring)."""
    sources = load_sources()
    pool = _sentences(sources) if copies is not None else []
    rng = random.Random(seed)
    seen: set[bytes] = set()
    paths = []
    bases: list[tuple[str, str, str, str]] = []
    for i in range(n):
        if copies is None:
            stem, text, encoding, newline = sources[i % len(sources)]
        elif bases and rng.random() < copies:
            stem, text, encoding, newline = rng.choice(bases)
        else:
            stem, text, encoding, newline = sources[i % len(sources)]
            text = _mixed(text, pool, rng)
            bases.append((stem, text, encoding, newline))
        while True:
            data = vary(text, rng).replace("\n", newline).encode(encoding)
            digest = hashlib.sha1(data).digest()
            if digest not in seen:
                seen.add(digest)
                break
        path = folder / f"{i // 1000:04d}" / f"{stem}-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


def change(paths: list[Path], fraction: float, seed: int) -> list[Path]:
    """Edit ``fraction`` of the files (a sentence appended, same encoding); return them."""
    rng = random.Random(seed)
    chosen = rng.sample(paths, max(1, round(len(paths) * fraction)))
    for path in chosen:
        data = path.read_bytes()
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-8"
        path.write_bytes(data + f"\nCập nhật lần {seed}.\n".encode(encoding))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--copies", type=float, default=None,
                        help="crawl-like: the share of near copies of earlier articles")
    args = parser.parse_args()
    paths = build(args.n, args.folder, args.seed, args.copies)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
