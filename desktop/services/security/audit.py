"""Writing the append-only audit log: every change and every read of personal data."""

from __future__ import annotations

import json
import platform
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from peewee import PostgresqlDatabase

from desktop.models import AuditLog, db
from desktop.services.session import Session

_WORKSTATION = platform.node()[:120]


def record(
    actor: Session | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    **detail: Any,
) -> None:
    """Append one line to the audit log (inside the caller's transaction)."""
    AuditLog.create(
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "sistem",
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=json.dumps(detail, ensure_ascii=False, default=str)[:8000] if detail else "",
        workstation=_WORKSTATION,
    )


@contextmanager
def read_transaction() -> Iterator[None]:
    """A transaction that only logs a read, committed without waiting for the disk.

    A list opened or scrolled must not wait for an fsync: its audit line is committed with
    PostgreSQL's synchronous_commit off (SET LOCAL: this transaction only) or SQLite's
    synchronous NORMAL in WAL mode (this commit only). Either way the line is written at once,
    survives the app's crash and never leaves the database half-written; a power loss in the
    next fraction of a second may lose it. Changes keep the full durability of every commit.
    Inside a caller's transaction, that transaction's durability applies.
    """
    if db.in_transaction():
        yield
        return
    if isinstance(db.obj, PostgresqlDatabase):
        with db.atomic():
            db.execute_sql("SET LOCAL synchronous_commit = off")
            yield
        return
    before = db.execute_sql("PRAGMA synchronous").fetchone()[0]
    db.execute_sql("PRAGMA synchronous = NORMAL")
    try:
        with db.atomic():
            yield
    finally:
        db.execute_sql(f"PRAGMA synchronous = {int(before)}")
