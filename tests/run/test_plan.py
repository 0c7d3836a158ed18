"""Listing, ids and shards: the plan of a run."""

from __future__ import annotations

import pytest

from partyx.errors import UsageError
from partyx.run.plan import parse_shard, shard_of

QUIET = dict(log=lambda message: None)


def test_shards_partition_the_articles_and_stay_stable():
    ids = [f"baomoi_{i}" for i in range(1000)]
    parts = [[i for i in ids if shard_of(i, 4) == k] for k in range(4)]
    assert sorted(sum(parts, [])) == sorted(ids)
    assert all(150 < len(p) < 350 for p in parts)
    assert shard_of("baomoi_7", 4) == shard_of("baomoi_7", 4)
    assert parse_shard("3/4") == (3, 4)
    for bad in ("4/4", "1", "a/b", "0/0"):
        with pytest.raises(UsageError):
            parse_shard(bad)


def test_the_plan_reuses_rechecks_and_redoes_against_the_state(tmp_path):
    from partyx.run.plan import plan, stat
    from partyx.run.state import Known

    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.txt").write_text(name)
    listed = [(str(tmp_path / f"{n}.txt"), n, None, None, None) for n in ("a", "b", "c", "d")]
    size, mtime = stat(listed[0][0])
    known = [
        Known("a", listed[0][0], size, mtime, "sha-a", "sig", False),  # same: reused
        Known("b", listed[1][0], 999, 1, "sha-b", "sig", False),  # stat changed: rechecked
        Known("c", listed[2][0], *stat(listed[2][0]), "sha-c", "sig", True),  # unreadable
        Known("gone", "x", 1, 1, "sha", "sig", False),  # its file is not listed
    ]
    work = plan(listed, known, "sig")
    assert work.reused == 1 and work.missing == ["gone"]
    assert [(t.id, t.known_sha256) for t in work.tasks] == [("b", "sha-b"), ("c", None),
                                                            ("d", None)]
    everything = plan(listed, known, "sig", full=True)
    assert everything.reused == 0 and all(t.known_sha256 is None for t in everything.tasks)
    other_signature = plan(listed, known, "new")
    assert [t.known_sha256 for t in other_signature.tasks] == [None] * 4


def test_an_id_is_the_stem_and_longer_only_where_stems_are_shared():
    from pathlib import Path

    from partyx.run.plan import assign_ids, file_id

    assert file_id("corpus/x.txt", "corpus") == "x"
    assert file_id("corpus/2021/x.txt", "corpus/") == "2021/x"
    assert file_id("elsewhere/x.txt.gz", None) == "x"  # a file named on the command line
    assert file_id("corpus/a.b/x", "corpus") == "a.b/x"
    assert file_id("corpus/bad\nname.txt", "corpus") == "bad\\nname"
    c, d = Path("c"), Path("d")
    # the stem, wherever the file lies; only files that would share one get longer ids
    assert assign_ids([(c / "x.txt", c), (c / "2021" / "y.txt", c)]) == [
        ("c/x.txt", "x"), ("c/2021/y.txt", "y")]
    # the first in path order takes the stem; then the path below the folder, then with its
    # suffix, then with the folder's name
    assert assign_ids([(c / "x.txt", c), (c / "x.html", c), (d / "x.txt", d)]) == [
        ("c/x.txt", "x.txt"), ("c/x.html", "x"), ("d/x.txt", "d/x.txt")]
    assert assign_ids([(c / "x.txt", None), (c / "x.txt", c)]) == [("c/x.txt", "x")]
    # a file keeps the id the state holds for its path, whatever sorts before it
    held = {"d/x.txt": "x"}
    assert assign_ids([(c / "x.txt", c), (d / "x.txt", d)],
                      lambda paths: {p: held[p] for p in paths if p in held}) == [
        ("c/x.txt", "x.txt"), ("d/x.txt", "x")]
