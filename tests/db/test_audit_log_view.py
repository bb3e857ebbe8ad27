"""The administrator's view of the audit log: filters, literal text, paging, refusals and exports.

Every test runs on SQLite and on PostgreSQL. Lines are written straight into the log with chosen
times (entity "uji"), so each filter has something to narrow; the demo office's own lines
(made while setting it up) are kept out with the entity filter where counts matter.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.models import AuditLog
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.security import audit_log
from desktop.services.security.audit_log import AuditFilter

from .factories import make_office, session

MONDAY = dt.datetime(2026, 3, 2, 9, 0)
HOSTILE = ("%", "_", "'", '"; DROP TABLE audit_log; --', "\\")


@pytest.fixture(autouse=True)
def office(database):
    make_office()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for exports (the SQLite test database lives in tmp_path)."""
    folder = tmp_path / "ekspor"
    folder.mkdir()
    return folder


def write(at: dt.datetime, username: str, action: str, entity: str = "uji", **detail) -> int:
    row = AuditLog.create(
        at=at,
        username=username,
        action=action,
        entity=entity,
        entity_id=7,
        detail=json.dumps(detail, ensure_ascii=False) if detail else "",
        workstation="PC-LOKET-1",
    )
    return row.id


def uji(**changes) -> AuditFilter:
    return AuditFilter(entity="uji", **changes)


def week_of_lines() -> None:
    for day in range(5):
        at = MONDAY + dt.timedelta(days=day)
        write(at, "meja", "surat_didaftarkan", nomor=f"140/{day}")
        write(at + dt.timedelta(hours=1), "kabid", "disposisi_dibuat", catatan="segera")
        write(at + dt.timedelta(hours=2), "ketua1", "cari_penduduk", kata_kunci="Siti", hasil=day)


def test_each_filter_narrows_the_lines():
    week_of_lines()
    admin = session("admin")
    assert audit_log.count(admin, uji()) == 15
    assert audit_log.count(admin, uji(date_from=dt.date(2026, 3, 4))) == 9
    assert audit_log.count(admin, uji(date_to=dt.date(2026, 3, 3))) == 6
    assert audit_log.count(admin, uji(date_from=dt.date(2026, 3, 3), date_to=dt.date(2026, 3, 3))) == 3
    assert audit_log.count(admin, uji(username="kabid")) == 5
    assert audit_log.count(admin, uji(username="KET")) == 5  # part of a name, any case
    assert audit_log.count(admin, uji(action="cari_penduduk")) == 5
    assert audit_log.count(admin, uji(action="cari")) == 0  # an action is chosen whole from the list
    assert audit_log.count(admin, uji(text="140/3")) == 1
    assert audit_log.count(admin, uji(text="siti")) == 5
    assert audit_log.count(admin, uji(username="meja", date_from=dt.date(2026, 3, 5))) == 2
    assert audit_log.count(admin, AuditFilter(entity="tidak_ada")) == 0
    assert {"surat_didaftarkan", "disposisi_dibuat", "cari_penduduk"} <= set(
        audit_log.distinct_actions(admin)
    )


def test_lines_come_newest_first_with_readable_detail():
    week_of_lines()
    lines = audit_log.page(session("admin"), uji(), 0, 3)
    assert [line.at for line in lines] == sorted((line.at for line in lines), reverse=True)
    newest = lines[0]
    assert (newest.username, newest.action, newest.entity, newest.entity_id) == (
        "ketua1",
        "cari_penduduk",
        "uji",
        7,
    )
    assert newest.detail == "kata kunci: Siti; hasil: 4"
    assert newest.workstation == "PC-LOKET-1"


def test_detail_that_is_not_a_json_object_is_shown_as_it_is():
    assert audit_log.readable_detail("") == ""
    assert audit_log.readable_detail("teks lama") == "teks lama"
    assert audit_log.readable_detail('{"daftar": [1, 2], "kosong": null}') == "daftar: [1, 2]; kosong: -"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_matched_literally(hostile: str):
    write(MONDAY, "meja", "uji_teks", isi=f"awal {hostile} akhir")
    write(MONDAY, "meja", "uji_teks", isi="awal biasa akhir 100 persen a-b")
    write(MONDAY, f"u{hostile}x"[:40], "uji_teks")
    admin = session("admin")
    assert audit_log.count(admin, uji(text=hostile)) == 1
    assert audit_log.page(admin, uji(text=hostile), 0, 10)[0].detail == f"isi: awal {hostile} akhir"
    assert audit_log.count(admin, uji(username=hostile)) == 1
    assert audit_log.count(admin, uji(action=hostile)) == 0
    assert audit_log.count(admin, AuditFilter(entity=hostile)) == 0
    assert AuditLog.select().count() > 3  # nothing was dropped


