"""What the desktop shell needs to know: the office, the open database, reference counts, roles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, PostgresqlDatabase

from desktop import config
from desktop.models import (
    Kabupaten,
    Kecamatan,
    Nagari,
    Office,
    Role,
    ServiceCategory,
    User,
    connection,
    db,
    migrations,
)
from desktop.services.bootstrap import OpenedDatabase, open_database
from desktop.services.demo.accounts import DemoLogin
from desktop.services.errors import DatabaseUnavailable
from desktop.services.office.role_catalog import role_catalog as role_catalog  # re-exported
from desktop.services.security import audit
from desktop.services.session import Session

GENERIC_AGENCY = "Dinas Kependudukan dan Pencatatan Sipil"


@dataclass(frozen=True)
class OfficeSummary:
    """The office as the window title and the login dialog name it."""

    government: str  # PEMERINTAH KABUPATEN SOLOK
    agency: str  # DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
    kabupaten: str  # Kabupaten Solok ("" when the office is not set up yet)
    city: str
    configured: bool

    @property
    def short_name(self) -> str:
        """Disdukcapil Kabupaten Solok, or just Disdukcapil before the office is set up."""
        return f"Disdukcapil {self.kabupaten}".strip()


@dataclass(frozen=True)
class DatabaseSummary:
    backend: str  # "sqlite" or "postgresql"
    location: str  # file path, or host:port/dbname
    schema_version: int


@dataclass(frozen=True)
class ReferenceCounts:
    kabupaten: int
    kecamatan: int
    nagari: int
    service_categories: int
    roles: int
    users: int


@dataclass(frozen=True)
class WorkItem:
    """One line of a role's worklist: a case or document waiting for this role."""

    number: str
    subject: str
    nagari: str
    deadline: dt.date | None
    status: str


def open_app_database(url: str) -> OpenedDatabase:
    """Open, migrate and seed the database; any failure becomes DatabaseUnavailable with advice.

    The day's backup is not made here: the app starts it on a worker thread once its window is up
    (desktop.ui.daily_backup), so a large database never keeps the login window waiting."""
    try:
        return open_database(url, daily_backup=False)
    except connection.DatabaseConfigError as exc:
        raise DatabaseUnavailable(str(exc)) from exc
    except (DatabaseError, OSError) as exc:
        raise DatabaseUnavailable(_unreachable_message(url, exc)) from exc


def _unreachable_message(url: str, exc: Exception) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if url.startswith(("postgresql:", "postgres:")):
        advice = (
            "Pastikan komputer ini terhubung ke jaringan kantor, server PostgreSQL menyala, dan "
            "alamat, nama pengguna serta kata sandi database benar."
        )
    else:
        advice = (
            "Pastikan folder berkas database ada dan dapat ditulis, dan berkasnya tidak rusak "
            "serta tidak sedang dikunci program lain."
        )
    return f"Database tidak dapat dibuka ({detail}). {advice}"


def open_fresh_demo() -> tuple[OpenedDatabase, list[DemoLogin]]:
    """Delete the demo SQLite file, open a new one and fill it with the demo office."""
    connection.close()
    path = config.demo_sqlite_path()
    try:
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            candidate.unlink(missing_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(
            f"Database demo {path} tidak dapat dihapus ({exc.strerror}). Tutup Dinas Desk lain yang "
            "sedang membuka database demo, lalu coba lagi."
        ) from exc
    opened = open_app_database(connection.sqlite_url(path))
    from desktop.services.demo.office import build_demo  # the demo's builders only when asked for

    return opened, build_demo()


def demo_office_summary() -> OfficeSummary:
    """The demo office as the login window names it while the demo database is still being built."""
    from desktop.services.demo import office as demo

    return OfficeSummary(demo.DEMO_GOVERNMENT, demo.DEMO_AGENCY, demo.DEMO_KABUPATEN, demo.DEMO_CITY, True)


def office_summary() -> OfficeSummary:
    """The configured office, or a neutral placeholder when the administrator has not set it up."""
    office = Office.select().first()  # one office per installation
    if office is None:
        return OfficeSummary("", GENERIC_AGENCY, "", "", configured=False)
    kabupaten = Kabupaten.get_or_none(Kabupaten.code == office.kabupaten_code)
    name = kabupaten.name if kabupaten else office.government.title().replace("Pemerintah ", "", 1)
    return OfficeSummary(office.government, office.agency, name, office.city, configured=True)


def current_database() -> DatabaseSummary:
    """Which database the app is connected to (never the password)."""
    database = db.obj
    if isinstance(database, PostgresqlDatabase):
        params = database.connect_params
        location = f"{params.get('host', 'localhost')}:{params.get('port', 5432)}/{database.database}"
        backend = "postgresql"
    else:
        location, backend = str(database.database), "sqlite"
    return DatabaseSummary(backend, location, migrations.current_version())


def reference_counts() -> ReferenceCounts:
    """How much reference data is loaded (for the self-test and the administrator)."""
    return ReferenceCounts(
        kabupaten=Kabupaten.select().count(),
        kecamatan=Kecamatan.select().count(),
        nagari=Nagari.select().where(Nagari.is_active).count(),
        service_categories=ServiceCategory.select().where(ServiceCategory.is_active).count(),
        roles=Role.select().count(),
        users=User.select().where(User.is_active).count(),
    )


def log_out(session: Session) -> None:
    """Record that the user logged out of this workstation."""
    with db.atomic():
        audit.record(session, "logout", "user", session.user_id)
    from desktop.services.security.db_logins import back_to_gate

    back_to_gate()  # on a secured server: the next login starts from the gate again


def account_locked(session: Session) -> bool:
    """Whether the user's account is locked now (too many wrong passwords): a signing dialog stops
    offering another try."""
    from desktop.models.base import now

    locked_until = User.select(User.locked_until).where(User.id == session.user_id).scalar()
    return locked_until is not None and locked_until > now()


def release_thread_connection() -> None:
    """Close the calling thread's database connection (background workers call this when done)."""
    from desktop.models import db

    if db.obj is not None and not db.is_closed():
        db.close()
