"""PostgreSQL itself refuses what a member of staff's office function does not allow.

Every check here connects with psycopg2 as the user's own login role, as `psql` would:
not through the app. The database is the demo office (cases at every step, service
records of both teams), secured with `db_secure.secure_database`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg2
import psycopg2.errors
import pytest

from desktop.models import User, connection, db, pg_security
from desktop.services import db_secure
from desktop.services.demo import office as demo
from desktop.services.office.reference_defaults import ensure_reference_data
from tests.conftest import PgServer, _pg_template
from tests.pg_logins import GATE_PASSWORD, ask_gate, connect_as

PASSWORD = demo.DEMO_PASSWORD
DENIED = psycopg2.errors.InsufficientPrivilege


@dataclass(frozen=True)
class Secured:
    server: PgServer
    dbname: str
    prefix: str
    roles: dict[str, tuple[str, ...]]  # username -> role codes

    def connect(self, username: str, password: str = PASSWORD):
        """The user's own login as psql gets it: through the gate with their own password."""
        return connect_as(self.server.host, self.server.port, self.dbname, username, password)

    def gate(self, password: str = GATE_PASSWORD):
        return psycopg2.connect(
            host=self.server.host,
            port=self.server.port,
            dbname=self.dbname,
            user=pg_security.gate_role(self.prefix),
            password=password,
            connect_timeout=10,
        )


@pytest.fixture(scope="module")
def secured(pg_server: PgServer) -> Iterator[Secured]:
    name = f"dinas_sec_{uuid.uuid4().hex[:10]}"
    pg_server.create_database(name, _pg_template(pg_server))
    connection.initialize(pg_server.url(name))
    try:
        ensure_reference_data()
        demo.build_demo(dt.date.today())
        result = db_secure.secure_database(GATE_PASSWORD, {u.username: PASSWORD for u in User.select()})
        assert result.without_password == ()
        from desktop.services.security.auth import ordered_role_codes

        roles = {u.username: ordered_role_codes(u.id) for u in User.select()}
    finally:
        connection.close()
    yield Secured(pg_server, name, result.prefix, roles)
    pg_server.drop_database(name)


def _error_of(con, sql: str, params: tuple = ()) -> Exception | None:
    """Run one statement in a transaction that is rolled back; the error it raised, if any."""
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
        return None
    except psycopg2.Error as exc:
        return exc
    finally:
        con.rollback()


def _tables(secured: Secured) -> dict[str, list[str]]:
    con = secured.server.connect(secured.dbname)
    try:
        with con.cursor() as cur:
            cur.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
            )
            found: dict[str, list[str]] = {}
            for table, column in cur.fetchall():
                found.setdefault(table, []).append(column)
            return found
    finally:
        con.close()


def _probe(table: str, columns: list[str], op: str) -> str:
    """A statement that needs privilege `op` on the table and changes nothing."""
    column = "version" if "version" in columns else columns[1]
    if op == "SELECT":
        return f'SELECT * FROM "{table}" LIMIT 1'
    if op == "INSERT":
        return f'INSERT INTO "{table}" ("{column}") SELECT NULL WHERE false'
    if op == "UPDATE":
        return f'UPDATE "{table}" SET "{column}" = NULL WHERE false'
    return f'DELETE FROM "{table}" WHERE false'


def _allowed(codes: tuple[str, ...], table: str, op: str) -> bool:
    if op == "SELECT":
        if table == "service_record":  # whole rows: the teams; the masking roles see no full NIK
            return bool(set(codes) & {*pg_security.RECORDS_OWN_TEAM})
        if table == "dd_password":
            return False  # the password hashes: only the gate's functions read them
        if table in ("field_package_key", "field_conflict"):  # a package's key, a merge's conflicts
            return bool(set(codes) & {*pg_security.RECORDS_OWN_TEAM})
        return True  # audit_log too: its rows are filtered by policies (test below)
    if (table, op) == ("audit_log", "INSERT"):
        return True  # everyone appends; a trigger stamps who
    return any(op in pg_security.GROUP_WRITES.get(code, {}).get(table, "") for code in codes)


