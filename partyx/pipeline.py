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

A stage writes only what it ``provides``. :meth:`Pipeline.run` keeps the article's other fields
as they were before a stage that is not partyx's own ran (:func:`trusted`: a plugin, or any
class defined outside the package) and compares them after: a field it changed anyway (a new
value, a list emptied or edited in place, an error added to ``errors``, another stage's
``extras`` key) gets its value back and the stage gets the error ``changed title, people, which
it does not provide (undone)``; like a stage that raises, its own fields are then emptied.
partyx's stages are checked the same way by the tests (``Pipeline(..., guard_all=True)``), not
at run time, where the copies would cost every article.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

import orjson

from partyx import errors, io
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


def trusted(cls: type[Stage]) -> bool:
    """A stage of partyx itself (its class is defined in the package): one whose code runs in
    the process that writes the state, and whose writes are checked by the tests rather than
    at run time. Every other stage (a plugin, a class defined in a script) is untrusted."""
    module = getattr(cls, "__module__", "") or ""
    return module == "partyx" or module.startswith("partyx.")


# The article's fields a stage may be kept from writing (all but the plugins' ``extras``,
# which are kept key by key).
_GUARDED = tuple(f.name for f in fields(Article) if f.name != "extras")
_INTERNAL_EXTRAS = "_tracebacks"


class _Kept:
    """What an article held before a stage ran, for every field the stage does not provide:
    immutable values by reference, containers as a copy (JSON bytes, or a shallow copy of a
    list of immutable hand-offs), ``extras`` keys by reference."""

    __slots__ = ("values", "extras")

    def __init__(self, article: Article, names: tuple[str, ...], provides: tuple[str, ...]):
        self.values = [(name, _keep(getattr(article, name))) for name in names]
        self.extras = {k: v for k, v in article.extras.items()
                       if k not in provides and k != _INTERNAL_EXTRAS}

    def undo(self, article: Article, provides: tuple[str, ...]) -> list[str]:
        """Give back every kept field the stage changed; return their names."""
        changed = []
        for name, (before, copy) in self.values:
            now = getattr(article, name)
            if copy is None:
                if now is before or (type(now) is type(before) and now == before):
                    continue
            elif _keep(now)[1] == copy:
                continue
            changed.append(name)
            setattr(article, name, _restore(before, copy))
        extras = article.extras
        for key in [k for k in extras if k not in provides and k != _INTERNAL_EXTRAS
                    and (k not in self.extras or extras[k] is not self.extras[k])]:
            changed.append(key)
            del extras[key]
        for key, value in self.extras.items():
            if key not in extras:
                changed.append(key)
            extras[key] = value
        return changed


def _keep(value: Any) -> tuple[Any, Any]:
    """``(value, copy)``: copy None for an immutable value (compared by reference)."""
    if isinstance(value, (list, dict)):
        if not value:
            return value, b"[]" if isinstance(value, list) else b"{}"
        try:
            return value, orjson.dumps(value)
        except TypeError:  # hand-offs of NamedTuples: immutable items, a shallow copy is exact
            return value, (list(value) if isinstance(value, list) else dict(value))
    return value, None


def _restore(before: Any, copy: Any) -> Any:
    if isinstance(copy, bytes):
        return orjson.loads(copy)
    if isinstance(copy, (list, dict)):
        return type(copy)(copy)
    return before


