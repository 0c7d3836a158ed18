"""A run against the state beside FILE: only changed articles are processed, the others'
records kept; FILE always complete and in id order; a hanging stage times out; a leaking
stage's workers are recycled; kill -9 loses nothing that was checkpointed."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest

from partyx import pipeline
from partyx.pipeline import Stage
from partyx.run.runner import RunOptions, run
from partyx.run.state import state_path
from tests.conftest import ROOT, SEEDS

QUIET = dict(log=lambda message: None)


def _corpus(folder: Path, n: int = 20) -> Path:
    """``n`` distinct articles made from the seeds (a line appended to each copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"a{i:03d}.txt").write_text(f"{text}\nBản tin số {i}.\n", encoding="utf-8")
    return folder


def _opts(folder: Path, out: Path, **kw) -> RunOptions:
    kw.setdefault("workers", 2)
    return RunOptions(paths=[folder], output=out, **kw)


def _ids(out: Path) -> list[str]:
    return [orjson.loads(line)["id"] for line in out.read_bytes().splitlines()]


@pytest.fixture
def stage(monkeypatch):
    """Register a test stage (not default) for the duration of one test."""

    def add(cls: type[Stage]) -> type[Stage]:
        pipeline.load_stages()
        monkeypatch.setitem(pipeline.REGISTRY, cls.name, cls)
        return cls

    return add


def test_rerun_processes_only_what_changed(tmp_path):
    folder, out = _corpus(tmp_path / "in", 10), tmp_path / "out" / "r.jsonl"
    first = run(_opts(folder, out), **QUIET)
    assert (first.processed, first.reused, first.records) == (10, 0, 10)
    cold = out.read_bytes()

    again = run(_opts(folder, out), **QUIET)
    assert (again.processed, again.reused, again.records) == (0, 10, 10)
    assert out.read_bytes() == cold

    changed = folder / "a003.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "Đã sửa.\n", encoding="utf-8")
    touched = folder / "a004.txt"  # same bytes, new mtime: hashed, not processed
    os.utime(touched, ns=(time.time_ns(), time.time_ns() + 10**9))
    (folder / "a0035.txt").write_bytes(changed.read_bytes() + "Tin mới.\n".encode())  # new
    third = run(_opts(folder, out), **QUIET)
    assert (third.processed, third.reused) == (2, 9)
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert records["a003"]["source"]["sha256"] == hashlib.sha256(changed.read_bytes()).hexdigest()
    fresh = tmp_path / "fresh.jsonl"
    run(_opts(folder, fresh, workers=1), **QUIET)
    assert out.read_bytes() == fresh.read_bytes()

    assert run(_opts(folder, out, full=True), **QUIET).processed == 11


def test_a_new_stage_version_reprocesses_everything(tmp_path, monkeypatch):
    folder, out = _corpus(tmp_path / "in", 6), tmp_path / "r.jsonl"
    run(_opts(folder, out, only=["clean", "metadata"]), **QUIET)
    monkeypatch.setattr(pipeline.REGISTRY["metadata"], "version", "999")
    assert run(_opts(folder, out, only=["clean", "metadata"]), **QUIET).processed == 6


def test_records_of_vanished_files_are_kept_unless_pruned(tmp_path):
    folder, out = _corpus(tmp_path / "in", 6), tmp_path / "r.jsonl"
    run(_opts(folder, out), **QUIET)
    (folder / "a002.txt").unlink()
    kept = run(_opts(folder, out), **QUIET)
    assert kept.missing == 1 and "a002" in _ids(out) and kept.records == 6
    pruned = run(_opts(folder, out, prune=True), **QUIET)
    assert pruned.pruned == 1 and "a002" not in _ids(out) and pruned.records == 5


def test_workers_and_order_do_not_change_the_bytes(tmp_path):
    folder = _corpus(tmp_path / "in", 16)
    one, three = tmp_path / "1.jsonl", tmp_path / "3.jsonl"
    run(_opts(folder, one, workers=1), **QUIET)
    run(_opts(folder, three, workers=3, max_tasks=4), **QUIET)
    assert one.read_bytes() == three.read_bytes()
    assert _ids(one) == sorted(_ids(one))


