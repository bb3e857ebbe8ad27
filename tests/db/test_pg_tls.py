"""Connections to PostgreSQL over TLS, against a real server with a certificate from a test CA.

The module starts its own throwaway cluster (the session's pg_server stays plain), makes a CA
and a server certificate for localhost and 127.0.0.1 with the openssl command, and turns
`ssl` on. The app's own connection code must get an encrypted, verified connection; a
certificate from another CA and a host name the certificate does not name must be refused
with the app's TLS message, never a raw psycopg2 trace.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop.errors import DatabaseUnavailable
from desktop.models import User, connection, db, pg_security
from desktop.services import bootstrap, db_secure, workspace
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth, tls_policy
from desktop.services.security.auth import session_for
from tests.conftest import PgServer, _Runner, _start_postgres, _stop_postgres, _tail
from tests.db.factories import make_office

GATE_PASSWORD = "gerbang-tls-123"


@dataclass(frozen=True)
class TlsServer:
    server: PgServer
    ca: Path  # the CA that signed the server's certificate
    other_ca: Path  # a CA that did not

    def url(self, dbname: str, host: str = "localhost", query: str = "", user: str = "") -> str:
        who = user or f"{self.server.superuser}:{quote(self.server.password, safe='')}"
        return f"postgresql://{who}@{host}:{self.server.port}/{dbname}" + (f"?{query}" if query else "")

    def verified(self, ca: Path | None = None) -> str:
        return f"sslmode=verify-full&sslrootcert={quote(str(ca or self.ca), safe='/')}"


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"openssl {' '.join(args)} failed:\n{done.stderr}"


def _make_ca(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.crt", "-days", "2", "-subj", f"/CN=Dinas Desk {name}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip


def _make_server_cert(folder: Path, ca: str) -> None:
    (folder / "server.ext").write_text(
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
    )
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", f"{ca}.crt", "-CAkey", f"{ca}.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "2", "-extfile", "server.ext", cwd=folder,
    )  # fmt: skip


def _own(runner: _Runner, path: Path, mode: int) -> None:
    """The server's key: owned by the cluster's user, readable by nobody else (PostgreSQL insists)."""
    if runner.as_root:
        os.chown(path, runner.uid, runner.gid)
    os.chmod(path, mode)


def _turn_ssl_on(server: PgServer, runner: _Runner, certs: Path) -> None:
    for name in ("server.crt", "server.key"):
        shutil.copy(certs / name, server.datadir / name)
        _own(runner, server.datadir / name, 0o600)
    # Every login over TLS; only the fixture's own superuser may still come in unencrypted.
    (server.datadir / "pg_hba.conf").write_text(
        "local all all scram-sha-256\n"
        "hostssl all all 127.0.0.1/32 scram-sha-256\n"
        "hostssl all all ::1/128 scram-sha-256\n"
        f"hostnossl all {server.superuser} 127.0.0.1/32 scram-sha-256\n"
    )
    con = server.connect()
    try:
        with con.cursor() as cur:
            cur.execute("ALTER SYSTEM SET ssl = on")
            cur.execute("ALTER SYSTEM SET ssl_cert_file = 'server.crt'")
            cur.execute("ALTER SYSTEM SET ssl_key_file = 'server.key'")
            cur.execute("SELECT pg_reload_conf()")
    finally:
        con.close()
    con = server.connect()  # a new backend reads the reloaded configuration
    try:
        with con.cursor() as cur:
            cur.execute("SHOW ssl")
            state = cur.fetchone()[0]
    finally:
        con.close()
    assert state == "on", f"ssl did not come on:\n{_tail(server.datadir.parent / 'server.log')}"


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    """A second throwaway cluster with ssl=on and a certificate for localhost/127.0.0.1 from a test CA."""
    if not shutil.which("openssl"):
        pytest.fail("the openssl command is needed to make the test certificates: apt-get install openssl")
    base = Path(tempfile.mkdtemp(prefix="dinas-desk-pg-tls-"))
    certs = Path(tempfile.mkdtemp(prefix="dinas-desk-certs-"))
    server: PgServer | None = None
    runner: _Runner | None = None
    try:
        _make_ca(certs, "ca")
        _make_ca(certs, "other-ca")
        _make_server_cert(certs, "ca")
        server, runner = _start_postgres(base)
        _turn_ssl_on(server, runner, certs)
        yield TlsServer(server, certs / "ca.crt", certs / "other-ca.crt")
    finally:
        if server is not None and runner is not None:
            _stop_postgres(runner, server)
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(certs, ignore_errors=True)


@pytest.fixture
def dbname(tls_server: TlsServer) -> Iterator[str]:
    name = f"dinas_tls_{uuid.uuid4().hex[:10]}"
    tls_server.server.create_database(name)
    try:
        yield name
    finally:
        connection.close()
        tls_server.server.drop_database(name)


def _ssl_of_this_connection() -> tuple[bool, str]:
    row = db.execute_sql("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    return bool(row[0]), str(row[1])


def test_the_app_opens_the_database_over_verified_tls(tls_server: TlsServer, dbname: str):
    opened = bootstrap.open_database(tls_server.url(dbname, query=tls_server.verified()))
    assert opened.backend == "postgresql" and opened.schema_version > 0
    encrypted, version = _ssl_of_this_connection()
    assert encrypted and version.startswith("TLS")


def test_the_ip_address_in_the_certificate_is_verified_too(tls_server: TlsServer, dbname: str):
    connection.initialize(tls_server.url(dbname, host="127.0.0.1", query=tls_server.verified()))
    assert _ssl_of_this_connection()[0]


def test_a_certificate_from_another_ca_is_refused_with_the_tls_message(tls_server: TlsServer, dbname: str):
    url = tls_server.url(dbname, query=tls_server.verified(tls_server.other_ca))
    with pytest.raises(DatabaseUnavailable) as refused:
        bootstrap.open_database(url)
    assert refused.value.message.startswith("Sambungan aman (TLS) ke server database gagal")
    assert "certificate verify failed" in refused.value.message
    assert db.is_closed()


def test_a_host_name_the_certificate_does_not_name_is_refused(tls_server: TlsServer, dbname: str):
    # libpq connects to hostaddr and checks the certificate against host: db.kantor.test is not in it.
    query = "hostaddr=127.0.0.1&" + tls_server.verified()
    with pytest.raises(DatabaseUnavailable) as refused:
        bootstrap.open_database(tls_server.url(dbname, host="db.kantor.test", query=query))
    assert refused.value.message.startswith("Sambungan aman (TLS) ke server database gagal")
    assert "does not match host name" in refused.value.message


def test_a_server_on_another_computer_without_verify_full_is_refused_before_connecting(
    tls_server: TlsServer, dbname: str
):
    # 192.0.2.0/24 is TEST-NET-1, where nothing answers: the message comes before any connection.
    url = f"postgresql://dinasdesk@192.0.2.10:{tls_server.server.port}/{dbname}?sslmode=require"
    with pytest.raises(connection.DatabaseConfigError, match="sslmode=verify-full"):
        bootstrap.open_database(url)
    with pytest.raises(connection.DatabaseConfigError, match="192.0.2.10"):
        bootstrap.open_database(url.replace("?sslmode=require", ""))


def test_the_connection_test_reports_tls_or_no_encryption(tls_server: TlsServer, dbname: str):
    bootstrap.open_database(tls_server.url(dbname, query=tls_server.verified()))
    make_office()
    admin = session_for(User.get(User.username == "admin"))
    secure = tls_policy.check_connection(admin, tls_server.url(dbname, query=tls_server.verified()))
    assert secure.check.ok and secure.tls.startswith("TLS 1.")
    plain = tls_policy.check_connection(
        admin, tls_server.url(dbname, host="127.0.0.1", query="sslmode=disable")
    )
    assert plain.check.ok and plain.tls == ""
    wrong = tls_policy.check_connection(
        admin, tls_server.url(dbname, query=tls_server.verified(tls_server.other_ca))
    )
    assert not wrong.check.ok and wrong.check.message.startswith("Sambungan aman (TLS)")


def test_the_users_own_login_through_the_gate_keeps_tls(tls_server: TlsServer, dbname: str):
    bootstrap.open_database(tls_server.url(dbname, query=tls_server.verified()))
    make_office()
    result = db_secure.secure_database(GATE_PASSWORD, {"kabid": DEMO_PASSWORD})
    connection.close()
    gate = f"{pg_security.gate_role(result.prefix)}:{GATE_PASSWORD}"
    bootstrap.open_database(tls_server.url(dbname, query=tls_server.verified(), user=gate))
    assert pg_security.gate_session() and _ssl_of_this_connection()[0]
    session = auth.login("kabid", DEMO_PASSWORD)
    assert pg_security.per_user_session()
    assert db.obj.connect_params["sslmode"] == "verify-full"
    assert db.obj.connect_params["sslrootcert"] == str(tls_server.ca)
    assert _ssl_of_this_connection()[0]
    workspace.log_out(session)
    assert pg_security.gate_session() and _ssl_of_this_connection()[0]
