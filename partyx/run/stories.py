"""One story, many outlets: near-duplicate articles linked, and counted once.

**Signing** (where the stages run, :func:`sign`): the article's body shingles
(:mod:`partyx.lang.shingles`: the headline, dateline, bylines and credits left out) go into a
``datasketch`` MinHash of :data:`NUM_PERM` permutations (seed 1, scheme ``affine32``: pinned,
``datasketch>=2,<3``); the signature is its hash values, 512 bytes.

**Matching** (in the process that owns the state, :class:`StoryIndex`): the signatures live in
the state beside FILE, with an LSH band table (:data:`BANDS` bands of :data:`ROWS` hash values,
the (b, r) ``datasketch`` chooses for a Jaccard threshold of 0.3;
a band's key is a 63-bit blake2b of its values). A new article is looked up by its band keys
(an index lookup each: no index is rebuilt in memory, nothing of the corpus is read again), and
each candidate is verified with the estimated Jaccard similarity of the two signatures and the
containment it implies (the share of the smaller article's shingles found in the larger):

- a copy (another headline, another dateline, a paragraph dropped, a credit added; an
  aggregator's copy without its first lines and its last paragraphs) keeps most of its
  shingles inside the original: containment ≥ :data:`MIN_CONTAINMENT`;
- two reports on the same district and the same resolution share a lead, names and set
  phrases, but not most of their text: their containment stays far below;
- the two texts must be of comparable length too (Jaccard ≥ :data:`MIN_JACCARD`): an article
  that quotes a whole short communiqué is not a copy of it;
- a text of fewer than :data:`MIN_SHINGLES` shingles is too short to tell: never linked.

**Stories**: the links found are kept (``story_links``); a story is a connected group of linked
articles. Its id (``story``) is its earliest article's, by publication date (undated articles
after dated ones), then by id. Every other member's ``duplicate_of`` is the article it is
linked to, among those earlier than itself, that it is most similar to; the earliest's is
``null``. When articles come, change or go, only the stories they touch are worked out again
(``story_dirty`` keeps their ids across an interrupted run), and only the records whose
``story`` or ``duplicate_of`` changed are rewritten (``story_of`` says what each record holds).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import importlib.util
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from partyx.lang.shingles import numpy, shingle_hashes

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"
BANDS, ROWS = 21, 3  # datasketch.lsh._optimal_param(0.3, 64, 0.5, 0.5)
MIN_SHINGLES = 25
MIN_JACCARD = 0.35
MIN_CONTAINMENT = 0.75
MAX_CANDIDATES = 8  # verified per new article
# Bump when shingling, signing or the thresholds change: the signatures and links of a state
# made otherwise are dropped and made again from the records (no article is processed again).
VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS story_sigs (
    n INTEGER PRIMARY KEY,
    id TEXT UNIQUE NOT NULL,
    mh BLOB,                 -- NULL: too short to be matched
    shingles INTEGER NOT NULL,
    published TEXT
);
CREATE TABLE IF NOT EXISTS story_bands (key INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_links (a TEXT NOT NULL, b TEXT NOT NULL, jaccard REAL NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_of (id TEXT PRIMARY KEY, story TEXT NOT NULL,
    duplicate_of TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_dirty (id TEXT PRIMARY KEY) WITHOUT ROWID;
"""
TABLES = ("story_sigs", "story_bands", "story_links", "story_of", "story_dirty")


@dataclass(slots=True)
class Signature:
    """What an article's matching needs: its MinHash values (``None``: too short to match),
    how many shingles it has, and its publication date (which orders a story)."""

    hashvalues: bytes | None
    shingles: int
    published: str | None


@dataclass(slots=True)
class _Batch:
    """What :meth:`StoryIndex.add` leaves to the end of a batch of :meth:`~StoryIndex.add_pending`:
    the articles added that were linked (``(id,)``: the others hold their own story, as their
    new records do, and nothing is worked out for them), the rows of the band table, and those
    rows by key (the band table as it will be: a later article of the batch finds them)."""

    linked: list[tuple[str]] = field(default_factory=list)
    rows: list[tuple[int, int]] = field(default_factory=list)
    bands: dict[int, list[int]] = field(default_factory=dict)


