"""Kejar bola offline, end to end on both backends: a case taken out to two laptops, 500 people
recorded there with the office database unreachable, brought back, merged twice, its conflicts
resolved by the team leader (issue 17)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desktop.models import (
    AuditLog,
    FieldConflict,
    FieldPackage,
    ServiceRecord,
    connection,
)
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.errors import DatabaseUnavailable, DomainError, WorkflowError
from desktop.services.field import conflicts, export, merge, mode, package
from desktop.services.security.auth import login
from desktop.services.sijarla import service_records

from .factories import session
from .field_case import PASSPHRASE, case_in_service, nik, record

pytestmark = pytest.mark.usefixtures("database")


@contextlib.contextmanager
def office_down(url: str, request: pytest.FixtureRequest) -> Iterator[None]:
    """The office database unreachable: the SQLite file moved away, or the PostgreSQL database
    renamed (the laptop could not reach it whatever it tried)."""
    connection.close()
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(parts.path)
        away = path.with_name(path.name + ".pergi")
        shutil.move(path, away)
        try:
            yield
        finally:
            shutil.move(away, path)
        return
    server = request.getfixturevalue("pg_server")
    name = parts.path.lstrip("/")
    admin = server.connect()
    admin.autocommit = True
    try:
        admin.cursor().execute(f'ALTER DATABASE "{name}" RENAME TO "{name}_pergi"')
        try:
            yield
        finally:
            admin.cursor().execute(f'ALTER DATABASE "{name}_pergi" RENAME TO "{name}"')
    finally:
        admin.close()


def _office_is_unreachable(url: str) -> None:
    with pytest.raises((DatabaseUnavailable, DomainError, Exception)):
        connection.initialize(url)
        ServiceRecord.select().count()
    connection.close()


def _record_in_field(path: Path, username: str, people: range, *, twin: int | None = None):
    """Open a package, log in as `username`, record `people` (and `twin` again), edit every 25th,
    record 5 by mistake and delete them; the Siti Rahmah record edited on laptop 1 only."""
    info = mode.open_package(path, PASSPHRASE)
    try:
        member = login(username, DEMO_PASSWORD)
        ids = {}
        for i in people:
            ids[i] = service_records.add_record(
                member, info.case_id, record(nik(i, woman=i % 2 == 0), f"Warga Lapangan {i}")
            )
        if twin is not None:
            service_records.add_record(
                member, info.case_id, record(nik(twin, woman=twin % 2 == 0), "Warga Kembar")
            )
        for i in list(people)[::25]:
            service_records.update_record(
                member, ids[i], record(nik(i, woman=i % 2 == 0), f"Warga Lapangan {i} (diperbaiki)"), 1
            )
        mistakes = [
            service_records.add_record(member, info.case_id, record(nik(9000 + j), f"Salah Ketik {j}"))
            for j in range(5)
        ]
        for record_id in mistakes:
            service_records.delete_record(member, record_id, 1)
        siti = ServiceRecord.get(ServiceRecord.full_name == "Siti Rahmah")
        with pytest.raises(WorkflowError, match="hanya dapat dihapus"):
            service_records.delete_record(member, siti.id, siti.version)  # an office record stays
        if username == "anggota1":
            service_records.update_record(
                member, siti.id, record("1302034507510002", "Siti Rahmah Binti Ali"), 1
            )
        return info
    finally:
        mode.close()


def test_two_laptops_offline_merge_twice_conflict_and_duplicate(database, request, tmp_path):
    case_id = case_in_service()
    ketua = session("ketua1")
    taken = export.take_out(ketua, case_id, ["Laptop 1", "Laptop 2"], PASSPHRASE, tmp_path)
    assert [t.laptop for t in taken] == ["Laptop 1", "Laptop 2"]
    assert len(conflicts.case_out_in_field(case_id)) == 2  # the office sees the case is out
    siti = ServiceRecord.get(ServiceRecord.full_name == "Siti Rahmah")
    other = ServiceRecord.get(ServiceRecord.full_name == "Syafrizal")

    with office_down(database, request):
        _office_is_unreachable(database)
        _record_in_field(taken[0].path, "anggota1", range(0, 250))
        _record_in_field(taken[1].path, "anggota2", range(250, 500), twin=7)  # person 7 on both laptops

    connection.initialize(database)
    ketua = session("ketua1")
    # Meanwhile at the office: the same record the field changed, and another record of the case.
    service_records.update_record(
        ketua, siti.id, record("1302034507510002", "Siti Rahmah (kantor)"), siti.version
    )
    edited = record(
        "1302031203800011", "Syafrizal Kantor", "kia", "ditunda", outcome_reason="Akta lahir belum ada"
    )
    service_records.update_record(ketua, other.id, edited, other.version)

    first = merge.bring_back(ketua, taken[0].path)
    second = merge.bring_back(ketua, taken[1].path)
    assert (first.added, second.added) == (250, 250)
    assert first.conflicts == 1 and second.conflicts == 1  # Siti on laptop 1; person 7 again on laptop 2
    rows = list(ServiceRecord.select().where(ServiceRecord.case == case_id))
    field_rows = [r for r in rows if r.field_uid]
    assert len(field_rows) == 500 and len({r.field_uid for r in field_rows}) == 500
    assert len({r.nik for r in field_rows}) == 500  # 500 people, each once
    assert sum("(diperbaiki)" in r.full_name for r in field_rows) == 20  # edits made in the field came too
    assert not any(r.full_name.startswith("Salah Ketik") for r in rows)  # deleted in the field: gone
    assert {r.field_origin.split(" (")[0] for r in field_rows} == {"Laptop 1", "Laptop 2"}
    assert ServiceRecord.get_by_id(other.id).full_name == "Syafrizal Kantor"  # the office's other edit kept

    # A second import of either package adds nothing.
    again = merge.bring_back(ketua, taken[0].path)
    assert (again.added, again.updated, again.conflicts, again.already_returned) == (0, 0, 0, True)
    again = merge.bring_back(ketua, taken[1].path)
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == len(rows)

    # The leader sees both conflicts, both versions side by side, and decides.
    shown = conflicts.open_conflicts(ketua, case_id)
    assert sorted(c.kind for c in shown) == ["duplikat", "perubahan"]
    change = next(c for c in shown if c.kind == "perubahan")
    assert ("Nama", "Siti Rahmah (kantor)", "Siti Rahmah Binti Ali") in change.rows
    twin = next(c for c in shown if c.kind == "duplikat")
    assert twin.laptop == "Laptop 2" and "Warga Kembar" in twin.title
    with pytest.raises(DomainError):
        conflicts.resolve(session("anggota1"), change.id, "lapangan")  # the leader's decision only
    conflicts.resolve(ketua, change.id, "lapangan")
    conflicts.resolve(ketua, twin.id, "kantor")
    assert ServiceRecord.get_by_id(siti.id).full_name == "Siti Rahmah Binti Ali"
    assert conflicts.open_conflicts(ketua, case_id) == []
    assert FieldConflict.select().where(FieldConflict.status == "terbuka").count() == 0
    assert all(p.status == "dikembalikan" for p in conflicts.packages_of_case(ketua, case_id))
    assert conflicts.case_out_in_field(case_id) == []

    # The audit log names who recorded what, on which laptop, and when.
    line = (
        AuditLog.select()
        .where((AuditLog.action == "lapangan:pelayanan_dicatat") & AuditLog.entity_id.is_null(False))
        .order_by(AuditLog.id.desc())
        .first()
    )
    assert ServiceRecord.get_by_id(line.entity_id).case_id == case_id
    assert (
        '"oleh": "anggota2"' in line.detail
        and '"laptop": "Laptop 2"' in line.detail
        and '"pada"' in line.detail
    )
    assert FieldPackage.select().where(FieldPackage.status == "dikembalikan").count() == 2


def test_a_changed_byte_is_refused_and_the_office_is_untouched(database, tmp_path):
    case_id = case_in_service()
    ketua = session("ketua1")
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    data = bytearray(taken.path.read_bytes())
    before = ServiceRecord.select().count(), AuditLog.select().count()
    for offset in (len(package.MAGIC) + 10, len(data) // 2, len(data) - 1):
        altered = tmp_path / f"ubah-{offset}.ddlapangan"
        copy = bytearray(data)
        copy[offset] ^= 0x01
        altered.write_bytes(bytes(copy))
        with pytest.raises(package.PackageRefused, match="rusak atau telah diubah|bukan paket|Kata sandi"):
            merge.bring_back(ketua, altered)
        with pytest.raises(package.PackageRefused):
            package.open_package(altered, passphrase=PASSPHRASE)
    assert (ServiceRecord.select().count(), AuditLog.select().count() - before[1]) == (before[0], 0)
    truncated = tmp_path / "potong.ddlapangan"
    truncated.write_bytes(bytes(data[:-100]))
    with pytest.raises(package.PackageRefused, match="rusak atau telah diubah"):
        merge.bring_back(ketua, truncated)
    with pytest.raises(package.PackageRefused, match="Kata sandi paket salah"):
        package.open_package(taken.path, passphrase="bukan kata sandinya")
    assert merge.bring_back(ketua, taken.path).added == 0  # the whole one still merges


def test_take_out_refuses_what_it_must(database, tmp_path):
    tmp_path = tmp_path / "paket"
    tmp_path.mkdir()
    case_id = case_in_service()
    ketua, anggota = session("ketua1"), session("anggota1")
    with pytest.raises(DomainError, match="(?i)ketua tim"):
        export.take_out(anggota, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    with pytest.raises(DomainError, match="minimal"):
        export.take_out(ketua, case_id, ["Laptop 1"], "pendek", tmp_path)
    with pytest.raises(DomainError, match="tidak boleh sama"):
        export.take_out(ketua, case_id, ["Laptop 1", "laptop 1"], PASSPHRASE, tmp_path)
    with pytest.raises(DomainError, match="tidak sah"):
        export.take_out(ketua, case_id, ["../../etc"], PASSPHRASE, tmp_path)
    export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    with pytest.raises(DomainError, match="sudah ada"):  # nothing overwritten, nothing half-made
        export.take_out(ketua, case_id, ["Laptop 2", "Laptop 1"], PASSPHRASE, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SJL-2026-0001-Laptop-1.ddlapangan"]
    assert FieldPackage.select().count() == 1


def test_the_report_waits_for_every_package_and_conflict(database, tmp_path):
    from desktop.models import SopCase
    from desktop.services.sijarla import steps as sijarla

    case_id = case_in_service()
    ketua = session("ketua1")
    first, lost = export.take_out(ketua, case_id, ["Laptop 1", "Laptop 2"], PASSPHRASE, tmp_path)
    draft = sijarla.ReportDraft("Pendahuluan.", "Kegiatan di nagari.", "Berjalan baik.")

    def submit():
        return sijarla.submit_report(ketua, case_id, draft, SopCase.get_by_id(case_id).version)

    with pytest.raises(WorkflowError, match=r"belum dikembalikan \(Laptop 1, Laptop 2\)|Laptop 2, Laptop 1"):
        submit()
    connection.close()
    mode.open_package(first.path, PASSPHRASE)
    member = login("ketua1", DEMO_PASSWORD)
    service_records.add_record(member, case_id, record(nik(1), "Warga Satu"))
    siti = ServiceRecord.get(ServiceRecord.full_name == "Siti Rahmah")
    service_records.update_record(member, siti.id, record("1302034507510002", "Siti R. Lapangan"), 1)
    with pytest.raises(WorkflowError, match="dari kantor"):  # not from the laptop
        sijarla.submit_report(member, case_id, draft, SopCase.get_by_id(case_id).version)
    mode.close()
    connection.initialize(database)
    service_records.update_record(ketua, siti.id, record("1302034507510002", "Siti R. Kantor"), siti.version)
    assert merge.bring_back(ketua, first.path).conflicts == 1
    with pytest.raises(WorkflowError, match="Laptop 2"):
        submit()
    with pytest.raises(DomainError, match="ketua tim|Ketua Tim"):
        conflicts.cancel_package(session("anggota1"), lost.package_uid, "Laptop hilang di jalan")
    conflicts.cancel_package(ketua, lost.package_uid, "Laptop hilang di jalan")
    with pytest.raises(package.PackageRefused, match="sudah dibatalkan"):
        merge.bring_back(ketua, lost.path)
    with pytest.raises(WorkflowError, match="1 konflik"):
        submit()
    (conflict,) = conflicts.open_conflicts(ketua, case_id)
    conflicts.resolve(ketua, conflict.id, "kantor")
    assert ServiceRecord.get_by_id(siti.id).full_name == "Siti R. Kantor"
    submit()  # the merged records count in the report at once
    assert SopCase.get_by_id(case_id).current_step == "rekap"
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 3


def test_the_report_draft_written_in_the_field_comes_back(database, tmp_path):
    from desktop.services.errors import StaleRecord
    from desktop.services.sijarla import report_draft
    from desktop.services.sijarla.drafts import ReportDraft

    case_id = case_in_service()
    ketua = session("ketua1")
    assert report_draft.saved_report(ketua, case_id) is None
    version = report_draft.save_report_draft(ketua, case_id, ReportDraft("Pendahuluan kantor.", "", ""), None)
    with pytest.raises(StaleRecord):
        report_draft.save_report_draft(ketua, case_id, ReportDraft("Lain.", "", ""), None)
    with pytest.raises(DomainError, match="(?i)ketua tim"):
        report_draft.save_report_draft(session("anggota1"), case_id, ReportDraft("x", "", ""), version)
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    connection.close()
    mode.open_package(taken.path, PASSPHRASE)
    leader = login("ketua1", DEMO_PASSWORD)
    saved = report_draft.saved_report(leader, case_id)
    assert saved.draft.introduction == "Pendahuluan kantor." and not saved.submitted
    field_text = ReportDraft("Pendahuluan kantor.", "Perekaman KTP-el di kantor wali nagari.", "Lancar.")
    report_draft.save_report_draft(leader, case_id, field_text, saved.version)
    mode.close()
    connection.initialize(database)
    assert merge.bring_back(ketua, taken.path).updated >= 1
    back = report_draft.saved_report(ketua, case_id)
    assert back.draft.activities == "Perekaman KTP-el di kantor wali nagari." and back.version == version + 1


def test_a_field_package_is_never_copied_open_onto_the_laptops_disk(database, tmp_path):
    from desktop.models import migrations
    from desktop.services.office import backups

    case_id = case_in_service()
    (taken,) = export.take_out(session("ketua1"), case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    connection.close()
    mode.open_package(taken.path, PASSPHRASE)
    try:
        folder = tmp_path / "cadangan"
        assert backups.ensure_daily_backup(folder=folder) is None  # the day's backup skips it
        assert not folder.exists()
        with pytest.raises(ValueError):
            migrations.backup_sqlite(tmp_path / "salinan.sqlite3")
        assert not (tmp_path / "salinan.sqlite3").exists()
    finally:
        mode.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) in (
        [taken.path.name],
        [taken.path.name, "test.sqlite3"],
    )  # the sealed package only: no temporary or open copy left beside it


def test_a_field_record_the_offices_rules_now_refuse_is_kept_as_a_conflict(database, tmp_path):
    from desktop.models import ServiceCategory

    case_id = case_in_service()
    ketua = session("ketua1")
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    connection.close()
    mode.open_package(taken.path, PASSPHRASE)
    member = login("anggota1", DEMO_PASSWORD)
    service_records.add_record(member, case_id, record(nik(1), "Warga Benar"))
    service_records.add_record(member, case_id, record(nik(2), "Warga KIA", "kia"))
    mode.close()
    connection.initialize(database)
    # Meanwhile the office stopped offering the service the laptop recorded.
    ServiceCategory.update(is_active=False).where(ServiceCategory.code == "kia").execute()
    before = ServiceRecord.select().count()
    result = merge.bring_back(ketua, taken.path)
    assert (result.added, result.conflicts) == (1, 1)
    assert ServiceRecord.select().count() == before + 1
    (refused,) = conflicts.open_conflicts(ketua, case_id)
    assert refused.kind == "tidak_sah" and not refused.may_take_field and "Warga KIA" in refused.title
    assert refused.message  # the office's own words for why
    with pytest.raises(WorkflowError, match="tidak lolos pemeriksaan"):
        conflicts.resolve(ketua, refused.id, "lapangan")
    conflicts.resolve(ketua, refused.id, "kantor")
    assert conflicts.open_conflicts(ketua, case_id) == []
