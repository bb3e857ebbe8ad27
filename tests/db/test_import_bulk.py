"""The import's bulk path: hostile text stored exactly, an .xlsx without <dimension> read once, the
checks remembered per batch still refusing every bad row, and the write as a team member's own
login on a secured PostgreSQL database (where COPY gives way to INSERT ... unnest)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from desktop.models import AuditLog, ServiceCategory, ServiceOutcome, ServiceRecord, TargetGroup, bulk, db
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import record_import

from .factories import make_office, nagari, session
from .test_permissions import at_step
from .test_pg_per_user_flow import PerUserConnections, per_user  # noqa: F401 (a fixture)

HEADER = [
    "NIK",
    "Nama",
    "KK",
    "Alamat",
    "Jorong",
    "Nagari",
    "Kategori",
    "Sasaran",
    "Hasil",
    "Alasan",
    "Tanggal",
]
# What a one-line field may hold and COPY or a driver could mangle: backslashes (COPY's escape),
# COPY's NULL and end-of-data markers as text, quotes of every kind, separators, non-BMP characters.
HOSTILE_LINES = [
    "Back\\slash \\N \\. \\t \\\\ end\\",
    "Quote \" double '' single ` back",
    "Semi;colon, comma | pipe\u00a0nbsp",
    "Non-BMP \U0001d54f \U0001f600 \U0002070e",
    "Siti Nurhaliza (\u0628\u0646\u062a) Zoë Müller",
]
# Multi-line notes the form keeps for other tables; the writer alone must carry them exactly.
HOSTILE_RAW = [*HOSTILE_LINES, "tab\there\tand", "line\nbreak\r\nand\rcr", "\\\t\\\n\\", ""]


def nik(i: int, region: str = "130210") -> str:
    return f"{region}{1 + i % 28:02d}{1 + (i // 28) % 12:02d}80{1 + i % 9999:04d}"


def rows(count: int, code: str, names=None) -> list[list]:
    today = dt.date.today().strftime("%d-%m-%Y")
    names = names or [f"Penduduk {i}" for i in range(count)]
    return [
        [nik(i), names[i % len(names)], "", names[i % len(names)], "Jorong Koto", code, "ktp_rekam"]
        + ["umum", "selesai", "", today]
        for i in range(count)
    ]


def write_csv(path, body) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *body])
    path.write_bytes(out.getvalue().encode("utf-8"))


# --- Both backends -------------------------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_hostile_text_goes_through_the_import_exactly_and_not_through_insert_many(tmp_path, monkeypatch):
    make_office()
    case_id = at_step("pelayanan")
    monkeypatch.setattr(ServiceRecord, "insert_many", None)  # the slow path is gone
    path = tmp_path / "pelayanan.csv"
    write_csv(path, rows(len(HOSTILE_LINES), nagari().code, HOSTILE_LINES))
    result = record_import.import_file(session("ketua1"), case_id, path)
    assert (result.imported, result.errors) == (len(HOSTILE_LINES), [])
    stored = ServiceRecord.select().where(ServiceRecord.case == case_id).order_by(ServiceRecord.nik)
    assert [(r.full_name, r.address, r.kk, r.note) for r in stored] == [
        (name, name, None, "") for name in HOSTILE_LINES
    ]
    assert {r.version for r in stored} == {1}
    assert {r.recorded_by_id for r in stored} == {session("ketua1").user_id}


@pytest.mark.usefixtures("database")
def test_the_bulk_writer_stores_tabs_newlines_and_backslashes_exactly():
    make_office()
    case_id = at_step("pelayanan")
    written = _raw_rows(case_id, session("ketua1").user_id, HOSTILE_RAW)
    with db.atomic():
        assert bulk.insert_rows(ServiceRecord, record_import.WRITTEN, iter(written)) == len(HOSTILE_RAW)
    stored = ServiceRecord.select().where(ServiceRecord.case == case_id).order_by(ServiceRecord.nik)
    assert [(r.note, r.kk, r.outcome_reason) for r in stored] == [(row[15], row[7], "") for row in written]
    assert {(r.served_on, r.version) for r in stored} == {(dt.date.today(), 1)}


def _raw_rows(case_id: int, user_id: int, notes: list[str]) -> list[tuple]:
    stamp = dt.datetime.now().replace(microsecond=0)
    place = nagari().id
    category = ServiceCategory.get(ServiceCategory.code == "ktp_rekam").id
    group = TargetGroup.get(TargetGroup.code == "umum").id
    outcome = ServiceOutcome.get(ServiceOutcome.code == "selesai").id
    return [
        (1, stamp, case_id, nik(i), "", f"Warga {i}", f"warga {i}", nik(1) if i % 2 else None, "", "", place)
        + (category, group, outcome, "", note, dt.date.today(), user_id, stamp)
        for i, note in enumerate(notes)
    ]


@pytest.mark.usefixtures("database")
def test_remembered_checks_still_refuse_every_bad_row(tmp_path):
    make_office()
    case_id = at_step("pelayanan")
    code = nagari().code
    good = rows(2, code)
    body = [
        good[0],
        [*good[1][:6], "paspor", *good[1][7:]],  # row 3: unknown category
        [nik(5), "B", "", "", "", code, "paspor", "umum", "selesai", "", good[0][-1]],  # row 4: again
        [nik(0)[:12] + "0000", "C", "", "", "", code, "kia", "umum", "selesai", "", good[0][-1]],  # serial
        ["990210" + nik(0)[6:], "D", "", "", "", code, "kia", "umum", "selesai", "", good[0][-1]],  # province
        [nik(7), "E", "", "", "", code, "kia", "umum", "selesai", "", "31-02-2026"],  # row 7: no such day
        [nik(8), "F", "", "", "", code, "kia", "umum", "selesai", "", "31-02-2026"],  # row 8: again
        [nik(9), "G", "", "", "", code, "kia", "umum", "selesai", "", good[0][-1]],
    ]
    path = tmp_path / "pelayanan.csv"
    write_csv(path, body)
    result = record_import.import_file(session("ketua1"), case_id, path)
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "Kategori"),
        (4, "Kategori"),
        (5, "NIK"),
        (6, "NIK"),
        (7, "Tanggal"),
        (8, "Tanggal"),
    ]
    assert result.errors[0].message == result.errors[1].message
    assert result.errors[0].message.startswith("Kategori layanan 'paspor' tidak dikenal.")
    assert result.errors[2].message == "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."
    assert result.errors[3].message == "Kode provinsi 99 pada NIK tidak ada."
    assert (
        result.errors[4].message
        == result.errors[5].message
        == ("Tanggal '31-02-2026' tidak dikenali; gunakan HH-BB-TTTT.")
    )
    assert (result.total_rows, result.imported) == (8, 0)
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0


def _without_dimension(path) -> None:
    """The sheet XML without its <dimension> tag, as several exporters write it."""
    source = zipfile.ZipFile(path)
    items = [(i, source.read(i.filename)) for i in source.infolist()]
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item, data in items:
            if item.filename.startswith("xl/worksheets/"):
                assert b"<dimension" in data
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            out.writestr(item, data)


@pytest.mark.usefixtures("database")
def test_an_xlsx_without_dimension_is_read_once_and_whole(tmp_path, monkeypatch):
    make_office()
    case_id = at_step("pelayanan")
    body = rows(300, nagari().code)
    for row in body:
        row[-1] = dt.date.today()  # a real date cell
    body[7][1] = "  Nama Berspasi  "
    body[8][0] = int(body[8][0])  # a NIK typed as a number
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *body]:
        sheet.append(row)
    sheet.append([None] * len(HEADER))  # an empty row, then one more written far below it
    sheet.cell(row=len(body) + 5, column=1, value=nik(400))
    for column, value in enumerate(rows(1, nagari().code)[0][1:], start=2):
        sheet.cell(row=len(body) + 5, column=column, value=value)
    path = tmp_path / "tanpa-dimensi.xlsx"
    book.save(path)
    _without_dimension(path)

    opened = []
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        if str(file) == str(path):
            opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr("openpyxl.load_workbook", None)  # reading never goes through openpyxl
    table = record_import.open_table(path)
    assert table.data_rows == len(body) + 4  # up to the last row written, as the sheet shows it
    result = record_import.import_records(session("ketua1"), case_id, table.rows)
    assert len(opened) == 1
    assert (result.total_rows, result.imported, result.errors) == (len(body) + 1, len(body) + 1, [])
    stored = {r.nik: r for r in ServiceRecord.select().where(ServiceRecord.case == case_id)}
    assert stored[body[7][0]].full_name == "Nama Berspasi"
    assert str(body[8][0]) in stored and nik(400) in stored
    assert {r.served_on for r in stored.values()} == {dt.date.today()}


def test_a_file_that_is_not_a_workbook_is_refused_in_indonesian(tmp_path):
    path = tmp_path / "bukan-excel.xlsx"
    path.write_text("NIK,Nama\n1302104507510002,Siti\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="Berkas .xlsx tidak dapat dibaca: berkasnya rusak"):
        record_import.open_table(path)


# --- A secured PostgreSQL database, as a team member's own login ------------------------------------


def test_a_team_member_imports_on_their_own_login_on_a_secured_database(
    per_user: PerUserConnections,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    make_office()
    case_id = at_step("pelayanan")
    monkeypatch.setattr(bulk, "UNNEST_CHUNK", 7)  # several INSERT ... unnest statements
    path = tmp_path / "pelayanan.csv"
    names = [*HOSTILE_LINES, *(f"Warga {i}" for i in range(15))]
    write_csv(path, rows(len(names), nagari().code, names))
    result = record_import.import_file(session("anggota1"), case_id, path)
    assert (result.imported, result.errors) == (len(names), [])
    assert per_user.calls.get("anggota1")
    stored = ServiceRecord.select().where(ServiceRecord.case == case_id).order_by(ServiceRecord.nik)
    assert [r.full_name for r in stored] == names
    assert {r.recorded_by_id for r in stored} == {session("anggota1").user_id}
    assert (
        AuditLog.select()
        .where((AuditLog.action == "pelayanan_diimpor") & (AuditLog.username == "anggota1"))
        .exists()
    )
    inserts = AuditLog.select().where(
        (AuditLog.action == "db_tambah") & (AuditLog.entity == "service_record")
    )
    assert inserts.where(AuditLog.username == "anggota1").count() == 3  # 20 rows, 7 a statement

    # The writer itself on that login: COPY is refused under row-level security, the fallback is not.
    written = _raw_rows(case_id, session("anggota1").user_id, HOSTILE_RAW)
    written = [row[:3] + (nik(100 + i),) + row[4:] for i, row in enumerate(written)]
    owner = db.obj
    db.initialize(per_user.database_of("anggota1"))
    try:
        with db.atomic():
            assert db.execute_sql("SELECT row_security_active('service_record')").fetchone()[0]
            assert bulk.insert_rows(ServiceRecord, record_import.WRITTEN, iter(written)) == len(HOSTILE_RAW)
    finally:
        db.initialize(owner)
    stored = ServiceRecord.select().where(ServiceRecord.nik.in_([row[3] for row in written]))
    assert [r.note for r in stored.order_by(ServiceRecord.nik)] == HOSTILE_RAW
