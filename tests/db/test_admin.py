"""The administrator's use cases: only an administrator may call them, stale edits are refused with
who changed the record, and accounts, settings, reference data and backups behave as the office expects."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from pathlib import Path

import pytest

from desktop import config
from desktop.models import AuditLog, Holiday, Nagari, Office, User, connection
from desktop.services import workstation
from desktop.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    PermissionDenied,
    StaleRecord,
    WorkflowError,
)
from desktop.services.office import admin, backups, reference_data
from desktop.services.office.users import NewUser
from desktop.services.security import auth
from tests.conftest import free_port

from .factories import make_office, office_draft, session

pytestmark = pytest.mark.usefixtures("database")


def png(width: int = 2, height: int = 2, padding: int = 0) -> bytes:
    """A real (tiny) PNG; `padding` adds an ancillary chunk to make it bigger."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    extra = chunk(b"tEXt", b"c\x00" + b"x" * padding) if padding else b""
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- Only an administrator ------------------------------------------------------------------------

ADMIN_CALLS = {
    "list_users": lambda a: admin.list_users(a),
    "role_choices": lambda a: admin.role_choices(a),
    "create_user": lambda a: admin.create_user(
        a, NewUser("baru", "Pegawai Baru", "rahasia123", ("kasi_inovasi",))
    ),
    "update_profile": lambda a: admin.update_profile(a, 1, "X", None, "", "", 1),
    "set_roles": lambda a: admin.set_roles(a, 1, ["kasi_inovasi"], 1),
    "give_role": lambda a: admin.give_role(a, 1, "kasi_inovasi", 1),
    "take_role": lambda a: admin.take_role(a, 1, "kasi_inovasi", 1),
    "deactivate_user": lambda a: admin.deactivate_user(a, 2, 1),
    "reactivate_user": lambda a: admin.reactivate_user(a, 2, 1),
    "unlock_user": lambda a: admin.unlock_user(a, 2, 1),
    "reset_password": lambda a: admin.reset_password(a, 2, "sandibaru123", 1),
    "office_settings": lambda a: admin.office_settings(a),
    "kabupaten_choices": lambda a: admin.kabupaten_choices(a),
    "update_office": lambda a: admin.update_office(a, office_draft(), 1),
    "list_signers": lambda a: admin.list_signers(a),
    "save_signer": lambda a: admin.save_signer(a, "kepala_dinas", 1, "KEPALA DINAS", 1),
    "list_patterns": lambda a: admin.list_patterns(a),
    "update_pattern": lambda a: admin.update_pattern(a, 1, admin.PatternDraft("x", "{seq}", "", "", True), 1),
    "list_kecamatan": lambda a: reference_data.list_kecamatan(a),
    "list_nagari": lambda a: reference_data.list_nagari(a),
    "add_nagari": lambda a: reference_data.add_nagari(a, 1, "13.02.01.9999", "Nagari Baru"),
    "rename_nagari": lambda a: reference_data.rename_nagari(a, 1, "Nama Baru", 1),
    "set_nagari_active": lambda a: reference_data.set_nagari_active(a, 1, False, 1),
    "list_jorong": lambda a: reference_data.list_jorong(a, 1),
    "add_jorong": lambda a: reference_data.add_jorong(a, 1, "Jorong Baru"),
    "rename_jorong": lambda a: reference_data.rename_jorong(a, 1, "Jorong Lain", 1),
    "remove_jorong": lambda a: reference_data.remove_jorong(a, 1, 1),
    "list_codes": lambda a: reference_data.list_codes(a, "kategori"),
    "add_code": lambda a: reference_data.add_code(a, "kategori", "baru", "Baru"),
    "rename_code": lambda a: reference_data.rename_code(a, "kategori", 1, "Baru", 1),
    "set_code_active": lambda a: reference_data.set_code_active(a, "kategori", 1, False, 1),
    "list_holidays": lambda a: reference_data.list_holidays(a, 2026),
    "add_holiday": lambda a: reference_data.add_holiday(a, dt.date(2026, 8, 20), "Hari jadi kabupaten"),
    "remove_holiday": lambda a: reference_data.remove_holiday(a, 1, 1),
    "import_holidays": lambda a: reference_data.import_holidays(a, 2030),
    "backup_now": lambda a: backups.backup_now(a),
    "list_backups": lambda a: backups.list_backups(a),
    "restore": lambda a: backups.restore(a, Path("tidak-ada.sqlite3")),
    "configured_database": lambda a: workstation.configured_database(a),
    "check_database_connection": lambda a: workstation.check_database_connection(
        a, "sqlite:///tidak-ada.sqlite3"
    ),
    "save_database_url": lambda a: workstation.save_database_url(a, "sqlite:///x.sqlite3"),
    "receipt_test_page": lambda a: workstation.receipt_test_page(a, 80, "tcp://127.0.0.1:9100"),
}


