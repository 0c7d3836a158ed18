"""``partyx schema``: the JSON Schema of the record, as shipped in the package."""

from __future__ import annotations

import sys


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) of the record partyx writes: ``partyx/record.schema.json``
    (the contract in words is ``docs/SPEC.md``)."""
    from importlib.resources import files

    return files("partyx").joinpath("record.schema.json").read_text(encoding="utf-8")


def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the records 'partyx extract' writes.

    Validate records with any JSON Schema tool, e.g. check-jsonschema or Python's jsonschema
    (one record per line of the JSONL file)."""
    text = schema_text()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