USERS = ["admin", "meja", "kabid", "kadis", "ketua1", "anggota1", "kph", "kabidpdip", "kasi"]
USERS += ["sekretaris", "adb"]


@pytest.mark.parametrize("username", USERS)
def test_each_role_reads_and_writes_only_what_its_steps_need(secured: Secured, username: str):
    codes = secured.roles[username]
    con = secured.connect(username)
    refused, allowed = [], []
    try:
        for table, columns in _tables(secured).items():
            for op in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                error = _error_of(con, _probe(table, columns, op))
                if _allowed(codes, table, op):
                    assert not isinstance(error, DENIED), f"{username} should be allowed {op} on {table}"
                    allowed.append((table, op))
                else:
                    assert isinstance(error, DENIED), f"{username} could {op} {table}: {error!r}"
                    refused.append((table, op))
    finally:
        con.close()
    assert ("audit_log", "UPDATE") in refused and ("audit_log", "DELETE") in refused
    assert ("sop_case", "SELECT") in allowed and ("audit_log", "INSERT") in allowed
    assert len(refused) > 60  # most of the schema is out of reach for every single function


def test_personal_data_is_out_of_reach_of_functions_that_do_not_serve_people(secured: Secured):
    for username in ("meja", "kasi", "sekretaris", "adb", "admin"):
        con = secured.connect(username)
        try:
            error = _error_of(con, "SELECT nik, full_name FROM service_record")
            assert isinstance(error, DENIED), username
            error = _error_of(con, "SELECT count(*) FROM service_record WHERE nik LIKE '13%%'")
            assert isinstance(error, DENIED), username
        finally:
            con.close()


def test_team_members_see_and_write_only_their_own_teams_records(secured: Secured):
    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        cur.execute(
            "SELECT t.name, count(r.id) FROM service_record r JOIN sop_case c ON c.id = r.case_id "
            "JOIN team t ON t.id = c.team_id GROUP BY t.name"
        )
        by_team = dict(cur.fetchall())
        cur.execute("SELECT count(*) FROM service_record")
        total = cur.fetchone()[0]
        cur.execute(
            "SELECT r.* FROM service_record r JOIN sop_case c ON c.id = r.case_id "
            "JOIN team t ON t.id = c.team_id WHERE t.name = 'Tim SIJARLA II' LIMIT 1"
        )
        other_team_row = cur.fetchone()
        columns = [d[0] for d in cur.description]
    owner.close()
    assert by_team["Tim SIJARLA I"] > 0 and by_team["Tim SIJARLA II"] > 0

    anggota1 = secured.connect("anggota1")  # Tim SIJARLA I
    try:
        with anggota1.cursor() as cur:
            cur.execute("SELECT count(*) FROM service_record")
            assert cur.fetchone()[0] == by_team["Tim SIJARLA I"] < total
            cur.execute("SELECT count(*) FROM service_record WHERE id = %s", (other_team_row[0],))
            assert cur.fetchone()[0] == 0
            cur.execute("UPDATE service_record SET note = 'diubah' WHERE id = %s", (other_team_row[0],))
            assert cur.rowcount == 0  # invisible rows cannot be changed either
        anggota1.rollback()
        values = dict(zip(columns, other_team_row, strict=True))
        for derived in ("id", "nik_masked", "kk_masked"):  # the database makes these
            values.pop(derived)
        values["nik"] = "1302035507510009"
        placeholders = ", ".join(["%s"] * len(values))
        error = _error_of(
            anggota1,
            f"INSERT INTO service_record ({', '.join(values)}) VALUES ({placeholders})",
            tuple(values.values()),
        )
        assert isinstance(error, DENIED) and "row-level security" in str(error)
    finally:
        anggota1.close()

    kph = secured.connect("kph")
    try:
        with kph.cursor() as cur:
            cur.execute("SELECT count(*) FROM service_record")
            assert cur.fetchone()[0] == total
    finally:
        kph.close()


