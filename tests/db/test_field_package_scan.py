"""A field package carries one case and nothing else: no other case, citizen or account (issue 17)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.models import FieldPackageKey, ServiceRecord, SopCase, User
from desktop.services.field import export, package
from desktop.services.sijarla import service_records

from .factories import session
from .field_case import PASSPHRASE, case_in_service, record

pytestmark = pytest.mark.usefixtures("database")


def _all_values(conn: sqlite3.Connection) -> list[str]:
    """Every value of every table of the package."""
    parts = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            parts.extend(str(v) for v in row if v is not None)
    return parts


def test_a_package_holds_its_case_only(database, tmp_path):
    other_case = case_in_service()  # another case, its citizens and records: must not travel
    ketua = session("ketua1")
    service_records.add_record(ketua, other_case, record("1302036611700004", "Nurhayati Lain"))
    other_ref = SopCase.get_by_id(other_case).reference
    # The case that is taken out: a second one, with a citizen of its own.
    case_id = case_in_service(with_office=False, with_records=False, letter_number="140/99/WN-KB/2026")
    service_records.add_record(session("anggota1"), case_id, record("1302035512900007", "Rahmi Kasus Dua"))
    mine = ServiceRecord.select().where(ServiceRecord.case == case_id)
    others = ServiceRecord.select().where(ServiceRecord.case != case_id)
    assert mine.count() and others.count()
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)

    raw = taken.path.read_bytes()
    for r in ServiceRecord.select():  # encrypted at rest: no NIK or name readable in the file
        assert r.nik.encode() not in raw and r.full_name.encode() not in raw

    key = bytes.fromhex(FieldPackageKey.get().data_key)
    _header, payload, _key = package.open_package(taken.path, data_key=key)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(payload)
    values = _all_values(conn)
    text, whole = "\n".join(values), set(values)
    for r in others:  # NIKs anywhere in any text; names as values (a citizen may share a staff name)
        assert r.nik not in text and r.full_name not in whole and r.name_fold not in whole, r.full_name
    for r in mine:
        assert r.nik in whole and r.full_name in whole
    assert other_ref not in text and str(other_case) not in {
        str(r[0]) for r in conn.execute("SELECT case_id FROM case_step")
    }
    assert [r[0] for r in conn.execute("SELECT id FROM sop_case")] == [case_id]
    # Accounts: the team's, with their hashes; anyone else a row names: a name, no login.
    team = {"ketua1", "anggota1", "anggota2"}
    users = conn.execute("SELECT username, password_hash, is_active FROM app_user").fetchall()
    logins = {u for u, h, active in users if h.startswith("$argon2") and active}
    assert logins == team
    assert all(h == "!" and not active for u, h, active in users if u not in team)
    for user in User.select().where(User.username.not_in(sorted(team))):
        assert user.username not in whole and user.password_hash not in text
    roles = {r[0] for r in conn.execute("SELECT code FROM role")}
    assert roles == {"ketua_tim_sijarla", "anggota_tim_sijarla"}
    for table in ("attachment", "issued_document", "recap", "innovation", "audit_log", "signer"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
