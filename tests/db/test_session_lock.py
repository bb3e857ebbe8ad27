"""An idle-locked session: the office's lock time, and unlocking with the user's password."""

from __future__ import annotations

import pytest

from desktop.models import AuditLog, Office, User
from desktop.services.errors import AuthenticationFailed
from desktop.services.security import auth, session_lock

from .factories import PASSWORD, make_office, session

pytestmark = pytest.mark.usefixtures("database")


def actions() -> list[str]:
    return [a.action for a in AuditLog.select().order_by(AuditLog.id)]


def test_right_password_unlocks_resets_the_failures_and_is_logged():
    make_office()
    meja = session("meja")
    with pytest.raises(AuthenticationFailed, match="^Kata sandi salah. Sisa percobaan: 4.$"):
        auth.verify_session_password(meja, "salah")
    auth.verify_session_password(meja, PASSWORD)
    assert User.get(User.username == "meja").failed_logins == 0
    assert actions()[-2:] == ["buka_sesi_gagal", "sesi_dibuka"]


def test_wrong_passwords_on_the_lock_screen_lock_the_account_like_failed_logins():
    make_office()
    meja = session("meja")
    with pytest.raises(AuthenticationFailed):
        auth.login("meja", "salah")  # one failure at the login dialog counts too
    for left in (3, 2, 1):
        with pytest.raises(AuthenticationFailed, match=f"Sisa percobaan: {left}"):
            auth.verify_session_password(meja, "salah")
    with pytest.raises(AuthenticationFailed, match="dikunci sampai"):
        auth.verify_session_password(meja, "salah")
    with pytest.raises(AuthenticationFailed, match="Akun terkunci"):
        auth.verify_session_password(meja, PASSWORD)
    with pytest.raises(AuthenticationFailed, match="Akun terkunci"):
        auth.login("meja", PASSWORD)
    assert actions().count("buka_sesi_gagal") == 4
    assert actions().count("akun_dikunci") == 1


def test_a_deactivated_account_cannot_unlock():
    make_office()
    User.update(is_active=False).where(User.username == "kph").execute()
    with pytest.raises(AuthenticationFailed, match="dinonaktifkan"):
        auth.verify_session_password(session("kph"), PASSWORD)


def test_lock_time_comes_from_the_office_within_the_allowed_range(monkeypatch):
    make_office()
    Office.update(idle_lock_minutes=10).execute()
    assert session_lock.idle_lock_minutes() == 10
    Office.update(idle_lock_minutes=0).execute()
    assert session_lock.idle_lock_minutes() == 1  # 0 is not in admin.IDLE_LOCK_RANGE: lock soonest
    monkeypatch.setattr(session_lock, "IDLE_LOCK_RANGE", (0, 240))
    assert session_lock.idle_lock_minutes() is None  # an office allowed to never lock
    Office.update(idle_lock_minutes=999).execute()
    assert session_lock.idle_lock_minutes() == 240


def test_a_lock_is_logged_with_its_minutes():
    make_office()
    session_lock.record_locked(session("kabid"), 15)
    line = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (line.username, line.action, line.detail) == ("kabid", "sesi_dikunci", '{"menit": 15}')