def test_the_permission_matrix_names_every_public_admin_use_case():
    public = {
        name
        for module in (admin, reference_data, workstation, backups)
        for name, value in vars(module).items()
        if callable(value)
        and getattr(value, "__module__", "") == module.__name__
        and not name.startswith("_")
        and not isinstance(value, type)
    }
    # No actor: nothing is read or written.
    pure = {
        "example_number",
        "check_logo",
        "with_password",
        "without_password",
        "daily_name",
        "receipt_column_choices",
    }
    system = {"ensure_daily_backup", "prune"}  # the app's own daily backup at start-up, no user behind it
    # Checks without a role check of their own: their callers decide (the admin use cases here, and
    # services.first_start, which allows them only while the office has no account).
    shared = {"clean_office", "probe_database"}
    assert public - pure - system - shared == set(ADMIN_CALLS)


def test_a_non_administrator_is_refused_every_admin_use_case(monkeypatch):
    make_office()
    saved: list[str] = []
    monkeypatch.setattr(config, "save_database_url", saved.append)
    before = AuditLog.select().count()
    outcomes: dict[tuple[str, str], str] = {}
    for username in ("kasi", "kadis", "meja"):
        actor = session(username)
        for name, call in ADMIN_CALLS.items():
            try:
                call(actor)
            except PermissionDenied as exc:
                outcomes[(username, name)] = "ditolak" if "Administrator" in exc.message else exc.message
            except Exception as exc:  # noqa: BLE001 - reported below with the function's name
                outcomes[(username, name)] = f"{type(exc).__name__}: {exc}"
            else:
                outcomes[(username, name)] = "DIIZINKAN"
    wrong = {key: outcome for key, outcome in outcomes.items() if outcome != "ditolak"}
    assert not wrong, wrong
    assert len(outcomes) == 3 * len(ADMIN_CALLS)
    assert saved == []
    assert AuditLog.select().count() == before


def test_a_deactivated_administrator_is_refused_too():
    make_office()
    admin.create_user(session("admin"), NewUser("admin2", "Admin Kedua", "rahasia123", ("administrator",)))
    old = session("admin2")
    target = User.get(User.username == "admin2")
    admin.deactivate_user(session("admin"), target.id, target.version)
    with pytest.raises(PermissionDenied):
        admin.list_users(old)


# --- Accounts -------------------------------------------------------------------------------------


def test_admin_adds_a_user_with_two_roles_then_deactivates_and_unlocks():
    make_office()
    actor = session("admin")
    row = admin.create_user(
        actor,
        NewUser(
            "rahmi",
            "Rahmi Yanti, S.Kom",
            "rahasia123",
            ("kasi_inovasi", "pejabat_struktural"),
            jabatan="Kasi",
        ),
    )
    assert set(row.roles) == {"kasi_inovasi", "pejabat_struktural"} and row.is_active and row.version == 1
    assert auth.login("rahmi", "rahasia123").roles == frozenset({"kasi_inovasi", "pejabat_struktural"})

    row = admin.deactivate_user(actor, row.id, row.version)
    assert not row.is_active
    with pytest.raises(AuthenticationFailed, match="dinonaktifkan"):
        auth.login("rahmi", "rahasia123")
    row = admin.reactivate_user(actor, row.id, row.version)

    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            auth.login("rahmi", "salah-sandi")
    row = next(u for u in admin.list_users(actor) if u.username == "rahmi")
    assert row.is_locked()
    row = admin.unlock_user(actor, row.id, row.version)
    assert not row.is_locked() and row.failed_logins == 0
    assert auth.login("rahmi", "rahasia123").username == "rahmi"
    actions = [a.action for a in AuditLog.select().where(AuditLog.entity_id == row.id).order_by(AuditLog.id)]
    assert {"pengguna_dibuat", "pengguna_dinonaktifkan", "pengguna_diaktifkan", "akun_dibuka"} <= set(actions)


