"""The first start of a new office: detection, the one-time first administrator, joining a server."""

from __future__ import annotations

import struct
import uuid
import zlib
from dataclasses import replace

import pytest

from desktop import config
from desktop.models import AuditLog, Office, User, connection, migrations
from desktop.roles import ADMINISTRATOR
from desktop.services import first_start
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.first_start import FirstAdministrator, ServerDraft
from desktop.services.office import admin, setup_checklist
from desktop.services.office.admin import OfficeDraft
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.office.users import NewUser, add_user
from desktop.services.security import auth

from .factories import office_draft

OFFICE = office_draft(idle_lock_minutes=15)
FIRST = FirstAdministrator(
    "admin.kantor", "Rina Marlina", "rahasia-kantor-1", "198501012010012001", "Pranata Komputer"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x1b\x3a\x5c")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def _counts() -> tuple[int, int, int]:
    return User.select().count(), Office.select().count(), AuditLog.select().count()


# --- Detection --------------------------------------------------------------------------------


def test_an_empty_data_folder_is_a_first_start():
    assert not config.default_sqlite_path().exists()
    assert first_start.is_first_start()


def test_a_database_file_without_accounts_is_still_a_first_start_and_one_with_an_account_is_not():
    url = connection.sqlite_url(config.default_sqlite_path())
    connection.initialize(url)
    try:
        migrations.upgrade()
        ensure_reference_data()
        assert first_start.is_first_start()
        add_user(None, NewUser("petugas", "Petugas", "rahasia-123", ("pengadministrasi_umum",)))
        assert not first_start.is_first_start()
    finally:
        connection.close()


def test_a_configured_workstation_is_never_a_first_start(monkeypatch: pytest.MonkeyPatch, tmp_path):
    other = connection.sqlite_url(tmp_path / "elsewhere.sqlite3")
    assert not first_start.is_first_start(other)  # --db
    monkeypatch.setenv(config.ENV_DB_URL, other)
    assert not first_start.is_first_start()
    monkeypatch.delenv(config.ENV_DB_URL)
    assert first_start.is_first_start()
    config.save_database_url(other)
    assert not first_start.is_first_start()
    with pytest.raises(PermissionDenied):
        first_start.open_local()


def test_server_url_takes_the_typed_fields_and_requires_verified_tls():
    url = first_start.server_url(ServerDraft("10.0.0.5", 5432, "dinasdesk", "dinas desk", ca_file="/ca.crt"))
    assert (
        url == "postgresql://dinas%20desk@10.0.0.5:5432/dinasdesk?sslmode=verify-full&sslrootcert=%2Fca.crt"
    )
    assert (
        first_start.server_url(ServerDraft("::1", 5433, "db", "u", tls=False))
        == "postgresql://u@[::1]:5433/db"
    )
    for draft, field in (
        (ServerDraft("", 5432, "db", "u"), "host"),
        (ServerDraft("h", 5432, "", "u"), "database"),
        (ServerDraft("h", 5432, "db", ""), "user"),
        (ServerDraft("h/x", 5432, "db", "u"), "host"),
    ):
        with pytest.raises(InvalidInput) as refused:
            first_start.server_url(draft)
        assert refused.value.field == field


# --- The first administrator, on both backends --------------------------------------------------


def test_the_first_administrator_is_created_once_with_the_office_and_audited(database: str):
    ensure_reference_data()
    actor = first_start.create_first_administrator(FIRST, OFFICE)
    assert actor.roles == frozenset({ADMINISTRATOR})
    user = User.get(User.username == "admin.kantor")
    assert (user.full_name, user.nip, user.jabatan) == (
        "Rina Marlina",
        "198501012010012001",
        "Pranata Komputer",
    )
    office = Office.get()
    assert (office.kabupaten_code, office.paper_size, office.city) == ("13.02", "F4", "Arosuka")
    actions = [a.action for a in AuditLog.select().order_by(AuditLog.id)]
    assert actions[-1] == "administrator_pertama_dibuat"
    assert "pengaturan_kantor_disimpan" in actions

    before = _counts()
    second = FirstAdministrator("admin.dua", "Orang Lain", "rahasia-kantor-2")
    with pytest.raises(PermissionDenied):
        first_start.create_first_administrator(second, OFFICE)
    assert _counts() == before
    for refused in (
        lambda: first_start.kabupaten_choices(),
        lambda: first_start.check_office(OFFICE),
        lambda: first_start.check_administrator(second),
    ):
        with pytest.raises(PermissionDenied):
            refused()


def test_any_existing_account_refuses_a_first_administrator(database: str):
    ensure_reference_data()
    add_user(None, NewUser("petugas", "Petugas Loket", "rahasia-123", ("pengadministrasi_umum",)))
    before = _counts()
    with pytest.raises(PermissionDenied):
        first_start.create_first_administrator(FIRST, OFFICE)
    assert _counts() == before


@pytest.mark.parametrize(
    ("first", "office", "field"),
    [
        (FIRST, OfficeDraft(**{**OFFICE.__dict__, "email": "bukan-pos-el"}), "email"),
        (FIRST, OfficeDraft(**{**OFFICE.__dict__, "city": " "}), "city"),
        (FIRST, OfficeDraft(**{**OFFICE.__dict__, "logo_png": b"GIF89a"}), "logo_png"),
        (FirstAdministrator("admin", "Rina", "pendek"), OFFICE, "password"),
        (FirstAdministrator("admin", "Rina", "rahasia-kantor", nip="1985"), OFFICE, "nip"),
        (
            FirstAdministrator("admin", "Rina", "rahasia-kantor", nip="１９８５０１０１２０１００１２００１"),
            OFFICE,
            "nip",
        ),
        (FirstAdministrator("ad min", "Rina", "rahasia-kantor"), OFFICE, "username"),
        (FirstAdministrator("admin", "", "rahasia-kantor"), OFFICE, "full_name"),
    ],
)
def test_a_refused_first_start_writes_nothing(database: str, first, office, field):
    ensure_reference_data()
    before = _counts()
    with pytest.raises(InvalidInput) as refused:
        first_start.create_first_administrator(first, office)
    assert refused.value.field == field
    assert _counts() == before
    assert first_start.kabupaten_choices()  # still a first start: nothing was written


def test_page_checks_refuse_what_the_creation_would_refuse(database: str):
    ensure_reference_data()
    with pytest.raises(InvalidInput, match="Pos-el"):
        first_start.check_office(OfficeDraft(**{**OFFICE.__dict__, "email": "x@"}))
    with pytest.raises(InvalidInput, match="minimal 8"):
        first_start.check_administrator(FirstAdministrator("admin", "Rina", "pendek"))
    first_start.check_office(OFFICE)
    first_start.check_administrator(FIRST)
    assert _counts()[0] == 0


def test_complete_setup_logs_the_administrator_in(database: str):
    ensure_reference_data()
    session = first_start.complete_setup(FIRST, OFFICE)
    assert session.username == "admin.kantor" and ADMINISTRATOR in session.roles
    assert User.get(User.username == "admin.kantor").last_login_at is not None
    assert AuditLog.select().where(AuditLog.action == "login").count() == 1


def test_the_checklist_names_what_a_new_office_still_misses(database: str):
    ensure_reference_data()
    session = first_start.complete_setup(FIRST, OFFICE)
    items = {
        i.key: i for i in setup_checklist.setup_checklist(session, setup_checklist.WorkstationPrinters())
    }
    assert list(items) == list(setup_checklist.ITEM_ORDER)
    assert not any(i.done for i in items.values())
    assert items["penandatangan"].total == 4
    add_user(None, NewUser("petugas", "Petugas Loket", "rahasia-123", ("pengadministrasi_umum",)))
    printers = setup_checklist.WorkstationPrinters("HP LaserJet", "tcp://192.168.1.50:9100")
    items = {i.key: i for i in setup_checklist.setup_checklist(session, printers)}
    assert items["pengguna"].done and items["pengguna"].count == 1
    assert items["printer_surat"].done and items["printer_struk"].done
    assert not items["penandatangan"].done and not items["logo"].done

    staff = auth.login("petugas", "rahasia-123")
    with pytest.raises(PermissionDenied):
        setup_checklist.setup_checklist(staff, printers)
    for purpose in admin.SIGNER_PURPOSES:
        admin.save_signer(session, purpose, session.user_id, "KEPALA DINAS", 0)
    pattern = admin.list_patterns(session)[0]
    admin.update_pattern(session, pattern.id, pattern, pattern.version)  # saved as it was: reviewed
    settings = admin.office_settings(session)
    admin.update_office(session, replace(settings, logo_png=_png()), settings.version)
    items = {i.key: i for i in setup_checklist.setup_checklist(session, printers)}
    assert all(i.done for i in items.values()), items


# --- A shared PostgreSQL server ------------------------------------------------------------------


@pytest.fixture
def empty_pg_database(pg_server):
    name = f"dinas_first_{uuid.uuid4().hex[:12]}"
    pg_server.create_database(name)
    yield name
    connection.close()
    pg_server.drop_database(name)


def _split(pg_server, name: str) -> tuple[str, str]:
    draft = ServerDraft(pg_server.host, pg_server.port, name, pg_server.superuser, tls=False)
    return first_start.server_url(draft), pg_server.password


def test_an_empty_server_is_migrated_and_a_used_one_is_joined(pg_server, empty_pg_database: str):
    url, password = _split(pg_server, empty_pg_database)
    check = first_start.check_server(url, password)
    assert check.ok and check.accounts == 0
    opened = first_start.open_server(url, password)
    assert opened.backend == "postgresql" and not opened.joined
    assert migrations.current_version() == migrations.LATEST_VERSION
    assert config.load_workstation_settings().database_url is None  # saved only after "Selesai"

    session = first_start.complete_setup(FIRST, OFFICE, url, password)
    assert ADMINISTRATOR in session.roles
    saved = config.qsettings().value("database/url")
    assert saved == url  # the password went to the password store, not the settings
    assert config.load_workstation_settings().database_url.startswith("postgresql://postgres:")
    connection.close()

    config.save_database_url(None)  # a second workstation, on the same server
    check = first_start.check_server(url, password)
    assert check.ok and check.accounts == 1
    joined = first_start.open_server(url, password)
    assert joined.joined
    assert config.qsettings().value("database/url") == url


def test_an_unreachable_server_is_a_clear_refusal(pg_server):
    url = first_start.server_url(ServerDraft("127.0.0.1", 1, "tidakada", "postgres", tls=False))
    check = first_start.check_server(url, "salah")
    assert not check.ok and "Koneksi gagal" in check.message
    assert config.load_workstation_settings().database_url is None


def test_a_server_on_another_computer_without_tls_is_refused_before_connecting():
    url = first_start.server_url(ServerDraft("10.255.255.1", 5432, "dinasdesk", "dinasdesk", tls=False))
    check = first_start.check_server(url, "x")
    assert not check.ok and "verify-full" in check.message


def test_two_workstations_finishing_at_once_make_one_administrator(database: str):
    """The lock inside the transaction: the second one waits, then sees the first one's account."""
    import threading

    ensure_reference_data()
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def finish(username: str) -> None:
        start.wait()
        try:
            first_start.create_first_administrator(
                FirstAdministrator(username, "Admin", "rahasia-kantor-1"), OFFICE
            )
            outcomes.append("dibuat")
        except PermissionDenied:
            outcomes.append("ditolak")
        finally:
            if not connection.db.is_closed():
                connection.db.close()

    threads = [threading.Thread(target=finish, args=(name,)) for name in ("admin.satu", "admin.dua")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["dibuat", "ditolak"]
    assert User.select().count() == 1 and Office.select().count() == 1
