"""partyx merge: shard outputs joined, sorted by id, deduplicated (last input wins)."""

import orjson
from typer.testing import CliRunner

from partyx import SCHEMA
from partyx.cli import app
from partyx.run.merge import merge_files


def _write(path, ids, tag):
    path.write_bytes(b"".join(orjson.dumps({"schema": SCHEMA, "id": i, "tag": tag}) + b"\n"
                              for i in ids))


def _read(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_merge_sorts_dedupes_and_keeps_the_last_input(tmp_path):
    _write(tmp_path / "a.jsonl", ["a", "c", "e"], "a")
    _write(tmp_path / "b.jsonl", ["b", "c", "d"], "b")
    out = tmp_path / "m" / "all.jsonl"
    assert merge_files(out, [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]).written == 5
    records = _read(out)
    assert [r["id"] for r in records] == ["a", "b", "c", "d", "e"]
    assert {r["id"]: r["tag"] for r in records}["c"] == "b"


def test_unsorted_input_and_bad_lines(tmp_path):
    s = SCHEMA.encode()
    (tmp_path / "a.jsonl").write_bytes(
        b'{"schema": "%s", "id": "z"}\nnot json\n{"schema": "%s", "id": "a"}\n\n{"x": 1}\n'
        b'{"id": "m"}\n{"schema": "partyx/0", "id": "n"}\n' % (s, s))
    warnings = []
    out = tmp_path / "all.jsonl"
    merged = merge_files(out, [tmp_path / "a.jsonl"], warn=warnings.append)
    assert (merged.written, merged.skipped) == (2, 4)
    assert [r["id"] for r in _read(out)] == ["a", "z"]
    # named by the one reader of records files (partyx.io.record_lines), with the reason
    for reason in (":2: skipped: not JSON", ":5: skipped: not a record object",
                   ":6: skipped: schema None"):
        assert any(reason in w for w in warnings), reason
    assert any(":7: skipped: schema 'partyx/0'" in w for w in warnings)
    assert any("not sorted" in w for w in warnings)


def test_an_extract_after_a_merge_into_its_file_keeps_the_merged_records(tmp_path):
    import orjson as _orjson

    from tests.conftest import SEEDS

    runner = CliRunner()
    a = tmp_path / "a"
    a.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        (a / p.name).write_bytes(p.read_bytes())
    out, other = tmp_path / "out.jsonl", tmp_path / "b.jsonl"
    assert runner.invoke(app, ["extract", str(a), "-o", str(out), "-q"]).exit_code == 0
    other.write_bytes(b"".join(_orjson.dumps({"schema": "partyx/1", "id": f"z{i}",
                                               "source": {"path": f"gone/z{i}.txt"},
                                               "errors": []}) + b"\n" for i in range(3)))
    assert runner.invoke(app, ["merge", str(out), str(out), str(other)]).exit_code == 0
    assert runner.invoke(app, ["extract", str(a), "-o", str(out), "-q"]).exit_code == 0
    ids = [_orjson.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == 5 and ids[-3:] == ["z0", "z1", "z2"]
