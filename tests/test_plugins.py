"""Third-party stages through the ``partyx.stages`` entry-point group.

Each test installs a small distribution into a folder of its own that it puts on ``sys.path``:
the module, and a ``<name>.dist-info`` folder with ``METADATA`` and ``entry_points.txt`` written
exactly as pip writes them for a package whose pyproject declares::

    [project.entry-points."partyx.stages"]
    title_event = "partyx_title_event:TitleEvent"

``importlib.metadata`` finds it the way it finds anything pip installed, with no build backend
needed and nothing left in the virtual environment afterwards. The stage registry is
process-global; the ``fresh_registry`` fixture reloads it before and after each test.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from partyx import pipeline
from partyx.cli import app
from tests.conftest import SEEDS

runner = CliRunner()

GOOD = '''
"""A third-party event classifier: an inspection when the headline says so."""
from partyx.pipeline import Stage


class TitleEvent(Stage):
    name = "title_event"
    version = "0.3"
    requires = ("title",)
    provides = ("event",)
    default = False  # the built-in event stage provides the same field

    def __call__(self, article):
        title = (article.title or "").casefold()
        kind = "inspection" if "kiểm tra" in title else "other"
        article.event = {"type": kind, "date": None, "lead": None}
'''

BROKEN = '''
raise ImportError("partyx_broken_stage needs a model that is not installed")
'''


def _install(site: Path, dist: str, module: str, source: str, entry: str) -> None:
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[partyx.stages]\n{entry}\n")
    (info / "top_level.txt").write_text(module + "\n")


def _reset_registry() -> None:
    for name, origin in list(pipeline.ORIGIN.items()):
        if origin != "built-in":
            pipeline.REGISTRY.pop(name, None)
            pipeline.ORIGIN.pop(name, None)
    pipeline.BROKEN.clear()
    pipeline._loaded = False


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on ``sys.path`` to install distributions into, removed afterwards."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    _reset_registry()
    yield folder
    for module in ("partyx_title_event", "partyx_broken_stage"):
        sys.modules.pop(module, None)
    monkeypatch.undo()
    _reset_registry()


def test_installed_plugin_is_listed_and_runs_when_asked_for(site, tmp_path):
    _install(site, "partyx-title-event", "partyx_title_event", GOOD,
             "title_event = partyx_title_event:TitleEvent")
    listed = runner.invoke(app, ["stages"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0
    row = next(line for line in listed.stdout.splitlines() if "title_event" in line)
    assert "0.3" in row and "plugin partyx-title-event" in row

    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out),
                                 "--stages", "clean,metadata,title_event"])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    # 004's headline: "Quận Long Biên chủ động … thực hiện Chương trình 01-CTr/TU …" (no kiểm tra)
    assert records["000_0382416f5319272f"]["event"]["type"] == "other"
    assert all(r["event"]["type"] in ("inspection", "other") for r in records.values())
    assert all(r["errors"] == [] for r in records.values())


def test_plugin_is_not_in_the_default_pipeline_it_is_not_meant_for(site):
    _install(site, "partyx-title-event", "partyx_title_event", GOOD,
             "title_event = partyx_title_event:TitleEvent")
    assert "title_event" in pipeline.load_stages()
    assert "title_event" not in pipeline.build().names


def test_broken_plugin_is_listed_and_left_out_with_a_warning(site, tmp_path):
    _install(site, "partyx-broken", "partyx_broken_stage", BROKEN,
             "broken = partyx_broken_stage:Stage")
    listed = runner.invoke(app, ["stages"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0
    assert "broken" in listed.stdout and "BROKEN" in listed.stdout
    assert "ImportError" in listed.stdout

    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert "plugin stage 'broken' failed to load" in result.stderr
    assert len(out.read_bytes().splitlines()) == 5

    asked = runner.invoke(app, ["extract", str(SEEDS), "-o", str(tmp_path / "x.jsonl"),
                                "--stages", "clean,metadata,broken"])
    assert asked.exit_code == 2
    assert "failed to load" in asked.stderr and "ImportError" in asked.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_plugin_that_is_no_stage_class_is_broken_too(site):
    _install(site, "partyx-not-a-stage", "partyx_title_event", "class TitleEvent: pass\n",
             "notastage = partyx_title_event:TitleEvent")
    pipeline.load_stages()
    assert "notastage" in pipeline.BROKEN
    assert "not a partyx.pipeline.Stage subclass" in pipeline.BROKEN["notastage"]
