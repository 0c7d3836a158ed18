"""What a worker does with one article: read it as every run does, run the stages, answer for
a worker that was lost."""

from __future__ import annotations

import orjson

from partyx.run import worker
from partyx.run.plan import Task
from partyx.run.state import unpack
from tests.conftest import SEEDS

SEED = SEEDS / "000_0382416f5319272f.txt"


def test_read_article_decodes_and_hashes():
    reading = worker.read_article(SEED, "a")
    article = reading.article
    assert not reading.unchanged and not article.errors
    assert article.raw and article.source["encoding"] == "utf-8"
    assert article.source["bytes"] == reading.size == SEED.stat().st_size
    assert len(article.source["sha256"]) == 64


def test_known_bytes_are_not_decoded():
    sha = worker.read_article(SEED, "a").article.source["sha256"]
    reading = worker.read_article(SEED, "a", known_sha256=sha)
    assert reading.unchanged and reading.article.raw == ""
    assert reading.article.source["sha256"] == sha


def test_unreadable_and_undecodable_files_are_read_errors(tmp_path):
    missing = worker.read_article(tmp_path / "gone.txt", "g")
    assert missing.article.errors[0]["stage"] == "read" and missing.size is None
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    reading = worker.read_article(empty, "e")
    assert reading.article.errors == [{"stage": "read", "error": "empty file"}]
    assert reading.size == 0


def test_process_task_gives_the_record_and_lost_workers_a_record_with_the_error():
    worker.init_worker(["clean", "metadata"], [])
    task = Task(str(SEED), "seed", None, 1, 2)
    result = worker.process_task(task)
    record = orjson.loads(unpack(result.record))
    assert record["id"] == "seed" and record["title"] and result.errors == []
    assert set(result.timings) == {"clean", "metadata"}
    unchanged = worker.process_task(task._replace(known_sha256=result.sha256))
    assert unchanged.record is None and unchanged.size == result.size
    names = ("clean", "metadata")
    late = worker.timed_out(task, names, 2, 30.0)
    assert late.errors == [{"stage": "metadata", "error": "timed out after 30 s"}]
    # no stat, no sha256: the next run reads the article and tries it again
    assert (late.size, late.mtime_ns, late.sha256) == (None, None, None)
    dead = worker.worker_died(task, names, 0, -9)
    assert dead.errors == [{"stage": "worker", "error": "worker process died (signal 9)"}]
