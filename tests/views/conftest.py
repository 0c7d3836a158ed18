"""``partyx stats`` run on a records file (the ``corpus`` fixture: the SPEC records of
:mod:`tests.corpus_records`, from the package's conftest)."""

from __future__ import annotations

import orjson
from typer.testing import CliRunner

from partyx.cli import app

runner = CliRunner()


def stats(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, ["stats", *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def as_json(*args: str):
    result = stats(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return orjson.loads(result.stdout)
