"""The workstation's TLS rule: which hosts are this computer, and which URLs are refused."""

from __future__ import annotations

import pytest

from desktop import config
from desktop.models.connection import DatabaseConfigError
from desktop.services.security import tls_policy
from desktop.services.security.db_logins import Server

LOCAL = ["", "localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"]
LOCAL += ["/var/run/postgresql", "/tmp", "@abstract"]
REMOTE = ["192.168.1.10", "10.0.0.5", "db.kantor.local", "server", "fe80::1", "localhost.evil.example"]
REMOTE += ["128.0.0.1", "0.0.0.0"]


@pytest.mark.parametrize("host", LOCAL)
def test_this_computer_is_local(host: str):
    assert tls_policy.is_local_host(host)


@pytest.mark.parametrize("host", REMOTE)
def test_another_computer_is_not_local(host: str):
    assert not tls_policy.is_local_host(host)


@pytest.mark.parametrize(
    ("url", "remote"),
    [
        ("sqlite:///C:/data/dinas.sqlite3", False),
        ("postgresql://u:p@127.0.0.1:5432/db", False),
        ("postgresql://u@localhost/db", False),
        ("postgresql:///db", False),  # libpq's default: the local socket
        ("postgresql://u@%2Fvar%2Frun%2Fpostgresql/db", False),
        ("postgresql://u@[::1]:5432/db", False),
        ("postgresql://u@/db?host=/var/run/postgresql", False),
        ("postgresql://u@192.168.1.10:5432/db", True),
        ("postgres://u@db.kantor.local/db", True),
        ("postgresql://u@localhost/db?host=192.168.1.10", True),  # the query's host wins, as in libpq
        ("postgresql://u@localhost/db?hostaddr=192.168.1.10", True),  # libpq connects to hostaddr
        ("postgresql://u@db.kantor.local/db?hostaddr=127.0.0.1", False),
        ("postgresql://u@localhost/db?host=localhost,192.168.1.10", True),  # every host must be local
    ],
)
def test_remote_urls(url: str, remote: bool):
    assert tls_policy.is_remote(url) is remote


REMOTE_URL = "postgresql://dinasdesk:rahasia@192.168.1.10:5432/dinasdesk"


@pytest.mark.parametrize(
    "query",
    ["", "?sslmode=disable", "?sslmode=prefer", "?sslmode=require", "?sslmode=verify-ca&sslrootcert=ca"],
)
def test_a_remote_server_without_verify_full_is_refused_with_what_to_set(query: str):
    message = tls_policy.refusal(REMOTE_URL + query, required=True)
    assert message is not None
    assert "192.168.1.10" in message and "sslmode=verify-full" in message and "sslrootcert" in message
    assert "rahasia" not in message


def test_verify_full_is_accepted_and_the_setting_can_be_turned_off():
    assert (
        tls_policy.refusal(REMOTE_URL + "?sslmode=verify-full&sslrootcert=C:/ca.crt", required=True) is None
    )
    assert tls_policy.refusal(REMOTE_URL + "?sslmode=VERIFY-FULL", required=True) is None
    assert tls_policy.refusal(REMOTE_URL, required=False) is None


def test_this_computer_and_sqlite_are_exempt():
    assert tls_policy.refusal("postgresql://u:p@127.0.0.1:5432/db", required=True) is None
    assert tls_policy.refusal("sqlite:///dinas.sqlite3", required=True) is None


def test_the_setting_is_on_by_default_and_enforced_before_connecting():
    assert config.require_remote_tls() is True
    with pytest.raises(DatabaseConfigError, match="sslmode=verify-full"):
        tls_policy.enforce(REMOTE_URL)
    config.save_require_remote_tls(False)
    assert config.require_remote_tls() is False
    tls_policy.enforce(REMOTE_URL)  # no refusal: the administrator turned the rule off
    config.save_require_remote_tls(True)
    assert config.require_remote_tls() is True


def test_the_users_own_login_keeps_the_gates_tls_files():
    server = Server("db.kantor.local", 5432, "dinas", "verify-full", "ca.crt", "gate", "me.crt", "me.key")
    params = server.params("kabid", "sandi")
    assert params["sslmode"] == "verify-full"
    assert (params["sslrootcert"], params["sslcert"], params["sslkey"]) == ("ca.crt", "me.crt", "me.key")
    assert "sslcert" not in Server("h", 5432, "d").params("u", "p")
    assert "hostaddr" not in params
    by_address = Server("db.kantor.local", 5432, "d", hostaddr="10.0.0.5")
    assert by_address.params("u", "p")["hostaddr"] == "10.0.0.5"
