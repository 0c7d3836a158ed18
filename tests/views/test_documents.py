"""The documents view (``partyx stats documents``)."""

from __future__ import annotations

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
    csv_out = stats("documents", str(corpus), "-f", "csv").stdout
    assert csv_out.splitlines()[0] == ("document,type,issued by,citations,first cited,"
                                       "last cited,articles")
    assert ("15-NQ/TU,Nghị quyết,Ban Thường vụ Thành ủy Hà Nội,3,2021-03-24,2023-01-10,"
            "000_thanhxuan_2021; 001_thanhxuan_2022; 003_longbien_2023") in csv_out


def test_a_party_document_with_and_without_its_date_year_is_one_document():
    from partyx.views.records import document_key, document_label

    dated = {"number": "15", "code": "CT", "issuer": "TU", "date": "2016-12-16", "year": 2016}
    bare = {"number": "15", "code": "CT", "issuer": "TU", "date": None, "year": None}
    assert document_label(dated) == document_label(bare) == "15-CT/TU"
    assert document_key(dated) == document_key(bare)
    state = {"number": "91", "code": "NĐ", "issuer": "CP", "year": 2017}
    assert document_label(state) == "91/2017/NĐ-CP"