def test_roles_are_given_and_taken_and_the_last_administrator_stays():
    make_office()
    actor = session("admin")
    kasi = next(u for u in admin.list_users(actor) if u.username == "kasi")
    kasi = admin.give_role(actor, kasi.id, "pelaksana_teknis", kasi.version)
    assert set(kasi.roles) == {"kasi_inovasi", "pejabat_struktural", "pelaksana_teknis"}
    kasi = admin.take_role(actor, kasi.id, "pejabat_struktural", kasi.version)
    assert set(kasi.roles) == {"kasi_inovasi", "pelaksana_teknis"}
    with pytest.raises(InvalidInput, match="paling sedikit satu peran"):
        admin.set_roles(actor, kasi.id, [], kasi.version)

    me = next(u for u in admin.list_users(actor) if u.username == "admin")
    with pytest.raises(InvalidInput, match="Administrator aktif terakhir"):
        admin.set_roles(actor, me.id, ["kasi_inovasi"], me.version)
    with pytest.raises(InvalidInput, match="akun Anda sendiri"):
        admin.deactivate_user(actor, me.id, me.version)


def test_a_stale_account_edit_names_who_changed_it():
    make_office()
    actor = session("admin")
    kasi = next(u for u in admin.list_users(actor) if u.username == "kasi")
    admin.reset_password(actor, kasi.id, "sandibaru123", kasi.version)
    with pytest.raises(StaleRecord, match="diubah oleh admin pada"):
        admin.set_roles(actor, kasi.id, ["kasi_inovasi"], kasi.version)
    assert auth.login("kasi", "sandibaru123").username == "kasi"
    with pytest.raises(InvalidInput, match="minimal 8"):
        admin.reset_password(actor, kasi.id, "pendek", kasi.version + 1)


# --- Office settings, signers, numbering ---------------------------------------------------------


def test_office_settings_save_with_logo_and_refuse_a_stale_version():
    make_office()
    actor = session("admin")
    current = admin.office_settings(actor)
    assert current.version == 1 and current.paper_size == "A4"
    saved = admin.update_office(actor, office_draft(logo_png=png()), current.version)
    assert (saved.version, saved.paper_size, saved.idle_lock_minutes) == (2, "F4", 10)
    assert saved.logo_png == png()

    with pytest.raises(StaleRecord, match="Pengaturan kantor sudah diubah oleh admin"):
        admin.update_office(actor, office_draft(city="Solok"), current.version)
    assert Office.get().city == "Arosuka"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"logo_png": b"GIF89a" + b"\x00" * 40}, "logo_png"),
        ({"logo_png": png(padding=admin.MAX_LOGO_BYTES)}, "logo_png"),
        ({"paper_size": "Letter"}, "paper_size"),
        ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
        ({"email": "bukan-surel"}, "email"),
        ({"government": "  "}, "government"),
        ({"kabupaten_code": "99.99"}, "kabupaten_code"),
    ],
)
def test_office_settings_refuse_what_a_letter_cannot_use(overrides, field):
    make_office()
    actor = session("admin")
    with pytest.raises(InvalidInput) as caught:
        admin.update_office(actor, office_draft(**overrides), admin.office_settings(actor).version)
    assert caught.value.field == field


def test_office_settings_are_created_on_a_fresh_installation():
    make_office()
    Office.delete().execute()
    actor = session("admin")
    assert admin.office_settings(actor).version == 0
    assert admin.update_office(actor, office_draft(), 0).version == 1


