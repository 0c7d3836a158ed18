"""``partyx report``: one self-contained HTML page, checked as text and rendered in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from itertools import accumulate
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partyx.cli import app
from tests.corpus_records import TUYEN, person, record, records, write

runner = CliRunner()


@pytest.fixture
def report(tmp_path) -> Path:
    corpus = write(tmp_path / "records.jsonl")
    out = tmp_path / "site" / "report.html"
    result = runner.invoke(app, ["report", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "report of 5 articles" in result.stderr
    return out


def test_page_is_self_contained_with_summary_charts_and_people(report):
    page = report.read_text(encoding="utf-8")
    # nothing fetched when viewed: no external script, style, image or font
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert page.count("<svg") == 2  # one chart per organisation with a series
    assert "19.908" in page and "20.585 (+677)" in page
    assert re.search(r"<b>5</b>articles", page)
    people = re.findall(r'<tr class="person"><td>([^<]+)', page)
    assert people == [TUYEN, "Lê Thị Thủy", "Nguyễn Minh Tiến", "Nguyễn Văn Phong"]
    assert "15-NQ/TU" in page and 'id="search"' in page


def test_values_are_escaped(tmp_path):
    hostile = record("x", title="<b>", people=[person("<script>alert(1)</script>",
                                                      ("Bí thư", "Quận ủy <i>", "current"))])
    corpus = write(tmp_path / "r.jsonl", [hostile])
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(corpus), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "Quận ủy &lt;i&gt;" in page


def test_missing_records_file(tmp_path):
    result = runner.invoke(app, ["report", str(tmp_path / "no.jsonl"), "-o",
                                 str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no such records file" in result.stderr
    assert not (tmp_path / "r.html").exists()


# --- rendered in headless Chromium ---------------------------------------------------------------

def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless Chromium here (CI installs Debian's 'chromium')")


def _run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [_chromium(), "--headless", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'chromium-profile'}",
               *args]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


def test_chromium_runs_the_search_script(report, tmp_path):
    done = _run_chromium(tmp_path, "--dump-dom", report.as_uri() + "#q=tuyen")
    dom = done.stdout.decode("utf-8")
    assert done.returncode == 0 and "</html>" in dom, done.stderr[-2000:]
    assert 'data-ready="1"' in dom  # the script ran
    assert "1 of 4 people" in dom  # 'tuyen' without diacritics found Tuyến only
    rows = re.findall(r'<tr class="person"([^>]*)><td>([^<]+)', dom)
    assert [(name, "hidden" in attrs) for attrs, name in rows] == [
        (TUYEN, False), ("Lê Thị Thủy", True), ("Nguyễn Minh Tiến", True),
        ("Nguyễn Văn Phong", True)]
    assert len(re.findall(r'<rect class="bar"', dom)) == 4  # the membership charts
    assert dom.count("<svg") == 2


def test_chromium_screenshot_shows_the_page(report, tmp_path):
    shot = tmp_path / "report.png"
    done = _run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600",
                         "--hide-scrollbars", report.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    red = (200, 16, 46)  # the bars of the membership charts
    width, height, colours = _png_colours(shot.read_bytes(), until=red)
    assert (width, height) == (1200, 1600)
    # not blank: many distinct colours, and the red of the bars is painted
    assert len(colours) > 20
    assert red in colours


def _png_colours(data: bytes, until: tuple[int, int, int]
                 ) -> tuple[int, int, set[tuple[int, int, int]]]:
    """Width, height and the RGB colours of an 8-bit RGB/RGBA PNG (stdlib only), read from the
    top down to the first row where the colour ``until`` appears (decoding is slow in Python)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        _unfilter(kind, line, previous, bpp)
        if y % 4 == 0:  # a sample of rows is plenty to see colours
            colours.update(zip(line[0::bpp], line[1::bpp], line[2::bpp], strict=False))
            if until in colours:
                break
        previous = line
    return width, height, colours


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    if kind == 0:
        return
    if kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev, strict=True))
        return
    if kind == 1:
        for c in range(bpp):
            line[c::bpp] = bytes(accumulate(line[c::bpp], lambda a, b: (a + b) & 255))
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        if kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 255
        else:
            corner = prev[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + best) & 255


def test_report_on_extracted_seeds(tmp_path):
    from tests.conftest import SEEDS

    out = tmp_path / "seeds.jsonl"
    runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"])
    html = tmp_path / "seeds.html"
    assert runner.invoke(app, ["report", str(out), "-o", str(html)]).exit_code == 0
    assert re.search(r"<b>5</b>articles", html.read_text(encoding="utf-8"))


def test_records_fixture_is_the_spec_shape():
    # the fixture the report tests rely on carries every SPEC field
    fields = {"schema", "id", "source", "title", "published", "outlet", "authors", "section",
              "text", "event", "people", "organizations", "places", "documents", "congresses",
              "membership", "errors"}
    assert all(set(r) == fields for r in records())


def test_long_series_chart_shows_the_most_recent_dates(tmp_path):
    rows = [record(f"r{i}", published=f"20{10 + i // 12:02d}-{i % 12 + 1:02d}-01T08:00:00+07:00",
                   membership=[{"org": "Đảng bộ quận Ba Đình", "party_members": 10000 + i,
                                "grassroots_orgs": None, "as_of": None, "text": ""}])
            for i in range(40)]
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(write(tmp_path / "r.jsonl", rows)),
                               "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<rect class="bar"') == 24 and "(last 24 of 40 dates)" in page
    assert "2013-04-01" in page and "2010-01-01" not in page
