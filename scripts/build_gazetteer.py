#!/usr/bin/env python3
"""Derive ``partyx/data/gazetteer.json`` from underthesea's address data.

underthesea ships Vietnam's administrative units (``underthesea/address/data/mapping.json``,
source "vietnamadminunits"): every ward/commune before the 2025 reorganisation with its
district and province, and the ward it became after 1 July 2025 with its new province. That
file is 4.9 MB of verbose records and takes ~120 ms just to parse, more than the whole
per-process budget of the places stage; the compact derivative written here holds only what
partyx looks up (type, name, parent) and loads in ~15 ms.

Run it again when underthesea's data changes::

    .venv/bin/python scripts/build_gazetteer.py

Output format (all names NFC, partyx tone convention)::

    {"_doc": "...", "source": {...},
     "provinces": [[type, name, era], ...],        era: "old", "new" or "both"
     "districts": [[type, name, province_index], ...],           (old units only)
     "wards": [[type, name, province_index, district_index|-1, era], ...]}
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partyx.lang.text import normalize  # noqa: E402

OUT = ROOT / "partyx" / "data" / "gazetteer.json"
DOC = ("Vietnam's administrative units, derived from underthesea's address data by "
       "scripts/build_gazetteer.py (do not edit: run it again). provinces: [type, name, era]; "
       "districts: [type, name, province index] (before the 2025 reorganisation); wards: [type, "
       "name, province index, district index or -1, era]. era: old (before 1 July 2025), new "
       "or both. source: the file it was derived from.")
TYPES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "quận", "huyện", "phường", "xã")


def mapping_path() -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("underthesea is not installed")
    return Path(spec.submodule_search_locations[0]) / "address" / "data" / "mapping.json"


def split_unit(full: str) -> tuple[str, str] | None:
    """'Quận Thanh Xuân' -> ('quận', 'Thanh Xuân'); None for an empty or unknown form."""
    full = normalize(full).strip()
    low = full.lower()
    for t in TYPES:
        if low.startswith(t + " "):
            return t, full[len(t) + 1:].strip()
    return None


def build(path: Path) -> dict:
    raw = path.read_bytes()
    data = json.loads(raw)
    provinces: dict[str, list] = {}  # name -> [type, name, era]

    def add_province(full: str, era: str) -> str:
        t, name = split_unit(full)
        row = provinces.setdefault(name, [t, name, era])
        if row[2] != era:
            row[2] = "both"
        return name

    for v in data["old_province_names"].values():
        add_province(v["name"], "old")
    for v in data["province_names"].values():
        add_province(v["name"], "new")
    prov_index = {name: i for i, name in enumerate(provinces)}

    districts: dict[tuple, int] = {}
    wards: dict[tuple, list] = {}
    for r in data["ward_mapping"]:
        op = add_province(r["old_province"], "old")
        d = split_unit(r["old_district"])
        di = -1
        if d:
            di = districts.setdefault((d[0], d[1], prov_index[op]), len(districts))
        w = split_unit(r["old_ward"]) if r["old_ward"] else None
        if w:
            key = (w[0], w[1], prov_index[op])
            row = wards.setdefault(key, [w[0], w[1], prov_index[op], di, "old"])
            if row[4] == "new":
                row[3], row[4] = di, "both"
        np_ = add_province(r["new_province"], "new")
        w = split_unit(r["new_ward"]) if r["new_ward"] else None
        if w:
            key = (w[0], w[1], prov_index[np_])
            row = wards.setdefault(key, [w[0], w[1], prov_index[np_], -1, "new"])
            if row[4] == "old":
                row[4] = "both"
    return {
        "_doc": DOC,
        "source": {"file": "underthesea/address/data/mapping.json",
                   "sha256": hashlib.sha256(raw).hexdigest(), **data["metadata"]},
        "provinces": [provinces[n] for n in prov_index],
        "districts": [[t, n, p] for (t, n, p) in districts],
        "wards": list(wards.values()),
    }


def main() -> None:
    out = build(mapping_path())
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out['provinces'])} provinces, {len(out['districts'])} districts, "
          f"{len(out['wards'])} wards, {len(text)} bytes")


if __name__ == "__main__":
    main()
