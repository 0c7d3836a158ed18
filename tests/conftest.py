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
