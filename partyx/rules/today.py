"""Today's map: the unit that holds a place on the administrative map in force since 1 July 2025.

On that day 63 provinces became 34, the district level ended and about 10,000 wards and
communes became 3,321. :meth:`TodayMap.now` gives each place of a record its ``now`` (SPEC):

- a ward or commune (``phường``, ``xã``, ``thị trấn``): the ward or commune it became,
  ``{"type": "xã", "name": "Định Mỹ", "province": "An Giang"}``;
- a province, or a district (no successor unit): its province only, ``{"type": None, "name":
  None, "province": "Gia Lai"}``; a district whose every ward went to one unit (``huyện Côn
  Đảo``, ``huyện Lý Sơn``: the special zones) has that unit;
- a place written after the reform that is on today's map already: itself;
- ``None`` where it cannot be mapped: a place whose province the article did not resolve, a
  province the converter does not know.

Where the converter cannot be sure of the ward, the place keeps only its province: an old
ward that was split between several new ones (``divided``), a ward name shared by several
districts of one province (``phường 1`` of Hồ Chí Minh) when the article does not say which
(its resolved district, or the one district among the article's places that has a ward of that
name), a name that is both an old and a new ward when the article's date does not tell which
is meant and the two disagree.

**The converter.** The answers come from underthesea's converter
(``underthesea.address.convert_address``) and its data (``underthesea/address/data/mapping.json``)
as installed, never from a copy. Once per installed version, a child process imports the
converter (importing underthesea costs ~0.5 s of CPU and 70-90 MB, and its logger writes to
standard output: none of that reaches partyx's process), converts every old unit of the data
with the district and province written out in full, and keeps an answer only where it is the
data's own record for that exact unit: the converter, given a ward without its district, or a
district it has no record for, silently returns the first match (``quận Hải Châu, thành phố
Đà Nẵng`` comes back as ``Đặc khu Hoàng Sa``). The table of answers is cached in
:func:`cache_dir` under the :func:`fingerprint` of the converter's code and data, which is
also part of the places stage's version: an upgrade of underthesea that changes the map gives
a new signature, so an incremental run redoes the records. Lookups are memoised per place.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from partyx.data import load
from partyx.lang.text import normalize
from partyx.record import Now, Place, PlaceContext
from partyx.rules.gazetteer import DISTRICT_TYPES, PROVINCE_TYPES, WARD_TYPES, key

# The table's layout and the rules that build it: bump to rebuild every cached table.
TABLE_FORMAT = "1"
REFORM = "2025-07-01"  # the day the map changed
# type words of the converter's unit names (the gazetteer's), longest first
_TYPES = tuple(sorted({*PROVINCE_TYPES, *DISTRICT_TYPES, *WARD_TYPES}, key=lambda t: (-len(t), t)))
# the converter's own files whose content makes its answers (its data and its code)
_SOURCES = ("converter.py", "normalizer.py", "parser.py", "models.py", "data/mapping.json")


# --- where the converter is, what version, where its table is cached ---------------------------


def converter_dir() -> Path | None:
    """underthesea's ``address`` folder, located without importing underthesea (the import
    alone costs ~0.5 s); None when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "address"
    return folder if all((folder / f).is_file() for f in _SOURCES) else None


