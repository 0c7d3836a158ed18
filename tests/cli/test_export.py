"""``partyx export`` and ``partyx report`` refuse to overwrite what they did not write."""

from typer.testing import CliRunner

from partyx.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def test_export_and_report_refuse_to_overwrite_what_they_did_not_write(tmp_path):
    records = tmp_path / "r.jsonl"
    runner.invoke(app, ["extract", str(SEEDS), "-o", str(records), "-q"])
    before = records.read_bytes()
    r = runner.invoke(app, ["export", str(records), str(records), "--to", "sqlite"])
    assert r.exit_code == 2 and "not overwriting" in r.stderr
    r = runner.invoke(app, ["report", str(records), "-o", str(records)])
    assert r.exit_code == 2 and "not overwriting" in r.stderr
    assert records.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert runner.invoke(app, ["report", str(records), "-o", str(notes)]).exit_code == 2
    assert notes.read_text() == "mine"
    page = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(records), "-o", str(page)]).exit_code == 0
    assert runner.invoke(app, ["report", str(records), "-o", str(page)]).exit_code == 0
