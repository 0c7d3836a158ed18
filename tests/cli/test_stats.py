"""``partyx stats``: the summary by default, the view names, formats, bad lines and bad options
(the views themselves: ``tests/views/``)."""

from __future__ import annotations

import orjson

from partyx.cli import app
from tests.conftest import SEEDS
from tests.corpus_records import TUYEN, records, write
from tests.views.conftest import as_json, runner, stats

# --- the summary, the default command ---------------------------------------------------------

def test_stats_with_file_is_the_summary(corpus):
    summary = as_json(str(corpus))
    assert summary["articles"] == 5
    assert summary["articles_with_errors"] == 1
    assert summary["by_outlet"]["Lao Động Thủ Đô"] == 1
    assert summary["by_event_type"] == {"review": 2, "inspection": 1, "working_session": 1,
                                        "(unknown)": 1}
    assert summary["people"][0] == {"name": TUYEN, "stories": 3, "articles": 3, "posts": [
        "nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội",
        "Phó Bí thư Thường trực Thành ủy Hà Nội"]}
    assert summary["documents"][0] == {"document": "15-NQ/TU", "year": 2017, "citations": 3,
                                       "citing_articles": 3, "citing_stories": 3}


def test_stats_json_flag_and_explicit_summary(corpus):
    assert stats(str(corpus), "--json").stdout == stats("summary", str(corpus), "--json").stdout


def test_stats_without_file_reads_the_default_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = stats()
    assert result.exit_code == 2
    assert "no such records file: partyx-out/records.jsonl" in result.output
    write((tmp_path / "partyx-out").mkdir() or tmp_path / "partyx-out" / "records.jsonl")
    result = stats("--format", "csv")
    assert result.exit_code == 0
    assert "articles,5" in result.stdout


def test_options_before_the_file_still_reach_the_summary(corpus):
    assert as_json("--top", "1", str(corpus))["people"] == [
        {"name": TUYEN, "stories": 3, "articles": 3, "posts": [
            "nguyên Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội",
            "Phó Bí thư Thường trực Thành ủy Hà Nội"]}]


def test_stats_help_lists_the_views():
    result = stats("--help")
    assert result.exit_code == 0
    for view in ("people", "documents", "membership", "events"):
        assert view in result.stdout


# --- bad input --------------------------------------------------------------------------------

def test_corrupted_lines_are_named_and_skipped(tmp_path):
    good = [orjson.dumps(r) for r in records()]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join([
        good[0], b'{"schema": "partyx/1", "id": "x", "people": "oops", "membership": [1, null],'
                 b' "event": []}',
        b"\xff\xfe not utf-8", b"[1, 2]", good[1], good[2][: len(good[2]) // 2],
    ]) + b"\n")
    for view in ("summary", "people", "documents", "membership", "events"):
        result = stats(view, str(path), "-f", "json")
        assert result.exit_code == 0, result.output
        assert f"{path}:3: skipped: not JSON" in result.stderr
        assert f"{path}:4: skipped: not a record object" in result.stderr
        assert f"{path}:6: skipped: not JSON" in result.stderr
        assert "Traceback" not in result.output
    assert as_json("summary", str(path))["articles"] == 3
    strict = stats("people", str(path), "--strict")
    assert strict.exit_code == 2
    assert f"{path}:3: skipped: not JSON" in strict.stderr and "--strict" in strict.stderr


def test_unknown_format_and_missing_file(corpus, tmp_path):
    result = stats("events", str(corpus), "-f", "xml")
    assert result.exit_code == 2 and "unknown format 'xml'" in result.stderr
    result = stats("people", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2 and "no such records file" in result.stderr


def test_views_on_extracted_seeds(tmp_path):
    from tests.conftest import SEEDS

    out = tmp_path / "seeds.jsonl"
    assert runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"]).exit_code in (0, 1)
    assert as_json(str(out))["articles"] == 5
    events = as_json("events", str(out))
    assert events["articles"] == 5 and sum(events["by_type"].values()) == 5
    for view in ("people", "documents", "membership"):
        assert stats(view, str(out), "-f", "csv").exit_code == 0




def _records(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_stats_json_counts_articles(tmp_path):
    out = tmp_path / "r.jsonl"
    runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"])
    result = runner.invoke(app, ["stats", str(out), "--json"])
    assert result.exit_code == 0
    summary = orjson.loads(result.stdout)
    assert summary["articles"] == 5
    assert summary["by_outlet"]["Lao Động Thủ Đô"] == 1