def test_signatures_are_written_only_through_the_signing_functions(secured: Secured):
    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        columns = "case_id, letter_id, sifat, forwarded_to, requests, instructions, team_id, deadline"
        columns += ", drafted_by_id"
        cur.execute(
            f"INSERT INTO disposition ({columns}, drafted_at, updated_at, version) "
            f"SELECT {columns}, localtimestamp, localtimestamp, 1 FROM disposition LIMIT 1 "
            "RETURNING id, version"
        )
        draft_id, draft_version = cur.fetchone()
        cur.execute("SELECT id FROM app_user WHERE username IN ('kabid', 'kadis') ORDER BY username")
        kabid_id, kadis_id = (r[0] for r in cur.fetchall())
    owner.close()

    for username in ("kabid", "kadis", "meja", "admin"):
        con = secured.connect(username)
        try:
            for sql in (
                "UPDATE disposition SET signed_at = localtimestamp WHERE false",
                "UPDATE disposition SET signed_by_id = 1 WHERE false",
                "UPDATE assignment_letter SET signature_sha256 = 'x' WHERE false",
                "INSERT INTO disposition (signed_at) SELECT NULL WHERE false",
            ):
                assert isinstance(_error_of(con, sql), DENIED), (username, sql)
        finally:
            con.close()

    sign = "SELECT dd_sign_disposition(%s, %s, %s, localtimestamp(0)::timestamp, %s)"
    for username in ("meja", "kadis", "kph"):  # not a Kabid: no EXECUTE at all
        con = secured.connect(username)
        try:
            error = _error_of(con, sign, (draft_id, draft_version, kabid_id, "a" * 64))
            assert isinstance(error, DENIED) and "permission denied for function" in str(error), username
        finally:
            con.close()

    kabid = secured.connect("kabid")
    try:
        error = _error_of(kabid, sign, (draft_id, draft_version, kadis_id, "a" * 64))
        assert isinstance(error, DENIED) and "atas nama pengguna lain" in str(error)
        with kabid.cursor() as cur:
            cur.execute(sign, (draft_id, draft_version + 7, kabid_id, "a" * 64))
            assert cur.fetchone()[0] is False  # a stale version signs nothing
            cur.execute(sign, (draft_id, draft_version, kabid_id, "b" * 64))
            assert cur.fetchone()[0] is True
            cur.execute("SELECT signed_by_id, version FROM disposition WHERE id = %s", (draft_id,))
            assert cur.fetchone() == (kabid_id, draft_version + 1)
            cur.execute(sign, (draft_id, draft_version + 1, kabid_id, "c" * 64))
            assert cur.fetchone()[0] is False  # signed once, never again
        kabid.rollback()
    finally:
        kabid.close()


def test_audit_log_is_append_only_and_stamped_with_the_real_login(secured: Secured):
    for username in USERS:
        con = secured.connect(username)
        try:
            for sql in (
                "UPDATE audit_log SET detail = '' WHERE true",
                "DELETE FROM audit_log WHERE true",
                "TRUNCATE audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_log_no_update_delete ON audit_log",
            ):
                error = _error_of(con, sql)
                assert error is not None and error.pgcode in ("42501",), (username, sql, error)
        finally:
            con.close()

    meja = secured.connect("meja")
    try:
        with meja.cursor() as cur:
            cur.execute(
                "INSERT INTO audit_log (at, user_id, username, action, entity, detail, workstation) "
                "VALUES ('2001-01-01', 3, 'kadis', 'palsu', 'x', '', '')"
            )
        meja.commit()
    finally:
        meja.close()
    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        cur.execute("SELECT username, at FROM audit_log WHERE action = 'palsu'")
        username, at = cur.fetchone()
    owner.close()
    assert username == "meja" and at.year == dt.date.today().year