def test_statistics_come_from_the_persisted_records(tmp_path, stage):
    @stage
    class Fails(Stage):
        name, requires, provides, default = "fails", ("text",), ("fails",), False

        def __call__(self, article):
            if "số 1." in article.raw:
                raise ValueError("no luck")

    folder, out = _corpus(tmp_path / "in", 4), tmp_path / "r.jsonl"
    (folder / "bad.txt").write_bytes(b"abc \xff\xfa not text")
    opts = _opts(folder, out, only=["clean", "metadata", "fails"])
    first = run(opts, **QUIET)
    second = run(opts, **QUIET)  # the failing article is not processed again
    for summary in (first, second):
        report = summary.to_dict()
        assert report["failures_by_stage"] == {"fails": 1}
        assert report["failures_by_reason"] == {"fails": {"ValueError: no luck": 1}}
        assert [u["path"] for u in report["unreadable"]] == [str(folder / "bad.txt")]
        assert summary.exit_code == 1 and summary.records == 5
    assert second.processed == 1  # only the unreadable file is tried again


def test_a_hanging_stage_times_out_and_the_rest_goes_on(tmp_path, stage):
    @stage
    class Hangs(Stage):
        name, requires, provides, default = "hangs", ("text",), ("hangs",), False

        def __call__(self, article):
            if "số 2." in article.raw:
                time.sleep(600)

    folder, out = _corpus(tmp_path / "in", 6), tmp_path / "r.jsonl"
    start = time.monotonic()
    summary = run(_opts(folder, out, only=["clean", "metadata", "hangs"], timeout=1.0),
                  **QUIET)
    assert time.monotonic() - start < 20
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert records["a002"]["errors"] == [{"stage": "hangs", "error": "timed out after 1 s"}]
    assert all(not r["errors"] for i, r in records.items() if i != "a002")
    assert summary.timeouts == 1 and summary.workers_started == 3 and summary.exit_code == 1


def test_a_stage_that_always_hangs_cannot_hang_the_warm_up(tmp_path, stage):
    @stage
    class AlwaysHangs(Stage):
        name, requires, provides, default = "always_hangs", ("text",), ("hangs",), False

        def __call__(self, article):
            time.sleep(600)

    folder, out = _corpus(tmp_path / "in", 2), tmp_path / "r.jsonl"
    start = time.monotonic()
    summary = run(_opts(folder, out, only=["clean", "metadata", "always_hangs"], timeout=0.5),
                  **QUIET)
    assert time.monotonic() - start < 15
    assert summary.timeouts == 2 and summary.records == 2


def test_a_leaking_stage_has_its_workers_recycled(tmp_path, stage):
    log = tmp_path / "leak.log"
    leaked: list[bytes] = []

    @stage
    class Leaks(Stage):
        name, requires, provides, default = "leaks", ("text",), ("leaks",), False

        def __call__(self, article):
            if article.id == "warm-up":  # the run's warm-up in the parent process
                return
            leaked.append(bytearray(5_000_000))  # never freed in this process
            with log.open("a") as fh:
                fh.write(f"{os.getpid()} {len(leaked)}\n")

    folder, out = _corpus(tmp_path / "in", 10), tmp_path / "r.jsonl"
    run(_opts(folder, out, workers=2, only=["clean", "metadata", "leaks"], max_tasks=3), **QUIET)
    lines = [tuple(map(int, line.split())) for line in log.read_text().splitlines()]
    assert len(lines) == 10
    assert max(n for _, n in lines) <= 3  # no process held more than 3 articles' leaks
    assert len({pid for pid, _ in lines}) >= 4


def test_workers_inherit_the_warmed_up_stages_and_plugins_never_run_here(tmp_path, stage):
    """partyx's own stages are warmed up in this process, once, and the workers inherit them;
    a stage defined anywhere else (a plugin) is neither built nor run in this process."""
    loads, calls = tmp_path / "loads.log", tmp_path / "calls.log"

    class LazyLoad(Stage):
        name, requires, provides, default = "lazy", ("text",), ("lazy",), False
        table = None

        def __call__(self, article):
            if LazyLoad.table is None:  # an expensive first-call load
                LazyLoad.table = {"loaded": True}
                with loads.open("a") as fh:
                    fh.write(f"{os.getpid()}\n")

    LazyLoad.__module__ = "partyx.stages.lazy_for_test"  # as if it were one of partyx's own

    class Plugin(Stage):
        name, requires, provides, default = "plugin_for_test", ("text",), ("seen",), False

        def __init__(self):
            with calls.open("a") as fh:
                fh.write(f"built {os.getpid()}\n")

        def __call__(self, article):
            with calls.open("a") as fh:
                fh.write(f"ran {os.getpid()} {article.id}\n")

    stage(LazyLoad)
    stage(Plugin)
    folder, out = _corpus(tmp_path / "in", 12), tmp_path / "r.jsonl"
    summary = run(_opts(folder, out, only=["clean", "metadata", "lazy", "plugin_for_test"],
                        max_tasks=2), **QUIET)
    assert summary.workers_started >= 6 and summary.exit_code == 0
    assert loads.read_text().split() == [str(os.getpid())]  # loaded once, here, not per worker
    lines = [line.split() for line in calls.read_text().splitlines()]
    assert str(os.getpid()) not in {line[1] for line in lines}
    assert sorted(line[2] for line in lines if line[0] == "ran") == [f"a{i:03d}" for i in range(12)]


