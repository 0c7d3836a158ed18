"""A stage whose output changes must get a new ``version``.

An incremental run reuses an article's record unless its bytes or the pipeline's signature
(the stages and their declared versions) changed. So a stage that changes what it produces
without a version bump leaves stale records in every existing output, silently.

This test keeps a fingerprint of the record fields each stage provides (hand-offs and
``extras`` are scratch: a change there matters only through the records downstream), and of
the text and encoding the reader gives the stages (``reader``), on the seeds, and on the
development corpus where it is present, in ``tests/stage_fingerprints.json``, with the
pipeline signature it was taken under:

- same signature, different fingerprint: a record field changed without a version bump. Bump
  the version of the stage that changed (which may be upstream of the field, as ``clean`` is
  of ``title``: the signature covers every stage, so one bump redoes the records), or
  ``partyx.io.READER_VERSION`` when ``reader`` changed.
- different signature (a version was bumped): refresh the file with
  ``PARTYX_UPDATE_FINGERPRINTS=1 python -m pytest tests/test_stage_versions.py``
  and commit it with the change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson
import pytest

from partyx.pipeline import build
from partyx.record import Article
from partyx.run.worker import read_article

from .conftest import CORPUS, SEEDS

FILE = Path(__file__).with_name("stage_fingerprints.json")
UPDATE = os.environ.get("PARTYX_UPDATE_FINGERPRINTS") == "1"


def fingerprints(folder: Path) -> dict[str, str]:
    """Per stage that provides record fields: sha256 of those fields over the articles of
    ``folder``; and ``reader``: of the decoded text and encoding the stages were given."""
    pipeline = build()
    record_fields = Article(id="", source={}).to_record()
    fields = {s.name: [n for n in s.provides if n in record_fields] for s in pipeline.stages}
    fields = {name: names for name, names in fields.items() if names}
    hashes = {name: hashlib.sha256() for name in [*fields, "reader"]}
    for i, path in enumerate(sorted(folder.glob("*.txt"))):
        article = read_article(path, f"a{i}").article
        hashes["reader"].update(orjson.dumps([article.raw, article.source["encoding"]]))
        article = pipeline.run(article)
        for name, names in fields.items():
            value = {n: getattr(article, n) for n in names}
            hashes[name].update(orjson.dumps(value, option=orjson.OPT_SORT_KEYS))
    return {name: h.hexdigest()[:16] for name, h in hashes.items()}


def _stored() -> dict:
    return orjson.loads(FILE.read_bytes()) if FILE.exists() else {}


@pytest.mark.parametrize("corpus", ["seeds", "corpus"])
def test_a_changed_stage_has_a_new_version(corpus: str) -> None:
    folder = SEEDS if corpus == "seeds" else CORPUS
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    signature = build().signature
    now = fingerprints(folder)
    stored = _stored()
    if UPDATE:
        stored[corpus] = {"signature": signature, "stages": now}
        FILE.write_bytes(orjson.dumps(stored, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
                         + b"\n")
        return
    before = stored.get(corpus)
    assert before is not None, f"no fingerprint for {corpus}: run with PARTYX_UPDATE_FINGERPRINTS=1"
    assert before["signature"] == signature, (
        "stage versions changed: refresh tests/stage_fingerprints.json with "
        "PARTYX_UPDATE_FINGERPRINTS=1 python -m pytest tests/test_stage_versions.py")
    changed = [name for name, h in now.items() if before["stages"].get(name) != h]
    assert "reader" not in changed, (
        f"the text the reader gives the stages changed on the {corpus}: bump "
        "partyx.io.READER_VERSION, so that incremental runs redo the records made from the old "
        "text")
    assert not changed, (
        f"the records of {', '.join(changed)} changed on the {corpus} but no stage version was "
        "bumped: bump the version of the stage that changed them, so that incremental "
        "runs redo their records")


def test_the_fingerprint_sees_a_change_in_what_a_stage_provides(monkeypatch) -> None:
    before = fingerprints(SEEDS)
    from partyx.stages import membership

    original = membership.Membership.__call__

    def altered(self, article: Article) -> None:
        original(self, article)
        article.membership = article.membership[:-1]

    monkeypatch.setattr(membership.Membership, "__call__", altered)
    after = fingerprints(SEEDS)
    assert after["membership"] != before["membership"]
    assert {k for k in before if before[k] != after[k]} <= {"membership", "event"}


def test_the_fingerprint_sees_a_change_in_what_the_reader_gives(monkeypatch) -> None:
    before = fingerprints(SEEDS)
    from partyx import io

    original = io.decode

    def altered(data: bytes) -> io.Decoded:
        decoded = original(data)
        return io.Decoded(decoded.text.replace("Đảng", "Dang"), decoded.encoding)

    monkeypatch.setattr(io, "decode", altered)
    after = fingerprints(SEEDS)
    assert after["reader"] != before["reader"]