def test_pages_are_disjoint_and_consecutive():
    for i in range(23):
        write(MONDAY + dt.timedelta(minutes=i // 2), "meja", "uji_halaman", nomor=i)  # ties on `at`
    admin = session("admin")
    pages = [audit_log.page(admin, uji(), offset, 10) for offset in (0, 10, 20)]
    assert [len(p) for p in pages] == [10, 10, 3]
    ids = [line.id for p in pages for line in p]
    assert len(set(ids)) == 23
    keys = [(line.at, line.id) for p in pages for line in p]
    assert keys == sorted(keys, reverse=True)
    assert audit_log.page(admin, uji(), 30, 10) == []


def test_bad_requests_are_refused_in_indonesian(out: Path):
    admin = session("admin")
    with pytest.raises(InvalidInput, match="Tanggal awal"):
        audit_log.count(admin, AuditFilter(date_from=dt.date(2026, 3, 5), date_to=dt.date(2026, 3, 4)))
    with pytest.raises(InvalidInput, match="Ukuran halaman"):
        audit_log.page(admin, AuditFilter(), 0, 100_000)
    with pytest.raises(InvalidInput, match=r"\.csv atau \.xlsx"):
        audit_log.export(admin, AuditFilter(), out / "log.pdf")
    with pytest.raises(InvalidInput, match="tidak sah"):
        audit_log.count(admin, AuditFilter(text="a\x00b"))
    assert list(out.iterdir()) == []


def test_only_the_administrator_reads_the_log(out: Path):
    week_of_lines()
    for username in ("meja", "kabid", "kadis", "ketua1"):
        actor = session(username)
        with pytest.raises(PermissionDenied, match="Administrator"):
            audit_log.count(actor, AuditFilter())
        with pytest.raises(PermissionDenied):
            audit_log.page(actor, AuditFilter(), 0, 10)
        with pytest.raises(PermissionDenied):
            audit_log.distinct_actions(actor)
        with pytest.raises(PermissionDenied):
            audit_log.export(actor, AuditFilter(), out / "log.csv")
    assert list(out.iterdir()) == []
    assert not AuditLog.select().where(AuditLog.action == "log_audit_diekspor").exists()


def read_back(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True).active
    rows = []
    for values in sheet.iter_rows(values_only=True):
        cells = [
            value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, dt.datetime) else value
            for value in values
        ]
        rows.append(["" if value is None else str(value) for value in cells])
    return rows


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_holds_exactly_the_filtered_lines_and_is_logged(
    out: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
):
    monkeypatch.setattr(audit_log, "EXPORT_CHUNK", 4)  # several chunks, and ties on `at` across them
    week_of_lines()
    write(MONDAY, "meja", "surat_didaftarkan", nomor='=HYPERLINK("x")', catatan="Ñagari 'ü'")
    chosen = uji(username="meja")
    admin = session("admin")
    expected = audit_log.page(admin, chosen, 0, 100)
    assert len(expected) == 6

    result = audit_log.export(admin, chosen, out / f"log-audit{suffix}")

    assert result.rows == 6
    rows = read_back(result.path)
    assert rows[0] == list(audit_log.EXPORT_HEADER)
    assert [row[5] for row in rows[1:]] == [line.detail for line in expected]
    first = rows[1]
    assert first[:5] == [
        expected[0].at.strftime("%Y-%m-%d %H:%M:%S"),
        "meja",
        "Surat didaftarkan",  # actions and entities as the administrator reads them on screen
        "Uji",
        "7",
    ]
    assert first[6] == "PC-LOKET-1"
    assert any("Ñagari 'ü'" in row[5] for row in rows)
    assert [p.name for p in out.iterdir()] == [f"log-audit{suffix}"]  # no temporary file left

    logged = AuditLog.select().where(AuditLog.action == "log_audit_diekspor").get()
    assert logged.username == "admin"
    detail = json.loads(logged.detail)
    assert detail["baris"] == 6
    assert detail["berkas"] == f"log-audit{suffix}"
    assert detail["filter"] == {"username": "meja", "entity": "uji"}


def test_an_exported_formula_stays_text(out: Path):
    write(MONDAY, "=1+1", "uji_rumus", isi="x")
    admin = session("admin")
    chosen = uji(action="uji_rumus")
    csv_rows = read_back(audit_log.export(admin, chosen, out / "a.csv").path)
    assert csv_rows[1][1] == "'=1+1"
    from openpyxl import load_workbook

    sheet = load_workbook(audit_log.export(admin, chosen, out / "a.xlsx").path).active
    assert sheet.cell(2, 2).value == "=1+1"
    assert sheet.cell(2, 2).data_type == "s"
