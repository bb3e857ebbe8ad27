"""Every member of staff attacks a secured database with their own PostgreSQL login.

The office is the demo office on a database secured with the app's own commands
(`db_secure.secure_database`); one SIJARLA case is run through the services on the
actors' own logins up to the issued Laporan. Then, for every account, a plain psycopg2
connection with that account's own login (what psql gives a clerk who knows their
password) tries each attack class of issue 13 that the database closes, and each try is
refused (SQLSTATE 42501) or sees and changes nothing. The same is tried through the
service layer with a forged `Session` for another user: the database refuses.

docs/security.md lists, per control, the test here that proves it and how each test was
shown to fail with its control removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg2
import pytest

from desktop.models import (
    AssignmentLetter,
    Attachment,
    AuditLog,
    Disposition,
    IssuedDocument,
    NumberSequence,
    Recap,
    Report,
    ServiceRecord,
    SopCase,
    Team,
    TeamMember,
    User,
    db,
    pg_security,
)
from desktop.services import case_view, db_secure
from desktop.services.documents import issue as documents
from desktop.services.errors import NotFound, PermissionDenied
from desktop.services.office import admin
from desktop.services.security.auth import role_codes
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla
from tests.conftest import PgServer
from tests.db.factories import PASSWORD, letter_draft, make_office, session, team
from tests.db.test_pg_per_user_flow import PerUserConnections
from tests.db.test_sijarla_flow import record
from tests.pg_logins import ask_gate, connect_as, forget_secrets, server_password

DENIED = "42501"
USERNAMES = (
    "admin",
    "meja",
    "kabid",
    "kadis",
    "ketua1",
    "anggota1",
    "anggota2",
    "ketua2",
    "anggota3",
    "kph",
    "kabidpdip",
    "kasi",
    "sekretaris",
    "adb",
)


@dataclass(frozen=True)
class Office:
    server: PgServer
    dbname: str
    prefix: str
    case_id: int
    disposition_id: int
    assignment_id: int
    report_id: int
    receipt_doc: int
    assignment_doc: int
    report_doc: int
    other_team: int
    recap_id: int
    fresh_case: int  # a second letter's case, waiting at the disposition

    def connect(self, username: str):
        """The user's own login as psql gets it: through the gate with their own password."""
        return connect_as(self.server.host, self.server.port, self.dbname, username, PASSWORD)