@cache
def fingerprint() -> str:
    """12 hex digits of the converter's code and data and of :data:`TABLE_FORMAT`; ``none``
    without a converter. (~6 ms: it reads the 4.9 MB data file.)"""
    folder = converter_dir()
    if folder is None:
        return "none"
    h = hashlib.sha256(TABLE_FORMAT.encode())
    for name in _SOURCES:
        h.update(name.encode() + b"\0")
        with open(folder / name, "rb") as fh:  # in pieces: the data is 4.9 MB
            for piece in iter(lambda: fh.read(1 << 16), b""):  # noqa: B023
                h.update(piece)
        h.update(b"\0")
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    """``$PARTYX_CACHE_DIR``, else ``$XDG_CACHE_HOME/partyx``, else ``~/.cache/partyx``."""
    if os.environ.get("PARTYX_CACHE_DIR"):
        return Path(os.environ["PARTYX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "partyx"


class MapUnavailable(RuntimeError):
    """Today's map could not be built from the converter (its message says why)."""


# --- the table: built in a child process from the converter, cached --------------------------


def _split(full: str) -> tuple[str, str] | None:
    """``Xã Định Mỹ`` -> (``xã``, ``Định Mỹ``), normalised as partyx writes names."""
    full = normalize(full).strip()
    low = full.lower()
    for t in _TYPES:
        if low.startswith(t + " ") and full[len(t) + 1:].strip():
            return t, full[len(t) + 1:].strip()
    return None


def build_table(folder: Path) -> dict[str, Any]:
    """Convert every old unit of the converter's data with ``convert_address`` (see module
    docstring). Imports underthesea: run it in a child process (:func:`_child`)."""
    from underthesea.address import (  # type: ignore[import-untyped]
        ConversionStatus,
        MappingType,
        convert_address,
    )

    data = orjson.loads((folder / "data" / "mapping.json").read_bytes())
    short = {k: normalize(v["short"]) for k, v in
             [*data["old_province_names"].items(), *data["province_names"].items()]}

    def province_of(full: str) -> str | None:
        unit = _split(full)
        return unit[1] if unit else None

    provinces: dict[str, str] = {}
    for k, v in [*data["old_province_names"].items(), *data["province_names"].items()]:
        r = convert_address(v["name"])
        expected = data["province_mapping"].get(k, k)
        if r.status != ConversionStatus.NOT_FOUND and province_of(r.new.province) == short.get(
                expected):
            provinces[short[k]] = short[expected]
    # every record of one old unit: (province, district, ward) as written
    units: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for rec in data["ward_mapping"]:
        units.setdefault((rec["old_province"], rec["old_district"], rec["old_ward"]),
                         []).append(rec)
    wards, zones, today, checked, disagreed = [], [], set(), 0, 0
    by_district: dict[tuple[str, str], set[tuple[str, str] | None]] = {}
    for (prov, dist, ward), recs in units.items():
        p, d = short.get(recs[0]["old_province_key"]), _split(dist)
        if p is None or d is None:
            continue
        new_units = {_split(r["new_ward"]) if r["new_ward"] else None for r in recs}
        answer = new_units.pop() if len(new_units) == 1 else None
        w = _split(ward) if ward else None
        if w is None and ward:
            continue
        address = f"{ward}, {dist}, {prov}" if ward else f"{dist}, {prov}"
        r = convert_address(address)
        checked += 1
        if answer is not None and not (r.status == ConversionStatus.SUCCESS
                                       and _split(r.new.ward) == answer
                                       and r.mapping_type != MappingType.DIVIDED):
            disagreed += 1
            answer = None
        if r.mapping_type == MappingType.DIVIDED:
            answer = None  # split between new units: no one unit holds it
        new_p = short.get(recs[0]["new_province_key"])
        if new_p is None:
            continue
        by_district.setdefault((p, f"{d[0]} {d[1]}"), set()).add(
            (answer[0], answer[1]) if answer else None)
        if w is None:  # a district that continues as one unit (the special zones)
            if answer is not None:
                zones.append([p, *d, *answer])
            continue
        wards.append([p, *w, *d, *(answer or (None, None)), new_p])
    # a district whose every ward went to the same one unit is held by that unit
    for (p, dist), answers in by_district.items():
        d = _split(dist)
        if len(answers) == 1 and None not in answers and d is not None:
            (unit,) = answers
            assert unit is not None
            if [p, *d, *unit] not in zones:
                zones.append([p, *d, *unit])
        elif d is not None:  # (a record of the district alone that the converter missed)
            zones[:] = [z for z in zones if z[:3] != [p, *d]]
    for rec in data["ward_mapping"]:
        w, new_p = (_split(rec["new_ward"]) if rec["new_ward"] else None,
                    short.get(rec["new_province_key"]))
        if w is not None and new_p is not None:
            today.add((new_p, *w))
    return {
        "format": TABLE_FORMAT,
        "fingerprint": fingerprint(),
        "data": data.get("metadata", {}),
        "checked": checked,
        "disagreed": disagreed,
        "provinces": provinces,
        "districts": zones,
        "wards": wards,
        "today": sorted(today),
    }


def _child(folder: str, out: str) -> None:
    """The child process: underthesea's logging goes to standard error (its handler writes to
    standard output), the table to ``out`` (through a temporary file and a rename)."""
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    table = build_table(Path(folder))
    tmp = f"{out}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(orjson.dumps(table))
    os.replace(tmp, out)


def _make(folder: Path, out: Path) -> None:
    code = "import sys; from partyx.rules.today import _child; _child(sys.argv[1], sys.argv[2])"
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])  # this partyx, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    try:
        done = subprocess.run([sys.executable, "-c", code, str(folder), str(out)],
                              stdin=subprocess.DEVNULL, capture_output=True, env=env,
                              timeout=300, check=False)
    except (OSError, subprocess.SubprocessError) as e:
        raise MapUnavailable(f"underthesea's converter could not be run: {e}") from e
    if done.returncode != 0 or not out.is_file():
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MapUnavailable("underthesea's converter failed: "
                             + (lines[-1] if lines else f"exit code {done.returncode}"))