def test_shard_runs_together_hold_every_record(tmp_path):
    folder = _corpus(tmp_path / "in", 12)
    whole = tmp_path / "all.jsonl"
    light = ["clean", "metadata"]
    run(_opts(folder, whole, only=light), **QUIET)
    parts = []
    for k in range(3):
        part = tmp_path / f"part{k}.jsonl"
        run(_opts(folder, part, shard=(k, 3), only=light), **QUIET)
        parts.append(part.read_bytes().splitlines())

    def unlinked(line: bytes) -> dict:  # each shard links only its own copies (issue 21)
        record = orjson.loads(line)
        del record["story"], record["duplicate_of"]
        return record

    assert [unlinked(x) for x in sorted(sum(parts, []))] == [
        unlinked(x) for x in whole.read_bytes().splitlines()]


KILLED_RUN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from partyx.run import runner
    from partyx.pipeline import Stage, register

    @register
    class Slow(Stage):
        name, requires, provides, default = "slow", ("text",), ("slow",), False

        def __call__(self, article):
            if article.id == "warm-up":
                return
            time.sleep(float(sys.argv[3]))
            with open(sys.argv[4], "a") as fh:
                fh.write(article.id + "\\n")

    opts = runner.RunOptions(paths=[Path(sys.argv[1])], output=Path(sys.argv[2]),
                             only=["clean", "metadata", "slow"], workers=1,
                             checkpoint_every=5)
    sys.exit(runner.run(opts, log=lambda m: None).exit_code)
""")


def test_kill_9_keeps_file_and_checkpointed_work(tmp_path):
    folder, out = _corpus(tmp_path / "in", 30), tmp_path / "out" / "r.jsonl"
    script = tmp_path / "killed_run.py"
    script.write_text(KILLED_RUN)

    def start(delay: float, log: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, str(script), str(folder), str(out), str(delay),
                                 str(log)], cwd=ROOT, start_new_session=True)

    assert start(0, tmp_path / "first.log").wait(60) == 0
    before = out.read_bytes()
    for f in folder.iterdir():  # every article changes
        f.write_text(f.read_text(encoding="utf-8") + "Cập nhật.\n", encoding="utf-8")
    killed_log = tmp_path / "killed.log"
    proc = start(0.1, killed_log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
            not killed_log.exists() or len(killed_log.read_text().split()) < 12):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert out.read_bytes() == before  # FILE as it was before the run
    done_before_kill = set(killed_log.read_text().split())
    assert 12 <= len(done_before_kill) < 30

    resumed_log = tmp_path / "resumed.log"
    assert start(0, resumed_log).wait(60) == 0
    redone = set(resumed_log.read_text().split())
    committed = done_before_kill - redone
    assert len(committed) >= 5  # checkpointed every 5: at most a batch and one article lost
    assert redone | committed == {f"a{i:03d}" for i in range(30)}
    assert not redone & committed
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [r["id"] for r in records] == [f"a{i:03d}" for i in range(30)]
    assert all(r["source"]["sha256"] == hashlib.sha256((folder / f"{r['id']}.txt").read_bytes())
               .hexdigest() for r in records)
    with sqlite3.connect(state_path(out)) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 30


def test_a_closed_standard_output_ends_the_run_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "partyx", "extract", str(SEEDS), "-o", "-",
                             "-q", "-j", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.read(10) == b'{"schema":'
    proc.stdout.close()  # like `| head -c 10`
    _, err = proc.communicate(timeout=60)
    assert b"error" not in err and b"Traceback" not in err
