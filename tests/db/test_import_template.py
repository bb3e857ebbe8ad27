"""Import (issue 15 item 15): the template, the spellings of categories, the optional Nagari column."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop.models import ServiceCategory, ServiceRecord, SopCase
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import record_import
from desktop.services.sijarla.category_aliases import category_key

from .factories import make_office, nagari, session
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")
TODAY = f"{dt.date.today():%d-%m-%Y}"


def filled(path) -> None:
    """The template as a clerk fills it: the example row replaced with two citizens."""
    book = load_workbook(path)
    sheet = book["Data pelayanan"]
    header = [c.value for c in sheet[1]]
    sheet.delete_rows(2)
    for nik, name in (("1302104507510002", "Siti Rahmah"), ("1302101203800011", "Syafrizal")):
        row = dict.fromkeys(header, "")
        row.update(NIK=nik, Nama=name, Alamat="Jorong Koto", Kategori="KTP el", Sasaran="Lansia")
        row.update(Hasil="Selesai", Tanggal=TODAY)
        sheet.append([row[h] for h in header])
    book.save(path)


def test_template_has_the_header_row_the_import_reads_and_imports_once_filled(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = record_import.write_template(session("ketua1"), case_id, tmp_path / "templat.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Data pelayanan", "Petunjuk"]
    header = [c.value for c in book["Data pelayanan"][1]]
    assert header == ["NIK", "Nama", "KK", "Alamat", "Jorong", "Nagari", "Kategori", "Sasaran", "Hasil",
                      "Alasan", "Keterangan", "Tanggal"]  # fmt: skip
    assert book["Data pelayanan"].max_row == 2  # one example row
    notes = [r[0].value for r in book["Petunjuk"].iter_rows(min_row=2) if r[0].value]
    assert "Kategori" in notes and any("contoh" in str(n) for n in notes)
    # unchanged, the example row is refused (it is no citizen)
    assert not record_import.import_file(session("ketua1"), case_id, path).clean
    filled(path)
    result = record_import.import_file(session("ketua1"), case_id, path)
    assert (result.imported, result.errors) == (2, [])
    assert {r.nagari_id for r in ServiceRecord.select()} == {nagari().id}


def test_csv_template_round_trips(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = record_import.write_template(session("anggota1"), case_id, tmp_path / "templat.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "NIK;Nama;KK;Alamat;Jorong;Nagari;Kategori;Sasaran;Hasil;Alasan;Keterangan;Tanggal"
    example = lines[1].split(";")
    example[0], example[1] = "1302104507510002", "Siti Rahmah"
    path.write_text("\n".join([lines[0], ";".join(example)]) + "\n", encoding="utf-8-sig")
    result = record_import.import_file(session("anggota1"), case_id, path)
    assert (result.imported, result.errors) == (1, [])


def test_template_refuses_another_format(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    with pytest.raises(InvalidInput, match="xlsx atau .csv"):
        record_import.write_template(session("ketua1"), case_id, tmp_path / "templat.ods")


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("KTP el", "ktp_rekam"),
        ("KTP-EL", "ktp_rekam"),
        ("ktp.el", "ktp_rekam"),
        ("e-KTP", "ktp_rekam"),
        ("KTP Elektronik", "ktp_rekam"),
        ("Cetak KTP-el", "ktp_cetak"),
        ("Kartu Identitas Anak", "kia"),
        ("KIA", "kia"),
        ("akte lahir", "akta_lahir"),
        ("Akta Kelahiran", "akta_lahir"),
        ("AKTE  KEMATIAN", "akta_mati"),
        ("ikd_aktivasi", "ikd"),
    ],
)
def test_common_spellings_of_categories_are_matched(tmp_path, spelling, code):
    make_office()
    case_id = at_step("pelayanan")
    path = tmp_path / "p.csv"
    path.write_text(
        f"NIK;Nama;Kategori;Sasaran;Hasil;Tanggal\n1302104507510002;Siti;{spelling};umum;selesai;{TODAY}\n"
    )
    result = record_import.import_file(session("ketua1"), case_id, path)
    assert (result.imported, result.errors) == (1, []), spelling
    assert ServiceRecord.get().category.code == code


def test_unknown_category_names_the_allowed_ones(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = tmp_path / "p.csv"
    path.write_text(
        f"NIK;Nama;Kategori;Sasaran;Hasil;Tanggal\n1302104507510002;Siti;SIM;umum;selesai;{TODAY}\n"
    )
    result = record_import.import_file(session("ketua1"), case_id, path)
    [error] = result.errors
    assert (error.row, error.column) == (2, "Kategori")
    assert "'SIM' tidak dikenal" in error.message and "KTP-el perekaman" in error.message
    assert "IKD aktivasi" in error.message


def test_category_key_ignores_case_spaces_hyphens_and_dots():
    assert len({category_key(s) for s in ("KTP el", "KTP-EL", "ktp.el", "KTP  El", "eKTP", "e-KTP")}) == 1


def test_nagari_column_is_optional_for_a_case_of_one_nagari(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    path = tmp_path / "p.csv"
    path.write_text(
        "NIK;Nama;Nagari;Kategori;Sasaran;Hasil;Tanggal\n"
        f"1302104507510002;Siti;;KIA;umum;selesai;{TODAY}\n"
        f"1302101203800011;Syafrizal;Koto Baru;KIA;umum;selesai;{TODAY}\n"
    )
    result = record_import.import_file(session("ketua1"), case_id, path)
    assert (result.imported, result.errors) == (2, [])
    assert {r.nagari_id for r in ServiceRecord.select()} == {nagari().id}


def test_nagari_column_stays_required_without_a_single_nagari(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    SopCase.update(nagari=None).where(SopCase.id == case_id).execute()
    path = tmp_path / "p.csv"
    path.write_text(
        f"NIK;Nama;Kategori;Sasaran;Hasil;Tanggal\n1302104507510002;Siti;KIA;umum;selesai;{TODAY}\n"
    )
    with pytest.raises(InvalidInput, match="Kolom wajib tidak ada di baris judul: Nagari"):
        record_import.import_file(session("ketua1"), case_id, path)
    assert ServiceCategory.select().count() > 0
