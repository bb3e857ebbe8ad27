"""Login: wrong passwords counted and committed, a time-limited lockout, inactive accounts."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import AuditLog, User
from desktop.services.errors import AuthenticationFailed
from desktop.services.security import auth

from .factories import PASSWORD, make_office

pytestmark = pytest.mark.usefixtures("database")


def test_right_password_gives_a_session_with_every_role():
    make_office()
    session = auth.login("Kadis", PASSWORD)
    assert session.username == "kadis"
    assert session.roles == {"kepala_dinas", "pejabat_struktural"}


def test_five_wrong_passwords_lock_the_account_for_a_while():
    make_office()
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthenticationFailed, match=f"Sisa percobaan: {left}"):
            auth.login("meja", "salah")
    with pytest.raises(AuthenticationFailed, match="dikunci sampai"):
        auth.login("meja", "salah")
    with pytest.raises(AuthenticationFailed, match="Akun terkunci"):
        auth.login("meja", PASSWORD)  # even the right password waits for the lock to end
    user = User.get(User.username == "meja")
    assert user.locked_until is not None
    assert AuditLog.select().where(AuditLog.action == "akun_dikunci").count() == 1
    User.update(locked_until=dt.datetime.now() - dt.timedelta(seconds=1)).where(User.id == user.id).execute()
    assert auth.login("meja", PASSWORD).username == "meja"


def test_inactive_account_is_refused():
    make_office()
    User.update(is_active=False).where(User.username == "kph").execute()
    with pytest.raises(AuthenticationFailed, match="dinonaktifkan"):
        auth.login("kph", PASSWORD)


def test_unknown_user_gets_the_same_message_as_a_wrong_password():
    make_office()
    with pytest.raises(AuthenticationFailed, match="^Nama pengguna atau kata sandi salah.$"):
        auth.login("tidakada", PASSWORD)