def test_signers_are_set_per_purpose():
    make_office()
    actor = session("admin")
    rows = {r.purpose: r for r in admin.list_signers(actor)}
    assert rows["kepala_dinas"].full_name == "Hendri Yusman, S.STP, M.Si"
    assert rows["kabid_pemanfaatan"].id is None
    kabid = User.get(User.username == "kabidpdip")
    row = admin.save_signer(actor, "kabid_pemanfaatan", kabid.id, "KEPALA BIDANG PDIP", 0)
    assert (row.full_name, row.title, row.version) == ("Erni Susanti, S.Si, M.T.", "KEPALA BIDANG PDIP", 1)
    with pytest.raises(StaleRecord):
        admin.save_signer(actor, "kepala_dinas", kabid.id, "PLH KEPALA DINAS", 7)


def test_numbering_patterns_are_checked_and_show_the_next_number():
    make_office()
    actor = session("admin")
    rows = {p.code: p for p in admin.list_patterns(actor)}
    st = rows["surat_tugas"]
    assert st.next_seq == 1
    assert admin.example_number(st.pattern, st.klasifikasi, st.unit, 7, dt.date(2026, 3, 2)) == (
        "400.12/007/ST/Disdukcapil/2026"
    )
    with pytest.raises(InvalidInput, match=r"\{seq\}"):
        admin.update_pattern(
            actor, st.id, admin.PatternDraft(st.name, "{klasifikasi}/{year}", "", "", True), 1
        )
    with pytest.raises(InvalidInput, match="nomor"):
        admin.example_number("{nomor}/{seq}", "", "", 1, dt.date(2026, 1, 1))
    draft = admin.PatternDraft(
        st.name, "{klasifikasi}/{seq:03}/ST/{unit}/{bulan}/{year}", "470", "Dukcapil", True
    )
    row = admin.update_pattern(actor, st.id, draft, st.version)
    assert (
        row.pattern.endswith("{bulan}/{year}") and row.klasifikasi == "470" and row.version == st.version + 1
    )


# --- Reference data ---------------------------------------------------------------------------------


def test_nagari_and_jorong_are_added_renamed_and_deactivated():
    make_office()
    actor = session("admin")
    kecamatan = reference_data.list_kecamatan(actor)[0]
    with pytest.raises(InvalidInput, match="Kode nagari"):
        reference_data.add_nagari(actor, kecamatan.id, "13.99.01.2001", "Salah Kecamatan")
    nagari = reference_data.add_nagari(actor, kecamatan.id, f"{kecamatan.code}.2999", "Nagari Pemekaran")
    assert nagari.is_active and nagari.kecamatan == kecamatan.name
    nagari = reference_data.rename_nagari(actor, nagari.id, "Nagari Pemekaran Baru", nagari.version)
    nagari = reference_data.set_nagari_active(actor, nagari.id, False, nagari.version)
    assert not Nagari.get_by_id(nagari.id).is_active
    with pytest.raises(StaleRecord):
        reference_data.rename_nagari(actor, nagari.id, "Lain", 1)

    jorong = reference_data.add_jorong(actor, nagari.id, "Jorong Koto")
    with pytest.raises(InvalidInput, match="sudah ada"):
        reference_data.add_jorong(actor, nagari.id, "jorong koto")
    jorong = reference_data.rename_jorong(actor, jorong.id, "Jorong Koto Tuo", jorong.version)
    assert [j.name for j in reference_data.list_jorong(actor, nagari.id)] == ["Jorong Koto Tuo"]
    reference_data.remove_jorong(actor, jorong.id, jorong.version)
    assert reference_data.list_jorong(actor, nagari.id) == []


def test_code_lists_grow_and_entries_are_hidden_not_deleted():
    make_office()
    actor = session("admin")
    item = reference_data.add_code(actor, "hasil", "rujuk", "Dirujuk ke kantor", needs_reason=True)
    assert item.needs_reason and not item.counts_as_served
    assert reference_data.list_codes(actor, "hasil")[-1].code == "rujuk"
    item = reference_data.rename_code(actor, "hasil", item.id, "Dirujuk ke kantor dinas", item.version)
    item = reference_data.set_code_active(actor, "hasil", item.id, False, item.version)
    assert not item.is_active and item.name == "Dirujuk ke kantor dinas"
    with pytest.raises(InvalidInput, match="sudah ada"):
        reference_data.add_code(actor, "kategori", "kia", "KIA lagi")
    with pytest.raises(InvalidInput, match="Kode 2-40"):
        reference_data.add_code(actor, "sasaran", "Lansia!", "Lansia")
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        reference_data.list_codes(actor, "agama")


