"""The public surface of the package: what ``partyx`` exports, and that importing it stays
light (the re-exports are loaded on first use)."""
from __future__ import annotations

import subprocess
import sys

import partyx


def test_exported_names():
    assert set(partyx.__all__) == {"SCHEMA", "Article", "Stage", "__version__", "register"}
    from partyx.pipeline import Stage, register
    from partyx.record import Article

    assert partyx.Article is Article
    assert partyx.Stage is Stage
    assert partyx.register is register
    assert partyx.SCHEMA == "partyx/1"


def test_unknown_attribute_is_an_attribute_error():
    try:
        partyx.nothing_here  # noqa: B018
    except AttributeError as e:
        assert "nothing_here" in str(e)
    else:
        raise AssertionError("no AttributeError")


def test_import_partyx_loads_no_stage_or_record():
    code = ("import sys, partyx; "
            "print(sorted(m for m in sys.modules if m.startswith('partyx')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['partyx']"
