"""Dataset files: columns found by their usual names, rows of JSON lines, CSV and Parquet."""

from __future__ import annotations

import gzip
import io

import orjson
import pytest

from partyx.errors import DecodeError, UsageError
from partyx.readers import csv as csv_reader
from partyx.readers import jsonl
from partyx.readers.columns import Columns, RowError, content_key, page_of, parse_fields

MAX = 1_000_000


def test_usual_column_names_in_any_case_and_spelling():
    columns = Columns()
    row = {"ID": 7, "Tieu_De": "Tiêu đề", "Noi Dung": "Nội dung bài.", "Ngày-đăng": "x",
           "Publish_Date": "2021-03-24 21:54", "SAPO": "Sapo.", "Tac_Gia": ["A B", {"name": "C D"}],
           "URL": "https://x.vn/a", "Source": "Báo Nhân Dân", "category": "Chính trị"}
    fields, row_id = columns.fields(row, "line 1")
    assert row_id == "7"
    assert fields == {"text": "Nội dung bài.", "title": "Tiêu đề", "lead": "Sapo.",
                      "published": "2021-03-24T21:54:00+07:00", "outlet": "Báo Nhân Dân",
                      "authors": ["A B", "C D"], "section": "Chính trị", "url": "https://x.vn/a"}


def test_the_first_usual_name_present_wins_and_empty_values_are_left_out():
    fields, row_id = Columns().fields({"body": "Thân bài.", "content": "Nội dung.", "title": "  ",
                                       "date": None}, "line 3")
    assert fields == {"text": "Nội dung."} and row_id is None  # content comes before body


def test_field_names_any_column_even_nested():
    columns = Columns(parse_fields(["text=noi_dung_chinh", "title=meta.tieu_de", "id=ma"]))
    fields, row_id = columns.fields({"noi_dung_chinh": "Văn bản.", "text": "không phải",
                                     "meta": {"tieu_de": "Tiêu đề"}, "ma": "B-12"}, "line 1")
    assert fields == {"text": "Văn bản.", "title": "Tiêu đề"} and row_id == "B-12"


def test_a_row_without_text_names_where_and_what_was_tried():
    with pytest.raises(RowError) as e:
        Columns().fields({"title": "Chỉ có tiêu đề"}, "line 9")
    assert str(e.value).startswith("line 9: no text (no value in a column named text, content")
    with pytest.raises(RowError) as e:
        Columns({"text": "noi_dung"}).fields({"text": "x"}, "row 2")
    assert "'noi_dung'" in str(e.value)


@pytest.mark.parametrize("bad", ["text", "=noi_dung", "body=x", "text="])
def test_field_syntax_is_checked(bad):
    with pytest.raises(UsageError):
        parse_fields([bad])


def test_content_key_is_the_same_for_the_same_article_whatever_the_row():
    a = content_key("jsonl", "utf-8", {"text": "x", "title": "t"})
    b = content_key("jsonl", "utf-8", {"title": "t", "text": "x"})
    assert a == b and a[0] != content_key("csv", "utf-8", {"text": "x", "title": "t"})[0]


def test_a_text_column_holding_markup_is_read_as_a_page():
    page = page_of({"text": "<div><p>Chiều 24/3, Quận ủy tổ chức hội nghị sơ kết công tác xây "
                            "dựng Đảng.</p><p>Đồng chí Bí thư Quận ủy chủ trì hội nghị.</p></div>"})
    assert "<p>" not in page.text and "Bí thư Quận ủy chủ trì" in page.text


def test_jsonl_rows_by_line_with_errors_in_place():
    data = (b'\xef\xbb\xbf{"text": "a"}\n\n'
            b'not json\n[1, 2]\n{"text": "' + b"x" * 200 + b'"}\n{"text": "b"}')
    rows = list(jsonl.rows(io.BytesIO(data), max_bytes=100))
    assert [(r.number, r.values, r.error is not None) for r in rows] == [
        (1, {"text": "a"}, False), (3, None, True), (4, None, True), (5, None, True),
        (6, {"text": "b"}, False)]
    assert rows[1].error.startswith("line 3: not JSON")
    assert rows[2].error == "line 4: not a JSON object"
    assert rows[3].error.startswith("line 5: too large: 213 bytes (limit 100")


def test_csv_rows_by_the_line_they_start_on():
    data = ('id;title;content\r\n1;"Tiêu đề; có dấu chấm phẩy";"Đoạn một.\r\n\r\nĐoạn hai."\r\n'
            '\r\n2;Hai;"Nội dung ""trích"""\r\n3;Ba\r\n').encode("utf-8-sig")
    rows = list(csv_reader.rows(io.BytesIO(data), MAX))
    assert [r.number for r in rows] == [2, 6, 7]
    assert rows[0].values == {"id": "1", "title": "Tiêu đề; có dấu chấm phẩy",
                              "content": "Đoạn một.\r\n\r\nĐoạn hai."}
    assert rows[1].values["content"] == 'Nội dung "trích"'
    assert rows[2].values == {"id": "3", "title": "Ba"}  # fewer fields: the others are absent


def test_csv_long_fields_utf16_tabs_and_gzip():
    long = "Đảng viên " * 30000  # 300,000 characters: beyond the csv module's default limit
    data = f"text\tid\n\"{long}\"\t9\n".encode("utf-16")
    rows = list(csv_reader.rows(io.BytesIO(data), 10_000_000))
    assert rows[0].values == {"text": long, "id": "9"}
    gz = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"text,id\nx,1\n")))
    assert [r.values for r in csv_reader.rows(gz, MAX)] == [{"text": "x", "id": "1"}]


def test_csv_that_stops_being_utf8_ends_with_an_error_row():
    data = "text\n" + "Văn bản\n" * 2000
    rows = list(csv_reader.rows(io.BytesIO(data.encode() + b"\xff\xfe\n"), MAX))
    assert rows[-1].values is None and "not UTF-8" in rows[-1].error
    assert len(rows) > 1000  # the rows before it are read


def test_parquet_rows_read_only_the_article_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    from partyx.readers import parquet

    table = pa.table({"content": ["Một.", "Hai."], "tieu_de": ["A", "B"],
                      "embedding": [[0.1] * 4, [0.2] * 4], "published": [None, "2021-03-24"]})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path)
    rows = list(parquet.rows(str(path), Columns({"title": "tieu_de"})))
    assert [(r.number, r.where) for r in rows] == [(1, "row 1"), (2, "row 2")]
    assert rows[0].values == {"content": "Một.", "published": None, "tieu_de": "A"}
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(DecodeError) as e:
        list(parquet.rows(str(tmp_path / "bad.parquet"), Columns()))
    assert str(e.value).startswith("cannot read the dataset:")


def test_fields_are_plain_json():
    from datetime import datetime

    fields, _ = Columns().fields({"text": "x", "published": datetime(2021, 3, 24, 21, 54),
                                  "id": 3.0}, "row 1")
    assert orjson.loads(orjson.dumps(fields)) == {"text": "x",
                                                   "published": "2021-03-24T21:54:00+07:00"}
