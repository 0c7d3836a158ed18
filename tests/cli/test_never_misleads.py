"""Issue 18, "A command line that never misleads": each point as a test that failed on the
``main`` it was filed against and passes now."""

from __future__ import annotations

import gzip
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from partyx.run.state import lock_path, state_path
from tests.conftest import ROOT, SEEDS
from tests.test_faults import _alive, _hanging_run, _records, _wait_for, _worker_pids

cli = CliRunner()


@pytest.fixture
def extracted(tmp_path) -> Path:
    out = tmp_path / "out" / "records.jsonl"
    assert cli.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"]).exit_code == 0
    return out


# --- files that are not records are refused, naming what they look like ----------------------


def _not_records(extracted: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    gz = tmp_path / "article.txt.gz"  # (a gzipped records file is records: see below)
    gz.write_bytes(gzip.compress(next(SEEDS.glob("*.txt")).read_bytes()))
    return {
        "gzip": (gz, "gzip-compressed text (an article?"),
        "state": (state_path(extracted), "an SQLite database (the state of a run"),
        "article": (next(SEEDS.glob("*.txt")), "text (an article?"),
    }


@pytest.mark.parametrize("command", ["stats", "stats people", "export", "report", "merge"])
def test_a_file_that_is_not_records_is_refused_naming_what_it_looks_like(
        command, extracted, tmp_path):
    for path, looks_like in _not_records(extracted, tmp_path).values():
        args = {"stats": ["stats", str(path)],
                "stats people": ["stats", "people", str(path)],
                "export": ["export", str(path), "--to", "csv", str(tmp_path / "csv")],
                "report": ["report", str(path), "-o", str(tmp_path / "r.html")],
                "merge": ["merge", str(tmp_path / "m.jsonl"), str(extracted), str(path)],
                }[command]
        result = cli.invoke(app, args)
        assert result.exit_code == 2, (command, path, result.output)
        assert f"{path} is not a partyx records file: it looks like {looks_like}" in \
            result.stderr, result.stderr
        assert "[E206]" in result.stderr and "skipped" not in result.stderr
        assert not (tmp_path / "csv").exists() and not (tmp_path / "r.html").exists()
        assert not (tmp_path / "m.jsonl").exists()


def test_gzipped_records_are_records(extracted, tmp_path):
    gz = tmp_path / "records.jsonl.gz"
    gz.write_bytes(gzip.compress(extracted.read_bytes()))
    result = cli.invoke(app, ["stats", str(gz), "--json"])
    assert result.exit_code == 0 and orjson.loads(result.stdout)["articles"] == 5


def test_a_records_file_with_a_bom_is_read(extracted, tmp_path):
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + extracted.read_bytes())
    for args in (["stats", str(bom), "--json"],
                 ["merge", str(tmp_path / "m.jsonl"), str(bom)],
                 ["export", str(bom), "--to", "sqlite", str(tmp_path / "x.db")]):
        result = cli.invoke(app, args)
        assert result.exit_code == 0 and "skipped" not in result.stderr, result.stderr
    assert len(_records(tmp_path / "m.jsonl")) == 5


# --- paths --------------------------------------------------------------------------------------


def test_a_typo_in_an_input_path_creates_nothing(tmp_path):
    out = tmp_path / "new" / "records.jsonl"
    result = cli.invoke(app, ["extract", str(tmp_path / "seedz"), "-o", str(out)])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert not lock_path(out).exists() and not state_path(out).exists()
    assert not out.parent.exists()


def test_output_under_a_file_or_in_proc_is_said_in_plain_words(tmp_path):
    (tmp_path / "afile").write_text("x")
    under = tmp_path / "afile" / "sub" / "r.jsonl"
    result = cli.invoke(app, ["extract", str(SEEDS), "-o", str(under)])
    assert result.exit_code == 2
    assert f"cannot write output {under}: {tmp_path / 'afile'} is a file, not a folder" \
        in result.stderr
    if Path("/proc/self").is_dir():
        result = cli.invoke(app, ["extract", str(SEEDS), "-o", "/proc/r.jsonl"])
        assert result.exit_code == 2
        assert "cannot write output /proc/r.jsonl: the folder /proc does not take new files" \
            in result.stderr, result.stderr
        assert ".probe" not in result.stderr and "left as it was" not in result.stderr


# --- interrupts and closed pipes ------------------------------------------------------------


