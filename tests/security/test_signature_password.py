"""The password asked again before a signature cannot be guessed without limit (issue 13, class 13).

On SQLite, on an unsecured PostgreSQL database and on a secured one with the Kabid on their own
login: five wrong passwords lock the account (the count is committed, not rolled back with the
refused signature), the right password is then refused too, and nothing is signed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import AuditLog, Disposition, User
from desktop.services.errors import AuthenticationFailed
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import PASSWORD, letter_draft, make_office, session, team
from tests.db.test_pg_per_user_flow import PerUserConnections


def _guess_the_signature_password() -> None:
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    kabid = session("kabid")
    draft = sijarla.DispositionDraft("Siapkan tim.", team().id, dt.date.today() + dt.timedelta(days=3))
    disposition_id = sijarla.save_disposition(kabid, receipt.case_id, draft)
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationFailed, match="Kata sandi salah"):
            sijarla.sign_disposition(kabid, disposition_id, f"tebakan-{attempt}", 1)
    with pytest.raises(AuthenticationFailed, match="dikunci"):
        sijarla.sign_disposition(kabid, disposition_id, "tebakan-5", 1)
    with pytest.raises(AuthenticationFailed, match="terkunci"):  # even the right one, while locked
        sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    assert Disposition.get_by_id(disposition_id).signed_at is None
    assert User.get(User.username == "kabid").locked_until is not None
    failed = AuditLog.select().where(AuditLog.action == "konfirmasi_sandi_gagal")
    assert failed.count() >= 5


def test_signature_password_guesses_lock_the_account(database: str):
    _guess_the_signature_password()


def test_signature_password_guesses_lock_the_account_on_a_secured_database(per_user: PerUserConnections):
    _guess_the_signature_password()
    assert per_user.calls.get("kabid", 0) >= 6


def test_the_right_password_after_a_slip_starts_the_count_again(database: str):
    """Four slips, the right password (signed), then four slips on the next signature: not locked."""
    make_office()
    kabid = session("kabid")
    for _round in range(2):
        receipt = sijarla.register_letter(session("meja"), letter_draft())
        draft = sijarla.DispositionDraft("Siapkan tim.", team().id, dt.date.today() + dt.timedelta(days=3))
        disposition_id = sijarla.save_disposition(kabid, receipt.case_id, draft)
        for attempt in range(1, 5):
            with pytest.raises(AuthenticationFailed, match="Kata sandi salah"):
                sijarla.sign_disposition(kabid, disposition_id, f"tebakan-{attempt}", 1)
        assert User.get(User.username == "kabid").failed_logins == 4
        sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
        user = User.get(User.username == "kabid")
        assert (user.failed_logins, user.locked_until) == (0, None)
        assert Disposition.get_by_id(disposition_id).signed_at is not None
