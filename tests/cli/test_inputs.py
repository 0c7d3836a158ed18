"""The articles users hold, end to end through `partyx extract`: saved news pages, a JSON lines
dump, a CSV, gzipped files, standard input; gzip output; incremental runs over new dumps.

Each input is built from the seeds' own records (their text files read as every run reads
them), so the right records are known: the same fields as the text file's record, whatever
the article was read from."""

from __future__ import annotations

import csv
import gzip
import io

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from tests.conftest import SEEDS
from tests.pages import LAYOUTS, page

runner = CliRunner()

# The fields an article's record takes from its words, whatever it was read from.
CONTENT = ("title", "published", "authors", "text", "event", "people", "organizations",
           "places", "documents", "congresses", "membership")


def _records(path):
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return {r["id"]: r for r in map(orjson.loads, data.splitlines())}


def _extract(*args, input=None, code=0):
    result = runner.invoke(app, ["extract", *map(str, args), "-q", "-j", "1"], input=input)
    assert result.exit_code == code, result.stderr
    return result


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    _extract(SEEDS, "-o", out)
    return _records(out)


def _same_content(got: dict, expected: dict, fields=CONTENT) -> None:
    for field in fields:
        assert got[field] == expected[field], (expected["id"], field)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_saved_news_pages_give_the_records_of_their_text(tmp_path, seed_records, layout):
    for rid, record in seed_records.items():
        site = record["outlet"] or "Báo Nhân Dân"
        markup = page(record, layout, site=site, url=f"https://example.vn/{rid}.html")
        (tmp_path / f"{rid}.html").write_text(markup, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    _extract(tmp_path, "-o", out)
    got = _records(out)
    assert set(got) == set(seed_records)
    for rid, record in got.items():
        expected = seed_records[rid]
        assert record["errors"] == []
        assert record["source"]["format"] == "html"
        if layout == "plain":  # an old portal states no time, site or URL: the text's own
            _same_content(record, expected, [f for f in CONTENT if f != "published"])
            assert record["published"] in (None, (expected["published"] or "")[:10])
            assert record["outlet"] is None and record["source"]["url"] is None
            continue
        _same_content(record, expected)
        assert record["outlet"] == (expected["outlet"] or "Nhân Dân")
        assert record["source"]["url"] == f"https://example.vn/{rid}.html"
        assert record["section"] == ("Chính trị" if layout == "portal" else None)


def test_corpus_pages_give_the_records_of_their_text(tmp_path, corpus_dir):
    """The same on a hundred real articles of other outlets (skipped in a user's clone)."""
    base = tmp_path / "txt.jsonl"
    _extract(corpus_dir, "-o", base, "-j", "2")
    expected = {rid: r for rid, r in _records(base).items()
                if not r["errors"] and r["title"] and r["text"]}
    pages = tmp_path / "pages"
    pages.mkdir()
    for rid, record in expected.items():
        (pages / f"{rid}.html").write_text(page(record, "portal", site="Báo Nhân Dân"))
    out = tmp_path / "html.jsonl"
    _extract(pages, "-o", out, "-j", "2")
    got = _records(out)
    assert set(got) == set(expected)
    for field in CONTENT:
        same = sum(got[rid][field] == r[field] for rid, r in expected.items())
        assert same >= 0.97 * len(expected), (field, same, len(expected))


def _dump_rows(seed_records):
    """A crawler's dump of the seeds: one row per article, its own column names."""
    rows = []
    for rid, r in sorted(seed_records.items()):
        rows.append({"_id": rid, "headline": r["title"], "content": r["text"],
                     "publish_date": r["published"], "publisher": r["outlet"] or "Báo Nhân Dân",
                     "authors": r["authors"], "url": f"https://example.vn/{rid}",
                     "crawled_at": "2026-12-01T00:00:00Z"})
    return rows


def test_a_jsonl_dump_gives_one_record_per_row(tmp_path, seed_records):
    rows = _dump_rows(seed_records)
    (tmp_path / "dump.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    out = tmp_path / "out.jsonl"
    _extract(tmp_path / "dump.jsonl", "-o", out)
    got = _records(out)
    assert sorted(got) == sorted(f"dump/{rid}" for rid in seed_records)
    for rid, expected in seed_records.items():
        record = got[f"dump/{rid}"]
        _same_content(record, expected)
        assert record["outlet"] == (expected["outlet"] or "Nhân Dân")
        assert record["source"]["format"] == "jsonl" and record["source"]["row"] == rid
        assert record["source"]["url"] == f"https://example.vn/{rid}"
        assert record["source"]["path"] == str(tmp_path / "dump.jsonl")


def test_a_csv_with_its_own_columns_and_a_bad_row(tmp_path, seed_records):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(["ma_bai", "tieu_de", "noi_dung", "ngay_dang", "tac_gia"])
    for rid, r in sorted(seed_records.items()):
        writer.writerow([rid, r["title"], r["text"], r["published"] or "", ", ".join(r["authors"])])
    writer.writerow(["x9", "Chỉ có tiêu đề", "", "", ""])
    (tmp_path / "bao.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))
    out = tmp_path / "out.jsonl"
    result = _extract(tmp_path, "--field", "id=ma_bai", "-o", out, code=1)
    got = _records(out)
    for rid, expected in seed_records.items():
        _same_content(got[f"bao/{rid}"], expected)
        assert got[f"bao/{rid}"]["source"]["format"] == "csv"
    bad = got["bao/x9"]
    assert bad["errors"] == [{"stage": "read", "error": bad["errors"][0]["error"]}]
    assert bad["errors"][0]["error"].startswith("line ") and "no text" in bad["errors"][0]["error"]
    assert "bao.csv" in result.stderr or result.stderr == ""  # -q: no per-file messages


def test_gzipped_articles_in_folders_are_read_as_the_plain_ones(tmp_path, seed_records):
    folder = tmp_path / "in" / "deep"
    folder.mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes()))
    rid, record = sorted(seed_records.items())[2]
    (folder / f"{rid}.html.gz").write_bytes(gzip.compress(page(record, "portal").encode()))
    rows = _dump_rows(seed_records)[3:]
    (folder / "dump.jsonl.gz").write_bytes(gzip.compress(
        b"".join(orjson.dumps(r) + b"\n" for r in rows)))
    out = tmp_path / "out.jsonl"
    _extract(tmp_path / "in", "-o", out)
    got = _records(out)
    ids = sorted(seed_records)
    # ids are stems, wherever the file lies, without .gz: <stem>, dump/<row>
    assert sorted(got) == sorted([ids[0], ids[1], ids[2], f"dump/{ids[3]}", f"dump/{ids[4]}"])
    for name in ids[:3]:
        _same_content(got[name], seed_records[name])
    for name in ids[3:]:
        _same_content(got[f"dump/{name}"], seed_records[name])
    assert got[ids[0]]["source"]["format"] == "txt"
    assert got[ids[2]]["source"]["format"] == "html"


def test_an_article_on_standard_input(tmp_path, seed_records):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = _extract("-", "-o", "-", input=seed.read_bytes())
    (record,) = map(orjson.loads, result.stdout.splitlines())
    assert record["id"] == "stdin" and record["source"]["path"] == "-"
    assert record["source"]["format"] == "stdin"
    _same_content(record, seed_records[seed.stem])
    # a page, and JSON lines, beside a folder
    rid, expected = sorted(seed_records.items())[1]
    result = _extract("-", "--format", "html", "-o", "-", input=page(expected, "jsonld").encode())
    _same_content(orjson.loads(result.stdout), expected)
    rows = b"".join(orjson.dumps(r) + b"\n" for r in _dump_rows(seed_records))
    out = tmp_path / "out.jsonl"
    _extract("-", SEEDS, "--format", "jsonl", "-o", out, input=rows)
    got = _records(out)
    assert len(got) == 2 * len(seed_records)
    for rid, expected in seed_records.items():
        _same_content(got[f"stdin/{rid}"], expected)


def test_gzip_output_is_written_atomically_and_runs_incrementally(tmp_path, seed_records):
    rows = _dump_rows(seed_records)
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    out = tmp_path / "out" / "records.jsonl.gz"
    report = tmp_path / "report.json"
    _extract(dump, SEEDS, "-o", out, "--report", report)
    first = out.read_bytes()
    assert first[:2] == b"\x1f\x8b" and len(_records(out)) == 2 * len(seed_records)
    assert orjson.loads(report.read_bytes())["run"]["processed"] == 2 * len(seed_records)
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    # nothing changed: nothing processed, FILE left as it was
    stat = out.stat()
    _extract(dump, SEEDS, "-o", out, "--report", report)
    assert orjson.loads(report.read_bytes())["run"]["processed"] == 0
    assert out.stat().st_mtime_ns == stat.st_mtime_ns
    # a new dump: the same rows in another order, one new, with a crawl time that changed
    rows = [dict(r, crawled_at="2026-12-02T00:00:00Z") for r in reversed(rows)]
    new = dict(rows[0], _id="new-1", headline="Tin mới về hội nghị")
    dump.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in [new, *rows]))
    _extract(dump, SEEDS, "-o", out, "--report", report)
    run = orjson.loads(report.read_bytes())["run"]
    assert run["processed"] == 1 and run["reused"] == 2 * len(seed_records)
    got = _records(out)
    assert "dump/new-1" in got and got["dump/new-1"]["title"] == "Tin mới về hội nghị"
    assert gzip.decompress(out.read_bytes()) == b"".join(
        orjson.dumps(got[k]) + b"\n" for k in sorted(got))
    # the views read it
    result = runner.invoke(app, ["stats", str(out), "--format", "json"])
    assert result.exit_code == 0 and orjson.loads(result.stdout)