def test_audit_lines_about_people_and_accounts_are_for_the_administrator(secured: Secured):
    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_log")
        total = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM audit_log WHERE entity IN ('user', 'service_record')")
        private = cur.fetchone()[0]
    owner.close()
    assert private > 0

    admin = secured.connect("admin")
    with admin.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_log")
        assert cur.fetchone()[0] >= total
    admin.close()
    for username in ("meja", "kabid", "ketua1"):
        con = secured.connect(username)
        with con.cursor() as cur:
            cur.execute("SELECT id FROM app_user WHERE username = %s", (username,))
            own_id = cur.fetchone()[0]
            cur.execute(
                "SELECT count(*) FROM audit_log WHERE entity IN ('user', 'service_record') "
                "AND user_id IS DISTINCT FROM %s",
                (own_id,),
            )
            assert cur.fetchone()[0] == 0, username
            cur.execute("SELECT count(*) FROM audit_log WHERE entity = 'sop_case'")
            assert cur.fetchone()[0] > 0, username  # the case trail the case file shows
        con.close()


def test_the_roles_that_see_niks_masked_cannot_read_a_full_nik_with_their_own_login(secured: Secured):
    """Issue 13, class 6: the Kabid, the Kepala Dinas, the KPH and the Kabid Pemanfaatan read every
    record with psql, but the NIK and KK only masked; a whole-NIK search works through the server's
    function, a prefix or range on the full column does not exist for them."""
    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        cur.execute(
            "SELECT id, nik, kk, nik_masked FROM service_record WHERE kk IS NOT NULL ORDER BY id LIMIT 1"
        )
        record_id, nik, kk, nik_masked = cur.fetchone()
        cur.execute("SELECT count(*) FROM service_record")
        total = cur.fetchone()[0]
    owner.close()
    assert nik_masked == nik[:6] + "******" + nik[-4:]
    for username in ("kabid", "kadis", "kph", "kabidpdip"):
        con = secured.connect(username)
        try:
            for sql in (
                "SELECT nik FROM service_record LIMIT 1",
                "SELECT kk FROM service_record LIMIT 1",
                "SELECT * FROM service_record LIMIT 1",
                "SELECT count(*) FROM service_record WHERE nik LIKE '1302%%'",
                "SELECT id FROM service_record ORDER BY nik LIMIT 1",
                "SELECT max(kk) FROM service_record",
            ):
                assert isinstance(_error_of(con, sql), DENIED), (username, sql)
            with con.cursor() as cur:
                cur.execute("SELECT count(*), count(nik_masked), max(full_name) FROM service_record")
                assert cur.fetchone()[:2] == (total, total)
                cur.execute("SELECT nik_masked, kk_masked FROM service_record WHERE id = %s", (record_id,))
                assert cur.fetchone() == (nik_masked, kk[:6] + "******" + kk[-4:])
                cur.execute("SELECT dd_records_with_nik(%s)", (nik,))
                assert record_id in [r[0] for r in cur.fetchall()]
                cur.execute("SELECT count(*) FROM dd_records_with_nik(%s)", (nik[:12],))
                assert cur.fetchone()[0] == 0  # only a whole NIK finds anything
            con.rollback()
        finally:
            con.close()
    # A team member reads its own team's records whole, and may not call the masking roles' search.
    con = secured.connect("anggota1")
    try:
        with con.cursor() as cur:
            cur.execute("SELECT count(nik) FROM service_record")
            assert cur.fetchone()[0] > 0
        con.rollback()
        assert isinstance(_error_of(con, "SELECT dd_records_with_nik(%s)", (nik,)), DENIED)
    finally:
        con.close()


