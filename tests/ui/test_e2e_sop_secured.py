"""The whole SIJARLA SOP through the real main window on a secured PostgreSQL database.

The end-to-end test of tests/ui/test_e2e_sop.py runs unchanged, but on a database secured
with the app's own commands: every desk logs in through the login dialog, which asks the
login gate (`<p>gerbang`) and then connects as the user's own PostgreSQL login; every step is
done on that login, and logging out leaves it. The test's own checks between desks read on the
connection the app returns to after log-out: here the owner's (the gate's password is set to
the owner's, and the owner's connection stands for the gate), so the checks see everything.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from desktop.models import AuditLog, connection, db, pg_security
from desktop.services import db_secure, workspace
from desktop.services.demo.office import create_office, create_people
from desktop.services.office.reference_defaults import ensure_reference_data
from tests.conftest import PgServer, _pg_template
from tests.ui import test_e2e_sop
from tests.ui.test_e2e_sop import _windows  # noqa: F401 (autouse fixture)


@pytest.fixture
def demo_logins(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    name = f"dinas_ui_{uuid.uuid4().hex[:10]}"
    pg_server.create_database(name, _pg_template(pg_server))
    connection.initialize(pg_server.url(name))
    try:
        ensure_reference_data()
        db_secure.secure_database(pg_server.password)
        with db.atomic():
            create_office()
            people = create_people()
        # The owner's connection stands for the gate between desks (see the module's docstring).
        monkeypatch.setattr(pg_security, "gate_session", lambda: not pg_security.per_user_session())
        yield people
    finally:
        connection.close()
        pg_server.drop_database(name)


def _log_out_to_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    close = test_e2e_sop.log_out

    def log_out(qtbot, window) -> None:  # as the app's "Keluar": the user's login closes, the gate opens
        close(qtbot, window)
        workspace.log_out(window.session)

    monkeypatch.setattr(test_e2e_sop, "log_out", log_out)


def test_sijarla_desk_by_desk_with_every_desk_on_its_own_postgresql_login(
    qtbot, demo_logins, monkeypatch, tmp_path, translation_lookups
):
    _log_out_to_the_gate(monkeypatch)
    test_e2e_sop.test_a_request_goes_through_the_whole_sijarla_sop_desk_by_desk(
        qtbot, demo_logins, monkeypatch, tmp_path, translation_lookups
    )
    assert not pg_security.per_user_session()  # the last desk logged out
    logins = {a.username for a in AuditLog.select().where(AuditLog.action == "login")}
    assert {"meja", "kabid", "kadis", "ketua1", "kph", "kabidpdip"} <= logins
    # Every change was written by a user's own login (the server stamps the login on each line).
    writers = {a.username for a in AuditLog.select().where(AuditLog.action.in_(["db_tambah", "db_ubah"]))}
    assert {"meja", "kabid", "kadis", "ketua1", "kph", "kabidpdip"} <= writers


def test_innovation_desk_by_desk_with_every_desk_on_its_own_postgresql_login(
    qtbot, demo_logins, monkeypatch, tmp_path, translation_lookups
):
    _log_out_to_the_gate(monkeypatch)
    test_e2e_sop.test_an_idea_goes_through_the_whole_innovation_sop_desk_by_desk(
        qtbot, demo_logins, tmp_path, translation_lookups
    )
    assert not pg_security.per_user_session()
    writers = {a.username for a in AuditLog.select().where(AuditLog.action.in_(["db_tambah", "db_ubah"]))}
    assert {"kasi", "kabidpdip", "kadis", "adb"} <= writers
