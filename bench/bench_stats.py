"""Time and peak memory of the corpus views on a synthetic corpus.

    .venv/bin/python bench/bench_stats.py                # 100,000 records
    .venv/bin/python bench/bench_stats.py -n 1000000     # the "a million records" check

Generates N ``partyx/1`` records from realistic templates (Hà Nội, TP Hồ Chí Minh, Đà Nẵng …
districts; ~1,900 officials, each with a home post, whose names are sometimes written decomposed
or with doubled spaces; cited documents; membership counts that grow over time; a body of
~2.5 KB like a real article), then runs each view as its own process
(``python -m partyx stats VIEW FILE --format json``, the export targets and the report) and
reports wall time and peak RSS (``wait4`` rusage of that process alone) as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import orjson

PROVINCES = {
    "Hà Nội": ["Ba Đình", "Hoàn Kiếm", "Thanh Xuân", "Long Biên", "Cầu Giấy", "Đống Đa",
               "Hai Bà Trưng", "Hoàng Mai", "Tây Hồ", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông"],
    "Hồ Chí Minh": ["1", "3", "4", "5", "6", "7", "8", "10", "11", "12", "Bình Thạnh",
                    "Gò Vấp", "Phú Nhuận", "Tân Bình", "Tân Phú", "Bình Tân"],
    "Đà Nẵng": ["Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ"],
    "Hải Phòng": ["Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An", "Đồ Sơn"],
    "Cần Thơ": ["Ninh Kiều", "Bình Thủy", "Cái Răng", "Ô Môn", "Thốt Nốt"],
}
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLES = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Ngọc", "Thu", "Xuân", "Hồng"]
GIVENS = ["Phong", "Tuyến", "Tiến", "Hằng", "Thủy", "Hùng", "Dũng", "Lan", "Hải", "Long",
          "Nam", "Hương", "Quang", "Sơn", "Trung", "Hà", "Thắng", "Bình", "Tâm", "Khoa"]
DISTRICT_TITLES = ["Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Chủ tịch", "Ủy viên"]
CITY_TITLES = ["Phó Bí thư", "Trưởng ban", "Ủy viên Ban Thường vụ", "Phó Chủ tịch"]
EVENTS = ["inspection", "working_session", "congress", "conference", "review", "election",
          "award", "appointment", "discipline", "other"]
DOC_KINDS = [("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Kế hoạch", "KH"),
             ("Quy định", "QĐi"), ("Chương trình", "CTr")]
BODY = ("Chiều {d}/{m}, đoàn công tác của Ban Thường vụ {city_org} do đồng chí {lead}, "
        "{lead_post}, làm trưởng đoàn đã kiểm tra việc thực hiện Nghị quyết tại quận {district}. "
        "Báo cáo cho biết, Đảng bộ quận hiện có {g} tổ chức cơ sở đảng với {m_count} đảng viên. "
        "Công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức được quan tâm; "
        "việc học tập, quán triệt các nghị quyết, chỉ thị của Trung ương, của Thành ủy được "
        "triển khai nghiêm túc, bài bản, hiệu quả. ") * 4


def _officials(rng: random.Random) -> dict[tuple[str, str | None], list[tuple[str, str, str]]]:
    """Officials by home: (province, district) -> [(name, title, org)]; district None is the
    city level. Each holds one post; names are unique across the corpus."""
    seen: set[str] = set()

    def name() -> str:
        while True:
            parts = [rng.choice(SURNAMES), rng.choice(MIDDLES), rng.choice(GIVENS)]
            if rng.random() < 0.4:
                parts.insert(2, rng.choice(MIDDLES))
            full = " ".join(parts)
            if full not in seen:
                seen.add(full)
                return full

    homes: dict[tuple[str, str | None], list[tuple[str, str, str]]] = {}
    for province, districts in PROVINCES.items():
        city = "Thành ủy " + ("Thành phố Hồ Chí Minh" if province == "Hồ Chí Minh" else province)
        homes[(province, None)] = [(name(), rng.choice(CITY_TITLES), city) for _ in range(40)]
        for district in districts:
            homes[(province, district)] = [(name(), rng.choice(DISTRICT_TITLES),
                                            f"Quận ủy {district}") for _ in range(30)]
    return homes


def _variant(rng: random.Random, name: str) -> str:
    """The name as an outlet might write it: usually as is, sometimes NFD or with blanks."""
    r = rng.random()
    if r < 0.05:
        return unicodedata.normalize("NFD", name)
    if r < 0.08:
        return name.replace(" ", "  ", 1)
    return name


def generate(n: int, path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    officials = _officials(rng)
    documents = [(kind, code, str(rng.randint(1, 60)).zfill(rng.choice([1, 2])),
                  rng.choice(["TW", "TU", "QU"]), rng.randint(2011, 2023))
                 for kind, code in DOC_KINDS for _ in range(80)]
    members: dict[tuple[str, str], int] = {}
    with path.open("wb") as fh:
        for i in range(n):
            province = rng.choice(list(PROVINCES))
            district = rng.choice(PROVINCES[province])
            year, month, dom = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = f"{year}-{month:02d}-{dom:02d}"
            district_org = f"Quận ủy {district}"
            cast = [rng.choice(officials[(province, None)]),
                    *rng.sample(officials[(province, district)], rng.randint(0, 4))]
            people = []
            for name, title, org in cast:
                if rng.random() < 0.03:  # a promotion, or an outlet's other wording
                    title = rng.choice(CITY_TITLES if org.startswith("Thành") else
                                       DISTRICT_TITLES)
                status = "former" if rng.random() < 0.03 else "current"
                people.append({"name": _variant(rng, name), "gender": None,
                               "positions": [{"title": title, "org": org, "status": status,
                                              "text": f"{title} {org}"}],
                               "mentions": rng.randint(1, 6)})
            city_org = cast[0][2]
            docs = []
            for kind, code, number, issuer, dyear in rng.sample(documents, rng.randint(0, 3)):
                docs.append({"number": number, "code": code, "issuer": issuer, "type": kind,
                             "date": f"{dyear}-01-01", "issued_by": None, "title": None,
                             "text": f"{kind} số {number}-{code}/{issuer}"})
            membership = []
            if rng.random() < 0.3:
                key = (province, district)
                members[key] = members.get(key, rng.randint(8000, 25000)) + rng.randint(-50, 400)
                membership.append({"org": f"Đảng bộ quận {district}",
                                   "party_members": members[key],
                                   "grassroots_orgs": rng.randint(30, 90), "as_of": date,
                                   "text": f"{members[key]} đảng viên"})
            lead, lead_post = people[0]["name"], people[0]["positions"][0]["text"]
            record = {
                "schema": "partyx/1", "id": f"{i:07d}_{rng.getrandbits(64):016x}",
                "source": {"path": f"corpus/{i:07d}.txt", "sha256": f"{rng.getrandbits(256):064x}",
                           "bytes": 5000, "encoding": "utf-8"},
                "title": f"Quận {district}: kiểm tra công tác xây dựng Đảng",
                "published": f"{date}T{rng.randint(6, 22):02d}:00:00+07:00",
                "outlet": rng.choice(["Lao Động Thủ Đô", "Tiền Phong", "Hà Nội Mới",
                                      "Kinh tế & Đô thị", "Người Lao Động", "Tuổi Trẻ"]),
                "authors": [rng.choice(["Hoàng Phúc", "Minh Anh", "Thu Hà"])], "section": None,
                "text": BODY.format(d=dom, m=month, city_org=city_org, lead=lead,
                                    lead_post=lead_post, district=district,
                                    g=rng.randint(30, 90), m_count=rng.randint(8000, 25000)),
                "event": {"type": rng.choice(EVENTS), "date": date, "lead": lead},
                "people": people,
                "organizations": [{"name": district_org, "kind": "party_committee",
                                   "level": "district"}],
                "places": [{"type": "thành phố", "name": province, "province": None},
                           {"type": "quận", "name": district, "province": province}],
                "documents": docs, "congresses": [], "membership": membership, "errors": [],
            }
            fh.write(orjson.dumps(record) + b"\n")


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="records to generate")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temp)")
    parser.add_argument("--only", default="", help="comma-separated commands, e.g. "
                        "'stats people,report' (default: all)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="partyx-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    records = work / f"records-{args.n}.jsonl"
    if not records.exists():
        start = time.perf_counter()
        generate(args.n, records)
        print(f"generated {args.n:,} records ({records.stat().st_size / 2**20:.0f} MB) in "
              f"{time.perf_counter() - start:.1f} s -> {records}", file=sys.stderr)
    py = [sys.executable, "-m", "partyx"]
    runs = {f"stats {v}": [*py, "stats", v, str(records), "--format", "json"]
            for v in ("summary", "people", "documents", "membership", "events")}
    runs["export sqlite"] = [*py, "export", str(records), "--to", "sqlite", str(work / "x.db")]
    runs["export csv"] = [*py, "export", str(records), "--to", "csv", str(work / "csv")]
    runs["report"] = [*py, "report", str(records), "-o", str(work / "report.html")]
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
          file=sys.stderr)
    print(f"| command ({args.n:,} records) | wall s | CPU s | records/CPU s | peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    for name, command in runs.items():
        if only and name not in only:
            continue
        seconds, cpu, rss = measure(command)
        print(f"| `partyx {name}` | {seconds:.1f} | {cpu:.1f} | {args.n / cpu:,.0f} | {rss:.0f} |",
              flush=True)


if __name__ == "__main__":
    main()
