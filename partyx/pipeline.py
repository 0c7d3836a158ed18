"""Stages, their registry, and the checked pipeline that runs them on one article.

A stage is a small class with a declared ``name``, ``version``, the fields it ``requires``
and the fields it ``provides``: fields of :class:`~partyx.record.Article` (the record's, or the
typed hand-offs between stages: ``lines``, ``dates``, ``place_context`` …), or keys of
``Article.extras`` where a plugin hands its own data on. It is called with the article and
fills what it provides::

    @register
    class Metadata(Stage):
        name = "metadata"
        version = "1"
        requires = ("text",)
        provides = ("title", "published")

        def __call__(self, article): ...

Built-in stages live in :mod:`partyx.stages` and register themselves on import. Third-party
stages come through the ``partyx.stages`` entry-point group: each entry point names a
:class:`Stage` subclass. A plugin that fails to load is kept in :data:`BROKEN` with its error.

:func:`build` checks the graph before any file is read: every requirement has a provider that
runs earlier, no cycle, no field provided twice. Stages are ordered topologically, ties broken
by name, so the order (and the signature) never depends on import or command-line order.
:meth:`Pipeline.run` calls each stage; one that raises adds ``{"stage", "error"}`` to the
article's ``errors``, its fields are emptied, and the next stage runs.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from partyx import io
from partyx.errors import PipelineError
from partyx.record import Article

ENTRY_POINT_GROUP = "partyx.stages"
# Fields the reader fills before any stage runs.
READER_PROVIDES = ("id", "source", "raw", "stated")


class Stage:
    """Base class of extractor stages (see module docstring)."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    # Run when no --stages list is given.
    default: ClassVar[bool] = True
    description: ClassVar[str] = ""

    def __call__(self, article: Article) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


REGISTRY: dict[str, type[Stage]] = {}
ORIGIN: dict[str, str] = {}  # stage name -> "built-in" or the plugin's distribution/entry point
BROKEN: dict[str, str] = {}  # plugin entry-point name -> why it could not be loaded
_loaded = False


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: add a stage class to the registry under its ``name``."""
    _validate(cls)
    REGISTRY[cls.name] = cls
    ORIGIN.setdefault(cls.name, "built-in")
    return cls


def _validate(cls: object) -> None:
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise TypeError(f"{cls!r} is not a partyx.pipeline.Stage subclass")
    if not getattr(cls, "name", None) or not isinstance(cls.name, str):
        raise TypeError(f"{cls.__name__} has no name")
    for attr in ("requires", "provides"):
        value = getattr(cls, attr)
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise TypeError(f"{cls.__name__}.{attr} must be a tuple of field names")


def load_stages() -> dict[str, type[Stage]]:
    """Import the built-in stages and the installed plugins once; return the registry."""
    global _loaded
    if _loaded:
        return REGISTRY
    import partyx.stages as builtin

    for info in sorted(pkgutil.iter_modules(builtin.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{builtin.__name__}.{info.name}")
    _load_plugins()
    _loaded = True
    return REGISTRY


def _load_plugins() -> None:
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            cls = ep.load()
            _validate(cls)
            if cls.name in REGISTRY and ORIGIN.get(cls.name) == "built-in":
                raise TypeError(f"stage name {cls.name!r} is taken by a built-in stage")
        except Exception as e:  # any failure of third-party code is reported, not raised
            BROKEN[ep.name] = f"{type(e).__name__}: {e}"
            continue
        REGISTRY[cls.name] = cls
        dist = getattr(ep, "dist", None)
        ORIGIN[cls.name] = f"plugin {dist.name if dist else ep.value}"


@dataclass
class Pipeline:
    """An ordered, checked list of stage instances."""

    stages: list[Stage]
    names: tuple[str, ...] = field(init=False)
    # Seconds spent in each stage since the pipeline was built (summed over articles).
    timings: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        self.names = tuple(s.name for s in self.stages)
        self.timings = dict.fromkeys(self.names, 0.0)

    @property
    def signature(self) -> str:
        """Changes whenever a stage is added, removed, reordered or changes version, or the
        reader does (:data:`partyx.io.READER_VERSION`)."""
        text = ";".join([f"reader={io.READER_VERSION}",
                         *(f"{s.name}={s.version}" for s in self.stages)])
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def run(self, article: Article, on_stage: Callable[[int], None] | None = None) -> Article:
        """Run each stage on ``article``; ``on_stage(i)`` is called before stage ``i`` starts
        (worker processes use it so that a time limit can name the stage that hung)."""
        timings = self.timings
        for i, stage in enumerate(self.stages):
            if on_stage is not None:
                on_stage(i)
            start = time.perf_counter()
            try:
                stage(article)
            except Exception as e:  # one stage failing never stops the article or the run
                for name in stage.provides:
                    article.reset(name)
                article.errors.append({"stage": stage.name, "error": _describe(e)})
                # kept for --debug; extras are never written to the record
                article.extras.setdefault("_tracebacks", []).append(traceback.format_exc())
            timings[stage.name] += time.perf_counter() - start
        return article


def _describe(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def build(
    only: Iterable[str] | None = None,
    skip: Iterable[str] = (),
) -> Pipeline:
    """The pipeline of the default stages (or exactly ``only``), less ``skip``, checked and
    ordered. Raises :class:`PipelineError` naming the problem."""
    registry = load_stages()
    skip = set(skip)
    if only is not None:
        only = list(dict.fromkeys(only))
        for name in [*only, *skip]:
            if name not in registry:
                raise PipelineError(_unknown(name))
        chosen = [n for n in only if n not in skip]
    else:
        for name in skip:
            if name not in registry:
                raise PipelineError(_unknown(name))
        chosen = [n for n, cls in registry.items() if cls.default and n not in skip]
    return Pipeline([registry[n]() for n in order(chosen, registry)])


def _unknown(name: str) -> str:
    if name in BROKEN:
        return f"stage {name!r} is a plugin that failed to load: {BROKEN[name]}"
    known = ", ".join(sorted(REGISTRY)) or "none"
    return f"unknown stage {name!r} (known: {known})"


def order(names: list[str], registry: dict[str, type[Stage]]) -> list[str]:
    """Topological order of ``names`` by requires/provides; :class:`PipelineError` on a
    missing provider, a field provided twice, or a cycle."""
    provider: dict[str, str] = {f: "reader" for f in READER_PROVIDES}
    for n in names:
        for f in registry[n].provides:
            if f in provider:
                raise PipelineError(
                    f"field {f!r} is provided by both {provider[f]!r} and {n!r}")
            provider[f] = n
    deps: dict[str, set[str]] = {}
    for n in names:
        deps[n] = set()
        for f in registry[n].requires:
            if f not in provider:
                hint = [m for m, c in registry.items() if f in c.provides and m not in names]
                extra = f"; stage {hint[0]!r} provides it but is not selected" if hint else ""
                raise PipelineError(f"stage {n!r} requires {f!r}, which no stage provides{extra}")
            if provider[f] != "reader":
                deps[n].add(provider[f])
    done: list[str] = []
    remaining = list(names)
    while remaining:
        ready = [n for n in remaining if deps[n] <= set(done)]
        if not ready:
            raise PipelineError(f"stages form a cycle: {', '.join(remaining)}")
        first = min(ready)  # ties by name: the same order whatever was imported first
        done.append(first)
        remaining.remove(first)
    return done
