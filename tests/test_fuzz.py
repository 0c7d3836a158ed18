"""A bounded fuzz run of the whole pipeline over random mutations of the seed articles.

200 mutants (fixed random seed, so a failure is reproducible): byte flips, truncations,
duplicated and dropped spans, shuffled and repeated lines, inserted junk (control bytes,
combining marks, entities, figures). Each goes through reading, decoding and every default
stage. Nothing may escape as an exception, and every record must be JSON of the shape of
``SPEC.md``: a stage that fails records its error, it never breaks the record. A few mutants
also go through ``partyx extract`` with worker processes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from partyx.pipeline import build
from partyx.run.worker import read_article
from tests.conftest import SEEDS

MUTANTS = 200
EVENT_TYPES = {"inspection", "working_session", "congress", "conference", "review", "election",
               "award", "appointment", "discipline", "other"}
PLACE_TYPES = {"tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\+07:00)?$")
JUNK = [b"\x00", b"\x01\x02", b"\xff\xfe", b"\xe1\xbb", b"\xcc\x81", b"&amp;lt;", b"\r",
        b"\xe2\x80\x8b", b"19.908", b"1/1/2021", b"15-NQ/TU", b"(", b")", b"\n\n\n", b"\t"]


def _flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


ALPHABET = "aăâeêioôơuưyđĐàảãáạầẩẫấậềểễếệồổỗốộờởỡớợừửữứựỳỷỹýỵ .,;:-–/()\"'0123456789%\n"


def _flip_chars(rng: random.Random, data: bytes) -> bytes:
    """Characters replaced, the file staying valid UTF-8 (so the stages see the damage)."""
    text = list(data.decode("utf-8", "replace"))
    for _ in range(rng.randint(1, 200)):
        text[rng.randrange(len(text))] = rng.choice(ALPHABET)
    return "".join(text).encode("utf-8")


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data))]


def _duplicate(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 2000))
    return data[:j] + data[i:j] * rng.randint(1, 5) + data[j:]


def _drop(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 3000):]


def _shuffle_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def _repeat_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    return b"\n".join(lines[:i] + [lines[i]] * rng.randint(2, 50) + lines[i:])


def _insert_junk(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 10)):
        i = rng.randrange(len(data) + 1)
        data = data[:i] + rng.choice(JUNK) * rng.randint(1, 30) + data[i:]
    return data


MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [
    _flip, _flip_chars, _flip_chars, _truncate, _duplicate, _drop, _shuffle_lines, _repeat_lines,
    _insert_junk]


def mutants(n: int = MUTANTS, seed: int = 20240601) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    out = []
    for i in range(n):
        data = rng.choice(seeds)
        steps = [rng.choice(MUTATIONS) for _ in range(rng.randint(1, 3))]
        for step in steps:
            data = step(rng, data) if data else data
        out.append((f"m{i:03d}_" + "+".join(s.__name__.strip("_") for s in steps), data))
    return out


# --- the record contract ---------------------------------------------------------------------

def _opt_str(value) -> bool:
    return value is None or (isinstance(value, str) and value != "")


def check_record(r: dict) -> None:
    """Assert that ``r`` has the shape of a ``partyx/1`` record (SPEC.md)."""
    assert r["schema"] == "partyx/1"
    assert isinstance(r["id"], str) and r["id"]
    src = r["source"]
    assert isinstance(src["path"], str)
    assert src["sha256"] is None or re.fullmatch(r"[0-9a-f]{64}", src["sha256"])
    assert src["bytes"] is None or isinstance(src["bytes"], int)
    assert _opt_str(src["encoding"])
    for key in ("title", "outlet", "section", "text"):
        assert _opt_str(r[key]), key
    assert r["published"] is None or PUBLISHED.match(r["published"]), r["published"]
    assert all(isinstance(a, str) and a for a in r["authors"])
    event = r["event"]
    assert event["type"] is None or event["type"] in EVENT_TYPES
    assert event["date"] is None or DATE.match(event["date"])
    names = {p["name"] for p in r["people"]}
    assert event["lead"] is None or event["lead"] in names
    for p in r["people"]:
        assert isinstance(p["name"], str) and p["name"]
        assert p["gender"] in (None, "male", "female")
        assert isinstance(p["mentions"], int) and p["mentions"] >= 1
        for pos in p["positions"]:
            assert isinstance(pos["title"], str) and pos["title"]
            assert _opt_str(pos["org"]) and _opt_str(pos["text"])
            assert pos["status"] in ("current", "former")
    for o in r["organizations"]:
        assert isinstance(o["name"], str) and o["name"]
        assert _opt_str(o["kind"]) and _opt_str(o["level"])
    for pl in r["places"]:
        assert pl["type"] in PLACE_TYPES and isinstance(pl["name"], str) and pl["name"]
        assert _opt_str(pl["province"])
    for d in r["documents"]:
        assert _opt_str(d["number"]) and _opt_str(d["code"]) and _opt_str(d["issuer"])
        assert d["date"] is None or DATE.match(d["date"])
        for key in ("type", "issued_by", "title", "text"):
            assert _opt_str(d[key]), key
    for c in r["congresses"]:
        assert c["ordinal"] is None or isinstance(c["ordinal"], int)
        assert _opt_str(c["body"]) and _opt_str(c["text"])
        assert c["term"] is None or re.fullmatch(r"\d{4}-\d{4}", c["term"])
    for m in r["membership"]:
        assert _opt_str(m["org"]) and _opt_str(m["text"])
        for key in ("party_members", "grassroots_orgs"):
            assert m[key] is None or (isinstance(m[key], int) and m[key] >= 0)
        assert m["as_of"] is None or DATE.match(m["as_of"])
    for e in r["errors"]:
        assert set(e) == {"stage", "error"} and all(isinstance(v, str) for v in e.values())


# --- the runs --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pipeline():
    return build()


def test_seed_records_have_the_contract_shape(pipeline):
    for path in sorted(SEEDS.glob("*.txt")):
        record = pipeline.run(read_article(path, path.stem).article).to_record()
        check_record(orjson.loads(orjson.dumps(record)))
        assert record["errors"] == []


def test_mutants_never_crash_and_keep_the_contract(pipeline, tmp_path):
    stage_failures = []
    readable = 0
    for name, data in mutants():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        article = read_article(path, name).article
        if not article.errors:
            readable += 1
            pipeline.run(article)  # never raises: a failing stage is recorded
        record = orjson.loads(orjson.dumps(article.to_record()))
        check_record(record)
        stage_failures += [(name, e) for e in record["errors"] if e["stage"] != "read"]
        path.unlink()
    # many mutants stay readable, so the stages really were exercised (the others are refused
    # with a reason: corrupt UTF-8, NUL bytes)
    assert readable > MUTANTS // 3
    # a stage may fail on mangled text (its error is recorded), but none should
    assert stage_failures == []


def test_mutants_through_extract_with_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in mutants(40, seed=7):
        (folder / f"{name}.txt").write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out), "-j", "2", "-q"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    lines = out.read_bytes().splitlines()
    assert len(lines) == 40
    for line in lines:
        check_record(orjson.loads(line))
