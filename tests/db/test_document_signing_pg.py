"""On a secured PostgreSQL database only the Administrator's login may change how documents are
signed and where the QR points (the office row's grants), whatever a psql user tries."""

from __future__ import annotations

import pytest

from tests.db.test_pg_roles import DENIED, Secured, _error_of, secured  # noqa: F401 - the fixture

# Each bumps the version, as the app does (the version guard refuses an edit that does not).
CHANGES = (
    """UPDATE office SET sign_modes = '{"surat_tugas": "aplikasi"}', version = version + 1""",
    "UPDATE office SET verify_url = 'https://phishing.example.com/verifikasi', version = version + 1",
)


@pytest.mark.parametrize("username", ["kadis", "kabid", "meja", "ketua1"])
def test_no_other_login_changes_the_signing_settings(secured: Secured, username: str):  # noqa: F811
    con = secured.connect(username)
    try:
        for sql in CHANGES:
            error = _error_of(con, sql)
            assert isinstance(error, DENIED) and "permission denied" in str(error), (username, sql)
    finally:
        con.close()


def test_the_administrators_login_may(secured: Secured):  # noqa: F811
    con = secured.connect("admin")
    try:
        for sql in CHANGES:
            assert _error_of(con, sql) is None, sql
    finally:
        con.close()
