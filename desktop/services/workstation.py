"""The administrator's workstation use cases: this workstation's database connection and the
receipt printer test page (SQLite backups and restores are in `backups`).

Each checks the Administrator role first and writes the audit log, as in `admin`. Testing a
connection URL never touches the app's own database connection.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop import config
from desktop.models import Office, connection, db
from desktop.models.base import now
from desktop.printing.data import RECEIPT_WIDTHS
from desktop.printing.receipts import column_choices, printer_for
from desktop.services.connection_probe import ConnectionCheck as ConnectionCheck  # re-exported
from desktop.services.connection_probe import probe_database as probe_database
from desktop.services.connection_probe import with_password as with_password
from desktop.services.connection_probe import without_password as without_password
from desktop.services.errors import InvalidInput
from desktop.services.office.admin import _admin
from desktop.services.security import audit, tls_policy
from desktop.services.session import Session

# --- Workstation: koneksi database ----------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseSetting:
    url: str  # without the password
    has_password: bool
    backend: str  # of the database open now
    location: str
    from_environment: bool  # DINAS_DESK_DB_URL decides, whatever is saved


def configured_database(actor: Session) -> DatabaseSetting:
    """The database URL this workstation is set to open (no password) and the one open now."""
    from desktop.services.workspace import current_database

    with db.atomic():
        _admin(actor)
        settings = config.load_workstation_settings()
        current = current_database()
        url = settings.database_url or ""
        has_password = bool(url) and urlsplit(url).password is not None
        return DatabaseSetting(
            url=without_password(url),
            has_password=has_password,
            backend=current.backend,
            location=current.location,
            from_environment=bool(os.environ.get(config.ENV_DB_URL)),
        )


def check_database_connection(actor: Session, url: str, password: str = "") -> ConnectionCheck:
    """Open `url` on a separate connection, run SELECT 1 and close; never the app's own connection.

    Connection failures are a result (ok=False with the reason), not an error: this is a test.
    """
    with db.atomic():
        _admin(actor)
    return probe_database(url, password)


@dataclass(frozen=True)
class SavedDatabase:
    location: str  # where the workstation connects from its next start (no password)
    password_in_store: bool  # the password went to the operating system's password store
    note: str = ""  # a warning for the administrator (no password store on this computer)


def save_database_url(actor: Session, url: str, password: str = "") -> SavedDatabase:
    """Make this workstation open `url` from its next start; its password goes to the OS password store."""
    with db.atomic():
        _admin(actor)
        full = with_password(url, password)
        if not full:
            raise InvalidInput("Isi alamat database.", field="url")
        try:
            connection.make_database(full)
            location = connection.describe(full).location
            tls_policy.enforce(full)  # a URL this workstation would refuse to open is not saved
        except (connection.DatabaseConfigError, ValueError) as exc:
            raise InvalidInput(str(exc), field="url") from exc
        audit.record(actor, "database_workstation_diatur", "database", None, lokasi=location)
    saved = config.save_database_url(full)
    return SavedDatabase(location, saved.in_store, saved.note)


# --- Workstation: halaman uji printer struk -------------------------------------------------------


def receipt_column_choices(width_mm: int) -> tuple[int, ...]:
    """The characters per line a receipt printer of this paper width may be set to, its own first
    (58 mm: 32; 80 mm: 48, then 42 for the Epson TM-T88 class, 32)."""
    own = printer_for(width_mm).columns
    return (own, *sorted((c for c in column_choices(width_mm) if c != own), reverse=True))


def receipt_test_page(actor: Session, width_mm: int, printer: str, columns: int = 0) -> bytes:
    """ESC/POS bytes of a short test receipt (ASCII, code page left alone) for a 58 or 80 mm printer
    of `columns` characters per line (0: the width's own count), every line within them."""
    with db.atomic():
        _admin(actor)
        if width_mm not in RECEIPT_WIDTHS:
            raise InvalidInput("Lebar kertas struk 58 atau 80 mm.", field="width_mm")
        try:
            columns = printer_for(width_mm, columns).columns
        except ValueError as exc:
            raise InvalidInput(str(exc), field="columns") from exc
        office = Office.select().order_by(Office.id).first()
        audit.record(
            actor, "halaman_uji_struk", "printer", None, printer=printer[:120], lebar=width_mm, kolom=columns
        )
    lines = [
        (office.agency if office else "Dinas Desk")[:columns],
        "HALAMAN UJI PRINTER STRUK",
        "-" * columns,
        f"Printer : {printer}"[:columns],
        f"Kertas  : {width_mm} mm, {columns} kolom",
        f"Waktu   : {now():%d-%m-%Y %H:%M}",
        ("0123456789" * 5)[:columns],
        "-" * columns,
        "Bila teks ini terbaca utuh,",
        "printer struk siap dipakai.",
    ]
    body = "\n".join(line.encode("ascii", "replace").decode("ascii") for line in lines)
    data = b"\x1b@" + b"\x1ba\x01" + body.encode("ascii") + b"\n\x1bd\x04"
    return data + (b"\x1dV\x00" if width_mm == 80 else b"")
