"""``partyx stages`` and ``partyx --version``."""

from typer.testing import CliRunner

from partyx.cli import app

runner = CliRunner()


def test_stages_lists_builtins_and_version():
    result = runner.invoke(app, ["stages"])
    assert result.exit_code == 0 and "metadata" in result.stdout
    result = runner.invoke(app, ["--version"])
    assert result.stdout.startswith("partyx ")
