"""`partyx schema`: the JSON Schema of the record, shipped in the package and kept in step with
the SPEC; every record partyx writes validates against it."""

from __future__ import annotations

import re

import orjson
import pytest
from typer.testing import CliRunner

from partyx.cli import app
from tests.conftest import ROOT, SEEDS, SHARED

jsonschema = pytest.importorskip("jsonschema")
runner = CliRunner()
SPEC = ROOT / "docs" / "SPEC.md"


@pytest.fixture(scope="module")
def schema() -> dict:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    return orjson.loads(result.stdout)


@pytest.fixture(scope="module")
def validator(schema):
    from jsonschema import Draft202012Validator, FormatChecker

    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _extract(tmp_path, *paths) -> list[dict]:
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", *map(str, paths), "-o", str(out), "-q"])
    assert result.exit_code in (0, 1), result.stderr
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


def _check(validator, schema, records) -> None:
    assert records
    for record in records:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["id"], errors[:3])
        undeclared = list(_undeclared(record, schema, "$"))
        assert not undeclared, (record["id"], undeclared)


def _undeclared(value, schema, path):
    """Keys of ``value`` the schema does not name (the schema lets fields be added, as the SPEC
    does, so validation alone would not see a field partyx writes and the schema forgot)."""
    for option in schema.get("anyOf", []):
        if option.get("type") == "object" and isinstance(value, dict):
            schema = option
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key not in properties:
                yield f"{path}.{key}"
            else:
                yield from _undeclared(item, properties[key], f"{path}.{key}")
    elif isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            yield from _undeclared(item, schema["items"], f"{path}[{i}]")


def test_the_schema_is_draft_2020_12_and_in_the_package(schema):
    from importlib.resources import files

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": "partyx/1",
                                              "description": "The version of this contract."}
    shipped = files("partyx").joinpath("record.schema.json").read_text(encoding="utf-8")
    assert orjson.loads(shipped) == schema


def test_every_record_of_the_seeds_validates(tmp_path, validator, schema):
    _check(validator, schema, _extract(tmp_path, SEEDS))


def test_every_record_of_the_corpus_validates(tmp_path, validator, schema, corpus_dir):
    _check(validator, schema, _extract(tmp_path, corpus_dir))


def test_records_of_pages_rows_and_read_errors_validate(tmp_path, validator, schema):
    from tests.pages import page

    folder = tmp_path / "in"
    folder.mkdir()
    record = {"title": "Hội nghị Ban Chấp hành Đảng bộ huyện", "published": "2021-02-01",
              "authors": ["Trần Bình"], "text": "Sáng 1/2, Huyện ủy tổ chức hội nghị.\n\n"
                                               "Đồng chí Nguyễn Văn An chủ trì."}
    (folder / "p.html").write_text(page(record))
    (folder / "d.jsonl").write_bytes('{"id": "a1", "content": "Nội dung.", "url": "u"}\n'
                                     'not json\n'.encode())
    (folder / "empty.txt").write_bytes(b"")
    _check(validator, schema, _extract(tmp_path, folder))


def test_a_record_that_breaks_the_contract_is_refused(validator):
    bad = {"schema": "partyx/1", "id": "x", "source": {"path": "x", "sha256": None,
                                                       "bytes": None, "encoding": None},
           "title": "", "published": "24/03/2021", "outlet": None, "authors": [],
           "section": None, "text": None, "event": {"type": "party", "date": None, "lead": None},
           "people": [], "organizations": [], "places": [{"type": "làng", "name": "A",
                                                          "province": None}],
           "documents": [], "congresses": [], "membership": [], "errors": []}
    paths = {e.json_path for e in validator.iter_errors(bad)}
    assert paths == {"$.title", "$.published", "$.event.type", "$.places[0].type"}


def test_the_spec_ships_in_the_repository_in_step_with_the_shared_one(schema):
    text = SPEC.read_text(encoding="utf-8")
    shared = SHARED / "SPEC.md"
    if shared.is_file():
        assert text == shared.read_text(encoding="utf-8"), "copy ../shared/SPEC.md to docs/"
    # every field the SPEC's example record names is in the schema
    example = text.split("```jsonc", 1)[1].split("```", 1)[0]
    named = set(re.findall(r'"(\w+)":', example))
    declared = set()

    def walk(node):
        if isinstance(node, dict):
            declared.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert named <= declared, named - declared
    for added in ("format", "url", "row", "now", "story", "duplicate_of"):  # 2026-12 additions
        assert f"`{added}`" in text or f".{added}`" in text
        assert added in declared
