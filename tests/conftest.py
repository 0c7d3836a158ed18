from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "articles"


@pytest.fixture
def corpus_dir() -> Path:
    """The development corpus of ../shared; tests that need it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    return CORPUS


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The SPEC records of :mod:`tests.corpus_records`, written to a records file."""
    from tests.corpus_records import write

    return write(tmp_path / "records.jsonl")


@pytest.fixture
def deep_folder(tmp_path):
    """A factory of folders nested deeper than Python's recursion limit, under ``tmp_path``,
    removed iteratively afterwards (pytest's own cleanup recurses and would fail on them)."""
    import os
    import shutil
    import subprocess
    import sys

    made: list[Path] = []

    def make(top: Path, extra: int = 100) -> Path:
        deep = top
        for _ in range(sys.getrecursionlimit() + extra):
            deep = deep / "d"
            deep.mkdir()
            made.append(deep)
        return deep

    yield make
    if made and shutil.which("rm"):  # GNU/BSD rm walk any depth, fast
        subprocess.run(["rm", "-rf", str(made[0])], check=False)
        return
    for folder in reversed(made):
        for entry in os.scandir(folder):
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        os.rmdir(folder)