def prepare() -> None:
    """Import what signing needs (numpy, datasketch's MinHash: :func:`_minhash`) before
    worker processes are forked, so that they do not each pay for it; then freeze the heap
    (:func:`gc.freeze`).

    What the imports leave (numpy's modules, functions and docstrings) lives as long as the
    process, but each full collection of the cyclic garbage collector would go over it again,
    and so would the collections at exit: measured with callgrind (bench/bench_workers.py),
    0.3 M instructions per article of a 500-article run in the process that owns the state
    when scipy was imported too. Frozen, it is never scanned (objects are still freed when
    their last reference goes; only a cycle among them would stay)."""
    shingle_hashes("the tables of shingle hashing, made once")  # numpy first (one thread)
    _permutations()
    gc.freeze()


@lru_cache(maxsize=1)
def _minhash() -> Any:
    """datasketch's ``MinHash`` class, imported without running ``datasketch/__init__.py``.

    The package's ``__init__`` imports every sketch of the library, among them its LSH
    indexes, which import scipy (to choose their bands by integration): about half a second
    and 1.8 G instructions for each run that signs, for a class that needs numpy alone
    (``datasketch.minhash`` imports ``datasketch.hashfunc``: hashlib and struct). So the
    package is entered as a bare namespace (its ``__path__``, no code run) while
    ``datasketch.minhash`` is imported, then taken out of ``sys.modules`` again: a later
    ``import datasketch`` (a plugin's, a test's) runs the real ``__init__``, which finds
    ``datasketch.minhash`` already imported and uses the same class. Where datasketch is
    already imported, or its layout is not what this expects, it is imported as usual."""
    if "datasketch" not in sys.modules:
        spec = importlib.util.find_spec("datasketch")
        if spec is not None and spec.submodule_search_locations is not None:
            bare = importlib.util.module_from_spec(spec)  # __path__ set, __init__ not run
            sys.modules["datasketch"] = bare
            try:
                return importlib.import_module("datasketch.minhash").MinHash
            except ImportError:
                pass
            finally:
                if sys.modules.get("datasketch") is bare:
                    del sys.modules["datasketch"]
    from datasketch import MinHash

    return MinHash


