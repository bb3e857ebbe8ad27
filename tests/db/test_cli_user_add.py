"""`dinas-desk user add`: the first account of an empty database needs no login, every later one is
approved by an Administrator's own login (the command line is no way around the admin tab)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.models import User
from desktop.roles import ADMINISTRATOR, KEPALA_DINAS
from desktop.services.errors import AuthenticationFailed, PermissionDenied
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.office.users import NewUser, add_user_by_command

FIRST = NewUser("admin.kantor", "Rina Marlina", "rahasia-kantor-1", (ADMINISTRATOR,))
SIGNER = NewUser("kadis.baru", "Kepala Baru", "rahasia-kadis-1", (ADMINISTRATOR, KEPALA_DINAS))


def test_the_first_account_needs_no_login_and_a_later_one_needs_an_administrators(database: str):
    ensure_reference_data()
    add_user_by_command(FIRST)

    with pytest.raises(PermissionDenied):
        add_user_by_command(SIGNER)
    with pytest.raises(AuthenticationFailed):
        add_user_by_command(SIGNER, "admin.kantor", "salah-kata-sandi")
    assert not User.select().where(User.username == "kadis.baru").exists()

    created = add_user_by_command(SIGNER, "admin.kantor", "rahasia-kantor-1")
    assert created.username == "kadis.baru"


def test_a_non_administrator_cannot_approve_an_account(database: str):
    ensure_reference_data()
    add_user_by_command(FIRST)
    add_user_by_command(
        NewUser("meja", "Petugas Meja", "rahasia-meja-12", ("pengadministrasi_umum",)),
        "admin.kantor",
        "rahasia-kantor-1",
    )

    with pytest.raises(PermissionDenied):
        add_user_by_command(SIGNER, "meja", "rahasia-meja-12")
    assert not User.select().where(User.username == "kadis.baru").exists()


def _cli(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, DINAS_DESK_DATA_DIR=str(tmp_path / "data"), **env)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", f"sqlite:///{tmp_path / 'kantor.sqlite3'}", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_refuses_a_second_account_without_an_administrators_login(tmp_path):
    add = ("user", "add", "--peran", "administrator,kepala_dinas")
    first = _cli(tmp_path, *add, "admin.kantor", "--nama", "Rina", DINAS_DESK_PASSWORD="rahasia-kantor-1")
    assert first.returncode == 0, first.stderr

    refused = _cli(tmp_path, *add, "kadis.baru", "--nama", "Kepala", DINAS_DESK_PASSWORD="rahasia-kadis-1")
    assert refused.returncode == 1
    assert "Galat: Database ini sudah mempunyai akun." in refused.stderr

    approved = _cli(
        tmp_path, *add, "kadis.baru", "--nama", "Kepala", "--sebagai", "admin.kantor",
        DINAS_DESK_PASSWORD="rahasia-kadis-1", DINAS_DESK_ADMIN_PASSWORD="rahasia-kantor-1",
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    assert "kadis.baru" in _cli(tmp_path, "user", "list").stdout
