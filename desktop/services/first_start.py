"""The first start of a new office: no database configured yet and no account anywhere.

An installed copy on an empty data folder has nothing to log in with. `is_first_start` tells the
app to open the setup wizard instead of the login window; the wizard then picks the database
(this PC's SQLite file, or the office's PostgreSQL server), checks each page through the same
rules as the administrator's pages, and `complete_setup` writes the office and the very first
administrator in one transaction.

Who may call these: nobody is logged in yet, so the permission is the state itself. Everything
here is refused with PermissionDenied once the open database holds an account (checked inside
the transaction), and the workstation-level calls once this workstation has a database configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from desktop import config
from desktop.models import Kabupaten, Office, User, connection, db
from desktop.roles import ADMINISTRATOR
from desktop.services import workspace, workstation
from desktop.services.errors import DatabaseUnavailable, InvalidInput, PermissionDenied
from desktop.services.office import admin, users
from desktop.services.office.admin import KabupatenChoice, OfficeDraft
from desktop.services.security import audit, auth, tls_policy
from desktop.services.session import Session
from desktop.services.start_check import count_accounts as count_accounts  # re-exported
from desktop.services.start_check import is_first_start as is_first_start  # re-exported

DEFAULT_PORT = 5432
DEFAULT_AGENCY = "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
ALREADY_SET_UP = (
    "Kantor ini sudah disiapkan: database sudah berisi akun. Masuk dengan akun Anda, atau minta "
    "Administrator membuatkan akun."
)
WORKSTATION_CONFIGURED = (
    "Komputer ini sudah diatur memakai sebuah database. Pengaturan awal hanya untuk komputer yang "
    "belum diatur; ubah database di Administrator → Workstation."
)


@dataclass(frozen=True)
class ServerDraft:
    """What the wizard's database page holds for a shared PostgreSQL server."""

    host: str
    port: int
    database: str
    user: str
    password: str = ""
    tls: bool = True  # sslmode=verify-full with the office CA certificate
    ca_file: str = ""


@dataclass(frozen=True)
class ServerCheck:
    """How "Uji koneksi" went: reachable or not, and whether the database is in use already."""

    ok: bool
    message: str
    location: str
    server_version: str = ""
    tls: str = ""  # "TLS 1.3", or "" when not encrypted
    accounts: int | None = None  # None when not reachable


@dataclass(frozen=True)
class OpenedForSetup:
    """The database the wizard goes on with; `joined` when it had accounts and the workstation joined it."""

    backend: str
    location: str
    joined: bool = False


@dataclass(frozen=True)
class FirstAdministrator:
    username: str
    full_name: str
    password: str
    nip: str | None = None
    jabatan: str = ""

    def as_new_user(self) -> users.NewUser:
        return users.NewUser(
            self.username, self.full_name, self.password, (ADMINISTRATOR,), self.nip or None, "", self.jabatan
        )


# --- Detection --------------------------------------------------------------------------------


def _workstation_unconfigured() -> None:
    if config.load_workstation_settings().database_url:
        raise PermissionDenied(WORKSTATION_CONFIGURED)


def _no_account_yet() -> None:
    """Refuse once the open database holds an account (call inside the caller's transaction)."""
    if User.select().exists():
        raise PermissionDenied(ALREADY_SET_UP)


# --- Page "Database" ---------------------------------------------------------------------------


def server_url(draft: ServerDraft) -> str:
    """The postgresql:// URL (without the password) for the typed server, or InvalidInput naming the field."""
    host = draft.host.strip()
    name = draft.database.strip()
    user = draft.user.strip()
    for value, label, field in ((host, "Alamat server", "host"), (name, "Nama database", "database")):
        if not value:
            raise InvalidInput(f"{label} wajib diisi.", field=field)
    if not user:
        raise InvalidInput("Pengguna database wajib diisi.", field="user")
    if not 1 <= draft.port <= 65535:
        raise InvalidInput("Port 1 sampai 65535.", field="port")
    if any(c in host for c in "/@?#") or any(c.isspace() for c in host):
        raise InvalidInput("Alamat server tidak sah; contoh: 192.168.1.10 atau server-kantor.", field="host")
    netloc = host if ":" not in host else f"[{host.strip('[]')}]"
    url = f"postgresql://{quote(user, safe='')}@{netloc}:{draft.port}/{quote(name, safe='')}"
    if draft.tls:
        query = {"sslmode": tls_policy.REQUIRED_SSLMODE}
        if draft.ca_file.strip():
            query["sslrootcert"] = draft.ca_file.strip()
        url += "?" + urlencode(query)
    return url


