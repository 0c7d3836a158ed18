import pytest

from partyx import io
from partyx.pipeline import REGISTRY, Pipeline, PipelineError, Stage, build, load_stages, order
from partyx.record import Article


def _stage(name, requires=(), provides=()):
    return type(name.title(), (Stage,), {"name": name, "requires": requires,
                                         "provides": provides, "__call__": lambda s, a: None})


def test_order_follows_requirements_not_listing():
    reg = {"b": _stage("b", ("x",), ("y",)), "a": _stage("a", ("raw",), ("x",))}
    assert order(["b", "a"], reg) == ["a", "b"]


def test_ties_are_broken_by_name_not_by_listing_or_registration():
    # Independent stages: the order (hence the signature) must not depend on which module
    # happened to be imported first or on how --stages listed them.
    reg = {"z": _stage("z", ("raw",), ("z1",)), "m": _stage("m", ("raw",), ("m1",)),
           "a": _stage("a", ("z1",), ("a1",))}
    expected = ["m", "z", "a"]
    assert order(["z", "m", "a"], reg) == expected
    assert order(["a", "m", "z"], reg) == expected
    assert order(["m", "a", "z"], dict(reversed(list(reg.items())))) == expected


def test_missing_provider_is_named():
    reg = {"b": _stage("b", ("x",), ("y",)), "a": _stage("a", (), ("x",))}
    message = "'b' requires 'x'.*'a' provides it but is not selected"
    with pytest.raises(PipelineError, match=message):
        order(["b"], reg)


def test_cycle_is_refused():
    reg = {"a": _stage("a", ("y",), ("x",)), "b": _stage("b", ("x",), ("y",))}
    with pytest.raises(PipelineError, match="cycle"):
        order(["a", "b"], reg)


def test_field_provided_twice_is_refused():
    reg = {"a": _stage("a", (), ("x",)), "b": _stage("b", (), ("x",))}
    with pytest.raises(PipelineError, match="provided by both"):
        order(["a", "b"], reg)


def test_builtin_stages_register_and_form_a_valid_default_pipeline():
    registry = load_stages()
    assert {"clean", "metadata"} <= set(registry)
    pipeline = build()
    assert pipeline.names.index("clean") < pipeline.names.index("metadata")


def test_unknown_stage_is_a_pipeline_error():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        build(["nope"])


def test_skipping_a_needed_stage_is_refused_before_reading():
    with pytest.raises(PipelineError, match="requires 'lines'"):
        build(skip=["clean"])


def test_failing_stage_records_error_empties_its_fields_and_run_goes_on():
    class Boom(Stage):
        name = "boom"
        provides = ("title",)

        def __call__(self, article):
            article.title = "half-done"
            raise ValueError("bad input\nsecond line")

    class After(Stage):
        name = "after"
        provides = ("section",)

        def __call__(self, article):
            article.section = "ran"

    article = Pipeline([Boom(), After()]).run(Article(id="x", source={}))
    assert article.title is None
    assert article.section == "ran"
    assert article.errors == [{"stage": "boom", "error": "ValueError: bad input"}]


def test_signature_changes_with_a_stage_version():
    a = _stage("a", (), ("x",))
    b = type("A2", (a,), {"version": "2"})
    assert Pipeline([a()]).signature != Pipeline([b()]).signature
    assert "a" not in REGISTRY or REGISTRY["a"] is not a


def test_signature_changes_with_the_reader_version(monkeypatch):
    # a new decoder gives the stages another text: incremental runs must redo the records
    a = _stage("a", (), ("x",))
    before = Pipeline([a()]).signature
    monkeypatch.setattr(io, "READER_VERSION", "test")
    assert Pipeline([a()]).signature != before
