"""The documents view (``partyx stats documents``)."""

from __future__ import annotations

import pytest

from tests.views.conftest import as_json, stats


def test_documents_counts_and_dates(corpus):
    docs = {d["document"]: d for d in as_json("documents", str(corpus))}
    assert set(docs) == {"15-NQ/TU", "08-QĐi/TW", "91/2017/NĐ-CP", "123/QĐ-TTg"}
    nq = docs["15-NQ/TU"]
    assert nq["citations"] == 3  # cited twice in one article counts once
    assert nq["issued_by"] == "Ban Thường vụ Thành ủy Hà Nội" and nq["type"] == "Nghị quyết"
    assert (nq["first_cited"], nq["last_cited"]) == ("2021-03-24", "2023-01-10")
    assert nq["articles"] == ["000_thanhxuan_2021", "001_thanhxuan_2022", "003_longbien_2023"]
    assert docs["91/2017/NĐ-CP"]["issued_by"] == "Chính phủ"
    assert (nq["year"], docs["08-QĐi/TW"]["year"]) == (2017, None)
    csv_out = stats("documents", str(corpus), "-f", "csv").stdout
    assert csv_out.splitlines()[0] == ("document,year,type,issued by,citing stories,"
                                       "citing articles,first cited,last cited,articles")
    assert ("15-NQ/TU,2017,Nghị quyết,Ban Thường vụ Thành ủy Hà Nội,3,3,2021-03-24,2023-01-10,"
            "000_thanhxuan_2021; 001_thanhxuan_2022; 003_longbien_2023") in csv_out
    assert "08-QĐi/TW,year unknown,Quy định," in csv_out


def test_a_document_keeps_its_year_in_its_identity():
    from partyx.views.records import document_key, document_label, document_year

    dated = {"number": "15", "code": "CT", "issuer": "TU", "date": "2016-12-16", "year": 2016}
    older = {"number": "15", "code": "CT", "issuer": "TU", "date": "1951-05-12", "year": None}
    bare = {"number": "15", "code": "CT", "issuer": "TU", "date": None, "year": None}
    assert document_label(dated) == document_label(older) == document_label(bare) == "15-CT/TU"
    assert (document_year(dated), document_year(older), document_year(bare)) == (2016, 1951,
                                                                                 None)
    assert len({document_key(dated), document_key(older), document_key(bare)}) == 3
    state = {"number": "91", "code": "NĐ", "issuer": "CP", "year": 2017}
    assert document_label(state) == "91/2017/NĐ-CP"
    # the year is in a State symbol only where the citation writes it there
    decision = {"number": "585", "code": "QĐ", "issuer": "TTg", "year": 2024,
                "date": "2024-07-03", "text": "Quyết định số 585/QĐ-TTg"}
    assert (document_label(decision), document_year(decision)) == ("585/QĐ-TTg", 2024)
    decree = dict(state, text="Nghị định số 91/ 2017/NĐ-CP")
    assert document_label(decree) == "91/2017/NĐ-CP"


def _directive(rid: str, published: str, **doc: object) -> dict:
    from tests.corpus_records import record

    return record(rid, published=published, documents=[
        {"number": "05", "code": "CT", "issuer": "TW", "type": "Chỉ thị",
         "issued_by": "Bộ Chính trị", "title": None, "text": "Chỉ thị 05-CT/TW", **doc}])


@pytest.fixture
def directives(tmp_path):
    from tests.corpus_records import write

    return write(tmp_path / "directives.jsonl", [
        _directive("a_1951", "2021-05-12T08:00:00+07:00", date="1951-05-12", year=1951),
        _directive("b_2016", "2022-05-15T08:00:00+07:00", date="2016-05-15", year=2016),
        _directive("c_2016", "2023-01-02T08:00:00+07:00", date="2016-05-15", year=2016),
        _directive("d_unknown", "2023-06-01T08:00:00+07:00", date=None, year=None),
        record_citing_a_decree(),
    ])


def record_citing_a_decree() -> dict:
    from tests.corpus_records import record

    return record("e_decree", published="2024-07-04T08:00:00+07:00", documents=[
        {"number": "585", "code": "QĐ", "issuer": "TTg", "type": "Quyết định", "year": 2024,
         "date": "2024-07-03", "issued_by": "Thủ tướng", "title": None,
         "text": "Quyết định số 585/QĐ-TTg"}])


def test_stats_documents_keeps_the_years_of_a_symbol_apart(directives):
    rows = as_json("documents", str(directives))
    assert [(r["document"], r["year"], r["citations"], r["articles"]) for r in rows] == [
        ("05-CT/TW", 1951, 1, ["a_1951"]),
        ("05-CT/TW", 2016, 2, ["b_2016", "c_2016"]),
        ("05-CT/TW", None, 1, ["d_unknown"]),
        ("585/QĐ-TTg", 2024, 1, ["e_decree"])]
    for fmt in ("table", "markdown", "csv"):
        out = stats("documents", str(directives), "-f", fmt, env={"COLUMNS": "200"}).stdout
        assert "1951" in out and "2016" in out and "year unknown" in out, fmt
    csv_rows = stats("documents", str(directives), "-f", "csv").stdout.splitlines()
    assert [r.split(",")[:2] for r in csv_rows[1:]] == [
        ["05-CT/TW", "1951"], ["05-CT/TW", "2016"], ["05-CT/TW", "year unknown"],
        ["585/QĐ-TTg", "2024"]]
    summary = as_json("summary", str(directives))
    assert [(d["document"], d["year"], d["citations"]) for d in summary["documents"]] == [
        ("05-CT/TW", 1951, 1), ("05-CT/TW", 2016, 2), ("05-CT/TW", None, 1),
        ("585/QĐ-TTg", 2024, 1)]


def test_exports_keep_the_years_of_a_symbol_apart(directives, tmp_path):
    import csv
    import sqlite3

    from typer.testing import CliRunner

    from partyx.cli import app

    db_path = tmp_path / "corpus.db"
    result = CliRunner().invoke(app, ["export", str(directives), "--to", "sqlite", str(db_path)])
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(db_path)
    assert sorted(db.execute("SELECT symbol, year FROM documents"), key=str) == sorted(
        [("05-CT/TW", 1951), ("05-CT/TW", 2016), ("05-CT/TW", None), ("585/QĐ-TTg", 2024)],
        key=str)
    cited = dict(db.execute("""SELECT d.year, count(*) FROM citations c JOIN documents d
                               USING (document_id) WHERE d.symbol = '05-CT/TW'
                               GROUP BY d.document_id"""))
    assert cited == {1951: 1, 2016: 2, None: 1}
    folder = tmp_path / "tables"
    result = CliRunner().invoke(app, ["export", str(directives), "--to", "csv", str(folder)])
    assert result.exit_code == 0, result.output
    with (folder / "documents.csv").open(encoding="utf-8") as f:
        rows = [(r["symbol"], r["year"]) for r in csv.DictReader(f)]
    assert sorted(rows) == sorted([("05-CT/TW", "1951"), ("05-CT/TW", "2016"),
                                   ("05-CT/TW", ""), ("585/QĐ-TTg", "2024")])


def test_the_report_keeps_the_years_of_a_symbol_apart(directives, tmp_path):
    from typer.testing import CliRunner

    from partyx.cli import app

    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(directives), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    section = page[page.index('id="documents"'):page.index('id="people-section"')]
    assert section.count("<td>05-CT/TW</td>") == 3
    for year in ("1951", "2016", "year unknown"):
        assert f"<td>{year}</td>" in section