@pytest.fixture
def office(per_user: PerUserConnections, pg_server: PgServer) -> Office:
    """A case run on the actors' own logins up to the Laporan, every document issued."""
    make_office()
    meja, kabid, kadis = session("meja"), session("kabid"), session("kadis")
    ketua, anggota = session("ketua1"), session("anggota1")
    receipt = sijarla.register_letter(meja, letter_draft())
    case_id = receipt.case_id
    receipt_doc = case_view.receipt_document(meja, case_id)
    draft = sijarla.DispositionDraft(
        "Siapkan Tim SIJARLA I.", team().id, dt.date.today() + dt.timedelta(days=3)
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    assignment = sijarla.issue_assignment(
        kadis,
        case_id,
        sijarla.AssignmentDraft(
            (ketua.user_id, anggota.user_id), "Nagari Koto Baru", dt.date.today(), dt.date.today()
        ),
        PASSWORD,
        SopCase.get_by_id(case_id).version,
    )
    assignment_doc = documents.issue_document(kadis, "surat_tugas", assignment.id)
    for item in sijarla.PreparationCheck.select().where(sijarla.PreparationCheck.case == case_id):
        sijarla.check_preparation(anggota, case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)
    service_records.add_record(anggota, case_id, record("1302034507510002", "Siti Rahmah", group="odgj"))
    sijarla.submit_report(
        ketua,
        case_id,
        sijarla.ReportDraft("Pendahuluan.", "Perekaman KTP-el.", "Baik."),
        SopCase.get_by_id(case_id).version,
    )
    report = Report.get(Report.case == case_id)
    report_doc = documents.issue_document(ketua, "laporan", report.id)
    today = dt.date.today()
    built = recap.build_recap(session("kph"), recap.period("bulan", today.year, today.month))
    fresh = sijarla.register_letter(meja, letter_draft(letter_number="141/28/WN-KB/2026"))
    return Office(
        pg_server,
        per_user.dbname,
        per_user.prefix,
        case_id,
        disposition_id,
        assignment.id,
        report.id,
        receipt_doc.id,
        assignment_doc.id,
        report_doc.id,
        Team.get(Team.name == "Tim SIJARLA II").id,
        built.id,
        fresh.case_id,
    )


def attempt(con, sql: str, params: tuple = ()) -> tuple[str | None, list, int]:
    """Run one statement in its own transaction, rolled back: (SQLSTATE or None, rows, rowcount)."""
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
            rows = cur.fetchall() if cur.description else []
            return None, rows, cur.rowcount
    except psycopg2.Error as exc:
        return exc.pgcode, [], 0
    finally:
        con.rollback()


def refused(con, sql: str, params: tuple = ()) -> bool:
    """True when the statement was refused for privilege, or changed no row."""
    code, _rows, count = attempt(con, sql, params)
    return code == DENIED or (code is None and count == 0)


@contextmanager
def connections() -> Iterator[dict]:
    opened: dict = {}
    try:
        yield opened
    finally:
        for con in opened.values():
            con.close()


def each_login(office: Office) -> Iterator[tuple[str, object]]:
    with connections() as opened:
        for username in USERNAMES:
            opened[username] = office.connect(username)
            yield username, opened[username]


def in_case_team(username: str, case_id: int) -> bool:
    case = SopCase.get_by_id(case_id)
    user = User.get(User.username == username)
    return (
        TeamMember.select().where((TeamMember.user == user.id) & (TeamMember.team == case.team_id)).exists()
    )


def may_read(username: str, roles: tuple[str, ...], case_id: int) -> bool:
    """What the SOP gives: one of `roles`, a team role only for the user's own team's case."""
    held = role_codes(User.get(User.username == username).id)
    return any(
        r in held and (r not in documents.TEAM_ROLES or in_case_team(username, case_id)) for r in roles
    )


@contextmanager
def on_owner(per_user: PerUserConnections) -> Iterator[None]:
    """Service calls stay on the owner's connection (the app's own checks only)."""
    per_user.depth += 1
    try:
        yield
    finally:
        per_user.depth -= 1


@contextmanager
def logged_in_as(per_user: PerUserConnections, username: str) -> Iterator[None]:
    """The global database on `username`'s own login, for a service call with any session."""
    owner = db.obj
    db.initialize(per_user.database_of(username))
    per_user.depth += 1  # the per-user switch must not swap the login for the forged session's
    try:
        yield
    finally:
        per_user.depth -= 1
        db.initialize(owner)


# --- (1) Documents, scans and reports: only the roles and the team the SOP gives them -----------


def test_documents_scans_and_reports_are_read_only_by_their_roles_and_team(office: Office):
    sop_roles = {
        r
        for (r,) in db.execute_sql(
            "SELECT role_code FROM dd_sop_role WHERE sop_id = (SELECT sop_id FROM sop_case WHERE id = %s)",
            (office.case_id,),
        ).fetchall()
    }
    seen: dict[str, tuple[int, int, int, int]] = {}
    for username, con in each_login(office):
        counts = []
        for sql in (
            "SELECT count(*) FROM issued_document WHERE id = %s",
            "SELECT count(*) FROM issued_document WHERE id = %s",
            "SELECT count(*) FROM attachment WHERE case_id = %s",
            "SELECT count(*) FROM report WHERE case_id = %s",
        ):
            code, rows, _ = attempt(con, sql, (office.report_doc,) if "issued" in sql else (office.case_id,))
            counts.append(rows[0][0] if code is None else 0)
        code, rows, _ = attempt(
            con, "SELECT count(*) FROM issued_document WHERE id = %s", (office.assignment_doc,)
        )
        counts[1] = rows[0][0] if code is None else 0
        seen[username] = tuple(counts)  # type: ignore[assignment]
        laporan = may_read(username, documents.DOC_TYPES["laporan"].read_roles, office.case_id)
        surat_tugas = may_read(username, documents.DOC_TYPES["surat_tugas"].read_roles, office.case_id)
        case_reader = may_read(username, tuple(sop_roles), office.case_id)
        assert seen[username] == (int(laporan), int(surat_tugas), int(case_reader), int(case_reader)), (
            username
        )
    # The attackers of the issue: the front desk, a pelaksana teknis and another team see nothing.
    assert seen["meja"][0] == 0 and seen["adb"] == (0, 0, 0, 0) and seen["ketua2"] == (0, 0, 0, 0)
    assert seen["anggota3"] == (0, 0, 0, 0) and seen["ketua1"] == (1, 1, 1, 1)


def test_the_service_checks_the_case_team_and_a_forged_session_is_refused_by_the_database(
    office: Office, per_user: PerUserConnections
):
    # The service's own check (on the owner's connection, which row-level security does not limit).
    with on_owner(per_user), pytest.raises(PermissionDenied, match="tim lain"):
        documents.get_document(session("ketua2"), office.assignment_doc)
    with on_owner(per_user), pytest.raises(PermissionDenied, match="tim lain"):
        documents.get_document(session("anggota3"), office.assignment_doc)
    # On their own logins the database hides the document before the service looks.
    with pytest.raises(NotFound):
        documents.get_document(session("ketua2"), office.report_doc)
    # The front desk's own login with a session forged for the Ketua Pelaksana Harian.
    with logged_in_as(per_user, "meja"), pytest.raises(NotFound):
        documents.get_document(session("kph"), office.report_doc)
    # Another team's login with a session forged for this team's leader.
    with logged_in_as(per_user, "ketua2"), pytest.raises(NotFound):
        documents.get_document(session("ketua1"), office.report_doc)


# --- (2) A case's team is not writable by staff ---------------------------------------------------


def test_no_login_moves_a_case_to_another_team(office: Office):
    for username, con in each_login(office):
        assert refused(
            con, "UPDATE sop_case SET team_id = %s WHERE id = %s", (office.other_team, office.case_id)
        ), username
        assert refused(con, "UPDATE sop_case SET team_id = NULL WHERE id = %s", (office.case_id,)), username
    # So the other team still reads none of this case's citizens.
    with connections() as opened:
        opened["ketua2"] = office.connect("ketua2")
        _, rows, _ = attempt(
            opened["ketua2"], "SELECT count(*) FROM service_record WHERE case_id = %s", (office.case_id,)
        )
        assert rows == [(0,)]
    assert SopCase.get_by_id(office.case_id).team_id == team().id


# --- (3)+(9) Cases move only along the SOP for the caller; actors are stamped by the server ------


def test_no_login_moves_a_case_past_the_sop_or_writes_steps_in_anothers_name(office: Office):
    kabid = User.get(User.username == "kabid").id
    step = (
        "INSERT INTO case_step (case_id, step_code, action, next_step, actor_id, acted_at, started_on, "
        "note, output_label) VALUES (%s, %s, 'selesai', %s, %s, localtimestamp, current_date, '', '')"
    )
    for username, con in each_login(office):
        for sql, params in (
            # Past the disposition, the Surat Tugas and the preparation at once; closed; reopened.
            ("UPDATE sop_case SET current_step = 'pelayanan' WHERE id = %s", (office.fresh_case,)),
            (
                "UPDATE sop_case SET status = 'selesai', closed_at = localtimestamp WHERE id = %s",
                (office.fresh_case,),
            ),
            ("UPDATE sop_case SET status = 'berjalan', closed_at = NULL WHERE id = %s", (office.case_id,)),
            ("UPDATE sop_case SET sop_id = sop_id + 1 WHERE id = %s", (office.fresh_case,)),
            # Step records "by" the Kabid, with no move of the case behind them.
            (step, (office.fresh_case, "disposisi", "surat_tugas", kabid)),
            (step, (office.case_id, "rekap", None, kabid)),
        ):
            assert refused(con, sql, params), (username, sql)
        # A case opened at a later step than its SOP starts.
        code, _, _ = attempt(
            con,
            "INSERT INTO sop_case (sop_id, reference, title, origin, current_step, status, opened_by_id, "
            "opened_at, version, updated_at) SELECT sop_id, 'SJL-PALSU', 'x', 'surat', 'rekap', 'berjalan', "
            "%s, localtimestamp, 1, localtimestamp FROM sop_case WHERE id = %s",
            (kabid, office.case_id),
        )
        assert code == DENIED, username
    case = SopCase.get_by_id(office.fresh_case)
    assert (case.current_step, case.status) == ("disposisi", "berjalan")


def test_actor_columns_name_the_login_that_wrote_them(office: Office):
    kadis = User.get(User.username == "kadis").id
    with connections() as opened:
        con = opened["meja"] = office.connect("meja")
        with con.cursor() as cur:  # a scan "uploaded by the Kepala Dinas"
            cur.execute(
                "INSERT INTO attachment (case_id, purpose, filename, mime_type, size_bytes, sha256, content, "
                "uploaded_by_id, uploaded_at) VALUES (%s, 'lampiran', 'x.pdf', 'application/pdf', 1, %s, "
                "'x', %s, localtimestamp) RETURNING id",
                (office.fresh_case, "0" * 64, kadis),
            )
            new_id = cur.fetchone()[0]
        con.commit()
        for username in ("kph", "kabidpdip", "kasi"):
            con = opened[username] = office.connect(username)
            # A recap "acknowledged by the Kepala Dinas", or jumped to diterima.
            assert refused(
                con,
                "UPDATE recap SET acknowledged_by_id = %s, version = version + 1 WHERE id = %s",
                (kadis, office.recap_id),
            ), username
            assert refused(
                con,
                "UPDATE recap SET status = 'diterima', version = version + 1 WHERE id = %s",
                (office.recap_id,),
            ), username
    assert Attachment.get_by_id(new_id).uploaded_by_id == User.get(User.username == "meja").id
    assert recap_status(office.recap_id) == ("draf", None)


def recap_status(recap_id: int) -> tuple[str, int | None]:
    row = Recap.get_by_id(recap_id)
    return row.status, row.acknowledged_by_id


# --- (4)+(8) Issued documents and signed rows are immutable; issuing stamps the issuer ----------


def test_issued_documents_are_written_only_through_the_function_that_stamps_the_issuer(office: Office):
    pdf = b"%PDF-1.4 palsu"
    digest = hashlib.sha256(pdf).hexdigest()
    kadis = User.get(User.username == "kadis").id
    insert = (
        "INSERT INTO issued_document (doc_type, case_id, title, paper_size, page_count, pdf, sha256, "
        "verification_code, issued_by_id, issued_at, summary) "
        "VALUES ('surat_tugas', %s, 'Surat Tugas', 'A4', 1, %s, %s, 'PALSU00001', %s, localtimestamp, '{}')"
    )
    issue = (
        "SELECT dd_issue_document(%s, %s, NULL, 'Palsu', 'A4', 1, %s, %s, %s, localtimestamp, %s, '{}', "
        "0, NULL, %s)"
    )
    before = IssuedDocument.select().count()
    for username, con in each_login(office):
        assert refused(con, insert, (office.case_id, pdf, digest, kadis)), username
        assert refused(
            con, "UPDATE issued_document SET title = 'x' WHERE id = %s", (office.assignment_doc,)
        ), username
        assert refused(con, "DELETE FROM issued_document WHERE id = %s", (office.assignment_doc,)), username
        # Superseding the genuine Surat Tugas with another type, or by a role that does not issue it.
        code, _, _ = attempt(
            con,
            issue,
            ("tanda_terima", office.case_id, pdf, digest, "PALSU00002", office.assignment_doc, kadis),
        )
        assert code == DENIED, username
        may_issue = may_read(username, documents.DOC_TYPES["surat_tugas"].issue_roles, office.case_id)
        code, _, _ = attempt(
            con, issue, ("surat_tugas", office.case_id, pdf, "0" * 64, "PALSU00003", None, kadis)
        )
        assert code in (DENIED, "23514"), username  # no role, or a digest that is not the file's
        if not may_issue:
            code, _, _ = attempt(
                con, issue, ("surat_tugas", office.case_id, pdf, digest, "PALSU00004", None, kadis)
            )
            assert code == DENIED, username
    assert IssuedDocument.select().count() == before
    # An issuer who names the Kepala Dinas is recorded as themselves.
    with connections() as opened:
        con = opened["meja"] = office.connect("meja")
        with con.cursor() as cur:
            cur.execute(issue, ("tanda_terima", office.case_id, pdf, digest, "PALSU00005", None, kadis))
            new_id = cur.fetchone()[0]
        con.commit()
    assert IssuedDocument.get_by_id(new_id).issued_by_id == User.get(User.username == "meja").id


def test_signed_dispositions_and_surat_tugas_are_immutable(office: Office):
    kadis = User.get(User.username == "kadis").id
    for username, con in each_login(office):
        for sql, params in (
            ("UPDATE disposition SET instructions = 'ubah' WHERE id = %s", (office.disposition_id,)),
            ("UPDATE disposition SET team_id = %s WHERE id = %s", (office.other_team, office.disposition_id)),
            ("DELETE FROM disposition WHERE id = %s", (office.disposition_id,)),
            ("UPDATE assignment_letter SET task = 'ubah' WHERE id = %s", (office.assignment_id,)),
            ("DELETE FROM assignment_member WHERE letter_id = %s", (office.assignment_id,)),
            (
                "INSERT INTO assignment_member (letter_id, user_id, position, full_name, pangkat_golongan, "
                "jabatan, is_leader) VALUES (%s, %s, 9, 'Tambahan', '', '', false)",
                (office.assignment_id, kadis),
            ),
        ):
            assert refused(con, sql, params), (username, sql)
    signed = Disposition.get_by_id(office.disposition_id)
    assert signed.instructions == "Siapkan Tim SIJARLA I." and signed.team_id == team().id
    assert AssignmentLetter.get_by_id(office.assignment_id).members.count() == 2


def test_a_signature_with_a_junk_digest_or_a_time_outside_its_case_is_refused(
    office: Office, per_user: PerUserConnections
):
    kabid = session("kabid")
    draft = sijarla.DispositionDraft("Siapkan tim.", team().id, dt.date.today() + dt.timedelta(days=3))
    disposition_id = sijarla.save_disposition(kabid, office.fresh_case, draft)
    sign = "SELECT dd_sign_disposition(%s, 1, %s, %s, %s)"
    with connections() as opened:
        con = opened["kabid"] = office.connect("kabid")
        for signed_at, digest in (
            (dt.datetime(2019, 1, 2, 9, 0), "a" * 64),  # years before the case was opened
            (dt.datetime.now() + dt.timedelta(days=3), "a" * 64),  # in the future
            (dt.datetime.now(), "sampah"),  # not a SHA-256
        ):
            code, _, _ = attempt(con, sign, (disposition_id, kabid.user_id, signed_at, digest))
            assert code == DENIED, (signed_at, digest)
        code, rows, _ = attempt(con, sign, (disposition_id, kabid.user_id, dt.datetime.now(), "a" * 64))
        assert (code, rows) == (None, [(True,)])  # the same call in time with a digest is accepted
    assert Disposition.get_by_id(disposition_id).signed_at is None  # (rolled back)


# --- (7) Letter numbers only through one function -----------------------------------------------


def test_number_sequences_are_taken_only_through_the_numbering_function(office: Office):
    last = {(s.pattern_id, s.year): s.last_value for s in NumberSequence.select()}
    pattern, year = next(iter(last))
    for username, con in each_login(office):
        assert refused(con, "UPDATE number_sequence SET last_value = 0"), username
        assert refused(con, "DELETE FROM number_sequence"), username
        code, _, _ = attempt(
            con, "INSERT INTO number_sequence (pattern_id, year, last_value) VALUES (%s, 1999, 0)", (pattern,)
        )
        assert code == DENIED, username
        code, rows, _ = attempt(con, "SELECT dd_take_number(%s, %s)", (pattern, year))
        assert code is None and rows == [(last[(pattern, year)] + 1,)], username  # rolled back
    assert {(s.pattern_id, s.year): s.last_value for s in NumberSequence.select()} == last


# --- (5) The lockout holds for every client -------------------------------------------------------


def gate(office: Office):
    password = "gerbang-rahasia-123"
    return psycopg2.connect(
        host=office.server.host,
        port=office.server.port,
        dbname=office.dbname,
        user=pg_security.gate_role(office.prefix),
        password=password,
    )


def _audit_count(action: str, username: str) -> int:
    user_id = User.get(User.username == username).id
    return AuditLog.select().where((AuditLog.action == action) & (AuditLog.entity_id == user_id)).count()


def test_a_locked_account_cannot_log_in_with_any_client_and_staff_cannot_lock_others(office: Office):
    # Staff cannot count failures for someone else (which would lock the Kepala Dinas out), nor log
    # anyone in: only the gate calls dd_login, and nobody calls dd_login_failed.
    key = pg_security.login_key("kadis", "salah-sandi-123")
    for username, con in each_login(office):
        victim = "admin" if username == "kadis" else "kadis"
        for sql, params in (
            ("SELECT dd_login_failed(%s)", (victim,)),
            ("SELECT dd_login(%s, %s)", (victim, key)),
        ):
            code, _, _ = attempt(con, sql, params)
            assert code == DENIED, (username, sql)
    assert User.get(User.username == "kadis").failed_logins == 0

    held = office.connect("kabid")  # a session opened before the lock: its secret is known to a client
    held.close()
    secret = server_password(office.server.host, office.server.port, office.dbname, "kabid")
    con = gate(office)
    con.autocommit = True
    try:
        with con.cursor() as cur:

            def ask(password: str) -> str:
                cur.execute("SELECT dd_login('kabid', %s)", (pg_security.login_key("kabid", password),))
                return str(cur.fetchone()[0])

            assert [ask(f"salah-{n}") for n in range(1, 5)] == ["gagal 1", "gagal 2", "gagal 3", "gagal 4"]
            assert ask("salah-5").startswith("dikunci ")
            with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
                _connect_role(office, "kabid", secret)  # the server password from before the lock: refused
            assert ask(PASSWORD).startswith("terkunci ")  # the right password waits for the lock to end
            assert ask("salah-6").startswith("terkunci ")  # one more failure never lifts the lock
            assert User.get(User.username == "kabid").locked_until is not None
            # The lock ends (15 minutes later): the gate hands out a new server password again.
            User.update(locked_until=dt.datetime.now() - dt.timedelta(minutes=1)).where(
                User.username == "kabid"
            ).execute()
            answer = ask(PASSWORD)
            assert answer.startswith("ok ")
        _connect_role(office, "kabid", answer.split(" ", 1)[1]).close()
    finally:
        con.close()
    assert _audit_count("akun_dikunci", "kabid") == 1
    assert _audit_count("login_ditolak_terkunci", "kabid") == 2  # both tries while locked


def _connect_role(office: Office, username: str, password: str):
    return psycopg2.connect(
        host=office.server.host,
        port=office.server.port,
        dbname=office.dbname,
        user=pg_security.login_role(office.prefix, username),
        password=password,
        connect_timeout=10,
    )


def test_guessing_a_password_at_postgresql_is_pointless_and_at_the_gate_counted_and_locked(office: Office):
    """Issue 13, class 5, with 20 wrong tries each way."""
    # Straight at the login role (what psql or a script on a clerk's PC would try): nothing the user
    # knows opens it, not even the right password or its login key, because its password is a random
    # secret of 240 bits that only the gate hands out, new at each login.
    tries = [f"tebakan-{n:02}" for n in range(18)] + [PASSWORD, pg_security.login_key("kadis", PASSWORD)]
    for guess in tries:
        with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
            _connect_role(office, "kadis", guess)
    first = ask_gate(office.server.host, office.server.port, office.dbname, "kadis")
    second = ask_gate(office.server.host, office.server.port, office.dbname, "kadis")
    assert first.startswith("ok ") and second.startswith("ok ") and first != second
    assert len(first.split(" ", 1)[1]) == 40
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        _connect_role(office, "kadis", first.split(" ", 1)[1])  # replaced by the second login
    _connect_role(office, "kadis", second.split(" ", 1)[1]).close()

    # Through the gate every guess is counted: the fifth locks the account for 15 minutes, and the
    # remaining fifteen (the right password last) are refused without being checked.
    answers = [
        ask_gate(office.server.host, office.server.port, office.dbname, "kph", f"tebakan-{n:02}")
        for n in range(19)
    ]
    answers.append(ask_gate(office.server.host, office.server.port, office.dbname, "kph", PASSWORD))
    assert answers[:4] == ["gagal 1", "gagal 2", "gagal 3", "gagal 4"]
    assert answers[4].startswith("dikunci ")
    assert all(a.startswith("terkunci ") for a in answers[5:]), answers[5:]
    assert _audit_count("login_gagal", "kph") == 5
    assert _audit_count("login_ditolak_terkunci", "kph") == 15
    until = User.get(User.username == "kph").locked_until
    assert until is not None and until > dt.datetime.now() + dt.timedelta(minutes=14)


# --- (11) Every written table is audited; audit lines carry the real login and the server's time --


def test_every_written_table_is_audited_and_audit_lines_are_stamped_by_the_server(office: Office):
    tables = {
        t
        for (t,) in db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND left(tablename, 3) <> 'dd_' "
            "AND tablename NOT IN ('audit_log', 'schema_version', 'pg_security')"
        ).fetchall()
    }
    triggers = {
        (t, n)
        for t, n in db.execute_sql(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE 'dd_audit_%%'"
        ).fetchall()
    }
    for table in ("case_step", "issued_document", "attachment", "incoming_letter", "number_sequence"):
        assert table in tables
    missing = [
        (t, op)
        for t in sorted(tables)
        for op in ("insert", "update", "delete")
        if (t, f"dd_audit_{op}") not in triggers
    ]
    assert missing == []
    kadis = User.get(User.username == "kadis")
    for username, con in each_login(office):
        with con.cursor() as cur:
            cur.execute(
                "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, "
                "workstation) VALUES ('2019-01-01', %s, 'kadis', 'palsu', 'sop_case', 1, '', 'PC-KADIS') "
                "RETURNING id",
                (kadis.id,),
            )
            line_id = cur.fetchone()[0]
        con.commit()
        at, name, user_id = db.execute_sql(
            "SELECT at, username, user_id FROM audit_log WHERE id = %s", (line_id,)
        ).fetchone()
        assert (name, user_id) == (username, User.get(User.username == username).id)
        assert at.year == dt.date.today().year
    # A write by a login is logged under that login, for a table that had no trigger before.
    with connections() as opened:
        con = opened["kph"] = office.connect("kph")
        with con.cursor() as cur:
            cur.execute("SELECT dd_take_number(id, 2031) FROM numbering_pattern ORDER BY id LIMIT 1")
        con.commit()
    line = db.execute_sql(
        "SELECT username FROM audit_log WHERE entity = 'number_sequence' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert line == ("kph",)


# --- (15) Nobody gives their own account a new office function ----------------------------------


def test_no_login_gives_itself_a_signing_function(office: Office, per_user: PerUserConnections):
    kadis_role = db.execute_sql("SELECT id FROM role WHERE code = 'kepala_dinas'").fetchone()[0]
    for username, con in each_login(office):
        me = User.get(User.username == username)
        code, _, _ = attempt(
            con, "INSERT INTO user_role (user_id, role_id) VALUES (%s, %s)", (me.id, kadis_role)
        )
        assert code == DENIED, username
        codes = sorted(role_codes(me.id) | {"kepala_dinas"})
        code, _, _ = attempt(con, "SELECT dd_set_login_groups(%s, %s::text[])", (username, codes))
        assert code == DENIED, username
    # The same through the service, on the administrator's own login.
    me = User.get(User.username == "admin")
    with pytest.raises(PermissionDenied, match="akun Anda sendiri"):
        admin.set_roles(session("admin"), me.id, ["administrator", "kepala_dinas"], me.version)
    assert role_codes(me.id) == {"administrator"}


# --- (16) Optimistic locking holds for every client -----------------------------------------------


def test_no_login_changes_a_versioned_row_without_raising_its_version(office: Office):
    for username, con in each_login(office):
        assert refused(con, "UPDATE sop_case SET title = 'ditimpa' WHERE id = %s", (office.fresh_case,)), (
            username
        )
        assert refused(
            con, "UPDATE sop_case SET title = 'ditimpa', version = 1 WHERE id = %s", (office.fresh_case,)
        ), username
    with connections() as opened:  # the honest way: one version up
        con = opened["meja"] = office.connect("meja")
        code, _, count = attempt(
            con,
            "UPDATE sop_case SET title = 'baru', version = version + 1 WHERE id = %s",
            (office.fresh_case,),
        )
        assert (code, count) == (None, 1)


# --- (12) Definer functions pin a search_path that ends with pg_temp ----------------------------


def test_every_definer_function_pins_search_path_with_pg_temp_last(office: Office):
    rows = db.execute_sql(
        "SELECT p.proname, coalesce(array_to_string(p.proconfig, ','), '') FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef"
    ).fetchall()
    assert len(rows) >= 20
    for name, config in rows:
        assert config == "search_path=pg_catalog, public, pg_temp", name


def test_every_function_is_owned_by_a_role_that_is_neither_superuser_nor_login(office: Office):
    owner = pg_security.definer_role(office.prefix)
    rows = db.execute_sql(
        "SELECT p.proname, r.rolname, r.rolsuper, r.rolcanlogin, r.rolbypassrls FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner "
        "WHERE n.nspname = 'public' AND p.prosecdef"
    ).fetchall()
    assert rows and {(r[1], r[2], r[3], r[4]) for r in rows} == {(owner, False, False, False)}, rows
    with pytest.raises(psycopg2.OperationalError):  # and nobody logs in as it
        psycopg2.connect(
            host=office.server.host, port=office.server.port, dbname=office.dbname, user=owner, password=""
        ).close()


# --- Through the service layer with a forged session: the database refuses ----------------------


def test_a_forged_session_in_the_services_is_refused_by_the_database(
    office: Office, per_user: PerUserConnections
):
    before = IssuedDocument.select().count()
    # A team member's own login with a session forged for the Kabid issues the Lembar Disposisi.
    with logged_in_as(per_user, "anggota1"), pytest.raises(PermissionDenied, match="Server database menolak"):
        documents.issue_document(session("kabid"), "disposisi", office.disposition_id)
    # A pelaksana teknis' login, forged as the Kepala Dinas, issues it too.
    with logged_in_as(per_user, "adb"), pytest.raises(PermissionDenied, match="Server database menolak"):
        documents.issue_document(session("kadis"), "disposisi", office.disposition_id)
    # The front desk's login runs the Kabid's use case with a session built for the Kabid.
    case = SopCase.get_by_id(office.fresh_case)
    with logged_in_as(per_user, "meja"), pytest.raises(PermissionDenied, match="Server database menolak"):
        sijarla.return_request(session("kabid"), case.id, "Lampiran kurang.", case.version)
    assert SopCase.get_by_id(office.fresh_case).current_step == "disposisi"
    # Another team's login, forged as this team's leader, opens this case's scan.
    scan = Attachment.get(Attachment.case == office.case_id)
    with logged_in_as(per_user, "ketua2"), pytest.raises(NotFound):
        case_view.attachment_content(session("ketua1"), scan.id)
    assert IssuedDocument.select().count() == before
    assert ServiceRecord.select().where(ServiceRecord.case == office.case_id).count() == 1


# --- `db secure` stays re-runnable -------------------------------------------------------------


def test_db_secure_runs_again_and_every_control_still_holds(office: Office):
    passwords = {u.username: PASSWORD for u in User.select()}
    db_secure.secure_database("gerbang-rahasia-123", passwords)
    db_secure.secure_database("gerbang-rahasia-123", passwords)  # twice: nothing left half-made
    forget_secrets()  # every session starts at the gate again
    with connections() as opened:
        con = opened["anggota3"] = office.connect("anggota3")
        _, rows, _ = attempt(con, "SELECT count(*) FROM issued_document WHERE id = %s", (office.report_doc,))
        assert rows == [(0,)]
        con = opened["kabid"] = office.connect("kabid")
        assert refused(
            con, "UPDATE disposition SET instructions = 'x' WHERE id = %s", (office.disposition_id,)
        )
    # And the day goes on: the recap moves on with its roles' own logins.
    view = Recap.get_by_id(office.recap_id)
    assert recap.forward_recap(session("kph"), view.id, view.version) == "diteruskan"
