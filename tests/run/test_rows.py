"""Dataset rows and standard input in a run: listed with their ids into the spool, planned by
content against the state, read back by the worker."""

from __future__ import annotations

import gzip
import io

import orjson

from partyx.readers.columns import Columns
from partyx.run import worker
from partyx.run.plan import list_articles, plan
from partyx.run.rows import read_stdin
from partyx.run.spool import Spool
from partyx.run.state import State, lock, unpack


def _jsonl(*rows: dict) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


def test_a_folder_lists_every_format_and_rows_get_their_ids(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề\n\nNội dung.")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "dump.jsonl").write_bytes(_jsonl({"id": "x1", "text": "Một."}, {"text": "Hai."}))
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(b"title,text\nA,Ba.\n"))
    (tmp_path / "notes.md").write_text("not an article")
    with Spool(tmp_path) as spool:
        listed = list_articles([tmp_path], spool=spool)
        assert [(e[1], e[4]) for e in listed] == [
            ("a", None), ("b", None), ("dump/2", 2), ("dump/x1", "x1"), ("t/2", 2)]
        assert listed[0][2:4] == (None, None) and listed[2][3] is not None
        narrowed = list_articles([tmp_path], "*.csv*", spool=spool)
        assert [e[1] for e in narrowed] == ["t/2"]


def test_ids_stay_unique_across_files_and_rows(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "d.jsonl").write_bytes(
            _jsonl({"id": 1, "text": "a"}, {"id": 1, "text": "b"}))
    (tmp_path / "a" / "d").mkdir()
    (tmp_path / "a" / "d" / "1.txt").write_text("x")
    (tmp_path / "b" / "d.txt").write_text("x")
    with Spool(tmp_path) as spool:
        ids = [e[1] for e in list_articles([tmp_path], spool=spool)]
    # ids are stems (a/d/1.txt is 1); the three files of stem d: a/d.jsonl, first in path
    # order, is d, its rows (both with id 1) d/1 and d/1~2; b/d.jsonl is b/d; b/d.txt, whose
    # path would be b/d too, keeps its suffix (partyx.run.plan.assign_ids)
    assert sorted(ids) == ["1", "b/d.txt", "b/d/1", "b/d/1~2", "d/1", "d/1~2"]


def test_a_bad_file_or_row_is_listed_with_its_error_and_the_worker_reports_it(tmp_path):
    (tmp_path / "d.jsonl").write_bytes(b'{"text": "ok"}\n{bad\n{"title": "no text"}\n')
    (tmp_path / "c.csv").write_text("tieu_de,ngay\nA,1\n")
    (tmp_path / "z.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n')[:-6])
    worker.init_worker(["clean", "metadata"], [])
    with Spool(tmp_path) as spool:
        listed = list_articles([tmp_path], spool=spool)
        tasks = {e[1]: worker.process_task(t) for e, t in zip(
            listed, plan(listed, [], "sig").tasks, strict=True)}
    errors = {i: r.errors[0]["error"] if r.errors else None for i, r in tasks.items()}
    assert errors["d/1"] is None
    assert errors["d/2"].startswith("line 2: not JSON")
    assert errors["d/3"].startswith("line 3: no text")
    assert errors["c"].startswith("no text column (tried text, content")
    assert "tieu_de, ngay" in errors["c"] and "--field text=COLUMN" in errors["c"]
    assert errors["z"].startswith("corrupt gzip data")
    record = orjson.loads(unpack(tasks["d/2"].record))
    assert record["source"]["format"] == "jsonl" and record["source"]["row"] == 2


def test_rows_are_planned_by_content(tmp_path):
    """Same content, same id: reused; content held under another id: copied; new: processed."""
    out = tmp_path / "out.jsonl"
    data = tmp_path / "dump.jsonl"
    rows = [{"title": f"Tin số {i}", "text": f"Chiều 24/3, hội nghị lần thứ {i} đã diễn ra."}
            for i in range(4)]
    data.write_bytes(_jsonl(*rows))
    with lock(out):
        state = State(out)
        with Spool(tmp_path) as spool:
            listed = list_articles([data], spool=spool)
            work = plan(listed, state.known(), "sig")
            assert len(work.tasks) == 4 and not work.copies
            worker.init_worker(["clean", "metadata"], [])
            for task in work.tasks:
                r = worker.process_task(task)
                state.put(r.id, r.path, r.size, r.mtime_ns, r.sha256, "sig", r.record, r.errors,
                          r.found)
        # a new dump: one row inserted on top (every line number moves), one changed
        data.write_bytes(_jsonl({"text": "Mới."}, *rows[:3], {"title": "Đổi", "text": "Khác."}))
        with Spool(tmp_path) as spool:
            listed = list_articles([data], spool=spool)
            work = plan(listed, state.known(), "sig",
                        by_content=lambda key: state.find_content(key, "sig"))
            assert sorted(t.id for t in work.tasks) == ["dump/1", "dump/5"]
            assert sorted((c.source, c.id) for c in work.copies) == [
                ("dump/1", "dump/2"), ("dump/2", "dump/3"), ("dump/3", "dump/4")]
            assert work.reused == 3
            state.copy(work.copies)  # dump/1's record is read before it is overwritten
        copied = {}
        for (line,) in state.db.execute("SELECT record FROM articles"):
            rec = orjson.loads(unpack(line))
            copied[rec["id"]] = rec
        assert copied["dump/2"]["title"] == "Tin số 0" and copied["dump/2"]["source"]["row"] == 2
        assert copied["dump/4"]["title"] == "Tin số 2" and copied["dump/4"]["id"] == "dump/4"
        # nothing changed: everything reused, nothing copied
        with Spool(tmp_path) as spool:
            listed = list_articles([data], spool=spool)
            known = [k for k in state.known() if k.id != "dump/1" and k.id != "dump/5"]
            again = plan(listed, known, "sig")
            assert again.reused == 3 and len(again.tasks) == 2
            assert plan(listed, state.known(), "other").reused == 0  # new stage versions
        state.close()


def test_standard_input_one_article_or_rows(tmp_path):
    article = "Tiêu đề\n\nChiều 24/3, Quận ủy tổ chức hội nghị.".encode()
    with Spool(tmp_path) as spool:
        (entry,) = read_stdin("txt", Columns(), spool, 1000, io.BytesIO(article))
        spool.flush()
        assert entry[:2] == ("-", "stdin") and entry[2] is not None
        reading = worker.read_spooled(plan([entry], [], "s").tasks[0])
        assert reading.article.raw.startswith("Tiêu đề") and not reading.article.errors
        assert reading.article.source["format"] == "stdin"
        zipped = read_stdin("txt", Columns(), spool, 1000, io.BytesIO(gzip.compress(article)))
        assert zipped[0][2] == entry[2]  # the same article, compressed
        rows = read_stdin("jsonl", Columns(), spool, 1000, io.BytesIO(
            _jsonl({"text": "a"}, {"id": "k", "text": "b"})))
        assert [e[1] for e in rows] == ["stdin/1", "stdin/k"]
        (big,) = read_stdin("txt", Columns(), spool, 10, io.BytesIO(article))
        spool.flush()
        reading = worker.read_spooled(plan([big], [], "s").tasks[0])
        assert reading.article.errors[0]["error"].startswith("too large")
