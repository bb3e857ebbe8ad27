"""Field packages on a secured PostgreSQL office: every step on the actor's own login (issue 17).

The take-out and the merge write through the same controls as any other step: the leader's own
PostgreSQL login, its grants and row policies. A team member logs in on the laptop with their own
password although the office's server, not app_user, holds it. Another team's leader, with psql
and their own login, reads no package key, no conflict and no team's login hashes.
"""

from __future__ import annotations

import psycopg2
import pytest

from desktop.models import FieldPackage, ServiceRecord, SopCase, db
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.field import conflicts, export, merge, mode
from desktop.services.security.auth import login
from desktop.services.sijarla import service_records
from tests.db.test_pg_per_user_flow import PerUserConnections, per_user  # noqa: F401 (fixture)
from tests.pg_logins import server_password

from .factories import PASSWORD, session
from .field_case import PASSPHRASE, case_in_service, nik, record


def _own_login(per_user: PerUserConnections, username: str):  # noqa: F811
    server = per_user.server
    con = psycopg2.connect(
        host=server.host,
        port=server.port,
        dbname=per_user.dbname,
        user=f"{per_user.prefix}u_{username}",
        password=server_password(server.host, server.port, per_user.dbname, username, PASSWORD),
    )
    con.autocommit = True
    return con


def test_take_out_and_bring_back_on_own_logins(per_user: PerUserConnections, tmp_path):  # noqa: F811
    other_team = case_in_service(team_name="Tim SIJARLA II", leader="ketua2", member="anggota3")
    served_there = nik(1)  # a citizen Tim II served; Tim I's laptop records them again
    service_records.add_record(session("anggota3"), other_team, record(served_there, "Warga Aman 1"))
    case_id = case_in_service(with_office=False)
    ketua = session("ketua1")
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    assert per_user.calls.get("ketua1")

    per_user.depth += 1  # on the laptop: no server login to switch to, every call runs as it is
    mode.open_package(taken.path, PASSPHRASE)
    try:
        member = login("anggota1", DEMO_PASSWORD)  # their own office password, checked offline
        with pytest.raises(Exception, match="salah"):
            login("anggota2", "bukan-sandinya")
        for i in range(3):
            service_records.add_record(member, case_id, record(nik(i), f"Warga Aman {i}"))
        siti = ServiceRecord.get((ServiceRecord.full_name == "Siti Rahmah") & (ServiceRecord.case == case_id))
        service_records.update_record(member, siti.id, record("1302034507510002", "Siti Lapangan"), 1)
    finally:
        mode.close()
        per_user.depth -= 1
    db.initialize(per_user.owner)
    per_user.owner.connect(reuse_if_open=True)

    siti = ServiceRecord.get((ServiceRecord.full_name == "Siti Rahmah") & (ServiceRecord.case == case_id))
    service_records.update_record(ketua, siti.id, record("1302034507510002", "Siti Kantor"), siti.version)
    result = merge.bring_back(ketua, taken.path)
    assert (result.added, result.conflicts) == (3, 1)
    other_reference = SopCase.get_by_id(other_team).reference
    assert result.served_elsewhere == [
        f"Warga Aman 1 ({served_there}), KTP-el perekaman: juga pada {other_reference}"
    ]
    assert merge.bring_back(ketua, taken.path).added == 0
    (conflict,) = conflicts.open_conflicts(ketua, case_id)
    conflicts.resolve(ketua, conflict.id, "lapangan")
    assert ServiceRecord.get_by_id(siti.id).full_name == "Siti Lapangan"
    assert (
        ServiceRecord.select()
        .where(ServiceRecord.full_name.startswith("Warga Aman") & (ServiceRecord.case == case_id))
        .count()
        == 3
    )
    assert FieldPackage.get().status == "dikembalikan"

    # Another team's leader on their own login, as with psql: nothing of this team's packages.
    con = _own_login(per_user, "ketua2")
    try:
        cur = con.cursor()
        cur.execute("SELECT count(*) FROM field_package")
        assert cur.fetchone()[0] == 1  # that a case is out is no secret
        with pytest.raises(psycopg2.Error, match="hanya tim"):  # no probing NIKs of another team's case
            cur.execute("SELECT * FROM dd_served_elsewhere(%s, %s)", (case_id, [served_there]))
        for sql in ("SELECT * FROM field_package_key", "SELECT * FROM field_conflict"):
            cur.execute(sql)
            assert cur.fetchall() == []  # the row policy: not their team's
        with pytest.raises(psycopg2.Error, match="ketua tim|permission denied"):
            cur.execute("SELECT * FROM dd_field_logins(%s)", (case_id,))
        with pytest.raises(psycopg2.Error):
            cur.execute("SELECT hash FROM dd_password")
        try:
            cur.execute("UPDATE field_package SET status = 'dibatalkan', version = version + 1")
            changed = cur.rowcount
        except psycopg2.Error:
            changed = 0
        assert changed == 0  # another team's package: not theirs to change
    finally:
        con.close()
    # A member (not the leader) cannot take the team's login hashes either.
    con = _own_login(per_user, "anggota1")
    try:
        with pytest.raises(psycopg2.Error, match="ketua tim|permission denied"):
            con.cursor().execute("SELECT * FROM dd_field_logins(%s)", (case_id,))
    finally:
        con.close()