def test_login_administration_and_the_gate_are_for_their_roles_only(secured: Secured):
    verifier = pg_security.login_key("admin", "sandi-baru-123")
    for username in ("meja", "kabid", "kadis", "kph"):
        con = secured.connect(username)
        try:
            for sql, params in (
                ("SELECT dd_create_login(%s, %s, ARRAY['administrator'])", ("penyusup", verifier)),
                ("SELECT dd_set_login_groups(%s, ARRAY['administrator'])", (username,)),
                ("SELECT dd_set_login_password(%s, %s)", ("admin", verifier)),
                ("SELECT rolpassword FROM pg_authid", ()),
                ("SELECT hash FROM dd_password", ()),  # no client reads the password store
                ("SELECT dd_login(%s, %s)", ("kadis", verifier)),  # only the gate logs in
                ("SELECT crypt('x', gen_salt('bf'))", ()),
                ("CREATE ROLE penyusup LOGIN", ()),
                ("CREATE TABLE curian AS SELECT 1", ()),
            ):
                assert isinstance(_error_of(con, sql, params), DENIED), (username, sql)
        finally:
            con.close()

    con = secured.connect("admin")  # the administrator manages logins, but reads no password hash
    try:
        for sql in ("SELECT hash FROM dd_password", "SELECT crypt('x', gen_salt('bf'))"):
            assert isinstance(_error_of(con, sql), DENIED), sql
    finally:
        con.close()

    gate = secured.gate()
    try:
        for sql in (
            "SELECT * FROM app_user",
            "SELECT * FROM sop_case",
            "SELECT * FROM dd_password",
            "SELECT dd_confirm_password('x')",
            "SELECT dd_login_failed('meja')",
        ):
            assert isinstance(_error_of(gate, sql), DENIED), sql
        with gate.cursor() as cur:
            cur.execute("SELECT dd_login('meja', %s)", (pg_security.login_key("meja", PASSWORD),))
            assert cur.fetchone()[0].startswith("ok ")
        gate.rollback()
    finally:
        gate.close()

    # Every function is closed to PUBLIC: a role outside Dinas Desk can run none of them.
    owner = secured.server.connect(secured.dbname)
    try:
        with owner.cursor() as cur:
            cur.execute(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND has_function_privilege('public', p.oid, 'EXECUTE')"
            )
            assert cur.fetchall() == []
            cur.execute(
                "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.prosecdef"
            )
            assert cur.fetchone()[0] >= 10
    finally:
        owner.close()


def test_the_users_own_login_goes_to_the_gates_hostaddr(secured: Secured):
    """A URL naming the server by a name no resolver knows (the one on its certificate, say) and its
    address in hostaddr: the user's own login after the gate goes to that address too."""
    from desktop.services import bootstrap, workspace
    from desktop.services.security import auth

    gate_url = (
        f"postgresql://{pg_security.gate_role(secured.prefix)}:{GATE_PASSWORD}"
        f"@dinas-desk-server.invalid:{secured.server.port}/{secured.dbname}?hostaddr={secured.server.host}"
    )
    bootstrap.open_database(gate_url)
    try:
        session = auth.login("kabid", PASSWORD)
        assert pg_security.per_user_session() and db.obj.connect_params["hostaddr"] == secured.server.host
        workspace.log_out(session)
        assert pg_security.gate_session()
    finally:
        connection.close()


