"""The stages a run can use (``partyx stages``): built-in and plugins, with their versions and
what they require and provide, and the plugins that failed to load."""

from __future__ import annotations

from dataclasses import dataclass

from partyx import errors
from partyx.pipeline import BROKEN, ORIGIN, load_stages


@dataclass(frozen=True, slots=True)
class StageInfo:
    """One stage as listed."""

    name: str
    version: str
    default: bool
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    origin: str  # "built-in" or "plugin <distribution>"
    broken: str | None = None  # why a plugin could not be loaded


def available_stages() -> list[StageInfo]:
    """Every stage of the registry, then every plugin that failed to load."""
    stages = [StageInfo(name, cls.version, cls.default, cls.requires, cls.provides,
                        ORIGIN.get(name, ""))
              for name, cls in load_stages().items()]
    stages += [StageInfo(name, "-", False, (), (), "", error) for name, error in BROKEN.items()]
    return stages


def left_out_plugins(only: list[str] | None) -> list[str]:
    """The warnings of the plugins that failed to load and are left out of a run of ``only``
    (None: the default stages). One asked for by name is no warning: the pipeline check
    refuses it."""
    load_stages()
    return [errors.PLUGIN_LEFT_OUT.coded(name=name, error=error)
            for name, error in BROKEN.items() if only is None or name not in only]