def test_holidays_are_imported_for_a_year_and_the_office_adds_its_own():
    make_office()
    actor = session("admin")
    assert reference_data.list_holidays(actor, 2031) == []
    added = reference_data.import_holidays(actor, 2031)
    rows = reference_data.list_holidays(actor, 2031)
    assert added == len(rows) > 10
    assert any(r.day == dt.date(2031, 8, 17) and r.kind == "nasional" for r in rows)
    assert reference_data.import_holidays(actor, 2031) == 0  # nothing twice

    own = reference_data.add_holiday(actor, dt.date(2031, 9, 9), "Hari jadi kabupaten")
    assert own.kind_label == "Libur kantor"
    with pytest.raises(InvalidInput, match="sudah tercatat"):
        reference_data.add_holiday(actor, dt.date(2031, 8, 17), "Lagi")
    reference_data.remove_holiday(actor, own.id, own.version)
    assert not Holiday.select().where(Holiday.day == dt.date(2031, 9, 9)).exists()


# --- Backups ---------------------------------------------------------------------------------------


def test_backup_and_restore_round_trip_on_sqlite(backend, tmp_path):
    make_office()
    actor = session("admin")
    if backend == "postgresql":
        with pytest.raises(WorkflowError, match="pg_dump"):
            backups.backup_now(actor)
        with pytest.raises(WorkflowError, match="pg_restore"):
            backups.restore(actor, tmp_path / "x.sqlite3")
        return
    backup = backups.backup_now(actor)
    assert backup.size_bytes > 0 and backups.list_backups(actor)[0].path == backup.path
    assert backup.kind_label == "Dibuat Administrator"
    chosen = tmp_path / "salinan.db"
    assert backups.backup_now(actor, chosen).path == chosen
    again = backups.backup_now(actor, chosen)  # the file is there: a new name beside it, the old copy kept
    assert again.path != chosen and again.path.suffix == ".db" and chosen.exists()
    reference_data.add_holiday(actor, dt.date(2031, 9, 9), "Ditambah setelah cadangan")

    result = backups.restore(actor, backup.path)
    assert not Holiday.select().where(Holiday.day == dt.date(2031, 9, 9)).exists()
    assert result.safety_copy.exists() and "sebelum-pemulihan" in result.safety_copy.name
    assert [b.kind_label for b in backups.list_backups(actor) if b.path == result.safety_copy] == [
        "Sebelum pemulihan"
    ]
    assert AuditLog.select().where(AuditLog.action == "database_dipulihkan").exists()
    with pytest.raises(InvalidInput, match="tidak ditemukan"):
        backups.restore(actor, tmp_path / "tidak-ada.sqlite3")
    junk = tmp_path / "bukan.sqlite3"
    junk.write_bytes(b"bukan database")
    with pytest.raises(InvalidInput):
        backups.restore(actor, junk)


# --- Workstation ---------------------------------------------------------------------------------


def test_connection_check_succeeds_on_the_test_server_and_fails_on_a_closed_port(request, backend):
    make_office()
    actor = session("admin")
    server = request.getfixturevalue("pg_server")
    url = server.url("postgres")
    bare = url.replace(f":{server.password}@", "@")

    ok = workstation.check_database_connection(actor, bare, server.password)
    assert ok.ok and ok.backend == "postgresql" and ok.server_version.startswith("PostgreSQL")
    assert server.password not in ok.message + ok.location

    closed = workstation.check_database_connection(
        actor, f"postgresql://postgres@127.0.0.1:{free_port()}/x", "pw"
    )
    assert not closed.ok and closed.message.startswith("Koneksi gagal")
    assert "pw" not in closed.location
    assert not workstation.check_database_connection(actor, "mysql://server/db").ok
    assert connection.is_sqlite() == (backend == "sqlite")  # the app's own connection is untouched
    assert admin.list_users(actor)


