"""The state beside FILE: rows in id order, compressed records written back byte for byte,
commits in batches, a corrupt state rebuilt, and the lock that keeps a second run out."""

import io
import multiprocessing
import sqlite3
import time

import orjson
import pytest

from partyx.errors import Locked
from partyx.run.state import State, lock, state_path


def _put(state, id_, errors=(), path=None):
    record = orjson.dumps({"id": id_, "errors": list(errors)})
    state.put(id_, path or f"{id_}.txt", 10, 20, "ab" * 32, "sig", record, list(errors),
              {"people": 2})
    return record


def test_records_come_back_in_id_order_byte_for_byte(tmp_path):
    state = State(tmp_path / "r.jsonl")
    records = {i: _put(state, i) for i in ("b", "a", "ä", "c10", "c2")}
    out = io.BytesIO()
    assert state.write_records(out) == 5
    assert out.getvalue() == b"".join(records[i] + b"\n" for i in sorted(records))
    assert [k.id for k in state.known()] == sorted(records)


def test_known_marks_unreadable_rows_and_summary_reads_errors(tmp_path):
    state = State(tmp_path / "r.jsonl")
    _put(state, "bad", [{"stage": "read", "error": "empty file"}])
    _put(state, "good")
    known = {k.id: k for k in state.known()}
    assert known["bad"].unreadable and not known["good"].unreadable
    rows = {r[0]: r for r in state.summary_rows()}
    assert rows["bad"][2] == [{"stage": "read", "error": "empty file"}]
    assert rows["good"][3] == {"people": 2}


def test_checkpoint_commits_every_n_changes(tmp_path):
    state = State(tmp_path / "r.jsonl")
    for i in range(4):
        _put(state, f"a{i}")
        assert not state.checkpoint(every=5, seconds=999)
    _put(state, "a4")
    assert state.checkpoint(every=5, seconds=999)
    # a second connection sees the committed rows
    other = sqlite3.connect(state_path(tmp_path / "r.jsonl"))
    assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_a_corrupt_state_is_moved_aside_and_replaced_by_an_empty_one(tmp_path):
    state_path(tmp_path / "r.jsonl").write_bytes(b"this is not sqlite" * 100)
    state = State(tmp_path / "r.jsonl")
    assert state.count() == 0
    kept = tmp_path / "r.jsonl.state.sqlite.corrupt"
    assert kept.read_bytes() == b"this is not sqlite" * 100
    _put(state, "a")
    state.close()
    assert State(tmp_path / "r.jsonl").count() == 1


def test_output_is_current_only_as_last_written(tmp_path):
    out = tmp_path / "r.jsonl"
    state = State(out)
    assert not state.output_is_current()
    out.write_bytes(b"x\n")
    state.wrote_output()
    assert state.output_is_current()
    time.sleep(0.01)
    out.write_bytes(b"y\n")
    assert not state.output_is_current()


def _hold(path, ready, release):
    with lock(path):
        ready.set()
        release.wait(10)


def test_a_second_run_is_kept_out_or_waits(tmp_path):
    out = tmp_path / "r.jsonl"
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(out, ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(Locked, match=rf"pid {holder.pid}\) is writing"), lock(out):
            pass
        release.set()
        with lock(out, wait=True):  # returns once the holder let go
            pass
    finally:
        release.set()
        holder.join(10)


def test_a_new_state_beside_an_existing_file_keeps_its_records(tmp_path):
    out = tmp_path / "r.jsonl"
    lines = [orjson.dumps({"id": i, "source": {"path": f"{i}.txt", "sha256": "cd" * 32},
                           "people": [{"name": "Nguyễn Văn A"}], "errors": []})
             for i in ("a", "b")]
    out.write_bytes(b"\n".join(lines) + b"\n{broken\n")
    state = State(out)
    known = {k.id: k for k in state.known()}
    assert set(known) == {"a", "b"}
    assert known["a"].signature == "" and known["a"].size is None  # redone when listed
    buf = io.BytesIO()
    state.write_records(buf)
    assert buf.getvalue() == lines[0] + b"\n" + lines[1] + b"\n"
    assert dict(r[0:1] + (r[3],) for r in state.summary_rows())["a"] == {
        "people": 1, "organizations": 0, "places": 0, "documents": 0, "congresses": 0,
        "membership": 0}


def test_a_disk_error_is_raised_not_taken_for_corruption(tmp_path, monkeypatch):
    from partyx.run import state as state_mod

    path = state_path(tmp_path / "r.jsonl")
    path.write_bytes(b"keep me")

    def full(_path):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(state_mod, "_connect", full)
    with pytest.raises(sqlite3.OperationalError):
        State(tmp_path / "r.jsonl")
    assert path.read_bytes() == b"keep me"


def test_a_line_with_a_source_of_the_wrong_type_is_not_adopted(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_bytes(b'{"id":"x","source":"s"}\n{"id":"y","source":{"path":"y.txt"}}\n')
    assert [k.id for k in State(out).known()] == ["y"]


def _line(id_, n=0):
    return orjson.dumps({"schema": "partyx/1", "id": id_, "n": n})


def _put_line(state, id_, n=0):
    state.put(id_, f"{id_}.txt", 10, 20, "ab" * 32, "sig", _line(id_, n), [], {})


def _write(state):
    from partyx.io import atomic_writer

    with atomic_writer(state.output) as fh:
        state.write_records(fh)
    state.wrote_output()


def _counting_unpack(monkeypatch):
    from partyx.run import state as state_mod

    calls = []
    real = state_mod.unpack
    monkeypatch.setattr(state_mod, "unpack", lambda r: calls.append(r) or real(r))
    return calls


def test_a_rerun_copies_unchanged_lines_and_takes_only_changed_ones_from_the_rows(
        tmp_path, monkeypatch):
    state = State(tmp_path / "r.jsonl")
    for i in ("a", "b", "d", "e", 'q"uo\\te'):
        _put_line(state, i)
    _write(state)
    state.track_changes()
    _put_line(state, "b", 1)  # changed
    _put_line(state, "c")  # new, between two old lines
    _put_line(state, "f")  # new, after the last one
    state.delete(["e"])  # pruned
    calls = _counting_unpack(monkeypatch)
    _write(state)
    expected = [_line("a"), _line("b", 1), _line("c"), _line("d"), _line("f"),
                _line('q"uo\\te')]
    assert state.output.read_bytes() == b"".join(x + b"\n" for x in expected)
    assert len(calls) == 3  # b, c, f: the other lines were copied


@pytest.mark.parametrize("damage", ["swap", "foreign"])
def test_a_file_that_is_not_what_the_state_wrote_is_written_whole_from_the_rows(
        tmp_path, monkeypatch, damage):
    import os

    state = State(tmp_path / "r.jsonl")
    for i in ("a", "b", "c"):
        _put_line(state, i)
    _write(state)
    out = state.output
    st = out.stat()
    lines = out.read_bytes().splitlines(keepends=True)
    if damage == "swap":  # same size, same mtime, ids out of order
        lines[0], lines[1] = lines[1], lines[0]
    else:  # same size, same mtime, a line partyx did not write
        lines[2] = b"x" * (len(lines[2]) - 1) + b"\n"
    out.write_bytes(b"".join(lines))
    os.utime(out, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert state.output_is_current()  # the cheap check cannot tell
    state.track_changes()
    _put_line(state, "b", 1)
    calls = _counting_unpack(monkeypatch)
    _write(state)
    assert out.read_bytes() == b"".join(x + b"\n" for x in (_line("a"), _line("b", 1),
                                                             _line("c")))
    assert len(calls) >= 3  # every record from the rows (after the changed one, maybe)
