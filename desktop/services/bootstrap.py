"""Opening the application's database: connect, migrate, make sure reference data is there."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import config
from desktop.models import connection, migrations, pg_security
from desktop.services.office.backups import ensure_daily_backup
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.security import tls_policy


@dataclass(frozen=True)
class OpenedDatabase:
    url: str
    backend: str
    location: str
    schema_version: int
    migrated: tuple[int, ...]


def resolve_url(explicit: str | None = None, *, demo: bool = False) -> str:
    """The URL to open: an explicit one, the demo file, the workstation setting, or the default file."""
    if explicit:
        return explicit
    if demo:
        return connection.sqlite_url(config.demo_sqlite_path())
    settings = config.load_workstation_settings()
    return settings.database_url or connection.sqlite_url(config.default_sqlite_path())


def open_database(
    url: str, *, migrate: bool = True, seed: bool = True, daily_backup: bool = True
) -> OpenedDatabase:
    """Connect, apply pending migrations (backing up a SQLite file first) and seed reference data.

    A server on another computer without a verified TLS connection is refused before connecting
    while the workstation requires TLS (desktop.services.security.tls_policy). With `daily_backup`
    False the caller makes the day's backup itself (the app: on a worker thread, after its window).
    """
    tls_policy.enforce(url)
    info = connection.initialize(url)
    applied = migrations.upgrade(config.backup_dir()) if migrate else []
    # The login gate of a secured server may only read; the owner seeds (dinas-desk db upgrade).
    if seed and not pg_security.gate_session():
        ensure_reference_data()
        if daily_backup:
            ensure_daily_backup()  # SQLite only: one copy a day, the newest 14 kept
    return OpenedDatabase(
        url=url,
        backend=info.backend,
        location=info.location,
        schema_version=migrations.current_version(),
        migrated=tuple(m.version for m in applied),
    )
