"""partyx: structured records from Vietnamese political news articles.

The public surface is small and re-exported here once: :class:`Article` (the record that
flows through the pipeline, :mod:`partyx.record`), :class:`Stage` and :func:`register` (the
stage protocol and registry, :mod:`partyx.pipeline`, for plugins), :data:`SCHEMA` and the
``partyx`` command line. They are imported on first use, so ``import partyx`` (and
``partyx --help``) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
SCHEMA = "partyx/1"

__all__ = ["SCHEMA", "Article", "Stage", "__version__", "register"]

_LAZY = {"Article": "partyx.record", "Stage": "partyx.pipeline", "register": "partyx.pipeline"}

if TYPE_CHECKING:
    from partyx.pipeline import Stage, register
    from partyx.record import Article


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'partyx' has no attribute {name!r}")
