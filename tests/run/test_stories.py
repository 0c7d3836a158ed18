"""Near-duplicate stories (issue 21): copies of one article by other outlets share its story;
different reports on the same place do not; a copy arriving later is linked by a run that
processes only it, and the other members' records change only in their story fields."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from partyx.run.runner import RunOptions, run
from partyx.run.stories import (
    SCHEME,
    SEED,
    VERSION,
    _values,
    band_keys,
    containment,
    jaccard,
    same_story,
    sign,
)
from partyx.run.worker import read_article

QUIET = dict(log=lambda message: None)

# A long opinion piece republished by two papers in 2005 (its copies are in the corpus too)
ORIGINAL = "vntc_train_TT_3658.txt"
OTHER = "vntc_test_NLD_T_9475.txt"  # another long piece, on other matters
# Two pairs of reports written by different outlets on one event in one province
SAME_PLACE = [("baomoi_22683184.txt", "baomoi_22684493.txt"),
              ("baomoi_22372340.txt", "baomoi_22376300.txt")]


def _paragraphs(path: Path) -> list[str]:
    raw = read_article(path, path.stem).article.raw
    return [line.strip() for line in raw.splitlines() if line.strip()]


def _write(folder: Path, name: str, date: str, headline: str, body: list[str]) -> None:
    (folder / name).write_text(f"{date}\n\n{headline}\n\n" + "\n\n".join(body) + "\n",
                               encoding="utf-8")


def _records(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}


@pytest.fixture
def story_folder(corpus_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    original = _paragraphs(corpus_dir / ORIGINAL)
    headline, body = original[0], original[1:]
    assert len(body) >= 10
    _write(folder, "original.txt", "23/09/2005 08:00", headline, body)
    # another outlet: a new headline, its dateline, a paragraph dropped, a credit at the foot
    republished = [f"(NLĐ)- {body[0]}"] + body[1:6] + body[7:] + ["Theo Báo Tuổi Trẻ"]
    _write(folder, "republished.txt", "24/09/2005 10:15",
           "Muốn chống tham nhũng phải có kỷ cương", republished)
    # shares the lead paragraph only; the rest is another piece
    other = _paragraphs(corpus_dir / OTHER)
    _write(folder, "same_lead.txt", "23/09/2005 09:00", other[0], [body[0]] + other[1:])
    for pair in SAME_PLACE:
        for name in pair:
            shutil.copy(corpus_dir / name, folder / name)
    return folder


def test_copies_share_the_original_story_and_others_do_not(story_folder, corpus_dir,
                                                            tmp_path):
    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    # an aggregator's copy: without its first lines and its last paragraphs
    _write(story_folder, "aggregated.txt", "25/09/2005 07:00", "Góp ý chống tham nhũng",
           body[2:-3])
    out = tmp_path / "out" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    records = _records(out)
    assert records["original"]["story"] == "original"
    assert records["original"]["duplicate_of"] is None
    for copy in ("republished", "aggregated"):
        assert records[copy]["story"] == "original"
        assert records[copy]["duplicate_of"] == "original"
    assert records["same_lead"]["story"] == "same_lead"
    for a, b in SAME_PLACE:
        ida, idb = Path(a).stem, Path(b).stem
        assert records[ida]["story"] != records[idb]["story"]
        assert records[ida]["duplicate_of"] is None and records[idb]["duplicate_of"] is None
    # the story fields of a linked record are replaced in its line as stored: the line is
    # the one writing the record again would give, the fields where the SPEC has them
    for line in out.read_bytes().splitlines():
        record = orjson.loads(line)
        assert line == orjson.dumps(record)
        assert list(record)[-3:] == ["story", "duplicate_of", "errors"]


def test_a_copy_added_later_joins_its_story_in_a_run_of_it_alone(story_folder, corpus_dir,
                                                                 tmp_path):
    out = tmp_path / "out" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    before = out.read_bytes().splitlines()
    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    _write(story_folder, "aggregated.txt", "20/10/2005 07:00", "Góp ý chống tham nhũng",
           body[2:-3])
    summary = run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert summary.processed == 1
    after = out.read_bytes().splitlines()
    assert set(before) <= set(after)  # every other record exactly as it was
    records = _records(out)
    assert records["aggregated"]["story"] == "original"
    assert records["aggregated"]["duplicate_of"] == "original"
    # a copy dated before the original: it opens the story; the others' records change in
    # their story fields only
    _write(story_folder, "earlier.txt", "22/09/2005 18:00", "Góp ý của nguyên Thủ tướng",
           body[:-1])
    summary = run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert summary.processed == 1
    now = _records(out)
    for id_ in ("original", "republished", "aggregated"):
        assert now[id_]["story"] == "earlier"
        old = {k: v for k, v in records[id_].items() if k not in ("story", "duplicate_of")}
        new = {k: v for k, v in now[id_].items() if k not in ("story", "duplicate_of")}
        assert old == new
    assert now["original"]["duplicate_of"] == "earlier"
    assert now["earlier"]["duplicate_of"] is None
    # the earliest copy goes away (--prune): the story is the original's again
    (story_folder / "earlier.txt").unlink()
    run(RunOptions(paths=[story_folder], output=out, workers=2, prune=True), **QUIET)
    assert _records(out) == records


def test_a_run_killed_before_matching_never_keeps_an_old_texts_signature(
        story_folder, corpus_dir, tmp_path, monkeypatch):
    out = tmp_path / "out" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert _records(out)["republished"]["story"] == "original"
    # the copy's file now holds another piece; the run that processes it is killed after its
    # record is committed, before the signatures are matched
    other = _paragraphs(corpus_dir / OTHER)
    _write(story_folder, "republished.txt", "24/09/2005 10:15", other[0], other[1:])
    from partyx.errors import Interrupted
    from partyx.run.stories import StoryIndex

    def killed(self, batch=1000):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(StoryIndex, "add_pending", killed)
        with pytest.raises(Interrupted):
            run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    summary = run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert summary.processed == 0  # the record was kept: it is signed from it
    # a later copy of the original joins the original's story, and the changed article
    # (linked to it by its old text's signature, had that been kept) does not: it is in the
    # story of the piece its new text copies (same_lead shares all but its lead)
    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    _write(story_folder, "aggregated.txt", "25/09/2005 07:00", "Góp ý chống tham nhũng",
           body[2:-3])
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    records = _records(out)
    assert records["aggregated"]["story"] == "original"
    assert records["republished"]["story"] == "same_lead"
    assert records["republished"]["duplicate_of"] == "same_lead"


def test_short_texts_are_never_linked():
    short = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5 đã bế mạc chiều nay."
    assert sign(short, None).hashvalues is None
    assert not same_story(1.0, 10, 10)


def test_the_signature_is_datasketchs_minhash_of_the_shingles(corpus_dir):
    # sign() gives update_batch the shingles' hashes as one array (no Python call per
    # shingle): the signature must be the MinHash datasketch makes of them one by one
    from datasketch import MinHash

    from partyx.lang.shingles import shingle_hashes
    from partyx.run.stories import NUM_PERM

    for path in sorted(corpus_dir.glob("*.txt"))[:12]:
        text = read_article(path, path.stem).article.raw
        hashes = shingle_hashes(text)
        m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme=SCHEME)
        for value in hashes[(hashes & 1) == 0].tolist():  # the half signed
            m.update(value)
        signature = sign(text, None)  # (in a MinHash of the process, cleared before each)
        assert signature.hashvalues == m.hashvalues.astype("<u4").tobytes()
        assert signature.shingles == len(hashes)


def test_a_state_signed_by_another_version_is_signed_again(story_folder, corpus_dir,
                                                           tmp_path):
    # the signatures of a state made by another VERSION (other shingle hashes) are never
    # matched with this version's: they are dropped, and every record is signed again from
    # its text, keeping its story
    import sqlite3

    from partyx.run.state import state_path

    out = tmp_path / "out" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    before = out.read_bytes()
    with sqlite3.connect(state_path(out)) as db:
        signed = db.execute("SELECT id, mh FROM story_sigs ORDER BY id").fetchall()
        db.execute("UPDATE meta SET value = '0' WHERE key = 'stories'")  # an older one
        db.execute("UPDATE story_sigs SET mh = zeroblob(length(mh)) WHERE mh IS NOT NULL")
        db.execute("DELETE FROM story_bands")
    # the copy comes a day later: found by the signatures made again, not the old ones
    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    _write(story_folder, "aggregated.txt", "25/09/2005 07:00", "Góp ý chống tham nhũng",
           body[2:-3])
    summary = run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert summary.processed == 1
    with sqlite3.connect(state_path(out)) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'stories'").fetchone()[0] \
            == VERSION
        assert db.execute("SELECT id, mh FROM story_sigs WHERE id != 'aggregated' "
                          "ORDER BY id").fetchall() == signed
    records = _records(out)
    assert records["aggregated"]["story"] == "original"
    assert set(before.splitlines()) <= set(out.read_bytes().splitlines())


def test_band_keys_are_those_stored_before():
    # the band table of a state holds these keys: they never change without stories.VERSION
    assert band_keys(bytes(range(256))) == [
        7484773610643176079, 4098427132847914899, 8076821918656549848, 1385931436308742913,
        2357692896585430125, 8253657065218235701, 6324788659806732498, 705981024183771732,
        118042637394000953, 6004130296529217025, 5953504251710335455, 3075342826713620517,
        7942704629269505115, 193726215513407622, 2674608334246156976, 2103768336131528467,
        3506215092211605969, 7430880845206573373, 7232314408408386367, 3437483659359080167,
        8997369331042979273]


def test_containment_follows_from_jaccard_and_sizes():
    # 100 shingles all inside 200: Jaccard 0.5, containment 1
    assert containment(0.5, 100, 200) == pytest.approx(1.0)
    assert containment(0.0, 100, 200) == 0.0
    assert not same_story(0.2, 100, 500)  # inside, but a fifth of the other's length


def test_jaccard_is_datasketchs_estimate(corpus_dir):
    from datasketch import LeanMinHash

    texts = [read_article(p, p.stem).article.raw for p in sorted(corpus_dir.glob("*.txt"))[:12]]
    texts.append(texts[0][len(texts[0]) // 3:])  # a copy without its first third
    sigs = [s.hashvalues for s in (sign(t, None) for t in texts) if s.hashvalues is not None]
    seen = set()
    for a in sigs:
        for b in sigs:
            lean = [LeanMinHash(seed=SEED, hashvalues=_values(v), scheme=SCHEME) for v in (a, b)]
            expected = lean[0].jaccard(lean[1])
            assert jaccard(_values(a), _values(b)) == expected
            seen.add(expected)
    assert len(seen) > 2  # not only 0 and 1


def test_merge_links_stories_across_shards(story_folder, corpus_dir, tmp_path):
    from partyx.run.merge import merge_files

    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    _write(story_folder, "aggregated.txt", "25/09/2005 07:00", "Góp ý chống tham nhũng",
           body[2:-3])
    whole = tmp_path / "whole" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=whole, workers=2), **QUIET)
    shards = []
    for i in range(3):
        out = tmp_path / f"shard{i}" / "records.jsonl"
        run(RunOptions(paths=[story_folder], output=out, workers=1, shard=(i, 3)), **QUIET)
        shards.append(out)
    merged = tmp_path / "merged.jsonl"
    assert merge_files(merged, shards).written == len(_records(whole))
    assert merged.read_bytes() == whole.read_bytes()


def test_a_state_rebuilt_from_file_keeps_the_stories(story_folder, tmp_path):
    from partyx.run.state import state_path

    out = tmp_path / "out" / "records.jsonl"
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    before = out.read_bytes()
    state_path(out).unlink()
    # their records are kept (no --prune), signed from their text, with the stories they hold
    (story_folder / "original.txt").unlink()
    (story_folder / "republished.txt").unlink()
    run(RunOptions(paths=[story_folder], output=out, workers=2), **QUIET)
    assert out.read_bytes() == before


def test_the_stories_of_a_run_do_not_depend_on_the_order_results_arrive_in(corpus_dir):
    """Results come back in the order workers finish them; each new article is compared with a
    few earlier ones only (MAX_CANDIDATES): the run matches them in id order, so two runs with
    any number of workers give the same stories."""
    import random
    import sqlite3

    from partyx.run.stories import MAX_CANDIDATES, StoryIndex

    body = _paragraphs(corpus_dir / ORIGINAL)[1:]
    copies = {f"c{i:02d}": "\n\n".join(body[:i % len(body)] + body[i % len(body) + 1:]
                                       + body[: i % 3])
              for i in range(3 * MAX_CANDIDATES)}
    sigs = {i: sign(text, f"2005-09-{10 + int(i[1:]) % 15:02d}") for i, text in copies.items()}

    def stories(order: list[str]) -> list[tuple[str, str, str | None]]:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE articles (id TEXT)")
        meta: dict[str, str] = {}
        index = StoryIndex(db, meta.get, meta.__setitem__)
        for i in order:
            index.pend(i, sigs[i])
        index.add_pending()
        return sorted(index.assign())

    ids = sorted(copies)
    first = stories(ids)
    assert len({story for _, story, _ in first}) == 1  # one story of copies
    for seed in range(3):
        shuffled = ids[:]
        random.Random(seed).shuffle(shuffled)
        assert stories(shuffled) == first


def test_signing_imports_datasketchs_minhash_without_scipy():
    # datasketch's __init__ imports its LSH indexes, which import scipy (half a second, paid
    # by every run that signs): signing takes the MinHash class alone, and a later import of
    # the whole package gives that same class
    import subprocess
    import sys

    script = ("import sys\n"
              "from partyx.run.stories import prepare, sign, _minhash\n"
              "prepare()\n"
              "text = ' '.join(f'câu số {i} của bài viết về hội nghị' for i in range(40))\n"
              "assert sign(text, None).hashvalues is not None\n"
              "print('scipy' in sys.modules, 'datasketch' in sys.modules)\n"
              "import datasketch\n"
              "print(datasketch.MinHash is _minhash(), 'scipy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True", "True"]


def test_a_run_with_nothing_new_does_not_import_datasketch(story_folder, tmp_path):
    # numpy and datasketch's MinHash are imported by a run that has articles to sign, never
    # by one that has nothing new
    import subprocess
    import sys

    out = tmp_path / "out" / "records.jsonl"
    first = run(RunOptions(paths=[story_folder], output=out, workers=1), **QUIET)
    script = ("import sys\nfrom pathlib import Path\n"
              "from partyx.run.runner import RunOptions, run\n"
              f"s = run(RunOptions(paths=[Path({str(story_folder)!r})], output=Path({str(out)!r}), "
              "workers=1), log=lambda m: None)\n"
              "print(s.processed, s.reused, sorted({m.split('.')[0] for m in sys.modules} & "
              "{'datasketch', 'scipy', 'numpy'}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == f"0 {first.processed} []"


def test_a_batch_of_new_articles_gives_the_stories_of_adding_them_one_by_one():
    """add_pending() works out only the articles it linked (the others keep the story their
    new records hold): the same stories as adding each one alone, which works every one out,
    also when some are processed again (their old links dropped) or lose their copies."""
    import random
    import sqlite3

    import numpy as np

    from partyx.run.stories import NUM_PERM, Signature, StoryIndex

    rng = random.Random(7)

    def values(base: bytes | None) -> bytes:
        if base is None:
            return bytes(rng.getrandbits(8) for _ in range(4 * NUM_PERM))
        v = np.frombuffer(base, dtype="<u4").copy()
        for i in rng.sample(range(NUM_PERM), rng.choice((4, 8, 30))):  # a copy, or not quite
            v[i] = rng.getrandbits(32)
        return v.astype("<u4").tobytes()

    def signatures(n: int) -> dict[str, Signature]:
        sigs: dict[str, Signature] = {}
        for i in range(n):
            base = rng.choice(list(sigs.values())) if sigs and rng.random() < 0.3 else None
            sigs[f"a{i:03d}"] = Signature(values(base and base.hashvalues), 400,
                                          f"2024-05-{1 + rng.randrange(28):02d}")
        return sigs

    first, second = signatures(120), signatures(60)
    again = {i: second[j] for i, j in zip(sorted(first)[::4], sorted(second), strict=False)}

    def stories(batched: bool) -> list[set[tuple[str, str, str | None]]]:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE articles (id TEXT)")
        meta: dict[str, str] = {}
        index = StoryIndex(db, meta.get, meta.__setitem__)
        held: dict[str, tuple[str, str | None]] = {}
        out = []
        for batch in (first, again):
            for i, sig in batch.items():
                held[i] = (i, None)  # a new record holds its own story
                if batched:
                    index.pend(i, sig)
                else:
                    index.add(i, sig)
            if batched:
                index.add_pending()
            for i, story, duplicate_of in index.assign():
                held[i] = (story, duplicate_of)
            out.append({(i, *held[i]) for i in held})
        return out

    batched = stories(True)
    assert batched == stories(False)
    assert sum(story != i for i, story, _ in batched[0]) > 20  # stories of copies were found
    assert batched[0] != batched[1]