def test_the_app_logs_in_through_the_gate_as_the_users_own_role(secured: Secured):
    """auth.login on the gate connection: lockout counted by the gate, then the user's own login."""
    from desktop.services import bootstrap, workspace
    from desktop.services.errors import AuthenticationFailed
    from desktop.services.security import auth

    gate_url = (
        f"postgresql://{pg_security.gate_role(secured.prefix)}:{GATE_PASSWORD}"
        f"@{secured.server.host}:{secured.server.port}/{secured.dbname}"
    )
    bootstrap.open_database(gate_url)  # what the app does at start with the workstation's URL
    try:
        assert pg_security.gate_session()
        assert workspace.office_summary().short_name  # the login window shows the office
        for attempt in range(1, 5):
            with pytest.raises(AuthenticationFailed, match=f"Sisa percobaan: {5 - attempt}"):
                auth.login("anggota2", "salah-sandi")
        with pytest.raises(AuthenticationFailed, match="Akun dikunci sampai"):
            auth.login("anggota2", "salah-sandi")
        with pytest.raises(AuthenticationFailed, match="terkunci"):
            auth.login("anggota2", PASSWORD)  # even the right password waits for the lock to end
        assert pg_security.gate_session()

        session = auth.login("Kabid", PASSWORD)
        assert session.username == "kabid" and pg_security.per_user_session()
        auth.verify_password_again(session, PASSWORD)  # checked by the server's password store
        with pytest.raises(AuthenticationFailed):
            auth.verify_password_again(session, "bukan-sandinya")
        auth.verify_session_password(session, PASSWORD)  # the idle lock, on the user's own login
        with pytest.raises(AuthenticationFailed, match="Kata sandi salah"):
            auth.verify_session_password(session, "bukan-sandinya")
        workspace.log_out(session)
        assert pg_security.gate_session()
    finally:
        connection.close()

    owner = secured.server.connect(secured.dbname)
    with owner.cursor() as cur:
        cur.execute(
            "SELECT action FROM audit_log WHERE action IN ('login_gagal', 'akun_dikunci', 'login', "
            "'login_ditolak_terkunci') ORDER BY id DESC LIMIT 8"
        )
        actions = [r[0] for r in cur.fetchall()]
        cur.execute(
            "SELECT failed_logins, locked_until IS NOT NULL FROM app_user WHERE username = 'anggota2'"
        )
        assert cur.fetchone() == (0, True)
        cur.execute("UPDATE app_user SET locked_until = NULL WHERE username = 'anggota2'")
    owner.close()
    assert (
        actions[0] == "login_gagal"
        and "login" in actions
        and "akun_dikunci" in actions
        and "login_ditolak_terkunci" in actions
    )


def test_a_session_replaced_by_a_login_elsewhere_asks_to_log_in_again(secured: Secured):
    """The same account logs in on a second PC: the gate hands out a new server password, so the first
    PC's connection, once dropped, cannot reconnect; the user is told why, in Indonesian."""
    from desktop.errors import DatabaseUnavailable
    from desktop.services import bootstrap, workspace
    from desktop.services.security import auth

    gate_url = (
        f"postgresql://{pg_security.gate_role(secured.prefix)}:{GATE_PASSWORD}"
        f"@{secured.server.host}:{secured.server.port}/{secured.dbname}"
    )
    bootstrap.open_database(gate_url)
    try:
        auth.login("kasi", PASSWORD)
        assert workspace.office_summary().short_name
        assert ask_gate(secured.server.host, secured.server.port, secured.dbname, "kasi").startswith("ok ")
        db.close()  # the network dropped the first PC's connection
        with pytest.raises(DatabaseUnavailable, match="Sesi Anda di server database sudah berakhir"):
            workspace.office_summary()
    finally:
        connection.close()