def test_a_new_dump_with_line_numbers_shifted_is_not_processed_again(tmp_path, seed_records):
    rows = [{k: v for k, v in r.items() if k != "_id"} for r in _dump_rows(seed_records)]
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.json"
    _extract(dump, "-o", out)
    before = _records(out)
    dump.write_bytes(b"\n" + b"".join(orjson.dumps(r) + b"\n" for r in rows))  # all move down
    _extract(dump, "-o", out, "--report", report, "--prune")
    assert orjson.loads(report.read_bytes())["run"]["processed"] == 0
    after = _records(out)
    assert sorted(after) == [f"d/{n}" for n in range(2, len(rows) + 2)]
    for n in range(1, len(rows) + 1):
        old, new = before[f"d/{n}"], after[f"d/{n + 1}"]
        assert new["source"]["row"] == n + 1
        _same_content(new, old)


def test_folders_are_walked_for_every_format_and_glob_narrows(tmp_path, seed_records):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (tmp_path / "a.txt").write_bytes(seed.read_bytes())
    (tmp_path / "b.htm").write_text(page(seed_records[seed.stem], "portal"))
    (tmp_path / "c.ndjson").write_bytes(orjson.dumps(_dump_rows(seed_records)[0]) + b"\n")
    (tmp_path / "notes.md").write_text("# not an article")
    out = tmp_path / "out.jsonl"
    _extract(tmp_path, "-o", out)
    assert sorted(_records(out)) == ["a", "b", f"c/{sorted(seed_records)[0]}"]
    _extract(tmp_path, "--glob", "*.htm", "-o", out, "--prune")
    assert sorted(_records(out)) == ["b"]