@dataclass
class Pipeline:
    """An ordered, checked list of stage instances. ``guard_all``: check every stage's writes
    (see module docstring), partyx's own too, as the tests do."""

    stages: list[Stage]
    guard_all: bool = False
    names: tuple[str, ...] = field(init=False)
    # Seconds spent in each stage since the pipeline was built (summed over articles).
    timings: dict[str, float] = field(init=False)
    # per stage: the fields it may not write, or None when it is not checked
    _guarded: list[tuple[str, ...] | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.names = tuple(s.name for s in self.stages)
        self.timings = dict.fromkeys(self.names, 0.0)
        self._guarded = [
            tuple(n for n in _GUARDED if n not in s.provides)
            if self.guard_all or not trusted(type(s)) else None
            for s in self.stages]

    @property
    def signature(self) -> str:
        """Changes whenever a stage is added, removed, reordered or changes version, or the
        reader does (:data:`partyx.io.READER_VERSION`)."""
        return signature(self.stages)

    def run(self, article: Article, on_stage: Callable[[int], None] | None = None) -> Article:
        """Run each stage on ``article``; ``on_stage(i)`` is called before stage ``i`` starts
        (worker processes use it so that a time limit can name the stage that hung)."""
        timings = self.timings
        for i, stage in enumerate(self.stages):
            if on_stage is not None:
                on_stage(i)
            guarded = self._guarded[i]
            kept = _Kept(article, guarded, stage.provides) if guarded is not None else None
            start = time.perf_counter()
            failed: BaseException | None = None
            try:
                stage(article)
            except Exception as e:  # one stage failing never stops the article or the run
                failed = e
                # kept for --debug; extras are never written to the record
                tb = traceback.format_exc()
            changed = kept.undo(article, stage.provides) if kept is not None else ()
            if failed is not None or changed:
                for name in stage.provides:
                    article.reset(name)
                if failed is not None:
                    article.errors.append({"stage": stage.name, "error": _describe(failed)})
                    article.extras.setdefault(_INTERNAL_EXTRAS, []).append(tb)
                if changed:
                    article.errors.append({"stage": stage.name, "error": errors.WROTE_UNDECLARED(
                        fields=", ".join(dict.fromkeys(changed)))})
            timings[stage.name] += time.perf_counter() - start
        return article


def signature(stages: Iterable[type[Stage] | Stage]) -> str:
    """The signature of a pipeline of ``stages``, classes or instances (see
    :attr:`Pipeline.signature`)."""
    text = ";".join([f"reader={io.READER_VERSION}",
                     *(f"{s.name}={s.version}" for s in stages)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _describe(e: BaseException) -> str:
    if isinstance(e, _NotBuilt):
        return str(e)
    text = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def build(
    only: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    made: dict[str, Stage] | None = None,
) -> Pipeline:
    """The pipeline of the default stages (or exactly ``only``), less ``skip``, checked and
    ordered. Raises :class:`PipelineError` naming the problem. ``made``: instances already
    built (by :func:`partyx.run.worker.warm_up`), used instead of new ones."""
    made = made or {}
    return Pipeline([made[c.name] if type(made.get(c.name)) is c else _instance(c)
                     for c in choose(only, skip)])


def _instance(cls: type[Stage]) -> Stage:
    """``cls()``; a stage whose constructor fails (a plugin missing its model) is replaced by
    one that fails on every article with that error, so the run goes on and says why."""
    try:
        return cls()
    except Exception as e:
        return _Unbuilt(cls, f"{_describe(e)} (when the stage was built)")


class _Unbuilt(Stage):
    """Stands for a stage whose constructor raised: same name, version and fields; each call
    raises the constructor's error."""

    name = "unbuilt"

    def __init__(self, cls: type[Stage], error: str) -> None:
        self.name, self.version = cls.name, cls.version  # type: ignore[misc]
        self.requires, self.provides = cls.requires, cls.provides  # type: ignore[misc]
        self.error = error

    def __call__(self, article: Article) -> None:
        raise _NotBuilt(self.error)


class _NotBuilt(Exception):
    """The error of a stage that could not be built (its text is the constructor's error)."""


def choose(only: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[type[Stage]]:
    """The classes :func:`build` would instantiate, checked and ordered: what the process that
    runs no stage needs to know of them (names, versions, the signature). No stage code runs."""
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
    if not chosen:
        raise PipelineError("no stage left to run")
    return [registry[n] for n in order(chosen, registry)]


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
