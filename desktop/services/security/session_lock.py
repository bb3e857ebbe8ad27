"""Locking an idle session: how long the office lets a window sit untouched, and the audit line.

Unlocking checks the user's password through auth.verify_session_password, which counts a
wrong password toward the account's lockout like a failed login.
"""

from __future__ import annotations

from desktop.models import Office, db
from desktop.services.security import audit
from desktop.services.session import Session

IDLE_LOCK_RANGE = (1, 240)  # minutes an office may set; the admin page offers this range


def idle_lock_minutes() -> int | None:
    """Minutes without input before a window locks; None (never) only when the office allows 0."""
    office = Office.select(Office.idle_lock_minutes).order_by(Office.id).first()
    configured = office.idle_lock_minutes if office else Office.idle_lock_minutes.default
    low, high = IDLE_LOCK_RANGE
    if configured <= 0 and low <= 0:
        return None
    return min(max(configured, low, 1), high)


def record_locked(session: Session, minutes: int) -> None:
    """Write the lock of an idle session to the audit log."""
    with db.atomic():
        audit.record(session, "sesi_dikunci", "user", session.user_id, menit=minutes)
