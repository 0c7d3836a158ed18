"""``partyx export``: normalised tables with keys in SQLite, CSV and Parquet, written atomically."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
import sys

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from partyx.errors import ExportError
from partyx.views.export import export
from partyx.views.tables import SCHEMA
from tests.corpus_records import TUYEN, records

runner = CliRunner()


def run_export(*args: str):
    return runner.invoke(app, ["export", *args])


def test_sqlite_tables_keys_and_joins(corpus, tmp_path):
    db_path = tmp_path / "out" / "corpus.db"
    result = run_export(str(corpus), "--to", "sqlite", str(db_path))
    assert result.exit_code == 0, result.output
    assert "exported 5 articles" in result.stderr
    db = sqlite3.connect(db_path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == set(SCHEMA)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # one person however written: NFD and doubled spaces join the NFC form
    assert db.execute("SELECT count(*) FROM people WHERE name = ?", (TUYEN,)).fetchone() == (1,)
    posts = db.execute("""
        SELECT a.event_date, po.title || ' ' || po.org, po.status FROM positions po
        JOIN people p USING (person_id) JOIN articles a USING (article_id)
        WHERE p.name = ? ORDER BY a.event_date, po.status DESC""", (TUYEN,)).fetchall()
    assert posts == [
        ("2021-12-14", "Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội", "former"),
        ("2021-12-14", "Phó Bí thư Thường trực Thành ủy Hà Nội", "current"),
        ("2022-09-06", "Phó Bí thư Thường trực Thành ủy Hà Nội", "current"),
        ("2023-01-09", "Phó Bí thư Thường trực Thành ủy Hà Nội", "current"),
    ]
    cited = db.execute("""
        SELECT d.symbol, count(DISTINCT c.article_id), count(*) FROM citations c
        JOIN documents d USING (document_id) GROUP BY d.symbol ORDER BY 2 DESC, 1""").fetchall()
    assert cited[0] == ("15-NQ/TU", 3, 4)
    assert ("91/2017/NĐ-CP", 1, 1) in cited
    series = db.execute("""SELECT as_of, party_members, grassroots_orgs FROM membership
                           WHERE org_key = 'đảng bộ quận thanh xuân' ORDER BY as_of""").fetchall()
    assert series == [("2021-03-24", 19908, 54), ("2022-09-06", 20585, 55)]
    places = db.execute("""SELECT pl.type, pl.name, pl.province, count(*) FROM article_places
                           JOIN places pl USING (place_id) GROUP BY place_id
                           ORDER BY 4 DESC, 2""").fetchall()
    assert places[:2] == [("quận", "Long Biên", "Hà Nội", 2), ("quận", "Thanh Xuân", "Hà Nội", 2)]
    article = db.execute("SELECT outlet, authors, event_type, errors FROM articles "
                         "WHERE article_id = '000_thanhxuan_2021'").fetchone()
    assert article == ("Lao Động Thủ Đô", "Hoàng Phúc", "inspection", 0)
    with pytest.raises(sqlite3.IntegrityError):  # the keys are real constraints
        db.execute("INSERT INTO people VALUES (99, 'x', ?)", (TUYEN.casefold(),))


def test_csv_is_a_folder_of_tables(corpus, tmp_path):
    out = tmp_path / "tables"
    assert run_export(str(corpus), "--to", "csv", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in SCHEMA)
    with (out / "membership.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["org"], r["as_of"], r["party_members"]) for r in rows[:2]] == [
        ("Đảng bộ quận Thanh Xuân", "2021-03-24", "19908"),
        ("Đảng bộ Quận Thanh Xuân", "2022-09-06", "20585")]
    assert rows[0]["org_key"] == rows[1]["org_key"]
    with (out / "people.csv").open(encoding="utf-8") as fh:
        people = list(csv.DictReader(fh))
    assert [p["name"] for p in people].count(TUYEN) == 1 and len(people) == 4
    # exporting again replaces the earlier export; a folder of other things is refused
    assert run_export(str(corpus), "--to", "csv", str(out)).exit_code == 0
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.docx").write_text("keep me")
    result = run_export(str(corpus), "--to", "csv", str(other))
    assert result.exit_code == 2 and "not a previous partyx export" in result.stderr
    assert (other / "thesis.docx").read_text() == "keep me"


def test_parquet_tables(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pq"
    assert run_export(str(corpus), "--to", "parquet", str(out)).exit_code == 0
    table = pq.read_table(out / "membership.parquet").to_pylist()
    assert [(m["as_of"], m["party_members"]) for m in table][:2] == [("2021-03-24", 19908),
                                                                      ("2022-09-06", 20585)]
    assert pq.read_table(out / "documents.parquet").column("symbol").to_pylist()[0] == "15-NQ/TU"


def test_parquet_without_pyarrow_says_which_extra(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = run_export(str(corpus), "--to", "parquet", str(tmp_path / "pq"))
    assert result.exit_code == 2
    assert "pip install 'partyx[parquet]'" in result.stderr
    assert not (tmp_path / "pq").exists()


def test_failed_export_leaves_the_old_output(tmp_path):
    db_path = tmp_path / "corpus.db"
    export(iter(records()[:1]), "sqlite", db_path)

    def broken():
        yield from records()
        raise OSError("disk full")

    for target, out in (("sqlite", db_path), ("csv", tmp_path / "csv")):
        with pytest.raises(OSError):
            export(broken(), target, out)
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.db"]  # no temporary left


def test_bad_lines_duplicates_and_strict(tmp_path):
    rows = records()
    path = tmp_path / "r.jsonl"
    path.write_bytes(orjson.dumps(rows[0]) + b"\n{truncated\n" + orjson.dumps(rows[0]) + b"\n")
    result = run_export(str(path), "--to", "sqlite", str(tmp_path / "a.db"))
    assert result.exit_code == 0
    assert f"{path}:2: skipped: not JSON" in result.stderr
    assert "1 record shares an id that a later line has too" in result.stderr  # the last kept
    result = run_export(str(path), "--to", "sqlite", str(tmp_path / "b.db"), "--strict")
    assert result.exit_code == 2 and not (tmp_path / "b.db").exists()
    with pytest.raises(ExportError, match="unknown target"):
        export([], "xlsx", tmp_path / "x")


def test_outputs_get_the_umask_mode_not_tempfile_0600(corpus, tmp_path):
    old = os.umask(0o022)
    try:
        export(iter(records()), "sqlite", tmp_path / "c.db")
        export(iter(records()), "csv", tmp_path / "csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "c.db").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "csv").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "csv" / "people.csv").stat().st_mode) == 0o644
