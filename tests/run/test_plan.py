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