def sign(text: str | None, published: str | None) -> Signature:
    """The signature of an article's body ``text``."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return Signature(None, len(hashes), published)
    m = _sketch()
    m.clear()
    # the shingles come hashed (32 bits, :func:`partyx.lang.shingles.shingle_hashes`):
    # datasketch takes them as they are (it mixes them before its permutations)
    # half of them, the same half for every article (those whose hash is even): the
    # Jaccard similarity of two halves is that of the two sets, at half the cost.
    # ``update_batch`` hashes each value of its batch with ``hashfunc`` in a Python loop, then
    # mixes and permutes the hash values in numpy: given a batch of one value, the array of
    # the shingles' hashes, and a hashfunc that gives it back as it is, it does the same
    # arithmetic on the same values without a Python call per shingle (the signature is the
    # one ``update_batch(hashes.tolist())`` gives: tests/run/test_stories.py)
    m.update_batch((hashes[(hashes & 1) == 0],))
    return Signature(m.hashvalues.astype("<u4", copy=False).tobytes(), len(hashes), published)


_SKETCHES = threading.local()


def _sketch() -> Any:
    """The MinHash the signatures of this thread are made in, cleared before each: the same
    values as a new one's, without the checks of its permutations and the arrays a new one
    makes (about 4% of signing). One per thread (a Dask worker of a user's cluster
    may run tasks in threads of one process)."""
    sketch = getattr(_SKETCHES, "sketch", None)
    if sketch is None:
        sketch = _SKETCHES.sketch = _minhash()(num_perm=NUM_PERM, seed=SEED, hashfunc=_as_is,
                                               permutations=_permutations(), scheme=SCHEME)
    return sketch


def _as_is(value: Any) -> Any:
    """The hash function of the signatures: the shingles come hashed, as an array."""
    return value


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """datasketch's permutations for :data:`NUM_PERM` and :data:`SEED` (made once, not for
    every article)."""
    return _minhash()(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _values(values: bytes) -> Any:
    return numpy().frombuffer(values, dtype="<u4")


def jaccard(a: Any, b: Any) -> float:
    """The Jaccard similarity two signatures' hash values (numpy arrays, :func:`_values`)
    estimate: the share of their permutations whose minimum is the same. It is what
    ``datasketch``'s ``MinHash.jaccard`` computes, without building a ``LeanMinHash`` for each
    candidate (ten times the cost) nor importing datasketch where only matching is done."""
    return float(numpy().count_nonzero(a == b)) / float(NUM_PERM)


# each band: its number (one byte, hashed first) and where its values are in the signature
_BANDS = [(bytes([b]), b * ROWS * 4, (b + 1) * ROWS * 4) for b in range(BANDS)]


def band_keys(values: bytes, blake2b: Callable[..., Any] = hashlib.blake2b,
              from_bytes: Callable[..., int] = int.from_bytes) -> list[int]:
    """The LSH band keys of a signature (63-bit, band number included): each band's blake2b
    (8 bytes, of its number then its values), little-endian, less its lowest bit."""
    return [from_bytes(blake2b(band + values[start:end], digest_size=8).digest(), "little") >> 1
            for band, start, end in _BANDS]


_LOOKUP = f"SELECT n FROM story_bands WHERE key IN ({','.join('?' * BANDS)})"


def containment(jaccard: float, a: int, b: int) -> float:
    """The share of the smaller set's shingles found in the larger, from the Jaccard
    similarity of two sets of ``a`` and ``b`` shingles."""
    if jaccard <= 0 or not a or not b:
        return 0.0
    shared = jaccard * (a + b) / (1 + jaccard)
    return min(1.0, shared / min(a, b))


def same_story(jaccard: float, a: int, b: int) -> bool:
    return (min(a, b) >= MIN_SHINGLES and jaccard >= MIN_JACCARD
            and containment(jaccard, a, b) >= MIN_CONTAINMENT)


def _order(published: str | None, id_: str) -> tuple[bool, str, str]:
    return (published is None, published or "", id_)


class StoryIndex:
    """The signatures, band table and links of one state (its SQLite connection ``db``: what
    is written here is committed with the state's own checkpoints)."""

    def __init__(self, db: Any, get_meta: Callable[[str], str | None],
                 set_meta: Callable[[str, str], None]) -> None:
        self.db = db
        current = get_meta("stories")
        if current is not None and current != VERSION:
            for table in TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
        db.executescript(SCHEMA)
        if current != VERSION:
            set_meta("stories", VERSION)
        # this run's signatures, matched in id order once the run's results are in (see
        # :meth:`pend`); a temporary table: lost with an interrupted run, whose records are
        # then signed again from their text (:meth:`unsigned`)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS story_pending (id TEXT PRIMARY KEY, "
                   "mh BLOB, shingles INTEGER NOT NULL, published TEXT) WITHOUT ROWID")
        self._batch: _Batch | None = None  # see :meth:`add_pending`

    # --- articles coming and going -------------------------------------------------------------

    def remove(self, id_: str) -> bool:
        """Forget ``id_`` (deleted, or about to be signed again); its linked articles' stories
        are worked out again. False when it had no signature."""
        row = self.db.execute("SELECT n, mh FROM story_sigs WHERE id = ?", (id_,)).fetchone()
        if row is None:
            return False
        n, values = row
        if values is not None:
            self.db.executemany("DELETE FROM story_bands WHERE key = ? AND n = ?",
                                ((k, n) for k in band_keys(values)))
        self.db.execute("INSERT OR IGNORE INTO story_dirty SELECT b FROM story_links WHERE a = ?",
                        (id_,))
        self.db.execute("DELETE FROM story_links WHERE a = ? OR b = ?", (id_, id_))
        self.db.execute("DELETE FROM story_sigs WHERE n = ?", (n,))
        return True

    def forget(self, id_: str) -> None:
        """``id_``'s record is gone."""
        self.remove(id_)
        self.db.execute("DELETE FROM story_of WHERE id = ?", (id_,))
        self.db.execute("DELETE FROM story_dirty WHERE id = ?", (id_,))

    def pend(self, id_: str, sig: Signature) -> None:
        """``id_`` has a new record made from an article with signature ``sig``: it is
        :meth:`add`-ed by :meth:`add_pending`, in id order. Results arrive in the order the
        workers finish them, and which earlier articles a new one is compared with (at most
        :data:`MAX_CANDIDATES`) depends on what was added before it: matching in id order
        makes the stories of a run the same whatever the number of workers.

        An article processed again loses its old signature and links here, with the new
        record (committed together at the state's next checkpoint): a run interrupted before
        :meth:`add_pending` leaves it unsigned, signed again from its record at the next run
        (:meth:`unsigned`), never matched with its old text's signature."""
        if self.remove(id_):  # the new record holds its own story (``story_of``: no row)
            self.db.execute("DELETE FROM story_of WHERE id = ?", (id_,))
        self.db.execute("INSERT OR REPLACE INTO story_pending VALUES (?, ?, ?, ?)",
                        (id_, sig.hashvalues, sig.shingles, sig.published))

    def add_pending(self, batch: int = 1000) -> None:
        """:meth:`add` the signatures of :meth:`pend`, in id order, ``batch`` at a time: what
        nothing reads before the stories are worked out (the band table's new rows, the
        articles to work out again) is written once for the batch; the signatures at once (a
        later article's candidates are read from them).

        An article of a new record holds its own story (``story_of``: no row, cleared here
        for all of them at once): only those linked to another are worked out (a link's
        other end is found from them)."""
        self.db.execute("DELETE FROM story_of WHERE id IN (SELECT id FROM story_pending)")
        last = ""
        while True:
            # (an article processed again lost its old signature in :meth:`pend`)
            rows = self.db.execute(
                "SELECT id, mh, shingles, published FROM story_pending WHERE id > ? "
                "ORDER BY id LIMIT ?", (last, batch)).fetchall()
            if not rows:
                break
            self._batch = _Batch()
            for id_, values, shingles, published in rows:
                self.add(id_, Signature(values, shingles, published), may_be_signed=False)
            self._write(self._batch)
            self._batch = None
            last = rows[-1][0]
        self.db.execute("DELETE FROM story_pending")

    def _write(self, batch: _Batch) -> None:
        """The writes :meth:`add` left to the end of ``batch``."""
        self.db.executemany("INSERT OR IGNORE INTO story_dirty VALUES (?)", batch.linked)
        self.db.executemany("INSERT OR IGNORE INTO story_bands VALUES (?, ?)", batch.rows)

    def add(self, id_: str, sig: Signature, may_be_signed: bool = True) -> None:
        """``id_`` has a new record (whose ``story`` is its own id, ``duplicate_of`` null) made
        from an article with signature ``sig``: link it to the articles it copies or that copy
        it. ``may_be_signed``: ``id_`` may have a signature already (False: none is looked
        for)."""
        if may_be_signed:
            self.remove(id_)
        batch = self._batch
        if batch is None:
            self.db.execute("DELETE FROM story_of WHERE id = ?", (id_,))
            self.db.execute("INSERT OR IGNORE INTO story_dirty VALUES (?)", (id_,))
        cur = self.db.execute("INSERT INTO story_sigs (id, mh, shingles, published) "
                              "VALUES (?, ?, ?, ?)",
                              (id_, sig.hashvalues, sig.shingles, sig.published))
        if sig.hashvalues is None:
            return
        row = cur.lastrowid
        keys = band_keys(sig.hashvalues)
        hits = [n for (n,) in self.db.execute(_LOOKUP, keys)]
        if batch is None:
            self.db.executemany("INSERT OR IGNORE INTO story_bands VALUES (?, ?)",
                                ((k, row) for k in keys))
        else:  # the batch's own rows, not written yet, are found here
            bands = batch.bands
            for k in keys:
                same_key = bands.get(k)
                if same_key is None:
                    bands[k] = [row]
                    batch.rows.append((k, row))
                elif same_key[-1] != row:  # (a key twice in one signature: one row)
                    hits += same_key
                    same_key.append(row)
                    batch.rows.append((k, row))
        if not hits:
            return
        found = Counter(hits)
        # the most similar first (most bands shared); a story of hundreds of copies links
        # each new one to a few of them: enough to join it, without a cost that grows with it
        best = [n for n, _ in sorted(found.items(), key=lambda item: (-item[1], item[0]))]
        best = best[:MAX_CANDIDATES]
        rows = self.db.execute(
            f"SELECT id, mh, shingles FROM story_sigs WHERE n IN "
            f"({','.join('?' * len(best))}) ORDER BY n", best).fetchall()
        # the candidates' hash values side by side: every Jaccard estimate (:func:`jaccard`)
        # in one comparison
        others = _values(b"".join(values for _, values, _ in rows)).reshape(len(rows), NUM_PERM)
        equal = numpy().count_nonzero(others == _values(sig.hashvalues), axis=1).tolist()
        links = []
        for (other, _, count), same in zip(rows, equal, strict=True):
            similarity = float(same) / float(NUM_PERM)
            if same_story(similarity, sig.shingles, count):
                links += [(id_, other, similarity), (other, id_, similarity)]
        if links:
            self.db.executemany("INSERT OR REPLACE INTO story_links VALUES (?, ?, ?)", links)
            if batch is not None:
                batch.linked.append((id_,))

    def holds(self, id_: str, story: object, duplicate_of: object) -> None:
        """The record of ``id_`` (signed from the record, not made by this run) holds these
        story fields: what :meth:`assign` compares with."""
        if (story, duplicate_of) == (id_, None):
            self.db.execute("DELETE FROM story_of WHERE id = ?", (id_,))
        else:
            self.db.execute("INSERT OR REPLACE INTO story_of VALUES (?, ?, ?)",
                            (id_, str(story), None if duplicate_of is None
                             else str(duplicate_of)))

    def unsigned(self) -> list[str]:
        """The articles of the state without a signature (a state made before stories, records
        taken in from FILE, rows copied from another's record)."""
        return [i for (i,) in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT id FROM story_sigs) ORDER BY id")]

    # --- the stories ---------------------------------------------------------------------------

    def assign(self) -> Iterator[tuple[str, str, str | None]]:
        """``(id, story, duplicate_of)`` of every record whose story fields must change,
        after the articles added or removed since the last call."""
        # an article linked to none whose record holds its own story (``story_of`` has no row
        # for it) keeps it: only the others are worked out (in a crawl, most are alone)
        dirty = [i for (i,) in self.db.execute(
            "SELECT d.id FROM story_dirty d WHERE EXISTS (SELECT 1 FROM story_links l "
            "WHERE l.a = d.id) OR EXISTS (SELECT 1 FROM story_of o WHERE o.id = d.id) "
            "ORDER BY d.id")]
        seen: set[str] = set()
        changes: list[tuple[str, str, str | None]] = []
        for start in dirty:
            if start in seen:
                continue
            group = self._group(start)
            seen.update(group)
            changes.extend(self._settle(group))
        self.db.execute("DELETE FROM story_dirty")
        return iter(changes)

    def _group(self, start: str) -> set[str]:
        group, todo = {start}, [start]
        while todo:
            a = todo.pop()
            for (b,) in self.db.execute("SELECT b FROM story_links WHERE a = ?", (a,)):
                if b not in group:
                    group.add(b)
                    todo.append(b)
        return group

    def _settle(self, group: set[str]) -> list[tuple[str, str, str | None]]:
        order: dict[str, tuple[bool, str, str]] = {}
        for id_ in group:
            row = self.db.execute("SELECT published FROM story_sigs WHERE id = ?",
                                  (id_,)).fetchone()
            order[id_] = _order(row[0] if row else None, id_)
        members = sorted(group, key=order.__getitem__)
        story = members[0]
        changes = []
        for id_ in members:
            duplicate_of = None
            if id_ != story:
                best: tuple[float, tuple[bool, str, str]] | None = None
                for b, jaccard in self.db.execute(
                        "SELECT b, jaccard FROM story_links WHERE a = ?", (id_,)):
                    if order[b] < order[id_]:
                        key = (-jaccard, order[b])
                        if best is None or key < best:
                            best, duplicate_of = key, b
            row = self.db.execute("SELECT story, duplicate_of FROM story_of WHERE id = ?",
                                  (id_,)).fetchone()
            held = (row[0], row[1]) if row else (id_, None)
            if held == (story, duplicate_of):
                continue
            if (story, duplicate_of) == (id_, None):
                self.db.execute("DELETE FROM story_of WHERE id = ?", (id_,))
            else:
                self.db.execute("INSERT OR REPLACE INTO story_of VALUES (?, ?, ?)",
                                (id_, story, duplicate_of))
            changes.append((id_, story, duplicate_of))
        return changes
