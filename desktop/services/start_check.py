"""Whether this start is the first start of a new office (the setup wizard instead of the login window).

Kept apart from `first_start` (the wizard's use cases, with everything they import) because every
start asks it before the login window appears.
"""

from __future__ import annotations

from peewee import DatabaseError, InterfaceError

from desktop import config
from desktop.models import User, connection
from desktop.services.errors import DatabaseUnavailable


def is_first_start(explicit_url: str | None = None) -> bool:
    """True when this workstation has no database configured (no --db, no DINAS_DESK_DB_URL, no saved
    URL) and the default SQLite file is absent or holds no account."""
    if explicit_url or config.load_workstation_settings().database_url:
        return False
    path = config.default_sqlite_path()
    return not path.exists() or count_accounts(connection.sqlite_url(path)) == 0


def count_accounts(url: str) -> int | None:
    """How many accounts the database at `url` holds (0 for a database never migrated), on a connection
    of its own; None when it cannot be read (a damaged file, no right to read the accounts)."""
    try:
        database = connection.make_database(url)
        database.connect()
    except (connection.DatabaseConfigError, DatabaseError, InterfaceError, OSError, DatabaseUnavailable):
        return None
    try:
        if not database.table_exists(User._meta.table_name):
            return 0
        return int(database.execute_sql(f"SELECT COUNT(*) FROM {User._meta.table_name}").fetchone()[0])
    except (DatabaseError, InterfaceError):
        return None
    finally:
        if not database.is_closed():
            database.close()
