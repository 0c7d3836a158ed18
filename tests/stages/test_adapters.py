"""The built-in stages are thin adapters: they declare what they require and provide (fields of
the Article, typed), call the rules, and import no other stage, nor the command line or the
run machinery."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

import partyx.stages
from partyx.pipeline import Pipeline, Stage, load_stages
from partyx.record import Article

STAGES = Path(partyx.stages.__file__).parent
MODULES = sorted(p for p in STAGES.glob("*.py") if p.name != "__init__.py")
ARTICLE_FIELDS = {f.name for f in fields(Article)} - {"extras"}


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_a_stage_module_is_small_and_imports_no_machinery(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 120
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
            imported.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    forbidden = ("partyx.stages", "partyx.cli", "partyx.run", "partyx.views")
    assert not [m for m in imported if m.startswith(forbidden)]


def test_built_in_stages_hand_on_typed_fields_only():
    builtin = [cls for cls in load_stages().values() if cls.__module__.startswith("partyx.stages")]
    assert len(builtin) == len(MODULES)
    for cls in builtin:
        assert set(cls.requires) <= ARTICLE_FIELDS, cls.name
        assert set(cls.provides) <= ARTICLE_FIELDS, cls.name


class _HalfDone(Stage):
    name = "half_done"
    requires = ("raw",)
    provides = ("lines", "captions", "dates", "place_context", "mentions", "title", "mine")

    def __call__(self, article: Article) -> None:
        from partyx.record import District, FoundDate, Mention, PlaceContext

        article.lines, article.captions = ["a"], ["b"]
        article.dates = [FoundDate("2020-01-01", 0, 1, None)]
        article.place_context = PlaceContext("Hà Nội", District("quận", "Ba Đình"))
        article.mentions = [Mention("Nguyễn Văn A", 0, 1)]
        article.title = "x"
        article.extras["mine"] = 1
        raise ValueError("half done")


def test_a_failed_stage_leaves_its_hand_offs_empty():
    article = Pipeline([_HalfDone()]).run(Article(id="x", source={}, raw="a"))
    assert article.errors == [{"stage": "half_done", "error": "ValueError: half done"}]
    assert (article.lines, article.captions, article.dates, article.place_context,
            article.mentions, article.title) == (None, [], [], None, [], None)
    assert "mine" not in article.extras
    assert article.extras["_tracebacks"]  # (kept for --debug)


def test_places_without_todays_map_keep_what_is_written_and_say_so(monkeypatch):
    from partyx.pipeline import build
    from partyx.rules import today
    from partyx.run.worker import read_article

    def fail():
        raise today.MapUnavailable("underthesea's converter failed: boom")

    monkeypatch.setattr(today, "read_table", fail)
    seed = Path(__file__).parents[2] / "seeds"
    path = sorted(seed.glob("*.txt"))[0]
    article = build().run(read_article(path, path.stem).article)
    assert article.places and all(p["now"] is None for p in article.places)
    assert article.people  # nothing else of the record is lost
    assert article.errors == [{"stage": "places",
                               "error": "today's map: underthesea's converter failed: boom"}]