def test_ctrl_c_says_what_was_kept_and_exits_130(tmp_path):
    proc, out, log = _hanging_run(tmp_path, "a003", 6, 1)
    try:
        _wait_for(lambda: "a003" in log.read_text())
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert err.decode().strip() == (
            f"partyx: interrupted: 3 articles committed to the state beside {out}; "
            "run again to go on [E501]")
        _wait_for(lambda: not any(_alive(p) for p in _worker_pids(log)), 10)
    finally:
        for pid in _worker_pids(log):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
    env = {**os.environ, "PARTYX_TEST_LOG": str(log), "PARTYX_TEST_HANG": "none"}
    again = subprocess.run([sys.executable, str(tmp_path / "run_partyx.py"), "extract",
                            str(tmp_path / "in"), "-o", str(out), "--stages",
                            "clean,metadata,hangs", "-q", "--report", str(tmp_path / "r.json")],
                           cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert orjson.loads((tmp_path / "r.json").read_bytes())["run"]["processed"] == 3


def test_a_closed_pipe_ends_quietly_with_exit_0_and_claims_nothing(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "partyx", "extract", str(SEEDS), "-o", "-",
                             "-j", "1"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b'{"schema":')  # like `| head -1`
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    text = err.decode()
    assert "Traceback" not in text and "records written" not in text
    assert "records sent before standard output was closed" in text


# --- contradictions are usage errors --------------------------------------------------------


@pytest.mark.parametrize("args, says", [
    (["stats", "people", "{records}", "--since", "2022-13-45"], "--since wants a date"),
    (["stats", "{records}", "--json", "--format", "csv"], "--json contradicts --format csv"),
    (["extract", str(SEEDS), "-o", "{out}", "--stages", ""], "--stages names no stage"),
    (["extract", str(SEEDS), "-o", "{out}", "--stages", "clean", "--skip", "clean"],
     "no stage left to run"),
    (["extract", str(SEEDS), "-o", "-", "--prune"], "--prune contradicts -o -"),
    (["extract", str(SEEDS), "-o", "{out}", "--scheduler", "tcp://x:8786"],
     "--scheduler contradicts --executor local"),
    (["extract", str(SEEDS), "-o", "{out}", "-q", "--debug"], "--debug contradicts --quiet"),
    (["extract", str(SEEDS), "-o", "{out}", "--executor", "dask", "--max-memory", "1G"],
     "--max-memory is not applied by --executor dask"),
    (["extract", str(SEEDS), "-o", "{out}", "--max-memory", "lots"], "--max-memory wants"),
])
def test_contradictions_are_usage_errors(args, says, extracted, tmp_path):
    out = tmp_path / "new.jsonl"
    args = [a.format(records=extracted, out=out) for a in args]
    result = cli.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert says in result.stderr and result.stdout == ""
    assert not out.exists()


# --- help reads as a person writes ----------------------------------------------------------

COMMANDS = [[], ["extract"], ["merge"], ["stats"], ["stats", "summary"], ["stats", "people"],
            ["stats", "documents"], ["stats", "membership"], ["stats", "events"], ["export"],
            ["report"], ["stages"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "partyx")
def test_help_shows_metavars_and_defaults_not_type_labels(command):
    result = cli.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = result.stdout
    assert not re.search(r"<(list|bool|int|float|str|path|Path)\b", text), text
    assert "{" not in text and "[default: (" not in text and "x>=" not in text, text
    assert not re.search(r" \.(\s|$)", text), text  # no sentence left with a hole


def test_help_of_extract_and_stats(tmp_path):
    extract = cli.invoke(app, ["extract", "--help"], env={"COLUMNS": "100"}).stdout
    assert "Usage: partyx extract [OPTIONS] PATH..." in extract
    for shown in ("-o, --output FILE", "-j, --workers N", "[default: every core]",
                  "--timeout SECONDS", "[default: 30]", "--max-memory SIZE", "[default: 1G]"):
        assert shown in extract, shown
    stats = cli.invoke(app, ["stats", "--help"], env={"COLUMNS": "100"}).stdout
    assert "Usage: partyx stats [VIEW] [FILE] [OPTIONS]" in stats
    for shown in ("people", "documents", "membership", "events", "-f, --format FORMAT",
                  "--json", "--top N", "--strict", "FILE"):
        assert shown in stats, shown


def test_shell_completion_works():
    shown = cli.invoke(app, ["--show-completion", "bash"])
    assert shown.exit_code == 0 and "_PARTYX_COMPLETE" in shown.stdout
    env = {**os.environ, "_PARTYX_COMPLETE": "complete_bash", "COMP_WORDS": "partyx st",
           "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-c", "from partyx.cli import main; main()"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert set(done.stdout.split()) == {"stats", "stages"}, done


# --- the same words for the same counts -----------------------------------------------------


def test_extract_summary_and_stats_name_the_same_counts_alike(tmp_path):
    out, report = tmp_path / "r.jsonl", tmp_path / "run.json"
    run = cli.invoke(app, ["extract", str(SEEDS), "-o", str(out), "--report", str(report)],
                     env={"COLUMNS": "200"})
    stats = cli.invoke(app, ["stats", str(out)], env={"COLUMNS": "200"})

    def rows(text: str) -> dict[str, str]:
        found = {}
        for line in text.splitlines():
            cells = [c.strip() for c in re.split(r"[│|]", line) if c.strip()]
            if len(cells) == 2:
                found[cells[0]] = cells[1]
        return found

    ran, summary = rows(run.stderr), rows(stats.stdout)
    found = orjson.loads(report.read_bytes())["found"]
    shared = [k for k in ran if k in summary]
    assert len(shared) == 6, (ran, summary)  # the six counted lists, named alike
    for label in shared:
        assert ran[label] == summary[label]
    assert ran["people, counted once per article"] == str(found["people"])
    assert "people" not in ran and "people" not in summary  # never both called "people"
    assert int(summary["distinct people"]) < found["people"]
    as_json = orjson.loads(cli.invoke(app, ["stats", str(out), "--json"]).stdout)
    assert as_json["found"] == found


def test_ctrl_c_while_waiting_for_the_lock_changes_nothing_and_says_so(tmp_path):
    from partyx.run.state import lock

    out = tmp_path / "r.jsonl"
    with lock(out):  # another run holds FILE
        proc = subprocess.Popen([sys.executable, "-m", "partyx", "extract", str(SEEDS), "-o",
                                 str(out), "--wait"], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        lock_file = str(lock_path(out))

        def waiting() -> bool:  # it holds the lock file open: it is blocked in flock
            fds = Path(f"/proc/{proc.pid}/fd")
            return any(os.path.realpath(fd) == lock_file for fd in fds.iterdir())

        _wait_for(waiting)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert err.decode().strip() == ("partyx: interrupted before any article was processed; "
                                    "nothing was changed [E503]")
    assert not out.exists()