def read_table() -> dict[str, Any] | None:
    """The table of the installed converter: from the cache, else built (and cached where
    :func:`cache_dir` is writable); None without a converter."""
    folder = converter_dir()
    if folder is None:
        return None
    name = f"today-{fingerprint()}.json"
    path = cache_dir() / name
    if not path.is_file():
        if not _writable(path.parent):  # build it for this process only
            with tempfile.TemporaryDirectory(prefix="partyx-") as tmp:
                _make(folder, Path(tmp) / name)
                return orjson.loads((Path(tmp) / name).read_bytes())  # type: ignore[no-any-return]
        _make(folder, path)
    table = orjson.loads(path.read_bytes())
    if table.get("fingerprint") != fingerprint():  # (a file of another version, renamed)
        raise MapUnavailable(f"{path} is not the table of this converter: remove it")
    return table  # type: ignore[no-any-return]


# --- lookups ---------------------------------------------------------------------------------


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


class _Choice:
    """An old ward whose answer depends on its district: {district key: answer}."""

    __slots__ = ("answers",)

    def __init__(self, answers: dict[str, tuple[str | None, str | None, str]]) -> None:
        self.answers = answers


Answer = tuple[str | None, str | None, str]  # (type, name, province) of ``now``


class TodayMap:
    """Today's unit of a place (see module docstring). Built once per stage; the table is read
    on first use (:func:`read_table`)."""

    def __init__(self) -> None:
        self._loaded = False
        self._error: MapUnavailable | None = None
        self.provinces: dict[str, str] = {}
        self.zones: dict[tuple[str, str], Answer] = {}
        self.wards: dict[tuple[str, str], dict[str, Answer]] = {}
        self.today: set[tuple[str, str]] = set()
        self.memo: dict[tuple[str, str, str, str | None], Answer | _Choice | None] = {}
        self.former = {key(k): v for k, v in load("today")["former_provinces"].items()}

    def load(self) -> None:
        """Read the table (once; a failure is raised again on every call)."""
        if self._error is not None:
            raise self._error
        if self._loaded:
            return
        try:
            table = read_table()
        except MapUnavailable as e:
            self._error = e
            raise
        self._loaded = True
        if table is None:
            return
        self.provinces = {key(k): v for k, v in table["provinces"].items()}
        for old, new in self.former.items():
            if key(new) in self.provinces:
                self.provinces.setdefault(old, self.provinces[key(new)])
        for p, dtype, dname, ntype, nname in table["districts"]:
            self.zones[(key(p), key(f"{dtype} {dname}"))] = (ntype, nname, self.provinces[key(p)])
        # the wards consumed as read (the parsed table and the map are not held whole at once),
        # their repeated strings and answers shared (one object each: a third of the memory)
        one: dict[Any, Any] = {}
        wards = table.pop("wards")
        wards.reverse()
        while wards:
            p, wtype, wname, dtype, dname, ntype, nname, new_p = wards.pop()
            answer = (one.setdefault(ntype, ntype), one.setdefault(nname, nname),
                      one.setdefault(new_p, new_p))
            ward = (one.setdefault(key(p), key(p)), key(f"{wtype} {wname}"))
            district = key(f"{dtype} {dname}")
            self.wards.setdefault(ward, {})[one.setdefault(district, district)] = one.setdefault(
                answer, answer)
        self.today = {(key(p), key(f"{t} {n}")) for p, t, n in table["today"]}

    def now(self, place: Place, context: PlaceContext | None, districts: dict[str, set[str]],
            era: str | None) -> Now | None:
        """``now`` of ``place``; ``districts``: the article's districts (keys of ``type
        name``) by province key; ``era``: ``before`` or ``after`` the reform (the article's
        publication date), None when not known."""
        self.load()
        province = place["province"]
        if not province:
            return None
        k = (place["type"], place["name"], province, era)
        found = self.memo.get(k)
        if found is None and k not in self.memo:
            found = self.memo[k] = self._fixed(*k)
        if isinstance(found, _Choice):
            found = self._choose(found, key(province), context, districts)
        if found is None:
            return None
        return {"type": found[0], "name": found[1], "province": found[2]}

    def _fixed(self, utype: str, name: str, province: str, era: str | None
               ) -> Answer | _Choice | None:
        """What does not depend on the rest of the article (memoised)."""
        pk = key(province)
        new_p = self.provinces.get(pk)
        if new_p is None:
            return None
        only: Answer = (None, None, new_p)
        unit = key(f"{utype} {name}")
        if utype not in WARD_TYPES:
            if utype in ("tỉnh", "thành phố") and key(name) == pk:
                return only  # the province itself (or its chief town)
            return self.zones.get((pk, unit), only)
        old = self.wards.get((pk, unit))
        itself: Answer | None = (
            (utype, name, new_p) if key(new_p) == pk and (pk, unit) in self.today else None)
        if itself is not None and (era == "after" or not old):
            return itself
        if not old:
            return only  # a ward the converter's data does not have
        answers = set(old.values())
        if itself is not None and era is None and answers != {itself}:
            return only  # an old and a new ward of that name, and the date does not tell
        if len(answers) == 1:
            return _sure(answers.pop(), only)
        return _Choice(old)

    @staticmethod
    def _choose(choice: _Choice, pk: str, context: PlaceContext | None,
                districts: dict[str, set[str]]) -> Answer:
        """The answer for the district the article resolved, else for the one district among
        its places that has a ward of that name, else the province only."""
        answers = choice.answers
        province = next(iter(answers.values()))[2]
        only: Answer = (None, None, province)
        if context is not None and context.district is not None and (
                context.province is None or key(context.province) == pk):
            d = key(f"{context.district.type} {context.district.name}")
            if d in answers:
                return _sure(answers[d], only)
        named = districts.get(pk, set()) & answers.keys()
        if len(named) == 1:
            return _sure(answers[named.pop()], only)
        return only


def _sure(answer: Answer, only: Answer) -> Answer:
    """``answer`` where it names a unit, else the province only."""
    return answer if answer[0] is not None else only


def add_now(today: TodayMap, places: list[Place], context: PlaceContext | None,
            published: str | None) -> None:
    """Give each place its ``now`` (SPEC); ``published``: the article's publication date."""
    if not places:
        return
    districts: dict[str, set[str]] = {}
    for p in places:
        if p["type"] in DISTRICT_TYPES and p["province"] and key(p["name"]) != key(p["province"]):
            districts.setdefault(key(p["province"]), set()).add(key(f"{p['type']} {p['name']}"))
    era = None if not published else ("after" if published[:10] >= REFORM else "before")
    for p in places:
        p["now"] = today.now(p, context, districts, era)