@pytest.mark.parametrize("args, message", [
    (["--format", "jsonl"], "give '-' among the paths"),
    (["-", "--format", "xml"], "unknown format 'xml'"),
    (["-", "-"], "can be read only once"),
    (["--field", "body"], "--field wants FIELD=COLUMN"),
    (["--field", "nội_dung=text"], "--field wants FIELD=COLUMN"),
])
def test_input_options_that_cannot_work_are_usage_errors(tmp_path, args, message):
    paths = [] if "-" in args else [str(SEEDS)]
    result = runner.invoke(app, ["extract", *paths, *args, "-o", str(tmp_path / "o.jsonl")],
                           input=b"x")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_parquet_rows(tmp_path, seed_records):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    rows = _dump_rows(seed_records)
    table = pa.table({"guid": [r["_id"] for r in rows], "title": [r["headline"] for r in rows],
                      "body": [r["content"] for r in rows],
                      "date": [r["publish_date"] for r in rows],
                      "vector": [[0.5] * 8 for _ in rows]})
    pq.write_table(table, tmp_path / "t.parquet")
    out = tmp_path / "out.jsonl"
    _extract(tmp_path, "-o", out)
    got = _records(out)
    for rid, expected in seed_records.items():
        record = got[f"t/{rid}"]
        assert record["source"]["format"] == "parquet" and record["source"]["row"] == rid
        _same_content(record, expected, [f for f in CONTENT if f != "authors"])