def check_server(url: str, password: str = "") -> ServerCheck:
    """ "Uji koneksi" of the setup wizard: the TLS policy, the connection, and how many accounts it holds."""
    _workstation_unconfigured()
    checked = tls_policy.probe_connection(url, password)
    check = checked.check
    if not check.ok:
        return ServerCheck(False, check.message, check.location)
    accounts = count_accounts(workstation.with_password(url, password))
    return ServerCheck(True, check.message, check.location, check.server_version, checked.tls, accounts)


def open_local() -> OpenedForSetup:
    """Create (or open) this PC's SQLite file, migrated and seeded as every start does."""
    _workstation_unconfigured()
    opened = workspace.open_app_database(connection.sqlite_url(config.default_sqlite_path()))
    return OpenedForSetup(opened.backend, opened.location)


def open_server(url: str, password: str = "") -> OpenedForSetup:
    """Go on with the typed server: one with accounts is saved for this workstation (password to the OS
    store) and `joined`; an empty one is migrated and seeded as `dinas-desk db upgrade` does."""
    check = check_server(url, password)
    if not check.ok:
        raise DatabaseUnavailable(check.message)
    full = workstation.with_password(url, password)
    if check.accounts != 0:  # in use already (or its accounts cannot be read: a secured server)
        config.save_database_url(full)
        return OpenedForSetup("postgresql", check.location, joined=True)
    opened = workspace.open_app_database(full)
    return OpenedForSetup(opened.backend, opened.location)


# --- Pages "Kantor" and "Administrator" -------------------------------------------------------


def kabupaten_choices() -> list[KabupatenChoice]:
    """The kabupaten of the reference data (the office page's list), while no account exists."""
    with db.atomic():
        _no_account_yet()
        return [KabupatenChoice(k.code, k.name) for k in Kabupaten.select().order_by(Kabupaten.code)]


def check_office(draft: OfficeDraft) -> None:
    """The office page's rules (admin.update_office's own checks), without saving anything."""
    with db.atomic():
        _no_account_yet()
        admin.clean_office(draft)


def check_administrator(first: FirstAdministrator) -> None:
    """The account rules every new account follows (users.add_user's checks), without saving anything."""
    with db.atomic():
        _no_account_yet()
        users.checked_new_user(first.as_new_user())


# --- "Selesai" -------------------------------------------------------------------------------


def create_first_administrator(first: FirstAdministrator, office: OfficeDraft) -> Session:
    """Create the very first account, an Administrator, and the office settings, in one transaction.

    Allowed only while the database holds no account at all (checked under a lock inside the
    transaction, so two workstations finishing at once cannot both pass); any refusal writes nothing.
    Returns the new administrator's Session as it stands before logging in.
    """
    with db.atomic():
        _lock_accounts()
        _no_account_yet()
        created = users.add_user(None, first.as_new_user())
        actor = auth.session_for(User.get_by_id(created.id))
        version = Office.select(Office.version).order_by(Office.id).scalar() or 0
        admin.update_office(actor, office, version)
        audit.record(actor, "administrator_pertama_dibuat", "user", created.id, username=created.username)
        return actor


def _lock_accounts() -> None:
    """PostgreSQL: hold off a second workstation's first administrator until this transaction ends
    (SQLite's writers are serialised already: BEGIN IMMEDIATE)."""
    if not connection.is_sqlite():
        db.execute_sql(f"LOCK TABLE {User._meta.table_name} IN SHARE ROW EXCLUSIVE MODE")


def complete_setup(
    first: FirstAdministrator, office: OfficeDraft, server: str | None = None, password: str = ""
) -> Session:
    """ "Selesai": the first administrator and the office, then the administrator logged in (a Session as
    the login window makes it) and, for a shared server, the server saved for this workstation."""
    create_first_administrator(first, office)
    session = auth.login(first.username, first.password)
    if server:
        workstation.save_database_url(session, server, password)
    return session
