"""Records that follow SPEC.md exactly, for the corpus-view tests.

Five articles about Hà Nội's district Party organisations. The same people are written
differently across articles, as they are in real outlets: ``Nguyễn Thị Tuyến`` decomposed (NFD),
with doubled spaces, ``Lê Thị Thuỷ`` with the old tone placement, ``Thành uỷ`` for ``Thành ủy``.
Đảng bộ quận Thanh Xuân states 19.908 party members on 2021-03-24 and 20.585 on 2022-09-06.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import orjson

TUYEN = "Nguyễn Thị Tuyến"
TUYEN_NFD = unicodedata.normalize("NFD", TUYEN)
TUYEN_SPACED = "Nguyễn  Thị   Tuyến"


def record(rid: str, **fields: Any) -> dict[str, Any]:
    """A full ``partyx/1`` record with every field empty except ``fields``."""
    base: dict[str, Any] = {
        "schema": "partyx/1", "id": rid,
        "source": {"path": f"corpus/{rid}.txt", "sha256": "0" * 64, "bytes": 4000,
                   "encoding": "utf-8"},
        "title": None, "published": None, "outlet": None, "authors": [], "section": None,
        "text": "", "event": {"type": None, "date": None, "lead": None}, "people": [],
        "organizations": [], "places": [], "documents": [], "congresses": [], "membership": [],
        "errors": [],
    }
    base.update(fields)
    return base


def person(name: str, *posts: tuple[str, str | None, str], gender: str | None = None,
           mentions: int = 1) -> dict[str, Any]:
    positions = [{"title": t, "org": o, "status": s,
                  "text": ("nguyên " if s == "former" else "") + " ".join(x for x in (t, o) if x)}
                 for t, o, s in posts]
    return {"name": name, "gender": gender, "positions": positions, "mentions": mentions}


def place(kind: str, name: str, province: str | None = "Hà Nội") -> dict[str, Any]:
    return {"type": kind, "name": name, "province": province}


NQ15 = {"number": "15", "code": "NQ", "issuer": "TU", "type": "Nghị quyết", "date": "2017-07-04",
        "issued_by": "Ban Thường vụ Thành ủy Hà Nội",
        "title": "Xây dựng tổ chức cơ sở Đảng trong sạch, vững mạnh",
        "text": "Nghị quyết số 15-NQ/TU"}
ND91 = {"number": "91", "year": 2017, "code": "NĐ", "issuer": "CP", "type": "Nghị định",
        "date": None, "issued_by": "Chính phủ", "title": None, "text": "Nghị định 91/2017/NĐ-CP"}
QD08 = {"number": "08", "code": "QĐi", "issuer": "TW", "type": "Quy định", "date": None,
        "issued_by": "Ban Chấp hành Trung ương", "title": None, "text": "Quy định 08-QĐi/TW"}


def records() -> list[dict[str, Any]]:
    return [
        record(
            "000_thanhxuan_2021", title="Quận Thanh Xuân cần chú trọng vai trò của cán bộ chủ chốt",
            published="2021-03-24T21:54:00+07:00", outlet="Lao Động Thủ Đô",
            authors=["Hoàng Phúc"],
            event={"type": "inspection", "date": "2021-03-24", "lead": "Nguyễn Văn Phong"},
            people=[person("Nguyễn Văn Phong", ("Phó Bí thư", "Thành ủy Hà Nội", "current"),
                           gender="male", mentions=6),
                    person("Nguyễn Minh Tiến",
                           ("Phó Bí thư Thường trực", "Quận ủy Thanh Xuân", "current"),
                           gender="male", mentions=2)],
            places=[place("thành phố", "Hà Nội", None), place("quận", "Thanh Xuân")],
            documents=[NQ15],
            membership=[{"org": "Đảng bộ quận Thanh Xuân", "party_members": 19908,
                         "grassroots_orgs": 54, "as_of": "2021-03-24",
                         "text": "54 tổ chức cơ sở Đảng với 19.908 đảng viên"}],
        ),
        record(
            "001_thanhxuan_2022", title="Đảng bộ quận Thanh Xuân sơ kết 5 năm Nghị quyết 15",
            published="2022-09-06T10:00:00+07:00", outlet="Kinh tế & Đô thị",
            event={"type": "review", "date": "2022-09-06", "lead": TUYEN},
            people=[person(TUYEN_NFD, ("Phó Bí thư Thường trực", "Thành ủy Hà Nội", "current"),
                           gender="female", mentions=3),
                    person("Nguyễn Minh Tiến",
                           ("Phó Bí thư Thường trực", "Quận ủy Thanh Xuân", "current"))],
            places=[place("quận", "Thanh Xuân")],
            documents=[NQ15, QD08, dict(NQ15, text="Nghị quyết 15")],  # cited twice: one article
            membership=[{"org": "Đảng bộ Quận Thanh Xuân", "party_members": 20585,
                         "grassroots_orgs": 55, "as_of": "2022-09-06",
                         "text": "55 tổ chức cơ sở đảng với 20.585 đảng viên"}],
        ),
        record(
            "002_longbien_2021", title="Long Biên: kiểm tra công tác xây dựng Đảng",
            published="2021-12-15T08:30:00+07:00", outlet="Hà Nội Mới",
            event={"type": "working_session", "date": "2021-12-14", "lead": TUYEN},
            people=[person(TUYEN_SPACED, ("Phó Bí thư Thường trực", "Thành uỷ Hà Nội", "current"),
                           ("Chủ tịch", "Hội Liên hiệp Phụ nữ thành phố Hà Nội", "former"),
                           gender="female", mentions=4),
                    person("Lê Thị Thuỷ", ("Bí thư", "Quận ủy Long Biên", "current"),
                           gender="female")],
            places=[place("quận", "Long Biên"), place("phường", "Ngọc Thụy")],
            documents=[ND91, {"number": "123", "code": "QĐ", "issuer": "TTg",
                              "type": "Quyết định", "text": "Quyết định 123/QĐ-TTg"}],
            membership=[{"org": "Đảng bộ quận Long Biên", "party_members": 16300,
                         "grassroots_orgs": None, "as_of": None,
                         "text": "trên 16.300 đảng viên"}],
        ),
        record(
            "003_longbien_2023", title="Quận ủy Long Biên tổng kết công tác năm 2022",
            published="2023-01-10T09:00:00+07:00", outlet="Tiền Phong",
            event={"type": "review", "date": "2023-01-09", "lead": "Lê Thị Thủy"},
            people=[person("Lê Thị Thủy", ("Bí thư", "Quận ủy Long Biên", "current"),
                           gender="female", mentions=2),
                    person(TUYEN, ("Phó Bí thư Thường trực", "Thành ủy Hà Nội", "current"))],
            places=[place("quận", "Long Biên")],
            documents=[NQ15],
            membership=[{"org": "Đảng bộ quận Long Biên", "party_members": 16800,
                         "grassroots_orgs": 72, "as_of": "2022-12-31",
                         "text": "72 tổ chức cơ sở đảng, 16.800 đảng viên"}],
        ),
        record("004_undated", title="Tin vắn", outlet=None,
               errors=[{"stage": "dates", "error": "ValueError: bad date"}]),
    ]


def write(path: Path, rows: list[dict[str, Any]] | None = None) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in (rows or records())))
    return path
