"""Vocabulary shipped with partyx: outlets, titles, document codes, organisations.

:func:`load` reads one JSON file of this folder once per process.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed content of ``partyx/data/<name>.json``."""
    return json.loads(files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8"))
