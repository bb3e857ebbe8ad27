"""Bulk import of service records from a real .xlsx of 10,000 rows and from .csv."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from openpyxl import Workbook

from desktop.models import AuditLog, ServiceRecord
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import record_import

from .factories import make_office, nagari, session
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")
HEADER = [
    "No",
    "NIK",
    "Nama",
    "No KK",
    "Alamat",
    "Jorong",
    "Nagari",
    "Kategori",
    "Sasaran",
    "Hasil",
    "Alasan",
    "Tanggal",
]
CATEGORIES = ["ktp_rekam", "KIA (Kartu Identitas Anak)", "akta_lahir", "ikd"]


def good_rows(count: int, nagari_code: str) -> list[list]:
    rng = random.Random(7)
    rows, seen = [], set()
    while len(rows) < count:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(40, 99)
        female = rng.random() < 0.5
        nik = f"130210{day + (40 if female else 0):02d}{month:02d}{year:02d}{rng.randint(1, 9999):04d}"
        category = rng.choice(CATEGORIES)
        if (nik, category) in seen:
            continue
        seen.add((nik, category))
        rows.append(
            [
                len(rows) + 1,
                nik,
                f"Penduduk {len(rows) + 1}",
                "",
                "Jorong Koto",
                "Jorong Koto",
                nagari_code,
                category,
                "umum",
                "selesai",
                "",
                dt.date.today(),  # within the Surat Tugas (today only)
            ]
        )
    return rows


def write_xlsx(path, rows) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_xlsx_of_ten_thousand_rows_with_broken_rows(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    rows = good_rows(10_000, nagari().code)
    rows[9][1] = "13021012038O0011"  # letter O instead of zero (spreadsheet row 11)
    rows[99][1] = "130210320380001"  # 15 digits (row 101)
    rows[2999][1] = "1302103102800011"  # 31 February (row 3001)
    rows[4999][8] = "lansia-sakit"  # unknown target group (row 5001)
    rows[7499][9] = "ditunda"  # needs a reason (row 7501)
    rows[9998] = list(rows[9997])  # duplicate of the row before (row 10000)
    rows[9998][0] = 9999
    path = tmp_path / "pelayanan.xlsx"
    write_xlsx(path, rows)

    result = record_import.import_file(session("ketua1"), case_id, path)
    assert (result.total_rows, result.imported) == (10_000, 0)
    assert [(e.row, e.column) for e in result.errors] == [
        (11, "NIK"),
        (101, "NIK"),
        (3001, "NIK"),
        (5001, "Sasaran"),
        (7501, "Alasan"),
        (10000, "NIK"),
    ]
    assert "16 angka" in result.errors[1].message or "16" in result.errors[1].message
    assert "duplikat" in result.errors[5].message
    assert ServiceRecord.select().count() == 0

    result = record_import.import_file(session("ketua1"), case_id, path, import_clean_rows=True)
    assert result.imported == 9_994 and len(result.errors) == 6
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 9_994
    assert AuditLog.select().where(AuditLog.action == "pelayanan_diimpor").count() == 1


def test_csv_with_semicolons_and_a_bom(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = tmp_path / "pelayanan.csv"
    path.write_bytes(
        "\ufeffNIK;Nama;Nagari;Kategori;Sasaran;Hasil;Tanggal\n"
        f"1302104507510002;Siti Rahmah;{nagari().code};ktp_rekam;lansia;selesai;{dt.date.today():%d-%m-%Y}\n"
        f"1302101203800011;Syafrizal;Koto Baru;kia;umum;selesai;{dt.date.today():%d/%m/%Y}\n".encode()
    )
    result = record_import.import_file(session("anggota1"), case_id, path)
    assert (result.imported, result.errors) == (2, [])


def test_missing_columns_are_named(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = tmp_path / "x.csv"
    path.write_text("NIK,Nama\n1302104507510002,Siti\n")
    with pytest.raises(InvalidInput, match="tidak ada di baris judul: Kategori, Sasaran, Hasil, Tanggal"):
        record_import.import_file(session("anggota1"), case_id, path)
