"""``partyx merge``."""

from typer.testing import CliRunner

from partyx import SCHEMA
from partyx.cli import app
from tests.run.test_merge import _read, _write


def test_cli_merge(tmp_path):
    _write(tmp_path / "a.jsonl", ["x"], "a")
    out = str(tmp_path / "o.jsonl")
    result = CliRunner().invoke(app, ["merge", out, str(tmp_path / "a.jsonl")])
    assert result.exit_code == 0 and _read(tmp_path / "o.jsonl") == [
        {"schema": SCHEMA, "id": "x", "tag": "a"}]
    result = CliRunner().invoke(app, ["merge", str(tmp_path / "o.jsonl"), str(tmp_path / "no")])
    assert result.exit_code == 2 and "no such records file" in result.stderr
