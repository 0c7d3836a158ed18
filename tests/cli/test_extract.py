import orjson
from typer.testing import CliRunner

from partyx.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def _records(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_extract_seeds_writes_one_record_per_article(tmp_path):
    out = tmp_path / "out" / "records.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = _records(out)
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for r in records:
        assert r["schema"] == "partyx/1"
        assert r["source"]["path"].startswith(str(SEEDS))
        assert len(r["source"]["sha256"]) == 64
        assert r["errors"] == []


def test_extract_to_stdout_is_pure_jsonl(tmp_path):
    result = runner.invoke(app, ["extract", str(SEEDS / "000_0382416f5319272f.txt"), "-o", "-",
                                 "--quiet"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and orjson.loads(lines[0])["id"] == "000_0382416f5319272f"


def test_unreadable_file_is_reported_and_others_still_written(tmp_path):
    (tmp_path / "good.txt").write_bytes((SEEDS / "000_0382416f5319272f.txt").read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"abc\xff\xfe\xfa garbage")
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "cannot be decoded" in result.stderr
    records = {r["id"]: r for r in _records(out)}
    assert records["good"]["title"]
    assert records["bad"]["errors"][0]["stage"] == "read"


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 2


def test_missing_input_and_unknown_stage_are_usage_errors(tmp_path):
    r = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "r.jsonl")])
    assert r.exit_code == 2 and "no such file" in r.stderr
    r = runner.invoke(app, ["extract", str(SEEDS), "--stages", "nope", "-o", str(tmp_path / "x")])
    assert r.exit_code == 2 and "unknown stage" in r.stderr
    assert not (tmp_path / "x").exists()


def test_workers_give_identical_records(tmp_path):
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert runner.invoke(app, ["extract", str(SEEDS), "-o", str(one), "-j", "1"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(SEEDS), "-o", str(two), "-j", "2"]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_report_names_unreadable_files_and_is_json(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_bytes((SEEDS / "000_0382416f5319272f.txt").read_bytes())
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    report = tmp_path / "rep" / "run.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "r.jsonl"),
                                 "--report", str(report), "-j", "1"])
    assert result.exit_code == 1
    data = orjson.loads(report.read_bytes())
    assert data["schema"] == "partyx-run/1" and data["exit_code"] == 1
    assert data["unreadable"] == [{"path": str(tmp_path / "in" / "bad.txt"),
                                   "reason": "empty file"}]
    assert data["records"] == 2 and data["run"]["processed"] == 2
    assert set(data["stage_seconds"]) == set(data["stages"])
    assert "unreadable: " in result.stderr and "bad.txt: empty file" in result.stderr


def test_second_run_on_a_locked_file_exits_2(tmp_path):
    from partyx.run.state import lock

    out = tmp_path / "r.jsonl"
    with lock(out):
        result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 2 and "is writing" in result.stderr and "--wait" in result.stderr
    assert result.stderr.rstrip().endswith("[E304]")  # the code to look up in partyx.errors
    assert not out.exists()


def test_bad_shard_and_executor_are_usage_errors(tmp_path):
    out = str(tmp_path / "r.jsonl")
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", out, "--shard", "2/2"])
    assert result.exit_code == 2 and "--shard" in result.stderr
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", out, "--executor", "ray"])
    assert result.exit_code == 2 and "unknown executor" in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0
    assert "articles/s" in result.stderr and "ETA" not in result.stderr


def test_a_stage_that_prints_cannot_corrupt_jsonl_on_stdout(tmp_path):
    import subprocess
    import sys

    script = """
import sys
from partyx.pipeline import Stage, load_stages, register
load_stages()

@register
class Noisy(Stage):
    name = "noisy"
    requires = ("lines",)
    provides = ("noise",)
    def __call__(self, article):
        print("NOISE from", article.id, flush=True)
        article.extras["noise"] = True

from partyx.cli import main
sys.argv = ["partyx", "extract", sys.argv[1], "-o", "-", "--stages", "clean,noisy", "-q",
            "-j", "2"]
main()
"""
    proc = subprocess.run([sys.executable, "-c", script, str(SEEDS)], capture_output=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 5 and all(orjson.loads(line)["schema"] == "partyx/1" for line in lines)
    assert b"NOISE from" in proc.stderr  # the prints went to standard error instead
