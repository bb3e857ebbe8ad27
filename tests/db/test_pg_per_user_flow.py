"""The SOP flows run with every actor connected to PostgreSQL as their own login role.

The grants of a secured database must be enough for each office function to do its SOP
steps, and nothing more (tests/db/test_pg_roles.py shows the "nothing more"). Here the
flow tests of both SOPs run unchanged, but every service call made for an actor switches
the database to that actor's own PostgreSQL login first, as the app does after login. A
missing grant fails the flow with "permission denied"; the test's own checks read as the
database owner.
"""

from __future__ import annotations

import functools
import inspect
import pkgutil
import uuid
from collections.abc import Iterator

import pytest

import desktop.services
from desktop.models import AuditLog, User, connection, db, pg_security
from desktop.models.resilience import ResilientPostgresqlDatabase
from desktop.services import db_secure
from desktop.services.office.reference_defaults import ensure_reference_data
from tests.conftest import PgServer, _pg_template
from tests.db import test_inovasi_flow, test_sijarla_flow
from tests.pg_logins import GATE_PASSWORD, server_password

from .factories import PASSWORD

FLOWS = [
    test_sijarla_flow.test_sijarla_from_letter_to_acknowledged_recap,
    test_sijarla_flow.test_kabid_returns_a_request_with_a_reason,
    test_sijarla_flow.test_stale_disposition_edit_is_refused_and_names_who_changed_it,
    test_sijarla_flow.test_case_from_low_coverage_analysis_starts_at_disposition_without_letter,
    test_inovasi_flow.test_innovation_runs_all_eight_steps_with_one_return_at_the_first_discussion,
    test_inovasi_flow.test_tolak_at_the_first_discussion_closes_the_case_as_rejected,
    test_inovasi_flow.test_kabid_returns_the_idea_with_a_reason,
]


class PerUserConnections:
    """Switches the global database to the actor's own login for the outermost service call."""

    def __init__(self, server: PgServer, dbname: str, owner) -> None:
        self.server, self.dbname, self.owner = server, dbname, owner
        self.prefix = pg_security.role_prefix(dbname)
        self.databases: dict[str, ResilientPostgresqlDatabase] = {}
        self.depth = 0
        self.calls: dict[str, int] = {}

    def database_of(self, username: str) -> ResilientPostgresqlDatabase:
        if username not in self.databases:
            self.databases[username] = ResilientPostgresqlDatabase(
                self.dbname,
                autorollback=False,
                host=self.server.host,
                port=self.server.port,
                user=pg_security.login_role(self.prefix, username),
                password=server_password(self.server.host, self.server.port, self.dbname, username, PASSWORD),
            )
        return self.databases[username]

    def wrap(self, fn):
        @functools.wraps(fn)
        def as_actor(actor, *args, **kwargs):
            if self.depth or actor is None or not hasattr(actor, "username"):
                return fn(actor, *args, **kwargs)
            self.depth += 1
            db.initialize(self.database_of(actor.username))
            try:
                assert pg_security.per_user_session()
                self.calls[actor.username] = self.calls.get(actor.username, 0) + 1
                return fn(actor, *args, **kwargs)
            finally:
                db.initialize(self.owner)
                self.depth -= 1

        return as_actor

    def close(self) -> None:
        for database in self.databases.values():
            database.close()


def _service_modules():
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        yield __import__(info.name, fromlist=["_"])


@pytest.fixture
def per_user(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[PerUserConnections]:
    name = f"dinas_pu_{uuid.uuid4().hex[:10]}"
    pg_server.create_database(name, _pg_template(pg_server))
    connection.initialize(pg_server.url(name))
    ensure_reference_data()
    db_secure.secure_database(GATE_PASSWORD)
    switch = PerUserConnections(pg_server, name, db.obj)
    for module in _service_modules():
        for attr, fn in list(vars(module).items()):
            if inspect.isfunction(fn) and fn.__module__ == module.__name__:
                params = list(inspect.signature(fn).parameters)
                if params[:1] == ["actor"]:
                    monkeypatch.setattr(module, attr, switch.wrap(fn))
    try:
        yield switch
    finally:
        switch.close()
        connection.close()
        pg_server.drop_database(name)


@pytest.mark.parametrize("flow", FLOWS, ids=[f.__name__.removeprefix("test_") for f in FLOWS])
def test_sop_flow_runs_with_every_actor_on_their_own_postgresql_login(per_user: PerUserConnections, flow):
    flow()
    assert per_user.calls, "no service call ran under a user's own login"
    # Every account the flow used got its own login role, and the audit log names the login.
    for username in per_user.calls:
        user = User.get(User.username == username)
        assert user.password_hash == pg_security.PASSWORD_MARKER
        assert AuditLog.select().where(AuditLog.user_id == user.id).exists()
    changes = AuditLog.select().where(AuditLog.action.in_(["db_tambah", "db_ubah"]))
    assert changes.where(AuditLog.username.in_(list(per_user.calls))).exists()