def test_db_secure_command_gives_the_named_administrator_a_login(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from desktop import cli

    name = f"dinas_cli_{uuid.uuid4().hex[:10]}"
    pg_server.create_database(name, _pg_template(pg_server))
    url = pg_server.url(name)
    monkeypatch.setenv("DINAS_DESK_PASSWORD", "sandi-awal-123")
    monkeypatch.setenv("DINAS_DESK_ADMIN_PASSWORD", "sandi-awal-123")
    try:
        assert (
            cli.main(
                ["--db", url, "user", "add", "kepala.it", "--nama", "Kepala IT", "--peran", "administrator"]
            )
            == 0
        )
        assert (
            cli.main(
                [
                    "--db",
                    url,
                    "user",
                    "add",
                    "meja2",
                    "--nama",
                    "Meja",
                    "--peran",
                    "pengadministrasi_umum",
                    "--sebagai",
                    "kepala.it",  # a second account needs an administrator's own login
                ]
            )  # fmt: skip
            == 0
        )
        assert cli.main(["--db", url, "db", "secure", "--admin", "kepala.it"]) == 0
        out = capsys.readouterr().out
        prefix = pg_security.role_prefix(name)
        assert f"gerbang masuk: {prefix}gerbang" in out and "meja2" in out.splitlines()[-1]
        # The gate (its password was typed first) logs the administrator in with the password typed
        # second; the other account has none yet and is refused, its try counted.
        gate = ("sandi-awal-123",)
        status = ask_gate(pg_server.host, pg_server.port, name, "kepala.it", "sandi-awal-123", *gate)
        assert status.startswith("ok ")
        psycopg2.connect(
            host=pg_server.host,
            port=pg_server.port,
            dbname=name,
            user=f"{prefix}u_kepala.it",
            password=status.split(" ", 1)[1],
        ).close()
        assert ask_gate(pg_server.host, pg_server.port, name, "meja2", "sandi-awal-123", *gate) == "gagal 1"
        # Straight at PostgreSQL the account's own password opens nothing: the role's password is
        # the gate's secret.
        for user in ("kepala.it", "meja2"):
            with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
                psycopg2.connect(
                    host=pg_server.host,
                    port=pg_server.port,
                    dbname=name,
                    user=f"{prefix}u_{user}",
                    password="sandi-awal-123",
                )
    finally:
        connection.close()
        pg_server.drop_database(name)


def test_the_users_page_shows_each_accounts_own_postgresql_login(secured: Secured):
    """The administrator sees, per account, whether its PostgreSQL login exists, is enabled and has the
    account's roles as groups; a login changed behind the app's back shows as out of step."""
    from desktop.services import bootstrap
    from desktop.services.office import admin
    from desktop.services.security import auth

    gate_url = (
        f"postgresql://{pg_security.gate_role(secured.prefix)}:{GATE_PASSWORD}"
        f"@{secured.server.host}:{secured.server.port}/{secured.dbname}"
    )
    owner = secured.server.connect(secured.dbname)
    owner.autocommit = True
    bootstrap.open_database(gate_url)
    try:
        actor = auth.login("admin", PASSWORD)
        rows = {u.username: u for u in admin.list_users(actor)}
        assert {u.database_login for u in rows.values()} == {admin.DATABASE_LOGIN_OK}

        sekretaris = rows["sekretaris"]
        row = admin.deactivate_user(actor, sekretaris.id, sekretaris.version)
        assert row.database_login == admin.DATABASE_LOGIN_DISABLED
        with pytest.raises(psycopg2.OperationalError):
            secured.connect("sekretaris")  # PostgreSQL refuses the login itself
        admin.reactivate_user(actor, row.id, row.version)

        kasi_group = pg_security.group_role(secured.prefix, secured.roles["kasi"][0])
        with owner.cursor() as cur:  # someone with the owner's password changes a login by hand
            cur.execute(f'REVOKE "{kasi_group}" FROM "{pg_security.login_role(secured.prefix, "kasi")}"')
            cur.execute(
                "INSERT INTO app_user (username, full_name, password_hash, is_active, failed_logins, "
                "pangkat_golongan, jabatan, password_changed_at, version, updated_at) "
                "SELECT 'tanpalogin', 'Tanpa Login', password_hash, true, 0, '', '', now(), 1, now() "
                "FROM app_user WHERE username = 'kasi'"
            )
        rows = {u.username: u for u in admin.list_users(actor)}
        assert rows["kasi"].database_login == admin.DATABASE_LOGIN_OUT_OF_STEP
        assert rows["tanpalogin"].database_login == admin.DATABASE_LOGIN_MISSING
        assert rows["sekretaris"].database_login == admin.DATABASE_LOGIN_OK  # enabled again

        admin.set_roles(actor, rows["kasi"].id, secured.roles["kasi"], rows["kasi"].version)
        assert {u.username: u for u in admin.list_users(actor)}[
            "kasi"
        ].database_login == admin.DATABASE_LOGIN_OK
    finally:
        connection.close()
        with owner.cursor() as cur:
            cur.execute("DELETE FROM app_user WHERE username = 'tanpalogin'")
        owner.close()
