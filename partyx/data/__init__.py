"""Vocabulary shipped with partyx: the words the rules read text with, as JSON.

Every file is read one way: :func:`load` parses ``partyx/data/<name>.json`` once per process.
Nothing reads a file at import time: each rules module turns what it loads into its patterns
and tries on first use (a cached ``_vocab()``, or the constructor of the object a stage builds
once), and the gazetteer is :func:`partyx.rules.gazetteer.get`.

Each file holds an object with a ``_doc`` (what the file is, key by key) and the keys its
reader expects; ``tests/data/test_vocabulary.py`` checks every file's keys and types, and the
cross-references between files (outlet aliases belong to one outlet, place words name unit
types, province names are the gazetteer's …):

============  ==================================================================================
file          read by
============  ==================================================================================
bodies        rules/orgs (Party organisation levels and committees), rules/congresses
boilerplate   rules/boilerplate (site furniture), rules/header (banners)
bylines       rules/header (bylines, date lines)
columns       readers/columns (the usual column names of dataset files)
documents     rules/documents (type words and codes, issuers)
events        rules/event (event types, lead cues)
gazetteer     rules/gazetteer (administrative units; made by ``scripts/build_gazetteer.py``)
headline      rules/headline (chunk seams), rules/header (time leads, editor's notes)
legacy_vn     io (TCVN3 and VNI tables)
membership    rules/membership (heads of the organisations counted, words ending their names)
names         rules/people (surnames, cues, blockers), rules/orgs (surnames)
orgs          rules/orgs (organisations, abbreviations)
outlets       rules/outlets (the press list: outlets, aliases, domains), rules/header
places        rules/places, rules/gazetteer, rules/orgs (place words, spellings, extra units)
sections      rules/header (section names)
titles        rules/posts (titles), rules/people (cues, lists, past markers)
vi_common     io (frequent syllables, to tell a legacy encoding)
============  ==================================================================================
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed content of ``partyx/data/<name>.json`` (shared: never change it)."""
    return json.loads(files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8"))