def test_saving_the_database_url_keeps_it_for_the_next_start(password_store):
    make_office()
    saved = workstation.save_database_url(
        session("admin"), "postgresql://dinas@10.0.0.5:5432/dinas?sslmode=verify-full", "s3cr3t/x"
    )
    assert saved == workstation.SavedDatabase("10.0.0.5:5432/dinas", password_in_store=True)
    assert password_store.passwords == {("Dinas Desk", "dinas@10.0.0.5:5432/dinas"): "s3cr3t/x"}
    next_start = config.load_workstation_settings().database_url
    assert next_start == "postgresql://dinas:s3cr3t%2Fx@10.0.0.5:5432/dinas?sslmode=verify-full"
    assert (
        workstation.without_password(next_start)
        == "postgresql://dinas@10.0.0.5:5432/dinas?sslmode=verify-full"
    )
    shown = workstation.configured_database(session("admin"))
    assert shown.url == "postgresql://dinas@10.0.0.5:5432/dinas?sslmode=verify-full" and shown.has_password
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        workstation.save_database_url(session("admin"), "mysql://server/db")
    with pytest.raises(InvalidInput, match="sslmode=verify-full") as refused:  # the TLS rule, on by default
        workstation.save_database_url(session("admin"), "postgresql://dinas@10.0.0.6:5432/dinas", "x")
    assert refused.value.field == "url"
    assert config.load_workstation_settings().database_url == next_start  # the earlier one stays
    assert "s3cr3t" not in "".join(a.detail for a in AuditLog.select())


def test_receipt_test_page_is_ascii_escpos():
    make_office()
    data = workstation.receipt_test_page(session("admin"), 58, "tcp://127.0.0.1:9100")
    assert data.startswith(b"\x1b@") and b"HALAMAN UJI PRINTER STRUK" in data
    assert not data.endswith(b"\x1dV\x00")  # a 58 mm printer has no cutter
    assert workstation.receipt_test_page(session("admin"), 80, "x").endswith(b"\x1dV\x00")


@pytest.mark.parametrize(("width", "columns"), [(58, 32), (80, 42), (80, 48)])
def test_receipt_test_page_fits_the_printers_column_count(width, columns):
    make_office()
    data = workstation.receipt_test_page(session("admin"), width, "tcp://127.0.0.1:9100/" + "x" * 80, columns)
    lines = data[len(b"\x1b@\x1ba\x01") :].split(b"\n")[:-1]
    assert f"Kertas  : {width} mm, {columns} kolom".encode() in lines
    assert all(len(line) <= columns for line in lines)
    assert ("0123456789" * 5)[:columns].encode() in lines  # the ruler: a wrapped ruler shows a wrong count
    assert json.loads(AuditLog.select().order_by(AuditLog.id.desc()).first().detail)["kolom"] == columns


def test_receipt_column_choices_and_a_count_the_paper_cannot_hold():
    make_office()
    assert workstation.receipt_column_choices(58) == (32,)
    assert workstation.receipt_column_choices(80) == (48, 42, 32)
    with pytest.raises(InvalidInput, match="kolom") as refused:
        workstation.receipt_test_page(session("admin"), 58, "x", 42)
    assert refused.value.field == "columns"


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("\x00" * 8, "tak terlihat"),
        ("sandi\u202eku123", "tak terlihat"),
        ("        ", "hanya berisi spasi"),
        ("x" * 129, "paling banyak 128"),
        ("pendek", "minimal 8"),
    ],
)
def test_a_password_that_cannot_be_typed_again_is_refused_when_set(password: str, words: str):
    from desktop.services.office.users import add_user

    make_office()
    admin_session = session("admin")
    with pytest.raises(InvalidInput, match=words):
        add_user(admin_session, NewUser("baru1", "Pegawai Baru", password, ("pengadministrasi_umum",)))
    assert not User.select().where(User.username == "baru1").exists()
    target = User.get(User.username == "meja")
    with pytest.raises(InvalidInput, match=words):
        admin.reset_password(admin_session, target.id, password, target.version)
    assert add_user(
        admin_session, NewUser("baru2", "Pegawai Baru", "Sandi Aman 2026!", ("pengadministrasi_umum",))
    )
