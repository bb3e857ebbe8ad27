"""Encrypted connections to a PostgreSQL server on another computer (the office LAN carries NIKs).

With the workstation setting on (the default) a URL whose server is not this computer must
ask libpq to verify the server: `sslmode=verify-full` (the CA signs the certificate and the
certificate names the host). `verify-ca` is not enough: any other certificate from the same
CA (a second server, a test machine) would pass. A server on this computer (localhost,
127.0.0.0/8, ::1, a unix socket) is exempt, so a single PC and the demo work as before.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from peewee import DatabaseError, InterfaceError

from desktop import config
from desktop.models import connection as db_connection
from desktop.models import db
from desktop.roles import ADMINISTRATOR
from desktop.services.connection_probe import ConnectionCheck, probe_database, with_password
from desktop.services.errors import DatabaseUnavailable
from desktop.services.security.auth import require_role
from desktop.services.session import Session

REQUIRED_SSLMODE = "verify-full"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_local_host(host: str) -> bool:
    """True for this computer: no host (libpq's socket), a socket folder, localhost, a loopback IP."""
    host = host.strip().strip("[]").lower()
    if not host or host.startswith(("/", "@")):
        return True
    if host in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1 (not loopback to 3.11)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def _query(url: str) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlsplit(url).query).items()}


def server_hosts(url: str) -> list[str]:
    """Where libpq will connect: `hostaddr` wins over `host`, a query `host` over the URL's."""
    parts = urlsplit(url)
    query = _query(url)
    given = query.get("hostaddr") or query.get("host") or unquote(parts.hostname or "")
    return [h.strip() for h in given.split(",")] or [""]


def is_remote(url: str) -> bool:
    """True when the URL names a PostgreSQL server on another computer (SQLite never is)."""
    if urlsplit(url).scheme not in ("postgresql", "postgres"):
        return False
    return not all(is_local_host(host) for host in server_hosts(url))


def refusal(url: str, required: bool) -> str | None:
    """Why the policy refuses this URL (a message for the user), or None when it may be opened."""
    if not required or not is_remote(url):
        return None
    if _query(url).get("sslmode", "").lower() == REQUIRED_SSLMODE:
        return None
    host = ", ".join(h for h in server_hosts(url) if not is_local_host(h))
    return (
        f"Server database {host} berada di komputer lain: sambungan wajib terenkripsi dan servernya "
        "diverifikasi (TLS). Tambahkan ?sslmode=verify-full&sslrootcert=<berkas sertifikat CA kantor> pada "
        'alamat database, atau minta Administrator mematikan "Wajibkan TLS untuk server di komputer lain" '
        "di halaman Workstation."
    )


def enforce(url: str) -> None:
    """Refuse, before connecting, a URL the workstation's TLS setting does not allow."""
    message = refusal(url, config.require_remote_tls())
    if message:
        raise db_connection.DatabaseConfigError(message)


def remote_tls_required(actor: Session) -> bool:
    """The workstation setting "require TLS for a server on another computer" (administrators)."""
    with db.atomic():
        require_role(actor, ADMINISTRATOR)
    return config.require_remote_tls()


def set_remote_tls_required(actor: Session, required: bool) -> None:
    """Turn the workstation's TLS requirement on or off; the change is audited."""
    from desktop.services.security import audit

    with db.atomic():
        require_role(actor, ADMINISTRATOR)
        audit.record(actor, "kebijakan_tls_workstation", "database", None, wajib=required)
    config.save_require_remote_tls(required)


# --- "Uji koneksi" on the workstation page ----------------------------------------


@dataclass(frozen=True)
class CheckedConnection:
    check: ConnectionCheck
    tls: str = ""  # "TLS 1.3" / "" (no encryption); meaningful only for PostgreSQL


def tls_of(database) -> str:
    """The TLS version of an open PostgreSQL connection, or "" when it is not encrypted."""
    row = database.execute_sql("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    return str(row[1] or "TLS").replace("v", " ") if row and row[0] else ""


def check_connection(actor: Session, url: str, password: str = "") -> CheckedConnection:
    """Test the typed URL as the app would open it: the TLS policy first, then the connection and its TLS."""
    with db.atomic():
        require_role(actor, ADMINISTRATOR)
    return probe_connection(url, password)


def probe_connection(url: str, password: str = "") -> CheckedConnection:
    """`check_connection` with no role check (the caller decides who may run it: see first_start)."""

    full = with_password(url, password)
    message = refusal(full, config.require_remote_tls())
    if message:
        location = db_connection.describe(full).location
        return CheckedConnection(ConnectionCheck(False, "postgresql", location, message))
    check = probe_database(url, password)
    if not check.ok or check.backend != "postgresql":
        if not check.ok and db_connection.is_tls_failure_text(check.message):
            check = ConnectionCheck(False, check.backend, check.location, db_connection.MSG_TLS)
        return CheckedConnection(check)
    database = db_connection.make_database(full)
    try:
        database.connect()
        return CheckedConnection(check, tls_of(database))
    except (DatabaseUnavailable, DatabaseError, InterfaceError, OSError):
        return CheckedConnection(check)  # gone between the two connections: the check still stands
    finally:
        if not database.is_closed():
            database.close()
